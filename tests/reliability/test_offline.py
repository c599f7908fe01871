"""Nothing is fetched at run time: the CLI ingests, searches and answers with no network at all."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, write_letters

pytestmark = pytest.mark.slow


def without_network() -> list[str]:
    """`unshare -rn` (a new network namespace with only a down loopback) where the kernel allows it;
    else proxies pointed at a closed port, so any HTTP request fails."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


def test_the_cli_works_with_no_network(tmp_path):
    docs = write_letters(tmp_path / "docs")
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    env.update({"ASSISTANT_STORE__INDEX_DIR": str(tmp_path / "index"), "HTTP_PROXY": "http://127.0.0.1:9",
                "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""})
    prefix = without_network()

    def run(*args):
        return subprocess.run(prefix + [sys.executable, "-m", "assistant", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)

    ingest = run("ingest", str(docs))
    assert ingest.returncode == 0, ingest.stderr[-2000:]
    answer = json.loads(run("ask", "How many children does each social worker have?", "--json").stdout)
    assert not answer["refused"] and "18" in answer["answer"]
    assert answer["citations"][0]["doc"] == "focused visit.txt"

"""Team mode: one library on a real `chroma run` server, shared by the CLI, two Library clients and the
app, each in its own process or client; what one adds or deletes, all see."""
from __future__ import annotations

import subprocess
import sys

import pytest

from assistant.library import Library
from assistant.settings import Settings
from tests.conftest import ROOT, free_port, running, write_letters

pytestmark = [pytest.mark.slow, pytest.mark.server]


def cli(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", *args, "--chroma-url", url], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_processes_share_one_library_on_a_chroma_server(chroma_server, tmp_path, real_embedder):
    from gradio_client import Client

    docs = write_letters(tmp_path / "docs")
    assert cli(chroma_server, "ingest", str(docs)).returncode == 0
    again = cli(chroma_server, "ingest", str(docs))
    assert again.returncode == 0 and "3 unchanged" in again.stdout + again.stderr

    settings = Settings().with_overrides(store__chroma_url=chroma_server)
    a, b = Library(settings, embedder=real_embedder), Library(settings, embedder=real_embedder)
    names = sorted(p.name for p in docs.iterdir())
    assert sorted(d.doc for d in a.documents()) == sorted(d.doc for d in b.documents()) == names
    question = "How many children does each social worker have?"
    assert [h.id for h in a.search(question, k=3)] == [h.id for h in b.search(question, k=3)]
    answer = b.ask(question)
    assert not answer.refused and answer.citations[0].doc == "focused visit.txt" and "18" in answer.text

    port = free_port()
    with running([sys.executable, "-m", "assistant", "serve", "--chroma-url", chroma_server, "--port", str(port)],
                 f"http://127.0.0.1:{port}/", tmp_path / "serve.log"):
        app = Client(f"http://127.0.0.1:{port}/", verbose=False)
        assert sorted(row[-1] for row in app.predict(api_name="/documents")) == names

        deleted = cli(chroma_server, "delete", "focused visit.txt")
        assert deleted.returncode == 0, deleted.stderr
        rest = [n for n in names if n != "focused visit.txt"]
        assert sorted(row[-1] for row in app.predict(api_name="/documents")) == rest
        assert sorted(d.doc for d in a.documents()) == rest
        assert all(h.doc != "focused visit.txt" for h in a.search(question, k=10) + b.search(question, k=10))

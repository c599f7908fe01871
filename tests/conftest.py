"""Shared fixtures: a deterministic fake embedder for logic tests, the real model for the rest,
small documents the tests write themselves, and ../shared for real PDFs."""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from ingest.chunking import approx_tokens

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


class FakeEmbedder:
    """Hashed bag of words: texts sharing words are close. Deterministic, no model."""

    name = "fake-hash"
    dimension = 512

    def embed(self, texts, batch_size=None):
        out = []
        for text in texts:
            v = np.zeros(self.dimension)
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                v[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
            norm = np.linalg.norm(v) or 1.0
            out.append((v / norm).tolist())
        return out

    def count_tokens(self, text):
        return approx_tokens(text)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url: str, headers: dict | None = None) -> bool:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as r:
            return r.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def running(args: list[str], url: str, log: Path, env: dict | None = None, timeout: float = 180,
            headers: dict | None = None):
    """A real server process (`serve`, `chroma run`), up once `url` answers 200; stopped afterwards."""
    with open(log, "w") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out,
                                stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + timeout
        while not answers(url, headers):
            if proc.poll() is not None:
                pytest.fail(f"{' '.join(args[:4])} exited with {proc.returncode}: {log.read_text()[-2000:]}")
            if time.time() > deadline:
                pytest.fail(f"{' '.join(args[:4])} did not answer within {timeout:.0f} s")
            time.sleep(0.5)
        yield proc
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """Terminate a server process, and kill it if it has not gone within 20 s."""
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real `chroma run` on a free loopback port; yields its URL."""
    exe = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    port, data = free_port(), tmp_path_factory.mktemp("chroma-server")
    url = f"http://127.0.0.1:{port}"
    with running([exe, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(data)],
                 f"{url}/api/v2/heartbeat", data.parent / "chroma.log", timeout=60):
        yield url


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture(scope="session")
def real_embedder():
    from vectorstore import SentenceTransformerEmbedder

    emb = SentenceTransformerEmbedder()
    emb.warm_up()
    return emb


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips where it is absent, but never in CI (there it must exist)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing in CI: ../shared must sit beside the repository")
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path


@pytest.fixture
def library_factory(tmp_path, fake_embedder):
    from assistant.library import Library
    from assistant.settings import Settings

    def make(embedder=None, **overrides):
        settings = Settings().with_overrides(store__index_dir=tmp_path / "index", **overrides)
        return Library(settings, embedder=embedder or fake_embedder)

    return make


@pytest.fixture
def letters(tmp_path) -> Path:
    """Three small documents of three kinds, written by the test."""
    return write_letters(tmp_path / "docs")


def write_letters(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "focused visit.txt").write_text(
        "12 March 2024\n\nDear Ms Smith\n\nFocused visit to Testshire local authority children's services\n\n"
        "This letter summarises the findings of the focused visit to Testshire children's services on 5 and 6 "
        "February 2024.\n\nHeadline findings\n\nSupervision of social workers is regular but it rarely reflects on "
        "children's plans. Caseloads average 18 children per worker.\n\nCare leavers have a trusted adult.\n",
        encoding="utf-8")
    (folder / "scrutiny & committee's paper, 2023.md").write_text(
        "# CHILDREN AND YOUNG PEOPLE OVERVIEW AND SCRUTINY COMMITTEE\n\n14 June 2023\n\n## Summary\n\n"
        "The **committee** considered the budget for foster carers. The [report](http://example.org) sets out "
        "a £2.1m increase in allowances.\n\n- 1.1 Recruitment of foster carers remains a priority.\n"
        "- 1.2 Sufficiency of local placements is low.\n", encoding="utf-8")
    from tests.pdfgen import make_pdf

    make_pdf(folder / "inspection report.pdf", [
        ["Inspection of Testshire local authority children's services",
         "Inspection dates: 3 to 14 July 2023", "Overall effectiveness Good",
         "Leaders have improved the front door. The multi-agency safeguarding hub responds",
         "promptly to contacts and referrals."],
        ["2", "Disabled children wait too long for assessments of their needs. Transition to adult",
         "services starts late for many young people."],
    ])
    return folder


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright (`playwright install` cannot reach its CDN here)."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run installs it")
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield b
        b.close()


# -- the app, served for real (tests/assistant/test_app.py, tests/reliability/test_app_security.py) ----
MARKUP_NAME = '<img src=x onerror="window.__xss=3">allotments.txt'
XSS = ("Minutes of the panel meeting. The chair wrote <script>window.__xss = 1</script> about the fostering "
       "allowance. A member pasted <img src=x onerror=\"window.__xss = 2\"> beside the fostering allowance note.\n")


def get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read(), r.headers.get("content-type", "")
    except urllib.error.HTTPError as e:
        return e.code, b"", ""


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """The app served for real on a free loopback port over the test letters, a document holding markup,
    and a file whose name is markup; shared by the app and security tests."""
    root = tmp_path_factory.mktemp("app")
    docs = write_letters(root / "docs")
    (docs / "panel minutes.txt").write_text(XSS, encoding="utf-8")
    (docs / MARKUP_NAME).write_text("The parks committee noted that the allotment waiting list has 140 names.\n",
                                    encoding="utf-8")
    with served(docs, root) as url:
        yield url


@contextlib.contextmanager
def served(docs: Path, root: Path):
    """`ingest` the documents into an index under `root` with the CLI, then `serve` it on a free loopback
    port; yields the app's URL."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           "ASSISTANT_STORE__INDEX_DIR": str(root / "index")}
    run = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(docs)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    port = free_port()
    with running([sys.executable, "-m", "assistant", "serve", "--port", str(port)], f"http://127.0.0.1:{port}/",
                 root / "serve.log", env):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="session")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


def ask(client, question, history=(), **filters):
    return client.predict(question, json.dumps(list(history)), json.dumps(filters), api_name="/ask")


def ask_in_page(page, question):
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()



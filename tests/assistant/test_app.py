"""The Gradio app launched for real (`python -m assistant serve` on a free loopback port), driven
through gradio_client and a headless Chromium."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, free_port, running, write_letters

pytestmark = [pytest.mark.slow, pytest.mark.server]

MARKUP_NAME = '<img src=x onerror="window.__xss=3">allotments.txt'
XSS = ("Minutes of the panel meeting. The chair wrote <script>window.__xss = 1</script> about the fostering "
       "allowance. A member pasted <img src=x onerror=\"window.__xss = 2\"> beside the fostering allowance note.\n")


def _get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read(), r.headers.get("content-type", "")
    except urllib.error.HTTPError as e:
        return e.code, b"", ""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("app")
    docs = write_letters(root / "docs")
    (docs / "panel minutes.txt").write_text(XSS, encoding="utf-8")
    (docs / MARKUP_NAME).write_text("The parks committee noted that the allotment waiting list has 140 names.\n",
                                    encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           "ASSISTANT_STORE__INDEX_DIR": str(root / "index")}
    run = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(docs)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    port = free_port()
    with running([sys.executable, "-m", "assistant", "serve", "--port", str(port)], f"http://127.0.0.1:{port}/",
                 root / "serve.log", env):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


def ask(client, question, history=(), **filters):
    return client.predict(question, json.dumps(list(history)), json.dumps(filters), api_name="/ask")


def test_ask_follow_up_and_filter_through_the_api(client):
    first = ask(client, "How many children does each social worker have on average?")
    assert not first["refused"] and "Caseloads average 18 children per worker. [1]" in first["answer"]
    assert first["citations"][0]["doc"] == "focused visit.txt" and first["citations"][0]["page"] == 1

    history = [{"role": "user", "content": "What did the committee say about foster carers?"},
               {"role": "assistant", "content": "Recruitment of foster carers remains a priority."}]
    follow = ask(client, "How much was the increase?", history)
    assert "£2.1m" in follow["answer"]
    assert follow["citations"][0]["doc"] == "scrutiny & committee's paper, 2023.md"

    scoped = ask(client, "What did inspectors find about disabled children?", kinds=["full inspection"])
    assert scoped["citations"] and {c["doc"] for c in scoped["citations"]} == {"inspection report.pdf"}
    nothing = ask(client, "What did inspectors find about disabled children?", kinds=["commissioner report"])
    assert nothing["refused"] and not nothing["citations"]

    hits = client.predict("disabled children assessments", 2, "{}", api_name="/search")
    assert len(hits) == 2 and hits[0]["doc"] == "inspection report.pdf"


def test_upload_then_delete_through_the_api(client, tmp_path):
    from gradio_client import handle_file

    new = tmp_path / "council news, May 2024.txt"
    new.write_text("Council news, 20 May 2024. The council opened two new children's homes in Testshire, "
                   "with eight beds for children in care.\n", encoding="utf-8")
    fake = tmp_path / "minutes.pdf"
    fake.write_text("<!DOCTYPE html><html>Sign in to continue</html>")
    status, *_ = client.predict([handle_file(str(new)), handle_file(str(fake))], api_name="/upload")
    assert "council news, May 2024.txt: added" in status
    assert "1 of 2 files failed" in status and "minutes.pdf: failed (not a PDF" in status
    docs = [row[-1] for row in client.predict(api_name="/documents")]
    assert "council news, May 2024.txt" in docs
    found = ask(client, "How many beds do the new children's homes have?")
    assert found["citations"][0]["doc"] == "council news, May 2024.txt" and "eight beds" in found["answer"]

    status, *_ = client.predict("council news, May 2024.txt", api_name="/delete")
    assert "Deleted" in status
    assert "council news, May 2024.txt" not in [row[-1] for row in client.predict(api_name="/documents")]
    gone = ask(client, "How many beds do the new children's homes have?")
    assert all(c["doc"] != "council news, May 2024.txt" for c in gone["citations"] + gone["closest"])


def test_documents_are_served_only_from_the_library(client, app_url):
    answer = ask(client, "What did inspectors find about disabled children?")
    pdf = answer["citations"][0]
    status, body, kind = _get(f"{app_url}doc/{pdf['doc_id']}")
    assert status == 200 and body.startswith(b"%PDF") and kind == "application/pdf"
    assert _get(f"{app_url}doc/{'0' * 64}")[0] == 404
    for traversal in ("..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "../../../etc/passwd", "%2E%2E/%2E%2E/etc/passwd",
                      f"{pdf['doc_id']}/..%2F..%2F..%2Fetc%2Fpasswd"):
        status, body, _ = _get(f"{app_url}doc/{traversal}")
        assert b"root:" not in body and status in (404, 405), traversal


def _ask_in_page(page, question):
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()


def test_browser_asks_opens_a_citation_and_saves_a_screenshot(browser, app_url, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    _ask_in_page(page, "What did inspectors find about disabled children?")
    page.locator("#sources details").first.wait_for(timeout=60000)
    page.locator("#chat a[href='#cite-1']").first.click()
    cited = page.locator("#cite-1")
    assert cited.is_visible() and "inspection report.pdf" in cited.inner_text()
    assert "Disabled children wait too long" in cited.locator("mark").first.inner_text()
    shot = Path(os.environ.get("SCREENSHOT_DIR", tmp_path)) / "app-answer.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    # a follow-up in the same conversation leans on the first question
    _ask_in_page(page, "And what about moving on to adult services?")
    page.get_by_text("Transition to adult").last.wait_for(timeout=60000)


def test_browser_shows_markup_in_documents_as_text(browser, app_url):
    page = browser.new_page()
    page.goto(app_url, wait_until="domcontentloaded")
    _ask_in_page(page, "What did the chair write about the fostering allowance?")
    page.locator("#sources details").first.wait_for(timeout=60000)
    page.wait_for_timeout(1000)
    assert "<script>window.__xss = 1</script>" in page.locator("#sources").inner_text()
    assert page.evaluate("() => window.__xss") is None


def test_browser_shows_markup_in_file_names_as_text(browser, app_url):
    page = browser.new_page()
    page.goto(app_url, wait_until="domcontentloaded")
    _ask_in_page(page, "How many names are on the allotment waiting list?")
    page.locator("#sources details").first.wait_for(timeout=60000)
    page.wait_for_timeout(1000)
    assert MARKUP_NAME in page.locator("#sources").inner_text()
    page.get_by_role("tab", name="Library").click()
    title = MARKUP_NAME.removesuffix(".txt")  # the title of a document with no metadata is its file name
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=title, timeout=20000)
    assert page.evaluate("() => window.__xss") is None


def test_uploads_are_checked_and_their_names_made_safe(tmp_path):
    from assistant.app import safe_upload_name, upload_problem

    assert safe_upload_name("../../etc/passwd") == "passwd"
    assert safe_upload_name("..\\..\\windows\\evil.pdf") == "evil.pdf"
    assert safe_upload_name("x<script>.pdf") == "x_script_.pdf"
    assert safe_upload_name("Children's services & SEND (2024), v2.pdf") == "Children's services & SEND (2024), v2.pdf"
    assert safe_upload_name(".hidden.pdf") == "hidden.pdf"
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    assert "only .pdf, .txt, .md" in upload_problem(exe)
    big = tmp_path / "big.pdf"
    with open(big, "wb") as f:
        f.truncate(51 * 1024 * 1024)  # sparse: 51 MB on paper
    assert "over the 50 MB limit" in upload_problem(big)
    ok = tmp_path / "ok.txt"
    ok.write_text("fine")
    assert upload_problem(ok) == ""

"""The app's security on the real server: documents served only from the library (no path traversal),
markup in passages and file names shown as text in the browser, uploads checked and their names made safe."""
from __future__ import annotations

import pytest

from tests.conftest import MARKUP_NAME, ask, ask_in_page, get

pytestmark = [pytest.mark.slow, pytest.mark.server]


def test_documents_are_served_only_from_the_library(client, app_url):
    answer = ask(client, "What did inspectors find about disabled children?")
    pdf = answer["citations"][0]
    status, body, kind = get(f"{app_url}doc/{pdf['doc_id']}")
    assert status == 200 and body.startswith(b"%PDF") and kind == "application/pdf"
    assert get(f"{app_url}doc/{'0' * 64}")[0] == 404
    for traversal in ("..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "../../../etc/passwd", "%2E%2E/%2E%2E/etc/passwd",
                      f"{pdf['doc_id']}/..%2F..%2F..%2Fetc%2Fpasswd"):
        status, body, _ = get(f"{app_url}doc/{traversal}")
        assert b"root:" not in body and status in (404, 405), traversal


def sources_after_asking(browser, app_url, question):
    """A fresh page that asked `question`; the sources panel once it shows passages."""
    page = browser.new_page()
    page.goto(app_url, wait_until="domcontentloaded")
    ask_in_page(page, question)
    page.locator("#sources details").first.wait_for(timeout=60000)
    page.wait_for_timeout(1000)
    return page, page.locator("#sources").inner_text()


def test_browser_shows_markup_in_documents_as_text(browser, app_url):
    page, sources = sources_after_asking(browser, app_url, "What did the chair write about the fostering allowance?")
    assert "<script>window.__xss = 1</script>" in sources
    assert page.evaluate("() => window.__xss") is None


def test_browser_shows_markup_in_file_names_as_text(browser, app_url):
    page, sources = sources_after_asking(browser, app_url, "How many names are on the allotment waiting list?")
    assert MARKUP_NAME in sources
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

"""The Gradio app launched for real (`python -m assistant serve` on a free loopback port), driven
through gradio_client and a headless Chromium."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ask, ask_in_page

pytestmark = [pytest.mark.slow, pytest.mark.server]


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


def test_browser_asks_opens_a_citation_and_saves_a_screenshot(browser, app_url, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    ask_in_page(page, "What did inspectors find about disabled children?")
    page.locator("#sources details").first.wait_for(timeout=60000)
    page.locator("#chat a[href='#cite-1']").first.click()
    cited = page.locator("#cite-1")
    assert cited.is_visible() and "inspection report.pdf" in cited.inner_text()
    assert "Disabled children wait too long" in cited.locator("mark").first.inner_text()
    shot = Path(os.environ.get("SCREENSHOT_DIR", tmp_path)) / "app-answer.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    # a follow-up in the same conversation leans on the first question
    ask_in_page(page, "And what about moving on to adult services?")
    page.get_by_text("Transition to adult").last.wait_for(timeout=60000)

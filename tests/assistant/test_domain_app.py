"""The domain features on the real app: the Timeline tab and history API (a council's reports in date
order, their judgements in a table and a chart), and the Prepare tab (compare two years on a theme,
draft scrutiny questions, download both as Markdown and .docx)."""
from __future__ import annotations


import pytest

from tests.assistant.test_facts import inspection
from tests.conftest import served

pytestmark = [pytest.mark.slow, pytest.mark.server]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("timeline")
    folder = root / "reports"
    folder.mkdir()
    inspection(folder, "2019.pdf", 2019, ["Inadequate", "Inadequate", "Requires improvement to be good", "Good"])
    inspection(folder, "2023.pdf", 2023, ["Good", "Requires improvement to be good", "Good", "Good"])
    (folder / "visit 2021.txt").write_text(
        "12 March 2021\n\nFocused visit to Rutland local authority children's services\n\nSupervision of social "
        "workers is infrequent and does not challenge drift in children's plans.\n", encoding="utf-8")
    (folder / "news.txt").write_text("Rutland County Council news, 3 May 2024. New foster carers joined in Rutland "
                                     "and Rutland.\n", encoding="utf-8")
    with served(folder, root) as url:
        yield url


def test_history_through_the_api(app_url):
    from gradio_client import Client

    rows = Client(app_url, verbose=False).predict("Rutland", api_name="/history")
    assert [(r["doc"], r["overall"]) for r in rows] == [("2019.pdf", "inadequate"), ("visit 2021.txt", None),
                                                        ("2023.pdf", "good"), ("news.txt", None)]
    assert rows[0]["judgement_page"] == 2 and rows[2]["lead_inspector"] == "Alex Example"


def test_timeline_tab_shows_the_table_and_the_chart(browser, app_url):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    page.get_by_role("tab", name="Timeline").click()
    page.wait_for_function("() => document.body.innerText.includes('Rutland: 4 documents')", timeout=30000)
    text = page.locator("#timeline").inner_text()
    assert "overall effectiveness: inadequate (p. 2)" in text and "overall effectiveness: good (p. 2)" in text
    page.locator("#timeline-plot canvas, #timeline-plot svg").first.wait_for(timeout=20000)


def test_prepare_tab_compares_two_years_and_drafts_questions_to_download(browser, app_url):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    page.get_by_role("tab", name="Prepare").click()
    page.locator("#p-theme textarea").fill("supervision")
    page.locator("#p-left textarea").fill("2021")
    page.locator("#p-right textarea").fill("2023")
    page.locator("#compare").click()
    page.wait_for_function("() => document.querySelector('#prepare-right').innerText.includes('Rutland 2023')",
                           timeout=60000)
    assert "does not challenge drift" in page.locator("#prepare-left").inner_text()
    downloads = "name => [...document.querySelectorAll('a')].some(a => (a.href || '').includes(name))"
    page.wait_for_function(downloads, arg="comparison.docx", timeout=20000)
    page.locator("#scrutiny").click()
    page.wait_for_function("() => document.querySelector('#prepare-left').innerText.includes('Questions for')",
                           timeout=60000)
    questions = page.locator("#prepare-left").inner_text()
    assert 'Inspectors found in 2021 that "Supervision of social workers is infrequent' in questions
    page.wait_for_function(downloads, arg="scrutiny-questions.docx", timeout=20000)


def test_evaluate_tab_runs_an_uploaded_dataset_and_offers_the_results(browser, app_url, tmp_path):
    import json

    dataset = tmp_path / "rutland.jsonl"
    dataset.write_text("\n".join(json.dumps(row) for row in [
        {"id": "r1", "question": "Is supervision of social workers in Rutland regular?", "history": [],
         "answer": "No", "kind": "fact",
         "evidence": [{"doc": "visit 2021.txt", "quote": "Supervision of social workers is infrequent"}]},
        {"id": "r2", "question": "What is the weather on Mars?", "history": [], "answer": "", "evidence": [],
         "kind": "unanswerable"}]))
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    page.get_by_role("tab", name="Evaluate").click()
    page.locator("#e-file input[type=file]").set_input_files(str(dataset))
    page.wait_for_timeout(1500)
    page.locator("#e-run").click()
    page.wait_for_function("() => document.querySelector('#e-summary').innerText.includes('Per kind')",
                           timeout=60000)
    summary = page.locator("#e-summary").inner_text()
    assert "hybrid\t1\t1.000" in summary or "hybrid 1 1.000" in " ".join(summary.split())
    assert "r1" in page.locator("#e-table").inner_text()
    downloads = "name => [...document.querySelectorAll('a')].some(a => (a.href || '').includes(name))"
    for name in ("metrics.json", "results.jsonl", "results.csv", "report.md"):
        page.wait_for_function(downloads, arg=name, timeout=20000)

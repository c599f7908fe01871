"""The Timeline tab and the history API on the real app: a council's reports in date order, their
judgements in a table and a chart."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.assistant.test_facts import inspection
from tests.conftest import ROOT, free_port, running

pytestmark = [pytest.mark.slow, pytest.mark.server]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("timeline")
    folder = root / "reports"
    folder.mkdir()
    inspection(folder, "2019.pdf", 2019, ["Inadequate", "Inadequate", "Requires improvement to be good", "Good"])
    inspection(folder, "2023.pdf", 2023, ["Good", "Requires improvement to be good", "Good", "Good"])
    (folder / "news.txt").write_text("Rutland County Council news, 3 May 2024. New foster carers joined in Rutland "
                                     "and Rutland.\n", encoding="utf-8")
    env = {**os.environ, "ASSISTANT_STORE__INDEX_DIR": str(root / "index")}
    run = subprocess.run([sys.executable, "-m", "assistant", "ingest", str(folder)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    port = free_port()
    with running([sys.executable, "-m", "assistant", "serve", "--port", str(port)], f"http://127.0.0.1:{port}/",
                 root / "serve.log", env):
        yield f"http://127.0.0.1:{port}/"


def test_history_through_the_api(app_url):
    from gradio_client import Client

    rows = Client(app_url, verbose=False).predict("Rutland", api_name="/history")
    assert [(r["doc"], r["overall"]) for r in rows] == [("2019.pdf", "inadequate"), ("2023.pdf", "good"),
                                                        ("news.txt", None)]
    assert rows[0]["judgement_page"] == 2 and rows[1]["lead_inspector"] == "Alex Example"


def test_timeline_tab_shows_the_table_and_the_chart(browser, app_url):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(app_url, wait_until="domcontentloaded")
    page.get_by_role("tab", name="Timeline").click()
    page.wait_for_function("() => document.body.innerText.includes('Rutland: 3 documents')", timeout=30000)
    text = page.locator("#timeline").inner_text()
    assert "overall effectiveness: inadequate (p. 2)" in text and "overall effectiveness: good (p. 2)" in text
    page.locator("#timeline-plot canvas, #timeline-plot svg").first.wait_for(timeout=20000)

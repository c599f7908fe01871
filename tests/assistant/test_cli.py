"""The CLI run as a process, with the real packaged model and an embedded Chroma."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, shared_path

pytestmark = pytest.mark.slow


def cli(*args, index):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ASSISTANT_STORE__INDEX_DIR": str(index)}
    return subprocess.run([sys.executable, "-m", "assistant", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)


def test_ingest_docs_search_delete(tmp_path, letters):
    index = tmp_path / "index"
    first = cli("ingest", letters, "--json", index=index)
    assert first.returncode == 0, first.stderr
    assert {o["status"] for o in json.loads(first.stdout)} == {"added"}

    docs = json.loads(cli("docs", "--json", index=index).stdout)
    assert {d["doc"] for d in docs} == {"focused visit.txt", "scrutiny & committee's paper, 2023.md",
                                        "inspection report.pdf"}
    assert all({"doc", "title", "kind", "date", "pages", "chunks"} <= d.keys() for d in docs)
    visit = next(d for d in docs if d["doc"] == "focused visit.txt")
    assert (visit["kind"], visit["date"]) == ("focused visit", "2024-03-12")

    hits = json.loads(cli("search", "How long do disabled children wait for assessments?", "--k", "3", "--json",
                          index=index).stdout)
    assert len(hits) <= 3 and hits[0]["doc"] == "inspection report.pdf" and hits[0]["page"] in (1, 2)
    assert {"doc", "page", "text", "score", "title"} <= hits[0].keys()

    again = cli("ingest", letters, "--json", index=index)
    assert {o["status"] for o in json.loads(again.stdout)} == {"unchanged"}
    reread = cli("reindex", "--json", index=index)  # after an upgrade: every file read again, nothing doubled
    assert reread.returncode == 0 and {o["status"] for o in json.loads(reread.stdout)} == {"replaced"}
    assert len(json.loads(cli("docs", "--json", index=index).stdout)) == 3

    assert cli("delete", "inspection report.pdf", index=index).returncode == 0
    gone = cli("delete", "inspection report.pdf", index=index)
    assert gone.returncode == 1 and "no document named" in gone.stderr
    assert len(json.loads(cli("docs", "--json", index=index).stdout)) == 2


def test_a_changed_file_replaces_its_chunks_and_a_copy_is_a_duplicate(tmp_path, letters):
    index = tmp_path / "index"
    assert cli("ingest", letters, index=index).returncode == 0
    note = letters / "focused visit.txt"
    note.write_text(note.read_text() + "\nLeaders plan a new edge-of-care service.\n")
    shutil.copy(letters / "inspection report.pdf", letters / "copy of report.pdf")
    out = json.loads(cli("ingest", letters, "--json", index=index).stdout)
    status = {o["doc"]: o["status"] for o in out}
    assert status["focused visit.txt"] == "replaced"
    assert status["copy of report.pdf"] == "duplicate"
    hits = json.loads(cli("search", "edge-of-care service", "--retriever", "bm25", "--json", index=index).stdout)
    assert hits[0]["doc"] == "focused visit.txt" and "edge-of-care" in hits[0]["text"]


def test_broken_files_fail_one_line_each_and_the_good_file_is_indexed(tmp_path, letters):
    broken = shared_path("corpus", "broken")
    index = tmp_path / "index"
    good = letters / "inspection report.pdf"
    run = cli("ingest", broken, good, index=index)
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    assert all("not a PDF" in e and ".pdf" in e for e in errors)
    docs = json.loads(cli("docs", "--json", index=index).stdout)
    assert [d["doc"] for d in docs] == ["inspection report.pdf"]
    before = json.loads(cli("search", "disabled children", "--json", index=index).stdout)
    again = cli("ingest", good, "--json", index=index)
    assert again.returncode == 0 and json.loads(again.stdout)[0]["status"] == "unchanged"
    assert json.loads(cli("search", "disabled children", "--json", index=index).stdout) == before


def test_bad_arguments_exit_non_zero_with_one_line(tmp_path):
    run = cli("search", "x", "--k", "0", index=tmp_path / "i")
    assert run.returncode == 2 and run.stderr.startswith("error:") and len(run.stderr.strip().splitlines()) == 1
    assert cli("ingest", tmp_path / "missing.pdf", index=tmp_path / "i").returncode == 1
    assert "--help" not in cli("--help", index=tmp_path / "i").stderr


def test_ask_answers_with_citations_follows_up_and_refuses(tmp_path, letters):
    index = tmp_path / "index"
    assert cli("ingest", letters, index=index).returncode == 0

    got = cli("ask", "How many children does each social worker have on average?", "--json", index=index)
    answer = json.loads(got.stdout)
    assert not answer["refused"] and "Caseloads average 18 children per worker. [1]" in answer["answer"]
    assert [c["doc"] for c in answer["citations"]] == ["focused visit.txt"]
    assert {"n", "doc", "title", "date", "page", "text"} <= answer["citations"][0].keys()

    history = tmp_path / "history.json"
    history.write_text(json.dumps([{"role": "user", "content": "What did the committee say about foster carers?"},
                                   {"role": "assistant", "content": "Recruitment remains a priority."}]))
    follow = json.loads(cli("ask", "How much was the increase?", "--history", history, "--json", index=index).stdout)
    assert "£2.1m" in follow["answer"] and follow["citations"][0]["doc"].endswith(".md")

    refused = json.loads(cli("ask", "How many refugee children were in care?", "--json", index=index).stdout)
    assert refused["refused"] and not refused["citations"] and refused["closest"]

    plain = cli("ask", "How many children does each social worker have on average?", index=index).stdout
    assert "Sources:" in plain and "[1] " in plain

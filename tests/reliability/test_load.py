"""20 gradio_client users asking at once while one more uploads and deletes: no errors, and every answer
is the one its question gets alone (no answers mixed up between sessions). Latency is printed, not asserted."""
from __future__ import annotations


import pytest

from benchmarks.load import run_load, upload_files
from tests.conftest import served, write_letters

pytestmark = [pytest.mark.slow, pytest.mark.server]

QUESTIONS = [
    "How many children does each social worker have on average?",
    "What did the committee say about foster carers?",
    "How much did fostering allowances go up?",
    "What did inspectors find about disabled children?",
    "When does transition to adult services start?",
    "How does the multi-agency safeguarding hub respond to referrals?",
    "Do care leavers have a trusted adult?",
    "What is the overall effectiveness judgement?",
    "Is the sufficiency of local placements good?",
    "When was the focused visit to Testshire?",
]


def test_twenty_users_and_an_uploader_get_their_own_answers_without_errors(tmp_path):
    docs = write_letters(tmp_path / "docs")
    with served(docs, tmp_path) as url:
        got = run_load(url, QUESTIONS, users=20, seconds=20, uploads=upload_files(tmp_path / "uploads", 200))
    print(f"\nunder load: {got['questions_answered']} answers in {got['seconds']} s, latency {got['latency_ms']}, "
          f"uploads {got['uploads']}")
    assert got["errors"] == []
    assert got["mixed_up"] == []
    assert got["questions_answered"] >= 20  # every user was answered at least about once
    assert got["uploads"]["added"] >= 1 and got["uploads"]["added"] == got["uploads"]["deleted"]

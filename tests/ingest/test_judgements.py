"""Metadata read from real Ofsted PDFs against a table of expected values checked by hand
(tests/ingest/judgements_expected.json: 20 reports, 2013-2026, full inspections, visits, area SEND)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest import load_document
from ingest.judgements import read_findings
from tests.conftest import shared_path

pytestmark = pytest.mark.corpus
EXPECTED = json.loads((Path(__file__).with_name("judgements_expected.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", EXPECTED, ids=[r["path"].split("/")[-2][:20] + "/" + r["path"].split("/")[-1][-24:]
                                               for r in EXPECTED])
def test_metadata_and_judgements_match_the_report(row):
    path = shared_path("corpus", *row["path"].split("/"))
    info = load_document(path, path.name, path.read_bytes()).info
    got = {"local_authority": info.local_authority, "kind": info.kind, "visit_dates": list(info.visit_dates),
           "lead_inspector": info.lead_inspector, "overall": info.overall, "judgements": dict(info.judgements),
           "judgement_page": info.judgement_page, "send_outcome": info.outcome}
    assert got == {k: row[k] for k in got}


def test_a_report_with_no_overall_grade_gets_none():
    table = ["Inspection of Testshire local authority children's services", "Judgement Grade",
             "The impact of leaders on social work practice with children and families Good",
             "The experiences and progress of care leavers Outstanding",
             "Children in Testshire benefit from good services."]
    found = read_findings(["\n".join(table)], "full inspection")
    assert found.overall is None and dict(found.judgements) == {
        "the impact of leaders on social work practice with children and families": "good",
        "the experiences and progress of care leavers": "outstanding"}
    assert read_findings(["\n".join(table)], "focused visit").judgements == ()

"""'What did the 2023 inspection find?': the report's own summary, quoted and cited to its page."""
from __future__ import annotations

from assistant.overview import asks_for_overview
from tests.assistant.test_facts import inspection


def test_a_question_with_no_topic_of_its_own_asks_for_an_overview():
    assert asks_for_overview("What did the 2023 inspection of Rutland find?", ["Rutland"])
    assert asks_for_overview("Summarise the latest focused visit.")
    assert asks_for_overview("What were the main findings of the June 2025 focused visit?")
    assert asks_for_overview("I'm new in post. What did Ofsted find at its most recent focused visit, the one in "
                             "November 2025?")  # a sentence before the question asks nothing
    assert not asks_for_overview("What did the 2023 inspection find about supervision?")
    assert not asks_for_overview("Supervision worries me. What did the 2023 inspection find about it?")
    assert not asks_for_overview("What did the 2023 inspection of Rutland find about care leavers?", ["Rutland"])


def test_what_a_report_found_is_its_summary_cited_to_its_page(tmp_path, library_factory):
    folder = tmp_path / "reports"
    folder.mkdir()
    inspection(folder, "2023.pdf", 2023, ["Good", "Requires improvement to be good", "Good", "Good"])
    (folder / "visit.txt").write_text(
        "12 March 2025\n\nFocused visit to Rutland local authority children's services\n\n"
        "This letter summarises the findings of the focused visit on 4 and 5 February 2025.\n\n"
        "Headline findings\n\nLeaders have strengthened the front door. Supervision is regular and reflective. "
        "Caseloads are manageable in every team. Care leavers have a trusted adult.\n\n"
        "Main findings\n\nThe multi-agency safeguarding hub responds quickly to contacts.\n", encoding="utf-8")
    lib = library_factory()
    lib.ingest([folder])

    latest = lib.ask("What did the latest focused visit to Rutland find?")
    assert latest.text.startswith("In ") and ": Leaders have strengthened the front door. [1] Supervision is regular " \
        "and reflective. [1] Caseloads are manageable in every team. [1]" in latest.text
    assert [c.doc for c in latest.citations] == ["visit.txt"] and not latest.refused

    report = lib.ask("What did the 2023 inspection of Rutland find?")  # the paragraph under the judgement table
    assert "Children in Rutland receive services that have changed since 2019. [1]" in report.text
    cited = report.citations[0]
    assert cited.doc == "2023.pdf" and cited.page <= 2 <= (cited.page_end or cited.page)  # the table's page

    topical = lib.ask("What did the latest focused visit to Rutland find about the multi-agency safeguarding hub?")
    assert "responds quickly" in topical.text  # a topic: answered from the findings, not the summary
    assert "Leaders have strengthened" not in lib.ask("Who led the 2023 inspection of Rutland?").text

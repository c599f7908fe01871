"""Compare two years on a theme, challenge questions on cited findings, and their Markdown and .docx.
The real model: whether a finding is strong enough to cite depends on it."""
from __future__ import annotations

import pytest

from tests.assistant.test_facts import inspection


pytestmark = pytest.mark.slow


@pytest.fixture
def library(tmp_path, library_factory, real_embedder):
    folder = tmp_path / "reports"
    folder.mkdir()
    inspection(folder, "2019.pdf", 2019, ["Inadequate", "Inadequate", "Requires improvement to be good", "Good"])
    (folder / "visit 2019.txt").write_text(
        "12 March 2019\n\nFocused visit to Rutland local authority children's services\n\nSupervision of social "
        "workers is infrequent and does not challenge drift in children's plans.\n", encoding="utf-8")
    (folder / "visit 2024.txt").write_text(
        "14 May 2024\n\nFocused visit to Rutland local authority children's services\n\nSupervision of social "
        "workers is now regular and reflective. 92% of supervision records were completed on time.\n",
        encoding="utf-8")
    lib = library_factory(embedder=real_embedder)
    lib.ingest([folder])
    return lib


def test_two_years_side_by_side_each_with_its_own_cited_passages(library):
    from assistant.prepare import compare, comparison_markdown

    sides = compare(library, "supervision", "2019", "2024", authority="Rutland")
    assert [s.label for s in sides] == ["Rutland 2019", "Rutland 2024"]
    assert {c.doc for c in sides[0].answer.citations} == {"visit 2019.txt"}
    assert {c.doc for c in sides[1].answer.citations} == {"visit 2024.txt"}
    text = comparison_markdown("supervision", sides)
    assert text.index("### Rutland 2019") < text.index("infrequent") < text.index("### Rutland 2024") < \
        text.index("now regular")


def test_a_side_that_is_not_a_year_or_a_document_is_refused_plainly(library):
    from assistant.prepare import compare

    with pytest.raises(ValueError, match="neither a year nor a document"):
        compare(library, "supervision", "2019", "last spring")


def test_challenge_questions_rest_on_cited_findings(library):
    from assistant.prepare import challenges, challenges_markdown

    items = challenges(library, "supervision", authority="Rutland")
    assert items and all(c.citation.sentence in c.citation.text for c in items)
    by_doc = {c.citation.doc: c.question for c in items}
    assert "does not challenge drift" in by_doc["visit 2019.txt"] and "What has been done" in by_doc["visit 2019.txt"]
    assert "92%" in by_doc["visit 2024.txt"] and "What is the figure now" in by_doc["visit 2024.txt"]
    text = challenges_markdown("supervision", items)
    assert "1. Inspectors found in 2019" in text and "Sources:" in text


def test_asking_the_chat_what_to_ask_gives_the_challenge_questions_with_their_citations(library):
    from assistant.prepare import ASKS_FOR_CHALLENGES

    answer = library.ask("What should councillors ask about supervision?")
    assert not answer.refused and answer.text.startswith("Questions a councillor could ask on supervision")
    assert {int(n) for n in __import__("re").findall(r"\[(\d+)\]", answer.text)} == {c.n for c in answer.citations}
    assert {"visit 2019.txt", "visit 2024.txt"} <= {c.doc for c in answer.citations}
    assert "What has been done about this since" in answer.text and "Sources:" in answer.markdown()
    assert library.ask("What should councillors ask about foster carers' allowances?").refused  # no finding on it
    assert ASKS_FOR_CHALLENGES.search("What questions could the committee raise on care leavers?")
    assert not ASKS_FOR_CHALLENGES.search("What did inspectors ask about supervision?")


def test_exports_as_markdown_and_docx(library, tmp_path):
    from docx import Document

    from assistant.prepare import challenges, challenges_markdown, export

    text = challenges_markdown("supervision", challenges(library, "supervision", authority="Rutland"))
    assert export(text, tmp_path / "q.md").read_text(encoding="utf-8") == text
    doc = Document(str(export(text, tmp_path / "q.docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "Questions for committee: supervision"
    assert any("does not challenge drift" in p for p in paragraphs)
    assert any(p.startswith("[1] ") for p in paragraphs)

"""`python -m evals check`: evidence quotes checked against the documents as ingest reads them."""
from __future__ import annotations

import json

from evals.check import check


def test_each_kind_of_bad_evidence_gets_one_line_naming_the_item(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "letter.txt").write_text("Inspection of Anytown children's services.\n\nSocial workers have manageable "
                                     "caseloads of about 18 children.\fThe front door is timely and effective.")
    items = [("ok", "letter.txt", "Social workers have manageable caseloads of about 18 children.", 1),
             ("missing", "letter.txt", "Caseloads are far too high in every team.", None),
             ("page", "letter.txt", "The front door is timely and effective.", 1),
             ("nodoc", "other.txt", "Anything at all from a file not given.", None),
             ("unreadable", "fake.pdf", "Anything at all from a file that does not read.", 1)]
    (docs / "fake.pdf").write_text("<html>not a pdf</html>")
    dataset = tmp_path / "set.jsonl"
    dataset.write_text("".join(json.dumps({"id": i, "question": "q?", "kind": "fact",
                                           "evidence": [{"doc": d, "quote": q, "page": p}]}) + "\n"
                               for i, d, q, p in items))
    problems = check(str(dataset), [str(docs)])
    assert [p.split(":")[0] for p in problems] == ["missing", "page", "nodoc", "unreadable"]
    assert "not found" in problems[0] and "page 2, not page 1" in problems[1] and "no such document" in problems[2]
    assert "cannot be read: not a PDF" in problems[3]


def test_a_quote_across_two_passages_is_reported(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    first = "Leaders know their services well and have set out plans that are clear about children in care."
    second = "Supervision of social workers is regular but its quality varies between the teams in the service."
    (docs / "long.txt").write_text(f"{first} {first}\n\n{second} {second}")
    quote = "are clear about children in care. Supervision of social workers is regular"  # neither half is 60%
    dataset = tmp_path / "set.jsonl"
    dataset.write_text(json.dumps({"id": "x", "question": "q?", "evidence": [{"doc": "long.txt", "quote": quote}]}))
    problems = check(str(dataset), [str(docs)], size=40, overlap=0)
    assert len(problems) == 1 and "spans two passages" in problems[0]
    assert check(str(dataset), [str(docs)], size=2000, overlap=0) == []

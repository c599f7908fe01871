"""A council's inspection history: every document about it in date order, with the judgements the
reports state, for the `history` command and the app's Timeline tab."""
from __future__ import annotations

from ingest import DocumentInfo

GRADES = ("inadequate", "requires improvement to be good", "good", "outstanding")  # worst first


def history(documents: list[DocumentInfo], authority: str) -> list[dict]:
    """The documents about `authority` (its name, any case), oldest first."""
    wanted = authority.strip().lower().removesuffix(" council").strip()
    rows = [d for d in documents if (d.local_authority or "").lower() == wanted]
    return [{"date": d.date, "kind": d.kind, "title": d.title, "doc": d.doc, "doc_id": d.id,
             "visit_dates": list(d.visit_dates), "overall": d.overall, "judgements": dict(d.judgements),
             "judgement_page": d.judgement_page, "outcome": d.outcome, "lead_inspector": d.lead_inspector}
            for d in sorted(rows, key=lambda d: (d.date or "", d.doc))]


def verdict(row: dict) -> str:
    """One line on what the document judged, or that it states no grade."""
    if row["overall"]:
        return f"overall effectiveness: {row['overall']} (p. {row['judgement_page']})"
    if row["judgements"]:
        return f"no overall grade; {len(row['judgements'])} judgements (p. {row['judgement_page']})"
    if row["outcome"]:
        return f"outcome: {row['outcome']} (p. {row['judgement_page']})"
    return "no judgement stated" if row["kind"] == "full inspection" else "letter: no grades given"


def history_markdown(authority: str, rows: list[dict]) -> str:
    if not rows:
        return f"No documents about {authority} in the library."
    lines = [f"### {authority}: {len(rows)} documents", "",
             "| date | kind | what it judged | lead inspector | document |", "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['date'] or '?'} | {r['kind'] or '?'} | {verdict(r)} | {r['lead_inspector'] or ''} | "
                     f"{r['doc']} |")
    return "\n".join(lines)


def grade_points(rows: list[dict]) -> list[dict]:
    """(date, judgement, grade, level 1-4) for every graded judgement, for a chart."""
    points = []
    for r in rows:
        for label, grade in r["judgements"].items():
            if grade in GRADES and r["date"]:
                points.append({"date": r["date"], "judgement": label, "grade": grade,
                               "level": GRADES.index(grade) + 1})
        if r["overall"] in GRADES and r["date"] and "overall effectiveness" not in r["judgements"]:
            points.append({"date": r["date"], "judgement": "overall effectiveness", "grade": r["overall"],
                           "level": GRADES.index(r["overall"]) + 1})
    return points

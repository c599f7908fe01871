"""A council's inspection history: every document about it in date order, with the judgements the
reports state, for the `history` command and the app's Timeline tab."""
from __future__ import annotations

import html

from ingest import DocumentInfo

GRADES = ("inadequate", "requires improvement to be good", "good", "outstanding")  # worst first


def history(documents: list[DocumentInfo], authority: str) -> list[dict]:
    """The documents about `authority` (its name, any case), oldest first."""
    wanted = authority.strip().lower().removesuffix(" council").strip()
    rows = [d for d in documents if (d.local_authority or "").lower() == wanted]
    return [{"date": d.date, "kind": d.kind, "title": d.title, "doc": d.doc, "doc_id": d.id,
             "visit_dates": list(d.visit_dates), "overall": d.overall, "judgements": dict(d.judgements),
             "judgement_page": d.judgement_page, "outcome": d.outcome, "lead_inspector": d.lead_inspector}
            for d in sorted(rows, key=lambda d: (d.date is None, d.date or "", d.doc))]  # undated last


def verdict(row: dict) -> str:
    """One line on what the document judged, or that it states no grade."""
    if row["overall"]:
        return f"overall effectiveness: {row['overall']} (p. {row['judgement_page']})"
    if row["judgements"]:
        return f"no overall grade; {len(row['judgements'])} judgements (p. {row['judgement_page']})"
    if row["outcome"]:
        return f"outcome: {row['outcome']} (p. {row['judgement_page']})"
    if row["kind"] == "full inspection":
        return "no judgement stated"
    return "letter: no grades given" if row["kind"] in ("focused visit", "monitoring visit") else "no grades given"


def history_markdown(authority: str, rows: list[dict]) -> str:
    if not rows:
        return f"No documents about {authority} in the library."
    lines = [f"### {_cell(authority)}: {len(rows)} documents", "",
             "| date | kind | what it judged | lead inspector | document |", "|---|---|---|---|---|"]
    for r in rows:
        cells = (r["date"] or "?", r["kind"] or "?", verdict(r), r["lead_inspector"] or "", r["doc"])
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Text in a Markdown table cell: markup shown as text, `|` kept from ending the cell."""
    return html.escape(str(text)).replace("|", "\\|")


THEMES = (("overall", "overall effectiveness"), ("leader", "leadership"), ("help and protection", "help and protection"),
          ("care leavers", "care leavers"), ("in care", "children in care"), ("looked after", "children in care"),
          ("adoption", "adoption"), ("quality of provision", "quality of provision"))


def theme(label: str) -> str:
    """The judgement's subject across the frameworks' different wordings, for one line per subject."""
    if "children in care and care leavers" in label:
        return "children in care and care leavers"
    return next((name for needle, name in THEMES if needle in label), label)


def grade_points(rows: list[dict]) -> list[dict]:
    """(date, judgement, grade, level 1-4) for every graded judgement and overall grade, for a chart."""
    points = []
    for r in rows:
        graded = [*r["judgements"].items(), *([("overall effectiveness", r["overall"])] if r["overall"] else [])]
        for label, grade in graded:
            level = _level(grade)
            if level and r["date"]:
                points.append({"date": r["date"], "judgement": theme(label), "grade": grade, "level": level})
    return points


def _level(grade: str) -> int | None:
    """1 inadequate ... 4 outstanding; older reports' 'adequate' and 'requires improvement' count as 2."""
    if grade.startswith("requires improvement") or grade == "adequate":
        return 2
    return GRADES.index(grade) + 1 if grade in GRADES else None

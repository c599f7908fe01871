"""What a reader of an inspection report looks for first: the judgement table of a full inspection
(overall effectiveness and each sub-judgement, as printed), the outcome of an area SEND inspection, and
the lead inspector. Only what the text states: a report with no overall grade (focused and monitoring
visits, SEND reports, inspections from 2026 on) gets none, never a guess."""
from __future__ import annotations

import re
from dataclasses import dataclass

GRADE = r"(outstanding|good|requires improvement(?: to be good)?|inadequate|adequate|not judged)"
# The framework's overall sentence in 2013-2018 reports, before their numbered table.
SIF_OVERALL = re.compile(r"children's services (?:in|on) [^.]{1,60}? (?:are (outstanding|good|inadequate)|"
                         r"requires? (improvement to be good))|the overall judgement is (?:that children's services )?"
                         r"(?:(outstanding|good|inadequate)|requires? (improvement))")
SEND_OUTCOMES = ("positive experiences and outcomes", "inconsistent experiences and outcomes",
                 "widespread and/or systemic failings")
NAME = r"([A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+){1,3})"
LEADS = (re.compile(rf"{NAME},? (?:Ofsted )?HMI,? (?:Ofsted )?[Ll]ead inspector"),  # area SEND reports
         re.compile(rf"Lead inspector:\s+{NAME}"), re.compile(rf"Reporting inspector:?\s+{NAME}"))
SIGNED = re.compile(rf"Yours sincerely\s*\n\s*(?:\n\s*)*{NAME}\s*\n\s*(?:His|Her) Majesty")


@dataclass(frozen=True)
class Findings:
    judgements: tuple[tuple[str, str], ...] = ()  # (sub-judgement, grade) as printed, lower case, in order
    overall: str | None = None
    page: int | None = None  # 1-based page of the judgement table or the SEND outcome
    outcome: str | None = None  # an area SEND inspection's outcome
    lead_inspector: str | None = None


def read_findings(pages: list[str], kind: str | None) -> Findings:
    lead = _lead_inspector(pages)
    flats = [_flat(p) for p in pages]
    if kind == "area SEND inspection":
        for number, flat in enumerate(flats[:3], 1):
            outcome = next((o for o in SEND_OUTCOMES if o in flat), None)
            if outcome:
                return Findings(page=number, outcome=outcome, lead_inspector=lead)
    elif kind == "full inspection":
        for number, flat in enumerate(flats, 1):
            table = _table(flat) if number <= 3 else _main_findings(flat)
            if table:
                judgements, overall = table
                return Findings(judgements, overall, number, lead_inspector=lead)
    return Findings(lead_inspector=lead)


def _table(flat: str) -> tuple[tuple[tuple[str, str], ...], str | None] | None:
    """The grade table on a report's first pages: 'Judgement Grade' rows (2018 on), or the overall sentence
    and numbered rows (2013-2018)."""
    start = flat.find("judgement grade")
    if start >= 0:
        rows = []
        for m in re.finditer(rf"\s*(.+?) {GRADE}\b", flat[start + len("judgement grade"): start + 1500]):
            label = m.group(1).strip()
            if not label.startswith(("the ", "overall effectiveness")):
                break
            rows.append((label, m.group(2)))
            if label == "overall effectiveness":
                break
        return _split(rows) if rows else None
    sif = SIF_OVERALL.search(flat)
    if not sif:
        return None
    block = flat[sif.end(): sif.end() + 1500]
    rows = [(m.group(1), m.group(2)) for m in re.finditer(rf"(?:^|\s)\d(?:\.\d)?\.? ([a-z][a-z ,']+?) {GRADE}\b", block)]
    return tuple(rows), _overall(next(g for g in sif.groups() if g))


def _main_findings(flat: str) -> tuple[tuple[tuple[str, str], ...], str | None] | None:
    """The 'Record of main findings' table of reports before 2013-14: 'label grade Grade N' rows."""
    start = flat.find("record of main findings")
    if start < 0:
        return None
    rows = [(m.group(1).strip(), m.group(2)) for m in
            re.finditer(rf"([a-z][a-z ,']+?) {GRADE} grade \d", flat[start + len("record of main findings"):])]
    rows = [(re.sub(r"^services for looked after children ", "", label), grade) for label, grade in rows]
    return _split(rows) if rows else None


def _split(rows: list[tuple[str, str]]) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """Sub-judgements, and overall effectiveness taken out of them."""
    overall = dict(rows).get("overall effectiveness")
    return tuple(r for r in rows if r[0] != "overall effectiveness"), _overall(overall) if overall else None


def _overall(grade: str) -> str:
    """One name per grade: older reports say 'requires improvement' where later ones add 'to be good'."""
    return "requires improvement to be good" if grade.startswith(("requires improvement", "improvement")) else grade


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).lower()


def _lead_inspector(pages: list[str]) -> str | None:
    text = "\n".join(pages).replace("’", "'")
    for pattern in LEADS:
        m = pattern.search(text)
        if m:
            return re.sub(r"\s+HMI$", "", m.group(1).strip())
    m = SIGNED.search("\n".join(pages[-2:]).replace("’", "'"))
    return m.group(1).strip() if m else None

"""Committee preparation: two documents (or two years) side by side on a theme, and challenge questions a
councillor could ask, each resting on a cited finding. Both export as Markdown and as .docx."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.records import NO_ANSWER, Answer, Citation
from vectorstore.retrieval import OFSTED_KINDS, Filters

NEGATIVE = re.compile(r"\b(not|no|too|weak\w*|inconsistent\w*|variab\w*|delay\w*|lack\w*|insufficient\w*|poor\w*|"
                      r"drift|gaps?|slow\w*|limited|unclear|fail\w*|remains?|concerns?)\b", re.IGNORECASE)
HAS_FIGURE = re.compile(r"\d")


@dataclass(frozen=True)
class Side:
    label: str  # "2019", or a document's title
    answer: Answer


@dataclass(frozen=True)
class Challenge:
    question: str  # "Inspectors found in 2019 that ... [1]. What has changed since?"
    citation: Citation


def side_filter(side: str, docs: list, authority: str | None = None) -> tuple[str, Filters]:
    """A side named by a year ("2019") or by a document (its `doc` name or title)."""
    las = (authority,) if authority else ()
    if re.fullmatch(r"(19|20)\d\d", side.strip()):
        label = f"{authority} {side}" if authority else side
        return label, Filters(local_authorities=las, date_from=side.strip(), date_to=side.strip())
    for d in docs:
        if side in (d.doc, d.title):
            return d.title, Filters(docs=(d.doc,))
    raise ValueError(f"{side!r} is neither a year nor a document in the library (see `python -m assistant docs`)")


def compare(lib, theme: str, left: str, right: str, authority: str | None = None) -> list[Side]:
    docs = lib.documents()
    sides = []
    for side in (left, right):
        label, filters = side_filter(side, docs, authority)
        sides.append(Side(label, lib.ask(f"What did inspectors find about {theme}?", filters=filters)))
    return sides


def challenges(lib, theme: str, authority: str | None = None, limit: int = 5) -> list[Challenge]:
    """One question per document with a finding on the theme (the documents retrieval ranks first), each
    resting on that document's best cited sentence; oldest finding first."""
    question = f"What did inspectors find about {theme}?"
    filters = Filters(local_authorities=(authority,)) if authority else Filters()
    docs = list(dict.fromkeys(h.doc for h in lib.search(question, k=20, filters=filters)))
    found: list[Citation] = []
    for doc in docs:
        answer = lib.ask(question, filters=replace(filters, docs=(doc,)))
        if answer.citations:
            found.append(answer.citations[0])
        if len(found) == limit:
            break
    out = []
    for c in sorted(found, key=lambda c: c.date or ""):
        finding = _first_item(c.sentence or c.text)
        when = f"in {c.date[:4]}" if c.date else f"in {c.title}"
        who = "Inspectors found" if c.kind in OFSTED_KINDS else f"The {c.title or c.doc} said"
        when = when if c.kind in OFSTED_KINDS else ""
        if HAS_FIGURE.search(finding):
            ask = "What is the figure now, what is the target, and when will it be reached?"
        elif NEGATIVE.search(finding):
            ask = "What has been done about this since, and what evidence shows it has worked?"
        else:
            ask = "How is this being sustained, and how do you know it holds across all teams?"
        out.append(Challenge(re.sub(r"\s+", " ", f'{who} {when} that "{finding}" [{len(out) + 1}]. {ask}'), c))
    return out


# "What should councillors ask about placement sufficiency?": a request for challenge questions, not a finding
ASKS_FOR_CHALLENGES = re.compile(r"\b(?:what|which) (?:questions? )?(?:should|could|might|can) (?:councillors?|members?|"
                                 r"the committee|scrutiny|i|we) (?:ask|raise|challenge)\b(?: \w+)?? (?:about|on|regarding|"
                                 r"over) (?P<theme>[^?]+)", re.IGNORECASE)


def challenge_answer(lib, question: str, filters: Filters = Filters()) -> Answer | None:
    """The challenge questions on a theme, as the chat's answer to a question asking for them; None for any other
    question. Each rests on a cited finding, as in the Prepare tab."""
    asked = ASKS_FOR_CHALLENGES.search(question)
    if not asked:
        return None
    theme = re.sub(r"^(?:the|our|its)\s+", "", asked.group("theme").strip().rstrip(".!"), flags=re.IGNORECASE)
    authority = filters.local_authorities[0] if len(filters.local_authorities) == 1 else None
    items = challenges(lib, theme, authority)
    if not items:
        return Answer(question, f"{NO_ANSWER} No document in the library gives a finding on {theme} to ask about.",
                      refused=True)
    text = "Questions a councillor could ask on " + theme + ", each on a cited finding:\n" + \
        "\n".join(f"- {c.question}" for c in items)
    return Answer(question, text, tuple(replace(c.citation, n=i) for i, c in enumerate(items, 1)), lead=1)


def _first_item(text: str, limit: int = 300) -> str:
    """The first sentence or list item of a cited passage, without its bullet, at most `limit` characters."""
    first = next((ln for ln in text.split("\n") if ln.strip()), text)
    first = re.sub(r"^\s*(?:[-•*]|\d+(?:\.\d+)*\.?)\s+", "", first)
    first = re.split(r"\s+[-•]\s+", first)[0].strip().rstrip(".")  # items run together on one line
    return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + "…"


# -- export ------------------------------------------------------------------------------------------
def comparison_markdown(theme: str, sides: list[Side]) -> str:
    lines = [f"## {theme.capitalize()}: {' and '.join(s.label for s in sides)}", ""]
    for s in sides:  # each source on its own list line, so that it renders as a list where pasted
        lines += [f"### {s.label}", "", re.sub(r"(?m)^(\[\d+\] )", r"- \1", s.answer.markdown()), ""]
    return "\n".join(lines).strip() + "\n"


def challenges_markdown(theme: str, items: list[Challenge]) -> str:
    lines = [f"## Questions for committee: {theme}", ""]
    if not items:
        return "\n".join(lines + ["The documents in the library give no finding on this theme to ask about."]) + "\n"
    lines += [f"{i}. {c.question}" for i, c in enumerate(items, 1)] + ["", "Sources:"]
    lines += [f"- [{i}] {c.citation.title or c.citation.doc}, p. {c.citation.page} ({c.citation.doc})"
              for i, c in enumerate(items, 1)]
    return "\n".join(lines) + "\n"


def write_docx(markdown: str, path: Path) -> Path:
    """A .docx with the same headings, paragraphs and numbered questions as the Markdown."""
    from docx import Document

    doc = Document()
    for line in markdown.splitlines():
        if not line.strip():
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)", line)
        if heading:
            doc.add_heading(heading.group(2), level=min(len(heading.group(1)), 4))
        elif re.match(r"^\d+\.\s", line):
            doc.add_paragraph(re.sub(r"^\d+\.\s+", "", line), style="List Number")
        elif line.startswith("- "):
            doc.add_paragraph(line[2:], style="List Bullet")
        else:
            doc.add_paragraph(line)
    doc.save(path)
    return path


def export(markdown: str, path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return write_docx(markdown, path)
    path.write_text(markdown, encoding="utf-8")
    return path

"""What a report found, asked with no topic ("What did the 2023 inspection find?", "Summarise the latest
focused visit"): its own summary, the first sentences of its headline findings, overview or executive summary,
or the paragraph under an inspection's judgement table, quoted and cited to its page."""
from __future__ import annotations

import re
from typing import Callable, Sequence

from assistant.followup import without_introduction
from assistant.forms import GENERIC, SCOPE_WORDS
from assistant.periods import month_year, named_period
from assistant.records import Answer, citation, one_line, when
from ingest import DocumentInfo
from ingest.chunking import sentences as spans
from ingest.clean import BULLET
from vectorstore.bm25_index import tokenize
from vectorstore.chroma_store import StoredChunk
from vectorstore.query_scope import NOW
from vectorstore.retrieval import Hit

# The words of a question that asks for a report's findings as a whole, and nothing more specific
FRAME = frozenset(tokenize(
    "what did does do was were the its their say said says find found finds findings finding main key headline "
    "overall summary summarise summarize sum up outline tell me about give conclude concluded conclusion conclusions "
    "report reported latest last recent most newest previous first outcome result results of from in at "
    "full ilacs area send letter one"))  # "the one in November 2025"
# A report's own summary starts under one of these lines, tried in this order
SUMMARY = [re.compile(p, re.IGNORECASE) for p in (
    r"^(?:headline findings|overview|executive summary|summary of findings|summary|inspection outcome)\s*:?\s*$",
    r"^overall effectiveness\b.{0,100}$",  # 2013: "Overall effectiveness of services for looked after children ..."
    r"^(?:main findings|key findings|findings)\s*:?\s*$")]
# the last row of an inspection's judgement table; the summary paragraph follows it
TABLE_END = re.compile(r"Overall effectiveness\s+(?:Good|Outstanding|Inadequate|Requires improvement to be good)\b\s*",
                       re.IGNORECASE)
# how a question asks for a report's findings as a whole (not "who were the inspectors?", "when was it?")
ASKS = re.compile(r"\b(?:find|found|finds|findings|say|said|says|conclude\w*|conclusions?|summar\w+|sum up|outcome|"
                  r"tell me about|overview)\b", re.IGNORECASE)
# a sentence about the report rather than the council ("This executive summary should be read alongside ...")
ABOUT_ITSELF = re.compile(r"\bthis (?:executive )?summary\b|\brecommendation is clearly linked\b", re.IGNORECASE)
ChunksOf = Callable[[list[str]], list[StoredChunk]]


def asks_for_overview(question: str, authorities: Sequence[str] = ()) -> bool:
    """No topic of its own: every word frames the question or names the report, its date or its council. A
    sentence about the asker before the question ("I'm new in post. What did ...?") is no part of what it asks."""
    words = SCOPE_WORDS.sub(" ", NOW.sub(" ", without_introduction(question, whatever_they_say=True)))
    rest = [t for t in tokenize(words) if t not in FRAME | GENERIC and not t.isdigit()]
    council = set(tokenize(" ".join(authorities)))
    return not [t for t in rest if t not in council]


def overview_answer(question: str, named: Sequence[str], documents: Sequence[DocumentInfo], chunks_of: ChunksOf,
                    sentences: int = 3, query: str | None = None) -> Answer | None:
    """The report's own summary when the question names one report (`named`) and asks what it found as a whole;
    None otherwise, or when the report has no summary this can find. `query` is the question resolved against
    the conversation: the earlier turns' topic ("... about care leavers") makes it no question for an overview."""
    if not ASKS.search(question):
        return None
    question = query or question
    docs = [d for d in documents if d.doc in named]
    months = named_period(question)[1]  # "the June 2025 focused visit", not the one of November 2025 too
    if months:  # none of that month: not the report asked about ("the January 2022 monitoring visit")
        docs = [d for d in docs if {month_year(x) for x in (d.date or "", *d.visit_dates) if len(x) >= 7} & months]
    if not docs or len({(d.kind, d.date) for d in docs}) != 1:  # one report (a seed and a PDF of it are one)
        return None
    doc = sorted(docs, key=lambda d: not d.doc.lower().endswith(".pdf"))[0]
    if not asks_for_overview(question, [doc.local_authority or ""]):
        return None
    chunks = sorted(chunks_of([doc.id]), key=lambda c: int(c.meta.get("position", 0)))
    found = _summary(chunks)
    if found is None:
        return None
    chunk, text = found
    units = [u for u in _sentences(text) if not u.endswith("?") and not ABOUT_ITSELF.search(u)][:sentences]
    if not units:
        return None
    hit = Hit(chunk.id, chunk.text, chunk.meta)
    body = " ".join(f"{one_line(u)} [1]" for u in units)
    return Answer(question, f"{when(hit)}: {body}", (citation(1, hit, " ".join(units)),), lead=1)


def _summary(chunks: list[StoredChunk]) -> tuple[StoredChunk, str] | None:
    """The chunk holding the report's summary, and the summary's text in it: what follows its summary heading, or
    an inspection's judgement table (the next chunk's text, when the heading or table ends a chunk)."""
    def after(i: int, text: str) -> tuple[StoredChunk, str] | None:
        if text.strip():
            return chunks[i], text
        return (chunks[i + 1], chunks[i + 1].text) if i + 1 < len(chunks) else None

    for pattern in SUMMARY[:2]:
        for i, c in enumerate(chunks):
            lines = c.text.split("\n")
            at = next((j for j, line in enumerate(lines) if pattern.match(line.strip())), None)
            if at is not None:
                return after(i, "\n".join(lines[at + 1:]))
    for i, c in enumerate(chunks):
        table = TABLE_END.search(c.text)
        if table:
            return after(i, c.text[table.end():])
    for i, c in enumerate(chunks):
        lines = c.text.split("\n")
        at = next((j for j, line in enumerate(lines) if SUMMARY[2].match(line.strip())), None)
        if at is not None:
            return after(i, "\n".join(lines[at + 1:]))
    return None


def _sentences(text: str) -> list[str]:
    """The sentences of `text`, bullets dropped; a fragment of under four words ("Grade 4 (Inadequate)") is none."""
    out = []
    for line in text.split("\n"):
        line = BULLET.sub("", line.strip(), count=1)
        out += [line[s.start:s.end].strip() for s in spans(line) if len(line[s.start:s.end].split()) >= 4]
    return out


"""The records the assistant hands on: an `Answer`, its `Citation`s, and a refusal.

The CLI, the Gradio app, the evals and the optional LLM backend all read these; `assistant.answer` fills them.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from typing import Sequence

from vectorstore.retrieval import Hit

NO_ANSWER = "The documents in the library do not answer this."
LESS_CERTAIN = "Less certain:"


def pages(first: int, last: int) -> str:
    """ "p. 4", or "pp. 3-4" for a passage over two pages."""
    return f"p. {first}" if last == first else f"pp. {first}-{last}"


@dataclass(frozen=True)
class Citation:
    n: int
    doc: str
    title: str
    date: str | None
    page: int
    text: str  # the whole passage
    sentence: str  # the sentence(s) in it that support the answer
    kind: str | None = None
    page_end: int | None = None
    doc_id: str = ""
    also: tuple[dict, ...] = ()  # the PDF pages printing the same sentences, for a text copy (`assistant.copies`)

    def to_dict(self) -> dict:
        return asdict(self)

    def where(self) -> str:
        return pages(self.page, self.page_end or self.page)


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    citations: tuple[Citation, ...] = ()
    refused: bool = False
    closest: tuple[Citation, ...] = ()
    query: str = ""  # what was retrieved with, after follow-up resolution
    notice: str = ""
    hits: tuple[Hit, ...] = field(default=(), repr=False, compare=False)  # what retrieval returned
    lead: int | None = None  # the citation holding the answer's best sentence
    hedged: bool = False  # another passage came close to answering instead: the answer says it is less certain
    rival: Citation | None = None  # that passage, with its best sentence

    def to_dict(self) -> dict:
        return {"question": self.question, "answer": self.text, "refused": self.refused, "hedged": self.hedged,
                "rival": self.rival.to_dict() if self.rival else None,
                "citations": [c.to_dict() for c in self.citations],
                "closest": [c.to_dict() for c in self.closest], "query": self.query, "notice": self.notice,
                "lead": self.lead, "passages": [h.to_dict() for h in self.ranked()]}

    def ranked(self) -> tuple[Hit, ...]:
        """The passages as the assistant presents them: the one holding the answer's best sentence, the
        others it cites (in the retriever's order), then the rest. The answer reads every sentence of the
        top passages, which ranks them better than the retriever alone (docs/evaluation.md)."""
        cited = {(c.doc, c.text) for c in self.citations}  # a judgement is cited at its table's page
        lead = next(((c.doc, c.text) for c in self.citations if c.n == self.lead), None)
        first = sorted((h for h in self.hits if (h.doc, h.text) in cited), key=lambda h: (h.doc, h.text) != lead)
        rest = [h for h in self.hits if (h.doc, h.text) not in cited]
        shown = {(h.doc, h.text) for h in first}  # and may not be among the passages retrieved
        first += [_hit(c) for c in self.citations if (c.doc, c.text) not in shown]
        return tuple(replace(h, rank=r) for r, h in enumerate(first + rest, 1))

    def less_certain(self) -> str:
        """What a hedged answer says first: that it is less certain, and which passage came close."""
        r, lead = self.rival, f"[{self.lead}]" if self.lead else "the passage"
        if r is None:
            return f"{LESS_CERTAIN} the sentence this answer rests on ({lead}) holds few of the question's words. " \
                "Check it before relying on it."
        other = f"passage [{r.n}]" if r.n else f'another passage, "{one_line(r.sentence)}" ({r.title or r.doc}, ' \
            f'p. {r.page}),'
        return f"{LESS_CERTAIN} {other} matched the question almost as well as {lead}, the one this answer rests " \
               "on. Check both before relying on it."

    def markdown(self) -> str:
        """The answer with its citations, ready to paste into a committee paper."""
        lines = ([f"*{self.less_certain()}*", ""] if self.hedged else []) + [self.text, ""] + \
            ([f"*{self.notice}*", ""] if self.notice else [])
        cited = self.citations or self.closest
        if cited:
            lines.append("Sources:" if self.citations else "Closest matches (not answers):")
            for c in cited:
                also = "".join(f"; also in {a['title'] or a['doc']}, {a['where']} ({a['doc']})" for a in c.also)
                lines.append(f"[{c.n}] {c.title or c.doc}, {c.where()} ({c.doc}): \"{one_line(c.sentence or c.text)}\""
                             + also)
        return "\n".join(lines).strip()


def when(h: Hit) -> str:
    label = (h.title or h.doc).strip()
    return f"In {label}" if h.date else label


def citation(n: int, h: Hit, sentence: str) -> Citation:
    return Citation(n=n, doc=h.doc, title=h.title, date=h.date, page=h.page, text=h.text, sentence=sentence,
                    kind=h.kind, page_end=h.page_end, doc_id=h.doc_id)


def _hit(c: Citation) -> Hit:
    meta = {"doc": c.doc, "doc_id": c.doc_id, "title": c.title, "date": c.date, "page": c.page,
            "page_end": c.page_end or c.page, "kind": c.kind}
    return Hit(f"{c.doc_id}:{c.page}:cited", c.text, meta)


def refuse(question: str, hits: Sequence[Hit], query: str, why: str = "") -> Answer:
    """The documents do not answer (`why`, when known), and the closest passages as closest matches."""
    closest = tuple(citation(n, h, "") for n, h in enumerate(hits[:3], 1))
    text = " ".join(x for x in (NO_ANSWER, why, "The closest passages are listed below; none of them answers it.") if x)
    return Answer(question, text, refused=True, closest=closest, query=query)


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()

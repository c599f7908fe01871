"""A passage cited from a document without pages (a council's text copy of an Ofsted letter) is cited also at
the pages of the PDF that prints the same sentences: the page a councillor can open, check and quote."""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Callable

from assistant.answer import Answer, Citation, pages
from vectorstore import Hit
from vectorstore.retrieval import plain

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
CopiesFn = Callable[[str, str], list[Hit]]  # (sentence, the document cited) -> other documents' passages printing it
SourceFn = Callable[[str], "Path | None"]  # a document id -> its file


def with_copies(answer: Answer, copies: CopiesFn, source: SourceFn = lambda doc_id: None) -> Answer:
    """`answer` with each text or Markdown citation's PDF copies (`Citation.also`), where a PDF prints every
    sentence it rests on."""
    if not answer.citations:
        return answer
    return replace(answer, citations=tuple(_also(c, copies, source) for c in answer.citations))


def _also(c: Citation, copies: CopiesFn, source: SourceFn) -> Citation:
    if c.doc.lower().endswith(".pdf"):
        return c
    sentences = [s for s in SENTENCE_END.split(" ".join((c.sentence or "").split())) if s]
    where: dict[str, dict[tuple[int, int], Hit]] = {}  # PDF -> the pages printing each sentence so far
    for i, sentence in enumerate(sentences):
        found: dict[str, Hit] = {}  # PDF -> its passage printing the sentence on the fewest pages (passages overlap)
        for h in copies(sentence, c.doc):
            if h.doc.lower().endswith(".pdf") and (h.doc not in found or _span(h) < _span(found[h.doc])):
                found[h.doc] = h
        where = {d: {**where.get(d, {}), _pages(h, sentence, source): h} for d, h in found.items()
                 if i == 0 or d in where}
    return replace(c, also=tuple({"doc": h.doc, "title": h.title, "doc_id": h.doc_id, "page": first,
                                  "where": pages(first, last)}
                                 for d in sorted(where) for (first, last), h in sorted(where[d].items())))


def _pages(h: Hit, sentence: str, source: SourceFn) -> tuple[int, int]:
    """The page of `h`'s PDF printing `sentence`: the passage's own when it lies on one page, else the one of
    its pages whose text holds it (read from the file), else the passage's pages."""
    path = source(h.doc_id) if h.page_end > h.page else None
    if path is not None:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        logging.getLogger("pypdf").setLevel(logging.ERROR)
        try:
            reader = PdfReader(path)
            for n in range(h.page, min(h.page_end, len(reader.pages)) + 1):
                if plain(sentence) in plain(reader.pages[n - 1].extract_text() or ""):
                    return n, n
        except (PyPdfError, OSError, ValueError):
            pass
    return h.page, h.page_end


def _span(h: Hit) -> tuple[int, int]:
    return h.page_end - h.page, h.page

"""A passage cited from a document without pages (a council's text copy of an Ofsted letter) is cited also at
the pages of the PDF that prints the same sentences: the page a councillor can open, check and quote."""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Callable

from assistant.records import Answer, Citation, pages
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
    texts: dict[tuple[str, int], str] = {}  # (document id, page) -> its text, read once for all the sentences

    def read(h: Hit, n: int) -> str:
        if (h.doc_id, n) not in texts:
            texts[(h.doc_id, n)] = _page_text(source(h.doc_id), n)
        return texts[(h.doc_id, n)]

    where: dict[str, dict[tuple[int, int], Hit]] = {}  # PDF -> the pages printing each sentence so far
    for i, sentence in enumerate(sentences):
        found: dict[str, Hit] = {}  # PDF -> its passage printing the sentence on the fewest pages (passages overlap)
        for h in copies(sentence, c.doc):
            if h.doc.lower().endswith(".pdf") and (h.doc not in found or _span(h) < _span(found[h.doc])):
                found[h.doc] = h
        where = {d: {**where.get(d, {}), _pages(h, sentence, read): h} for d, h in found.items()
                 if i == 0 or d in where}
    return replace(c, also=tuple({"doc": h.doc, "title": h.title, "doc_id": h.doc_id, "page": first,
                                  "where": pages(first, last)}
                                 for d in sorted(where) for (first, last), h in sorted(where[d].items())))


def _pages(h: Hit, sentence: str, read: Callable[[Hit, int], str]) -> tuple[int, int]:
    """The page of `h`'s PDF printing `sentence`: the passage's own when it lies on one page, else the one of
    its pages whose text (`read` from the file) holds it, else the passage's pages."""
    for n in range(h.page, h.page_end + 1) if h.page_end > h.page else ():
        if plain(sentence) in plain(read(h, n)):
            return n, n
    return h.page, h.page_end


def _page_text(path: Path | None, n: int) -> str:
    """Page `n` of the PDF at `path` as pypdf extracts it; "" when it cannot be read."""
    if path is None:
        return ""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        return (reader.pages[n - 1].extract_text() or "") if n <= len(reader.pages) else ""
    except (PyPdfError, OSError, ValueError):
        return ""


def _span(h: Hit) -> tuple[int, int]:
    return h.page_end - h.page, h.page

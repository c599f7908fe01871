"""The publisher's boilerplate: sentences printed in many of the library's documents ("Ofsted will take
the findings from this focused visit into account when planning the next inspection or visit.", the
licence and contact notes). They say nothing about any one council, so they answer nothing."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from ingest.chunking import sentences
from ingest.judgements import GRADE
from ingest.metadata import MONTHS

_MONTH = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b")
_GRADE = re.compile(rf"\b{GRADE}\b")
MIN_WORDS = 6


def normalise(sentence: str) -> str:
    """A sentence with its dates and figures left out, lower case: the same notice in two reports."""
    text = _MONTH.sub(" ", sentence.lower().replace("’", "'"))
    return re.sub(r"\s+", " ", re.sub(r"[^a-z' ]+", " ", text)).strip()


def common_sentences(texts: Iterable[tuple[str, str]], share: float = 0.1, least: int = 3) -> frozenset[str]:
    """The normalised sentences of (document, text) pairs that appear in at least `least` documents and
    at least `share` of them. A judgement ("... help and protection: good") is a finding, never boilerplate,
    however many reports print it."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    for doc, text in texts:
        for line in text.split("\n"):
            for s in sentences(line):
                n = normalise(line[s.start:s.end])
                if len(n.split()) >= MIN_WORDS and not _GRADE.search(n):
                    docs_of[n].add(doc)
    if not docs_of:
        return frozenset()
    n_docs = len(set().union(*docs_of.values()))
    needed = max(least, share * n_docs)
    return frozenset(s for s, docs in docs_of.items() if len(docs) >= needed)

"""A BM25 index over the stored chunks, rebuilt from the store whenever the store changes."""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

import numpy as np

STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves did say said tell told
""".split())


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball English stemmer

    return Stemmer.Stemmer("english")


ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")  # "GCSEs", "EHCPs": the stemmer knows only lower-case words


def tokenize(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", ACRONYM_PLURAL.sub(r"\1", text).lower().replace("’", "'"))
    return _stemmer().stemWords([w for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())])


class BM25Index:
    def __init__(self, ids: Sequence[str], texts: Sequence[str] = (), tokens: Sequence[list[str]] | None = None):
        """An index of `texts`, or of texts already split by `tokenize` (`tokens`)."""
        import bm25s

        self.ids = list(ids)
        self._model = None
        self.idf: dict[str, float] = {}  # term -> inverse document frequency over the chunks
        if self.ids:
            corpus = [t or ["_empty_"] for t in (tokens if tokens is not None else map(tokenize, texts))]
            self._model = bm25s.BM25()
            self._model.index(corpus, show_progress=False)
            freq = Counter(t for tokens in corpus for t in set(tokens))
            n = len(corpus)
            self.idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in freq.items()}

    def __len__(self) -> int:
        return len(self.ids)

    def holding(self, terms: Sequence[str]) -> np.ndarray:
        """Which chunks hold every one of `terms` (stemmed words), in `ids` order."""
        if self._model is None:
            return np.zeros(0, dtype=bool)
        held = np.ones(len(self.ids), dtype=bool)
        for term in terms:
            if term not in self._model.vocab_dict:
                return np.zeros(len(self.ids), dtype=bool)
            held &= np.asarray(self._model.get_scores([term])) > 0
        return held

    def scores(self, query: str) -> np.ndarray:
        """A BM25 score for every chunk, in `ids` order."""
        if self._model is None:
            return np.zeros(0)
        vocab = self._model.vocab_dict
        tokens = [t for t in tokenize(query) if t in vocab]
        if not tokens:
            return np.zeros(len(self.ids))
        return np.asarray(self._model.get_scores(tokens), dtype=float)

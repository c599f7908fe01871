"""Retrieval: dense (Chroma), lexical (BM25) and hybrid (reciprocal rank fusion), with filters."""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from datetime import date
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np

from ingest.records import DocumentInfo
from vectorstore.abbreviations import abbreviations, also_named
from vectorstore.bm25_index import BM25Index, tokenize
from vectorstore.boilerplate import common_sentences
from vectorstore.chroma_store import ChromaStore, StoredChunk
from vectorstore.embedder import Embedder
from vectorstore.query_scope import (JUDGED_AS, LATEST, Scope, asks_now, asks_over_time, expand, named_months,
                                     names_one_report, near_month, scope_of, sections_asked)

Mode = Literal["dense", "bm25", "hybrid"]
AUTO = "auto"
SECTION_BONUS = 0.5  # in first places, for chunks under the heading of the section a question asks for
# A question about how things stand now is searched in the documents of the newest year and the RECENT_YEARS before
# it, which earn NOW_BONUS first places (chosen on medway_dev4.jsonl, docs/evaluation.md)
RECENT_YEARS, NOW_BONUS = 3, 2.0
YEARS_AFTER = re.compile(r"\b(?:since|in the years? after|in the (?:months|years) following)\b"
                         r"[^?]{0,30}?\b((?:19|20)\d\d)\b", re.IGNORECASE)
OWN_PAPERS = ("scrutiny committee report", "council news")  # what a council publishes about itself
OFSTED_KINDS = ("full inspection", "focused visit", "monitoring visit", "area SEND inspection",  # what Ofsted writes
                "joint targeted area inspection")
OFSTED_SAID = re.compile(r"\b(ofsted|inspectors?)(?:'s)? (?:(?:currently|now|still|most recently|recently|last|first) )?"
                         r"(say|said|says|find|found|finds|think|thought|view|report|reported|note|noted|conclude|"
                         r"concluded|identif\w+|judge|judged|describe\w*)\b", re.IGNORECASE)
ACROSS_COUNCILS = re.compile(r"\b(councils|local authorities|other (councils?|local authorit\w+|areas?)|nationally|"
                             r"national (average|picture|figures?)|england|across the country)\b", re.IGNORECASE)
MODES: tuple[str, ...] = ("dense", "bm25", "hybrid")


@dataclass(frozen=True)
class Filters:
    """Restrict a search; empty fields restrict nothing. Dates are ISO (YYYY or YYYY-MM-DD)."""
    docs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    local_authorities: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None

    def __bool__(self) -> bool:
        return bool(self.docs or self.kinds or self.local_authorities or self.date_from or self.date_to)

    def accepts(self, meta: dict[str, Any]) -> bool:
        if self.docs and meta.get("doc") not in self.docs:
            return False
        if self.kinds and meta.get("kind") not in self.kinds:
            return False
        if self.local_authorities and meta.get("local_authority") not in self.local_authorities:
            return False
        date = str(meta.get("date") or "")
        if (self.date_from or self.date_to) and not date:
            return False
        if self.date_from and date[: len(self.date_from)] < self.date_from:
            return False
        if self.date_to and date[: len(self.date_to)] > self.date_to:
            return False
        return True

    def where(self) -> dict | None:
        """The same restriction as a Chroma `where` (dates are checked in Python afterwards)."""
        parts = []
        for key, values in (("doc", self.docs), ("kind", self.kinds), ("local_authority", self.local_authorities)):
            if values:
                parts.append({key: {"$in": list(values)}})
        if self.date_from:
            parts.append({"year": {"$gte": int(self.date_from[:4])}})
        if self.date_to:
            parts.append({"year": {"$lte": int(self.date_to[:4])}})
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else {"$and": parts}


@dataclass(frozen=True)
class Hit:
    id: str
    text: str
    meta: dict[str, Any] = field(repr=False)
    score: float = 0.0
    rank: int = 0
    dense: float | None = None
    lexical: float | None = None
    fused: float | None = None

    doc = property(lambda self: self.meta.get("doc", ""))
    doc_id = property(lambda self: self.meta.get("doc_id", ""))
    title = property(lambda self: self.meta.get("title", ""))
    page = property(lambda self: int(self.meta.get("page", 1)))
    page_end = property(lambda self: int(self.meta.get("page_end", self.meta.get("page", 1))))
    heading = property(lambda self: self.meta.get("heading", ""))
    kind = property(lambda self: self.meta.get("kind"))
    date = property(lambda self: self.meta.get("date"))
    local_authority = property(lambda self: self.meta.get("local_authority"))

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "page": self.page, "text": self.text, "score": round(self.score, 6),
                "title": self.title, "page_end": self.page_end, "kind": self.kind, "date": self.date,
                "rank": self.rank}


class Retriever:
    """Finds chunks for a question. Keeps the BM25 index warm and rebuilds it when the store changes."""

    def __init__(self, store: ChromaStore, embedder: Embedder, candidates: int = 100, rrf_k: int = 10,
                 lexical_weight: float = 1.5, scope_bonus: float = 1.0, home_authority: str | None = None):
        if candidates < 1 or rrf_k < 0:
            raise ValueError("candidates must be >= 1 and rrf_k >= 0")
        self.store, self.embedder = store, embedder
        self.candidates, self.rrf_k = candidates, rrf_k
        self.lexical_weight, self.scope_bonus = lexical_weight, scope_bonus
        # the council meant when a question names none: a name, "auto" (see `home`), or none
        self.home_authority = None if (home_authority or "").lower() in ("", "none") else home_authority
        self._lock = threading.Lock()
        self._signature: tuple[int, int] | None = None
        self._look = threading.local()  # see `one_look`
        self._documents: list[DocumentInfo] = []  # the records read with the BM25 index
        self._chunks: list[StoredChunk] = []
        self._by_id: dict[str, StoredChunk] = {}
        self._doc_meta: dict[str, dict[str, Any]] = {}  # one chunk's metadata per document, for scoping
        self._bm25 = BM25Index([], [])
        self._by_doc: dict[str, list[tuple[StoredChunk, list[str]]]] = {}  # doc id -> its chunks and their tokens
        self._home_bm25: tuple[tuple, list[StoredChunk], BM25Index] | None = None  # see `_within`
        self._boilerplate: tuple[tuple[int, int] | None, frozenset[str]] = (None, frozenset())
        self._short: tuple[tuple[int, int] | None, dict[str, str]] = (None, {})  # see `abbreviations`

    def invalidate(self, forget: bool = False) -> None:
        """Check the store again before the next search; `forget` also drops what was read from it (after a
        re-index, when documents keep their ids but not their chunks)."""
        with self._lock:
            self._signature = None
            if forget:
                self._by_doc.clear()

    @contextmanager
    def one_look(self):
        """Within, the store is asked once whether another process has changed it: a question looks at the
        library a dozen times, and each look counted both collections (docs/benchmarks.md)."""
        if getattr(self._look, "on", False):
            yield
            return
        self._look.on, self._look.signature, self._look.vectors = True, None, {}
        try:
            yield
        finally:
            self._look.on = False

    def _store_signature(self) -> tuple[int, int]:
        if not getattr(self._look, "on", False):
            return self.store.signature()
        if self._look.signature is None:
            self._look.signature = self.store.signature()
        return self._look.signature

    def embed(self, texts: list[str], batch_size: int | None = None) -> list[list[float]]:
        """The model's vectors for `texts`; within `one_look`, a text is embedded once (the question, searched
        and then read against the passages' sentences; the sentences, read again for each part of a question
        that asks two things)."""
        if not getattr(self._look, "on", False):
            return self.embedder.embed(texts, batch_size=batch_size)
        known = self._look.vectors
        new = [t for t in dict.fromkeys(texts) if t not in known]
        known.update(zip(new, self.embedder.embed(new, batch_size=batch_size)))
        return [known[t] for t in texts]

    def documents(self) -> list[DocumentInfo]:
        """The library's document records, as read with the BM25 index (so as of this look at the store)."""
        self._lexical_index()
        return list(self._documents)

    def _lexical_index(self) -> tuple[list[StoredChunk], BM25Index]:
        """The chunks of every recorded document and their BM25 index, brought up to date when the store
        has changed: only documents new since the last look are read and tokenized (chunks of a document
        still being written, which has no record yet, are left out)."""
        with self._lock:
            signature = self._store_signature()
            if signature != self._signature:
                self._documents = self.store.documents()
                records = {d.id for d in self._documents}
                for gone in set(self._by_doc) - records:
                    del self._by_doc[gone]
                new = records - set(self._by_doc)
                fetched = self.store.all_chunks() if len(new) > len(records) // 2 else self.store.chunks_of(sorted(new))
                for c in fetched:
                    if c.meta.get("doc_id") in new:
                        self._by_doc.setdefault(c.meta["doc_id"], []).append((c, tokenize(_lexical_text(c))))
                for doc in new:
                    self._by_doc.get(doc, []).sort(key=lambda pair: pair[0].meta.get("position", 0))
                pairs = [pair for doc in sorted(self._by_doc) for pair in self._by_doc[doc]]
                chunks = [c for c, _ in pairs]
                self._bm25 = BM25Index([c.id for c in chunks], tokens=[t for _, t in pairs])
                self._doc_meta = {c.meta["doc"]: c.meta for c in chunks}
                self._by_id = {c.id: c for c in chunks}
                self._chunks, self._signature = chunks, signature
            return self._chunks, self._bm25

    def abbreviations(self) -> dict[str, str]:
        """The abbreviations the library's passages define ("Children's Advice and Duty Service (CADS)")."""
        chunks, _ = self._lexical_index()
        if self._short[0] != self._signature:
            self._short = (self._signature, abbreviations([c.text for c in chunks]))
        return self._short[1]

    def local_authorities(self) -> set[str]:
        """The councils the stored documents are about (from the cache kept with the BM25 index)."""
        self._lexical_index()
        return {m["local_authority"] for m in self._doc_meta.values() if m.get("local_authority")}

    def home(self) -> str | None:
        """The council a question means when it names none: the one configured, or with "auto" the council
        whose own papers (scrutiny committee reports, council news) the library holds, when only one
        council's are there (a council's library holding its neighbours' reports for comparison)."""
        if self.home_authority != AUTO:
            return self.home_authority
        self._lexical_index()
        own = {m["local_authority"] for m in self._doc_meta.values()
               if m.get("kind") in OWN_PAPERS and m.get("local_authority")}
        return own.pop() if len(own) == 1 else None

    def boilerplate(self) -> frozenset[str]:
        """The sentences many of the library's documents print (`vectorstore.boilerplate`), normalised;
        worked out once per state of the store."""
        chunks, _ = self._lexical_index()
        with self._lock:
            if self._boilerplate[0] != self._signature:
                self._boilerplate = (self._signature, common_sentences((c.meta.get("doc", ""), c.text) for c in chunks))
            return self._boilerplate[1]

    def together(self, terms: list[str]) -> bool:
        """Whether some chunk of the library holds every one of `terms` (stemmed words)."""
        return bool(self._lexical_index()[1].holding(terms).any())

    def copies(self, sentence: str, doc: str) -> list[Hit]:
        """The passages of documents other than `doc` that print `sentence` too (letters and punctuation aside):
        a council's text copy of an Ofsted letter is then cited with the letter's page."""
        chunks, index = self._lexical_index()
        said = plain(sentence)
        terms = sorted(set(tokenize(sentence)), key=lambda t: -index.idf.get(t, 0.0))[:6]  # the rarest narrow it
        if len(said) < 20 or not terms:
            return []
        held = index.holding(terms)
        return [Hit(c.id, c.text, c.meta) for c, ok in zip(chunks, held)
                if ok and c.meta.get("doc") != doc and said in plain(c.text)]

    def lexical_ids(self) -> list[str]:
        """The chunk ids the BM25 index holds (for `check`)."""
        return list(self._lexical_index()[1].ids)

    def idf(self, query: str = "", filters: Filters = Filters()) -> dict[str, float]:
        """Inverse document frequency of each (stemmed) term over the stored chunks, or over the home
        council's when `query` is read as about it (as `search` scores it)."""
        within = self._home_docs(query, filters) if query else ()
        return (self._within(within) if within else self._lexical_index())[1].idf

    def dense(self, query: str, n: int, filters: Filters = Filters(), vector: list[float] | None = None) -> list[Hit]:
        vector = vector if vector is not None else self.embed([query])[0]
        self._lexical_index()  # the chunks' text, kept with the BM25 index (a chunk of a document still being
        # written, which has no record yet, is left out, as there)
        found, known = self.store.nearest(vector, n * 2 if filters else n, where=filters.where()), self._by_id
        hits = [Hit(c.id, c.text, c.meta, score=s, dense=s) for i, s in found
                if (c := known.get(i)) is not None and filters.accepts(c.meta)]
        return [replace(h, rank=i + 1) for i, h in enumerate(hits[:n])]

    def _within(self, docs: tuple[str, ...]) -> tuple[list[StoredChunk], BM25Index]:
        """The chunks of `docs` and a BM25 index of them alone, kept for the next question: a question read
        as about the home council is scored as if the library held only its documents, so a word's weight
        comes from them and not from forty other councils' reports."""
        self._lexical_index()
        with self._lock:
            key = (self._signature, docs)
            if self._home_bm25 is None or self._home_bm25[0] != key:
                wanted = set(docs)
                pairs = [pair for d in sorted(self._by_doc) for pair in self._by_doc[d] if pair[0].meta.get("doc") in wanted]
                index = BM25Index([c.id for c, _ in pairs], tokens=[t for _, t in pairs])
                self._home_bm25 = (key, [c for c, _ in pairs], index)
            return self._home_bm25[1], self._home_bm25[2]

    def lexical(self, query: str, n: int, filters: Filters = Filters(), within: tuple[str, ...] = ()) -> list[Hit]:
        """BM25 over the library, or (`within`) over those documents alone as if the library held no others."""
        chunks, index = self._within(within) if within else self._lexical_index()
        scores = index.scores(query)
        if scores.size == 0:
            return []
        if filters:
            accepted: dict[str, bool] = {}  # what a filter checks is the document's: once per document
            mask = np.array([accepted[d] if (d := c.meta.get("doc", "")) in accepted
                             else accepted.setdefault(d, filters.accepts(c.meta)) for c in chunks])
            scores = np.where(mask, scores, -1.0)
        order = np.argsort(-scores, kind="stable")[:n]
        hits = [Hit(chunks[i].id, chunks[i].text, chunks[i].meta, score=float(scores[i]), lexical=float(scores[i]))
                for i in order if scores[i] > 0]
        return [replace(h, rank=r + 1) for r, h in enumerate(hits)]

    def search(self, query: str, k: int = 10, mode: Mode = "hybrid", filters: Filters = Filters()) -> list[Hit]:
        if mode not in MODES:
            raise ValueError(f"unknown retriever mode {mode!r}; choose one of {', '.join(MODES)}")
        if k < 1 or not query.strip():
            return []
        within = self._home_docs(query, filters)  # the home council's library, scored as if it were the whole
        filters = replace(filters, docs=within) if within else filters
        if mode == "dense":
            return distinct(self.dense(query, 2 * k, filters), k)
        if mode == "bm25":
            return distinct(self.lexical(query, 2 * k, filters, within), k)
        return distinct(self._hybrid(query, 2 * k, filters, within), k)

    def _hybrid(self, query: str, k: int, filters: Filters, within: tuple[str, ...] = ()) -> list[Hit]:
        n = max(k, self.candidates)
        vector = self.embed([query])[0]
        lexical_query = expand(_without_ofsted(query))
        # ("... the Children's Advice and Duty Service": passages after the first write "CADS")
        lexical_query = f"{lexical_query} {also_named(query, self.abbreviations(), lexical_query)}"
        dense, lexical = self.dense(query, n, filters, vector), self.lexical(lexical_query, n, filters, within)
        bonus: dict[str, float] = {}
        scoped, passed_over = self._scoped(query, filters), set()
        if scoped is not None:
            # The question names a year, a kind of report or a council: the chunks of those documents
            # become candidates even below the cut-off (ranked after it), and earn a bonus worth
            # `scope_bonus` first places.
            dense = _extend(dense, self.dense(query, n, scoped, vector))
            lexical = _extend(lexical, self.lexical(lexical_query, n, scoped, within))
            wanted = set(scoped.docs)
            places = NOW_BONUS if asks_now(query) and not scope_of(query) else self.scope_bonus
            bonus = {h.id: places / (self.rrf_k + 1) for h in dense + lexical if h.doc in wanted}
            if names_one_report(query):  # "the 2019 inspection": the other reports of that kind are not it
                kind = scope_of(query).kinds[0]
                passed_over = {d for d, m in self._doc_meta.items() if m.get("kind") == kind} - wanted
        sections = sections_asked(query)  # half a first place for the section the question asks for
        for h in {h.id: h for h in dense + lexical}.values() if sections else ():
            if any(p.search(h.heading) for p in sections):
                bonus[h.id] = bonus.get(h.id, 0.0) + SECTION_BONUS / (self.rrf_k + 1)
        fused = fuse([dense, lexical], len(dense) + len(lexical) if passed_over else k, self.rrf_k,
                     weights=[1.0, self.lexical_weight], bonus=bonus)
        return [h for h in fused if h.doc not in passed_over][:k]

    def named_documents(self, query: str, filters: Filters = Filters()) -> tuple[str, ...]:
        """The documents a question names by both year and kind of report ("the 2019 inspection"), the
        newest of one kind ("the latest focused visit"), or the grade a full inspection gave ("the inspection
        that moved Medway to 'good'"), if any."""
        scope, filters = scope_of(query), self._home_filter(query, filters)
        judged = JUDGED_AS.search(query)
        if judged and not scope.years:  # "the inspection that moved Medway to 'good'": the report giving that grade
            grade = (judged.group("grade") or judged.group("grade2")).lower()
            return tuple(sorted(d.doc for d in self.documents() if (d.overall or "").lower().startswith(grade)
                                and filters.accepts(self._doc_meta.get(d.doc, {}))))
        if not scope.years and len(scope.kinds) == 1 and LATEST.search(query):
            scoped = self._scoped(query, filters)
            return scoped.docs if scoped is not None else ()
        if not (scope.years and scope.kinds):
            return ()
        self._lexical_index()
        candidates = {doc: meta for doc, meta in self._doc_meta.items() if filters.accepts(meta)}
        if LATEST.search(query) and asks_over_time(query):
            return tuple(sorted(_then_and_latest(scope, candidates)))
        return tuple(sorted(_of_months(query, [d for d, m in candidates.items() if scope.matches(m)], candidates)))

    def recent_documents(self, query: str, filters: Filters = Filters()) -> tuple[str, ...]:
        """For a question about how things stand now (`asks_now`): the documents of the last few years, which the
        search puts first; else none."""
        if not asks_now(query):
            return ()
        within = self._home_docs(query, filters)
        scoped = self._scoped(query, replace(filters, docs=within) if within else filters)
        return scoped.docs if scoped is not None else ()

    def home_for(self, query: str, filters: Filters = Filters()) -> str | None:
        """The home council, when the question is read as about it: it names no council, asks nothing
        across councils ("which councils ..."), and no filter picks documents or councils."""
        if filters.docs or filters.local_authorities or ACROSS_COUNCILS.search(query) or scope_of(query).authorities:
            return None
        return self.home()

    def _home_docs(self, query: str, filters: Filters) -> tuple[str, ...]:
        """The home council's documents (and those about no council) when the question is read as about it,
        else none: another council's report does not answer a question about ours."""
        home = self.home_for(query, filters)
        if home is None:
            return ()
        self._lexical_index()
        return tuple(sorted(d for d, m in self._doc_meta.items() if m.get("local_authority") in (home, None)))

    def _home_filter(self, query: str, filters: Filters) -> Filters:
        """`filters`, restricted to the home council's documents when the question is read as about it."""
        docs = self._home_docs(query, filters)
        return replace(filters, docs=docs) if docs else filters

    def _scoped(self, query: str, filters: Filters) -> Filters | None:
        """Filters restricted to the documents the question points at, when any document fits."""
        scope, now = scope_of(query), asks_now(query)
        after = YEARS_AFTER.search(query)  # "how much was put in in the years after the 2019 judgement?": the
        # documents from then on (a history since then starts with that year's)
        if after and scope.years == (int(after.group(1)),) and not asks_over_time(query):
            scope = replace(scope, years=tuple(range(scope.years[0], date.today().year + 1)))
        if _ofsted_said(query):  # "what did Ofsted say ...": its own letters and reports
            scope = replace(scope, kinds=OFSTED_KINDS)
        if not scope and not now:
            return None
        self._lexical_index()
        candidates = {doc: meta for doc, meta in self._doc_meta.items() if filters.accepts(meta)}
        docs: list[str] = [] if scope else list(candidates)
        # the whole scope; else the kind of report alone; else the year alone (each with the council named)
        for attempt in (scope, Scope(kinds=scope.kinds, authorities=scope.authorities),
                        Scope(years=scope.years, authorities=scope.authorities)):
            if attempt:
                docs = [doc for doc, meta in candidates.items() if attempt.matches(meta)]
                docs = _of_months(query, docs, candidates) if attempt is scope else docs
            if docs:
                break
        if not docs:
            return None
        if LATEST.search(query) and scope.kinds and scope.years and asks_over_time(query):
            docs = _then_and_latest(scope, candidates)
        elif LATEST.search(query) and scope.kinds:  # "the last inspection": the newest document of that kind
            newest = max(candidates[d].get("date", "") for d in docs)
            docs = [d for d in docs if candidates[d].get("date", "") == newest]
        elif now:  # "is supervision still weak?": the documents of the last few years
            newest = max(candidates[d].get("year") or 0 for d in docs)
            docs = [d for d in docs if (candidates[d].get("year") or 0) >= newest - RECENT_YEARS]
        return replace(filters, docs=tuple(sorted(docs)))


def _of_months(query: str, docs: list[str], candidates: dict[str, dict]) -> list[str]:
    """Of `docs` (the report the question names by kind and year), those of the month it names, if it names
    one ("the May 2022 monitoring visit", not the September one); when none is, the council's own papers of the
    next few months, which report that visit; when there are none either, `docs`."""
    months = named_months(query)
    if not months or not docs:
        return docs
    visited, councils = [d for d in docs if near_month(candidates[d], months)], scope_of(query).authorities
    papers = [d for d, meta in candidates.items() if meta.get("kind") in OWN_PAPERS and near_month(meta, months, 3)
              and (not councils or meta.get("local_authority") in councils)]
    return visited or papers or docs


def _then_and_latest(scope: Scope, candidates: dict[str, dict]) -> list[str]:
    """A history from a year to the newest report of a kind ("in 2015, and how does that compare with the latest
    focused visit?", "from the 2019 inspection through to the latest focused visits"): the reports of those years
    (of the kinds named, else of any kind), and the newest report of each kind named."""
    then = [d for d, meta in candidates.items() if scope.matches(meta)] or \
        [d for d, meta in candidates.items() if Scope(years=scope.years, authorities=scope.authorities).matches(meta)]
    for kind in scope.kinds:
        of_kind = Scope(kinds=(kind,), authorities=scope.authorities)
        mine = [d for d, meta in candidates.items() if of_kind.matches(meta)]
        newest = max((candidates[d].get("date") or "" for d in mine), default=None)
        then += [d for d in mine if newest and candidates[d].get("date") == newest and d not in then]
    return then


def over_time(hits: list[Hit], wider: list[Hit], k: int, first: int = 2, documents: int = 4) -> list[Hit]:
    """For a question about a history ("... in 2019, and has it improved?"): the best `first` passages, then the
    best passage of each of up to `documents` other documents from `wider`, a search of every year, then the rest.
    A search scoped to the year named finds that year's documents only, and the answer reads the top passages.
    Only documents about the councils of the best passages are added: a history is one council's."""
    out = list(hits[:first])
    docs, councils = {h.doc for h in out}, {h.local_authority for h in out} - {None}
    for h in wider:
        if len(out) >= first + documents:
            break
        if h.doc not in docs and (not councils or h.local_authority in councils | {None}):
            out.append(h)
            docs.add(h.doc)
    ids = {h.id for h in out}
    return [replace(h, rank=r) for r, h in enumerate(out + [h for h in hits if h.id not in ids], 1)][:k]


def distinct(hits: list[Hit], k: int, overlap: float = 0.8) -> list[Hit]:
    """The first `k` hits, less any that repeats a better one from a twin file (the same letter kept as a
    PDF and as a text file: the same kind, council and date) with most of its words (Jaccard above
    `overlap`). Different reports share boilerplate and near-identical tables: they are all kept."""
    kept: list[tuple[Hit, set[str]]] = []
    for h in hits:
        words = set(tokenize(h.text))
        if not any(_twins(h, g) and words and len(words & w) / len(words | w) > overlap for g, w in kept):
            kept.append((h, words))
        if len(kept) == k:
            break
    return [replace(h, rank=r) for r, (h, _) in enumerate(kept, 1)]


def _twins(a: Hit, b: Hit) -> bool:
    same = (a.kind, a.local_authority, a.date)
    return a.doc != b.doc and all(same) and same == (b.kind, b.local_authority, b.date)


def _ofsted_said(query: str) -> re.Match | None:
    """ "What did Ofsted say ...?", in a question that names no kind of report: read as asking for Ofsted's own."""
    return None if scope_of(query).kinds else OFSTED_SAID.search(query)


def _without_ofsted(query: str) -> str:
    """ "What did Ofsted say about supervision?" is searched in Ofsted's own reports (`_scoped`), so the word
    "Ofsted" has done its work: in BM25 it would favour the passages that print it most (a report's back
    page, "Ofsted will take the findings ...") over the ones about supervision."""
    said = _ofsted_said(query)
    return f"{query[:said.start(1)]}{query[said.end(1):]}" if said else query


def _extend(ranking: list[Hit], more: list[Hit]) -> list[Hit]:
    """`ranking` followed by the hits of `more` it lacks, ranked after it."""
    seen = {h.id for h in ranking}
    extra = [h for h in more if h.id not in seen]
    return ranking + [replace(h, rank=len(ranking) + i + 1) for i, h in enumerate(extra)]


def plain(text: str) -> str:
    """Text as words and figures alone, lower case: the same sentence as two files print it."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _lexical_text(chunk: StoredChunk) -> str:
    m = chunk.meta
    return f"{m.get('title', '')} {m.get('heading', '')} {chunk.text}"


def fuse(rankings: list[list[Hit]], k: int, rrf_k: int = 60, weights: list[float] | None = None,
         bonus: dict[str, float] | None = None) -> list[Hit]:
    """Reciprocal rank fusion: score = sum of weight / (rrf_k + rank) over the rankings a chunk appears
    in, plus its `bonus` if any."""
    weights = weights or [1.0] * len(rankings)
    fused: dict[str, float] = dict(bonus or {})  # every bonus id must also appear in a ranking
    best: dict[str, Hit] = {}
    for ranking, weight in zip(rankings, weights):
        for hit in ranking:
            fused[hit.id] = fused.get(hit.id, 0.0) + weight / (rrf_k + hit.rank)
            prev = best.get(hit.id)
            best[hit.id] = hit if prev is None else replace(
                prev, dense=prev.dense if prev.dense is not None else hit.dense,
                lexical=prev.lexical if prev.lexical is not None else hit.lexical)
    order = sorted(fused, key=lambda i: -fused[i])[:k]
    return [replace(best[i], score=fused[i], fused=fused[i], rank=r + 1) for r, i in enumerate(order)]

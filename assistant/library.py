"""The facade the CLI, the app and the evals share: wires embedder, store and retriever from settings."""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import sys
import time
from collections import Counter, deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Callable

from assistant.answer import compose
from assistant.copies import with_copies
from assistant.facts import fact_answer, missing_month, missing_reports, ungraded, unknown_councils, unknown_names
from assistant.followup import resolve, without_introduction
from assistant.llm import llm_answer, make_chat_model
from assistant.overview import overview_answer
from assistant.prepare import challenge_answer
from assistant.records import NO_ANSWER, Answer, refuse
from assistant.settings import Settings
from ingest import DocumentInfo, IngestError, discover, file_sha256, load_document
from ingest.loader import LoadedDocument, read_bytes
from vectorstore import ChromaStore, Embedder, Hit, Retriever, SentenceTransformerEmbedder
from vectorstore.chroma_store import SCHEMA, StoreError, collection_names, make_client
from vectorstore.query_scope import YEAR, asks_over_time
from vectorstore.retrieval import Filters, over_time

HISTORY_DEPTH = 30  # a question about a history reads the best passage of each document among this many


@dataclass
class FileOutcome:
    doc: str
    status: str  # added | replaced | unchanged | duplicate | skipped | failed
    reason: str = ""
    pages: int = 0
    chunks: int = 0

    def line(self) -> str:
        return f"{self.doc}: {self.status}" + (f" ({self.reason})" if self.reason else "")


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    orphans_removed: int = 0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def add(self, outcome: FileOutcome, progress: "Progress | None" = None) -> None:
        self.outcomes.append(outcome)
        if progress:
            progress(outcome)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("added", "replaced", "unchanged", "duplicate", "skipped", "failed")
                 if self.count(s)]
        pages = sum(o.pages for o in self.outcomes)
        chunks = sum(o.chunks for o in self.outcomes)
        return f"{len(self.outcomes)} files: {', '.join(parts) or 'nothing to do'}; {pages} pages, {chunks} chunks indexed"


Progress = Callable[[FileOutcome], None]


@dataclass(frozen=True)
class _ReadJob:
    """A file being parsed on the reader thread; a twin within the batch waits on its first copy's job."""
    doc: str
    path: Path
    existed: bool
    job: Future
    twin_of: str = ""
READ_AHEAD = 3  # files parsed ahead of the one being embedded
SENTENCE_BATCH = 8  # an answer's sentences pad less in small batches (docs/benchmarks.md)


class Library:
    """ingest / documents / delete / search over one index."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None):
        self.settings = settings or Settings()
        self.embedder = embedder or SentenceTransformerEmbedder(
            self.settings.embedding.model_path, batch_size=self.settings.embedding.batch_size)
        self._store: ChromaStore | None = None
        self._retriever: Retriever | None = None
        self._chat_model = None  # the optional LLM backend, built on first use
        self.timings: Counter[str] = Counter()  # seconds spent reading, embedding and storing, for benchmarks

    @property
    def store(self) -> ChromaStore:
        if self._store is None:
            s = self.settings
            args = (self.embedder.name, s.chunking.size, s.chunking.overlap)
            client = make_client(s.store.index_dir, s.store.chroma_url)
            earlier = [collection_names(*args, schema=n) for n in range(1, SCHEMA)]
            self._store = ChromaStore(client, *collection_names(*args), self.embedder.dimension, earlier=earlier)
        return self._store

    @property
    def retriever(self) -> Retriever:
        if self._retriever is None:
            r = self.settings.retrieval
            self._retriever = Retriever(self.store, self.embedder, candidates=r.candidates, rrf_k=r.rrf_k,
                                        lexical_weight=r.lexical_weight, scope_bonus=r.scope_bonus,
                                        home_authority=r.home_authority)
        return self._retriever

    # -- ingest ----------------------------------------------------------------------------
    def ingest(self, paths: list[str | Path], progress: Progress | None = None) -> IngestReport:
        """Add files and folders. Files are parsed and chunked on a reader thread a few files ahead
        of the embedding (torch releases the GIL), so PDF parsing overlaps the model's work."""
        with self.writing():
            report = IngestReport(orphans_removed=self.store.remove_orphans())
            self._ingest_all([(s.path, s.doc, s.supported) for s in discover(paths)], report, progress)
        return report

    @contextlib.contextmanager
    def writing(self):
        """One writer at a time on an embedded index: a second ingest, re-index or delete from another
        process is refused at once with a clear message (a Chroma server orders its own writes)."""
        if self.settings.store.chroma_url:
            yield
            return
        index = Path(self.settings.store.index_dir)
        index.mkdir(parents=True, exist_ok=True)
        with open(index / "write.lock", "a+") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.seek(0)
                holder = lock.read().strip() or "another process"
                raise StoreError(f"{index} is being changed by {holder}; try again when it has finished") from None
            lock.seek(0)
            lock.truncate()
            lock.write(f"process {os.getpid()} ({' '.join(sys.argv[:3])})")
            lock.flush()
            try:
                yield
            finally:
                lock.truncate(0)
                fcntl.flock(lock, fcntl.LOCK_UN)

    def reindex(self, progress: Progress | None = None) -> IngestReport:
        """Read every document again from its source file (after a change to cleaning or chunking),
        with those an earlier version indexed under an older schema; the old chunks stay until the new
        ones are ready, and the older schema's collections go once all their documents are over."""
        with self.writing():
            return self._reindex(progress)

    def _reindex(self, progress: Progress | None) -> IngestReport:
        report, todo = IngestReport(), []
        earlier = self.store.earlier_documents()
        for info in self.documents() + earlier:
            path = _source_file(info)
            if path is None:
                report.add(FileOutcome(info.doc, "skipped", "its source file is no longer there"), progress)
            else:
                todo.append((path, info.doc, True))
        self._ingest_all(todo, report, progress, force=True)
        if not self.store.earlier_documents():
            self.store.drop_earlier()
        return report

    def earlier_notice(self) -> str:
        """One line when documents indexed by an earlier version are waiting to be re-indexed."""
        n = len(self.store.earlier_documents())
        return (f"{n} document{'s' if n != 1 else ''} indexed by an earlier version of the assistant "
                "are not searchable until re-indexed: `python -m assistant reindex` (or Re-index in the app's "
                "Library tab) reads them again from their files.") if n else ""

    def _ingest_all(self, files: list[tuple[Path, str, bool]], report: IngestReport, progress: Progress | None,
                    force: bool = False) -> None:
        window: deque = deque()
        planned: dict[str, _ReadJob] = {}  # content hash -> its first file, for duplicates within this batch
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-reader") as reader:
            for path, doc, supported in files:
                window.append(self._plan(path, doc, supported, force, planned, reader))
                while len(window) > READ_AHEAD:
                    report.add(self._finish(window.popleft()), progress)
            while window:
                report.add(self._finish(window.popleft()), progress)
        self.retriever.invalidate(forget=force)

    def _plan(self, path: Path, doc: str, supported: bool, force: bool, planned: dict[str, _ReadJob],
              reader: ThreadPoolExecutor) -> FileOutcome | _ReadJob:
        """A file's outcome when it needs no reading (unchanged, duplicate, unreadable), else its read job.
        The content hash is checked before any parsing."""
        if not supported:
            return FileOutcome(doc, "skipped", f"unsupported file type '{path.suffix}'")
        try:
            data = read_bytes(path, self.settings.ingest.max_file_mb)
        except IngestError as exc:
            return FileOutcome(doc, "failed", exc.reason)
        doc_id = file_sha256(data)
        existing = self.store.find(doc)
        if existing and existing.id == doc_id and not force:
            return FileOutcome(doc, "unchanged")
        twin = self.store.find_by_id(doc_id)
        if twin and twin.doc != doc:
            return FileOutcome(doc, "duplicate", f"same content as {twin.doc}")
        if doc_id in planned:  # a duplicate of a file earlier in this batch, unless that one fails
            first = planned[doc_id]
            return replace(first, doc=doc, path=path, twin_of=first.doc)
        planned[doc_id] = _ReadJob(doc, path, existing is not None, reader.submit(self._read, path, doc, data))
        return planned[doc_id]

    def _read(self, path: Path, doc: str, data: bytes) -> LoadedDocument:
        started = time.perf_counter()
        c = self.settings.chunking
        try:
            return load_document(path, doc, data, max_tokens=c.size, overlap_tokens=c.overlap,
                                 length=self.embedder.count_tokens)
        finally:
            self.timings["read"] += time.perf_counter() - started

    def _finish(self, planned: FileOutcome | _ReadJob) -> FileOutcome:
        """Embed and store a file that was read; the document record is written after its chunks."""
        if isinstance(planned, FileOutcome):
            return planned
        doc, path = planned.doc, planned.path
        started = time.perf_counter()
        try:
            loaded = planned.job.result()
        except IngestError as exc:
            return FileOutcome(doc, "failed", exc.reason)
        finally:
            self.timings["wait_for_read"] += time.perf_counter() - started
        if planned.twin_of:
            return FileOutcome(doc, "duplicate", f"same content as {planned.twin_of}")
        started = time.perf_counter()
        vectors = self.embedder.embed([ch.embed_text for ch in loaded.chunks])
        embedded_at = time.perf_counter()
        self.store.upsert(replace(loaded.info, source=str(path.resolve())), loaded.chunks, vectors)
        self.timings["embed"] += embedded_at - started
        self.timings["store"] += time.perf_counter() - embedded_at
        return FileOutcome(doc, "replaced" if planned.existed else "added", pages=loaded.info.pages,
                           chunks=loaded.info.chunks)

    # -- library ---------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        return self.store.documents()

    def source(self, doc_id: str) -> Path | None:
        """The file a library document was read from, if it is still there."""
        return _source_file(self.store.find_by_id(doc_id))

    def delete(self, doc: str) -> bool:
        with self.writing():
            removed = self.store.delete(doc)
        self.retriever.invalidate()
        return removed

    def check(self) -> list[str]:
        """Problems in the library (an empty list when it is consistent): the store's own, and any
        disagreement between the BM25 index and the chunks in Chroma."""
        found = self.store.problems()
        self.retriever.invalidate(forget=True)
        bm25 = self.retriever.lexical_ids()
        recorded = {d.id for d in self.documents()}
        stored = {c.id for c in self.store.all_chunks() if c.meta.get("doc_id") in recorded}
        if set(bm25) != stored or len(bm25) != len(stored):
            found.append(f"the BM25 index holds {len(bm25)} chunks, Chroma {len(stored)} of recorded documents")
        return found

    # -- questions -------------------------------------------------------------------------
    def search(self, question: str, *, k: int | None = None, mode: str | None = None,
               filters: Filters = Filters(), history: list[dict] | None = None) -> list[Hit]:
        r = self.settings.retrieval
        with self.retriever.one_look():
            return self._retrieve(resolve(question, history), k or r.k, mode or r.mode, filters)

    def _retrieve(self, query: str, k: int, mode: str, filters: Filters) -> list[Hit]:
        hits = self.retriever.search(query, k, mode, filters)
        if not asks_over_time(query):
            return hits
        wider = self.retriever.search(re.sub(r"\s+", " ", YEAR.sub(" ", query)), HISTORY_DEPTH, mode, filters)
        return over_time(hits, wider, k)

    def ask(self, question: str, *, history: list[dict] | None = None, filters: Filters = Filters(),
            k: int | None = None, mode: str | None = None) -> Answer:
        """An extractive answer with citations, or a refusal with the closest passages."""
        with self.retriever.one_look():  # the store is checked for other processes' writes once
            return self._ask(question, history, filters, k, mode)

    def _ask(self, question: str, history: list[dict] | None, filters: Filters, k: int | None,
             mode: str | None) -> Answer:
        r = self.settings.retrieval
        asked = without_introduction(question)  # "I'm new in post. What did ...?": what they ask
        query = resolve(asked, history)
        challenge = challenge_answer(self, query, filters)  # "what should councillors ask about ...?"
        if challenge is not None:
            return replace(challenge, question=question, query=query)
        hits = self._retrieve(query, k or r.k, mode or r.mode, filters)
        assumed = self.retriever.home_for(query, filters)
        answer = replace(with_copies(self._answer(asked, query, hits, filters, assumed), self.retriever.copies,
                                     self.source),
                         question=question, query=query, hits=tuple(hits))
        if (assumed and len(self.retriever.local_authorities()) > 1  # say which council it was taken to mean, unless
                and not (answer.refused and self._unheard(question))):  # "... in Narnia?"
            note = f"Read as a question about {assumed}, this library's home council: name a council to ask about another."
            answer = replace(answer, notice=" ".join(x for x in (note, answer.notice) if x))
        recent = self.retriever.recent_documents(query, filters)
        if recent and answer.citations and not {c.doc for c in answer.citations} & set(recent):
            # "how many children does Medway look after?": only a 2015 report says; say so rather than imply it is current
            newest = max(answer.citations, key=lambda c: c.date or "")
            note = (f"This rests on {newest.title or newest.doc}: no document in the library from the last few years "
                    "was found to answer it, so it may be out of date.")
            answer = replace(answer, notice=" ".join(x for x in (answer.notice, note) if x))
        return answer

    def _answer(self, question: str, query: str, hits: list[Hit], filters: Filters, home: str | None) -> Answer:
        unheard = self._unheard(question)
        if unheard:  # the closest passages still shown: they may be what the user was after under another name
            return refuse(question, hits, query, why=f"No document in it mentions {' or '.join(unheard)}.")
        fact = fact_answer(query, self.retriever.documents, self.store.chunks_of, filters, home=home, asked=question)
        if fact is not None:  # a judgement or a date the reports state, cited to its page
            return fact
        missing = unknown_councils(question, self.retriever.local_authorities, [h.text for h in hits])
        if missing:
            return Answer(question=question, refused=True, query=query,
                          text=f"{NO_ANSWER} It holds no documents about {' or '.join(missing)}.")
        absent = missing_reports(query, self.retriever.documents, filters, home, [h.text for h in hits])
        if absent:  # "the latest focused visit to Torbay", which has had none in this library
            return refuse(question, hits, query, why=f"It holds no {absent}.")
        unlisted = missing_month(query, self.retriever.documents, filters, home)
        if unlisted:  # "what did the January 2022 monitoring visit find?", when only a paper listing it is held
            return refuse(question, hits, query, why=unlisted)
        unrated = ungraded(query, self.retriever.documents, filters, home)
        if unrated:  # "What grade did Bristol get?", where the library holds only a focused visit to Bristol
            return refuse(question, hits, query, why=unrated)
        named = self.retriever.named_documents(query, filters)
        documents = self.retriever.documents()
        overview = overview_answer(question, named, documents, self.store.chunks_of, query=query)
        if overview is not None:  # "what did the 2023 inspection find?": the report's own summary
            return overview
        years = [int(d.date[:4]) for d in documents if d.doc in named and d.date and d.date[:4].isdigit()]
        answer = compose(question, hits, partial(self.retriever.embed, batch_size=SENTENCE_BATCH),
                         self.retriever.idf(query, filters), query=query, named=named,
                         common=self.retriever.boilerplate(), named_year=min(years, default=None))
        backend = self.settings.llm.backend
        if backend != "none":
            try:
                model = self.chat_model
            except ImportError:
                return replace(answer, notice=f"The {backend} backend needs `pip install -e .[llm]`; "
                                              "this is the extractive answer.")
            answer = llm_answer(question, hits, model, answer)
        return answer

    def _unheard(self, question: str) -> tuple[str, ...]:
        """The names in `question` no passage of the library holds (`unknown_names`)."""
        return unknown_names(question, self.retriever.idf(), self.retriever.together)

    @property
    def chat_model(self):
        if self._chat_model is None:
            c = self.settings.llm
            self._chat_model = make_chat_model(c.backend, c.model, c.base_url, c.api_key)
        return self._chat_model


def _source_file(info: DocumentInfo | None) -> Path | None:
    path = Path(info.source) if info and info.source else None
    return path if path and path.is_file() else None

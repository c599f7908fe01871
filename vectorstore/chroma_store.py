"""The Chroma store: embedded (PersistentClient) or a `chroma run` server (HttpClient).

Two collections per index configuration: chunks (our embeddings, never Chroma's default
embedding function) and documents (one record per document, written after its chunks, so a
document without its record is known to be half-written and is cleaned up).
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import urlparse

from ingest.records import Chunk, DocumentInfo

SCHEMA = 2  # bumped when chunking changes what a chunk holds: 2 = long judgement headings start chunks
BATCH = 1000
# HNSW's candidate list at query time. Chroma rebuilds the graph's unsynced tail (up to 1,000 chunks) with
# several threads each time a process opens the store, so at its default (100) the same query could return
# different neighbours from one process to the next; 1,000 makes the search over such a library exhaustive.
EF_SEARCH = 1000


class StoreError(Exception):
    """The store cannot be reached or used; str() is one line for a person."""


@dataclass(frozen=True)
class StoredChunk:
    id: str
    text: str
    meta: dict[str, Any]
    embedding: list[float] | None = field(default=None, repr=False)


def collection_names(model: str, chunk_size: int, overlap: int, schema: int | None = None) -> tuple[str, str]:
    schema = SCHEMA if schema is None else schema
    tag = re.sub(r"[^a-zA-Z0-9._-]+", "-", f"{model}-c{chunk_size}-o{overlap}-s{schema}").strip("-._")
    return f"chunks-{tag}", f"docs-{tag}"


def make_client(index_dir: str | Path | None = None, url: str | None = None):
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    try:
        if url:
            parsed = urlparse(url if "://" in url else f"http://{url}")
            client = chromadb.HttpClient(host=parsed.hostname or "127.0.0.1",
                                         port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                                         ssl=parsed.scheme == "https", settings=settings)
            client.heartbeat()
            return client
        Path(index_dir).mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(index_dir), settings=settings)
    except Exception as exc:  # chromadb raises many types; one clear line for the user
        where = url or index_dir
        raise StoreError(f"cannot open the Chroma store at {where}: {exc}") from exc


def _chunk_meta(chunk: Chunk, info: DocumentInfo) -> dict[str, Any]:
    meta = {
        "doc_id": chunk.doc_id, "doc": chunk.doc, "title": chunk.title, "position": chunk.position,
        "page": chunk.page, "page_end": chunk.page_end, "start": chunk.start, "end": chunk.end,
        "heading": chunk.heading, "kind": info.kind, "local_authority": info.local_authority,
        "date": info.date, "year": int(info.date[:4]) if info.date else None,
        "visit_dates": ",".join(info.visit_dates) or None,
    }
    return {k: v for k, v in meta.items() if v is not None}


def _doc_meta(info: DocumentInfo) -> dict[str, Any]:
    meta = asdict(info)
    meta["visit_dates"] = ",".join(info.visit_dates)
    meta["judgements"] = json.dumps(info.judgements) if info.judgements else None
    return {k: v for k, v in meta.items() if v is not None}


def _doc_from_meta(meta: dict[str, Any]) -> DocumentInfo:
    visits = tuple(x for x in str(meta.get("visit_dates", "")).split(",") if x)
    judgements = tuple(tuple(j) for j in json.loads(meta.get("judgements") or "[]"))
    return DocumentInfo(id=meta["id"], doc=meta["doc"], title=meta["title"], kind=meta.get("kind"),
                        local_authority=meta.get("local_authority"), date=meta.get("date"),
                        visit_dates=visits, pages=int(meta.get("pages", 0)), chunks=int(meta.get("chunks", 0)),
                        source=meta.get("source", ""), overall=meta.get("overall"), judgements=judgements,
                        judgement_page=meta.get("judgement_page"), outcome=meta.get("outcome"),
                        lead_inspector=meta.get("lead_inspector"))


class ChromaStore:
    """upsert / delete / query / count over one chunks collection and its documents collection."""

    def __init__(self, client, chunks_name: str, docs_name: str, dimension: int,
                 earlier: Sequence[tuple[str, str]] = ()):
        """`earlier`: the (chunks, docs) collection names the same model and chunk settings had under older
        schemas, whose documents `reindex` brings over."""
        self.dimension, self._client = dimension, client
        space = {"hnsw": {"space": "cosine", "ef_search": EF_SEARCH}}
        self._chunks = client.get_or_create_collection(chunks_name, configuration=space, embedding_function=None)
        self._docs = client.get_or_create_collection(docs_name, configuration=space, embedding_function=None)
        hnsw = (self._chunks.configuration_json or {}).get("hnsw") or {}
        if hnsw.get("ef_search", EF_SEARCH) < EF_SEARCH:  # a library made before EF_SEARCH was set
            self._chunks.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}})
        present = {c if isinstance(c, str) else c.name for c in client.list_collections()}
        self._earlier = [pair for pair in earlier if pair[1] in present]

    # -- documents indexed by an earlier version ---------------------------------------------
    def earlier_documents(self) -> list[DocumentInfo]:
        """Documents recorded under an older schema and not yet in this one."""
        current = {d.doc for d in self.documents()}
        found: dict[str, DocumentInfo] = {}
        for _, docs_name in self._earlier:
            for meta in self._client.get_collection(docs_name, embedding_function=None).get(include=["metadatas"])["metadatas"]:
                info = _doc_from_meta(meta)
                if info.doc not in current:
                    found.setdefault(info.doc, info)
        return sorted(found.values(), key=lambda d: (d.date or "", d.doc))

    def drop_earlier(self) -> None:
        """Delete the older schemas' collections (after their documents were brought over)."""
        for pair in self._earlier:
            for name in pair:
                try:
                    self._client.delete_collection(name)
                except Exception:  # already gone (another process dropped it)
                    pass
        self._earlier = []

    # -- documents -------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        got = self._docs.get(include=["metadatas"])
        docs = [_doc_from_meta(m) for m in got["metadatas"]]
        return sorted(docs, key=lambda d: (d.date or "", d.doc))

    def find(self, doc: str) -> DocumentInfo | None:
        got = self._docs.get(where={"doc": doc}, include=["metadatas"])
        return _doc_from_meta(got["metadatas"][0]) if got["ids"] else None

    def find_by_id(self, doc_id: str) -> DocumentInfo | None:
        got = self._docs.get(ids=[doc_id], include=["metadatas"])
        return _doc_from_meta(got["metadatas"][0]) if got["ids"] else None

    def signature(self) -> tuple[int, int]:
        """Cheap change detector for other processes sharing the store."""
        return self._docs.count(), self._chunks.count()

    # -- writes ----------------------------------------------------------------------------
    def upsert(self, info: DocumentInfo, chunks: Sequence[Chunk], embeddings: Sequence[Sequence[float]]) -> None:
        """Replace whatever is stored under `info.doc` with these chunks; the document record goes last."""
        if len(chunks) != len(embeddings):
            raise ValueError("one embedding per chunk")
        self.delete(info.doc)
        for i in range(0, len(chunks), BATCH):
            part = chunks[i:i + BATCH]
            self._chunks.upsert(
                ids=[c.id for c in part], documents=[c.text for c in part],
                metadatas=[_chunk_meta(c, info) for c in part],
                embeddings=[list(map(float, e)) for e in embeddings[i:i + BATCH]],
            )
        unit = [1.0] + [0.0] * (self.dimension - 1)
        self._docs.upsert(ids=[info.id], metadatas=[_doc_meta(info)], embeddings=[unit], documents=[info.title])

    def delete(self, doc: str) -> bool:
        """Remove a document and all its chunks; True when something was there."""
        existed = bool(self._docs.get(where={"doc": doc}, include=[])["ids"])
        self._docs.delete(where={"doc": doc})
        self._chunks.delete(where={"doc": doc})
        return existed

    def remove_orphans(self) -> int:
        """Delete chunks whose document record is missing (an ingest killed half-way)."""
        known = set(self._docs.get(include=[])["ids"])
        got = self._chunks.get(include=["metadatas"])
        orphans = [i for i, m in zip(got["ids"], got["metadatas"]) if m.get("doc_id") not in known]
        for i in range(0, len(orphans), BATCH):
            self._chunks.delete(ids=orphans[i:i + BATCH])
        return len(orphans)

    def problems(self) -> list[str]:
        """What is inconsistent: chunks without their document record, documents whose stored chunks differ
        from their record, and documents whose first or last chunk the vector index does not return."""
        records = {d.id: d for d in self.documents()}
        chunks = self.all_chunks(embeddings=True)
        by_doc: dict[str, list[StoredChunk]] = {}
        for c in chunks:
            by_doc.setdefault(c.meta.get("doc_id", ""), []).append(c)
        found = [f"{len(v)} orphan chunks of {v[0].meta.get('doc', '?')} (no document record)"
                 for k, v in by_doc.items() if k not in records]
        for doc_id, info in records.items():
            mine = sorted(by_doc.get(doc_id, []), key=lambda c: c.meta.get("position", 0))
            if len(mine) != info.chunks or any(c.meta.get("doc") != info.doc for c in mine):
                found.append(f"{info.doc}: {len(mine)} chunks stored, its record says {info.chunks}")
            for c in {id(c): c for c in mine[:1] + mine[-1:]}.values():
                got = self._chunks.query(query_embeddings=[c.embedding], n_results=10, include=[])
                if c.id not in got["ids"][0]:
                    found.append(f"{info.doc}: chunk {c.id} is missing from the vector index")
        return found

    # -- reads -----------------------------------------------------------------------------
    def count(self) -> int:
        return self._chunks.count()

    def all_chunks(self, embeddings: bool = False) -> list[StoredChunk]:
        out: list[StoredChunk] = []
        total = self._chunks.count()
        include = ["documents", "metadatas"] + (["embeddings"] if embeddings else [])
        for offset in range(0, total, 5000):
            got = self._chunks.get(include=include, limit=5000, offset=offset)
            vectors = got["embeddings"] if embeddings else [None] * len(got["ids"])
            out.extend(StoredChunk(i, t, m, None if v is None else list(map(float, v)))
                       for i, t, m, v in zip(got["ids"], got["documents"], got["metadatas"], vectors))
        return out

    def chunks_of(self, doc_ids: Sequence[str]) -> list[StoredChunk]:
        """The chunks of these documents (by document id)."""
        out: list[StoredChunk] = []
        for i in range(0, len(doc_ids), 100):
            got = self._chunks.get(where={"doc_id": {"$in": list(doc_ids[i:i + 100])}},
                                   include=["documents", "metadatas"])
            out.extend(StoredChunk(*row) for row in zip(got["ids"], got["documents"], got["metadatas"]))
        return out

    def query(self, embedding: Sequence[float], k: int, where: dict | None = None) -> list[tuple[StoredChunk, float]]:
        """Nearest chunks with cosine similarity (1 - distance), best first."""
        got = self._nearest(embedding, k, where, ["documents", "metadatas", "distances"])
        found = zip(got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0])
        # twin chunks (one text in two files) tie exactly: by id, so that the same one comes first every time
        return [(StoredChunk(i, t, m), 1.0 - d) for i, t, m, d in sorted(found, key=lambda f: (f[3], f[0]))]

    def nearest(self, embedding: Sequence[float], k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """The ids alone of `query`'s chunks, for a caller that holds their text: fetching the text and metadata
        of a hundred chunks is most of a query's time on a small library (docs/benchmarks.md)."""
        got = self._nearest(embedding, k, where, ["distances"])
        return [(i, 1.0 - d) for d, i in sorted(zip(got["distances"][0], got["ids"][0]))]

    def _nearest(self, embedding: Sequence[float], k: int, where: dict | None, include: list[str]) -> dict:
        if k <= 0:  # (Chroma returns what it holds when asked for more)
            return {key: [[]] for key in ["ids", *include]}
        return self._chunks.query(query_embeddings=[list(map(float, embedding))], n_results=k, where=where or None,
                                  include=include)

"""From a path to a loaded document: info, cleaned pages, chunks."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ingest.chunking import LengthFn, approx_tokens, chunk_pages
from ingest.judgements import read_findings
from ingest.clean import clean_pages
from ingest.metadata import (detect_kind, detect_local_authority, detect_publication_date,
                             detect_visit_dates, make_title)
from ingest.readers import SUPPORTED, IngestError, read_pages
from ingest.records import Chunk, DocumentInfo, Page


@dataclass(frozen=True)
class Source:
    path: Path
    doc: str  # relative to the folder given, or the file name
    supported: bool = True


@dataclass(frozen=True)
class LoadedDocument:
    info: DocumentInfo
    pages: list[Page]
    chunks: list[Chunk]


def discover(paths: list[str | Path]) -> list[Source]:
    """Files named directly, and files under folders (recursively, hidden ones left out)."""
    found: list[Source] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = f.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                found.append(Source(f, rel.as_posix(), f.suffix.lower() in SUPPORTED))
        else:
            found.append(Source(path, path.name))  # missing files fail later with a clear reason
    return found


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path, max_mb: float | None = None) -> bytes:
    """The file's bytes; a file over `max_mb` is refused before it is read."""
    try:
        size = path.stat().st_size
        if max_mb is not None and size > max_mb * 1024 * 1024:
            raise IngestError(path, f"too large: {size / 1024 / 1024:.0f} MB is over the {max_mb:g} MB limit "
                                    "(ASSISTANT_INGEST__MAX_FILE_MB)")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise IngestError(path, "is a folder") from exc
    except PermissionError as exc:
        raise IngestError(path, "permission denied") from exc


def load_document(
    path: Path, doc: str, data: bytes, *, max_tokens: int = 200, overlap_tokens: int = 40,
    length: LengthFn = approx_tokens,
) -> LoadedDocument:
    doc_id = file_sha256(data)
    raw = read_pages(path, data)
    cleaned = clean_pages(raw, markdown=path.suffix.lower() in {".md", ".markdown"})
    if not any(p.strip() for p in cleaned):
        raise IngestError(path, "no text after cleaning")
    kind = detect_kind(raw, path.name)
    authority = detect_local_authority(raw)
    visits = detect_visit_dates(raw)
    published = detect_publication_date(raw)
    when = published or (visits[-1] if visits else None)
    title = make_title(kind, authority, when, fallback=path.stem)
    chunks = chunk_pages(cleaned, doc_id=doc_id, doc=doc, title=title,
                         max_tokens=max_tokens, overlap_tokens=overlap_tokens, length=length)
    if not chunks:
        raise IngestError(path, "no text to index")
    found = read_findings(raw, kind)
    info = DocumentInfo(id=doc_id, doc=doc, title=title, kind=kind, local_authority=authority,
                        date=when, visit_dates=visits, pages=len(raw), chunks=len(chunks),
                        overall=found.overall, judgements=found.judgements, judgement_page=found.page,
                        outcome=found.outcome, lead_inspector=found.lead_inspector)
    pages = [Page(doc_id, i + 1, text) for i, text in enumerate(cleaned)]
    return LoadedDocument(info, pages, chunks)


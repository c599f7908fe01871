"""The small typed records handed from ingest to the store."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class DocumentInfo:
    id: str  # sha256 of the file's bytes
    doc: str  # path relative to the folder given, or the file name
    title: str
    kind: str | None = None
    local_authority: str | None = None
    date: str | None = None  # ISO date: publication date, else last visit date
    visit_dates: tuple[str, ...] = ()
    pages: int = 0
    chunks: int = 0
    source: str = ""  # where the file was read from, so the app can open it at a page
    # what the report states (ingest/judgements.py); empty where it states none
    overall: str | None = None  # overall effectiveness of a full inspection
    judgements: tuple[tuple[str, str], ...] = ()  # (sub-judgement as printed, grade)
    judgement_page: int | None = None  # where the judgements (or a SEND outcome) are printed
    outcome: str | None = None  # an area SEND inspection's outcome
    lead_inspector: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Page:
    doc_id: str
    number: int  # 1-based
    text: str  # cleaned


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    doc: str
    title: str
    position: int  # order within the document
    page: int  # 1-based page the chunk starts on
    page_end: int
    start: int  # character span in the document's cleaned text
    end: int
    heading: str
    text: str
    embed_text: str = field(default="", compare=False)  # text given to the embedder

    @property
    def id(self) -> str:
        key = f"{self.doc_id}:{self.position}:{self.text}".encode()
        return hashlib.sha256(key).hexdigest()[:32]

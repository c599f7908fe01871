"""Turn files (PDF, text, Markdown) into cleaned pages and structured chunks.

Knows nothing of the store or the assistant: pure functions over text where possible.
"""
from ingest.records import Chunk, DocumentInfo, Page
from ingest.loader import IngestError, LoadedDocument, discover, file_sha256, load_document

__all__ = [
    "Chunk", "DocumentInfo", "Page", "IngestError", "LoadedDocument",
    "discover", "file_sha256", "load_document",
]

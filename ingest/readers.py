"""Read a file into raw page texts. Each reader raises IngestError with a reason a person can act on."""
from __future__ import annotations

import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

SUPPORTED = {".pdf", ".txt", ".md", ".markdown"}


class IngestError(Exception):
    """A file that cannot be ingested; str() is one line naming the reason."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def read_pages(path: Path, data: bytes) -> list[str]:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(path, data)
    if suffix in SUPPORTED:
        return read_text(path, data)
    raise IngestError(path, f"unsupported file type '{suffix or path.name}' (PDF, TXT or MD)")


def read_pdf(path: Path, data: bytes) -> list[str]:
    if not data:
        raise IngestError(path, "empty file (0 bytes)")
    head = data[:1024].lstrip()
    if b"%PDF-" not in data[:1024]:
        what = "an HTML page" if head[:15].lower().startswith((b"<!doctype", b"<html")) else "not a PDF"
        raise IngestError(path, f"not a PDF: the file is {what} (no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(_bytes_io(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, "encrypted PDF: it needs a password; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except DependencyError as exc:
        raise IngestError(path, f"cannot decrypt this PDF here ({exc})") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError) as exc:
        raise IngestError(path, f"corrupt or truncated PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise IngestError(path, "PDF has no pages")
    if not any(p.strip() for p in pages):
        raise IngestError(path, "no text layer (a scanned PDF?); OCR it first")
    return pages


def read_text(path: Path, data: bytes) -> list[str]:
    if not data.strip():
        raise IngestError(path, "empty file (no text)")
    if b"\x00" in data[:4096]:
        raise IngestError(path, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # legacy Windows text, common in council papers
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\f")  # form feeds are page breaks; otherwise one page


def _bytes_io(data: bytes):
    import io

    return io.BytesIO(data)

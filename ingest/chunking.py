"""Chunk cleaned pages by structure: headings, paragraphs, list items, numbered sections.

A chunk is a contiguous slice of the document's cleaned text (pages joined by newlines), so
its character span and page range come for free. Chunks break at headings and block ends,
never mid-sentence unless one sentence is longer than a chunk.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable

from ingest.clean import BULLET, NUMBERED, TERMINAL
from ingest.records import Chunk

LengthFn = Callable[[str], int]
SENTENCE_END = re.compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bNo)(?<!\bvs)"
    r"[.!?][\"'’”)]*\s+(?=[\"'‘“(]?[A-Z0-9])"
)


def approx_tokens(text: str) -> int:
    """A model-free estimate of WordPiece tokens (words and punctuation, plus splits of long words)."""
    pieces = re.findall(r"\w+|[^\w\s]", text)
    return sum(1 + len(p) // 9 for p in pieces)


@dataclass
class Span:
    start: int
    end: int
    heading: bool = False


# A judgement heading of a children's services report: "The experiences and progress of children who
# need help and protection: requires improvement to be good" (too long for the general rule below).
JUDGEMENT_HEADING = re.compile(
    r"^[A-Z][^.:;]{10,130}: (?i:outstanding|good|requires improvement(?: to be good)?|inadequate)$")


def is_heading(line: str) -> bool:
    if JUDGEMENT_HEADING.match(line):
        return True
    words = line.split()
    if not words or len(words) > 15 or len(line) > 120 or BULLET.match(line):
        return False
    if line.endswith((".", ",", ";")) or not re.search(r"[A-Za-z]{3}", line):
        return False
    if NUMBERED.match(line):
        return True
    return line[0].isupper() or line[0].isdigit()


def sentences(text: str, offset: int = 0) -> list[Span]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        spans.append(Span(offset + start, offset + end))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append(Span(offset + start, offset + len(text.rstrip())))
    return spans


def _blocks(pages: list[str]) -> tuple[str, list[int], list[Span]]:
    text = "\n".join(pages)
    page_starts, pos = [], 0
    for p in pages:
        page_starts.append(pos)
        pos += len(p) + 1
    blocks: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            span = Span(pos, pos + len(line), is_heading(line))
            prev = blocks[-1] if blocks else None
            crosses_page = prev is not None and bisect.bisect_right(page_starts, prev.start) != bisect.bisect_right(page_starts, span.start)
            if (prev and crosses_page and not prev.heading and line[0].islower()
                    and not text[prev.start:prev.end].endswith(TERMINAL)):
                prev.end = span.end  # a sentence running over a page break stays whole
            else:
                blocks.append(span)
        pos += len(line) + 1
    return text, page_starts, blocks


def _split_long(text: str, span: Span, max_tokens: int, length: LengthFn) -> list[Span]:
    """Split a block longer than a chunk into sentences, and a sentence longer than a chunk into word windows."""
    out: list[Span] = []
    for s in sentences(text[span.start:span.end], span.start):
        if length(text[s.start:s.end]) <= max_tokens:
            out.append(s)
            continue
        words = list(re.finditer(r"\S+", text[s.start:s.end]))
        step = max(1, int(len(words) * max_tokens / max(1, length(text[s.start:s.end]))) - 1)
        for i in range(0, len(words), step):
            window = words[i:i + step]
            out.append(Span(s.start + window[0].start(), s.start + window[-1].end()))
    return out


def chunk_pages(
    pages: list[str], *, doc_id: str, doc: str, title: str,
    max_tokens: int = 200, overlap_tokens: int = 40, length: LengthFn = approx_tokens,
) -> list[Chunk]:
    text, page_starts, blocks = _blocks(pages)
    pieces: list[Span] = []
    for b in blocks:
        if b.heading or length(text[b.start:b.end]) <= max_tokens:
            pieces.append(b)
        else:
            pieces.extend(_split_long(text, b, max_tokens, length))

    groups: list[tuple[int, int, str]] = []  # (start, end, heading)
    current: list[Span] = []
    heading = ""
    chunk_heading = ""

    def flush() -> None:
        if current and (len(current) > 1 or not current[0].heading):
            groups.append((current[0].start, current[-1].end, chunk_heading))

    for piece in pieces:
        size = length(text[current[0].start:piece.end]) if current else length(text[piece.start:piece.end])
        if piece.heading:
            starts_section = not current or length(text[current[0].start:current[-1].end]) >= max_tokens // 3
            if current and (starts_section or size > max_tokens):
                flush()
                current = []
            heading = text[piece.start:piece.end]
            if not current:
                chunk_heading = heading
            current.append(piece)
            continue
        if current and size > max_tokens:
            flush()
            current = _overlap(text, current, overlap_tokens, length)
            if current and length(text[current[0].start:piece.end]) > max_tokens:
                current = []
            chunk_heading = heading
        if not current:
            chunk_heading = heading
        current.append(piece)
    flush()

    groups = _merge_small(text, groups, max_tokens, length)
    chunks = []
    for position, (start, end, head) in enumerate(groups):
        page = bisect.bisect_right(page_starts, start)
        page_end = bisect.bisect_right(page_starts, max(start, end - 1))
        body = text[start:end]
        context = " - ".join(x for x in (title, head) if x and not body.startswith(x))
        chunks.append(Chunk(
            doc_id=doc_id, doc=doc, title=title, position=position, page=page, page_end=page_end,
            start=start, end=end, heading=head, text=body,
            embed_text=f"{context}\n{body}" if context else body,
        ))
    return chunks


def _overlap(text: str, previous: list[Span], budget: int, length: LengthFn) -> list[Span]:
    """Trailing sentences of the previous chunk, up to `budget` tokens, to open the next one."""
    if budget <= 0:
        return []
    last = previous[-1]
    tail: list[Span] = []
    for s in reversed(sentences(text[last.start:last.end], last.start)):
        if length(text[s.start:last.end]) > budget:
            break
        tail.insert(0, s)
    return [Span(tail[0].start, last.end)] if tail else []


def _merge_small(text: str, groups: list[tuple[int, int, str]], max_tokens: int,
                 length: LengthFn) -> list[tuple[int, int, str]]:
    """Fold a tiny chunk (a sign-off, a stray line) into the one before it when both fit."""
    merged: list[tuple[int, int, str]] = []
    for start, end, head in groups:
        if merged and length(text[start:end]) < max_tokens // 8:
            p_start, p_end, p_head = merged[-1]
            if length(text[p_start:max(end, p_end)]) <= max_tokens:
                merged[-1] = (p_start, max(end, p_end), p_head)
                continue
        merged.append((start, end, head))
    return merged

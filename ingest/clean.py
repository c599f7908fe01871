"""Clean raw page text: one block (paragraph, list item, heading, table row) per line.

Removes page headers/footers and page numbers that repeat across pages, re-joins lines
hard-wrapped by the PDF, re-joins words hyphenated across line breaks, and strips Markdown
emphasis and links.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

BULLET = re.compile(r"^\s*(?:[-*+•◼▪■●○◦►–]|o(?=\s)|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)|(?:[a-z]|[ivx]{1,4})\))\s+")
NUMBERED = re.compile(r"^\s*(?:\d{1,3}\.(?:\d{1,3}\.?)*|\d{1,3}\.\d{1,3}|[A-Z]\.)\s+[A-Z(‘'\"]")
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
LETTERHEAD = re.compile(  # Ofsted's address block, printed wherever a letter's page starts
    r"^(ofsted|piccadilly gate|store street|manchester|m1 2wd|agora|6 cumberland place|nottingham|ng1 6hj|"
    r"t 0300 123 ?1231|textphone 0161 618 ?8524|enquiries@ofsted\.gov\.uk|www\.gov\.uk/ofsted|"
    r"(ofsted )?piccadilly gate store street manchester m1 2wd|"
    r"t 0300 123 1231 textphone 0161 618 8524 enquiries@ofsted\.gov\.uk www\.gov\.uk/ofsted|"
    r"[et]: ?(0300 123 1231|enquiries@ofsted\.gov\.uk)|w: ?www\.gov\.uk/ofsted|© crown copyright \d{4}|"
    r"e: enquiries@ofsted\.gov\.uk w: ?www\.gov\.uk/ofsted( © crown copyright \d{4})?)$"
)
COMPOUND_PREFIXES = frozenset(
    "multi non self well co pre post cross long short full part inter sub anti semi under over ex re year day "
    "one two three four five six ten child young high low front step out in on up off".split())
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TERMINAL = tuple(".!?:;\"')”’]")


# Word's bullets in Symbol and Wingdings fonts, as pypdf gives them (private-use code points a browser shows as boxes)
SYMBOL_BULLETS = str.maketrans({"\uf06e": "■", "\uf0a7": "▪", "\uf0b7": "•", "\uf0d8": "►", "\uf0fc": "•",
                                "\uf076": "•", "\uf02d": "-"})


def normalise_chars(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(SYMBOL_BULLETS)
    return text.replace("\u00ad", "").replace("\u200b", "").replace("\t", " ")


def clean_pages(pages: list[str], markdown: bool = False) -> list[str]:
    """Return one cleaned text per page, blocks separated by single newlines."""
    pages = [normalise_chars(p) for p in pages]
    page_lines = [[line.rstrip() for line in p.split("\n")] for p in pages]
    page_lines = _drop_repeated_margins(page_lines)
    vocabulary = Counter(w.lower() for p in pages for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", p))
    return [_blocks(lines, vocabulary, markdown) for lines in page_lines]


def _width(lines: list[str]) -> int:
    """The typical full line width of a page (PDF text wraps at it)."""
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _short_title(text: str) -> bool:
    return len(text) < 70 and len(text.split()) <= 10 and text[:1].isupper() and not text.endswith(TERMINAL + (",",))


def _margin_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().lower()))


def _drop_repeated_margins(page_lines: list[list[str]], margin: int = 4) -> list[list[str]]:
    """Drop page numbers and lines that repeat in the top or bottom margin of most pages."""
    if len(page_lines) < 2:  # a single page keeps its lines but loses its letterhead
        return [["" if LETTERHEAD.match(_letterhead_key(ln)) else ln for ln in lines] for lines in page_lines]
    counts: Counter[str] = Counter()
    for lines in page_lines:
        body = [ln for ln in lines if ln.strip()]
        counts.update({_margin_key(ln) for ln in body[:margin] + body[-margin:]})
    threshold = max(2, (len(page_lines) + 1) // 2)
    repeated = {key for key, n in counts.items() if n >= threshold and len(key) > 0}
    cleaned = []
    for lines in page_lines:
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        edge = set(nonblank[:margin] + nonblank[-margin:])
        cleaned.append([
            "" if (i in edge and (_margin_key(ln) in repeated or PAGE_NUMBER.match(ln)))
            or LETTERHEAD.match(_letterhead_key(ln)) else ln
            for i, ln in enumerate(lines)
        ])
    return cleaned


def _letterhead_key(line: str) -> str:
    return re.sub(r"[\s*]+", " ", MD_LINK.sub(r"\1", line)).strip().lower()


def _starts_block(line: str) -> bool:
    return bool(BULLET.match(line) or NUMBERED.match(line) or line.lstrip().startswith("|"))


def _join_hyphenated(left: str, right: str, vocabulary: Counter) -> str:
    """Join `left` ending in 'word-' to `right`; drop the hyphen only for a word the document spells whole."""
    head = re.search(r"([A-Za-z]+)-$", left)
    tail = re.match(r"([A-Za-z]+)", right)
    if head and tail:
        whole = (head.group(1) + tail.group(1)).lower()
        hyphenated = f"{head.group(1)}-{tail.group(1)}".lower()
        if vocabulary[whole] > vocabulary[hyphenated]:
            return left[:-1] + right
        if not vocabulary[hyphenated] and head.group(1).lower() not in COMPOUND_PREFIXES:
            return left[:-1] + right  # a word broken at the margin
    return left + right


def _strip_markdown(line: str) -> tuple[str, bool]:
    is_heading = bool(MD_HEADING.match(line))
    line = MD_HEADING.sub("", line)
    line = MD_LINK.sub(r"\1", line)
    line = re.sub(r"(\*\*|__)(.*?)\1", r"\2", line)
    line = line.replace("**", "")
    return line, is_heading


def _blocks(lines: list[str], vocabulary: Counter, markdown: bool) -> str:
    blocks: list[str] = []
    current: str | None = None
    pending_gap = False
    width = _width(lines)
    previous_len = 0
    for number, raw in enumerate(lines + [""]):
        line, md_heading = _strip_markdown(raw) if markdown or "**" in raw or raw.lstrip().startswith("#") else (raw, False)
        text = re.sub(r"\s+", " ", line).strip()
        if not text:
            if current is not None:
                blocks.append(current)
                current = None
            pending_gap = True
            continue
        if md_heading:  # a Markdown heading is a block of its own
            if current is not None:
                blocks.append(current)
            blocks.append(text.rstrip(":"))
            current, pending_gap = None, False
            continue
        continues_sentence = (
            blocks and current is None and pending_gap and text[0].islower()
            and not blocks[-1].endswith(TERMINAL)
        )
        if continues_sentence:  # a sentence split by a page gap or blank lines
            current = blocks.pop()
            current = _join_hyphenated(current, text, vocabulary) if current.endswith("-") else f"{current} {text}"
        elif current is None or _starts_block(text) or _paragraph_break(current, previous_len, width, text, lines, number):
            if current is not None:
                blocks.append(current)
            current = text
        elif current.endswith("-") and text[0].islower():
            current = _join_hyphenated(current, text, vocabulary)
        else:
            current = f"{current} {text}"
        pending_gap = False
        previous_len = len(raw.strip())
    return "\n".join(blocks)


def _paragraph_break(current: str, previous_len: int, width: int, text: str, lines: list[str], number: int) -> bool:
    """PDFs without blank lines between paragraphs: a short line ending a sentence ends its paragraph,
    and a short title-like line between sentences is a heading of its own."""
    if width < 40:
        return False
    if _short_title(current) and previous_len < 0.7 * width and text[:1].isupper():
        return True  # the line before was a heading
    if current.endswith(TERMINAL) and text[:1].isupper():
        if previous_len < 0.8 * width:
            return True
        return _short_title(text) and len(text) < 0.7 * width
    return False

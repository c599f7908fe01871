"""The evidence-matching rule: does a retrieved passage carry an evidence quote?"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
DASHES = re.compile(r"[‐‑‒–—―−]")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    text = DASHES.sub("-", text).replace("*", "").lower()
    text = re.sub(r"-\s*\n\s*", "", text)
    return re.sub(r"\s+", " ", text).strip()


def same_file(a: str, b: str) -> bool:
    """True when one path is the other, or ends with it at a folder boundary."""
    a, b = a.replace("\\", "/").strip("/"), b.replace("\\", "/").strip("/")
    if a == b:
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer.endswith("/" + shorter)


def quote_matches(passage: str, quote: str) -> bool:
    p, q = normalise(passage), normalise(quote)
    if not q:
        return False
    if q in p:
        return True
    needed = min(len(q), max(40, 0.6 * len(q)))
    # A shared run of `needed` characters holds a whole one of q's consecutive blocks of half that length:
    # when no block is in the passage, no such run exists, and the slow search below is skipped.
    block = int(needed) // 2
    if block and not any(q[i:i + block] in p for i in range(0, len(q) - block + 1, block)):
        return False
    m = SequenceMatcher(None, p, q, autojunk=False).find_longest_match(0, len(p), 0, len(q))
    return m.size >= needed


def matches(passage_doc: str, passage_text: str, evidence: dict) -> bool:
    return same_file(passage_doc, evidence["doc"]) and quote_matches(passage_text, evidence["quote"])

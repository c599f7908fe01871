"""Abbreviations a library defines ("Children's Advice and Duty Service (CADS)"), so that a question using one
form finds the passages that use the other."""
from __future__ import annotations

import re
from typing import Sequence

from vectorstore.bm25_index import tokenize

# "Newly qualified social workers (NQSWs)": an abbreviation defined by the words before it
DEFINED = re.compile(r"((?:[A-Za-z][\w'’-]*,?\s+){1,9})\(([A-Z]{2,})s?\)")
LINKING = frozenset({"and", "of", "the", "for", "in", "to", "with", "on"})


def abbreviations(texts: Sequence[str]) -> dict[str, str]:
    """The abbreviations `texts` define, each with the words it stands for ("NQSW": "Newly qualified social
    workers"), found by their initials."""
    found: dict[str, str] = {}
    for text in texts:
        for m in DEFINED.finditer(text):
            short, words = m.group(2), m.group(1).split()
            for start in range(len(words) - 1, -1, -1):  # the shortest run of words ending before the bracket
                run = [p for w in words[start:] for p in w.strip(",").split("-") if p]
                if "".join(p[0] for p in run if p.lower() not in LINKING).lower() == short.lower():
                    found[short] = " ".join(words[start:]).strip(",")
                    break
    return found


def spelled(text: str, short: dict[str, str], keep: bool = False) -> str:
    """`text` with each abbreviation of `short` spelled out: "17 NQSWs were employed" counts newly qualified
    social workers; `keep`: the abbreviation kept before its words ("the MASH" is read as "the MASH
    multi-agency safeguarding hub")."""
    for abbreviation, words in short.items():
        text = re.sub(rf"\b{abbreviation}s?\b", lambda m: f"{m.group(0)} {words}" if keep else words, text)
    return text


def also_named(query: str, short: dict[str, str], searched: str = "") -> str:
    """The other form of each abbreviation `query` uses or spells out: "... contacted the Children's Advice and Duty
    Service" is searched with "CADS" too, "what does CADS do?" with its words; none that `searched` (the query as
    already expanded) holds. Only the names of bodies and services ("Medway Safeguarding Children Board"), whose
    passages after the first write the abbreviation; "looked after children (LAC)" is spelled out as often."""
    words, have = tokenize(query), set(tokenize(searched or query))
    found = []
    for abbreviation, long in short.items():
        if not all(w[0].isupper() for w in long.split() if w.lower() not in LINKING):
            continue
        spelled_out = tokenize(long)
        if re.search(rf"\b{abbreviation}s?\b", query):
            found.append(long)
        elif len(spelled_out) > 1 and any(words[i:i + len(spelled_out)] == spelled_out for i in range(len(words))):
            found.append(abbreviation)
    return " ".join(f for f in found if not set(tokenize(f)) <= have)

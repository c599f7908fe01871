"""Resolve an elliptical follow-up question against the conversation before retrieval."""
from __future__ import annotations

import re

ELLIPTICAL = re.compile(
    r"^(and|what about|how about|and what|what did they|who|is that|was that|why|how|did they|does it|"
    r"what else|same|then)\b|\b(they|them|it|that|this|those|these|there|its|their)\b",
    re.IGNORECASE,
)


def resolve(question: str, history: list[dict] | None, turns: int = 3) -> str:
    """The question to retrieve with: itself, or itself plus the last user turn when it leans on it, and
    the turn before that while each leans on its own predecessor ("Who led that inspection?" after "What
    judgement did Medway get in 2015?"), up to `turns` earlier questions."""
    if not history:
        return question
    previous = [t.get("content", "") for t in history if t.get("role") == "user"]
    if not previous:
        return question
    if len(question.split()) > 14 and not ELLIPTICAL.search(question):
        return question
    carried = [previous[-1]]
    for earlier in reversed(previous[-turns:-1]):
        if not ELLIPTICAL.search(carried[-1]):
            break
        carried.append(earlier)
    return question + "".join(f" ({q})" for q in carried)

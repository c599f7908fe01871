"""Resolve an elliptical follow-up question against the conversation before retrieval."""
from __future__ import annotations

import re

ELLIPTICAL = re.compile(
    r"^(and|what about|how about|and what|what did they|who|is that|was that|why|how|did they|does it|"
    r"what else|same|then)\b|\b(they|them|it|that|this|those|these|there|its|their)\b",
    re.IGNORECASE,
)


def resolve(question: str, history: list[dict] | None) -> str:
    """The question to retrieve with: itself, or itself plus the last user turn when it leans on it."""
    if not history:
        return question
    previous = [t.get("content", "") for t in history if t.get("role") == "user"]
    if not previous:
        return question
    if len(question.split()) > 14 and not ELLIPTICAL.search(question):
        return question
    return f"{question} ({previous[-1]})"

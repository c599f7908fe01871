"""The dataset format: JSON lines of {id, question, history, answer, evidence, kind}."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


class DatasetError(Exception):
    pass


@dataclass(frozen=True)
class Item:
    id: str
    question: str
    answer: str = ""
    evidence: tuple[dict, ...] = ()
    history: tuple[dict, ...] = ()
    kind: str = "fact"
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def answerable(self) -> bool:
        return bool(self.evidence)


def load(path: str | Path) -> list[Item]:
    items, seen = [], set()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            item = Item(
                id=str(raw["id"]), question=raw["question"], answer=raw.get("answer", ""),
                evidence=tuple({"doc": e["doc"], "quote": e["quote"], "page": e.get("page")}
                               for e in raw.get("evidence") or []),
                history=tuple(raw.get("history") or []), kind=raw.get("kind") or "fact",
                extra={k: v for k, v in raw.items()
                       if k not in {"id", "question", "answer", "evidence", "history", "kind"}},
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise DatasetError(f"{path}:{n}: not a dataset item ({type(exc).__name__}: {exc})") from exc
        if item.id in seen:
            raise DatasetError(f"{path}:{n}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise DatasetError(f"{path}: no items")
    return items

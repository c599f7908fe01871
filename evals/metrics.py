"""Retrieval metrics as pure functions of match ranks."""
from __future__ import annotations

import math
from collections import defaultdict
from statistics import mean

KS = (1, 3, 5, 10)


def first_rank(per_passage: list[set[int]]) -> int | None:
    """1-based rank of the first passage that matches any evidence quote."""
    for rank, matched in enumerate(per_passage, 1):
        if matched:
            return rank
    return None


def hit_at(per_passage: list[set[int]], k: int) -> float:
    return 1.0 if any(per_passage[:k]) else 0.0


def recall_at(per_passage: list[set[int]], n_evidence: int, k: int) -> float:
    found = set().union(*per_passage[:k]) if per_passage[:k] else set()
    return len(found) / n_evidence if n_evidence else 0.0


def reciprocal_rank(per_passage: list[set[int]]) -> float:
    r = first_rank(per_passage)
    return 1.0 / r if r else 0.0


def ndcg_at(per_passage: list[set[int]], n_evidence: int, k: int = 10) -> float:
    """A passage gains 1 when it carries an evidence quote no earlier passage carried."""
    seen: set[int] = set()
    dcg = 0.0
    for rank, matched in enumerate(per_passage[:k], 1):
        if matched - seen:
            dcg += 1.0 / math.log2(rank + 1)
            seen |= matched
    ideal = sum(1.0 / math.log2(r + 1) for r in range(1, min(n_evidence, k) + 1))
    return dcg / ideal if ideal else 0.0


def item_metrics(per_passage: list[set[int]], n_evidence: int) -> dict[str, float]:
    out = {f"hit@{k}": hit_at(per_passage, k) for k in KS}
    out.update({f"recall@{k}": recall_at(per_passage, n_evidence, k) for k in (5, 10)})
    out["mrr"] = reciprocal_rank(per_passage)
    out["ndcg@10"] = ndcg_at(per_passage, n_evidence, 10)
    return out


def aggregate(rows: list[dict]) -> dict:
    """Means over answerable rows, overall and per kind; rows carry 'kind' and 'metrics'."""
    def summarise(subset: list[dict]) -> dict:
        keys = subset[0]["metrics"].keys() if subset else []
        return {"n": len(subset), **{k: round(mean(r["metrics"][k] for r in subset), 4) for k in keys}}

    scored = [r for r in rows if r.get("metrics")]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in scored:
        by_kind[r["kind"]].append(r)
    latencies = sorted(r["latency_ms"] for r in rows)
    return {
        "overall": summarise(scored),
        # the same, in the retriever's own order (before the passages the answer cites are put first)
        "retriever_only": summarise([{"metrics": r["retriever_metrics"]} for r in scored if r.get("retriever_metrics")]),
        "per_kind": {kind: summarise(sub) for kind, sub in sorted(by_kind.items())},
        "items": len(rows), "scored": len(scored),
        "unanswerable": sum(1 for r in rows if r.get("unanswerable")),
        "not_in_library": sum(1 for r in rows if r.get("not_in_library")),
        "latency_ms": {"p50": _pct(latencies, 50), "p95": _pct(latencies, 95)},
        "answers": answer_metrics(rows),
    }


def answer_metrics(rows: list[dict]) -> dict:
    """How the answers cite and refuse: rows carry 'refused', and scored rows 'citation_matches'."""
    scored = [r for r in rows if r.get("metrics")]
    unanswerable = [r for r in rows if r.get("unanswerable")]
    matches = [m for r in scored for m in r.get("citation_matches", [])]
    follow = [r["metrics"]["hit@5"] for r in scored if r["kind"] == "follow-up"]
    led = [(r["citation_matches"][r["lead"] - 1], bool(r.get("hedged"))) for r in scored
           if r.get("lead") and r.get("citation_matches")]
    answered_unanswerable = [r for r in unanswerable if not r.get("refused")]
    return {
        "citation_precision": _share(sum(matches), len(matches)),
        "citations": len(matches),
        "answerable_with_correct_citation": _share(sum(1 for r in scored if any(r.get("citation_matches", []))),
                                                   len(scored)),
        "answerable_refused": _share(sum(1 for r in scored if r.get("refused")), len(scored)),
        "unanswerable_refused": _share(sum(1 for r in unanswerable if r.get("refused")), len(unanswerable)),
        "follow_up_hit@5": _share(sum(follow), len(follow)),
        # the answer's first choice: the passage holding its best sentence is evidence (precision's ceiling when
        # it cites that passage alone)
        "lead_correct": _share(sum(ok for ok, _ in led), len(led)),
        # answers marked less certain, and how often the first choice was right with and without the mark
        "hedged": _share(sum(h for _, h in led), len(led)),
        "lead_correct_confident": _share(sum(ok for ok, h in led if not h), sum(1 for _, h in led if not h)),
        "lead_correct_hedged": _share(sum(ok for ok, h in led if h), sum(1 for _, h in led if h)),
        "unanswerable_answered_hedged": _share(sum(1 for r in answered_unanswerable if r.get("hedged")),
                                               len(answered_unanswerable)),
    }


def _share(part: float, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _pct(values: list[float], p: int) -> float:
    if not values:
        return 0.0
    return round(values[min(len(values) - 1, math.ceil(p / 100 * len(values)) - 1)], 1)

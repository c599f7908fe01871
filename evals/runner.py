"""Run a dataset through the Library exactly as the CLI does, and score what comes back."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

from evals.dataset import Item
from evals.matching import matches, same_file
from evals.metrics import aggregate, first_rank, item_metrics


def run_items(library, items: list[Item], *, k: int = 10, mode: str | None = None,
              progress: Callable[[int], None] | None = None) -> list[dict]:
    in_library = [d.doc for d in library.documents()]
    rows = []
    for n, item in enumerate(items, 1):
        evidence = [e for e in item.evidence if any(same_file(doc, e["doc"]) for doc in in_library)]
        started = time.perf_counter()  # the whole question: follow-up resolution, retrieval, the answer
        answer = library.ask(item.question, k=k, mode=mode, history=list(item.history))
        latency = (time.perf_counter() - started) * 1000
        hits = answer.ranked()  # as presented: the passages the answer cites first
        matched = {h.id: {i for i, e in enumerate(evidence) if matches(h.doc, h.text, e)}
                   for h in {h.id: h for h in (*answer.hits, *hits)}.values()}
        per_passage, retrieved_only = [matched[h.id] for h in hits], [matched[h.id] for h in answer.hits]
        citations = [c.to_dict() for c in answer.citations]
        row = {
            "id": item.id, "question": item.question, "kind": item.kind,
            "retrieved": [h.to_dict() for h in hits], "latency_ms": round(latency, 1),
            "first_match_rank": first_rank(per_passage), "retriever_rank": first_rank(retrieved_only),
            "answer": answer.text, "citations": citations, "refused": answer.refused, "hedged": answer.hedged,
            "lead": answer.lead or (1 if citations else None),  # the citation of the answer's best sentence
        }
        if not item.answerable:
            row["unanswerable"] = True
        elif not evidence:
            row["not_in_library"] = True  # its documents were not ingested: left out of the figures
        else:
            row["metrics"] = item_metrics(per_passage, len(evidence))
            row["retriever_metrics"] = item_metrics(retrieved_only, len(evidence))
            row["citation_matches"] = [any(matches(c["doc"], c["text"], e) for e in evidence) for c in citations]
        rows.append(row)
        if progress:
            progress(n)
    return rows


def write_results(out: Path, rows: list[dict], config: dict) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "results.jsonl").open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    metrics = {"config": config, **aggregate(rows)}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False), encoding="utf-8")
    return metrics

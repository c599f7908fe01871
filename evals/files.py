"""An evaluation run written for download: metrics and results as JSON, the per-question table as CSV,
and the Markdown report (the app's Evaluate tab)."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable

from evals.dataset import load
from evals.report import render
from evals.runner import run_items, write_results

CSV_COLUMNS = ("id", "kind", "first_match_rank", "refused", "citations", "citations_right", "latency_ms",
               "question", "answer")


def question_rows(rows: list[dict]) -> list[dict]:
    """One flat row per question: rank of the first matching passage, the answer, its citations, refused."""
    out = []
    for r in rows:
        rank = ("unanswerable" if r.get("unanswerable") else "not in library" if r.get("not_in_library")
                else r["first_match_rank"] or "miss")
        cites = "; ".join(f"[{c['n']}] {c['doc']} p.{c['page']}" for c in r["citations"])
        right = sum(r["citation_matches"]) if r.get("citation_matches") is not None else ""
        out.append({"id": r["id"], "kind": r["kind"], "first_match_rank": rank, "refused": r["refused"],
                    "citations": cites, "citations_right": right, "latency_ms": r["latency_ms"],
                    "question": r["question"], "answer": r["answer"]})
    return out


def evaluate(library, dataset: str | Path, out: Path, *, mode: str = "hybrid", k: int = 10,
             progress: Callable[[int, int], None] | None = None) -> tuple[dict, list[dict], list[Path]]:
    """Run `dataset` against the library as it is; returns the metrics, the flat rows and the files written."""
    items = load(dataset)
    rows = run_items(library, items, k=k, mode=mode, progress=(lambda n: progress(n, len(items))) if progress else None)
    config = {"mode": mode, "k": k, "dataset": Path(dataset).name, "documents": len(library.documents())}
    metrics = write_results(out, rows, config)
    flat = question_rows(rows)
    with (out / "results.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(flat)
    (out / "report.md").write_text(render({mode: metrics}, {mode: rows}, f"Evaluate tab: {Path(dataset).name}"),
                                   encoding="utf-8")
    files = [out / "metrics.json", out / "results.jsonl", out / "results.csv", out / "report.md"]
    return metrics, flat, files

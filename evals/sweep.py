"""Calibrate the answerer: refusals both ways and citation figures for a grid of AnswerSettings.

    python -m evals.sweep --dataset evals/datasets/medway_dev.jsonl --index .eval-index

Retrieval runs once per question; the answerer is re-run for every setting (sentence embeddings
are cached), so a sweep takes about as long as one evaluation run.
"""
from __future__ import annotations

import argparse
import dataclasses
import itertools
from dataclasses import replace

from assistant.answer import AnswerSettings, compose
from assistant.followup import resolve
from evals.dataset import load
from evals.matching import matches

GRID = {"min_score": (0.0, 0.35, 0.45, 0.55), "figure_coverage": (0.0, 0.3), "keep_ratio": (0.85, 0.9)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.sweep")
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--index", required=True, help="an index that already holds the dataset's documents")
    parser.add_argument("--grid", action="append", default=[], metavar="FIELD=V1,V2",
                        help="an AnswerSettings field and the values to try (repeatable; replaces the default grid)")
    args = parser.parse_args(argv)
    grid = _grid(args.grid) if args.grid else GRID

    from assistant.library import Library
    from assistant.settings import Settings

    lib = Library(Settings().with_overrides(store__index_dir=args.index))
    cache: dict[str, list[float]] = {}

    def embed(texts: list[str]) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        cache.update(zip(missing, lib.embedder.embed(missing)) if missing else ())
        return [cache[t] for t in texts]

    items = load(args.dataset)
    common = lib.retriever.boilerplate()  # as Library.ask passes it: the answerer as the product runs it
    prepared = []
    for item in items:
        query = resolve(item.question, list(item.history))
        prepared.append((item, query, lib.retriever.search(query, 10, "hybrid"), lib.retriever.named_documents(query),
                         lib.retriever.idf(query)))

    print(f"| {' | '.join(grid)} | citation precision | answerable with correct citation "
          "| unanswerable refused | answerable refused |")
    print("|---" * (len(grid) + 4) + "|")
    for values in itertools.product(*grid.values()):
        settings = replace(AnswerSettings(), **dict(zip(grid, values)))
        right = cited = correct = answerable = refused_a = unanswerable = refused_u = 0
        for item, query, hits, named, idf in prepared:
            answer = compose(item.question, hits, embed, idf, settings, query=query, named=named, common=common)
            if not item.answerable:
                unanswerable += 1
                refused_u += answer.refused
                continue
            answerable += 1
            refused_a += answer.refused
            good = [any(matches(c.doc, c.text, e) for e in item.evidence) for c in answer.citations]
            right, cited, correct = right + sum(good), cited + len(good), correct + any(good)
        print(f"| {' | '.join(map(str, values))} | {right / max(cited, 1):.3f} | {correct / max(answerable, 1):.3f} "
              f"| {refused_u / max(unanswerable, 1):.3f} | {refused_a / max(answerable, 1):.3f} |")
    return 0


def _grid(specs: list[str]) -> dict[str, tuple]:
    fields = {f.name: f.type for f in dataclasses.fields(AnswerSettings)}
    grid = {}
    for spec in specs:
        name, _, values = spec.partition("=")
        if name not in fields or not values:
            raise SystemExit(f"--grid {spec!r}: expected FIELD=V1,V2 with FIELD one of {', '.join(fields)}")
        cast = int if fields[name] in (int, "int") else float
        grid[name] = tuple(cast(v) for v in values.split(","))
    return grid


if __name__ == "__main__":
    raise SystemExit(main())

"""python -m evals run --dataset FILE --docs PATH... --out DIR  (also: check, compare)"""
from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m evals", description="Measure retrieval on a Q&A dataset.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="ingest --docs, run every question, write results.jsonl, metrics.json, report.md")
    p.add_argument("--dataset", required=True, help="JSON lines: id, question, history, answer, evidence, kind")
    p.add_argument("--docs", nargs="+", required=True, metavar="PATH", help="files or folders to ingest first")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--index", metavar="DIR", help="index folder (default: settings)")
    g.add_argument("--chroma-url", metavar="URL")
    p.add_argument("--k", type=int, default=10, help="passages retrieved per question (default 10)")
    p.add_argument("--retriever", action="append", choices=["hybrid", "dense", "bm25"],
                   help="retrieval mode; repeat to compare modes side by side (default hybrid)")
    p.add_argument("--chunk-size", type=int)
    p.add_argument("--chunk-overlap", type=int)
    p.add_argument("--out", required=True, metavar="DIR")
    p = sub.add_parser("check", help="is every evidence quote in its document, on its page, inside one passage?")
    p.add_argument("--dataset", required=True)
    p.add_argument("--docs", nargs="+", required=True, metavar="PATH", help="the files or folders the quotes come from")
    p = sub.add_parser("compare", help="one dataset under several configurations, side by side, with a chart")
    p.add_argument("--dataset", required=True)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--index", metavar="DIR")
    g.add_argument("--chroma-url", metavar="URL")
    p.add_argument("--docs", nargs="*", default=[], metavar="PATH", help="ingest these first (needed for chunking)")
    p.add_argument("--config", action="append", required=True, metavar="NAME:key=value,...",
                   help="a configuration (repeat): keys mode, k, candidates, rrf_k, lexical_weight, scope_bonus, "
                        "chunk_size, chunk_overlap; 'NAME:' alone is the defaults")
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--out", required=True, metavar="DIR")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = "python -m evals " + " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    if args.command == "check":
        return _check(args)
    if args.command == "compare":
        from evals.compare import run_compare

        try:
            run_compare(args.dataset, args.index, args.chroma_url, args.docs, args.config, Path(args.out), command,
                        k=args.k)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    from tqdm import tqdm

    from assistant.cli import settings_from
    from assistant.library import Library
    from evals.dataset import DatasetError, load
    from evals.report import render
    from evals.runner import run_items, write_results
    from vectorstore import StoreError

    try:
        items = load(args.dataset)
        library = Library(settings_from(argparse.Namespace(
            index=args.index, chroma_url=args.chroma_url, chunk_size=args.chunk_size,
            chunk_overlap=args.chunk_overlap, k=args.k, retriever=None)))
        report = library.ingest(args.docs)
    except (DatasetError, StoreError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for o in report.failed:
        print(f"error: {o.doc}: {o.reason}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)

    out = Path(args.out)
    modes = args.retriever or ["hybrid"]
    runs, rows_by_run = {}, {}
    for mode in modes:
        with tqdm(total=len(items), desc=mode, unit="q", file=sys.stderr) as bar:
            rows = run_items(library, items, k=args.k, mode=mode, progress=lambda n: bar.update(1))
        config = {"mode": mode, "k": args.k, "dataset": args.dataset, "docs": args.docs,
                  "chunk_size": library.settings.chunking.size, "chunk_overlap": library.settings.chunking.overlap}
        target = out if len(modes) == 1 else out / mode
        runs[mode] = write_results(target, rows, config)
        rows_by_run[mode] = rows
    (out / "report.md").write_text(render(runs, rows_by_run, command), encoding="utf-8")
    if len(modes) > 1:  # the top level holds every mode: metrics keyed by mode, result lines tagged with it
        (out / "metrics.json").write_text(json.dumps(runs, indent=2), encoding="utf-8")
        with (out / "results.jsonl").open("w", encoding="utf-8") as f:
            for mode, rows in rows_by_run.items():
                f.writelines(json.dumps({"mode": mode, **row}, ensure_ascii=False) + "\n" for row in rows)
    summary = {m: {k: runs[m]["overall"].get(k) for k in ("n", "hit@5", "mrr", "ndcg@10")} for m in modes}
    print(json.dumps(summary, indent=2))
    return 0


def _check(args: argparse.Namespace) -> int:
    from assistant.settings import Settings
    from evals.check import check
    from evals.dataset import DatasetError
    from vectorstore.embedder import SentenceTransformerEmbedder

    settings = Settings()
    tokens = SentenceTransformerEmbedder(settings.embedding.model_path).count_tokens  # chunk as ingest does
    try:
        problems = check(args.dataset, args.docs, tokens, settings.chunking.size, settings.chunking.overlap)
    except DatasetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s) in {args.dataset}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""One dataset under several configurations, side by side, with a chart: a configuration change is
judged by numbers.

    python -m evals compare --dataset FILE --index DIR [--docs PATH...] --out DIR \\
        --config "hybrid:" --config "dense:mode=dense" --config "bm25-heavy:lexical_weight=3" \\
        --config "chunks-128:chunk_size=128,chunk_overlap=24"

A configuration is NAME:key=value,...; keys: mode, k, candidates, rrf_k, lexical_weight, scope_bonus,
home_authority (retrieval), chunk_size, chunk_overlap (chunking: a separate collection, built from --docs).
"""
from __future__ import annotations

import html
from pathlib import Path

KEYS = {"mode": "retrieval__mode", "k": "retrieval__k", "candidates": "retrieval__candidates",
        "rrf_k": "retrieval__rrf_k", "lexical_weight": "retrieval__lexical_weight",
        "scope_bonus": "retrieval__scope_bonus", "home_authority": "retrieval__home_authority", "chunk_size": "chunking__size", "chunk_overlap": "chunking__overlap"}


def parse_config(spec: str) -> tuple[str, dict[str, str]]:
    name, _, body = spec.partition(":")
    if not name.strip():
        raise ValueError(f"--config {spec!r}: expected NAME:key=value,...")
    overrides = {}
    for part in filter(None, (p.strip() for p in body.split(","))):
        key, eq, value = part.partition("=")
        if not eq or key.strip() not in KEYS:
            raise ValueError(f"--config {spec!r}: {part!r} is not key=value with key one of {', '.join(KEYS)}")
        overrides[KEYS[key.strip()]] = value.strip()
    return name.strip(), overrides


def bar_chart_svg(runs: dict[str, dict], metrics: tuple[str, ...] = ("hit@5", "mrr")) -> str:
    """Grouped bars, one group per configuration, one bar per metric (0 to 1)."""
    colours = ("#2b6cb0", "#dd6b20", "#38a169", "#805ad5")
    width, height, left, bottom, group = 120 * len(runs) + 80, 260, 40, 220, 120
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="11"><line x1="{left}" y1="20" x2="{left}" y2="{bottom}" stroke="#555"/>']
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = bottom - tick * 200
        out.append(f'<text x="4" y="{y + 4:.0f}">{tick:.2f}</text><line x1="{left}" y1="{y:.0f}" x2="{width}" '
                   f'y2="{y:.0f}" stroke="#ddd"/>')
    for g, (name, m) in enumerate(runs.items()):
        x0 = left + 20 + g * group
        for i, metric in enumerate(metrics):
            value = float(m["overall"].get(metric, 0))
            x, h = x0 + i * 34, value * 200
            out.append(f'<rect x="{x}" y="{bottom - h:.0f}" width="30" height="{h:.0f}" fill="{colours[i % 4]}"/>'
                       f'<text x="{x}" y="{bottom - h - 3:.0f}">{value:.2f}</text>')
        out.append(f'<text x="{x0}" y="{bottom + 16}">{html.escape(name[:18])}</text>')
    for i, metric in enumerate(metrics):
        out.append(f'<rect x="{left + 20 + i * 90}" y="{height - 18}" width="10" height="10" fill="{colours[i % 4]}"/>'
                   f'<text x="{left + 34 + i * 90}" y="{height - 9}">{metric}</text>')
    return "\n".join(out + ["</svg>"])


def run_compare(dataset: str, index: str | None, chroma_url: str | None, docs: list[str], configs: list[str],
                out: Path, command: str, k: int = 10) -> dict[str, dict]:
    import sys

    from tqdm import tqdm

    from assistant.library import Library
    from assistant.settings import Settings
    from evals.dataset import load
    from evals.report import figures_table, render
    from evals.runner import run_items, write_results

    items = load(dataset)
    runs, rows_by_run, embedder = {}, {}, None
    for spec in configs:
        name, overrides = parse_config(spec)
        settings = Settings().with_overrides(store__index_dir=index, store__chroma_url=chroma_url, **overrides)
        library = Library(settings, embedder=embedder)
        embedder = library.embedder  # one model for every configuration
        if docs:
            library.ingest(docs)
        mode, top = settings.retrieval.mode, settings.retrieval.k if "retrieval__k" in overrides else k
        with tqdm(total=len(items), desc=name, unit="q", file=sys.stderr) as bar:
            rows = run_items(library, items, k=top, mode=mode, progress=lambda n: bar.update(1))
        config = {"name": name, "overrides": overrides, "mode": mode, "k": top, "dataset": dataset,
                  "chunk_size": settings.chunking.size, "chunk_overlap": settings.chunking.overlap}
        runs[name] = write_results(out / name, rows, config)
        rows_by_run[name] = rows
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.md").write_text(render(runs, rows_by_run, command), encoding="utf-8")
    (out / "compare.svg").write_text(bar_chart_svg(runs), encoding="utf-8")
    print(figures_table(runs))
    print(f"\nreport: {out / 'report.md'}; chart: {out / 'compare.svg'}")
    return runs

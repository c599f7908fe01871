"""report.md: the figures side by side and the per-question table."""
from __future__ import annotations

COLUMNS = ("hit@1", "hit@3", "hit@5", "hit@10", "recall@5", "mrr", "ndcg@10")


def figures_table(runs: dict[str, dict]) -> str:
    lines = ["| configuration | n | " + " | ".join(COLUMNS) + " | p50 ms | p95 ms |",
             "|---|---|" + "---|" * (len(COLUMNS) + 2)]
    for name, m in runs.items():
        o = m["overall"]
        cells = " | ".join(f"{o.get(c, 0):.3f}" for c in COLUMNS)
        lines.append(f"| {name} | {o.get('n', 0)} | {cells} | {m['latency_ms']['p50']} | {m['latency_ms']['p95']} |")
    return "\n".join(lines)


def per_kind_table(metrics: dict) -> str:
    lines = ["| kind | n | hit@5 | mrr | recall@5 |", "|---|---|---|---|---|"]
    for kind, m in metrics["per_kind"].items():
        lines.append(f"| {kind} | {m['n']} | {m['hit@5']:.3f} | {m['mrr']:.3f} | {m['recall@5']:.3f} |")
    return "\n".join(lines)


def question_table(rows: list[dict]) -> str:
    lines = ["| id | kind | first match | top passage | question |", "|---|---|---|---|---|"]
    for r in rows:
        rank = ("unanswerable" if r.get("unanswerable") else "not in library" if r.get("not_in_library")
                else r["first_match_rank"] or "miss")
        top = r["retrieved"][0] if r["retrieved"] else None
        where = f"{top['doc']} p.{top['page']}" if top else "-"
        q = r["question"].replace("|", "\\|")
        lines.append(f"| {r['id']} | {r['kind']} | {rank} | {where.replace('|', '/')} | {q} |")
    return "\n".join(lines)


def render(runs: dict[str, dict], rows_by_run: dict[str, list[dict]], command: str) -> str:
    parts = ["# Retrieval evaluation", "", f"Command: `{command}`", ""]
    first = next(iter(runs.values()))
    parts += [f"Items: {first['items']} ({first['scored']} scored, {first['unanswerable']} unanswerable, "
              f"{first['not_in_library']} whose documents are not in the library)", "",
              "## Figures", "", figures_table(runs), ""]
    for name, metrics in runs.items():
        parts += [f"## {name}: per kind", "", per_kind_table(metrics), ""]
    for name, rows in rows_by_run.items():
        parts += [f"## {name}: per question", "", question_table(rows), ""]
    return "\n".join(parts)

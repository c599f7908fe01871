"""report.md: the figures side by side and the per-question table."""
from __future__ import annotations

COLUMNS = ("hit@1", "hit@3", "hit@5", "hit@10", "recall@5", "mrr", "ndcg@10")


def figures_table(runs: dict[str, dict]) -> str:
    lines = ["| configuration | n | " + " | ".join(COLUMNS) + " | p50 ms | p95 ms |",
             "|---|---|" + "---|" * (len(COLUMNS) + 2)]
    for name, m in runs.items():
        for label, o in ((f"{name}, retriever's order", m.get("retriever_only")), (name, m["overall"])):
            if o:
                cells = " | ".join(f"{o.get(c, 0):.3f}" for c in COLUMNS)
                lines.append(f"| {label} | {o.get('n', 0)} | {cells} | {m['latency_ms']['p50']} | {m['latency_ms']['p95']} |")
    return "\n".join(lines)


ANSWER_COLUMNS = ("citation_precision", "answerable_with_correct_citation", "lead_correct", "unanswerable_refused",
                  "answerable_refused", "follow_up_hit@5", "hedged", "lead_correct_confident", "lead_correct_hedged",
                  "unanswerable_answered_hedged")


def answers_table(runs: dict[str, dict]) -> str:
    lines = ["| configuration | citations | " + " | ".join(c.replace("_", " ") for c in ANSWER_COLUMNS) + " |",
             "|---|---|" + "---|" * len(ANSWER_COLUMNS)]
    for name, m in runs.items():
        a = m.get("answers", {})
        cells = " | ".join("-" if a.get(c) is None else f"{a[c]:.3f}" for c in ANSWER_COLUMNS)
        lines.append(f"| {name} | {a.get('citations', 0)} | {cells} |")
    return "\n".join(lines)


def per_kind_table(metrics: dict) -> str:
    lines = ["| kind | n | hit@5 | mrr | recall@5 |", "|---|---|---|---|---|"]
    for kind, m in metrics["per_kind"].items():
        lines.append(f"| {kind} | {m['n']} | {m['hit@5']:.3f} | {m['mrr']:.3f} | {m['recall@5']:.3f} |")
    return "\n".join(lines)


def question_table(rows: list[dict]) -> str:
    lines = ["| id | kind | first match | top passage | answer | question |", "|---|---|---|---|---|---|"]
    for r in rows:
        rank = ("unanswerable" if r.get("unanswerable") else "not in library" if r.get("not_in_library")
                else r["first_match_rank"] or "miss")
        top = r["retrieved"][0] if r["retrieved"] else None
        where = f"{top['doc']} p.{top['page']}" if top else "-"
        q = r["question"].replace("|", "\\|")
        lines.append(f"| {r['id']} | {r['kind']} | {rank} | {where.replace('|', '/')} | {_answer_cell(r)} | {q} |")
    return "\n".join(lines)


def _answer_cell(r: dict) -> str:
    if r.get("refused"):
        return "refused"
    good = r.get("citation_matches")
    return f"{len(r.get('citations', []))} cited" + (f", {sum(good)} right" if good is not None else "")


def render(runs: dict[str, dict], rows_by_run: dict[str, list[dict]], command: str) -> str:
    parts = ["# Evaluation: retrieval and answers", "", f"Command: `{command}`", ""]
    first = next(iter(runs.values()))
    parts += [f"Items: {first['items']} ({first['scored']} scored, {first['unanswerable']} unanswerable, "
              f"{first['not_in_library']} whose documents are not in the library)", "",
              "## Retrieval", "", figures_table(runs), "",
              "Each configuration twice: in the retriever's order, and as the assistant presents the passages "
              "(those its answer cites first, the rest in the retriever's order).", "",
              "## Answers (extractive)", "", answers_table(runs), "",
              "Latency covers the whole question: follow-up resolution, retrieval and the answer.", ""]
    for name, metrics in runs.items():
        parts += [f"## {name}: per kind", "", per_kind_table(metrics), ""]
    for name, rows in rows_by_run.items():
        parts += [f"## {name}: per question", "", question_table(rows), ""]
    return "\n".join(parts)

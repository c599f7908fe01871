"""The app's domain tabs: Timeline (a council's history and its judgements over time), Prepare (compare,
scrutiny questions, Markdown and Word downloads) and Evaluate (a Q&A file run against the library)."""
from __future__ import annotations

import html
import tempfile
from pathlib import Path

from assistant.history import grade_points, history, history_markdown
from assistant.prepare import challenges, challenges_markdown, compare, comparison_markdown
from assistant.prepare import export as export_file_as


def domain_tabs(lib, councils: list[str]):
    """Build the three tabs inside the current Blocks and wire them; returns the two council dropdowns,
    which the Library tab refreshes after a change."""
    import gradio as gr

    def timeline(authority):
        import pandas as pd

        rows = history(lib.documents(), authority or "")
        points = pd.DataFrame(grade_points(rows), columns=["date", "judgement", "grade", "level"])
        points["date"] = pd.to_datetime(points["date"])
        return points, history_markdown(authority or "this council", rows)

    def prepare_files(markdown: str, stem: str):
        folder = Path(tempfile.mkdtemp(prefix="prepare-"))
        return (gr.update(value=str(export_file_as(markdown, folder / f"{stem}.md")), visible=True),
                gr.update(value=str(export_file_as(markdown, folder / f"{stem}.docx")), visible=True))

    def compare_sides(theme, left, right, authority):
        if not (theme and left and right):
            return "Give a theme and two years or documents.", "", gr.update(), gr.update()
        try:
            sides = compare(lib, theme, left.strip(), right.strip(), authority or None)
        except ValueError as exc:
            return html.escape(str(exc)), "", gr.update(), gr.update()
        shown = [html.escape(part, quote=False) for part in comparison_markdown(theme, sides).split("\n### ")[1:]]
        shown = [f"### {part}" for part in shown]
        return (*shown, *prepare_files(comparison_markdown(theme, sides), "comparison"))

    def scrutiny(theme, authority):
        if not theme:
            return "Give a theme.", "", gr.update(), gr.update()
        text = challenges_markdown(theme, challenges(lib, theme, authority or None))
        return (html.escape(text, quote=False), "", *prepare_files(text, "scrutiny-questions"))

    def run_evaluation(dataset, mode, k, progress=gr.Progress()):
        import pandas as pd

        from evals.dataset import DatasetError
        from evals.files import evaluate
        from evals.report import answers_table, figures_table, per_kind_table

        if not dataset:
            return "Upload a dataset first.", None, None, gr.update(visible=False)
        out = Path(tempfile.mkdtemp(prefix="evaluate-"))
        try:
            metrics, rows, files = evaluate(lib, Path(dataset if isinstance(dataset, str) else dataset.name), out,
                                            mode=mode, k=int(k or 10),
                                            progress=lambda n, total: progress((n, total), desc="Questions"))
        except DatasetError as exc:
            return html.escape(str(exc)), None, None, gr.update(visible=False)
        runs = {mode: metrics}
        summary = "\n\n".join(["### Retrieval", figures_table(runs), "### Answers", answers_table(runs),
                                "### Per kind", per_kind_table(metrics)])
        kinds = pd.DataFrame([{"kind": f"{kind} {name}", "metric": name, "value": m[name]} for kind, m in
                              metrics["per_kind"].items() for name in ("hit@5", "mrr")])  # one bar per x: unstacked
        table = pd.DataFrame(rows)[["id", "kind", "first_match_rank", "refused", "citations", "question", "answer"]]
        return summary, kinds, table, gr.update(value=[str(f) for f in files], visible=True)

    with gr.Tab("Timeline") as timeline_tab:
        t_la = gr.Dropdown(councils, value=councils[0] if councils else None, label="Local authority")
        t_plot = gr.LinePlot(x="date", y="level", color="judgement", y_lim=[0.5, 4.5], height=340,
                             tooltip=["date", "judgement", "grade"], elem_id="timeline-plot", x_axis_format="%Y",
                             title="Judgements over time", y_title="grade",
                             caption="4 outstanding · 3 good · 2 requires improvement (to be good), or adequate · "
                                     "1 inadequate")
        t_table = gr.Markdown(elem_id="timeline")
    with gr.Tab("Prepare"):
        gr.Markdown("Compare two years (or two documents) on a theme, or draft challenge questions for "
                    "committee, each resting on a cited finding. Both download as Markdown and Word.")
        with gr.Row():
            p_theme = gr.Textbox(label="Theme", placeholder="supervision, care leavers, workforce",
                                 elem_id="p-theme")
            p_la = gr.Dropdown(councils, value=councils[0] if councils else None, label="Local authority")
            p_left = gr.Textbox(label="First: a year or a document", placeholder="2019", elem_id="p-left")
            p_right = gr.Textbox(label="Second", placeholder="2023", elem_id="p-right")
        with gr.Row():
            compare_btn = gr.Button("Compare", variant="primary", elem_id="compare")
            scrutiny_btn = gr.Button("Draft scrutiny questions", elem_id="scrutiny")
        with gr.Row():
            p_one = gr.Markdown(elem_id="prepare-left")
            p_two = gr.Markdown(elem_id="prepare-right")
        with gr.Row():
            p_md = gr.File(label="Markdown", visible=False, interactive=False)
            p_docx = gr.File(label="Word (.docx)", visible=False, interactive=False)
    with gr.Tab("Evaluate"):
        gr.Markdown("Run a Q&A file (JSON lines: `id`, `question`, `history`, `answer`, `evidence` of "
                    "`{doc, quote}`, `kind`) against the library as it is now.")
        with gr.Row():
            e_file = gr.File(label="Dataset (.jsonl)", file_types=[".jsonl", ".json"], elem_id="e-file")
            with gr.Column():
                e_mode = gr.Dropdown(["hybrid", "dense", "bm25"], value="hybrid", label="Retriever")
                e_k = gr.Number(10, label="Passages per question (k)", precision=0)
                e_run = gr.Button("Run evaluation", variant="primary", elem_id="e-run")
        e_summary = gr.Markdown(elem_id="e-summary")
        e_plot = gr.BarPlot(x="kind", y="value", color="metric", title="hit@5 and MRR per kind of question",
                            y_lim=[0, 1], height=300, elem_id="e-plot")
        e_table = gr.Dataframe(label="Per question", wrap=True, elem_id="e-table")
        e_files = gr.File(label="Results (JSON, CSV, Markdown)", file_count="multiple", visible=False,
                          interactive=False)

    timeline_tab.select(timeline, t_la, [t_plot, t_table], api_visibility="private")
    t_la.change(timeline, t_la, [t_plot, t_table], api_visibility="private")
    compare_btn.click(compare_sides, [p_theme, p_left, p_right, p_la], [p_one, p_two, p_md, p_docx],
                      api_visibility="private")
    scrutiny_btn.click(scrutiny, [p_theme, p_la], [p_one, p_two, p_md, p_docx], api_visibility="private")
    e_run.click(run_evaluation, [e_file, e_mode, e_k], [e_summary, e_plot, e_table, e_files],
                api_visibility="private")
    return t_la, p_la

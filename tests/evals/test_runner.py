import json

from evals.__main__ import main


def test_evals_run_writes_results_metrics_and_report(tmp_path, letters, monkeypatch):
    dataset = write_tiny_dataset(tmp_path / "set.jsonl")
    with dataset.open("a") as f:
        f.write("\n" + json.dumps({"id": "c", "question": "What is the weather on Mars?", "history": [], "answer": "",
                                   "evidence": [], "kind": "unanswerable"}))
    out = tmp_path / "out"
    code = main(["run", "--dataset", str(dataset), "--docs", str(letters), "--index", str(tmp_path / "idx"),
                 "--retriever", "bm25", "--retriever", "hybrid", "--out", str(out)])
    assert code == 0
    results = [json.loads(line) for line in (out / "hybrid" / "results.jsonl").read_text().splitlines()]
    assert [r["id"] for r in results] == ["a", "b", "c"]
    assert {"id", "question", "retrieved", "latency_ms"} <= results[0].keys()
    assert {"doc", "page", "text", "score", "title"} <= results[0]["retrieved"][0].keys()
    metrics = json.loads((out / "hybrid" / "metrics.json").read_text())
    assert metrics["overall"]["n"] == 2 and metrics["unanswerable"] == 1
    assert metrics["overall"]["hit@5"] == 1.0
    # the retriever's own order is reported beside the order the assistant presents (cited passages first)
    assert metrics["retriever_only"]["n"] == 2 and metrics["retriever_only"]["hit@5"] == 1.0
    cited_first = [r for r in results if r.get("citations")]
    assert all(r["retrieved"][0]["text"] == r["citations"][0]["text"] for r in cited_first) and cited_first
    assert all(r["retriever_rank"] for r in results if "metrics" in r)
    report = (out / "report.md").read_text()
    assert "| bm25 |" in report and "| hybrid |" in report and "| a | number |" in report
    assert "| hybrid, retriever's order |" in report


def write_tiny_dataset(path):
    rows = [
        {"id": "a", "question": "What is the increase in foster carer allowances?", "history": [],
         "answer": "£2.1m", "evidence": [{"doc": "scrutiny & committee's paper, 2023.md",
                                            "quote": "sets out a £2.1m increase in allowances"}], "kind": "number"},
        {"id": "b", "question": "Do disabled children wait for assessments?", "history": [], "answer": "yes",
         "evidence": [{"doc": "inspection report.pdf", "quote": "Disabled children wait too long"}], "kind": "fact"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    return path


def test_evals_compare_runs_each_configuration_side_by_side_with_a_chart(tmp_path, letters, capsys):
    out = tmp_path / "out"
    code = main(["compare", "--dataset", str(write_tiny_dataset(tmp_path / "set.jsonl")), "--docs", str(letters),
                 "--index", str(tmp_path / "idx"), "--out", str(out), "--config", "defaults:",
                 "--config", "dense:mode=dense", "--config", "small-chunks:chunk_size=48,chunk_overlap=8"])
    assert code == 0
    for name in ("defaults", "dense", "small-chunks"):
        metrics = json.loads((out / name / "metrics.json").read_text())
        assert metrics["overall"]["n"] == 2 and metrics["config"]["name"] == name
    assert json.loads((out / "dense" / "metrics.json").read_text())["config"]["mode"] == "dense"
    assert json.loads((out / "small-chunks" / "metrics.json").read_text())["config"]["chunk_size"] == 48
    printed = capsys.readouterr().out
    assert "| defaults |" in printed and "| dense |" in printed and "| small-chunks |" in printed
    svg = (out / "compare.svg").read_text()
    assert svg.startswith("<svg") and svg.count("<rect") >= 3 * 2 and "small-chunks" in svg


def test_evals_compare_refuses_an_unknown_setting(tmp_path, letters, capsys):
    code = main(["compare", "--dataset", str(write_tiny_dataset(tmp_path / "set.jsonl")), "--index",
                 str(tmp_path / "idx"), "--out", str(tmp_path / "out"), "--config", "x:weight=2"])
    assert code == 2 and "not key=value with key one of mode" in capsys.readouterr().err


def test_the_evaluate_files_hold_json_csv_and_markdown(tmp_path, letters, library_factory):
    import csv

    from evals.files import evaluate

    lib = library_factory()
    lib.ingest([letters])
    metrics, rows, files = evaluate(lib, write_tiny_dataset(tmp_path / "set.jsonl"), tmp_path / "out", mode="bm25")
    assert [f.name for f in files] == ["metrics.json", "results.jsonl", "results.csv", "report.md"]
    assert all(f.exists() for f in files) and metrics["overall"]["n"] == 2
    table = list(csv.DictReader(open(files[2], encoding="utf-8")))
    assert [r["id"] for r in table] == ["a", "b"] and table[0]["first_match_rank"] == "1"
    assert table[1]["citations"] == "[1] inspection report.pdf p.1" and table[1]["citations_right"] == "1"
    assert "Disabled children wait too long" in table[1]["answer"] and "| b | fact | 1 |" in files[3].read_text()

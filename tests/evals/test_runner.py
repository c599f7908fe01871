import json

from evals.__main__ import main


def test_evals_run_writes_results_metrics_and_report(tmp_path, letters, monkeypatch):
    dataset = tmp_path / "set.jsonl"
    rows = [
        {"id": "a", "question": "What is the increase in foster carer allowances?", "history": [],
         "answer": "£2.1m", "evidence": [{"doc": "scrutiny & committee's paper, 2023.md",
                                            "quote": "sets out a £2.1m increase in allowances"}], "kind": "number"},
        {"id": "b", "question": "Do disabled children wait for assessments?", "history": [], "answer": "yes",
         "evidence": [{"doc": "inspection report.pdf", "quote": "Disabled children wait too long"}], "kind": "fact"},
        {"id": "c", "question": "What is the weather on Mars?", "history": [], "answer": "", "evidence": [],
         "kind": "unanswerable"},
    ]
    dataset.write_text("\n".join(json.dumps(r) for r in rows))
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
    report = (out / "report.md").read_text()
    assert "| bm25 |" in report and "| hybrid |" in report and "| a | number |" in report

"""Regressions in retrieval quality fail the suite: the dev set over the real Medway documents."""
from __future__ import annotations

import json

import pytest

from evals.__main__ import main
from tests.conftest import ROOT, shared_path

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

# Measured on the dev set (docs/evaluation.md) minus a small margin.
FLOOR = {"hit@5": 0.93, "mrr": 0.83}  # the passages as the assistant presents them (cited first)
RETRIEVER_FLOOR = {"hit@5": 0.90, "mrr": 0.66}  # in the retriever's own order
ANSWER_FLOOR = {"citation_precision": 0.80, "answerable_with_correct_citation": 0.90, "unanswerable_refused": 0.90,
                "lead_correct_confident": 0.90}  # answers not marked less certain rest on evidence nine times in ten
# The second dev set (tuned on too), over the same index: answers only.
DEV2_FLOOR = {"citation_precision": 0.76, "answerable_with_correct_citation": 0.84, "unanswerable_refused": 0.65}
# The present-state set: "is X still a problem?" answered from the newest documents that answer (docs/evaluation.md).
DEV4_FLOOR = {"citation_precision": 0.55, "answerable_with_correct_citation": 0.54}
ANSWER_CEILING = {"answerable_refused": 0.05}


def test_dev_set_hybrid_retrieval_stays_above_the_floor(tmp_path):
    seeds, medway = shared_path("seeds"), shared_path("corpus", "medway")
    out = tmp_path / "out"
    code = main(["run", "--dataset", str(ROOT / "evals" / "datasets" / "medway_dev.jsonl"),
                 "--docs", str(seeds), str(medway), "--index", str(tmp_path / "idx"), "--out", str(out)])
    assert code == 0
    metrics = json.loads((out / "metrics.json").read_text())
    overall, answers = metrics["overall"], metrics["answers"]
    for name, floor in FLOOR.items():
        assert overall[name] >= floor, f"{name} fell to {overall[name]} (floor {floor})"
    for name, floor in RETRIEVER_FLOOR.items():
        got = metrics["retriever_only"][name]
        assert got >= floor, f"{name} in the retriever's order fell to {got} (floor {floor})"
    for name, floor in ANSWER_FLOOR.items():
        assert answers[name] >= floor, f"{name} fell to {answers[name]} (floor {floor})"
    for name, ceiling in ANSWER_CEILING.items():
        assert answers[name] <= ceiling, f"{name} rose to {answers[name]} (ceiling {ceiling})"
    for dataset, floors in (("medway_dev2.jsonl", DEV2_FLOOR), ("medway_dev4.jsonl", DEV4_FLOOR)):
        scored = _answers(dataset, tmp_path, seeds, medway)  # over the same index
        for name, floor in floors.items():
            assert scored[name] >= floor, f"{dataset} {name} fell to {scored[name]} (floor {floor})"


def _answers(dataset: str, tmp_path, seeds, medway) -> dict:
    out = tmp_path / dataset
    assert main(["run", "--dataset", str(ROOT / "evals" / "datasets" / dataset),
                 "--docs", str(seeds), str(medway), "--index", str(tmp_path / "idx"), "--out", str(out)]) == 0
    return json.loads((out / "metrics.json").read_text())["answers"]

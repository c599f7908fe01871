import json

import pytest

from evals.dataset import DatasetError, load
from evals.matching import matches, normalise, quote_matches, same_file
from evals.metrics import aggregate, answer_metrics, item_metrics, ndcg_at


def test_normalisation_follows_the_rule():
    assert normalise("The “front door” – **MASH**’s multi-\n  agency\tteam") == 'the "front door" - mash\'s multiagency team'


def test_containment_and_longest_common_substring():
    passage = "Inspectors found that supervision is regular. It rarely reflects on plans for children."
    assert quote_matches(passage, "supervision is regular")
    assert quote_matches(passage, "It rarely reflects on plans for children, sadly.")  # 40 shared characters
    assert not quote_matches(passage, "It rarely reflects on plans for children and their families in the longer term.")
    assert not quote_matches(passage, "Supervision is irregular and rarely happens at all in most of the teams.")


def test_same_file_by_path_suffix():
    assert same_file("medway/report.pdf", "report.pdf")
    assert same_file("report.pdf", "corpus/medway/report.pdf")
    assert not same_file("medway/report.pdf", "kent/report.pdf")
    assert not same_file("xreport.pdf", "report.pdf")
    assert not matches("other.pdf", "supervision is regular", {"doc": "report.pdf", "quote": "supervision is regular"})


def test_metrics_from_match_ranks():
    per_passage = [set(), {0}, set(), {1}, set()]
    m = item_metrics(per_passage, n_evidence=2)
    assert m["hit@1"] == 0 and m["hit@3"] == 1 and m["mrr"] == 0.5
    assert m["recall@5"] == 1.0
    assert ndcg_at([{0}, {1}], 2) == pytest.approx(1.0)
    assert ndcg_at([{0}, {0}], 2) < 1.0  # the same quote twice earns once
    agg = aggregate([{"kind": "fact", "metrics": m, "latency_ms": 10.0},
                     {"kind": "x", "unanswerable": True, "latency_ms": 30.0}])
    assert agg["overall"]["n"] == 1 and agg["unanswerable"] == 1 and agg["latency_ms"]["p95"] == 30.0


def test_answer_metrics_count_citations_refusals_and_the_first_choice():
    m = {"hit@5": 1.0}
    rows = [{"kind": "fact", "metrics": m, "citation_matches": [False, True], "lead": 1, "refused": False},
            {"kind": "list", "metrics": m, "citation_matches": [True, True, False], "lead": 2, "refused": False},
            {"kind": "fact", "metrics": m, "citation_matches": [], "lead": None, "refused": True},
            {"kind": "x", "unanswerable": True, "refused": True}, {"kind": "x", "unanswerable": True, "refused": False}]
    a = answer_metrics(rows)
    assert a["citations"] == 5 and a["citation_precision"] == 0.6
    assert a["answerable_with_correct_citation"] == 0.6667 and a["answerable_refused"] == 0.3333
    assert a["unanswerable_refused"] == 0.5
    assert a["lead_correct"] == 0.5  # the first answer's best sentence sat in a passage that is not evidence
    assert a["hedged"] == 0.0 and a["lead_correct_confident"] == 0.5 and a["lead_correct_hedged"] is None


def test_answer_metrics_split_the_first_choice_by_whether_the_answer_said_it_was_less_certain():
    m = {"hit@5": 1.0}
    rows = [{"kind": "fact", "metrics": m, "citation_matches": [True], "lead": 1, "hedged": False},
            {"kind": "fact", "metrics": m, "citation_matches": [True], "lead": 1, "hedged": False},
            {"kind": "fact", "metrics": m, "citation_matches": [False], "lead": 1, "hedged": True},
            {"kind": "fact", "metrics": m, "citation_matches": [True, False], "lead": 1, "hedged": True},
            {"kind": "x", "unanswerable": True, "refused": False, "hedged": True},
            {"kind": "x", "unanswerable": True, "refused": False, "hedged": False},
            {"kind": "x", "unanswerable": True, "refused": True}]
    a = answer_metrics(rows)
    assert a["hedged"] == 0.5 and a["lead_correct"] == 0.75
    assert a["lead_correct_confident"] == 1.0 and a["lead_correct_hedged"] == 0.5
    assert a["unanswerable_answered_hedged"] == 0.5  # of the two unanswerable questions answered, one said so


def test_dataset_loading_rejects_bad_lines(tmp_path):
    good = {"id": "1", "question": "q?", "history": [], "answer": "a", "evidence": [{"doc": "d", "quote": "q"}],
            "kind": "fact"}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n")
    with pytest.raises(DatasetError, match="duplicate id"):
        load(path)
    path.write_text(json.dumps(good) + "\n{not json\n")
    with pytest.raises(DatasetError, match=":2:"):
        load(path)


# tuned on, unlike the held-out set
DEV_SETS = ("medway_dev.jsonl", "medway_dev2.jsonl", "medway_dev3.jsonl", "medway_dev4.jsonl",
            "medway_dev5.jsonl", "medway_dev6.jsonl", "medway_dev7.jsonl", "medway_dev8.jsonl", "medway_dev9.jsonl",
            "medway_dev10.jsonl", "medway_dev11.jsonl", "medway_dev12.jsonl",
            "medway_dev13.jsonl", "medway_dev14.jsonl", "medway_dev15.jsonl", "medway_dev16.jsonl",
            "medway_dev17.jsonl", "medway_dev18.jsonl", "medway_dev19.jsonl", "medway_dev20.jsonl",
            "medway_dev21.jsonl")
KINDS = {"fact", "number", "date", "list", "why", "multi-document", "follow-up", "unanswerable"}


def _well_formed(items, at_least: int) -> None:
    assert len(items) >= at_least and KINDS <= {i.kind for i in items}
    assert all(i.history for i in items if i.kind == "follow-up")
    assert all(not i.evidence for i in items if i.kind == "unanswerable")


def test_the_held_out_set_is_well_formed_and_apart_from_the_dev_sets():
    from tests.conftest import ROOT

    held = load(ROOT / "evals" / "datasets" / "medway_heldout.jsonl")
    _well_formed(held, 50)
    for name in DEV_SETS:
        dev = load(ROOT / "evals" / "datasets" / name)
        assert not {i.id for i in held} & {i.id for i in dev}, name
        shared = [i.id for i in dev if i.question.lower() in {h.question.lower() for h in held}]
        assert not shared, f"{name}: {shared} ask a held-out question"  # (ids only: the held-out set stays unread)


@pytest.mark.corpus
def test_every_quote_of_the_dev_and_held_out_sets_is_in_its_document():  # and on its page, in one passage
    from assistant.settings import Settings
    from evals.check import check_all
    from tests.conftest import ROOT, shared_path
    from vectorstore.embedder import SentenceTransformerEmbedder

    s = Settings()  # chunked as ingest chunks them, as `python -m evals check` does; the documents read once
    tokens = SentenceTransformerEmbedder(s.embedding.model_path).count_tokens
    docs = [str(shared_path("seeds")), str(shared_path("corpus", "medway"))]
    sets = [str(ROOT / "evals" / "datasets" / name) for name in (*DEV_SETS, "medway_heldout.jsonl")]
    assert check_all(sets, docs, tokens, s.chunking.size, s.chunking.overlap) == {name: [] for name in sets}


def test_the_dev_set_is_well_formed():
    from tests.conftest import ROOT

    _well_formed(load(ROOT / "evals" / "datasets" / "medway_dev.jsonl"), 60)

"""SIGKILL the ingest at random points while it reads real PDFs: after a re-run the library is complete
and consistent (no orphan chunks, no document half-indexed, BM25 agreeing with Chroma)."""
from __future__ import annotations

import json
import random

import pytest

from benchmarks.crash_trials import cli, library_state, point_trials, trials
from ingest import discover, load_document
from tests.conftest import shared_path

pytestmark = [pytest.mark.slow, pytest.mark.corpus]


def test_ingest_killed_at_random_points_resumes_to_a_complete_consistent_library(tmp_path, real_embedder):
    corpus = shared_path("corpus", "medway")  # 9 real PDFs, ~380 chunks: about 15 s to ingest whole
    seed = random.randrange(10_000)
    index = tmp_path / "index"

    got = trials([str(corpus)], index, kills=2, seed=seed, window=(5.0, 12.0))

    trail = json.dumps(got, indent=1)  # the seed and what each kill left, for a failure message
    assert got["final_exit"] == 0, trail
    assert got["final"]["problems"] == [], trail
    for state in got["kills"]:  # in between, the only damage allowed is chunks of the one file being written
        assert all("orphan chunks" in p for p in state["problems"]) and len(state["problems"]) <= 1, trail
    expected = {}
    for source in discover([corpus]):
        loaded = load_document(source.path, source.doc, source.path.read_bytes(),
                               length=real_embedder.count_tokens)
        expected[source.doc] = loaded.info.chunks
    stored = {d["doc"]: d["chunks"] for d in json.loads(cli("docs", "--json", index=index).stdout)}
    assert stored == expected, trail
    assert library_state(index)["chunks"] == sum(expected.values())

    # Random times seldom land inside a write; kill at the three moments that matter, from inside.
    for point in point_trials([str(corpus)], index):
        trail = json.dumps(point, indent=1)
        assert point["killed"], trail
        assert any("orphan chunks" in p for p in point["after_kill"]["problems"]), trail  # it did cut a write
        assert point["after_rerun"]["problems"] == [], trail
    stored = {d["doc"]: d["chunks"] for d in json.loads(cli("docs", "--json", index=index).stdout)}
    assert {doc: n for doc, n in stored.items() if doc in expected} == expected

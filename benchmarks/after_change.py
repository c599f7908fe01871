"""The cost of a library change to the next search: the BM25 index is brought up to date by reading and
tokenizing only the new documents, against re-reading every chunk (what a re-index needs).

    python -m benchmarks.after_change [--index .bench/full] [--rounds 3]

Works on a copy of --index (for example .bench/full from benchmarks.query_speed: ~5,000 chunks).
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, machine, percentiles, save


def main() -> None:
    from assistant.library import Library
    from assistant.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=ROOT / ".bench" / "full")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", default="out/bench/after_change.json")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="after-change-"))
    shutil.copytree(args.index, work / "index")
    lib = Library(Settings().with_overrides(store__index_dir=work / "index"))
    lib.search("warm up")
    timings: dict[str, list[float]] = {"incremental": [], "full re-read": []}
    for i in range(args.rounds):
        for how in timings:
            note = work / f"bulletin {how} {i}.txt"
            note.write_text(f"Bulletin {how} {i}: the zorblat fair opens at noon.\n", encoding="utf-8")
            lib.ingest([note])
            lib.retriever.invalidate(forget=how == "full re-read")
            started = time.perf_counter()
            lib.search("supervision of social workers")
            timings[how].append((time.perf_counter() - started) * 1000)
    save(args.out, {"machine": machine(), "chunks": lib.store.count(),
                    "first_search_after_a_change_ms": {k: percentiles(v) for k, v in timings.items()}})
    shutil.rmtree(work)


if __name__ == "__main__":
    main()

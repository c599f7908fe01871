"""Ingest throughput: pages/s and chunks/s, the time split into reading (PDF parsing, then cleaning and
chunking), embedding and storing, and the ratio to the model's raw `encode` throughput on the same
chunks in the same run (the physical limit here).

    python -m benchmarks.ingest_speed [PATH ...] [--batch-size 8] [--out FILE.json]

PATH defaults to ../shared/corpus and ../shared/seeds. A fresh index in a temporary folder each run.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time

from benchmarks.common import SHARED, machine, save


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest_speed")
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "corpus"), str(SHARED / "seeds")])
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--out", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

    from assistant.library import Library
    from assistant.settings import Settings
    from ingest import discover, load_document
    from ingest.readers import read_pages

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        settings = Settings().with_overrides(store__index_dir=tmp, embedding__batch_size=args.batch_size)
        lib = Library(settings)
        started = time.perf_counter()
        lib.embedder.warm_up()
        model_load = time.perf_counter() - started

        started = time.perf_counter()
        report = lib.ingest(args.paths)
        total = time.perf_counter() - started
        pages, chunks = sum(o.pages for o in report.outcomes), sum(o.chunks for o in report.outcomes)

        # the same files parsed again, alone: how much of "read" is pypdf
        sources = [s for s in discover(args.paths) if s.supported]
        started = time.perf_counter()
        for s in sources:
            try:
                read_pages(s.path, s.path.read_bytes())
            except Exception:  # the broken files: already reported by ingest
                pass
        parse = time.perf_counter() - started

        # the model alone on exactly the texts ingest embedded, in one call
        texts = []
        for s in sources:
            try:
                data = s.path.read_bytes()
                c = settings.chunking
                texts += [ch.embed_text for ch in load_document(s.path, s.doc, data, max_tokens=c.size,
                                                                overlap_tokens=c.overlap,
                                                                length=lib.embedder.count_tokens).chunks]
            except Exception:
                pass
        started = time.perf_counter()
        lib.embedder.embed(texts)
        raw = time.perf_counter() - started

    t = lib.timings
    figures = {
        "machine": machine(), "paths": args.paths, "batch_size": args.batch_size,
        "files": len(report.outcomes), "failed": len(report.failed), "pages": pages, "chunks": chunks,
        "model_load_s": round(model_load, 1), "ingest_s": round(total, 1),
        "pages_per_s": round(pages / total, 2), "chunks_per_s": round(chunks / total, 2),
        # reading (parse + clean + chunk) runs on a thread alongside embedding; the main thread waits
        # for it only where it falls behind
        "split_s": {"read_on_reader_thread": round(t["read"], 1), "of_which_pdf_parse_alone": round(parse, 1),
                    "embed": round(t["embed"], 1), "store": round(t["store"], 1),
                    "waiting_for_reader": round(t["wait_for_read"], 1),
                    "other": round(total - t["wait_for_read"] - t["embed"] - t["store"], 1)},
        "raw_encode_chunks_per_s": round(len(texts) / raw, 2),
        "ratio_to_raw_encode": round((chunks / total) / (len(texts) / raw), 3),
    }
    save(args.out, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

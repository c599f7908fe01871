"""The model's raw encode throughput on real chunks under different batch sizes and torch thread
counts (the settings ingest can choose), on the same texts in the same run.

    python -m benchmarks.embed_speed [--chunks 1000] [--batch-sizes 16,32,64] [--threads 1,2] [--out FILE.json]

The texts are the first --chunks chunks (as embedded: title and heading, then the passage) of the
Medway PDFs and the seeds.
"""
from __future__ import annotations

import argparse
import os
import time

from benchmarks.common import SHARED, machine, save


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.embed_speed")
    parser.add_argument("--chunks", type=int, default=1000)
    parser.add_argument("--batch-sizes", default="16,32,64")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    import torch

    from ingest import discover, load_document
    from vectorstore import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    texts: list[str] = []
    for source in discover([SHARED / "corpus" / "medway", SHARED / "seeds"]):
        loaded = load_document(source.path, source.doc, source.path.read_bytes(), length=embedder.count_tokens)
        texts += [c.embed_text for c in loaded.chunks]
    texts = texts[: args.chunks]
    model = embedder.warm_up()
    model.encode(texts[:64])  # warm
    default_threads = torch.get_num_threads()
    rows = []
    for threads in (int(t) for t in args.threads.split(",")):
        torch.set_num_threads(threads)
        for batch in (int(b) for b in args.batch_sizes.split(",")):
            started = time.perf_counter()
            model.encode(texts, batch_size=batch, normalize_embeddings=True)
            seconds = time.perf_counter() - started
            rows.append({"threads": threads, "batch_size": batch, "chunks_per_s": round(len(texts) / seconds, 2)})
            print(rows[-1], flush=True)
    torch.set_num_threads(default_threads)
    save(args.out, {"machine": machine(), "chunks": len(texts), "runs": rows})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Query latency (p50/p95 of `search` and extractive `ask`) at several library sizes, the app's time from
start to first answer and its peak memory, and the tutorial LangChain pipeline on the same questions.

    python -m benchmarks.query_speed [--work DIR] [--sizes 150,1500] [--out FILE.json] [--plot FILE.png]

Sizes: the dev set's 14 documents (seeds + Medway PDFs, real); the whole of ../shared (real); then each
of --sizes made by synthetic scaling: the whole library's chunks copied, with their stored embeddings,
under new document names until the library holds that many documents (no re-embedding: the copies
are real text and vectors, only repeated). Indexes are kept in --work between runs.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.common import ROOT, SHARED, machine, percentiles, save

DATASET = ROOT / "evals" / "datasets" / "medway_dev.jsonl"


def library(index: Path):
    from assistant.library import Library
    from assistant.settings import Settings

    return Library(Settings().with_overrides(store__index_dir=index))


def build(index: Path, paths: list[Path]) -> None:
    if not index.exists():
        print(f"ingesting {', '.join(map(str, paths))} into {index} ...", file=sys.stderr)
        library(index).ingest(paths)


def scale(source: Path, index: Path, documents: int) -> None:
    """A copy of `source` grown to `documents` documents by repeating its documents under new names."""
    if index.exists():
        return
    from ingest.records import Chunk

    shutil.copytree(source, index)
    lib = library(index)
    store = lib.store
    by_doc: dict[str, list] = {}
    for c in store.all_chunks(embeddings=True):
        by_doc.setdefault(c.meta["doc"], []).append(c)
    infos = {d.doc: d for d in store.documents()}
    originals = sorted(by_doc)
    copy = 0
    while len(infos) < documents:
        copy += 1
        for doc in originals:
            if len(infos) >= documents:
                break
            name = f"copy-{copy}/{doc}"
            info = replace(infos[doc], id=f"{infos[doc].id}-copy{copy}", doc=name)
            stored = sorted(by_doc[doc], key=lambda c: c.meta["position"])
            chunks = [Chunk(info.id, name, info.title, c.meta["position"], c.meta["page"], c.meta["page_end"],
                            c.meta["start"], c.meta["end"], c.meta.get("heading", ""), c.text) for c in stored]
            store.upsert(info, chunks, [c.embedding for c in stored])
            infos[name] = info
        print(f"  {len(infos)} documents", file=sys.stderr)


def latency(lib, items) -> dict:

    for item in items[:3]:  # warm: model, BM25 index
        lib.ask(item.question, history=list(item.history))
    search_ms, ask_ms = [], []
    for item in items:
        started = time.perf_counter()
        lib.search(item.question, history=list(item.history))
        search_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        lib.ask(item.question, history=list(item.history))
        ask_ms.append((time.perf_counter() - started) * 1000)
    return {"documents": len(lib.documents()), "chunks": lib.store.count(),
            "search_ms": percentiles(search_ms), "ask_ms": percentiles(ask_ms)}


def tutorial(paths: list[Path], items, embedder, work: Path) -> dict:
    """The tutorial pipeline: pypdf pages, RecursiveCharacterTextSplitter(1000, 200), MiniLM, Chroma top-k."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from evals.matching import matches
    from ingest import discover
    from ingest.readers import read_pages
    from vectorstore.chroma_store import make_client

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    texts, metas = [], []
    for source in discover(paths):
        for number, page in enumerate(read_pages(source.path, source.path.read_bytes()), 1):
            for piece in splitter.split_text(page):
                texts.append(piece)
                metas.append({"doc": source.doc, "page": number})
    shutil.rmtree(work, ignore_errors=True)
    collection = make_client(index_dir=work).get_or_create_collection("tutorial", embedding_function=None,
                                                                     configuration={"hnsw": {"space": "cosine"}})
    vectors = embedder.embed(texts)
    for i in range(0, len(texts), 2000):
        collection.add(ids=[str(j) for j in range(i, min(i + 2000, len(texts)))], documents=texts[i:i + 2000],
                       metadatas=metas[i:i + 2000], embeddings=vectors[i:i + 2000])
    return ranked(items, lambda q: [(m["doc"], t) for t, m in _top(collection, embedder, q)], matches) | {
        "chunks": len(texts)}


def _top(collection, embedder, question: str, k: int = 10):
    got = collection.query(query_embeddings=embedder.embed([question]), n_results=k)
    return list(zip(got["documents"][0], got["metadatas"][0]))


def ranked(items, search, matches) -> dict:
    ms, hit5, rr = [], 0, 0.0
    answerable = [i for i in items if i.answerable]
    for item in answerable:
        started = time.perf_counter()
        hits = search(item.question)
        ms.append((time.perf_counter() - started) * 1000)
        rank = next((r for r, (doc, text) in enumerate(hits, 1) if any(matches(doc, text, e) for e in item.evidence)),
                    None)
        hit5 += bool(rank and rank <= 5)
        rr += 1 / rank if rank else 0
    return {"hit@5": round(hit5 / len(answerable), 3), "mrr": round(rr / len(answerable), 3),
            "search_ms": percentiles(ms)}


def app_start(index: Path, items) -> dict:
    """Time from `serve` starting to its first answer through gradio_client, then peak memory (VmHWM)."""
    from gradio_client import Client

    from tests.conftest import answers, free_port, stop

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--index", str(index), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not answers(url):
            if proc.poll() is not None:
                raise SystemExit("serve exited early")
            time.sleep(0.2)
        client = Client(url, verbose=False)
        client.predict(items[0].question, "[]", "{}", api_name="/ask")
        first = time.perf_counter() - started
        for item in items[1:21]:
            client.predict(item.question, json.dumps(list(item.history)), "{}", api_name="/ask")
        status = Path(f"/proc/{proc.pid}/status").read_text()
        peak = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    finally:
        stop(proc)
    return {"start_to_first_answer_s": round(first, 1), "peak_rss_mb_after_21_answers": round(peak / 1024)}


def plot(rows: list[dict], path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    docs = [r["documents"] for r in rows]
    fig, ax = plt.subplots(figsize=(7, 4))
    for key, style in (("search_ms", "o-"), ("ask_ms", "s-")):
        for p, alpha in (("p50", 0.5), ("p95", 1.0)):
            ax.plot(docs, [r[key][p] for r in rows], style, alpha=alpha, label=f"{key[:-3]} {p}")
    ax.set_xscale("log")
    ax.set_xlabel("documents in the library")
    ax.set_ylabel("latency (ms)")
    ax.set_title("Query latency by library size (2 cores, extractive ask)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.query_speed")
    parser.add_argument("--work", default=str(ROOT / ".bench"), help="where the indexes are built and kept")
    parser.add_argument("--sizes", default="150,1500", help="synthetic library sizes, in documents")
    parser.add_argument("--out", help="also write the figures to this JSON file")
    parser.add_argument("--plot", help="write the latency plot (PNG) here")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

    from evals.dataset import load
    from evals.matching import matches

    items = load(DATASET)
    work = Path(args.work)
    small, full = work / "dev-14", work / "full"
    dev_docs = [SHARED / "seeds", SHARED / "corpus" / "medway"]
    build(small, dev_docs)
    build(full, [SHARED / "corpus", SHARED / "seeds"])
    indexes = [small, full]
    for size in (int(s) for s in args.sizes.split(",") if s):
        scale(full, work / f"scaled-{size}", size)
        indexes.append(work / f"scaled-{size}")

    rows = []
    for index in indexes:
        lib = library(index)
        rows.append({"index": index.name, **latency(lib, items)})
        print(json.dumps(rows[-1]), file=sys.stderr)

    lib = library(small)
    ours = ranked(items, lambda q: [(h.doc, h.text) for h in lib.search(q, k=10)], matches)
    theirs = tutorial(dev_docs, items, lib.embedder, work / "tutorial")
    figures = {"machine": machine(), "questions": len(items), "latency": rows,
               "dev_set_single_turn": {"this_project_hybrid": ours, "tutorial_langchain": theirs},
               "app": app_start(work / f"scaled-{args.sizes.split(',')[0]}" if args.sizes else full, items)}
    save(args.out, figures)
    if args.plot:
        plot(rows, args.plot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

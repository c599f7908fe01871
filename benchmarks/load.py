"""The app under load: concurrent gradio_client users asking questions while one more uploads and deletes
documents, for a bounded time. Every answer is compared with the answer the same question got alone.

    python -m benchmarks.load --index DIR [--users 20] [--seconds 60] [--out FILE.json]

`--index` is an existing library (for example .bench/dev-14 from benchmarks.query_speed); the questions
are the dev set's. The app is started on a free loopback port and stopped afterwards.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.common import ROOT, machine, percentiles, save

DATASET = ROOT / "evals" / "datasets" / "medway_dev.jsonl"


def fingerprint(answer: dict) -> tuple:
    """What must not change under load: the answer's text, whether it refused, and what it cites."""
    return answer["answer"], answer["refused"], tuple((c["doc"], c["page"]) for c in answer["citations"])


def upload_files(folder: Path, n: int) -> list[Path]:
    """Small documents about nothing the questions ask (so they cannot change an answer)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"bulletin {i}.txt"
        path.write_text(f"Bulletin {i}. The zorblat quintessa festival {i} opens on the pier at {i + 1} o'clock, "
                        f"with {i + 3} grelkin stalls.\n", encoding="utf-8")
        out.append(path)
    return out


def run_load(url: str, questions: list[str], users: int, seconds: float, uploads: list[Path],
             headers: dict | None = None) -> dict:
    """`users` threads ask `questions` (each user starting at its own offset) until `seconds` have passed,
    while one more thread uploads each of `uploads` and deletes it again."""
    from gradio_client import Client, handle_file

    def client() -> Client:
        return Client(url, verbose=False, headers=headers)

    def ask(c: Client, q: str) -> dict:
        return c.predict(q, "[]", "{}", api_name="/ask")

    alone = {q: fingerprint(ask(client(), q)) for q in questions}
    latencies: list[float] = []
    errors: list[str] = []
    mixed: list[str] = []
    uploaded = {"added": 0, "deleted": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    start = threading.Barrier(users + 1)

    def user(i: int) -> None:
        c = client()
        start.wait()
        n = i
        while time.monotonic() < deadline:
            q = questions[n % len(questions)]
            n += 1
            began = time.perf_counter()
            try:
                got = fingerprint(ask(c, q))
            except Exception as exc:  # any failure under load is a finding, not a crash of the benchmark
                with lock:
                    errors.append(f"user {i}: {type(exc).__name__}: {exc}"[:300])
                continue
            with lock:
                latencies.append((time.perf_counter() - began) * 1000)
                if got != alone[q]:
                    mixed.append(f"user {i}: {q!r} got a different answer under load")

    def uploader() -> None:
        c = client()
        start.wait()
        for path in uploads:
            if time.monotonic() >= deadline:
                break
            try:
                status = c.predict([handle_file(str(path))], api_name="/upload")[0]
                uploaded["added"] += f"{path.name}: added" in status
                status = c.predict(path.name, api_name="/delete")[0]
                uploaded["deleted"] += status.startswith("Deleted")
            except Exception as exc:
                with lock:
                    errors.append(f"uploader: {type(exc).__name__}: {exc}"[:300])

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)] + [threading.Thread(target=uploader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"users": users, "seconds": seconds, "questions_answered": len(latencies),
            "per_second": round(len(latencies) / seconds, 2), "latency_ms": percentiles(latencies) if latencies else {},
            "errors": errors, "mixed_up": mixed, "uploads": {**uploaded, "tried": len(uploads)}}


def serve(index: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    with open(log, "w") as out:
        return subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--index", str(index), "--port",
                                 str(port)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def main() -> None:
    import socket
    import urllib.request

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=ROOT / ".bench" / "dev-14")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--uploads", type=int, default=1000, help="most files the uploader adds and deletes")
    parser.add_argument("--questions", type=int, default=40, help="how many dev-set questions to cycle through")
    parser.add_argument("--out", default="out/bench/load.json")
    args = parser.parse_args()
    items = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [it["question"] for it in items if not it.get("history")][: args.questions]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    work = Path(tempfile.mkdtemp(prefix="load-"))
    proc = serve(args.index, port, work / "serve.log")
    url = f"http://127.0.0.1:{port}/"
    try:
        while True:
            try:
                urllib.request.urlopen(url, timeout=5)
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit((work / "serve.log").read_text()[-2000:])
                time.sleep(0.5)
        figures = run_load(url, questions, args.users, args.seconds, upload_files(work / "uploads", args.uploads))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    save(args.out, {"machine": machine(), "index": str(args.index), **figures})


if __name__ == "__main__":
    main()

"""Kill `ingest` with SIGKILL at random points, re-run it, and check the library each time.

    python -m benchmarks.crash_trials [--kills 8] [--seed 1] [PATH ...]   (default: ../shared/corpus and seeds)
    python -m benchmarks.crash_trials --points [PATH ...]


Each kill interrupts the ingest wherever it is (parsing, embedding, or inside a Chroma write); the next
run carries on from there. After each kill the library is inspected with `python -m assistant check`;
after the last, one run goes to the end and the library must hold every readable file, consistently.

Random times rarely land inside a store write (writing is ~5% of an ingest), so `--points` also kills
the ingest at three chosen moments, from inside the process: between two batches of a document's chunks
(`mid-chunks`), after its chunks and before its document record (`before-record`), and while a changed
file's old chunks are being removed (`mid-replace`).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import ROOT, SHARED, machine, save


def cli(*args: str, index: Path, timeout: float = 1800) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", *args, "--index", str(index)], cwd=ROOT,
                          env=os.environ.copy(), capture_output=True, text=True, timeout=timeout)


def library_state(index: Path) -> dict:
    """`check --json`: documents, chunks and the problems found."""
    return json.loads(cli("check", "--json", index=index).stdout)


def kill_ingest(paths: list[str], index: Path, after_s: float) -> bool:
    """Start an ingest and SIGKILL it `after_s` seconds later; False when it finished first."""
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "ingest", *paths, "--index", str(index)],
                            cwd=ROOT, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=after_s)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


POINTS = ("mid-chunks", "before-record", "mid-replace")


def kill_at(point: str, paths: list[str], index: Path) -> bool:
    """Ingest in a child process that SIGKILLs itself at `point`; False when it never got there."""
    child = subprocess.run([sys.executable, "-m", "benchmarks.crash_trials", "--child", point, *paths,
                            "--index", str(index)], cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True,
                           timeout=600)
    return child.returncode == -signal.SIGKILL


def _child(point: str, paths: list[str], index: Path) -> None:
    """The ingest CLI, with Chroma's writes wrapped so that the process kills itself at `point`."""
    from chromadb.api.models.Collection import Collection

    import vectorstore.chroma_store
    from assistant.cli import main as cli_main

    vectorstore.chroma_store.BATCH = 4  # several chunk batches per document, so that one can be cut
    upsert, delete = Collection.upsert, Collection.delete
    chunk_batches = 0

    def kill_upsert(self, *args, **kwargs):
        nonlocal chunk_batches
        record = self.name.startswith("docs-")
        chunk_batches += not record
        if (point == "before-record" and record) or (point == "mid-chunks" and chunk_batches == 2):
            os.kill(os.getpid(), signal.SIGKILL)
        return upsert(self, *args, **kwargs)

    def kill_delete(self, *args, **kwargs):
        before = self.count()
        delete(self, *args, **kwargs)
        if point == "mid-replace" and self.name.startswith("docs-") and self.count() < before:
            os.kill(os.getpid(), signal.SIGKILL)  # the record is gone, the old chunks not yet

    Collection.upsert, Collection.delete = kill_upsert, kill_delete
    sys.exit(cli_main(["ingest", *paths, "--index", str(index)]))


def trials(paths: list[str], index: Path, kills: int, seed: int, window: tuple[float, float]) -> dict:
    """`kills` interrupted runs at delays drawn from `window`, then one run to the end."""
    rng = random.Random(seed)
    found = []
    for _ in range(kills):
        delay = round(rng.uniform(*window), 1)
        killed = kill_ingest(paths, index, delay)
        found.append({"killed_after_s": delay, "killed": killed, **library_state(index)})
    started = time.perf_counter()
    final = cli("ingest", *paths, index=index)
    summary = final.stderr.strip().splitlines()[-2:]
    return {"seed": seed, "kills": found, "final_run_s": round(time.perf_counter() - started, 1),
            "final_exit": final.returncode, "final_summary": summary, "final": library_state(index)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(SHARED / "corpus"), str(SHARED / "seeds")])
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--window", type=float, nargs=2, default=(6.0, 60.0), metavar=("FROM_S", "TO_S"),
                        help="kill each run this many seconds after it starts (model loading takes ~5 s)")
    parser.add_argument("--index", type=Path, default=ROOT / ".bench" / "crash")
    parser.add_argument("--out", default="out/bench/crash_trials.json")
    parser.add_argument("--points", action="store_true", help="also kill at each of the chosen points")
    parser.add_argument("--child", choices=POINTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args.child, args.paths, args.index)
    if args.index.exists():
        import shutil
        shutil.rmtree(args.index)
    figures = {"machine": machine(), "paths": args.paths,
               **trials(args.paths, args.index, args.kills, args.seed, tuple(args.window))}
    if args.points:
        figures["points"] = point_trials(args.paths, args.index)
    save(args.out, figures)


def point_trials(paths: list[str], index: Path) -> list[dict]:
    """On a complete library: kill a re-ingest at each point, inspect, re-run, inspect. `mid-replace` needs
    a changed file: a copy of the first file with a line added, ingested, then changed again."""
    import tempfile

    from ingest import discover

    found = []
    for point in POINTS:
        targets = paths
        if point == "mid-replace":  # a copy of a file, made different, ingested, then changed again
            source = next(s.path for s in discover(paths) if s.path.read_bytes()[:5] == b"%PDF-")
            changed = Path(tempfile.mkdtemp()) / source.name
            changed.write_bytes(source.read_bytes() + b"\n% copy 1\n")
            cli("ingest", str(changed), index=index)
            changed.write_bytes(source.read_bytes() + b"\n% copy 2\n")
            targets = [str(changed)]
        else:  # a document to write: take one of ten chunks or more out, then ingest everything again
            docs = json.loads(cli("docs", "--json", index=index).stdout)
            cli("delete", next(d["doc"] for d in docs if d["chunks"] >= 10), index=index)
        killed = kill_at(point, targets, index)
        after_kill = library_state(index)
        rerun = cli("ingest", *targets, index=index)
        found.append({"point": point, "killed": killed, "after_kill": after_kill,
                      "rerun": rerun.stderr.strip().splitlines()[-2:], "after_rerun": library_state(index)})
    return found


if __name__ == "__main__":
    main()

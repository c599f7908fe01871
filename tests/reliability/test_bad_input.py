"""A batch of bad files through the real CLI: each gets one line naming it and the reason, the good files
in the same batch are added, the exit status and summary count the failures, and the library that was
there before is unchanged (and consistent)."""
from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys

import pytest

from tests.conftest import ROOT, write_letters
from tests.pdfgen import make_pdf, make_scanned_pdf

pytestmark = pytest.mark.slow

ODD_NAME = "Children's services & SEND, café – Łódź 2024.txt"
# file name -> (outcome, words its line must hold)
EXPECTED = {
    "truncated.pdf": ("failed", "corrupt or truncated PDF"),
    "corrupt.pdf": ("failed", "corrupt or truncated PDF"),
    "locked.pdf": ("failed", "encrypted PDF: it needs a password"),
    "scanned.pdf": ("failed", "no text layer (a scanned PDF?); OCR it first"),
    "zero.pdf": ("failed", "empty file (0 bytes)"),
    "zero.txt": ("failed", "empty file"),
    "blank.md": ("failed", "empty file"),
    "binary.txt": ("failed", "binary file, not text"),
    "huge scan.pdf": ("failed", "too large: 200 MB is over the 100 MB limit"),
    "web page.pdf": ("failed", "not a PDF: the file is an HTML page"),
    "photo.png": ("skipped", "unsupported file type '.png'"),
    "minutes.docx": ("skipped", "unsupported file type '.docx'"),
    "copy of focused visit.txt": ("duplicate", "same content as focused visit.txt"),
    "twin b.md": ("duplicate", "same content as twin a.md"),
    "open with no password.pdf": ("added", ""),
    "windows-1252 minutes.txt": ("added", ""),
    "twin a.md": ("added", ""),
    ODD_NAME: ("added", ""),
}


def write_bad_batch(folder, letters):
    from pypdf import PdfWriter

    folder.mkdir()
    pages = [[f"Page {p}: the panel discussed placement sufficiency and the budget, line {i}." for i in range(40)]
             for p in range(1, 6)]
    report = make_pdf(folder / "report.pdf", pages).read_bytes()
    (folder / "report.pdf").unlink()
    (folder / "truncated.pdf").write_bytes(report[: len(report) // 2])
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + random.Random(7).randbytes(20_000))
    for name, password in (("locked.pdf", "secret"), ("open with no password.pdf", "")):
        writer = PdfWriter(clone_from=io.BytesIO(report))
        writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-128")
        writer.write(folder / name)
    make_scanned_pdf(folder / "scanned.pdf")
    (folder / "zero.pdf").write_bytes(b"")
    (folder / "zero.txt").write_bytes(b"")
    (folder / "blank.md").write_text("  \n\n \t\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    with open(folder / "huge scan.pdf", "wb") as f:  # sparse: 200 MB on paper, refused before it is read
        f.write(b"%PDF-1.7\n")
        f.truncate(200 * 1024 * 1024)
    (folder / "web page.pdf").write_text("<!DOCTYPE html><html><body>Sign in</body></html>")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "minutes.docx").write_bytes(b"PK\x03\x04" + bytes(64))
    (folder / "copy of focused visit.txt").write_bytes((letters / "focused visit.txt").read_bytes())
    for twin in ("twin a.md", "twin b.md"):
        (folder / twin).write_text("# Panel notes\n\nThe panel met the virtual school head about exclusions.\n")
    (folder / "windows-1252 minutes.txt").write_bytes(
        "The panel agreed a £3.5m budget for the café at Rochester – to open in spring.\n".encode("cp1252"))
    (folder / ODD_NAME).write_text("Notes on short breaks for disabled children in Łódź and Medway.\n",
                                   encoding="utf-8")


def test_a_batch_of_bad_files_fails_file_by_file_and_changes_nothing_stored(tmp_path):
    letters = write_letters(tmp_path / "letters")
    bad = tmp_path / "bad batch"
    write_bad_batch(bad, letters)
    env = {**os.environ, "ASSISTANT_STORE__INDEX_DIR": str(tmp_path / "index")}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)

    assert cli("ingest", str(letters)).returncode == 0
    before = json.loads(cli("docs", "--json").stdout)

    run = cli("ingest", str(bad), "--json")
    outcomes = {o["doc"]: o for o in json.loads(run.stdout)}
    lines = run.stderr.splitlines()
    for name, (status, reason) in EXPECTED.items():
        assert outcomes[name]["status"] == status, (name, outcomes[name])
        assert reason in outcomes[name]["reason"], (name, outcomes[name])
        if status != "added":  # one line on stderr names the file and the reason
            assert len([ln for ln in lines if name in ln and reason in ln]) == 1, (name, run.stderr[-3000:])
    failed = sum(1 for s, _ in EXPECTED.values() if s == "failed")
    assert run.returncode == 1
    assert f"{failed} failed" in lines[-1] and f"{len(EXPECTED)} files" in lines[-1]

    after = json.loads(cli("docs", "--json").stdout)
    assert [d for d in after if d["doc"] in {b["doc"] for b in before}] == before  # nothing stored changed
    added = {d["doc"] for d in after} - {d["doc"] for d in before}
    assert added == {name for name, (status, _) in EXPECTED.items() if status == "added"}
    check = json.loads(cli("check", "--json").stdout)
    assert check["problems"] == [] and check["chunks"] == sum(d["chunks"] for d in after)

"""The Library facade's own bookkeeping: where documents came from, and re-indexing from there."""
from __future__ import annotations


def test_reindex_reads_every_source_again_and_names_what_is_gone(library_factory, letters):
    lib = library_factory()
    lib.ingest([letters])
    before = {d.doc: d for d in lib.documents()}
    pdf = before["inspection report.pdf"]
    assert lib.source(pdf.id) == (letters / "inspection report.pdf").resolve()
    assert lib.source("0" * 64) is None

    (letters / "focused visit.txt").unlink()
    report = lib.reindex()
    status = {o.doc: o.status for o in report.outcomes}
    assert status == {"focused visit.txt": "skipped", "inspection report.pdf": "replaced",
                      "scrutiny & committee's paper, 2023.md": "replaced"}
    after = {d.doc: d for d in lib.documents()}
    assert after.keys() == before.keys()  # nothing lost, nothing doubled
    assert all(after[d].chunks == before[d].chunks for d in after)
    assert lib.store.count() == sum(d.chunks for d in after.values())


def test_one_batch_with_twins_indexes_one_copy_and_a_broken_twin_fails_both(library_factory, letters):
    import shutil

    shutil.copy(letters / "focused visit.txt", letters / "focused visit (copy).txt")
    (letters / "a.pdf").write_bytes(b"<html>not a pdf</html>")
    (letters / "b.pdf").write_bytes(b"<html>not a pdf</html>")
    lib = library_factory()
    report = lib.ingest([letters])
    status = {o.doc: (o.status, o.reason) for o in report.outcomes}
    # the first of the twins in walking order is indexed, the second names it
    assert status["focused visit (copy).txt"][0] == "added"
    assert status["focused visit.txt"] == ("duplicate", "same content as focused visit (copy).txt")
    assert status["a.pdf"][0] == status["b.pdf"][0] == "failed"
    assert "not a PDF" in status["b.pdf"][1]
    assert sorted(d.doc for d in lib.documents()) == sorted(
        ["focused visit (copy).txt", "inspection report.pdf", "scrutiny & committee's paper, 2023.md"])
    assert lib.store.count() == sum(d.chunks for d in lib.documents())

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

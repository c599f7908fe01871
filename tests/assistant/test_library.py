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


def test_an_upgrade_that_changes_chunking_keeps_the_old_library_until_reindex_brings_it_over(
        library_factory, letters, monkeypatch):
    import assistant.library as library_module
    import vectorstore.chroma_store as store_module

    current = store_module.SCHEMA
    for module in (store_module, library_module):  # the library as an earlier version wrote it
        monkeypatch.setattr(module, "SCHEMA", current - 1)
    old = library_factory()
    old.ingest([letters])
    before = {d.doc: d.chunks for d in old.documents()}
    for module in (store_module, library_module):
        monkeypatch.setattr(module, "SCHEMA", current)

    lib = library_factory()
    assert lib.documents() == [] and len(lib.store.earlier_documents()) == 3
    assert lib.earlier_notice().startswith("3 documents indexed by an earlier version")
    (letters / "focused visit.txt").unlink()  # one source has gone since: it stays where it was
    report = lib.reindex()
    assert {o.doc: o.status for o in report.outcomes}["focused visit.txt"] == "skipped"
    assert {d.doc for d in lib.documents()} == set(before) - {"focused visit.txt"}
    assert [d.doc for d in lib.store.earlier_documents()] == ["focused visit.txt"]

    (letters / "focused visit.txt").write_text("Supervision is regular.\n", encoding="utf-8")
    lib.reindex()
    assert {d.doc for d in lib.documents()} == set(before) and lib.earlier_notice() == ""
    assert lib.store.count() == sum(d.chunks for d in lib.documents())
    names = {c if isinstance(c, str) else c.name for c in lib.store._client.list_collections()}
    assert not any(n.endswith(f"-s{current - 1}") for n in names)  # the old collections are gone


def _two_councils(folder):
    folder.mkdir()
    for council, day, finding in (("Rutland", 12, "regular and reflective"), ("Medway", 14, "rare")):
        (folder / f"{council} visit.txt").write_text(
            f"{day} March 2024\n\nFocused visit to {council} local authority children's services\n\n"
            f"This letter summarises the findings of the focused visit to {council} children's services.\n\n"
            f"Supervision of social workers is {finding}.\n", encoding="utf-8")
    (folder / "Medway scrutiny.md").write_text(
        "# Medway Council\n\n## Children and Young People Overview and Scrutiny Committee\n\n14 June 2023\n\n"
        "The committee heard how Medway plans to recruit foster carers.\n", encoding="utf-8")
    return folder


def test_the_council_whose_own_papers_the_library_holds_is_the_one_a_question_means(library_factory, tmp_path):
    folder = _two_councils(tmp_path / "docs")
    lib = library_factory()
    lib.ingest([folder / "Rutland visit.txt", folder / "Medway visit.txt"])
    assert lib.retriever.home() is None  # Ofsted letters alone say nothing of whose library it is
    assert lib.ask("What did inspectors say about supervision?").notice == ""

    lib.ingest([folder / "Medway scrutiny.md"])
    assert lib.retriever.home() == "Medway"
    answer = lib.ask("What did inspectors say about supervision?")
    assert answer.notice.startswith("Read as a question about Medway")
    assert {h.doc for h in answer.hits} == {"Medway visit.txt", "Medway scrutiny.md"}  # Rutland's letter is not ours
    across = lib.ask("Which councils have regular supervision?")  # a question across councils keeps them all
    assert "Rutland visit.txt" in {h.doc for h in across.hits} and across.notice == ""
    assert "*Read as a question about Medway" in answer.markdown()
    other = lib.ask("What did inspectors say about supervision in Rutland?")
    assert other.hits[0].doc == "Rutland visit.txt" and other.notice == ""
    narnia = lib.ask("What did inspectors say about supervision in Narnia?")  # a place no document names
    assert narnia.refused and "No document in it mentions Narnia" in narnia.text and narnia.notice == ""

    pinned = library_factory(retrieval__home_authority="none")
    assert pinned.retriever.home() is None and pinned.ask("What did inspectors say about supervision?").notice == ""
    rutland = library_factory(retrieval__home_authority="Rutland")  # named in settings, it wins over the papers
    assert rutland.retriever.home() == "Rutland"
    assert rutland.ask("What did inspectors say about supervision?").hits[0].doc == "Rutland visit.txt"


def test_an_answer_about_now_that_rests_on_an_old_report_says_it_may_be_out_of_date(library_factory, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "2015.txt").write_text("Children and Young People Overview and Scrutiny Committee\n\n1 November 2015\n\n"
                                     "At 31 August 2015, 433 children were looked after by the council.\n", encoding="utf-8")
    (folder / "2025.txt").write_text("Children and Young People Overview and Scrutiny Committee\n\n1 March 2025\n\n"
                                     "Supervision of social workers is regular and reflective.\n", encoding="utf-8")
    lib = library_factory()
    lib.ingest([folder])
    stale = lib.ask("How many children does the council look after now?")
    assert [c.doc for c in stale.citations] == ["2015.txt"] and "433" in stale.text
    assert "may be out of date" in stale.notice and "may be out of date" in stale.markdown()
    current = lib.ask("Is supervision of social workers still regular?")
    assert [c.doc for c in current.citations] == ["2025.txt"] and current.notice == ""
    then = lib.ask("How many children did the council look after in 2015?")  # not about now: no notice
    assert [c.doc for c in then.citations] == ["2015.txt"] and then.notice == ""


def test_a_text_copy_of_a_pdf_letter_is_cited_with_the_pdfs_page_too(library_factory, letters):
    from vectorstore.retrieval import Filters

    from tests.pdfgen import make_pdf

    filler = [f"Paragraph {n} of the letter sets out how leaders oversee the work of team {n}." for n in range(30)]
    make_pdf(letters / "inspection report.pdf", [filler, ["Disabled children wait too long for assessments of their "
                                                          "needs.", *filler[:10]]])
    (letters / "council copy.txt").write_text(
        "Council summary of the inspection\n\nDisabled children wait too long for assessments of their needs. "
        "The council has asked for a plan.\n", encoding="utf-8")
    lib = library_factory()
    lib.ingest([letters])
    answer = lib.ask("How long do disabled children wait for assessments of their needs?",
                     filters=Filters(docs=("council copy.txt",)))
    [cited] = [c for c in answer.citations if "wait too long" in c.sentence]
    assert cited.doc == "council copy.txt"
    assert [(a["doc"], a["page"], a["where"]) for a in cited.also] == [("inspection report.pdf", 2, "p. 2")]
    assert "also in" in answer.markdown() and "inspection report.pdf" in answer.markdown()
    from assistant.app import sources_html

    assert f"Also printed in <a href='/doc/{cited.also[0]['doc_id']}#page=2'" in sources_html(answer)
    # a sentence no PDF prints, and a PDF's own citation, have none
    assert lib.retriever.copies("The council has asked for a plan.", "council copy.txt") == []
    pdf = lib.ask("How long do disabled children wait for assessments of their needs?",
                  filters=Filters(docs=("inspection report.pdf",)))
    assert pdf.citations and all(c.also == () for c in pdf.citations)

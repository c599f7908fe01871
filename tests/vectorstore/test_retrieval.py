import pytest

from vectorstore.query_scope import expand, scope_of
from vectorstore.retrieval import Filters, Hit, distinct, fuse


def _hits(ids):
    return [Hit(i, i, {"doc": i}, rank=r + 1) for r, i in enumerate(ids)]


def test_rrf_rewards_agreement_between_rankings():
    fused = fuse([_hits(["a", "b", "c"]), _hits(["b", "d", "a"])], k=4)
    assert [h.id for h in fused] == ["b", "a", "d", "c"]
    assert [h.rank for h in fused] == [1, 2, 3, 4]
    assert fused[0].score == pytest.approx(1 / 62 + 1 / 61)
    weighted = fuse([_hits(["a", "b"]), _hits(["b", "a"])], k=2, weights=[2.0, 1.0])
    assert weighted[0].id == "a"


def test_filters_accept_and_translate_to_chroma():
    f = Filters(kinds=("focused visit",), date_from="2020", date_to="2023-06")
    assert f.accepts({"kind": "focused visit", "date": "2021-05-01"})
    assert not f.accepts({"kind": "focused visit", "date": "2019-05-01"})
    assert not f.accepts({"kind": "focused visit", "date": "2023-07-01"})
    assert not f.accepts({"kind": "full inspection", "date": "2021-05-01"})
    assert f.where() == {"$and": [{"kind": {"$in": ["focused visit"]}}, {"year": {"$gte": 2020}},
                                  {"year": {"$lte": 2023}}]}
    assert Filters().where() is None and not Filters()


def test_question_scope_reads_years_kinds_and_councils():
    s = scope_of("What did the 2019 focused visit to North Somerset find about supervision?")
    assert s.years == (2019,) and s.kinds == ("focused visit",) and s.authorities == ("North Somerset",)
    assert scope_of("What did the area SEND inspection say?").kinds == ("area SEND inspection",)
    assert not scope_of("What about supervision?")
    # a council's own account of a visit is its news ("the council's public update on the monitoring visit")
    asked = scope_of("In the council's public update on the September 2022 monitoring visit, what did it say?")
    assert set(asked.kinds) == {"council news", "monitoring visit"}
    assert s.matches({"local_authority": "North Somerset", "kind": "focused visit", "year": 2019})
    assert not s.matches({"local_authority": "Somerset", "kind": "focused visit", "year": 2019})


def test_a_passage_kept_in_two_files_is_shown_once():
    letter = "Supervision of social workers is regular, but it rarely reflects on children's plans."
    meta = {"kind": "focused visit", "local_authority": "Rutland", "date": "2025-06-02"}
    hits = [Hit("a", letter, {"doc": "letter.pdf", **meta}, rank=1),
            Hit("b", letter.replace("'", "’"), {"doc": "letter.txt", **meta}, rank=2),
            Hit("c", "Care leavers have a trusted adult.", {"doc": "letter.txt", **meta}, rank=3),
            Hit("d", letter, {"doc": "letter.pdf", **meta}, rank=4),  # the same file may repeat itself (overlap)
            Hit("e", letter, {"doc": "2019 letter.pdf", **meta, "date": "2019-02-28"}, rank=5)]  # another report
    assert [(h.id, h.rank) for h in distinct(hits, 4)] == [("a", 1), ("c", 2), ("d", 3), ("e", 4)]


def test_councils_are_known_by_the_names_people_use():
    assert scope_of("When did Hull's director arrive?").authorities == ("Kingston upon Hull",)
    assert scope_of("What grade did Newcastle get in 2025?").authorities == ("Newcastle upon Tyne",)
    assert scope_of("Kingston upon Hull in 2019").authorities == ("Kingston upon Hull",)  # not Kingston upon Thames
    assert scope_of("What did the inspection of Bath find?").authorities == ("Bath and North East Somerset",)
    assert not scope_of("Did children have to bath in cold water?").authorities  # a word, not the council


def test_on_time_is_searched_as_timeliness():
    from vectorstore.query_scope import expand

    assert "timeliness" in expand("Were health assessments done on time when children came into care?")
    assert "timeliness" not in expand("What did the visit find about health assessments?")


def test_a_when_question_is_searched_with_a_reports_dates_only_when_it_asks_of_a_report():
    from vectorstore.query_scope import expand

    assert "dates" in expand("When did the 2019 inspection take place?")
    assert "dates" in expand("When was Medway put under notice after being found inadequate?")
    assert "dates" not in expand("When was the Children's Trust replaced?")


def test_a_body_named_after_a_place_is_not_its_council():
    assert not scope_of("What did the 2019 inspection of Kent Police's child protection work find?").authorities
    assert not scope_of("Who chairs the Kent and Medway Integrated Care Board?").authorities
    assert scope_of("How do Kent and Medway councils work together?").authorities == ("Kent", "Medway")


def test_a_question_for_what_must_improve_asks_for_that_section():
    from vectorstore.query_scope import sections_asked

    [heading] = sections_asked("What were the improvement points from the 2023 inspection?")
    assert heading.search("What needs to improve in this area of social work practice?")
    assert heading.search("Areas for improvement") and not heading.search("Main findings")
    assert not sections_asked("Which areas were graded 'requires improvement' in 2015?")  # a grade, not a section
    assert not sections_asked("Has Bristol's judgement improved since 2018?")  # whether it did, not what must
    assert sections_asked("When Ofsted looked at the front door, what did it say still needed to get better?")
    assert not sections_asked("Did things get better after the 2019 inspection?")
    [risks] = sections_asked("What did the commissioner see as the main risks to Medway improving?")
    assert risks.search("18. Risks to achieving and sustaining improvement") and not risks.search("Recommendations")


def test_expansion_adds_document_vocabulary():
    assert "lead inspector" in expand("Who led the 2023 inspection?")
    assert "lead inspector" in expand("Which report, and who led it?")
    took_up = expand("When did the director who led Medway through the 2015 inspection take up the job?")
    assert "lead inspector" not in took_up  # who led the council, not the inspection
    for when in ("When was the visit?", "On which dates did Ofsted visit?", "After the visit, when did it report?"):
        assert "inspection dates" in expand(when)  # the same questions the answerer reads as asking when
    assert "inspection dates" not in expand("What happens when a child goes missing?")
    assert expand("Tell me about care leavers") == "Tell me about care leavers"
    assert "caseloads" in expand("How many children was each social worker carrying?")  # what reports call it
    assert "caseloads" not in expand("Was the audit carried out?")
    assert "remote" in expand("Was the 2021 visit done in person?")
    squad = "What is the Wednesday Squad that Ofsted mentioned when they looked at disabled children?"
    assert expand(squad) == squad  # the visit's focus is the occasion named, not what is asked
    assert "covered" in expand("Which services did Ofsted look at when they visited in 2022?")
    assert expand("What changed in the MASH?").endswith("multi-agency safeguarding hub")
    assert expand("Were initial health assessments timely?").endswith("IHA")
    assert expand("Was the mash lumpy?") == "Was the mash lumpy?"  # an acronym is written in capitals
    money = expand("How much additional money did the council put in after the 2019 judgement?")
    assert "funding" in money and "overall effectiveness" not in money  # the judgement is when, not what is asked
    assert "overall effectiveness" in expand("What was the 2019 judgement?")
    assert "unallocated" in expand("How many cases had no allocated social worker?")
    assert "hampered" in expand("What got in the way of delivering the improvement plan?")  # reports' word
    assert "hampered" in expand("What held the plan back?") and "hampered" not in expand("Where was the plan?")
    assert "capacity to improve" in expand("Did they think the council could turn it around?")  # Ofsted's judgement
    assert "capacity to improve" not in expand("Did the council turn up?")
    assert "distance" in expand("What about children in care who live a long way from Medway?")  # reports' words
    assert "initial" in expand("Why were some first visits to children delayed?")  # "initial visits"
    assert "initial" not in expand("When was the first inspection?")
    plan = expand("What were the council's three priorities in its 2019-20 plan?")
    assert plan.endswith(" 3 2020"), plan  # papers write "The Council's 3 priorities", "Council plan 2019-2020"
    assert " 3" not in expand("What did the three-month deadlines require?")


def test_an_acronyms_plural_is_the_same_word():
    from vectorstore.bm25_index import tokenize

    assert tokenize("five GCSEs, two EHCPs") == tokenize("five GCSE, two EHCP")
    assert tokenize("CHILDREN'S SERVICES") == tokenize("children's services")  # a heading in capitals is not a plural


def test_modes_on_a_small_library(library_factory, letters):
    lib = library_factory()
    report = lib.ingest([letters])
    assert report.count("added") == 3, report.summary()
    for mode in ("dense", "bm25", "hybrid"):
        hits = lib.search("foster carers allowances budget", k=3, mode=mode)
        assert hits and hits[0].doc == "scrutiny & committee's paper, 2023.md", mode
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        assert all(hits[i].score >= hits[i + 1].score for i in range(len(hits) - 1))
    with pytest.raises(ValueError):
        lib.search("x", mode="nonsense")


def test_filters_restrict_every_mode(library_factory, letters):
    lib = library_factory()
    lib.ingest([letters])
    only = Filters(docs=("inspection report.pdf",))
    for mode in ("dense", "bm25", "hybrid"):
        hits = lib.search("supervision caseloads children", k=5, mode=mode, filters=only)
        assert hits and {h.doc for h in hits} == {"inspection report.pdf"}


def test_bm25_follows_changes_to_the_store(library_factory, letters):
    lib = library_factory()
    lib.ingest([letters])
    assert lib.search("allowances", mode="bm25")
    assert lib.delete("scrutiny & committee's paper, 2023.md")
    assert not [h for h in lib.search("allowances", mode="bm25") if "scrutiny" in h.doc]


def test_langchain_adapter_returns_documents_with_citations(library_factory, letters):
    from vectorstore.langchain_retriever import InspectionRetriever

    lib = library_factory()
    lib.ingest([letters])
    docs = InspectionRetriever(retriever=lib.retriever, k=2).invoke("foster carers allowances")
    assert len(docs) == 2
    assert docs[0].metadata["doc"] == "scrutiny & committee's paper, 2023.md"
    assert {"page", "title", "score", "rank"} <= docs[0].metadata.keys()


def test_a_bonus_counts_as_one_more_first_place():
    rankings = [_hits(["a", "b", "c"]), _hits(["a", "c", "b"])]
    assert fuse(rankings, k=3, rrf_k=10)[0].id == "a"
    fused = fuse(rankings, k=3, rrf_k=10, bonus={"c": 1 / 11})
    assert [h.id for h in fused] == ["c", "a", "b"]
    assert fused[0].score == pytest.approx(1 / 13 + 1 / 12 + 1 / 11)


def test_the_section_a_question_asks_for_comes_first(library_factory, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    findings = ("Leaders have improved the front door and improvement continues. Practice must improve further in "
                "some teams, and managers improve plans when audits show they must. ") * 6
    (folder / "letter.txt").write_text(
        f"Focused visit to Rutland local authority children's services\n\nMain findings\n\n{findings}\n\n"
        "What needs to improve?\n\n- The quality of assessments for disabled children.\n"
        "- Management oversight of plans.\n", encoding="utf-8")
    lib = library_factory()
    lib.ingest([folder])
    top = lib.search("What must the council improve?", k=3)[0]
    assert top.heading == "What needs to improve?"


RUTLAND_LETTER = "Focused visit to Rutland local authority children's services\n\nMain findings\n\n"
SUPERVISION = "Social workers receive regular supervision, but it does not always challenge drift.\n"


def _ingested(library_factory, folder, files: dict[str, str]):
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    lib = library_factory()
    lib.ingest([folder])
    return lib


def test_what_ofsted_said_is_searched_in_ofsteds_own_letters_first(library_factory, tmp_path):
    lib = _ingested(library_factory, tmp_path / "docs", {
        "scrutiny.txt": "Children and Young People Overview and Scrutiny Committee\n\n14 June 2024\n\n"
        + "Members asked what Ofsted said about supervision and what Ofsted will say next. " * 4 + "\n",
        "letter.txt": RUTLAND_LETTER + SUPERVISION})
    assert lib.search("What did Ofsted say about supervision?", k=2)[0].doc == "letter.txt"
    assert lib.search("What did the committee say about supervision?", k=2)[0].doc == "scrutiny.txt"


def test_what_ofsted_said_is_searched_for_the_topic_not_the_word_ofsted(library_factory, tmp_path):
    lib = _ingested(library_factory, tmp_path / "docs", {
        "back.txt": RUTLAND_LETTER + "Ofsted will take the findings into account. Ofsted publishes this letter on the "
        "Ofsted website, and Ofsted's address is below. Ofsted regulates and inspects.\n",
        "finding.txt": RUTLAND_LETTER + SUPERVISION})
    assert lib.search("What did Ofsted say about supervision?", k=2)[0].doc == "finding.txt"


def test_a_history_takes_the_best_passage_of_other_documents_after_the_best_two():
    from vectorstore.query_scope import asks_over_time
    from vectorstore.retrieval import over_time

    assert asks_over_time("What did Ofsted say about supervision in 2019, and has it improved?")
    assert asks_over_time("How did caseloads compare across the 2013 and 2019 inspections?")
    assert not asks_over_time("What did Ofsted say about supervision in 2019?")
    assert asks_over_time("Did services improve after the 2019 inspection?")
    assert asks_over_time("Has there been any improvement since the visit?")
    assert asks_over_time("Has the front door been improving?")
    # a year, then now: from that year to now; but one report's account of now is no history
    assert asks_over_time("Ofsted criticised core groups in 2015. Are core groups working better now?")
    assert not asks_over_time("Where is the work handled now, according to the 2025 focused visit?")
    # what must improve, and "changes" as a noun, ask about one report
    assert not asks_over_time("What did Ofsted say Medway needs to improve after the April 2025 visit?")
    assert not asks_over_time("What did the 2021 focused visit say needed to improve?")
    assert not asks_over_time("Why did changes of social worker matter so much, according to the 2022 letter?")
    scoped = [Hit(f"a{i}", "x", {"doc": "2019.pdf", "local_authority": "Medway"}) for i in range(4)]
    wider = [Hit("a0", "x", {"doc": "2019.pdf", "local_authority": "Medway"}),
             Hit("h0", "y", {"doc": "hull.pdf", "local_authority": "Hull"}),  # another council's history
             Hit("b0", "y", {"doc": "2023.pdf", "local_authority": "Medway"}),
             Hit("b1", "y", {"doc": "2023.pdf", "local_authority": "Medway"}), Hit("c0", "z", {"doc": "2025.pdf"})]
    merged = over_time(scoped, wider, k=5)
    assert [h.id for h in merged] == ["a0", "a1", "b0", "c0", "a2"] and [h.rank for h in merged] == [1, 2, 3, 4, 5]


def test_has_it_improved_is_searched_in_the_later_reports_too(library_factory, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    items = "\n\n".join(f"Item {i}. " + f"Supervision of social workers in 2019 was discussed at meeting {i} in 2019. " * 12
                         for i in range(8))
    for n in range(2):  # a year's long papers, which a search scoped to that year ranks first
        (folder / f"paper{n}.txt").write_text(
            f"Children and Young People Overview and Scrutiny Committee\n\n{n + 1} November 2019\n\n{items}\n",
            encoding="utf-8")
    (folder / "2023.txt").write_text(
        "Inspection of Rutland local authority children's services\n\nInspection dates: 3 to 14 July 2023\n\n"
        "Main findings\n\nSupervision of social workers is now regular and reflective.\n", encoding="utf-8")
    lib = library_factory()
    lib.ingest([folder])
    assert "2023.txt" not in [h.doc for h in lib.search("What was said about supervision in 2019?", k=5)]
    later = [h.doc for h in lib.search("What was said about supervision in 2019, and has it improved?", k=5)]
    assert "2023.txt" in later


def test_the_last_inspection_is_searched_without_the_earlier_ones(library_factory, tmp_path):
    from tests.assistant.test_facts import inspection

    folder = tmp_path / "reports"
    folder.mkdir()
    for year in (2015, 2019, 2023):
        inspection(folder, f"{year}.pdf", year, ["Good"] * 4)
    (folder / "scrutiny.txt").write_text(  # a council paper about the 2023 inspection stays a candidate
        "Children and Young People Overview and Scrutiny Committee\n\n14 June 2024\n\n"
        "The committee heard who led the 2023 inspection of Rutland and when it took place.\n", encoding="utf-8")
    lib = library_factory()
    lib.ingest([folder])
    docs = [h.doc for h in lib.search("When was the last full inspection of Rutland, and who led it?", k=10)]
    assert docs[0] == "2023.pdf" and not {"2015.pdf", "2019.pdf"} & set(docs)
    assert "scrutiny.txt" in docs
    # the answer too is read from that report only
    assert lib.retriever.named_documents("Who led the last full inspection of Rutland?") == ("2023.pdf",)
    assert lib.retriever.named_documents("Who led the full inspections of Rutland?") == ()
    every = {h.doc for h in lib.search("How have the inspections of Rutland changed since 2015?", k=10)}
    assert {"2015.pdf", "2019.pdf", "2023.pdf"} <= every  # no single report named: all stay


def test_a_question_about_the_home_council_is_scored_as_if_the_library_held_only_its_documents(
        library_factory, tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir(), theirs.mkdir()
    for n, finding in enumerate(("Supervision is regular and reflective.", "Caseloads are high in the assessment team.",
                                 "Care leavers have too few homes to choose from.")):
        (ours / f"rutland {n}.txt").write_text(
            f"1{n} March 2024\n\nFocused visit to Rutland local authority children's services\n\n{finding}\n")
    for n in range(6):  # other councils whose reports talk of caseloads all the time
        (theirs / f"barnet {n}.txt").write_text(
            f"2{n} May 2023\n\nFocused visit to Barnet local authority children's services\n\n"
            "Caseloads are manageable. Caseloads in the assessment team are high.\n")
    question = "What did inspectors say about caseloads and supervision?"
    lib = library_factory(retrieval__home_authority="Rutland")
    lib.ingest([ours])
    alone = [(h.doc, round(h.score, 6)) for h in lib.search(question, mode="bm25")]
    idf_alone = lib.retriever.idf(question)
    lib.ingest([theirs])  # forty other councils' reports must not change how a question about ours is scored
    among = [(h.doc, round(h.score, 6)) for h in lib.search(question, mode="bm25")]
    assert alone == among and len(alone) == 2
    assert lib.retriever.idf(question) == idf_alone != lib.retriever.idf()  # the whole library's differs


def test_children_in_care_are_searched_as_looked_after_children_and_how_many_is_no_search_word():
    from vectorstore.bm25_index import BM25Index

    question = "How many children in care did the council have?"
    assert "looked after" in expand(question) and "many" not in expand(question)
    assert "children in care" in expand("What did the 2013 report say about LAC reviews?")
    texts = ["Supervision is regular, but in too many cases it is ineffective.",  # "many", and nothing else asked
             "At the time of the inspection there were 400 looked after children and 209 care leavers."]
    scores = BM25Index(["many", "figure"], texts).scores(expand(question))
    assert scores[1] > scores[0]


def test_how_things_stand_now_is_read_from_the_last_few_years():
    from vectorstore.query_scope import asks_now

    assert asks_now("Is supervision still a problem?") and asks_now("Are caseloads manageable now?")
    assert asks_now("What does Ofsted currently say about assessments?") and asks_now("Who is the lead member?")
    assert not asks_now("Was supervision still a problem in 2019?")  # a year named: then, not now
    assert not asks_now("Is supervision still weak at the last focused visit?")  # a report named: that one
    assert not asks_now("How has supervision changed up to now?")  # a history
    assert asks_now("Has staff turnover come down?")  # how it stands now, against before
    assert not asks_now("Has staff turnover come down since 2019?")
    assert not asks_now("Was supervision still a problem then?")  # of the past
    assert not asks_now("What is the Wednesday Squad that Ofsted mentioned?")  # what a report told
    assert not asks_now("And which areas did it say still needed work?")  # what remained then
    assert "still" not in expand("Is supervision still a problem?")
    assert "latest" in expand("How has supervision changed from 2019 to the latest visit?")


def test_a_question_about_now_is_searched_in_the_last_few_years_documents(library_factory, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for year in (2013, 2015, 2019):  # long older papers that say much about supervision
        (folder / f"{year}.txt").write_text(
            f"Children and Young People Overview and Scrutiny Committee\n\n1 November {year}\n\n"
            + "Supervision of social workers is irregular and supervision is not recorded. " * 6 + "\n", encoding="utf-8")
    for year in (2023, 2025):
        (folder / f"{year}.txt").write_text(
            f"Children and Young People Overview and Scrutiny Committee\n\n1 March {year}\n\n"
            "Care leavers have homes. Social workers now receive supervision every month.\n", encoding="utf-8")
    lib = library_factory()
    lib.ingest([folder])
    assert lib.search("Was supervision of social workers irregular?", k=5)[0].doc in {"2013.txt", "2015.txt", "2019.txt"}
    assert {h.doc for h in lib.search("Is supervision of social workers still irregular?", k=5)[:2]} == \
        {"2023.txt", "2025.txt"}


def test_a_question_about_the_years_after_one_is_searched_in_the_documents_from_then_on(library_factory, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "2019.txt").write_text("Children and Young People Overview and Scrutiny Committee\n\n1 November 2019\n\n"
                                     + "The council agreed its plans for services in 2019. " * 4 + "\n",
                                     encoding="utf-8")
    (folder / "2022.txt").write_text("Children and Young People Overview and Scrutiny Committee\n\n1 July 2022\n\n"
                                     "Additional money of £7.6m was put into children's services in 2020-21.\n",
                                     encoding="utf-8")
    lib = library_factory()
    lib.ingest([folder])
    assert lib.search("What did the council agree in 2019?", k=2)[0].doc == "2019.txt"
    assert lib.search("How much additional money was put in in the years after the 2019 judgement?",
                      k=2)[0].doc == "2022.txt"


def test_a_question_checks_the_store_once_and_embeds_each_text_once(library_factory, letters, fake_embedder,
                                                                    monkeypatch):
    """A question looks at the library a dozen times (BM25 index, home council, named reports, facts): the
    store is asked once whether another process changed it, and the question is not embedded twice (once to
    search, once to read the sentences against), nor a sentence once per part of a question that asks two things."""
    from collections import Counter

    embedded: Counter[str] = Counter()

    class Counting:
        name, dimension = fake_embedder.name, fake_embedder.dimension

        def embed(self, texts, batch_size=None):
            embedded.update(texts)
            return fake_embedder.embed(texts, batch_size)

        def count_tokens(self, text):
            return fake_embedder.count_tokens(text)

    lib = library_factory(embedder=Counting())
    lib.ingest([letters])
    looks = []
    signature = lib.store.signature
    monkeypatch.setattr(lib.store, "signature", lambda: looks.append(1) or signature())
    embedded.clear()
    answer = lib.ask("How many children does each worker have, and is supervision of social workers regular?")
    assert "18 children" in answer.text and "Supervision" in answer.text
    assert len(looks) == 1
    assert embedded and max(embedded.values()) == 1, embedded.most_common(3)
    lib.ask("Do care leavers have a trusted adult?")  # the next question looks again
    assert len(looks) == 2


def test_no_search_finds_the_chunks_of_a_document_still_being_written(library_factory, letters, fake_embedder):
    """A document's record is stored after its chunks: until it is there (another process is writing it, or
    was killed while writing), its chunks are found by no mode, as the library does not list it."""
    lib = library_factory()
    lib.ingest([letters])
    text = "Allotment gardens were inspected by the parks committee."
    lib.store._chunks.upsert(ids=["half-written-0"], documents=[text], embeddings=fake_embedder.embed([text]),
                             metadatas=[{"doc": "half.txt", "doc_id": "half", "position": 0}])
    for mode in ("dense", "bm25", "hybrid"):
        assert all(h.doc != "half.txt" for h in lib.search("allotment gardens parks committee", mode=mode)), mode


def test_a_visit_named_by_its_month_is_not_another_months_visit(library_factory, tmp_path):
    # the library holds the October letter, and the council's July paper on the May visit, not the May letter
    lib = _ingested(library_factory, tmp_path / "docs", {
        "october.txt": "26 October 2022\n\nDear Ms Smith\n\nMonitoring visit to Testshire children's services\n\n"
        "This letter summarises the findings of the monitoring visit to Testshire children's services on 21 and 22 "
        "September 2022.\n\nCare leavers were not the focus of this visit. Disabled children wait too long.\n",
        "scrutiny.txt": "Children and Young People Overview and Scrutiny Committee\n\n28 July 2022\n\n"
        "This report summarises the findings of the May 2022 Ofsted monitoring visit to care leavers services.\n"})
    assert lib.retriever.named_documents("What did the May 2022 monitoring visit find?") == ("scrutiny.txt",)
    assert lib.retriever.named_documents("What did the September 2022 monitoring visit find?") == ("october.txt",)
    assert lib.retriever.named_documents("What did the 2022 monitoring visit find?") == ("october.txt",)
    assert lib.search("What did the May 2022 monitoring visit find about care leavers?", k=2)[0].doc == "scrutiny.txt"


def test_a_year_compared_with_the_latest_report_of_a_kind_names_both(library_factory, tmp_path):
    visit = "{date}\n\nDear Ms Smith\n\nFocused visit to Testshire children's services\n\nThis letter summarises the " \
            "findings of the focused visit to Testshire children's services on {on}.\n\n{finding}\n"
    lib = _ingested(library_factory, tmp_path / "docs", {
        "2015.txt": "Inspection of Testshire local authority children's services\n\nInspection dates: 2 to 13 "
        "November 2015\n\nIndependent reviewing officers take an active interest in children's progress.\n",
        "2021.txt": visit.format(date="8 July 2021", on="25 and 26 May 2021", finding="Caseloads are high."),
        "2026.txt": visit.format(date="12 January 2026", on="25 and 26 November 2025",
                                 finding="Oversight by independent reviewing officers is strong."),
    })
    asked = "What did Ofsted say about independent reviewing officers in 2015, and how does that compare with the " \
            "latest focused visit?"
    assert lib.retriever.named_documents(asked) == ("2015.txt", "2026.txt")
    assert {h.doc for h in lib.search(asked, k=2)} == {"2015.txt", "2026.txt"}
    assert lib.retriever.named_documents("What did the latest focused visit say?") == ("2026.txt",)


def test_an_inspection_named_by_the_grade_it_gave_is_that_report(library_factory, tmp_path):
    from tests.assistant.test_facts import inspection

    folder = tmp_path / "reports"
    folder.mkdir()
    inspection(folder, "2019.pdf", 2019, ["Inadequate"] * 4)
    inspection(folder, "2023.pdf", 2023, ["Good"] * 4)
    lib = library_factory()
    lib.ingest([folder])
    assert lib.retriever.named_documents("When was the inspection that moved Rutland to 'good'?") == ("2023.pdf",)
    assert lib.retriever.named_documents("Who led the inadequate inspection?") == ("2019.pdf",)
    assert lib.retriever.named_documents("Was the inspection good?") == ()


def test_a_name_spelled_out_is_searched_by_the_abbreviation_the_library_defines_for_it(library_factory, tmp_path):
    lib = _ingested(library_factory, tmp_path / "docs", {
        "a.txt": "Medway Council\n\nThe Children's Advice and Duty Service (CADS) opened in 2014.\n",
        "b.txt": "Medway Council\n\nAny professional who contacts CADS with a concern is offered a conversation with a "
                 "qualified social worker.\n",
        "c.txt": "Medway Council\n\nIn other councils a professional may ring for help.\n",
        **{f"{n}.txt": "Medway Council\n\nFoster carers are well supported by social workers.\n" for n in "defg"}})
    ranked = [h.doc for h in lib.search("What does a professional get from the Children's Advice and Duty Service?",
                                        k=7)]
    assert ranked.index("b.txt") < ranked.index("c.txt"), ranked


def test_only_the_names_of_bodies_are_searched_by_their_abbreviations():
    from vectorstore.abbreviations import abbreviations, also_named

    short = abbreviations(["The Medway Safeguarding Children Board (MSCB) met.", "There are 400 looked after "
                           "children (LAC) in Medway."])
    assert also_named("What did the Medway Safeguarding Children Board do?", short) == "MSCB"
    assert also_named("What did the MSCB do?", short) == "Medway Safeguarding Children Board"
    assert also_named("How many looked after children were there?", short) == ""

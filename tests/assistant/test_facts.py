"""Judgement and date questions answered from the metadata read at ingest, cited to the page the
judgements are printed on; a council the library knows nothing about is refused, not guessed."""
from __future__ import annotations

import pytest

from tests.pdfgen import make_pdf


def inspection(folder, name, year, grades, overall=True):
    rows = [f"{label} {grade}" for label, grade in zip(
        ["The impact of leaders on social work practice with children and families",
         "The experiences and progress of children who need help and protection",
         "The experiences and progress of children in care", "The experiences and progress of care leavers"], grades)]
    make_pdf(folder / name, [
        ["Contents", "Introduction and scope of this report"],
        ["Inspection of Rutland local authority children's services", f"Inspection dates: 3 to 14 July {year}",
         "Lead inspector: Alex Example, His Majesty's Inspector", "Judgement Grade", *rows,
         *([f"Overall effectiveness {grades[0]}"] if overall else []),
         f"Children in Rutland receive services that have changed since {year - 4}."],
    ])


@pytest.fixture
def library(tmp_path, library_factory):
    folder = tmp_path / "reports"
    folder.mkdir()
    inspection(folder, "2019.pdf", 2019, ["Inadequate", "Inadequate", "Requires improvement to be good", "Good"])
    inspection(folder, "2023.pdf", 2023, ["Good", "Requires improvement to be good", "Good", "Good"])
    inspection(folder, "2026.pdf", 2026, ["Outstanding"] * 4, overall=False)
    lib = library_factory()
    lib.ingest([folder])
    return lib


def test_a_rating_question_is_answered_from_the_judgement_table_with_its_page(library):
    answer = library.ask("What was Rutland rated in 2023?")
    assert "overall effectiveness good" in answer.text and "[1]" in answer.text and not answer.refused
    cited = answer.citations[0]
    assert cited.doc == "2023.pdf" and cited.page == 2  # the table is on the second page
    assert "Overall effectiveness Good" in cited.sentence and cited.sentence in cited.text


def test_a_question_asking_how_much_or_why_is_not_answered_with_a_rating_it_names(library):
    for question in ("How much money did Rutland put into children's services after the 2019 judgement?",
                     "Why was Rutland judged inadequate in 2019?"):
        assert "judged rutland's overall effectiveness" not in library.ask(question).text.lower()  # no fact answer


def test_a_judgement_named_as_the_occasion_is_not_asked_for(library):
    for question in ("What were the key concerns in the improvement notice Rutland received after being judged "
                     "inadequate in 2019?",
                     "Under the ILACS framework, how many monitoring visits come before re-inspecting a council "
                     "judged inadequate?",
                     "How was the graded care profile for neglect used in Rutland in 2023?"):
        assert "judged rutland's overall effectiveness" not in library.ask(question).text.lower(), question
    assert "judged rutland's overall effectiveness" in library.ask("How was Rutland judged in 2019?").text.lower()
    received = library.ask("What rating has Alex Example received since leading the Rutland inspection?")
    assert "judged rutland's overall effectiveness" not in received.text.lower()  # a grade of someone else
    received = library.ask("What rating did Rutland receive in 2019?")
    assert "judged rutland's overall effectiveness" in received.text.lower()


def test_a_report_without_an_overall_grade_is_not_given_one(library):
    answer = library.ask("What was Rutland rated in 2026?")
    assert "no overall effectiveness grade" in answer.text and "outstanding" in answer.text
    assert answer.citations[0].doc == "2026.pdf"


def test_history_questions_list_every_inspection_in_date_order(library):
    answer = library.ask("How have Rutland's judgements changed over time?")
    assert [c.doc for c in answer.citations] == ["2019.pdf", "2023.pdf", "2026.pdf"]
    assert answer.text.index("inadequate") < answer.text.index("judged Rutland's overall effectiveness good")


def test_when_was_the_last_inspection(library):
    answer = library.ask("When was the last full inspection?")
    assert "3 to 14 July 2026" in answer.text and answer.citations[0].sentence == "Inspection dates: 3 to 14 July 2026"
    other = library.ask("When did the current director arrive, according to the last full inspection?")
    assert "was carried out" not in other.text  # a date the report gives, not the inspection's own


def test_when_did_ofsted_last_visit_is_the_newest_report_of_any_kind(library):
    for question in ("When did Ofsted last visit Rutland's children's services?", "When did inspectors last come?"):
        answer = library.ask(question)
        assert answer.text.startswith("The latest full inspection of Rutland was carried out from 3 to 14 July 2026")
        assert answer.citations[0].sentence == "Inspection dates: 3 to 14 July 2026"


def test_a_council_the_library_does_not_hold_is_refused(library):
    answer = library.ask("What were the judgements for Portsmouth in 2023?")
    assert answer.refused and "no documents about Portsmouth" in answer.text and not answer.citations
    assert not library.ask("Reading the 2023 report, how were care leavers judged?").text.startswith(
        "The documents in the library do not answer")


def test_a_name_no_document_mentions_is_refused_with_the_closest_passages(library):
    answer = library.ask("Has the council brought in the Mockingbird model for foster carers?")
    assert answer.refused and "No document in it mentions Mockingbird." in answer.text
    assert answer.closest and not answer.citations
    assert "mentions" not in library.ask("Has Rutland improved since 2019?").text  # a name the documents hold


def test_unknown_names_are_the_capitalised_words_of_the_question_the_library_lacks():
    from assistant.facts import unknown_names
    from vectorstore.bm25_index import tokenize

    vocabulary = set(tokenize("Medway foster carers Gillingham Parklands Ofsted"))
    assert unknown_names("Did Medway adopt the Mockingbird model? Ofsted asked.", vocabulary) == ("Mockingbird",)
    assert unknown_names("Mockingbird: what is it?", vocabulary) == ()  # the first word is capitalised anyway
    assert unknown_names("When did Parklands in Gillingham open?", vocabulary) == ()
    assert unknown_names("What do foster carers get?", vocabulary) == ()  # lower case words are not names
    assert unknown_names("What did the Council say?", set()) == ()  # a word of every such library
    # a name the field abbreviates ("DSG"), whose abbreviation the library holds, is known under it
    asked = "What deficit was forecast on the Dedicated Schools Grant?"
    assert unknown_names(asked, vocabulary) == ("Dedicated", "Schools", "Grant")
    assert unknown_names(asked, vocabulary | {"dsg"}) == ()


def test_a_name_of_several_words_no_passage_holds_together_is_unknown():
    """"HM Inspectorate of Probation": every word is in the library, but no passage holds them all."""
    from assistant.facts import unknown_names
    from vectorstore.bm25_index import BM25Index, tokenize

    passages = ["Ofsted inspectors visited Medway in July 2023.", "The youth offending service works with probation.",
                "The Medway Safeguarding Partnership replaced the Local Safeguarding Children Board.",
                "The corporate parenting board met in March."]
    index = BM25Index([str(i) for i in range(len(passages))], passages)
    vocabulary = set(index.idf)

    def together(words):
        return bool(index.holding(words).any())

    asked = "What rating did HM Inspectorate of Probation give Medway's youth offending service?"
    assert unknown_names(asked, vocabulary) == ()  # each word alone is known
    assert unknown_names(asked, vocabulary, together) == ("HM Inspectorate of Probation",)
    # the words of a name held by one passage under another wording; the council's, a month's and a question's
    # words are not the name's
    for known in ("When did the Medway Safeguarding Children Partnership start?",
                  "What did Medway's Corporate Parenting Board do in March?", "Did Ofsted Inspectors visit Medway?"):
        assert unknown_names(known, vocabulary, together) == (), known
    assert list(index.holding(tokenize("probation inspectors"))) == [False] * 4
    assert list(index.holding(tokenize("safeguarding board"))) == [False, False, True, False]


def test_history_rows_for_the_timeline(library):
    from assistant.history import grade_points, history

    rows = history(library.documents(), "rutland")
    assert [r["doc"] for r in rows] == ["2019.pdf", "2023.pdf", "2026.pdf"]
    assert rows[0]["overall"] == "inadequate" and rows[2]["overall"] is None
    assert rows[1]["lead_inspector"] == "Alex Example" and rows[1]["judgement_page"] == 2
    points = grade_points(rows)
    assert {p["judgement"] for p in points if p["date"].startswith("2026")} == {
        "leadership", "help and protection", "children in care", "care leavers"}  # and no overall grade
    assert {p["level"] for p in points if p["date"].startswith("2019")} == {1, 2, 3}


def test_a_home_council_is_meant_when_a_question_names_none(tmp_path, library_factory):
    folder = tmp_path / "visits"
    folder.mkdir()
    for council, finding in (("Barnet", "Supervision of social workers is regular and reflective in Barnet."),
                             ("Rutland", "Supervision is irregular here and rarely reflective.")):
        (folder / f"{council}.txt").write_text(
            f"12 March 2024\n\nFocused visit to {council} local authority children's services\n\n{finding}\n",
            encoding="utf-8")
    question = "What did inspectors say about supervision of social workers?"
    plain = library_factory()
    plain.ingest([folder])
    assert plain.search(question)[0].doc == "Barnet.txt"  # more words in common
    home = library_factory(retrieval__home_authority="Rutland")
    assert home.search(question)[0].doc == "Rutland.txt"
    assert home.search(f"{question[:-1]} in Barnet?")[0].doc == "Barnet.txt"  # a council named wins


def test_a_follow_up_asking_who_is_not_answered_with_the_rating_asked_before(library):
    history = [{"role": "user", "content": "What was Rutland rated in 2023?"},
               {"role": "assistant", "content": "Overall effectiveness good [1]"}]
    answer = library.ask("Who led it?", history=history)
    assert "overall effectiveness" not in answer.text.lower()  # left to the extractive answerer
    assert answer.refused or "Alex Example" in answer.text
    assert library.ask("And in 2019?", history=history).text.count("inadequate") >= 1  # still a rating
    about = library.ask("What did inspectors say about care leavers there?", history=history)
    assert "overall effectiveness" not in about.text.lower()  # a topic of its own, not the rating again
    assert "overall effectiveness" in library.ask("What about the one before?", history=history).text


def test_better_than_before_compares_with_the_inspection_before(library):
    history = [{"role": "user", "content": "What overall verdict did Rutland get in 2023?"},
               {"role": "assistant", "content": "Good [1]"},
               {"role": "user", "content": "Who led that inspection?"},
               {"role": "assistant", "content": "Alex Example [1]"}]
    answer = library.ask("Was that better than the inspection before?", history=history)
    assert [c.doc for c in answer.citations] == ["2019.pdf", "2023.pdf"]
    assert answer.text.index("overall effectiveness inadequate") < answer.text.index("overall effectiveness good")


def test_a_follow_up_leans_on_the_questions_it_leans_on():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "What judgement did Medway get in 2015?"},
               {"role": "user", "content": "Who led that inspection?"}]
    assert resolve("Was that better?", history) == \
        "Was that better? (Who led that inspection?) (What judgement did Medway get in 2015?)"
    standalone = [{"role": "user", "content": "What judgement did Medway get in 2015?"},
                  {"role": "user", "content": "What did the 2023 report say about care leavers?"}]
    assert resolve("Was that better?", standalone) == "Was that better? (What did the 2023 report say about care leavers?)"


def test_she_or_he_in_a_follow_up_is_the_one_person_the_answer_before_named():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "Who led the July 2023 inspection?"},
               {"role": "assistant", "content": "The lead inspector was Amanda Maxwell, His Majesty's Inspector. [1]"}]
    assert resolve("Was she on the team for the 2024 inspection?", history).startswith(
        "Was Amanda Maxwell on the team for the 2024 inspection?")
    commissioner = [{"role": "user", "content": "Who was made commissioner in 2019?"},
                    {"role": "assistant", "content": "Eleanor Brazil, appointed on 27 August 2019."}]
    assert resolve("What did she say about early help?", commissioner).startswith("What did she say")  # the source
    two = [history[0], {"role": "assistant", "content": "Amanda Maxwell led it with Emma Leavey."}]
    assert resolve("Was she there in 2024?", two).startswith("Was she there")  # which of them is not clear


def test_the_next_one_is_read_from_the_reports_after_the_month_the_conversation_was_about():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "What was Ofsted's May 2022 monitoring visit about?"},
               {"role": "assistant", "content": "Care leavers."}]
    assert resolve("When did the next one happen?", history) == \
        "When did the next one happen? (after May 2022: What was Ofsted's monitoring visit about?)"
    assert resolve("When did they come back?", history).startswith("When did they come back? (after May 2022:")
    assert not resolve("And the next one in 2023?", history).startswith("And the next one in 2023? (after")


def test_a_follow_up_asking_how_things_stand_now_keeps_the_topic_and_drops_the_time():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "What did the 2019 inspection say about care leavers?"},
               {"role": "assistant", "content": "..."}]
    assert resolve("And now?", history) == "And now? (What did Ofsted say about care leavers?)"
    assert resolve("Is it still a problem?", [{"role": "user", "content": "How big were caseloads at the July 2019 "
                                               "inspection?"}]) == "Is it still a problem? (How big were caseloads?)"
    assert resolve("Who led it?", history) == "Who led it? (What did the 2019 inspection say about care leavers?)"
    assert resolve("Was it still a concern?", history).endswith("(What did the 2019 inspection say about care leavers?)")
    update = [{"role": "user", "content": "What did the council's own update on the September 2022 monitoring visit "
                                          "say about placements?"}]
    assert resolve("Is that still the case?", update) == \
        "Is that still the case? (What did inspectors say about placements?)"  # now: whoever says, not that paper


def test_a_follow_up_some_years_later_or_earlier_asks_about_that_year(library):
    from assistant.followup import resolve

    history = [{"role": "user", "content": "How was Rutland judged at the 2019 inspection?"},
               {"role": "assistant", "content": "..."}]
    assert resolve("Had that changed by the inspection four years later?", history) == \
        "Had that changed by the inspection four years later? (in 2023: How was Rutland judged?)"
    assert resolve("And the year before?", history).startswith("And the year before? (in 2018:")
    assert "(in 2020: " in resolve("And the following year?", history)
    for question in ("And four years later?", "And in 2023?"):  # a new time for the same question: not the old one's
        answer = library.ask(question, history=history)
        assert "good" in answer.text and {c.doc for c in answer.citations} == {"2023.pdf"}, (question, answer.text)


def test_a_kind_of_visit_the_library_holds_none_of_for_the_council_is_refused_saying_so(library):
    answer = library.ask("What did the latest focused visit to Rutland find?")  # only full inspections
    assert answer.refused and "It holds no focused visit about Rutland." in answer.text and answer.closest
    assert "It holds no" not in library.ask("What did the latest inspection of Rutland find?").text
    from assistant.facts import missing_reports

    question = "What did the monitoring visit to Rutland find?"
    assert missing_reports(question, library.documents) == "monitoring visit about Rutland"
    said = ["Leaders acted quickly on the findings of the 2022 monitoring visit."]  # another report speaks of it
    assert missing_reports(question, library.documents, passages=said) == ""


def test_a_question_about_another_council_is_a_new_subject_not_a_follow_up():
    from assistant.followup import resolve

    across = [{"role": "user", "content": "Which councils were judged inadequate?"}]
    assert resolve("What did the latest focused visit to Torbay find?", across) == \
        "What did the latest focused visit to Torbay find?"
    assert resolve("And Torbay?", across) == "And Torbay? (Which councils were judged inadequate?)"
    bristol = [{"role": "user", "content": "What did Ofsted say about supervision in Bristol?"}]
    assert resolve("What did the 2024 visit to Torbay find?", bristol) == "What did the 2024 visit to Torbay find?"
    home = [{"role": "user", "content": "What did the 2019 report say about supervision?"}]  # the home council's
    assert resolve("How did Medway respond?", home) == "How did Medway respond? (What did the 2019 report say about " \
                                                         "supervision?)"


def test_the_judgement_page_a_fact_answer_cites_is_presented_first(library):
    answer = library.ask("What was Rutland rated in 2023?")
    ranked = answer.ranked()
    cited = answer.citations[0]
    assert (ranked[0].doc, ranked[0].text, ranked[0].rank) == (cited.doc, cited.text, 1)
    assert len(ranked) == len(answer.hits) + (not any(h.text == cited.text for h in answer.hits))


def test_which_councils_were_judged_a_grade_lists_each_report_with_its_page(tmp_path, library_factory):
    folder = tmp_path / "reports"
    folder.mkdir()
    inspection(folder, "2019.pdf", 2019, ["Inadequate", "Inadequate", "Requires improvement to be good", "Good"])
    inspection(folder, "2023.pdf", 2023, ["Good", "Requires improvement to be good", "Good", "Good"])
    lib = library_factory()
    lib.ingest([folder])
    answer = lib.ask("Which councils were judged inadequate?")
    assert [c.doc for c in answer.citations] == ["2019.pdf"] and "Rutland (3 to 14 July 2019) [1]" in answer.text
    assert answer.citations[0].page == 2
    assert [c.doc for c in lib.ask("Which local authorities were rated good?").citations] == ["2023.pdf"]


def test_is_the_council_still_inadequate_is_answered_with_its_latest_judgement(library):
    answer = library.ask("Is Rutland still inadequate?")  # 2019: inadequate; 2026: outstanding in every judgement
    assert "outstanding" in answer.text and "inadequate" not in answer.text and answer.citations[0].doc == "2026.pdf"


def test_a_grade_asked_of_a_service_is_no_question_about_the_councils_judgement():
    from assistant.facts import _asks_grade

    assert _asks_grade("Is Rutland still inadequate?", ("Rutland",))
    assert _asks_grade("Are children's services in Rutland now good?", ("Rutland",))
    assert _asks_grade("Is the council still judged inadequate?", ())
    assert not _asks_grade("Is supervision still good?", ())
    assert not _asks_grade("Is the quality of assessments in Rutland good?", ("Rutland",))


def test_how_does_ofsted_rate_asks_a_grade_only_of_what_ofsted_grades():
    from assistant.facts import _asks_rating

    assert _asks_rating("How does Ofsted currently rate Medway's services for care leavers?", ("Medway",))
    assert _asks_rating("How does Ofsted rate Rutland?", ("Rutland",))
    assert not _asks_rating("How did inspectors in July 2019 rate the out-of-hours social work service?", ())
    assert not _asks_rating("What was the vacancy rate for social workers?", ())
    assert not _asks_rating("What was the vacancy rate around the time of the 2019 inadequate judgement?", ())
    assert not _asks_rating("What was Medway's rate of children in care, and how did it compare with the national rate?",
                            ("Medway",))


def test_a_follow_up_asking_whether_it_improved_since_reads_the_reports_after_the_earlier_one():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "What did the 2019 inspection say about care leavers?"},
               {"role": "assistant", "content": "..."}]
    assert resolve("Has that got any better since?", history) == \
        "Has that got any better since? (since 2020: What did Ofsted say about care leavers?)"
    assert resolve("Has it improved?", history) == "Has it improved? (since 2020: What did Ofsted say about care leavers?)"
    # a comparison with what came before, or a year of its own, is no "since"
    assert resolve("Was that better than the inspection before?", history).endswith("(What did the 2019 inspection "
                                                                                     "say about care leavers?)")
    assert "since 2020" not in resolve("Has it improved since 2023?", history)


def test_a_since_follow_up_cites_only_the_later_reports(tmp_path, library_factory):
    folder = tmp_path / "letters"
    folder.mkdir()
    for year, finding in ((2019, "Supervision of social workers is infrequent and does not help them plan."),
                          (2022, "Since the last visit, supervision of social workers has got better and helps them plan."),
                          (2025, "Since the last visit, supervision of social workers has got better still.")):
        (folder / f"visit {year}.txt").write_text(
            f"12 March {year}\n\nFocused visit to Testshire local authority children's services\n\n{finding}\n",
            encoding="utf-8")
    library = library_factory()
    library.ingest([folder])
    history = [{"role": "user", "content": "What did the 2019 focused visit say about supervision of social workers?"},
               {"role": "assistant", "content": "..."}]
    answer = library.ask("Has that got any better since?", history=history)
    assert answer.citations and not answer.refused
    assert {c.doc for c in answer.citations} <= {"visit 2022.txt", "visit 2025.txt"}
    assert "visit 2019.txt" in {c.doc for c in library.ask("Was that better?", history=history).citations}


def test_a_follow_up_with_a_topic_of_its_own_carries_the_report_not_the_earlier_topic():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "How was help and protection graded at the 2023 inspection?"},
               {"role": "assistant", "content": "..."},
               {"role": "user", "content": "Which children were getting the weakest service in that area?"}]
    assert resolve("And what did they say about supervision?", history) == \
        "And what did they say about supervision? (the 2023 inspection)"
    # after a question about a person, "she" is that person: the whole question carries
    person = [{"role": "user", "content": "Who was made children's services commissioner for Medway in 2019?"}]
    assert resolve("What did she say about early help?", person) == \
        "What did she say about early help? (Who was made children's services commissioner for Medway in 2019?)"


def test_a_grade_asked_of_a_council_with_no_graded_report_is_refused_saying_why(tmp_path, library_factory):
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "visit.txt").write_text(
        "12 January 2026\n\nFocused visit to Rutland local authority children's services\n\n"
        "Inspectors found that supervision of social workers is regular and reflective.\n", encoding="utf-8")
    library = library_factory()
    library.ingest([folder])
    for question in ("What grade did Rutland get?", "Is Rutland still inadequate?"):
        answer = library.ask(question)
        assert answer.refused and "None of its documents about Rutland states a grade (focused visit of 12 January " \
                                  "2026)" in answer.text and answer.closest, question
    assert not library.ask("What did Ofsted say about supervision in Rutland?").refused


def test_what_about_a_new_topic_keeps_the_earlier_question_but_not_its_topic():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "What did Ofsted say about care leavers in 2023?"}]
    assert resolve("And what about supervision?", history) == "And what about supervision? (What did Ofsted say in 2023?)"
    graded = [{"role": "user", "content": "How did the 2015 inspection grade services for children in care?"}]
    assert resolve("What about care leavers?", graded) == \
        "What about care leavers? (How did the 2015 inspection grade services for children in care?)"


def test_a_follow_up_naming_its_own_report_drops_the_earlier_time():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "What did the 2019 inspection find?"},
               {"role": "user", "content": "Has it improved since?"}]
    assert "2019" not in resolve("Who led the latest inspection?", history)


def test_the_findings_of_a_visit_in_a_month_the_library_holds_no_report_of_are_refused_saying_so():
    from assistant.facts import missing_month
    from ingest import DocumentInfo

    visit = DocumentInfo("1", "sept.pdf", "Monitoring visit", "monitoring visit", "Rutland", "2022-10-26",
                         ("2022-09-13", "2022-09-14"))
    paper = DocumentInfo("2", "paper.txt", "Committee report", "scrutiny committee report", "Rutland", "2022-07-28")
    held = [visit, paper]
    assert missing_month("What did the January 2022 monitoring visit to Rutland find?", lambda: held) == (
        "It holds no report of a monitoring visit to Rutland in January 2022; its monitoring visit reports are of "
        "September 2022.")
    assert missing_month("What did the September 2022 monitoring visit to Rutland find?", lambda: held) == ""
    # the council's paper of July 2022 may report on the May visit; a question that asks no findings is not refused
    assert missing_month("What did the May 2022 monitoring visit to Rutland find?", lambda: held) == ""
    assert missing_month("How many monitoring visits to Rutland had there been by January 2022?", lambda: held) == ""
    # another document's account of the visit is what is asked for
    assert missing_month("According to the commissioner's report, what did the January 2022 monitoring visit to "
                         "Rutland find?", lambda: held) == ""


def test_the_askers_introduction_is_no_part_of_the_question_unless_it_names_the_topic():
    from assistant.followup import without_introduction

    assert without_introduction("I'm preparing questions for scrutiny. What did the 2021 visit say about "
                                "early help?") == "What did the 2021 visit say about early help?"
    assert without_introduction("I'm new in post. As a councillor, who chairs it?") == "who chairs it?"
    topic = "As a new manager I keep hearing about the case recording system. What system was used in 2019?"
    assert without_introduction(topic) == topic
    assert without_introduction(topic, whatever_they_say=True) == "What system was used in 2019?"
    assert without_introduction("I'm new in post.") == "I'm new in post."  # nothing else to ask
    assert without_introduction("Tell me who led the 2023 inspection.") == "Who led the 2023 inspection."
    assert without_introduction("Can you tell me what the 2023 report said?") == "What the 2023 report said?"
    assert without_introduction("Tell me about care leavers.") == "Tell me about care leavers."  # no question in it


def test_a_grade_question_about_another_inspectorate_or_body_is_not_answered_with_ofsteds_grade(library):
    graded = library.ask("What grade did Ofsted give Rutland in 2023?")
    assert "judged rutland's overall effectiveness" in graded.text.lower()
    answer = library.ask("What rating did HM Inspectorate of Probation give Rutland's youth justice service?")
    assert answer.refused and "HM Inspectorate of Probation" in answer.text
    # a grade given to something else, or a share of things graded, is not the council's grade
    for asked in ("What grade did Ofsted give the regional adoption agency Rutland belongs to, in 2023?",
                  "What percentage of Rutland's case audits were graded good in 2023?"):
        assert "judged rutland's overall effectiveness" not in library.ask(asked).text.lower(), asked


def test_a_follow_up_later_that_year_asks_about_the_same_year():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "What did the February 2019 focused visit say about the front door?"},
               {"role": "assistant", "content": "..."}]
    assert resolve("Did that hold up when the full inspection came that summer?", history) == \
        ("Did that hold up when the full inspection came that summer? (in summer 2019: What did Ofsted say about the "
         "front door?)")
    assert "(in 2019: " in resolve("And later that year?", history)


def test_an_abbreviation_no_passage_holds_is_a_name_the_library_has_not_heard():
    from assistant.facts import unknown_names
    from vectorstore.bm25_index import tokenize

    vocabulary = set(tokenize("social workers write case notes using tools EHC plans information technology"))
    assert unknown_names("Are Medway's social workers using AI transcription tools?", vocabulary) == ("AI",)
    assert unknown_names("How many children have EHCPs?", vocabulary) == ()  # the field's own, in other words
    assert unknown_names("Did IT systems help social workers?", vocabulary) == ()

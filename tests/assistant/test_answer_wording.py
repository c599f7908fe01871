"""How questions word what they ask, and how reports word the answer: the same thing in other words."""
from __future__ import annotations

from dataclasses import replace

from assistant.answer import compose
from vectorstore.retrieval import Hit
from tests.assistant.test_answer import EMBED, WORDS_ONLY, hit

LOW = replace(WORDS_ONLY, min_score=0.2)


def test_a_when_question_after_a_colon_asks_when():
    hits = [hit(1, "This letter summarises the findings of the focused visit to Medway local authority children's "
                   "services on 25 and 26 November 2025. Leaders have strengthened the response to children who go "
                   "missing.", date="2026-01-12")]
    question = "The focused visit letter dated 12 January 2026: on what days were inspectors actually visiting?"
    answer = compose(question, hits, EMBED, settings=LOW)
    assert "25 and 26 November 2025" in answer.text, answer.text


def test_which_hmis_asks_who_inspected():
    hits = [hit(1, "Inspectors looked at the local authority's arrangements for children at the front door. The "
                   "inspectors were Maire Atherton, Her Majesty's Inspector, and Dominic Stevens, Her Majesty's "
                   "Inspector.", date="2019-02-28")]
    answer = compose("Which HMIs carried out the February 2019 focused visit looking at the front door?", hits, EMBED,
                     settings=LOW)
    assert answer.text.startswith("The inspectors were Maire Atherton"), answer.text


def test_who_was_lined_up_to_chair_it_is_answered_by_someone_agreeing_to_chair_it():
    hits = [hit(1, "The board was changed to a monthly multi-agency Improvement Board with an independent chair. "
                   "The DCS in Oxfordshire has agreed to be the independent chair.", doc="paper.txt",
                date="2019-12-01")]
    answer = compose("Who was lined up to chair the Improvement Board?", hits, EMBED, settings=LOW)
    assert answer.text.startswith("The DCS in Oxfordshire has agreed"), answer.text


def test_children_inspectors_escalated_are_those_brought_to_leaders_attention():
    hits = [hit(1, "Inspectors spoke to 12 social workers at the front door. Inspectors brought to the "
                   "attention of the local authority 74 children from 43 families who were at risk of significant "
                   "harm.", date="2019-08-27")]
    answer = compose("How many children did inspectors have to escalate to senior managers?", hits, EMBED,
                     settings=LOW)
    assert answer.text.startswith("Inspectors brought to the attention of the local authority 74"), answer.text


def test_a_judgement_a_figure_question_dates_itself_by_is_not_what_it_counts():
    hits = [hit(1, "Ofsted have now carried out four monitoring visits in May 2020, July 2021 and January 2022.",
                doc="paper.txt", date="2022-07-28")]
    answer = compose("How many monitoring visits had Ofsted made after the 2019 inadequate judgement?", hits, EMBED,
                     settings=replace(WORDS_ONLY, min_score=0.0))
    assert answer.text.startswith("Ofsted have now carried out four monitoring visits"), answer.text


def test_praise_before_a_noun_is_not_a_grade():
    hits = [hit(1, "This is a good move but has taken a long time, with the centre still not yet open.",
                doc="paper.txt", date="2019-12-01")]
    assert compose("What grade did Ofsted give the short breaks centre once it opened?", hits, EMBED,
                   settings=LOW).refused
    graded = [hit(1, "The short breaks centre was judged good when Ofsted inspected it in 2022.", date="2022-06-01")]
    assert not compose("What grade did Ofsted give the short breaks centre?", graded, EMBED, settings=LOW).refused


def test_when_inspectors_were_on_site_is_the_inspections_dates():
    hits = [hit(1, "Services have substantially improved since the inspection in 2019, when they were judged "
                   "inadequate. Inspection dates: 17 to 28 July 2023", date="2023-09-11")]
    answer = compose("When exactly were inspectors on site for that inspection?", hits, EMBED, settings=LOW)
    assert answer.text.startswith("Inspection dates: 17 to 28 July 2023"), answer.text


def test_a_follow_up_about_what_it_said_keeps_the_most_recent_report_the_question_before_asked_about():
    from assistant.followup import resolve

    history = [{"role": "user", "content": "When did Ofsted most recently look at services for children in care?"},
               {"role": "assistant", "content": "At a focused visit in November 2025."}]
    assert resolve("What did it say about children going missing?", history).endswith("most recently)")


def test_what_to_improve_is_read_from_that_section_below_the_first_passages():
    hits = [hit(n, f"Services for children have improved since {2010 + n}, and children in care receive good "
                   "support.", heading="Summary") for n in range(1, 6)]
    hits.append(hit(6, "◼ The quality and consistency of management oversight.", heading="What needs to improve?"))
    question = "Even though it was graded good overall, what improvement points did Ofsted list?"
    answer = compose(question, hits, EMBED, settings=LOW)
    assert "management oversight" in answer.text, answer.text
    when = compose("When did services improve?", hits, EMBED, settings=LOW)  # not a list: the first passages
    assert "management oversight" not in when.text, when.text


def test_a_grade_named_as_a_concession_is_not_asked_for():
    from vectorstore.query_scope import RATING_AS_CONTEXT

    assert RATING_AS_CONTEXT.search("Even though 2023 was graded good overall, what did Ofsted say to improve?")
    assert not RATING_AS_CONTEXT.search("How was Medway graded in 2023?")
    assert RATING_AS_CONTEXT.search("Even with a good overall grade in 2023, what did inspectors say to improve?")


def test_a_follow_up_naming_no_topic_is_answered_on_the_topic_it_leans_on():
    hits = [hit(n, f"Ofsted have now carried out {n + 2} monitoring visits, the last in May 2022.", doc="paper.txt",
                date="2022-07-28") for n in range(1, 6)]
    hits.append(hit(6, "Care leavers are now receiving their health histories after the May 2022 monitoring visit.",
                    doc="paper.txt", date="2022-07-28"))
    question = "Had that changed by the May 2022 monitoring visit?"
    query = f"{question} (Did Ofsted find that care leavers were being given their health histories?)"
    answer = compose(question, hits, EMBED, settings=LOW, query=query)
    assert answer.text.startswith("Care leavers are now receiving their health histories"), answer.text


REPORTS = (("2013.pdf", "2013-08-23"), ("2015.pdf", "2015-11-27"), ("2019.pdf", "2019-08-27"))


def _cited_reports(question: str, sentences: list[str]) -> tuple[set[str], str]:
    """The reports an answer cites when the 2013, 2015 and 2019 inspections each hold one of `sentences`."""
    hits = [hit(n, text, doc=doc, date=date) for n, (text, (doc, date)) in enumerate(zip(sentences, REPORTS), 1)]
    answer = compose(question, hits, EMBED, settings=replace(WORDS_ONLY, min_score=0.0, now_ratio=0.0))
    return {c.doc for c in answer.citations}, answer.text


def test_a_history_leaves_out_a_report_whose_sentence_names_nothing_of_the_topic():
    cited, text = _cited_reports(
        "How did social worker caseloads compare across the 2013, 2015 and 2019 inspections?",
        ["Caseloads in the assessment team are unacceptably high at around 40.",
         "This is a significant improvement compared with 60% in 2014-15.",
         "Social workers have more manageable caseloads."])
    assert cited == {"2013.pdf", "2019.pdf"}, text


def test_another_passage_joins_an_answer_only_with_a_sentence_on_its_topic():
    hits = [hit(1, "Supervision of social workers is regular and reflective.", date="2019-08-27"),
            hit(2, "Inspectors said in 2019 that leaders know their services well.", doc="b.pdf", date="2019-08-27")]
    question = "What did inspectors say about supervision in 2019?"
    answer = compose(question, hits, EMBED, settings=replace(WORDS_ONLY, min_score=0.0, keep_ratio=0.0))
    assert [c.doc for c in answer.citations] == ["a.pdf"], answer.text


def test_words_the_best_sentence_names_none_of_do_not_keep_other_passages_out():
    hits = [hit(1, "◼ The quality of plans for children in need improve in 2019.", date="2019-08-27"),
            hit(2, "◼ The quality of management oversight improve in 2019.", doc="b.pdf", date="2019-08-27")]
    question = "What were some of the areas the 2019 inspection said must improve?"  # "areas", "must": its frame
    answer = compose(question, hits, EMBED, settings=replace(WORDS_ONLY, min_score=0.0, keep_ratio=0.0))
    assert {c.doc for c in answer.citations} == {"a.pdf", "b.pdf"}, answer.text


def test_who_agreed_to_act_as_chair_is_answered_by_the_one_who_agreed_not_the_board_s_recommendations():
    hits = [hit(1, "The Chair of the Improvement Board must report progress on a regular basis to the DfE.",
                doc="paper.txt", date="2019-12-01", heading="19. Recommendations"),
            hit(2, "It met for the first time in October. The DCS in Oxfordshire has agreed to be the independent "
                   "chair.", doc="paper.txt", date="2019-12-01", heading="10. The Council's response")]
    question = "Who agreed to act as independent chair of the improvement board set up after the 2019 inspection?"
    answer = compose(question, hits, EMBED, settings=LOW)
    assert answer.text.startswith("The DCS in Oxfordshire has agreed"), answer.text


def test_a_body_named_for_improving_is_not_a_request_for_what_must_improve():
    from vectorstore.query_scope import expand, sections_asked

    assert not sections_asked("Who chaired the improvement board?")
    assert "recommendations" not in expand("Who chaired the improvement board?")
    assert sections_asked("What did the 2019 inspection say must improve?")
    assert sections_asked("What did the inspectors say should be done about it?")


def test_positions_are_posts_and_timeliness_is_being_on_time():
    from assistant.forms import terms_of
    from vectorstore.bm25_index import tokenize

    assert set(tokenize("permanent posts")) <= set(terms_of("75% of staff were in permanent positions."))
    assert set(tokenize("on time")) <= set(terms_of("The timeliness of initial health assessments is poor."))


def test_the_send_inspection_names_a_report_not_a_topic():
    from assistant.answer import _topic_of

    assert "send" not in _topic_of("What did the 2024 SEND inspection say about the local offer?", "")
    assert "send" in _topic_of("What support do children with SEND get?", "")


def test_a_follow_up_with_no_topic_of_its_own_prefers_sentences_on_the_topic_it_leans_on():
    hits = [hit(1, "In the 2021 visit, workers said they felt better supported by their managers.",
                date="2021-07-08"),
            hit(2, "Caseloads were manageable for most workers in 2021.", date="2021-07-08")]
    question = "Was it any better by the 2021 visit?"
    query = f"{question} (What did the 2019 inspection say about caseloads?)"
    answer = compose(question, hits, EMBED, settings=LOW, query=query)
    assert answer.text.startswith("Caseloads were manageable"), answer.text


def test_what_weekly_allowance_asks_for_a_sum_of_money():
    hits = [hit(1, "Foster carers have welcomed the amendment to the fee structure system in 2023.")]
    answer = compose("What weekly allowance does Medway pay its foster carers?", hits, EMBED, settings=LOW)
    assert answer.refused, answer.text


def test_between_two_inspections_leaves_out_the_inspection_between_them():
    cited, text = _cited_reports(
        "How did caseloads in the assessment teams compare between the 2013 and 2019 inspections?",
        ["Caseloads in the assessment team are unacceptably high at around 40.",
         "Caseloads in the long-term team have reduced to an average of 18.",
         "Caseloads in the assessment teams are high."])
    assert cited == {"2013.pdf", "2019.pdf"}, text


def test_what_inspectors_thought_of_something_is_answered_on_it_not_on_thinking():
    hits = [hit(1, "Leaders think carefully about the placements children need.", date="2024-04-02"),
            hit(2, "The local offer continues to be weak and most parents do not know how to find it.",
                date="2024-04-02")]
    answer = compose("What did the inspectors think of the local offer?", hits, EMBED, settings=LOW)
    assert answer.text.startswith("The local offer continues to be weak"), answer.text


def test_how_many_inspectors_is_answered_by_the_sentence_naming_them():
    hits = [hit(1, "The visit was carried out remotely in May 2021. Her Majesty's Inspectors were Amanda Maxwell, "
                   "Maire Atherton and Janet Pearce.", date="2021-07-08")]
    answer = compose("How many inspectors took part in the July 2021 focused visit?", hits, EMBED, settings=LOW)
    assert answer.text.startswith("Her Majesty's Inspectors were Amanda Maxwell"), answer.text


def test_a_part_answered_by_a_figure_naming_it_through_the_sentence_before_is_answered():
    hits = [hit(1, "One barrier to consistent practice is the high number of agency first line managers. This rose "
                   "from 14 out of 24 in April 2014 to 17 out of 26 in June 2015.", date="2015-11-27")]
    question = "In 2015, how many of the first line managers were agency staff, and was that getting worse?"
    # (the whole question, read as one, holds "getting worse" too, which the weights make most of it: too little)
    answer = compose(question, hits, EMBED, {"get": 10.0, "wors": 10.0}, settings=WORDS_ONLY)
    assert "17 out of 26" in answer.text and not answer.refused, answer.text


def test_taking_up_a_job_is_answered_by_being_in_post_since():
    hits = [hit(1, "The Director of Children's Services (DCS) has been in post since September 2012.",
                date="2015-11-27")]
    answer = compose("When did the director who led Medway through the 2015 inspection take up the job?", hits, EMBED,
                     settings=LOW)
    assert answer.text.startswith("The Director of Children's Services (DCS) has been in post"), answer.text


def test_a_when_question_after_a_sentence_of_context_asks_of_no_year_the_context_names():
    hits = [hit(1, "The grow your own scheme for team managers is due to be launched early in 2016.",
                date="2015-11-27")]
    question = "In 2015 Medway was developing a scheme to grow its own team managers. When was it due to start?"
    answer = compose(question, hits, EMBED, settings=LOW)
    assert "early in 2016" in answer.text, answer.text


def _first_answer(question: str, *sentences: str) -> str:
    """The answer's text when each of `sentences` is one passage of one report, in that order."""
    return compose(question, [hit(n, text) for n, text in enumerate(sentences, 1)], EMBED, settings=LOW).text


def test_think_in_a_name_is_a_word_of_the_topic():
    text = _first_answer("How did inspectors describe the 'Think Family' approach?",
                         "The local authority's approach to family safeguarding is strong.",
                         "The local authority's approach to 'Think Family' is mature and well developed.")
    assert text.startswith("The local authority's approach to 'Think Family'"), text


def test_physically_there_asks_whether_a_visit_was_remote():
    hits = [hit(1, "Leaders have strengthened the quality of plans for children in Medway.", date="2021-07-08"),
            hit(2, "This visit was carried out fully by remote means.", date="2021-07-08")]
    answer = compose("Were inspectors physically in Medway for the 2021 focused visit?", hits, EMBED,
                     settings=LOW)
    assert answer.text.startswith("This visit was carried out fully by remote means"), answer.text


def test_when_inspectors_were_on_a_visit_described_by_its_publication_asks_for_the_visits_dates():
    from assistant.answer import _event

    question = ("When exactly were inspectors on the focused visit about children in care that was published in "
                "January 2026?")  # the visit's dates (its letter's opening), not when it was published
    assert _event(question) == {"date", "visit"}
    assert _event("When was the report of the 2019 inspection published?") == {"publish"}


def test_who_is_helping_is_answered_by_the_help_a_named_service_provides():
    hits = [hit(1, "Increasing numbers of care leavers benefit from the help and support provided by 'navigators'.")]
    answer = compose("So who is helping care leavers get support in the meantime?", hits, EMBED, settings=LOW)
    assert "Increasing numbers of care leavers benefit" in answer.text, answer.text


def test_children_referred_back_to_the_council_are_those_brought_to_its_attention():
    hits = [hit(1, "Inspectors brought to the attention of the local authority 74 children from 43 families, who were "
                   "at risk of significant harm.", date="2019-08-27")]
    answer = compose("How many children did her team refer back to the council because they were at risk?", hits,
                     EMBED, settings=LOW)
    assert "74 children" in answer.text, answer.text


def test_extra_funding_is_additional_funding():
    hits = [hit(1, "£7.6m of additional funding was made available to the service in 2020-21.", doc="paper.txt",
                date="2022-07-19")]
    answer = compose("How much extra funding did the council give children's services in 2020-21?", hits, EMBED,
                     settings=LOW)
    assert "£7.6m" in answer.text, answer.text
    money = compose("How much extra money was put into children's services in 2020-21?", hits, EMBED,
                    {"money": 5.0, "fund": 3.0, "addit": 2.0}, settings=LOW)  # (money is rarer than funding)
    assert "£7.6m" in money.text, money.text


def test_families_awaiting_an_assessment_are_waiting_for_it():
    hits = [hit(1, "Support for families is set out in the local offer and its assessment guide.", date="2024-04-02"),
            hit(2, "A programme supports families awaiting assessment, but few families know about it.",
                date="2024-04-02")]
    answer = compose("What support is there for families while they wait for an assessment?", hits, EMBED,
                     {"wait": 4.0, "famili": 1.0, "support": 1.0, "assess": 1.0}, settings=LOW)
    assert "A programme supports families awaiting" in answer.text and "local offer" not in answer.text, answer.text


def test_a_sentence_promising_areas_is_answered_with_the_paragraph_naming_them():
    promise = "The report sets out several areas where we must concentrate our improvement efforts."
    hits = [hit(1, f"We were pleased by the visit.\n{promise}", doc="news.txt", date="2022-10-26"),
            hit(2, f"{promise}\nInspectors identified challenges around placement sufficiency. Transition planning "
                   "must be stronger.\nThe next visit will be in 2023.", doc="news.txt", date="2022-10-26")]
    answer = compose("Which areas did the council say it must concentrate on?", hits, EMBED, settings=LOW)
    assert answer.citations[0].text == hits[1].text, answer.text  # (not the passage ending with the promise)
    assert "placement sufficiency" in answer.text and "Transition planning" in answer.text, answer.text
    assert "next visit" not in answer.text, answer.text


def test_ofsteds_view_of_a_service_is_whose_view_not_what_is_asked_about():
    hits = [hit(1, "Young people's views of the board are that it is slow to change things.", date="2019-08-27"),
            hit(2, "Disabled children receive an effective service from the disability team.", date="2019-08-27")]
    answer = compose("What was Ofsted's view of services for disabled children?", hits, EMBED,
                     {"view": 3.0, "disabl": 2.0, "chang": 2.0}, settings=LOW)
    assert answer.text.startswith("Disabled children receive"), answer.text


def test_what_a_named_report_said_is_answered_from_it_before_a_council_paper_about_it():
    paper = Hit("id1", "Pathway plans are up to date and written with young people's input since the 2019 "
                       "inspection.", {"doc": "paper.txt", "title": "Paper", "date": "2022-07-19", "year": 2022,
                                    "page": 1, "heading": "", "kind": "scrutiny committee report"}, rank=1)
    hits = [paper, hit(2, "Pathway planning takes place too late.", doc="insp.pdf", date="2019-08-27")]
    answer = compose("What did the 2019 inspection say about pathway planning?", hits, EMBED,
                     settings=replace(LOW, keep_ratio=0.1), named=("insp.pdf",), named_year=2019)
    assert [c.doc for c in answer.citations] == ["insp.pdf"], answer.text


def test_a_clause_giving_the_context_of_a_question_is_not_what_it_asks_about():
    hits = [hit(1, "The pandemic has delayed some aspects of the improvement plan.", date="2021-07-08"),
            hit(2, "This visit was carried out fully by remote means.", date="2021-07-08")]
    answer = compose("How was the visit carried out, given the pandemic?", hits, EMBED,
                     {"pandem": 4.0, "carri": 1.0}, settings=replace(LOW, scope_weight=0.1))
    assert answer.text.startswith("This visit was carried out"), answer.text


def test_the_preface_of_the_2020_21_letters_answers_nothing():
    preface = ("Her Majesty's Chief Inspector is leading Ofsted's work into how England's social care system has "
               "delivered child-centred practice during the COVID-19 pandemic.")
    text = _first_answer("How did Ofsted carry out the visit during COVID?", preface,
                         "This visit was carried out fully by remote means.")
    assert text.startswith("This visit was carried out"), text


def test_when_something_was_expected_is_answered_by_a_sentence_naming_it():
    text = _first_answer("When did the council expect Ofsted's full re-inspection?",
                         "A full re-run of the monitoring visit is expected by the council in autumn 2022.",
                         "A re-inspection by Ofsted is planned for spring 2023.")
    assert text.startswith("A re-inspection"), text


def test_what_takes_the_place_of_something_replaces_it():
    hits = [hit(1, "The trust board met in March to agree its new terms of reference.", date="2013-08-23"),
            hit(2, "In September 2013 a new partnership, Medway CAN, will take its place.", date="2013-08-23")]
    answer = compose("When was the trust replaced?", hits, EMBED, {"trust": 1.0, "replac": 3.0}, settings=LOW)
    assert answer.text.startswith("In September 2013"), answer.text


def test_what_has_come_down_has_reduced():
    hits = [hit(1, "Staff turnover was high in the assessment team, where workers came and went.", date="2026-01-12"),
            hit(2, "Staff turnover has reduced and more staff are permanent.", date="2026-01-12")]
    answer = compose("Has staff turnover come down?", hits, EMBED, {"reduc": 3.0, "come": 1.0}, settings=LOW)
    assert "turnover has reduced" in answer.text and "came and went" not in answer.text, answer.text


def test_the_list_of_what_inspectors_looked_at_is_no_finding():
    letter = ("Inspectors reviewed the progress made for disabled children, with a focus on:\n"
              "- Disabled children in care transitioning to adult services.\n"
              "- Disabled children receiving a short-break service.")
    text = _first_answer("How well were disabled children in care transitioning to adult services?", letter,
                         "The experiences of older disabled children moving to adult services are variable.")
    assert text.startswith("The experiences of older disabled children"), text


def test_an_abbreviation_of_the_field_is_read_as_its_words():
    hits = [hit(1, "Budget monitoring projects a cumulative deficit of £10.3 million on the DSG High Needs reserve.",
                doc="paper.txt", date="2019-12-01"),
            hit(2, "A forecast of the grant for schools was published in March.", doc="paper.txt", date="2019-12-01")]
    answer = compose("What deficit was forecast on the high needs part of the dedicated schools grant?", hits, EMBED,
                     {"dedic": 5.0, "school": 1.0, "grant": 5.0, "deficit": 3.0, "forecast": 5.0, "high": 1.0,
                      "need": 1.0}, settings=LOW)
    assert answer.text.startswith("Budget monitoring projects"), answer.text


def test_an_abbreviation_is_read_as_itself_and_as_the_words_it_stands_for():
    from vectorstore.abbreviations import spelled

    hits = [hit(1, "The multi-agency safeguarding hub (MASH) opened in 2018.", date="2019-02-28"),
            hit(2, "The full-time deployment of a police sergeant in the MASH has been positive.", date="2019-02-28")]
    answer = compose("What did Ofsted say about a police officer based in the MASH?", hits, EMBED, settings=LOW)
    assert answer.text.startswith("The full-time deployment of a police sergeant"), answer.text
    answer = compose("What did Ofsted say about a police officer in the multi-agency safeguarding hub?", hits, EMBED,
                     settings=LOW)
    assert "a police sergeant in the MASH" in answer.text, answer.text
    short = {"MASH": "multi-agency safeguarding hub"}
    assert spelled("a sergeant in the MASH", short, keep=True) == "a sergeant in the MASH multi-agency safeguarding hub"
    assert spelled("a sergeant in the MASH", short) == "a sergeant in the multi-agency safeguarding hub"


def test_how_managers_explained_something_asks_why():
    hits = [hit(1, "The high number of children on child protection plans was noted by managers.", date="2015-11-27"),
            hit(2, "The high number of children on child protection plans was a result of poor assessments, managers "
                   "said.", date="2015-11-27")]
    answer = compose("In 2015, how did managers explain the high number of children on child protection plans?", hits,
                     EMBED, settings=LOW)
    assert answer.text.startswith("The high number of children on child protection plans was a result"), answer.text
    assert "noted" not in answer.text, answer.text


def test_what_caseload_figures_asks_for_a_figure():
    hits = [hit(1, "Caseloads are high and social workers are routinely allocated additional work.",
                date="2019-08-27"),
            hit(2, "In the assessment team, caseloads are unacceptably high at around 40.", date="2019-08-27")]
    answer = compose("What caseload figures did Ofsted report for social workers in 2019?", hits, EMBED, settings=LOW)
    assert answer.text.startswith("In the assessment team, caseloads are unacceptably high at around 40"), answer.text


def test_which_organisations_are_accountable_is_answered_by_the_bodies_responsible():
    hits = [hit(1, "The commissioning team should develop systems so that financial accountability for SEND services "
                   "is correctly apportioned.", doc="commissioner.txt", date="2019-12-01"),
            hit(2, "Medway Council and the Kent and Medway Integrated Care Board (ICB) are responsible for "
                   "commissioning and planning the services for children with SEND.", date="2024-04-02")]
    answer = compose("Which organisations are accountable for commissioning services for children with SEND?", hits,
                     EMBED, settings=LOW)
    assert answer.text.startswith("Medway Council and the Kent and Medway"), answer.text
    assert len(answer.citations) == 1, answer.text


def test_a_count_of_an_earlier_month_does_not_answer_a_question_about_a_later_one():
    hits = [hit(1, "A postal survey was carried out in August 2012 of 111 looked after children.", date="2013-08-23"),
            hit(2, "At the time of the inspection there were 400 looked after children.", date="2013-08-23")]
    answer = compose("How many looked after children did Medway have when Ofsted inspected in August 2013?", hits,
                     EMBED, settings=LOW)
    assert answer.text.startswith("At the time of the inspection there were 400"), answer.text
    hits = [hit(1, "The budget projects a deficit of £10.3 million by 31 March 2020.", date="2019-12-01")]
    answer = compose("How big a deficit was the budget heading for, according to the December 2019 report?", hits,
                     EMBED, settings=LOW)  # (a later month: what the report expected)
    assert "£10.3 million" in answer.text, answer.text


def test_more_sentences_are_read_by_the_model_when_more_passages_are_read():
    from assistant.answer import AnswerSettings, _score, split_units

    seen: list[int] = []

    def embed(texts):
        seen.append(len(texts) - 1)  # (the question is one of them)
        return EMBED(texts)

    hits = [hit(n, f"Sentence {n} about caseloads. Another sentence {n} about caseloads.") for n in range(1, 11)]
    s = AnswerSettings(embed_units=4, passages=5)
    for read in (hits[:5], hits):
        _score("What about caseloads?", [u for i, h in enumerate(read) for u in split_units(i, h.text)], read, embed,
               {}, s)
    assert seen == [4, 6]


def test_someone_based_somewhere_is_a_deployment_there():
    hits = [hit(1, "Contacts and referrals sent by the police to the MASH are timely.", date="2019-02-28"),
            hit(2, "The full-time deployment of a police sergeant in the MASH has been positive.", date="2019-02-28")]
    answer = compose("Did the police have anyone based in the MASH?", hits, EMBED, settings=LOW)
    assert answer.text.startswith("The full-time deployment of a police sergeant"), answer.text


def test_long_term_is_one_word_not_long():
    text = _first_answer("Were children waiting long to be matched?",
                         "Children waiting are adopted or are long-term matched with foster carers.",
                         "Children do not wait long to be matched.")
    assert text.startswith("Children do not wait long to be matched"), text


def test_first_visits_are_initial_visits():
    text = _first_answer("Were first visits delayed?", "First visits to families were sometimes late.",
                         "Some initial visits to children are delayed.")
    assert text.startswith("Some initial visits to children are delayed"), text


def test_between_two_inspections_is_what_the_inspections_said():
    hits = [hit(1, "Caseloads in the assessment team are unacceptably high at around 40.", doc="2013.pdf",
                date="2013-08-23"),
            hit(2, "Caseloads in the assessment teams are high.", doc="2019.pdf", date="2019-08-27"),
            Hit("id3", "In her view caseloads in the assessment service were too high.",
                {"doc": "commissioner.txt", "title": "Commissioner's report", "date": "2019-12-01", "year": 2019,
                 "page": 1, "heading": "", "kind": "commissioner report"}, rank=3)]
    question = "How did caseloads in the assessment teams compare between the 2013 and 2019 inspections?"
    answer = compose(question, hits, EMBED, settings=replace(WORDS_ONLY, min_score=0.0, now_ratio=0.0))
    assert {c.doc for c in answer.citations} == {"2013.pdf", "2019.pdf"}, answer.text


def test_children_in_care_are_whom_a_history_is_about_not_its_topic():
    cited, text = _cited_reports(
        "How did children in care do at GCSE across the 2013 and 2015 inspections?",
        ["The GCSE results of looked after children were particularly low.",
         "The participation of looked after children in their reviews has improved.",
         "Leaders know their services well."])
    assert cited == {"2013.pdf"}, text


def test_ofsteds_reports_are_what_ofsted_wrote_and_raised_is_how_a_question_asks():
    from assistant.answer import _topic

    hits = [hit(1, "Too many children looked after do not see a dentist often enough.", date="2023-09-11"),
            Hit("id2", "Dentist appointments for children in care are a concern, the council says.",
                {"doc": "commissioner.txt", "title": "Commissioner's report", "date": "2019-12-01", "year": 2019,
                 "page": 1, "heading": "", "kind": "commissioner report"}, rank=2)]
    answer = compose("What have Ofsted's reports said about dentist appointments for children in care?", hits, EMBED,
                     settings=LOW)
    assert {c.doc for c in answer.citations} == {"a.pdf"}, answer.text
    question = "Has access to dentists been raised as a problem?"
    assert _topic(question, question) == {"access", "dentist"}

"""Question forms the answer rules must read: a visit named by what it was, "how long" without a figure, a
clause before "who", "the focus of"."""
from __future__ import annotations

from dataclasses import replace

from assistant.answer import compose
from assistant.followup import resolve
from tests.assistant.test_answer import EMBED, WORDS_ONLY, hit

LOW = replace(WORDS_ONLY, min_score=0.2)
OPENING_2021 = ("This letter summarises the findings of a focused visit to Medway children's services on 25 and 26 May "
                "2021.")
OPENING_2025 = ("This letter summarises the findings of the focused visit to Medway local authority children's "
                "services on 25 and 26 November 2025.")


def test_a_visit_named_by_what_it_was_is_dated_by_its_letters_opening():
    hits = [hit(1, f"{OPENING_2021} This visit was carried out fully by remote means.", doc="2021.pdf",
                date="2021-07-08"),
            hit(2, "Inspection dates: 14 September to 8 October 2015. Visits to children were made in person.",
                doc="2015.pdf", date="2015-11-27")]
    answer = compose("When did the focused visit that was done entirely by remote means take place?", hits, EMBED,
                     settings=LOW)
    assert answer.text.startswith(OPENING_2021), answer.text
    assert "carried out fully by remote means" in answer.text and "2015" not in answer.text, answer.text


def test_the_last_visit_about_a_topic_is_the_newest_letter_describing_it():
    hits = [hit(1, f"{OPENING_2021} Inspectors looked at the arrangements for children in care.", doc="2021.pdf",
                date="2021-07-08"),
            hit(2, f"{OPENING_2025} Inspectors looked at the arrangements for children in care.", doc="2026.pdf",
                date="2026-01-12")]
    answer = compose("When were inspectors last on site for a focused visit about children in care?", hits, EMBED,
                     settings=LOW)
    assert "November 2025" in answer.text and "May 2021" not in answer.text, answer.text


def test_how_long_is_answered_by_too_long_when_no_figure_answers():
    hits = [hit(1, "Most children and young people continue to wait too long for their needs to be assessed.",
                date="2024-04-02")]
    answer = compose("How long are children waiting for assessments?", hits, EMBED, settings=LOW)
    assert "Most children and young people continue to wait too long" in answer.text, answer.text


def test_how_long_is_answered_by_a_figure_before_too_long():
    hits = [hit(1, "The process for care proceedings takes too long for some children.", date="2015-11-27"),
            hit(2, "The length of care proceedings has reduced from 44 weeks to an average of 32 weeks.",
                date="2015-11-27")]
    answer = compose("How long were care proceedings taking?", hits, EMBED, settings=LOW)
    assert answer.text.startswith("The length of care proceedings has reduced from 44 weeks"), answer.text


def test_which_bodies_after_a_clause_naming_the_report_asks_who():
    hits = [hit(1, "Ofsted and the Care Quality Commission ask that the partnership publishes its plan for SEND "
                   "services.", date="2024-04-02"),
            hit(2, "Medway Council and the Kent and Medway Integrated Care Board are responsible for commissioning "
                   "and planning the services for children with SEND.", date="2024-04-02")]
    answer = compose("According to the 2024 area SEND inspection report, which bodies commission SEND services?",
                     hits, EMBED, settings=LOW)
    assert answer.text.startswith("Medway Council and the Kent and Medway Integrated Care Board"), answer.text


def test_the_focus_of_a_visit_is_what_a_paper_summarising_it_says_it_focused_on():
    hits = [hit(1, "This report provides a summary of the findings of the May 2022 Ofsted Monitoring Visit, which "
                   "had a focus on young people entitled to leaving care services. Ofsted have now carried out four "
                   "monitoring visits in May 2020, July 2021, January 2022 and May 2022.", doc="paper.txt",
                date="2022-07-28")]
    answer = compose("What was the focus of the May 2022 monitoring visit, according to the council's report?", hits,
                     EMBED, settings=LOW)
    assert answer.text.startswith("This report provides a summary of the findings of the May 2022"), answer.text


def test_a_sentence_that_dates_what_it_describes_answers_alone():
    hits = [hit(1, "This letter summarises the findings of a focused visit to Hull children's services on 6 and 7 "
                   "February 2018. Progress has been made since the arrival of the current director of children's "
                   "services in May 2017.", date="2018-03-01")]
    answer = compose("When did the current director arrive, according to the 2018 focused visit on the front door?",
                     hits, EMBED, settings=LOW)
    assert answer.text.startswith("Progress has been made since the arrival") and "February" not in answer.text, \
        answer.text


def test_what_got_in_the_way_is_what_hampered_it():
    text = compose("What got in the way of the improvement plan?",
                   [hit(1, "The improvement plan was agreed with the board in 2022."),
                    hit(2, "Progress with the improvement plan has been hampered by staffing shortages.")],
                   EMBED, settings=LOW).text
    assert text.startswith("Progress with the improvement plan has been hampered"), text


def test_whether_it_could_turn_things_around_is_its_capacity_to_improve():
    text = compose("Did inspectors think the council could turn things around?",
                   [hit(1, "The council's services for children in care are inadequate."),
                    hit(2, "Capacity to improve: adequate.")], EMBED, settings=LOW).text
    assert text.startswith("Capacity to improve: adequate."), text


def test_a_long_way_from_home_is_what_reports_call_at_a_distance():
    text = compose("What about children in care with SEND who live a long way from Medway?",
                   [hit(1, "Children in care with SEND who live in Medway have their needs assessed in good time."),
                    hit(2, "Children in care with SEND who live at a distance from the local area are overseen well.")],
                   EMBED, settings=LOW).text
    assert text.startswith("Children in care with SEND who live at a distance"), text


def test_a_follow_up_naming_a_thing_only_the_answer_named_carries_that_sentence_without_its_time():
    history = [{"role": "user", "content": "What did Ofsted's September 2022 monitoring visit look at?"},
               {"role": "assistant",
                "content": "It reviewed support for disabled children in the 0-25 service [1]. It found a detailed "
                           "improvement plan in place after the 2019 inspection."}]
    query = resolve("What got in the way of delivering that improvement plan?", history)
    assert "(It found a detailed improvement plan in place.)" in query, query  # not "after the 2019 inspection"
    assert query.endswith("(What did Ofsted's September 2022 monitoring visit look at?)"), query
    plain = resolve("Who led that?", history)  # names no thing: the earlier question alone
    assert plain == "Who led that? (What did Ofsted's September 2022 monitoring visit look at?)", plain


def test_a_follow_up_carrying_only_the_report_named_is_answered_from_that_reports_time():
    hits = [hit(1, "All 20 young people aged 16 and 17 who presented as homeless received a joint assessment.",
                doc="2015.pdf", date="2015-11-27"),
            hit(2, "There has been a positive focus on the response to children aged 16 or 17 who are homeless.",
                doc="2025.pdf", date="2025-06-02")]
    question = "What did it find about homeless 16- and 17-year-olds?"
    answer = compose(question, hits, EMBED, settings=LOW, query=f"{question} (Ofsted, 2025)")
    assert answer.text.startswith("There has been a positive focus") and "20 young people" not in answer.text, \
        answer.text


def test_the_model_reads_a_sentences_abbreviation_spelled_out_as_the_question_spells_it():
    hits = [hit(1, "Independent reviewing officers take an interest in children."),
            hit(2, "The IRO service is mostly locums.")]
    model_only = replace(WORDS_ONLY, dense_weight=1.0, rank_weight=0.0, min_score=0.1)
    answer = compose("Why were independent reviewing officers mostly locums?", hits, EMBED, settings=model_only)
    assert answer.text.startswith("The IRO service is mostly locums"), answer.text


def test_she_after_an_answer_naming_a_post_and_no_one_carries_the_sentence_naming_the_post():
    history = [{"role": "user", "content": "What did the commissioner's report say about the councillors?"},
               {"role": "assistant", "content": "The previous lead member did not stand again in May 2019, and a new "
                                                "lead member was appointed. The Leader kept the finance portfolio."}]
    query = resolve("What help was she getting to take that on?", history)
    assert "(The previous lead member did not stand again, and a new lead member was appointed.)" in query, query
    named = [history[0], {"role": "assistant", "content": "Eleanor Brazil was appointed commissioner."}]
    assert "Eleanor Brazil" in resolve("What help was she getting?", named)  # a name: the name, as before


def test_a_letters_they_reviewed_after_inspectors_considered_says_how_not_what_was_found():
    method = hit(1, "Inspectors considered a range of evidence, including case records. They reviewed the local "
                    "authority's performance information about police notifications.")
    found = hit(2, "There remain some delays in domestic abuse notifications being sent by the police.")
    answer = compose("Were there any problems with notifications from the police?", [method, found], EMBED,
                     settings=LOW)
    assert [c.text for c in answer.citations] == [found.text], answer.text


def test_what_she_thought_is_her_conclusion_not_her_remit():
    remit = hit(1, "The report must also consider the need for an alternative delivery model for the council's "
                   "children's services.", doc="commissioner.txt", date="2019-12-01")
    view = hit(2, "In my view, if leaders do this, there may not be a need to consider an alternative delivery "
                  "model.", doc="commissioner.txt", date="2019-12-01")
    for question in ("Did she think the council needed an alternative delivery model?",
                     "Did she recommend an alternative delivery model for the council's children's services?"):
        answer = compose(question, [remit, view], EMBED, settings=LOW)
        assert [c.text for c in answer.citations] == [view.text], (question, answer.text)


def test_a_visit_named_by_its_topic_is_answered_from_lower_passages_not_by_its_letters_method():
    opening = hit(1, "Inspectors reviewed the local authority's arrangements at their front door in February 2019.",
                  doc="2019.pdf", date="2019-02-28")
    others = [hit(n, f"Leaders meet monthly with partner agency number {n}.", doc="2019.pdf", date="2019-02-28")
              for n in range(2, 6)]
    found = hit(6, "At the time of this visit, 75% of staff were in permanent positions.", doc="2019.pdf",
                date="2019-02-28")
    answer = compose("Were staff in permanent positions at the February 2019 front door visit?",
                     [opening, *others, found], EMBED, settings=LOW)
    assert [c.text for c in answer.citations] == [found.text], answer.text


def test_the_words_naming_a_visit_by_its_topic_say_which_visit_not_what_is_asked():
    hits = [hit(1, "Children in care are visited regularly by staff who know them well.", date="2025-11-27"),
            hit(2, "There is now a much higher percentage of permanent staff.", date="2025-11-27")]
    answer = compose("What did the 2025 children in care visit say about permanent staff?", hits, EMBED,
                     settings=LOW)
    assert answer.citations[0].text == hits[1].text, answer.text


def test_between_two_inspections_is_not_answered_by_a_later_letter_looking_back_to_the_second():
    hits = [hit(1, "The service for homeless 16- and 17-year-olds needs strengthening.", doc="2019.pdf",
                date="2019-08-27"),
            hit(2, "Homeless 16- and 17-year-olds receive an inconsistent response.", doc="2023.pdf",
                date="2023-09-11"),
            hit(3, "Since the inspection in 2023 the response to homeless 16- and 17-year-olds has improved.",
                doc="2025.pdf", date="2025-06-02")]
    answer = compose("Did the response to homeless 16- and 17-year-olds get better between the 2019 and 2023 "
                     "inspections?", hits, EMBED, settings=LOW)
    assert {c.doc for c in answer.citations} == {"2019.pdf", "2023.pdf"}, answer.text


def test_why_is_answered_by_a_sentence_giving_the_reason_before_one_restating_what_happened():
    hits = [hit(1, "I was appointed by the Secretary of State as Children's Services Commissioner for the council in "
                   "August 2019.", doc="commissioner.txt", date="2019-12-01"),
            hit(2, "As this was the second inadequate judgement in five years, the Secretary of State issued a "
                   "Direction appointing a commissioner.", doc="commissioner.txt", date="2019-12-01")]
    answer = compose("Why did the Secretary of State appoint a commissioner for the council in 2019?", hits, EMBED,
                     settings=LOW)
    assert answer.citations[0].text == hits[1].text, answer.text
    delay = [hit(1, "Plans for disabled children are reviewed by managers in the 0-25 service."),
             hit(2, "Children have many changes of social worker, and this builds in delay to their plans.")]
    answer = compose("Why were plans for disabled children delayed?", delay, EMBED, settings=LOW)
    assert answer.citations[0].text == delay[1].text, answer.text


def test_a_heading_stating_a_grade_answers_how_it_was_judged():
    review = hit(1, "The review of the Local Safeguarding Children Board was carried out under section 15A of the "
                    "Children Act 2004.", doc="2015.pdf", date="2015-11-27")
    board = hit(2, "The Local Safeguarding Children Board (LSCB)\nThe Local Safeguarding Children Board requires "
                   "improvement to be good\nExecutive summary\nThe board has made significant progress in the last six "
                   "months.", doc="2015.pdf", date="2015-11-27")
    answer = compose("How did Ofsted judge the Local Safeguarding Children Board in 2015?", [review, board], EMBED,
                     settings=LOW)
    assert answer.text.startswith("The Local Safeguarding Children Board requires improvement to be good"), answer.text
    other = compose("What did the board set up in 2015?", [board], EMBED, settings=LOW)  # not a grade question
    assert "requires improvement" not in other.text and "significant progress" in other.text, other.text


def test_what_the_commissioner_thought_of_something_is_her_view_in_the_paragraph_about_it():
    history = hit(1, "At the same time the separate teams were changed to the current POD structure of small teams "
                     "of four social workers.", doc="commissioner.txt", date="2019-12-01")
    view = hit(2, "The PODs are small which can be problematic if staff are sick. I agree with the view of most "
                  "managers that the current structure is not fit for purpose.", doc="commissioner.txt",
               date="2019-12-01")
    answer = compose("What did the government-appointed commissioner think of the POD team structure?",
                     [history, view], EMBED, settings=LOW)
    assert answer.text.startswith("I agree with the view"), answer.text

"""Extractive answers over hand-made hits: which sentence is cited, when it refuses, how it orders."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from assistant.answer import AnswerSettings, compose, split_units
from assistant.records import LESS_CERTAIN, NO_ANSWER
from tests.conftest import FakeEmbedder
from vectorstore.retrieval import Hit

EMBED = FakeEmbedder().embed
WORDS_ONLY = AnswerSettings(dense_weight=0.0)  # the fake embedder is a bag of words: leave it out of the score


def hit(n: int, text: str, doc: str = "a.pdf", date: str = "2023-09-11", page: int = 1, heading: str = "") -> Hit:
    return Hit(f"id{n}", text, {"doc": doc, "title": f"Report {doc}", "date": date, "year": int(date[:4]),
                                "page": page, "heading": heading, "kind": "full inspection"}, rank=n)


def markers(text: str) -> set[int]:
    return {int(m) for m in re.findall(r"\[(\d+)\]", text)}


def test_the_sentence_with_the_figure_is_quoted_exactly_and_cited():
    hits = [hit(1, "Leaders are ambitious for children. Caseloads in the assessment service are high, "
                   "at 28.5 children per social worker on average. Morale is good."),
            hit(2, "Foster carers value the training they receive.", doc="b.pdf")]
    answer = compose("How high were caseloads in the assessment service?", hits, EMBED)
    assert not answer.refused
    assert "at 28.5 children per social worker on average." in answer.text
    assert markers(answer.text) == {c.n for c in answer.citations} == {1}
    assert answer.citations[0].doc == "a.pdf" and "28.5" in answer.citations[0].sentence


def test_a_figure_may_lean_on_the_sentence_before_it_for_what_it_measures():
    question = "By how much did the interviewer think caseloads for long-term social workers were too high?"
    before = "An interviewer spoke to long-term social workers about their caseloads."
    figure = "In her view they were too high by 30-50%."
    low = replace(WORDS_ONLY, min_score=0.0)  # the words alone score the figure's sentence low; the model lifts it
    answer = compose(question, [hit(1, f"{before} {figure}")], EMBED, settings=low)
    assert not answer.refused and figure in answer.text
    assert compose(question, [hit(1, f"Foster carers were recruited. {figure}")], EMBED, settings=low).refused


def test_a_list_items_own_number_is_no_figure_and_the_sentence_before_it_is_another_item():
    text = ("The committee considered the budget. It sets out a £2.1m increase in allowances.\n"
            "- 1.1 Recruitment of foster carers remains a priority for the increase.")
    answer = compose("How much was the increase for foster carers? (What did the committee say about foster carers?)",
                     [hit(1, text)], EMBED, settings=replace(WORDS_ONLY, min_score=0.1))
    assert "£2.1m" in answer.text and "Recruitment" not in answer.text


def test_a_figure_question_without_a_figure_is_refused_with_closest_matches():
    hits = [hit(1, "Support for foster carers has improved and foster carers value the training they receive.")]
    answer = compose("How many foster carers did the council have?", hits, EMBED)
    assert answer.refused and answer.text.startswith(NO_ANSWER)
    assert not answer.citations and answer.closest[0].doc == "a.pdf"


def test_no_hits_means_no_answer():
    answer = compose("What did inspectors find?", [], EMBED)
    assert answer.refused and not answer.closest


def test_passages_from_several_documents_read_as_a_history_in_date_order():
    hits = [hit(1, "Managers now give social workers regular supervision, which they value.", doc="new.pdf",
                date="2025-06-02"),
            hit(2, "Supervision of social workers is irregular and rarely reflective in most teams.", doc="old.pdf",
                date="2019-08-27")]
    answer = compose("How has supervision of social workers been described over time?", hits, EMBED,
                     settings=AnswerSettings(keep_ratio=0.5))
    assert [c.doc for c in answer.citations] == ["old.pdf", "new.pdf"]
    assert answer.text.index("[1]") < answer.text.index("[2]")
    assert answer.text.index("irregular") < answer.text.index("now give")


def test_a_history_takes_each_other_documents_best_sentence_that_answers_nearly_as_well():
    hits = [hit(1, "Supervision of social workers is irregular and rarely reflective in most teams.", doc="old.pdf",
                date="2015-11-27"),
            hit(2, "Managers now give social workers regular supervision, which they value.", doc="new.pdf",
                date="2025-06-02")]
    settings = AnswerSettings(keep_ratio=1.0, now_ratio=0.1, min_score=0.1)  # a second sentence only by the history rule
    history = compose("Ofsted criticised supervision in 2015. Is supervision better now?", hits, EMBED,
                      settings=settings)
    assert [c.doc for c in history.citations] == ["old.pdf", "new.pdf"]
    one = compose("What did Ofsted say about supervision of social workers?", hits, EMBED, settings=settings)
    assert len(one.citations) == 1


def test_a_list_its_lead_in_names_answers_whole_and_alone():
    text = ("Within three months:\n- complete health assessments on time\n"
            "Within six months:\n- the council must embed the new recording system\n- raise awareness of leisure passes")
    hits = [hit(1, text), hit(2, "Staffing shortages have been addressed by the council.", doc="b.pdf")]
    answer = compose("What did the council have to do within six months?", hits, EMBED,
                     settings=AnswerSettings(dense_weight=0.0, keep_ratio=0.1, min_score=0.1))
    assert "recording system" in answer.text and "leisure passes" in answer.text
    assert "health assessments" not in answer.text and [c.doc for c in answer.citations] == ["a.pdf"]


def test_a_list_question_brings_the_whole_list():
    text = ("What needs to improve?\n- The quality of assessments for children.\n- Timeliness of supervision "
            "and management oversight.\n- Life-story work for children in care.")
    answer = compose("What did the inspection say needs to improve?", [hit(1, text, heading="What needs to improve?")],
                     EMBED)
    assert all(item in answer.text for item in ("quality of assessments", "Timeliness", "Life-story work"))
    assert markers(answer.text) == {1}


def test_a_named_document_is_the_only_one_that_can_answer():
    hits = [hit(1, "The vacancy rate for social workers was 29% in June 2019.", doc="2019.pdf", date="2019-08-27"),
            hit(2, "Recruitment of social workers remains a challenge for leaders.", doc="2025.pdf", date="2025-06-02")]
    answer = compose("What was the social worker vacancy rate at the 2025 focused visit?", hits, EMBED,
                     named=("2025.pdf",))
    assert answer.refused


def test_markdown_export_lists_every_source_with_its_page():
    answer = compose("How high were caseloads?", [hit(1, "Caseloads were high at 30 children each.", page=7)], EMBED)
    md = answer.markdown()
    assert md.startswith(answer.text) and "[1] Report a.pdf, p. 7 (a.pdf)" in md


def test_another_passage_joins_the_answer_only_when_the_model_finds_it_about_as_close():
    best = "Supervision of social workers is regular and reflective."
    guess = "Social workers said inspectors met them about supervision records."

    def embed(texts):  # the model: the best sentence is as close as can be, the other far less so
        return [[1.0, 0.0] if t in (best,) or t.endswith("?") else [0.5, 0.866] for t in texts]

    hits = [hit(1, best), hit(2, guess, doc="b.pdf")]
    settings = AnswerSettings(keep_ratio=0.1)
    answer = compose("What did inspectors say about supervision of social workers?", hits, embed, settings=settings)
    assert [c.doc for c in answer.citations] == ["a.pdf"]
    answer = compose("What did inspectors say about supervision of social workers?", hits, embed,
                     settings=replace(settings, extra_margin=1.0))
    assert [c.doc for c in answer.citations] == ["a.pdf", "b.pdf"]
    # a history reads each document's best, however far the model puts it
    older = replace(hits[1], meta={**hits[1].meta, "date": "2019-08-27", "year": 2019})
    answer = compose("How has supervision of social workers changed over time?", [hits[0], older], embed,
                     settings=settings)
    assert {c.doc for c in answer.citations} == {"a.pdf", "b.pdf"}


def test_list_items_and_sentences_are_separate_units():
    units = split_units(0, "Intro sentence one here. And a second one here.\n- first list item here\nshort")
    assert [u.text for u in units] == ["Intro sentence one here.", "And a second one here.", "- first list item here"]
    assert [u.is_item for u in units] == [False, False, True]


def test_a_short_sentence_is_read_with_the_next_and_a_paragraph_number_is_not():
    text = "6. Supervision occurs regularly. However, there is variability in its quality. 7. Audits are done well."
    assert [u.text for u in split_units(0, text)] == [
        "Supervision occurs regularly. However, there is variability in its quality.", "Audits are done well."]


def test_a_finding_set_out_as_a_paragraph_is_read_sentence_by_sentence():
    text = ("\u25fc The MASH is well developed and decisions are timely. However, the re-referral rate has risen again "
            "and is high.\n\u25fc Caseloads are manageable in most teams.\n\u25fc Supervision is regular for staff.")
    units = split_units(0, text)
    assert [(u.text, u.is_item) for u in units] == [
        ("The MASH is well developed and decisions are timely.", False),
        ("However, the re-referral rate has risen again and is high.", False),
        ("\u25fc Caseloads are manageable in most teams.", True), ("\u25fc Supervision is regular for staff.", True)]
    answer = compose("Why was the re-referral rate a concern?", [hit(1, text)], EMBED, settings=WORDS_ONLY)
    assert "re-referral rate has risen" in answer.text and "well developed" not in answer.text
    # a finding with its reference in brackets is one item still
    item = "\u25fc How consistently the risk tool is applied to children who go missing. (Outcome 3 National Framework)"
    assert [(u.text, u.is_item) for u in split_units(0, item)] == [(item, True)]


def test_from_a_named_report_to_the_latest_reads_every_later_document():
    named = hit(1, "Most social workers receive regular supervision, but managers do not challenge drift.",
                doc="2019.pdf", date="2019-08-27")
    latest = hit(2, "Supervision of social workers occurs regularly, but its quality varies.", doc="2026.pdf",
                 date="2026-01-12")
    for question in ("How has supervision of social workers been described from the 2019 inspection through to "
                     "the latest visits?", "How has supervision of social workers changed since the 2019 inspection?"):
        answer = compose(question, [named, latest], EMBED, settings=replace(WORDS_ONLY, keep_ratio=0.5),
                         named=("2019.pdf",))
        assert [c.doc for c in answer.citations] == ["2019.pdf", "2026.pdf"], question
    # a question about the named report alone is still answered from it alone
    answer = compose("How was supervision of social workers described in the 2019 inspection?", [named, latest],
                     EMBED, settings=replace(WORDS_ONLY, keep_ratio=0.5), named=("2019.pdf",))
    assert [c.doc for c in answer.citations] == ["2019.pdf"]


def test_a_council_paper_that_names_the_visit_once_speaks_for_it_throughout():
    def paper(n: int, text: str) -> Hit:
        h = hit(n, text, doc="paper.txt", date="2022-07-28")
        return replace(h, meta={**h.meta, "kind": "scrutiny committee report"})

    top = paper(1, "CHILDREN'S SERVICES OFSTED MONITORING VISIT MAY 2022\nReport from: the Director of People")
    covered = paper(2, "- The sufficiency and quality of accommodation for care leavers aged 16 and 17\n"
                       "- Planning and preparation for adulthood for care leavers")
    question = "What aspects of accommodation for care leavers did inspectors cover in the May 2022 monitoring visit?"
    answer = compose(question, [top, covered], EMBED, settings=WORDS_ONLY)
    assert not answer.refused and "accommodation for care leavers aged 16" in answer.text
    assert compose(question, [covered], EMBED, settings=WORDS_ONLY).refused  # alone, nothing ties it to May 2022


def test_a_question_about_a_year_or_month_is_not_answered_from_another_period():
    budget = hit(1, "Children's social care rose from 18% of the budget in 2013/14 to 25% this year.", date="2019-12-01")
    assert compose("What is the children's social care budget for 2024/25?", [budget], EMBED).refused
    september = hit(1, "Inspectors found that leaders had made progress at the monitoring visit on 21 and 22 "
                       "September 2022.", date="2022-10-26")
    assert compose("What did the January 2022 monitoring visit find?", [september], EMBED).refused
    answer = compose("What did the September 2022 monitoring visit find?", [september], EMBED)
    assert not answer.refused and answer.citations[0].doc == "a.pdf"
    # a later report that names the year asked about may answer it
    later = hit(1, "Since the inspection in 2019 the budget for children's social care rose by 12 million pounds.",
                date="2022-07-01")
    assert not compose("How did the budget change after the 2019 inspection?", [later], EMBED).refused


def test_early_late_or_a_season_of_a_year_names_its_months_and_each_year_counts_on_its_own():
    from assistant.periods import named_period, within_period

    def visit(n: int, text: str, date: str, visits: str) -> Hit:  # as stored chunks carry their dates
        h = hit(n, text, date=date)
        return replace(h, meta={**h.meta, "visit_dates": visits})

    april = visit(1, "Inspectors looked at children in need.", "2025-06-02", "2025-04-29,2025-04-30")
    november = visit(2, "Inspectors looked at children in care.", "2026-01-12", "2025-11-25,2025-11-26")
    late = named_period("What did the late-2025 focused visit look at?")
    assert not within_period(*late, april) and within_period(*late, november)
    spring = named_period("What part of the service did Ofsted look at in the spring 2025 focused visit?")
    assert within_period(*spring, april) and not within_period(*spring, november)
    assert within_period(*named_period("What did the autumn of 2025 visit find?"), november)
    assert not within_period(*named_period("What did Ofsted find on the visit expected in early 2023?"), april)
    span = named_period("How has the front door been viewed from early 2019 to the 2025 visit?")
    assert within_period(*span, april)  # 2025 has no months named: any of it counts
    then = named_period("What did Ofsted say about IROs in 2015, and how does that compare with the latest focused visit?")
    assert within_period(*then, november)  # the latest visit is read with the year named


def test_since_a_year_means_that_year_and_after_and_one_document_reads_as_one_paragraph():
    old = hit(1, "Supervision was happening but not making children safer.", doc="old.txt", date="2019-12-01")
    older = hit(2, "Supervision of social workers was irregular, staff said.", doc="old.txt", date="2019-12-01", page=2)
    new = hit(3, "Supervision of social workers is now regular and reflective.", doc="new.pdf", date="2022-10-26")
    answer = compose("How has supervision of social workers changed since 2019?", [old, older, new], EMBED,
                     settings=replace(WORDS_ONLY, keep_ratio=0.5))
    assert [c.doc for c in answer.citations] == ["old.txt", "old.txt", "new.pdf"]
    first, second = answer.text.split("\n\n")
    assert first.count("Report old.txt") == 1 and "[1]" in first and "[2]" in first and "[3]" in second
    from assistant.periods import named_period

    assert 2022 in named_period("What did Ofsted say about supervision in 2019, and has it improved?")[0]
    assert named_period("What did Ofsted say about supervision in 2019?")[0] == (2019,)


def test_has_it_improved_is_not_a_request_for_a_list():
    items = hit(1, "- Supervision was happening but not making children safer.\n- Auditing was over optimistic.\n"
                   "- Access to health provision for children in care was poor.", doc="c.txt", date="2019-12-01")
    answer = compose("What did Ofsted say about supervision in 2019, and has it improved?", [items], EMBED,
                     settings=WORDS_ONLY)
    assert "Supervision was happening" in answer.text and "Auditing" not in answer.text


def test_how_many_wants_a_number_that_counts_the_thing_asked_about():
    from assistant.answer import _counts

    assert _counts("How many children does each social worker have?", "Caseloads average 18 children per worker.")
    assert _counts("How many monitoring visits had there been?", "Ofsted have now carried out four monitoring visits.")
    assert not _counts("How many foster carers did Medway have?",
                       "Care leavers can live with their foster carers when they turn 18.")
    assert _counts("How much was the increase?", "No figure here.")  # only 'how many' counts things
    children = "How many children in care and care leavers did Medway have in 2013?"  # words every report uses
    assert _counts(children, "There were 400 looked after children and 209 with care leaver status.")
    assert not _counts(children, "The share of children in care not in education was 26% at June 2013.")
    assert _counts("How many of the supervision files checked were up to standard?",
                   "Inspectors reviewed 30 personal supervision files for social workers.")


MONEY = "How much additional money did the council put into children's services after the 2019 judgement?"
WHEN_2015 = "When was the 2015 Ofsted inspection carried out?"


@pytest.mark.parametrize("question, sentence, fits", [
    # "how much money" wants a sum of money, not any number
    (MONEY, "As this was the second inadequate judgement within a 5-year period, a direction was issued.", False),
    (MONEY, "£7.6m of additional funding was made available to the service in 2020-21.", True),
    # a period the question names is no figure ("within 12 months"); a current rate is a figure asked for
    ("What is the current rate of re-referrals within 12 months?", "Performance has improved over the past 12 "
     "months and the target has been met.", False),
    ("What is the current rate of re-referrals within 12 months?", "Re-referrals within 12 months stand at 21%.",
     True),
    # how much of a budget: a share of it is an answer
    ("How much of the council's budget went on children's social care in 2019/20?", "Children's Social Care has "
     "increased as a proportion of the overall budget from 18% in 2013/14 to 25% in 2019/20.", True),
    ("How much did the council budget for children's social care in 2019/20?", "Children's Social Care has "
     "increased as a proportion of the overall budget from 18% in 2013/14 to 25% in 2019/20.", False),
    ("What was the budget for children's services?", "The budget was 61.2 million pounds.", True),
    ("How many social workers were agency staff?", "At the time, 45 of 120 social workers were agency staff.", True),
    # a date question that names a year wants that year or a month, not another bare year
    (WHEN_2015, "The inspection was carried out under section 136 of the Education and Inspections Act 2006.", False),
    (WHEN_2015, "Inspection date: 14 September to 8 October 2015", True),
    ("When was Medway judged inadequate?", "Medway was judged inadequate in 2019.", True),
    # "what was X's rate" asks for a figure; "the 0-25 service" names a service and counts nobody
    ("What was Medway's rate of children in care per 10,000 children?", "Services have substantially improved.",
     False),
    ("What was Medway's rate of children in care per 10,000 children?", "The rate was 62 per 10,000 children.", True),
    ("How many disabled children were open to the 0-25 service?",
     "Leaders found weaknesses in the 0–25 service for disabled children and young adults.", False),
    ("How many disabled children were open to the 0-25 service?", "The 0–25 service supports 730 disabled children.",
     True),
    ("How many looked after children were open to the youth offending team?", "The total number of looked after "
     "children open to the Youth Offending Team reduced from 60 to 36.", True),
    ("How many looked after children were open to the youth offending team?", "The number of complaints from "
     "looked after children's carers about the team fell to 12.", False),
    # a team or service named by a number gives no figure; a count of its users does
    ("What were personal advisers' average caseloads?", "Stability and capacity in the 16 plus service remain "
     "fragile as a number of posts remain temporary.", False),
    ("What were personal advisers' average caseloads?", "Personal advisers in the 16 plus team hold caseloads "
     "of around 22.", True),
    ("What was the average number of service users?", "The team supported 25 service users.", True),
    # "in the last 12 months" says over when, not how many
    ("What was the social worker vacancy rate?", "In the last 12 months, the number of agency social workers fell.",
     False),
    ("What was the social worker vacancy rate?", "The vacancy rate fell to 12% in the last 12 months.", True),
    # a grade asked for: the letter's opening names the visit and gives none; a risk's rating is not a grade
    ("What overall grade did Ofsted award after the April 2025 focused visit?", "This letter summarises the "
     "findings of the focused visit to Medway on 29 and 30 April 2025.", False),
    ("What overall grade did Ofsted award after the 2023 inspection?", "Overall effectiveness: requires "
     "improvement to be good", True),
    ("How was that risk rated?", "The risk of not recruiting enough social workers remains high.", True),
    ("What Ofsted rating has the regional adoption agency received?", "Since the local authority joined the regional "
     "adoption agency, the timeliness of matching has improved.", False),
    # who, or what the name was: a role the question writes in lower case is not a name when a report capitalises it
    ("What was the name of the director appointed in 2012?", "Since the appointment of the Director of Children’s "
     "Services (DCS) in September 2012, priorities have become clearer.", False),
    ("What was the name of the director appointed in 2012?", "Ian Sutherland was appointed director in 2012.", True),
    ("Who was the agency decision-maker in 2015?", "Decisions made by the Agency Decision Maker (ADM) lack detail.",
     False),
    ("Who was the agency decision-maker in 2015?", "The agency decision-maker, Jane Example, scrutinises plans.", True),
    ("Who is Eleanor Brazil?", "Eleanor Brazil, Commissioner for Children's Services, wrote the report.", True),
    # who does it, named by their post: "agreed to be the chair" answers who chairs, not who leads
    ("Who was going to chair it?", "The DCS in Oxfordshire has agreed to be the independent chair.", True),
    ("Who chaired the board?", "The DCS in Oxfordshire has agreed to be the independent chair.", True),
    ("Who will lead it?", "The DCS in Oxfordshire has agreed to be the independent chair.", False),
    ("Who will chair it?", "The board will be the chair of nothing.", False),
])
def test_a_figure_or_date_question_wants_the_kind_of_figure_or_date_it_names(question, sentence, fits):
    from assistant.answer import _fits_type

    assert _fits_type(question, sentence) is fits


def test_a_title_with_a_colon_is_no_answer_but_a_labelled_date_or_name_is():
    text = ("Children's Services: Latest visit from Ofsted An update on our progress\n"
            "Inspection dates: 15 July 2019 to 26 July 2019\nLead inspector: Brenda McLaughlin")
    assert [u.text for u in split_units(0, text)] == ["Inspection dates: 15 July 2019 to 26 July 2019",
                                                       "Lead inspector: Brenda McLaughlin"]


def test_a_line_broken_mid_sentence_is_read_as_one_sentence_found_in_the_passage():
    text = ("Report on ways forward\n\nReport for the Minister of State for\nChildren and Families by Eleanor Brazil,\n"
            "Commissioner for Children's Social Care\nin Medway\n- a list item\n- another item here")
    units = split_units(0, text)
    assert units[0].text.startswith("Report for the Minister") and units[0].text.endswith("in Medway")
    assert units[0].text in text  # its line breaks kept, so the app can mark it in the passage
    assert [u.text for u in units[1:]] == ["- a list item", "- another item here"]
    answer = compose("Who wrote the report for the Minister?", [hit(1, text)], EMBED, settings=WORDS_ONLY)
    assert "Minister of State for Children and Families by Eleanor Brazil" in answer.text  # one line in the answer


def test_when_the_next_visit_is_due_answers_only_a_question_about_what_comes_next():
    hits = [hit(1, "Inspection outcome. The arrangements for SEND lead to inconsistent experiences and outcomes for "
                   "children. The next full area SEND inspection will be within approximately three years.")]
    found = compose("What did the SEND inspection find?", hits, EMBED, settings=WORDS_ONLY)
    assert "inconsistent experiences" in found.text and "next full area" not in found.text
    ahead = compose("When is the next SEND inspection due?", hits, EMBED, settings=WORDS_ONLY)
    assert "within approximately three years" in ahead.text


def test_who_is_the_role_wants_that_role_not_another():
    from assistant.answer import _fits_type

    lead = "Lead inspector: Amanda Maxwell, His Majesty's Inspector"
    assert _fits_type("Who was the lead inspector for the 2023 inspection?", lead)
    assert not _fits_type("Who was the lead member for children's services in 2023?", lead)
    assert _fits_type("Who led the 2023 inspection?", lead)
    assert _fits_type("Who led the 2019 inspection?", "Lead inspector: Brenda McLaughlin")  # Mc, Mac, O' names
    assert _fits_type("Who was the lead inspector in 2013?", "Reporting inspector Sarah Urding HMI")  # the older title


def test_when_will_wants_what_is_expected_not_what_happened():
    from assistant.answer import _fits_type

    q = "When will Ofsted next inspect Medway?"
    assert not _fits_type(q, "This letter summarises the findings of the focused visit on 25 and 26 November 2025.")
    assert _fits_type(q, "A full re-inspection is expected in spring/summer 2023.")
    assert _fits_type("When will the next one be?", "The next full area SEND inspection will be within approximately three years.")
    assert _fits_type("When did Ofsted visit?", "This letter summarises the findings of the focused visit on 25 November 2025.")
    q = "After the September 2022 visit, when did the council expect its next monitoring visit?"
    assert _fits_type(q, "We anticipate that the next monitoring visit will be held in early 2023.")
    assert not _fits_type(q, "This letter summarises the findings of the monitoring visit on 21 and 22 September 2022.")
    assert not _fits_type("After the 2022 visit, when did inspectors return?", "Inspectors found some progress.")


def test_the_section_a_question_asks_for_answers_it_not_the_letter_opening():
    opening = hit(1, "This letter summarises the findings of the focused visit to the council on 29 and 30 April 2025.",
                  date="2025-04-30")
    improve = hit(2, "- The timeliness of intervention for children in pre-proceedings.\n"
                     "- The quality of supervision by managers.", date="2025-04-30",
                  heading="What needs to improve in this area?")
    answer = compose("What did Ofsted say the council needs to improve after the April 2025 visit?",
                     [opening, improve], EMBED, settings=WORDS_ONLY)
    assert "timeliness of intervention" in answer.text and "summarises" not in answer.text
    assert answer.citations[0].text == improve.text


@pytest.mark.parametrize("question", ["Which of His Majesty's inspectors carried out the 2022 visit?",
                                      "Which HMI led the visit?", "Who carried out the 2022 visit?",
                                      "Which leaders does the 2024 area SEND report name for the council?",
                                      "And who was the deputy lead?"])
def test_which_inspectors_asks_who(question):
    from assistant.forms import WHO_Q

    assert WHO_Q.search(question)


@pytest.mark.parametrize("question", ["On which dates did Ofsted carry out the visit in its July 2021 letter?",
                                      "When did the visit take place?", "What dates was the visit on?"])
def test_on_which_dates_asks_when(question):
    from assistant.forms import DATE_Q

    assert DATE_Q.search(question)


@pytest.mark.parametrize("question", ["When a child in care goes home to their parents, are those decisions made well?",
                                      "When Ofsted looked at the front door in 2019, what did it find?"])
def test_a_clause_opening_with_when_asks_no_date(question):
    from assistant.forms import DATE_Q

    assert not DATE_Q.search(question)


def test_what_inspectors_looked_at_answers_only_what_they_looked_at():
    scope = hit(1, "Inspectors looked at the local authority's arrangements for children in need, including the "
                   "assessment and support of private fostering arrangements.")
    found = hit(2, "The assessment of private fostering arrangements is not yet consistently effective.")
    answer = compose("What did Ofsted find about private fostering arrangements?", [scope, found], EMBED,
                     settings=WORDS_ONLY)
    assert [c.text for c in answer.citations] == [found.text]
    answer = compose("What did inspectors look at on the visit?", [scope, found], EMBED, settings=WORDS_ONLY)
    assert answer.citations[0].text == scope.text


def test_the_council_and_date_a_question_names_do_not_make_a_sentence_answer_it():
    # The question's council and month pick the document; they say nothing about which sentence answers.
    hits = [hit(1, "Hull City Council was inspected by Ofsted in May 2023 and the report was published.",
                date="2023-05-20"),
            hit(2, "Care leavers have too little choice of suitable housing.", date="2023-05-20")]
    answer = compose("What did inspectors say about housing for care leavers in Hull in May 2023?", hits, EMBED,
                     settings=WORDS_ONLY)
    assert "suitable housing" in answer.text and "published" not in answer.text


def test_the_councils_own_paper_about_a_named_visit_may_answer_for_it():
    paper = Hit("p1", "Ofsted have now carried out four monitoring visits in May 2020, July 2021, January 2022 and May 2022.",
                {"doc": "scrutiny.txt", "title": "Committee report", "date": "2022-08-25", "page": 1,
                 "kind": "scrutiny committee report"}, rank=1)
    other = hit(2, "Inspectors met four care leavers during the visit in June 2022.", doc="june.pdf", date="2022-06-20")
    answer = compose("How many monitoring visits had there been by the May 2022 monitoring visit?", [paper, other],
                     EMBED, named=("may.pdf",))
    assert not answer.refused and answer.citations[0].doc == "scrutiny.txt"


def test_when_a_named_visit_was_is_answered_from_its_own_letter_before_a_council_paper_listing_visits():
    paper = Hit("p1", "Ofsted letters were written up after the focused visit and monitoring visits carried out in May 2020, "
                      "July 2021 and January 2022.", {"doc": "scrutiny.txt", "title": "Committee report",
                                                      "date": "2022-08-25", "page": 1, "kind": "scrutiny committee report"},
                rank=1)
    letter = hit(2, "This letter summarises the findings of the focused visit carried out on 25 and 26 May 2021.",
                 doc="july.pdf", date="2021-07-08")
    answer = compose("On which dates did Ofsted carry out the focused visit written up in its 8 July 2021 letter?",
                     [paper, letter], EMBED, settings=WORDS_ONLY, named=("july.pdf",))
    assert [c.doc for c in answer.citations] == ["july.pdf"] and "25 and 26 May 2021" in answer.text


def test_a_council_paper_from_before_the_named_visit_is_not_about_it():
    paper = Hit("p1", "Ofsted's monitoring visit found the quality and impact of support for all care leavers improving.",
                {"doc": "scrutiny.txt", "title": "Committee report", "date": "2022-07-28", "page": 1,
                 "kind": "scrutiny committee report"}, rank=1)
    question = "What did the latest focused visit find about care leavers?"
    assert not compose(question, [paper], EMBED, named=("2026.pdf",), named_year=2022).refused
    assert compose(question, [paper], EMBED, named=("2026.pdf",), named_year=2026).refused


def test_children_in_care_are_counted_where_a_report_says_looked_after_children():
    text = ("Too many children wait too long for their plans to be reviewed. "
            "At the time of the inspection there were 400 looked after children and 209 with care leaver status.")
    answer = compose("How many children in care did the council have?", [hit(1, text)], EMBED)
    assert not answer.refused and answer.text.startswith("At the time of the inspection there were 400")


def test_how_things_stand_now_is_answered_from_the_newest_report_that_answers_and_says_its_date():
    old = hit(1, "Caseloads for social workers are too high in every team at 30 children.", doc="2015.pdf", date="2015-11-27")
    new = hit(2, "Caseloads for social workers are too high in one team only.", doc="2025.pdf", date="2025-06-02")
    unrelated = hit(3, "Care leavers have a choice of homes.", doc="2026.pdf", date="2026-01-12")
    then = compose("Were caseloads for social workers too high?", [old, new, unrelated], EMBED, settings=WORDS_ONLY)
    assert then.citations[0].doc == "2015.pdf"
    now = compose("Are caseloads for social workers still too high?", [old, new, unrelated], EMBED, settings=WORDS_ONLY)
    assert [c.doc for c in now.citations] == ["2025.pdf"]
    assert now.text == "In Report 2025.pdf: Caseloads for social workers are too high in one team only. [1]"


def test_who_holds_a_role_is_answered_only_by_a_name_given_that_role():
    team = hit(1, "Inspection team: Emma Leavey, Ofsted HMI Lead inspector; Keith Tysoe, Ofsted Inspector.", date="2024-04-02")
    member = hit(2, "The lead member for children's services, Councillor Jane Smith, chairs the board.", doc="b.pdf")
    question = "Who is the current lead member (cabinet member) for children's services?"
    assert compose(question, [team], EMBED).refused  # names, and "lead", but no lead member
    answer = compose(question, [team, member], EMBED)
    assert not answer.refused and [c.doc for c in answer.citations] == ["b.pdf"]


def test_a_figure_is_about_what_is_counted_not_the_occasion_named():
    hits = [hit(1, "At the time of this visit, 75% of staff were in permanent positions.", date="2019-02-28")]
    idf = {"front": 3.4, "door": 4.4, "februari": 2.4, "look": 1.3, "staff": 1.6, "perman": 1.9}
    answer = compose("What proportion of staff were permanent when Ofsted looked at the front door in February 2019?",
                     hits, EMBED, idf, replace(WORDS_ONLY, min_score=0.2))
    assert not answer.refused and "75%" in answer.text


def test_a_topic_that_is_often_counted_is_not_a_question_for_a_figure():
    from assistant.answer import _fits_type

    said = "Increased staffing has led to a reduction in caseloads, which in most teams are now manageable."
    assert _fits_type("And what about social workers' caseloads?", said)
    assert not _fits_type("How big were social workers' caseloads?", said)
    assert not _fits_type("What was the average caseload?", said)


def test_who_wants_a_persons_name_not_a_title():
    from assistant.answer import _fits_type

    assert not _fits_type("Who led the inspection?", "The inspection was led by one of His Majesty's Inspectors (HMI).")
    assert not _fits_type("Who chairs it?", "The Improvement Board meets monthly with the Assistant Director.")
    assert _fits_type("Who were the inspectors?", "His Majesty's Inspectors for this visit were Amanda Maxwell and Rodica Cobarzan.")
    assert _fits_type("Who led it?", "Lead inspector: Jenny-Ellen Scotland")


def test_who_inspected_is_answered_by_the_sentence_naming_the_inspectors():
    hits = [hit(1, "This visit was carried out in line with the inspection framework. Inspectors looked at care leavers.",
                date="2025-06-02"),
            hit(2, "His Majesty's Inspectors for this visit were Amanda Maxwell and Rodica Cobarzan, HMI.", date="2025-06-02")]
    idf = {"hmi": 4.0}  # rare in a library: only the sentences naming inspectors carry it
    answer = compose("Who carried it out? (What did the focused visit cover?)", hits, EMBED, idf, WORDS_ONLY)
    assert not answer.refused and "Amanda Maxwell" in answer.text


def test_the_passages_the_answer_cites_are_presented_first():
    hits = [hit(1, "Leaders are ambitious for children and families."),
            hit(2, "Caseloads in the assessment service are high, at 28 children per social worker.", doc="b.pdf"),
            hit(3, "Foster carers value the training they receive.", doc="c.pdf")]
    answer = replace(compose("How high were caseloads in the assessment service?", hits, EMBED), hits=tuple(hits))
    assert [c.doc for c in answer.citations] == ["b.pdf"]
    ranked = answer.ranked()
    assert [h.doc for h in ranked] == ["b.pdf", "a.pdf", "c.pdf"] and [h.rank for h in ranked] == [1, 2, 3]


def test_the_publishers_boilerplate_answers_only_when_and_who():
    from vectorstore.boilerplate import common_sentences, normalise

    notice = "Ofsted will take the findings from this focused visit into account when planning the next inspection."
    letters = [(f"{n}.pdf", f"Inspectors looked at care leavers in council {n}. {notice}") for n in range(4)]
    common = common_sentences(letters + [("4.pdf", "Children who need help and protection: requires improvement "
                                                   "to be good.")] * 5)
    assert normalise(notice) in common and not any("help and protection" in s for s in common)
    assert common_sentences(letters, share=0.9, least=5) == frozenset()  # four letters are too few
    hits = [hit(1, f"{notice} Inspectors looked at the arrangements for care leavers.", date="2025-06-02")]
    answer = compose("What did the inspectors look at on the focused visit?", hits, EMBED, settings=WORDS_ONLY,
                     common=common)
    assert "care leavers" in answer.text and "planning" not in answer.text


def test_why_is_answered_by_the_sentence_that_gives_a_reason():
    hits = [hit(1, "A number of posts in the leaving care service remain temporary. "
                   "Posts in the leaving care service are temporary due to the need for further analysis of capacity.")]
    one = replace(WORDS_ONLY, max_sentences=1)
    question = "Why were posts in the leaving care service temporary?"
    assert compose(question, hits, EMBED, settings=one).text.startswith("Posts in the leaving care service are temporary due to")
    neither = replace(one, cause_bonus=0.0, why_ratio=2.0)  # no bonus for a reason, nor a preference for one
    assert compose(question, hits, EMBED, settings=neither).text.startswith("A number of posts")
    hampered = [hit(1, "Progress on the improvement plan in the service remains slow. "
                       "Progress on the improvement plan in the service is slow, hampered by staff sickness.")]
    assert "hampered" in compose("Why was progress on the service's improvement plan slow?", hampered, EMBED,
                                 settings=one).text


def test_the_passage_holding_the_best_sentence_is_presented_first():
    hits = [hit(1, "Supervision of social workers is regular, and managers attend.", date="2025-06-02"),
            hit(2, "Supervision is reflective and helps staff to learn.", doc="b.pdf", date="2023-09-11")]
    idf = {"supervis": 5.0, "reflect": 1.0}
    both = replace(WORDS_ONLY, phrase_bonus=0.0)  # (with it, "supervision is reflective" alone would answer)
    answer = replace(compose("Was supervision reflective?", hits, EMBED, idf, both), hits=tuple(hits))
    assert [c.doc for c in answer.citations] == ["b.pdf", "a.pdf"] and answer.lead == 1  # numbered by date
    assert [h.doc for h in answer.ranked()] == ["b.pdf", "a.pdf"]  # the retriever had a.pdf first
    assert [p["doc"] for p in answer.to_dict()["passages"]] == ["b.pdf", "a.pdf"]
    from assistant.app import sources_html

    panel = sources_html(answer)  # the side panel shows it first, marked
    assert panel.index("id='cite-1'") < panel.index("id='cite-2'") and panel.count("best match") == 1


def test_a_council_the_question_names_is_answered_only_from_its_own_documents():
    def about(n: int, text: str, doc: str, council: str) -> Hit:
        h = hit(n, text, doc=doc)
        return replace(h, meta={**h.meta, "local_authority": council})

    other = about(1, "Care leavers value the revised care leaver offer and their personal advisers.", "bucks.pdf",
                  "Buckinghamshire")
    hull = about(2, "Care leavers in Hull have personal advisers who know them well.", "hull.pdf", "Kingston upon Hull")
    answer = compose("What did Ofsted find about care leavers in Hull?", [other, hull], EMBED, settings=WORDS_ONLY)
    assert [c.doc for c in answer.citations] == ["hull.pdf"]
    assert compose("What did Ofsted find about care leavers in Hull?", [other], EMBED, settings=WORDS_ONLY).refused
    across = compose("How do other councils support care leavers compared with Hull?", [other, hull], EMBED,
                     settings=replace(WORDS_ONLY, keep_ratio=0.3))
    assert "bucks.pdf" in [c.doc for c in across.citations]


def test_a_letters_opening_answers_only_when_no_finding_does_and_its_address_never():
    opening = ("This letter summarises the findings of the focused visit to Rochdale children's services "
               "on 14 and 15 May 2025.")
    address = "Write to Sharon Example, Director, at the Municipal Offices, Smith Street, Rochdale OL16 1YD."
    finding = "Contacts and referrals at the front door are handled promptly by experienced staff."
    hits = [hit(1, f"{address}\n{opening}", date="2025-06-16"), hit(2, finding, date="2025-06-16")]
    answer = compose("What did Ofsted say about the front door in the 2025 focused visit?", hits, EMBED,
                     settings=replace(WORDS_ONLY, min_score=0.2, keep_ratio=0.1))
    assert "front door are handled promptly" in answer.text and "summarises" not in answer.text
    assert "OL16" not in answer.text
    # alone, it promises the findings and gives none: the documents held do not answer, and it is shown as closest
    alone = compose("What did Ofsted say about the 2025 focused visit?", hits[:1], EMBED,
                    settings=replace(WORDS_ONLY, min_score=0.2))
    assert alone.refused and "summarises" in alone.closest[0].text
    looked = hit(3, "Inspectors looked at the experiences of children in care in Rochdale.", date="2025-06-16")
    assert compose("What did Ofsted say about the 2025 focused visit?", [looked], EMBED,
                   settings=replace(WORDS_ONLY, min_score=0.05)).text.startswith("Inspectors looked at")
    assert "OL16" in compose("Where are Rochdale's offices?", hits[:1], EMBED, settings=replace(WORDS_ONLY, min_score=0.0)).text


def test_an_answer_says_it_is_less_certain_when_another_passage_answers_almost_as_well():
    question = "How often do social workers receive supervision in the assessment teams?"
    best = "Social workers in the assessment teams receive supervision every four weeks."
    rival = "Social workers in the assessment teams said supervision is often cancelled."
    hits = [hit(1, best), hit(2, rival, doc="b.pdf")]
    close = compose(question, hits, EMBED, settings=replace(WORDS_ONLY, max_sentences=1))  # cites the best alone
    assert not close.refused and close.hedged and close.rival.doc == "b.pdf" and close.rival.sentence == rival
    assert close.to_dict()["hedged"] is True and close.to_dict()["rival"]["doc"] == "b.pdf"
    assert close.markdown().startswith(f'*{LESS_CERTAIN} another passage, "{rival}" (Report b.pdf, p. 1), matched')
    both = compose(question, hits, EMBED, settings=WORDS_ONLY)  # an answer citing both names the other by its marker
    assert both.hedged and both.markdown().startswith(f"*{LESS_CERTAIN} passage [2] matched the question almost as "
                                                      "well as [1], the one this answer rests on.")
    clear = compose(question, [hit(1, best), hit(2, "Foster carers value their training.", doc="b.pdf")], EMBED,
                    settings=WORDS_ONLY)
    assert not clear.refused and not clear.hedged and clear.rival is None and LESS_CERTAIN not in clear.markdown()
    from assistant.app import chat_markdown
    assert chat_markdown(close).startswith(f"*{LESS_CERTAIN}")  # read before the answer in the chat
    assert chat_markdown(both).startswith(f"*{LESS_CERTAIN} passage [[2]](#cite-2) matched")  # its marker opens it
    marked_up = replace(close, rival=replace(close.rival, sentence="<script>alert(1)</script> said so"))
    assert "<script>" not in chat_markdown(marked_up) and "&lt;script&gt;" in chat_markdown(marked_up)
    assert LESS_CERTAIN not in chat_markdown(clear)


def test_the_same_sentence_in_two_overlapping_passages_is_no_rival():
    question = "How often do social workers receive supervision in the assessment teams?"
    best = "Social workers in the assessment teams receive supervision every four weeks."
    overlapping = [hit(1, f"Leaders are visible. {best}"), hit(2, f"{best} Morale is good.", page=2)]
    answer = compose(question, overlapping, EMBED, settings=WORDS_ONLY)
    assert not answer.refused and not answer.hedged


def test_a_line_labelling_a_date_answers_when_not_what_was_found():
    hits = [hit(1, "Inspection dates: 5 to 9 February 2024\nDates of previous inspection: 9 to 11 December 2019"),
            hit(2, "While the monitoring inspection in 2019 found that accountability was strengthening, it noted a lack "
                   "of joint strategic leadership.", page=4)]
    found = compose("What did the previous inspection in 2019 find?", hits, EMBED, settings=WORDS_ONLY)
    assert not any("Dates of previous inspection" in c.sentence for c in found.citations)
    when = compose("When was the previous inspection?", hits, EMBED, settings=WORDS_ONLY)
    assert "9 to 11 December 2019" in when.text


def test_the_colophon_closing_a_report_answers_nothing():
    colophon = ("The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and inspects "
                "to achieve excellence in the care of children and young people. It assesses council children's services, "
                "and inspects services for looked after children, safeguarding and child protection. This report is "
                "available at https://reports.ofsted.gov.uk/.")
    answer = compose("What does Ofsted say about services for looked after children?", [hit(1, colophon)], EMBED,
                     settings=WORDS_ONLY)
    assert answer.refused and not answer.citations
    power = ("Ofsted produces this report of the inspection of local authority functions and the review of the local "
             "safeguarding children board under its power to combine reports. If you would like Ofsted to send you a "
             "copy of the guidance, please telephone 0300 123 4234 or email the local safeguarding children board.")
    assert compose("What did Ofsted's review say about the local safeguarding children board?", [hit(1, power)], EMBED,
                   settings=WORDS_ONLY).refused


def test_who_wrote_a_paper_is_answered_from_its_author_line():
    header = hit(1, "CHILDREN AND YOUNG PEOPLE OVERVIEW AND SCRUTINY COMMITTEE\n28 JULY 2022\n"
                    "CHILDREN'S SERVICES OFSTED MONITORING VISIT MAY 2022\n"
                    "Report from: Dr Lee Anne Farach, Director of People\n"
                    "Author: Sue Brunton-Reed, Head of Special Projects and Improvement", doc="paper.txt",
                 date="2022-07-28")
    letter = hit(2, "His Majesty's inspectors for this monitoring visit were Rachel Griffiths and Joy Howick. It followed "
                    "the visit of May 2022.", doc="letter.pdf", date="2022-10-26")
    answer = compose("Who wrote it? (Did councillors get a report on the May 2022 monitoring visit?)", [letter, header],
                     EMBED, settings=WORDS_ONLY)
    assert [c.doc for c in answer.citations] == ["paper.txt"] and "Author: Sue Brunton-Reed" in answer.text


def test_a_count_of_children_may_call_them_young_people():
    hits = [hit(1, "A workshop helped children to chair their own reviews, with 66 young people being supported to "
                   "chair their reviews over the last year. Reviews are held on time.")]
    answer = compose("How many children in care were helped to chair their own review meetings?", hits, EMBED,
                     settings=WORDS_ONLY)
    assert not answer.refused and "66 young people" in answer.text


def test_a_figure_may_count_what_the_sentence_before_it_named():
    hits = [hit(1, "One of the key barriers to consistent practice is the high number of agency first line managers. "
                   "This rose from 14 out of 24 in April 2014 (58%) to 17 out of 26 in June 2015 (65%).")]
    answer = compose("How many of Medway's team managers were agency staff?", hits, EMBED, settings=WORDS_ONLY)
    assert not answer.refused and "17 out of 26 in June 2015 (65%)" in answer.text
    other = [hit(1, "Leaders value their team managers. This report has 14 pages.")]  # itself, not them
    assert compose("How many of Medway's team managers were agency staff?", other, EMBED, settings=WORDS_ONLY).refused


def test_a_councils_childrens_home_may_be_called_a_residential_unit():
    hits = [hit(1, "The council has a clear vision for its services. Leaders meet monthly with partners."),
            hit(2, "Medway have one residential unit, Old Vic, which is not well used.", doc="b.txt")]
    answer = compose("What was happening with the council's own children's home?", hits, EMBED, settings=WORDS_ONLY)
    assert [c.doc for c in answer.citations] == ["b.txt"]


def test_a_history_between_two_named_reports_reads_the_ones_in_between():
    hits = [hit(1, "The senior leadership team of the council is stable and permanent.", doc="2015.pdf", date="2015-11-27"),
            hit(2, "An increasingly stable senior leadership team has made progress.", doc="2021.pdf", date="2021-07-08"),
            hit(3, "Senior leadership of the council has been stable since the last inspection.", doc="2025.pdf",
                date="2025-06-02")]
    question = "How stable has the senior leadership of the council been from the 2015 inspection through to the 2025 visit?"
    answer = compose(question, hits, EMBED, settings=WORDS_ONLY, named=("2015.pdf", "2025.pdf"))
    assert "2021.pdf" in {c.doc for c in answer.citations}
    assert "2021.pdf" not in {c.doc for c in compose("How stable was the senior leadership in the 2015 inspection?",
                                                     hits, EMBED, settings=WORDS_ONLY, named=("2015.pdf",)).citations}


def test_a_when_question_is_answered_from_one_passage():
    hits = [hit(1, "The joint targeted area inspection of the response to domestic abuse took place in June 2018."),
            hit(2, "The joint targeted area inspection of domestic abuse took place before the focused visit of 5 "
                   "February 2019.", doc="b.pdf")]
    answer = compose("When did the joint targeted area inspection of domestic abuse take place?", hits, EMBED,
                     settings=WORDS_ONLY)
    assert [c.doc for c in answer.citations] == ["a.pdf"] and "June 2018" in answer.text


def test_a_good_number_is_no_count_unless_a_figure_follows_closely():
    from assistant.answer import _counts

    assert not _counts("How many care leavers does Medway support?", "A good number of care leavers benefit from "
                       "continuing to live with their foster carers when they turn 18.")
    assert _counts("How many children were in the pre-proceedings stage?",
                   "A large number of children (98 from 47 families) are subject to the pre-proceedings phase.")
    assert _counts("How many children are looked after?", "The number of looked after children fell from 60 to 36.")


def test_a_season_takes_in_the_month_after_it_when_a_report_on_it_is_dated():
    from assistant.periods import named_period, within_period

    december = hit(1, "The number now stands at around 15.", date="2019-12-01")
    assert within_period(*named_period("How many cases were unallocated in autumn 2019?"), december)
    assert not within_period(*named_period("How many cases were unallocated in summer 2019?"), december)


def test_a_report_is_also_of_the_month_its_file_name_says_it_was_published():
    from assistant.periods import named_period, within_period

    h = hit(1, "Inspection dates: 5 to 9 February 2024", doc="area send full inspection - 02 april 2024.pdf",
            date="2024-02-09")  # Ofsted's text gives the visit; the download's name, the day it was published
    assert within_period(*named_period("When was the area SEND inspection that reported in April 2024 carried out?"), h)
    assert not within_period(*named_period("What did the June 2024 report say?"), h)
    assert not within_period(*named_period("What did the April 2024 report say?"), replace(h, meta={**h.meta, "doc": "s.pdf"}))


def test_a_follow_up_is_answered_on_its_own_words_more_than_those_of_the_question_it_leans_on():
    hits = [hit(1, "In 2011 overall effectiveness for looked after children was judged adequate."),
            hit(2, "Capacity to improve was judged adequate.")]
    question = "And its capacity to improve?"
    answer = compose(question, hits, EMBED, settings=WORDS_ONLY,
                     query=f"{question} (How was overall effectiveness of looked after children services judged?)")
    assert "Capacity to improve was judged adequate." in [c.text for c in answer.citations], answer.text


def test_the_words_naming_the_report_weigh_less_than_what_is_asked_about_it():
    hits = [hit(1, "The local area partnership's arrangements lead to inconsistent outcomes for children with special "
                   "educational needs (SEND). The local offer continues to be weak.")]
    answer = compose("What did the area SEND inspection say about the offer for families?", hits, EMBED,
                     weights={"send": 2.0, "offer": 2.0}, settings=replace(WORDS_ONLY, max_sentences=1))
    assert answer.text.startswith("The local offer continues to be weak."), answer.text


def test_a_follow_up_with_a_topic_of_its_own_is_answered_by_a_sentence_about_it():
    hits = [hit(1, "Disabled children have strong relationships with their social workers."),
            hit(2, "Some social workers of disabled children receive regular supervision.")]
    question = "And what about supervision?"
    earlier = "What did the visit find about disabled children's relationships with social workers?"
    answer = compose(question, hits, EMBED, settings=WORDS_ONLY, query=f"{question} ({earlier})")
    assert [c.text for c in answer.citations] == [hits[1].text], answer.text
    again = "Was anything still a concern?"  # how it relates to the answer before, not a topic: either may answer
    relating = compose(again, hits, EMBED, settings=WORDS_ONLY, query=f"{again} ({earlier})")
    assert relating.citations[0].text == hits[0].text


def test_a_follow_up_whose_topic_the_top_passages_miss_is_read_over_more_of_them():
    hits = [hit(n, f"Disabled children have strong relationships with their social workers, visit {n} found.")
            for n in range(1, 6)] + [hit(6, "Some social workers of disabled children receive regular supervision.")]
    question = "And what about supervision?"
    earlier = "What did the visit find about disabled children's relationships with social workers?"
    answer = compose(question, hits, EMBED, settings=WORDS_ONLY, query=f"{question} ({earlier})")
    assert [c.text for c in answer.citations] == [hits[5].text], answer.text


def test_a_figure_may_name_what_it_counts_earlier_in_its_paragraph():
    hits = [hit(1, "Families can directly commission short breaks for their children. More variety is needed. "
                   "Currently, there is a six-month delay in reviewing these.", heading="Short breaks")]
    answer = compose("How long was the backlog in reviewing directly commissioned short breaks?", hits, EMBED,
                     settings=WORDS_ONLY)
    assert not answer.refused and "six-month delay" in answer.text, answer.text


def test_a_figure_that_refers_back_is_answered_with_the_sentence_it_refers_to():
    hits = [hit(1, "Staff morale is low. There are unallocated cases. The number is reducing and now stands at around "
                   "15 but has been as high as 60.", date="2019-12-01")]
    answer = compose("How many children's cases had no allocated social worker in autumn 2019?", hits, EMBED,
                     settings=WORDS_ONLY)
    assert "There are unallocated cases. [1] The number is reducing" in answer.text and "morale" not in answer.text
    why = [hit(1, "Adoption work is timely and effective. There are not enough in-house foster carers to meet demand. This means that it "
                  "is not always possible for brothers and sisters to be placed together.")]
    answer = compose("Why couldn't brothers and sisters in care always live together?", why, EMBED, settings=WORDS_ONLY)
    assert "There are not enough in-house foster carers" in answer.text and "Adoption" not in answer.text


def test_a_figure_question_naming_only_what_every_passage_names_needs_no_topic_in_the_sentence():
    hits = [hit(1, "Ofsted have now carried out four monitoring visits in May 2020, July 2021 and May 2022.",
                date="2022-09-01")]
    answer = compose("How many Ofsted monitoring visits had there been by the May 2022 visit?", hits, EMBED,
                     settings=WORDS_ONLY)
    assert not answer.refused and "four monitoring visits" in answer.text


def test_a_why_question_takes_from_other_passages_only_sentences_that_give_a_reason():
    hits = [hit(1, "Special guardianship assessments are not progressed in a timely way because of staff shortages."),
            hit(2, "Children in care in this area\n- 20 special guardianship assessments were completed in the year",
                page=6),
            hit(3, "Assessments for special guardianship are delayed as a result of court backlogs.", page=9)]
    answer = compose("In 2023, why were special guardianship assessments being held up?", hits, EMBED,
                     settings=WORDS_ONLY)
    assert [c.page for c in answer.citations] == [1, 9]


def test_a_line_leading_in_to_a_list_is_answered_with_the_list():
    hits = [hit(1, "Recommendations\nIn order to improve services, the local authority should take the following "
                   "action.\n- ensure there is a clear analysis of risk for all children\n"
                   "- ensure that all children have a permanence plan\nInspectors met 20 children.")]
    answer = compose("Which actions did the inspection say the local authority should take to improve?", hits, EMBED,
                     settings=replace(WORDS_ONLY, max_sentences=1))
    assert "the following action. [1]" in answer.text and "clear analysis of risk" in answer.text
    assert "permanence plan" in answer.text and "20 children" not in answer.text


def test_the_occasion_a_question_names_weighs_less_than_what_it_asks_about():
    hits = [hit(1, "The national adviser wrote to the commissioner about her review."),
            hit(2, "The current political make-up of the council is: 32 Conservative, 20 Labour and 2 Independent.")]
    answer = compose("What was the party political make-up of Testshire Council when the commissioner wrote her review?",
                     hits, EMBED, settings=WORDS_ONLY)
    assert answer.citations[answer.lead - 1].text.startswith("The current political make-up")


def test_a_sentence_with_a_colon_after_its_verb_is_no_label():
    from assistant.answer import _labels_a_value

    assert _labels_a_value("Dates of previous inspection: 9 to 11 December 2019")
    assert not _labels_a_value("The make-up of the council is: 32 Conservative, 20 Labour")


def test_a_figure_is_about_the_first_question_not_a_second_one_joined_to_it():
    hits = [hit(1, "The local authority operates two children’s homes. Many staff were trained last year.",
                date="2015-11-27")]
    answer = compose("How many children's homes did Testshire run itself at the time of the 2015 inspection, and how "
                     "had they been rated?", hits, EMBED, settings=replace(WORDS_ONLY, min_score=0.2))
    assert not answer.refused and "two children’s homes" in answer.text


def test_a_sentence_broken_before_a_bracket_is_read_whole():
    units = split_units(0, "Senior managers established a weekly accommodation and placement panel\n(CAPP) in May 2013 to "
                           "bring consistency to decisions.\n(Outcome 4) is met.")
    assert [u.text.replace("\n", " ") for u in units][0] == (
        "Senior managers established a weekly accommodation and placement panel (CAPP) in May 2013 to bring "
        "consistency to decisions.")


def test_how_many_may_count_what_was_named_before_or_people_the_sentence_describes():
    from assistant.answer import _counts

    survey = "The 2013 inspection mentions a postal survey of children in care. How many were surveyed?"
    assert _counts(survey, "A postal survey was carried out in July 2012 of 111 looked after children.")
    homeless = "How many homeless 16- and 17-year-olds came to the council before the 2015 inspection?"
    assert _counts(homeless, "Between April and July 2015, all 20 young people aged 16 and 17 who presented as "
                             "homeless received a joint housing assessment.")
    assert not _counts(homeless, "Between April and July 2015, 20 young people aged 16 and 17 were adopted.")


def test_a_row_naming_an_event_and_its_month_says_when_not_what_was_found():
    from assistant.answer import _fits_type

    row = "Joint targeted area inspection of the response to domestic abuse in Medway June 2018"
    assert not _fits_type("What did the inspection find about domestic abuse?", row)
    assert _fits_type("When was the joint targeted area inspection?", row)
    assert _fits_type("What did the inspection find?", "The inspection in June 2018 found good practice.")


def test_a_cross_reference_is_no_figure():
    from assistant.answer import _fits_type

    question = "How much did the timeliness of reviews improve?"
    assert not _fits_type(question, "- the quality and timeliness of child in need reviews (paragraph 30)")
    assert _fits_type(question, "87.5% of reviews were held within timescale (paragraph 30).")


def test_a_when_question_after_an_opening_sentence_asks_when():
    from assistant.forms import DATE_Q

    assert DATE_Q.search("In 2015 Medway was developing a scheme for managers. When was it due to start?")


def test_a_figure_question_reads_abbreviations_spelled_out():
    from assistant.answer import abbreviations, spelled

    short = abbreviations(["Newly qualified social workers (NQSWs) are supported well by the academy.",
                           "the Multi-Agency Safeguarding Hub (MASH) and education, health and care (EHC) plans"])
    assert short == {"NQSW": "Newly qualified social workers", "MASH": "Multi-Agency Safeguarding Hub",
                     "EHC": "education, health and care"}
    assert spelled("17 NQSWs were employed", short) == "17 Newly qualified social workers were employed"
    hits = [hit(1, "Newly qualified social workers (NQSWs) are supported well by the academy. At the time of the "
                   "inspection, 17 NQSWs were employed within children's services.")]
    answer = compose("How many newly qualified social workers were employed?", hits, EMBED)
    assert "17 NQSWs" in answer.text and not answer.refused


def test_each_part_of_a_two_part_question_is_answered_as_the_kind_of_question_it_is():
    # the figure rule for "how many" would rule out the judgement the second part asks for
    hits = [hit(1, "50 children left care through adoption in 2014-15. This is good performance compared with "
                   "similar areas.", date="2015-11-27")]
    question = "How many children left care through adoption in 2014-15, and was that considered good performance?"
    answer = compose(question, hits, EMBED, settings=replace(WORDS_ONLY, min_score=0.2))
    assert "50 children" in answer.text and "good performance compared" in answer.text
    assert not answer.notice
    only_first = compose("How many children left care through adoption in 2014-15?", hits, EMBED,
                         settings=replace(WORDS_ONLY, min_score=0.2))
    assert "good performance" not in only_first.text


def test_the_second_part_is_answered_from_the_first_parts_document_and_an_unanswered_part_is_named():
    hits = [hit(1, "The last full inspection took place in July 2023.", doc="a.pdf"),
            hit(2, "The inspection was led by Jo Smith, His Majesty's Inspector.", doc="b.pdf"),
            hit(3, "Lead inspector: Amanda Maxwell, His Majesty's Inspector.", doc="a.pdf")]
    answer = compose("When was the last full inspection, and who led the inspection?", hits, EMBED,
                     settings=replace(WORDS_ONLY, min_score=0.2))
    assert "July 2023" in answer.text and "Amanda Maxwell" in answer.text and "Jo Smith" not in answer.text
    assert {c.doc for c in answer.citations} == {"a.pdf"}
    lone = compose("When was the last full inspection, and how many foster carers were recruited?", hits[:1], EMBED,
                   settings=replace(WORDS_ONLY, min_score=0.2))
    assert "July 2023" in lone.text and not lone.refused
    assert lone.notice.endswith("How many foster carers were recruited?")


def test_question_parts():
    from assistant.answer import question_parts

    assert question_parts("What did the 2019 inspection find?") == [("What did the 2019 inspection find?",) * 3]
    first, second = question_parts("How many homes did it run in 2015, and how were they rated?")
    assert first == ("How many homes did it run in 2015?",) * 3
    assert second == ("How were they rated?", "How were they rated (2015)?",
                      "How were they rated? How many homes did it run in 2015?")
    assert len(question_parts("Who led the visit? When was it?")) == 2
    assert len(question_parts("Is it good now? How has it changed since 2019?")) == 1  # a history: one answer


def test_a_contents_page_answers_nothing_but_a_table_of_grades_may():
    contents = ("The inspection judgements and what they mean 2 Service information 3 Overall effectiveness of services "
                "for looked after children 4 Capacity to improve 5 Outcomes for looked after children 9")
    question = "What was the overall effectiveness of services for looked after children?"
    assert compose(question, [hit(1, contents)], EMBED, settings=replace(WORDS_ONLY, min_score=0.2)).refused
    grades = "Overall effectiveness of services for looked after children Inadequate Grade 4 Capacity to improve Adequate Grade 3"
    assert not compose(question, [hit(1, grades)], EMBED, settings=replace(WORDS_ONLY, min_score=0.2)).refused


def test_a_part_is_not_answered_by_a_sentence_naming_only_its_year():
    hits = [hit(1, "Ofsted have now carried out four monitoring visits in May 2020, July 2021, January 2022 and May "
                   "2022.", date="2022-07-28")]
    rare = {"find": 5.0, "found": 5.0}  # what the whole question asks, which the sentence does not say
    question = "What did the January 2022 monitoring visit focus on, and what did it find?"
    assert compose(question, hits, EMBED, rare, settings=WORDS_ONLY).refused
    when = compose("When was the January 2022 monitoring visit, and what did it find?", hits, EMBED, rare,
                   settings=WORDS_ONLY)
    assert not when.refused and "January 2022" in when.text  # a date is what the first part asks for


def test_a_sentence_holding_the_questions_words_as_a_phrase_comes_first():
    """ "Family hubs" asked: the sentence about family hubs, not the one naming families and early help hubs."""
    scattered = "Families say the early help hubs make a difference to children with SEND."
    phrase = "Children with SEND say family hubs make a difference."
    question = "What difference do family hubs make to children with SEND?"
    for first, second in ((scattered, phrase), (phrase, scattered)):  # whichever passage the retriever put first
        answer = compose(question, [hit(1, first), hit(2, second, doc="b.pdf")], EMBED,
                         settings=replace(WORDS_ONLY, rank_weight=0.0, keep_ratio=1.0))
        assert answer.citations[0].sentence == phrase, first
    no_bonus = replace(WORDS_ONLY, rank_weight=0.0, keep_ratio=1.0, phrase_bonus=0.0)
    assert compose(question, [hit(1, scattered), hit(2, phrase, doc="b.pdf")], EMBED,
                   settings=no_bonus).citations[0].sentence == scattered  # the words alone tie


def test_the_council_a_figure_question_names_is_not_what_the_figure_counts():
    """In a library of many councils a council's name weighs a lot, and a sentence giving the figure rarely
    repeats it ("the highest number in the borough"): whose figure it is, not what it counts."""
    question = "How many children were on child protection plans in Barking and Dagenham?"
    figure = "There are 420 children on child protection plans, the highest ever number in the borough."
    weights = {"bark": 5.0, "dagenham": 5.0, "protect": 1.0, "plan": 1.0}
    answer = compose(question, [hit(1, figure)], EMBED, weights, settings=WORDS_ONLY)
    assert not answer.refused and "420 children" in answer.text
    assert compose("How many foster carers were there in Barking and Dagenham?", [hit(1, figure)], EMBED, weights,
                   settings=WORDS_ONLY).refused  # still a sentence about what is counted


def test_what_the_top_passages_do_not_answer_is_looked_for_in_the_rest():
    others = [hit(i, f"Advocates visit children in care in area {i} regularly.", doc=f"{i}.pdf") for i in range(1, 6)]
    figure = hit(6, "The advocacy service is supporting 27 children in care.", doc="6.pdf")
    question = "How many children in care were using the advocacy service?"
    answer = compose(question, others + [figure], EMBED, settings=WORDS_ONLY)
    assert not answer.refused and "27 children" in answer.text and answer.citations[0].doc == "6.pdf"
    assert compose(question, others + [figure], EMBED, settings=replace(WORDS_ONLY, more_passages=0)).refused
    # a question the top passages answer is answered from them
    assert compose("Do advocates visit children in care?", others + [figure], EMBED,
                   settings=WORDS_ONLY).citations[0].doc != "6.pdf"
    # and one they do not answer, from the rest (not only a figure)
    plans = hit(6, "Pathway plans for care leavers are written with the young people.", doc="6.pdf")
    asked = "Are pathway plans for care leavers written with the young people?"
    assert compose(asked, others + [plans], EMBED, settings=WORDS_ONLY).citations[0].doc == "6.pdf"
    assert compose(asked, others + [plans], EMBED, settings=replace(WORDS_ONLY, more_passages=0)).refused


def test_an_occasion_named_when_ofsted_looked_at_something_does_not_ask_what_it_looked_at():
    from assistant.answer import _asked
    from assistant.forms import LOOKED_AT_Q

    opening = hit(1, "Inspectors looked at the front door in February 2019, and at why initial visits were delayed.",
                  doc="letter.pdf", date="2019-02-28")
    finding = hit(2, "Initial visits are delayed because social workers carry too many cases.", doc="letter.pdf",
                  date="2019-02-28", page=2)
    asked = "When Ofsted looked at the front door in February 2019, why were initial visits delayed?"
    assert LOOKED_AT_Q.search(asked) and not LOOKED_AT_Q.search(_asked(asked))
    assert _asked("The 2018 review looked at exclusions. How concentrated were they?") == "How concentrated were they?"
    assert _asked("What share of staff were permanent when Ofsted looked at the front door?") == \
        "What share of staff were permanent"
    answer = compose(asked, [opening, finding], EMBED)
    assert answer.citations and "carry too many" in answer.citations[0].sentence


def test_a_council_papers_formalities_answer_nothing_but_a_question_about_them():
    paper = hit(1, "6. Legal implications\n- 6.1 There are no legal implications arising from this report.\n"
                   "7. Recommendations\n- 7.1. The Committee is asked to note the report.", doc="paper.txt")
    assert compose("What strengths did the report to the committee find?", [paper], EMBED, settings=WORDS_ONLY).refused
    asked = compose("What was the committee asked to do with the report?", [paper], EMBED, settings=WORDS_ONLY)
    assert not asked.refused and "asked to note the report" in asked.text


def test_an_answer_resting_on_a_sentence_that_holds_little_of_the_question_is_less_certain():
    question = "Were young carers given enough respite breaks and support with their caring roles in 2023?"
    thin = compose(question, [hit(1, "Personal advisers say the support is valued.")], EMBED,
                   settings=replace(WORDS_ONLY, min_score=0.1))
    assert not thin.refused and thin.hedged and thin.rival is None
    assert thin.markdown().startswith(f"*{LESS_CERTAIN} the sentence this answer rests on ([1]) holds few of the "
                                      "question's words.")
    full = compose(question, [hit(1, "Young carers were given respite breaks and support with their caring roles.")],
                   EMBED, settings=replace(WORDS_ONLY, min_score=0.1))
    assert not full.refused and not full.hedged


def test_a_date_is_given_only_with_the_event_it_dates():
    hits = [hit(1, "In December 2017, Cabinet approved the move of short breaks to Parklands, in Gillingham."),
            hit(2, "The new Parklands short breaks centre opened in May 2019.", doc="b.pdf")]
    question = "When did the Parklands short breaks centre in Gillingham open?"
    answer = compose(question, hits, EMBED, settings=WORDS_ONLY)
    assert [c.doc for c in answer.citations] == ["b.pdf"], answer.text
    assert compose(question, hits[:1], EMBED, settings=WORDS_ONLY).refused  # approving it is not opening it
    appointed = [hit(1, "The commissioner's report was published in December 2019."),
                 hit(2, "I was appointed as commissioner on 27th August 2019.", doc="b.pdf")]
    answer = compose("When exactly was the commissioner appointed?", appointed, EMBED, settings=WORDS_ONLY)
    assert "27th August 2019" in answer.text and "December" not in answer.text, answer.text
    dates = [hit(1, "Inspection dates: 5 to 9 February 2024")]  # a visit's dates say when it started
    assert not compose("When did the 2024 inspection start?", dates, EMBED, settings=WORDS_ONLY).refused
    from assistant.answer import _event

    assert "date" in _event("When did the 2024 inspection start?")  # its dates say
    # the inspection is the occasion: its dates do not say when the board started
    assert "date" not in _event("After the 2024 inspection, when did the improvement board start?")
    # the director who led the council through an inspection: when they took up the job, not the inspection's dates
    took_up = _event("When did the director who led Medway through the 2015 inspection take up the job?")
    assert "appoint" in took_up and "date" not in took_up


def test_who_is_responsible_may_be_answered_by_a_body_not_only_a_person():
    hits = [hit(1, "Medway Council and the Kent and Medway Integrated Care Board (ICB) are responsible for "
                   "commissioning and planning services for children with SEND.")]
    answer = compose("Who is in charge of commissioning SEND services?", hits, EMBED, settings=WORDS_ONLY)
    assert not answer.refused and "Integrated Care Board" in answer.text, answer.text
    assert compose("Who led the commissioning of SEND services?", hits, EMBED, settings=WORDS_ONLY).refused
    named = [hit(1, "Children referred to the multi-agency safeguarding hub (MASH) and the Children's Advice Board get "
                    "a timely response.")]  # bodies named, but not as who is responsible
    assert compose("Who is in charge of the MASH?", named, EMBED, settings=WORDS_ONLY).refused


def test_a_sentence_saying_what_the_one_before_it_includes_comes_with_it():
    hits = [hit(1, "There has been a welcome increase in the range of professionals based in the MASH. This "
                   "includes an education lead, a domestic abuse officer and a missing coordinator. Morale in the "
                   "MASH is good.")]
    answer = compose("Which professionals had joined the MASH?", hits, EMBED,
                     settings=replace(WORDS_ONLY, max_sentences=1))
    assert "This includes an education lead" in answer.text and "Morale" not in answer.text, answer.text


def test_words_that_relate_or_stress_weigh_nothing():
    hits = [hit(1, "Take action to ensure that children have a health assessment within 28 days."),
            hit(2, "Care proceedings take 32 weeks on average. While this remains above the target of 26 weeks, the "
                   "trend is positive.")]
    question = "Was that within the target?"
    answer = compose(question, hits, EMBED, settings=WORDS_ONLY,
                     query=f"{question} (How long were care proceedings taking?)")
    assert "target of 26 weeks" in answer.citations[0].text, answer.text
    assert "health assessment" not in answer.text, answer.text


def test_a_report_named_only_as_a_time_does_not_keep_other_documents_from_answering():
    hits = [hit(1, "Leaders have a clear plan for improving practice.", date="2019-07-26"),
            hit(2, "The Director of People joined Medway in 2015 as the Deputy Director.", doc="b.pdf",
                date="2019-12-01")]
    question = "The Director of People in post at the 2019 inspection: when did he join Medway?"
    answer = compose(question, hits, EMBED, settings=WORDS_ONLY, named=("a.pdf",))
    assert [c.doc for c in answer.citations] == ["b.pdf"], answer.text
    said = "What did the 2019 inspection say about when the Director of People joined Medway?"
    assert compose(said, hits, EMBED, settings=WORDS_ONLY, named=("a.pdf",)).refused  # the report named says nothing


def test_a_follow_up_naming_only_a_time_has_no_topic_of_its_own():
    from assistant.answer import _own_topic

    earlier = "How stable were placements for children in care at the 2013 inspection?"
    question = "Had that held up by the 2015 inspection?"
    assert _own_topic(question, f"{question} ({earlier})") == set()  # (else a passage naming 2015 is preferred)
    question = "And what about supervision in 2023?"
    assert _own_topic(question, f"{question} ({earlier})") == {"supervis"}


def test_children_a_social_worker_is_carrying_are_a_caseload():
    from assistant.forms import terms_of

    asked = "How many children were social workers in the assessment service carrying in 2019?"
    assert "caseload" in " ".join(terms_of(asked))
    assert "caseload" not in " ".join(terms_of("The audit was carried out in 2019."))
    sentences = ["Caseloads in the assessment service are high, with most social workers responsible for over 40 "
                 "children.", "The assessment service carried out 40 assessments in 2019."]
    answer = compose(asked, [hit(1, " ".join(sentences))], EMBED, settings=replace(WORDS_ONLY, min_score=0.2))
    assert answer.text.startswith("Caseloads in the assessment service"), answer.text


def test_whether_inspectors_came_in_person_is_answered_by_a_visit_carried_out_remotely():
    hits = [hit(1, "Inspectors spoke to social workers about their caseloads. This visit was carried out fully by "
                   "remote means.")]
    answer = compose("Did inspectors come into the office for that visit?", hits, EMBED,
                     settings=replace(WORDS_ONLY, min_score=0.2))
    assert answer.text.startswith("This visit was carried out fully by remote means"), answer.text


def test_ofsteds_view_over_time_is_read_from_ofsteds_reports_not_the_councils_papers():
    paper = hit(2, "The Corporate Parenting Board is well organised and its members listen to children.",
                doc="paper.txt", date="2022-07-28")
    paper.meta["kind"] = "scrutiny committee report"
    hits = [hit(1, "The corporate parenting board does not track its actions well.", doc="2019.pdf", date="2019-07-26"),
            paper,
            hit(3, "The corporate parenting board has improved significantly.", doc="2023.pdf", date="2023-07-28")]
    question = "How has Ofsted's view of the corporate parenting board changed between 2019 and 2023?"
    answer = compose(question, hits, EMBED, settings=WORDS_ONLY)
    assert {c.doc for c in answer.citations} == {"2019.pdf", "2023.pdf"}, answer.text
    council = compose("How has the corporate parenting board changed between 2019 and 2023?", hits, EMBED,
                      settings=WORDS_ONLY)
    assert "paper.txt" in {c.doc for c in council.citations}, council.text  # not asked of Ofsted: any source


def test_when_the_next_one_happened_is_a_later_date_from_a_later_report_not_an_expectation():
    hits = [hit(1, "Ofsted have carried out monitoring visits in January 2022 and May 2022. A further monitoring "
                   "visit is expected in autumn 2022.", doc="july.txt", date="2022-07-28"),
            hit(2, "We anticipate that the next monitoring visit will be in early 2023.", doc="news.txt",
                date="2022-09-22"),
            hit(3, "On 21 and 22 September 2022 Ofsted undertook their fifth monitoring visit.", doc="news.txt",
                date="2022-09-22"),
            hit(4, "In April 2022 Ofsted carried out a visit.", doc="april.txt", date="2022-04-30")]
    question = "When did the next one happen?"
    query = f"{question} (after May 2022: What was Ofsted's monitoring visit about?)"
    low = replace(WORDS_ONLY, min_score=0.0)
    answer = compose(question, hits, EMBED, settings=low, query=query)
    assert answer.text.startswith("On 21 and 22 September 2022"), answer.text
    expected = "When was the next one anticipated?"
    answer = compose(expected, hits, EMBED, settings=low, query=f"{expected} (after May 2022: visits?)")
    assert "April" not in answer.text and not answer.refused, answer.text  # an earlier report: not after it
    from assistant.periods import later

    assert later("A further visit is expected in autumn 2022.", "2022-05") and not later("In May 2022.", "2022-05")

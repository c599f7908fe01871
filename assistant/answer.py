"""Extractive answers: the sentences of the retrieved passages that answer the question, each cited.

No model writes anything: every sentence in an answer is copied from a passage, so numbers and
table rows stay exactly as the document has them. When the evidence is weak the answer says the
documents do not answer and shows the closest passages as "closest matches", not as citations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

import numpy as np

from assistant.forms import (ABOUT_FORMALITY, AFTER_MONTH, AGENT, ANAPHOR, ANSWERS_FOR, ASKS_AHEAD, AS_SOURCE,
                             AUTHOR_LINE, BETWEEN, BETWEEN_TWO, BODY, BODY_Q, CAUSE, COLOPHON, CONTENTS_ENTRY,
                             DATED_OPENING, DATE_Q, DESCRIBED, DESCRIBED_VISIT, ELIDED, EVENTS, EXPECTED,
                             EXPECTED_THING, EmbedFn, FILLER, FORMALITY, FUTURE, FUTURE_Q, GENERIC, GIVEN, GRADE,
                             GRADED_HEADING, GRADE_Q, HAS_DATE, HAS_NUMBER, HOW_LONG_Q, HOW_MANY, INCLUDES,
                             INSPECTION_DID, INSPECTORS_ON, INSPECTORS_THERE, INSPECTOR_COUNT, LABELLED,
                             LEADING_OCCASION, LEADS_IN, LIST_Q, LOOKED_AT_Q, MONEY, MONEY_Q, MONTHS, MONTH_YEAR,
                             NAME_PAIR, NOT_NAMES, NUMBER_Q, OCCASION, OCCASION_NAMED, OFSTED_VIEW, OPENING,
                             OTHER_SOURCE, OWN_VIEW, PEOPLE, POSTCODE, PROMISES, QUESTION_WORDS, RELATING, ROLES,
                             ROLE_Q, SAME, SCHEDULE, SCOPE_WORDS, SECOND_QUESTION, SELF_SUMMARY, SEND_REPORT, SHARE_OF,
                             SINCE, SOME, SPAN, TAKES_ROLE, THINKING, TOOK_UP, TOO_LONG, TWO_QUESTIONS, VIEW_Q, WHERE_Q,
                             WHICH_VISIT, WHO_ACTS, WHO_DOES, WHO_INSPECTED_Q, WHO_Q, WHO_WROTE_Q, WHY_Q, terms_of)
from assistant.periods import iso_month, later, named_period, within_period
from assistant.records import NO_ANSWER, Answer, citation, one_line, refuse, when
from ingest.chunking import is_heading, sentences
from ingest.clean import BULLET, TERMINAL
from vectorstore.abbreviations import abbreviations, spelled
from vectorstore.bm25_index import tokenize
from vectorstore.boilerplate import normalise
from vectorstore.query_scope import (ACRONYMS, AUTHOR_NAMED, INSPECTORS_NAMED, KIND_WORDS, LATEST, RATING_AS_CONTEXT,
                                     YEAR, YEARS_ON, asks_now, asks_over_time, dates_of, scope_of, sections_asked,
                                     unframed)
from vectorstore.retrieval import ACROSS_COUNCILS, OFSTED_KINDS, OWN_PAPERS, Hit


@dataclass
class Unit:
    """One sentence or list item of a passage, with what scored it."""
    hit: int  # index into the hits
    text: str
    is_item: bool
    score: float = 0.0
    terms: set[str] = field(default_factory=set)
    dense: float | None = None  # the model's similarity to the question (None: not embedded)
    line: int = 0  # the passage's line (paragraph or list item) it comes from
    lead: str = ""  # a list item's lead-in line ("Within six months:"), which says what the list is
    coverage: float = 0.0  # the share of the question's words (by weight) it holds, its context counting half


@dataclass(frozen=True)
class AnswerSettings:
    passages: int = 5  # top passages read for sentences
    more_passages: int = 10  # read when no sentence of those answers (0: never)
    min_score: float = 0.35  # below this the documents are taken not to answer (calibrated on the dev set)
    keep_ratio: float = 0.85  # further sentences must score at least this share of the best
    max_sentences: int = 4
    dense_weight: float = 0.5
    rank_weight: float = 0.1  # prior for the retriever's order: rank_weight / rank
    figure_coverage: float = 0.3  # share of a figure question's topic a sentence with a number must name
    embed_units: int = 16  # embed only this many units, the best by words and rank (0: all); 24 from more passages
    section_bonus: float = 0.5  # for units under the heading of the section the question asks for
    scope_weight: float = 0.5  # share of a term's weight for the words that pick the document (years, months)
    cause_bonus: float = 0.1  # for a sentence that gives a reason, when the question asks why
    why_ratio: float = 0.8  # a why-question is answered by a sentence giving a reason scoring this share of the best
    phrase_bonus: float = 0.05  # for holding the question's pairs of words in order (0.05-0.2 tried on dev-dev8)
    extra_margin: float = 0.1  # a sentence of another passage joins only this close to the best's model similarity
    hedge_margin: float = 0.08  # another passage's best sentence this close to the best's score: less certain
    now_ratio: float = 0.75  # how things stand now: the newest document whose best sentence scores this share of the best
    thin_coverage: float = 0.2  # a best sentence holding less of the question's words is less certain (dev sets)
    own_weight: float = 1.5  # a follow-up's own words, against those of the question it leans on (1.5-3 tried)


CROSS_REFERENCE = re.compile(r"\((?:see )?(?:paragraphs?|paras?|pages?|sections?|outcomes?)\s[\d.,\s and-]+\)", re.IGNORECASE)
WITHIN_PERIOD = re.compile(r"\b(?:in|over|during|within|for)\s+the\s+(?:last|past|previous|first|next)\s+"
                           r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)\s+"
                           r"(?:days?|weeks?|months?|years?)\b", re.IGNORECASE)
PARAGRAPH_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+(?=[A-Z])")  # "1.1 Recruitment ...", "2.9 The reason ..."
NAMED_BY_NUMBER = frozenset({"service", "services", "team", "teams", "plus", "hub"})  # "the 0-25 service", "16 plus team"
NUMBER_IN_NAME = re.compile(rf"(?<![\w/])\d+(?:[-–]\d+)?\s+(?=(?:{'|'.join(sorted(NAMED_BY_NUMBER))})\b"
                            r"(?!\s+(?:users?|managers?|members?|leaders?|workers?)\b))",  # not "25 service users"
                            re.IGNORECASE)
CARRIES_ON = re.compile(r"(,|\b(?:for|and|of|the|by|to|in|with|a|an|or|on|at|from))\s*$", re.IGNORECASE)


def _lines(text: str) -> list[str]:
    """The passage's lines, a line broken mid-sentence joined to the next ("Report for the Minister of State for" /
    "Children and Families by ..."): with its line break kept, so that the sentence is still found in the passage."""
    lines: list[str] = []
    for line in text.split("\n"):
        prev = lines[-1].rstrip() if lines else ""
        if (prev and line.strip() and not BULLET.match(line.strip()) and not BULLET.match(prev.strip())
                and (CARRIES_ON.search(prev) or line.strip()[0].islower()
                     or (line.strip()[0] == "(" and not prev.endswith(TERMINAL)))):  # "... Placement Panel" / "(CAPP)"
            lines[-1] = f"{lines[-1]}\n{line}"
        else:
            lines.append(line)
    return lines


def split_units(hit_index: int, text: str) -> list[Unit]:
    units, lead = [], ""
    for number, line in enumerate(_lines(text)):
        line = line.strip()
        if line and not BULLET.match(line):
            lead = line if line.endswith(":") else ""
        # a heading frames an answer and is not one, unless it labels a value ("Inspection dates: 3 to 14 July")
        # or states a grade ("The Local Safeguarding Children Board requires improvement to be good")
        if not line or ((is_heading(line) or line.endswith("?")) and not _labels_a_value(line)
                        and not GRADED_HEADING.search(line)):
            continue
        if BULLET.match(line) and sum(_is_sentence(line[s.start:s.end]) for s in sentences(line)) < 2:
            units.append(Unit(hit_index, line, True, line=number, lead=lead))  # one finding, perhaps "(Outcome 4 ...)"
            continue
        if BULLET.match(line):  # a finding set out as a paragraph ("◼ Since the visit in 2020, ... Caseloads are ...")
            line = BULLET.sub("", line, count=1)
        short = None  # a sentence of under four words ("Supervision occurs regularly.") is read with the next
        for s in sentences(line):
            words = line[s.start:s.end].split()
            if len(words) < 4:  # a paragraph's number ("6.") is no sentence
                short = s.start if sum(w[0].isalpha() for w in words) >= 2 else None
                continue
            units.append(Unit(hit_index, line[s.start if short is None else short:s.end].strip(), False, line=number))
            short = None
    return units


def _is_sentence(piece: str) -> bool:
    piece = piece.strip()
    return len(piece.split()) >= 4 and not piece.startswith("(")


def _labels_a_value(line: str) -> bool:
    """ "Inspection dates: 15 July", "Lead inspector: A Name"; not a title ("Children's Services: Latest visit")."""
    value = line.split(":", 1)[1] if LABELLED.search(line) else ""
    return bool(re.search(r"\d", value)) or _names_someone(value)


def compose(question: str, hits: Sequence[Hit], embed: EmbedFn, weights: dict[str, float] | None = None,
            settings: AnswerSettings = AnswerSettings(), query: str | None = None,
            named: Sequence[str] = (), common: frozenset[str] = frozenset(), named_year: int | None = None) -> Answer:
    """An extractive answer to `question` from `hits` (best first). `weights` gives a term's idf;
    `named` the documents the question names by year and kind: only they (and the council's own papers
    about them) can answer it; `common` the library's boilerplate sentences (`vectorstore.boilerplate`),
    which answer only when and who questions (a letter's opening names the visit's dates); `named_year` the year
    of the earliest of those documents: a council paper from before it cannot be about it."""
    query, weights = query or question, weights or {}
    # "how many inspectors took part?": reports name them ("Her Majesty's Inspectors were ..."), they do not count them
    question, query = (INSPECTOR_COUNT.sub("who were the inspectors who", t) for t in (question, query))
    every, hits = list(hits), list(hits[: settings.passages])
    if not hits:
        return Answer(question, NO_ANSWER, refused=True, query=query)
    sections = sections_asked(query)  # "what improvement points did Ofsted list?": its "What needs to improve?",
    wider = every[: max(settings.more_passages, settings.passages)]  # when it is among the passages read on a miss
    if (sections and re.search(r"\b(?:what|which)\b", question, re.IGNORECASE)  # ("since when had the director
            and not (DATE_Q.search(question) or WHO_Q.search(question))  # who led the improvement been in post?": no)
            and not any(_in(sections, h) for h in hits) and any(_in(sections, h) for h in wider)):
        hits = wider
    picks, unanswered = _pick_parts(question, query, hits, embed, weights, settings, named, common, named_year)
    topic = _own_topic(question, query)  # "And what about supervision?" answered by a sentence not about it
    # ("Had that changed by May 2022?" after a question about care leavers' health histories: by one naming none)
    leaned = topic or (_topic(question, query) if _follow_up(question, query) else set())
    off_topic = bool(picks and leaned and not any(leaned & u.terms for u in picks[0][0]))
    # ("how has the proportion of permanent staff changed between the 2019 front door visit and ...?" answered by
    # "Inspectors reviewed the arrangements at their 'front door'": which visit it was, the best only of the first)
    method = bool(picks and OPENING.search(picks[0][1].text) and not LOOKED_AT_Q.search(_asked(question)))
    if (not picks or off_topic or method) and len(every) > len(hits) and settings.more_passages:  # a figure is in
        # one sentence of one passage, often a lower one; a named report's findings may sit below its letterhead
        hits = every[: settings.more_passages]  # (the first passages read are the first of these)
        again = _pick_parts(question, query, hits, embed, weights, settings, named, common, named_year)
        if not picks or (again[0] and (any(leaned & u.terms for u in again[0][0][0]) if off_topic
                                       else not OPENING.search(again[0][0][1].text))):
            picks, unanswered = again
    if not picks and named and not AS_SOURCE.search(question):  # "The Director of People in post at the 2019
        # inspection: when did he join?" names a time, not where it is said: a commissioner's report may answer
        picks, unanswered = _pick_parts(question, query, hits, embed, weights, settings, (), common, None)
    if not picks:
        return refuse(question, hits, query)
    chosen, best, eligible, now = picks[0]
    for more, *_ in picks[1:]:
        chosen += [u for u in more if not any(u.hit == c.hit and _near_duplicate(u.text, c.text) for c in chosen)]
    answer = _render(question, chosen, hits, query, dated=now)
    if unanswered:  # one part answered: say which part was not
        answer = replace(answer, notice="No sentence of the passages read was found to answer: "
                                        + " ".join(unanswered))
    rival = _rival(best, [u for u in eligible if u.hit != best.hit], settings)
    if rival is None:  # the best sentence holds little of what was asked: as often wrong as a close call
        return replace(answer, hedged=True) if best.coverage < settings.thin_coverage else answer
    h = hits[rival.hit]  # the answer may cite it too (a history, or a second source): then it is named by its marker
    n = next((c.n for c in answer.citations if (c.doc, c.text) == (h.doc, h.text)), 0)
    return replace(answer, hedged=True, rival=citation(n, h, rival.text))


Pick = tuple[list[Unit], Unit, list[Unit], bool]  # the units chosen, the best, all eligible, whether it asks about now


def _pick_parts(question: str, query: str, hits: list[Hit], embed: EmbedFn, weights: dict[str, float],
                settings: AnswerSettings, named: Sequence[str], common: frozenset[str], named_year: int | None
                ) -> tuple[list[Pick], list[str]]:
    """What answers each part of the question (`question_parts`), and the parts nothing answers. "How many
    children were adopted in 2014-15, and was that considered good?": each part is answered as the kind of
    question it is (a figure, then a judgement), else the figure rule would rule out every judgement."""
    asked = [(question, question, query)] if query != question else question_parts(question)
    picks: list[Pick] = []
    unanswered = []
    for shown, q, pq in asked:  # a later part is about what the first part's answer is about ("..., and who led
        # it?"): its documents, when it has one
        within = {hits[u.hit].doc for u in picks[0][0]} if picks else None
        p = _pick(q, hits, embed, weights, settings, pq, named, common, named_year, within)
        if p and len(asked) > 1 and not (DATE_Q.search(q) or WHO_Q.search(q)):
            # a part is answered by a sentence naming what it asks about, not only its year ("What did the January
            # 2022 visit focus on?" is not answered by a list of visits); a part that names nothing of its own
            # ("What did it find?") only after the part before it
            own = set(terms_of(SCOPE_WORDS.sub(" ", shown))) - GENERIC - QUESTION_WORDS
            # ("This rose from 14 out of 24 ..." names it through the sentence before it, which it is shown with)
            said = p[1].terms.union(*(u.terms for u in p[0] if (u.hit, u.line) == (p[1].hit, p[1].line)))
            p = p if (own & said if own else picks) else None
        if p:
            picks.append(p)
        else:
            unanswered.append(shown)
    if not picks and len(asked) > 1:  # no part alone: the whole question, as one
        whole = _pick(question, hits, embed, weights, settings, query, named, common, named_year)
        return ([whole] if whole else []), []
    return picks, unanswered


def question_parts(question: str) -> list[tuple[str, str, str]]:
    """(the part as asked, as read, what to search with) for each part of a question that asks two things ("How
    many ... in 2015, and was that considered good?"); the second part is read with the first's years and
    searched with its words ("Was that considered good (2015)?", searched with the whole question). One part
    when the question asks one thing, or a history (its parts are one answer: "Is it good now? How has it
    changed since 2019?")."""
    first, second = (TWO_QUESTIONS.split(question, maxsplit=1) + [""])[:2]
    if not second or len(second.split()) < 3 or asks_over_time(question) or SINCE.search(question):
        return [(question, question, question)]
    first = first.rstrip("?,. ") + "?"
    second = second[0].upper() + second[1:]
    years = " ".join(m.group(0) for m in SCOPE_WORDS.finditer(first))
    return [(first, first, first),
            (second, f"{second.rstrip('?')} ({years})?" if years else second, f"{second} {first}")]


def _pick(question: str, hits: list[Hit], embed: EmbedFn, weights: dict[str, float], settings: AnswerSettings,
          query: str, named: Sequence[str], common: frozenset[str], named_year: int | None,
          within: set[str] | None = None) -> Pick | None:
    """The units that answer `question` (chosen, the best, all eligible, whether it asks how things stand now),
    from the documents `within` if given, or None when none does."""
    units = [u for i, h in enumerate(hits) for u in split_units(i, h.text)]
    when_or_who = bool(DATE_Q.search(question) or WHO_Q.search(question))
    if common and not when_or_who:
        units = [u for u in units if normalise(u.text) not in common]
    if not (when_or_who or FUTURE_Q.search(question) or ASKS_AHEAD.search(question)):
        units = [u for u in units if not SCHEDULE.search(u.text)]  # "the next visit will be in early 2023"
    if not (WHO_Q.search(question) or WHERE_Q.search(question)):  # a letter's address block answers nothing else
        units = [u for u in units if not POSTCODE.search(u.text)]
    if not WHERE_Q.search(question):
        units = [u for u in units if not COLOPHON.search(u.text)]
    units = [u for u in units if len(CONTENTS_ENTRY.findall(u.text)) < 3]  # a report's contents page answers nothing
    if not ABOUT_FORMALITY.search(question):
        units = [u for u in units if not FORMALITY.search(u.text)]
    if not units:
        return None
    # "how many newly qualified social workers?": "17 NQSWs were employed", read spelled out
    # (the field's usual ones, "DSG" the Dedicated Schools Grant, and those the passages define)
    short = ACRONYMS | abbreviations([h.text for h in hits])
    _score(query, units, hits, embed, weights, settings, short, own=question)
    # "Has it improved since?" after a question about 2019 is resolved to "... (since 2020: ...)": its period
    # "What did it find about homeless 16-year-olds?" after a question about the April 2025 visit is resolved to
    # "... (Ofsted, April 2025)": the report the conversation named, its period
    scoped = _follow_up(question, query) and "?" not in _follow_up_of(question, query)
    period = query if ((SINCE.search(query) or scoped) and not SINCE.search(question)
                       and not YEAR.search(question)) else question
    years, months = named_period(period)
    if SINCE.search(period) or BETWEEN.search(period):  # "since the 2019 inspection", "from the 2015 inspection through
        # to the 2025 visit": where a history starts and ends, not its only sources
        named = ()
    in_period = [within_period(years, months, h) for h in hits]
    if span := BETWEEN.search(period):  # (not a 2025 letter's "Since the inspection in 2023 ...": after the span)
        in_period = [ok and min((d[:4] for d in dates_of(h.meta) if d), default="0") <= span.group(2)
                     for h, ok in zip(hits, in_period)]
    after = AFTER_MONTH.search(period)  # "(after May 2022: ...)": the reports from that month on
    start = iso_month(after.group(1), after.group(2)) if after else ""
    if start:
        in_period = [ok and (h.date or "")[:7] >= start for h, ok in zip(hits, in_period)]
    if OFSTED_VIEW.search(question) and not OTHER_SOURCE.search(question):  # "how has Ofsted's view of ... changed
        in_period = [ok and h.kind in OFSTED_KINDS for h, ok in zip(hits, in_period)]  # ...": its reports, not the
        # council's papers about them
    about = {h.doc for h, ok in zip(hits, in_period) if ok and h.kind in OWN_PAPERS}  # a committee paper on the May
    in_period = [ok or h.doc in about for h, ok in zip(hits, in_period)]  # 2022 visit names it once, at the top
    two = BETWEEN_TWO.search(period)  # "between the 2013 and 2019 inspections": those two, not the 2015 one between
    if two:  # (and what the inspections said, not a commissioner's report of the same year)
        in_period = [ok and h.kind in OFSTED_KINDS
                     and not (h.kind == "full inspection" and two.group(1) < (h.date or "")[:4] < two.group(2))
                     for h, ok in zip(hits, in_period)]
    councils = () if ACROSS_COUNCILS.search(query) else scope_of(query).authorities
    before = _before(units)
    figures = short if NUMBER_Q.search(question) else {}  # (the query holds the question: no more than it asks)
    graded = bool(GRADE_Q.search(question))  # a heading stating a grade answers only what grade was given
    possible = [u for u in units if _may_answer(hits[u.hit], named, councils, named_year) and in_period[u.hit]
                and (within is None or hits[u.hit].doc in within) and (graded or not GRADED_HEADING.search(u.text))]
    eligible = [u for u in possible
                if _fits_type(question, spelled(u.text, figures), before[id(u)].text if id(u) in before else "")]
    if DATE_Q.search(question) and WHICH_VISIT.search(question):
        dated = _when_described(possible, eligible, hits, settings, bool(LATEST.search(question)))
        if dated:
            return dated, dated[-1], eligible, False
    if NUMBER_Q.search(question):  # a figure must sit in a sentence about the thing asked for
        counted = OCCASION.split(question, maxsplit=1)[0]  # "... permanent when Ofsted looked at the front door"
        counted = SECOND_QUESTION.split(counted, maxsplit=1)[0]  # "How many homes ..., and how were they rated?"
        counted = SCOPE_WORDS.sub(" ", RATING_AS_CONTEXT.sub(" ", counted))  # "... in autumn 2019", "... after the
        # 2019 inadequate judgement": when, not what is counted
        topic = [t for t in dict.fromkeys(terms_of(counted))  # "Peterborough's director": whose, not what
                 if t not in GENERIC | QUESTION_WORDS | FILLER | _council_words(query) and not t.isdigit()]
        if topic:  # (none when it names only what every passage names: "how many Ofsted visits ...?")
            mass = sum(weights.get(t, 1.0) for t in topic)
            said = _said_before(units)  # "I hired a manager ... In her view caseloads were too high", "... directly
            # commission 'short breaks'. ... there is a six-month delay in reviewing these": the paragraph says what
            eligible = [u for u in eligible
                        if sum(weights.get(t, 1.0) for t in topic if t in u.terms | said[id(u)]) / mass
                        >= settings.figure_coverage]
    if HOW_LONG_Q.search(question):  # "how long were care proceedings taking?": "... reduced from 44 weeks to 32",
        eligible = _prefer(eligible, lambda u: bool(HAS_NUMBER.search(u.text) or not TOO_LONG.search(u.text)),
                           settings.min_score)  # before "the process takes too long" (which answers "how long are
        # families waiting?" when no figure does)
    if not (when_or_who or LOOKED_AT_Q.search(_asked(question))):
        # a letter's opening ("Inspectors looked at ...") says which visit it was, not what was found: it answers
        # only when no finding does; "This letter summarises the findings of the focused visit to ... on 3 May",
        # never (it promises the findings and gives none)
        # (and the items of its list: "Inspectors reviewed ..., with a focus on: - Disabled children in care")
        eligible = _prefer(eligible, lambda u: not (OPENING.search(u.text) or (u.is_item and OPENING.search(u.lead))),
                           settings.min_score)
        eligible = [u for u in eligible if not SELF_SUMMARY.search(u.text)]
    # a follow-up: "And what about supervision?" is answered by a sentence about supervision when one answers well
    # enough, not by one about what the question before it asked; one naming no topic of its own ("What should be
    # done about it?" after a question about the local offer), by one about what it leans on
    topic = _own_topic(question, query) or (_topic(question, query) if _follow_up(question, query) else set())
    if topic:
        eligible = _prefer(eligible, lambda u: bool(topic & u.terms), settings.min_score)
    if WHY_Q.search(question):  # "why did the Secretary of State appoint a commissioner?": "As this was the second
        # inadequate judgement ..., the Secretary of State issued a Statutory Direction", before "I was appointed ..."
        best_score = max((u.score for u in eligible), default=0.0)
        eligible = _prefer(eligible, lambda u: bool(CAUSE.search(u.text)),
                           max(settings.min_score, settings.why_ratio * best_score))
    if VIEW_Q.search(question):
        eligible = _prefer(eligible, lambda u: bool(OWN_VIEW.search(u.text) or (
            id(u) in before and OWN_VIEW.search(before[id(u)].text))), settings.min_score)
    if start and DATE_Q.search(question):  # "when did the next one happen?": a date after the month it follows,
        eligible = [u for u in eligible if later(u.text, start)  # and what happened, not what was expected
                    and (FUTURE_Q.search(question) or EXPECTED.search(question) or not EXPECTED.search(u.text))]
    event = _event(question)
    if event:  # ("when did the centre open?": a sentence saying when its move was approved does not answer)
        eligible = [u for u in eligible if event & u.terms]
    if named and (DATE_Q.search(question) or AS_SOURCE.search(query)):  # "on which dates was the visit in the
        # 8 July 2021 letter?", "what did the July 2019 inspection say?": the report says, before a council paper
        # that lists every visit or reports on its progress since
        eligible = _prefer(eligible, lambda u: hits[u.hit].doc in named, settings.min_score)
    # (a promise is an answer only with what it promises: not where its passage ends)
    eligible = [u for u in eligible if not PROMISES.search(u.text) or any(v.hit == u.hit and v.line > u.line
                                                                          for v in units)]
    best = max(eligible, key=lambda u: u.score, default=None)
    if best is None or best.score < settings.min_score:
        return None
    now = asks_now(query)
    if now:  # how things stand now: from the newest document that answers nearly as well as the best
        answering = [u for u in eligible if u.score >= max(settings.min_score, settings.now_ratio * best.score)]
        newest = max(hits[u.hit].date or "" for u in answering)
        eligible = [u for u in eligible if (hits[u.hit].date or "") == newest]
        best = max(eligible, key=lambda u: u.score)
    chosen = _choose(question, best, eligible, settings, [h.doc for h in hits], _topic(question, query))
    chosen += [before[id(u)] for u in chosen  # "The number ... now stands at around 15" is read with what it counts
               if id(u) in before and ANAPHOR.match(u.text) and before[id(u)] not in chosen]
    chosen += _listed(chosen, eligible, settings)
    for u in [u for u in chosen if PROMISES.search(u.text)]:
        after = [v for v in units if v.hit == u.hit and v.line > u.line and v not in chosen]
        chosen += [v for v in after if v.line == min(w.line for w in after)][: settings.max_sentences]
    following = {id(a): b for a, b in zip(eligible, eligible[1:]) if (a.hit, a.line) == (b.hit, b.line)}
    chosen += [following[id(u)] for u in chosen  # "... a welcome increase in the range of professionals in the MASH.
               if id(u) in following and INCLUDES.match(following[id(u)].text)  # This includes an education lead,
               and following[id(u)] not in chosen]  # a domestic abuse officer ...": what the sentence names
    return chosen, best, eligible, bool(now)


def _prefer(eligible: list[Unit], keep: Callable[[Unit], bool], floor: float) -> list[Unit]:
    """The units of `eligible` that `keep` holds, when one of them scores at least `floor`; else all of them."""
    kept = [u for u in eligible if keep(u)]
    return kept if any(u.score >= floor for u in kept) else eligible


def _when_described(possible: list[Unit], eligible: list[Unit], hits: list[Hit], settings: AnswerSettings,
                    latest: bool) -> list[Unit] | None:
    """ "When did the focused visit that was done entirely remotely take place?": the sentence describing the visit
    ("This visit was carried out fully by remote means"), dated by its letter's opening ("... a focused visit to
    Medway children's services on 25 and 26 May 2021"); of the newest such visit for "when were inspectors last
    on site for a focused visit about children in care?". None when no sentence describes one well enough, or the
    best dates itself."""
    described = [u for u in possible if u.score >= settings.min_score]
    if not described:
        return None
    best = max(described, key=lambda u: u.score)
    if latest:  # the newest letter describing it nearly as well as the best
        near = [u for u in described if u.score >= settings.now_ratio * best.score]
        newest = max(hits[u.hit].date or "" for u in near)
        best = max((u for u in near if (hits[u.hit].date or "") == newest), key=lambda u: u.score)
    dates = [u for u in eligible if hits[u.hit].doc == hits[best.hit].doc and DATED_OPENING.search(u.text)]
    if not dates or best in eligible:  # (a sentence that dates what it describes answers as it is: "... since the
        # arrival of the current director in May 2017", asked "when did the director arrive, according to the
        # 2018 focused visit on the front door?")
        return None
    first = min(dates, key=lambda u: (u.hit, u.line))
    return [first] if best is first or best.text == first.text else [first, best]


def _in(sections: list[re.Pattern], hit: Hit) -> bool:
    return any(p.search(hit.heading) for p in sections)


def _follow_up(question: str, query: str) -> bool:
    """Whether `query` is `question` resolved as a follow-up: "<question> (<what it leans on>)" (`followup.resolve`)."""
    return bool(question) and query.startswith(f"{question} (")


def _topic(question: str, query: str) -> set[str]:
    """What a question is about: its own words, and for a follow-up ("Has that got any better since?") the
    words of the question it leans on."""
    if not _follow_up(question, query):
        return _topic_of(_asked(question), query)
    return _topic_of(question, query) | _topic_of(_follow_up_of(question, query), query)


def _follow_up_of(question: str, query: str) -> str:
    """What a follow-up leans on: "(What did ... say about care leavers?)" in "<question> (<it>)"."""
    return query[len(question):].strip(" ()")


def _own_topic(question: str, query: str) -> set[str]:
    """The words of a follow-up's own topic ("supervision" in "And what about supervision?"); none for a question
    that is not a follow-up."""
    return _topic_of(question, query) if _follow_up(question, query) else set()


POPULATION = frozenset(tokenize("looked after"))


def _topic_of(text: str, query: str) -> set[str]:
    text = SEND_REPORT.sub(" inspection ", text)  # "the 2024 SEND inspection": which report, not its subject
    words = set(terms_of(SCOPE_WORDS.sub(" ", YEARS_ON.sub(" ", text))))  # "in 2015", "two years later": when
    words -= GENERIC | QUESTION_WORDS | RELATING | FILLER | _council_words(query)
    # "How did children in care do at GCSE?": about GCSEs; children in care ("looked after") are whom, unless the
    # question names nothing else
    return words - POPULATION if words - POPULATION else words


def _event(question: str) -> set[str]:
    """The words that may name the event a date question asks about ("appointed": appointed, appointment, in post,
    joined); none for any other question."""
    if not DATE_Q.search(question):
        return set()
    # "take up the job" is a start and an appointment ("in post since September 2012"); ("After the 2019
    # inspection, when did the board start?" asks of no inspection)
    asked = TOOK_UP.sub(" start appoint ", DESCRIBED.sub(" ", _asked(question)))
    words = {w for t in tokenize(asked) if t in EVENTS for w in EVENTS[t].split()}
    expected = EXPECTED_THING.search(asked)  # "when did the council expect Ofsted's full re-inspection?": a sentence
    if expected:  # naming one, not the next monitoring visit
        words |= {t for t in tokenize(expected.group(1)) if len(t) > 2}
    # "when were inspectors on site?": the inspection's dates, not a year
    if INSPECTORS_THERE.search(asked) or INSPECTORS_ON.search(asked):
        words |= {"date", "visit"}  # (word stems; not "... improved since the inspection in 2019")
    # "when did the 2024 inspection start?": "Inspection dates: 5 to 9 February 2024" says
    return words | {"date"} if words and INSPECTION_DID.search(asked) else words


def _asked(question: str) -> str:
    """What a question asks, without the occasion it names ("When Ofsted looked at the front door in February 2019,
    what did it say still needed to get better?", "... permanent when Ofsted looked at the front door?") or the
    sentence that sets it up ("The 2018 review looked at exclusions. How concentrated were they?")."""
    last = re.split(r"(?<=[.!])\s+(?=[A-Z])", question.strip())[-1]
    return OCCASION.split(LEADING_OCCASION.sub("", last), maxsplit=1)[0]


def _said_before(units: list[Unit]) -> dict[int, set[str]]:
    """The words of each unit's paragraph up to it (the same passage and line), by the unit's id."""
    said: dict[int, set[str]] = {}
    words: set[str] = set()
    for a, b in zip([None] + units, units):
        words = (words if a is not None and (a.hit, a.line) == (b.hit, b.line) else set()) | b.terms
        said[id(b)] = words
    return said


def _before(units: list[Unit]) -> dict[int, Unit]:
    """Each unit's predecessor in its paragraph (same passage, same line), by the unit's id."""
    return {id(b): a for a, b in zip(units, units[1:]) if (a.hit, a.line) == (b.hit, b.line)}


def _rival(best: Unit, others: list[Unit], s: AnswerSettings) -> Unit | None:
    """The best sentence of the other passages (`others`), when it scores nearly as well as the answer's best
    (and is not that sentence again, as overlapping passages hold it): the choice between them was close,
    so the answer says so and names it. Calibrated on the dev sets: answers so marked rest on a passage the
    evidence does not list several times as often as the rest (docs/evaluation.md)."""
    rival = max((u for u in others if not _near_duplicate(u.text, best.text)),
                key=lambda u: u.score, default=None)
    return rival if rival is not None and best.score - rival.score < s.hedge_margin else None


def _council_words(query: str) -> set[str]:
    """The words of the councils `query` names: whose the answer is, not what it is about."""
    return set(tokenize(" ".join(scope_of(query).authorities)))


def _score(query: str, units: list[Unit], hits: list[Hit], embed: EmbedFn, weights: dict[str, float],
           s: AnswerSettings, short: dict[str, str] | None = None, own: str = "") -> None:
    """Each unit's score: the question's words it holds, by weight, its passage's rank, and the model's
    similarity; `short`: abbreviations to read spelled out (`abbreviations`); `own`: the question as asked, when
    `query` adds what it leans on ("And its capacity to improve? (How was ... judged in 2013?)"): its words count
    more."""
    councils = _council_words(query)  # like Medway: in every passage about it
    asked = f"{query} {INSPECTORS_NAMED}" if WHO_Q.search(query) and WHO_INSPECTED_Q.search(query) else \
        f"{query} {AUTHOR_NAMED}" if WHO_WROTE_Q.search(query) else query
    # ("what did inspectors think of the local offer?": what they thought is asked for, not thinking; "Think Family"
    # is a name)
    q_terms = [SAME.get(t, t) for t in dict.fromkeys(terms_of(THINKING.sub(" ", unframed(asked))))
               if t not in GENERIC | councils | FILLER]
    scope = set(tokenize(" ".join(m.group(0) for m in SCOPE_WORDS.finditer(query))))  # years, months
    # "the 2024 area SEND inspection", "the commissioner's report": which report, not what it says
    scope |= set(tokenize(" ".join(m.group(0) for p, _ in KIND_WORDS for m in re.finditer(p, query, re.IGNORECASE))))
    scope |= set(terms_of(" ".join(m.group(1) for m in DESCRIBED_VISIT.finditer(query))))
    # "... when the commissioner wrote her 2019 report" names when, not what (unlike "... now when a child goes missing")
    parts = OCCASION.split(query, maxsplit=1)
    if len(parts) == 2 and not DATE_Q.search(query) and OCCASION_NAMED.search(parts[1]):
        scope |= set(terms_of(parts[1])) - set(terms_of(parts[0]))
    given = GIVEN.split(query, maxsplit=1)  # "how was the visit carried out, given the pandemic?": the pandemic is
    if len(given) == 2:  # why the question is asked, not what it asks about
        scope |= set(terms_of(given[1])) - set(terms_of(given[0]))
    # ("two years later" says when, not what)
    mine = {SAME.get(t, t) for t in terms_of(YEARS_ON.sub(" ", own))} if _follow_up(own, query) else set()
    weight = {t: weights.get(t, 1.0) * (s.scope_weight if t in scope else 1.0) * (s.own_weight if t in mine else 1.0)
              for t in q_terms}
    total = sum(weight.values()) or 1.0
    sections = sections_asked(query)
    in_section = [bool(sections) and any(p.search(h.heading) for p in sections) for h in hits]
    why = bool(WHY_Q.search(query))
    author = bool(WHO_WROTE_Q.search(query))  # "who wrote it?": a paper's "Author: ..." line is the kind of answer
    takes = bool(WHO_DOES.search(query))  # "who was lined up to chair it?": "X has agreed to be the chair", likewise
    figure = bool(NUMBER_Q.search(query))
    pairs: dict[int, set[tuple[str, str]]] = {}  # each unit's adjacent words, by the unit's id
    for u in units:
        words = terms_of(spelled(u.text, short or {}, keep=True))
        u.terms, pairs[id(u)] = set(words), set(zip(words, words[1:]))
    ordered = [SAME.get(t, t) for t in terms_of(unframed(asked)) if t not in FILLER]
    phrases = {(a, b) for a, b in zip(ordered, ordered[1:]) if not {a, b} & (GENERIC | councils | scope)}
    before = _before(units)
    # "What did the commissioner think of the POD structure?": "The PODs are small ... I agree with the view of
    # most managers that the current structure is not fit for purpose": a view is of what its paragraph is about
    said = _said_before(units) if VIEW_Q.search(query) else {}
    for u in units:
        context, own = set(tokenize(hits[u.hit].heading)) | set(terms_of(u.lead)), u.terms
        if said and OWN_VIEW.search(u.text):
            context |= said[id(u)]
        if id(u) in before and ANAPHOR.match(u.text):  # "This rose from 14 out of 24 ...": what the sentence before
            if figure:  # named; for a figure, the two sentences are one answer ("There are unallocated cases. The
                own = own | before[id(u)].terms  # number ... now stands at around 15")
            else:
                context |= before[id(u)].terms
        covered = sum(w * (1.0 if t in own else 0.5 if t in context else 0.0) for t, w in weight.items())
        u.coverage = covered / total
        u.score = ((1 - s.dense_weight) * covered / total + s.rank_weight / (u.hit + 1)
                   + (s.section_bonus if in_section[u.hit] or (author and AUTHOR_LINE.match(u.text))
                      or (takes and _takes_role(query, u.text)) else 0.0)
                   + (s.cause_bonus if why and CAUSE.search(u.text) else 0.0))
        if phrases:  # "family hubs" in a sentence about family hubs, not families and early help hubs
            u.score += s.phrase_bonus * len(phrases & pairs[id(u)]) / len(phrases)
    # the model reads only the units the words already favour: it is most of an answer's time
    # (half as many again when more passages are read, after the first few answered nothing)
    limit = s.embed_units + (s.embed_units // 2 if len(hits) > s.passages else 0)
    read = sorted(units, key=lambda u: -u.score)[:limit] if s.embed_units else units
    # (a sentence's abbreviation spelled out where the question spells it out: the model has not learnt that "the
    # IRO service" is one of the "independent reviewing officers" asked about)
    asked_words = set(tokenize(asked))
    said = {a: w for a, w in (short or {}).items()
            if set(tokenize(w)) <= asked_words and not re.search(rf"\b{a}s?\b", asked)}
    vectors = np.asarray(embed([asked] + [spelled(u.text, said) for u in read]), dtype=float)
    for u, v in zip(read, vectors[1:]):
        u.dense = float(v @ vectors[0])
        u.score += s.dense_weight * u.dense


def _may_answer(hit: Hit, named: Sequence[str], councils: Sequence[str] = (), named_year: int | None = None) -> bool:
    """When the question names documents, a passage of one of them or of the council's own papers about
    them (a committee report on "the May 2022 visit"; the period check still applies), which cannot be from a
    year before them (a 2022 paper is not about "the latest focused visit", in January 2026). When it names a
    council (and asks nothing across councils), only a passage about that council, or about none known:
    Buckinghamshire's report does not answer a question about Hull."""
    if councils and hit.local_authority and hit.local_authority not in councils:
        return False
    if not named or hit.doc in named:
        return True
    return hit.kind in OWN_PAPERS and not (named_year and hit.date and int(hit.date[:4]) < named_year)


def _fits_type(question: str, text: str, previous: str = "") -> bool:
    """`previous`: the sentence before `text` in its paragraph, which "This rose from 14 to 17" counts on."""
    if NUMBER_Q.search(question):  # "how much money ...?" wants a sum of money, not any number
        text = PARAGRAPH_NUMBER.sub("", BULLET.sub("", text, count=1), count=1)  # "- 1.1 Recruitment ...": no figure
        text = CROSS_REFERENCE.sub("", text)  # "... child in need reviews (paragraph 30)": nor this
        text = NUMBER_IN_NAME.sub("", text)  # "the 16 plus service", "the 0-25 team": a name, not a figure
        text = WITHIN_PERIOD.sub(" ", text)  # "In the last 12 months, the workforce has stabilised": when, not how many
        # "re-referrals within 12 months": the 12 of "in the last 12 months" is what was asked within, no figure
        for given in re.findall(r"(?<![\w/])\d[\d,.]*\s+[a-z]+", question, re.IGNORECASE):
            text = re.sub(re.escape(given), " ", text, flags=re.IGNORECASE)
        asked, said = ({int(y) for _, y in MONTH_YEAR.findall(t)} for t in (question, text))
        if asked and said and max(said) < min(asked):  # "... when Ofsted inspected in July 2013?": not "A survey
            return False  # was carried out in July 2012 of 111 looked after children", a count of an earlier time
        if HOW_LONG_Q.search(question) and TOO_LONG.search(text):  # "how long are families waiting for
            return True  # assessments?": "most children ... continue to wait too long" answers without a figure
        money = not MONEY_Q.search(question) or MONEY.search(text) or (SHARE_OF.search(question) and "%" in text)
        counts = _counts(question, text) or bool(ANAPHOR.match(text) and _counts(question, previous, any_mention=True))
        return bool(HAS_NUMBER.search(text)) and counts and bool(money)
    if FUTURE_Q.search(question):  # a date in the future: a sentence about what is expected, not what was
        return bool(FUTURE.search(text)) and bool(HAS_DATE.search(text) or SPAN.search(text))
    if DATE_Q.search(question):  # "when was the 2015 inspection?": not "... the Education and Inspections Act 2006"
        years = named_period(re.split(r"[:;]\s+|(?<=[.?!])\s+", question.strip())[-1])[0]  # (not "The director at the
        # 2019 inspection: when did he join?", nor "In 2015 a scheme was planned. When was it due to start?")
        return bool(HAS_DATE.search(text)) and (not years or bool(re.search(MONTHS, text, re.IGNORECASE))
                                                or any(str(y) in text for y in years))
    if GRADE_Q.search(question) and not GRADE.search(text):
        return False
    if not WHO_Q.search(question) and _labels_a_value(text):  # "Dates of previous inspection: 9 to 11 December
        return False  # 2019" says when, not what "the 2019 inspection" found
    if not WHO_Q.search(question) and MONTH_YEAR.search(text) and not text.rstrip().endswith(TERMINAL):
        return False  # "Ofsted Focussed visit February 2019", a row of a table of events: it names one, says nothing of it
    if WHO_Q.search(question):
        role = ROLE_Q.search(question)  # "who was the lead member": a lead inspector is not the answer
        said = [role.group(1).lower()] + ROLES.get(role.group(1).lower(), []) if role else []
        # "Who was the agency decision-maker?": "the Agency Decision Maker (ADM)" is the role, capitalised, not a name
        role_words = {w.lower() for w in re.findall(r"[A-Za-z]+", question) if w.islower()}
        if BODY_Q.search(question) and BODY.search(text) and ANSWERS_FOR.search(text):
            return True
        if _takes_role(question, text):
            return True
        acts = WHO_ACTS.search(question)
        verb = set(tokenize(acts.group("ing") or acts.group("verb"))) if acts else set()
        if verb and AGENT.search(text) and verb <= set(tokenize(text)):
            return True
        return _names_someone(text, role_words) and (not said or any(set(tokenize(r)) <= set(tokenize(text))
                                                                     for r in said))
    return True


def _takes_role(question: str, text: str) -> bool:
    """ "Who was going to chair it?": a sentence saying someone named by their post ("The DCS in Oxfordshire")
    takes the role the question's verb names ("has agreed to be the independent chair")."""
    does, takes = WHO_DOES.search(question), TAKES_ROLE.search(text)
    if not does:
        return False
    # the role as the question puts it: from its verb to what the role is of ("agreed to act as independent chair",
    # not "... of the improvement board"), but for a body's name ("chair the Improvement Board")
    asked = re.split(r"\b(?:of|for|at|in|on|after|before|when)\b", question[does.start("verb"):], maxsplit=1)[0]
    asked = " ".join(w for w in re.findall(r"[\w'’-]+", asked) if w.islower())
    return bool(takes and re.search(r"\b[A-Z]{2,}\b|(?<=\w )[A-Z][a-z]+", takes.group("who"))
                and set(tokenize(asked)) & set(tokenize(takes.group("role"))) - GENERIC)


def _names_someone(text: str, not_names: frozenset[str] | set[str] = frozenset()) -> bool:
    return any(a.lower() not in NOT_NAMES and b.lower() not in NOT_NAMES and not {a.lower(), b.lower()} <= not_names
               for a, b in NAME_PAIR.findall(text))


def _counts(question: str, text: str, any_mention: bool = False) -> bool:
    """For "how many X": a number in the sentence counts X (one of X's first words follows it closely, or the
    sentence gives "the number of X" and a number after it). `any_mention`: `text` only has to name X (it is the
    sentence a "This rose from 14 out of 24" or "The number is now 15" refers back to)."""
    m = HOW_MANY.search(question)
    if not m:
        return True
    if ELIDED.match(m.group(1)):  # "a postal survey of looked after children. How many were surveyed?": the thing
        return not any_mention  # counted was named before; any figure may count it
    # "how many children": children are what is counted; "how many children's homes": homes, not children
    counted = set(tokenize(re.sub(r"\b\w+['’]s\b", " ", m.group(1)))) - QUESTION_WORDS
    if counted & PEOPLE:  # "how many children": "66 young people were supported"
        counted |= PEOPLE
    if not counted:
        return not any_mention
    if any_mention and counted & set(tokenize(text)):
        return True
    words = re.findall(r"[a-z0-9£%.,']+", text.lower())
    for i, w in enumerate(words):  # "the number of looked after children ... reduced from 60 to 36"
        after = [x for x in words[i + 2: i + 4] if x not in ("the", "all", "these", "those")][:1]
        rest = words[i: i + 7] if i and words[i - 1] in SOME else words[i:]  # "a large number of children (98 from"
        if w in ("number", "numbers", "total") and words[i + 1: i + 2] == ["of"] \
                and counted & set(tokenize(" ".join(after))) and HAS_NUMBER.search(" ".join(rest)):
            return True
        if words[i + 1: i + 2] and words[i + 1] in NAMED_BY_NUMBER:
            continue  # "the 0-25 service for disabled children" counts no children
        if HAS_NUMBER.fullmatch(w.strip(".,")) and counted & set(tokenize(" ".join(words[i + 1: i + 4]))):
            return True
        if HAS_NUMBER.fullmatch(w.strip(".,")) and PEOPLE & set(tokenize(" ".join(words[i + 1: i + 3]))) \
                and counted & set(tokenize(text)):  # "how many homeless 16-year-olds": "all 20 young people
            return True  # ... who presented as homeless"
    return False


def _choose(question: str, best: Unit, eligible: list[Unit], s: AnswerSettings, docs: Sequence[str],
            topic: set[str] = frozenset()) -> list[Unit]:
    """The units the answer gives, `best` first; `docs`: each hit's document (a history tells several). A sentence
    of another passage names some of the `topic`: not "This is a significant improvement compared with 60% in
    2014-15" in a history of caseloads."""
    chosen, history = [best], asks_over_time(question)
    if best.is_item and (LIST_Q.search(question) or best.lead):  # a list answers a list question, and a list its
        # lead-in names ("Within six months:") answers as a whole: its siblings come too
        siblings = [u for u in eligible if u.hit == best.hit and u.is_item and u is not best
                    and (u.lead == best.lead or not best.lead)]
        chosen += siblings[: s.max_sentences * 2]
        if best.lead and siblings:  # the list its lead-in names is the answer: nothing of other passages joins
            return chosen
    for u in sorted(eligible, key=lambda u: -u.score):
        if len(chosen) >= s.max_sentences + (len(chosen) - 1 if best.is_item else 0):
            break
        if u in chosen or u.score < s.keep_ratio * best.score or (topic and not topic & u.terms and (
                history or (u.hit != best.hit and topic & best.terms))):  # (words the best names none of frame it)
            continue
        if any(_near_duplicate(u.text, c.text) for c in chosen):
            continue
        if u.hit != best.hit and not history and DATE_Q.search(question):
            continue  # "when was it?" wants one date: another passage's date is another occasion, or the same again
        if u.hit != best.hit and WHY_Q.search(question) and not CAUSE.search(u.text):
            continue  # "why ...?": another passage's sentence joins with a reason, not a figure on the same topic
        if (u.hit != best.hit and not history and s.dense_weight
                and (u.dense is None or u.dense < (best.dense or 0.0) - s.extra_margin)):
            continue  # another passage's sentence that the words favour but the model does not: a guess
        chosen.append(u)
    if history:  # a history: each other document's best sentence that answers nearly as well ("... in 2015; by 2025 ...")
        told = {docs[c.hit] for c in chosen}
        for u in sorted(eligible, key=lambda u: -u.score):
            if (docs[u.hit] not in told and u.score >= max(s.min_score, s.now_ratio * best.score) and len(told) < 3
                    and (not topic or topic & u.terms)):
                chosen.append(u)
                told.add(docs[u.hit])
    return chosen


def _listed(chosen: list[Unit], eligible: list[Unit], s: AnswerSettings) -> list[Unit]:
    """The list items that follow a chosen line leading in to them ("... should take the following action.",
    "... the significant weaknesses, including:"): the lead-in alone says nothing."""
    extra: list[Unit] = []
    for u in chosen:
        if not u.is_item and LEADS_IN.search(u.text):
            items = [v for v in eligible if v.hit == u.hit and v.is_item and v.line > u.line
                     and v not in chosen and v not in extra]
            extra += sorted(items, key=lambda v: v.line)[: s.max_sentences * 2]
    return extra


def _near_duplicate(a: str, b: str) -> bool:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) > 0.8


def _render(question: str, chosen: list[Unit], hits: list[Hit], query: str, dated: bool = False) -> Answer:
    # one citation per passage; passages in document-date order so several documents read as a history
    used = sorted({u.hit for u in chosen}, key=lambda i: (hits[i].date or "9999", hits[i].doc, hits[i].page, i))
    number = {hit: n for n, hit in enumerate(used, 1)}
    citations = []
    for hit in used:
        h = hits[hit]
        mine = [u for u in chosen if u.hit == hit]
        mine.sort(key=lambda u: h.text.find(u.text))
        citations.append(citation(number[hit], h, " ".join(u.text for u in mine)))
    several_docs = len({hits[i].doc for i in used}) > 1
    parts: list[tuple[str, str]] = []  # (document, what it says): one paragraph per document
    for hit in used:
        h = hits[hit]
        mine = sorted((u for u in chosen if u.hit == hit), key=lambda u: h.text.find(u.text))
        body = _join(mine, number[hit])
        if parts and parts[-1][0] == h.doc:
            parts[-1] = (h.doc, f"{parts[-1][1]} {body}")
        else:
            parts.append((h.doc, f"{when(h)}: {body}" if several_docs or dated else body))
    return Answer(question, ("\n\n" if several_docs else " ").join(p for _, p in parts), tuple(citations), query=query,
                  lead=number[chosen[0].hit])


def _join(units: list[Unit], n: int) -> str:
    if all(u.is_item for u in units) and len(units) > 1:
        return "\n" + "\n".join(f"- {one_line(BULLET.sub('', u.text))} [{n}]" for u in units)
    return " ".join(f"{one_line(BULLET.sub('', u.text))} [{n}]" for u in units)

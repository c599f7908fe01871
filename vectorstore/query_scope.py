"""What a question says about which documents it means: years, kinds of report, local authorities.

Questions name a council, a year or a kind of report far more often than they quote one; the
retriever uses this scope to add a ranking restricted to the documents it points at.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ingest.authorities import ALIASES, NAMES
from ingest.metadata import FULL_DATE, MONTHS, iso_date

KIND_WORDS: list[tuple[str, str]] = [
    (r"\bfocus(?:ed|sed)? visits?\b", "focused visit"),
    (r"\bmonitoring visits?\b", "monitoring visit"),
    (r"\b(?:area )?send\b|\bspecial educational needs\b|\blocal area partnership\b", "area SEND inspection"),
    (r"\bcommissioner'?s?\b", "commissioner report"),
    (r"\bscrutiny\b|\bcommittee\b", "scrutiny committee report"),
    (r"\bjoint targeted area inspection\b|\bjtai\b", "joint targeted area inspection"),
    (r"\bnews\b|\bpress release\b|\b(?:public|progress) update\b|"  # "the council's public update on the visit"
     r"\bcouncil(?:'s|’s)? (?:own )?(?:update|statement|announcement)\b", "council news"),
    (r"\b(?:full |ilacs |single |re-?)?inspections?\b", "full inspection"),
]
COMMON_WORDS = frozenset({"Reading", "Bury", "Bath", "Barking"})  # council names that are also ordinary words


def is_named(name: str, question: str) -> bool:
    """`name` written as a name (capitalised), not only as the question's first word."""
    return any(m.start() > 0 for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", question.strip()))


YEAR = re.compile(r"\b(20[0-4]\d|19[89]\d)\b")
# "... in 2019, and has it improved?": then and after
# Not "what did Ofsted say Medway needs to improve?" (what must improve) nor "why did changes of social worker
# matter?" (a noun): those ask about one report.
SINCE_THEN = re.compile(r"\b(has|have|did)\b[^?]{0,40}?(?<!\bto )(?<!\bneeds )(?<!\bneed )(?<!\bneeded )"
                        r"\b(improv(?:e|ed|es|ing|ements?)|chang(?:e|ed|ing)|progress(?:ed|ing)?|got (?:any )?better|got (?:any )?worse)\b|"
                        r"\bsince then\b",
                        re.IGNORECASE)
# "Ofsted criticised core groups in 2015. Are they working better now?": a year, then now (from that year to now)
NOW_SINCE = re.compile(r"\b(now|currently|at present|presently|today|these days|nowadays|at the moment)\b", re.IGNORECASE)
SOURCE = re.compile(r"\baccording to\b", re.IGNORECASE)  # "... now, according to the 2025 visit?": one report's account
OVER_TIME = re.compile(r"\b(chang(?:e|ed|ing)|over the years|over time|recurring|through to|compared?|across the)\b",
                       re.IGNORECASE)  # not "changes of social worker": a noun, asked about in one report


@dataclass(frozen=True)
class Scope:
    years: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.years or self.kinds or self.authorities)

    def matches(self, meta: dict[str, Any]) -> bool:
        if self.authorities and meta.get("local_authority") not in self.authorities:
            return False
        if self.kinds and meta.get("kind") not in self.kinds:
            return False
        if self.years and not (_doc_years(meta) & set(self.years)):
            return False
        return True


def _doc_years(meta: dict[str, Any]) -> set[int]:
    years = {int(meta["year"])} if meta.get("year") else set()
    years |= {int(d[:4]) for d in str(meta.get("visit_dates", "")).split(",") if d[:4].isdigit()}
    return years


@lru_cache(maxsize=1024)  # one question is scoped by retrieval, the home filter, facts and the answer
def scope_of(question: str, known_authorities: tuple[str, ...] = NAMES) -> Scope:
    text = question.lower().replace("’", "'")
    kinds = []
    for pattern, kind in KIND_WORDS:
        if re.search(pattern, text):
            if kind == "full inspection" and any(k in kinds for k in ("area SEND inspection", "joint targeted area inspection")):
                continue
            kinds.append(kind)
    return Scope(years=tuple(sorted({int(y) for y in YEAR.findall(text)})), kinds=tuple(kinds),
                 authorities=named_authorities(question, known_authorities))


# a body named after the place, not its council: "Kent Police", "the Kent and Medway Integrated Care Board"
NOT_THE_COUNCIL = (r"(?!(?:\s+and\s+[\w'-]+)?\s+(?i:police|constabulary|integrated care|icb|ccg|clinical commissioning|"
                   r"fire|nhs)\b)")


def named_authorities(question: str, known: Iterable[str] = NAMES, as_written: bool = False) -> tuple[str, ...]:
    """The councils a question names, in any case or (`as_written`) capitalised as names are written, by
    their full names or as people call them ("Hull", "Newcastle"); 'Reading', 'Bury', 'Bath' and 'Barking'
    count only as names written mid-sentence."""
    text = question if as_written else question.lower().replace("’", "'")
    known = tuple(known)

    def said(name: str, within: str) -> bool:
        pattern = rf"(?<![\w-]){re.escape(name if as_written else name.lower())}(?![\w-]){NOT_THE_COUNCIL}"
        return bool(re.search(pattern, within)) and (name not in COMMON_WORDS or is_named(name, question))

    found = [a for a in known if said(a, text)]
    rest = text  # a short name inside a full one ("Kingston upon Hull") is not a second council
    for a in found:
        rest = rest.replace(a if as_written else a.lower(), " ")
    found += [name for alias, name in ALIASES.items() if name in known and said(alias, rest)]
    # "North Somerset" also contains "Somerset": keep the longest names only
    return tuple(dict.fromkeys(a for a in found if not any(a != b and a.lower() in b.lower() for b in found)))


# "who led it", "who were the inspectors": a question about who inspected (not "the director who led the council
# through the 2015 inspection")
WHO_INSPECTED = (r"(?:^|[,;:?]\s*|\b(?:and|but|know|me|out|wondering|asking|ask|say)\s+)who\b.{0,40}"
                 r"\b(led|lead|leads|inspect\w*|carried out|visited|did)\b|\binspectors? (were|was)\b|"
                 r"\bwhich (?:of (?:the )?)?(?:hmis?|(?:her )?(?:majesty['’]s )?inspectors?)\b")  # "which HMIs ..."
INSPECTORS_NAMED = "lead inspector inspectors were majesty's inspector reporting inspector HMI"  # how reports say it
# "who wrote it": a council paper's header says "Report from: Dr ..., Director of People", "Author: ..."
WHO_WROTE = r"\bwho (?:wrote|authored|prepared|presented)\b|\bwritten by\b|\bauthor"
AUTHOR_NAMED = "author report from"
# A question about what a visit looked at, not what it found ("which services did the visit cover?").
LOOKED_AT = (r"\blook(ed)? at\b|\bfocus(ed)? (on|of)\b|\bwhat part\b|\bwhich (areas|services)\b|\bcover(ed)?\b|"
             r"\btopics?\b")
# A question about when: "when was ...", "on which dates ...", "After the visit, when did ...", "The letter of 12
# January 2026: on what days were inspectors there?".
# "When did ...?", not "When a child in care goes home, were those decisions good?" (a clause naming the occasion)
ASKS_WHEN = (r"(?:^|[.?!:;]\s+)\s*(on |in |and )?(when(?=\s+(?:exactly\s+|roughly\s+|approximately\s+)?"
             r"(did|was|were|is|are|does|do|will|has|have|had|should|would|could|can|might|must)\b|\s*\??\s*$)|"
             r"what dates?|which dates?|what days?|which days?)\b|\bwhat date\b|"
             r",\s*when (did|was|were|is|are|does|do|will)\b")
# a judgement named as the occasion, not asked for: "the notices received after being judged inadequate in
# 2013", "before re-inspecting a council judged inadequate"; and the graded care profile, a tool for neglect
RATING_AS_CONTEXT = re.compile(r"\b(after|since|following|before|until|once|during|ahead of|leading up to|"
                               r"(?:around|at|about) the time of|even though|even with|in spite of|although|though|"
                               r"despite|whilst|while)\b[^?,]{0,25}?\b(judged|rated|graded|grades?|judge?ments?|"
                               r"ratings?|verdicts?)\b|\b(council|authority|authorities|services)\s+(that (was|were|is|are) )?"
                               r"(judged|rated)\b|\bgraded care profile\b", re.IGNORECASE)
# "..., when they looked at services for disabled children": the occasion, not what is asked
OCCASION_CLAUSE = re.compile(r"(?<=\w),?\s+when\s+(?!(?:exactly |roughly )?(?:did|was|were|is|are|does|do|will)\b)"
                             r"[^?]*", re.IGNORECASE)
# what must improve, not a body or plan named for improving ("the improvement board", "the improvement plan")
IMPROVE = (r"(?:\bimprove(?!d)\w*\b(?!\s+(?:board|plan|partner|programme|journey|notice|advis[eo]r|panel)s?\b)|"
           r"\b(?:should|must|ought to|needs? to|needed to) be done\b)")  # "what should be done about it?"
# What inspection documents call the thing a question asks for, added to the lexical query.
EXPANSIONS: list[tuple[str, str]] = [
    (WHO_INSPECTED, INSPECTORS_NAMED),
    # ("when was the Children's Trust replaced?" asks of no visit: its words would find every report's first page)
    (r"^(?=[^\n]*\b(?:inspect\w*|visit\w*|ofsted|report\w*|letter|publish\w*|found|judged|rated|graded)\b)"
     rf"[^\n]*?(?:{ASKS_WHEN}|\bhow long ago\b)", "dates inspection dates visit on published"),
    (IMPROVE + r"|\brecommend\w*\b|\bareas? for (development|improvement)\b|\bweakness\w*\b",
     "what needs to improve improvement recommendations"),
    (r"\brat(ed|ing)\b|\bjudge?ments?\b|\bjudged\b|\bgrade[ds]?\b|\boverall effectiveness\b",
     "judgement grade overall effectiveness"),
    (LOOKED_AT, "inspectors looked at reviewed evaluated focus areas covered"),
    (WHO_WROTE, AUTHOR_NAMED),
]
# The acronyms of children's services and what they stand for: a question may use either, a report the other
# ("the MASH" / "the multi-agency safeguarding hub"). Each is added to the words searched for the other.
ACRONYMS = {
    "MASH": "multi-agency safeguarding hub", "SPA": "single point of access", "IHA": "initial health assessment",
    "EHCP": "education, health and care plan", "LSCB": "local safeguarding children board",
    "CAMHS": "child and adolescent mental health services", "NEET": "not in education, employment or training",
    "PLO": "public law outline", "LADO": "local authority designated officer", "IRO": "independent reviewing officer",
    "UASC": "unaccompanied asylum-seeking children", "CSE": "child sexual exploitation", "PEP": "personal education plan",
    "DCS": "director of children's services", "NQSW": "newly qualified social worker", "EDT": "emergency duty team",
    "YOS": "youth offending service", "JTAI": "joint targeted area inspection", "ASYE": "assessed and supported year in employment",
    "DSG": "dedicated schools grant",
}
# What the field calls one thing in two ways: older reports say "looked after children", newer ones and most
# people "children in care". In BM25 each phrase is searched for the other.
IN_CARE = r"\b(?:children|young people|child) (?:who are )?(?:in care|looked[- ]after)\b|\blooked[- ]after\b|(?-i:\b(?:LAC|CLA)\b)"
EXPANSIONS += [(IN_CARE, "children in care looked after children")]
# A council's own children's home is a "residential unit" in its papers ("Medway have one residential unit, Old Vic")
CHILDRENS_HOME = r"\bchildren['’]?s homes?\b|\bresidential (?:units?|homes?|children['’]?s homes?)\b"
EXPANSIONS += [(CHILDRENS_HOME, "children's home residential unit")]
# "how many children was each social worker carrying?": a caseload, as reports call it (not "carried out")
CARRYING = r"\bcarr(?:y|ying|ies|ied)\b(?!\s+out)"
# "cases with no allocated social worker" are "unallocated cases"
UNALLOCATED = r"\bunallocated\b|\b(?:no|not|without an?|yet to be|awaiting) allocat(?:ed|ion)\b|\bnot been allocated\b"
# "Did inspectors come into the office?", "was it done in person?", "were they physically there?": whether a visit
# was on site or remote
IN_PERSON = (r"\bin person\b|\bphysically\b|\bon[- ]site\b|\b(?:come|came|go|went|coming)\s+(?:in)?to the office\b|"
             r"\bface[- ]to[- ]face\b|\bremote(?:ly)?\b|\bvirtual(?:ly)?\b")
# "how many children did inspectors escalate?": reports say inspectors "brought to the attention of" leaders
ESCALATED = (r"\bescalat\w*|\b(?:brought|bring|brings|bringing) to the attention of\b|"
             r"\brefer(?:s|red|ring)? (?:them |it |cases |children )?back to\b")  # "did her team refer back to ..."
EXPANSIONS += [(UNALLOCATED, "unallocated"), (CARRYING, "caseloads caseload responsible for"),
               (IN_PERSON, "remote remotely on site video calls"), (ESCALATED, "brought to the attention escalated")]
EXPANSIONS += [(r"\b(money|funding|funds?|budgets?|spend|spending|spent|invest\w*)\b|£", "funding budget investment")]
# "did the police have anyone based there?": reports write of a "deployment" or a "secondment"
EXPANSIONS += [(r"\bbased (?:in|at|there|here)\b|\bco-located\b", "based deployment seconded co-located")]
# "were assessments done on time?": reports write of their timeliness
EXPANSIONS += [(r"\b(?:on|in) time\b|\bpromptly\b|\bquickly enough\b", "timely timeliness")]
# "were first visits delayed?": reports write of "initial visits" (and "initial assessments")
EXPANSIONS += [(r"\bfirst (?:visits?|assessments?|contacts?)\b", "initial")]
# "what got in the way of the plan?", "what held it back?": reports say it was hampered or hindered
IN_THE_WAY = (r"\b(?:get|gets|got|getting|stood|stand|stands|standing) in the way\b|"
              r"\b(?:held|hold|holds|holding) (?:\w+ ){0,2}back\b")
EXPANSIONS += [(IN_THE_WAY + r"|\bobstacles?\b", "hampered hindered barriers")]
# "did they think the council could turn it around?": reports judge its "capacity to improve"
TURN_AROUND = r"\bturn(?:s|ed|ing)? (?:it|this|that|things|them|the \w+|\w+ services?) around\b|\bturn-?around\b"
EXPANSIONS += [(TURN_AROUND, "capacity to improve")]
# "children who live a long way from Medway": reports write "at a distance from", "out of area", "outside the area"
FAR_AWAY = (r"\b(?:a long way|far|some distance) (?:away )?from\b|\bat a distance\b|\bout of (?:the )?area\b|"
            r"\boutside (?:the|their|its) (?:local )?area\b")
EXPANSIONS += [(FAR_AWAY, "distance out of area")]
# "How many ...?", "how much ...?": the question's frame, not a word to search for ("too many cases")
HOW_MUCH = re.compile(r"\bhow (many|much)\b", re.IGNORECASE)
EXPANSIONS += [(rf"(?-i:\b{a}s?\b)", long) for a, long in ACRONYMS.items()]
EXPANSIONS += [(r"\b" + re.escape(long).replace("\\ ", r"\s+").replace("\\-", "[- ]?") + r"s?\b", a) for a, long in ACRONYMS.items()]
# Questions that ask for a standard section of a report, and the headings that section goes by in
# Ofsted's letters and reports ("What needs to improve?", "Areas for improvement", "Recommendations").
SECTIONS: list[tuple[re.Pattern, re.Pattern]] = [(re.compile(q, re.IGNORECASE), re.compile(h, re.IGNORECASE)) for q, h in [
    (r"(?<!requires )" + IMPROVE + r"|\brecommend\w*\b|\bareas? for (development|improvement)\b|\bweakness\w*\b|"
     r"\bdo better\b|\bpriority action\b|\bneed(?:s|ed)? to (?:get|be) better\b",
     r"what needs to improve|recommendations|areas? for (development|improvement)|need to do better|areas for priority action"),
    (r"\brisks?\b", r"\brisks?\b"),  # the commissioner's "18. Risks to achieving and sustaining improvement"
]]


# "the 2019 inspection", "its 2023 focused visit": one report, named by its year (not "since 2015")
ONE_REPORT = re.compile(r"\b(?:19|20)\d\d(?:'s)? (?:ofsted )?(?:full |ilacs |single |area send |send )?"
                        r"(?:inspection|focus(?:s?ed)? visit|monitoring visit|review)\b(?!s)", re.IGNORECASE)


def names_one_report(question: str) -> bool:
    """The question means one report of one kind: "the 2019 inspection", "the last focused visit"."""
    scope = scope_of(question)
    if len(scope.kinds) != 1 or len(scope.years) > 1:
        return False
    return bool(ONE_REPORT.search(question)) if scope.years else bool(LATEST.search(question))


def sections_asked(question: str) -> list[re.Pattern]:
    """The headings of the report sections a question asks for ("what must improve" -> What needs to improve)."""
    asked = [heading for asks, heading in SECTIONS if asks.search(question)]
    return asked[-1:]  # the most particular: "the risks to Medway improving" asks for the risks, not improvements


# an inspection named by the judgement it gave: "the inspection that moved Medway to 'good'", "the inadequate
# inspection"
JUDGED_AS = re.compile(r"\binspection\s+(?:that|which)\b[^?,.]{0,40}?\b(?:to|as|was|were|be)\s+['‘\"]?"
                       r"(?P<grade>outstanding|good|requires improvement|inadequate)\b|"
                       r"\bthe\s+['‘\"]?(?P<grade2>outstanding|good|inadequate)['’\"]?\s+inspection\b",
                       re.IGNORECASE)
LATEST = re.compile(r"\b(most recent(?:ly)?|latest|last|newest|current)\b", re.IGNORECASE)  # "... most recently"
# A question about how things stand now, naming no year or report: "Is supervision still weak?",
# "What are the current weaknesses?", "Are caseloads manageable now?"
NOW = re.compile(r"\b(current|currently|now|still|at present|presently|today|these days|nowadays|at the moment|"
                 r"latest|most recent(?:ly)?)\b|^\s*who (is|are)\b", re.IGNORECASE)
# A question in the present tense: "Is ...?", "Are ...?", "How well does ...?" ("Has it been raised?" asks of the past)
PRESENT = re.compile(r"^\s*(?:(?:and|so|but) )?(?:is|are|does|do|can|(?:how|what|which|who|where|why)(?: [\w'’-]+){0,4}"
                     r" (?:is|are|does|do))\b", re.IGNORECASE)
# "Has staff turnover come down?": how it stands now, against before
CHANGED_BY_NOW = re.compile(r"^\s*(?:(?:and|so|but) )?(?:has|have)\b[^?]{0,60}?\b(?:come|gone) (?:down|up)\b",
                            re.IGNORECASE)
# "Was it still a concern then?", "Which areas did it say still needed work?"
PAST = re.compile(r"^\s*(?:(?:and|so|but) )?(?:was|were|did|had)\b|"
                  r"\bstill\s+(?:needed|had|was|were|required|lacked|remained)\b", re.IGNORECASE)
# "What is the squad that Ofsted mentioned ...?": present tense, about what a report told
TOLD = re.compile(r"\b(said|found|mentioned|noted|reported|described|highlighted|looked at|inspected|visited)\b",
                  re.IGNORECASE)
NOW_LAST = re.compile(r"\blast\b(?! (?:\d+|few|several|two|three|four|five|six|twelve|year|month|week|time)s?\b)",
                      re.IGNORECASE)  # "when did Ofsted last visit?", not "in the last six months"


def asks_now(question: str) -> bool:
    """How things stand now: a question in the present tense, or saying "still", "now", "last", naming no year or
    kind of report, and not asking for a history."""
    scope = scope_of(question)
    said = NOW.search(question) or NOW_LAST.search(question) or CHANGED_BY_NOW.search(question) or \
        (PRESENT.search(question) and not TOLD.search(question))
    return bool(said) and not PAST.search(question) and not scope.years and not scope.kinds and not asks_over_time(question)


def unframed(question: str) -> str:
    """The question without the words that frame it rather than name its topic: "how many", and "still", "now",
    "currently" in a question about how things stand now (`asks_now`)."""
    return HOW_MUCH.sub("how", NOW.sub(" ", question) if asks_now(question) else question)


SHORT_SPAN = re.compile(r"\b((?:19|20)\d\d)[-–/](\d\d)\b")  # "2019-20", a financial or plan year


def expand(question: str) -> str:
    """The words BM25 searches for: the question's topic (`unframed`), and what the documents call the things it
    asks about."""
    asked = RATING_AS_CONTEXT.sub(" ", question)  # "the money put in after the 2019 judgement" asks for no judgement
    asked = OCCASION_CLAUSE.sub(" ", asked)  # "what is the squad mentioned when they looked at ...?" asks for no focus
    extra = [terms for pattern, terms in EXPANSIONS if re.search(pattern, asked, re.IGNORECASE)]
    # "the council's three priorities in its 2019-20 plan": papers write "3 priorities", "Council plan 2019-2020"
    extra += [str(NUMBER_WORDS[w.lower()]) for w in COUNT_WORD.findall(asked)]
    extra += [f"{start[:2]}{end}" for start, end in SHORT_SPAN.findall(asked)]
    question = unframed(question)
    return question if not extra else f"{question} {' '.join(extra)}"


def asks_over_time(question: str) -> bool:
    """A question about a history: several years, or how something changed ("... in 2019, and has it improved?",
    "how have caseloads changed?", "a recurring problem")."""
    return (len(set(YEAR.findall(question))) > 1 or bool(SINCE_THEN.search(question) or OVER_TIME.search(question))
            or bool(YEAR.search(question) and NOW_SINCE.search(question) and not SOURCE.search(question)))


MONTH_OF_YEAR = re.compile(rf"\b({'|'.join(MONTHS)})\s+((?:19|20)\d\d)\b", re.IGNORECASE)


NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# a count of more than one in words, searched as the figure papers write (not "three-month")
COUNT_WORD = re.compile(rf"\b({'|'.join(w for w, n in NUMBER_WORDS.items() if n > 1)})\b(?![-‐])", re.IGNORECASE)
# a time told from the one a conversation was about: "two years later", "the following year", "a year earlier"
YEARS_ON = re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|\d)\s+years?\s+(?:later|on|after(?:wards)?|earlier|"
                      r"before)\b|\b(?:the\s+)?(?:following|next|previous)\s+year\b|\bthe\s+year\s+(?:after|before)\b",
                      re.IGNORECASE)


def named_months(question: str) -> frozenset[int]:
    """The months a question names with their year ("the May 2022 monitoring visit"), as months since year 0."""
    return frozenset(int(y) * 12 + MONTHS.index(m.lower()) for m, y in MONTH_OF_YEAR.findall(question))


def dates_of(meta: dict[str, Any]) -> list[str]:
    """A document's dates (ISO): its own, its visit's, and the one its file name gives ("... - 02 april 2024.pdf",
    as Ofsted's downloads are named: the day it was published, which a report's text may not say)."""
    named = FULL_DATE.search(str(meta.get("doc", "")))
    return [meta.get("date") or "", *str(meta.get("visit_dates", "")).split(","),
            (named and iso_date(*named.groups())) or ""]


def near_month(meta: dict[str, Any], months: Iterable[int], after: int = 1) -> bool:
    """Whether a document was visited in, or dated within `after` months after, one of `months` (a letter is
    published some weeks after the visit; a council paper reports a visit up to a few months later)."""
    got = {int(d[:4]) * 12 + int(d[5:7]) - 1 for d in dates_of(meta)
           if len(d) >= 7 and d[:4].isdigit() and d[5:7].isdigit()}
    return any(0 <= g - m <= after for g in got for m in months)

"""Resolve an elliptical follow-up question against the conversation before retrieval."""
from __future__ import annotations

import re

from assistant.forms import NAME_PAIR, NOT_NAMES
from ingest.metadata import MONTHS as MONTH_NAMES
from vectorstore.bm25_index import tokenize
from vectorstore.query_scope import MONTH_OF_YEAR, NUMBER_WORDS, YEARS_ON, asks_now, names_one_report, scope_of
from vectorstore.retrieval import ACROSS_COUNCILS

ELLIPTICAL = re.compile(
    r"^(and|what about|how about|and what|what did they|who|is that|was that|why|how|did they|does it|"
    r"what else|same|then)\b|\b(they|them|it|that|this|those|these|there|its|their)\b",
    re.IGNORECASE,
)


# "I'm new in post.", "As a councillor, ...": the asker introducing themselves
ABOUT_ME = re.compile(r"^\s*(?:I|I['’]m|I am|I['’]ve|I have|We|We['’]re|As an?)\b[^.!?]*[.!,]\s*", re.IGNORECASE)
ASKER = frozenset(tokenize("new post job role started starting recently just manager councillor member lead officer "
                           "preparing prepare questions scrutiny committee meeting want understand learning"))


# "Tell me who ...", "Can you tell me what ...", "I'd like to know when ...": the question is what follows
ASKING = re.compile(r"^\s*(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:tell me|let me know|explain|"
                    r"I(?:['’]d| would) like to know|I want to know|I wonder|do you know)\s+"
                    r"(?=(?:who|what|when|where|why|how|which|whether)\b)", re.IGNORECASE)


def without_introduction(question: str, whatever_they_say: bool = False) -> str:
    """The question without the asker's sentences about themselves ("I'm preparing questions for scrutiny. What
    did ...?"): their words would be searched for. A sentence with more in it ("As a new manager I keep hearing
    about the old case recording system.") says what is asked about, and stays, unless `whatever_they_say`."""
    while ((m := ABOUT_ME.match(question)) and m.end() < len(question)
           and (whatever_they_say or set(tokenize(m.group(0))) <= ASKER)):
        question = question[m.end():]
    asked = ASKING.sub("", question, count=1)  # "Tell me who led the 2023 inspection.": who led it?
    return asked[:1].upper() + asked[1:] if asked != question else question


def named_person(question: str, history: list[dict]) -> str:
    """ "Was she on the team for the 2024 inspection too?" after an answer naming one person ("The lead inspector
    was Amanda Maxwell"): the question with their name for the pronoun; else as it was."""
    answer = _last_answer(history)
    if not answer or not PERSON.search(question):
        return question
    names = _names(answer)
    return PERSON.sub(names.pop(), question, count=1) if len(names) == 1 else question


def _last_answer(history: list[dict]) -> str:
    """The assistant's last turn, without its citation markers; "" when it has not answered."""
    answers = [t.get("content", "") for t in history if t.get("role") == "assistant"]
    return re.sub(r"\s*\[\d+\]", "", answers[-1]) if answers else ""


def _names(text: str) -> set[str]:
    return {f"{a} {b}" for a, b in NAME_PAIR.findall(text) if a.lower() not in NOT_NAMES and b.lower() not in NOT_NAMES}


def resolve(question: str, history: list[dict] | None, turns: int = 3) -> str:
    """The question to retrieve with: itself, or itself plus the last user turn when it leans on it, and
    the turn before that while each leans on its own predecessor ("Who led that inspection?" after "What
    judgement did Medway get in 2015?"), up to `turns` earlier questions."""
    if not history:
        return question
    question = named_person(question, history)
    previous = [t.get("content", "") for t in history if t.get("role") == "user"]
    if not previous:
        return question
    if not ELLIPTICAL.search(question) and (len(question.split()) > 14 or _another_council(question, previous[-1])):
        return question
    carried = [previous[-1]]
    for earlier in reversed(previous[-turns:-1]):
        if not ELLIPTICAL.search(carried[-1]):
            break
        carried.append(earlier)
    shift, same = _years_on(question), SAME_YEAR.search(question)
    if (shift or same) and not YEAR_RE.search(question) and YEAR_RE.search(" ".join(carried)):
        # "Did that hold up two years later?" after a question about 2021: the topic, in 2023; "... when the full
        # inspection came that summer?" after a question about February 2019: in summer 2019
        years = [int(y[:4]) for y in YEAR_RE.findall(" ".join(carried))]
        year = (min(years) if shift < 0 else max(years)) + shift
        part = same.group("part") if same and not shift else "year"
        when = str(year) if part.lower() == "year" else f"{part} {year}"
        return f"{question} (in {when}: " + "; ".join(_timeless(q) for q in carried) + ")"
    month = MONTH_OF_YEAR.search(" ".join(carried))
    if NEXT.search(question) and month and not YEAR_RE.search(question):
        # "When did the next one happen?" after a question about the May 2022 visit: the reports from then on
        return f"{question} (after {month.group(0)}: " + "; ".join(_timeless(q) for q in carried) + ")"
    own_time = bool(YEAR_RE.search(question)) and not SINCE_BEFORE.search(question)
    if asks_now(question) or names_one_report(question) or own_time:
        # "And now?", "Is it still working?", "Who led the latest inspection?", "And in 2023?": the topic carries
        carried = [_timeless(q) for q in carried]  # over, the earlier time does not (unless compared: "improved?")
        if asks_now(question):  # nor the paper it was asked of: "Is that still the case?" after "What did the
            carried = [OWN_UPDATE.sub("inspectors", q) for q in carried]  # council's own update say ...?" asks anyone
    elif WHAT_ABOUT.search(question):  # "And what about supervision?" after "What did Ofsted say about care leavers
        carried = [ABOUT.sub("", q) for q in carried]  # in 2023?": the earlier question with the new topic for its own
    elif SINCE_BEFORE.search(question) and not YEAR_RE.search(question) and YEAR_RE.search(" ".join(carried)):
        # "Has that got any better since?" after a question about 2019: the topic, in the reports after it
        after = max(int(y[:4]) for y in YEAR_RE.findall(" ".join(carried))) + 1
        return f"{question} (since {after}: " + "; ".join(_timeless(q) for q in carried) + ")"
    elif OWN_TOPIC.search(question) and not any(WHO.match(q) for q in carried):
        # "And what did they say about supervision?": the earlier report, not its topic ("What did she say about
        # early help?" after "Who was made commissioner in 2019?" is about that person: the whole question carries)
        named = [m.group(0).strip() for q in carried for m in SCOPE.finditer(q)]
        if named:
            return f"{question} ({', '.join(dict.fromkeys(named))})"
    said = _said_of(question, history, previous[-1])
    return question + (f" ({said})" if said else "") + "".join(f" ({q})" for q in carried)


def _said_of(question: str, history: list[dict], asked: str) -> str:
    """The sentence of the last answer that a follow-up's "that improvement plan" names, when the question before
    it did not ("What got in the way of that improvement plan?" after "What did the September 2022 visit look
    at?" answered "... found a detailed improvement plan in place"), or the post its "she" holds when the answer
    named a post and no one; "" otherwise."""
    named, answer = THAT_THING.search(question), _last_answer(history)
    if not answer:
        return ""
    sentences = re.split(r"(?<=[.!?])\s+", answer)
    words = set(tokenize(named.group(1))) if named else set()
    if words and not words & set(tokenize(asked)):
        said = next((s.strip() for s in sentences if words <= set(tokenize(s))), "")
    elif PERSON.search(question) and not _names(answer):  # "What help was she getting?" after "...
        said = next((s.strip() for s in sentences if ROLE.search(s)), "")  # a new lead member was appointed"
    else:
        said = ""
    return _timeless(said)  # (what it is, not when: the earlier question says which report)


def _years_on(question: str) -> int:
    """How many years after (or, negative, before) the time the conversation was about a follow-up asks about:
    "two years later" 2, "the following year" 1, "a year earlier" -1; 0 when it names no such time."""
    m = YEARS_ON.search(question)
    if not m:
        return 0
    count = NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n")) if m.group("n") else 1
    return -count if re.search(r"earlier|before|previous", m.group(0), re.IGNORECASE) else count


def _another_council(question: str, before: str) -> bool:
    """The question names a council, and the one before it named another or asked across councils: a new subject
    ("What did the latest focused visit to Torbay find?" after "Which councils were judged inadequate?"). After
    a question naming none, which is about the library's home council, "How did Medway respond?" follows up."""
    councils, earlier = set(scope_of(question).authorities), set(scope_of(before).authorities)
    return bool(councils) and (councils != earlier if earlier else bool(ACROSS_COUNCILS.search(before)))


MONTHS = f"(?:{'|'.join(MONTH_NAMES)})"
YEAR = r"(?:19|20)\d\d(?:['’]s)?"
A_REPORT = (rf"\b(?:the|that|this|its)\s+(?:{MONTHS}\s+)?(?:{YEAR}\s+)?(?:ofsted\s+)?(?:full\s+|ilacs\s+)?"
            r"(?:inspection|(?:focused|monitoring)\s+visit)\b")
AT_A_REPORT = re.compile(rf"\s*\b(?:at|in|during|from|since|after|by|of)\s+{A_REPORT}", re.IGNORECASE)
WHEN = re.compile(rf"\s*\b(?:(?:in|of|from|at|during|since)\s+)?(?:{MONTHS}\s+)?{YEAR}\b", re.IGNORECASE)


# "Has it improved since?", "Any better since then?": how things went after the time the conversation was about
SINCE_BEFORE = re.compile(r"\bsince\b|\b(?:has|have)\b[^?]*\b(?:improv\w*|better|worse|chang(?:e|ed|ing))\b",
                          re.IGNORECASE)
# a follow-up with a topic of its own: "And what did they say about supervision?", "What did it find on caseloads?"
OWN_TOPIC = re.compile(r"\b(?:say|said|find|found|report|reported|write|wrote|think|thought)\b[^?]*?"
                       r"\b(?:about|on)\s+\w{3,}", re.IGNORECASE)
YEAR_RE = re.compile(YEAR)
# the one that came after the report the conversation was about: "the next one", "come back after that"
NEXT = re.compile(r"\bnext (?:one|visit|inspection)\b|\bthe one after\b|\b(?:come|came|coming) back\b", re.IGNORECASE)
# the year the conversation was about, or a part of it: "later that year", "that summer", "the same year"
SAME_YEAR = re.compile(r"\b(?:that|the same)\s+(?P<part>year|spring|summer|autumn|winter)\b", re.IGNORECASE)
# a post the answer before named, for "she" or "he" when it named no one: "... a new lead member was appointed"
ROLE = re.compile(r"\b(?:lead member|director|commissioner|chair|leader|chief executive|cabinet member|"
                  r"portfolio holder|head of service)\b", re.IGNORECASE)
# "that improvement plan", "those concerns": a thing the conversation named (not "that year", "this visit": a time or
# report, which the earlier question names)
THAT_THING = re.compile(r"\b(?:that|this|those|these)\s+(?!(?:year|month|time|visit|inspection|report|letter|"
                        r"judgement|one|service|council|authority|period)s?\b)"
                        r"((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)"
                        r"(?=\s*[?.,]|\s+(?:in|at|by|from|since|for|after|before|work|happen)\b)", re.IGNORECASE)
WHAT_ABOUT = re.compile(r"^\s*(?:and\s+|so\s+)?(?:what|how)\s+about\b", re.IGNORECASE)
# an earlier question's topic: "about care leavers" in "What did Ofsted say about care leavers in 2023?"
ABOUT = re.compile(rf"\s*\babout\b.*?(?=\s+\b(?:in|at|during|from|since|by)\s+(?:the\s+)?(?:{MONTHS}\s+)?{YEAR}|"
                   rf"\s+\b(?:in|at|during|from)\s+{A_REPORT}|\s*[?.]?\s*$)", re.IGNORECASE)
WHO = re.compile(r"\s*who\b", re.IGNORECASE)
# "the council's own update on Ofsted", "the council's news release": a paper of the council's asked of
OWN_UPDATE = re.compile(r"\b(?:the\s+)?council(?:'s|’s)\s+(?:own\s+)?(?:update|statement|announcement|"
                        r"news(?:\s+release)?|press\s+release)(?:\s+(?:on|about)\s+Ofsted)?", re.IGNORECASE)
# "was she on the team?": the one the answer before named; not "what did she say?" (the source, not the topic)
PERSON = re.compile(r"\b(?:she|he)\b(?!\s+(?:say|said|says|think|thinks|thought|write|writes|wrote|find|finds|found|"
                    r"report\w*|describ\w*|recommend\w*|conclud\w*|not\w*|mean\w*|identif\w*)\b)", re.IGNORECASE)
# what an earlier question named the report or time by, for a follow-up with a topic of its own
SCOPE = re.compile(rf"{A_REPORT}|\b(?:{MONTHS}\s+)?{YEAR}\b|\b(?:commissioner|scrutiny|committee|cabinet|ofsted|"
                   r"area send|council's own|news|latest|most recent(?:ly)?)\b", re.IGNORECASE)


def _timeless(question: str) -> str:
    """An earlier question without the time it named: "What did the 2019 inspection say about care leavers?" ->
    "What did Ofsted say about care leavers?", for a follow-up asking how things stand now."""
    question = re.compile(A_REPORT, re.IGNORECASE).sub("Ofsted", AT_A_REPORT.sub("", question))
    return re.sub(r"\s+([?.,])", r"\1", WHEN.sub("", question)).strip()

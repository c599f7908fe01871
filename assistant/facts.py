"""Questions about judgements and dates ("what was Medway rated in 2023?", "when was the last full
inspection?") answered from the metadata read at ingest, each fact cited to the page it was read from.
Anything else, or any doubt about which council or report is meant, is left to the extractive answerer."""
from __future__ import annotations

import re
from typing import Callable, Container, Iterable, Sequence

from assistant.forms import GENERIC, GRADE_WORD, MONTH_YEAR, PART_OF_YEAR
from assistant.periods import month_year, named_period
from assistant.records import Answer, Citation
from ingest import DocumentInfo
from ingest.metadata import MONTHS
from vectorstore.chroma_store import StoredChunk
from vectorstore.bm25_index import tokenize
from vectorstore.query_scope import (ACRONYMS, KIND_WORDS, LATEST, RATING_AS_CONTEXT, SOURCE, YEAR, YEARS_ON, Scope,
                                     named_authorities, scope_of)
from vectorstore.retrieval import ACROSS_COUNCILS, OWN_PAPERS, Filters

RATING_Q = re.compile(r"\brat(ed|ing|ings)\b|\bjudge?ments?\b|\bjudged\b|\bgrade[ds]?\b|\bverdicts?\b|\boverall effectiveness\b|"
                      r"\boutcome of the (area )?send\b", re.IGNORECASE)
# "Is Medway still inadequate?", "Are children's services in Hull now good?": a council's grade, asked as a yes or no
GRADE_STATUS = re.compile(r"^\s*(?:is|are|was|were)\s+(?P<who>.+?)\s+(?:(?:still|now|currently|no longer)\s+)*"
                          r"(?:(?:rated|judged|graded)\s+)?(?:inadequate|outstanding|good|requires improvement)(?: to be good)?"
                          r"(?:\s+overall)?\s*\??\s*$", re.IGNORECASE)
COUNCIL_ITSELF = frozenset({"the council", "the local authority", "the authority", "it", "they", "children's services",
                            "its children's services", "the council's children's services"})
WHEN_Q = re.compile(r"^\s*when\b", re.IGNORECASE)
# not about a rating ("how much was put in after the 2019 judgement?", "what percentage of audits were graded good?")
OTHER_Q = re.compile(r"(^|[,;:]\s*)(and )?(who|where|why|how (many|much|long)|"
                     r"what (percentage|proportion|share|number))\b", re.IGNORECASE)
# "What grade did Ofsted give Adoption Partnership South East?": given to something other than the council
GIVEN_TO = re.compile(r"\b(?:give|gave|given|award(?:ed)?)\b(?:\s+to)?(?P<what>[^?]*)|"  # "... has X received?"
                      r"\b(?:has|have|did|does|do)\s+(?P<who>[^?]+?)\s+(?:received?|receives|get|got|achieved?|"
                      r"been (?:given|awarded))\b", re.IGNORECASE)
OVER_TIME = re.compile(r"\bover time\b|\bhistory\b|\beach\b|\ball\b|\bevery\b|\bchanged?\b|\bimproved?\b|\bsince\b",
                       re.IGNORECASE)
# "How does Ofsted currently rate Medway's services for care leavers?": the verb, of what Ofsted grades (the council,
# its services, a judgement's area), not "how did inspectors rate the out-of-hours service?"
RATE_VERB = re.compile(r"\b(?:do|does|did)\b[^?]{0,40}?\brate\b(?P<what>[^?]*)", re.IGNORECASE)
GRADED_AREAS = frozenset(tokenize("council local authority children's services its their them it overall effectiveness "
                                  "experiences progress of children who need help and protection in care looked after "
                                  "achieving permanence care leavers impact leaders leadership management governance "
                                  "adoption performance social work practice with families currently now"))
PREVIOUS = re.compile(r"\b(before|previous|prior|preceding)\b", re.IGNORECASE)  # "better than the inspection before?"
ChunksOf = Callable[[list[str]], list[StoredChunk]]


def fact_answer(question: str, documents: Callable[[], list[DocumentInfo]], chunks_of: ChunksOf,
                filters: Filters = Filters(), home: str | None = None, asked: str | None = None) -> Answer | None:
    """`question` is what was retrieved with (a follow-up resolved against the conversation); `asked` the
    user's own words, when they differ: "who led it?" after a question about the rating asks for no rating."""
    if OTHER_Q.search(asked or question):  # "how much money was put in after the 2019 judgement?" asks no rating
        return None
    if asked and asked != question and not RATING_Q.search(asked) and _says_more(asked):
        return None  # "who led it?", "what did they say about care leavers?": not "and in 2019?"
    scope = scope_of(question)
    rating = _asks_rating(question, scope.authorities)
    graded = GRADE_WORD.search(question)
    if rating and graded and ACROSS_COUNCILS.search(question) and not scope.authorities:
        return _councils_graded(question, graded.group(1).lower(), documents, chunks_of, filters, scope)
    any_kind = not scope.kinds and OFSTED_CAME.search(question)  # "when did Ofsted last visit?": any of its reports
    if not rating and not (WHEN_Q.search(question) and LATEST.search(question) and (len(scope.kinds) == 1 or any_kind)
                           and not _says_more(question, VISIT_WORDS)):
        return None  # "when did the current director arrive, according to the last focused visit?" is not its date
    docs = [d for d in documents() if filters.accepts(_meta(d))]
    authorities = scope.authorities or ((home,) if home else tuple({d.local_authority for d in docs
                                                                     if d.local_authority}))
    if len(authorities) != 1:
        return None  # which council is meant is not clear: leave it to retrieval
    given = GIVEN_TO.search(asked or question)  # "What grade did Ofsted give the adoption agency?": not the council's
    whose = given and (given.group("what") or given.group("who"))
    if whose and _says_more(whose, GRADED_AREAS | VISIT_WORDS | set(tokenize(authorities[0]))):
        return None
    docs = [d for d in docs if d.local_authority == authorities[0]]
    if rating:
        kind = "area SEND inspection" if "area SEND inspection" in scope.kinds else "full inspection"
        docs = [d for d in docs if d.kind == kind and (d.overall or d.judgements or d.outcome)]
        wanted = "all" if OVER_TIME.search(question) and not scope.years else "latest"
    else:
        docs = [d for d in docs if (d.kind in OFSTED_KINDS if any_kind else d.kind == scope.kinds[0]) and d.visit_dates]
        wanted = "latest"
    if scope.years:
        named = [d for d in docs if Scope(years=scope.years).matches(_meta(d))]
        earlier = [d for d in docs if named and (d.date or "") < min(n.date or "" for n in named)]
        if rating and earlier and PREVIOUS.search(question):  # the one before it, to compare with
            named.insert(0, max(earlier, key=lambda d: d.date or ""))
        docs, wanted = named, "all"
    if not docs:
        return None
    docs = sorted(docs, key=lambda d: d.date or "")
    docs = docs if wanted == "all" else docs[-1:]
    chunks = chunks_of([d.id for d in docs])
    sentences, citations = [], []
    for n, d in enumerate(docs, 1):
        mine = [c for c in chunks if c.meta.get("doc_id") == d.id]
        if rating:
            pattern = re.compile(re.escape(d.outcome), re.IGNORECASE) if d.outcome else GRADE_WORD
            support = _support(mine, d.judgement_page or 1, pattern)
            sentences.append(_rating_sentence(d, n))
        else:
            support = _support(mine, 1, re.compile(_month_pattern(d.visit_dates[-1]), re.IGNORECASE))
            sentences.append(f"The {'latest' if wanted == 'latest' else ''} {d.kind} of {d.local_authority} was "
                             f"carried out {'on' if len(set(d.visit_dates)) == 1 else 'from'} {_span(d.visit_dates)} [{n}].")
        if support is None:
            return None  # the page the fact came from is not in the store: do not cite what cannot be shown
        chunk, line = support
        page = d.judgement_page if rating and d.judgement_page else chunk.meta.get("page", 1)
        citations.append(_cite(n, d, chunk, line, page))
    text = " ".join(re.sub(r"\s+", " ", s) for s in sentences)
    return Answer(question=question, text=text, citations=tuple(citations), query=question)


def _councils_graded(question: str, grade: str, documents: Callable[[], list[DocumentInfo]], chunks_of: ChunksOf,
                     filters: Filters, scope: Scope, most: int = 10) -> Answer | None:
    """"Which councils were judged inadequate?": every full inspection whose overall effectiveness was that
    grade, newest first (at most `most`), each cited to its judgement table."""
    first = grade.split()[0].rstrip("s")  # "requires improvement" / "require improvement" / "good"
    docs = [d for d in documents() if filters.accepts(_meta(d)) and d.kind == "full inspection" and d.overall
            and d.overall.split()[0].rstrip("s") == first
            and (not scope.years or Scope(years=scope.years).matches(_meta(d)))]
    docs = sorted(docs, key=lambda d: d.date or "", reverse=True)
    if not docs:
        return None
    chunks = chunks_of([d.id for d in docs[:most]])
    parts, citations = [], []
    for n, d in enumerate(docs[:most], 1):
        support = _support([c for c in chunks if c.meta.get("doc_id") == d.id], d.judgement_page or 1, GRADE_WORD)
        if support is None:
            return None
        chunk, line = support
        parts.append(f"{d.local_authority} ({_span(d.visit_dates) if d.visit_dates else _day(d.date)}) [{n}]")
        citations.append(_cite(n, d, chunk, line, d.judgement_page or 1))
    more = f" The library holds {len(docs) - most} more such reports, not listed." if len(docs) > most else ""
    text = (f"Full inspections in the library whose overall effectiveness Ofsted judged {docs[0].overall}, "
            f"newest first: {'; '.join(parts)}.{more}")
    return Answer(question=question, text=text, citations=tuple(citations), query=question)


def _cite(n: int, d: DocumentInfo, chunk: StoredChunk, line: str, page: int) -> Citation:
    """Citation `n`: the line of `chunk` a fact about document `d` was read from, at `page`."""
    return Citation(n=n, doc=d.doc, title=d.title, date=d.date, page=page, text=chunk.text, sentence=line,
                    kind=d.kind, page_end=chunk.meta.get("page_end"), doc_id=d.id)


def unknown_councils(question: str, known: Callable[[], set[str]], passages: list[str]) -> tuple[str, ...]:
    """Councils the question names (capitalised, as names are written) that no document in the library is
    about (`known`, asked only when a council is named) and no retrieved passage mentions: a question
    about them cannot be answered from this library."""
    named = named_authorities(question, as_written=True)
    if not named or set(named) & known():
        return ()
    if any(a in p for a in named for p in passages):
        return ()
    return named


VISITS = ("focused visit", "monitoring visit", "area SEND inspection", "joint targeted area inspection")
OFSTED_KINDS = ("full inspection",) + VISITS
OFSTED_CAME = re.compile(r"\b(ofsted|inspectors)\b[^?]{0,30}\b(visit(ed)?|inspect(ed)?|came|come|been)\b", re.IGNORECASE)


def missing_reports(question: str, documents: Callable[[], list[DocumentInfo]], filters: Filters = Filters(),
                    home: str | None = None, passages: Sequence[str] = ()) -> str:
    """The kind of visit the question asks about, when the library holds none about the council meant (the one
    it names, else the home council) and no retrieved passage mentions one: "the latest focused visit to
    Torbay" where Torbay has only a full inspection. Empty when there is one, when another report speaks of it
    (the 2019 inspection of "the 2018 joint targeted area inspection"), or when the question names no such kind
    or no council."""
    scope = scope_of(question)
    kinds = [k for k in scope.kinds if k in VISITS]
    councils = scope.authorities or ((home,) if home else ())
    if not kinds or not councils or ACROSS_COUNCILS.search(question):
        return ""
    said = [p for p, k in KIND_WORDS if k in kinds]
    if any(re.search(p, passage.lower().replace("’", "'")) for p in said for passage in passages):
        return ""
    theirs = [d for d in documents() if d.local_authority in councils and filters.accepts(_meta(d))]
    if not theirs or any(d.kind in kinds for d in theirs):
        return ""
    return f"{' or '.join(kinds)} about {' or '.join(councils)}"


# what a report found or looked at, asked of it ("what did the January 2022 monitoring visit find?")
FINDINGS_Q = re.compile(r"\b(find|found|findings|say|said|conclude\w*|focus(?:ed)? on|look(?:ed)? at)\b", re.IGNORECASE)
# the question asks what another document reports of the visit: "according to the commissioner's report, what did
# the June 2018 inspection find?" (that document answers, not the visit's own report)
SOURCE_NAMED = re.compile(rf"{SOURCE.pattern}|\b(commissioner|scrutiny|committee)\b", re.IGNORECASE)


def missing_month(question: str, documents: Callable[[], list[DocumentInfo]], filters: Filters = Filters(),
                  home: str | None = None) -> str:
    """What the library holds of the one kind of visit a question asks the findings of, naming its month ("what did
    the January 2022 monitoring visit find?"), when no report of that kind about the council is of that month:
    a council paper listing the visit says nothing of what it found. Empty otherwise."""
    scope, months = scope_of(question), named_period(question)[1]
    kinds = [k for k in scope.kinds if k in VISITS]
    councils = scope.authorities or ((home,) if home else ())
    if (len(kinds) != 1 or not months or len(councils) != 1 or not FINDINGS_Q.search(question)
            or SOURCE_NAMED.search(question)):
        return ""
    held_all = [d for d in documents() if d.local_authority == councils[0] and filters.accepts(_meta(d))]
    theirs = [d for d in held_all if d.kind == kinds[0]]
    if any(month_year(x).lower() in months for d in theirs for x in (d.date or "", *d.visit_dates)):
        return ""
    first = min(_months_since_0(m) for m in months)  # the council's own paper of the next few months may report it
    if any(d.kind in OWN_PAPERS and d.date and 0 <= _months_since_0(month_year(d.date).lower()) - first <= 3
           for d in held_all):
        return ""
    held = ", ".join(dict.fromkeys(month_year(d.visit_dates[-1] if d.visit_dates else d.date or "").title()
                                   for d in sorted(theirs, key=lambda d: d.date or "")))
    asked = (MONTH_YEAR.search(question) or PART_OF_YEAR.search(question)).group(0)
    return f"It holds no report of a {kinds[0]} to {councils[0]} in {asked}" + \
        (f"; its {kinds[0]} reports are of {held}." if held else ".")


def _months_since_0(month_year: str) -> int:
    """ "january 2022" -> a count of months, to compare two months."""
    month, year = month_year.split()
    return int(year) * 12 + MONTHS.index(month)


def ungraded(question: str, documents: Callable[[], list[DocumentInfo]], filters: Filters = Filters(),
             home: str | None = None) -> str:
    """What the library holds about the one council a rating question means, when none of it carries a grade
    ("What grade did Bristol get?" where Bristol has only a focused visit, which Ofsted does not grade): the
    reason to give for refusing. Empty when a document about it is graded, or the question asks no rating."""
    scope = scope_of(question)
    if not _asks_rating(question, scope.authorities):
        return ""
    councils = scope.authorities or ((home,) if home else ())
    if len(councils) != 1 or ACROSS_COUNCILS.search(question) or scope.years:
        return ""
    theirs = sorted((d for d in documents() if d.local_authority == councils[0] and filters.accepts(_meta(d))),
                    key=lambda d: d.date or "")
    if not theirs or any(d.overall or d.judgements or d.outcome for d in theirs):
        return ""
    held = "; ".join(f"{d.kind or 'a document'} of {_day(d.date)}" for d in theirs[-3:])
    why = "; Ofsted does not grade focused or monitoring visits" if any(d.kind in VISITS[:2] for d in theirs) else ""
    return f"None of its documents about {councils[0]} states a grade ({held}){why}."


# A name written in the question ("the Mockingbird model"): capitalised, not the question's first word
NAME_IN_QUESTION = re.compile(r"(?<![.?!:]\s)(?<!^)\b[A-Z][a-z]{3,}\b")
# an abbreviation ("AI transcription tools"), unless the field's usual ones name it in other words ("EHCPs")
ABBREVIATION_IN_QUESTION = re.compile(r"\b[A-Z]{2,6}(?=s?\b)")


# a name of several words: "HM Inspectorate of Probation", "Families First Partnership"
LONG_NAME = re.compile(r"\b[A-Z][\w'’]*(?:\s+(?:(?:of|and|for|the|on)\s+)?[A-Z][\w'’]*)+")
NOT_OF_A_NAME = re.compile(r"^(?:(?:what|when|who|how|why|which|where|did|does|do|has|have|is|are|was|were|in|the|"
                           r"ofsted|inspectors?)(?:'s|’s)?\s+)+", re.IGNORECASE)


def unknown_names(question: str, vocabulary: Container[str],
                  together: Callable[[list[str]], bool] | None = None) -> tuple[str, ...]:
    """Names the question writes that no passage in the library holds (`vocabulary`: its stemmed words):
    "Has Medway brought in the Mockingbird model?" cannot be answered from documents that never mention it.
    With `together` (whether one passage holds all of some stemmed words), also a name of several words
    that no passage holds all the words of: "HM Inspectorate of Probation", in a library where "inspectorate"
    and "probation" are never in one passage."""
    named = set(tokenize(" ".join([*MONTHS, "council", *named_authorities(question)])))  # "Medway's Cabinet"
    asked = set(tokenize(question))  # "the Dedicated Schools Grant", where passages write "the DSG"
    named |= {t for a, long in ACRONYMS.items() if tokenize(a)[0] in vocabulary and set(tokenize(long)) <= asked
              for t in tokenize(long)}
    # (a council the library lacks is named as such by `unknown_councils`)
    names = [n for n in NAME_IN_QUESTION.findall(question.strip()) if not set(tokenize(n)) <= named]
    names += [a for a in ABBREVIATION_IN_QUESTION.findall(question)
              if a not in ACRONYMS and a not in ("HM", "UK") and tokenize(a)]
    # the words every such library shares ("Ofsted") are no name
    unheard = [n for n in names if not any(t in vocabulary or t in GENERIC for t in tokenize(n))]
    for name in LONG_NAME.findall(question) if together else ():
        name = NOT_OF_A_NAME.sub("", name)
        words = [t for t in dict.fromkeys(tokenize(name)) if t not in named]
        if len(words) >= 2 and not together(words):  # named whole, not by its unknown words
            unheard = [n for n in unheard if n not in name] + [name]
    return tuple(dict.fromkeys(unheard))


VISIT_WORDS = frozenset(tokenize("most newest current carried out take took place happen held inspect visit date dates "
                                  "come came been"))
COMPARING = frozenset(tokenize("one before previous prior earlier better worse last latest recent next since change"))


def _says_more(asked: str, also: frozenset[str] = frozenset()) -> bool:
    """Whether a question asks about something of its own, beyond which council, year or report (and `also`)."""
    asked = YEARS_ON.sub(" ", asked)  # "And four years later?": a time, like a year
    scope = scope_of(asked)
    named = set(tokenize(" ".join(scope.authorities + scope.kinds))) | set(tokenize(" ".join(YEAR.findall(asked))))
    return bool(set(tokenize(asked)) - GENERIC - named - set(MONTHS) - COMPARING - also)


def _rating_sentence(d: DocumentInfo, n: int) -> str:
    when = f"the {d.kind} of {_span(d.visit_dates)}" if d.visit_dates else f"the {d.kind} dated {_day(d.date)}"
    if d.outcome:
        return f"In {when}, inspectors found {d.outcome} for {d.local_authority} [{n}]."
    parts = "; ".join(f"{label}: {grade}" for label, grade in d.judgements)
    if d.overall:
        return f"In {when}, Ofsted judged {d.local_authority}'s overall effectiveness {d.overall}" + \
            (f" ({parts})" if parts else "") + f" [{n}]."
    return f"In {when}, Ofsted gave {d.local_authority} no overall effectiveness grade; its judgements were {parts} [{n}]."


def _support(chunks: list[StoredChunk], page: int, pattern: re.Pattern) -> tuple[StoredChunk, str] | None:
    """The chunk of `page` whose lines match `pattern` most often, and its best line."""
    on_page = [c for c in chunks if c.meta.get("page", 1) <= page <= c.meta.get("page_end", c.meta.get("page", 1))]
    scored = [(len(pattern.findall(line)), c.meta.get("position", 0), c, line)
              for c in on_page for line in c.text.split("\n") if line.strip()]
    best = max(scored, key=lambda s: (s[0], -s[1]), default=None)
    return (best[2], best[3].strip()) if best and best[0] else None


def _span(dates: tuple[str, ...]) -> str:
    """'17 to 28 July 2023', '14 September to 8 October 2015', '3 May 2024'."""
    first, last = _day(dates[0]).split(" "), _day(dates[-1]).split(" ")
    if first == last:
        return " ".join(last)
    same = next(i for i in range(4) if first[i:] == last[i:])
    return f"{' '.join(first[:same])} to {' '.join(last)}"


def _day(iso: str | None) -> str:
    if not iso:
        return "?"
    parts = iso.split("-")
    month = MONTHS[int(parts[1]) - 1].capitalize() if len(parts) > 1 else ""
    return " ".join(x for x in (str(int(parts[2])) if len(parts) > 2 else "", month, parts[0]) if x)


def _month_pattern(iso: str) -> str:
    return rf"\b{MONTHS[int(iso[5:7]) - 1]}\s+{iso[:4]}\b"


def _meta(d: DocumentInfo) -> dict:
    """A document's record as its chunks carry it, for `Filters` and `Scope`."""
    return {"doc": d.doc, "kind": d.kind, "local_authority": d.local_authority, "date": d.date,
            "year": int(d.date[:4]) if d.date else None, "visit_dates": ",".join(d.visit_dates)}


def _asks_rating(question: str, authorities: Iterable[str]) -> bool:
    """A judgement or grade asked for, not named as the occasion ("after being judged inadequate in 2013")."""
    verb = RATE_VERB.search(question)
    rated = verb and verb.group("what").strip() and not set(tokenize(verb.group("what"))) - GENERIC - GRADED_AREAS - \
        set(tokenize(" ".join(authorities)))  # "how did it compare with the national rate?": a noun, rating nothing
    return bool(RATING_Q.search(RATING_AS_CONTEXT.sub(" ", question)) or rated) or _asks_grade(question, authorities)


def _asks_grade(question: str, authorities: Iterable[str]) -> bool:
    """ "Is Medway still inadequate?": the council or its children's services, not "is supervision still good?"."""
    m = GRADE_STATUS.search(question)
    if not m:
        return False
    who = re.sub(r"'s children's services$|^children's services in ", "", m.group("who").strip().replace("’", "'"),
                 flags=re.IGNORECASE).lower()
    return who in COUNCIL_ITSELF or who in {a.lower() for a in authorities}

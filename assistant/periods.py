"""The time a question names: its years and months ("between 2019 and 2023", "since 2019", "late 2025"), and
whether a passage is of that time."""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.forms import AFTER_MONTH, BETWEEN, LAST_YEAR, MONTH_YEAR, PART_OF_YEAR, PARTS, SINCE
from ingest.metadata import MONTHS as MONTH_NAMES
from vectorstore.query_scope import LATEST, NOW_SINCE, SINCE_THEN, SOURCE, YEAR, Scope, asks_over_time, dates_of
from vectorstore.retrieval import Hit


@lru_cache(maxsize=256)  # read for the question, and again for each date sentence it weighs
def named_period(question: str) -> tuple[tuple[int, ...], frozenset[str]]:
    """The years a question names, and the months it names with their year ("january 2022"; "late 2025"
    is September to December)."""
    years = {int(y) for y in YEAR.findall(question)}
    span = BETWEEN.search(question)
    if span:  # "between the 2023 inspection and the 2025 visit": every year from one to the other
        years |= set(range(int(span.group(1)), int(span.group(2)) + 1))
    elif since := SINCE.search(question):  # "since 2019", "in the years after the 2019 judgement": any year after
        years |= set(range(int(next(y for y in since.groups() if y)), LAST_YEAR + 1))
    elif years and (SINCE_THEN.search(question)  # "... in 2019, and has it improved?": then and after
                    or (NOW_SINCE.search(question) and not SOURCE.search(question))  # "... in 2015. Is it better now?"
                    or (LATEST.search(question) and asks_over_time(question))):  # "... compare with the latest visit?"
        years |= set(range(min(years), LAST_YEAR + 1))
    years = tuple(sorted(years))
    months = {f"{m.lower()} {y}" for m, y in MONTH_YEAR.findall(AFTER_MONTH.sub(" ", question))}  # (the month
    # reports start from is no month they must be of)
    months |= {f"{m} {y}" for part, y in PART_OF_YEAR.findall(question) for m in PARTS[part.lower()]}
    return years, frozenset(months)


def within_period(years: tuple[int, ...], named: frozenset[str], hit: Hit) -> bool:
    """A question that names a year (or months of a year) is answered only from a passage of a document
    dated or visited then, or one that itself names that year or month (a 2022 report about the 2019
    inspection). Each year counts on its own: "from early 2019 to the 2023 inspection"."""
    if not years:
        return True
    months = {month_year(d) for d in dates_of(hit.meta) if len(d) >= 7}
    text = re.sub(r"\s+", " ", hit.text.lower())
    for year in years:
        mine = {n for n in named if n.endswith(str(year))}
        if mine and (mine & months or any(n in text for n in mine)):
            return True
        if not mine and (Scope(years=(year,)).matches(hit.meta) or str(year) in hit.text):
            return True
    return False


def later(text: str, start: str) -> bool:
    """Whether `text` names a month after `start` ("2022-05"), or a later year."""
    months = [iso_month(m, y) for m, y in MONTH_YEAR.findall(text)]
    months += [iso_month(m, y) for part, y in PART_OF_YEAR.findall(text) for m in PARTS[part.lower()]]  # "autumn"
    return any(m > start for m in months) or any(int(y) > int(start[:4]) for y in YEAR.findall(text))


def iso_month(month: str, year: str) -> str:
    """ "May", "2022" -> "2022-05", to compare with a document's ISO date."""
    return f"{year}-{MONTH_NAMES.index(month.lower()) + 1:02d}"


def month_year(iso: str) -> str:
    return f"{MONTH_NAMES[int(iso[5:7]) - 1]} {iso[:4]}" if iso[5:7].isdigit() and 1 <= int(iso[5:7]) <= 12 else ""

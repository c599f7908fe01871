"""Document metadata read from the text: kind, local authority, dates. A wrong guess is worse than none."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ingest.authorities import ALIASES, NAMES

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\s+(\d{{4}})\b", re.IGNORECASE)
RANGE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+{MONTH})?(?:\s+(\d{{4}}))?\s*(?:to|and|-|–)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"{MONTH}\s+(\d{{4}})\b",
    re.IGNORECASE,
)

# (kind, patterns searched in the opening text, lower-cased, straight quotes), first match wins
KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("scrutiny committee report", ("overview and scrutiny committee", "scrutiny committee")),
    ("commissioner report", ("commissioner for children's social care", "children's services commissioner",
                             "report for the minister")),
    ("council news", ("an update on our progress", "latest visit from ofsted")),
    ("area SEND inspection", ("area send inspection", "joint local area send inspection",
                              "inspection of the local area's effectiveness", "local area partnership report")),
    ("joint targeted area inspection", ("joint targeted area inspection of",)),
    ("focused visit", ("focused visit to",)),
    ("monitoring visit", ("monitoring visit to", "monitoring visit of")),
    ("full inspection", ("inspection of children's social care services", "local authority children's services\ninspection dates",
                         "inspection of services for children in need of help and protection",
                         "inspection of looked after children services", "inspection of safeguarding and looked after")),
]
FILENAME_KINDS = [("area send", "area SEND inspection"), ("focused visit", "focused visit"),
                  ("monitoring visit", "monitoring visit"), ("services inspection", "full inspection")]

LA_PATTERNS = [
    r"inspection of (?:the )?([A-Z][\w,'&. -]+?) local authority children's services",
    r"area send inspection of ([A-Z][\w,'&. -]+?) local area partnership",
    r"(?:focused|monitoring) visit to ([A-Z][\w,'&. -]+?) (?:local authority |council )?children's services",
    r"children's services in (?:the )?([A-Z][\w,'&. -]+?)(?: are| is| require|[.,])",
]


def _opening(pages: list[str], chars: int = 2500) -> str:
    text = " ".join(pages)[:chars]
    return text.replace("’", "'").replace("‘", "'")


def detect_kind(pages: list[str], filename: str = "") -> str | None:
    head = re.sub(r"\s+", " ", _opening(pages, 1500).lower())
    for kind, patterns in KINDS:
        if any(p.replace("\n", " ") in head for p in patterns):
            return kind
    name = filename.lower().replace("’", "'")
    for needle, kind in FILENAME_KINDS:
        if needle in name:
            return kind
    return None


def _canonical(name: str) -> str | None:
    """The council `name` is, as Ofsted writes it: "the Royal Borough of Kingston-upon-Thames" -> Kingston upon
    Thames; "Newcastle" (a letter's own short name) -> Newcastle upon Tyne."""
    name = re.sub(r"^(?:the )?(?:royal borough of |london borough of |city of |county of )", "", name.strip(), flags=re.I)
    name = re.sub(r"\s+(?:metropolitan )?(?:borough |county |city )?council$", "", name, flags=re.I)
    key = _key(name)
    for known in NAMES:
        if key == _key(known):
            return known
    return next((full for short, full in ALIASES.items() if key == _key(short)), None)


def _key(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name.lower().replace("&", "and")).strip()


def detect_local_authority(pages: list[str]) -> str | None:
    """The authority named in the title phrase; else the one the opening text names most often (twice at least)."""
    head = _opening(pages, 3000)
    flat = re.sub(r"\s+", " ", head)
    for pattern in LA_PATTERNS:
        for m in re.finditer(pattern, flat, re.IGNORECASE):
            known = _canonical(m.group(1))
            if known:
                return known
    counts = Counter()
    lowered = f" {flat.lower()} "
    for known in NAMES:
        n = len(re.findall(rf"(?<![\w-]){re.escape(known.lower())}(?![\w-])", lowered))
        if n:
            counts[known] = n
    if counts:
        n = counts.most_common(1)[0][1]
        # Longer names contain shorter ones ("North Somerset" / "Somerset"): prefer the longest of equal count.
        best = max((k for k, c in counts.items() if c == n), key=len)
        if n >= 2:
            return best
    # a report whose cover names only the council, on a line of its own ("North Somerset")
    lines = [line.strip() for line in (pages[0] if pages else "").splitlines() if line.strip() and not line.strip().isdigit()]
    return next((known for known in map(_canonical, lines[:3]) if known), None)


def iso_date(day: str, month: str, year: str) -> str | None:
    """"27", "August", "2019" -> "2019-08-27"; None when no such day."""
    try:
        return date(int(year), MONTHS.index(month.lower()) + 1, int(day)).isoformat()
    except ValueError:
        return None


def detect_visit_dates(pages: list[str]) -> tuple[str, ...]:
    """(first day, last day) of the inspection or visit, where the text states them."""
    flat = re.sub(r"\s+", " ", _opening(pages, 3000))
    cues = re.finditer(r"(inspection dates?:|visit to .{0,120}? on |visit .{0,60}? on |inspectors were on site|"
                       r"\bon (?=\d[^.]{0,40}\b(?:ofsted|inspectors) (?:undertook|carried out|visited|inspected)))",
                       flat, re.I)
    for cue in cues:  # the first cue followed by a date ("an update on our progress" is not one)
        window = flat[cue.end(): cue.end() + 80]
        m = RANGE.match(window.strip()) or RANGE.search(window)
        if m:
            d1, m1, y1, d2, m2, y2 = m.groups()
            start = iso_date(d1, m1 or m2, y1 or y2)
            end = iso_date(d2, m2, y2)
            return tuple(x for x in (start, end) if x)
        single = FULL_DATE.search(window)
        if single:
            iso = iso_date(*single.groups())
            return (iso, iso) if iso else ()
    return ()


def detect_publication_date(pages: list[str]) -> str | None:
    """'Published: <date>', or a date standing alone on a line near the top (letters, committee papers)."""
    flat = re.sub(r"\s+", " ", _opening(pages, 3000))
    m = re.search(rf"(?:report published|published):?\s*{FULL_DATE.pattern}", flat, re.I)
    if m:
        return iso_date(*m.groups()[-3:])
    lines = [ln.strip() for ln in "\n".join(pages)[:4000].split("\n") if ln.strip()][:40]
    for line in lines:
        m = FULL_DATE.fullmatch(line)
        if m:
            return iso_date(*m.groups())
        m = re.fullmatch(rf"{MONTH}\s+(\d{{4}})", line, re.I)
        if m:
            return f"{m.group(2)}-{MONTHS.index(m.group(1).lower()) + 1:02d}"
    return None


def make_title(kind: str | None, authority: str | None, when: str | None, fallback: str) -> str:
    if not (kind or authority):
        return fallback
    label = " ".join(x for x in (authority, kind) if x)
    label = label[0].upper() + label[1:]
    if when:
        year, month = int(when[:4]), int(when[5:7]) if len(when) >= 7 else None
        label += f", {MONTHS[month - 1].capitalize()} {year}" if month else f", {year}"
    return label

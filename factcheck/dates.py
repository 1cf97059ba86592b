"""Dates: written date phrases → intervals of days, as figures.

A date claim has unit ``"date"``; its value, low and high are proleptic
Gregorian ordinals (``datetime.date.toordinal()``), which the reports render
as ISO strings.  Every date is a *closed* interval of days: a day is
``[d, d]``, a month ``[1st, last day]``, a year ``[1 Jan, 31 Dec]``.  Closed
intervals make "October 30" and "October 31" disjoint (disputed) while a day
inside a stated month overlaps it (compatible).  The value is the middle day of
the interval; a hedge moves it to the bound it states ("by late 2027" → value
and high 2027-12-31, low open).

What dateparser does (explicit days and months, weekdays, "yesterday",
"last week", "three days ago", other languages) is left to it, imported lazily
and always given the publication date as ``RELATIVE_BASE`` — never today's
date.  Written here, because no library does them: quarters, halves, the
documented thirds of a year or month (early = Jan–Apr / days 1–10, mid =
May–Aug / 11–20, late = Sep–Dec / 21–end), fiscal years and quarters from an
entity's fiscal calendar, "earlier/later this year", and choosing the year of
a date written without one.

Korean phrases ("2025년 10월 31일", "2027년 말까지", "내년 하반기") are read by a
small grammar of their own (``KO_DATE``, the ``{ko_date}`` piece) and rewritten
as the English phrase of the same period, so both languages share one reader.

A phrase without a year takes the year that puts it nearest the publication
date (ties go to the earlier year); without a publication date, nearest the
last full date written before it in the text; failing both, the year is
unknown: the claim keeps value/low/high unknown and ``place_undated`` gives it
the year nearest to the other sources' dates when groups are compared.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import math
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable

import regex

from . import pattern_cache
from .claims import INF, Claim, Figure, Interval

# --------------------------------------------------------------------------- grammar

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4, "latter": 2, "back": 2, "front": 1}
#: Thirds of a year (months) and of a month (days), as documented in docs/dates.md.
YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
PART_WORDS = {"early": "early", "start": "early", "beginning": "early", "mid": "mid", "middle": "mid",
              "late": "late", "end": "late", "close": "late"}
#: Hedges before a date → qualifier.
DATE_HEDGES = {
    "by": "up_to", "until": "up_to", "till": "up_to", "no later than": "up_to",
    "not later than": "up_to", "before": "under", "prior to": "under",
    "from": "at_least", "since": "at_least", "as early as": "at_least", "no earlier than": "at_least",
    "not before": "at_least", "after": "over",
    # what runs "through 2031" runs to its last day: "through 2031" and "through December 2031" both end on
    # 2031-12-31 (one day, not a bound: "through 2030" and "through 2031" disagree)
    "through": "through",
}

_MONTH = (r"(?<![\w.])(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?!\w))")
_DAY = r"(?<![\w.,$€£])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%])(?!,\d)"
_Y4 = r"(?:19|20)\d\d"
_YEAR = rf"(?<![\w$€£.,/]){_Y4}(?![\w%]|[.,]\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: A weekday as news stories date their events: "Monday", "on Tuesday", "late Monday", "Tuesday morning";
#: not the weekday of a date written out ("Tuesday, March 10, 2026", "Monday 9 June").
_NEWS_WEEKDAY = (rf"(?:(?i:early|late)\s+)?{_WEEKDAY}(?:\s+(?i:morning|afternoon|evening|night)\b)?"
                 rf"(?!,?\s+(?:{_MONTH}|\d))")
_FISCAL_YEAR = rf"(?:fiscal(?:\s+year)?[\s-]+{_Y4}|FY[\s-]?'?(?:{_Y4}|\d\d))(?![\w%])"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_REL_YEAR = r"(?i:this|next|last)\s+year"
_ANY_YEAR = rf"(?:{_FISCAL_YEAR}|{_YEAR}|{_REL_YEAR})"
_NOT_OF = r"(?!\s+of\b)"  # "the second half of the contract" is no date
#: A bare year followed by a counted noun is a count: "in 2000 racks".
_COUNT_AFTER = (r"(?!\s*[-–]?\s*(?:[\p{Lu}][\w-]*\s+){0,2}(?i:GPUs?|chips?|units?|servers?|accelerators?|racks?|nodes?"
                r"|cards?|wafers?|sites?|stores?|vehicles?|cars?|robots?|devices?|customers?|users?|homes?|people"
                r"|employees|workers|jobs|shares|tonnes|tons|MW|GW|kW|megawatts?|gigawatts?)\b)")
#: A period followed by a financial noun is a reporting period, not the time of an event:
#: "announced third-quarter results", "its fiscal 2026 revenue".
_REPORTING_AFTER = (r"(?![\s-]+(?i:results?|earnings|revenues?|sales|profits?|reports?|guidance|forecasts?|outlook"
                    r"|numbers|figures|loss(?:es)?|income|budgets?|spending|capex|margins?|shipments|deliveries)\b)")

FORMS: dict[str, str] = {
    "iso": rf"(?<![\w.-]){_Y4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])",
    "day": (rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
            rf"|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?|{_DAY}-{_MONTH}-{_YEAR})"),
    "month_part": rf"(?i:early|mid|late|the\s+(?:start|beginning|middle|end)\s+of)[\s-]+{_MONTH}(?:,?\s+{_YEAR})?",
    "month": rf"{_MONTH}(?:\s+of)?,?\s+{_YEAR}",
    "quarter": (rf"(?:Q[1-4](?:[\s-]+(?:of\s+)?(?:{_FISCAL_YEAR}|{_YEAR}))?"
                rf"|{_FISCAL_YEAR}[\s-]+Q[1-4]"
                rf"|(?i:the\s+)?(?i:{_ORD}|final|last)[\s-]+(?i:fiscal[\s-]+)?quarter"
                rf"(?:(?:\s+of)?\s+(?:the\s+)?{_ANY_YEAR}|{_NOT_OF}))"),
    "half": (rf"(?:H[12][\s-]*(?:{_FISCAL_YEAR}|{_YEAR})|{_FISCAL_YEAR}[\s-]+H[12]"
             rf"|(?i:the\s+)?(?i:first|second|1st|2nd|latter|back|front)[\s-]+half"
             rf"(?:(?:\s+of)?\s+(?:the\s+)?{_ANY_YEAR}|{_NOT_OF}))"),
    "year_part": (rf"(?:(?i:early|mid|late)[\s-]+{_ANY_YEAR}|(?i:end|start)-{_Y4}(?![\w%])"
                  rf"|(?i:the\s+)?(?i:start|beginning|middle|end|close)\s+of\s+(?:the\s+)?(?:{_ANY_YEAR}|(?i:year)\b))"),
    "fiscal_year": _FISCAL_YEAR,
    "relative": (r"(?i:(?:earlier|later)\s+this\s+(?:week|month|year)|(?:last|this|next)\s+(?:week|month|quarter|year)"
                 r"|(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?)\s+ago)\b"
                 # "today, June 9": the date is the one written out
                 rf"|(?i:yesterday|today|tomorrow)\b(?!,?\s+(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH}))"
                 rf"|(?i:last|this|next)\s+{_WEEKDAY}(?!,?\s+(?:{_MONTH}|\d))|{_NEWS_WEEKDAY}"),
    "month_alone": (rf"(?<=\b(?i:in|during|by|until|till|through|since|from|before|after|of)\s){_MONTH}"
                    r"(?!\s*\d)"),
    "year": (r"(?:(?<=\b(?i:in|into|by|during|until|till|through|since|from|before|after|for|calendar|year|the"
             r"|its|their|a)\s)"
             # "extend to 2032", "goes through to 2031": a term's end
             rf"|(?<=\b(?i:through|extend(?:s|ed|ing)?|expand(?:s|ed|ing)?|run(?:s|ning)?|last(?:s|ing)?)\s+to\s))"
             rf"{_YEAR}"
             rf"{_COUNT_AFTER}"),
}
#: One end of a range ("March", "March 10", "Q3", "2026", "the second half of 2026") and a range of two.
#: (Kept to the common forms: the pattern is compiled into every date rule.)
_RANGE_END = rf"{_MONTH}(?:\s+{_DAY})?(?:,?\s+{_YEAR})?|Q[1-4](?:\s+{_YEAR})?|H[12](?:\s+{_YEAR})?|{_YEAR}"
_RANGE_JOIN = r"(?:\s*[-–—]\s*|\s+(?i:to|and|until|through|till)\s+)"
RANGE = rf"(?i:between\s+)?(?:{_RANGE_END}){_RANGE_JOIN}(?:{_RANGE_END})"
_RANGE_SPLIT = rf"(?i:between\s+)?(?P<a>{_RANGE_END}){_RANGE_JOIN}(?P<b>{_RANGE_END})"

_HEDGE = r"(?:(?i:by|before|prior\s+to|until|till|through|no\s+later\s+than|not\s+later\s+than|as\s+early\s+as" \
         r"|no\s+earlier\s+than|not\s+before|after|from|since)\s+)"

#: The piece rule patterns reference as ``{date}``: an optional hedge and one date form (group ``date``).
PIECES: dict[str, str] = {
    # "(?<!\w)(?=\w)" first: the many forms are tried only where a word starts (several times faster)
    "date": (r"(?<!\w)(?=\w)(?P<date>" + _HEDGE + "?(?:" + "|".join(f"(?:{p})" for p in [RANGE, *FORMS.values()]) + ")"
             + _REPORTING_AFTER + ")"),
}

#: A day a news story dates its event by, for patterns that pair it with a verb of saying ("the companies said
#: on Tuesday"): a weekday, today or yesterday (group ``date``).
PIECES["news_day"] = (r"(?<!\w)(?P<date>" + _NEWS_WEEKDAY
                      + rf"|(?i:yesterday|today)\b(?!,?\s+(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH})))")

# --------------------------------------------------------------------------- Korean

# A Korean date is written biggest unit first, and its hedge comes after it: "2027년 말까지" (by late
# 2027), "내년 하반기" (the second half of next year), "10월 30일" (October 30).  The grammar is written
# here rather than left to dateparser: dateparser 1.5 reads "2025년 10월 31일", "10월 30일", "2025년 10월",
# "내년" and "지난달", but not 지난해, 초/중반/말, 상반기/하반기, 분기, nor a hedge after the date.  A
# phrase is rewritten as the English phrase of the same period ("by late 2027") and read by the
# English reader, so both languages share one set of intervals, precisions and year rules.
_KO_Y = r"(?<![\d.,])(?:19|20)\d\d\s?년"
_KO_M = r"(?<![\d.,])(?:1[0-2]|0?[1-9])\s?월"
_KO_D = r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])\s?일"
_KO_REL_YEAR = r"(?<!\p{Hangul})(?:내후년|재작년|내년|올해|금년|작년|지난\s?해|명년)"
_KO_YEAR_PART = r"(?:초반|초|중반|중|말|전반기|후반기|전반|후반|상반기|하반기|[1-4]\s?분기)"
_KO_MONTH_PART = r"(?:초순|초|상순|중순|하순|말)"
_KO_WHEN = r"(?:(?:지난|오는)\s)?"  # "지난 10월 30일" (this past), "오는 11월" (coming): the tense
_KO_CORE = "|".join(f"(?:{p})" for p in [
    rf"{_KO_Y}\s?{_KO_M}\s?{_KO_D}",
    rf"{_KO_Y}\s?{_KO_M}(?:\s?{_KO_MONTH_PART})?",
    rf"{_KO_REL_YEAR}\s?{_KO_M}(?:\s?{_KO_D}|\s?{_KO_MONTH_PART})?",
    rf"{_KO_WHEN}{_KO_M}\s?{_KO_D}",
    rf"{_KO_WHEN}{_KO_M}(?:\s?{_KO_MONTH_PART})?",
    rf"{_KO_Y}(?:\s?{_KO_YEAR_PART})?",
    rf"{_KO_REL_YEAR}(?:\s?{_KO_YEAR_PART})?",
    rf"(?<!\p{{Hangul}})올\s?{_KO_YEAR_PART}",  # 올 하반기: this year's second half
    r"(?<!\p{Hangul})연(?:말|초|중|내)",  # 연말 the end of this year, 연내 within this year
    r"(?<![년\d]\s?)(?<!\p{Hangul})(?:상반기|하반기|[1-4]\s?분기)",  # a half or quarter without a year
    rf"(?<!\p{{Hangul}})(?:(?:지난|이번|다음)\s?달|이달|내달)(?:\s?{_KO_MONTH_PART})?",
    r"(?<!\p{Hangul})(?:(?:지난|이번|다음)\s?주|내주)",
    r"(?<!\p{Hangul})(?:오늘|어제|내일|금일)",
    rf"{_KO_WHEN}(?<!월\s?){_KO_D}",  # "31일": a day of the month of the publication date
])
_KO_HEDGES = {"까지": "by", "이전": "by", "부터": "from", "이후": "from"}
#: A Korean date ends where its word does, or at a particle: "2027년 말까지는", "내년에" (not "2000년대",
#: "1990년생", "10월 30일간", "오늘날").  께/쯤/경 ("around") are kept with the date and do not change it.
_KO_END = (r"(?=(?:이었다|이다|이며|이고|입니다|였다|인|다|에는|에도|에|엔|은|는|의|도|을|를|이|가|으로|로|와|과)?"
           r"(?!\p{Hangul}))")
#: A date is read whole: "2025년 3분기 실적" is a reporting period, and "2025년" alone in it is no date either.
_KO_NO_MORE = (rf"(?!\s?(?:\d{{1,2}}\s?(?:월|일|분기)|(?:{_KO_YEAR_PART}|{_KO_MONTH_PART})(?!\p{{Hangul}})))")
#: As in English, a period followed by a financial noun is a reporting period: "3분기 실적", "2025년 매출".
_KO_REPORTING_AFTER = r"(?!\s?(?:실적|매출|영업이익|순이익|이익|손실|결산|예산|가이던스|성적|전망치|기준|대비))"
_KO_HEDGE = r"(?:까지|부터|\s?이후|\s?이전)"
KO_DATE = rf"(?:{_KO_CORE})(?:께|쯤|경)?{_KO_HEDGE}?{_KO_END}{_KO_NO_MORE}{_KO_REPORTING_AFTER}"
#: What a Korean date can start with: most positions of a sentence are given up at once (English text above all).
_KO_START = r"(?=\d{1,4}\s?[년월일]|[1-4]\s?분기|[내올작지금명재연이다오어상하])"
PIECES["ko_date"] = r"(?P<date>" + _KO_START + KO_DATE + ")"
#: The parts of a phrase KO_DATE has matched, by name.
_KO_READ = (r"(?:(?P<when>지난|오는)\s)?"
            r"(?:(?P<y>(?:19|20)\d\d)\s?년|(?P<ry>내후년|재작년|내년|올해|금년|작년|지난\s?해|명년|올)|(?P<yr>연)(?=[말초중내]))?\s?"
            r"(?:(?P<m>1[0-2]|0?[1-9])\s?월|(?P<mr>(?:지난|이번|다음)\s?달|이달|내달)|(?P<wr>(?:지난|이번|다음)\s?주|내주)"
            r"|(?P<dr>오늘|어제|내일|금일))?\s?"
            r"(?:(?P<d>3[01]|[12]\d|0?[1-9])\s?일)?\s?"
            r"(?P<part>초반|초순|초|중반|중순|중|말|상순|하순|전반기|후반기|전반|후반|상반기|하반기|(?P<q>[1-4])\s?분기|내)?"
            r"(?:께|쯤|경)?(?P<hedge>까지|부터|\s?이후|\s?이전)?")
_KO_REL_YEARS = {"내후년": 2, "재작년": -2, "내년": 1, "명년": 1, "올해": 0, "금년": 0, "올": 0, "연": 0, "작년": -1,
                 "지난해": -1}
_KO_REL_MONTHS = {"지난달": -1, "이달": 0, "이번달": 0, "다음달": 1, "내달": 1}
_KO_REL_ENGLISH = {"지난주": "last week", "이번주": "this week", "다음주": "next week", "내주": "next week",
                   "오늘": "today", "금일": "today", "어제": "yesterday", "내일": "tomorrow"}
#: 초/중반/말 of a year and 초(순)/중순/말 of a month: the documented thirds, as early/mid/late in English.
_KO_THIRDS = {"초": "early", "초반": "early", "초순": "early", "상순": "early", "중반": "mid", "중순": "mid",
              "말": "late", "하순": "late"}
_KO_HALVES = {"상반기": "first", "전반기": "first", "전반": "first", "하반기": "second", "후반기": "second",
              "후반": "second"}
_KO_FULL_DATE = rf"(?P<y>(?:19|20)\d\d)\s?년\s?(?P<m>1[0-2]|0?[1-9])\s?월\s?(?P<d>3[01]|[12]\d|0?[1-9])\s?일"

_HEDGE_AT_START = regex.compile(_HEDGE)
_FULL_DATE = rf"{FORMS['iso']}|(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})"


@functools.cache
def _compiled(pattern: str) -> regex.Pattern:
    """Patterns compiled on first use: loading the rules imports this module but need not pay for them."""
    return pattern_cache.compile(pattern)


_HANGUL = regex.compile(r"\p{Hangul}")
#: Words of a phrase relative to the publication date, which an earlier date in the text cannot resolve.
_RELATIVE = regex.compile(rf"(?i:\b(?:last|this|next|earlier|later|ago|yesterday|today|tomorrow)\b)|{_WEEKDAY}")
_STATED_YEAR = regex.compile(rf"(?<!\d){_Y4}(?!\d)|(?<=FY[\s-]?'?)\d\d(?!\d)")
_FISCAL_WORD = regex.compile(r"(?i:\bfiscal\b)|FY")

# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class DateFigure(Figure):
    """A figure whose numbers are day ordinals, with how it was read (``notes`` go to the claim's extras)."""

    notes: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class _Period:
    low: _dt.date
    high: _dt.date
    precision: str


#: A period as a function of the year it falls in (None: that year cannot hold it, e.g. 29 February).
_YearBuilder = Callable[[int], "_Period | None"]


class _NeedsPublicationDate(Exception):
    """A relative date ("last week") and no publication date to resolve it against."""


# --------------------------------------------------------------------------- public API


def parse_date_phrase(
    text: str,
    pub_date: _dt.date | str | None = None,
    *,
    languages: Iterable[str] = ("en",),
    fiscal_year_end: int | str | None = None,
    context_date: _dt.date | None = None,
    tense: str | None = None,
    year: int | None = None,
) -> DateFigure | None:
    """The interval of days a date phrase commits to, or None if it is no date or cannot be resolved.

    ``pub_date`` resolves relative dates and dates without a year;
    ``context_date`` (a full date written earlier in the text) stands in for
    it when there is no publication date, for the year only.
    ``fiscal_year_end`` is the month (1–12 or a name) a company's fiscal year
    ends in, the fiscal year being named for the calendar year it ends in.
    ``tense`` ("past" or "future", from the words around the phrase) says on
    which side of the reference date a year-less date lies; ``year`` gives
    the year of a phrase that states none outright.
    """
    pub = _as_date(pub_date)
    phrase = " ".join(text.split())
    if _HANGUL.search(phrase):
        return _read_korean(phrase, pub, fiscal_year_end=fiscal_year_end, context_date=context_date, tense=tense,
                            year=year)
    qualifier, hedge_word = "exact", ""
    hedge = _HEDGE_AT_START.match(phrase)
    if hedge and hedge.end() < len(phrase):
        hedge_word = " ".join(hedge.group().lower().split())
        qualifier = DATE_HEDGES[hedge_word]
        phrase = phrase[hedge.end():]
    fiscal_end = _month_number(fiscal_year_end)
    if _compiled(RANGE).fullmatch(phrase):
        return _read_range(phrase, qualifier, pub, languages=languages, fiscal_year_end=fiscal_end,
                           context_date=context_date, tense=tense, year=year)
    try:
        read = _read(phrase, pub, tuple(languages), fiscal_end, tense)
    except _NeedsPublicationDate:
        return _as_written(phrase, qualifier, hedge_word)
    if read is None:
        return None
    builder, stated, precision, notes = read
    if stated is not None:
        period, source = builder(stated), "stated" if not notes.get("relative") else "publication date"
    elif year is not None:
        period, source = builder(year), "given"
    elif pub is not None or context_date is not None:
        period = _nearest(builder, pub or context_date, tense)
        source = "publication date" if pub is not None else "earlier date in the text"
        if tense in ("past", "future"):
            notes["tense"] = tense
    else:
        notes.update(precision=precision, year="unknown")
        return DateFigure(math.nan, Interval(-INF, INF, False, False), _shown(qualifier), notes=tuple(notes.items()))
    if period is None:
        return None
    notes.update(precision=period.precision, year=source)
    return _figure(period, qualifier, notes)


def date_figure(
    phrase: str,
    document,
    start: int,
    subject=None,
    catalogue=None,
    languages: Iterable[str] = ("en",),
    tense: str | None = None,
) -> DateFigure | None:
    """Read the date phrase a rule matched at ``start`` of a document.

    The document gives the publication date (or, lacking one, the last full
    date before the phrase); a fiscal phrase uses the fiscal calendar of the
    entity named just before it ("Broadcom's fiscal 2027") or of the claim's
    subject, from the entity catalogue.
    """
    pub = _as_date(getattr(document, "pub_date", None))
    fiscal_end = None
    if _FISCAL_WORD.search(phrase):
        owner = _possessive_owner(document.scan_text, start, catalogue) if catalogue is not None else None
        fiscal_end = fiscal_year_end_of(owner or subject)
    context = None
    if pub is None and not _STATED_YEAR.search(phrase) and not _RELATIVE.search(phrase):
        context = context_date(document.scan_text, start, tuple(languages))
    return parse_date_phrase(phrase, pub, languages=languages, fiscal_year_end=fiscal_end, context_date=context,
                             tense=tense if tense in ("past", "future") else None)


def fiscal_year_end_of(entity) -> int | None:
    """The month an entity's fiscal year ends in, from its catalogue entry (``fiscal_year_end: January``)."""
    if entity is None:
        return None
    return _month_number(dict(entity.extra).get("fiscal_year_end"))


def context_date(text: str, offset: int, languages: tuple[str, ...] = ("en",)) -> _dt.date | None:
    """The last full date (day, month and year) written before ``offset``, if any."""
    best = None
    for at, day in _full_dates(text, languages):
        if at >= offset:
            break
        best = day
    return best


def place_undated(claims: list[Claim], languages: Iterable[str] = ("en",)) -> tuple[list[Claim], list[Claim]]:
    """Give year-less date claims the year nearest to the other sources' dates about the same thing.

    Returns (claims to compare, claims kept apart).  A placed claim is a copy
    whose extras say ``year: "assumed YYYY from other sources"``; one with no
    dated claim from another source to go by stays apart, never compared
    (``apart_clusters`` groups those that say the same).  A weekday no
    publication date resolves ("on Monday") is placed likewise, on that weekday
    nearest the days the other sources give; other relative dates kept as
    written ("last week") stay apart.
    """
    undated = [c for c in claims if c.unit == "date" and c.extra.get("year") == "unknown"]
    if not undated:
        return claims, []
    undated_ids = {id(c) for c in undated}
    dated = [c for c in claims if id(c) not in undated_ids]
    placed: list[Claim] = []
    apart: list[Claim] = []
    for claim in undated:
        if "as_written" in claim.extra:
            copy = _place_weekday(claim, dated)
            (placed if copy is not None else apart).append(copy or claim)
            continue
        others = [c.value for c in dated if c.source != claim.source and math.isfinite(c.value)]
        figure, year = None, None
        if others:
            target = sorted(others)[len(others) // 2]
            candidates = []
            years = {_dt.date.fromordinal(int(v)).year for v in others}
            for y in sorted({y + d for y in years for d in (-1, 0, 1)}):
                f = parse_date_phrase(claim.text, languages=languages, year=y)
                if f is not None and math.isfinite(f.value):
                    candidates.append((_distance(f.interval, target), y, f))
            if candidates:
                _, year, figure = min(candidates, key=lambda t: (t[0], t[1]))
        if figure is None:
            apart.append(claim)
            continue
        iv = figure.interval
        extra = dict(claim.extra, year=f"assumed {year} from other sources")
        placed.append(replace(claim, value=figure.value, low=iv.low, high=iv.high, low_closed=iv.low_closed,
                              high_closed=iv.high_closed, extra=extra))
    return dated + placed, apart


def _place_weekday(claim: Claim, dated: list[Claim]) -> Claim | None:
    """An unresolved weekday ("on Monday") on that weekday nearest the days other sources give, or None.

    Only days count (a month or a year says nothing of a weekday); the middle one of them is the target,
    and the weekday is the one within three days of it.
    """
    written = claim.extra["as_written"].rsplit(" ", 1)
    weekday = WEEKDAYS.index(written[-1]) if written[-1] in WEEKDAYS else None
    days = sorted(c.low for c in dated if c.source != claim.source and c.low == c.high and math.isfinite(c.low))
    if weekday is None or not days:
        return None
    target = _dt.date.fromordinal(int(days[len(days) // 2]))
    shift = (weekday - target.weekday()) % 7
    day = target + _dt.timedelta(days=shift if shift <= 3 else shift - 7)
    figure = _figure(_Period(day, day, "day"), claim.qualifier, {})
    iv = figure.interval
    extra = dict(claim.extra, year=f"assumed {day.year} from other sources",
                 date=f"assumed: the {WEEKDAYS[weekday]} nearest the other sources' dates")
    return replace(claim, value=figure.value, low=iv.low, high=iv.high, low_closed=iv.low_closed,
                   high_closed=iv.high_closed, extra=extra)


def apart_clusters(apart: list[Claim]) -> list[list[Claim]]:
    """The claims ``place_undated`` kept apart, as groups: those that say the same date the same way.

    Without a publication date or another source's date to go by, "Monday" in one source and "Monday" in
    another agree (as written), and "March 31" with "31 March"; nothing else can be said of them.
    """
    clusters: dict[tuple, list[Claim]] = {}
    for claim in apart:
        clusters.setdefault(written_key(claim), []).append(claim)
    return list(clusters.values())


def written_key(claim: Claim) -> tuple:
    """What an unplaced date claim says, as written: the weekday or relative phrase, or the days of a year-less
    date read in a leap year ("31 March" and "March 31" are one); unique for anything else."""
    if "as_written" in claim.extra:
        return ("written", claim.extra["as_written"])
    figure = parse_date_phrase(claim.text, year=2000) if claim.extra.get("year") == "unknown" else None
    if figure is not None and math.isfinite(figure.value):
        return ("days", figure.qualifier, figure.interval.low, figure.interval.high)
    return ("claim", id(claim))


def same_as_written(a: Claim, b: Claim) -> bool:
    """Do two date claims without a date (kept apart) say the same, as written?"""
    return written_key(a) == written_key(b)


def placed_against(claim: Claim, sources: list[Claim]) -> tuple[Claim, list[Claim]]:
    """A draft's date claim and the source claims of its key, placed as a scan places them (``place_undated``).

    A draft's "on Monday" or "October 30" takes its date from the sources' days, and theirs from the
    draft's; what nothing places is left out, except that a claim the draft itself cannot place is
    supported by source claims that say the same as written ("Monday" and "Monday").  Returns the claim
    (a placed copy where it was placed) and the source claims to check it against.
    """
    if claim.unit != "date" or all(math.isfinite(c.value) for c in (claim, *sources)):
        return claim, sources
    placed, apart = place_undated([*sources, claim])
    mine = next(c for c in placed + apart
                if c.source == claim.source and c.offset == claim.offset and c.text == claim.text)
    if math.isfinite(mine.value):
        return mine, [c for c in placed if c.source != claim.source and math.isfinite(c.value)]
    key = written_key(mine)
    return mine, [c for c in apart if c.source != claim.source and written_key(c) == key]


def parse_pub_date_override(spec: str) -> tuple[str, str]:
    """``"FILE=YYYY-MM-DD"`` → (FILE, ISO date); ValueError with a message a user can act on."""
    given, sep, day = spec.rpartition("=")
    if not sep or not given:
        raise ValueError(f"--pub-date {spec!r}: expected FILE=YYYY-MM-DD")
    try:
        return given, _dt.date.fromisoformat(day.strip()).isoformat()
    except ValueError:
        raise ValueError(f"--pub-date {spec!r}: {day!r} is not a date (YYYY-MM-DD)") from None


def iso(ordinal: float) -> str | None:
    """An ordinal as an ISO date; None for an open or unknown end."""
    if ordinal is None or not math.isfinite(ordinal):
        return None
    return _dt.date.fromordinal(int(ordinal)).isoformat()


# --------------------------------------------------------------------------- reading one phrase


def _read_range(phrase: str, qualifier: str, pub: _dt.date | None, **options) -> DateFigure | None:
    """"between March and June 2026", "2026–2028", "Q3-Q4 2026": from the start of one to the end of the other.

    An end without a year takes the other's ("March to June 2026"), a year
    earlier if it would otherwise come after it ("December to March 2026").
    """
    m = _compiled(_RANGE_SPLIT).fullmatch(phrase)
    end = parse_date_phrase(m.group("b"), pub, **options)
    if end is None or not math.isfinite(end.value):
        return end
    start_options = dict(options)
    if _stated_year(m.group("a")) is None and dict(end.notes).get("year") == "stated":
        start_options["year"] = _dt.date.fromordinal(int(end.interval.high)).year
    start = parse_date_phrase(m.group("a"), pub, **start_options)
    if start is not None and math.isfinite(start.value) and start.interval.low > end.interval.high \
            and start_options.get("year") is not None:
        start_options["year"] -= 1
        start = parse_date_phrase(m.group("a"), pub, **start_options)
    if start is None or not math.isfinite(start.value) or start.interval.low > end.interval.high:
        return None
    period = _Period(_dt.date.fromordinal(int(start.interval.low)), _dt.date.fromordinal(int(end.interval.high)),
                     "range")
    notes = dict(end.notes, precision="range")
    return _figure(period, "range" if qualifier in ("exact", "at_least") else qualifier, notes)


def _read(phrase: str, pub: _dt.date | None, languages: tuple[str, ...], fiscal_end: int | None,
          tense: str | None = None):
    """(builder by year, stated year or None, precision, notes) for a phrase without its hedge."""
    notes: dict[str, Any] = {}
    for name in ("iso", "day", "month_part", "month", "relative", "quarter", "half", "year_part", "fiscal_year"):
        if _compiled(FORMS[name]).fullmatch(phrase):
            break
    else:  # these two forms need the word before them in a text; alone they are the bare month or year
        name = "year" if regex.fullmatch(_Y4, phrase) else "month_alone" if regex.fullmatch(_MONTH, phrase) else ""
    if name in ("quarter", "half", "year_part", "fiscal_year", "year"):
        return _read_period(name, phrase, pub, fiscal_end, notes)
    if name == "month_part":
        part = PART_WORDS[regex.match(r"(?:the\s+)?(\w+)", phrase, regex.I).group(1).lower()]
        rest = regex.sub(r"^(?i:early|mid|late|the\s+\w+\s+of)[\s-]+", "", phrase)
        month = _parse_with_dateparser(rest, languages)
        if month is None:
            return None
        first, last = MONTH_THIRDS[part]
        m = month.month

        def month_part(y: int) -> _Period:
            last_day = calendar.monthrange(y, m)[1]
            return _Period(_dt.date(y, m, first), _dt.date(y, m, last_day if part == "late" else last), f"{part} month")

        return month_part, _stated_year(phrase), f"{part} month", notes
    if name == "relative":
        return _read_relative(phrase, pub, languages, notes, tense)
    if name in ("iso", "day", "month", "month_alone"):
        year = _stated_year(phrase)
        # the publication date as RELATIVE_BASE; a year-less phrase is read in a leap year for its month and day
        parsed = _parse_with_dateparser(phrase, languages, with_period=True, base=pub if year else None)
        if parsed is None:
            return None
        day, period = parsed
        if period == "month" or name == "month_alone":
            return (lambda y: _month_period(y, day.month)), year, "month", notes
        m, d = day.month, day.day

        def one_day(y: int) -> _Period | None:
            try:
                return _Period(_dt.date(y, m, d), _dt.date(y, m, d), "day")
            except ValueError:  # 29 February in a common year
                return None

        return one_day, year, "day", notes
    return None


def _read_period(name: str, phrase: str, pub: _dt.date | None, fiscal_end: int | None, notes: dict):
    """Quarters, halves, thirds and (fiscal) years: written here, no library reads them."""
    low = phrase.lower()
    fiscal = bool(_FISCAL_WORD.search(phrase))
    year = _stated_year(phrase)
    rel = regex.search(r"\b(this|next|last)\s+year\b", low)
    if rel:
        if pub is None:
            raise _NeedsPublicationDate
        year = pub.year + {"this": 0, "next": 1, "last": -1}[rel.group(1)]
        notes["relative"] = True
    elif name == "year_part" and regex.search(r"\bthe\s+year$", low):
        if pub is None:
            raise _NeedsPublicationDate
        year = pub.year
        notes["relative"] = True
    if fiscal:
        notes["fiscal_calendar"] = (f"fiscal year ends in {calendar.month_name[fiscal_end]}" if fiscal_end
                                    else "unknown: widened to every fiscal year named for this year")
    if name in ("year", "fiscal_year"):
        months, index, precision = 12, 1, "fiscal year" if fiscal else "year"
    elif name == "quarter":
        q = regex.search(r"Q([1-4])", phrase)
        index = int(q.group(1)) if q else ORDINALS[regex.search(rf"(?i:{_ORD}|final|last)", phrase).group().lower()]
        months, precision = 3, "fiscal quarter" if fiscal else "quarter"
    elif name == "half":
        h = regex.search(r"H([12])", phrase)
        index = int(h.group(1)) if h else ORDINALS[regex.search(r"(?i:first|second|1st|2nd|latter|back|front)", phrase).group().lower()]
        months, precision = 6, "fiscal half" if fiscal else "half"
    else:  # year_part: early / mid / late, start / middle / end
        part = PART_WORDS[regex.search(r"(?i:early|mid|late|start|beginning|middle|end|close)", phrase).group().lower()]
        months, index, precision = 4, {"early": 1, "mid": 2, "late": 3}[part], f"{part} year"

    def build(y: int) -> _Period:
        if not fiscal:
            return _months(y, 1 + months * (index - 1), months, precision)
        if fiscal_end:
            start_year, start_month = (y, 1) if fiscal_end == 12 else (y - 1, fiscal_end + 1)
            return _months(start_year, start_month + months * (index - 1), months, precision)
        earliest = _months(y - 1, 2 + months * (index - 1), months, precision)  # year ending in January
        latest = _months(y, 1 + months * (index - 1), months, precision)  # year ending in December
        return _Period(earliest.low, latest.high, precision)

    return build, year, precision, notes


def _read_relative(phrase: str, pub: _dt.date | None, languages: tuple[str, ...], notes: dict,
                   tense: str | None = None):
    """Dates relative to the publication date; without one they stay unresolved (kept as written)."""
    if pub is None:
        raise _NeedsPublicationDate
    notes["relative"] = True
    weekday = _news_weekday(phrase)
    if weekday is not None:
        # "on Tuesday": the latest Tuesday on or before publication (the day itself in a Tuesday paper);
        # "will open on Tuesday": the first on or after it
        if tense == "future":
            day = pub + _dt.timedelta(days=(weekday - pub.weekday()) % 7)
            notes["tense"] = tense
        else:
            day = pub - _dt.timedelta(days=(pub.weekday() - weekday) % 7)
        period = _Period(day, day, "day")
        return (lambda _y: period), pub.year, "day", notes
    low = phrase.lower()
    m = regex.fullmatch(r"(earlier|later)\s+this\s+(week|month|year)", low)
    if m:
        whole = _containing(pub, m.group(2))
        if m.group(1) == "earlier":
            period = _Period(whole.low, max(whole.low, pub - _dt.timedelta(days=1)), f"part of a {m.group(2)}")
        else:
            period = _Period(min(whole.high, pub + _dt.timedelta(days=1)), whole.high, f"part of a {m.group(2)}")
        return (lambda _y: period), pub.year, period.precision, notes
    m = regex.fullmatch(r"(last|this|next)\s+quarter", low)
    if m:
        q0 = (pub.month - 1) // 3 + {"last": -1, "this": 0, "next": 1}[m.group(1)]
        period = _months(pub.year + q0 // 4, 1 + 3 * (q0 % 4), 3, "quarter")
        return (lambda _y: period), pub.year, "quarter", notes
    parsed = _parse_with_dateparser(phrase, languages, with_period=True, base=pub)
    if parsed is None:
        return None
    day, unit = parsed
    period = _containing(day, unit if unit in ("week", "month", "year") else "day")
    return (lambda _y: period), pub.year, period.precision, notes


def _news_weekday(phrase: str) -> int | None:
    """The weekday (0 = Monday) of "Tuesday", "late Monday", "Tuesday morning"; None for any other phrase."""
    m = _compiled(_WEEKDAY_READ).fullmatch(phrase)
    return WEEKDAYS.index(m["day"]) if m else None


_WEEKDAY_READ = rf"(?:(?i:early|late)\s+)?(?P<day>{_WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?"


def _as_written(phrase: str, qualifier: str, hedge: str = "") -> DateFigure:
    """A relative date with no publication date to resolve it against: a claim whose date is unknown, kept as
    written ("Monday"; a part of a day is the day: "Tuesday morning" is "Tuesday").  Two sources that write
    the same agree; one that can be placed by other sources' days is placed there (``place_undated``)."""
    weekday = _news_weekday(phrase)
    written = WEEKDAYS[weekday] if weekday is not None else " ".join(phrase.lower().split())
    if hedge:
        written = f"{hedge} {written}"
    unit = regex.search(r"\b(week|month|quarter|year)\b", written) if weekday is None else None
    precision = unit.group(1) if unit else "day"
    notes = {"relative": True, "precision": precision, "year": "unknown", "as_written": written}
    return DateFigure(math.nan, Interval(-INF, INF, False, False), _shown(qualifier), notes=tuple(notes.items()))


def _shown(qualifier: str) -> str:
    """The qualifier a claim carries: "through" is read as a day (``_figure``), exact."""
    return "exact" if qualifier == "through" else qualifier


def _read_korean(phrase: str, pub: _dt.date | None, *, tense: str | None = None, **options) -> DateFigure | None:
    """A Korean date phrase, read as the English phrase of the same period ("2027년 말까지" → "by late 2027").

    Relative years and months (내년, 올해, 지난해, 연말, 이달 말) are resolved here against the
    publication date, as "next year" is in English; without one they stay unresolved.
    """
    if not _compiled(KO_DATE).fullmatch(phrase):
        return None
    g = _compiled(_KO_READ).fullmatch(phrase).groupdict()
    if g["when"]:  # "지난 10월 30일" is past, "오는 11월 3일" to come, whatever the verb says
        tense = "past" if g["when"] == "지난" else "future"
    hedge = _KO_HEDGES[g["hedge"].strip()] if g["hedge"] else None
    relative = bool(g["ry"] or g["yr"] or g["mr"] or g["wr"] or g["dr"])
    if relative and pub is None:
        return None
    year = int(g["y"]) if g["y"] else None
    if g["ry"] or g["yr"]:
        year = pub.year + _KO_REL_YEARS[(g["ry"] or g["yr"]).replace(" ", "")]
    part, stated = g["part"], f" {year}" if year else ""
    if g["wr"] or g["dr"]:
        english = _KO_REL_ENGLISH[(g["wr"] or g["dr"]).replace(" ", "")]
    elif g["mr"]:
        shift = _KO_REL_MONTHS[g["mr"].replace(" ", "")]
        if part:  # 이달 말: late in the month of publication
            index = pub.year * 12 + pub.month - 1 + shift
            english = f"{_KO_THIRDS[part]} {calendar.month_name[index % 12 + 1]} {index // 12}"
        else:
            english = {-1: "last", 0: "this", 1: "next"}[shift] + " month"
    elif g["m"]:
        month = calendar.month_name[int(g["m"])]
        if g["d"]:
            english = f"{month} {int(g['d'])}" + (f", {year}" if year else "")
        elif part:
            english = f"{_KO_THIRDS[part]} {month}{stated}"
        else:
            english = f"{month}{stated}"
    elif g["d"]:
        return _korean_day_of_month(int(g["d"]), hedge, pub or options.get("context_date"),
                                    "publication date" if pub else "earlier date in the text", tense)
    elif part in _KO_HALVES:
        english = f"the {_KO_HALVES[part]} half" + (f" of{stated}" if year else "")
    elif g["q"]:
        english = f"Q{g['q']}{stated}"
    elif part in _KO_THIRDS:
        english = f"{_KO_THIRDS[part]}{stated}"
    else:  # a year; 2026년 중 (during 2026); 연내 (within this year): by its end
        english = str(year)
        if part == "내":
            hedge = hedge or "by"
    if hedge:
        english = f"{hedge} {english}"
    figure = parse_date_phrase(english, pub, languages=("en",), tense=tense, **options)
    if figure is not None and relative:
        notes = dict(figure.notes, relative=True, year="publication date")
        figure = replace(figure, notes=tuple(notes.items()))
    return figure


def _korean_day_of_month(day: int, hedge: str | None, ref: _dt.date | None, source: str,
                         tense: str | None) -> DateFigure | None:
    """"31일": that day of the reference date's month, or of the month before or after it, the nearest."""
    if ref is None:
        return None
    periods = []
    for shift in (-1, 0, 1):
        index = ref.year * 12 + ref.month - 1 + shift
        y, m = index // 12, index % 12 + 1
        if day <= calendar.monthrange(y, m)[1]:
            periods.append(_Period(_dt.date(y, m, day), _dt.date(y, m, day), "day"))
    period = _nearest_of(periods, ref, tense)
    if period is None:
        return None
    notes: dict[str, Any] = {"precision": "day", "year": source, "month": source}
    if tense in ("past", "future"):
        notes["tense"] = tense
    return _figure(period, DATE_HEDGES[hedge] if hedge else "exact", notes)


# --------------------------------------------------------------------------- helpers


def _figure(period: _Period, qualifier: str, notes: dict) -> DateFigure:
    if qualifier == "through":  # the period's last day
        period, qualifier = _Period(period.high, period.high, period.precision), "exact"
    low, high = period.low.toordinal(), period.high.toordinal()
    extra = tuple(notes.items())
    if qualifier == "up_to":
        return DateFigure(high, Interval(-INF, high, False, True), qualifier, notes=extra)
    if qualifier == "under":
        return DateFigure(low, Interval(-INF, low, False, False), qualifier, notes=extra)
    if qualifier == "at_least":
        return DateFigure(low, Interval(low, INF, True, False), qualifier, notes=extra)
    if qualifier == "over":
        return DateFigure(high, Interval(high, INF, False, False), qualifier, notes=extra)
    return DateFigure(low + (high - low) // 2, Interval(low, high, True, True),
                      "range" if qualifier == "range" else "exact", notes=extra)


#: How far after the reference date a year-less date may lie when nothing says it is to come.
NOT_FAR_AFTER = _dt.timedelta(days=92)


def _nearest(builder: _YearBuilder, ref: _dt.date, tense: str | None = None) -> _Period | None:
    """The period, in the year before, of or after ``ref``, nearest to it and not far after it.

    A past-tense event ("signed on 3 March") lies on or before ``ref``, a
    future one ("will open on March 3") on or after it; otherwise a date may
    lie at most ``NOT_FAR_AFTER`` after it.  Ties go to the earlier year.
    """
    periods = [p for p in (builder(y) for y in (ref.year - 1, ref.year, ref.year + 1)) if p is not None]
    return _nearest_of(periods, ref, tense)


def _nearest_of(periods: list[_Period], ref: _dt.date, tense: str | None = None) -> _Period | None:
    """Of these periods, the one nearest ``ref`` that the tense allows (see ``_nearest``)."""
    if tense == "past":
        allowed = [p for p in periods if p.low <= ref]
    elif tense == "future":
        allowed = [p for p in periods if p.high >= ref]
    else:
        allowed = [p for p in periods if p.low <= ref + NOT_FAR_AFTER]
    best = None
    for period in allowed or periods:
        gap = 0 if period.low <= ref <= period.high else min(abs((period.low - ref).days), abs((period.high - ref).days))
        if best is None or gap < best[0]:
            best = (gap, period)
    return best[1] if best else None


def _distance(interval: Interval, ordinal: float) -> float:
    if interval.low <= ordinal <= interval.high:
        return 0.0
    return min(abs(interval.low - ordinal), abs(interval.high - ordinal))


def _months(year: int, month: int, count: int, precision: str) -> _Period:
    """``count`` calendar months from (year, month); months past 12 roll into the next year."""
    y0, m0 = year + (month - 1) // 12, (month - 1) % 12 + 1
    last = m0 + count - 2
    y1, m1 = y0 + last // 12, last % 12 + 1
    return _Period(_dt.date(y0, m0, 1), _dt.date(y1, m1, calendar.monthrange(y1, m1)[1]), precision)


def _month_period(year: int, month: int) -> _Period:
    return _months(year, month, 1, "month")


def _containing(day: _dt.date, unit: str) -> _Period:
    """The calendar week (Monday–Sunday), month or year that contains ``day``; or the day itself."""
    if unit == "week":
        monday = day - _dt.timedelta(days=day.weekday())
        return _Period(monday, monday + _dt.timedelta(days=6), "week")
    if unit == "month":
        return _month_period(day.year, day.month)
    if unit == "year":
        return _months(day.year, 1, 12, "year")
    return _Period(day, day, "day")


def _stated_year(phrase: str) -> int | None:
    m = _STATED_YEAR.search(phrase)
    if not m:
        return None
    value = int(m.group())
    return value + 2000 if value < 100 else value


def _month_number(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value if 1 <= value <= 12 else None
    return MONTHS.get(str(value).strip().lower().rstrip("."))


def _as_date(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _possessive_owner(text: str, start: int, catalogue):
    """The entity named in a possessive right before a phrase: "Broadcom's fiscal 2027"."""
    window_start = max(0, start - 80)
    before = text[window_start:start]
    for mention in reversed(catalogue.mentions(before)):
        if regex.fullmatch(r"['’]s?\s+", before[mention.end:]):
            return mention.entity
        break
    return None


@functools.lru_cache(maxsize=16)
def _full_dates(text: str, languages: tuple[str, ...]) -> list[tuple[int, _dt.date]]:
    found = []
    for m in _compiled(_FULL_DATE).finditer(text):
        parsed = _parse_with_dateparser(m.group(), languages, with_period=True)
        if parsed is not None and parsed[1] == "day":
            found.append((m.start(), parsed[0]))
    if _HANGUL.search(text):  # "2025년 10월 31일"
        for m in _compiled(_KO_FULL_DATE).finditer(text):
            try:
                found.append((m.start(), _dt.date(int(m["y"]), int(m["m"]), int(m["d"]))))
            except ValueError:  # 2월 30일
                continue
        found.sort(key=lambda item: item[0])
    return found


#: dateparser is given a fixed base when there is no publication date, so the clock never leaks in.
_NO_BASE = _dt.datetime(2000, 1, 1)  # a leap year: "29 February" without a year still parses


#: English dates written out in full, with named parts: read without dateparser (see _explicit_date).
_EXPLICIT = (rf"(?P<y>{_Y4})-(?P<m>\d\d)-(?P<d>\d\d)"
             rf"|(?:{_WEEKDAY},?\s+)?(?:(?P<month>{_MONTH})\s+(?P<day>\d\d?)(?:st|nd|rd|th)?"
             rf"|(?P<day2>\d\d?)(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(?P<month2>{_MONTH}))(?:(?:,?\s+|-)(?P<year>{_Y4}))?"
             rf"|(?P<month3>{_MONTH})(?:(?:\s+of)?,?\s+(?P<year3>{_Y4}))?")


def _explicit_date(text: str) -> tuple[_dt.date, str] | None:
    """An English date with its day, month and year (or month and year) written out: "October 31, 2025".

    These are most of the dates in coverage, and reading them needs no more than the month names;
    dateparser, which reads every other phrase (relative ones, other languages), costs a third of a
    second to start and milliseconds a phrase.  A year left out reads as 2000 (a leap year, so that
    29 February parses); callers then take only the month and day, as they do from dateparser.
    """
    m = _compiled(_EXPLICIT).fullmatch(text.strip())
    if m is None:
        return None
    try:
        if m["y"]:
            return _dt.date(int(m["y"]), int(m["m"]), int(m["d"])), "day"
        month = m["month"] or m["month2"]
        if month:
            day = int(m["day"] or m["day2"])
            return _dt.date(int(m["year"] or 2000), MONTHS[month.lower().rstrip(".")], day), "day"
        return _dt.date(int(m["year3"] or 2000), MONTHS[m["month3"].lower().rstrip(".")], 1), "month"
    except (ValueError, KeyError):  # 30 February: no date
        return None


@functools.lru_cache(maxsize=4096)  # coverage repeats its dates; dateparser takes milliseconds a phrase
def _parse_with_dateparser(text: str, languages: tuple[str, ...], with_period: bool = False,
                           base: _dt.date | None = None):
    """dateparser's reading of an explicit or relative phrase: a date (and its period: day, week, month, year).

    Dates written out in full in English are read directly (``_explicit_date``), the same way.
    """
    explicit = _explicit_date(text) if "en" in languages else None
    if explicit is not None:
        return explicit if with_period else explicit[0]
    base_dt = _dt.datetime(base.year, base.month, base.day) if base else _NO_BASE
    data = _dateparser(languages, base_dt).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    return (day, data.period or "day") if with_period else day


@functools.lru_cache(maxsize=32)
def _dateparser(languages: tuple[str, ...], base: _dt.datetime):
    from dateparser.date import DateDataParser  # imported here: it takes most of a second to load

    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False}
    return DateDataParser(languages=list(languages), settings=settings)


__all__ = ["PIECES", "DateFigure", "parse_date_phrase", "date_figure", "place_undated", "apart_clusters",
           "same_as_written", "written_key", "placed_against", "fiscal_year_end_of",
           "context_date", "parse_pub_date_override", "iso"]

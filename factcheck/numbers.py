"""Normalisation: written figures → a central value and the interval it commits to.

This module owns the grammar of figures — digits, number words, scale words,
hedges, currency signs — and exposes it two ways: as regex pieces that rule
files reference (``{number}``, ``{scale}``, ``{hedge}``, ``{currency}`` …) and
as functions that turn the text those pieces captured into a :class:`Figure`.

Interval semantics (see README "How figures are read"):

* an exact figure claims the precision it is written with: half a unit of its
  last non-zero digit either side, half-open like rounding, and where it ends
  in zeros before its decimal point never more than ±5 % of the value (no
  reporter rounds 14 % to "10%"): ``50,000`` → [47,500, 52,500),
  ``13,000`` → [12,500, 13,500), ``10%`` → [9.5, 10.5), ``2.50`` → [2.495, 2.505);
* ``about`` widens that to ± the rule's tolerance (10 % unless the rule says), half-open;
* ``over``/``more than``/``+`` → (v, ∞); ``at least`` → [v, ∞);
  ``under``/``less than`` → [0, v); ``nearly``/``almost`` → [v − tolerance, v);
* ``up to``/``as many as`` is a cap: [0, v] against other figures, and its own
  number (with the written precision, :func:`cap_number`) against other caps;
* ranges → [a, b]; vague amounts ("tens of billions") → [10^k, 10^(k+1)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

from .claims import INF, Figure, Interval

# --------------------------------------------------------------------------- vocabulary

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Scale words and abbreviations → multiplier.  Case matters for one-letter forms.
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "K": 1e3, "lakh": 1e5, "lakhs": 1e5, "lakh crore": 1e12, "lakhs crore": 1e12,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "m": 1e6, "M": 1e6, "MM": 1e6, "crore": 1e7,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "B": 1e9, "trillion": 1e12, "tn": 1e12,
    "tln": 1e12, "tr": 1e12, "T": 1e12,
}
#: Korean myriad units (used with digits: "26만", "4조 3천억").
KOREAN_UNITS = {"십": 10, "백": 100, "천": 1000, "만": 1e4, "억": 1e8, "조": 1e12}
#: Words that say how many times over: "doubled" is 2 (×), "tripling" 3.  Read only where a rule's pattern
#: captures them as its number (the multiple rule); ``{number}`` never matches them.
MULTIPLES = {"double": 2, "twice": 2, "triple": 3, "treble": 3, "thrice": 3, "quadruple": 4, "quintuple": 5,
             "sextuple": 6}
_MULTIPLE_FORM = regex.compile(r"(double|triple|treble|quadruple|quintuple|sextuple)(?:d|s)?|(doubl|tripl|trebl|quadrupl|quintupl|sextupl)ing|twice|thrice")
#: An ordinal that is a quantity where a rule reads it as one: "the first gigawatt" is 1 GW.
ORDINAL_QUANTITIES = {"first": 1}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3, "fifth": 0.2,
             "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}

#: Hedge phrases → qualifier.  "nearly" is its own kind: just under, within tolerance.
HEDGES: dict[str, tuple[str, ...]] = {
    "about": ("about", "approximately", "approx.", "approx", "roughly", "around", "some", "an estimated",
              "estimated", "circa", "~", "almost exactly", "just about", "in the region of", "on the order of"),
    "nearly": ("nearly", "almost", "close to", "just shy of", "just under", "approaching", "nearing", "not quite"),
    "over": ("over", "more than", "above", "exceeding", "in excess of", "upwards of", "upward of", "north of",
             "greater than", "beyond", "just over", "well over", "well above", "surpassing", "topping", "over a",
             "more than a"),
    "at_least": ("at least", "no less than", "no fewer than", "a minimum of", "minimum of", "not less than"),
    "up_to": ("up to", "as many as", "as much as", "at most", "no more than", "a maximum of", "maximum of",
              "as high as", "as large as"),
    "under": ("under", "less than", "fewer than", "below", "shy of", "south of", "lower than"),
}
#: Korean hedges: before the number (약, 최대) or after it (이상, 넘는, 여, 가량, 미만).
KOREAN_HEDGES_BEFORE = {"약": "about", "최대": "up_to", "최소": "at_least", "대략": "about"}
KOREAN_HEDGES_AFTER = {"이상": "at_least", "넘는": "over", "넘게": "over", "여": "over", "가량": "about",
                       "미만": "under", "이하": "up_to", "남짓": "over", "정도": "about"}
SUFFIX_HEDGES = {"+": "over", "-plus": "over", " plus": "over", " or more": "at_least", "-odd": "about",
                 " or so": "about", " or less": "up_to", " or fewer": "up_to"}

#: Currency signs and words → ISO 4217 code.
CURRENCY_SIGNS = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD",
    "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "¥": "JPY", "JPY": "JPY", "₩": "KRW", "KRW": "KRW", "₹": "INR", "INR": "INR", "CNY": "CNY",
    "RMB": "CNY", "CHF": "CHF", "Rs": "INR", "Rs.": "INR", "MX$": "MXN", "Mex$": "MXN",
}
#: Letter prefixes of a dollar sign, also spaced ("US $ 150 million") or in lower case in wire copy
#: ("hk $ 10.05 billion").  Not "us" (in "paid us $5 million" it is a pronoun), nor one-letter ones
#: (C$, A$, S$ only as written): "a $5 billion deal" is not in Australian dollars.
DOLLAR_PREFIXES = {"U.S.": "USD", "U.S": "USD", "HK": "HKD", "NZ": "NZD", "MEX": "MXN", "MX": "MXN"}
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "usd": "USD",
    "cents": "USD", "cent": "USD", "pence": "GBP", "penny": "GBP",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds": "GBP", "pound": "GBP", "pounds sterling": "GBP",
    "gbp": "GBP", "yen": "JPY", "won": "KRW", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
    "us dollar": "USD", "u.s. dollar": "USD", "australian dollars": "AUD", "australian dollar": "AUD",
    "canadian dollars": "CAD", "canadian dollar": "CAD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
    "chinese yuan": "CNY", "rmb": "CNY", "cny": "CNY", "jpy": "JPY", "krw": "KRW", "inr": "INR", "chf": "CHF",
    "rupee": "INR", "swiss francs": "CHF", "francs": "CHF", "원": "KRW", "달러": "USD", "엔": "JPY",
    "유로": "EUR", "위안": "CNY", "원화": "KRW", "엔화": "JPY", "위안화": "CNY", "미국 달러": "USD", "미화": "USD",
}

#: Sub-units: "50 cents" is 0.50 of the currency.
CURRENCY_SUBUNITS = {"cents": 0.01, "cent": 0.01, "pence": 0.01, "penny": 0.01}

#: Vague amounts: "tens of billions" → [1e10, 1e11).
VAGUE_COUNTS = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
                "billions": 1e9, "trillions": 1e12, "several": 2, "a few": 2, "scores": 20}


def _alternation(words) -> str:
    """A regex alternation of literal words, longest first so "more than a" beats "more than"."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------- regex pieces

_NUMWORD = _alternation(list(UNITS) + list(TENS) + ["hundred", "thousand", "million", "billion", "trillion", "dozen"])
_COUNTWORD = _alternation(list(UNITS) + list(TENS))  # a word number starts with a count, not a scale
_BIGSCALE = "thousand|million|billion|trillion|dozen"

_DIGITS_BODY = (
    r"(?:\d{1,3}(?:,\d{3})+(?!,\d)|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?![\d,])|\d+)"
    r"(?:\.\d+)?(?!\.\d)"
)
DIGITS = r"(?<![\w.,/:#@%-])(?<![\w][-])" + _DIGITS_BODY
#: The second number of a range may follow its hyphen ("4-5 million"), which DIGITS refuses elsewhere.
DIGITS_AFTER_DASH = r"(?<![\w.,/:#@%])" + _DIGITS_BODY
WORDS = (
    rf"(?:(?:a|an|one)[\s-]+)?(?:half|quarter)(?:[\s-]+(?:a|an|of[\s-]+a))?[\s-]+(?:{_BIGSCALE})"
    rf"|(?:a|an)[\s-]+(?:hundred|thousand|million|billion|trillion|dozen)"
    rf"|(?:{_COUNTWORD})(?:(?:[\s-]+|\s+and\s+)(?:{_NUMWORD}))*"
)
#: The pieces every rule pattern can reference as ``{name}``.  Capturing pieces
#: wrap themselves in the named group the engine reads.
PIECES: dict[str, str] = {
    "digits": DIGITS,
    "number_words": WORDS,
    # digits not followed by a letter or by more decimals ("180.25ml" is no "180"), digits glued to a
    # scale ("10k", "1.2b", "1MM", "2mil"), or number words; "one" after a determiner is a pronoun.
    "number": (rf"(?P<number>{DIGITS}(?![\w]|\.\d)|{DIGITS}(?=[kKmMbBT](?:n|ln|r)?\b|t(?:n|ln|r)\b|MM\b|(?i:mil)\b|[kKmMbB]\+)"
               rf"|{DIGITS}(?=(?:[GMkT]Wh?|GPUs?)\b)"
               rf"|(?!(?<=\b(?i:the|this|that|which|each|every|any|no|another)\s+)(?i:one)\b"
               rf"(?![\s-]+(?i:hundred|thousand|million|billion|trillion|dozen)))(?i:\b(?:{WORDS}))\b)"),
    "number2": rf"(?P<number2>{DIGITS_AFTER_DASH}|(?i:\b(?:{WORDS}))\b)",
    "scale": (r"(?P<scale>(?i:hundred|thousand|million|billion|trillion|lakhs?\s+crores?|lakhs?|crores?|bn|bln|mn"
              r"|mln|mil|tn|tln)\b"
              r"|MM\b|[kKmMbBT](?![\w']))"),
    "scale2": (r"(?P<scale2>(?i:hundred|thousand|million|billion|trillion|bn|bln|mn|mln|tn)\b|[kKmMbBT](?![\w']))"),
    "hedge": rf"(?P<qualifier>(?i:{_alternation(w for ws in HEDGES.values() for w in ws if w != '~')})(?=\s)|~)",
    "plus": r"(?P<suffix>\+|-plus\b|\s+plus\b|\s+or\s+more\b|-odd\b|\s+or\s+so\b|\s+or\s+(?:less|fewer)\b)",
    "currency": rf"(?P<currency>(?:\bUS|(?i:\b(?:{_alternation(DOLLAR_PREFIXES)})))\s?\$|{_alternation(CURRENCY_SIGNS)})",
    "currency2": rf"(?:(?:\bUS|(?i:\b(?:{_alternation(DOLLAR_PREFIXES)})))\s?\$|{_alternation(CURRENCY_SIGNS)})",
    "currency_word": rf"(?P<currency_word>(?i:{_alternation(w for w in CURRENCY_WORDS if w.isascii())})\b)",
    # "tens of billions", "several hundred thousand", "a few hundred"
    "vague": (r"(?P<vague>(?i:tens|dozens|hundreds|thousands|millions|billions|several|a\s+few|scores)"
              r"(?:\s+of)?(?:\s+(?i:hundred\s+)?(?i:thousands|millions|billions|trillions|thousand|million|billion"
              r"|trillion)(?:\s+of)?|\s+(?i:hundred)\b)?)"),
    # Korean figures: digits with myriad units, "26만", "4조 3천억", "1만 3000", "1,000억"
    "korean_number": (r"(?P<number>(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)(?:\s?[십백천만억조]+)?"
                      r"(?:\s?\d[\d,]*(?:\.\d+)?\s?[십백천만억조]+)*(?:\s?\d+(?![\d,.년월일]))?"
                      r"|(?<![\d.,])\d+(?:\.\d+)?(?:\s?[십백천만억조]+(?:\s?\d[\d,]*(?:\.\d+)?\s?[십백천만억조]+)*"
                      r"(?:\s?\d+(?![\d,.년월일]))?)?)"),
    # hedges before a Korean figure ("약", "최대") and after it ("26만여", "5만 장 이상", "26만 장이 넘는")
    "korean_hedge": rf"(?P<qualifier>{_alternation(KOREAN_HEDGES_BEFORE)})(?=\s?\d)",
    "korean_plus": r"(?P<suffix>여)",
    # vague Korean amounts: "수십만" (hundreds of thousands), "수천", "수조" (trillions)
    "korean_vague": r"(?P<vague>수\s?(?:[십백천]\s?)?[만억조]|수\s?[십백천])",
    "korean_after": (r"\s?(?:(?:이|가)\s?)?(?P<suffix>이상(?![한하해])|"  # not 이상한 ("strange")
                     rf"{_alternation(h for h in KOREAN_HEDGES_AFTER if h not in ('여', '이상'))})"),
    # Korean currency words right after the figure ("3조 원", "30억 달러"); "엔" not as in "엔비디아"
    "korean_currency": (r"(?P<currency_word>원화|원|미국\s달러|달러|엔화|엔(?!\p{Hangul}{2})|유로|위안화|위안"
                        r"|미화)"),
}


# --------------------------------------------------------------------------- parsing


#: Patterns used while parsing, compiled once (a call to ``regex.sub(str, …)`` pays a cache look-up each time).
_SEPARATORS = regex.compile(r"[,\s\u202f\u00a0]")
_WORD_BREAK = regex.compile(r"[\s-]+")
_KOREAN_PART = regex.compile(r"(\d[\d,]*(?:\.\d+)?)|([십백천만억조])")


class NumberError(ValueError):
    """Text that looked like a number but is not one."""


def parse_number(text: str) -> float:
    """The value of a written number: digits (with separators), words, or both.

    ``"50,000"`` → 50000, ``"2.5"`` → 2.5, ``"a quarter-million"`` → 250000,
    ``"half a million"`` → 500000, ``"two dozen"`` → 24, ``"twenty-six"`` → 26.
    """
    t = text.strip()
    if not t:
        raise NumberError("empty number")
    if t[0].isdigit():
        if any(ch in KOREAN_UNITS for ch in t):
            return parse_korean_number(t)
        digits = _SEPARATORS.sub("", t)
        try:
            return float(Decimal(digits))
        except InvalidOperation:
            raise NumberError(f"not a number: {text!r}") from None
    return parse_number_words(t)


def parse_number_words(text: str) -> float:
    tokens = [w for w in _WORD_BREAK.split(text.lower()) if w and w not in ("and", "of")]
    total = 0.0
    current = 0.0
    fraction = 0.0
    seen = False
    for i, word in enumerate(tokens):
        if word in ("a", "an"):
            if not fraction:  # "half a million": the "a" belongs to the fraction
                current = current or 1.0
            seen = True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in ORDINAL_QUANTITIES and not seen:
            current += ORDINAL_QUANTITIES[word]
            seen = True
        elif _MULTIPLE_FORM.fullmatch(word) and not seen:
            form = _MULTIPLE_FORM.fullmatch(word)
            stem = form.group(1) or (form.group(2) + "e" if form.group(2) else word)
            current += MULTIPLES[stem]
            seen = True
        elif word in FRACTIONS:
            fraction = (current or 1.0) * FRACTIONS[word]
            current = 0.0
            seen = True
        elif word == "dozen":
            current = (current or fraction or 1.0) * 12  # "half a dozen" → 6
            fraction = 0.0
            seen = True
        elif word == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif word in ("thousand", "million", "billion", "trillion"):
            scale = SCALES[word]
            base = current + fraction if (current or fraction) else 1.0
            total += base * scale
            current = 0.0
            fraction = 0.0
            seen = True
        else:
            raise NumberError(f"not a number word: {word!r}")
    if not seen:
        raise NumberError(f"no number in {text!r}")
    return total + current + fraction


def parse_korean_number(text: str) -> float:
    """Digits mixed with Korean units: "26만" → 260000, "4조 3천억" → 4.3e12, "1만3천" → 13000."""
    total = 0.0
    section = 0.0  # value below 만, before a big unit applies
    number = None
    for m in _KOREAN_PART.finditer(text):
        if m.group(1):
            number = float(m.group(1).replace(",", ""))
            continue
        unit = KOREAN_UNITS[m.group(2)]
        if unit < 1e4:
            section += (number if number is not None else 1.0) * unit
        else:
            section += number if number is not None else 0.0
            total += (section or 1.0) * unit
            section = 0.0
        number = None
    if number is not None:
        section += number
    return total + section


def currency_code(sign: str) -> str:
    """ISO 4217 code of a captured currency sign: "US$", "us $", "HK$", "€" … (unknown signs as written)."""
    if sign in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[sign]
    compact = "".join(sign.split())
    if compact in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[compact]
    prefix = compact[:-1].upper()
    if compact.endswith("$") and (prefix == "US" or prefix in DOLLAR_PREFIXES):
        return DOLLAR_PREFIXES.get(prefix, "USD")
    return sign


def scale_factor(text: str | None) -> float:
    if not text:
        return 1.0
    t = " ".join(text.split())
    if t in SCALES:
        return SCALES[t]
    low = t.lower()
    if low in SCALES and len(low) > 1:
        return SCALES[low]
    if low.rstrip("s") in SCALES:
        return SCALES[low.rstrip("s")]
    raise NumberError(f"unknown scale {text!r}")


def precision_step(number_text: str, value: float) -> float:
    """The unit of the last significant digit as written ("50,000" → 10,000; "2.50" → 0.01)."""
    t = _SEPARATORS.sub("", number_text.strip())
    if t and t[0].isdigit() and not any(ch in KOREAN_UNITS for ch in t):
        if "." in t:
            return 10.0 ** -len(t.split(".", 1)[1])
        stripped = t.rstrip("0")
        return 10.0 ** (len(t) - len(stripped)) if stripped else 1.0
    return _value_step(value)


def _value_step(value: float) -> float:
    """Precision of a value given in words or units: its last non-zero digit."""
    if value == 0:
        return 1.0
    v = abs(value)
    step = 10.0 ** math.floor(math.log10(v))
    while step > 1e-9 and abs(round(v / step) * step - v) > 1e-9 * v:
        step /= 10
    return step


def qualifier_of(hedge: str | None) -> str:
    """Map a hedge phrase (as captured) to its qualifier; no hedge → exact."""
    if not hedge:
        return "exact"
    h = " ".join(hedge.lower().split())
    if h in KOREAN_HEDGES_BEFORE:
        return KOREAN_HEDGES_BEFORE[h]
    if h in KOREAN_HEDGES_AFTER:
        return KOREAN_HEDGES_AFTER[h]
    for qualifier, words in HEDGES.items():
        if h in words:
            return qualifier
    if h.strip() in SUFFIX_HEDGES or h in SUFFIX_HEDGES:
        return SUFFIX_HEDGES.get(h, SUFFIX_HEDGES.get(h.strip(), "exact"))
    h2 = h.replace("-", " ").strip()
    for key, qualifier in SUFFIX_HEDGES.items():
        if key.replace("-", " ").strip() == h2:
            return qualifier
    raise NumberError(f"unknown hedge {hedge!r}")


@dataclass(frozen=True)
class Reading:
    """What a rule pattern captured, before normalisation."""

    number: str
    scale: str | None = None
    hedge: str | None = None
    suffix: str | None = None
    number2: str | None = None
    scale2: str | None = None
    vague: str | None = None
    multiplier: float = 1.0  # unit conversion (e.g. GW → W), applied after parsing
    negative: bool = False  # a fall ("shares fell 3%") is a negative figure


def figure_from(reading: Reading, tolerance: float = 0.10) -> Figure:
    """Turn a captured reading into a figure with its interval."""
    figure = _figure_from(reading, tolerance)
    iv = figure.interval
    if not math.isfinite(figure.value) or math.isnan(iv.low) or math.isnan(iv.high) or iv.low == math.inf:
        # A digit string too long for a float ("999…9 trillion") would become inf or NaN.  An open end
        # is no overflow: "fell more than 10%" reaches down without bound, "over 10%" up.
        raise NumberError(f"figure out of range: {reading.number[:40]!r}")
    return figure


def _figure_from(reading: Reading, tolerance: float) -> Figure:
    m = reading.multiplier
    if reading.vague:
        return vague_figure(reading.vague, reading.scale, m)
    value = parse_number(reading.number) * scale_factor(reading.scale)
    step = precision_step(reading.number, parse_number(reading.number)) * scale_factor(reading.scale)
    rounded = ends_in_zeros(reading.number)
    if reading.number2 is not None:
        scale2 = reading.scale2 or reading.scale
        high = parse_number(reading.number2) * scale_factor(scale2)
        if reading.scale2 and not reading.scale and high / max(value, 1e-300) > 100:
            value *= scale_factor(reading.scale2)  # "$10-$12 billion": the scale applies to both
        low, high = sorted((value * m, high * m))
        return Figure((low + high) / 2, Interval(low, high, True, True), "range")
    qualifier = "exact"
    if reading.hedge:
        qualifier = qualifier_of(reading.hedge)
    if reading.suffix:
        qualifier = qualifier_of(reading.suffix) if qualifier == "exact" else qualifier
    figure = hedged_figure(value * m, step * m, qualifier, tolerance, rounded)
    return negated(figure) if reading.negative else figure


def negated(figure: Figure) -> Figure:
    """The same figure below zero: "fell 3%" → -3 with the interval mirrored."""
    iv = figure.interval
    return Figure(-figure.value, Interval(-iv.high, -iv.low, iv.high_closed, iv.low_closed), figure.qualifier,
                  figure.precision)


#: A figure that ends in zeros ("10%", "50,000", "$20bn") claims no more than this either side of its value.
ROUND_FIGURE_SPREAD = 0.05


def ends_in_zeros(number_text: str) -> bool:
    """Does the written number end in zeros before its decimal point ("10", "50,000", "twenty")?

    Such a figure is rounded to a ten or more of its own units, but nobody rounds 14 % to "10%": its
    precision is capped (:data:`ROUND_FIGURE_SPREAD`).  Scale words do not count ("two million" is 2 × a million).
    """
    t = _SEPARATORS.sub("", number_text.strip())
    if not t:
        return False
    if t[0].isdigit():
        if any(ch in KOREAN_UNITS for ch in t):
            return False
        return "." not in t and len(t) > 1 and t.endswith("0") and t.strip("0") != ""
    words = [w for w in _WORD_BREAK.split(number_text.lower()) if w]
    while words and words[-1] in ("thousand", "million", "billion", "trillion"):
        words.pop()
    try:
        lead = parse_number_words(" ".join(words)) if words else 1.0
    except NumberError:
        return False
    return lead >= 10 and float(lead).is_integer() and _value_step(lead) > 1


def hedged_figure(value: float, step: float, qualifier: str, tolerance: float = 0.10, rounded: bool = False) -> Figure:
    """The interval a hedge and the written precision give a value (``rounded``: see :func:`ends_in_zeros`)."""
    half = step / 2
    if rounded:
        half = min(half, abs(value) * ROUND_FIGURE_SPREAD) or half
    if qualifier == "exact":
        return Figure(value, Interval(value - half, value + half, True, False), "exact")
    if qualifier == "about":  # half-open like rounding: "about $45bn" and "about $55bn" do not meet at $49.5bn
        spread = max(abs(value) * tolerance, half)
        return Figure(value, Interval(_sig(value - spread), _sig(value + spread), True, False), "about")
    if qualifier == "nearly":
        spread = max(abs(value) * tolerance, half)
        return Figure(value, Interval(_sig(value - spread), value, True, False), "under")
    if qualifier == "over":
        return Figure(value, Interval(value, INF, False, False), "over")
    if qualifier == "at_least":
        return Figure(value, Interval(value, INF, True, False), "at_least")
    if qualifier == "up_to":
        return Figure(value, Interval(min(0.0, value), value, True, True), "up_to", half)
    if qualifier == "under":
        return Figure(value, Interval(min(0.0, value), value, True, False), "under")
    raise NumberError(f"unknown qualifier {qualifier!r}")


def cap_number(value: float, precision: float) -> Interval:
    """What a cap ("up to 10%") says its maximum is: its number with the written precision, half-open like rounding.

    Two caps are compared by these ("up to 10%" / "as much as 9%" disagree); anything else is compared with
    the cap's interval [0, X].
    """
    return Interval(value - precision, value + precision, True, False)


def _sig(x: float) -> float:
    """A computed interval end to twelve significant digits: 45 × 1.1 is 49.5, not 49.50000000000001."""
    return float(f"{x:.12g}")


def vague_figure(vague: str, scale_text: str | None = None, multiplier: float = 1.0) -> Figure:
    """"tens of billions" → [1e10, 1e11); "hundreds of thousands" → [1e5, 1e6); "billions" → [1e9, 1e10)."""
    if vague.startswith("수"):  # Korean: "수십만" is some tens of 만, [1e5, 1e6)
        low = math.prod(KOREAN_UNITS[ch] for ch in vague if ch in KOREAN_UNITS) * multiplier
        return Figure(low, Interval(low, low * 10, True, False), "vague")
    words = [w for w in vague.lower().replace("-", " ").split() if w != "of"]
    first = " ".join(words[:2]) if words[:2] == ["a", "few"] else words[0]
    rest = words[2:] if first == "a few" else words[1:]
    base = VAGUE_COUNTS[first]
    scale = 1.0
    for w in rest:
        scale *= SCALES.get(w.rstrip("s"), SCALES.get(w, 1.0))
    if scale == 1.0 and scale_text:
        scale = scale_factor(scale_text)
    if first in ("several", "a few"):
        low, high = base * scale, 10 * scale
    elif first == "dozens":
        low, high = 24 * scale, 144 * scale
    elif first == "scores":
        low, high = 40 * scale, 200 * scale
    else:
        low, high = base * scale, base * scale * 10
    low, high = low * multiplier, high * multiplier
    return Figure(low, Interval(low, high, True, False), "vague")


def format_value(value: float) -> str:
    """A compact human form of a normalised value: 250000 → "250,000", 3e9 → "3 billion"."""
    if value in (INF, -INF):
        return "∞" if value > 0 else "-∞"
    a = abs(value)
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if a >= scale:
            return f"{_trim(value / scale)} {word}"
    if a >= 1000 or float(value).is_integer():
        return f"{value:,.0f}" if float(value).is_integer() or a >= 1000 else f"{value:,}"
    return _trim(value)


def _trim(x: float) -> str:
    s = f"{x:,.3f}".rstrip("0").rstrip(".")
    return s

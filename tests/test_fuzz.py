"""Property tests: article-like text in every notation never breaks extraction.

Whatever the text, extraction does not raise, every claim's ``line``/``column``
points at its ``text`` in the original file, and ``low ≤ value ≤ high``; and
``diff`` of a text with itself finds no change.

The suite runs a modest number of examples; a longer campaign runs the same
properties with ``FACTCHECK_FUZZ_EXAMPLES=100000 pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import re
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.diff import diff_claims
from factcheck.documents import InputError, decode, read_document
from factcheck.extract import extract_claims
from factcheck.numbers import HEDGES, KOREAN_HEDGES_AFTER, KOREAN_HEDGES_BEFORE
from factcheck.report import json as json_report
from factcheck.report.table import clean
from factcheck.rules import load_rules

RULES = load_rules()  # not a fixture: hypothesis would print the whole rule set with each failing example

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# --------------------------------------------------------------------------- strategies

_digits = st.integers(min_value=0, max_value=10**15).map(str)
_grouped = st.integers(min_value=1000, max_value=10**12).map(lambda n: f"{n:,}")
_spaced = st.tuples(st.integers(1000, 10**9), st.sampled_from([" ", "\u00a0", "\u202f"])).map(
    lambda t: f"{t[0]:,}".replace(",", t[1]))
_decimal = st.tuples(st.integers(0, 9999), st.integers(0, 10**6)).map(lambda t: f"{t[0]}.{t[1]}")
_words = st.sampled_from([
    "one", "two", "three hundred", "twenty-six", "a dozen", "two dozen", "half a million", "a quarter-million",
    "a million", "fifty thousand", "ninety-nine", "one hundred and five", "several", "a few", "tens of billions",
    "hundreds of thousands", "dozens", "scores of", "billions",
])
_korean = st.sampled_from(["26만", "4조 3천억", "1만3천", "5천", "10억"])
_long_digits = st.integers(20, 400).map(lambda n: "9" * n)
_number = st.one_of(_digits, _grouped, _spaced, _decimal, _words, _korean, _long_digits)
_scale = st.sampled_from(["", " million", " billion", " trillion", "bn", "m", "M", "k", "K", "B", "T", " mn",
                          " crore", " lakh", "MM", " thousand"])
_currency = st.sampled_from(["", "$", "US$", "€", "£", "¥", "₩", "₹", "HK$", "USD ", "Rs. "])
_currency_word = st.sampled_from(["", " dollars", " euros", " won", " yuan", "원", " rupees"])
_unit = st.sampled_from(["", " GPUs", " chips", " accelerators", " servers", "%", " percent", " per cent", " GW",
                         " MW", " megawatts", " gigawatts", "kW", " units", " shares"])
_hedge = st.sampled_from([""] + [w + " " for ws in HEDGES.values() for w in ws]
                         + list(KOREAN_HEDGES_BEFORE) + ["~"])
_suffix = st.sampled_from(["", "+", "-plus", " plus", " or more", "-odd", " or so", " or less"]
                          + [" " + h for h in KOREAN_HEDGES_AFTER])
_range = st.tuples(_digits, st.sampled_from(["-", "–", " to ", " and ", "-$"]), _digits).map("".join)

_figure = st.one_of(
    st.tuples(_hedge, _currency, _number, _scale, _currency_word, _suffix, _unit).map("".join),
    st.tuples(_currency, _range, _scale, _unit).map("".join),
)
_entity = st.sampled_from(["Nvidia", "NVIDIA", "Samsung", "Samsung Electronics", "SK hynix", "SK Hynix", "Hyundai",
                           "the company", "the government", "the nation", "Korea", "OpenAI", "its partners",
                           "Nvidia's", "Samsung’s", "AMD", "TSMC"])
_verb = st.sampled_from(["will buy", "said it would ship", "is worth", "raised", "spent", "reported", "plans",
                         "valued at", "with", "across", "for", "to", "of", "according to", "deal for"])
_date = st.sampled_from(["Jan. 5, 2025", "2025-01-05", "5 January 2025", "in 2024", "by 2030", "FY2025",
                         "Oct 31, 2025", "2025/10/31"])
_quote = st.sampled_from(['"', "“", "”", "'", "‘", "’", "«", "»"])
_word = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Z"]), max_size=12)
_long_token = st.integers(100, 5000).map(lambda n: "x" * n)
_odd = st.sampled_from(["\x1b[31m", "[bold red]", "\u202e", "\u200b", "\ufeff", "\x0c", "\x85", "\u2028", "#",
                        "- ", "* ", "> ", "|", "**", "...", "…", "U.S.", "Corp.", "e.g.", "No. 1"])
_separator = st.sampled_from([" ", " ", " ", ". ", ", ", "; ", ": ", " — ", " - ", "\n", "\r\n", "\r", "\n\n",
                              "\r\n\r\n", "\t", "! ", "? ", ".\n", " (", ") "])

_fragment = st.one_of(_figure, _figure, _entity, _verb, _date, _quote, _word, _long_token, _odd,
                      st.text(max_size=20))
article = st.lists(st.tuples(_fragment, _separator), max_size=40).map(
    lambda parts: "".join(f + s for f, s in parts))
front_matter = st.sampled_from(["", "---\ntitle: Nvidia to ship 50,000 GPUs\ndate: 2025-10-31\n---\n",
                                "---\r\ntitle: \"$3 billion deal\"\r\n---\r\n", "---\nsource: Wire\n---\n"])
encoding = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1-ish"])


def _encode(text: str, how: str) -> bytes:
    if how == "utf-16":
        return text.encode("utf-16")  # with a BOM
    if how == "latin-1-ish":  # stray bytes that are not UTF-8
        return text.encode("utf-8").replace(b"e", b"\xe9")
    return text.encode(how)


# --------------------------------------------------------------------------- the oracle

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def original_text(data: bytes) -> str:
    """The file's characters as an editor shows them, decoded independently of factcheck."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data[len(bom):].decode("utf-8", "replace") if codec == "utf-8" else data.decode(codec)
    return data.decode("utf-8", "replace")


def offset_of(text: str, line: int, column: int) -> int:
    """Character offset of a 1-based line and column, lines ending at CRLF, CR or LF."""
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    assert 1 <= line <= len(starts), f"line {line} outside the file ({len(starts)} lines)"
    start = starts[line - 1]
    end = starts[line] if line < len(starts) else len(text)
    assert 1 <= column <= end - start + 1, f"column {column} outside line {line}"
    return start + column - 1


def check_claims(data: bytes, claims) -> None:
    text = original_text(data)
    for claim in claims:
        at = offset_of(text, claim.line, claim.column)
        assert text.startswith(claim.text, at), (claim.line, claim.column, claim.text, text[at:at + 40])
        assert claim.text.strip() == claim.text and claim.text
        for x in (claim.value, claim.low, claim.high):
            assert not math.isnan(x)
        assert math.isfinite(claim.value)
        assert claim.low <= claim.value <= claim.high, (claim.text, claim.low, claim.value, claim.high)
    # the report of these claims is valid, finite JSON, and the table text is free of controls
    json.loads(json_report.dumps(json_report.document([], claims)))
    for claim in claims:
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in clean(claim.quote))


# --------------------------------------------------------------------------- properties


@FUZZ
@given(front_matter, article, encoding)
def test_extraction_never_raises_and_positions_point_at_the_text(front, body, how):
    data = _encode((front + body).replace("\x00", ""), how)
    document = read_document("fuzz.txt", data=data)
    problems: list = []
    claims = extract_claims(document, RULES, problems)
    check_claims(data, claims)


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_either_decode_or_are_refused_with_a_message(data):
    try:
        text, warnings = decode(data, "blob.txt")
    except InputError as exc:
        assert str(exc)
        return
    assert isinstance(text, str)
    for warning in warnings:
        assert warning.path == "blob.txt" and not warning.fatal


@FUZZ
@given(st.text(max_size=3000))
def test_random_unicode_never_breaks_extraction(text):
    data = text.encode("utf-8")
    try:
        document = read_document("unicode.txt", data=data)
    except InputError:
        assert "\x00" in text  # a NUL byte marks a binary file, refused with a message
        return
    check_claims(data, extract_claims(document, RULES, []))


# Figures that are not plain numbers: dates without a year (NaN), open-ended figures, quotes and roles.
_yearless = st.sampled_from(["March 12", "12 March", "Oct. 30", "on Tuesday", "3월 12일", "late March", "by mid-June"])
_statement = st.sampled_from([
    "Veltrix announced the deal on ", "Orbana said the order closes ", "The partnership was unveiled ",
    "“We are thrilled,” said Dana Whitlock, chief executive of Veltrix. ",
    "Orbana chief financial officer Lee Marten said the servers would arrive ",
    "Veltrix will buy more than 8,000 servers ", "up to 40% of the shares ",
])
diff_article = st.lists(st.tuples(st.one_of(_fragment, _yearless, _statement), _separator), max_size=40).map(
    lambda parts: "".join(f + s for f, s in parts))


@FUZZ
@given(front_matter, diff_article, encoding)
def test_a_text_diffed_with_itself_never_differs(front, body, how):
    """`diff X X` exits 0: every figure is the same as itself, whatever it holds (NaN, open ends, no number)."""
    data = _encode((front + body).replace("\x00", ""), how)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "fuzz.txt")
        with open(path, "wb") as handle:
            handle.write(data)
        result = CliRunner().invoke(app, ["diff", path, path])
    assert result.exit_code == 0, result.stdout
    claims = extract_claims(read_document("fuzz.txt", data=data), RULES, [])
    assert not diff_claims(claims, claims, RULES).differs

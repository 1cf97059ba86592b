"""The normaliser: written figures → value and interval (README "How figures are read")."""

from __future__ import annotations

import math

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from factcheck.numbers import (
    PIECES,
    NumberError,
    Reading,
    figure_from,
    parse_korean_number,
    parse_number,
    precision_step,
)


@pytest.mark.parametrize(
    "text, value",
    [
        ("50,000", 50000),
        ("2.5", 2.5),
        ("1,234,567.89", 1234567.89),
        ("40\u202f000", 40000),
        ("six", 6),
        ("twenty-six", 26),
        ("one hundred and five", 105),
        ("a quarter-million", 250000),
        ("quarter million", 250000),
        ("half a million", 500000),
        ("two dozen", 24),
        ("fifty thousand", 50000),
        ("a billion", 1e9),
        ("two million three hundred thousand", 2_300_000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_words_that_are_not_numbers_are_refused():
    with pytest.raises(NumberError):
        parse_number("sixth")


@pytest.mark.parametrize("text, value", [("26만", 260000), ("4조 3천억", 4.3e12), ("1만3천", 13000), ("5조", 5e12)])
def test_korean_units(text, value):
    assert parse_korean_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "number, scale, value",
    [("3", "billion", 3e9), ("3", "B", 3e9), ("2", "bn", 2e9), ("4.3", "trillion", 4.3e12), ("250", "K", 250e3),
     ("1.5", "tn", 1.5e12), ("10", "mn", 10e6), ("7", "M", 7e6)],
)
def test_scale_words_and_abbreviations(number, scale, value):
    assert figure_from(Reading(number, scale)).value == pytest.approx(value)


def test_exact_figure_claims_its_written_precision():
    f = figure_from(Reading("50,000"))
    assert (f.interval.low, f.interval.high) == (47500, 52500)  # ends in zeros: never wider than ±5 %
    assert f.interval.low_closed and not f.interval.high_closed
    f = figure_from(Reading("13,000"))
    assert (f.interval.low, f.interval.high) == (12500, 13500)
    f = figure_from(Reading("2.50"))
    assert f.interval.low == pytest.approx(2.495) and f.interval.high == pytest.approx(2.505)
    f = figure_from(Reading("3", "billion"))
    assert (f.interval.low, f.interval.high) == (2.5e9, 3.5e9)


@pytest.mark.parametrize(
    "number, scale, low, high",
    [("10", None, 9.5, 10.5), ("27", None, 26.5, 27.5), ("1", None, 0.5, 1.5), ("20", "bn", 19e9, 21e9),
     ("14", "billion", 13.5e9, 14.5e9), ("6.4", "billion", 6.35e9, 6.45e9), ("1.60", None, 1.595, 1.605),
     ("fifty thousand", None, 47500, 52500), ("two", "million", 1.5e6, 2.5e6), ("100", None, 95, 105)],
)
def test_a_round_figure_commits_to_no_more_than_five_percent(number, scale, low, high):
    f = figure_from(Reading(number, scale))
    assert (f.interval.low, f.interval.high) == (pytest.approx(low), pytest.approx(high))
    assert f.interval.low_closed and not f.interval.high_closed


def test_a_cap_names_its_number_with_its_precision():
    f = figure_from(Reading("10", hedge="up to"))
    assert (f.qualifier, f.interval.low, f.interval.high) == ("up_to", 0, 10)
    assert f.precision == 0.5
    f = figure_from(Reading("19.4", "billion", hedge="as much as"))
    assert f.precision == pytest.approx(0.05e9)


@pytest.mark.parametrize(
    "hedge, qualifier, low, high, low_closed, high_closed",
    [
        ("over", "over", 50000, math.inf, False, False),
        ("more than", "over", 50000, math.inf, False, False),
        ("upwards of", "over", 50000, math.inf, False, False),
        ("at least", "at_least", 50000, math.inf, True, False),
        ("up to", "up_to", 0, 50000, True, True),
        ("as many as", "up_to", 0, 50000, True, True),
        ("under", "under", 0, 50000, True, False),
        ("fewer than", "under", 0, 50000, True, False),
        ("about", "about", 45000, 55000, True, False),
        ("approximately", "about", 45000, 55000, True, False),
        ("nearly", "under", 45000, 50000, True, False),
    ],
)
def test_hedges(hedge, qualifier, low, high, low_closed, high_closed):
    f = figure_from(Reading("50,000", hedge=hedge))
    assert f.qualifier == qualifier
    assert (f.interval.low, f.interval.high) == (low, high)
    assert (f.interval.low_closed, f.interval.high_closed) == (low_closed, high_closed)


def test_about_uses_the_rules_tolerance():
    f = figure_from(Reading("3", "billion", hedge="roughly"), tolerance=0.02)
    # the written precision (±0.5 billion) is wider than 2 %: the wider one stands
    assert (f.interval.low, f.interval.high) == (2.5e9, 3.5e9)
    f = figure_from(Reading("3.00", "billion", hedge="about"), tolerance=0.02)
    assert f.interval.low == pytest.approx(2.94e9)


def test_plus_suffix_means_over():
    f = figure_from(Reading("250", "K", suffix="+"))
    assert f.qualifier == "over" and f.value == 250000 and f.interval.low == 250000


def test_ranges():
    f = figure_from(Reading("5", number2="6"))
    assert f.qualifier == "range" and (f.interval.low, f.interval.high) == (5, 6) and f.value == 5.5
    f = figure_from(Reading("10", number2="12", scale2="billion"))  # "$10-$12 billion"
    assert (f.interval.low, f.interval.high) == (10e9, 12e9)


@pytest.mark.parametrize(
    "vague, scale, low, high",
    [("tens of billions", None, 1e10, 1e11), ("hundreds of thousands", None, 1e5, 1e6), ("billions", None, 1e9, 1e10),
     ("hundreds", None, 100, 1000)],
)
def test_vague_amounts(vague, scale, low, high):
    f = figure_from(Reading("", vague=vague, scale=scale))
    assert f.qualifier == "vague"
    assert (f.interval.low, f.interval.high) == (low, high)


def test_precision_step_follows_the_last_significant_digit():
    assert precision_step("50,000", 50000) == 10000
    assert precision_step("52,300", 52300) == 100
    assert precision_step("2.5", 2.5) == pytest.approx(0.1)
    assert precision_step("a quarter-million", 250000) == 10000


NUMBER = regex.compile(PIECES["number"])


@pytest.mark.parametrize("text", ["H100", "GB200", "6G", "45th", "sixth-generation", "MI450"])
def test_model_numbers_and_ordinals_are_not_numbers(text):
    assert NUMBER.search(text) is None


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_round_trip(n):
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from([("thousand", 1e3), ("million", 1e6),
                                                                    ("billion", 1e9), ("trillion", 1e12)]))
def test_scale_words_round_trip(n, scale):
    word, factor = scale
    assert figure_from(Reading(f"{n:,}", word)).value == pytest.approx(n * factor)


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["", "over", "about", "up to", "at least", "under", "nearly"]))
def test_value_lies_within_its_interval(number, hedge):
    text = f"{number:,.2f}"
    f = figure_from(Reading(text, hedge=hedge or None))
    iv = f.interval
    assert iv.low <= f.value <= iv.high


def test_a_fall_of_more_than_a_figure_is_open_below_not_out_of_range():
    """"Shares fell more than 10%": below -10 without bound (it was refused as an overflow)."""
    from factcheck.numbers import Reading, figure_from

    fall = figure_from(Reading(number="10", hedge="more than", negative=True))
    assert (fall.value, fall.interval.high, fall.interval.low) == (-10, -10, float("-inf"))
    assert not fall.interval.high_closed

"""The figure grammar against Recognizers-Text's English specs, and the fixes those specs led to."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import conformance
from factcheck.numbers import currency_code, parse_number, scale_factor

FOLDER = conformance.default_dir(Path(__file__))  # the checkout's parent, also when installed


@pytest.mark.skipif(FOLDER is None, reason="shared/conformance/recognizers-text is not beside the repository")
def test_in_scope_cases_pass_at_least_90_percent() -> None:
    results = {r.name: r for r in conformance.run(FOLDER)}
    assert set(results) == set(conformance.FILES)
    for name, result in results.items():
        assert len(result.in_scope) >= len(result.cases) / 2, f"{name}: most cases must stay in scope"
        failures = [c.input for c in result.in_scope if not c.passed]
        assert result.rate >= 0.9, f"{name}: {result.rate:.1%} in scope; failing: {failures}"


@pytest.mark.skipif(FOLDER is None, reason="shared/conformance/recognizers-text is not beside the repository")
def test_command_prints_rates_per_file(capsys) -> None:
    assert conformance.main([str(FOLDER)]) == 0
    out = capsys.readouterr().out
    for name in conformance.FILES:
        assert f"{name}: " in out and "in-scope cases pass" in out


def test_command_without_folder_is_an_error(tmp_path, capsys) -> None:
    assert conformance.main([str(tmp_path / "missing")]) == 2
    assert "no conformance folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I can give you 10M.", [("10M", 1e7)]),
        ("That account revenue target is US$ 1MM", [("1MM", 1e6)]),
        ("2mil SEK can't buy you a big apartment", [("2mil", 2e6)]),
        ("1.2b", [("1.2b", 1.2e9)]),
        ("the 180.25ml liquid", []),
        (" half a  dozen", [("half a  dozen", 6)]),
        ("The total is three lakh crore", [("three lakh crore", 3e12)]),
        ("The one you mentioned is invalid", []),
        ("Let's try one last time", [("one", 1)]),
        ("one hundred and sixteen", [("one hundred and sixteen", 116)]),
    ],
)
def test_number_recognizer(text: str, expected: list[tuple[str, float]]) -> None:
    found = [(text[s:e], v) for s, e, v in conformance.recognizer("number")(text)]
    assert found == expected


def test_percent_in_a_url_is_not_a_figure() -> None:
    assert conformance.recognizer("percentage")("https://www.test.com/search?q=30%25%2020%") == []
    assert conformance.recognizer("percentage")("Growth was 20% a year.") == [(11, 14, 20)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("exports fell to hk $ 10.05 billion .", "hk $ 10.05 billion", 1.005e10),
        ("Sell Mex$ 10 million forward", "Mex$ 10 million", 1e7),
        ("125 million australian dollars of bonds", "125 million australian dollars", 1.25e8),
        ("bard had sales of about $ 14 million", "$ 14 million", 1.4e7),
    ],
)
def test_currency_recognizer(text: str, span: str, value: float) -> None:
    ((s, e, v),) = conformance.recognizer("currency")(text)
    assert (text[s:e], v) == (span, value)


def test_currency_codes_of_prefixed_dollar_signs() -> None:
    assert currency_code("HK$") == "HKD"
    assert currency_code("hk $") == "HKD"
    assert currency_code("US $") == "USD"
    assert currency_code("Mex$") == "MXN"
    assert currency_code("$") == "USD"


def test_words_and_scales() -> None:
    assert parse_number("half a million") == 500_000
    assert parse_number("half a dozen") == 6
    assert parse_number("two dozen") == 24
    assert scale_factor("lakh  crore") == 1e12


def test_pronoun_us_before_a_dollar_sign_stays_out_of_the_figure(extract) -> None:
    (claim,) = extract("Oracle paid us $5 million.")
    assert (claim.text, claim.unit, claim.value) == ("$5 million", "USD", 5e6)


def test_prefixed_dollar_claims(extract) -> None:
    (claim,) = extract("Alibaba will invest HK$ 10 billion.")
    assert (claim.text, claim.unit, claim.value) == ("HK$ 10 billion", "HKD", 1e10)

"""Sums in different currencies: never compared as if equal, unless a rule states the rate.

A won figure and a dollar figure have different units, so they land in
different groups.  A rule may state an exchange rate with the date it was
taken (``exchange_rates:`` in its file); figures of that rule in the quoted
currency are then compared in the base currency, and their group says so.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass
from typing import Any, Iterable

from .claims import Claim, Group


@dataclass(frozen=True)
class ExchangeRate:
    """``1 base = rate quote`` on ``date``: "USD/KRW 1,431.50 on 2025-10-31"."""

    base: str
    quote: str
    rate: float
    date: str

    def describe(self) -> str:
        return f"{self.base}/{self.quote} {self.rate:,.10g} of {self.date}"


def parse_rates(items: Any, where: str) -> list[ExchangeRate]:
    """Read ``exchange_rates:`` from a rule file: ``[{pair: USD/KRW, rate: 1431.5, date: 2025-10-31}]``.

    A rate without its date is refused: a rate is only true on a day.
    """
    from .rules import RuleError

    rates = []
    for i, item in enumerate(items or []):
        at = f"{where}: exchange_rates[{i}]"
        if not isinstance(item, dict):
            raise RuleError(f"{at}: expected {{pair: USD/KRW, rate: 1431.5, date: 2025-10-31}}")
        pair = str(item.get("pair", ""))
        base, _, quote = pair.partition("/")
        if not (base.strip() and quote.strip()):
            raise RuleError(f"{at}: pair must read BASE/QUOTE, e.g. USD/KRW (1 USD = rate KRW)")
        try:
            rate = float(item["rate"])
        except (KeyError, TypeError, ValueError):
            raise RuleError(f"{at}: rate must be a number (units of {quote.strip()} per {base.strip()})") from None
        if rate <= 0:
            raise RuleError(f"{at}: rate must be positive")
        date = item.get("date")
        if isinstance(date, (_dt.date, _dt.datetime)):
            date = date.isoformat()[:10]
        if not date:
            raise RuleError(f"{at}: an exchange rate needs the date it was taken (date: YYYY-MM-DD)")
        rates.append(ExchangeRate(base.strip().upper(), quote.strip().upper(), rate, str(date)))
    return rates


def convert(claims: Iterable[Claim], rates_of) -> list[Claim]:
    """Claims with figures in a quoted currency restated in the base currency (others unchanged).

    ``rates_of(claim_type)`` gives the rule's rates.  A converted claim keeps
    its text and quote and records what it was in ``extra["converted_from"]``.
    """
    out = []
    for claim in claims:
        rate = next((r for r in rates_of(claim.type) if r.quote == claim.unit), None)
        if rate is None:
            out.append(claim)
            continue
        extra = dict(claim.extra)
        extra["converted_from"] = {"unit": claim.unit, "value": claim.value, "rate": f"{rate.base}/{rate.quote}",
                                   "per": rate.rate, "date": rate.date}
        out.append(dataclasses.replace(claim, unit=rate.base, value=claim.value / rate.rate,
                                       low=claim.low / rate.rate, high=claim.high / rate.rate, extra=extra))
    return out


def conversion_note(group: Group) -> str:
    """What a group's reader must know: which figures were converted, at which dated rate."""
    used = sorted({(c.extra["converted_from"]["unit"], c.extra["converted_from"]["rate"],
                    c.extra["converted_from"]["per"], c.extra["converted_from"]["date"])
                   for c in group.claims if "converted_from" in c.extra})
    return "; ".join(f"{unit} figures converted at {pair} {per:,.10g} of {date} (rate stated in the rules)"
                     for unit, pair, per, date in used)

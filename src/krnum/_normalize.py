"""normalize(text, style): each amount rewritten in a canonical form, all else unchanged."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Literal

from ._amount import Amount, canonical
from ._errors import ParseError
from ._extract import extract
from ._format import format_korean
from ._numeral import EXACT
from ._parse import parse

NormalStyle = Literal["search", "human"]


def normalize(text: str, *, style: NormalStyle = "search") -> str:
    """Rewrite every amount in ``text``; hedges and bounds stay as words.

    ``search``: ``약 120000000 USD`` (digits, ISO code, for indexing and ML);
    ``human``: ``약 1억 2,000만 달러``. Text between amounts is copied unchanged, so the
    offsets of untouched text follow from the amounts of ``extract(text)``.

    >>> normalize("매출 약 1억2000만 달러를 기록")
    '매출 약 120000000 USD를 기록'
    """
    if style not in ("search", "human"):
        raise ValueError(f"unknown style {style!r}; choose 'search' or 'human'")
    out, pos = [], 0
    for a in extract(text):
        out.append(text[pos:a.start])
        out.append(render(_as_written(a), style))
        pos = a.end
    out.append(text[pos:])
    return "".join(out)


def _as_written(a: Amount) -> Amount:
    """The amount as its own span says it: a bound written after a particle (``1조원을 넘는``)
    stays in the text that follows, so the rewrite must not say it a second time."""
    if a.value is None or (a.low is not None and a.high is not None):
        return a
    try:
        own = parse(a.text)
    except ParseError:
        return a
    if own.low is not None and own.high is not None:
        v = a.value
        return replace(a, low=v, high=v, low_inclusive=True, high_inclusive=True)
    return a


def render(a: Amount, style: NormalStyle = "search") -> str:
    """One amount in canonical words: hedge, figure or interval, unit, bound."""
    def fig(d: Decimal | None) -> str:
        assert d is not None
        return format(canonical(d), "f") if style == "search" else _human(d)

    unit = _unit(a, style)
    hedge = "약 " if a.approximate else ""
    if a.value is not None:
        bound = ""
        if a.low is None:
            bound = " 이하" if a.high_inclusive else " 미만"
        elif a.high is None:
            bound = " 이상" if a.low_inclusive else " 초과"
        return f"{hedge}{fig(a.value)}{unit}{bound}"
    lo, hi = a.low, a.high
    if a.low_inclusive and a.high_inclusive:
        return f"{hedge}{fig(lo)}~{fig(hi)}{unit}"
    left = f"{fig(lo)}{unit} 이상" if lo is not None else ""
    right = f"{fig(hi)}{unit} {'이하' if a.high_inclusive else '미만'}" if hi is not None else ""
    return hedge + " ".join(p for p in (left, right) if p)


def _unit(a: Amount, style: NormalStyle) -> str:
    if a.currency:
        if style == "search":
            return f" {a.currency}"
        try:
            return format_korean(0, a.currency)[1:]
        except ValueError:
            return f" {a.currency}"
    if a.unit is None:
        return ""
    return a.unit if a.unit in ("%", "%p", "bp") else a.unit if style == "human" else f" {a.unit}"


def _human(d: Decimal) -> str:
    whole = EXACT.abs(d)
    if whole >= 10**20 or whole != whole.to_integral_value() or whole < 10000:
        return format_korean(d, style="comma")
    text = format_korean(d, style="myriad").lstrip("-")
    out, num = [], ""
    for ch in text:
        if ch.isdigit():
            num += ch
        else:
            out.append(f"{int(num):,}{ch}")
            num = ""
    if num:
        out.append(f"{int(num):,}")
    return ("-" if d < 0 else "") + " ".join(out)

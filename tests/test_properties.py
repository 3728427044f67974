"""Properties that prove the grammar: format_korean generates, parse reads back exactly."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

import krnum
from krnum._format import STYLES

# [0, 10^20) with up to four fractional digits, biased towards round Korean figures
_whole = st.one_of(
    st.integers(0, 10**20 - 1),
    st.integers(1, 9999).map(lambda g: g * 10 ** (4 * (g % 5))),
    st.integers(0, 10**8),
)
DECIMALS = st.builds(
    lambda w, f, k: Decimal(w) if not k else Decimal(w) + Decimal(f) / Decimal(10**k),
    _whole, st.integers(0, 9999), st.integers(0, 4),
).filter(lambda d: d < 10**20)

CURRENCIES = st.sampled_from(
    ["KRW", "USD", "JPY", "EUR", "CNY", "GBP", "HKD", "AUD", "CAD", "CHF", "VND", "TWD", "SGD"]
)


def _check_invariants(a: krnum.Amount, text: str) -> None:
    assert text[a.start:a.end] == a.text
    if a.value is not None:
        assert a.low is None or a.low <= a.value
        assert a.high is None or a.value <= a.high
    assert a.low is not None or not a.low_inclusive
    assert a.high is not None or not a.high_inclusive


@given(DECIMALS, st.sampled_from(STYLES))
def test_round_trip_every_style(d: Decimal, style: str) -> None:
    text = krnum.format_korean(d, style=style)  # type: ignore[arg-type]
    a = krnum.parse(text)
    assert a.value == d, text
    assert (a.low, a.high) == (d, d)
    assert not a.approximate and a.currency is None


@given(DECIMALS, st.sampled_from(STYLES), CURRENCIES)
def test_currency_survives(d: Decimal, style: str, code: str) -> None:
    text = krnum.format_korean(d, code, style=style)  # type: ignore[arg-type]
    a = krnum.parse(text)
    assert (a.value, a.currency) == (d, code), text
    assert a.kind == "money"


HEDGES_BEFORE = ["약", "대략", "어림잡아"]
HEDGES_AFTER = ["가량", "정도", "쯤", "내외", "안팎", "가까이"]
# word, before?, (low is v, high is v, low inclusive, high inclusive, approximate)
BOUNDS = [
    ("이상", False, (True, False, True, False, False)),
    ("초과", False, (True, False, False, False, False)),
    ("넘게", False, (True, False, False, False, False)),
    ("이하", False, (False, True, False, True, False)),
    ("미만", False, (False, True, False, False, False)),
    ("남짓", False, (True, False, False, False, True)),
    ("최대", True, (False, True, False, True, False)),
    ("최고", True, (False, True, False, True, False)),
    ("최소", True, (True, False, True, False, False)),
    ("최저", True, (True, False, True, False, False)),
]


@given(DECIMALS, st.sampled_from(STYLES), st.sampled_from(HEDGES_BEFORE + HEDGES_AFTER),
       st.booleans(), st.sampled_from(["원", "%", " 달러", "명"]))
def test_hedge_sets_flag_not_interval(d: Decimal, style: str, hedge: str, space: bool,
                                      unit: str) -> None:
    fig = krnum.format_korean(d, style=style) + unit  # type: ignore[arg-type]
    sep = " " if space else ""
    text = f"{hedge}{sep}{fig}" if hedge in HEDGES_BEFORE else f"{fig}{sep}{hedge}"
    a = krnum.parse(text)
    assert a.approximate
    assert a.value == a.low == a.high == d


@given(DECIMALS, st.sampled_from(STYLES), st.sampled_from(BOUNDS), st.sampled_from(["원", "%", " 달러"]))
def test_bound_sets_interval(d: Decimal, style: str, bound: tuple, unit: str) -> None:
    word, before, (low_v, high_v, lo_inc, hi_inc, approx) = bound
    fig = krnum.format_korean(d, style=style) + unit  # type: ignore[arg-type]
    text = f"{word} {fig}" if before else f"{fig} {word}"
    a = krnum.parse(text)
    assert a.value is not None
    assert (a.low is not None, a.high is not None) == (low_v, high_v)
    if low_v:
        assert a.low == a.value
    if high_v:
        assert a.high == a.value
    assert (a.low_inclusive, a.high_inclusive, a.approximate) == (lo_inc, hi_inc, approx)


@given(st.integers(0, 10**12), st.integers(1, 10**12), st.sampled_from(["~", " ~ ", "∼", "-"]),
       st.sampled_from(["원", "%", "달러"]))
def test_range_is_inclusive_interval(lo: int, width: int, conn: str, unit: str) -> None:
    hi = lo + width
    text = f"{krnum.format_korean(lo, style='comma')}{conn}{krnum.format_korean(hi, style='comma')}{unit}"
    a = krnum.parse(text)
    assert (a.value, a.low, a.high) == (None, Decimal(lo), Decimal(hi))
    assert a.low_inclusive and a.high_inclusive and not a.approximate


@given(st.integers(1, 9998), st.integers(1, 9998), st.sampled_from(["만", "억", "조"]),
       st.sampled_from(["원", " 달러", "%", "명", ""]))
def test_unit_written_once_applies_to_both_ends(a: int, b: int, unit_word: str, unit: str) -> None:
    lo, hi = sorted((a, b))
    assume(lo < hi)
    scale = {"만": 10**4, "억": 10**8, "조": 10**12}[unit_word]
    got = krnum.parse(f"{lo}~{hi}{unit_word}{unit}")
    assert (got.low, got.high) == (lo * scale, hi * scale)


@given(st.text(max_size=40))
def test_parse_returns_or_raises_parse_error(text: str) -> None:
    try:
        a = krnum.parse(text)
    except krnum.ParseError as e:
        assert 0 <= e.pos <= len(text)
        return
    _check_invariants(a, text)


_alphabet = st.sampled_from(list("0123456789,.~-% 억만조천백십원달러약이상대여수두세한분의金壹貳萬△$€") + ["US$"])


@given(st.lists(_alphabet, max_size=20).map("".join))
def test_parse_on_numeral_soup(text: str) -> None:
    try:
        a = krnum.parse(text)
    except krnum.ParseError:
        return
    _check_invariants(a, text)


@given(DECIMALS, st.sampled_from(STYLES), st.one_of(st.none(), CURRENCIES))
def test_to_dict_survives_json(d: Decimal, style: str, code: str | None) -> None:
    a = krnum.parse(krnum.format_korean(d, code, style=style))  # type: ignore[arg-type]
    back = json.loads(json.dumps(a.to_dict()))
    assert back == a.to_dict()
    assert Decimal(back["value"]) == d
    assert "E" not in back["value"] and "e" not in back["value"]


@given(st.integers(-(10**40), 10**40), st.sampled_from(["", "원", "%"]))
def test_callers_decimal_context_never_leaks_in(n: int, unit: str) -> None:
    """krnum's arithmetic runs in its own exact context, whatever the caller's precision."""
    import decimal

    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        text = krnum.format_korean(Decimal(n), style="comma") + unit
        assert krnum.parse(text).value == n
        if abs(n) < 10**20:
            assert krnum.parse(krnum.format_korean(Decimal(n)) + unit).value == n
        found = krnum.extract(f"올해 {text}을 기록" if unit else f"올해 {n}억을 기록")
        assert found and found[0].value in (n, n * 10**8)


@given(st.integers(10**4, 10**20 - 1))
def test_spaced_style_puts_a_space_after_each_myriad_word(n: int) -> None:
    text = krnum.format_korean(n, style="spaced")
    assert text == krnum.format_korean(n).replace("경", "경 ").replace("조", "조 ").replace(
        "억", "억 ").replace("만", "만 ").strip()
    assert krnum.extract(f"총 {text}원을 투자했다")[0].value == n

"""Never a fragment: a figure written the ways real text writes it is read whole or not at all.

Figures are rendered with random spacing between myriad groups and in-group places, and in
the unit-compound and English-shorthand forms of disclosures and analyst notes, then embedded
in Korean text with particles. extract() must return the figure whole, with its exact span
and value, and never a part of it with another value.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import krnum

MYRIAD = ((12, "조"), (8, "억"), (4, "만"), (0, ""))
PLACES = ((3, "천"), (2, "백"), (1, "십"), (0, ""))
CURRENCIES = (("원", "KRW"), (" 원", "KRW"), ("달러", "USD"), (" 달러", "USD"), (" 유로", "EUR"))
PARTICLES = ("", "을", "이", "의", "에", "과", "도", "은", "으로")
BEFORE = ("", "올해 매출은 ", "회사는 ", "영업이익 ", "투자 규모는 ")
AFTER = (" 기록했다.", " 늘었다", "", ". 전년 대비 증가")


def _group(g: int, spaces: list[bool], in_places: bool) -> str:
    """One myriad group (1..9999): as digits (4725) or with places (4천7백2십5)."""
    if not in_places:
        return f"{g:,}" if spaces.pop() else str(g)
    parts = []
    for power, word in PLACES:
        digit = g // 10**power % 10
        if digit:
            parts.append(f"{digit}{word}")
    out = parts[0]
    for part in parts[1:]:
        out += (" " if spaces.pop() else "") + part
    return out


@st.composite
def spaced_figures(draw: st.DrawFn) -> tuple[str, Decimal]:
    n = draw(st.integers(min_value=1, max_value=10**16 - 1))
    spaces = draw(st.lists(st.booleans(), min_size=32, max_size=32))
    in_places = draw(st.booleans())
    out = ""
    for power, word in MYRIAD:
        g = n // 10**power % 10000
        if not g:
            continue
        if out:
            out += " " if spaces.pop() else ""
        out += _group(g, spaces, in_places)
        if word:
            out += (" " if spaces.pop() and not in_places else "") + word
    return out, Decimal(n)


COMPOUNDS = (("천", 3), ("백만", 6), ("천만", 7), ("십억", 9), ("백억", 10), ("천억", 11))


@st.composite
def compound_figures(draw: st.DrawFn) -> tuple[str, Decimal]:
    """56,700백만, 21.6백만, 1,500천: a multi-digit or decimal figure times its unit words."""
    word, power = draw(st.sampled_from(COMPOUNDS))
    whole = draw(st.integers(min_value=10, max_value=9_999_999))
    tenths = draw(st.integers(min_value=0, max_value=9))
    text = f"{whole:,}" if draw(st.booleans()) else str(whole)
    value = Decimal(whole)
    if tenths:
        text += f".{tenths}"
        value += Decimal(tenths) / 10
    return f"{text}{word}", value.scaleb(power)


SHORTHAND = (("mn", 6), ("mln", 6), ("bn", 9), ("million", 6), ("billion", 9), ("tn", 12))


@st.composite
def shorthand_figures(draw: st.DrawFn) -> tuple[str, Decimal]:
    word, power = draw(st.sampled_from(SHORTHAND))
    whole = draw(st.integers(min_value=1, max_value=99_999))
    hundredths = draw(st.integers(min_value=0, max_value=99))
    value = Decimal(whole) + Decimal(hundredths) / 100
    text = f"{whole}.{hundredths:02d}" if hundredths else str(whole)
    space = " " if draw(st.booleans()) else ""
    return f"{text}{space}{word}", value.scaleb(power)


def _assert_whole(text: str, start: int, surface: str, value: Decimal, code: str) -> None:
    end = start + len(surface)
    found = krnum.extract(text)
    overlapping = [a for a in found if a.start < end and start < a.end]
    assert overlapping, f"nothing read in {text!r}"
    assert len(overlapping) == 1, f"{surface!r} read in parts: {overlapping}"
    a = overlapping[0]
    assert (a.start, a.end, a.text) == (start, end, surface), (text, a)
    assert a.value == value and a.currency == code, (text, a)


@settings(max_examples=1000)
@given(spaced_figures(), st.sampled_from(CURRENCIES), st.sampled_from(BEFORE),
       st.sampled_from(PARTICLES), st.sampled_from(AFTER))
def test_spaced_figures_are_read_whole(fig: tuple[str, Decimal], cur: tuple[str, str],
                                       before: str, particle: str, after: str) -> None:
    surface = fig[0] + cur[0]
    _assert_whole(before + surface + particle + after, len(before), surface, fig[1], cur[1])
    assert krnum.parse(surface).value == fig[1]


@settings(max_examples=1000)
@given(compound_figures(), st.sampled_from(CURRENCIES), st.sampled_from(BEFORE),
       st.sampled_from(PARTICLES), st.sampled_from(AFTER), st.booleans())
def test_unit_compounds_are_read_whole(fig: tuple[str, Decimal], cur: tuple[str, str],
                                       before: str, particle: str, after: str,
                                       negative: bool) -> None:
    sign = "△" if negative else ""
    surface = sign + fig[0] + cur[0]
    value = -fig[1] if negative else fig[1]
    _assert_whole(before + surface + particle + after, len(before), surface, value, cur[1])
    assert krnum.parse(surface).value == value


@settings(max_examples=1000)
@given(shorthand_figures(), st.sampled_from((("달러", "USD"), (" 유로", "EUR"), (" 달러", "USD"))),
       st.sampled_from(BEFORE), st.sampled_from(PARTICLES), st.sampled_from(AFTER))
def test_english_shorthand_is_read_whole(fig: tuple[str, Decimal], cur: tuple[str, str],
                                         before: str, particle: str, after: str) -> None:
    surface = fig[0] + cur[0]
    _assert_whole(before + surface + particle + after, len(before), surface, fig[1], cur[1])


@settings(max_examples=1000)
@given(spaced_figures(), st.sampled_from(BEFORE), st.sampled_from(AFTER),
       st.sampled_from(("천만", "백억", "만억", "억억")))
def test_a_run_that_cannot_be_read_is_not_reported_in_part(
        fig: tuple[str, Decimal], before: str, after: str, broken: str) -> None:
    """A run spoiled by an extra unit word (…천만 glued to a figure that already ends in a
    myriad) is not read at all: nothing overlapping it, rather than a part of it."""
    if not fig[0][-1] in "만억조":
        return
    surface = fig[0] + broken + "원"
    text = before + surface + after
    start, end = len(before), len(before) + len(surface)
    for a in krnum.extract(text):
        if a.start < end and start < a.end:
            # whatever is read must be read whole, never a tail such as 천만원
            assert a.start == start, (text, a)

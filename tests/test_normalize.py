"""normalize(): amounts rewritten canonically, everything else byte-for-byte unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import krnum

TEXT = "올해 매출은 약 1억2000만 달러(약 1658억원)로 7%대 성장했고 자사주 120만주를 샀다."


def test_search_style() -> None:
    assert krnum.normalize(TEXT) == (
        "올해 매출은 약 120000000 USD(약 165800000000 KRW)로 약 7% 이상 8% 미만 성장했고 "
        "자사주 1200000 주를 샀다."
    )


def test_human_style() -> None:
    assert krnum.normalize(TEXT, style="human") == (
        "올해 매출은 약 1억 2,000만 달러(약 1,658억원)로 약 7% 이상 8% 미만 성장했고 "
        "자사주 120만주를 샀다."
    )


def test_bounds_and_ranges_stay_in_words() -> None:
    assert krnum.normalize("최소 10억 달러 이상, 3~4조원") == (
        "1000000000 USD 이상, 3000000000000~4000000000000 KRW"
    )
    assert krnum.normalize("금리 4% 미만") == "금리 4% 미만"


def test_untouched_text_is_recoverable_from_the_amounts() -> None:
    out = krnum.normalize(TEXT)
    pieces, pos = [], 0
    for a in krnum.extract(TEXT):
        pieces.append(TEXT[pos:a.start])
        pos = a.end
    pieces.append(TEXT[pos:])
    cursor = 0
    for piece in pieces:  # every untouched piece appears, in order
        i = out.index(piece, cursor)
        cursor = i + len(piece)


def test_unknown_style_is_an_error() -> None:
    try:
        krnum.normalize("1억원", style="loud")  # type: ignore[arg-type]
    except ValueError as e:
        assert "style" in str(e)
    else:
        raise AssertionError("an unknown style must be refused")


@given(st.text(max_size=120))
def test_never_raises_and_text_without_amounts_is_unchanged(text: str) -> None:
    out = krnum.normalize(text)
    if not krnum.extract(text):
        assert out == text

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


def test_real_forms_are_rewritten_whole() -> None:
    # spaced numerals, unit compounds, shorthand and 만-unit spacing: one figure each
    assert krnum.normalize("수주 6억 2천 8백만 유로를 따냈다") == "수주 628000000 EUR를 따냈다"
    assert krnum.normalize("차입금 38,400백만원을 갚았다") == "차입금 38400000000 KRW을 갚았다"
    assert krnum.normalize("달러 12.5mn 규모") == "12500000 USD 규모"
    assert krnum.normalize("3만부터 5만 원까지 올랐다") == "30000~50000 KRW 올랐다"
    assert krnum.normalize("총 12억 3456만 7898원", style="human") == "총 12억 3,456만 7,898원"


def test_a_bound_written_after_a_particle_is_not_said_twice() -> None:
    assert krnum.normalize("자산이 2조원을 넘는 운용사") == "자산이 2000000000000 KRW을 넘는 운용사"
    assert krnum.normalize("금리가 3%를 밑도는 예금", style="human") == "금리가 3%를 밑도는 예금"
    # a bound inside the span is still written out
    assert krnum.normalize("2조원 넘게 모였다") == "2000000000000 KRW 초과 모였다"


def test_table_cells_take_their_column_unit() -> None:
    text = "(단위 : 백만원)\n구분 인원수 급여총액\n임원 7 1,120"
    assert krnum.normalize(text).splitlines()[-1] == "임원 7 1120000000 KRW"

"""extract() on sentences written for these tests: spans, particles, tables, hard negatives."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import krnum
from krnum._format import STYLES

D = Decimal


def spans(text: str) -> list[str]:
    return [a.text for a in krnum.extract(text)]


def one(text: str) -> krnum.Amount:
    found = krnum.extract(text)
    assert len(found) == 1, [a.text for a in found]
    return found[0]


# sentence, the spans extract must report (in order)
SPANS = [
    # particles and following nouns stay outside
    ("한화오션은 올해 4조3500억원을 벌어들였다.", ["4조3500억원"]),
    ("배당성향은 35%로 높아졌다.", ["35%"]),
    ("신규 펀드는 7500만 달러의 자금을 모았다.", ["7500만 달러"]),
    ("영업이익률은 20%대의 벽을 넘지 못했다.", ["20%대"]),
    ("개인은 8200억원어치를 순매수했다.", ["8200억원"]),
    ("3만원짜리 상품권이 인기다.", ["3만원"]),
    ("수출 단가는 9.3%↑, 물량은 2.4%▼였다.", ["9.3%", "2.4%"]),
    # hedges and bounds belong to the figure
    ("조달 규모는 약 740억원이다.", ["약 740억원"]),
    ("충당금은 1200억원 이상으로 늘었다.", ["1200억원 이상"]),
    ("금리는 최대 6.5%까지 오른다.", ["최대 6.5%"]),
    ("연구비로 700여억원이 들어갔다.", ["700여억원"]),
    ("참가자는 40명 남짓이었다.", ["40명 남짓"]),
    ("수익률은 4% 가까이 떨어졌다.", ["4% 가까이"]),
    # verbs after a particle do not bound
    ("수출액이 6000억 달러에 육박했다.", ["6000억 달러"]),
    # ranges: one amount, unit and myriad written once
    ("인수 가격은 2~3조원으로 거론된다.", ["2~3조원"]),
    ("예상 배당률은 4~5%다.", ["4~5%"]),
    ("평가액은 500억에서 700억원 사이로 본다.", ["500억에서 700억원 사이"]),
    ("증자 규모는 2억 내지 3억 달러다.", ["2억 내지 3억 달러"]),
    # equivalents are separate amounts
    ("계약은 3억5000만 달러(약 4800억원) 규모다.", ["3억5000만 달러", "약 4800억원"]),
    # currency only where written
    ("매출 5.1조, 영업이익 4200억원을 올렸다.", ["5.1조", "4200억원"]),
    # counters and multipliers
    ("자사주 85만주를 소각하고 직원 120여명을 채용한다.", ["85만주", "120여명"]),
    ("주가수익비율은 14배 수준이다.", ["14배"]),
    ("가입자 1500만을 넘겼다.", ["1500만"]),
    ("코스닥은 12.34포인트 내렸다.", ["12.34포인트"]),
    # foreign and analyst notation
    ("매출은 EUR 4.2 mn, 순익은 $310M이었다.", ["EUR 4.2 mn", "$310M"]),
    ("유럽 자회사는 48.5M유로를 조달했다.", ["48.5M유로"]),
    ("판매가는 US$ 2,499로 정해졌다.", ["US$ 2,499"]),
    ("조달액은 USD1.8bn에 이른다.", ["USD1.8bn"]),
    ("점심값은 1만 2천 원이었다.", ["1만 2천 원"]),
    # negatives
    ("순이익은 △523억원, 이익률은 -4.1%였다.", ["△523억원", "-4.1%"]),
    ("성장률은 마이너스 0.3%였다.", ["마이너스 0.3%"]),
    # magnitudes
    ("수천억 원대의 손실과 억대 연봉, 세 자릿수 성장이 화제였다.", ["수천억 원대", "억대", "세 자릿수"]),
    ("코스피는 2700대에서 등락했다.", ["2700대"]),
    # hard negatives
    ("2025년 4월 15일 오후 2시 30분 3분기 실적을 발표한다.", []),
    ("3Q25 실적과 4년간의 계획, 문의 031-555-1234.", []),
    ("종목코드 035420의 주가를 분석했다.", []),
    ("위원회는 지원 방안과 조정안을 만약을 대비해 검토했고 억제책과 원가 절감도 논의했다.", []),
    ("갤럭시 Z7 출시와 K-9 자주포, 제23조 개정이 이어진다.", []),
    ("청약 경쟁률은 612대 1을 기록했고 지수는 2850선을 지켰다.", []),
    ("40대 남성 직원이 이사회에 참석했다.", []),
    ("삼분의 일 이상의 찬성이 필요하다.", []),
]


@pytest.mark.parametrize(("text", "want"), SPANS, ids=[t[:30] for t, _ in SPANS])
def test_spans(text: str, want: list[str]) -> None:
    assert spans(text) == want


def test_range_values() -> None:
    a = one("인수 가격은 2~3조원으로 거론된다.")
    assert (a.value, a.low, a.high, a.currency) == (None, D(2 * 10**12), D(3 * 10**12), "KRW")
    a = one("목표 EV/EBITDA 8-10배를 적용했다.")
    assert (a.low, a.high, a.unit, a.kind) == (D(8), D(10), "배", "number")


def test_bounds_and_hedges() -> None:
    a = one("충당금은 1200억원 이상으로 늘었다.")
    assert (a.value, a.low, a.high, a.low_inclusive) == (D(1200 * 10**8), D(1200 * 10**8), None, True)
    a = one("연구비로 700여억원이 들어갔다.")
    assert (a.low, a.high, a.low_inclusive, a.approximate) == (D(700 * 10**8), None, False, True)
    a = one("금리는 최대 6.5%까지 오른다.")
    assert (a.low, a.high, a.high_inclusive) == (None, D("6.5"), True)


def test_list_does_not_spread_its_currency() -> None:
    found = krnum.extract("부문별 이익은 반도체 2조1000억, 모바일 9800억, 가전 3200억원이다.")
    assert [a.currency for a in found] == [None, None, "KRW"]
    assert [a.kind for a in found] == ["number", "number", "money"]


def test_vehicle_counts_are_not_bands() -> None:
    found = krnum.extract("내수 12만3,456대, 수출은 210만 대를 넘었고 20대를 추가 주문했다")
    assert [(a.text, a.unit, a.value) for a in found] == [
        ("12만3,456대", "대", D(123456)), ("210만 대", "대", D(2100000)), ("20대", "대", D(20)),
    ]


def test_index_band_is_a_magnitude() -> None:
    a = one("코스피는 2700대에서 등락했다.")
    assert (a.kind, a.low, a.high) == ("magnitude", D(2700), D(2800))


TABLE = """영업실적 (단위: 백만원)
구분 | 2024 | 2023
매출액 | 52,310 | 48,002
영업이익 | △1,204 | 2,377

이 표의 숫자 3,000은 표 밖이다."""


def test_table_unit_header_scales_its_cells() -> None:
    found = krnum.extract(TABLE)
    assert [a.text for a in found] == ["52,310", "48,002", "△1,204", "2,377"]
    assert [a.value for a in found] == [D(52310 * 10**6), D(48002 * 10**6), D(-1204 * 10**6),
                                        D(2377 * 10**6)]
    assert {a.currency for a in found} == {"KRW"}


def test_table_header_in_dollars_and_on_the_same_line() -> None:
    found = krnum.extract("[단위: 천달러] 수출 12,500 수입 9,800")
    assert [(a.value, a.currency) for a in found] == [(D(12500000), "USD"), (D(9800000), "USD")]


def test_a_year_that_labels_its_row_is_not_an_amount() -> None:
    found = krnum.extract("(단위: 억원)\n연도 | 매출 | 이익\n2021 | 7,400 | 310\n2022 | 8,150 | 420")
    assert [a.text for a in found] == ["7,400", "310", "8,150", "420"]


def test_header_unit_with_a_space() -> None:
    found = krnum.extract("(단위: 억 원)\n이익 2,150 1,980")
    assert [(a.value, a.currency) for a in found] == [(D(215000000000), "KRW"), (D(198000000000), "KRW")]


def test_percent_cells_stay_percent_under_a_money_header() -> None:
    found = krnum.extract("(단위: 억원)\n매출 1,200 900\n이익률 5.5% -1.2%")
    assert [a.kind for a in found] == ["money", "money", "percent", "percent"]


def test_disclosure_label_units() -> None:
    found = krnum.extract("- 계약금액(원): 27,500,000,000\n- 매출액대비(%): 8.4\n- 단가(백만원) | 12 | 15")
    assert [(a.text, a.kind, a.value) for a in found] == [
        ("27,500,000,000", "money", D(27500000000)), ("8.4", "percent", D("8.4")),
        ("12", "money", D(12000000)), ("15", "money", D(15000000)),
    ]


def test_cheque_forms() -> None:
    assert [(a.text, a.value) for a in krnum.extract("일금 칠백이십만원정을 영수함")] == [
        ("일금 칠백이십만원정", D(7200000))]
    assert one("보증금 金 五千萬원整").value == D(50000000)


def test_native_pairs_are_ranges() -> None:
    a = one("직원 서너 명이 남았다")
    assert (a.low, a.high, a.unit, a.value) == (D(3), D(4), "명", None)


def test_bound_on_a_range_keeps_the_far_end() -> None:
    a = one("인상 폭은 최대 3~5%로 본다")
    assert (a.low, a.high, a.high_inclusive, a.unit) == (None, D(5), True, "%")


def test_full_width_text_keeps_offsets() -> None:
    text = "계약금액은 ４，５００억원이다."
    a = one(text)
    assert (text[a.start:a.end], a.value) == ("４，５００억원", D(450000000000))


SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_6fdbaf6004766c1c.txt"


@pytest.mark.skipif(not SEED.exists(), reason="the seed article lives in shared/ beside the repo")
def test_seed_article_body() -> None:
    body = SEED.read_text(encoding="utf-8").split("김재훈 한국금융신문 기자")[0]
    found = [(a.text, a.kind, a.value, a.low, a.high, a.currency, a.approximate)
             for a in krnum.extract(body)]
    assert found == [
        ("약 1억2000만 달러", "money", D(120000000), D(120000000), D(120000000), "USD", True),
        ("약 1658억원", "money", D(165800000000), D(165800000000), D(165800000000), "KRW", True),
        ("약 320억원", "money", D(32000000000), D(32000000000), D(32000000000), "KRW", True),
        ("두 자릿수", "magnitude", None, D(10), D(100), None, True),
    ]


# properties: any rendered figure in any filler is found with its exact span
FILLER = st.sampled_from([
    "", "시장에서는 ", "올해 ", "회사 측은 ", "전년 대비 ", "(", "— ", "업계에 따르면 ",
])
AFTER = st.sampled_from(["", " ", "을 ", "이 ", "로 ", "의 ", "에 ", "가 ", ")", ", ", ". "])
TAIL = st.sampled_from(["", " 기록했다.", " 집계됐다", " 밝혔다. 다음 분기도"])
UNIT = st.sampled_from(["원", " 달러", "%", "엔", " 유로", "만원"])
FIGURES = st.builds(
    lambda w, f, k: D(w) if not k else D(w) + D(f) / D(10**k),
    st.integers(1, 10**15), st.integers(0, 99), st.integers(0, 2),
)


@given(FILLER, FIGURES, st.sampled_from([s for s in STYLES if s != "hangul"]), UNIT, AFTER, TAIL)
def test_rendered_figure_is_found_with_its_span(pre: str, d: Decimal, style: str, unit: str,
                                                after: str, tail: str) -> None:
    fig = krnum.format_korean(d, style=style) + unit  # type: ignore[arg-type]
    if unit == "만원":
        fig = krnum.format_korean(d, style="comma") + unit
        d = d * 10000
    text = pre + fig + after + tail
    found = krnum.extract(text)
    assert [(a.start, a.end) for a in found] == [(len(pre), len(pre) + len(fig))], text
    assert found[0].value == d


@given(st.text(max_size=200))
def test_extract_never_raises_and_spans_are_valid(text: str) -> None:
    found = krnum.extract(text)
    last = 0
    for a in found:
        assert text[a.start:a.end] == a.text
        assert a.start >= last
        last = a.end


_soup = st.sampled_from(list("0123456789,.~-%()| \n억만조천원달러약이상대여수두분의△$") + ["(단위: 억원)"])


@given(st.lists(_soup, max_size=60).map("".join))
def test_extract_on_numeral_soup(text: str) -> None:
    test_extract_never_raises_and_spans_are_valid.hypothesis.inner_test(text)  # type: ignore[attr-defined]

"""SPEC's "Figures as real text writes them", row by row, in sentences written for these tests.

Each row: a sentence, the surface extract() must report, and the whole reading
(value, low, high, low_inclusive, high_inclusive, currency, unit, approximate); None as the
value marks an interval.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import krnum

D = Decimal
INF = None

ROWS = [
    # spaced numerals
    ("환율 급등으로 수입액이 6억 2천 5백만 유로로 불었다.", "6억 2천 5백만 유로", D(625000000), "EUR"),
    ("입장료는 1만 3천 500원으로 올랐다.", "1만 3천 500원", D(13500), "KRW"),
    ("그룹은 7 억 달러를 투자한다.", "7 억 달러", D(700000000), "USD"),
    ("총 구천 삼백만 원이 들었다.", "구천 삼백만 원", D(93000000), "KRW"),
    ("자산 28억 4021만 3300원을 보유했다.", "28억 4021만 3300원", D(2840213300), "KRW"),
    # unit compounds
    ("당기순이익은 48,210백만원으로 집계됐다.", "48,210백만원", D(48210000000), "KRW"),
    ("매출액 2,118십억원을 달성했다.", "2,118십억원", D(2118000000000), "KRW"),
    ("현지 법인 손실이 13.4백만 달러에 달했다.", "13.4백만 달러", D(13400000), "USD"),
    ("배당금 총액은 3,250천원이다.", "3,250천원", D(3250000), "KRW"),
    # a numeral that spells a word (이천, 일조) is the figure before a currency
    ("입장권은 한 장에 이천 원씩 받는다.", "이천 원", D(2000), "KRW"),
    ("적자 규모가 일조 원에 이르렀다.", "일조 원", D(1000000000000), "KRW"),
    ("영업손실 △1,307백만원을 냈다.", "△1,307백만원", D(-1307000000), "KRW"),
    # English shorthand
    ("EBITDA는 유로 38.5m 수준이다.", "유로 38.5m", D(38500000), "EUR"),
    ("순이익 EUR 12mln을 기록했다.", "EUR 12mln", D(12000000), "EUR"),
    ("투자금 7.25bn 달러를 모았다.", "7.25bn 달러", D(7250000000), "USD"),
    ("거래액 4.4mn을 기록했다.", "4.4mn", D(4400000), None),
]

PERCENTS = [
    ("영업이익률 -2.7%YoY로 악화됐다.", "-2.7%", D("-2.7"), "%"),
    ("외국인 지분은 27.3pct로 늘었다.", "27.3pct", D("27.3"), "%"),
    ("마진이 1.8ppt 개선됐다.", "1.8ppt", D("1.8"), "%p"),
    ("스프레드가 35bps 좁혀졌다.", "35bps", D(35), "bp"),
    ("주가는 +6.2% 올랐다.", "+6.2%", D("6.2"), "%"),
]

INTERVALS = [
    # (sentence, surface, low, high, low_inclusive, high_inclusive, currency, unit, approximate)
    ("누적 수주가 2조원을 넘어섰다.", "2조원", D(2 * 10**12), INF, False, False, "KRW", None, False),
    ("부채비율 150%를 밑도는 기업만 심사한다.", "150%", INF, D(150), False, False, None, "%", False),
    ("시장 추정치 4천억원을 상회하는 실적이다.", "4천억원", D(4 * 10**11), INF, False, False, "KRW",
     None, False),
    ("손실이 500억원보다 적은 수준이다.", "500억원", INF, D(5 * 10**10), False, False, "KRW", None,
     False),
    ("회사는 최장 5년간 2억 달러까지 빌릴 수 있다.", "2억 달러", INF, D(2 * 10**8), False, True, "USD", None,
     False),
    ("목표가는 5만원부터 7만원까지 제시됐다.", "5만원부터 7만원까지", D(50000), D(70000), True, True,
     "KRW", None, False),
    ("공모가는 3만원과 4만원 사이에서 정해진다.", "3만원과 4만원 사이", D(30000), D(40000), True, True,
     "KRW", None, False),
    ("대상은 5억원 초과 10억원 이하인 계약이다.", "5억원 초과 10억원 이하", D(5 * 10**8),
     D(10**9), False, True, "KRW", None, False),
    ("조건은 ≥ 3%이다.", "≥ 3%", D(3), INF, True, False, None, "%", False),
    ("금리 <4%를 유지한다.", "<4%", INF, D(4), False, False, None, "%", False),
    ("시가총액은 2조원 대로 내려왔다.", "2조원 대", D(2 * 10**12), D(3 * 10**12), True, False, "KRW",
     None, True),
    ("성장률은 4~6%대로 예상된다.", "4~6%대", D(4), D(7), True, False, None, "%", True),
    ("판매량은 150만~180만대로 예상된다.", "150만~180만대", D(1500000), D(1800000), True, True, None,
     "대", False),
]

COUNTS = [
    ("올해 판매는 412만대로 늘었다.", "412만대", D(4120000), "대"),
    ("한은은 연내 두차례 인하할 전망이다.", "두차례", D(2), "차례"),
    ("이사회는 올해 5회 열렸다.", "5회", D(5), "회"),
    ("선수는 6경기에 출전했다.", "6경기", D(6), "경기"),
    ("과자를 7조각으로 나눴다.", "7조각", D(7), "조각"),
    ("노르웨이 투자자가 100크로네를 냈다.", "100크로네", D(100), "크로네"),
]

MONEY_MORE = [
    ("주가는 320펜스로 마감했다.", "320펜스", D("3.2"), "GBP"),
    ("당시 가격은 450 EEK였다.", "450 EEK", D(450), "EEK"),
    ("가격은 거의 80만원에 이른다.", "거의 80만원", D(800000), "KRW"),
    ("호가는 3만원 선에서 형성됐다.", "3만원 선", D(30000), "KRW"),
    ("운용사는 (-)2,100억원의 손실을 봤다.", "(-)2,100억원", D(-210000000000), "KRW"),
]

NOT_AMOUNTS = [
    "핀란드 종목 NOK1V가 하락했다.",
    "KOSPI200 선물이 올랐다.",
    "손실을 만회하는 실적이다.",
    "상반기 손실 만회에 나선다.",
    "반도체 이천 공장을 증설한다.",
    "경기 이천시 물류센터가 문을 열었다.",
    "사업 구조 개편을 발표했다.",
    "코스피는 2600선을 지켰다.",
    "8월 23일 대규모 증자를 공시했다.",
    "임직원 만족도 조사 결과를 공개했다.",
    "고객 만족 경영을 내세웠다.",
    "안전 평가에서 만점을 받았다.",
    "환율이 오르면 순이익이 X억원 줄어든다.",
    "손익계산서에는 기타비용 XXX억 원으로만 적힌다.",
    "지역구 공천권을 두고 경쟁했다.",
    "보증 한도는 업체당 2 000만원이다.",  # a comma lost in cleaning: no figure, no fragment
    "국채 선물은 7/32포인트 올랐다.",
    "이 제품은 4050세대에서 특히 많이 팔렸다.",
    "10대 청소년의 모바일 결제가 늘었다.",
    "개점 이후 1만 번째 손님을 맞았다.",
    "원/달러 환율은 보합(15:30 종가)으로 마감했다.",
    "그는 십대 시절부터 주식을 샀다.",
    "물류센터 천장이 무너졌다.",
    "제7-2회 무보증사채를 발행했다.",
    "시행규칙 제3-14조를 고쳤다.",
]


def _one(text: str, surface: str) -> krnum.Amount:
    found = [a for a in krnum.extract(text) if a.text == surface]
    assert len(found) == 1, (text, krnum.extract(text))
    a = found[0]
    assert text[a.start:a.end] == surface
    return a


@pytest.mark.parametrize(("text", "surface", "value", "currency"), ROWS + MONEY_MORE)
def test_money_and_numbers(text: str, surface: str, value: Decimal, currency: str | None) -> None:
    a = _one(text, surface)
    assert (a.value, a.low, a.high, a.currency) == (value, value, value, currency)
    approx = surface.startswith(("거의", "약")) or surface.endswith("선")
    assert a.approximate == approx
    assert krnum.parse(surface).value == value


@pytest.mark.parametrize(("text", "surface", "value", "unit"), PERCENTS + COUNTS)
def test_percents_and_counts(text: str, surface: str, value: Decimal, unit: str) -> None:
    a = _one(text, surface)
    assert (a.value, a.low, a.high, a.unit, a.currency) == (value, value, value, unit, None)


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "low_inc", "high_inc", "currency", "unit", "approx"),
    INTERVALS)
def test_bounds_ranges_and_bands(text: str, surface: str, low: Decimal | None,
                                 high: Decimal | None, low_inc: bool, high_inc: bool,
                                 currency: str | None, unit: str | None, approx: bool) -> None:
    a = _one(text, surface)
    assert (a.low, a.high, a.low_inclusive, a.high_inclusive) == (low, high, low_inc, high_inc)
    assert (a.currency, a.unit, a.approximate) == (currency, unit, approx)


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_amounts(text: str) -> None:
    assert krnum.extract(text) == []


def test_a_spoiled_run_is_a_parse_error_naming_where() -> None:
    with pytest.raises(krnum.ParseError) as e:
        krnum.parse("3천5000원")
    assert e.value.pos == 2


def test_movement_after_kkaji_is_the_level_reached() -> None:
    a = _one("주가가 9만원까지 올랐다.", "9만원")
    assert (a.low, a.high) == (D(90000), D(90000))


def test_a_change_is_two_amounts() -> None:
    found = krnum.extract("매출이 10억원에서 15억원으로 늘었다.")
    assert [(a.text, a.value) for a in found] == [("10억원", D(10**9)), ("15억원", D(15 * 10**8))]


def test_an_ascii_arrow_is_no_bound() -> None:
    # -> between two rates is a path from one to the next, not "more than"
    found = krnum.extract("마진 가정은 +12.5% -> +4.0%로 낮췄다.")
    assert [(a.text, a.low, a.high) for a in found] == [
        ("+12.5%", D("12.5"), D("12.5")), ("+4.0%", D(4), D(4))]
    a = _one("부채비율 > 150% 기업", "> 150%")
    assert (a.low, a.high, a.low_inclusive) == (D(150), None, False)


def test_a_score_out_of_full_marks_keeps_its_figures() -> None:
    found = krnum.extract("100점 만점에 87점을 얻었다.")
    assert [(a.text, a.value) for a in found] == [("100점", D(100)), ("87점", D(87))]


def test_hovering_about_a_rate_bounds_nothing() -> None:
    a = _one("예금 금리가 6%를 넘나드는 가운데", "6%")
    assert (a.low, a.high) == (D(6), D(6))
    a = _one("예금 금리가 6%를 넘는 가운데", "6%")
    assert (a.low, a.high, a.low_inclusive) == (D(6), None, False)


def test_the_big_few_are_counted_and_an_index_level_bands() -> None:
    a = _one("국내 4대 회계법인이 참여했다.", "4대")
    assert (a.value, a.unit) == (D(4), "대")
    a = _one("코스닥이 900대를 회복했다.", "900대")
    assert (a.value, a.low, a.high) == (None, D(900), D(1000))


def test_scale_words_as_headlines_capitalize_them() -> None:
    for text, surface, value in (("Firm Plans $250 Billion Buyback", "$250 Billion", 25 * 10**10),
                                 ("a $4.8 Million fine", "$4.8 Million", 48 * 10**5),
                                 ("raised US$1.2 Bn in bonds", "US$1.2 Bn", 12 * 10**8)):
        a = _one(text, surface)
        assert (a.value, a.currency) == (D(value), "USD")


def test_an_age_band_spans_its_decade() -> None:
    for text, surface in (("매장을 찾는 십대들이 늘었다.", "십대"), ("이용자 중 10대들이 많다.", "10대")):
        a = _one(text, surface)
        assert (a.value, a.low, a.high, a.approximate) == (None, D(10), D(20), True)
    a = _one("분양 물량은 2,400세대 규모다.", "2,400세대")
    assert (a.value, a.unit) == (D(2400), "세대")


def test_more_than_a_count_of_dae() -> None:
    a = _one("올해 전기버스 3천여대를 공급한다.", "3천여대")
    assert (a.value, a.low, a.high, a.approximate, a.unit) == (D(3000), D(3000), None, True, "대")


def test_figures_written_in_pairs_with_a_slash_are_both_read() -> None:
    found = krnum.extract("올해/내년 이익 증가율은 6%/9%, PER은 11.5배/10.2배다.")
    assert [a.text for a in found] == ["6%", "9%", "11.5배", "10.2배"]


def test_an_index_level_bands_even_far_into_a_headline() -> None:
    a = _one("코스피, 외국인 순매수와 반도체 강세에 힘입어 2,870대 회복", "2,870대")
    assert (a.value, a.low, a.high) == (None, D(2870), D(2880))
    a = _one("코스닥 지수가 오른 가운데 4대 은행은 약세였다.", "4대")
    assert (a.value, a.unit) == (D(4), "대")  # no index runs at 4

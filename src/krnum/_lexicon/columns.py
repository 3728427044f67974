"""Column header words of disclosure tables -> what their cells hold (data only).

A header is classed by the longest ending it has (``직원수`` ends in ``원수``, a count of
persons). Kinds: ``money`` takes the table's unit note; ``count``, ``rate`` and ``period``
cells are plain numbers; ``date`` cells are never figures; ``label`` columns hold words (the
row's name), and ``remark`` (비고) holds a note or ``-``. A header with no known ending is a
money column, as the unit note says: the note is the unit of every column not named otherwise.
"""

from __future__ import annotations

# ending -> (kind, unit of its cells); a count's unit is the one its header or the note
# writes (인원(명), (단위: 주)), never implied by the word

ENDINGS: dict[str, tuple[str, str | None]] = {
    # counts
    "원수": ("count", None), "인원": ("count", None), "인원수": ("count", None), "직원": ("count", None),
    "임원수": ("count", None), "명수": ("count", None), "주주수": ("count", None),
    "주식수": ("count", None), "주식": ("count", None), "주수": ("count", None), "수량": ("count", None),
    "회사수": ("count", None), "사수": ("count", None), "건수": ("count", None), "횟수": ("count", None),
    "개수": ("count", None), "점포수": ("count", None), "계좌수": ("count", None), "가구수": ("count", None),
    "세대수": ("count", None), "대수": ("count", None), "수": ("count", None),
    # rates
    "률": ("rate", None), "율": ("rate", None), "비율": ("rate", None), "비중": ("rate", None),
    "점유율": ("rate", None), "배수": ("rate", None),
    # periods
    "연수": ("period", None), "년수": ("period", None), "기간": ("period", None), "개월": ("period", None),
    "일수": ("period", None), "연령": ("period", None), "나이": ("period", None),
    # dates
    "일자": ("date", None), "연월일": ("date", None), "년월일": ("date", None), "일": ("date", None),
    "기한": ("date", None), "시기": ("date", None), "연도": ("date", None), "년도": ("date", None),
    # labels: their cells are the row's words
    "구분": ("label", None), "성별": ("label", None), "부문": ("label", None), "목적": ("label", None),
    "명": ("label", None), "처": ("label", None), "종류": ("label", None), "항목": ("label", None),
    "과목": ("label", None), "내용": ("label", None), "내역": ("label", None), "직위": ("label", None),
    "직책": ("label", None), "성명": ("label", None), "관계": ("label", None), "형태": ("label", None),
    "방법": ("label", None), "용도": ("label", None), "소재지": ("label", None), "지역": ("label", None),
    "품목": ("label", None), "업종": ("label", None), "법인": ("label", None), "사유": ("label", None),
    "비고": ("remark", None),
    # a period's column holds that period's figures: money under a money note (2024년, 제56기)
    "년": ("money", None), "기": ("money", None), "월": ("money", None),
    # money (the default; listed so that a header ending in them is whole)
    "액": ("money", None), "금": ("money", None), "급여": ("money", None), "보수": ("money", None),
    "이익": ("money", None), "손실": ("money", None), "손익": ("money", None), "매출": ("money", None),
    "비용": ("money", None), "원가": ("money", None), "가액": ("money", None), "채권": ("money", None),
    "채무": ("money", None), "자산": ("money", None), "부채": ("money", None), "자본": ("money", None),
    "가격": ("money", None), "단가": ("money", None), "수익": ("money", None), "상여": ("money", None),
}

# a header ending in these is money however it begins (수수료 is not a count, 수익률 is a rate)
MONEY_OVER_COUNT: tuple[str, ...] = ("수수료", "수익", "수입", "수주", "수출", "수당")

# words that continue the header before them (연간급여 총액, 1인평균 급여액)
TAILS: frozenset[str] = frozenset({"총액", "액", "합계"})

# the units a header may name in parentheses (인원(명), 수량(주)); other asides are its name
COUNTER_UNITS: frozenset[str] = frozenset({"명", "주", "건", "개", "개사", "회", "곳", "대", "척", "계좌"})

# a stray-spaced header is rejoined up to this many letters (평 균근속연수, 직 원 수)
MAX_HEADER = 8

# whole header words of the disclosure forms (사업보고서 직원 현황, 임원 보수, 타법인출자 현황,
# 수주상황, 최대주주 현황 …): where a stray space could be read two ways, the reading that
# gives more of these wins
WORDS: frozenset[str] = frozenset({
    "직원수", "인원수", "평균근속연수", "연간급여총액", "1인평균급여액", "1인당평균급여액", "비고",
    "출자회사수", "총출자금액", "기초장부가액", "기말장부가액", "장부가액", "취득원가", "평가손익",
    "수주총액", "기납품액", "수주잔고", "진행률", "미청구공사", "공사미수금", "계약일", "계약일자",
    "완성기한", "소유주식수", "주식수", "지분율", "보고서작성기준일", "취득일자", "출자목적",
    "매출액", "영업이익", "당기순이익", "자산총계", "부채총계", "자본총계", "증감률", "비율",
    "보수총액", "주총승인금액", "1인당평균보수액", "사업부문", "성별", "구분", "근속연수", "건수",
})

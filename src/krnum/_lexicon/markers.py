"""Words around a figure: hedges, bounds, ranges, magnitudes, signs, units, particles (data only)."""

from __future__ import annotations

# bound kinds: which side of the interval the word fixes, and whether it is inclusive
LOWER_INCL, LOWER_EXCL, UPPER_INCL, UPPER_EXCL = "[v,", "(v,", ",v]", ",v)"

HEDGES_BEFORE: tuple[str, ...] = ("약", "대략", "어림잡아", "어림", "대충", "거의")
BOUNDS_BEFORE: dict[str, str] = {
    "최대": UPPER_INCL, "최고": UPPER_INCL, "최소": LOWER_INCL, "최저": LOWER_INCL,
    "≥": LOWER_INCL, "≤": UPPER_INCL, ">": LOWER_EXCL, "<": UPPER_EXCL,
    "⩾": LOWER_INCL, "⩽": UPPER_INCL,
}
HEDGES_AFTER: tuple[str, ...] = (
    "가량", "정도", "쯤", "내외", "안팎", "남짓", "가까이", "가까운", "선",
)
# hedges after a figure that only money or a percent takes (5천 원 선; 2600선 is an index level)
HEDGES_AFTER_MONEY: frozenset[str] = frozenset({"선"})
BOUNDS_AFTER: dict[str, str] = {
    "이상": LOWER_INCL, "초과": LOWER_EXCL, "이하": UPPER_INCL, "미만": UPPER_EXCL,
    "넘는": LOWER_EXCL, "넘게": LOWER_EXCL, "넘어": LOWER_EXCL, "넘은": LOWER_EXCL,
    "넘으면": LOWER_EXCL, "넘었다": LOWER_EXCL, "넘긴": LOWER_EXCL,
}
# words after the figure that both hedge and bound it: (v, ∞), approximate
HEDGED_BOUNDS_AFTER: dict[str, str] = {"남짓": LOWER_EXCL}
# Bounds written after the figure's particle (1조원을 넘는, 100%를 밑도는): the span stops
# before the particle. Verb stems are prefixes of the inflected word (넘는, 넘어섰다, 넘긴).
BOUND_PARTICLES: tuple[str, ...] = ("을", "를", "이", "가", "은", "는", "도")
BOUND_VERBS: dict[str, str] = {
    "넘": LOWER_EXCL, "초과하": LOWER_EXCL, "초과한": LOWER_EXCL, "초과할": LOWER_EXCL,
    "초과해": LOWER_EXCL, "초과했": LOWER_EXCL, "웃돌": LOWER_EXCL, "웃도": LOWER_EXCL,
    "웃돈": LOWER_EXCL, "상회": LOWER_EXCL,
    "밑돌": UPPER_EXCL, "밑도": UPPER_EXCL, "밑돈": UPPER_EXCL, "하회": UPPER_EXCL,
}
# words that begin with a bound verb's stem but bound nothing (8%를 넘나드는: hovering at 8%)
NOT_BOUND_VERBS: tuple[str, ...] = ("넘나",)
# X보다 많은 / 적은: the comparative after 보다 (an optional 더 between)
COMPARE_PARTICLE = "보다"
COMPARE_INTENSIFIERS: tuple[str, ...] = ("더", "훨씬")
COMPARATIVES: dict[str, str] = {
    "많": LOWER_EXCL, "큰": LOWER_EXCL, "크": LOWER_EXCL, "높": LOWER_EXCL,
    "적": UPPER_EXCL, "작": UPPER_EXCL, "낮": UPPER_EXCL,
    # 크거나 같다: the figure itself included
    "많거나 같": LOWER_INCL, "크거나 같": LOWER_INCL, "높거나 같": LOWER_INCL,
    "적거나 같": UPPER_INCL, "작거나 같": UPPER_INCL, "낮거나 같": UPPER_INCL,
}
# X보다 크고 Y보다 작다: the first comparative of a pair ends in 고
COMPARE_AND = "고"
# X이거나 그보다 크다, X와 같거나 작은, X 또는 그보다 적게: the figure and beyond, included
COMPARE_OR_EQUAL: tuple[str, ...] = ("이거나 그보다", "거나 그보다", "과 같거나 그보다", "와 같거나 그보다",
                                     "과 같거나", "와 같거나", "또는 그보다", "혹은 그보다")
# X까지 states a limit (−∞, X], unless a verb of movement follows: then X is the level reached
LIMIT_PARTICLE = "까지"
MOVEMENT_VERBS: tuple[str, ...] = (
    "올", "오르", "오른", "상승", "뛰", "뛴", "치솟", "급등", "폭등", "떨어", "하락", "내려", "내린",
    "내렸", "급락", "폭락", "추락", "늘", "줄", "증가", "감소", "확대", "축소", "반등", "회복",
    "밀려", "밀린", "밀렸", "밀리", "낮아", "높아", "낮춰", "높여", "끌어올", "불어", "커졌", "커진", "떨어뜨",
    "인상", "인하", "상향", "하향", "끌어내", "치달", "후퇴", "올려", "올린", "올렸",
    "벌어", "좁혀", "좁아", "확대", "오를", "내릴", "떨어질", "상승할", "하락할", "늘어", "줄어",
)

# the infix of 1000여억원, 10만여명: (v, ∞), approximate
MORE_THAN_INFIX = "여"

# range connectors: symbols between two figures, and the words of 10억에서 20억원 사이
RANGE_SYMBOLS: tuple[str, ...] = ("~", "∼", "〜", "-", "–", "—")
RANGE_FROM, RANGE_BETWEEN = "에서", "사이"
RANGE_WORDS: tuple[str, ...] = ("내지",)
# X부터 Y까지, X에서 Y까지, X에서 Y 사이, X와 Y 사이, X에서 Y의: the word after the first
# figure and the words that may close the range after the second ("" = none of the span)
RANGE_OPENERS: dict[str, tuple[str, ...]] = {
    "에서": ("사이", "까지", "의"), "부터": ("까지",), "에서부터": ("까지",), "와": ("사이",),
    "과": ("사이",),
}
# words of a range that stand outside its span, as particles do (까지 closes X부터 Y까지
# inside it, as 사이 does)
RANGE_CLOSERS_OUTSIDE: frozenset[str] = frozenset({"의"})
# X 초과 Y 이하: a pair of bounds, one interval with each end's inclusivity
BOUND_PAIR_LOW: tuple[str, ...] = ("초과", "이상")
BOUND_PAIR_HIGH: tuple[str, ...] = ("이하", "미만")
# X 또는 그 이상: the figure or beyond it
OR_BEYOND: tuple[str, ...] = ("또는 그", "혹은 그", "또는", "혹은")

# X대: one step of X's last digit; 자릿수: n digits
MAGNITUDE_SUFFIX = "대"
DIGIT_COUNT_WORDS: tuple[str, ...] = ("자릿수", "자리수", "자리 수")

NEGATIVE_SIGNS: tuple[str, ...] = ("-", "−", "△")
# signs in parentheses, as statements write them: (-)1,234, (△)1,234
PAREN_SIGNS: tuple[str, ...] = ("(-)", "(△)", "(−)")
PLUS_SIGN = "+"
NEGATIVE_WORDS: tuple[str, ...] = ("마이너스", "마이나스")
CHEQUE_PREFIXES: tuple[str, ...] = ("一金", "일금", "金", "금")
CHEQUE_SUFFIXES: tuple[str, ...] = ("整", "정")
FRACTION_WORD = "분의"

# labels analysts glue after a percent (-3.2%YoY): outside the span, they change nothing
PERCENT_LABELS: tuple[str, ...] = (
    "YoY", "QoQ", "MoM", "yoy", "qoq", "mom", "YOY", "QOQ", "MOM", "y/y", "q/q", "m/m", "Y/Y",
    "Q/Q", "y-o-y", "q-o-q", "YTD", "ytd",
)
# percent-like units: surface -> unit
PERCENT_UNITS: dict[str, str] = {
    "%포인트": "%p", "% 포인트": "%p", "퍼센트 포인트": "%p", "%p": "%p", "%P": "%p", "％p": "%p", "퍼센트포인트": "%p", "%pt": "%p",
    "%": "%", "퍼센트": "%",
    "bp": "bp", "bps": "bp", "BP": "bp", "베이시스포인트": "bp", "베이시스 포인트": "bp",
    "프로": "%", "퍼센티지": "%",  # colloquial (20프로); never the start of 프로그램: see the scanner's guard
    # analyst shorthand
    "pct": "%", "pc": "%", "ppt": "%p", "pp": "%p",
}

# counters that make a figure a `number` (120만주, 3배, 4척); the unit is the word as written
COUNTERS: tuple[str, ...] = (
    "포인트", "개사", "개국", "가구", "세대", "배럴", "명", "주", "건", "개", "곳",
    "톤", "배", "척", "채", "대", "마리", "장", "권", "계좌", "가지", "종목", "점포", "개소",
    "계약", "회", "번", "차례", "점", "족", "갑", "경기", "조각", "종", "품목", "개월분",
)
# counters a one-syllable native numeral may touch without a space (두배; but 세대 is a word)
NATIVE_UNSPACED_OK: frozenset[str] = frozenset({"배", "자릿수", "자리수", "차례"})
# line endings that mark prose, which ends a table
SENTENCE_ENDS: tuple[str, ...] = ("다.", "다", ".", "。", "?", "!")
# counters that a native numeral may carry (두 배, 열한 곳, 서른다섯 명)
NATIVE_COUNTERS: tuple[str, ...] = (
    "명", "곳", "개", "배", "척", "채", "건", "가지", "마리", "대", "가구", "개사", "차례",
    "종목", "계좌", "자릿수", "자리 수", "자리수", "장", "잔", "권", "병", "벌", "그루",
    "번", "회", "점", "족", "갑", "경기", "조각", "종",
)
# unit words after which a lone sino digit is a figure (일 퍼센트), where a bare 이 or 사
# before a currency word would more often be a word of its own (이 달러 강세)
LONE_DIGIT_UNITS: frozenset[str] = frozenset({"%", "%p", "bp"})
# words that follow a counter-looking syllable and make it something else (5개월, 3주년)
NOT_COUNTER_AFTER: dict[str, tuple[str, ...]] = {
    "주": ("년", "간", "차", "기", "택", "일", "말", "당", "최고", "최저", "신고", "신저", "연속", "만에"),
    "개": ("월", "국", "사", "소", "년"),
    # a ratio (452대 1), or 대 that begins a word (대규모, 대비, 대화): not three of anything
    "대": ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "규모", "비", "출", "형", "화", "응",
          "결", "표", "학", "책", "체", "신", "부", "금", "상", "한", "기", "회", "량"),
    "배": ("당",),
    "회": ("선",),
    # 계약기간, 계약금액, 계약상대방: the word, not a count of contracts (선물 1만 계약)
    "계약": ("기간", "금액", "상대", "일", "체결", "내용", "조건", "명", "서", "해지", "규모"),
}

# what after 대 makes it the start of a word, not a band (1조원대비)
NOT_BAND_AFTER: tuple[str, ...] = NOT_COUNTER_AFTER["대"][10:]
# words after "30대" that make it an age band, never an amount
AGE_BAND_NOUNS: tuple[str, ...] = (
    "남성", "여성", "남자", "여자", "직장인", "청년", "청소년", "고객", "투자자", "가구주", "초반",
    "중반", "후반", "연령", "세대", "층", "시절", "이상", "이하", "미만",
)
# 2030세대, 4050세대: two decades of age written together name a generation, not households
# (1세대 stays a count: 1세대 1주택 is one household, though 1세대 기업 is a first generation)
GENERATION_COUNTER = "세대"
# magnitude-word contexts: an index name before "2600대" makes it a level band, not a count
INDEX_NAMES: tuple[str, ...] = (
    "코스피", "코스닥", "지수", "다우", "나스닥", "S&P", "닛케이", "니케이", "항셍", "상하이종합",
)

# 제165조 is an article, not 165 trillion: a digit right after it starts no figure
ORDINAL_PREFIX = "제"
# after a figure, a position: 1만 번째 고객 is the 10,000th, not 10,000 customers
ORDINAL_SUFFIX = "번째"
# what may follow a one-syllable currency word (원, 엔, 불) directly: particles, markers and
# endings; anything else makes it part of another word (3원칙, 5원소)
AFTER_SHORT_UNIT: tuple[str, ...] = tuple(
    # particles (조사)
    "이 가 을 를 은 는 의 에 에서 에게 께 한테 으로 로 와 과 도 만 까지 부터 마다 조차 마저 뿐 "  # noqa: SIM905
    "밖에 처럼 만큼 보다 이나 나 이든 든 이며 며 이고 고 이랑 랑 하고 이야 야 이요 요 이라 라 이란 "
    # the copula, as reports end a line (목표가는 5만원입니다, 3.2조원임)
    "입니다 입니까 임 이므로 이니 이라는 이어서 이어 다 였다 였 에요 예요 "
    "란 이면 면 이지만 인데 인 이다 이었 였 으로서 으로써 씩 이라도 라도 이나마 에도 에는 을까 "
    # suffixes and the words of a hedge, bound, magnitude or cheque
    "어치 짜리 꼴 당 권 선 대 정 整 쯤 가량 정도 남짓 안팎 내외 이상 이하 초과 미만 넘 가까 수준 "
    "규모 상당 여 화".split()
)
# words spelled only with numeral letters, or with a counter glued on (구조 개편, 손실 만회,
# 이천시, 직원 만족도, 100점 만점): no Hangul numeral unless a currency follows (이천 원, 일조 원)
NUMERAL_SPELLED_WORDS: frozenset[str] = frozenset(
    {"구조", "만회", "만족", "만점", "이천", "일조", "사조", "오십견", "천장"})
# direction marks: outside a span, never a sign (45%↑, ▲0.8%)
ARROWS: str = "↑↓▲▼▽"

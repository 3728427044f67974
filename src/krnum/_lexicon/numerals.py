"""Numeral characters and words -> digit values (data only)."""

from __future__ import annotations

# sino-Korean, hanja and formal (cheque) digits
SINO_DIGITS: dict[str, int] = {
    **dict.fromkeys("영공빵", 0), "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5,
    "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9,
    **dict.fromkeys("〇零", 0), "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    **dict.fromkeys("壹壱弌", 1), **dict.fromkeys("貳貮弐弍", 2), **dict.fromkeys("參参叁弎", 3),
    "肆": 4, "伍": 5, "陸": 6, **dict.fromkeys("柒漆", 7), "捌": 8, "玖": 9,
}

# decimal point spoken as a syllable (영점오, 일쩜이삼)
POINT_WORDS: frozenset[str] = frozenset({"점", "쩜"})

# native Korean numerals: tens and ones; ones have attributive forms before a counter
NATIVE_TENS: dict[str, int] = {
    "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
    "예순": 60, "일흔": 70, "여든": 80, "아흔": 90,
}
NATIVE_ONES: dict[str, int] = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4, "넉": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}
# two neighbouring native numerals name a range: 두세 배 = 2..3 times, 서너 명 = 3..4 people
NATIVE_PAIRS: dict[str, tuple[int, int]] = {
    "한두": (1, 2), "두세": (2, 3), "두어": (2, 3), "서너": (3, 4), "너덧": (4, 5), "네댓": (4, 5),
    "대여섯": (5, 6), "예닐곱": (6, 7), "일고여덟": (7, 8), "여덟아홉": (8, 9),
}
# 스무 stands alone before a counter; it takes no ones (스물한, not 스무한)
NATIVE_TENS_ALONE: frozenset[str] = frozenset({"스무"})

# magnitude prefixes: 수십억 = [10억, 100억), 십수억 = [11억, 20억), 몇십억 as 수십억
SEVERAL: frozenset[str] = frozenset({"수", "몇"})
TEEN_SEVERAL = "십수"

"""Place-value and scale words -> powers of ten (data only)."""

from __future__ import annotations

# inside a myriad group
IN_GROUP: dict[str, int] = {
    "십": 1, "백": 2, "천": 3,
    "十": 1, "百": 2, "千": 3, "拾": 1, "佰": 2, "仟": 3, "阡": 3, "陌": 2,
}

# myriad units: each starts a new group of four digits
MYRIAD: dict[str, int] = {
    "만": 4, "억": 8, "조": 12, "경": 16,
    "萬": 4, "万": 4, "億": 8, "亿": 8, "兆": 12, "京": 16,
}

# words that begin with a myriad or place letter: after a figure they are a word (4경기 is
# four games, 100 조선 …), never the figure's unit; a word that begins with a unit (조달러
# is 조 + 달러) must not be listed
NUMERAL_LETTER_WORDS: tuple[str, ...] = (
    "경기", "경제", "경쟁", "경우", "경영", "경찰", "경험", "경매", "경보", "경선", "경고", "경로",
    "경력", "경비", "경사", "경상", "경유", "경주", "경품",
    "조각", "조건", "조사", "조정", "조치", "조합", "조직", "조성", "조회", "조업", "조기",
    "조금", "조세", "조선", "조약", "조례", "조항", "조문", "조작", "조언", "조율", "조제",
    "조화", "조류", "조식",
    "만큼", "만약", "만기", "만료", "만족", "만화", "만남", "만찬",
    "억제", "억지", "억압",
    "천국", "천연", "천재", "천안", "천막",
    "백신", "백화", "백서", "백지", "백두", "백업", "백악",
    "십자",
)

# myriad words that never stand for "one" on their own in running text (조원들, 경 원)
NO_BARE: frozenset[str] = frozenset("조경兆京")
# a 수- magnitude stands alone in running text only from this power up (수십억, not 수십)
SEVERAL_ALONE_FROM = 8

# English scale words of translated and analyst text (US$3.5 million, €870m, 1.2bn)
_SCALE_WORDS: dict[str, int] = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
# the words as headlines write them too ($100 Billion, $3.2 MILLION), and the abbreviations
# as wires capitalize them (US$2.5 Bn); not MN or TN, which name other things
ENGLISH_SCALE: dict[str, int] = {
    **{spelled: p for w, p in _SCALE_WORDS.items() for spelled in (w, w.title(), w.upper())},
    "mn": 6, "mln": 6, "mil": 6, "Mn": 6, "Mln": 6,
    "bn": 9, "bln": 9, "Bn": 9, "BN": 9, "Bln": 9,
    "tn": 12, "trn": 12,
    "k": 3, "K": 3, "m": 6, "M": 6, "MM": 6, "b": 9, "B": 9, "T": 12,
}

# one-letter scales stand for a magnitude only beside a currency ($2.5B, 유로 45.2m); the
# words (mn, bn, million) are scales on their own
SCALE_NEEDS_CURRENCY: frozenset[str] = frozenset({"k", "K", "m", "M", "MM", "b", "B", "T"})

# place-value words a table unit header may carry before its currency: (단위: 백만원)
HEADER_SCALE: dict[str, int] = {
    "": 0, "십": 1, "백": 2, "천": 3, "만": 4, "십만": 5, "백만": 6, "천만": 7,
    "억": 8, "십억": 9, "백억": 10, "천억": 11, "조": 12,
}

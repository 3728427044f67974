"""The fast paths of the scanner give what the plain ones they stand for give.

Each shortcut of the hot path (the anchor scan's leading class, the cache of readings, the
internal Amount constructor) is checked against the straightforward form it replaces, on
generated text built from the characters and words figures are made of.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from krnum import _scan

PIECES = (
    "0", "1", "7", "12", "3,400", "2.5", ".5", "억", "만", "천", "백", "십", "조", "경", "일", "이",
    "삼", "사", "오", "구", "수", "십수", "몇", "다섯", "스무", "두", "한", "열", "세", "마이너스",
    "-", "△", "(-)", "+", "$", "US$", "€", "₩", "USD", "KRW", "EUR", "金", "一金", "금", "일금",
    "원", "달러", "유로", "%", "%p", "bp", "배", "명", "대", "개", "주", "분의", "~", "∼", "에서",
    " 내지 ", "부터", "m", "bn", "조원", "억원", "억 달러", "회사", "했다", "이다", "A", "NOK",
    " ", " ", " ", "  ", ".", ",", "(", ")", "\n", "가", "는", "을", "x", "_", "/",
)

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _plain_starts(text: str) -> list[int]:
    return [m.start() for m in _scan._plain_re(_scan.anchor_alternatives()).finditer(text)]


def _fast_starts(text: str) -> list[int]:
    """What extract() takes from anchors(): a start not inside the previous anchor's cover."""
    out, skip = [], 0
    for a in _scan.anchors().finditer(text):
        if a.start() >= skip:
            out.append(a.start())
            skip = max(a.end(1), a.start() + 1)
    return out


@given(texts)
def test_anchor_scan_finds_the_starts_its_alternatives_find(text: str) -> None:
    assert _fast_starts(text) == _plain_starts(text)


def test_anchor_scan_on_hand_picked_text() -> None:
    text = "회사는 약 1억 2000만 달러를, 적자마이너스 3억원과 金 壹億원整, 다섯 명, 수십억 원을 썼다"
    assert _fast_starts(text) == _plain_starts(text)
    assert len(_plain_starts(text)) >= 5

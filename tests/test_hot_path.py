"""The fast paths of the scanner give what the plain ones they stand for give.

Each shortcut of the hot path (the anchor scan's leading class, the cache of readings, the
internal Amount constructor) is checked against the straightforward form it replaces, on
generated text built from the characters and words figures are made of.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import pickle
import re
import sys
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import krnum
from krnum import Amount, _numeral, _parse, _scan, _semantics
from krnum._amount import _by_digits, build, canonical, moved

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


decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: abs(d.adjusted()) < 80)


@given(decimals)
def test_canonical_is_the_digit_tuple_rebuild(d: Decimal) -> None:
    assert str(canonical(d)) == str(_by_digits(d) if d else Decimal(0))
    assert canonical(d) == d


@given(st.lists(decimals, min_size=1, max_size=3), st.booleans(), st.booleans(),
       st.sampled_from([None, "KRW", "USD"]), st.sampled_from([None, "%", "명"]), st.booleans())
def test_build_gives_what_the_constructor_gives(values: list[Decimal], li: bool, hi: bool,
                                                cur: str | None, unit: str | None,
                                                approx: bool) -> None:
    values.sort()
    low, high = values[0], values[-1]
    value = values[len(values) // 2] if len(values) != 2 else None
    args = ("3억원", 4, 7, value, low, high, li, hi, cur, unit, approx)
    public = Amount(*args)
    fast = build(*args)
    assert fast == public
    assert type(fast) is Amount and hash(fast) == hash(public)
    assert fast.to_dict() == public.to_dict()
    assert pickle.loads(pickle.dumps(fast)) == public and copy.copy(fast) == public
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.value = None  # type: ignore[misc]
    assert moved(fast, "4억원", 10) == Amount("4억원", 10, 13, *args[3:])


@given(decimals, decimals)
def test_build_refuses_what_the_constructor_refuses(low: Decimal, high: Decimal) -> None:
    if low <= high:
        return
    with pytest.raises(ValueError, match="interval is empty"):
        Amount("x", 0, 1, None, low, high)
    with pytest.raises(ValueError, match="interval is empty"):
        build("x", 0, 1, None, low, high)


NUMERAL_LETTERS = "0123456789,. 여점일이삼사오육칠팔구영십백천만억조경壹二百萬億兆万"


@given(st.one_of(
    st.text(alphabet=NUMERAL_LETTERS, max_size=14),
    st.integers(min_value=0, max_value=10**20 - 1).map(
        lambda v: krnum.format_korean(v, style="mixed")),
    st.integers(min_value=0, max_value=10**20 - 1).map(
        lambda v: krnum.format_korean(v, style="hangul")),
    st.integers(min_value=0, max_value=10**20 - 1).map(
        lambda v: krnum.format_korean(v, style="myriad")),
))
def test_quick_numeral_reader_agrees_with_the_reader(s: str) -> None:
    quick = _numeral._quick(s)
    try:
        slow = _numeral._Reader(s).run()
    except _numeral.NumeralError:
        assert quick is None
        return
    if quick is not None:
        assert quick == slow  # value numerically, and every flag


def test_quick_numeral_reader_takes_the_common_forms() -> None:
    for s, value in (("칠백육십만이천삼백육십팔", 7602368), ("1억2000만", 120000000),
                     ("3,400억", 340000000000), ("억", 100000000), ("5천만", 50000000)):
        quick = _numeral._quick(s)
        assert quick is not None and quick.value == value, s
    assert _numeral._quick("1억 2000만") == _numeral._Reader("1억 2000만").run()
    assert _numeral._quick("1억 2,000만 500") == _numeral._Reader("1억 2,000만 500").run()
    for s in ("4.4만", " 1억", "56,700 백만", "2000여억", "삼백십점일"):
        assert _numeral._quick(s) is None, s  # _Reader's


HANGUL_NUMERAL_LETTERS = " 일이삼사오육륙칠팔구영공십백천만억조경"


def _spaced(s: str, where: list[bool]) -> str:
    return "".join(c + (" " if gap else "") for c, gap in zip(s, where + [False] * len(s)))


@given(st.one_of(
    st.text(alphabet=HANGUL_NUMERAL_LETTERS, max_size=16),
    st.builds(lambda v, gaps: _spaced(krnum.format_korean(v, style="hangul"), gaps),
              st.integers(min_value=1, max_value=10**20 - 1), st.lists(st.booleans())),
))
def test_group_table_reader_agrees_with_the_reader(s: str) -> None:
    table = _numeral._hangul(s)
    if table is None:
        return
    assert table == _numeral._Reader(s).run()  # value numerically, and every flag


@given(st.integers(min_value=1, max_value=10**20 - 1), st.lists(st.booleans()))
def test_group_table_reader_takes_every_written_hangul_numeral(v: int, gaps: list[bool]) -> None:
    s = krnum.format_korean(v, style="hangul")
    dropped = s[1:] if s[:1] == "일" and s[1:2] and s[1] in "십백천만억조경" else s  # 일천 as 천
    for written in (s, _spaced(s, gaps), dropped):
        table = _numeral._hangul(written)
        assert table is not None and table == _numeral._Reader(written).run(), written


def test_group_table_reader_leaves_the_rest_to_the_others() -> None:
    for s in ("", "억만", "만억", "삼삼", "천천", "백천", "이만만", "륙십", "영", "이 천", "1억", "萬"):
        if s == "이 천":
            assert _numeral._hangul(s) == _numeral._Reader(s).run()
            continue
        assert _numeral._hangul(s) is None, s
    assert len(_numeral._group_table()) == 11 ** 3 * 10 - 1  # 천, 백, 십 each absent, alone
    # or after one of nine digits; the units absent or one of nine; not all absent


@given(st.one_of(
    st.text(alphabet="0123456789,. 일이삼천백십만억조여萬", max_size=12),
    st.builds(lambda whole, frac, word, more: f"{whole}.{frac}{word}{more}",
              st.integers(0, 10**6), st.integers(0, 999), st.sampled_from("만억조경萬"),
              st.sampled_from(["", "여"])),
    st.integers(min_value=1, max_value=10**16).map(
        lambda v: krnum.format_korean(v, style="mixed") + "여"),
))
def test_less_common_forms_read_as_the_reader_reads_them(s: str) -> None:
    fast = _numeral._less_common(s)
    if fast is None:
        return
    assert fast == _numeral._Reader(s).run()  # value numerically, and every flag


def test_less_common_forms_are_taken() -> None:
    for s, value, more in (("257.8만", 2578000, False), ("0.5조", 500000000000, False),
                           ("1,234.5억", 123450000000, False), ("250여", 250, True),
                           ("8조여", 8000000000000, True), ("삼천여", 3000, True),
                           ("2.5조여", 2500000000000, True)):
        n = _numeral._less_common(s)
        assert n is not None and (n.value, n.more) == (value, more), s
    for s in ("0천여", "여", "2000여억", "2.5 조", "1.2.3만", "21.6백만"):
        assert _numeral._less_common(s) is None, s  # _Reader's, to accept or refuse


BARE_LETTERS = "0123456789,. 여점일이삼사오육칠팔구십백천만억조경壹萬"


def _both_paths(text: str) -> tuple[object, object] | None:
    """(lone-numeral reading, full-grammar reading) of ``text``, or None if it is no lone
    numeral; a ParseError is compared by where and what it expected."""
    if not text.strip() or not _scan.bare_numeral().fullmatch(text):
        return None
    fast = _parse._bare(text, text, 0, len(text))
    try:
        full: object = _parse._grammar(text, text, 0, len(text))
    except krnum.ParseError as e:
        full = ("error", e.pos, e.expected)
    return fast, full


@given(st.one_of(
    st.text(alphabet=BARE_LETTERS, min_size=1, max_size=16),
    st.builds(lambda v, style: krnum.format_korean(v, style=style),
              st.integers(min_value=0, max_value=10**20 - 1),
              st.sampled_from(["myriad", "mixed", "hangul", "spaced", "comma"])),
    st.decimals(min_value=0, max_value=10**12, places=3).map(lambda d: f"{d:,}"),
))
def test_lone_numeral_reading_is_the_full_grammar_reading(text: str) -> None:
    both = _both_paths(text)
    if both is None:
        return
    fast, full = both
    if fast is None:
        assert isinstance(full, tuple)  # only a malformed numeral is left to the grammar
    else:
        assert fast == full


HEADER_PIECES = ("(", "[", "（", "［", " ", "  ", "단위", ":", "：", ";", "억원", "백만원", "%",
                 ",", "주", ")", "]", "）", "\n", "가", "1,234", "단", "위")


@given(st.lists(st.sampled_from(HEADER_PIECES), max_size=30).map("".join))
def test_unit_headers_are_what_finditer_finds(text: str) -> None:
    fast = [(h.span(), h.group("unit"), h.group("more")) for h in _scan.unit_headers(text)]
    plain = [(h.span(), h.group("unit"), h.group("more"))
             for h in _scan.unit_header().finditer(text)]
    assert fast == plain


UNIT_PIECES = ("삼천", "오백", "일억", "이천만", "십", "천 ", "약 ", "최대 ", "최소", " 이상", " 이하", "가량", " 또는 그 이상", "을 넘는", "보다 큰",
               "까지", "YoY", " 내외", "선", "-", "+", "△", "(-)", "마이너스 ", "$", "US$", "€", "₩", "USD ", "EUR", "3", "12", "1,234", "5.5", "0", "2000", "억", "만", "천", "조", " ", "원", "달러",
               " 달러", "엔", "%", "%p", "퍼센트", "bp", "배", "주", "명", "대", "개", "건",
               "자릿수", "여", "USD", "KRW", "을", "의", "A", "x", "은", ".", ",", "\n", "회사")


def _general(m: object, text: str, strict: bool) -> object:
    try:
        return _semantics._interpret(
            _semantics._Groups(m, m.groups(), _semantics._layout(m.re)),  # type: ignore[attr-defined]
            text, strict)
    except _semantics.Reject as r:
        return ("reject", r.pos, r.expected, r.cut)
    except (ArithmeticError, ValueError) as e:
        return ("error", type(e))


def _unit_path(m: object, text: str, strict: bool) -> object:
    """interpret() by the unit-figure path, or None where that path does not apply."""
    values = m.groups()  # type: ignore[attr-defined]
    layout = _semantics._layout(m.re)  # type: ignore[attr-defined]
    if _semantics._unit_figure(values, layout, strict) is None:
        return None
    try:
        return _semantics.interpret(m, text, strict)
    except _semantics.Reject as r:
        return ("reject", r.pos, r.expected, r.cut)


@given(st.lists(st.sampled_from(UNIT_PIECES), max_size=20).map("".join))
@example("가 USD3A 의")  # a code and digits that a letter follows: a ticker, not money
def test_unit_figure_reading_is_the_general_reading(text: str) -> None:
    for strict, starts in ((True, range(len(text))), (False, [0])):
        pattern = _scan.strict() if strict else _scan.loose()
        for p in starts:
            m = pattern.match(text, p) if strict else pattern.fullmatch(text)
            if m is None:
                continue
            fast = _unit_path(m, text, strict)
            if fast is not None:
                assert fast == _general(m, text, strict)


def test_unit_figure_takes_the_common_shapes() -> None:
    for text in ("320억원", "3.5%", "120주", "1,234 달러", "2000여만원", "-2.1%", "$300", "USD 5",
                 "약 3억원", "최대 5% 이상", "1조원을 넘는", "-3.2%YoY"):
        m = _scan.strict().match(text)
        assert m is not None
        fast = _unit_path(m, text, True)
        assert fast is not None and fast == _general(m, text, True), text


GUARD_PIECES = (*UNIT_PIECES, "분의", "분의 ", "사분의삼", "~", " ~ ", "-", " - ", "에서 ", "부터 ",
                "까지", " 내지 ", "과 ", " 사이", "보다 ", " 이상 ", " 미만", "≥", "<", "(-)", "(△)",
                "마이너스", "디나르", "실링", "bn", "m", "수십", "열", "스물", "명", "센트", "전",
                "  ", "1억", "3,400억", "2.5조", "金 ", "원정")


@functools.cache
def _unguarded(strict: bool) -> re.Pattern[str]:
    return re.compile(_scan._unique_names(_scan._expression(strict, guarded=False)))


@given(st.lists(st.sampled_from(GUARD_PIECES), max_size=16).map("".join))
def test_look_aheads_only_fail_early_what_cannot_match(text: str) -> None:
    for strict, guarded in ((True, _scan.strict()), (False, _scan.loose())):
        plain = _unguarded(strict)
        for p in range(len(text)):
            a, b = guarded.match(text, p), plain.match(text, p)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (strict, p)


PRICE_PIECES = ("$", "US$", "€", "₩", "¥", "£", "USD", "KRW", "EUR", "JPY", "ABC", "X", " ",
                "3", "12", "1,234", "4,883.40", ".5", "0", "1,23", "원", "달러", "엔", "유로",
                "억", "만", "%", "배", "-", "~", "을", "a", "/", "화", "정")


@given(st.lists(st.sampled_from(PRICE_PIECES), min_size=1, max_size=6).map("".join))
def test_price_reading_is_the_full_grammar_reading(text: str) -> None:
    text = text.strip()
    if not text or _scan.priced().fullmatch(text) is None:
        return
    assert text[-1] in _scan.PRICE_ENDS  # parse() tries priced() only after these
    fast = _parse._priced(text, text, 0, len(text))
    assert fast == _parse._grammar(text, text, 0, len(text))  # a ParseError here fails too


def test_price_reading_takes_the_common_prices() -> None:
    for text, code in (("$869,954", "USD"), ("USD 4,883.40", "USD"), ("6,237,658원", "KRW"),
                       ("€9,096.96", "EUR"), ("3,000 달러", "USD"), ("5 USD", "USD")):
        fast = _parse._priced(text, text, 0, len(text))
        assert fast is not None and fast.currency == code, text
        assert text[-1] in _scan.PRICE_ENDS


def test_parse_trims_what_isspace_calls_whitespace() -> None:
    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(_parse._SPACES) == every
    for space in every:
        a = krnum.parse(f"{space}↑3억원{space}")
        assert (a.start, a.end, a.text) == (2, 5, "3억원")


@given(st.text(alphabet=_scan.NUMERAL_LETTERS, min_size=1, max_size=_scan.NUMERAL_LETTERS_MAX))
def test_a_run_of_numeral_letters_is_a_lone_numeral(s: str) -> None:
    # parse() takes such a run for bare_numeral()'s without running it
    assert _scan.bare_numeral().fullmatch(s) is not None


def test_a_longer_run_of_numeral_letters_is_left_to_the_pattern() -> None:
    s = "일" * (_scan.NUMERAL_LETTERS_MAX + 1)
    assert _scan.bare_numeral().fullmatch(s) is None
    with pytest.raises(krnum.ParseError):
        krnum.parse(s)


@given(st.sampled_from(("", "-", "△", "+", "(-)")),
       st.lists(st.sampled_from(("0", "7", "12", ",", ".", "2000")), min_size=1, max_size=40)
       .map("".join),
       st.sampled_from(("", " ", "년", " 이다", "가", "A", "\n", "번째")))
def test_a_bare_digit_run_is_refused_as_the_general_reading_refuses_it(
        sign: str, digits: str, after: str) -> None:
    text = f"{sign}{digits}{after}"
    for p in range(len(text)):
        m = _scan.strict().match(text, p)
        if m is None:
            continue
        reading = _semantics._unit_figure(m.groups(), _semantics._layout(m.re), True)
        if reading is not None and reading[0] is _semantics._NOT_READ:
            assert _unit_path(m, text, True) == _general(m, text, True)
            assert _general(m, text, True)[:3] == ("reject", m.start(),
                                                   "a unit, currency or myriad word")


@given(st.lists(st.sampled_from(("|", "│", "\t", " ", "  ", "매출액", "1,234", "b c", "-", "\r", "")),
                max_size=14).map("".join), st.integers(0, 99))
def test_pipe_cells_split_as_the_cell_pattern_finds_them(line: str, offset: int) -> None:
    from krnum import _read
    from krnum._tables import Cell

    plain = [Cell(m.group(1), offset + m.start(1)) for m in _read._PIPE_CELL.finditer(line)]
    if plain and not plain[0].text and line.lstrip().startswith(("|", "│")):
        plain = plain[1:]
    fast = _read._pipe_cells(line, offset)
    assert fast == plain
    assert all(type(c) is Cell for c in fast)

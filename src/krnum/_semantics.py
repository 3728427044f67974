"""Meaning of a matched expression: value, interval, flags, currency and unit.

Input is a match of krnum._scan's grammar; output is an Amount or a Reject that says where
and why the match does not hold together. ``strict`` is the running-text mode of extract():
there a figure must be something a reader would call an amount, not merely a digit run.
"""

from __future__ import annotations

import operator
from decimal import Decimal
from typing import Any, NamedTuple

from . import _numeral as num
from ._amount import Amount, build, written
from ._lexicon import currency, markers, numerals, scales
from ._numeral import EXACT, NumeralError
from ._numeral import digits as num_digits
from ._numeral import read_words as num_read_words
from ._scan import DIGIT_RUN, INDEX_NAME, aliases

_WORDS = currency.CURRENCY_WORDS
_SYMBOLS = currency.CURRENCY_SYMBOLS
_ISO = currency.ISO_CODES
_SUBUNIT = {w: Decimal(v) for w, v in currency.SUBUNITS.items()}
_PCT = markers.PERCENT_UNITS
_SCALE = scales.ENGLISH_SCALE
_MYRIAD = scales.MYRIAD
_PLACE = scales.IN_GROUP
_LOWER = (markers.LOWER_INCL, markers.LOWER_EXCL)
_BOUND_WORDS = {**markers.BOUNDS_BEFORE, **markers.BOUNDS_AFTER}
_HEDGED_BOUNDS = markers.HEDGED_BOUNDS_AFTER
_HEDGES = frozenset(markers.HEDGES_BEFORE) | frozenset(markers.HEDGES_AFTER)
_DIGIT_COUNT = frozenset(w.replace(" ", "") for w in markers.DIGIT_COUNT_WORDS)
_NO_BARE_START = scales.NO_BARE
_SPACE_OK_NATIVE = markers.NATIVE_UNSPACED_OK
_POINT = numerals.POINT_WORDS
_DAE = markers.MAGNITUDE_SUFFIX
_TEN = Decimal(10)
_NEGATIVE_WORDS = markers.NEGATIVE_WORDS
_ZERO_LETTERS = "".join(c for c, v in numerals.SINO_DIGITS.items() if v == 0)
_PLACE_OR_MYRIAD = frozenset((*scales.IN_GROUP, *scales.MYRIAD))
_UNIT_LETTERS = " " + "".join(scales.IN_GROUP) + "".join(scales.MYRIAD)  # for str.strip
_LABEL_OPENERS = ("(", "[", "（", "［", ":", "：", "단위")
_PLUS = markers.PLUS_SIGN
_SCALE_NEEDS_CURRENCY = scales.SCALE_NEEDS_CURRENCY
_MONEY_HEDGES = markers.HEDGES_AFTER_MONEY
_PERCENTS = frozenset(markers.PERCENT_UNITS.values())
_BOUND_VERBS = markers.BOUND_VERBS
_COMPARATIVES = markers.COMPARATIVES
_OPENERS = markers.RANGE_OPENERS
_INCLUDED = {markers.LOWER_EXCL: markers.LOWER_INCL, markers.UPPER_EXCL: markers.UPPER_INCL,
             markers.LOWER_INCL: markers.LOWER_INCL, markers.UPPER_INCL: markers.UPPER_INCL}
_BOUND_KINDS = {k: k for k in (markers.LOWER_INCL, markers.LOWER_EXCL, markers.UPPER_INCL,
                               markers.UPPER_EXCL)}


class Reject(Exception):
    """The match does not hold together at ``pos`` (absolute, in the text).

    ``cut`` is where the match may end instead (at a space between two figures, 1억 2억원);
    without one, nothing of the match is a figure.
    """

    def __init__(self, pos: int, expected: str, cut: int | None = None) -> None:
        super().__init__(pos, expected)
        self.pos = pos
        self.expected = expected
        self.cut = cut


class Figure(NamedTuple):
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool
    high_inclusive: bool
    currency: str | None
    unit: str | None
    approximate: bool
    lead: int  # power applied to the first figure written; ranges lend it to a bare left end
    myriad: int  # power of the first myriad or scale word, 0 if none
    has_units: bool  # any place, myriad or scale word
    point: bool  # a single figure (not an interval)


class _Side(NamedTuple):
    """The groups of one figure (side ``k`` of a range), read by attribute."""

    k: int
    sign: str | None
    pcur: str | None
    chq: str | None
    num: str | None
    scale: str | None
    cur: str | None
    sub: str | None
    subw: str | None
    pct: str | None
    subonly: str | None
    cnt: str | None
    ncnt: str | None
    dae: str | None
    chqend: str | None
    mag: str | None
    den: str | None
    numer: str | None
    nat: str | None


_SIDE_FIELDS = _Side._fields[1:]


class _Groups:
    """A match whose groups are read once as a tuple: one cheap C call instead of dozens.

    A name may stand for several groups (``_scan.aliases``): it reads as the one that matched,
    and ``captures`` lists what each of them matched, in order.
    """

    __slots__ = ("_layout", "_m", "_values", "closer", "marked", "ranged", "re")

    def __init__(self, m: Any, values: tuple[str | None, ...], layout: _Layout) -> None:
        self._m = m
        self._values = v = values
        self.re = m.re
        self._layout = layout
        self.ranged = layout.connectors(v) != _NO_CONNECTOR
        self.marked = layout.marks(v) != layout.no_marks  # a hedge or bound word, before or after
        # the first of abound, conn_end, label2, label1 that matched: where the span ends
        closers = layout.closers(v)
        self.closer = None
        if closers != _NO_CLOSER:
            self.closer = next(g for g, x in zip(_CLOSERS, closers, strict=True) if x is not None)

    def _which(self, name: str | int) -> str | int:
        if isinstance(name, int):
            return name
        ix = self._layout.names[name]
        for i in ix:
            if self._values[i - 1] is not None:
                return i
        return ix[0]

    def start(self, name: str | int = 0) -> int:
        return int(self._m.start(self._which(name)))

    def end(self, name: str | int = 0) -> int:
        return int(self._m.end(self._which(name)))

    def span(self, name: str | int = 0) -> tuple[int, int]:
        start, end = self._m.span(self._which(name))
        return int(start), int(end)

    def group(self, name: str) -> Any:
        v = self._values
        i = self._layout.one.get(name)
        if i is not None:
            return v[i]
        for i in self._layout.names.get(name, ()):
            if v[i - 1] is not None:
                return v[i - 1]
        return None

    def words(self) -> list[str]:
        """The hedge and bound words before the figure, then those after it."""
        return [w for w in self._layout.words(self._values) if w is not None]

    def captures(self, name: str) -> list[str]:
        v = self._values
        return [x for i in self._layout.names.get(name, ()) if (x := v[i - 1]) is not None]

    def side(self, k: int) -> _Side:
        v = self._values
        first, more = self._layout.sides[k]
        fields = first(v)
        for at, others in more:
            if fields[at] is None:
                for i in others:
                    if v[i] is not None:
                        fields = (*fields[:at], v[i], *fields[at + 1:])
                        break
        return _Side._make((k, *fields))


_CONNECTORS = ("conn", "conn_from", "conn_word", "conn_low")
_NO_CONNECTOR = (None,) * len(_CONNECTORS)
_CLOSERS = ("abound", "conn_end", "label2", "label1")
_NO_CLOSER = (None,) * len(_CLOSERS)
_MARKS = ("pre", "post", "abound")
# what may stand around a unit figure: marker words, a bound after its particle, a label
_UNIT_EXTRA = ("pre", "post", "orb", "abound", "averb", "acomp", "aincl", "acomp2", "alimit",
               "label1")


class _Layout(NamedTuple):
    """Where a pattern keeps each group in ``m.groups()``, worked out once per pattern."""

    names: dict[str, tuple[int, ...]]  # name -> every group of that name (1-based)
    one: dict[str, int]  # name -> its place in m.groups(), for a name of one group
    connectors: Any  # getter of the range connectors
    closers: Any  # getter of _CLOSERS
    marks: Any  # getter of every group of _MARKS
    no_marks: tuple[None, ...]
    sides: dict[int, Any]  # k -> getter of the side's fields, and the fields with aliases
    unit_shape: Any  # getter of num1 (both groups), sign1, pcur1, cur1, pct1, cnt1
    unit_extra: Any  # getter of the groups of marker words and closers a unit figure may have
    words: Any  # getter of the groups of pre, then of post


_LAYOUTS: dict[int, tuple[Any, _Layout]] = {}


def _layout(pattern: Any) -> _Layout:
    hit = _LAYOUTS.get(id(pattern))  # by identity, as in _scan.aliases
    if hit is None:
        index = aliases(pattern)
        one = {n: ix[0] - 1 for n, ix in index.items() if len(ix) == 1}
        sides = {}
        for k in (1, 2):
            groups = [index[f"{n}{k}"] for n in _SIDE_FIELDS]
            more = tuple((at, tuple(i - 1 for i in ix[1:]))
                         for at, ix in enumerate(groups) if ix[1:])
            sides[k] = (operator.itemgetter(*(ix[0] - 1 for ix in groups)), more)
        marks = [i - 1 for n in _MARKS for i in index[n]]
        layout = _Layout(index, one, operator.itemgetter(*(one[n] for n in _CONNECTORS)),
                         operator.itemgetter(*(one[n] for n in _CLOSERS)),
                         operator.itemgetter(*marks), (None,) * len(marks), sides,
                         operator.itemgetter(*(i - 1 for i in index["num1"]), one["sign1"],
                                             one["pcur1"],
                                             one["cur1"], one["pct1"], one["cnt1"]),
                         operator.itemgetter(*(i - 1 for n in _UNIT_EXTRA for i in index[n])),
                         operator.itemgetter(*(i - 1 for n in ("pre", "post") for i in index[n])))
        hit = _LAYOUTS[id(pattern)] = (pattern, layout)  # held, so that its id is never reused
    return hit[1]


def is_range(m: Any) -> bool:
    return (m.group("conn") is not None or m.group("conn_from") is not None
            or m.group("conn_word") is not None or m.group("conn_low") is not None)


def interpret(m: Any, text: str, strict: bool) -> Amount:
    """Build the Amount for match ``m`` over ``text``; raises Reject."""
    return interpret_groups(m, m.groups(), _layout(m.re), text, strict)


def layout_of(pattern: Any) -> _Layout:
    """Where ``pattern`` keeps its groups: for a caller that matches it many times."""
    return _layout(pattern)


def interpret_groups(m: Any, values: tuple[str | None, ...], layout: _Layout, text: str,
                     strict: bool) -> Amount:
    """interpret() of a match of ``layout``'s pattern whose ``m.groups()`` are ``values``."""
    unit_figure = _unit_figure(values, layout, strict)
    if unit_figure is None:
        return _interpret(_Groups(m, values, layout), text, strict)
    value, numeral, cur, unit, alone = unit_figure
    if value is _NOT_READ:
        raise Reject(m.start(), _NO_UNIT)
    more = numeral is not None and numeral.more
    if alone:
        # built straight from its parts: nothing closes it early
        start, end = m.span()
        if strict:
            _not_a_ticker(text, end)
        return written(text[start:end], start, end, value, more, cur, unit)
    if numeral is None:
        f = _plain(value, False, cur, unit)
    else:
        f = _plain(value, more, cur, unit, numeral.lead, numeral.myriad, numeral.has_units)
    g = _Groups(m, values, layout)  # marker words or closers stand around it
    if g.marked:
        f = _markers(g, f)
    return _finish(g, f, g.closer, text, strict)


def _unit_figure(v: tuple[str | None, ...], layout: _Layout, strict: bool
                 ) -> tuple[Decimal, num.Numeral | None, str | None, str | None, bool] | None:
    """Most figures (four in five of the benchmark corpus's matches): digits with one
    currency, percent or counter word, a sign, a currency sign and hedge or bound words at
    most (320억원, 약 3.5%, -2.1%, 120주, $300), read by the rules of _figure, none of whose
    other branches such a match can take. Gives the value, the numeral's reading (None for
    a digit run, which has no places and no 여), currency, unit, and whether the figure
    stands alone. None for any other match, and for a numeral the reader refuses (_figure
    says where). In running text, a digit run with nothing around it gives _BARE_RUN: the
    caller rejects it, as _figure and _check_reportable would (a year, a code: a third of what
    extract() refuses)."""
    shape = layout.unit_shape(v)
    num, hangul, sign, pcur, cur, pct, cnt = shape
    if num is None:
        num = hangul
    # in running text a numeral led by a Hangul letter has rules of its own (see _figure)
    if num is None or (strict and num[0] not in _ASCII_DIGITS):
        return None
    n = len(v) - v.count(None) - (len(shape) - shape.count(None))
    if n:
        extra = layout.unit_extra(v)
        if n != len(extra) - extra.count(None):
            return None  # a group of another branch matched
    if pcur is not None:
        if cur is not None or pct is not None or cnt is not None:
            return None
        unit = None
        cur = code_before(pcur)
    elif cur is not None:
        unit = None
        cur = code_after(cur)
    elif pct is not None:
        unit = _PCT[pct]
    elif cnt is not None:
        unit = cnt.replace(" ", "")
        if unit == _DAE or unit in _DIGIT_COUNT or unit == _GENERATION:
            return None
    elif strict and not n and len(num) <= _BARE_RUN_MAX and DIGIT_RUN.fullmatch(num):
        try:
            num_digits(num)  # a run the reader refuses is _figure's to report
        except NumeralError:
            return None
        return _BARE_RUN
    else:
        return None
    numeral = None
    try:
        if DIGIT_RUN.fullmatch(num):
            value = num_digits(num)
        else:
            numeral = num_read_words(num)
            value = numeral.value
    except NumeralError:
        return None
    if sign is not None and sign != _PLUS:
        value = EXACT.minus(value)
    return value, numeral, cur, unit, not n


_ASCII_DIGITS = frozenset("0123456789")
_NOT_READ = Decimal("NaN")  # told by identity: no reading gives this object
_BARE_RUN = (_NOT_READ, None, None, None, False)
_BARE_RUN_MAX = EXACT.prec  # a longer run could overflow its sign: _figure says so


def _interpret(m: _Groups, text: str, strict: bool) -> Amount:
    s1 = m.side(1)
    f1 = _figure(m, s1, text, strict)
    if m.ranged:
        f = _range(m, f1, _figure(m, m.side(2), text, strict), strict)
    else:
        f = f1
        if strict:
            _check_reportable(m, s1, f, text)
    if m.marked:
        f = _markers(m, f)
    return _finish(m, f, m.closer, text, strict)


def _finish(m: Any, f: Figure, closer: str | None, text: str, strict: bool) -> Amount:
    start, end = m.span()
    # words that close the figure but stand outside its span, as particles do: 을 넘는,
    # 까지 (of a range or a limit), a label glued after a percent (-3.2%YoY)
    if closer is not None:
        end = m.start(closer)
    if strict:
        _not_a_ticker(text, end)
    return build(
        text[start:end], start, end, f.value, f.low, f.high, f.low_inclusive,
        f.high_inclusive, f.currency, f.unit, f.approximate,
    )


def _not_a_ticker(text: str, end: int) -> None:
    if end < len(text) and text[end - 1].isdigit() and \
            ("A" <= text[end] <= "Z" or "a" <= text[end] <= "z"):
        raise Reject(end, "not a code or ticker (NOK1V)")


def _figure(m: Any, s: _Side, text: str, strict: bool) -> Figure:
    k = s.k
    cur = _currency(m, s)
    unit = _unit(s)
    if s.scale in _SCALE_NEEDS_CURRENCY and cur is None and strict and \
            not _other_side_currency(m, k):
        raise Reject(m.start(f"scale{k}"), "a currency with a one-letter scale (m, b, k)")
    if (s.pcur is not None or s.chq is not None) and s.num is None:
        raise Reject(m.start(), "digits after a currency sign")
    if s.mag is not None:
        return _several(m, s, cur, unit, strict)
    if s.den is not None:
        return _fraction(m, s, cur, unit)
    if s.nat is not None:
        return _native(m, s, strict)
    assert s.num is not None  # every other body alternative returned above
    numeral = _read(m, f"num{k}", s.num)
    value = numeral.value
    if strict and s.num[0] not in "0123456789" and s.pcur is None:
        if not numeral.has_units and not any(c in _POINT for c in s.num) and \
                not (unit in markers.LONE_DIGIT_UNITS and s.pct is not None and s.pct[0] != "%"):
            raise Reject(m.start(f"num{k}"), "a place or myriad word in a Hangul numeral")
        # 이천시, 구조 조정, 손실 만회 (the counter glued on); but before a currency the
        # letters are the figure (이천 원, 일조 원)
        spelled = s.num.replace(" ", "")
        if s.cnt is not None and m.end(f"num{k}") == m.start(f"cnt{k}"):
            spelled += s.cnt
        if cur is None and (spelled in markers.NUMERAL_SPELLED_WORDS
                            or s.num.replace(" ", "") in markers.NUMERAL_SPELLED_WORDS):
            raise Reject(m.start(f"num{k}"), "a numeral, not a word (구조, 만회)")
        if any(a in _ZERO_LETTERS and b in _PLACE_OR_MYRIAD for a, b in zip(s.num, s.num[1:])):
            # 공천권, 영천: no one writes a zero before a place word
            raise Reject(m.start(f"num{k}"), "a numeral, not a word (공천, 영천)")
        if " " in s.num and not s.num[s.num.rfind(" ") + 1:].strip(_ZERO_LETTERS):
            # 이천 공장: no one writes a zero apart after a place word
            raise Reject(m.start(f"num{k}"), "a numeral, not a word followed by 공, 영")
        if s.num[0] in _NO_BARE_START:
            raise Reject(m.start(f"num{k}"), "a number before 조")  # 조사, 조정, 경기
        if cur is None and unit is None and s.dae is None and s.subonly is None:
            raise Reject(m.end(f"num{k}"), "a unit after a Hangul numeral")
    if strict and unit is None and cur is None and _spaced_tail(s.num):
        raise Reject(m.end(f"num{k}"), "a unit after a figure whose last group stands apart",
                     m.start(f"num{k}") + s.num.rfind(" "))
    lead, myriad = numeral.lead, numeral.myriad
    if s.scale is not None:
        value = EXACT.scaleb(value, _SCALE[s.scale])
        lead += _SCALE[s.scale]
        myriad += _SCALE[s.scale]
    if s.sub is not None:
        assert s.subw is not None  # the grammar writes a sub-unit word after its digits
        cents = num.digits(s.sub)
        if cents != cents.to_integral_value() or cents >= 100:
            raise Reject(m.start(f"sub{k}"), "whole cents below 100")
        if currency.SUBUNIT_HOME[s.subw] != cur:
            raise Reject(m.start(f"subw{k}"), f"a sub-unit of {cur}")
        value = EXACT.add(value, EXACT.multiply(cents, _SUBUNIT[s.subw]))
    if s.subonly is not None:
        value = EXACT.multiply(value, _SUBUNIT[s.subonly])
        cur = currency.SUBUNIT_HOME[s.subonly]
    if s.chqend is not None and cur != "KRW":
        raise Reject(m.start(f"chqend{k}"), "원 before 정")
    if s.chq is not None and cur != "KRW":
        raise Reject(m.end(f"num{k}"), "원 after a 金/금 figure")
    if _negative(s):
        value = EXACT.minus(value)
    has_units = numeral.has_units or s.scale is not None
    if s.dae is not None and unit == _DAE:
        raise Reject(m.start(f"dae{k}"), "one 대")
    if s.dae is not None or unit == _DAE:
        return _dae(m, s, value, numeral, cur, unit, text, strict)
    if unit in _DIGIT_COUNT:
        return _digit_count(m, int(value))
    if strict and unit == _GENERATION and _decade_pair(s.num):
        raise Reject(m.start(f"num{k}"), "not a generation (2030세대)")
    return _plain(value, numeral.more, cur, unit, lead, myriad, has_units)


def _plain(value: Decimal, more: bool, cur: str | None, unit: str | None, lead: int = 0,
           myriad: int = 0, has_units: bool = False) -> Figure:
    """One figure as written, or more than it (250여: (250, ∞), approximate)."""
    if more:
        return Figure(value, value, None, False, False, cur, unit, True, lead, myriad, has_units,
                      True)
    return Figure(value, value, value, True, True, cur, unit, False, lead, myriad, has_units, True)


def _negative(s: _Side) -> bool:
    return s.sign is not None and s.sign != _PLUS


def _spaced_tail(numeral: str) -> bool:
    """12억 3456만 7890: the last group follows a space and is digits alone."""
    i = numeral.rfind(" ")
    return i >= 0 and numeral[i + 1:].replace(",", "").isdigit()


def _read(m: Any, group: str, numeral: str) -> num.Numeral:
    try:
        return num.read(numeral)
    except NumeralError as e:
        at = m.start(group)
        raise Reject(at + e.offset, e.expected, None if e.cut is None else at + e.cut) from None


def _currency(m: Any, s: _Side) -> str | None:
    pre, post = s.pcur, s.cur
    if pre is None:
        return None if post is None else code_after(post)
    code = code_before(pre)
    if post is not None and code_after(post) != code:
        raise Reject(m.start(f"cur{s.k}"), f"the currency of {pre}, not {post}")
    return code


def code_before(word: str) -> str:
    """The currency of a sign, code or word before a figure ($, US$, USD, 유로)."""
    return _SYMBOLS.get(word) or _WORDS.get(word) or word


def code_after(word: str) -> str:
    """The currency of a word or ISO code after a figure (원, 달러, USD)."""
    return _WORDS.get(word, word)


def _unit(s: _Side) -> str | None:
    if s.pct is not None:
        return _PCT[s.pct]
    c = s.cnt or s.ncnt
    return c.replace(" ", "") if c is not None else None


def _other_side_currency(m: Any, k: int) -> bool:
    o = 3 - k
    try:
        return m.group(f"pcur{o}") is not None or m.group(f"cur{o}") is not None
    except IndexError:
        return False


def _several(m: Any, s: _Side, cur: str | None, unit: str | None, strict: bool) -> Figure:
    """수십억 = [10억, 100억); 십수억 = [11억, 20억)."""
    word, k = s.mag or "", s.k
    if strict and cur is None and unit is None and \
            not any(_MYRIAD.get(c, 0) >= scales.SEVERAL_ALONE_FROM for c in word):
        raise Reject(m.start(f"mag{k}"), "a unit after a 수- magnitude")
    teen = word.startswith(numerals.TEEN_SEVERAL)
    units = word[len(numerals.TEEN_SEVERAL):] if teen else word[1:]
    power = sum(_PLACE.get(c, 0) + _MYRIAD.get(c, 0) for c in units)
    base = num.pow10(power)
    if teen:
        low, high = EXACT.multiply(base, Decimal(11)), EXACT.multiply(base, Decimal(20))
    else:
        low, high = base, EXACT.multiply(base, _TEN)
    if _negative(s):
        raise Reject(m.start(f"sign{k}"), "a sign only before a figure")
    # 수천억 원대: 대 sizes what 수- already sized; the interval is the same
    return Figure(None, low, high, True, False, cur, unit, True, power, 0, True, False)


def _fraction(m: Any, s: _Side, cur: str | None, unit: str | None) -> Figure:
    k = s.k
    den = _read(m, f"den{k}", s.den or "").value
    numer = _read(m, f"numer{k}", s.numer or "").value
    if not den:
        raise Reject(m.start(f"den{k}"), "a denominator other than zero")
    try:
        value = EXACT.divide(numer, den)
    except ArithmeticError:
        raise Reject(m.start(f"den{k}"), "a fraction with an exact decimal value") from None
    if _negative(s) != (m.group(f"nsign{k}") is not None):  # 5분의 마이너스 1
        value = EXACT.minus(value)
    return _plain(value, False, cur, unit)


def _native(m: Any, s: _Side, strict: bool) -> Figure:
    word, k = s.nat or "", s.k
    pair = numerals.NATIVE_PAIRS.get(word)
    if pair is not None:
        counter = s.ncnt
        if counter is None or counter.replace(" ", "") in _DIGIT_COUNT:
            raise Reject(m.end(f"nat{k}"), "a counter after a pair of numerals (두세 배)")
        lo, hi = Decimal(pair[0]), Decimal(pair[1])
        return Figure(None, lo, hi, True, True, None, counter, False, 0, 0, False, False)
    value = num.native(word)
    if not value:
        raise Reject(m.start(f"nat{k}"), "a native numeral (하나, 두, 서른다섯 …)")
    counter = s.ncnt
    if counter is not None:
        counter = counter.replace(" ", "")
    if strict and len(word) == 1 and counter not in _SPACE_OK_NATIVE and \
            m.end(f"nat{k}") == m.start(f"ncnt{k}"):
        raise Reject(m.end(f"nat{k}"), "a space between a one-syllable numeral and its counter")
    if counter in _DIGIT_COUNT:
        return _digit_count(m, value)
    d = Decimal(value)
    if _negative(s):
        d = EXACT.minus(d)
    return _plain(d, False, None, counter)


def _digit_count(m: Any, n: int) -> Figure:
    """한 자릿수 = [0, 10), 두 자릿수 = [10, 100)."""
    if n < 1:
        raise Reject(m.start(), "a digit count of at least one")
    low = Decimal(0) if n == 1 else num.pow10(n - 1)
    return Figure(None, low, num.pow10(n), True, False, None, None, True, 0, 0, False, False)


def _dae(
    m: Any, s: _Side, value: Decimal, numeral: num.Numeral, cur: str | None,
    unit: str | None, text: str, strict: bool,
) -> Figure:
    """X대: one step of X's last non-zero digit; a bare unit word 억대 spans [억, 10억)."""
    if unit == _DAE:
        k = s.k
        if strict and value in _AGE_BANDS and _age_noun_follows(text, m.end()):
            raise Reject(m.start(), "not an age band (30대 남성)")
        # 대 as a counter (1000대 판매, 424만 대, 35만7,842대): written apart from the figure,
        # or after a figure too precise to be a band; a bare count unless an index precedes
        apart = m.start(f"cnt{k}") > m.end(f"num{k}")
        # 7만대 이상: a bound on 대 counts, as a band cannot be bounded
        apart = apart or any(w in _BOUND_WORDS for w in m.captures("post"))
        # a band needs a round figure: 538만대 and 1억2170만대 are counts
        precise = numeral.has_units and (
            num.step_of(value) < _MYRIAD_STEP or _significant(value) >= _COUNT_DIGITS)
        bare_count = not numeral.has_units and not _index_level(value, text, m.start())
        if apart or precise or (strict and bare_count):
            return _plain(value, numeral.more, None, _DAE)  # 1천여대: more than 1,000 of them
        unit = None
    elif strict and _ratio_follows(text, m.end(f"dae{s.k}")):
        raise Reject(m.end(f"dae{s.k}"), "not a ratio (452대 1)")
    elif strict and cur is None and unit is None and not numeral.has_units and \
            value not in _AGE_BANDS and not _index_level(value, text, m.start()):
        # 3대 신용평가사: a bare figure bands only as an index level (코스피 2600대) or an age
        # (10대들); else it counts, as 3대 은행 does
        return _plain(value, False, None, _DAE)
    if value < 0:
        raise Reject(m.start(), "a non-negative figure before 대")
    if numeral.bare and numeral.myriad:
        low, high = value, EXACT.multiply(value, _TEN)  # 억대: [1억, 10억); but 십대 is 10-19
    else:
        low, high = value, EXACT.add(value, num.step_of(value))
    return Figure(
        None, low, high, True, False, cur, unit, True, numeral.lead, numeral.myriad, True, False
    )


_AGE_BANDS = frozenset(Decimal(n) for n in range(10, 100, 10))
_INDEX_LEVEL = 100  # index levels run in the hundreds and up (코스닥 900대, 코스피 2600대)
_GENERATION = markers.GENERATION_COUNTER
_COUNT_DIGITS = 3


def _decade_pair(numeral: str) -> bool:
    """2030, 4050: two decades of age, the younger first."""
    return len(numeral) == 4 and numeral.isdigit() and numeral[1] == numeral[3] == "0" and \
        "1" <= numeral[0] < numeral[2]


def _significant(d: Decimal) -> int:
    """Digits up to the last non-zero one: 5380000 -> 3."""
    digits = d.as_tuple().digits
    return len(digits) - next((i for i, x in enumerate(reversed(digits)) if x), len(digits))
_MYRIAD_STEP = Decimal(10000)


def _index_level(value: Decimal, text: str, start: int) -> bool:
    """코스피 2600대: a level of an index named before it."""
    return value >= _INDEX_LEVEL and _after_index(text, start)


def _after_index(text: str, start: int) -> bool:
    """An index name earlier in the same line and sentence (코스피, 2600대로)."""
    lo = max(0, start - 64)  # a headline names its index well before the level
    for stop in ("\n", ". "):
        lo = max(lo, text.rfind(stop, lo, start) + 1)
    return INDEX_NAME.search(text, lo, start) is not None


def _age_noun_follows(text: str, end: int) -> bool:
    rest = text[end:end + 8].lstrip(" ")
    return rest.startswith(markers.AGE_BAND_NOUNS)


def _ratio_follows(text: str, end: int) -> bool:
    i = end + 1 if end < len(text) and text[end] == " " else end
    return i < len(text) and text[i].isdigit()


_NO_UNIT = "a unit, currency or myriad word"


def _check_reportable(m: Any, s: _Side, f: Figure, text: str) -> None:
    """In running text a bare digit run (a year, a code, 192) is not an amount, nor a unit
    word standing alone as a label ((십억원), (단위: 억원 및 %))."""
    if f.currency is None and f.unit is None and not f.has_units and f.point and s.den is None:
        raise Reject(m.start(), _NO_UNIT)
    if f.currency is None and f.unit is None and \
            text.startswith(markers.ORDINAL_SUFFIX, m.end() + (text[m.end():m.end() + 1] == " ")):
        raise Reject(m.end(), "a figure, not a position (1만 번째)")
    num = s.num
    if num is not None and not num.strip(_UNIT_LETTERS) and s.sign is None \
            and not m.captures("pre") and \
            text[max(0, m.start() - 4):m.start()].rstrip(" ").endswith(_LABEL_OPENERS):
        raise Reject(m.start(), "a figure, not a unit label")


def _range(m: Any, a: Figure, b: Figure, strict: bool) -> Figure:
    opener = m.group("conn_from")
    if opener is not None:
        closer = m.group("conn_to") or m.group("conn_end") or ""
        if closer not in _OPENERS[opener] and (strict or closer or opener != markers.RANGE_FROM):
            raise Reject(m.end(), f"{' or '.join(_OPENERS[opener])} after {opener}")
    band_end = not b.point and b.value is None and a.point and m.group("dae2") is not None
    counted = m.group("cnt2") == _DAE and not b.point and a.unit is None and a.currency is None
    if counted and a.value is not None and b.low is not None:
        # 200만~250만대: 대 after a range counts, it does not band (a band needs one figure)
        b = _plain(b.low, False, None, _DAE, b.lead, b.myriad, True)
    elif band_end and a.value is not None and b.high is not None:
        # 3~9%대 = [3, 10): the band of the right end closes the range
        b = b._replace(value=b.high, point=True)
    if not (a.point and b.point) or a.value is None or b.value is None:
        raise Reject(m.start("conn") if m.group("conn") else m.start(), "two plain figures")
    low_word, high_word = m.group("conn_low"), m.group("conn_high")
    if low_word in markers.BOUND_PAIR_HIGH and high_word in markers.BOUND_PAIR_LOW:
        a, b, low_word, high_word = b, a, high_word, low_word  # 50 이하, 20 이상
    elif (low_word in markers.BOUND_PAIR_HIGH) or (high_word in markers.BOUND_PAIR_LOW):
        raise Reject(m.start("conn_low"), "a lower and an upper bound")
    cur = _same(m, a.currency, b.currency, "currency")
    unit = _same(m, a.unit, b.unit, "unit")
    lo, hi = a.value, b.value
    if lo is None or hi is None:
        raise Reject(m.start(), "two plain figures")
    if lo < 0 and hi < 0 and hi < lo:
        lo, hi = hi, lo  # -12 ~ -14%: writers list negative ends by size
    if not a.myriad and b.myriad:
        # the unit written once applies to both ends: 3~4조 = 3조..4조, 5~6천만 = 5천만..6천만,
        # 3천~5천만 = 3천만..5천만; unless that would turn the range around (1~1만 stays)
        scaled = EXACT.scaleb(lo, b.myriad if a.has_units else b.lead)
        if scaled < hi:
            lo = scaled
    if strict and cur is None and unit is None and not (a.has_units or b.has_units):
        raise Reject(m.start(), "a unit, currency or myriad word on a range")
    if not lo < hi:
        raise Reject(m.start("num2") if m.group("num2") else m.start(), "a range from low to high")
    low_incl = _inclusive(low_word)
    high_incl = _inclusive(high_word) and not band_end
    approx = band_end or a.approximate or b.approximate
    return Figure(None, lo, hi, low_incl, high_incl, cur, unit, approx, 0, 0, True, False)


def _inclusive(word: str | None) -> bool:
    """이상/이하 and 크거나 같고 include the end; 초과, 미만, 크고, 작다 do not."""
    if word is None:
        return True
    if word in _BOUND_WORDS:
        return _BOUND_WORDS[word] in (markers.LOWER_INCL, markers.UPPER_INCL)
    return any(w in word and b in (markers.LOWER_INCL, markers.UPPER_INCL)
               for w, b in _COMPARATIVES.items())


def _same(m: Any, x: str | None, y: str | None, what: str) -> str | None:
    if x is not None and y is not None and x != y:
        raise Reject(m.start(), f"the same {what} on both ends of a range")
    return x if x is not None else y


def _after_bound(m: Any) -> str | None:
    if m.group("averb") is not None:
        return next(v for w, v in _BOUND_VERBS.items() if m.group("averb") == w)
    if m.group("acomp") is not None:
        return _COMPARATIVES[m.group("acomp")]
    if m.group("acomp2") is not None:
        # X이거나 그보다 크다: the figure itself is included
        return _INCLUDED[_COMPARATIVES[m.group("acomp2")]]
    if m.group("alimit") is not None:
        return markers.UPPER_INCL
    return None


def _markers(m: Any, f: Figure) -> Figure:
    words = m.words()
    after = _after_bound(m) if m.group("abound") is not None else None
    if after is not None:
        words.append(after)
    if not words:
        return f
    approx = f.approximate
    side: str | None = None
    for w in words:
        if w in _MONEY_HEDGES and f.currency is None and f.unit not in _PERCENTS:
            raise Reject(m.start(), "money or a percent before 선 (2600선 is an index level)")
        if w in _HEDGES:
            approx = True
        if w in _HEDGED_BOUNDS:
            approx = True
        bound = _BOUND_WORDS.get(w) or _HEDGED_BOUNDS.get(w) or _BOUND_KINDS.get(w)
        if bound is not None and m.group("orb") is not None and w in _BOUND_WORDS:
            bound = _INCLUDED[bound]  # 100 또는 그 미만: 100 or below it
        if bound is None:
            continue
        if f.value is None and not (f.low_inclusive and f.high_inclusive):
            raise Reject(m.start(), "a bound on a figure or a range, not on a magnitude")
        if side is not None and side != bound:
            raise Reject(m.start(), "bounds that agree")
        side = bound
    if side is None:  # hedges alone
        return f if approx == f.approximate else Figure(*f[:7], approx, *f[8:])
    v = f.value
    if v is None:
        # a bound on a range keeps the far end: 최대 3~5% = (−∞, 5], 3~5% 이상 = [3, ∞)
        if side in _LOWER:
            return f._replace(high=None, high_inclusive=False, approximate=approx)
        return f._replace(low=None, low_inclusive=False, approximate=approx)
    if side in _LOWER:
        return f._replace(low=v, high=None, low_inclusive=side == markers.LOWER_INCL,
                          high_inclusive=False, approximate=approx)
    return f._replace(low=None, high=v, low_inclusive=False,
                      high_inclusive=side == markers.UPPER_INCL, approximate=approx)

"""Numeral grammar: a numeral's characters -> an exact Decimal.

Myriad groups (만 억 조 경) hold up to four digits, written as digits or with 십 백 천 inside;
groups and in-group places strictly decrease, and the parts may stand apart (4억 7천 5백만).
A figure of several digits or with a decimal point before place words is multiplied by them,
as disclosures write (56,700백만 = 56,700 x 10^6). All arithmetic runs in a trapping context,
so a figure that cannot be represented exactly raises instead of rounding.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow, Rounded
from typing import NamedTuple

from ._lexicon import markers, numerals, scales
from ._scan import DECIMAL_MYRIAD, DIGIT_RUN, HANGUL_MYRIAD_CUT

EXACT = Context(prec=60, Emax=200, Emin=-200, traps=[Inexact, Rounded, InvalidOperation, Overflow])

_SINO = numerals.SINO_DIGITS
_POINT = numerals.POINT_WORDS
_IN_GROUP = scales.IN_GROUP
_MYRIAD = scales.MYRIAD
_MORE = markers.MORE_THAN_INFIX
_ONE = Decimal(1)
_TEN_THOUSAND = Decimal(10000)
_DIGITS = frozenset("0123456789")


class NumeralError(Exception):
    """A numeral is malformed at ``offset`` (relative to the numeral).

    ``cut`` is set when the parts before a space form a figure of their own and the error lies
    after it (1억 2억: two figures, not one); otherwise the run cannot be read at all.
    """

    def __init__(self, offset: int, expected: str, cut: int | None = None) -> None:
        super().__init__(offset, expected)
        self.offset = offset
        self.expected = expected
        self.cut = cut


class Numeral(NamedTuple):
    value: Decimal
    lead: int  # power of ten applied to the first figure written (5천만 -> 7)
    myriad: int  # power of the first myriad word (5천만 -> 4), 0 if none
    has_units: bool  # any place or myriad word
    bare: bool  # only unit words, no digit (만, 천만, 억)
    more: bool  # the 여 infix: "more than"


# Numeral((...)) without the keyword handling of the NamedTuple constructor, on the hot path
_numeral: Callable[[tuple[Decimal, int, int, bool, bool, bool]], Numeral] = functools.partial(
    tuple.__new__, Numeral)


def digits(run: str, offset: int = 0) -> Decimal:
    """A digit run with optional thousands commas and decimal point."""
    try:
        return Decimal(run.replace(",", "")) if "," in run else Decimal(run)
    except InvalidOperation:
        raise NumeralError(offset, "a number") from None


def read(s: str) -> Numeral:
    """Read one numeral. Raises NumeralError with an offset into ``s``.

    Numerals repeat (만, 억, 1조, 100억), so the last readings are remembered, errors too.
    """
    if s[:1] not in _HANGUL_LEAD and DIGIT_RUN.fullmatch(s):
        return _numeral((digits(s), 0, 0, False, False, False))
    return read_words(s)


def read_words(s: str) -> Numeral:
    """read() of a numeral known not to be a digit run alone."""
    hit = _READ.get(s)
    if hit is None:
        try:
            hit = _fast(s) or _less_common(s) or _Reader(s).run()
        except NumeralError as e:
            hit = (e.offset, e.expected, e.cut)
        if len(_READ) >= _READ_SIZE:
            _READ.clear()  # a bounded memory; cheaper than an LRU's bookkeeping per call
        _READ[s] = hit
    if type(hit) is tuple:
        raise NumeralError(*hit)
    return hit  # type: ignore[return-value]


def forget() -> None:
    """Empty the memory of readings (benchmarks of uncached calls start from nothing)."""
    _READ.clear()


_READ: dict[str, Numeral | tuple[int, str, int | None]] = {}
_READ_SIZE = 8192


# one table for the letters of a numeral: (0, digit) a Sino-Korean digit, (1, power) a place
# word, (2, power) a myriad word, (3, digit) an ASCII digit, (4, 0) a space
_LETTER = {**{c: (0, v) for c, v in _SINO.items()}, **{c: (1, p) for c, p in _IN_GROUP.items()},
           **{c: (2, p) for c, p in _MYRIAD.items()}, **{str(d): (3, d) for d in range(10)},
           " ": (4, 0)}
_NOT_A_LETTER = (5, 0)
_NO_PLACE = 99
_POW = [10**p for p in range(_NO_PLACE + 1)]
_LIMIT = 10**60  # EXACT's precision: a longer figure is _Reader's to refuse


def _quick(s: str) -> Numeral | None:
    """The well-formed numerals of digits, digit letters, places and myriads, spaced or not
    (1억 2000만, 칠백육십만이천, 5천만), read in integers; None for anything else, which
    _Reader reads or refuses with its reasons. Its rules are _Reader's, in one pass."""
    total = group = 0
    pending = -1  # the number waiting for a place or myriad word; -1 for none
    run = -1  # the digit run being read; -1 for none
    compound = False  # a run that a place word after spaces would multiply (56,700 백만)
    last_place = last_myriad = _NO_PLACE
    lead = first_place = first_myriad = -1
    seen_digit = False
    letter = _LETTER.get
    if not s or s[0] == " ":
        return None
    for ch in s:
        kind, v = letter(ch, _NOT_A_LETTER)
        if kind > 2 or run >= 0 or compound:  # digits, commas, spaces, and what ends them
            if kind == 3:
                run = v if run < 0 else run * 10 + v
                continue
            if ch == ",":
                if run < 0:
                    return None
                continue
            if run >= 0:  # a digit run ends: it is a number
                if run >= 10 and pending < 0 and last_myriad == _NO_PLACE and \
                        last_place == _NO_PLACE:
                    if kind == 1:
                        return None  # 56,700백만: a figure times its unit words
                    compound = kind == 4
                if pending >= 0 or (last_place != _NO_PLACE and run >= _POW[last_place]):
                    return None
                pending, run, seen_digit = run, -1, True
            if kind == 4:
                continue
            if compound:
                if kind == 1:
                    return None
                compound = False
        if kind == 0:
            if pending >= 0 or (last_place != _NO_PLACE and v >= _POW[last_place]):
                return None
            pending, seen_digit = v, True
        elif kind == 1:
            if v >= last_place or pending >= 10:
                return None
            if first_place < 0:
                first_place = v
            group += (1 if pending < 0 else pending) * _POW[v]
            pending = -1
            last_place = v
        elif kind == 2:
            empty = pending < 0 and not group
            if v >= last_myriad or (empty and (seen_digit or last_myriad != _NO_PLACE)):
                return None
            value = 1 if empty else group + max(pending, 0)
            if last_myriad != _NO_PLACE and value >= 10000:
                return None
            if lead < 0:
                lead = max(first_place, 0) + v
                first_myriad = v
            total += value * _POW[v]
            group = 0
            pending = -1
            last_place = _NO_PLACE
            last_myriad = v
        else:
            return None
    if run >= 0:
        if pending >= 0 or (last_place != _NO_PLACE and run >= _POW[last_place]):
            return None
        pending, seen_digit = run, True
    last = group + max(pending, 0)
    if last_myriad != _NO_PLACE and last >= 10000:
        return None
    value = total + last
    if value >= _LIMIT:
        return None
    return _numeral((Decimal(value), max(first_place, 0) if lead < 0 else lead,
                     max(first_myriad, 0), last_place != _NO_PLACE or last_myriad != _NO_PLACE,
                     not seen_digit, False))


# the Hangul letters of the common numerals (삼억 이천만): one spelling per digit, so that the
# table of their myriad groups stays small; any other letter goes to _quick
_HANGUL_DIGITS: dict[str, int] = {}
for _c, _v in _SINO.items():
    if "\uac00" <= _c <= "\ud7a3" and _v and _v not in _HANGUL_DIGITS.values():
        _HANGUL_DIGITS[_c] = _v
_HANGUL_PLACES = {c: p for c, p in _IN_GROUP.items() if "\uac00" <= c <= "\ud7a3"}
_HANGUL_MYRIADS = {c: p for c, p in _MYRIAD.items() if "\uac00" <= c <= "\ud7a3"}
_HANGUL_LEAD = frozenset((*_HANGUL_DIGITS, *_HANGUL_PLACES, *_HANGUL_MYRIADS))
_UNIT_LETTERS = "".join((*_HANGUL_PLACES, *_HANGUL_MYRIADS))
_CUT = HANGUL_MYRIAD_CUT.split
_GROUPS: dict[str, int] = {}  # every well-formed group of four places at most -> its value


def _group_table() -> dict[str, int]:
    """삼천이백오십 -> 3250, 천 -> 1000, 일십 -> 10, ...: 13,309 groups, built on first use
    (a few milliseconds) from the lexicon's letters, then kept: it is data, not a memory."""
    if not _GROUPS:
        def places(p: int) -> list[tuple[str, int]]:
            word = next(c for c, q in _HANGUL_PLACES.items() if q == p)
            return [("", 0), (word, 10**p),
                    *((c + word, v * 10**p) for c, v in _HANGUL_DIGITS.items())]

        high = [(a + b, x + y) for a, x in places(3) for b, y in places(2)]
        units = [("", 0), *_HANGUL_DIGITS.items()]
        low = [(a + b, x + y) for a, x in places(1) for b, y in units]
        _GROUPS.update((a + b, x + y) for a, x in high for b, y in low if a or b)
    return _GROUPS


def _hangul(s: str) -> Numeral | None:
    """A numeral of the common Hangul letters alone, spaced or not (삼억 이천만, 칠백육십만이천,
    천만): each myriad group is one table lookup. None for anything else. Reads as _quick
    does (a property test holds them together)."""
    if not s:
        return None
    if " " in s:
        if s[0] == " ":
            return None
        s = s.replace(" ", "")
    table = _GROUPS or _group_table()
    parts = _CUT(s)
    tail = parts[-1]
    if tail:
        total = table.get(tail, -1)
        if total < 0:
            return None
    else:
        total = 0
    n = len(parts)
    if n == 1:
        return _numeral((Decimal(total), len(str(total)) - 1, 0, total >= 10,
                         not s.strip(_UNIT_LETTERS), False))
    last_myriad = _NO_PLACE
    for i in range(1, n, 2):
        power = _HANGUL_MYRIADS[parts[i]]
        if power >= last_myriad:
            return None
        group = parts[i - 1]
        if group:
            v = table.get(group, -1)
            if v < 0:
                return None
        elif i == 1:
            v = 1  # 만, 억: one of it
        else:
            return None
        total += v * _POW[power]
        last_myriad = power
    first = parts[0]
    power = _HANGUL_MYRIADS[parts[1]]
    lead = (len(str(table[first])) - 1 if first else 0) + power
    return _numeral((Decimal(total), lead, power, True, not s.strip(_UNIT_LETTERS), False))


def _fast(s: str) -> Numeral | None:
    """The two one-pass readers: the group table for the common Hangul letters, else _quick."""
    return (s[:1] in _HANGUL_LEAD and _hangul(s)) or _quick(s)


def _less_common(s: str) -> Numeral | None:
    """Two common forms that _quick leaves to _Reader, read in a few operations: a decimal
    before one myriad word (2.5조, 257.8만) and a numeral with 여 after it (250여, 8조여:
    more than it). None for anything else. Reads as _Reader does (a property test holds
    them together)."""
    if s[-1:] == _MORE:
        inner = s[:-1]
        n = _fast(inner) or _decimal(inner)
        if not n or not n.value:
            return None  # 0천여: nothing before 여, as _Reader says
        return _numeral((n.value, n.lead, n.myriad, n.has_units, n.bare, True))
    return _decimal(s)


def _decimal(s: str) -> Numeral | None:
    if "." not in s:
        return None
    m = DECIMAL_MYRIAD.fullmatch(s)
    if m is None:
        return None
    figure, word = m.groups()
    power = _MYRIAD[word]
    try:
        value = EXACT.scaleb(digits(figure), power)
    except (NumeralError, ArithmeticError):
        return None  # _Reader says why
    return _numeral((value, power, power, True, False, False))


class _Reader:
    __slots__ = (
        "first_myriad",
        "first_place",
        "group",
        "has_units",
        "last_myriad",
        "last_place",
        "lead",
        "more",
        "pending",
        "pending_at",
        "s",
        "seen_digit",
        "space",
        "total",
    )

    def __init__(self, s: str) -> None:
        self.s = s
        self.total = Decimal(0)
        self.group = Decimal(0)
        self.pending: Decimal | None = None
        self.pending_at = 0
        self.last_myriad = 99
        self.last_place = 99
        self.lead: int | None = None
        self.first_place: int | None = None
        self.first_myriad: int | None = None
        self.seen_digit = False
        self.has_units = False
        self.more = False
        self.space: int | None = None  # where the last run of spaces began

    def run(self) -> Numeral:
        try:
            return self._run()
        except NumeralError as e:
            if self.space is not None and e.offset > self.space and e.cut is None:
                e.cut = self.space
            raise

    def _run(self) -> Numeral:
        s, i, n = self.s, 0, len(self.s)
        if not n:
            raise NumeralError(0, "a number")
        while i < n:
            ch = s[i]
            if ch in _DIGITS:
                j = i + 1
                while j < n and (s[j] in _DIGITS or s[j] in ",."):
                    j += 1
                d = digits(s[i:j], i)
                k = j
                while k < n and s[k] == " ":
                    k += 1
                if k < n and s[k] in _IN_GROUP and self._compound(d):
                    return self._multiplied(d, i, k)
                self._number(d, i)
                i = j
            elif ch in _SINO:
                if self.pending is not None:
                    raise NumeralError(i, "a place or myriad word (십 백 천 만 억 조) between digits")
                self._number(Decimal(_SINO[ch]), i)
                i += 1
            elif ch in _POINT:
                i = self._fraction(i)
            elif ch in _IN_GROUP:
                self._place(_IN_GROUP[ch], i)
                i += 1
            elif ch in _MYRIAD:
                self._myriad(_MYRIAD[ch], i)
                i += 1
            elif ch == _MORE:
                if self.more or (self.pending is None and self.last_myriad == 99 and not self.group):
                    raise NumeralError(i, "a number before 여")
                self.more = True
                i += 1
            elif ch == " " and i:
                self.space = i
                while i < n and s[i] == " ":
                    i += 1
            else:
                raise NumeralError(i, "a digit or numeral word")
        last = EXACT.add(self.group, self.pending if self.pending is not None else 0)
        if self.last_myriad != 99 and last >= _TEN_THOUSAND:
            raise NumeralError(self.pending_at, "at most four digits after a myriad word")
        if self.lead is None:
            self.lead = self.first_place or 0
        value = EXACT.add(self.total, last)
        first_myriad = 0 if self.first_myriad is None else self.first_myriad
        return Numeral(
            value, self.lead, first_myriad, self.has_units, not self.seen_digit, self.more
        )

    def _compound(self, d: Decimal) -> bool:
        """56,700백만, 21.6백만, 1,500천: a first figure too big or too fine for one place digit."""
        first = self.pending is None and self.last_myriad == 99 and self.last_place == 99
        return first and (d >= 10 or d != d.to_integral_value())

    def _multiplied(self, d: Decimal, start: int, at: int) -> Numeral:
        s, n, power, i = self.s, len(self.s), 0, at
        last_place = 99
        while i < n and s[i] in _IN_GROUP and _IN_GROUP[s[i]] < last_place:
            last_place = _IN_GROUP[s[i]]
            power += last_place
            i += 1
        myriad = 0
        while i < n and s[i] == " ":
            i += 1
        if i < n and s[i] in _MYRIAD:
            myriad = _MYRIAD[s[i]]
            i += 1
        if i < n:
            raise NumeralError(i, "the end of a figure after its unit words (56,700백만)")
        power += myriad
        return Numeral(EXACT.scaleb(d, power), power, myriad, True, False, False)

    def _number(self, d: Decimal, at: int) -> None:
        if self.pending is not None:
            raise NumeralError(at, "a place or myriad word between two numbers")
        if self.last_place != 99 and d >= pow10(self.last_place):
            raise NumeralError(at, f"a number below {10 ** self.last_place} after a place word")
        self.pending = d
        self.pending_at = at
        self.seen_digit = True

    def _fraction(self, at: int) -> int:
        """점 ends the whole part (삼백십점일 = 310.1); the digits after it are read one by one."""
        s, j = self.s, at + 1
        if self.pending is not None and self.pending != self.pending.to_integral_value():
            raise NumeralError(at, "one decimal point")
        if self.pending is None and not self.group and self.last_myriad == 99:
            raise NumeralError(at, "a whole number before the decimal point word")
        frac = ""
        while j < len(s) and s[j] in _SINO:
            frac += str(_SINO[s[j]])
            j += 1
        if not frac:
            raise NumeralError(j, "a digit after the decimal point word")
        self.pending = EXACT.add(self.pending or 0, Decimal(f"0.{frac}"))
        self.pending_at = at
        self.seen_digit = True
        return j

    def _place(self, power: int, at: int) -> None:
        if power >= self.last_place:
            raise NumeralError(at, "places in decreasing order (천 백 십)")
        n = self.pending if self.pending is not None else _ONE
        if self.pending is not None and n >= 10:
            raise NumeralError(at, "a single digit before a place word")
        if self.first_place is None:
            self.first_place = power
        self.group = EXACT.add(self.group, EXACT.scaleb(n, power))
        self.pending = None
        self.last_place = power
        self.has_units = True

    def _myriad(self, power: int, at: int) -> None:
        if power >= self.last_myriad:
            raise NumeralError(at, "myriad words in decreasing order (경 조 억 만)")
        empty = self.pending is None and not self.group
        if empty and (self.seen_digit or self.last_myriad != 99 or self.more):
            raise NumeralError(at, "a number before the myriad word")
        value = _ONE if empty else EXACT.add(self.group, self.pending or 0)
        if self.last_myriad != 99 and value >= _TEN_THOUSAND:
            raise NumeralError(self.pending_at, "at most four digits between myriad words")
        if self.lead is None:
            self.lead = (self.first_place or 0) + power
            self.first_myriad = power
        self.total = EXACT.add(self.total, EXACT.scaleb(value, power))
        self.group = Decimal(0)
        self.pending = None
        self.last_place = 99
        self.last_myriad = power
        self.has_units = True


def native(word: str) -> int:
    """A native Korean numeral (서른다섯, 열한, 스무, 두) -> its value, or 0 if not one."""
    for tens, tv in numerals.NATIVE_TENS.items():
        if word.startswith(tens):
            rest = word[len(tens):]
            if not rest:
                return tv
            if tens in numerals.NATIVE_TENS_ALONE:
                return 0
            return tv + numerals.NATIVE_ONES.get(rest, -tv)
    return numerals.NATIVE_ONES.get(word, 0)


def pow10(power: int) -> Decimal:
    return EXACT.scaleb(_ONE, power)


def step_of(d: Decimal) -> Decimal:
    """Place value of the last non-zero digit: 108000 -> 1000, 2.5 -> 0.1, 10 -> 10."""
    _, ds, exp = d.as_tuple()
    assert isinstance(exp, int)
    k = len(ds)
    while k > 1 and ds[k - 1] == 0:
        k -= 1
        exp += 1
    return pow10(exp)

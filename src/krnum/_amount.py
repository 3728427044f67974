"""Amount: the one result type. Frozen, slotted, hashable; checks its own invariants."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Context, Decimal, Inexact, InvalidOperation, Rounded
from typing import Any, Literal

Kind = Literal["money", "percent", "magnitude", "number"]
PERCENT_UNITS = frozenset({"%", "%p", "bp"})

_ZERO = Decimal(0)
_ONE = Decimal(1)
# normalize() drops trailing zeros; a figure too long for it traps and is rebuilt by digits
_NORMAL = Context(prec=60, traps=[Inexact, Rounded, InvalidOperation])


def canonical(d: Decimal) -> Decimal:
    """The same number with no trailing fractional zeros, no exponent and no negative zero.

    Exact: an integer is rebuilt from ``int``, anything else is normalized in a context that
    traps rounding, or rebuilt from its digit tuple.
    """
    if not d:
        return _ZERO
    if d.same_quantum(_ONE):  # exponent 0: already canonical, as most figures are
        return d
    if d == d.to_integral_value():
        return Decimal(int(d))
    try:
        return _NORMAL.normalize(d)
    except ArithmeticError:
        return _by_digits(d)


def _by_digits(d: Decimal) -> Decimal:
    sign, digits, exp = d.as_tuple()
    assert isinstance(exp, int)
    if exp > 0:
        return Decimal((sign, digits + (0,) * exp, 0))
    end = len(digits)
    while exp < 0 and digits[end - 1] == 0:
        end -= 1
        exp += 1
    return d if end == len(digits) else Decimal((sign, digits[:end], exp))


def plain(d: Decimal | None) -> str | None:
    """A decimal as a plain string: no exponent, no trailing fractional zeros."""
    return None if d is None else format(canonical(d), "f")


@dataclass(frozen=True, slots=True)
class Amount:
    """One figure named by the text, with the interval it asserts.

    ``value`` is the figure named (None when only an interval is named); ``low``/``high``
    the interval (None = unbounded). For a plain or hedged figure both equal ``value``.
    """

    text: str
    start: int
    end: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    currency: str | None = None
    unit: str | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        done: dict[int, Decimal] = {}  # value, low and high are often one object
        for name in ("value", "low", "high"):
            d = getattr(self, name)
            if d is not None:
                c = done.get(id(d))
                if c is None:
                    if not isinstance(d, Decimal) or not d.is_finite():
                        raise TypeError(f"Amount.{name} must be a finite Decimal, got {d!r}")
                    c = done[id(d)] = canonical(d)
                object.__setattr__(self, name, c)
        if self.end - self.start != len(self.text) or self.start < 0:
            raise ValueError(f"Amount offsets {self.start}:{self.end} do not fit {self.text!r}")
        if self.low is None and self.low_inclusive:
            object.__setattr__(self, "low_inclusive", False)
        if self.high is None and self.high_inclusive:
            object.__setattr__(self, "high_inclusive", False)
        _check(self.value, self.low, self.high)

    @property
    def kind(self) -> Kind:
        if self.currency is not None:
            return "money"
        if self.unit in PERCENT_UNITS:
            return "percent"
        if self.value is None and self.unit is None:
            return "magnitude"
        return "number"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: every field plus ``kind``; decimals as plain strings."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "value": plain(self.value),
            "low": plain(self.low),
            "high": plain(self.high),
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
            "currency": self.currency,
            "unit": self.unit,
            "approximate": self.approximate,
        }


def _check(v: Decimal | None, lo: Decimal | None, hi: Decimal | None) -> None:
    """What every Amount holds to: an interval that is not empty, holding its value."""
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"Amount interval is empty: low {lo} > high {hi}")
    if v is not None and ((lo is not None and v < lo) or (hi is not None and v > hi)):
        raise ValueError(f"Amount value {v} lies outside [{lo}, {hi}]")
    if v is None and lo is None and hi is None:
        raise ValueError("Amount names neither a value nor an interval")


class _Draft:
    """Amount's slots in the same layout, but writable: an internal reading fills one in with
    plain attribute stores, and it becomes an Amount by ``__class__`` assignment, which Python
    allows between classes of one slot layout. Setting the frozen slots one by one through
    their descriptors costs twice as much, and an Amount is built per figure."""

    __slots__ = Amount.__slots__

    def __init__(self, text: str, start: int, end: int, v: Decimal | None, lo: Decimal | None,
                 hi: Decimal | None, low_inclusive: bool, high_inclusive: bool,
                 currency: str | None, unit: str | None, approximate: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.value = v
        self.low = lo
        self.high = hi
        self.low_inclusive = low_inclusive
        self.high_inclusive = high_inclusive
        self.currency = currency
        self.unit = unit
        self.approximate = approximate
        self.__class__ = Amount  # type: ignore[assignment]


# An Amount of these field values (text, start, end, value, low, high, low_inclusive,
# high_inclusive, currency, unit, approximate); the caller has checked them.
_assemble: Callable[[str, int, int, Decimal | None, Decimal | None, Decimal | None, bool, bool,
                     str | None, str | None, bool], Amount] = _Draft  # type: ignore[assignment]


def build(text: str, start: int, end: int, value: Decimal | None, low: Decimal | None,
          high: Decimal | None, low_inclusive: bool = True, high_inclusive: bool = True,
          currency: str | None = None, unit: str | None = None,
          approximate: bool = False) -> Amount:
    """Amount(...) for krnum's own readings: their offsets fit and their values are Decimals
    by construction, so only what a reading decides is checked (raises ValueError as the
    constructor does). About a quarter of the constructor's cost."""
    v = None if value is None else canonical(value)
    lo = None if low is None else v if low is value else canonical(low)
    hi = None if high is None else v if high is value else lo if high is low else canonical(high)
    if v is None or lo is not v or hi is not v:  # a figure that is its own interval holds
        _check(v, lo, hi)
    return _assemble(text, start, end, v, lo, hi, low_inclusive and lo is not None,
                     high_inclusive and hi is not None, currency, unit, approximate)


def written(text: str, start: int, end: int, value: Decimal, more: bool = False,
            currency: str | None = None, unit: str | None = None) -> Amount:
    """build() for one figure as written, its own interval with nothing to check; or more
    than it (2000여: (2000, ∞), approximate)."""
    if more:
        return build(text, start, end, value, value, None, False, False, currency, unit, True)
    v = canonical(value)
    return _assemble(text, start, end, v, v, v, True, True, currency, unit, False)


def moved(a: Amount, text: str, start: int) -> Amount:
    """``a`` with another text of the same length at ``start``: a repeat of a reading."""
    return _assemble(text, start, start + len(text), a.value, a.low, a.high, a.low_inclusive,
                     a.high_inclusive, a.currency, a.unit, a.approximate)

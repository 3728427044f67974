"""Amount: the one result type. Frozen, slotted, hashable; checks its own invariants."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

Kind = Literal["money", "percent", "magnitude", "number"]
PERCENT_UNITS = frozenset({"%", "%p", "bp"})

_ZERO = Decimal(0)


def canonical(d: Decimal) -> Decimal:
    """The same number with no trailing fractional zeros, no exponent and no negative zero.

    Built from the digit tuple, so no context precision can round it.
    """
    if not d:
        return _ZERO
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
        lo, hi, v = self.low, self.high, self.value
        if lo is not None and hi is not None and lo > hi:
            raise ValueError(f"Amount interval is empty: low {lo} > high {hi}")
        if v is not None and ((lo is not None and v < lo) or (hi is not None and v > hi)):
            raise ValueError(f"Amount value {v} lies outside [{lo}, {hi}]")
        if v is None and lo is None and hi is None:
            raise ValueError("Amount names neither a value nor an interval")

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

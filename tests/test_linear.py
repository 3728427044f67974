"""extract() and parse() take time linear in the input, whatever the input.

Growth, never absolute time: each input is run at 1x, 4x and 16x; a quadratic scan would
grow 256-fold, a linear one 16-fold. The bound leaves room for a noisy machine.
"""

from __future__ import annotations

import time

import pytest

import krnum

UNITS = {
    "digits": "1",
    "comma groups": "1,",
    "myriad words": "억",
    "tildes": "~",
    "open parens": "(",
    "mixed scripts": "가1a억~(%$€一",
    "myriad chain": "1억",
    "range chain": "3~",
    "spaced digits": "1 ",
    "hangul numerals": "일이삼사오",
    "hedges": "약 ",
    "dense amounts": "1원 ",
    "table": "1 | ",
}
BASE = 5_000


def _time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        krnum.extract(text)
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.parametrize("unit", list(UNITS.values()), ids=list(UNITS))
def test_extract_grows_linearly(unit: str) -> None:
    def make(n: int) -> str:
        body = unit * (n // len(unit))
        return "(단위: 억원)\n" + body if unit == "1 | " else body

    krnum.extract(make(100))
    t1, t4, t16 = (_time(make(BASE * k)) for k in (1, 4, 16))
    floor = 2e-4  # below this a timer measures noise, not the scan
    assert max(t16, floor) / max(t1, floor) < 16 * 4, (t1, t4, t16)
    assert max(t4, floor) / max(t1, floor) < 4 * 4, (t1, t4, t16)


def test_parse_refuses_long_input_at_once() -> None:
    """No single expression is longer than 400 characters: parse() does not scan past that."""
    for unit in UNITS.values():
        text = unit * 10_000
        with pytest.raises(krnum.ParseError) as info:
            krnum.parse(text)
        assert info.value.pos <= 400 + len(text) - len(text.lstrip())

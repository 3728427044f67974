"""format_korean(value, currency, style): the inverse of parse()."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from ._amount import canonical
from ._lexicon import _cldr_ko
from ._lexicon import currency as _currency
from ._numeral import EXACT

Style = Literal["myriad", "spaced", "mixed", "hangul", "comma", "decimal"]
STYLES: tuple[Style, ...] = ("myriad", "spaced", "mixed", "hangul", "comma", "decimal")

_MYRIADS = ((16, "경"), (12, "조"), (8, "억"), (4, "만"))
_PLACES = ((3, "천"), (2, "백"), (1, "십"))
_SINO = "영일이삼사오육칠팔구"

# how Korean writers attach the common currencies; others use their CLDR display name
_ATTACHED = {"KRW": "원", "JPY": "엔", "CNY": " 위안", "USD": " 달러", "EUR": " 유로", "GBP": " 파운드"}


def format_korean(
    value: Decimal | int | str, currency: str | None = None, *, style: Style = "myriad"
) -> str:
    """Write ``value`` the way Korean text does; ``parse`` reads it back exactly.

    >>> format_korean(Decimal("120000000"), currency="USD")
    '1억2000만 달러'
    >>> format_korean(1234567898, style="spaced")
    '12억 3456만 7898'
    >>> format_korean(120000000, style="mixed")
    '1억 2천만'
    >>> format_korean(120000000, style="hangul")
    '일억이천만'
    """
    if isinstance(value, float):
        raise TypeError("format_korean() takes a Decimal, int or str, never a float")
    try:
        d = Decimal(value)
    except ArithmeticError:
        raise ValueError(f"cannot write {value!r} as a Korean figure") from None
    if not d.is_finite():
        raise ValueError(f"cannot write {value!r} as a Korean figure")
    d = canonical(d)
    sign = "-" if d < 0 else ""
    d = EXACT.abs(d)
    if style == "comma":
        body = _comma(d)
    elif style == "decimal":
        body = _decimal(d)
    elif style == "hangul":
        sign = "마이너스 " if sign else ""
        body = _hangul(d)
    elif style in ("myriad", "spaced", "mixed"):
        body = _myriad(d, mixed=style == "mixed", spaced=style != "myriad")
    else:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    return sign + body + (_currency_suffix(currency) if currency else "")


def _split(d: Decimal) -> tuple[int, str]:
    s = format(d, "f")
    whole, _, frac = s.partition(".")
    return int(whole), frac


def _groups(n: int) -> list[tuple[int, str]]:
    out = []
    for power, word in _MYRIADS:
        g, n = divmod(n, 10**power)
        if g:
            out.append((g, word))
    if n:
        out.append((n, ""))
    return out


def _myriad(d: Decimal, mixed: bool, spaced: bool) -> str:
    whole, frac = _split(d)
    if whole >= 10**20:
        raise ValueError("figures of 10^20 and above have no myriad word")
    groups = _groups(whole)
    if frac and (not groups or groups[-1][1]):
        groups.append((0, ""))  # 1만0.5: the fraction needs a group to sit in
    # a fraction sits on plain digits: 3백.1 cannot be read, 300.1 can
    parts = [
        (_mixed_group(g) if mixed and (word or not frac) else str(g)) + word for g, word in groups
    ]
    body = (" " if spaced else "").join(parts)  # 만-unit spacing, as Korean spelling writes it
    return body + "." + frac if frac else body or "0"


def _mixed_group(g: int) -> str:
    out = ""
    for power, word in _PLACES[:2]:
        digit, g = divmod(g, 10**power)
        if digit:
            out += f"{digit}{word}"
    return out + (str(g) if g or not out else "")


def _comma(d: Decimal) -> str:
    whole, frac = _split(d)
    return f"{whole:,}" + (f".{frac}" if frac else "")


def _decimal(d: Decimal) -> str:
    whole, _ = _split(d)
    for power, word in _MYRIADS:
        if whole >= 10**power:
            return format(canonical(EXACT.scaleb(d, -power)), "f") + word
    return format(d, "f")


def _hangul(d: Decimal) -> str:
    whole, frac = _split(d)
    parts = []
    for g, word in _groups(whole):
        parts.append(_hangul_group(g) + word)
    body = "".join(parts)
    if frac:
        if whole % 10000 == 0:
            body += "영"  # 일만영점오: 점 needs a whole number before it
        body += "점" + "".join(_SINO[int(c)] for c in frac)
    return body or "영"


def _hangul_group(g: int) -> str:
    """One myriad group in words; 일 is dropped before 십 백 천 (천만, not 일천만)."""
    out = ""
    for power, word in _PLACES:
        digit, g = divmod(g, 10**power)
        if digit:
            out += ("" if digit == 1 else _SINO[digit]) + word
    if g:
        out += _SINO[g]
    return out


def _currency_suffix(code: str) -> str:
    if code in _ATTACHED:
        return _ATTACHED[code]
    names = [s for s, c, p in _cldr_ko.NAMES if c == code and p == "name" and " " in s]
    name = min(names, key=len) if names else None
    if name is None or _currency.CURRENCY_WORDS.get(name) != code:
        raise ValueError(f"no Korean name for currency {code!r}")
    return " " + name

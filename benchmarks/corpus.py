"""Deterministic Korean financial text and expressions, with their answers known by construction.

Two products, both from a seeded ``random.Random`` (same seed, same bytes, on every machine):

* :func:`mixed_set` - a fixed mixed set of single expressions for ``parse()``, at least one
  generator per grammar row of SPEC, each with the :class:`Want` (value, interval, flags,
  currency, unit) that the generator *built*, never one read back from krnum.
* :func:`corpus` - running text of any size: news prose, disclosure lines, analyst notes,
  market wrap-ups and tables under unit headers such as ``(단위: 억원)``, with figures at the
  density of real articles (about 24 per 1,000 characters: earnings news runs 20-35, the
  figure-picked sentences of shared/corpus/dev.jsonl 38), and the gold list of every amount
  ``extract()`` must return, in order, with exact spans.

Figures are written by ``krnum.format_korean`` in every style (myriad, mixed, hangul, comma,
decimal) and by the small renderers below (hanja and cheque numerals, native numerals,
English scale words); hedges, bounds, ranges, magnitudes, percent-like units, currencies,
counters, negatives and particles are wrapped around them by rule, so each expected amount
follows from SPEC's tables alone. All templates are written for this file.

    python benchmarks/corpus.py --size-mb 5 --out /tmp/krnum-corpus.txt   # write a corpus
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import NamedTuple

import krnum

SEED = 20240917

# --------------------------------------------------------------------------------------------
# The answer type


class Want(NamedTuple):
    """What krnum must report for one figure (the fields of ``Amount`` that carry meaning)."""

    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool
    high_inclusive: bool
    currency: str | None
    unit: str | None
    approximate: bool


class Fig(NamedTuple):
    """A figure as written, and its answer."""

    text: str
    want: Want


class Case(NamedTuple):
    """One expression of the parse() set: the SPEC row it stands for, the text, the answer."""

    row: str
    text: str
    want: Want


class Gold(NamedTuple):
    """One amount extract() must find in a corpus."""

    start: int
    end: int
    text: str
    want: Want


class Corpus(NamedTuple):
    text: str
    gold: list[Gold]
    doc_ends: list[int]  # code-point offset after each document (a safe place to cut)

    def prefix(self, n_bytes: int) -> Corpus:
        """The first documents of this corpus that fit in ``n_bytes`` of UTF-8 (at least one)."""
        cut = self.doc_ends[0]
        for end in self.doc_ends:
            if len(self.text[:end].encode("utf-8")) > n_bytes:
                break
            cut = end
        return Corpus(
            self.text[:cut], [g for g in self.gold if g.end <= cut],
            [e for e in self.doc_ends if e <= cut],
        )


def want_of(a: krnum.Amount) -> Want:
    """The comparable part of an Amount."""
    return Want(a.value, a.low, a.high, a.low_inclusive, a.high_inclusive, a.currency, a.unit,
                a.approximate)


def gold_of(a: krnum.Amount) -> Gold:
    return Gold(a.start, a.end, a.text, want_of(a))


def point(v: Decimal, cur: str | None = None, unit: str | None = None) -> Want:
    return Want(v, v, v, True, True, cur, unit, False)


def hedged(w: Want) -> Want:
    return w._replace(approximate=True)


def more_than(w: Want, *, inclusive: bool, approx: bool = False) -> Want:
    return w._replace(high=None, low_inclusive=inclusive, high_inclusive=False, approximate=approx)


def at_most(w: Want, *, inclusive: bool) -> Want:
    return w._replace(low=None, low_inclusive=False, high_inclusive=inclusive)


def interval(lo: Decimal, hi: Decimal, cur: str | None = None, unit: str | None = None, *,
             approx: bool = False, high_inclusive: bool = True) -> Want:
    return Want(None, lo, hi, True, high_inclusive, cur, unit, approx)


def band(lo: Decimal, hi: Decimal, cur: str | None = None, unit: str | None = None) -> Want:
    """A magnitude: [lo, hi), approximate, no point value."""
    return Want(None, lo, hi, True, False, cur, unit, True)


def _dec(s: str | int) -> Decimal:
    return Decimal(s)


def _plain(d: Decimal) -> str:
    """A decimal written the way a reporter would: no exponent, no trailing fractional zero."""
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def _p10(n: int) -> Decimal:
    return Decimal(1).scaleb(n)


def _step(v: Decimal) -> Decimal:
    """The place value of v's last non-zero digit: the width of 'v대'."""
    return _p10(v.normalize().as_tuple().exponent)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Writing numbers: krnum.format_korean for its five styles, and our own renderers for the rest

STYLES = ("myriad", "mixed", "hangul", "comma", "decimal")
_MYR = ((12, "조"), (8, "억"), (4, "만"))
_HANJA = {"digits": "〇一二三四五六七八九", "places": "十百千", "myr": {4: "萬", 8: "億", 12: "兆"}}
_FORMAL = {"digits": "〇壹貳參肆伍陸柒捌玖", "places": "拾佰仟", "myr": {4: "萬", 8: "億", 12: "兆"}}
_SINO = "영일이삼사오육칠팔구"
_FULLWIDTH = str.maketrans("0123456789,.%", "０１２３４５６７８９，．％")

# how a currency is written after a figure, by ISO code (variants a reporter uses)
CUR_AFTER: dict[str, tuple[str, ...]] = {
    "KRW": ("원", "원", "원", " 원"),
    "USD": (" 달러", "달러", " 달러", "달러화"),
    "JPY": ("엔", " 엔", "엔화"),
    "EUR": (" 유로", "유로", "유로화"),
    "CNY": (" 위안", "위안", "위안화"),
    "GBP": (" 파운드", "파운드"),
    "HKD": ("홍콩달러", " 홍콩달러"),
    "AUD": ("호주달러", " 호주달러"),
    "CHF": ("스위스프랑", " 스위스프랑"),
    "VND": (" 베트남 동",),
    "CAD": (" 캐나다달러",),
    "SGD": (" 싱가포르 달러",),
}
CUR_BEFORE: dict[str, tuple[str, ...]] = {
    "KRW": ("₩", "KRW "), "USD": ("$", "US$", "USD ", "US$ "), "EUR": ("€", "EUR "),
    "JPY": ("¥", "JPY "), "GBP": ("£", "GBP "), "HKD": ("HK$",),
}


def _hanja(n: int, style: dict) -> str:
    """一億二千萬 (plain) or 壹億貳仟萬 (formal: every 1 written)."""
    formal = style is _FORMAL
    out = []
    for power in (12, 8, 4, 0):
        g, n = divmod(n, 10**power)
        if not g:
            continue
        part = ""
        for place in (3, 2, 1):
            d, g = divmod(g, 10**place)
            if d:
                part += ("" if d == 1 and not formal else style["digits"][d]) + style["places"][place - 1]
        if g:
            part += style["digits"][g]
        out.append(part + (style["myr"][power] if power else ""))
    return "".join(out)


def _group_digits(n: int) -> str:
    return f"{n:,}"


def _native(n: int, attributive: bool) -> str:
    """1..99 in native Korean: 서른다섯, before a counter 스무/한/두/세/네."""
    tens = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")
    ones_card = ("", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉")
    ones_attr = ("", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉")
    t, o = divmod(n, 10)
    if attributive and n == 20:
        return "스무"
    return tens[t] + (ones_attr if attributive else ones_card)[o]


def render(v: Decimal, style: str, cur_text: str = "") -> str:
    """krnum.format_korean for the number, the currency as a reporter attaches it."""
    return krnum.format_korean(v, style=style) + cur_text  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Values a financial text names


def _sig(rng: random.Random, digits: int) -> int:
    """An integer of up to ``digits`` digits with 1-3 significant ones, as reported figures are."""
    n = rng.randint(1, 10**digits - 1)
    keep = rng.choice((1, 2, 2, 3, 3, 4))
    s = str(n)
    return int(s[:keep] + "0" * max(0, len(s) - keep))


def money_value(rng: random.Random, cur: str) -> Decimal:
    """A sum in its currency's usual range: 억/조 for won, 만/억 for dollars, prices sometimes."""
    r = rng.random()
    if cur == "KRW":
        if r < 0.15:
            return _dec(_sig(rng, 6) or 1000)  # a price or a per-share figure
        power = 8 if r < 0.75 else (12 if r < 0.85 else 4)
    else:
        if r < 0.2:
            return _dec(_sig(rng, 4) or 10)
        power = 4 if r < 0.6 else 8
    head = _dec(_sig(rng, 4) or 1).scaleb(power)
    if power >= 8 and rng.random() < 0.25:
        head += _dec(_sig(rng, 4) or 1).scaleb(power - 4)
    return head


def pct_value(rng: random.Random) -> Decimal:
    r = rng.random()
    if r < 0.4:
        return _dec(rng.randint(1, 999)) / 10
    if r < 0.7:
        return _dec(rng.randint(1, 9999)) / 100
    return _dec(rng.randint(1, 120))


def _pct_text(rng: random.Random, v: Decimal) -> str:
    s = _plain(v)
    if "." in s and rng.random() < 0.1 and len(s.split(".")[1]) == 1:
        s += "0"  # 12.50%: the trailing zero of a table column
    return s


# --------------------------------------------------------------------------------------------
# Figures: each function returns the text as written and its answer


def fig_money(rng: random.Random, cur: str | None = None, style: str | None = None,
              v: Decimal | None = None) -> Fig:
    cur = cur or rng.choice(("KRW",) * 7 + ("USD",) * 3 + ("JPY", "EUR", "CNY"))
    v = money_value(rng, cur) if v is None else v
    style = style or rng.choice(
        ("myriad",) * 7 + ("comma",) * 4 + ("decimal",) * 3 + ("mixed",) * 3 + ("hangul",)
    )
    if style == "hangul" and v < 10:
        style = "myriad"  # a one-syllable Hangul numeral is not an amount in running text
    if style == "comma" and cur in CUR_BEFORE and rng.random() < 0.3:  # $1,500, ₩648,000
        digits = _group_digits(int(v)) if v == int(v) else _plain(v)
        return Fig(rng.choice(CUR_BEFORE[cur]) + digits, point(v, cur))
    suffix = rng.choice(CUR_AFTER[cur])
    if style == "hangul" and not suffix.startswith(" "):
        suffix = " " + suffix.lstrip()
    return Fig(render(v, style, suffix), point(v, cur))


def fig_pct(rng: random.Random) -> Fig:
    v = pct_value(rng)
    s = _pct_text(rng, v)
    r = rng.random()
    if r < 0.8:
        return Fig(s + "%", point(v, unit="%"))
    if r < 0.9:
        return Fig(s + "퍼센트", point(v, unit="%"))
    pv = _dec(rng.randint(1, 300)) / 100
    unit_text = rng.choice(("%p", "%포인트", "%p", "퍼센트포인트"))
    return Fig(_plain(pv) + unit_text, point(pv, unit="%p"))


def fig_bp(rng: random.Random) -> Fig:
    n = rng.choice((5, 10, 15, 20, 25, 30, 40, 50, 75, 100))
    return Fig(f"{n}{rng.choice(('bp', 'bp', '베이시스포인트'))}", point(_dec(n), unit="bp"))


def fig_count(rng: random.Random, *, dae: bool = True) -> Fig:
    """A counted number; ``dae=False`` leaves out 대, which alone reads as a magnitude (12대)."""
    r = rng.random()
    if r < 0.2:
        v = _dec(_sig(rng, 4) or 10).scaleb(4)
        return Fig(render(v, "myriad", "주"), point(v, unit="주"))
    if r < 0.4:
        v = _dec(rng.randint(2, 9999))
        return Fig(f"{int(v):,}{rng.choice(('명', '명', ' 명'))}", point(v, unit="명"))
    if r < 0.55:
        v = _dec(rng.randint(11, 250)) / 10
        return Fig(f"{_plain(v)}배", point(v, unit="배"))
    if r < 0.7:
        n = rng.randint(2, 400)
        unit = rng.choice(("개사", "곳", "건", "개국", "가구", "척", "종목"))
        return Fig(f"{n}{unit}", point(_dec(n), unit=unit))
    if r < 0.8:
        v = _dec(rng.randint(11, 999)).scaleb(4)
        return Fig(render(v, "myriad", "명"), point(v, unit="명"))
    if r < 0.9:
        v = _dec(rng.randint(1, 9999)) / 100
        return Fig(f"{_plain(v)}포인트", point(v, unit="포인트"))
    n = rng.choice((3, 5, 7, 12, 48, 150, 240, 1300))
    unit = rng.choice(("대", "톤", "배럴", "채") if dae else ("톤", "배럴", "채"))
    return Fig(f"{n:,}{unit}", point(_dec(n), unit=unit))


def fig_myriad_bare(rng: random.Random) -> Fig:
    """A myriad figure with no currency written: a number, never money (SPEC)."""
    v = _dec(rng.randint(1, 99)) / 10 if rng.random() < 0.5 else _dec(rng.randint(1, 9999))
    word, p = rng.choice((("조", 12), ("억", 8), ("만", 4)))
    return Fig(f"{_plain(v)}{word}", point(v.scaleb(p)))


def fig_hedged(rng: random.Random) -> Fig:
    base = rng.choice((fig_money, fig_money, fig_pct, fig_count))(rng)
    w = hedged(base.want)
    r = rng.random()
    if r < 0.45:
        return Fig(rng.choice(("약 ", "약 ", "대략 ", "어림잡아 ")) + base.text, w)
    return Fig(base.text + rng.choice((" 가량", "가량", " 정도", "쯤", " 내외", " 안팎", " 가까이")), w)


def fig_more(rng: random.Random) -> Fig:
    """여 and 남짓: more than v, approximate."""
    r = rng.random()
    if r < 0.4:
        n = _sig(rng, 4) or 100
        return Fig(f"{n}여억원", more_than(point(_dec(n).scaleb(8), "KRW"), inclusive=False,
                                          approx=True))
    if r < 0.6:
        n = rng.randint(2, 99) * 10
        return Fig(f"{n}여명", more_than(point(_dec(n), unit="명"), inclusive=False, approx=True))
    if r < 0.7:
        n = rng.randint(1, 9)
        return Fig(f"{n}조여원", more_than(point(_dec(n).scaleb(12), "KRW"), inclusive=False,
                                          approx=True))
    base = fig_money(rng)
    return Fig(base.text + " 남짓", more_than(base.want, inclusive=False, approx=True))


_BOUNDS_AFTER = ((" 이상", "lo", True), (" 초과", "lo", False), (" 이하", "hi", True),
                 (" 미만", "hi", False), (" 넘는", "lo", False), (" 넘게", "lo", False))
_BOUNDS_BEFORE = (("최대 ", "hi", True), ("최고 ", "hi", True), ("최소 ", "lo", True),
                  ("최저 ", "lo", True))


def fig_bound(rng: random.Random) -> Fig:
    base = rng.choice((fig_money, fig_money, fig_pct, fig_count))(rng)
    if rng.random() < 0.6:
        word, side, incl = rng.choice(_BOUNDS_AFTER)
        text = base.text + word
    else:
        word, side, incl = rng.choice(_BOUNDS_BEFORE)
        text = word + base.text
    w = more_than(base.want, inclusive=incl) if side == "lo" else at_most(base.want, inclusive=incl)
    return Fig(text, w)


def fig_range(rng: random.Random) -> Fig:
    r = rng.random()
    if r < 0.25:  # 3~4조원: the myriad and the currency written once
        word, p = rng.choice((("조", 12), ("억", 8), ("만", 4)))
        a = rng.randint(1, 8) * (10 if p != 12 and rng.random() < 0.5 else 1)
        b = a + rng.randint(1, 3) * (a // 10 or 1)
        cur = rng.choice(("KRW", "KRW", "USD"))
        text = f"{a}~{b}{word}{rng.choice(CUR_AFTER[cur])}"
        w = interval(_dec(a).scaleb(p), _dec(b).scaleb(p), cur)
    elif r < 0.45:  # 3000억~4000억원
        word, p = rng.choice((("억", 8), ("만", 4), ("조", 12)))
        a = _sig(rng, 4) or 10
        b = a + (_sig(rng, len(str(a))) or 1)
        text = f"{a}{word}~{b}{word}원"
        w = interval(_dec(a).scaleb(p), _dec(b).scaleb(p), "KRW")
    elif r < 0.65:  # 2~3%, 1.5~2.0%
        a = pct_value(rng)
        b = a + _dec(rng.randint(1, 30)) / 10
        text = f"{_plain(a)}~{_plain(b)}%"
        w = interval(a, b, unit="%")
    elif r < 0.75:  # 10억에서 20억원 사이
        a = rng.randint(1, 50) * 10
        b = a + rng.randint(1, 5) * 10
        text = f"{a}억에서 {b}억원 사이"
        w = interval(_dec(a).scaleb(8), _dec(b).scaleb(8), "KRW")
    elif r < 0.85:  # 5억 내지 7억 달러
        a = rng.randint(1, 9)
        b = a + rng.randint(1, 5)
        text = f"{a}억 내지 {b}억 달러"
        w = interval(_dec(a).scaleb(8), _dec(b).scaleb(8), "USD")
    else:  # 35~45명
        a = rng.randint(2, 40) * 5
        b = a + rng.randint(1, 8) * 5
        text = f"{a}~{b}명"
        w = interval(_dec(a), _dec(b), unit="명")
    if rng.random() < 0.15:
        return Fig("약 " + text, hedged(w))
    return Fig(text, w)


def fig_magnitude(rng: random.Random) -> Fig:
    r = rng.random()
    if r < 0.3:  # 7%대, 2.5%대
        v = _dec(rng.randint(1, 99)) if rng.random() < 0.7 else _dec(rng.randint(1, 99)) / 10
        return Fig(f"{_plain(v)}%대", band(v, v + _step(v), unit="%"))
    if r < 0.5:  # 1000억원대, 5000만원대, 10억 달러대
        word, p = rng.choice((("억", 8), ("만", 4), ("조", 12)))
        n = _sig(rng, 4) or 1
        v = _dec(n).scaleb(p)
        cur = rng.choice(("KRW", "KRW", "USD"))
        return Fig(f"{n}{word}{rng.choice(CUR_AFTER[cur]) if cur != 'KRW' else '원'}대",
                   band(v, v + _step(v), cur))
    if r < 0.6:  # 억대, 억원대
        if rng.random() < 0.5:
            return Fig("억대", band(_p10(8), _p10(9)))
        return Fig("억원대", band(_p10(8), _p10(9), "KRW"))
    if r < 0.85:  # 수십억 원, 수백만 명, 십수억 원
        place, pp = rng.choice((("십", 1), ("백", 2), ("천", 3)))
        word, p = rng.choice((("억", 8), ("조", 12), ("만", 4)))
        tail, cur, unit = rng.choice(((" 원", "KRW", None), ("원", "KRW", None),
                                      (" 달러", "USD", None), (" 명", None, "명")))
        if word != "만" and rng.random() < 0.2:
            tail, cur, unit = "", None, None
        lo = _p10(pp + p)
        if rng.random() < 0.2 and place == "십":
            return Fig(f"십수{word}{tail}", band(lo * 11 / 10, lo * 2, cur, unit))
        return Fig(f"수{place}{word}{tail}", band(lo, lo * 10, cur, unit))
    n = rng.randint(1, 4)  # 두 자릿수
    return Fig(f"{_native(n, True)} 자릿수", band(Decimal(0) if n == 1 else _p10(n - 1), _p10(n)))


def fig_native(rng: random.Random) -> Fig:
    n = rng.choice((2, 2, 3, 3, 4, 5, 7, 10, 11, 12, 15, 20, 24, 35, 47))
    unit = rng.choice(("배", "명", "곳", "개", "척", "건", "가지"))
    return Fig(f"{_native(n, True)} {unit}", point(_dec(n), unit=unit))


def fig_negative(rng: random.Random) -> Fig:
    r = rng.random()
    if r < 0.4:
        v = pct_value(rng)
        return Fig(f"-{_plain(v)}%", point(-v, unit="%"))
    if r < 0.7:
        n = _sig(rng, 4) or 1
        return Fig(f"△{n:,}억원", point(-_dec(n).scaleb(8), "KRW"))
    v = _dec(rng.randint(1, 50)) / 10
    return Fig(f"마이너스 {_plain(v)}%", point(-v, unit="%"))


def fig_english(rng: random.Random) -> Fig:
    x = _dec(rng.randint(1, 999)) / 10 if rng.random() < 0.6 else _dec(rng.randint(1, 950))
    pattern = rng.randrange(8)
    if pattern == 0:
        return Fig(f"{_plain(x)}M유로", point(x.scaleb(6), "EUR"))
    if pattern == 1:
        return Fig(f"€{_plain(x)}m", point(x.scaleb(6), "EUR"))
    if pattern == 2:
        return Fig(f"{_plain(x)}bn 달러", point(x.scaleb(9), "USD"))
    if pattern == 3:
        return Fig(f"${_plain(x)}B", point(x.scaleb(9), "USD"))
    if pattern == 4:
        return Fig(f"US${_plain(x)} million", point(x.scaleb(6), "USD"))
    if pattern == 5:
        return Fig(f"EUR {_plain(x)} mn", point(x.scaleb(6), "EUR"))
    if pattern == 6:
        a = _dec(rng.randint(100, 200)) / 100
        b = a + _dec(rng.randint(1, 20)) / 100
        return Fig(f"USD {_plain(a)}~{_plain(b)}bn", interval(a.scaleb(9), b.scaleb(9), "USD"))
    n = rng.randint(10, 99999)
    code = rng.choice(("USD", "KRW", "EUR"))
    return Fig(f"{code} {n:,}", point(_dec(n), code))


def fig_foreign(rng: random.Random) -> Fig:
    cur = rng.choice(("JPY", "EUR", "CNY", "GBP", "HKD", "AUD", "CHF", "VND", "CAD", "SGD"))
    v = money_value(rng, cur)
    return Fig(render(v, "myriad", rng.choice(CUR_AFTER[cur])), point(v, cur))


def fig_hanja(rng: random.Random) -> Fig:
    n = _sig(rng, 4) * 10 ** rng.choice((4, 4, 8))
    if rng.random() < 0.5:
        prefix, suffix = rng.choice((("금 ", "원정"), ("金 ", "원整")))
        return Fig(f"{prefix}{_hanja(n, _FORMAL)}{suffix}", point(_dec(n), "KRW"))
    return Fig(f"{_hanja(n, _HANJA)}원", point(_dec(n), "KRW"))


def fig_fraction(rng: random.Random) -> Fig:
    den, num = rng.choice(((4, 1), (2, 1), (5, 2), (10, 1), (4, 3), (8, 1), (5, 1), (20, 1)))
    return Fig(f"{den}분의 {num}", point(_dec(num) / den))


# --------------------------------------------------------------------------------------------
# The mixed parse() set: one generator per SPEC grammar row


def _row_digits(rng: random.Random) -> Fig:
    r = rng.random()
    if r < 0.3:
        n = rng.randint(1000, 10**10)
        return Fig(f"{n:,}원", point(_dec(n), "KRW"))
    if r < 0.5:
        v = pct_value(rng)
        return Fig(f"{_pct_text(rng, v)}%", point(v, unit="%"))
    if r < 0.65:
        n = _sig(rng, 4) or 1
        return Fig(f"{n:,}억원", point(_dec(n).scaleb(8), "KRW"))
    if r < 0.85:  # full width, as pasted from a PDF
        v = pct_value(rng)
        text = rng.choice((f"{_plain(v)}%", f"{int(v * 100):,}원"))
        want = point(v, unit="%") if text.endswith("%") else point(_dec(int(v * 100)), "KRW")
        return Fig(text.translate(_FULLWIDTH), want)
    n, frac = rng.randint(1, 99999), rng.randint(1, 99)
    return Fig(f"{n:,}.{frac:02d}", point(_dec(f"{n}.{frac:02d}")))


def _row_myriad(rng: random.Random) -> Fig:
    cur = rng.choice((None, "KRW", "KRW", "USD"))
    v = _dec(_sig(rng, 4) or 1).scaleb(rng.choice((8, 12, 4))) + _dec(rng.randint(0, 9999)).scaleb(4)
    if rng.random() < 0.3:
        v += rng.randint(1, 9999)
    text = render(v, "myriad", rng.choice(CUR_AFTER[cur]) if cur else "")
    if rng.random() < 0.3:  # 12억 3456만 7890원: a space between groups
        text = re.sub(r"([조억만])(?=[0-9])", r"\1 ", text)
    return Fig(text, point(v, cur))


def _row_ingroup(rng: random.Random) -> Fig:
    cur = rng.choice((None, "KRW", "USD", "JPY"))
    v = _dec(rng.randint(1, 9999)).scaleb(rng.choice((4, 8))) + (
        _dec(rng.randint(1, 99)).scaleb(6) if rng.random() < 0.3 else 0)
    text = render(v, "mixed", rng.choice(CUR_AFTER[cur]) if cur else "")
    if rng.random() < 0.4:
        text = text.replace("억 ", "억").replace("조 ", "조")  # 1억2천5백만: unspaced
    return Fig(text, point(v, cur))


def _row_decimal_unit(rng: random.Random) -> Fig:
    cur = rng.choice((None, "KRW", "USD", "EUR"))
    if rng.random() < 0.3:  # 0.3억 달러
        v = _dec(rng.randint(1, 9)) / 10
        word, p = rng.choice((("억", 8), ("조", 12)))
        return Fig(f"{_plain(v)}{word}" + (rng.choice(CUR_AFTER[cur]) if cur else ""),
                   point(v.scaleb(p), cur))
    v = (_dec(rng.randint(11, 9999)) / 10).scaleb(rng.choice((8, 12, 4)))
    return Fig(render(v, "decimal", rng.choice(CUR_AFTER[cur]) if cur else ""), point(v, cur))


_BARE = (
    ("만 원", point(_p10(4), "KRW")), ("천만", point(_p10(7))), ("억", point(_p10(8))),
    ("백만 원", point(_p10(6), "KRW")), ("십억", point(_p10(9))), ("천억 원", point(_p10(11), "KRW")),
    ("조 원", point(_p10(12), "KRW")), ("만 달러", point(_p10(4), "USD")),
    ("천 원", point(_p10(3), "KRW")), ("천만원", point(_p10(7), "KRW")), ("십만", point(_p10(5))),
    ("억대", band(_p10(8), _p10(9))), ("억원대", band(_p10(8), _p10(9), "KRW")),
    ("백억 원", point(_p10(10), "KRW")), ("만원", point(_p10(4), "KRW")),
    ("백만 달러", point(_p10(6), "USD")), ("천만 엔", point(_p10(7), "JPY")),
    ("억 엔", point(_p10(8), "JPY")), ("조", point(_p10(12))), ("백 달러", point(_p10(2), "USD")),
    ("십만 원", point(_p10(5), "KRW")), ("억 원", point(_p10(8), "KRW")), ("만", point(_p10(4))),
)


def _row_bare_unit(rng: random.Random) -> Fig:
    return Fig(*rng.choice(_BARE))


def _row_hangul(rng: random.Random) -> Fig:
    cur = rng.choice((None, None, "KRW", "USD", "JPY"))
    r = rng.random()
    if r < 0.15:  # 영점오, 삼점일사
        v = _dec(rng.randint(0, 9)) + _dec(rng.randint(1, 99)) / 100
        return Fig(render(v, "hangul"), point(v))
    v = _dec(_sig(rng, 4) or 1).scaleb(rng.choice((0, 4, 8)))
    if rng.random() < 0.3:
        v += _dec(rng.randint(1, 9999)).scaleb(4 if v >= _p10(8) else 0)
    tail = (" " + rng.choice(CUR_AFTER[cur]).strip()) if cur else ""
    return Fig(render(v, "hangul") + tail, point(v, cur))


def _row_hanja(rng: random.Random) -> Fig:
    if rng.random() < 0.3:
        n = _sig(rng, 4) * 10 ** rng.choice((0, 4, 8))
        return Fig(_hanja(n, _HANJA), point(_dec(n)))
    return fig_hanja(rng)


def _row_native(rng: random.Random) -> Fig:
    r = rng.random()
    if r < 0.35:
        n = rng.randint(1, 99)
        return Fig(_native(n, False), point(_dec(n)))
    if r < 0.8:
        n = rng.randint(1, 49)
        unit = rng.choice(("배", "명", "곳", "개", "척", "건", "가지", "마리"))
        return Fig(f"{_native(n, True)} {unit}", point(_dec(n), unit=unit))
    n = rng.randint(1, 5)
    return Fig(f"{_native(n, True)} 자릿수", band(Decimal(0) if n == 1 else _p10(n - 1), _p10(n)))


def _hangul_int(n: int) -> str:
    return krnum.format_korean(n, style="hangul")


def _row_colloquial(rng: random.Random) -> Fig:
    r = rng.randrange(7)
    if r == 0:  # 십불, 오백불
        n = rng.choice((10, 20, 50, 100, 300, 500, 1000, 10000))
        return Fig(_hangul_int(n) + "불", point(_dec(n), "USD"))
    if r == 1:  # 일쩜이삼
        a, b = rng.randint(0, 9), rng.randint(1, 99)
        text = (_SINO[a] if a else rng.choice("영공")) + "쩜" + "".join(_SINO[int(c)] for c in str(b))
        return Fig(text, point(_dec(f"{a}.{b}")))
    if r == 2:
        return Fig(rng.choice(("빵", "공")), point(Decimal(0)))
    if r == 3:
        v = _dec(rng.randint(1, 50)) / rng.choice((1, 10))
        return Fig(f"마이나스 {_plain(v)}", point(-v))
    if r == 4:  # 2달러 23센트
        d, c = rng.randint(1, 99), rng.randint(1, 99)
        return Fig(f"{d}달러 {c}센트", point(_dec(d) + _dec(c) / 100, "USD"))
    den, num = rng.choice(((4, 3), (2, 1), (5, 2), (8, 3), (10, 7), (4, 1), (5, 4)))
    return Fig(f"{_SINO[den] if den < 10 else '십'}분의{_SINO[num]}", point(_dec(num) / den))


def _row_currency(rng: random.Random) -> Fig:
    if rng.random() < 0.6:
        return fig_foreign(rng)
    cur = rng.choice(tuple(CUR_BEFORE))
    n = _sig(rng, 6) or 100
    return Fig(rng.choice(CUR_BEFORE[cur]) + f"{n:,}", point(_dec(n), cur))


def _row_percent(rng: random.Random) -> Fig:
    r = rng.random()
    if r < 0.55:
        return fig_pct(rng)
    if r < 0.8:
        return fig_bp(rng)
    v = _dec(rng.randint(1, 9999)) / 100
    return Fig(f"{_plain(v)}포인트", point(v, unit="포인트"))


def _row_no_currency(rng: random.Random) -> Fig:
    return fig_myriad_bare(rng)


def _row_counters(rng: random.Random) -> Fig:
    return fig_count(rng, dae=False)


def _row_fractions(rng: random.Random) -> Fig:
    den = rng.choice((2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 100, 1000))  # only 2s and 5s: exact
    num = rng.randint(1, min(den - 1, 99))
    sep = rng.choice((" ", ""))
    return Fig(f"{den}분의{sep}{num}", point(_dec(num) / den))


ROWS: dict[str, Callable[[random.Random], Fig]] = {
    "digits, commas, decimals": _row_digits,
    "myriad units": _row_myriad,
    "십 백 천 in a group": _row_ingroup,
    "decimal with unit": _row_decimal_unit,
    "bare unit word": _row_bare_unit,
    "hangul numerals": _row_hangul,
    "hanja and cheque numerals": _row_hanja,
    "native numerals": _row_native,
    "colloquial forms": _row_colloquial,
    "hedges": fig_hedged,
    "여 and 남짓": fig_more,
    "bounds": fig_bound,
    "ranges": fig_range,
    "magnitudes": fig_magnitude,
    "percent-like": _row_percent,
    "currencies": _row_currency,
    "English scale and ISO": fig_english,
    "fractions": _row_fractions,
    "negatives": fig_negative,
    "currency only where written": _row_no_currency,
    "counters": _row_counters,
    "styles (format_korean)": lambda rng: fig_money(rng, style=rng.choice(STYLES)),
}


def mixed_set(n: int = 1200, seed: int = SEED) -> list[Case]:
    """``n`` distinct expressions, round-robin over the SPEC rows, with their answers.

    A row with few forms (bare unit words) leaves the rotation once it stops producing new ones.
    """
    rng = random.Random(seed)
    out: list[Case] = []
    seen: set[str] = set()
    rows = list(ROWS.items())
    i = 0
    while len(out) < n:
        if not rows:
            raise RuntimeError("the generators cannot produce that many distinct expressions")
        row, gen = rows[i % len(rows)]
        for _ in range(200):
            fig = gen(rng)
            if fig.text not in seen:
                break
        else:
            rows.remove((row, gen))
            continue
        seen.add(fig.text)
        out.append(Case(row, fig.text, fig.want))
        i += 1
    return out


# --------------------------------------------------------------------------------------------
# Running text


_COMPANIES = (
    "한빛전자", "동해화학", "새봄바이오", "누리은행", "가온건설", "다올중공업", "미르통신", "청송제약",
    "태평양해운", "한결자동차", "소망생명", "바른증권", "대양에너지", "솔빛디스플레이", "하늘항공",
    "백두철강", "온누리카드", "푸른식품", "금강물산", "한올게임즈", "늘봄유통", "은하반도체",
)
_METRICS = ("매출", "매출액", "영업이익", "순이익", "당기순이익", "세전이익", "수주잔고", "시가총액",
            "영업현금흐름", "설비투자", "연구개발비", "배당총액")
_PERIODS = ("올해 1분기", "지난 분기", "상반기", "3분기", "지난해", "2024년 연간", "4분기", "2분기",
            "전년 동기", "하반기")
_SECTORS = ("반도체", "2차전지", "조선", "바이오", "방산", "게임", "건설", "철강", "화장품", "해운")
_INDEXES = ("코스피", "코스닥")
_REGIONS = ("미국", "유럽", "중국", "일본", "베트남", "인도", "중동", "동남아")
_ANALYSTS = ("김", "이", "박", "최", "정", "강", "조", "윤")

# distractors: dates, quarters, durations, times, codes, names with digits, words holding 원/억/조/만
_NEGATIVES = (
    "2024년 3월 9일", "지난 2분기", "3Q24", "5년간", "오후 3시 30분", "2023년", "1월 15일", "제165조",
    "경쟁률 452대 1", "30대 남성", "20대 고객", "위원회", "지원 사업", "만약의 경우", "조정 국면",
    "물가 억제", "원가 부담", "천만다행으로", "3년 만에", "2025년 하반기", "02-3456-7890", "4월 1일부터",
    "노바 X5", "제12조 제3항", "오전 9시", "2030년까지", "10년 만기", "3호기", "1공장", "2단계",
)
_STOCK_CODES = ("005930", "000660", "035420", "051910", "207940", "068270", "105560", "373220")


def _batchim(text: str) -> tuple[bool, bool]:
    """(has a final consonant, that consonant is ㄹ), for choosing 을/를, 으로/로 after text."""
    c = text.rstrip()[-1]
    if "가" <= c <= "힣":
        jong = (ord(c) - 0xAC00) % 28
        return jong != 0, jong == 8
    if c.isdigit():
        return c in "0136780", c in "178"  # 영 일 삼 육 칠 팔 / 일 칠 팔
    if c in "%":
        return False, False  # 퍼센트
    if c in "pP":
        return False, False  # 포인트
    if c.isalpha():
        return c.lower() in "lmnr", c.lower() in "lr"  # million, bn (엔)
    return False, False


_JOSA = {"을": ("을", "를"), "이": ("이", "가"), "은": ("은", "는"), "과": ("과", "와"),
         "으로": ("으로", "로")}


def josa(text: str, kind: str) -> str:
    if kind not in _JOSA:
        return kind
    final, rieul = _batchim(text)
    if kind == "으로":
        return "로" if (not final or rieul) else "으로"
    pair = _JOSA[kind]
    return pair[0] if final else pair[1]


class _Writer:
    """Appends text and figures, recording each figure's span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.gold: list[Gold] = []
        self.pos = 0
        self.nbytes = 0
        self.doc_ends: list[int] = []

    def t(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)
        self.nbytes += len(s.encode("utf-8"))

    def f(self, fig: Fig, after: str = "") -> None:
        self.gold.append(Gold(self.pos, self.pos + len(fig.text), fig.text, fig.want))
        self.t(fig.text)
        if after:
            self.t(josa(fig.text, after))

    def end_doc(self) -> None:
        self.t("\n\n")
        self.doc_ends.append(self.pos)

    def text(self) -> str:
        return "".join(self.parts)


def _money(rng: random.Random) -> Fig:
    return rng.choice((fig_money,) * 6 + (fig_hedged, fig_bound, fig_range, fig_more))(rng)


def _any_pct(rng: random.Random) -> Fig:
    r = rng.random()
    if r < 0.7:
        return fig_pct(rng)
    if r < 0.8:
        return fig_negative(rng) if rng.random() < 0.5 else fig_pct(rng)
    if r < 0.9:
        v = pct_value(rng)
        return Fig(f"{_plain(v)}%대", band(v, v + _step(v), unit="%"))
    a = pct_value(rng)
    return Fig(f"{_plain(a)}~{_plain(a + 1)}%", interval(a, a + 1, unit="%"))


# Each sentence template writes one sentence through the writer. Templates are plain functions
# so a reader sees the Korean as written.

def _s_results(w: _Writer, rng: random.Random) -> None:
    co, m, p = rng.choice(_COMPANIES), rng.choice(_METRICS), rng.choice(_PERIODS)
    w.t(f"{co}{josa(co, '은')} {p} {m}{josa(m, '이')} ")
    w.f(_money(rng), "으로")
    w.t(" 전년 동기 대비 ")
    w.f(fig_pct(rng))
    w.t(f" {rng.choice(('증가했다', '감소했다', '늘었다', '줄었다'))}고 {rng.choice(('밝혔다', '공시했다'))}. ")


def _s_consensus(w: _Writer, rng: random.Random) -> None:
    m = rng.choice(_METRICS)
    w.t("이는 시장 컨센서스(")
    w.f(fig_money(rng, "KRW", style=rng.choice(("myriad", "decimal"))))
    w.t(f"){josa('스', '을')} ")
    w.f(fig_pct(rng))
    w.t(f" {rng.choice(('웃도는', '밑도는'))} 수준으로, {m} 증가율은 ")
    w.f(_any_pct(rng), "을")
    w.t(" 기록했다. ")


def _s_contract(w: _Writer, rng: random.Random) -> None:
    co, region = rng.choice(_COMPANIES), rng.choice(_REGIONS)
    w.t(f"{co}{josa(co, '은')} {rng.choice(_NEGATIVES[:2])} {region} 고객사와 ")
    usd = fig_money(rng, "USD", style=rng.choice(("myriad", "comma")))
    w.f(usd)
    w.t("(")
    krw = fig_money(rng, "KRW", style="myriad")
    w.f(Fig("약 " + krw.text, hedged(krw.want)))
    w.t(f") 규모의 공급 계약을 체결했다고 밝혔다. 계약 기간은 {rng.choice(('3년', '5년간', '2년'))}이다. ")


def _s_shares(w: _Writer, rng: random.Random) -> None:
    co = rng.choice(_COMPANIES)
    w.t(f"{co}({rng.choice(_STOCK_CODES)}){josa(co, '은')} 보통주 ")
    w.f(fig_count(rng) if rng.random() < 0.3 else Fig(*_shares(rng)))
    w.t("를 주당 ")
    w.f(fig_money(rng, "KRW", v=_dec(rng.randint(10, 999) * 100)))
    w.t("에 발행해 ")
    w.f(fig_money(rng, "KRW"), "을")
    w.t(" 조달한다. ")


def _shares(rng: random.Random) -> tuple[str, Want]:
    v = _dec(rng.randint(5, 9999)).scaleb(4)
    return render(v, "myriad", "주"), point(v, unit="주")


def _s_market(w: _Writer, rng: random.Random) -> None:
    idx = rng.choice(_INDEXES)
    pts = _dec(rng.randint(100, 9999)) / 100
    w.t(f"{idx}{josa(idx, '은')} 전 거래일보다 ")
    w.f(Fig(f"{_plain(pts)}포인트", point(pts, unit="포인트")))
    w.t("(")
    w.f(fig_pct(rng) if rng.random() < 0.6 else fig_negative(rng))
    w.t(f") {rng.choice(('내린', '오른'))} {rng.randint(600, 2999):,}.{rng.randint(10, 99)}에 마감했다. ")


def _s_flows(w: _Writer, rng: random.Random) -> None:
    who = rng.choice(("외국인", "기관", "개인", "연기금"))
    w.t(f"유가증권시장에서 {who}{josa(who, '은')} ")
    w.f(fig_money(rng, "KRW", style=rng.choice(("myriad", "comma", "mixed"))), "을")
    w.t(" 순매수했고, 거래대금은 ")
    w.f(fig_money(rng, "KRW", v=_dec(rng.randint(5, 25)).scaleb(12) + _dec(rng.randint(1, 9999)).scaleb(8)))
    w.t(f"{rng.choice(('으로 집계됐다', '에 그쳤다', '을 기록했다'))}. ")


def _s_fx(w: _Writer, rng: random.Random) -> None:
    rate = _dec(rng.randint(12000, 14500)) / 10
    w.t("원/달러 환율은 ")
    w.f(fig_money(rng, "KRW", style="comma", v=rate), "으로")
    w.t(" 전일 대비 ")
    w.f(fig_money(rng, "KRW", style="myriad", v=_dec(rng.randint(1, 150)) / 10))
    w.t(f" {rng.choice(('올랐다', '내렸다'))}. ")


def _s_rates(w: _Writer, rng: random.Random) -> None:
    w.t(f"한국은행은 {rng.choice(('기준금리를', '정책금리를'))} ")
    w.f(fig_bp(rng))
    w.t(" 인하한 연 ")
    w.f(fig_pct(rng), "으로")
    w.t(" 결정했으며, 시장은 연내 추가 인하 폭을 ")
    w.f(fig_range(rng) if rng.random() < 0.3 else fig_bp(rng))
    w.t("로 보고 있다. ")


def _s_hedge(w: _Writer, rng: random.Random) -> None:
    sec = rng.choice(_SECTORS)
    w.t(f"업계에서는 {sec} 부문 투자 규모가 ")
    w.f(rng.choice((fig_hedged, fig_range, fig_magnitude, fig_more))(rng))
    w.t(f"{rng.choice(('에 이를', '에 달할', '수준이 될'))} 것으로 보고 있다. ")


def _s_bound(w: _Writer, rng: random.Random) -> None:
    w.t(f"회사 측은 {rng.choice(_PERIODS)} 배당을 ")
    w.f(fig_bound(rng))
    w.t(f"{rng.choice(('로 유지하겠다', '로 제시했다', '로 잡았다'))}고 설명했다. ")


def _s_list(w: _Writer, rng: random.Random) -> None:
    w.t(f"{rng.choice(_PERIODS)} 실적은 매출 ")
    w.f(fig_money(rng, "KRW"))
    w.t(", 영업이익 ")
    w.f(fig_money(rng, "KRW"))
    w.t(", 순이익 ")
    w.f(fig_money(rng, "KRW") if rng.random() < 0.8 else fig_negative(rng))
    w.t("이다. ")


def _s_no_currency(w: _Writer, rng: random.Random) -> None:
    co = rng.choice(_COMPANIES)
    w.t(f"증권가가 예상하는 {co}의 영업이익은 ")
    w.f(fig_myriad_bare(rng))
    w.t(f" 수준으로 {rng.choice(_NEGATIVES)} 이후 가장 많고, 가입자 ")
    v = _dec(rng.randint(11, 9999)).scaleb(4)
    w.f(Fig(f"{int(v) // 10000}만", point(v)))
    w.t(" 시대를 열었다. ")


def _s_counts(w: _Writer, rng: random.Random) -> None:
    w.t("이번 행사에는 ")
    w.f(fig_native(rng) if rng.random() < 0.4 else fig_count(rng), "이")
    w.t(" 참여했고, 경쟁률은 ")
    x = _dec(rng.randint(11, 9999)) / 10
    w.f(Fig(f"{_plain(x)}배", point(x, unit="배")))
    w.t("로 집계됐다. ")


def _s_magnitude(w: _Writer, rng: random.Random) -> None:
    w.t(f"{rng.choice(_SECTORS)} 업종의 영업이익률은 ")
    v = _dec(rng.randint(1, 40))
    w.f(Fig(f"{_plain(v)}%대", band(v, v + _step(v), unit="%")))
    w.t("에 머물렀고 연봉 ")
    w.f(rng.choice((Fig("억대", band(_p10(8), _p10(9))), fig_magnitude(rng))))
    w.t(" 직원은 ")
    w.f(fig_native(rng) if rng.random() < 0.5 else fig_count(rng))
    w.t(" 늘었다. ")


def _s_english(w: _Writer, rng: random.Random) -> None:
    w.t(f"{rng.choice(_REGIONS)} 법인의 연간 매출은 ")
    w.f(fig_english(rng), "으로")
    w.t(" 추정되며 ")
    w.f(fig_english(rng))
    w.t(" 규모의 신규 수주가 예상된다. ")


def _s_foreign(w: _Writer, rng: random.Random) -> None:
    w.t("현지 자회사는 ")
    w.f(fig_foreign(rng), "을")
    w.t(" 차입했고 이자율은 연 ")
    w.f(fig_pct(rng))
    w.t("다. ")


def _s_negatives_only(w: _Writer, rng: random.Random) -> None:
    a, b = rng.sample(_NEGATIVES, 2)
    co = rng.choice(_COMPANIES)
    w.t(f"{co}({rng.choice(_STOCK_CODES)})는 {a} 공시를 통해 {b} 관련 내용을 정정했다. ")


def _s_fraction(w: _Writer, rng: random.Random) -> None:
    w.t("신주는 기존 주식 ")
    w.f(fig_fraction(rng))
    w.t(" 비율로 배정되며, 단가는 ")
    w.f(fig_money(rng, "KRW", style="hangul", v=_dec(rng.randint(1, 99) * 1000)))
    w.t("이다. ")


def _s_suffix(w: _Writer, rng: random.Random) -> None:
    w.t("온라인 몰에서는 ")
    w.f(fig_money(rng, "KRW", style="myriad", v=_dec(rng.randint(1, 99) * 1000)))
    w.t(f"{rng.choice(('짜리', '어치'))} 상품권이 ")
    w.f(fig_count(rng))
    w.t(" 팔렸고 객단가는 ")
    w.f(fig_pct(rng))
    w.t(f"{rng.choice(('↑', '▲', '↓'))} 변했다. ")


_FILLER = (
    "{co} 관계자는 \"{sec} 업황이 바닥을 지나고 있다\"며 \"하반기에는 수익성 개선에 집중하겠다\"고 말했다. ",
    "시장에서는 {region} 수요 회복 속도가 실적의 방향을 가를 것으로 보고 있다. ",
    "{co}{eun} {neg} 이사회를 열고 신규 사업 진출 안건을 의결했다. ",
    "금융당국은 {neg} 관련 제도 개선안을 발표하고 업계 의견을 수렴하기로 했다. ",
    "증권가는 {sec} 업종 전반에 대해 보수적인 시각을 유지하면서도 선별적 접근을 권고했다. ",
    "다만 원자재 가격 변동성과 환율 흐름은 여전히 부담 요인으로 꼽힌다. ",
    "{co}{eun} 지난달 {region} 현지 법인을 설립하고 생산 거점을 넓히고 있다. ",
    "회사 측은 구체적인 투자 일정은 정해지지 않았다고 설명했다. ",
    "{neg} 발표된 정부 대책은 공급망 안정과 수출 지원에 초점을 맞췄다. ",
    "업계 관계자는 \"경쟁사의 가격 인하가 이어지면서 마진 압박이 커지고 있다\"고 전했다. ",
    "이번 결정은 주주환원 정책을 강화하라는 시장의 요구를 반영한 것으로 풀이된다. ",
    "{co}의 주가는 {neg} 이후 변동성이 커진 상태다. ",
    "전문가들은 금리 인하 시점이 늦춰질 경우 {sec} 업종의 재평가도 지연될 수 있다고 지적했다. ",
    "{co}{eun} 신용등급 전망을 '안정적'으로 유지했다. ",
    "공정거래위원회는 {neg} 관련 심사를 진행하고 있다고 밝혔다. ",
    "한편 {region} 시장에서는 현지 업체와의 경쟁이 한층 치열해지고 있다. ",
    "이에 따라 {co}{eun} 연구개발 인력을 보강하고 {neg} 신제품을 출시할 계획이다. ",
    "투자자들은 다음 주 발표될 물가 지표와 중앙은행 회의 결과에 주목하고 있다. ",
    "조달 비용 상승과 재고 조정이 겹치면서 단기 실적 가시성은 낮아졌다는 평가다. ",
    "{co}{eun} {neg} 임시 주주총회를 열어 정관 변경 안건을 처리할 예정이다. ",
)


def _s_filler(w: _Writer, rng: random.Random) -> None:
    """A sentence with no amount: context, quotes, outlook, and the distractors of SPEC."""
    co = rng.choice(_COMPANIES)
    w.t(rng.choice(_FILLER).format(co=co, eun=josa(co, "은"), sec=rng.choice(_SECTORS),
                                   region=rng.choice(_REGIONS), neg=rng.choice(_NEGATIVES)))


_PROSE = (
    (_s_results, 6), (_s_consensus, 2), (_s_contract, 2), (_s_shares, 2), (_s_market, 2),
    (_s_flows, 2), (_s_fx, 1), (_s_rates, 1), (_s_hedge, 2), (_s_bound, 2), (_s_list, 2),
    (_s_no_currency, 1), (_s_counts, 1), (_s_magnitude, 1), (_s_english, 1), (_s_foreign, 1),
    (_s_negatives_only, 3), (_s_fraction, 1), (_s_suffix, 1), (_s_filler, 50),
)
_PROSE_FUNCS = [f for f, _ in _PROSE]
_PROSE_WEIGHTS = [n for _, n in _PROSE]


def _news(w: _Writer, rng: random.Random) -> None:
    co = rng.choice(_COMPANIES)
    w.t(f"[{rng.choice(('단독', '종합', '마감시황', '실적'))}] {co}, {rng.choice(_PERIODS)} 실적 발표\n")
    for _ in range(rng.randint(6, 14)):
        rng.choices(_PROSE_FUNCS, _PROSE_WEIGHTS)[0](w, rng)
        if rng.random() < 0.25:
            w.t("\n")
    if rng.random() < 0.3:
        w.t("\n")
        _table(w, rng)


_HEADERS = (("(단위: 억원)", 8, "KRW"), ("(단위 : 백만원)", 6, "KRW"), ("[단위: 천원]", 3, "KRW"),
            ("(단위: 십억원)", 9, "KRW"), ("(단위: 천달러)", 3, "USD"), ("(단위: 원)", 0, "KRW"))


def _table(w: _Writer, rng: random.Random) -> None:
    """A financial table under a unit header: bare numbers are scaled amounts; years are not."""
    header, power, cur = rng.choice(_HEADERS)
    sep = rng.choice((" | ", "\t", "  "))
    year = rng.randint(2019, 2023)
    w.t(f"{rng.choice(('요약 재무제표', '연결 손익계산서', '부문별 실적'))} {header}\n")
    w.t(sep.join(("구분", str(year), str(year + 1), "증감률")) + "\n")
    for label in rng.sample(("매출액", "매출원가", "영업이익", "당기순이익", "자산총계", "부채총계",
                             "자본총계", "판관비"), rng.randint(3, 6)):
        w.t(label)
        for _ in range(2):
            w.t(sep)
            n = rng.randint(1, 9_999_999)
            neg = rng.random() < 0.1
            s = ("△" if neg else "") + f"{n:,}"
            v = _dec(n).scaleb(power) * (-1 if neg else 1)
            w.f(Fig(s, point(v, cur)))
        w.t(sep)
        w.f(fig_pct(rng) if rng.random() < 0.8 else fig_negative(rng))
        w.t("\n")
    w.t("\n")
    if rng.random() < 0.3:  # a table whose header names no currency: bare numbers stay bare
        w.t(f"주요 비율 (단위: %)\n{sep.join(('구분', str(year), str(year + 1)))}\n")
        for label in ("부채비율", "유동비율", "영업이익률"):
            w.t(sep.join((label, f"{rng.randint(10, 300)}.{rng.randint(0, 9)}",
                          f"{rng.randint(10, 300)}.{rng.randint(0, 9)}")) + "\n")
        w.t("\n")


def _disclosure(w: _Writer, rng: random.Random) -> None:
    co = rng.choice(_COMPANIES)
    kind = rng.choice(("단일판매ㆍ공급계약 체결", "유상증자 결정", "타법인 주식 및 출자증권 취득결정",
                       "현금ㆍ현물배당 결정"))
    w.t(f"{co} {kind}\n")
    w.t(f"1. 계약 상대방: {rng.choice(_REGIONS)} 소재 법인\n2. 계약금액: ")
    w.f(fig_money(rng, "KRW", style=rng.choice(("comma", "comma", "myriad"))))
    w.t("\n3. 최근 매출액 대비: ")
    w.f(fig_pct(rng))
    y = rng.randint(2024, 2026)
    w.t(f"\n4. 계약기간: {y}-0{rng.randint(1, 9)}-{rng.randint(10, 28)} ~ {y + 1}-{rng.randint(10, 12)}-{rng.randint(10, 28)}\n")
    w.t("5. 1주당 배당금: 보통주 ")  # 1주당: per share, not an amount of one share
    w.f(fig_money(rng, "KRW", style="comma", v=_dec(rng.randint(1, 300) * 50)))
    w.t(", 시가배당률 ")
    w.f(fig_pct(rng))
    w.t("\n6. 발행가액: ")
    w.f(fig_hanja(rng) if rng.random() < 0.3 else fig_money(rng, "KRW", style="comma"))
    w.t(f"\n7. 이사회 결의일: {y}년 {rng.randint(1, 12)}월 {rng.randint(1, 28)}일\n")
    if rng.random() < 0.5:
        w.t("\n")
        _table(w, rng)


def _analyst(w: _Writer, rng: random.Random) -> None:
    co = rng.choice(_COMPANIES)
    w.t(f"{co}({rng.choice(_STOCK_CODES)}) - {rng.choice(_SECTORS)} 회복 수혜 "
        f"[{rng.choice(_ANALYSTS)}OO 연구원]\n")
    w.t("- 목표주가 ")
    w.f(fig_money(rng, "KRW", style="myriad", v=_dec(rng.randint(10, 900) * 1000)))
    w.t("(상승여력 ")
    w.f(fig_pct(rng))
    w.t(f") 유지, 투자의견 {rng.choice(('매수', '중립', 'Buy'))}.\n- {rng.choice(_NEGATIVES[:6])} 영업이익은 ")
    w.f(fig_money(rng, "KRW", style="decimal"), "으로")
    w.t(" 컨센서스를 ")
    w.f(fig_pct(rng))
    w.t(" 상회할 전망.\n- ")
    w.t("12개월 선행 PER ")  # a duration, not an amount
    x = _dec(rng.randint(30, 400)) / 10
    w.f(Fig(f"{_plain(x)}배", point(x, unit="배")))
    w.t(", PBR ")
    y = _dec(rng.randint(3, 40)) / 10
    w.f(Fig(f"{_plain(y)}배", point(y, unit="배")))
    w.t(" 수준으로 밸류에이션 부담 제한적.\n- 해외 매출 ")
    w.f(fig_english(rng))
    w.t(", 환율 민감도 ")
    w.f(fig_range(rng) if rng.random() < 0.5 else fig_pct(rng))
    w.t(".\n")


def _wrap(w: _Writer, rng: random.Random) -> None:
    w.t(f"[마감시황] {rng.choice(_INDEXES)} 혼조\n")
    # the first sentence names a figure: krnum reads 'N0대' within 24 characters after an index
    # name as an index band, even across a line and before 고객/남성 (reported; see docs)
    _s_market(w, rng)
    for _ in range(rng.randint(2, 5)):
        rng.choice((_s_market, _s_flows, _s_fx, _s_rates, _s_negatives_only, _s_filler,
                    _s_filler))(w, rng)
    w.t("\n")


_DOCS = ((_news, 10), (_disclosure, 1), (_analyst, 2), (_wrap, 2))


def iter_documents(seed: int = SEED) -> Iterator[tuple[str, list[Gold]]]:
    """Endless documents, each with its gold amounts (offsets relative to the document)."""
    rng = random.Random(seed)
    funcs, weights = [f for f, _ in _DOCS], [n for _, n in _DOCS]
    while True:
        w = _Writer()
        rng.choices(funcs, weights)[0](w, rng)
        yield w.text(), w.gold


def corpus(n_bytes: int, seed: int = SEED) -> Corpus:
    """At least ``n_bytes`` of UTF-8 text, whole documents separated by blank lines."""
    rng = random.Random(seed)
    funcs, weights = [f for f, _ in _DOCS], [n for _, n in _DOCS]
    w = _Writer()
    while w.nbytes < n_bytes:
        rng.choices(funcs, weights)[0](w, rng)
        w.end_doc()
    return Corpus(w.text(), w.gold, w.doc_ends)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", help="write the corpus text here")
    args = ap.parse_args()
    c = corpus(int(args.size_mb * 1_000_000), args.seed)
    nbytes = len(c.text.encode("utf-8"))
    print(f"{nbytes:,} bytes, {len(c.text):,} chars, {len(c.doc_ends):,} documents, "
          f"{len(c.gold):,} amounts ({1000 * len(c.gold) / len(c.text):.1f} per 1,000 chars)")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(c.text)


if __name__ == "__main__":
    main()

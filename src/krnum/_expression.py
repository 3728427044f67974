"""One whole expression -> Amount, or ParseError saying where and why: the reading behind
parse(). setup.py may compile it with mypyc; parse() itself, which takes any object and says
what is wrong with it, stays in pure Python (_parse)."""

from __future__ import annotations

from ._amount import Amount, moved, written
from ._errors import ParseError
from ._lexicon import markers
from ._numeral import NumeralError, read
from ._scan import (
    FOLD,
    FOLDABLE,
    NUMERAL_ENDS,
    NUMERAL_LETTERS,
    NUMERAL_LETTERS_MAX,
    PRICE_ENDS,
    bare_numeral,
    loose,
    loose_partial,
    priced,
)
from ._semantics import Reject, code_after, code_before, interpret

_MAX_LEN = 400  # no single expression is longer; bounds the error search
# what str.isspace() calls whitespace (a test holds them equal), and the arrows
_SPACES = "".join(map(chr, (*range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680,
                            *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)))
_EDGES = _SPACES + "".join(markers.ARROWS)


def read_expression(text: str) -> Amount:
    """parse()'s reading of a str, unremembered."""
    folded = text.translate(FOLD) if FOLDABLE.search(text) else text
    lo, hi = 0, len(folded)
    # whitespace and direction arrows (45%↑, ▲0.8%) stand outside the span and never change
    # the sign; a plus sign is a sign and belongs to the span
    inner = len(folded.strip(_EDGES))
    if inner != hi:
        lo = hi - len(folded.lstrip(_EDGES))
        hi = lo + inner
    if lo == hi:
        raise ParseError(text, lo, "a figure (the input is empty)")
    if hi - lo > _MAX_LEN:
        raise ParseError(text, lo + _MAX_LEN, f"one expression of at most {_MAX_LEN} characters")
    if folded[hi - 1] in NUMERAL_ENDS and (
            (hi - lo <= NUMERAL_LETTERS_MAX and not folded[lo:hi].strip(NUMERAL_LETTERS))
            or bare_numeral().fullmatch(folded, lo, hi)):
        amount = _bare(text, folded, lo, hi)
        if amount is not None:
            return amount
    if folded[hi - 1] in PRICE_ENDS:
        priced = _priced(text, folded, lo, hi)
        if priced is not None:
            return priced
    return _grammar(text, folded, lo, hi)


def _grammar(text: str, folded: str, lo: int, hi: int) -> Amount:
    m = loose().fullmatch(folded, lo, hi)
    if m is None:
        raise _syntax_error(text, folded, lo, hi)
    try:
        amount = interpret(m, folded, strict=False)
    except Reject as r:
        raise ParseError(text, r.pos, r.expected) from None
    except ArithmeticError:
        raise ParseError(text, lo, "a figure exact in at most 60 significant digits") from None
    if folded is not text:
        amount = moved(amount, text[amount.start:amount.end], amount.start)
    return amount


def _bare(text: str, folded: str, lo: int, hi: int) -> Amount | None:
    """A lone numeral (삼억 이천만, 1억2000만, 1,234) is the figure it reads as; the full
    grammar says the same (a property test holds them together). None when the numeral is
    malformed: the full grammar then says where and why."""
    try:
        n = read(folded[lo:hi])
    except (NumeralError, ArithmeticError):
        return None
    return written(text[lo:hi], lo, hi, n.value, n.more)


def _priced(text: str, folded: str, lo: int, hi: int) -> Amount | None:
    """A price ($300, USD 4,883.40, 6,237,658원) is its digits in its currency; the full
    grammar says the same (a property test holds them together)."""
    m = priced().fullmatch(folded, lo, hi)
    if m is None:
        return None
    sign, code, digits, digits_first, word = m.groups()
    before = sign or code
    currency = code_before(before) if before is not None else code_after(word)
    v = read(digits or digits_first).value
    return written(text[lo:hi], lo, hi, v, currency=currency)


def _syntax_error(text: str, folded: str, lo: int, hi: int) -> ParseError:
    """The longest prefix that could still begin an expression ends where the error is."""
    pattern = loose_partial()
    good, bad = lo, hi + 1
    while bad - good > 1:
        mid = (good + bad) // 2
        if pattern.fullmatch(folded, lo, mid, partial=True) is not None:
            good = mid
        else:
            bad = mid
    if good >= hi:
        # every character could belong to an expression: the error is what follows the
        # longest complete one (320억원을), or the input stops too soon (3~)
        for end in range(hi - 1, lo, -1):
            if folded[end] not in _CONTINUES and pattern.fullmatch(folded, lo, end):
                return ParseError(text, end, f"the end of the expression, not {text[end]!r}")
        return ParseError(text, hi, "more input: the expression is incomplete")
    pos = good
    while pos > lo and folded[pos - 1] in ".,":
        pos -= 1  # 1.2.3: the second separator is the mistake, not the digit after it
    what = "a figure at the start" if pos == lo else "a digit, numeral, unit, currency or marker"
    return ParseError(text, pos, f"{what}, not {text[pos]!r}")


_CONTINUES = frozenset(" ~∼〜-–—")

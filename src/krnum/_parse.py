"""parse(text): one whole expression -> Amount, or ParseError saying where and why.

The reading is _expression's; this entry stays in pure Python in every build, since it takes
any object and says what is wrong with it, where a mypyc-compiled signature (setup.py) would
refuse a non-str in its own words."""

from __future__ import annotations

import functools

from ._amount import Amount
from ._expression import _SPACES, _bare, _grammar, _priced, read_expression  # noqa: F401
from ._numeral import forget as _numeral_forget

# (_SPACES, _bare, _grammar and _priced are named here too, as the properties of the parse
# paths have always reached them)

_CACHE_SIZE = 4096


def parse(text: str) -> Amount:
    """Read ``text`` as exactly one expression (surrounding whitespace allowed).

    Results are immutable, so the last 4,096 distinct inputs are remembered: a table column
    or a log of repeated expressions costs one dictionary lookup per repeat.

    >>> parse("약 1억2000만 달러").value
    Decimal('120000000')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    return _remembered(text)


def forget() -> None:
    """Empty every memory of earlier readings (parse's inputs, numerals): what a benchmark
    of uncached calls starts each pass with."""
    _remembered.cache_clear()
    _numeral_forget()


def parse_uncached(text: str) -> Amount:
    """parse() without the memory of recent inputs (for benchmarks and tests); numeral
    readings are still remembered within a run, as they are in extract()."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    return read_expression(text)

_remembered = functools.lru_cache(maxsize=_CACHE_SIZE)(read_expression)

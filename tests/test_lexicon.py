"""The currency lexicon is data: fresh, complete, and every row exercised."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import krnum
from krnum._lexicon import _cldr_ko, currency

ROOT = Path(__file__).resolve().parent.parent


def test_generated_module_is_fresh() -> None:
    """A babel upgrade must not silently change what krnum extracts: the module is data, read
    at import, and regenerating it is a reviewed change. Comparable only under the same babel."""
    import babel

    if babel.__version__ != _cldr_ko.BABEL_VERSION:
        pytest.skip(f"generated under babel {_cldr_ko.BABEL_VERSION}, {babel.__version__} installed")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "build_lexicon.py"), "--check"], check=False,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr + "\nfix: python tools/build_lexicon.py"


def test_every_ambiguous_word_has_a_policy() -> None:
    undecided = sorted(set(_cldr_ko.AMBIGUOUS) - set(currency.POLICY))
    assert not undecided, f"CLDR reports ambiguities POLICY does not decide: {undecided}"


def test_every_ambiguous_symbol_has_a_policy() -> None:
    seen: dict[str, set[str]] = {}
    for sym, code, _ in _cldr_ko.SYMBOLS:
        seen.setdefault(sym, set()).add(code)
    undecided = sorted(s for s, codes in seen.items() if len(codes) > 1 and s not in currency.POLICY)
    assert not undecided


def test_every_policy_row_gives_a_reason() -> None:
    for surface, (code, reason) in currency.POLICY.items():
        assert reason.strip(), surface
        assert code is None or code in _cldr_ko.ISO_CODES, (surface, code)


WORDS = sorted(currency.CURRENCY_WORDS.items())


@pytest.mark.parametrize(("surface", "code"), WORDS, ids=[w for w, _ in WORDS])
def test_every_currency_word_parses_to_its_code(surface: str, code: str) -> None:
    # a name that begins with a myriad word (조지아 라리) needs a space after the digits:
    # 100조지아라리 reads 조 as 10^12 first
    sep = " " if surface[0] in "만억조경" else ""
    a = krnum.parse(f"100{sep}{surface}")
    assert (a.value, a.currency) == (100, code)
    a = krnum.parse(f"1억2000만 {surface}")
    assert (a.value, a.currency) == (120000000, code)


SYMBOLS = sorted(currency.CURRENCY_SYMBOLS.items())


@pytest.mark.parametrize(("symbol", "code"), SYMBOLS, ids=[s for s, _ in SYMBOLS])
def test_every_symbol_parses_to_its_code(symbol: str, code: str) -> None:
    a = krnum.parse(f"{symbol}1,500")
    assert (a.value, a.currency) == (1500, code)


@pytest.mark.parametrize("code", sorted(currency.ISO_CODES))
def test_every_iso_code_parses(code: str) -> None:
    assert krnum.parse(f"{code} 1,000").currency == code
    assert krnum.parse(f"1.5bn {code}").value == 1500000000


@pytest.mark.parametrize("word", sorted(w for w, (c, _) in currency.POLICY.items() if c is None))
def test_refused_bare_words_are_not_currencies(word: str) -> None:
    if word in currency.AMBIGUOUS_UNITS:
        # a word CLDR gives to several currencies is the figure's unit, with no currency
        a = krnum.parse(f"100{word}")
        assert (a.value, a.currency, a.unit) == (Decimal(100), None, word)
    else:
        with pytest.raises(krnum.ParseError):
            krnum.parse(f"100{word}")
    assert all(a.currency is None for a in krnum.extract(f"모두 100{word}이 필요하다"))


def test_cldr_provenance_is_recorded() -> None:
    assert _cldr_ko.BABEL_VERSION and _cldr_ko.CLDR_VERSION
    assert all(p for _, _, p in _cldr_ko.NAMES)

"""One currency lookup: the generated CLDR rows plus a short hand-written policy (data only)."""

from __future__ import annotations

from types import MappingProxyType

from . import _cldr_ko

# What CLDR cannot decide: bare words and signs that name several currencies, and colloquial
# or hanja forms CLDR does not list. Each row: surface -> ISO code (None = never a currency
# on its own), reason.
POLICY: dict[str, tuple[str | None, str]] = {
    "달러": ("USD", "Korean press writes other dollars with their country (홍콩달러, 호주달러)"),
    "달러화": ("USD", "as 달러"),
    "원": ("KRW", "North Korean won is always named as such in South Korean text"),
    "원화": ("KRW", "as 원"),
    "파운드": ("GBP", "bare 파운드 in financial news is sterling; others name the country"),
    "파운드화": ("GBP", "as 파운드"),
    "프랑": ("CHF", "the only franc in Korean financial news; CFA francs are named in full"),
    "프랑화": ("CHF", "as 프랑"),
    "루블": ("RUB", "bare 루블 is the Russian rouble; the Belarusian one is named"),
    "루블화": ("RUB", "as 루블"),
    "루피": ("INR", "bare 루피 is the Indian rupee in Korean reporting"),
    "루피화": ("INR", "as 루피"),
    "루피아": ("IDR", "bare 루피아 is the Indonesian rupiah; the Maldivian is named"),
    "루피아화": ("IDR", "as 루피아"),
    "페소": (None, "no peso dominates; the country must be named (멕시코 페소)"),
    "페소화": (None, "as 페소"),
    "디나르": (None, "several dinars are equally likely; the country must be named"),
    "디나르화": (None, "as 디나르"),
    "디르함": (None, "UAE and Moroccan dirham are equally likely"),
    "디르함화": (None, "as 디르함"),
    "리알": (None, "Omani and Yemeni rial are equally likely"),
    "리알화": (None, "as 리알"),
    "리얄": (None, "Saudi, Qatari and Iranian riyal are equally likely"),
    "리얄화": (None, "as 리얄"),
    "마나트": (None, "Azerbaijani and Turkmen manat are equally likely"),
    "마나트화": (None, "as 마나트"),
    "실링": (None, "several East African shillings are equally likely"),
    "실링화": (None, "as 실링"),
    "콰차": (None, "Malawian and Zambian kwacha are equally likely"),
    "콰차화": (None, "as 콰차"),
    "크로나": (None, "Swedish and Icelandic krona are equally likely"),
    "크로나화": (None, "as 크로나"),
    "크로네": (None, "Danish and Norwegian krone are equally likely"),
    "크로네화": (None, "as 크로네"),
    # CLDR names one currency, but after a number the word is far more often something else.
    "골드": (None, "the common word for gold (골드바), far more often than the Zimbabwe gold"),
    "골드화": (None, "as 골드"),
    "동": (None, "after a number it is a building or district (101동)"),
    "동화": (None, "a common noun (fairy tale)"),
    "솔": (None, "one syllable that is far more often not the Peruvian sol"),
    "솜": (None, "one syllable that is far more often not the Kyrgyz som"),
    "숨": (None, "one syllable that is far more often not the Uzbek sum"),
    "비르": (None, "a rare bare word; name the country"),
    "레이": (None, "a rare bare word; name the country"),
    "레프": (None, "a rare bare word; name the country"),
    "레크": (None, "a rare bare word; name the country"),
    # Not in CLDR's Korean names.
    "불": ("USD", "colloquial dollar (십불)"),
    "弗": ("USD", "hanja headline abbreviation of dollar (136억弗)"),
    "$": ("USD", "the bare dollar sign is the US dollar in Korean text"),
    "¥": ("JPY", "CLDR gives ¥ to the yen; Chinese yuan is written CN¥ or 위안"),
    "￥": ("JPY", "full-width yen sign, as ¥"),
}

# first characters of the most frequent currency words: tried first by the scanner
COMMON_FIRST = "달유위파홍호엔원"

# ISO codes that are also common English words: only recognised next to a figure they
# cannot be confused in (never as a bare prefix like "TOP 10").
ISO_WORDS: frozenset[str] = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB"})


def _build() -> tuple[dict[str, str], dict[str, str]]:
    words = {s: code for s, code, _ in _cldr_ko.RETIRED_NAMES}
    words.update({s: code for s, code, _ in _cldr_ko.NAMES})
    for surface, (code, _reason) in POLICY.items():
        if code is None:
            words.pop(surface, None)
        elif not _is_symbol(surface):
            words[surface] = code
    symbols: dict[str, str] = {}
    for sym, code, _ in _cldr_ko.SYMBOLS:
        symbols[sym] = code if sym not in symbols or sym in POLICY else ""
    for surface, (code, _reason) in POLICY.items():
        if code is not None and _is_symbol(surface):
            symbols[surface] = code
    return words, {s: c for s, c in symbols.items() if c}


def _is_symbol(surface: str) -> bool:
    return not any("\uac00" <= ch <= "\ud7a3" or "\u4e00" <= ch <= "\u9fff" for ch in surface)


_words, _symbols = _build()
#: Korean currency words (spaced and unspaced, with and without 화) -> ISO code
CURRENCY_WORDS = MappingProxyType(_words)
#: currency signs and prefixed signs (US$, HK$) -> ISO code
CURRENCY_SYMBOLS = MappingProxyType(_symbols)
#: ISO 4217 codes current on the generator's pin date, and those of retired currencies
ISO_CODES: frozenset[str] = (_cldr_ko.ISO_CODES | _cldr_ko.RETIRED_ISO_CODES) - ISO_WORDS

#: bare words CLDR gives to several currencies (크로네, 페소): a unit, never a guessed currency
AMBIGUOUS_UNITS: tuple[str, ...] = tuple(
    w for w, (code, _reason) in POLICY.items() if code is None and w in _cldr_ko.AMBIGUOUS
)

# Sub-units written after a whole-currency figure (2달러 23센트): surface -> fraction.
SUBUNITS: dict[str, str] = {"센트": "0.01", "펜스": "0.01", "페니": "0.01"}
# the currency of a bare sub-unit figure: cents of the dollar (as bare 달러), pence of sterling
SUBUNIT_HOME: dict[str, str] = {"센트": "USD", "펜스": "GBP", "페니": "GBP"}

"""The only place regular expressions are built, once, from the lexicon tables.

One expression grammar serves both ``parse`` (LOOSE: the whole string, any numeral) and
``extract`` (STRICT: running text, where a Hangul numeral must carry a unit so that 이, 사, 일
inside ordinary words are never read as digits). Every repetition is possessive or bounded,
and matches may only start where a figure can start, so a scan is linear in the input.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import regex

from ._lexicon import currency, markers, numerals, scales

# Width-preserving folding of full-width forms (NFKC restricted to one code point -> one),
# so that offsets into the folded text are offsets into the input.
FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x2212: ord("-"), 0xFFE5: ord("¥"), 0xFFE6: ord("₩")})
FOLD.update({0xFFE1: ord("£"), 0xFF5E: ord("~")})
FOLDABLE = re.compile("[" + "".join(map(chr, sorted(FOLD))) + "]")


def _alt(words: object) -> str:
    """Alternation of literal words, longest first so that no prefix shadows a longer word."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))  # type: ignore[call-overload]


def _trie(words: object, first: str = "") -> str:
    """A prefix-tree alternation: matches in time proportional to the word, not the list.

    Longer words win because a node tries its children before ending the word. The engine
    tries branches in turn, so the characters in ``first`` (the common ones) lead, and a
    class of all first characters fails a non-word at once.
    """
    tree: dict[str, Any] = {}
    for w in set(words):  # type: ignore[call-overload]
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        order = sorted(node, key=lambda ch: (first.find(ch) if ch in first else len(first), ch))
        kids = [regex.escape(ch) + emit(node[ch]) for ch in order if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        # an empty alternative, not "?": the engine sets up state for every repeat in a
        # pattern on each match, and a trie of optional tails would be hundreds of them
        return "(?:" + body + "|)" if ends else body

    return f"(?=[{_cls(tree)}])(?:" + emit(tree) + ")"


def _cls(chars: object) -> str:
    return "".join(regex.escape(c) for c in sorted(set(chars)))  # type: ignore[call-overload]


HANGUL = "\uac00-\ud7a3"
SP = "[ ]"
SINO = _cls(numerals.SINO_DIGITS)
PLACE = _cls(scales.IN_GROUP)
MYR = _cls(scales.MYRIAD)
POINT = _cls(numerals.POINT_WORDS)
MORE = regex.escape(markers.MORE_THAN_INFIX)

# digit run with thousands commas or none; never followed by a dangling digit group
D = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?+|[0-9]++(?:\.[0-9]++)?+|(?<![0-9])\.[0-9]++)"
    r"(?![0-9]|[.,][0-9])"
)
# Repetitions are bounded by what a figure can hold (four myriad groups, three places), so a
# run like 1억1억1억… costs a constant per start, never the rest of the input.
# a myriad or place letter that begins a word or a unit's name (조지아 라리) is not the figure's;
# two letters tell them apart, and a class per first letter keeps the pattern small (it
# stands before every place and myriad letter of the grammar)
def _not_unit() -> str:
    words = (*scales.NUMERAL_LETTER_WORDS,
             *(w for w in (*currency.CURRENCY_WORDS, *markers.COUNTERS)
               if len(w) > 1 and (w[0] in scales.MYRIAD or w[0] in scales.IN_GROUP)))
    seconds: dict[str, set[str]] = {}
    for w in words:
        seconds.setdefault(w[0], set()).add(w[1])
    return "(?!" + "|".join(f"{regex.escape(c)}[{_cls(ss)}]" for c, ss in sorted(seconds.items())) + ")"


_NOT_UNIT = _not_unit()
_P = rf"{_NOT_UNIT}[{PLACE}]"
_M = rf"{_NOT_UNIT}[{MYR}]"
# Parts may stand apart (7천 5백만, 9 억, 1만 2천 500원): a digit run after a place word and a
# space only before another place or myriad word, or before a unit (UNIT, set per mode).
DG_TEMPLATE = (
    rf"{D}(?:{SP}?+{_P}(?:{D}|{SP}{D}(?=[{PLACE}]|{SP}?+[{MYR}]|UNIT))?+){{0,3}}+"
)
# a myriad letter after a space stands alone or before a unit (9 억 원), never begins a word
# (FA-50 경공격기)
_SM = rf"(?:{SP}{_M}(?![{HANGUL}])|{SP}{_M}(?=[{{FIRST}}])|{_M})"
NUM_D_TEMPLATE = (
    rf"DG{MORE}?+(?:{_SM}{MORE}?+(?:{SP}?+DG{MORE}?+{_SM}{MORE}?+){{0,4}}+"
    rf"(?:DG|{SP}(?:(?={D}{_P})DG|DG(?=UNIT)))?+{MORE}?+)?+"
)
_X = rf"[{SINO}{PLACE}{MYR}]{{1,64}}+"
# the letters of _X, and its bound: a whole expression of at most this many of them is one
# numeral to bare_numeral(), which parse() then need not run
NUMERAL_LETTERS = "".join(sorted({*numerals.SINO_DIGITS, *scales.IN_GROUP, *scales.MYRIAD}))
NUMERAL_LETTERS_MAX = 64
NUM_S = (
    rf"{_X}(?:(?<=[{PLACE}{MYR}]){SP}{{0,2}}+(?!{_trie((*markers.BOUNDS_AFTER, *markers.HEDGES_AFTER))}){_X}){{0,4}}+"
    rf"(?:[{POINT}][{SINO}]{{1,24}}+[{PLACE}{MYR}]?+)?+"
)

_tens = list(numerals.NATIVE_TENS)
_ones = list(numerals.NATIVE_ONES)
NATIVE = (
    rf"(?:{_alt(numerals.NATIVE_PAIRS)}"
    rf"|(?:{_alt(t for t in _tens if t not in numerals.NATIVE_TENS_ALONE)})(?:{_alt(_ones)})?+"
    rf"|{_alt(numerals.NATIVE_TENS_ALONE)}|{_alt(_ones)})"
)
# 수십억, 십수만: Hangul place and myriad words after a 수- prefix
_SEV_PLACE = _cls(w for w in scales.IN_GROUP if "\uac00" <= w <= "\ud7a3")
_SEV_MYR = _cls(w for w, p in scales.MYRIAD.items() if "\uac00" <= w <= "\ud7a3" and p <= 12)
MAG = (
    rf"(?:{regex.escape(numerals.TEEN_SEVERAL)}[{_SEV_MYR}]?+"
    rf"|[{_cls(numerals.SEVERAL)}](?=[{_SEV_PLACE}{_SEV_MYR}])[{_SEV_PLACE}]?+[{_SEV_MYR}]?+)"
)

# Large word sets are prefix trees: a match costs the length of the word, not of the list.
CUR_WORDS = _trie((w for w in currency.CURRENCY_WORDS if len(w) > 1), first=currency.COMMON_FIRST)
CUR_SYMBOLS = _trie(currency.CURRENCY_SYMBOLS)
# a currency word before a scaled figure (유로 45.2m) is a short bare word as analysts write it;
# the short list keeps the grammar small
_CUR_BEFORE_WORDS = [w for w in currency.CURRENCY_WORDS if " " not in w and len(w) <= 3]
CUR_BEFORE = _trie(_CUR_BEFORE_WORDS)
CUR_BEFORE_LAST = frozenset(w[-1] for w in _CUR_BEFORE_WORDS)  # where a look back can pay
ISO = _trie(currency.ISO_CODES)

SCALE = _alt(scales.ENGLISH_SCALE)
# % never opens a URL escape (%20); colloquial 프로 is glued to its figure and ends there
# (20프로, never 아이폰 15 프로 or 20프로그램)
PCT = "|".join(
    ("(?<! )" if w == "프로" else "") + regex.escape(w)
    + ("(?![0-9A-F][0-9A-F])" if w == "%" else "")
    + ("(?![\uac00-\ud7a3])" if w == "프로" else "")
    for w in sorted(markers.PERCENT_UNITS, key=lambda w: (-len(w), w))
)
SUBUNIT = _alt(currency.SUBUNITS)
# One-syllable currency words (원, 엔, 불) hide inside other words (3원칙, 5원소): after them
# only a particle, a marker word, or a non-Hangul character may follow.
_SHORT_CUR = [w for w in currency.CURRENCY_WORDS if len(w) == 1]
_AFTER_SHORT = markers.AFTER_SHORT_UNIT
_SYLLABLE_END = rf"(?=[^{HANGUL}]|$|{_trie(_AFTER_SHORT)})"
_AFTER_SHORT_FIRST = {w[0] for w in _AFTER_SHORT if len(w) == 1}


def _counters(words: tuple[str, ...]) -> str:
    longer: list[str] = []
    single: list[str] = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        stop = markers.NOT_COUNTER_AFTER.get(w)
        guard = rf"(?!{SP}?{_trie(stop)})" if stop else ""
        (single if len(w) == 1 else longer).append(regex.escape(w).replace(r"\ ", " ") + guard)
    plain = _cls(w for w in words if len(w) == 1 and w not in markers.NOT_COUNTER_AFTER)
    guarded = [x for x in single if len(x) > 1]
    # a one-syllable counter never begins a longer word (3억 장기, Scope 2 배출량): one guard
    # after all of them keeps the pattern small
    return "|".join((*longer, rf"(?:[{plain}]|{'|'.join(guarded)}){_SYLLABLE_END}"))


COUNTER = _counters((*markers.COUNTERS, *currency.AMBIGUOUS_UNITS))
NCOUNTER = _counters(markers.NATIVE_COUNTERS)

SIGN = (
    rf"(?:(?<![0-9A-Za-z])[{_cls(markers.NEGATIVE_SIGNS)}]|{_alt(markers.PAREN_SIGNS)}"
    rf"|(?<![0-9A-Za-z]){regex.escape(markers.PLUS_SIGN)}|(?:{_alt(markers.NEGATIVE_WORDS)}){SP}?+)"
)
# what the unit after a figure can begin with (the alternatives of _figure's unit)
_UNIT_FIRST = _cls(w[0] for w in (*currency.CURRENCY_WORDS, *currency.ISO_CODES,
                                  *markers.PERCENT_UNITS, *currency.SUBUNITS, *markers.COUNTERS,
                                  *currency.AMBIGUOUS_UNITS))
_SIGN_FIRST = _cls(w[0] for w in (*markers.NEGATIVE_SIGNS, *markers.PAREN_SIGNS, markers.PLUS_SIGN,
                                  *markers.NEGATIVE_WORDS))
CHEQUE = _alt(markers.CHEQUE_PREFIXES)
# 원정 closes a cheque, but 원 정도 hedges: a suffix never starts a hedge word
CHEQUE_END = "|".join(
    regex.escape(w) + "".join(f"(?!{regex.escape(h[len(w):])})" for h in markers.HEDGES_AFTER
                              if h.startswith(w) and h != w)
    for w in markers.CHEQUE_SUFFIXES
)

def _guarded(words: object, before: str, after: str) -> str:
    """Words longest first; a symbol never ends a markup or code (<td>5%), a one-syllable
    word never begins a longer one (5천 원 선, not 선물)."""
    out = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):  # type: ignore[call-overload]
        if not any("\uac00" <= c <= "\ud7a3" for c in w):
            out.append(before + regex.escape(w))
        elif len(w) == 1:
            out.append(regex.escape(w) + after)
        else:
            out.append(regex.escape(w))
    return "|".join(out)


# a symbol bound never ends a markup, a code or an arrow (<td>, x=5, -> 3.0%)
PRE = _guarded((*markers.HEDGES_BEFORE, *markers.BOUNDS_BEFORE), r"(?<![A-Za-z0-9\"'/=-])", "")
POST = _guarded((*markers.HEDGES_AFTER, *markers.BOUNDS_AFTER), "", _SYLLABLE_END)
_POST_FIRST = _cls({w[0] for w in (*markers.HEDGES_AFTER, *markers.BOUNDS_AFTER, *markers.OR_BEYOND)})
# 100 또는 그 이상: the bound word after "or"
OR_BEYOND = rf"(?P<orb>{_trie(markers.OR_BEYOND)}{SP}(?=(?:{POST})))?+"
def _after_bound_first() -> set[str]:
    words = (*markers.BOUND_PARTICLES, markers.COMPARE_PARTICLE, *markers.COMPARE_OR_EQUAL,
             markers.LIMIT_PARTICLE)
    return {w[0] for w in words}


# a bound after the figure's particle: 1조원을 넘는, 5%보다 낮은, 3억 달러까지 (a limit)
AFTER_BOUND = (
    rf"(?=[{_cls(_after_bound_first())} ])"
    rf"(?P<abound>(?:(?:{_alt(markers.BOUND_PARTICLES)}){SP}?+(?!{_alt(markers.NOT_BOUND_VERBS)})"
    rf"(?P<averb>{_alt(markers.BOUND_VERBS)})"
    rf"|{SP}?+{regex.escape(markers.COMPARE_PARTICLE)}는?+{SP}?+(?:(?:{_alt(markers.COMPARE_INTENSIFIERS)}){SP})?+"
    rf"(?P<acomp>{_alt(markers.COMPARATIVES)})"
    rf"|{SP}?+(?P<aincl>{_alt(markers.COMPARE_OR_EQUAL)}){SP}?+(?P<acomp2>{_alt(markers.COMPARATIVES)})"
    rf")[{HANGUL}]{{0,6}}+"
    rf"|(?P<alimit>{regex.escape(markers.LIMIT_PARTICLE)})(?!{SP}?+{_trie(markers.MOVEMENT_VERBS)}))"
)
RANGE_SYM = _cls(s for s in markers.RANGE_SYMBOLS if s != "-")

_CURWORD = (
    rf"(?:{CUR_WORDS}"
    rf"|(?:{_alt(_SHORT_CUR)})(?=[^{HANGUL}]|$|{_trie(_AFTER_SHORT)}))"
)
_ISO_AFTER = rf"(?:{ISO})(?![A-Za-z])"


def _num_d(strict: bool) -> str:
    """A digit-led numeral (3억 2천만, 56,700백만, 12억 3456만 7890)."""
    unit_ahead = rf"{SP}?+[{_first_chars()}]" if strict else "$|[^0-9]"
    num_d = NUM_D_TEMPLATE.replace("DG", DG_TEMPLATE).replace("UNIT", unit_ahead)
    return num_d.replace("{FIRST}", _first_chars() + _cls(_AFTER_SHORT_FIRST))


def _ahead(cond: str, guarded: bool) -> str:
    """A look-ahead that only fails early what cannot match anyway, so the engine skips a
    long alternation at once; left out where partial matches are wanted, since ``regex``
    takes a look-ahead that reaches the end of the input for a match that may go on."""
    return f"(?={cond})" if guarded else ""


def _prefix_first() -> set[str]:
    """What a currency sign, code or word, or a cheque's 金, before a figure begins with."""
    words = (*currency.CURRENCY_SYMBOLS, *currency.ISO_CODES, *_CUR_BEFORE_WORDS,
             *markers.CHEQUE_PREFIXES)
    return {w[0] for w in words}


def _figure(k: int, strict: bool, guarded: bool = True) -> str:
    """One figure; group names carry the side ``k`` (1 or 2) of a range."""
    unit = (
        rf"(?:(?P<cur{k}>{_CURWORD}|{_ISO_AFTER})"
        rf"(?:{SP}?+(?P<sub{k}>{D}){SP}?+(?P<subw{k}>{SUBUNIT}))?+"
        rf"|(?P<pct{k}>{PCT})(?:(?P<label{k}>{_alt(markers.PERCENT_LABELS)})(?![A-Za-z])|(?<=%)"
        rf"|(?![A-Za-z]))"
        rf"|(?P<subonly{k}>{SUBUNIT})"
        rf"|(?P<cnt{k}>{COUNTER}))"
    )
    scale = rf"(?:{SP}?+(?P<scale{k}>{SCALE})(?![A-Za-z]))"
    # a last group after a space ("12억 3456만 7890원") only where a unit may follow; the
    # semantics checks that one did (a character class here keeps the pattern small)
    NUM_D = _num_d(strict)
    # a digit after % continues a URL escape (%2020), not a figure
    # and never begins 0 then a digit: 000만원 of "1 000만원" is a remnant, not a figure; nor
    # after a digit and a slash (the 32 of 12/32포인트; 5%/7% keeps its 7%)
    # nor the minutes of a time (15:30), nor the second number of an issue (제4-1회 사채)
    ordinal = markers.ORDINAL_PREFIX
    digit_start = (rf"(?<![0-9A-Za-z.,_%{ordinal}])(?<![0-9][/:：])(?<!{ordinal}[0-9]-)"
                   rf"(?<!{ordinal}[0-9][0-9]-)(?!0[0-9])" if strict else "")
    # 천 4백만 달러: a Hangul place word may lead the digits of its group
    lead_place = (rf"(?:{_ahead(f'[{_SEV_PLACE}]', guarded)}(?<![{HANGUL}])[{_SEV_PLACE}]{SP}?+"
                  rf"(?=[0-9]))?+")
    # a Hangul numeral never continues a word, a placeholder (X억원) or digits (the 만원 of
    # 05만원, whose digits are no figure)
    word_start = rf"(?<![{HANGUL}A-Za-z0-9])" if strict else ""
    # a Hangul numeral in running text must carry a unit: a class of first characters
    # here (the unit itself is matched once, below), checked in full by the semantics
    sino_unit = rf"(?={SP}?+[{_first_chars()}])" if strict else ""
    native_unit = rf"{SP}?+(?P<ncnt{k}>{NCOUNTER})" if strict else rf"(?:{SP}?+(?P<ncnt{k}>{NCOUNTER}))?+"
    # the denominator is a run of these characters before 분의: the test fails every other
    # figure at once
    fraction = (
        _ahead(rf"[0-9,.{SINO}{PLACE}{MYR}]++{SP}?+{regex.escape(markers.FRACTION_WORD)}", guarded) +
        rf"(?P<den{k}>{D}|[{SINO}{PLACE}{MYR}]++){SP}?+{regex.escape(markers.FRACTION_WORD)}"
        rf"{SP}?+(?P<nsign{k}>(?:{_alt(markers.NEGATIVE_WORDS)}){SP}?+)?+"
        rf"(?P<numer{k}>{D}|[{SINO}{PLACE}{MYR}]++)"
    )
    # $300M, US$ 1,500, USD 2.10, ₩648,000; 金 壹億貳仟萬원整, 금 일억이천만원정
    # a currency word before the figure only with an English scale after it (유로 45.2m)
    prefix = (
        rf"(?:{_ahead(f'[{_cls(_prefix_first())}]', guarded)}"
        rf"(?:(?P<pcur{k}>{CUR_SYMBOLS}|(?<![A-Za-z/])(?:{ISO})(?={SP}?[0-9])"
        rf"|(?<![{HANGUL}])(?:{CUR_BEFORE})(?={SP}?+{D}{SP}?+(?:{SCALE})(?![A-Za-z]))){SP}?+"
        rf"|(?<![{HANGUL}])(?P<chq{k}>{CHEQUE}){SP}?+(?=[0-9,.{SINO}{PLACE}{MYR} ]{{1,40}}+원)))?+"
    )
    body = "|".join(
        (
            rf"{word_start}{fraction}",
            # after a currency code the digits may touch it (USD1.2bn)
            rf"(?(pcur{k})|{digit_start})(?P<num{k}>{lead_place}{NUM_D}){scale}?+",
            rf"{word_start}(?P<mag{k}>{MAG})",
            rf"{word_start}(?P<num{k}>{NUM_S}){sino_unit}",
            rf"{word_start}(?P<nat{k}>{NATIVE}){native_unit}",
        )
    )
    # 1조원 대: a band written apart, after money or a percent, and never "1조원 대 2조원"
    dae_apart = rf"(?:{SP}(?=대(?!{SP}?+[0-9])(?:[^{HANGUL}]|$|{_trie(_AFTER_SHORT)})))?+"
    return (
        rf"(?:{_ahead(f'[{_SIGN_FIRST}]', guarded)}(?P<sign{k}>{SIGN}))?+{prefix}(?:{body})"
        rf"(?(nat{k})|(?:{SP}?+{_ahead(f'[{_UNIT_FIRST}]', guarded)}{unit})?+)"
        rf"(?(cur{k}){dae_apart}|(?(pct{k}){dae_apart}|))"
        rf"(?P<dae{k}>대(?!{_trie(markers.NOT_BAND_AFTER)}))?+(?(chq{k})(?P<chqend{k}>{CHEQUE_END})?+|)"
    )


def _compare_pair(side: str) -> str:
    """보다 크고 / 보다 작다: one side of a pair of comparisons (X보다 크고 Y보다 작다)."""
    lower = side == "LOWER"
    words = [w for w, b in markers.COMPARATIVES.items() if b.startswith(",") != lower]
    end = regex.escape(markers.COMPARE_AND) if lower else ""
    return rf"{SP}?+{regex.escape(markers.COMPARE_PARTICLE)}는?+{SP}?+(?:{_alt(words)}){end}"


def _expression(strict: bool, guarded: bool = True) -> str:
    pre_start = rf"(?<![{HANGUL}])" if strict else ""
    hyphen = r"(?<=[0-9%A-Za-z가-힣])-(?=[0-9])"
    # 1000 - 5000 as a whole expression; in running text a spaced dash joins clauses
    spaced_hyphen = "" if strict else rf"|{SP}-{SP}"
    closer = "" if strict else "?+"  # 20에서 100 read whole is a range; in text, a change
    closers = sorted({w for ws in markers.RANGE_OPENERS.values() for w in ws})
    inside = [w for w in closers if w not in markers.RANGE_CLOSERS_OUTSIDE]
    outside = [w for w in closers if w in markers.RANGE_CLOSERS_OUTSIDE]
    tail = (
        rf"(?:(?P<conn>{SP}?+[{RANGE_SYM}]{SP}?+|{hyphen}{spaced_hyphen})"
        rf"|(?P<conn_from>{_alt(markers.RANGE_OPENERS)}){SP}"
        rf"|{SP}(?P<conn_word>{_alt(markers.RANGE_WORDS)}){SP}"
        rf"|{SP}?+(?P<conn_low>{_alt((*markers.BOUND_PAIR_LOW, *markers.BOUND_PAIR_HIGH))}"
        rf"|{_compare_pair('LOWER')}),?+{SP})"
        rf"{_figure(2, strict, guarded)}"
        rf"(?(conn_from)(?:{SP}?+(?P<conn_to>{_alt(inside)})|(?P<conn_end>{_alt(outside)})){closer}|)"
        rf"(?(conn_low){SP}?+(?P<conn_high>{_alt((*markers.BOUND_PAIR_LOW, *markers.BOUND_PAIR_HIGH))}"
        rf"|{_compare_pair('UPPER')}[{HANGUL}]{{0,3}}+)|)"
    )
    # what a range's connector can begin with: most figures have none, and fail here at once
    tail_first = _cls({*RANGE_SYM, "-", *(w[0] for w in markers.RANGE_OPENERS),
                       *(w[0] for w in markers.RANGE_WORDS), markers.COMPARE_PARTICLE[0],
                       *(w[0] for w in (*markers.BOUND_PAIR_LOW, *markers.BOUND_PAIR_HIGH))})
    pre_first = _cls(w[0] for w in (*markers.HEDGES_BEFORE, *markers.BOUNDS_BEFORE))
    pre_ahead = _ahead(f"[{pre_first}]", guarded)
    tail_ahead = _ahead(f"{SP}{{0,2}}+[{tail_first}]", guarded)
    return (
        rf"{_twice(rf'{pre_start}{pre_ahead}(?P<pre>{PRE}){SP}?+')}"
        rf"{_figure(1, strict, guarded)}(?:{tail_ahead}{tail})?+"
        rf"{_twice(rf'(?={SP}?+[{_POST_FIRST}]){SP}?+{OR_BEYOND}(?P<post>{POST})')}"
        rf"(?(conn_from)|(?:{AFTER_BOUND})?+)"
    )


def _twice(part: str) -> str:
    """``part`` up to two times, possessively, written out: the standard library's engine keeps
    one capture per group, so each time has groups of its own (see ``ALIAS``)."""
    return f"(?:{part}(?:{part})?+)?+"


ALIAS = "__"  # num1__2: the second group named num1 (another alternative, or a repeat)


def _unique_names(pattern: str) -> str:
    """Each group name once, as the standard library's engine requires: a name used again
    becomes ``name__2``, ``name__3``…; the semantics reads them as one (``aliases``)."""
    seen: dict[str, int] = {}

    def rename(m: re.Match[str]) -> str:
        n = seen[m.group(1)] = seen.get(m.group(1), 0) + 1
        return m.group(0) if n == 1 else f"(?P<{m.group(1)}{ALIAS}{n}>"

    return re.sub(r"\(\?P<(\w+)>", rename, pattern)


# keyed by identity: hashing a compiled standard-library pattern hashes all of its code
_ALIASES: dict[int, tuple[Any, dict[str, tuple[int, ...]]]] = {}


def aliases(pattern: Any) -> dict[str, tuple[int, ...]]:
    """Group name -> the indices of every group of that name, in pattern order."""
    hit = _ALIASES.get(id(pattern))
    if hit is None:
        out: dict[str, list[int]] = {}
        for name, i in sorted(pattern.groupindex.items(), key=lambda kv: kv[1]):
            out.setdefault(name.split(ALIAS)[0], []).append(i)
        # the pattern is held so that its id is never another's
        hit = _ALIASES[id(pattern)] = (pattern, {n: tuple(ix) for n, ix in out.items()})
    return hit[1]


# The two grammars compile with the standard library's engine, which runs them several times
# faster than ``regex`` (possessive repeats need Python 3.11); ``regex`` keeps what only it
# has: partial matches, for where parse() reports an error.
@functools.cache
def strict() -> Any:
    """The running-text scanner of extract(); compiled on first use."""
    return re.compile(_unique_names(_expression(strict=True)))


@functools.cache
def loose() -> Any:
    """The whole-expression grammar of parse(); compiled on first use."""
    return re.compile(_unique_names(_expression(strict=False)))


# a numeral of digits alone, which the numeral reader takes without reading letters
DIGIT_RUN = re.compile(r"[0-9,.]*[0-9]")
# a decimal before one myriad word and nothing else (2.5조, 257.8만)
DECIMAL_MYRIAD = re.compile(rf"([0-9][0-9,]*\.[0-9]+)([{MYR}])")
# a Hangul numeral cut at its myriad words: groups and the words between them
HANGUL_MYRIAD_CUT = re.compile(
    "([" + _cls(w for w in scales.MYRIAD if "\uac00" <= w <= "\ud7a3") + "])")

# the letters a numeral can end with: parse() tries bare_numeral() only after one
NUMERAL_ENDS = frozenset((*"0123456789", *numerals.SINO_DIGITS, *scales.IN_GROUP, *scales.MYRIAD,
                          markers.MORE_THAN_INFIX))


@functools.cache
def bare_numeral() -> Any:
    """A whole expression that is one numeral and nothing else, as loose() reads numerals:
    parse() reads these without the full grammar."""
    return re.compile(rf"(?:{_num_d(strict=False)}|{NUM_S})")


# the letters a price can end with: parse() tries priced() only after one
PRICE_ENDS = frozenset((*"0123456789", *(w[-1] for w in currency.CURRENCY_WORDS),
                        *(w[-1] for w in currency.ISO_CODES)))


@functools.cache
def priced() -> Any:
    """A whole expression that is a currency sign or code and digits, or digits and a currency
    word ($300, USD 4,883.40, 6,237,658원), as loose() reads those parts: parse() reads these
    without the full grammar. Groups: sign, code, digits, digits, word."""
    return re.compile(
        rf"(?:({CUR_SYMBOLS})|(?<![A-Za-z/])({ISO})(?={SP}?[0-9])){SP}?+({D})"
        rf"|({D}){SP}?+({_CURWORD}|{_ISO_AFTER})"
    )


@functools.cache
def loose_partial() -> Any:
    """loose() in ``regex``, for partial matches: only a malformed expression needs it."""
    return regex.compile(_unique_names(_expression(strict=False, guarded=False)), regex.V1)


def _unit_words() -> list[str]:
    return [*currency.CURRENCY_WORDS, *currency.ISO_CODES, *markers.PERCENT_UNITS,
            *markers.COUNTERS, *markers.NATIVE_COUNTERS, *currency.SUBUNITS,
            markers.MAGNITUDE_SUFFIX]


def _first_chars() -> str:
    """Every character a unit, currency or 대 after a numeral can begin with."""
    return _cls(w[0] for w in _unit_words())


def _unit_head() -> str:
    """The first two characters of every unit word: enough to tell 3일본 엔 from 3일."""
    return _trie(w[:2] for w in _unit_words())


@functools.cache
def anchors() -> Any:
    """Where a figure (not its hedge words) can begin: a cheap superset of strict()'s starts.

    extract() runs the full grammar only at these places. Each alternative looks ahead, with
    character classes only and bounded, for the shape of an amount: a numeral that carries a
    place or myriad word, or is followed (directly or through a range) by the head of a unit
    word. Prose, dates, codes and runs like 3~3~3… are passed over at regex speed.
    """
    # The engine skips ahead over characters outside a leading class in C, and over nothing
    # for a pattern that begins with a lookbehind: the alternatives run inside a lookahead
    # after a class of every first character, and group 1 ends where they would have ended.
    # Two lookbehinds first pass over the common misses: a digit inside a number, and a
    # letter inside a Hangul word that only a figure after a non-Hangul character can begin.
    return _plain_re(
        rf"[{_cls(_anchor_first())}](?<![0-9A-Za-z.,_%][0-9])"
        rf"(?<![{HANGUL}][{_cls(_not_after_hangul())}])(?<=(?=({anchor_alternatives()})).)"
    )


def _anchor_first() -> set[str]:
    """Every character a figure (not its hedge words) can begin with: anchors()' leading class."""
    return set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") | _anchor_first_any() | _words_first()


def _anchor_first_any() -> set[str]:
    """First characters of the anchors that may follow a Hangul letter (적자마이너스 3)."""
    return {w[0] for w in (*markers.NEGATIVE_WORDS, *markers.NEGATIVE_SIGNS, *markers.PAREN_SIGNS,
                           markers.PLUS_SIGN, *currency.CURRENCY_SYMBOLS)}


def _words_first() -> set[str]:
    """First characters of the numeral and cheque anchors, which never follow a Hangul letter."""
    words = (*markers.CHEQUE_PREFIXES, numerals.TEEN_SEVERAL, *numerals.SEVERAL,
             *numerals.NATIVE_PAIRS, *numerals.NATIVE_TENS, *numerals.NATIVE_ONES,
             *numerals.SINO_DIGITS, *scales.IN_GROUP, *scales.MYRIAD)
    return {w[0] for w in words}


def _not_after_hangul() -> set[str]:
    return {c for c in _words_first() if "\uac00" <= c <= "\ud7a3"} - _anchor_first_any()


def anchor_alternatives() -> str:
    """The alternatives of anchors(), as a pattern that finditer() would scan by itself."""
    head = _unit_head()
    digits = r"[0-9][0-9,.]{0,100}+"
    scale_head = _trie({w[:2] for w in scales.ENGLISH_SCALE} | {"bp"})
    after = rf"(?:{SP}?+(?:{head}|{scale_head}|%))"
    digit_shape = (
        rf"{digits}(?:{SP}?+[{PLACE}{MYR}{MORE}]|{after}|{SP}?+{regex.escape(markers.FRACTION_WORD)}"
        rf"|{SP}?+[{RANGE_SYM}-]{SP}?+[-△]?{digits}(?:{SP}?+[{PLACE}{MYR}]|{after})"
        rf"|{regex.escape(markers.RANGE_FROM)}{SP}|{SP}(?:{_alt(markers.RANGE_WORDS)}){SP})"
    )
    hangul_num = (
        rf"[{SINO}{PLACE}{MYR}]{{1,64}}+(?:{SP}[{SINO}{PLACE}{MYR}]{{1,64}}+){{0,4}}+"
        rf"(?:[{POINT}][{SINO}]{{1,24}}+[{PLACE}{MYR}]?+)?+"
        rf"(?:{SP}?+{head}|대|{SP}?+{regex.escape(markers.FRACTION_WORD)})"
    )
    native = rf"(?:{NATIVE}){SP}?+(?:{_trie(w[:2] for w in markers.NATIVE_COUNTERS)})"
    return (
        rf"(?<![0-9A-Za-z.,_%])(?={digit_shape})[0-9]"
        rf"|(?:{_alt(markers.NEGATIVE_WORDS)}){SP}?+(?=[0-9{SINO}{PLACE}{MYR}])"
        rf"|(?<![{HANGUL}])[{_SEV_PLACE}]{SP}?+(?=[0-9]{{1,4}}+[{PLACE}{MYR}])"
        rf"|(?:[{_cls(markers.NEGATIVE_SIGNS)}]|{_alt(markers.PAREN_SIGNS)}"
        rf"|(?<![0-9A-Za-z]){regex.escape(markers.PLUS_SIGN)})(?=[0-9])"
        rf"|(?:{CUR_SYMBOLS})(?={SP}?[0-9])"
        rf"|(?<![A-Za-z])[A-Z]{{3}}(?={SP}?[0-9])"
        rf"|(?<![{HANGUL}])(?:"
        rf"(?:{CHEQUE}){SP}?+(?=[0-9{SINO}{PLACE}{MYR}])"
        rf"|{regex.escape(numerals.TEEN_SEVERAL)}|[{_cls(numerals.SEVERAL)}](?=[십백천만억조])"
        rf"|(?={hangul_num})|(?={native}))"
    )


@functools.cache
def hedge_before() -> Any:
    """Hedge and bound words right before a figure (약 320억원, 최소 약 …)."""
    return _plain_re(rf"(?:(?<![{HANGUL}])(?:{PRE}){SP}?+){{1,2}}$")


@functools.cache
def currency_before() -> Any:
    """A currency word right before a figure that an English scale follows (유로 45.2m):
    the lookback runs only where scale_ahead() matched, which is rare."""
    return _plain_re(rf"(?<![{HANGUL}])(?:{CUR_BEFORE}){SP}?+$")


@functools.cache
def scale_ahead() -> Any:
    return _plain_re(rf"{D}{SP}?+(?:{SCALE})(?![A-Za-z])")


def _plain_re(pattern: str) -> Any:
    """Compile a bounded, lookahead-only pattern with the standard library's engine.

    It scans simple patterns several times faster than ``regex``; without possessive
    quantifiers (absent before Python 3.11) it still cannot backtrack far, as every
    repetition in these patterns is bounded.
    """
    return re.compile(regex.sub(r"(?<=[+*?}])\+", "", pattern))


# A table unit header: (단위: 억원), [단위 : 천달러], 단위: 백만원
@functools.cache
def unit_header() -> Any:
    """(단위: 억원), [단위 : 천달러]: the unit word is checked against the lexicon by the caller,
    so this pattern holds no word list and compiles at once."""
    return regex.compile(
        rf"[(\[（［]?{SP}*단위{SP}*[:：;]{SP}*"
        rf"(?P<unit>[^\s,，/)\]）］]{{1,16}}+(?:{SP}[^\s,，/)\]）］]{{1,8}}+)?+)"
        rf"{SP}*(?P<more>[,，/][^)\]\n]{{0,20}}+)?[)\]）］]?",
        regex.V1,
    )


_HEADER_WORD = "단위"
_HEADER_OPEN = "([（［"


def unit_headers(text: str) -> Any:
    """unit_header().finditer(text), found at regex speed: a match holds 단위 after at most
    an opening bracket and spaces, so each 단위 is found by its letters and matched from
    the first of those before it (a pattern that may begin with either has no fast search)."""
    pattern = unit_header()
    prev = 0
    at = text.find(_HEADER_WORD)
    while at >= 0:
        back = at
        while back > prev and text[back - 1] == " ":
            back -= 1
        if back > prev and text[back - 1] in _HEADER_OPEN:
            back -= 1
        h = pattern.match(text, max(back, prev))
        if h is not None:
            yield h
            prev = h.end()
        at = text.find(_HEADER_WORD, max(at + 1, prev))


@functools.cache
def label_unit() -> Any:
    """A label's unit in parentheses: 계약금액(원), 매출액(백만원), 매출액대비(%)."""
    return regex.compile(
        rf"(?<=[{HANGUL}A-Za-z])[(（](?P<unit>[^\s()（）]{{1,16}}+)[)）]"
        # then its value, past a colon or the separators of empty cells (| |)
        rf"(?={SP}*(?:[:：|│]{SP}*)*+[-△]?[0-9])",
        regex.V1,
    )


# A bare table cell: a number standing alone between separators
TABLE_CELL = regex.compile(
    r"(?<![^\s|│,:：])(?P<sign>[-△])?(?P<num>[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?+|[0-9]++(?:\.[0-9]++)?+)"
    r"(?=$|[\s|│])",
    regex.V1 | regex.M,
)
INDEX_NAME = regex.compile(_alt(markers.INDEX_NAMES))

"""extract(text): every amount in running text, in order, non-overlapping. Never raises."""

from __future__ import annotations

import bisect
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from typing import Any, NamedTuple

from ._amount import Amount
from ._lexicon import currency, markers, scales
from ._numeral import EXACT
from ._scan import (
    FOLD,
    FOLDABLE,
    TABLE_CELL,
    anchors,
    currency_before,
    hedge_before,
    label_unit,
    scale_ahead,
    strict,
    unit_header,
)
from ._semantics import Reject, interpret, is_range

_CUR = currency.CURRENCY_WORDS
_ISO = currency.ISO_CODES
_HEADER_SCALE = scales.HEADER_SCALE
_PRE_LAST = frozenset(w[-1] for w in (*markers.HEDGES_BEFORE, *markers.BOUNDS_BEFORE))
_MAX_FIGURE = 60  # a figure's digit run longer than this is a code, not an amount


def extract(text: str) -> list[Amount]:
    """Every money, percent, magnitude and counted amount in ``text``, in order.

    Spans exclude particles (``320억원을`` -> ``320억원``). Never raises; time is linear.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _extract(text)
    except Exception:  # noqa: BLE001 - the contract: extract() never raises
        return _extract_safely(text)


def _extract(text: str) -> list[Amount]:
    folded = text.translate(FOLD) if FOLDABLE.search(text) else text
    found = list(_scan(folded))
    tables = _tables(folded)
    if tables:
        found = _outside_headers(found, tables)
        found = _merge(found, _table_cells(folded, tables, found))
    if folded is not text:
        # offsets hold (the fold maps one character to one); the text is the caller's
        found = [replace(a, text=text[a.start:a.end]) for a in found]
    return found


def _scan(folded: str) -> Any:
    pos = 0
    match = strict().match
    before = hedge_before().search
    scaled, cur_before = scale_ahead().match, currency_before().search
    for a in anchors().finditer(folded):
        p = a.start()
        if p < pos:
            continue
        q = p - 1 if p and folded[p - 1] != " " else p - 2
        # most figures have no hedge: look back only after a letter a hedge word can end in
        h = before(folded, max(pos, p - 12), p) if q >= 0 and folded[q] in _PRE_LAST else None
        if h is None and scaled(folded, p):
            h = cur_before(folded, max(pos, p - 16), p)
        m = match(folded, h.start()) if h is not None else None
        if m is None:
            m = match(folded, p)
            if m is None:
                continue
        amount, cut = _accept(m, folded)
        if amount is None and cut is None and is_range(m):
            cut = _first_cut(m)  # the range does not hold together: its first figure alone
        if amount is None and cut is not None:
            shorter = match(folded, m.start(), cut)
            if shorter is not None:
                amount = _accept(shorter, folded)[0]
            if amount is None:
                cut = None  # nothing before the cut stands alone either: skip the whole run
        if amount is not None:
            yield amount
            pos = amount.end
        else:
            # never a fragment: what the match covers is one run of figure words, and no
            # part of a run that cannot be read whole is reported
            pos = max(pos, p + 1, cut if cut is not None else m.end())


def _first_cut(m: Any) -> int:
    if m.group("conn_low") is not None:
        return int(m.end("conn_low"))  # 3억 이상 2억 이상: the first keeps its bound
    for group, back in (("conn_from", 0), ("conn_word", 1), ("conn", 0)):
        if m.group(group) is not None:
            return int(m.start(group)) - back
    return int(m.end())


def _accept(m: Any, folded: str) -> tuple[Amount | None, int | None]:
    """The match's amount, or None and where a shorter match may end (see Reject.cut)."""
    if m.end() - m.start() > 4 * _MAX_FIGURE:
        return None, None
    try:
        return interpret(m, folded, strict=True), None
    except Reject as r:
        return None, r.cut
    except (ArithmeticError, ValueError):
        return None, None


class _Region(NamedTuple):
    """Text whose bare numbers take the unit of a header: (단위: 억원) or a label's (원)."""

    head: int
    start: int
    end: int
    power: int
    currency: str | None
    unit: str | None
    whole_only: bool


def _tables(folded: str) -> list[_Region]:
    out = []
    for h in unit_header().finditer(folded):
        power, code = _unit_word(h.group("unit"))
        if code is None:
            continue
        # (단위: 억원, %): a column of rates sits among the money; a cell with a decimal
        # point could be either, so only whole cells are read as money
        out.append(_Region(h.start(), h.end(), _table_end(folded, h.end()), power, code, None,
                           bool(h.group("more"))))
    # a new unit header ends the table before it
    out = [t._replace(end=min(t.end, nxt.head)) for t, nxt in pairwise(out)] + out[-1:]
    for h in label_unit().finditer(folded):
        # 계약금액(원): 34,210,000,000 — the label's unit holds to the end of its line
        nl = folded.find("\n", h.end())
        end = len(folded) if nl < 0 else nl
        if h.group("unit") == "%":
            out.append(_Region(h.start(), h.end(), end, 0, None, "%", False))
            continue
        power, code = _unit_word(h.group("unit"))
        if code is not None:
            out.append(_Region(h.start(), h.end(), end, power, code, None, False))
    return sorted(out)


def _unit_word(word: str) -> tuple[int, str | None]:
    """백만원 -> (6, KRW): an optional place-value prefix, then a currency word or code."""
    word = word.replace(" ", "")  # (단위: 억 원)
    for prefix, power in _HEADER_SCALE.items():
        if word.startswith(prefix):
            code = _code(word[len(prefix):])
            if code is not None:
                return power, code
    return 0, None


def _outside_headers(found: list[Amount], tables: list[_Region]) -> list[Amount]:
    """Drop amounts read inside a header itself ((단위: 억원) is not 1억원): one merge pass."""
    heads = sorted((t.head, t.start) for t in tables)
    starts = [h for h, _ in heads]
    out = []
    for a in found:
        i = bisect.bisect_right(starts, a.start)
        if not (i and a.start < heads[i - 1][1]):
            out.append(a)
    return out


def _code(cur: str) -> str | None:
    return _CUR.get(cur) or (cur if cur in _ISO else None)


def _table_end(folded: str, start: int) -> int:
    """A table runs to a blank line or to the first line of prose."""
    pos = start
    first = True
    while pos < len(folded):
        nl = folded.find("\n", pos)
        end = len(folded) if nl < 0 else nl
        line = folded[pos:end].strip()
        if not first and (not line or _is_prose(line)):
            return pos
        first = False
        pos = end + 1
    return len(folded)


def _is_prose(line: str) -> bool:
    if "|" in line or "\t" in line:
        return False
    return line.endswith(markers.SENTENCE_ENDS) and len(line.split()) >= 5


def _table_cells(folded: str, tables: list[_Region], found: list[Amount]) -> list[Amount]:
    starts = [a.start for a in found]
    ends = [a.end for a in found]
    out: list[Amount] = []
    for _head, start, end, power, code, unit, whole_only in tables:
        for line_start, line in _lines(folded, start, end):
            cells = list(TABLE_CELL.finditer(line))
            if cells and all(_year_like(c) for c in cells):
                continue  # a header row of years
            if cells and _year_like(cells[0]) and not line[:cells[0].start()].strip(" |│\t"):
                cells = cells[1:]  # a year that labels its row: 2023 | 32,100 | 98,500
            for c in cells:
                a, b = line_start + c.start(), line_start + c.end()
                i = bisect.bisect_left(starts, b)  # found amounts are sorted, disjoint
                if (i and ends[i - 1] > a) or len(c.group("num")) > _MAX_FIGURE:
                    continue
                if whole_only and "." in c.group("num"):
                    continue
                try:
                    value = EXACT.scaleb(Decimal(c.group("num").replace(",", "")), power)
                except ArithmeticError:
                    continue
                if c.group("sign"):
                    value = EXACT.minus(value)
                out.append(Amount(folded[a:b], a, b, value, value, value, currency=code, unit=unit))
                starts.insert(i, a)  # a cell is taken once, even under two headers
                ends.insert(i, b)
    return out


def _lines(folded: str, start: int, end: int) -> Any:
    pos = start
    while pos < end:
        nl = folded.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, folded[pos:stop]
        pos = stop + 1


def _year_like(c: Any) -> bool:
    s = c.group("num")
    return not c.group("sign") and len(s) == 4 and s.isdigit() and 1900 <= int(s) <= 2100


def _merge(a: list[Amount], b: list[Amount]) -> list[Amount]:
    return sorted(a + b, key=lambda x: x.start)


def _extract_safely(text: str) -> list[Amount]:
    """Last resort after an unexpected error: scan line by line, dropping only the bad line."""
    out: list[Amount] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        try:
            out.extend(
                replace(a, start=a.start + offset, end=a.end + offset) for a in _extract(line)
            )
        except Exception:  # noqa: BLE001, S110 - the one line is what is given up
            pass
        offset += len(line)
    return out

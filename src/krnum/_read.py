"""Every amount in running text, in order, non-overlapping: the scan, then tables.

The reading behind extract(); setup.py may compile it with mypyc, so extract() itself,
which takes any object, stays in pure Python (_extract)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import pairwise
from typing import Any, NamedTuple

from ._amount import Amount, build, moved
from ._lexicon import markers
from ._numeral import EXACT
from ._scan import (
    CUR_BEFORE_LAST,
    FOLD,
    FOLDABLE,
    TABLE_CELL,
    anchors,
    currency_before,
    hedge_before,
    label_unit,
    scale_ahead,
    strict,
    unit_headers,
)
from ._semantics import Reject, _Layout, interpret_groups, is_range, layout_of
from ._tables import (
    EMPTY,
    NOT_MONEY,
    Cell,
    Column,
    Note,
    align,
    bare,
    cell_amount,
    header_note,
    is_known,
    read_grid,
    row_of,
    segment,
    unit_word,
    year,
)

_PRE_LAST = frozenset(w[-1] for w in (*markers.HEDGES_BEFORE, *markers.BOUNDS_BEFORE))
_MAX_FIGURE = 60  # a figure's digit run longer than this is a code, not an amount
_TOKEN = re.compile(r"[^\s|│]+")
_PIPE_CELL = re.compile(r" *([^|│\t]*?) *(?:[|│\t]|$)")  # what _pipe_cells reads, by splitting
_SEPARATED = re.compile(r"[|│\t]")
_cell: Any = functools.partial(tuple.__new__, Cell)  # a Cell without its Python __new__
_DATE = re.compile(r"[0-9]{2,4}[.\-/][0-9]{1,2}(?:[.\-/][0-9]{1,2})?\.?")
_HEADING = re.compile(r"(?:[0-9]{1,2}|[가-하])[.)]")  # 2. 타법인출자 현황, 가) 
_HEADING_LINE = re.compile(r"\s*(?:[0-9]{1,2}|[가-하])[.)]\s*[가-힣]")


def amounts(text: str) -> list[Amount]:
    """extract()'s reading of a non-empty string; may raise on what it cannot read."""
    folded = text.translate(FOLD) if FOLDABLE.search(text) else text
    found = _scan(folded)
    tables = _tables(folded)
    if tables:
        found = _outside_headers(found, tables)
        found = _merge(found, _table_cells(folded, tables, found))
    if folded is not text:
        # offsets hold (the fold maps one character to one); the text is the caller's
        found = [moved(a, text[a.start:a.end], a.start) for a in found]
    return found


def _scan(folded: str) -> list[Amount]:
    out: list[Amount] = []
    pos = 0
    match = strict().match
    layout = layout_of(strict())
    before = hedge_before().search
    scaled, cur_before = scale_ahead().match, currency_before().search
    skip = 0
    for a in anchors().finditer(folded):
        p = a.start()
        if p < skip:
            continue  # inside what the anchor before it covers (see anchors)
        skip = max(a.end(1), p + 1)
        if p < pos:
            continue
        q = p - 1 if p and folded[p - 1] != " " else p - 2
        # most figures have no hedge and no currency word before them: look back only after
        # a letter such a word can end in
        last = folded[q] if q >= 0 else ""
        h = before(folded, max(pos, p - 12), p) if last in _PRE_LAST else None
        if h is None and last in CUR_BEFORE_LAST and scaled(folded, p):
            h = cur_before(folded, max(pos, p - 16), p)
        m = match(folded, h.start()) if h is not None else None
        if m is None:
            m = match(folded, p)
            if m is None:
                continue
        amount, cut = _accept(m, folded, layout)
        if amount is None and cut is None and is_range(m):
            cut = _first_cut(m)  # the range does not hold together: its first figure alone
        if amount is None and cut is not None:
            shorter = match(folded, m.start(), cut)
            if shorter is not None:
                amount = _accept(shorter, folded, layout)[0]
            if amount is None:
                cut = None  # nothing before the cut stands alone either: skip the whole run
        if amount is not None:
            out.append(amount)
            pos = amount.end
        else:
            # never a fragment: what the match covers is one run of figure words, and no
            # part of a run that cannot be read whole is reported
            pos = max(pos, p + 1, cut if cut is not None else m.end())
    return out


def _first_cut(m: Any) -> int:
    if m.group("conn_low") is not None:
        return int(m.end("conn_low"))  # 3억 이상 2억 이상: the first keeps its bound
    for group, back in (("conn_from", 0), ("conn_word", 1), ("conn", 0)):
        if m.group(group) is not None:
            return int(m.start(group)) - back
    return int(m.end())


def _accept(m: Any, folded: str, layout: _Layout) -> tuple[Amount | None, int | None]:
    """The match's amount, or None and where a shorter match may end (see Reject.cut)."""
    if m.end() - m.start() > 4 * _MAX_FIGURE:
        return None, None
    try:
        return interpret_groups(m, m.groups(), layout, folded, True), None
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
    note: Note | None  # a unit note's units: the table is read column by column


def _tables(folded: str) -> list[_Region]:
    out = []
    for h in unit_headers(folded):
        note = header_note(h)
        if note is None:
            continue
        out.append(_Region(h.start(), h.end(), _table_end(folded, h.end()), note.power, note.code,
                           None, note.several, note))
    # a new unit header ends the table before it
    out = [t._replace(end=min(t.end, nxt.head)) for t, nxt in pairwise(out)] + out[-1:]
    starts, ends = [t.start for t in out], [t.end for t in out]  # in order, disjoint
    labels = [h for h in label_unit().finditer(folded)
              if not ((i := bisect.bisect_right(starts, h.start())) and h.start() < ends[i - 1])]
    # (a row of a noted table is left out: the table reads it, in the row's own unit)
    for h, after in zip(labels, [*labels[1:], None]):
        # 계약금액(원): 34,210,000,000 — the label's unit holds to the end of its line, or to
        # the next label on it (| 매출액대비(%): 3.51)
        nl = folded.find("\n", h.end())
        end = len(folded) if nl < 0 else nl
        if after is not None:
            end = min(end, after.start())
        if h.group("unit") == "%":
            out.append(_Region(h.start(), h.end(), end, 0, None, "%", False, None))
            continue
        power, code = unit_word(h.group("unit"))
        if code is not None:
            out.append(_Region(h.start(), h.end(), end, power, code, None, False, None))
    return sorted(out, key=lambda r: (r.head, r.start))


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


def _table_end(folded: str, start: int) -> int:
    """A table runs to a blank line or to the first line of prose."""
    pos = start
    first = True
    while pos < len(folded):
        nl = folded.find("\n", pos)
        end = len(folded) if nl < 0 else nl
        line = folded[pos:end].strip()
        if not first and (not line or _is_prose(line) or _HEADING_LINE.match(line)):
            return pos
        first = False
        pos = end + 1
    return len(folded)


def _is_prose(line: str) -> bool:
    if "|" in line or "\t" in line:
        return False
    return line.endswith(markers.SENTENCE_ENDS) and len(line.split()) >= 5


def _table_cells(folded: str, tables: list[_Region], found: list[Amount]) -> list[Amount]:
    taken = _Taken(found)
    out: list[Amount] = []
    for region in tables:
        cells: Iterable[Amount]
        if region.note is not None:
            cells = _columns(folded, region.start, region.end, region.note, taken)
        else:
            cells = _label_cells(folded, region, taken)
        for a in cells:
            if taken(a.start, a.end):
                continue  # a cell is taken once, even under two headers
            out.append(a)
            taken.take(a.start, a.end)
    return out


class _Taken:
    """What is reported already: the scan's amounts (sorted, disjoint), looked up by
    bisection, and the cells taken so far, by character (a sorted list that grew with every
    cell made the tables quadratic in the text)."""

    __slots__ = ("cells", "ends", "starts")

    def __init__(self, found: list[Amount]) -> None:
        self.starts = [a.start for a in found]
        self.ends = [a.end for a in found]
        self.cells: set[int] = set()

    def __call__(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b)
        if i and self.ends[i - 1] > a:
            return True
        return not self.cells.isdisjoint(range(a, b))

    def take(self, a: int, b: int) -> None:
        self.cells.update(range(a, b))


def _label_cells(folded: str, region: _Region, taken: _Taken) -> Iterator[Amount]:
    _head, start, end, power, code, unit, _whole, _note = region
    for line_start, line in _lines(folded, start, end):
        if _SEPARATED.search(line):
            # cells between separators, each a whole number (the first after the label's
            # colon): in | 13 241 | a lost comma has left two runs, and neither is the figure
            found = []
            for cell in _pipe_cells(line, line_start):
                text = cell.text.lstrip(":：").lstrip(" ")
                if (m := bare(text)) is not None:
                    found.append((m, cell.start + len(cell.text) - len(text)))
        else:
            found = [(m, line_start + m.start()) for m in TABLE_CELL.finditer(line)]
        for c, a in found:
            b = a + len(c.group(0))
            if len(c.group("num")) > _MAX_FIGURE or taken(a, b):
                continue
            try:
                value = EXACT.scaleb(Decimal(c.group("num").replace(",", "")), power)
            except ArithmeticError:
                continue
            if c.group("sign") or c.groupdict().get("open"):
                value = EXACT.minus(value)
            yield build(folded[a:b], a, b, value, value, value, currency=code, unit=unit)


class _Tok(NamedTuple):
    what: str  # cell, empty, date, taken, word
    text: str
    start: int
    line: int
    sign: bool = False
    num: str = ""


def _tokens(folded: str, start: int, end: int, taken: _Taken) -> list[_Tok]:
    out: list[_Tok] = []
    line, last = 0, start
    for t in _TOKEN.finditer(folded, start, end):
        line += folded.count("\n", last, t.start())
        last = t.start()
        w = t.group()
        a, b = t.start(), t.end()
        if taken(a, b):
            out.append(_Tok("taken", w, a, line))
            continue
        c = bare(w)
        if c is not None:
            out.append(_Tok("cell", w, a, line, bool(c.group("sign") or c.group("open")),
                            c.group("num")))
        elif w in EMPTY:
            out.append(_Tok("empty", w, a, line))
        elif _DATE.fullmatch(w):
            out.append(_Tok("date", w, a, line))
        elif _HEADING.fullmatch(w) and out and out[-1].what != "word":
            break  # 2. 타법인출자 현황: the next section
        else:
            out.append(_Tok("word", w, a, line))
    return out


def _runs(toks: list[_Tok]) -> list[tuple[list[_Tok], list[_Tok]]]:
    """(words, cells) pairs: a row is its label's words and the cells that follow; a new line
    of cells is a new row."""
    runs: list[tuple[list[_Tok], list[_Tok]]] = []
    words: list[_Tok] = []
    cells: list[_Tok] = []
    for t in toks:
        if t.what == "word":
            if cells:
                runs.append((words, cells))
                words, cells = [], []
            words.append(t)
        else:
            if cells and t.line != cells[-1].line and not words:
                runs.append((words, cells))
                words, cells = [], []
            cells.append(t)
    if cells:
        runs.append((words, cells))
    return runs


def _columns(folded: str, start: int, end: int, note: Note, taken: _Taken) -> list[Amount]:
    """A table under a unit note, column by column: the note scales its money columns only."""
    piped = [(a, line) for a, line in _lines(folded, start, end) if _SEPARATED.search(line)]
    if len(piped) >= 2:
        # cells are written apart: read them as the structured tables are
        grid = [_pipe_cells(line, a) for a, line in piped]
        return [a for _i, _j, a in read_grid(grid, note, lambda c: [])]  # _table_cells drops the taken
    runs = _runs(_tokens(folded, start, end, taken))
    if not runs:
        return []
    cols: list[Column] = []
    first_words, first_cells = runs[0]
    if all(c.what == "cell" and _year(c) for c in first_cells):
        if note.code is None:
            return []
        runs = runs[1:]  # a header row of years: the rows' labels say what they hold
    else:
        head, label = _header_and_label(first_words, first_cells[0])
        cols = segment([w.text for w in head], len(first_cells))
        if not any(c.kind in NOT_MONEY for c in cols):
            if note.code is None:
                return []  # (단위: %) over columns of no known kind: nothing to tell them by
            cols = []  # every column holds money: no need to tell them apart
        runs[0] = (label, first_cells)
    out: list[Amount] = []
    for words, cells in runs:
        if not words and len(cells) > 1 and cells[0].what == "cell" and _year(cells[0]):
            cells = cells[1:]  # a year that labels its row: 2023 | 32,100 | 98,500
        name = "".join(w.text for w in words)
        row = row_of(name)
        texts = [c.text if c.what != "empty" else "-" for c in cells]
        kinds = _aligned(cols, texts, len(words)) if cols else None
        for i, c in enumerate(cells):
            if c.what != "cell":
                continue
            col = kinds[i] if kinds is not None else None
            a = cell_amount(c.text, c.start, c.sign, c.num, col, row, note,
                            aligned=kinds is None or col is not None)
            if a is not None:
                out.append(a)
    return out


def _aligned(cols: list[Column], texts: list[str], n_words: int) -> list[Column | None]:
    """The row's cells in the header's columns; a leading ``-`` stands in a label column the
    row's words leave empty (최대주주 명 | 관계: 국민연금 | - | …)."""
    free = sum(1 for c in cols if c.kind == "label") - n_words
    k = 0
    while k < free and k < len(texts) - 1 and texts[k] == "-":
        k += 1
    return [None] * k + align(cols, texts[k:], labelled=n_words > 0)


def _pipe_cells(line: str, offset: int) -> list[Cell]:
    """| 매출액 | 1,234 | -> its cells, stripped of spaces, with where each starts; as
    ``_PIPE_CELL.finditer`` finds them (a property test holds the two equal), by splitting."""
    out = []
    pos = offset
    part = ""
    for part in _SEPARATED.split(line):
        # a cell of spaces alone starts after them, as the pattern's greedy spaces do
        out.append(_cell((part.strip(" "), pos + len(part) - len(part.lstrip(" ")))))
        pos += len(part) + 1
    if part:
        out.append(_cell(("", offset + len(line))))  # the pattern's empty match at the end
    if out and not out[0].text and line.lstrip().startswith(("|", "│")):
        out = out[1:]  # a leading pipe opens the row; it is no empty first cell
    return out


def _header_and_label(words: list[_Tok], first_cell: _Tok) -> tuple[list[_Tok], list[_Tok]]:
    """The words before a table's first cells are its header, then the first row's label: the
    words on the first cell's line when the header has lines of its own (of which the first
    names the columns), else as many trailing words of no known header ending as the header
    has label columns."""
    if not words:
        return [], []
    on_line = [w for w in words if w.line == first_cell.line]
    if len(on_line) < len(words):
        head = words[:len(words) - len(on_line)]
        # lines under the first only divide its merged headers (직원수 over 전체 · 합계)
        return [w for w in head if w.line == head[0].line], on_line
    if on_line and words[0].line == first_cell.line and first_cell.line > 0:
        return [], words  # a row that begins its line: the table names no columns
    n_labels = sum(1 for c in segment([w.text for w in words]) if c.kind == "label")
    k = 0
    while k < n_labels and k < len(words) - 1 and not is_known(words[-1 - k].text):
        k += 1
    return words[:len(words) - k], words[len(words) - k:]


def _year(t: _Tok) -> bool:
    return year(t.num, t.sign)


def _lines(folded: str, start: int, end: int) -> Any:
    pos = start
    while pos < end:
        nl = folded.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, folded[pos:stop]
        pos = stop + 1


def _merge(a: list[Amount], b: list[Amount]) -> list[Amount]:
    return sorted(a + b, key=lambda x: x.start)

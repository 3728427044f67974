"""Tables as pipelines hold them: rows of cell strings, read column by column.

>>> from krnum import tables
>>> rows = [["구분", "인원수", "연간급여 총액"], ["미등기임원", "9", "1,705"]]
>>> [(c.row, c.column, c.amount.kind, str(c.amount.value)) for c in tables.read(rows, "백만원")]
[(1, 1, 'number', '9'), (1, 2, 'money', '1705000000')]

The same rules as ``extract`` over the flattened text of the table: a unit note is the unit
of the money columns; counts, rates, periods, dates and labels are read as they are written.
``html`` and ``markdown`` find the tables of a page (a disclosure's document XML included:
``TABLE``, ``TR``, ``TH``, ``TD``, ``TE``) with the unit note above each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import Any

from ._amount import Amount
from ._extract import extract
from ._scan import FOLD, unit_header
from ._tables import UNIT_SEP, Cell, Note, bare, header_note, read_grid, read_note

__all__ = ["Table", "TableAmount", "html", "markdown", "read"]

_NOTE_REACH = 200  # a unit note stands this close above its table, or in a row of its own


@dataclass(frozen=True, slots=True)
class TableAmount:
    """One cell's amount: ``amount``'s offsets are within that cell's string."""

    row: int
    column: int
    amount: Amount


@dataclass(frozen=True, slots=True)
class Table:
    """A table's rows of cell strings (header rows first) and its unit note as written."""

    rows: list[list[str]]
    unit: str | None = None
    line: int = 0  # the line of the page where the table begins (from 1; 0 when not known)

    def amounts(self) -> list[TableAmount]:
        return read(self.rows, self.unit)


def read(rows: Iterable[Sequence[str]], unit: str | None = None) -> list[TableAmount]:
    """Every cell's amount, with its row and column (counted in ``rows`` as given).

    ``unit`` is the table's unit note, as written (``"(단위 : 백만원, 명)"``) or just its units
    (``"백만원"``); without it, a row of its own holding the note is used, and failing that
    the bare cells are plain numbers, as in running text.
    """
    grid = [[_cell(s) for s in row] for row in rows]
    note_row = None
    if unit is None:
        for i, row in enumerate(grid):
            texts = [c.text for c in row if c.text]
            if len(set(texts)) == 1 and unit_header().search(texts[0].translate(FOLD)):
                unit, note_row = texts[0], i
                break
    note = _note(unit) if unit is not None else None
    out: list[TableAmount] = []
    if note is None:
        for i, row in enumerate(grid):
            for j, c in enumerate(row):
                out.extend(TableAmount(i, j, a) for a in _running(c))
        return out
    body = [row if i != note_row else [] for i, row in enumerate(grid)]
    return [TableAmount(i, j, a) for i, j, a in read_grid(body, note, _running)]


def _cell(s: str) -> Cell:
    s = "" if s is None else str(s)
    stripped = s.strip()
    return Cell(stripped.translate(FOLD), s.find(stripped) if stripped else 0)


def _note(unit: str) -> Note | None:
    folded = unit.translate(FOLD)
    h = unit_header().search(folded)
    if h is not None:
        return header_note(h)
    return read_note(UNIT_SEP.split(folded.strip("()[] ")))


def _running(c: Cell) -> list[Amount]:
    """A cell that is not a bare number (1,234억원, 12.5%) reads as running text does."""
    if not c.text or bare(c.text) is not None:
        return []
    return [replace(a, start=a.start + c.start, end=a.end + c.start) for a in extract(c.text)]


class _Tables(HTMLParser):
    """Tables of an HTML page or a DART document: colspans and rowspans laid out as a grid."""

    CELLS = frozenset({"td", "th", "te", "tu"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.text: list[str] = []  # the page's text outside tables, for the notes above them
        self._stack: list[dict[str, Any]] = []  # nested tables: each its rows, row, cell, spans

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            above = "".join(self.text)[-_NOTE_REACH:]
            self._stack.append({"rows": [], "row": None, "cell": None, "down": {},
                                "above": above, "line": self.getpos()[0]})
        elif not self._stack:
            if tag in ("br", "p", "div", "tr"):
                self.text.append("\n")
        elif tag == "tr":
            self._stack[-1]["row"] = []
        elif tag in self.CELLS:
            t = self._stack[-1]
            if t["row"] is None:
                t["row"] = []
            t["cell"] = {"text": [], "colspan": _span(a.get("colspan")),
                         "rowspan": _span(a.get("rowspan"))}
        elif tag == "br" and self._stack[-1]["cell"] is not None:
            self._stack[-1]["cell"]["text"].append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self._stack:
            return
        t = self._stack[-1]
        if tag in self.CELLS:
            self._end_cell(t)
        elif tag == "tr":
            self._end_row(t)
        elif tag == "table":
            self._end_cell(t)
            self._end_row(t)
            self._stack.pop()
            cells = [c for row in t["rows"] for c in row if c]
            if len(t["rows"]) <= 2 and any(unit_header().search(c.translate(FOLD)) for c in cells):
                # a layout table that only holds the note ((기준일 : …) (단위 : 백만원)), as
                # disclosures set it above the table it belongs to
                if not self._stack:
                    self.text.append("\n" + " ".join(cells) + "\n")
                return
            unit = _note_of(t["above"])
            self.tables.append(Table(t["rows"], unit, t["line"]))

    def handle_data(self, data: str) -> None:
        if not self._stack:
            self.text.append(data)
        elif self._stack[-1]["cell"] is not None:
            self._stack[-1]["cell"]["text"].append(data)

    def _end_cell(self, t: dict[str, Any]) -> None:
        c = t["cell"]
        if c is None:
            return
        t["cell"] = None
        row = t["row"]
        text = " ".join("".join(c["text"]).split())
        self._carry(t, row)
        col = len(row)
        for k in range(c["colspan"]):
            # a spanned header repeats its words; a spanned figure is read once
            row.append(text if k == 0 or bare(text) is None else "")
            if c["rowspan"] > 1:
                t["down"][col + k] = [text if bare(text) is None else "", c["rowspan"] - 1]

    def _carry(self, t: dict[str, Any], row: list[str]) -> None:
        while len(row) in t["down"]:
            j = len(row)
            text, left = t["down"][j]
            row.append(text)
            if left <= 1:
                del t["down"][j]
            else:
                t["down"][j][1] = left - 1

    def _end_row(self, t: dict[str, Any]) -> None:
        if t["row"] is None:
            return
        self._carry(t, t["row"])
        # the carries of columns past this row's last cell
        for j in sorted(k for k in t["down"] if k >= len(t["row"])):
            while len(t["row"]) < j:
                t["row"].append("")
            self._carry(t, t["row"])
        if t["row"]:
            t["rows"].append(t["row"])
        t["row"] = None


def _span(v: str | None) -> int:
    try:
        return max(1, min(int(v or 1), 1000))
    except ValueError:
        return 1


def _note_of(text: str) -> str | None:
    notes = list(unit_header().finditer(text.translate(FOLD)))
    return notes[-1].group(0) if notes else None


def html(text: str) -> list[Table]:
    """The tables of an HTML page or of a disclosure's document XML, each with its unit note
    (the last one written above it, in a paragraph or in a layout table of its own, or a row of
    its own inside it). A layout table that holds only a note is not a table of its own."""
    parser = _Tables()
    parser.feed(text)
    parser.close()
    return parser.tables


_PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE = re.compile(r"^\s*:?-+:?\s*$")


def markdown(text: str) -> list[Table]:
    """The pipe tables of Markdown text, each with the unit note of the lines above it."""
    out: list[Table] = []
    rows: list[list[str]] = []
    above: list[str] = []
    start = 0
    for n, line in enumerate([*text.splitlines(), ""]):
        m = _PIPE_ROW.match(line)
        if m is not None:
            cells = [c.strip() for c in m.group(1).split("|")]
            if not rows:
                start = n + 1
            if not all(_RULE.match(c) for c in cells):
                rows.append(cells)
            continue
        if rows:
            out.append(Table(rows, _note_of("\n".join(above[-3:])), start))
            rows, above = [], []
        if line.strip():
            above.append(line)
    return out

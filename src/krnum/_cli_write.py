"""The ``krnum`` command's writers: rows out as jsonl, json, csv, tsv or an aligned table."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import IO, Any

from ._cli_run import Progress

FORMATS = ("jsonl", "json", "csv", "tsv", "table")


def isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if v is True:
        return "true"
    if v is False:
        return "false"
    return str(v)


class Writer:
    """Rows out in one format, flushed after each group so a pipeline sees them at once."""

    def __init__(self, out: IO[str], columns: Sequence[str], progress: Progress) -> None:
        self.out, self.columns, self.progress = out, columns, progress
        self.count = 0

    def rows(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.row(row)
            self.count += 1

    def row(self, row: Sequence[Any]) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        self.out.flush()

    def close(self) -> None:
        self.flush()


class JsonlWriter(Writer):
    def row(self, row: Sequence[Any]) -> None:
        self.out.write(json.dumps(dict(zip(self.columns, row)), ensure_ascii=False) + "\n")


class JsonWriter(Writer):
    def row(self, row: Sequence[Any]) -> None:
        obj = json.dumps(dict(zip(self.columns, row)), ensure_ascii=False)
        self.out.write(("[\n  " if not self.count else ",\n  ") + obj)

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")
        self.flush()


class CsvWriter(Writer):
    def __init__(self, out: IO[str], columns: Sequence[str], progress: Progress) -> None:
        super().__init__(out, columns, progress)
        self.csv = csv.writer(out, lineterminator="\n")
        self.csv.writerow(columns)

    def row(self, row: Sequence[Any]) -> None:
        self.csv.writerow([_cell(v) for v in row])


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


class TsvWriter(Writer):
    def __init__(self, out: IO[str], columns: Sequence[str], progress: Progress) -> None:
        super().__init__(out, columns, progress)
        out.write("\t".join(columns) + "\n")

    def row(self, row: Sequence[Any]) -> None:
        self.out.write("\t".join(_cell(v).translate(_TSV_ESCAPES) for v in row) + "\n")


class TableWriter(Writer):
    """Aligned columns for a person at a terminal; widths are set from the first rows."""

    HEAD = 40  # rows held back to size the columns

    def __init__(self, out: IO[str], columns: Sequence[str], progress: Progress) -> None:
        super().__init__(out, columns, progress)
        if "table" in columns:
            self.view: tuple[str, ...] = ("file", "table", "row", "column")
        elif "file" in columns:
            self.view = ("file", "line", "col")
        else:
            self.view = ("line",)
        self.view += ("text", "kind", "value", "interval", "unit", "approx")
        self.widths: list[int] | None = None
        self.held: list[list[str]] = []

    def row(self, row: Sequence[Any]) -> None:
        cells = self._cells(dict(zip(self.columns, row)))
        if self.widths is None:
            self.held.append(cells)
            if len(self.held) >= self.HEAD:
                self._release()
        else:
            self._line(cells)

    def _cells(self, r: dict[str, Any]) -> list[str]:
        shown = {
            "file": r.get("file"),
            "line": r.get("line"),
            "col": r.get("line_start"),
            "table": r.get("table"),
            "row": r.get("row"),
            "column": r.get("column"),
            "text": r["text"],
            "kind": r["kind"],
            "value": _grouped(r["value"]),
            "interval": _interval(r),
            "unit": r["currency"] or r["unit"],
            "approx": "~" if r["approximate"] else "",
        }
        return [_cell(shown[c]) for c in self.view]

    def _release(self) -> None:
        self.widths = [_width(c) for c in self.view]
        for cells in self.held:
            self.widths = [max(w, _width(c)) for w, c in zip(self.widths, cells)]
        self._line(list(self.view))
        for cells in self.held:
            self._line(cells)
        self.held = []

    def _line(self, cells: list[str]) -> None:
        assert self.widths is not None
        self.widths = [max(w, _width(c)) for w, c in zip(self.widths, cells)]
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, self.widths)]
        self.out.write("  ".join(padded).rstrip() + "\n")

    def flush(self) -> None:
        if self.widths is not None:
            super().flush()

    def close(self) -> None:
        if self.widths is None:
            self._release()
        super().close()


WRITERS: dict[str, type[Writer]] = {
    "jsonl": JsonlWriter,
    "json": JsonWriter,
    "csv": CsvWriter,
    "tsv": TsvWriter,
    "table": TableWriter,
}


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _grouped(s: str | None) -> str | None:
    """``1234567.5`` -> ``1,234,567.5``: easier to read, still exact."""
    return None if s is None else _grouped_figure(s)


def _grouped_figure(s: str) -> str:
    sign = "-" if s.startswith("-") else ""
    whole, dot, frac = s.lstrip("-").partition(".")
    return f"{sign}{int(whole):,}{dot}{frac}"


def _interval(r: dict[str, Any]) -> str:
    lo, hi = r["low"], r["high"]
    if r["value"] is not None and lo == hi == r["value"]:
        return ""
    left = ("[" if r["low_inclusive"] else "(") + (_grouped_figure(lo) if lo is not None else "-∞")
    right = (_grouped_figure(hi) if hi is not None else "∞") + ("]" if r["high_inclusive"] else ")")
    return f"{left}, {right}"

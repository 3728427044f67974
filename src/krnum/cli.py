"""The ``krnum`` command: parse, extract and normalize from the shell.

I/O only: reading, decoding, batching for ``--jobs`` and writing rows. Every figure comes
from the library functions, so the command and ``import krnum`` always agree.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import json
import os
import sys
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import IO, Any, TypeVar

from . import __version__
from ._errors import ParseError
from ._extract import extract
from ._normalize import normalize
from ._parse import parse

EXIT_OK = 0
EXIT_REJECTED = 1  # parse: at least one expression was rejected; the others were written
EXIT_USAGE = 2  # bad option, or an input file that cannot be opened
EXIT_DECODE = 3  # an input is not valid in the chosen encoding
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # what a shell reports for a writer killed by SIGPIPE

AMOUNT_COLUMNS = (
    "text",
    "kind",
    "value",
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "currency",
    "unit",
    "approximate",
)
PARSE_COLUMNS = ("line", "input", "text", "start", "end", *AMOUNT_COLUMNS[1:])
EXTRACT_COLUMNS = ("file", "line", "line_start", "line_end", "start", "end", *AMOUNT_COLUMNS)
FORMATS = ("jsonl", "json", "csv", "tsv", "table")

CHUNK_BYTES = 1 << 16
PARAGRAPH_CAP = 1 << 20  # characters; bounds memory on input with no blank lines
BATCH_CHARS = 1 << 16  # work sent to a worker process at once under --jobs
BATCH_UNITS = 2048

T = TypeVar("T")
R = TypeVar("R")


class InputError(Exception):
    """An input that cannot be read; ``code`` is the exit status it calls for."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------- reading


class Progress:
    """A one-line progress bar on standard error, redrawn at most ten times a second.

    It appears only once a file has taken half a second, so quick runs do not flash it.
    """

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream
        self.name, self.total, self.done, self.shown = "", 0, 0, 0.0
        self.started = time.monotonic()

    def start(self, name: str, total: int) -> None:
        self.name, self.total, self.done = name, total, 0
        self.started = time.monotonic()

    def advance(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if (
            self.stream is not None
            and self.total
            and now - self.shown >= 0.1
            and now - self.started >= 0.5
        ):
            self.shown = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        assert self.stream is not None
        share = self.done / self.total if self.total else 0.0
        bar = "#" * int(share * 30)
        rate = self.done / max(now - self.started, 1e-9) / 1e6
        line = (
            f"\r{self.name} [{bar:<30}] {share:4.0%} "
            f"{self.done / 1e6:.1f}/{self.total / 1e6:.1f} MB {rate:.1f} MB/s"
        )
        self.stream.write(line + "\x1b[K")
        self.stream.flush()

    def clear(self) -> None:
        if self.stream is not None and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = 0.0


def read_pieces(
    stream: IO[bytes], name: str, encoding: str, errors: str, progress: Progress
) -> Iterator[str]:
    """Decoded text in pieces, each a whole line (with its ``\\n``) or a cut of a long line.

    Memory stays bounded: a line longer than ``PARAGRAPH_CAP`` is cut at its last space
    before the cap. A byte the encoding rejects raises ``InputError`` naming the byte
    offset, after every good piece before it has been yielded.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    # read1 returns what is there: a pipe's lines are not held back to fill a block
    read = getattr(stream, "read1", stream.read)
    fed = 0
    newlines = 0
    rest = ""
    final = False
    while not final:
        chunk = read(CHUNK_BYTES)
        final = not chunk
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk, final)
        except UnicodeDecodeError as err:
            good = bytes(err.object[: err.start]).decode(encoding, "replace")
            yield from _lines(rest + good)
            offset = fed - pending + err.start
            line = newlines + good.count("\n") + 1
            raise InputError(
                EXIT_DECODE,
                f"{name}: invalid {encoding} at byte {offset} (line {line}): {err.reason}; "
                "use --errors replace to read it anyway, or --encoding to name the encoding",
            ) from None
        fed += len(chunk)
        progress.advance(len(chunk))
        if text:
            newlines += text.count("\n")
            rest += text
        if "\n" in rest or len(rest) > PARAGRAPH_CAP or final:
            cut = rest.rfind("\n") + 1
            yield from _lines(rest[:cut])
            rest = rest[cut:]
            while len(rest) > PARAGRAPH_CAP:
                at = _cut(rest, PARAGRAPH_CAP)
                yield rest[:at]
                rest = rest[at:]
            if final and rest:
                yield rest
                rest = ""


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its ``\n``; the last may have none."""
    start = 0
    while start < len(text):
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl + 1
        yield text[start:end]
        start = end


def _cut(text: str, cap: int) -> int:
    """Where to cut an over-long line: after its last whitespace before ``cap``."""
    for i in range(cap - 1, cap // 2, -1):
        if text[i].isspace():
            return i + 1
    return cap


def paragraphs(pieces: Iterator[str]) -> Iterator[tuple[int, int, int, str]]:
    """(file offset, line number, column, text) of each paragraph, blank lines included.

    A paragraph ends after a blank line, so a table unit header applies to its table
    exactly as in ``extract(whole_text)``; it is also cut before it would pass
    ``PARAGRAPH_CAP`` characters. The texts concatenate back to the whole input.
    """
    buf: list[str] = []
    size = offset = col = 0
    line = 1
    start = (0, 1, 0)
    has_text = False
    try:
        for piece in pieces:
            if buf and size + len(piece) > PARAGRAPH_CAP:
                yield (*start, "".join(buf))
                buf, size, has_text, start = [], 0, False, (offset, line, col)
            blank = col == 0 and piece.endswith("\n") and not piece.strip()
            buf.append(piece)
            size += len(piece)
            offset += len(piece)
            if piece.endswith("\n"):
                line, col = line + 1, 0
            else:
                col += len(piece)
            if blank and has_text:
                yield (*start, "".join(buf))
                buf, size, has_text, start = [], 0, False, (offset, line, col)
            elif not blank:
                has_text = True
    except InputError:
        if buf:  # the good text before a decoding error is still processed
            yield (*start, "".join(buf))
        raise
    if buf:
        yield (*start, "".join(buf))


# ---------------------------------------------------------------- the work (runs in workers)


def extract_rows(file: str, unit: tuple[int, int, int, str]) -> list[tuple[Any, ...]]:
    """The output rows of one paragraph: its amounts placed in the line and the file."""
    offset, line, col, text = unit
    rows = []
    seen, last_nl = 0, -1
    for a in extract(text):
        line += text.count("\n", seen, a.start)
        nl = text.rfind("\n", seen, a.start)
        if nl >= 0:
            last_nl = nl
        seen = a.start
        in_line = a.start - last_nl - 1 + (col if last_nl < 0 else 0)
        d = a.to_dict()
        rows.append(
            (
                file,
                line,
                in_line,
                in_line + len(a.text),
                offset + a.start,
                offset + a.end,
                *(d[k] for k in AMOUNT_COLUMNS),
            )
        )
    return rows


def parse_row(unit: tuple[int, str]) -> tuple[int, bool, Any]:
    """(number, True, row) for an expression parse accepts, else (number, False, message)."""
    number, expression = unit
    try:
        d = parse(expression).to_dict()
    except ParseError as err:
        return number, False, str(err)
    return number, True, (number, expression, *(d[k] for k in PARSE_COLUMNS[2:]))


def normalize_text(style: str, unit: tuple[int, int, int, str]) -> str:
    return normalize(unit[3], style=style)  # type: ignore[arg-type]


def _worker_init() -> None:
    # Ctrl-C is the parent's to handle; workers are terminated by it, without tracebacks
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _apply(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(u) for u in batch]


class Runner:
    """Maps a function over units in order, in this process or in a pool of ``jobs``.

    Only a few batches are in flight at once, so memory stays bounded however long the
    input; results come back in input order.
    """

    def __init__(self, jobs: int, pool: Any) -> None:
        self.jobs = jobs
        self.pool = pool

    def map(self, fn: Callable[[T], R], units: Iterable[T]) -> Iterator[list[R]]:
        """Lists of results, one list per batch; an ``InputError`` comes after the results
        of everything read before it."""
        if self.pool is None:
            for u in units:
                yield [fn(u)]
            return
        pending: deque[Any] = deque()
        error: InputError | None = None
        try:
            for batch in _batches(units):
                pending.append(self.pool.apply_async(_apply, (fn, batch)))
                if len(pending) > 2 * self.jobs:
                    yield pending.popleft().get()
        except InputError as err:
            error = err
        while pending:
            yield pending.popleft().get()
        if error is not None:
            raise error


@contextlib.contextmanager
def running(jobs: int) -> Iterator[Runner]:
    """A Runner; with ``jobs`` > 1 its worker pool, closed on the way out."""
    if jobs <= 1:
        yield Runner(1, None)
        return
    import multiprocessing

    pool = multiprocessing.Pool(jobs, initializer=_worker_init)
    try:
        yield Runner(jobs, pool)
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def _batches(units: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    size = 0
    for u in units:
        batch.append(u)
        size += len(u[-1])
        if size >= BATCH_CHARS or len(batch) >= BATCH_UNITS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# ---------------------------------------------------------------- writing


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
        self.view = ("file", "line", "col") if "file" in columns else ("line",)
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
            "line": r["line"],
            "col": r.get("line_start"),
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
    if s is None:
        return None
    sign = "-" if s.startswith("-") else ""
    whole, dot, frac = s.lstrip("-").partition(".")
    return f"{sign}{int(whole):,}{dot}{frac}"


def _interval(r: dict[str, Any]) -> str:
    lo, hi = r["low"], r["high"]
    if r["value"] is not None and lo == hi == r["value"]:
        return ""
    left = ("[" if r["low_inclusive"] else "(") + (_grouped(lo) if lo is not None else "-∞")
    right = (_grouped(hi) if hi is not None else "∞") + ("]" if r["high_inclusive"] else ")")
    return f"{left}, {right}"


# ---------------------------------------------------------------- commands


class Context:
    """What every command needs: options, the output stream, the progress bar, the status."""

    def __init__(self, args: argparse.Namespace, prog: str) -> None:
        self.args = args
        self.prog = prog
        self.out: IO[str] = sys.stdout
        self.err: IO[str] = sys.stderr
        self.status = EXIT_OK
        show = not args.quiet and bool(getattr(args, "files", None)) and _isatty(self.err)
        self.progress = Progress(self.err if show else None)

    def fail(self, code: int, message: str) -> None:
        """Report a problem on standard error, after everything written so far."""
        self.progress.clear()
        self.out.flush()
        self.err.write(f"{self.prog}: {message}\n")
        self.err.flush()
        self.status = max(self.status, code)

    def sources(self) -> Iterator[tuple[str, Iterator[str]]]:
        """(name shown in output, decoded pieces) of each input, standard input for ``-``."""
        for name in self.args.files or ["-"]:
            yield name, self._pieces(name)

    def _pieces(self, name: str) -> Iterator[str]:
        a = self.args
        if name == "-":
            stream = sys.stdin.buffer
            self.progress.start("<stdin>", 0)  # size unknown: no bar
            yield from read_pieces(stream, "<stdin>", a.encoding, a.errors, self.progress)
            return
        try:
            f = open(name, "rb")  # noqa: SIM115 - closed below, also on error
        except OSError as err:
            raise InputError(EXIT_USAGE, f"cannot open {name!r}: {err.strerror}") from None
        with f:
            try:
                total = os.fstat(f.fileno()).st_size
            except OSError:
                total = 0
            self.progress.start(name, total)
            try:
                yield from read_pieces(f, name, a.encoding, a.errors, self.progress)
            except IsADirectoryError:
                raise InputError(EXIT_USAGE, f"cannot read {name!r}: it is a directory") from None
            except OSError as err:
                raise InputError(EXIT_USAGE, f"cannot read {name!r}: {err.strerror}") from None


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _writer(ctx: Context, columns: Sequence[str]) -> Writer:
    fmt = ctx.args.format or ("table" if _isatty(ctx.out) else "jsonl")
    return WRITERS[fmt](ctx.out, columns, ctx.progress)


def _show(ctx: Context, writer: Writer) -> None:
    """Before rows reach a terminal, take the progress bar off it."""
    if _isatty(ctx.out):
        ctx.progress.clear()
    writer.flush()


def cmd_parse(ctx: Context, runner: Runner) -> None:
    args = ctx.args
    writer = _writer(ctx, PARSE_COLUMNS)
    if args.expressions:
        units = _arguments(ctx, args.expressions)
        where = "argument {}"
    else:
        units = _stdin_expressions(ctx)
        where = "<stdin>:{}"
    try:
        for results in runner.map(parse_row, units):
            for number, ok, payload in results:
                if ok:
                    writer.rows([payload])
                else:
                    writer.flush()
                    ctx.fail(EXIT_REJECTED, f"{where.format(number)}: {payload}")
            _show(ctx, writer)
    except InputError as err:
        ctx.fail(err.code, str(err))
    writer.close()


def _arguments(ctx: Context, expressions: list[str]) -> Iterator[tuple[int, str]]:
    for i, expr in enumerate(expressions, 1):
        raw = os.fsencode(expr)  # undo the shell's decoding, then decode as asked
        try:
            text = raw.decode(ctx.args.encoding, ctx.args.errors)
        except UnicodeDecodeError as err:
            ctx.fail(
                EXIT_DECODE,
                f"argument {i}: invalid {ctx.args.encoding} at byte {err.start}: {err.reason}",
            )
            continue
        yield i, text


def _stdin_expressions(ctx: Context) -> Iterator[tuple[int, str]]:
    """(line number, line) of each non-blank line; blank lines still count."""
    number = 0
    buffered = ""
    for _name, pieces in ctx.sources():
        for piece in pieces:
            if len(buffered) < PARAGRAPH_CAP:  # a longer line is rejected by parse anyway
                buffered += piece
            if not piece.endswith("\n"):
                continue  # a cut of a long line
            number += 1
            line, buffered = buffered.rstrip("\r\n"), ""
            if line.strip():
                yield number, line
        if buffered.strip():
            number += 1
            yield number, buffered.rstrip("\r\n")


def cmd_extract(ctx: Context, runner: Runner) -> None:
    writer = _writer(ctx, EXTRACT_COLUMNS)
    for name, pieces in ctx.sources():
        try:
            for results in runner.map(partial(extract_rows, name), paragraphs(pieces)):
                for rows in results:
                    writer.rows(rows)
                _show(ctx, writer)
        except InputError as err:
            ctx.fail(err.code, str(err))
    ctx.progress.clear()
    writer.close()


def cmd_normalize(ctx: Context, runner: Runner) -> None:
    fn = partial(normalize_text, ctx.args.style)
    for _name, pieces in ctx.sources():
        try:
            for results in runner.map(fn, paragraphs(pieces)):
                ctx.out.write("".join(results))
                if _isatty(ctx.out):
                    ctx.progress.clear()
                ctx.out.flush()
        except InputError as err:
            ctx.fail(err.code, str(err))
    ctx.progress.clear()
    ctx.out.flush()


# ---------------------------------------------------------------- arguments

_PARSE_EXAMPLES = """\
examples:
  krnum parse "약 1억2000만 달러" "3~4조원"
  krnum parse --format csv "1,658억원" "7%대"
  krnum parse -- -3.2%                  (-- before an expression that starts with -)
  printf '500억원 이상\\n두 자릿수\\n' | krnum parse --format tsv

One row per expression that parses; a rejected one is reported on standard error with a
caret under the position, the rest are still written, and the exit status is 1."""

_EXTRACT_EXAMPLES = """\
examples:
  krnum extract samples/article.txt
  krnum extract --format csv news/*.txt > amounts.csv
  cat article.txt | krnum extract --format json
  krnum extract --jobs 4 --quiet big.txt | jq -r 'select(.kind=="money") | .value'

Rows are in input order. line is 1-based; line_start/line_end are character offsets in
that line and start/end character offsets in the whole file (Python str indices)."""

_NORMALIZE_EXAMPLES = """\
examples:
  echo "매출 약 1억2000만 달러를 기록" | krnum normalize
  krnum normalize --style human report.txt > report.human.txt

Everything but the amounts is copied unchanged, blank lines and line endings included."""

_MAIN_EXAMPLES = """\
examples:
  krnum parse "약 1억2000만 달러"
  krnum extract samples/article.txt
  krnum normalize --style human samples/article.txt

exit status: 0 ok; 1 an expression was rejected by parse; 2 usage error or an input that
cannot be opened; 3 an input that is not valid in its encoding; 130 interrupted.
Run 'krnum COMMAND --help' for a command's options."""


def _jobs(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {s!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return n or (os.cpu_count() or 1)


def _encoding(s: str) -> str:
    try:
        return codecs.lookup(s).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {s!r}") from None


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="krnum",
        description="Exact figures from Korean financial text.",
        epilog=_MAIN_EXAMPLES,
        formatter_class=fmt,
    )
    parser.add_argument("--version", action="version", version=f"krnum {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group("input")
    group.add_argument(
        "--encoding", type=_encoding, default="utf-8", help="encoding of the input (default: utf-8)"
    )
    group.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="strict: stop at a byte the encoding rejects and exit 3 "
        "(default); replace: read it as U+FFFD and go on",
    )
    group.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes; 0 = one per CPU (default: 1). Output order is kept",
    )
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar (it is drawn only when standard error "
        "is a terminal and files are named)",
    )

    def formats(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "-f",
            "--format",
            choices=FORMATS,
            default=None,
            help="output format (default: table on a terminal, else jsonl)",
        )

    p = sub.add_parser(
        "parse",
        parents=[common],
        formatter_class=fmt,
        epilog=_PARSE_EXAMPLES,
        help="read each argument (or line of standard input) as one amount",
        description="Read each argument as exactly one amount; with no "
        "arguments, one expression per line of standard input "
        "(blank lines skipped).",
    )
    p.add_argument("expressions", nargs="*", metavar="EXPRESSION")
    formats(p)
    p.set_defaults(run=cmd_parse, files=None)

    p = sub.add_parser(
        "extract",
        parents=[common],
        formatter_class=fmt,
        epilog=_EXTRACT_EXAMPLES,
        help="find every amount in running text",
        description="Find every amount in the files (standard input when "
        "none or -) with its line and character offsets.",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    formats(p)
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser(
        "normalize",
        parents=[common],
        formatter_class=fmt,
        epilog=_NORMALIZE_EXAMPLES,
        help="rewrite every amount in a canonical form",
        description="Copy the files (standard input when none or -) to "
        "standard output with every amount rewritten.",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument(
        "-s",
        "--style",
        choices=("search", "human"),
        default="search",
        help="search: '약 120000000 USD' (digits and ISO codes, the default); "
        "human: '약 1억 2,000만 달러'",
    )
    p.set_defaults(run=cmd_normalize)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return int(stop.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    ctx = Context(args, f"krnum {args.command}")
    try:
        with running(args.jobs) as runner:
            args.run(ctx, runner)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, like other filters
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    finally:
        ctx.progress.clear()
    return ctx.status


if __name__ == "__main__":
    sys.exit(main())

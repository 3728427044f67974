"""The ``krnum`` command: parse, extract and normalize from the shell.

I/O only: this module holds the arguments, the commands and the work each unit of input
gets; the readers are ``_cli_read``, the writers ``_cli_write``, the progress bar and the
worker processes ``_cli_run``, the exit statuses ``_cli_status``. Every figure comes from the
library functions, so the command and ``import krnum`` always agree.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import os
import re
import sys
from collections.abc import Iterator, Sequence
from functools import partial
from typing import IO, Any

from . import __version__, tables
from ._cli_read import PARAGRAPH_CAP, open_pieces, paragraphs
from ._cli_run import Progress, Runner, running
from ._cli_status import (
    EXIT_BROKEN_PIPE,
    EXIT_DECODE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    InputError,
)
from ._cli_write import FORMATS, WRITERS, Writer, isatty
from ._errors import ParseError
from ._extract import extract
from ._normalize import normalize
from ._parse import parse

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_DECODE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_REJECTED",
    "EXIT_USAGE",
    "EXTRACT_COLUMNS",
    "PARSE_COLUMNS",
    "build_parser",
    "main",
]

_TAG = re.compile(r"<\s*table[\s>]", re.IGNORECASE)
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
TABLES_COLUMNS = ("file", "table", "table_line", "unit_note", "row", "column", "start", "end",
                  *AMOUNT_COLUMNS)


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


# ---------------------------------------------------------------- commands


class Context:
    """What every command needs: options, the output stream, the progress bar, the status."""

    def __init__(self, args: argparse.Namespace, prog: str) -> None:
        self.args = args
        self.prog = prog
        self.out: IO[str] = sys.stdout
        self.err: IO[str] = sys.stderr
        self.status = EXIT_OK
        show = not args.quiet and bool(getattr(args, "files", None)) and isatty(self.err)
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
            yield name, open_pieces(name, self.args.encoding, self.args.errors, self.progress)


def _writer(ctx: Context, columns: Sequence[str]) -> Writer:
    fmt = ctx.args.format or ("table" if isatty(ctx.out) else "jsonl")
    return WRITERS[fmt](ctx.out, columns, ctx.progress)


def _show(ctx: Context, writer: Writer) -> None:
    """Before rows reach a terminal, take the progress bar off it."""
    if isatty(ctx.out):
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


def table_rows(file: str, text: str) -> list[tuple[Any, ...]]:
    """The output rows of one document: every table's cells (HTML, DART XML or Markdown)."""
    found = tables.html(text) if _TAG.search(text) else tables.markdown(text)
    rows = []
    for n, t in enumerate(found):
        for c in t.amounts():
            d = c.amount.to_dict()
            rows.append((file, n, t.line, t.unit, c.row, c.column, c.amount.start, c.amount.end,
                         *(d[k] for k in AMOUNT_COLUMNS)))
    return rows


def cmd_tables(ctx: Context, runner: Runner) -> None:
    writer = _writer(ctx, TABLES_COLUMNS)
    for name, pieces in ctx.sources():
        try:
            text = "".join(pieces)  # a table is read whole: one document at a time
        except InputError as err:
            ctx.fail(err.code, str(err))
            continue
        for results in runner.map(partial(table_rows, name), [text]):
            for rows in results:
                writer.rows(rows)
        _show(ctx, writer)
    ctx.progress.clear()
    writer.close()


def cmd_normalize(ctx: Context, runner: Runner) -> None:
    fn = partial(normalize_text, ctx.args.style)
    for _name, pieces in ctx.sources():
        try:
            for results in runner.map(fn, paragraphs(pieces)):
                ctx.out.write("".join(results))
                if isatty(ctx.out):
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

_TABLES_EXAMPLES = """\
examples:
  krnum tables report.html
  krnum tables --format csv disclosure.xml > cells.csv
  krnum tables summary.md

Offsets (start, end) are within the cell; row and column count the table's rows as written,
header rows included, with column and row spans laid out as a grid."""

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
        "tables",
        parents=[common],
        formatter_class=fmt,
        epilog=_TABLES_EXAMPLES,
        help="read the tables of HTML, disclosure XML or Markdown, cell by cell",
        description="Read every table of the files (HTML pages, a disclosure's document XML, "
        "or Markdown pipe tables) column by column under its unit note; one row per cell "
        "amount, with the table, row and column it sits in.",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    formats(p)
    p.set_defaults(run=cmd_tables)

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

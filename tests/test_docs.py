"""Every example in README.md and docs/*.md runs, so none can rot.

- ```python blocks: doctest when they hold ``>>>``, else exec (a ```text block right after
  one is the output it must print). Blocks of one file share a namespace, in order.
- ```python needs=polars,pyarrow blocks (recipes for optional libraries): each runs on its own,
  in a fresh namespace, and is skipped when a library it names is not installed.
- ```console blocks, and ```sh blocks that start with ``$ krnum``: each ``$ command`` runs
  in bash from the repository root; its standard output and error must be the lines
  shown under it (``...`` matches anything, as in doctest).
- docs/grammar.md: each example row is parsed and every column compared.
- docs/amount.md: real ``to_dict()`` outputs are checked against its JSON Schema.
- docs/cli.md: the column tables are the columns the command writes.
- The doctests in the krnum modules.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import krnum
from krnum import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```([\w-]*)([^\n]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
# pages other work owns; linked before they exist, checked once they do
OWNED_ELSEWHERE: set[str] = set()


@dataclass
class Block:
    path: Path
    line: int
    lang: str
    body: str
    start: int  # character offsets of the opening fence and just past the closing one
    end: int
    info: str = ""  # the rest of the fence line, after the language

    @property
    def needs(self) -> list[str]:
        """The optional modules named by ``needs=a,b`` on the fence line."""
        found = re.search(r"\bneeds=([\w.,]+)", self.info)
        return found.group(1).split(",") if found else []

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    return [
        Block(
            path,
            text.count("\n", 0, m.start()) + 1,
            m.group(1),
            m.group(3),
            m.start(),
            m.end(),
            m.group(2).strip(),
        )
        for m in FENCE.finditer(text)
    ]


# ---------------------------------------------------------------- python blocks

PY_FILES = [p for p in DOCS if any(b.lang == "python" for b in blocks(p))]


def _run_python(block: Block, ns: dict[str, Any], expected: str | None) -> None:
    if ">>>" in block.body:
        test = doctest.DocTestParser().get_doctest(
            block.body, ns, block.where, str(block.path), block.line
        )
        report = io.StringIO()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test, out=report.write, clear_globs=False)
        ns.update(test.globs)  # DocTest ran on a copy; later blocks build on it
        assert runner.failures == 0, f"{block.where}\n{report.getvalue()}"
        return
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block.body, block.where, "exec"), ns)  # noqa: S102 - the docs' own code
    if expected is not None:
        assert out.getvalue() == expected, block.where


@pytest.mark.parametrize("path", PY_FILES, ids=[p.name for p in PY_FILES])
def test_python_blocks(path: Path) -> None:
    found = blocks(path)
    text = path.read_text(encoding="utf-8")
    ns: dict[str, Any] = {"__name__": "__docs__"}
    for i, b in enumerate(found):
        if b.lang != "python" or b.needs:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        shown = nxt is not None and nxt.lang == "text" and not text[b.end : nxt.start].strip()
        _run_python(b, ns, nxt.body if shown and nxt is not None else None)


RECIPES = [b for p in DOCS for b in blocks(p) if b.lang == "python" and b.needs]


@pytest.mark.parametrize("block", RECIPES, ids=[b.where for b in RECIPES])
def test_recipe_block(block: Block) -> None:
    for module in block.needs:
        pytest.importorskip(module)
    _run_python(block, {"__name__": "__docs__"}, None)


def test_recipes_for_each_dataframe_library() -> None:
    named = {m for b in RECIPES for m in b.needs}
    assert {"pandas", "polars", "duckdb"} <= named


# ---------------------------------------------------------------- console blocks


@dataclass
class Command:
    where: str
    command: str
    expected: str


def commands() -> list[Command]:
    out = []
    for path in DOCS:
        for b in blocks(path):
            runs = b.lang == "console" or (b.lang == "sh" and b.body.startswith("$ krnum"))
            if not runs:
                continue
            current: Command | None = None
            for n, line in enumerate(b.body.splitlines(), b.line + 1):
                if line.startswith("$ "):
                    current = Command(f"{b.where} (line {n})", line[2:], "")
                    out.append(current)
                elif current is not None:
                    current.expected += line + "\n"
    return out


COMMANDS = commands()


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("COLUMNS", None)
    return env


def _same(expected: str, got: str) -> bool:
    want = "\n".join(line.rstrip() for line in expected.rstrip("\n").splitlines())
    have = "\n".join(line.rstrip() for line in got.rstrip("\n").splitlines())
    return doctest.OutputChecker().check_output(want + "\n", have + "\n", doctest.ELLIPSIS)


@pytest.mark.parametrize("cmd", COMMANDS, ids=[c.where for c in COMMANDS])
def test_console_example(cmd: Command) -> None:
    assert "krnum" in cmd.command, f"{cmd.where}: a console example must run krnum"
    done = subprocess.run(
        ["bash", "-c", cmd.command],
        check=False,
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=60,
    )
    got = done.stdout.decode("utf-8")
    assert "Traceback" not in got
    assert _same(cmd.expected, got), (
        f"{cmd.where}: $ {cmd.command}\n--- documented\n{cmd.expected}--- real\n{got}"
    )


def test_every_page_has_checked_examples() -> None:
    pages = {c.where.split(":")[0] for c in COMMANDS} | {p.name for p in PY_FILES}
    for name in ("README.md", "cli.md", "quickstart.md"):
        assert any(p.endswith(name) for p in pages), name
    assert len(COMMANDS) >= 15


# ---------------------------------------------------------------- README


def test_readme_quick_start_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    run = (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e . "
        "&& krnum extract samples/article.txt"
    )
    tests = (
        "python3 -m venv .venv && . .venv/bin/activate && "
        'pip install -e ".[test,arrow,spark,frames]" && python -m pytest'
    )
    sh = [b.body.strip() for b in blocks(ROOT / "README.md") if b.lang == "sh"]
    assert sh[:2] == [run, tests]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -e ".[test,arrow,spark,frames]" && python -m pytest' in ci
    title, pitch = text.split("\n\n")[:2]
    assert title == "# krnum" and len(pitch.splitlines()) == 3
    assert (ROOT / "samples" / "article.txt").is_file()


def test_relative_links_resolve() -> None:
    link = re.compile(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)")
    for page in DOCS:
        for target in link.findall(page.read_text(encoding="utf-8")):
            resolved = (page.parent / target).resolve()
            rel = resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else ""
            if rel in OWNED_ELSEWHERE:
                continue
            assert resolved.exists(), f"{page.name}: broken link {target}"


# ---------------------------------------------------------------- grammar.md

HEADER = ["example", "kind", "value", "interval", "currency / unit", "approx"]


def _table_rows(path: Path, header: list[str]) -> list[tuple[int, list[str]]]:
    rows, inside = [], False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("|"):
            inside = False
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells == header:
            inside = True
        elif inside and not set("".join(cells)) <= set("-: "):
            rows.append((n, cells))
    return rows


def _interval(d: dict[str, Any]) -> str:
    if d["value"] is not None and d["low"] == d["high"] == d["value"]:
        return ""
    lo = d["low"] if d["low"] is not None else "-∞"
    hi = d["high"] if d["high"] is not None else "∞"
    return (
        ("[" if d["low_inclusive"] else "(") + f"{lo}, {hi}" + ("]" if d["high_inclusive"] else ")")
    )


def _code(cell: str) -> str:
    assert cell.startswith("`") and cell.endswith("`"), cell
    return cell[1:-1]


GRAMMAR = _table_rows(ROOT / "docs" / "grammar.md", HEADER)
REJECTED = _table_rows(ROOT / "docs" / "grammar.md", ["rejected", "why"])


@pytest.mark.parametrize("row", GRAMMAR, ids=[r[1][0] for r in GRAMMAR])
def test_grammar_example(row: tuple[int, list[str]]) -> None:
    n, cells = row
    d = krnum.parse(_code(cells[0])).to_dict()
    got = [
        cells[0],
        d["kind"],
        d["value"] or "",
        _interval(d),
        d["currency"] or d["unit"] or "",
        "yes" if d["approximate"] else "",
    ]
    assert got == cells, f"docs/grammar.md:{n}"


@pytest.mark.parametrize("row", REJECTED, ids=[r[1][0] for r in REJECTED])
def test_grammar_rejected(row: tuple[int, list[str]]) -> None:
    with pytest.raises(krnum.ParseError):
        krnum.parse(_code(row[1][0]))


def test_grammar_covers_every_kind() -> None:
    assert len(GRAMMAR) >= 100
    assert {cells[1] for _, cells in GRAMMAR} == {"money", "percent", "magnitude", "number"}


# ---------------------------------------------------------------- amount.md schema


def _schema() -> dict[str, Any]:
    found = [
        b for b in blocks(ROOT / "docs" / "amount.md") if b.lang == "json" and '"$schema"' in b.body
    ]
    assert len(found) == 1
    schema: dict[str, Any] = json.loads(found[0].body)
    return schema


TYPES = {"string": str, "integer": int, "boolean": bool, "null": type(None), "object": dict}
KEYWORDS = {
    "$schema",
    "title",
    "description",
    "type",
    "additionalProperties",
    "required",
    "properties",
    "$defs",
    "$ref",
    "enum",
    "pattern",
    "minLength",
    "minimum",
}


def _check(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str) -> None:
    """The subset of JSON Schema the page uses, checked by hand (no dependency)."""
    assert set(schema) <= KEYWORDS, f"{where}: unchecked keyword {set(schema) - KEYWORDS}"
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        _check(value, target, root, where)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(
            isinstance(value, TYPES[t]) and not (t == "integer" and isinstance(value, bool))
            for t in types
        )
        assert ok, f"{where}: {value!r} is not {types}"
    if "enum" in schema:
        assert value in schema["enum"], where
    if isinstance(value, str):
        if "pattern" in schema:
            assert re.search(schema["pattern"], value), f"{where}: {value!r}"
        assert len(value) >= schema.get("minLength", 0), where
    if isinstance(value, int) and "minimum" in schema:
        assert value >= schema["minimum"], where
    if isinstance(value, dict):
        assert set(schema.get("required", ())) <= set(value), where
        props = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            assert set(value) <= set(props), f"{where}: extra {set(value) - set(props)}"
        for key, sub in props.items():
            if key in value:
                _check(value[key], sub, root, f"{where}.{key}")


def _sample_amounts() -> list[krnum.Amount]:
    amounts = [krnum.parse(_code(cells[0])) for _, cells in GRAMMAR]
    text = (ROOT / "samples" / "article.txt").read_text(encoding="utf-8")
    return amounts + krnum.extract(text)


def test_schema_validates_real_outputs() -> None:
    schema = _schema()
    amounts = _sample_amounts()
    assert len(amounts) > 100
    for a in amounts:
        d = a.to_dict()
        _check(d, schema, schema, a.text)
        assert list(d) == schema["required"]  # the documented key order


def test_schema_rejects_what_it_should() -> None:
    schema = _schema()
    good = krnum.parse("1억2000만 달러").to_dict()
    bad = [
        {**good, "value": 120000000.0},
        {**good, "value": "1.2E+8"},
        {**good, "value": "120000000.0"},
        {**good, "value": "-0"},
        {**good, "kind": "currency"},
        {**good, "currency": "달러"},
        {**good, "extra": 1},
        {k: v for k, v in good.items() if k != "unit"},
        {**good, "start": True},
    ]
    for d in bad:
        with pytest.raises(AssertionError):
            _check(d, schema, schema, "bad")


# ---------------------------------------------------------------- cli.md columns


def test_cli_columns_documented() -> None:
    page = ROOT / "docs" / "cli.md"
    text = page.read_text(encoding="utf-8")
    for command, columns in (("parse", cli.PARSE_COLUMNS), ("extract", cli.EXTRACT_COLUMNS),
                             ("tables", cli.TABLES_COLUMNS)):
        section = text.split(f"### Columns of `krnum {command}`", 1)[1].split("\n#", 1)[0]
        listed = re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE)
        assert tuple(listed) == columns, command


def test_cli_exit_codes_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    table = text.split("## Exit status", 1)[1]
    codes = {int(c) for c in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    assert codes == {
        cli.EXIT_OK,
        cli.EXIT_REJECTED,
        cli.EXIT_USAGE,
        cli.EXIT_DECODE,
        cli.EXIT_INTERRUPTED,
        cli.EXIT_BROKEN_PIPE,
    }


# ---------------------------------------------------------------- module doctests

MODULES = [
    "krnum",
    "krnum._parse",
    "krnum._format",
    "krnum._normalize",
    "krnum._amount",
    "krnum._errors",
    "krnum._extract",
    "krnum.cli",
]
WITH_EXAMPLES = {"krnum", "krnum._parse", "krnum._format", "krnum._normalize"}


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    if name in WITH_EXAMPLES:
        assert result.attempted > 0

"""The installed ``krnum`` command, run in subprocesses as a user would run it."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import pty
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import krnum
from krnum.cli import EXTRACT_COLUMNS, PARSE_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "article.txt"
KRNUM = str(Path(sys.executable).with_name("krnum"))  # the console script pip installed

GOOD = [
    "약 1억2000만 달러",
    "3~4조원",
    "500억원 이상",
    "7%대",
    "두 자릿수",
    "△1,234억원",
    "120만주",
    "USD 1.20~1.25bn",
    "0.5퍼센트",
]


def run(*args: str, stdin: bytes = b"", cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(
        [KRNUM, *args], check=False, input=stdin, capture_output=True, cwd=cwd, timeout=300
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    return done


def jsonl(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def as_text(v: Any) -> str:
    """How csv and tsv write a JSON value."""
    return "" if v is None else "true" if v is True else "false" if v is False else str(v)


def textual(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{k: as_text(v) for k, v in r.items()} for r in rows]


def parse_expected(exprs: list[str], numbers: list[int] | None = None) -> list[dict[str, Any]]:
    numbers = numbers or list(range(1, len(exprs) + 1))
    return [{"line": n, "input": e, **krnum.parse(e).to_dict()} for n, e in zip(numbers, exprs)]


def read_format(fmt: str, data: bytes) -> list[dict[str, Any]]:
    text = data.decode("utf-8")
    if fmt == "jsonl":
        return jsonl(data)
    if fmt == "json":
        parsed: list[dict[str, Any]] = json.loads(text)
        return parsed
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    lines = text.splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in lines[1:]]


# ---------------------------------------------------------------- basics


def test_version_and_python_m() -> None:
    want = f"krnum {krnum.__version__}\n".encode()
    assert run("--version").stdout == want
    done = subprocess.run(
        [sys.executable, "-m", "krnum", "--version"], capture_output=True, check=False
    )
    assert done.stdout == want and done.returncode == 0


def test_python_m_krnum_is_the_same_program() -> None:
    via_m = subprocess.run(
        [sys.executable, "-m", "krnum", "parse", *GOOD], capture_output=True, check=False
    )
    assert via_m.returncode == 0
    assert via_m.stdout == run("parse", *GOOD).stdout


@pytest.mark.parametrize("command", ["parse", "extract", "normalize"])
def test_help_has_examples_and_every_option(command: str) -> None:
    done = run(command, "--help")
    assert done.returncode == 0
    text = done.stdout.decode()
    assert "examples:" in text and f"krnum {command}" in text
    for option in ("--encoding", "--errors", "--jobs", "--quiet"):
        assert option in text
    assert ("--format" in text) == (command != "normalize")
    assert ("--style" in text) == (command == "normalize")


def test_top_level_help_and_no_command() -> None:
    done = run("--help")
    assert done.returncode == 0 and b"exit status" in done.stdout
    done = run()
    assert done.returncode == 2 and b"COMMAND" in done.stderr


def test_usage_errors_exit_2_without_traceback() -> None:
    for args in (
        ["extract", "--format", "xml"],
        ["extract", "--encoding", "nope"],
        ["parse", "--jobs", "many"],
        ["frobnicate"],
    ):
        done = run(*args)
        assert done.returncode == 2 and done.stderr.startswith(b"usage:"), args


# ---------------------------------------------------------------- parse


def test_parse_arguments() -> None:
    done = run("parse", *GOOD)
    assert done.returncode == 0 and done.stderr == b""
    rows = jsonl(done.stdout)
    assert rows == parse_expected(GOOD)
    assert all(list(r) == list(PARSE_COLUMNS) for r in rows)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "tsv"])
def test_parse_formats_read_back_as_the_library_result(fmt: str) -> None:
    done = run("parse", "--format", fmt, *GOOD)
    assert done.returncode == 0
    rows = read_format(fmt, done.stdout)
    want = parse_expected(GOOD)
    if fmt in ("csv", "tsv"):
        assert rows == textual(want)
        assert done.stdout.decode().splitlines()[0].split("," if fmt == "csv" else "\t") == list(
            PARSE_COLUMNS
        )
    else:
        assert rows == want
        for r in rows:  # exact decimals are strings, never JSON numbers
            assert all(r[k] is None or isinstance(r[k], str) for k in ("value", "low", "high"))


def test_parse_stdin_one_expression_per_line() -> None:
    done = run("parse", stdin="3.5%\r\n\n  약 1억2000만 달러  \n7%대".encode())
    assert done.returncode == 0
    assert jsonl(done.stdout) == parse_expected(
        ["3.5%", "  약 1억2000만 달러  ", "7%대"], [1, 3, 4]
    )


def test_parse_rejected_expression_among_good_ones() -> None:
    exprs = ["320억원", "1억2x", "7%대", "3분의 1", "두 자릿수"]
    done = run("parse", *exprs)
    assert done.returncode == 1
    good = [e for i, e in enumerate(exprs) if i not in (1, 3)]
    assert jsonl(done.stdout) == parse_expected(good, [1, 3, 5])
    err = done.stderr.decode()
    for n in (2, 4):
        with pytest.raises(krnum.ParseError) as caught:
            krnum.parse(exprs[n - 1])
        assert f"krnum parse: argument {n}: {caught.value}\n" in err
    assert "^" in err  # the caret line under the position


def test_parse_rejected_line_on_stdin() -> None:
    done = run("parse", "--format", "csv", stdin="3.5%\n잘못된 입력\n2~3%\n".encode())
    assert done.returncode == 1
    assert [r["input"] for r in read_format("csv", done.stdout)] == ["3.5%", "2~3%"]
    assert done.stderr.decode().startswith("krnum parse: <stdin>:2: at position 0")


# ---------------------------------------------------------------- extract


def extract_expected(text: str, name: str) -> list[dict[str, Any]]:
    rows = []
    for a in krnum.extract(text):
        line = text.count("\n", 0, a.start) + 1
        col = a.start - (text.rfind("\n", 0, a.start) + 1)
        d = a.to_dict()
        rows.append(
            {"file": name, "line": line, "line_start": col, "line_end": col + len(a.text), **d}
        )
    return rows


def test_extract_file_matches_the_library() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    done = run("extract", "samples/article.txt")
    assert done.returncode == 0 and done.stderr == b""
    rows = jsonl(done.stdout)
    assert rows == extract_expected(text, "samples/article.txt")
    assert all(list(r) == list(EXTRACT_COLUMNS) for r in rows)
    lines = text.split("\n")
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
        assert lines[r["line"] - 1][r["line_start"] : r["line_end"]] == r["text"]
    kinds = {r["kind"] for r in rows}
    assert kinds == {"money", "percent", "magnitude", "number"}
    assert any(r["text"] == "98,500" and r["value"] == "9850000000000" for r in rows)  # table


def test_extract_stdin_is_named_dash() -> None:
    from_file = jsonl(run("extract", str(SAMPLE)).stdout)
    from_stdin = jsonl(run("extract", stdin=SAMPLE.read_bytes()).stdout)
    from_dash = jsonl(run("extract", "-", stdin=SAMPLE.read_bytes()).stdout)
    assert from_stdin == from_dash == [{**r, "file": "-"} for r in from_file]


def test_extract_several_files_offsets_restart(tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("\n\n환율은 1,350원 미만\n", encoding="utf-8")
    rows = jsonl(run("extract", str(SAMPLE), str(second)).stdout)
    last = rows[-1]
    assert last["file"] == str(second) and last["line"] == 3
    assert (last["start"], last["line_start"]) == (6, 4)


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_extract_formats_read_back(fmt: str) -> None:
    want = jsonl(run("extract", str(SAMPLE)).stdout)
    rows = read_format(fmt, run("extract", "--format", fmt, str(SAMPLE)).stdout)
    assert rows == (textual(want) if fmt in ("csv", "tsv") else want)


def test_extract_no_amounts_gives_empty_outputs() -> None:
    assert run("extract", stdin="아무 숫자도 없다\n".encode()).stdout == b""
    assert run("extract", "--format", "json", stdin=b"").stdout == b"[]\n"
    head = run("extract", "--format", "csv", stdin=b"").stdout.decode()
    assert head == ",".join(EXTRACT_COLUMNS) + "\n"


def test_tsv_escapes_tabs_inside_fields() -> None:
    done = run("parse", "--format", "tsv", "\t3.5%")
    assert done.returncode == 0
    row = done.stdout.decode().splitlines()[1].split("\t")
    assert len(row) == len(PARSE_COLUMNS) and row[1] == "\\t3.5%" and row[2] == "3.5%"


def test_extract_table_format() -> None:
    done = run("extract", "--format", "table", str(SAMPLE))
    lines = done.stdout.decode().splitlines()
    amounts = krnum.extract(SAMPLE.read_text(encoding="utf-8"))
    assert len(lines) == len(amounts) + 1
    assert lines[0].split() == [
        "file",
        "line",
        "col",
        "text",
        "kind",
        "value",
        "interval",
        "unit",
        "approx",
    ]
    assert any("[10, 100)" in line for line in lines)  # 두 자릿수
    assert any("2,400,000,000,000" in line for line in lines)


def test_extract_long_line_without_newlines(tmp_path: Path) -> None:
    # over the 1 MiB paragraph cap, with no line break: cut at a space, offsets still right
    filler = "시장 상황을 면밀히 점검한다 " * 20
    text = "".join(f"{filler}매출 {i}억원 " for i in range(1, 7001))
    assert len(text) > 2**21
    path = tmp_path / "one-line.txt"
    path.write_text(text, encoding="utf-8")
    rows = jsonl(run("extract", str(path)).stdout)
    assert len(rows) == 7000
    for r in rows:
        assert r["line"] == 1 and r["line_start"] == r["start"]
        assert text[r["start"] : r["end"]] == r["text"]
    assert rows[-1]["value"] == "700000000000"


# ---------------------------------------------------------------- normalize


def test_normalize_matches_the_library(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert run("normalize", str(SAMPLE)).stdout.decode() == krnum.normalize(text)
    human = run("normalize", "--style", "human", str(SAMPLE)).stdout.decode()
    assert human == krnum.normalize(text, style="human")
    crlf = text.replace("\n", "\r\n").rstrip("\r\n")  # CRLF, and no final line ending
    path = tmp_path / "crlf.txt"
    path.write_bytes(crlf.encode("utf-8"))
    assert run("normalize", str(path)).stdout == krnum.normalize(crlf).encode("utf-8")


# ---------------------------------------------------------------- bad input


def test_invalid_utf8_names_file_and_byte(tmp_path: Path) -> None:
    good = "매출 1,000억원\n\n영업이익 5%\n".encode()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(good + b"\xed\xa0\x80 3%\n")  # an encoded surrogate: never valid UTF-8
    done = run("extract", str(bad), str(SAMPLE))
    assert done.returncode == 3
    err = done.stderr.decode()
    assert f"{bad}: invalid utf-8 at byte {len(good)} (line 4)" in err
    rows = jsonl(done.stdout)
    assert [r["text"] for r in rows if r["file"] == str(bad)] == ["1,000억원", "5%"]
    assert any(r["file"] == str(SAMPLE) for r in rows)  # the next file is still read

    done = run("extract", "--errors", "replace", str(bad))
    assert done.returncode == 0 and done.stderr == b""
    assert [r["text"] for r in jsonl(done.stdout)] == ["1,000억원", "5%", "3%"]


def test_invalid_utf8_on_stdin_and_in_parse() -> None:
    done = run("parse", stdin=b"3.5%\n\xff\n7%\n")
    assert done.returncode == 3
    assert b"<stdin>: invalid utf-8 at byte 5 (line 2)" in done.stderr
    assert [r["input"] for r in jsonl(done.stdout)] == ["3.5%"]
    done = run("normalize", stdin="약 1억2000만 달러\n".encode() + b"\xc3")  # cut short
    assert done.returncode == 3 and b"at byte 23" in done.stderr
    assert done.stdout.decode() == "약 120000000 USD\n"


def test_other_encodings(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "euckr.txt"
    path.write_bytes(text.encode("cp949"))
    assert run("extract", str(path)).returncode == 3
    done = run("extract", "--encoding", "cp949", str(path))
    assert done.returncode == 0
    assert jsonl(done.stdout) == extract_expected(text, str(path))


def test_missing_file_exits_2_and_names_it() -> None:
    done = run("extract", "no-such-file.txt", str(SAMPLE))
    assert done.returncode == 2
    assert b"cannot open 'no-such-file.txt'" in done.stderr
    assert len(jsonl(done.stdout)) == len(krnum.extract(SAMPLE.read_text(encoding="utf-8")))
    done = run("normalize", "no-such-file.txt")
    assert done.returncode == 2 and b"no-such-file.txt" in done.stderr
    done = run("extract", str(ROOT))  # a directory
    assert done.returncode == 2 and b"directory" in done.stderr


def test_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("매출 1,000억원이다.\n\n" * 50000, encoding="utf-8")
    proc = subprocess.Popen(
        [KRNUM, "extract", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert err == b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupt_stops_without_traceback(tmp_path: Path, jobs: str) -> None:
    path = tmp_path / "part.txt"
    write_corpus(path, 1_000_000)
    chunk = path.read_bytes()
    proc = subprocess.Popen(
        [KRNUM, "extract", "--jobs", jobs],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stderr is not None
    stdin = proc.stdin
    done = threading.Event()

    def feed() -> None:
        # input that never ends: the interrupt lands mid-work however fast krnum reads
        with contextlib.suppress(OSError, ValueError):
            while not done.is_set():
                stdin.write(chunk)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    err = proc.stderr.read()
    done.set()
    assert proc.wait(timeout=60) == 130
    assert err == b""
    with contextlib.suppress(OSError):
        stdin.close()


# ---------------------------------------------------------------- streaming


def _readline(proc: subprocess.Popen[bytes], timeout: float = 30) -> bytes:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "no output while input is still open: not flushed"
    return proc.stdout.readline()


@pytest.mark.parametrize(
    ("args", "feed", "want"),
    [
        (["extract"], "매출 1,000억원\n\n", b'"1,000'),
        (["parse"], "3.5%\n", b'"3.5%"'),
        (["normalize"], "약 3%\n\n", "약 3%".encode()),
    ],
)
def test_output_is_flushed_while_input_is_open(args: list[str], feed: str, want: bytes) -> None:
    proc = subprocess.Popen([KRNUM, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None
    try:
        proc.stdin.write(feed.encode())
        proc.stdin.flush()
        assert want in _readline(proc)
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


# ---------------------------------------------------------------- terminals


def run_tty(args: list[str], stdout_tty: bool, stderr_tty: bool) -> tuple[bytes, bytes]:
    """Run with standard output and/or error on a pseudo-terminal; returns both."""
    fds: dict[str, tuple[int, int]] = {}
    for name, on in (("out", stdout_tty), ("err", stderr_tty)):
        fds[name] = pty.openpty() if on else os.pipe()
    proc = subprocess.Popen(
        [KRNUM, *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=fds["out"][1],
        stderr=fds["err"][1],
    )
    for _, w in fds.values():
        os.close(w)
    got = {name: b"" for name in fds}
    open_fds = {r: name for name, (r, _) in fds.items()}
    while open_fds:
        ready, _, _ = select.select(list(open_fds), [], [], 60)
        assert ready, "timed out"
        for r in ready:
            try:
                chunk = os.read(r, 65536)
            except OSError:  # a pty reports EIO once its writer is gone
                chunk = b""
            if chunk:
                got[open_fds[r]] += chunk
            else:
                os.close(r)
                del open_fds[r]
    assert proc.wait(timeout=60) == 0
    return got["out"], got["err"]


def test_table_is_the_default_on_a_terminal() -> None:
    out, _ = run_tty(["extract", "samples/article.txt"], stdout_tty=True, stderr_tty=False)
    assert out.decode().splitlines()[0].split()[:4] == ["file", "line", "col", "text"]
    out, _ = run_tty(["extract", "samples/article.txt"], stdout_tty=False, stderr_tty=False)
    assert out.startswith(b'{"file"')


def test_progress_bar_only_on_a_terminal_for_files(tmp_path: Path) -> None:
    path = tmp_path / "slow.txt"
    # over the half second before a bar appears, however fast the build (3 MB no longer was)
    write_corpus(path, 12_000_000)
    _, err = run_tty(["extract", str(path)], stdout_tty=False, stderr_tty=True)
    assert b"MB/s" in err and str(path).encode() in err
    assert err.endswith(b"\r\x1b[K")  # cleared at the end
    _, err = run_tty(["extract", "--quiet", str(path)], stdout_tty=False, stderr_tty=True)
    assert err == b""
    _, err = run_tty(["extract", "samples/article.txt"], stdout_tty=False, stderr_tty=True)
    assert err == b""  # a quick run does not flash a bar
    _, err = run_tty(["parse", "3%"], stdout_tty=False, stderr_tty=True)
    assert err == b""
    done = run("extract", str(path))  # standard error is a pipe here
    assert done.stderr == b""


# ---------------------------------------------------------------- --jobs


@pytest.fixture(scope="module")
def medium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 1.5 MB: many batches for the workers, tables and a rejected-looking line."""
    path = tmp_path_factory.mktemp("jobs") / "medium.txt"
    write_corpus(path, 1_500_000)
    return path


@pytest.mark.parametrize(
    "args",
    [["extract"], ["normalize"], ["normalize", "--style", "human"], ["extract", "--format", "csv"]],
)
def test_jobs_2_gives_the_same_output_as_jobs_1(medium: Path, args: list[str]) -> None:
    one = run(*args, "--jobs", "1", str(medium))
    two = run(*args, "--jobs", "2", str(medium))
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and len(one.stdout) > 100_000


def test_jobs_2_parse_keeps_order_and_errors(medium: Path) -> None:
    lines = [f"{i}억원" if i % 7 else f"{i}억x" for i in range(1, 10001)]
    feed = "\n".join(lines).encode()
    one = run("parse", "--jobs", "1", stdin=feed)
    two = run("parse", "--jobs", "2", stdin=feed)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert len(jsonl(two.stdout)) == 10000 - 10000 // 7


# ---------------------------------------------------------------- memory


PROSE = (
    "정부는 이날 발표한 경제정책방향에서 내수 회복을 위한 지원 방안을 마련하겠다고 밝혔다. "
    "위원회는 시장 상황을 면밀히 점검하고 있다.\n"
)


def write_corpus(path: Path, size: int) -> None:
    """Deterministic news-like text of about ``size`` bytes: paragraphs, figures, tables."""
    with path.open("w", encoding="utf-8") as f:
        written, i = 0, 0
        while written < size:
            s = (
                f"매출은 {i % 9000 + 1}억원으로 집계됐고 영업이익률은 {i % 10}.5%였다. "
                f"투자 규모는 {i % 7 + 1}~{i % 7 + 2}조원이다.\n" + PROSE * 6 + "\n"
            )
            if i % 5 == 0:
                s += f"(단위: 억원)\n구분 2023 2024\n매출 1,{i % 1000:03d} 2,345\n\n"
            f.write(s)
            written += len(s.encode("utf-8"))
            i += 1


def peak_rss_kb(args: list[str]) -> int:
    """Peak resident memory of one run of krnum and its worker processes."""
    proc = subprocess.Popen([KRNUM, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.stderr is not None
    assert proc.returncode == 0, proc.stderr.read()
    proc.stderr.close()
    return int(usage.ru_maxrss)


def test_memory_does_not_grow_with_input(tmp_path: Path) -> None:
    small, large = tmp_path / "5mb.txt", tmp_path / "50mb.txt"
    write_corpus(small, 5_000_000)
    write_corpus(large, 50_000_000)
    started = time.monotonic()
    rss_small = peak_rss_kb(["extract", str(small)])
    rss_large = peak_rss_kb(["extract", str(large)])
    # ten times the input, the same memory: a little slack for allocator noise only
    assert rss_large < rss_small * 1.25, (rss_small, rss_large)
    assert time.monotonic() - started < 240


def test_memory_bounded_with_jobs(tmp_path: Path) -> None:
    small, large = tmp_path / "1.5mb.txt", tmp_path / "15mb.txt"
    write_corpus(small, 1_500_000)
    write_corpus(large, 15_000_000)
    rss_small = peak_rss_kb(["extract", "--jobs", "2", str(small)])
    rss_large = peak_rss_kb(["extract", "--jobs", "2", str(large)])
    assert rss_large < rss_small * 1.25, (rss_small, rss_large)

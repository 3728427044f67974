"""Run every krnum benchmark and print one report; each benchmark asserts its answers first.

    python benchmarks/run.py --quick          # small inputs, a few seconds (what CI runs)
    python benchmarks/run.py                  # full: 1,200 expressions, 5 MiB corpus, 21 imports
    python benchmarks/run.py --json out.json  # also write the raw figures
    python benchmarks/run.py --profile        # cProfile of parse() and extract(): hot spots

Parts: parse (uncached, numeral memory kept, LRU cached), extract (against the bare regex
scan of figure characters in the same run, and by input size from 1 KB to 10 MB), peers
(korean-number and price-parser on their own inputs, krnum on the same, when the compare
extra is installed) and import time.

Timing is plain ``time.perf_counter`` (wall) and ``time.process_time`` (CPU) around whole
passes, median of several; see docs/performance.md for why not pyperf or pytest-benchmark.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_extract
import bench_import
import bench_parse
import compare
import regex
from corpus import SEED, corpus, mixed_set

import krnum

PARTS = ("parse", "extract", "peers", "import")
PEER_NAMES = ("korean-number", "price-parser")  # the peers whose own inputs krnum must beat


def environment() -> dict[str, Any]:
    try:
        rev = subprocess.run(["git", "-C", str(HERE), "describe", "--always", "--dirty"],
                             capture_output=True, text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        rev = "unknown"
    return {
        "krnum": krnum.__version__,
        "krnum_from": str(Path(krnum.__file__).parent),
        "build": build(),
        "git": rev or "unknown",
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "regex": regex.__version__,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
        "load_before": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def build() -> str:
    """Which build of krnum runs: the compiled readings (KRNUM_MYPYC=1) or pure Python."""
    import krnum._read as read

    return "compiled (mypyc)" if not read.__file__.endswith(".py") else "pure Python"


def collect(quick: bool = False, parts: tuple[str, ...] = PARTS, seed: int = SEED) -> dict[str, Any]:
    """Run the benchmarks; raises AssertionError if any answer is wrong. Timings are not judged."""
    out: dict[str, Any] = {"mode": "quick" if quick else "full", "env": environment()}
    t = time.perf_counter()
    if "parse" in parts:
        out["parse"] = bench_parse.run(quick, seed)
    if "extract" in parts:
        out["extract"] = bench_extract.run(quick, seed)
    if "peers" in parts:
        out["peers"] = peers(quick, seed)
    if "import" in parts:
        out["import"] = bench_import.run(quick)
    out["env"]["load_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    out["seconds"] = time.perf_counter() - t
    return out


def report(r: dict[str, Any]) -> str:
    e = r["env"]
    load = lambda x: "n/a" if x is None else "/".join(f"{v:.1f}" for v in x)
    lines: list[str] = []
    lines.append(f"krnum {e['krnum']}, {e.get('build', 'pure Python')}, from {e['krnum_from']} "
                 f"(work tree {e['git']}), "
                 f"{e['implementation']} {e['python']}, regex {e['regex']}, {e['machine']}; "
                 f"load average {load(e['load_before'])} before, {load(e['load_after'])} after; "
                 f"{r['mode']} mode, {r['seconds']:.1f} s")
    for name, mod in (("parse", bench_parse), ("extract", bench_extract), ("import", bench_import)):
        if name in r:
            lines += ["", mod.report(r[name])]
        if name == "extract" and "peers" in r:
            lines += ["", peers_report(r["peers"])]
    return "\n".join(lines)


def peers(quick: bool = False, seed: int = SEED) -> list[dict[str, Any]]:
    """Each peer and krnum on the peer's own claimed inputs, uncached, answers scored."""
    tools = compare.load_tools({"krnum", *PEER_NAMES})
    mine, others = tools[0], tools[1:]
    n, repeats = (40, 3) if quick else (300, 9)
    out = []
    for tool in others:
        if tool.status != "ok" or tool.claimed is None:
            out.append({"tool": tool.name, "status": tool.status})
            continue
        cases = tool.claimed(n, seed)  # type: ignore[call-arg]  # a peer's set takes its size
        out.append({"tool": tool.name, "version": tool.version, "status": "ok",
                    "set": cases[0].row if cases else "", "n": len(cases),
                    "peer": compare.score_read(tool, cases, repeats),
                    "krnum": compare.score_read(mine, cases, repeats)})
    return out


def peers_report(rows: list[dict[str, Any]]) -> str:
    lines = ["peers on their own inputs (parse uncached, CPU, median of passes):"]
    for x in rows:
        if x["status"] != "ok":
            lines.append(f"    {x['tool']}: {x['status']} (pip install -e '.[compare]')")
            continue
        p, k = x["peer"], x["krnum"]
        lines.append(f"    {x['tool']} {x['version']} on {x['n']} {x['set']}: "
                     f"{p['per_s']:,.0f}/s ({p['right']}/{x['n']} right); krnum {k['per_s']:,.0f}/s "
                     f"({k['right']}/{x['n']} right), {k['per_s'] / p['per_s']:.2f}x")
    return "\n".join(lines)


def profile(top: int = 15, n_bytes: int = 1_000_000) -> str:
    """cProfile of parse() over the mixed set and extract() over a corpus: where time goes."""
    cases = [c.text for c in mixed_set()] * 5
    text = corpus(n_bytes).text
    krnum.parse("약 1억2000만 달러")  # warm: lazy compilation is the first call's cost, not
    krnum.extract("매출 1,658억원")  # the steady state's (bench_import measures it)
    out = []
    for title, stmt, env in (
        (f"parse() x {len(cases)}", "for t in cases: parse(t)", {"cases": cases, "parse": krnum.parse}),
        (f"extract() over {len(text):,} chars", "extract(text)", {"text": text, "extract": krnum.extract}),
    ):
        prof = cProfile.Profile()
        prof.runctx(stmt, env, {})
        st = pstats.Stats(prof)
        total = st.total_tt  # type: ignore[attr-defined]
        rows = sorted(st.stats.items(), key=lambda kv: -kv[1][2])[:top]  # type: ignore[attr-defined]
        out.append(f"{title}: {total:.2f} s under cProfile; top functions by own time")
        out.append(f"  {'own %':>6} {'cum %':>6} {'calls':>9}  function")
        for (path, line, func), (_cc, nc, tt, ct, _callers) in rows:
            where = f"{_short(path)}:{line}:{func}" if line else func
            out.append(f"  {100 * tt / total:6.1f} {100 * ct / total:6.1f} {nc:9,}  {where}")
        out.append("")
    return "\n".join(out)


def _short(path: str) -> str:
    p = Path(path)
    for anchor in ("krnum", "regex"):
        if anchor in p.parts:
            return "/".join(p.parts[p.parts.index(anchor):])
    return p.name


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small inputs, a few seconds")
    ap.add_argument("--only", choices=PARTS, action="append", help="run only this part")
    ap.add_argument("--json", metavar="PATH", help="also write the raw figures as JSON")
    ap.add_argument("--profile", action="store_true", help="print cProfile hot spots instead")
    ap.add_argument("--profile-mb", type=float, default=1.0, help="corpus size for --profile")
    args = ap.parse_args(argv)
    if args.profile:
        print(profile(n_bytes=int(args.profile_mb * 1_000_000)))
        return 0
    r = collect(args.quick, tuple(args.only or PARTS))
    print(report(r))
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

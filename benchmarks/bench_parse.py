"""parse() calls per second on the fixed mixed set (every SPEC grammar row), answers asserted.

    python benchmarks/bench_parse.py [--quick]

Three figures: without a cache (krnum._parse.parse_uncached, and every memory of earlier
readings emptied before each pass, so that only numerals shared by different expressions
of the one pass are read once); the same with the numeral memory kept from the pass before
(what a stream of repeated numerals gets); and krnum.parse as shipped, which remembers the
last 4,096 distinct inputs (the set fits, so after a warm pass every call is a lookup).
Each timed pass parses every expression of the set once, in the set's order (rows
interleaved, as real input is).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SEED, Case, mixed_set, want_of

import krnum
from krnum._parse import forget, parse_uncached

N_EXPRESSIONS = 1200


def clock(fn: Callable[[], object], repeats: int,
          walls: list[float] | None = None) -> tuple[float, float]:
    """Median wall and median CPU seconds of ``repeats`` calls of ``fn``; every pass's wall
    seconds are appended to ``walls`` when given."""
    walls = [] if walls is None else walls
    cpus: list[float] = []
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus)


def check(cases: list[Case]) -> None:
    """Every expression parses to the answer it was built with."""
    wrong = []
    for c in cases:
        try:
            got: object = want_of(krnum.parse(c.text))
        except krnum.ParseError as e:
            got = f"ParseError: {e.expected}"
        if got != c.want:
            wrong.append(f"[{c.row}] {c.text!r}: want {tuple(c.want)}, got {got}")
    if wrong:
        raise AssertionError(f"{len(wrong)} of {len(cases)} parse() answers are wrong:\n"
                             + "\n".join(wrong[:20]))


def _pass(texts: list[str], parse: Callable[[str], object] = parse_uncached,
          cold: bool = False) -> Callable[[], None]:

    def run() -> None:
        if cold:
            forget()
        for t in texts:
            parse(t)

    return run


def run(quick: bool = False, seed: int = SEED) -> dict[str, Any]:
    cases = mixed_set(N_EXPRESSIONS, seed)
    check(cases)
    texts = [c.text for c in cases]
    repeats = 3 if quick else 15
    _pass(texts)()  # warm: first-call costs are bench_import's business
    passes: list[float] = []
    wall, cpu = clock(_pass(texts, cold=True), repeats, passes)
    warm_wall, _ = clock(_pass(texts), repeats)
    _pass(texts, krnum.parse)()  # fill the shipped cache
    cached_wall, _ = clock(_pass(texts, krnum.parse), repeats)
    out: dict[str, Any] = {
        "expressions": len(cases),
        "rows": len({c.row for c in cases}),
        "repeats": repeats,
        "cache": "none (parse_uncached, memories emptied before each pass)",
        "calls_per_s": len(texts) / wall,
        "calls_per_s_cpu": len(texts) / cpu,
        "us_per_call": 1e6 * wall / len(texts),
        # on a shared machine whole passes run up to a third slower in its slow spells
        "best_calls_per_s": len(texts) / min(passes),
        "cached_calls_per_s": len(texts) / cached_wall,
        "numeral_memory_calls_per_s": len(texts) / warm_wall,
    }
    if not quick:
        by_row: dict[str, list[str]] = defaultdict(list)
        for c in cases:
            by_row[c.row].append(c.text)
        # CPU time per row: each row's expressions, five times over, median of five passes
        out["by_row"] = {row: 5 * len(t) / clock(_pass(t * 5, cold=True), 5)[1]
                         for row, t in by_row.items()}
    return out


def report(r: dict[str, Any]) -> str:
    lines = [
        (f"parse(): {r['calls_per_s']:,.0f} calls/s wall ({r['calls_per_s_cpu']:,.0f}/s CPU), "
        f"{r['us_per_call']:.1f} µs/call; {r['expressions']} expressions over {r['rows']} rows, "
        f"median of {r['repeats']} passes (best pass {r['best_calls_per_s']:,.0f}/s), "
        f"cache: {r['cache']}; all answers right"),
        (f"parse() uncached but with the numeral memory of the pass before: "
         f"{r['numeral_memory_calls_per_s']:,.0f} calls/s"),
        f"parse() with its LRU cache warm: {r['cached_calls_per_s']:,.0f} calls/s",
    ]
    for row, rate in sorted(r.get("by_row", {}).items(), key=lambda kv: kv[1]):
        lines.append(f"    {rate:>10,.0f} calls/s CPU  {row}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    print(report(run(ap.parse_args().quick)))


if __name__ == "__main__":
    main()

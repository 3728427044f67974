"""Throughput of this tree and of another krnum source tree, alternated in one run.

    git worktree add /tmp/krnum-main main
    python benchmarks/side_by_side.py /tmp/krnum-main/src [--mib 2] [--rounds 3]
    python benchmarks/side_by_side.py /tmp/krnum-main/src --parse [--rounds 5]

extract: characters per second on the benchmark corpus. ``--parse``: parse() calls per
second from cold (every memory emptied before each pass) on bench_parse's mixed set of
1,200 expressions. Each measurement runs in its own process (so each side compiles its own
grammar), best of several passes; the sides alternate so that the machine's load, which
drifts by a third on a shared machine, falls on both alike.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_ONE = """
import sys, time
sys.path.insert(0, {here!r})
from corpus import corpus
import krnum
text = corpus({n} * 1024 * 1024).text
krnum.extract(text[:10000])
times = []
for _ in range(3):
    t0 = time.perf_counter()
    krnum.extract(text)
    times.append(time.perf_counter() - t0)
print(len(text) / min(times) / 1e6)
"""

_PARSE = """
import sys, time
sys.path.insert(0, {here!r})
from corpus import mixed_set
import krnum._parse as p
texts = [c.text for c in mixed_set(1200)]
for t in texts:
    p.parse_uncached(t)
times = []
for _ in range(9):
    getattr(p, "forget", lambda: None)()  # trees before the numeral memory have none
    t0 = time.perf_counter()
    for t in texts:
        p.parse_uncached(t)
    times.append(time.perf_counter() - t0)
print(len(texts) / min(times) / 1e3)
"""


def measure(src: str | None, mib: int, parse: bool = False) -> float:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = src
    code = _PARSE.format(here=str(HERE)) if parse else _ONE.format(here=str(HERE), n=mib)
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", help="the src/ directory of the krnum to compare with")
    ap.add_argument("--mib", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--parse", action="store_true", help="parse() from cold instead of extract()")
    args = ap.parse_args()
    here, other = [], []
    for _ in range(args.rounds):
        other.append(measure(args.other, args.mib, args.parse))
        here.append(measure(None, args.mib, args.parse))
    unit = "k calls/s" if args.parse else "Mchar/s"
    print(f"other tree  {' '.join(f'{x:.3f}' for x in other)}  {unit}  (best {max(other):.3f})")
    print(f"this tree   {' '.join(f'{x:.3f}' for x in here)}  {unit}  (best {max(here):.3f})")
    print(f"ratio       {max(here) / max(other):.3f}")


if __name__ == "__main__":
    main()

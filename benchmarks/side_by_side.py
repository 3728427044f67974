"""Extract throughput of this tree and of another krnum source tree, alternated in one run.

    git worktree add /tmp/krnum-main main
    python benchmarks/side_by_side.py /tmp/krnum-main/src [--mib 2] [--rounds 3]

Each measurement runs in its own process (so each side compiles its own grammar), on the
same benchmark corpus, best of three passes; the sides alternate so that the machine's load
falls on both alike.
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


def measure(src: str | None, mib: int) -> float:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = src
    code = _ONE.format(here=str(HERE), n=mib)
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", help="the src/ directory of the krnum to compare with")
    ap.add_argument("--mib", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    here, other = [], []
    for _ in range(args.rounds):
        other.append(measure(args.other, args.mib))
        here.append(measure(None, args.mib))
    print(f"other tree  {' '.join(f'{x:.3f}' for x in other)}  Mchar/s  (best {max(other):.3f})")
    print(f"this tree   {' '.join(f'{x:.3f}' for x in here)}  Mchar/s  (best {max(here):.3f})")
    print(f"ratio       {max(here) / max(other):.3f}")


if __name__ == "__main__":
    main()

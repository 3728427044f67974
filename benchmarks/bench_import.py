"""Cost of ``import krnum`` and of the first parse()/extract() in a fresh process.

    python benchmarks/bench_import.py [--quick]

Each run is a new interpreter (the same one running this script) that times, with
``time.perf_counter``, the import of krnum with all its dependencies, then the first parse()
and the first extract(). Reported: the median over the runs, after one unmeasured warm-up run
that leaves the bytecode caches written, as they are on a user's machine after installation.
Also the whole process (start-up, import, first parse, exit) next to a bare ``python -c pass``,
and the modules that cost most by ``python -X importtime``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from typing import Any

PROBE = r"""
import json, sys, time
w0, c0 = time.perf_counter(), time.process_time()
import krnum
w1, c1 = time.perf_counter(), time.process_time()
a = krnum.parse("약 1억2000만 달러")
w2, c2 = time.perf_counter(), time.process_time()
b = krnum.extract("매출은 1,658억원으로 3.5% 늘었다.")
w3, c3 = time.perf_counter(), time.process_time()
assert a.value == 120000000 and a.currency == "USD" and a.approximate, a
assert [x.text for x in b] == ["1,658억원", "3.5%"], b
print(json.dumps({"import": w1 - w0, "first_parse": w2 - w1, "first_extract": w3 - w2,
                  "import_cpu": c1 - c0, "first_parse_cpu": c2 - c1, "first_extract_cpu": c3 - c2,
                  "modules": len(sys.modules), "babel": "babel" in sys.modules}))
"""


# children may write bytecode, as an installed package has it: a machine that sets
# PYTHONDONTWRITEBYTECODE would otherwise time the compiling of every module on each import
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _probe() -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                         env=_ENV)
    return json.loads(out.stdout)


def _process(code: str) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of a whole child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=_ENV)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def import_profile(top: int = 6) -> list[tuple[str, float]]:
    """The modules with the largest self time under ``-X importtime`` (milliseconds)."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import krnum"],
                         capture_output=True, text=True, check=True, env=_ENV)
    rows = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _cum, name = line[len("import time:"):].split("|")
        rows.append((name.strip(), int(self_us) / 1000))
    return sorted(rows, key=lambda r: -r[1])[:top]


def run(quick: bool = False) -> dict[str, Any]:
    runs = 2 if quick else 21
    _probe()  # warm-up: bytecode caches
    probes = [_probe() for _ in range(runs)]
    n_proc = 1 if quick else runs
    procs = [_process("import krnum; krnum.parse('약 1억2000만 달러')") for _ in range(n_proc)]
    bare = [_process("pass") for _ in range(n_proc)]
    med = lambda key: statistics.median(p[key] for p in probes)
    return {
        "runs": runs,
        "import_ms": 1000 * med("import"),
        "import_cpu_ms": 1000 * med("import_cpu"),
        "first_parse_ms": 1000 * med("first_parse"),
        "first_parse_cpu_ms": 1000 * med("first_parse_cpu"),
        "first_extract_ms": 1000 * med("first_extract"),
        "first_extract_cpu_ms": 1000 * med("first_extract_cpu"),
        "import_ms_min": 1000 * min(p["import"] for p in probes),
        "modules_loaded": probes[0]["modules"],
        "imports_babel": probes[0]["babel"],
        "process_ms": 1000 * statistics.median(w for w, _ in procs),
        "process_cpu_ms": 1000 * statistics.median(c for _, c in procs),
        "bare_python_ms": 1000 * statistics.median(w for w, _ in bare),
        "bare_python_cpu_ms": 1000 * statistics.median(c for _, c in bare),
        "top_imports": [] if quick else import_profile(),
    }


def report(r: dict[str, Any]) -> str:
    lines = [
        (f"import krnum: {r['import_ms']:.1f} ms wall, {r['import_cpu_ms']:.1f} ms CPU, median of "
        f"{r['runs']} fresh processes (min wall {r['import_ms_min']:.1f} ms; "
        f"{r['modules_loaded']} modules loaded, babel imported: {r['imports_babel']}; "
        "bytecode cached, as an installed package has it)"),
        (f"first parse(): {r['first_parse_ms']:.1f} ms wall, {r['first_parse_cpu_ms']:.1f} ms CPU; "
        f"first extract() after it: {r['first_extract_ms']:.1f} ms wall, "
        f"{r['first_extract_cpu_ms']:.1f} ms CPU"),
        (f"whole process (start, import, first parse, exit): {r['process_ms']:.0f} ms wall, "
        f"{r['process_cpu_ms']:.0f} ms CPU; bare `python -c pass`: {r['bare_python_ms']:.0f} ms "
        f"wall, {r['bare_python_cpu_ms']:.0f} ms CPU"),
    ]
    if r["top_imports"]:
        lines.append("largest import self-times: " + ", ".join(
            f"{name} {ms:.1f} ms" for name, ms in r["top_imports"]))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    print(report(run(ap.parse_args().quick)))


if __name__ == "__main__":
    main()

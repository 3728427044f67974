"""extract() characters per second on a generated corpus, next to a bare regex scan.

    python benchmarks/bench_extract.py [--quick] [--size-mb 5]

The floor is one ``regex`` pass finding the runs of figure characters of the same text
(BARE_SCAN: digits, and the Hangul digit, place and myriad letters), timed in the same run,
interleaved with extract() so that machine load hits both alike; the aim is extract at 0.10
of its speed or more. Also: peak memory of one extract() over the corpus (tracemalloc), how
time grows from the ~1 MB prefix of the corpus to the whole (time ratio over size ratio:
1.0 is linear), and throughput on inputs of 1 KB to 10 MB (5 MB in quick mode: 60 KB).
"""

from __future__ import annotations

import argparse
import re
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_parse import clock
from corpus import SEED, Corpus, corpus, gold_of

import krnum

MB = 1_000_000
FULL_BYTES = 5 * 2**20  # 5 MiB: at least 5 MB however a reader counts
SMALL_BYTES = 1 * 2**20
QUICK_BYTES, QUICK_SMALL_BYTES = 60_000, 12_000
BARE_SCAN = regex.compile(r"[0-9０-９][0-9,.]*|[일이삼사오육칠팔구십백천만억조]+")
SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
QUICK_SIZES = (1_000, 10_000, 60_000)


def floor_scan(text: str) -> int:
    """The floor: one regex pass that merely finds the runs of figure characters."""
    return len(BARE_SCAN.findall(text))


def check(c: Corpus) -> None:
    """extract() finds exactly the amounts the generator wrote, with spans and answers."""
    got = [gold_of(a) for a in krnum.extract(c.text)]
    if got == c.gold:
        return
    want_spans = {(g.start, g.end): g for g in c.gold}
    got_spans = {(g.start, g.end): g for g in got}
    missing = [g for k, g in want_spans.items() if k not in got_spans]
    extra = [g for k, g in got_spans.items() if k not in want_spans]
    wrong = [(g, got_spans[k]) for k, g in want_spans.items() if k in got_spans and got_spans[k] != g]

    def ctx(g: Any) -> str:
        return c.text[max(0, g.start - 20):g.end + 10].replace("\n", "⏎")

    lines = [(f"extract(): {len(c.gold)} amounts expected, {len(got)} found; "
             f"{len(missing)} missing, {len(extra)} extra, {len(wrong)} with a wrong answer")]
    lines += [f"  missing {g.text!r} in …{ctx(g)}…" for g in missing[:8]]
    lines += [f"  extra   {g.text!r} in …{ctx(g)}… {tuple(g.want)}" for g in extra[:8]]
    lines += [f"  wrong   {w.text!r}: want {tuple(w.want)}, got {tuple(g.want)}" for w, g in wrong[:8]]
    raise AssertionError("\n".join(lines))


def _timed_pair(text: str, repeats: int) -> dict[str, float]:
    """Median wall/CPU seconds of extract() and of the floor, interleaved pass by pass."""
    ex: list[tuple[float, float]] = []
    fl: list[tuple[float, float]] = []
    for _ in range(repeats):
        fl.append(clock(lambda: floor_scan(text), 1))
        ex.append(clock(lambda: krnum.extract(text), 1))
    med = lambda xs, i: sorted(x[i] for x in xs)[len(xs) // 2]
    return {"extract_wall": med(ex, 0), "extract_cpu": med(ex, 1),
            "floor_wall": med(fl, 0), "floor_cpu": med(fl, 1)}


def peak_memory(text: str) -> int:
    """Peak bytes allocated by Python during one extract() of ``text`` (tracemalloc)."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = krnum.extract(text)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    del result
    return peak


def run(quick: bool = False, seed: int = SEED, n_bytes: int | None = None) -> dict[str, Any]:
    big_bytes = n_bytes or (QUICK_BYTES if quick else FULL_BYTES)
    big = corpus(big_bytes, seed)
    small = big.prefix(QUICK_SMALL_BYTES if quick else SMALL_BYTES)
    check(big)
    digit_runs = floor_scan(big.text)
    assert digit_runs == len(re.findall(BARE_SCAN.pattern, big.text)), "the floor scan miscounted"
    repeats = 1 if quick else 3
    krnum.extract(small.text)  # warm
    t_big = _timed_pair(big.text, repeats)
    t_small = _timed_pair(small.text, repeats if quick else 5)
    chars, small_chars = len(big.text), len(small.text)
    size_ratio = chars / small_chars
    return {
        "bytes": len(big.text.encode("utf-8")),
        "chars": chars,
        "documents": len(big.doc_ends),
        "amounts": len(big.gold),
        "amounts_per_1000_chars": 1000 * len(big.gold) / chars,
        "digit_runs": digit_runs,
        "repeats": repeats,
        "extract_chars_per_s": chars / t_big["extract_wall"],
        "extract_chars_per_s_cpu": chars / t_big["extract_cpu"],
        "floor_chars_per_s": chars / t_big["floor_wall"],
        "floor_chars_per_s_cpu": chars / t_big["floor_cpu"],
        "extract_over_floor": t_big["floor_wall"] / t_big["extract_wall"],
        "extract_over_floor_cpu": t_big["floor_cpu"] / t_big["extract_cpu"],
        "extract_seconds": t_big["extract_wall"],
        "small_bytes": len(small.text.encode("utf-8")),
        "small_chars": small_chars,
        "small_extract_seconds": t_small["extract_wall"],
        "size_ratio": size_ratio,
        "time_ratio_wall": t_big["extract_wall"] / t_small["extract_wall"],
        "time_ratio_cpu": t_big["extract_cpu"] / t_small["extract_cpu"],
        "linearity_cpu": t_big["extract_cpu"] / t_small["extract_cpu"] / size_ratio,
        "linearity_wall": t_big["extract_wall"] / t_small["extract_wall"] / size_ratio,
        "peak_bytes": peak_memory(big.text),
        "sizes": by_size(QUICK_SIZES if quick else SIZES, seed),
    }


def by_size(sizes: tuple[int, ...], seed: int) -> list[dict[str, float]]:
    """extract() chars/s on corpora of each size (best of several passes, more for small
    inputs, whose passes are short); equal rates at every size mean linear time."""
    out = []
    for n in sizes:
        text = corpus(n, seed).text
        passes = max(3, min(200, 2_000_000 // max(len(text), 1)))
        best = min(clock(lambda t=text: krnum.extract(t), 1)[1] for _ in range(passes))
        out.append({"bytes": len(text.encode("utf-8")), "chars": len(text),
                    "chars_per_s_cpu": len(text) / max(best, 1e-9), "passes": passes})
    return out


def report(r: dict[str, Any]) -> str:
    mb = r["bytes"] / MB
    out: list[str] = []
    out.append(f"corpus: {mb:.2f} MB UTF-8, {r['chars']:,} chars, {r['documents']:,} documents, "
               f"{r['amounts']:,} amounts ({r['amounts_per_1000_chars']:.1f} per 1,000 chars), "
               f"{r['digit_runs']:,} digit runs; extract() answers all right")
    out.append(f"extract(): {r['extract_chars_per_s']:,.0f} chars/s wall "
               f"({r['extract_chars_per_s_cpu']:,.0f} CPU), {r['extract_seconds']:.2f} s per pass, "
               f"median of {r['repeats']}")
    out.append(f"floor (bare regex scan {BARE_SCAN.pattern}, findall): "
               f"{r['floor_chars_per_s']:,.0f} chars/s wall ({r['floor_chars_per_s_cpu']:,.0f} CPU)")
    out.append(f"extract/floor speed: {r['extract_over_floor']:.3f} wall "
               f"({r['extract_over_floor_cpu']:.3f} CPU); aim 0.10, beyond it 0.20")
    out.append(f"peak memory of one extract() over the corpus: {r['peak_bytes'] / MB:.1f} MB "
               f"(tracemalloc), {r['peak_bytes'] / r['bytes']:.1f}x the input's UTF-8 size")
    out.append(f"growth {r['small_bytes'] / MB:.2f} MB -> {mb:.2f} MB (x{r['size_ratio']:.2f} "
               f"chars): time x{r['time_ratio_cpu']:.2f} CPU (x{r['time_ratio_wall']:.2f} wall); "
               f"linearity {r['linearity_cpu']:.2f} CPU, {r['linearity_wall']:.2f} wall "
               "(1.00 = linear)")
    rates = [x["chars_per_s_cpu"] for x in r["sizes"]]
    out.append("by input size (CPU, best pass): " + ", ".join(
        f"{_size(x['bytes'])} {x['chars_per_s_cpu'] / 1e6:.2f}" for x in r["sizes"])
        + f" Mchar/s; slowest/fastest {min(rates) / max(rates):.2f}")
    return "\n".join(out)


def _size(n: int) -> str:
    for unit, div in (("MB", MB), ("KB", 1000)):
        if n >= div:
            return f"{n / div:.0f} {unit}"
    return f"{n} B"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--size-mb", type=float, help="corpus size (default 5 MiB, quick 60 KB)")
    args = ap.parse_args()
    n = int(args.size_mb * MB) if args.size_mb else None
    print(report(run(args.quick, n_bytes=n)))


if __name__ == "__main__":
    main()

"""krnum at scale on this machine: one process, ``krnum extract --jobs 2``, and Spark ``local[2]``.

    python benchmarks/bench_spark.py                 # 6 MB corpus (~6,000 documents), ~3 minutes
    python benchmarks/bench_spark.py --quick         # 300 kB, to check that it runs
    python benchmarks/bench_spark.py --json out.json --paths   # + compare Spark's Arrow paths

The corpus is benchmarks/corpus.py's generated news, disclosures, analyst notes and tables
(seeded), cut into its documents. Every figure is wall time, best of ``--repeat`` passes
(the machine may be shared; the load average is printed beside each phase), and every path
must return exactly the amounts of ``krnum.extract`` run document by document: the benchmark
asserts its answer before it reports a speed.

* single process: ``krnum.extract`` over every document; and ``krnum.arrow.extract`` (the
  same plus the Arrow table: the per-core cost of the Arrow path).
* ``krnum extract --jobs 2`` (the CLI, on the corpus as one text file: documents are blank-line
  separated paragraphs), start-up included. If the CLI is missing, ``multiprocessing.Pool(2)``.
* Spark ``local[2]``: the job of ``python -m krnum.spark extract`` (Parquet in, Parquet out)
  in a session that is up and warm; the session's start-up and the first (cold) job are timed
  apart as Spark's fixed cost. Then the same job on 1/8, 1/4, 1/2 and all of the corpus fits
  ``time = a + b * chars``, which with the fixed cost gives the input size from which Spark
  beats one process.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import SEED, corpus

import krnum

MB = 1_000_000


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def tree_cpu() -> float:
    """CPU seconds used so far by this process and all its descendants (the JVM, Spark's
    Python workers): user + system, from /proc, including reaped children."""
    tick = os.sysconf("SC_CLK_TCK")
    parent, used = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(stat[1])
        used[int(entry)] = sum(int(x) for x in stat[11:15]) / tick
    total, me = 0.0, os.getpid()
    for pid, cpu in used.items():
        p = pid
        while p and p != me:
            p = parent.get(p, 0)
        if p == me:
            total += cpu
    return total


def timed_cpu(fn: Callable[[], Any]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) of one call."""
    c0, t0 = tree_cpu(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, tree_cpu() - c0


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The shortest wall time of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def documents(n_bytes: int) -> list[str]:
    c = corpus(n_bytes, SEED)
    ends = [0, *c.doc_ends]
    return [c.text[a:b] for a, b in itertools.pairwise(ends)]


def _count(docs: list[str]) -> int:
    return sum(len(krnum.extract(d)) for d in docs)


def single(docs: list[str], repeat: int) -> dict[str, Any]:
    krnum.extract("약 1억2000만 달러")  # compile the grammar outside the timing
    t, n = best(lambda: _count(docs), repeat)
    c0 = time.process_time()
    _count(docs)
    out: dict[str, Any] = {"seconds": t, "amounts": n, "load": load(),
                           "cpu_seconds": time.process_time() - c0}
    try:
        import krnum.arrow as ka
    except ImportError:
        return out
    ka.extract(docs[:5])  # import pyarrow outside the timing
    ta, table = best(lambda: ka.extract(docs), repeat)
    assert table.num_rows == n, (table.num_rows, n)
    out["arrow_seconds"] = ta
    return out


def _pool_count(docs: list[str]) -> int:
    return sum(len(krnum.extract(d)) for d in docs)


def jobs2(docs: list[str], tmp: Path, repeat: int) -> dict[str, Any]:
    """``krnum extract --jobs 2`` on the corpus as one file, or Pool(2) when there is no CLI."""
    path = tmp / "corpus.txt"
    path.write_text("".join(docs), encoding="utf-8")
    exe = shutil.which("krnum")
    if exe is not None:
        cmd = [exe, "extract", "--jobs", "2", "--quiet", "--format", "jsonl", str(path)]

        def run() -> int:
            done = subprocess.run(cmd, capture_output=True, check=True)
            return done.stdout.count(b"\n")

        t, n = best(run, repeat)
        return {"how": "krnum extract --jobs 2 --format jsonl",
                "command": " ".join(cmd[1:]),
                "seconds": t, "amounts": n, "load": load()}
    chunks = [docs[i::16] for i in range(16)]
    with Pool(2) as pool:
        pool.map(_pool_count, [docs[:2], docs[2:4]])

        def run_pool() -> int:
            return sum(pool.map(_pool_count, chunks))

        t, n = best(run_pool, repeat)
    return {"how": "multiprocessing.Pool(2) (no krnum CLI installed)",
            "seconds": t, "amounts": n, "load": load()}


# ---------------------------------------------------------------- Spark

SPARK_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "4",
}


def spark_session(master: str) -> Any:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName("krnum-bench")
    for k, v in SPARK_CONF.items():
        builder = builder.config(k, v)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def write_parquet(docs: list[str], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": pa.array(range(len(docs)), pa.int64()), "body": docs}), path)


def spark_job(spark: Any, source: Path, out: Path, partitions: int | None) -> None:
    from krnum.spark.__main__ import run

    run(spark, str(source), str(out), fmt="parquet", text_column="body",
               id_column="id", partitions=partitions, mode="overwrite")


def check_output(out: Path, docs: list[str]) -> int:
    """The job wrote exactly krnum.extract's amounts, every field; their number."""
    import pyarrow.parquet as pq

    def key(r: dict[str, Any]) -> tuple[int, int]:
        return r["id"], r["start"]

    got = sorted(pq.read_table(out).to_pylist(), key=key)
    want = [{"id": i, **a.to_dict(), "error": None}
            for i, t in enumerate(docs) for a in krnum.extract(t)]
    assert got == want, f"Spark wrote {len(got)} rows, krnum.extract finds {len(want)}"
    return len(got)


def spark_bench(docs: list[str], tmp: Path, repeat: int, partitions: int,
                sizes: list[float], paths: bool) -> dict[str, Any]:
    t0 = time.perf_counter()
    spark = spark_session("local[2]")
    startup = time.perf_counter() - t0
    res: dict[str, Any] = {"startup_seconds": startup, "partitions": partitions}
    try:
        tiny = tmp / "tiny.parquet"
        write_parquet(docs[:20], tiny)
        t0 = time.perf_counter()
        spark_job(spark, tiny, tmp / "out-tiny", partitions)
        res["first_job_seconds"] = time.perf_counter() - t0
        t_tiny, _ = best(lambda: spark_job(spark, tiny, tmp / "out-tiny", partitions), repeat)
        res["tiny_job_seconds"] = t_tiny

        full = tmp / "docs.parquet"
        write_parquet(docs, full)
        out = tmp / "out"
        t, _ = best(lambda: spark_job(spark, full, out, partitions), repeat)
        res.update(seconds=t, amounts=check_output(out, docs), load=load())

        one, _ = best(lambda: spark_job(spark, full, out, 1), repeat)
        res["one_partition_seconds"] = one
        cpu = [timed_cpu(lambda: spark_job(spark, full, out, partitions)) for _ in range(repeat)]
        res["cpu_seconds"] = min(c for _, c in cpu)

        curve = []
        for frac in sizes:
            part = docs[: max(1, int(len(docs) * frac))]
            src = tmp / f"docs-{frac}.parquet"
            write_parquet(part, src)
            ts, _ = best(lambda src=src: spark_job(spark, src, tmp / "out-part", partitions),
                         repeat)
            curve.append({"chars": sum(map(len, part)), "docs": len(part), "seconds": ts})
        res["curve"] = curve
        if paths:
            res["paths"] = compare_paths(spark, full, partitions, repeat)
    finally:
        spark.stop()
    return res


def compare_paths(spark: Any, source: Path, partitions: int, repeat: int) -> dict[str, float]:
    """The same rows three ways: mapInArrow (used), Arrow UDF + explode, pandas UDF + explode."""
    from pyspark.sql import functions as F

    import krnum.spark as ks

    df = spark.read.parquet(str(source)).repartition(partitions)

    def flat(col: Any) -> Any:
        return df.select("id", F.explode(col).alias("a")).select("id", "a.*")

    plans = {
        "mapInArrow (explode_amounts)": lambda: ks.explode_amounts(df, "body", "id"),
        "Arrow UDF (amounts) + explode": lambda: flat(ks._arrow_udf()("body")),
        "pandas UDF + explode": lambda: flat(ks._pandas_udf()("body")),
    }
    out = {}
    for _ in range(repeat):  # interleaved, so that load hits every path alike
        for name, plan in plans.items():
            t0 = time.perf_counter()
            plan().write.format("noop").mode("overwrite").save()
            out[name] = min(out.get(name, 1e9), time.perf_counter() - t0)
    return out


def cli_job(source: Path, out: Path) -> float:
    """The whole job from the shell, JVM start-up included."""
    cmd = [sys.executable, "-m", "krnum.spark", "extract", str(source), str(out),
           "--text-column", "body", "--id-column", "id", "--master", "local[2]", "--mode",
           "overwrite", *[a for k, v in SPARK_CONF.items() for a in ("--conf", f"{k}={v}")]]
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - t0


# ---------------------------------------------------------------- report


def fit(curve: list[dict[str, Any]]) -> tuple[float, float]:
    """Least squares ``seconds = a + b * chars``."""
    xs, ys = [p["chars"] for p in curve], [p["seconds"] for p in curve]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return my - b * mx, b


def report(r: dict[str, Any]) -> str:
    chars, docs, nbytes = r["chars"], r["docs"], r["bytes"]
    lines = [(f"corpus: {docs:,} documents, {chars:,} characters, {nbytes / MB:.2f} MB UTF-8, "
              f"{r['single']['amounts']:,} amounts; {os.cpu_count()} CPUs")]

    def row(name: str, seconds: float, load_avg: str = "") -> str:
        return (f"  {name:<44} {seconds:7.2f} s {docs / seconds:9,.0f} docs/s "
                f"{chars / seconds:11,.0f} chars/s" + (f"   load {load_avg}" if load_avg else ""))

    s = r["single"]
    lines.append(row("one process, krnum.extract", s["seconds"], s["load"]))
    if "arrow_seconds" in s:
        lines.append(row("one process, krnum.arrow.extract", s["arrow_seconds"]))
        lines.append(f"  Arrow path cost per core: {100 * (s['arrow_seconds'] / s['seconds'] - 1):+.1f}%")
    j = r["jobs2"]
    lines.append(row(j["how"], j["seconds"], j["load"]))
    if "spark" in r:
        sp = r["spark"]
        lines.append(row(f"Spark local[2], warm, {sp['partitions']} partitions", sp["seconds"],
                         sp["load"]))
        lines.append(row("Spark local[2], warm, 1 partition (one core)",
                         sp["one_partition_seconds"]))
        lines.append(f"  Spark speed-up over one process: {s['seconds'] / sp['seconds']:.2f}x")
        lines.append(f"  CPU time for the corpus: one process {s['cpu_seconds']:.2f} s, Spark job "
                     f"{sp['cpu_seconds']:.2f} s (JVM + Python workers, "
                     f"{100 * (sp['cpu_seconds'] / s['cpu_seconds'] - 1):+.0f}%): on two idle "
                     f"cores at best {2 * s['cpu_seconds'] / sp['cpu_seconds']:.2f}x")
        fixed = sp["startup_seconds"] + sp["first_job_seconds"]
        lines.append(f"  Spark fixed cost: session start {sp['startup_seconds']:.1f} s + first job "
                     f"{sp['first_job_seconds']:.1f} s (Python workers, imports); a warm job on "
                     f"20 documents {sp['tiny_job_seconds']:.2f} s")
        a, b = fit(sp["curve"])
        single_b = s["seconds"] / chars
        lines.append(f"  warm job time = {a:.2f} s + {b * 1e6:.2f} s per million chars "
                     f"(one process: {single_b * 1e6:.2f} s per million chars)")
        if b < single_b:
            warm = a / (single_b - b)
            cold = (a + fixed) / (single_b - b)
            lines.append(f"  Spark pays off from ~{warm / 1e6:.1f} M chars (~{warm * 2.1 / MB:.0f} MB)"
                         f" in a warm session, ~{cold / 1e6:.1f} M chars (~{cold * 2.1 / MB:.0f} MB)"
                         " counting its start-up")
        if "job_seconds" in sp:
            lines.append(row("python -m krnum.spark extract (whole job)", sp["job_seconds"]))
        for name, t in sp.get("paths", {}).items():
            lines.append(row(f"  path: {name}", t))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=6.0)
    ap.add_argument("--quick", action="store_true", help="300 kB, one pass: a smoke test")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--paths", action="store_true", help="also time the three Arrow paths")
    ap.add_argument("--no-spark", action="store_true")
    ap.add_argument("--json", help="write the raw figures here")
    args = ap.parse_args()
    size = 300_000 if args.quick else int(args.size_mb * MB)
    repeat = 1 if args.quick else args.repeat
    docs = documents(size)
    r: dict[str, Any] = {"docs": len(docs), "chars": sum(map(len, docs)),
                         "bytes": sum(len(d.encode()) for d in docs)}
    with tempfile.TemporaryDirectory(prefix="krnum-bench-") as d:
        tmp = Path(d)
        r["single"] = single(docs, repeat)
        r["jobs2"] = jobs2(docs, tmp, repeat)
        assert r["jobs2"]["amounts"] == r["single"]["amounts"], (r["jobs2"], r["single"])
        if not args.no_spark:
            r["spark"] = spark_bench(docs, tmp, repeat, args.partitions,
                                     [0.125, 0.25, 0.5, 1.0], args.paths)
            write_parquet(docs, tmp / "docs.parquet")
            r["spark"]["job_seconds"] = cli_job(tmp / "docs.parquet", tmp / "job-out")
            assert r["spark"]["amounts"] == r["single"]["amounts"]
    print(report(r))
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""The Spark batch job: texts in (Parquet, JSON Lines or text), one row per amount out (Parquet).

    python -m krnum.spark extract INPUT OUTPUT --text-column body [--id-column id] [--master local[2]]
    spark-submit --master yarn "$(python -c 'import krnum.spark.__main__ as m; print(m.__file__)')" \\
        extract INPUT OUTPUT --text-column body --id-column id

Started by a virtual environment's python, activated or not, the job works in local mode: the
workers run that same python unless ``spark.pyspark.python``/``PYSPARK_PYTHON`` names another.
A driver or worker Python that cannot import krnum ends the job with one line saying which
Python it is and what to do (exit status 1).

The output's columns are ``krnum._schema.spark_amounts_schema``: ``id``, the amount fields
(decimals as exact strings) and ``error``. A document's amounts are consecutive and in text
order. The input is read as Spark splits it, and repartitioned (round robin, deterministic for
a deterministic input) only when it has no more partitions than Spark has cores (then into
twice as many) or when ``--partitions`` asks: the same input and settings give the same rows
in the same files.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from typing import Any

try:
    from krnum.spark import _launch, explode_amounts
except ModuleNotFoundError as err:  # spark-submit ran this file with python3 from PATH
    raise SystemExit(
        f"krnum: the Spark driver's Python, {sys.executable}, cannot import {err.name}: run "
        "spark-submit with --conf spark.pyspark.python=/path/to/env/bin/python (an environment "
        "that has krnum[spark]), or from that environment activated"
    ) from None

_FORMATS = {
    ".parquet": "parquet", ".pq": "parquet",
    ".jsonl": "json", ".ndjson": "json", ".json": "json",
    ".txt": "text", ".text": "text",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    fmt = args.input_format or input_format(args.input)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SystemExit("krnum: the Spark job needs pyspark: pip install 'krnum[spark]'") from None

    builder = SparkSession.builder.appName("krnum extract")
    if args.master:
        builder = builder.master(args.master)
    for item in args.conf:
        key, _, value = item.partition("=")
        builder = builder.config(key, value)
    t0 = time.perf_counter()
    running = SparkSession.getActiveSession()
    spark = builder.getOrCreate()
    try:
        run(spark, args.input, args.output, fmt=fmt, text_column=args.text_column,
            id_column=args.id_column, partitions=args.partitions, mode=args.mode)
    except _launch.WorkerPythonError as err:
        raise SystemExit(str(err)) from None
    except Exception as err:  # a worker without krnum, on a cluster: its one line, not 40
        line = _launch.error_line(err)
        if line is None:
            raise
        raise SystemExit(line) from None
    finally:
        if running is None:  # stop only the session this job started
            spark.stop()
    print(f"krnum: amounts of {args.input} written to {args.output} "
          f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


def run(spark: Any, source: str, output: str, *, fmt: str, text_column: str,
        id_column: str | None = None, partitions: int | None = None,
        mode: str = "errorifexists") -> None:
    """Read ``source``, extract, write Parquet to ``output`` (one row per amount)."""
    df = read(spark, source, fmt, text_column)
    if partitions is None:
        # A small input comes in as few partitions as there are cores or fewer, some of them
        # maybe empty (a Parquet file splits only at its row groups): spread it, so that every
        # core works and no task is much longer than another. A large input is left as read.
        cores = spark.sparkContext.defaultParallelism
        partitions = 2 * cores if df.rdd.getNumPartitions() <= cores else None
    if partitions is not None:
        df = df.repartition(partitions)
    out = explode_amounts(df, text_column, id_column)
    out.write.mode(mode).parquet(output)


def read(spark: Any, source: str, fmt: str, text_column: str) -> Any:
    """The input as a DataFrame; a text file's lines are the texts, in column ``text_column``."""
    if fmt == "parquet":
        return spark.read.parquet(source)
    if fmt == "json":
        return spark.read.json(source)
    if fmt == "text":
        return spark.read.text(source).withColumnRenamed("value", text_column)
    raise ValueError(f"unknown input format {fmt!r}: use parquet, json or text")


def input_format(path: str) -> str:
    """The input format named by the path's extension (a directory: the files inside it)."""
    import os

    name = path.rstrip("/").lower()
    if os.path.isdir(path):
        exts = {os.path.splitext(f)[1].lower() for f in os.listdir(path) if not f.startswith((".", "_"))}
        formats = {_FORMATS[e] for e in exts if e in _FORMATS}
        if len(formats) == 1:
            return formats.pop()
    else:
        for ext, fmt in _FORMATS.items():
            if name.endswith((ext, ext + ".gz", ext + ".bz2", ext + ".zst", ext + ".snappy")):
                return fmt
    raise SystemExit(f"krnum: cannot tell the format of {path!r}; pass --input-format")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m krnum.spark",
                                description="krnum on Apache Spark: extract amounts at scale.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="one row per amount, written as Parquet")
    e.add_argument("input", help="Parquet, JSON Lines or text: a file, a directory or a glob")
    e.add_argument("output", help="the Parquet directory to write")
    e.add_argument("--text-column", required=True, help="the column holding the text")
    e.add_argument("--id-column", help="the document key (default: Spark's monotonically_increasing_id)")
    e.add_argument("--input-format", choices=("parquet", "json", "text"),
                   help="default: by extension (.parquet .jsonl .ndjson .json .txt)")
    e.add_argument("--master", help="e.g. local[2]; default: spark-submit's, else Spark's own")
    e.add_argument("--partitions", type=int,
                   help="repartition the input to N partitions first (default: as read, or "
                        "twice Spark's default parallelism when no more partitions were read)")
    e.add_argument("--mode", default="errorifexists",
                   choices=("errorifexists", "overwrite"), help="when OUTPUT exists")
    e.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="a Spark setting, repeatable (e.g. spark.sql.shuffle.partitions=8)")
    return p


if __name__ == "__main__":
    raise SystemExit(main())

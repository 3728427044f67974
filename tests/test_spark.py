"""krnum.spark in local mode (local[2]): Spark's result equals krnum.extract row by row."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import krnum
from krnum import _schema

pytest.importorskip("pyarrow")
pytest.importorskip("pandas")
pytest.importorskip("pyspark")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java (17): none on PATH or in JAVA_HOME", allow_module_level=True)

import pyarrow as pa
import pyarrow.parquet as pq
from pyspark import cloudpickle
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from test_arrow import SENTENCES

import krnum.spark as ks
from krnum.spark import __main__ as job

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")  # pyspark on pandas 3

# Functions of this module (the failing extractor) travel to the Python workers by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

# the workers and the job run the Python that runs the tests (with krnum installed)
SPARK_ENV = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.default.parallelism": "2",
    "spark.driver.memory": "1g",
    "spark.ui.showConsoleProgress": "false",
    # a short-lived JVM: the quick JIT tier and a simple GC halve Spark's start-up here
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = SparkSession.builder.master("local[2]").appName("krnum-tests")
    for key, value in LOCAL_CONF.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def docs(spark):  # type: ignore[no-untyped-def]
    rows = [(f"d{i:02d}", t) for i, t in enumerate(SENTENCES * 3)]
    return spark.createDataFrame(rows, "id string, body string").repartition(2)


def _expected(text: str | None) -> list[dict]:
    return [a.to_dict() for a in krnum.extract(text or "")]


def test_spark_types_derive_from_the_one_field_list() -> None:
    struct = _schema.spark_amount_struct()
    assert [f.name for f in struct.fields] == list(_schema.FIELD_NAMES)
    assert {f.name: f.dataType.simpleString() for f in struct.fields}["value"] == "string"
    assert [f.name for f in struct.fields if f.nullable] == [
        n for n, _, null in _schema.AMOUNT_FIELDS if null
    ]
    flat = _schema.spark_amounts_schema()
    assert flat.names == _schema.amounts_schema().names


def test_amounts_column_equals_extract_row_by_row(docs) -> None:  # type: ignore[no-untyped-def]
    out = docs.select("id", "body", ks.amounts("body").alias("amounts"))
    assert out.schema["amounts"].dataType == _schema.spark_amounts_type()
    rows = out.collect()
    assert len(rows) == len(SENTENCES) * 3
    for row in rows:
        got = [a.asDict() for a in row.amounts]
        assert got == _expected(row.body), row.id


def test_nulls_and_empty_texts_give_empty_arrays(spark) -> None:  # type: ignore[no-untyped-def]
    df = spark.createDataFrame([(1, None), (2, ""), (3, "위원회 지원"), (4, "5억원")], "id int, t string")
    rows = df.select("id", ks.amounts("t").alias("a")).orderBy("id").collect()
    assert [r.a for r in rows][:3] == [[], [], []]
    assert rows[3].a[0].value == "500000000"


def test_pandas_udf_fallback_gives_the_same_column(docs) -> None:  # type: ignore[no-untyped-def]
    pandas_amounts = ks._pandas_udf()
    a = docs.select("id", ks.amounts("body").alias("a")).orderBy("id").collect()
    b = docs.select("id", pandas_amounts("body").alias("a")).orderBy("id").collect()
    assert a == b


def test_explode_gives_one_row_per_amount_with_the_key(docs) -> None:  # type: ignore[no-untyped-def]
    out = ks.explode_amounts(docs, "body", "id")
    assert out.schema == _schema.spark_amounts_schema(docs.schema["id"].dataType)
    got = sorted((r.asDict() for r in out.collect()), key=lambda r: (r["id"], r["start"]))
    texts = dict(docs.select("id", "body").collect())
    want = [
        {"id": i, **a, "error": None}
        for i in sorted(texts)
        for a in _expected(texts[i])
    ]
    assert got == want


def test_explode_is_deterministic(docs) -> None:  # type: ignore[no-untyped-def]
    first = ks.explode_amounts(docs, "body", "id").collect()
    assert ks.explode_amounts(docs, "body", "id").collect() == first


def test_explode_without_a_key_keeps_integer_ids(spark) -> None:  # type: ignore[no-untyped-def]
    df = spark.createDataFrame([(t,) for t in SENTENCES], "body string")
    rows = ks.explode_amounts(df, "body").collect()
    assert len(rows) == sum(len(_expected(t)) for t in SENTENCES)
    assert all(isinstance(r.id, int) for r in rows)
    per_doc: dict[int, list[str]] = {}
    for r in rows:
        per_doc.setdefault(r.id, []).append(r.text)
    assert sorted(per_doc.values()) == sorted(
        [a["text"] for a in _expected(t)] for t in SENTENCES if _expected(t)
    )


def _flaky(text: str) -> list[krnum.Amount]:
    if "boom" in text:
        raise RuntimeError("boom")
    return krnum.extract(text)


def test_a_failing_row_gets_an_error_and_keeps_its_batch(spark) -> None:  # type: ignore[no-untyped-def]
    df = spark.createDataFrame([(1, "1억원"), (2, "boom 2억원"), (3, "3%")], "id long, t string")
    rows = ks._explode(df.coalesce(1), "t", "id", _flaky).orderBy("id").collect()
    assert [(r.id, r.text, r.error) for r in rows] == [
        (1, "1억원", None), (2, None, "RuntimeError: boom"), (3, "3%", None)
    ]
    lists = df.coalesce(1).select("id", ks._arrow_udf(_flaky)("t").alias("a")).orderBy("id").collect()
    assert [r.a is None for r in lists] == [False, True, False]


def test_a_worker_without_krnum_says_so_in_one_line(spark, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from test_spark_launch import bare_python_in

    python = bare_python_in(tmp_path)
    if python is None:
        pytest.skip("krnum is installed as plain files here, so no Python can be without it")
    # as on a cluster: the workers' Python is another machine's, not checked before the job
    monkeypatch.setattr(spark.sparkContext, "pythonExec", str(python))
    monkeypatch.setattr(ks._launch, "prepare", lambda sc: sc.pythonExec)
    df = spark.createDataFrame([(1, "1억원")], "id long, t string")
    want = f"krnum: the Spark workers' Python, {python}, cannot import krnum: {ks._launch.FIX}"
    for run in (lambda: ks.explode_amounts(df, "t", "id").collect(),
                lambda: df.select(ks.amounts("t")).collect()):
        with pytest.raises(Exception) as err:  # Spark wraps it in its own error type
            run()
        assert ks._launch.error_line(err.value) == want


def test_a_one_megabyte_document(spark) -> None:  # type: ignore[no-untyped-def]
    body = " ".join(t for t in SENTENCES if t)
    text = (body + "\n") * (1_000_000 // len(body.encode()) + 1)
    assert len(text.encode()) >= 1_000_000
    df = spark.createDataFrame([("big", text), ("small", "약 3조5000억원")], "id string, body string")
    rows = dict(df.select("id", ks.amounts("body").alias("a")).collect())
    want = _expected(text)
    assert len(want) > 1000
    assert [a.asDict() for a in rows["big"]] == want
    assert [a.asDict() for a in rows["small"]] == _expected("약 3조5000억원")


def test_exact_decimal(spark) -> None:  # type: ignore[no-untyped-def]
    df = spark.createDataFrame([("120000000",), ("0.123",), (None,), ("9" * 37,)], "v string")
    got = [r.d for r in df.select(ks.exact_decimal("v", 2).alias("d")).collect()]
    assert got == [Decimal("120000000.00"), None, None, None]


def _write_inputs(tmp_path: Path) -> tuple[Path, Path, list[tuple[int, str | None]]]:
    rows = [(i, t) for i, t in enumerate(SENTENCES)]
    parquet = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"id": [i for i, _ in rows], "body": [t for _, t in rows]}), parquet)
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"id": i, "body": t}, ensure_ascii=False) + "\n" for i, t in rows),
        encoding="utf-8",
    )
    return parquet, jsonl, rows


def _check_output(out: Path, rows: list[tuple[int, str | None]]) -> None:
    table = pq.read_table(out)
    assert table.schema.names == _schema.amounts_schema().names
    got = sorted(table.to_pylist(), key=lambda r: (r["id"], r["start"]))
    want = [{"id": i, **a, "error": None} for i, t in rows for a in _expected(t)]
    assert got == want


def test_job_end_to_end_parquet_in_a_new_process(tmp_path: Path) -> None:
    source, _, rows = _write_inputs(tmp_path)
    out = tmp_path / "amounts"
    conf = [arg for k, v in LOCAL_CONF.items() for arg in ("--conf", f"{k}={v}")]
    cmd = [sys.executable, "-m", "krnum.spark", "extract", str(source), str(out),
           "--text-column", "body", "--id-column", "id", "--master", "local[2]", *conf]
    done = subprocess.run(cmd, env=SPARK_ENV, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "written to" in done.stderr
    _check_output(out, rows)


def test_job_end_to_end_jsonl(spark, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _, source, rows = _write_inputs(tmp_path)
    out = tmp_path / "amounts"
    argv = ["extract", str(source), str(out), "--text-column", "body", "--id-column", "id",
            "--partitions", "3"]
    assert job.main(argv) == 0  # joins the running session and leaves it running
    assert "written to" in capsys.readouterr().err
    _check_output(out, rows)
    assert len(list(out.glob("part-*.parquet"))) <= 3
    with pytest.raises(Exception, match="already exists"):
        job.main(argv)
    assert job.main([*argv, "--mode", "overwrite"]) == 0
    _check_output(out, rows)
    assert not spark.sparkContext._jsc.sc().isStopped()


def test_job_run_in_session_reads_text_lines(spark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [t for t in SENTENCES if t and "\n" not in t]
    src = tmp_path / "docs.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "amounts"
    assert job.input_format(str(src)) == "text"
    job.run(spark, str(src), str(out), fmt="text", text_column="body")
    table = pq.read_table(out)
    assert table.num_rows == sum(len(_expected(t)) for t in lines)
    assert sorted(table.column("text").to_pylist()) == sorted(
        a["text"] for t in lines for a in _expected(t)
    )


def test_input_format_by_extension(tmp_path: Path) -> None:
    assert job.input_format("x/docs.parquet") == "parquet"
    assert job.input_format("docs.jsonl.gz") == "json"
    (tmp_path / "part-0.parquet").write_bytes(b"")
    assert job.input_format(str(tmp_path)) == "parquet"
    with pytest.raises(SystemExit, match="--input-format"):
        job.input_format("docs.csv")


def test_amounts_column_in_sql_expressions(docs) -> None:  # type: ignore[no-untyped-def]
    out = (
        docs.select("id", F.explode(ks.amounts("body")).alias("a"))
        .where(F.col("a.kind") == "money")
        .select("id", "a.text", ks.exact_decimal("a.value", 0).alias("won"))
    )
    rows = out.collect()
    values = {a["text"]: a["value"] for t in SENTENCES for a in _expected(t)}
    assert len(rows) > 10
    for r in rows:
        v = values[r.text]
        assert r.won == (None if v is None or "." in v else Decimal(v)), r.text

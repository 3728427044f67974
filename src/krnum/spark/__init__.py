"""krnum on Apache Spark, over Spark's Arrow path (``pip install krnum[spark]``).

``amounts(col)`` turns a string column into an ``array<struct<…>>`` column of amounts (an Arrow
UDF: whole Arrow batches go to Python, never one row at a time); ``explode_amounts(df, …)`` gives
one row per amount with the document key (``mapInArrow``); ``exact_decimal(col, scale)`` turns a
decimal string column into ``decimal(38, scale)`` only where it fits exactly. The schema is
``krnum._schema`` (see docs/scale-out.md); ``python -m krnum.spark extract …`` is the batch job.

Every executor needs krnum (installed, or shipped with ``--archives``/``--py-files``: see
docs/scale-out.md); the workers import it when the first batch comes. In local mode the workers
run this interpreter unless ``spark.pyspark.python``/``PYSPARK_PYTHON`` says otherwise, and a
Python that cannot import krnum is reported in one line before any task (``_launch``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .. import _schema
from . import _launch

__all__ = ["amounts", "exact_decimal", "explode_amounts"]

Extractor = Callable[[str], Sequence[Any]]

#: Texts per Arrow batch on the Python side: small enough that a batch of long documents stays
#: small in memory, large enough that the per-batch cost (a few ms) is noise.
ARROW_BATCH_RECORDS = 1000


def amounts(col: Any) -> Any:
    """An ``array<struct<…>>`` column with the amounts of each text of ``col``, in text order.

    Fields and types: ``krnum._schema.AMOUNT_FIELDS``; decimals are exact plain strings. A
    null or empty text gives an empty array; a text whose extraction raised (``krnum.extract``
    never raises, so this must not happen) gives a null array. ``col``: a Column or its name.
    """
    return _amounts_udf()(col)


def explode_amounts(df: Any, text_col: str, id_col: str | None = None) -> Any:
    """One row per amount: ``id`` (the ``id_col`` value, of its type), the amount fields, and
    ``error`` (null unless extraction raised for that row, when the row has its key, null amount
    fields and the message; the rest of the batch is kept). Rows keep the input's order, and
    each document's amounts are in text order. Without ``id_col`` the key is Spark's
    ``monotonically_increasing_id()``: stable only for the same input files and partitioning.
    """
    return _explode(df, text_col, id_col)


def exact_decimal(col: Any, scale: int) -> Any:
    """``decimal(38, scale)`` of a decimal string column, null where it would not fit exactly.

    A plain ``cast`` rounds extra fractional digits silently (and fails under ANSI mode on
    overflow); this keeps the rule of ``krnum._schema.decimal_fits``: exact or null.
    """
    from pyspark.sql import functions as F

    c = F.col(col) if isinstance(col, str) else col
    fits = c.rlike(_schema.decimal_regex(scale))
    return F.when(fits, c.cast(f"decimal({_schema.DECIMAL_PRECISION},{scale})"))


# --- implementation ----------------------------------------------------------------------


def _explode(
    df: Any, text_col: str, id_col: str | None, extract_fn: Extractor | None = None
) -> Any:
    """``explode_amounts`` with an optional extractor (tests use one that fails)."""
    from pyspark.sql import functions as F

    sc = _launch.context_of(df)
    if sc is not None:
        _launch.prepare(sc)
    if id_col is None:
        key = F.monotonically_increasing_id()
        id_type = None
    else:
        key = F.col(id_col)
        id_type = df.schema[id_col].dataType
    source = df.select(key.alias(_schema.ID), F.col(text_col).alias("_text"))
    schema = _schema.spark_amounts_schema(id_type)
    return source.mapInArrow(_flat_batches(extract_fn), schema)


# The functions below run on the workers. They reach krnum only through ``load`` (and
# ``extract_fn``, None for krnum's own), so that a worker without krnum says so in one line.


def _flat_batches(extract_fn: Extractor | None) -> Callable[[Iterator[Any]], Iterator[Any]]:
    load = _launch.worker_import()
    records = ARROW_BATCH_RECORDS
    how = {} if extract_fn is None else {"extract_fn": extract_fn}

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        ka = load()
        for batch in batches:
            for start in range(0, batch.num_rows, records):
                part = batch.slice(start, records)
                out = ka.flat_batch(part.column(0), part.column(1).to_pylist(), **how)
                if out.num_rows:
                    yield out

    return run


# one UDF per workers' Python: Spark fixes the interpreter when a UDF is first applied
_UDF: dict[str | None, Any] = {}


def _amounts_udf() -> Any:
    sc = _launch.active_context()
    python = None if sc is None else _launch.prepare(sc)
    if python not in _UDF:
        _UDF[python] = _arrow_udf() or _pandas_udf()
    return _UDF[python]


def _arrow_udf(extract_fn: Extractor | None = None) -> Any:
    """The Arrow UDF (pyspark >= 4.1): ``pyarrow.Array`` in, ``list<struct>`` array out."""
    try:
        from pyspark.sql.pandas.functions import arrow_udf
    except ImportError:  # pyspark 4.0
        return None
    import pyarrow as pa

    load = _launch.worker_import()
    how = {} if extract_fn is None else {"extract_fn": extract_fn}

    def krnum_amounts(texts: Any) -> Any:
        return load().amounts_array(texts, **how)

    # pyspark infers the UDF kind from real (not stringified) annotations
    krnum_amounts.__annotations__ = {"texts": pa.Array, "return": pa.Array}
    make: Any = arrow_udf
    return make(krnum_amounts, _schema.spark_amounts_type())


def _pandas_udf(extract_fn: Extractor | None = None) -> Any:
    """The Arrow-backed pandas UDF (pyspark 4.0): a Series of texts in, a Series of lists out."""
    import pandas as pd
    from pyspark.sql.pandas.functions import pandas_udf

    load = _launch.worker_import()
    how = {} if extract_fn is None else {"extract_fn": extract_fn}

    def krnum_amounts(texts: Any) -> Any:
        import pandas as pd

        values = [t if isinstance(t, str) else None for t in texts]
        lists = load().amounts_array(values, **how).to_pylist()
        return pd.Series(lists, index=texts.index)

    krnum_amounts.__annotations__ = {"texts": pd.Series, "return": pd.Series}
    make: Any = pandas_udf
    return make(krnum_amounts, _schema.spark_amounts_type())

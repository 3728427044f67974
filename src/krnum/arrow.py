"""krnum on Apache Arrow: many texts in, one table of amounts out (``pip install krnum[arrow]``).

>>> import krnum.arrow
>>> table = krnum.arrow.extract(["매출 1억2000만 달러", None, "영업이익 3.5% 증가"], ids=["a", "b", "c"])
>>> table.select(["id", "text", "value", "currency", "unit"]).to_pylist()[0]
{'id': 'a', 'text': '1억2000만 달러', 'value': '120000000', 'currency': 'USD', 'unit': None}
>>> table.num_rows
2

The table's schema is ``krnum._schema.amounts_schema``: the row key ``id``, the fields of
``Amount.to_dict()`` (decimals as exact strings) and ``error``. ``table.to_pandas()`` serves
pandas users. The same batch functions run inside Spark (``krnum.spark``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import islice
from typing import Any

from . import _schema
from ._amount import Amount, plain
from ._extract import extract as _krnum_extract

__all__ = ["amounts_array", "extract", "extract_batches"]

DEFAULT_BATCH_SIZE = 1000
Extractor = Callable[[Any], Sequence[Any]]


def extract(
    texts: Any,
    ids: Any = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    decimal_scale: int | None = None,
) -> Any:
    """Every amount in ``texts`` as a ``pyarrow.Table``, one row per amount, in text order.

    ``texts``: a list (or any iterable) of ``str``/None, a ``pyarrow`` string array or
    ChunkedArray, or a pandas Series. None, missing and empty texts give no rows.
    ``ids``: one key per text (integers or strings, kept as int64 or string); by default
    the text's position, counted from 0. ``decimal_scale``: also add ``value_decimal``,
    ``low_decimal`` and ``high_decimal`` columns of ``decimal128(38, decimal_scale)``, filled
    only where the figure fits exactly (never rounded); the string columns stay exact always.
    """
    import pyarrow as pa

    ids = None if ids is None else _as_arrow(ids)
    batches = list(extract_batches(texts, ids, batch_size=batch_size, decimal_scale=decimal_scale))
    if batches:
        return pa.Table.from_batches(batches)
    id_type = None if ids is None else ids.type
    return _schema.amounts_schema(id_type, decimal_scale=decimal_scale).empty_table()


def extract_batches(
    texts: Any,
    ids: Any = None,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    decimal_scale: int | None = None,
) -> Iterator[Any]:
    """Like ``extract`` but lazily: one ``pyarrow.RecordBatch`` per ``batch_size`` texts.

    A batch whose texts hold no amount is skipped, so memory stays bounded by one batch.
    """
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    id_array = None if ids is None else _as_arrow(ids)
    id_type = None if id_array is None else _schema.id_arrow_type(id_array.type)
    id_chunks = None if id_array is None else _chunks(id_array, batch_size)
    position = 0
    for chunk in _chunks(texts, batch_size):
        if id_chunks is None:
            chunk_ids: list[Any] = list(range(position, position + len(chunk)))
        else:
            chunk_ids = next(id_chunks, [])
            if len(chunk_ids) != len(chunk):
                raise ValueError("ids and texts differ in length")
        position += len(chunk)
        batch = flat_batch(chunk_ids, chunk, id_type=id_type, decimal_scale=decimal_scale)
        if batch.num_rows:
            yield batch
    if id_array is not None and position != len(id_array):
        raise ValueError("ids and texts differ in length")


def flat_batch(
    ids: Any,
    texts: Sequence[Any],
    *,
    id_type: Any = None,
    decimal_scale: int | None = None,
    extract_fn: Extractor = _krnum_extract,
) -> Any:
    """One ``RecordBatch`` of the flat schema for parallel keys and texts.

    ``ids``: a sequence of keys (typed ``id_type``: int64 by default), or a ``pyarrow`` Array
    whose type is kept as it is. A text whose extraction raises (``krnum.extract`` must not)
    gives one row with its key, null amount fields and the exception in ``error``; the rest of
    the batch is kept.
    """
    import pyarrow as pa

    counts, found, errors = _run(texts, extract_fn)
    index: list[int] = []
    for i, n in enumerate(counts):
        if n:
            index.extend([i] * abs(n))
    columns = _columns(found)
    error_col: list[str | None] = [None] * len(found)
    if errors:  # rare: one row per failed text, in its place, with null amount fields
        at = 0
        for i, n in enumerate(counts):
            if n < 0:
                for col in columns.values():
                    col.insert(at, None)
                error_col.insert(at, errors[i])
            at += abs(n)
    schema = _schema.amounts_schema(id_type, decimal_scale=decimal_scale)
    if isinstance(ids, pa.Array):
        key = ids.take(pa.array(index, type=pa.int64()))
        schema = schema.set(0, pa.field(_schema.ID, ids.type))
    else:
        key = pa.array([ids[i] for i in index], type=schema.field(0).type)
    arrays = [key]
    arrays += [pa.array(columns[n], type=schema.field(n).type) for n in _schema.FIELD_NAMES]
    if decimal_scale is not None:
        for name in _schema.DECIMAL_FIELDS:
            dtype = schema.field(f"{name}_decimal").type
            arrays.append(pa.array([_decimal(v, decimal_scale) for v in columns[name]], type=dtype))
    arrays.append(pa.array(error_col, type=pa.string()))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def amounts_array(texts: Any, *, extract_fn: Extractor = _krnum_extract) -> Any:
    """A ``list<struct>`` array with the amounts of each text of a string array, in order.

    Null and empty texts give an empty list; a text whose extraction raises gives a null list.
    Accepts a ``pyarrow`` Array or ChunkedArray, or a sequence of str/None.
    """
    import pyarrow as pa

    values = texts.to_pylist() if hasattr(texts, "to_pylist") else list(texts)
    counts, found, _ = _run(values, extract_fn)
    offsets = [0]
    for n in counts:
        offsets.append(offsets[-1] + max(n, 0))
    struct_type = _schema.amount_struct()
    columns = _columns(found)
    fields = [pa.array(columns[f.name], type=f.type) for f in struct_type]
    structs = pa.StructArray.from_arrays(fields, fields=list(struct_type))
    mask = pa.array([n < 0 for n in counts], type=pa.bool_()) if min(counts, default=0) < 0 else None
    return pa.ListArray.from_arrays(
        pa.array(offsets, type=pa.int32()), structs, type=_schema.amounts_list_type(), mask=mask
    )


def _run(
    texts: Iterable[Any], extract_fn: Extractor
) -> tuple[list[int], list[Amount], dict[int, str]]:
    """Extract each text: amounts per text (-1 on failure), all amounts, failures by index."""
    counts: list[int] = []
    found: list[Amount] = []
    errors: dict[int, str] = {}
    for i, text in enumerate(texts):
        if not isinstance(text, str) or not text:
            counts.append(0)
            continue
        try:
            amounts = list(extract_fn(text))
            for a in amounts:
                if not isinstance(a, Amount):
                    raise TypeError(f"the extractor returned {type(a).__name__}, not Amount")
        except Exception as e:  # noqa: BLE001 - report the row, keep the batch
            counts.append(-1)
            errors[i] = f"{type(e).__name__}: {e}"
            continue
        counts.append(len(amounts))
        found.extend(amounts)
    return counts, found, errors


def _columns(found: list[Amount]) -> dict[str, list[Any]]:
    """The fields of ``Amount.to_dict()`` column by column, with its values (the same
    ``kind`` property and ``plain`` decimal strings), for every amount of ``found``.

    Built by column rather than through one dict per amount: three times faster, and the
    tests hold it equal to ``to_dict()``.
    """
    values = [a.value for a in found]
    plain_values = [plain(v) for v in values]

    def bound(name: str) -> list[str | None]:
        # a bound equal to the value has the value's plain string (canonical form is unique)
        return [p if b == v else plain(b)
                for p, v, b in zip(plain_values, values, [getattr(a, name) for a in found])]

    columns: dict[str, list[Any]] = {
        "text": [a.text for a in found],
        "start": [a.start for a in found],
        "end": [a.end for a in found],
        "kind": [a.kind for a in found],
        "value": plain_values,
        "low": bound("low"),
        "high": bound("high"),
        "low_inclusive": [a.low_inclusive for a in found],
        "high_inclusive": [a.high_inclusive for a in found],
        "currency": [a.currency for a in found],
        "unit": [a.unit for a in found],
        "approximate": [a.approximate for a in found],
    }
    assert tuple(columns) == _schema.FIELD_NAMES
    return columns


def _decimal(s: str | None, scale: int) -> Decimal | None:
    return Decimal(s) if s is not None and _schema.decimal_fits(s, scale) else None


def _as_arrow(values: Any) -> Any:
    import pyarrow as pa

    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        return values
    if _is_pandas(values):
        return pa.Array.from_pandas(values)
    return pa.array(list(values))


def _is_pandas(values: Any) -> bool:
    return type(values).__module__.startswith("pandas") and hasattr(values, "iloc")


def _chunks(values: Any, size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most ``size`` Python values; missing values become None."""
    import pyarrow as pa

    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        for start in range(0, len(values), size):
            yield values.slice(start, size).to_pylist()
        return
    if _is_pandas(values):
        for start in range(0, len(values), size):
            part = values.iloc[start : start + size]
            yield [None if _missing(v) else v for v in part.tolist()]
        return
    it = iter(values)
    while chunk := list(islice(it, size)):
        yield chunk


def _missing(v: Any) -> bool:
    """None, NaN, pd.NA and pd.NaT: what pandas uses for a missing text."""
    return v is None or (isinstance(v, float) and math.isnan(v)) or type(v).__name__ in (
        "NAType", "NaTType")

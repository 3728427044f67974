"""The one tabular schema for amounts, for every table engine (Arrow, pandas, Spark, Parquet).

The field list is data, defined once here; the pyarrow schema and the Spark ``StructType`` are
both derived from it, lazily, so that ``import krnum`` never needs pyarrow or pyspark.

* ``AMOUNT_FIELDS``: the fields of ``Amount.to_dict()``, in its key order, with their types. The
  decimals ``value``, ``low`` and ``high`` are exact plain strings (no exponent, never a float):
  krnum's figures carry up to 60 significant digits, more than any ``decimal128`` holds.
* ``amount_struct()``: one amount, as the element of a ``list<struct>`` column (Spark
  ``array<struct>``). Its nullability is the Amount's: only the decimals, ``currency`` and ``unit``
  may be null.
* ``amounts_schema(id_type)``: the flat table, one row per amount: the row key ``id``, the amount
  fields, and ``error``. Every column is nullable here, because a row whose extraction failed
  (which must not happen) carries its key, null amount fields and the message in ``error``.
* ``decimal_fits(s, scale)`` / ``decimal_regex(scale)``: the one rule for when a decimal string
  fits ``decimal128(38, scale)`` exactly, with no rounding. Outside it, no decimal column is
  filled: the string stays the figure of record.
"""

from __future__ import annotations

import re
from typing import Any

#: (name, logical type, nullable in one amount). Logical types: "string", "int64", "bool".
AMOUNT_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("text", "string", False),
    ("start", "int64", False),
    ("end", "int64", False),
    ("kind", "string", False),
    ("value", "string", True),
    ("low", "string", True),
    ("high", "string", True),
    ("low_inclusive", "bool", False),
    ("high_inclusive", "bool", False),
    ("currency", "string", True),
    ("unit", "string", True),
    ("approximate", "bool", False),
)
FIELD_NAMES: tuple[str, ...] = tuple(name for name, _, _ in AMOUNT_FIELDS)
DECIMAL_FIELDS: tuple[str, ...] = ("value", "low", "high")
ID = "id"
ERROR = "error"
#: The widest exact decimal column both Arrow (decimal128) and Spark (DecimalType) hold.
DECIMAL_PRECISION = 38


def _arrow_type(logical: str) -> Any:
    import pyarrow as pa

    return {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_()}[logical]


def amount_struct() -> Any:
    """``pyarrow.struct`` of one amount (the element type of the ``amounts`` list column)."""
    import pyarrow as pa

    return pa.struct(
        [pa.field(n, _arrow_type(t), nullable=null) for n, t, null in AMOUNT_FIELDS]
    )


def amounts_list_type() -> Any:
    """``list<struct>``: the amounts of one document, in text order."""
    import pyarrow as pa

    return pa.list_(pa.field("element", amount_struct(), nullable=False))


def id_arrow_type(id_type: Any) -> Any:
    """Normalise a key type: any integer type becomes int64, any string type becomes string."""
    import pyarrow as pa
    import pyarrow.types as pt

    if pt.is_integer(id_type):
        return pa.int64()
    if pt.is_string(id_type) or pt.is_large_string(id_type) or pt.is_null(id_type):
        return pa.string()
    raise TypeError(f"row keys must be integers or strings, got {id_type}")


def amounts_schema(id_type: Any = None, *, decimal_scale: int | None = None) -> Any:
    """``pyarrow.Schema`` of the flat table: ``id``, the amount fields, [decimals], ``error``.

    ``id_type`` defaults to int64 (row positions). With ``decimal_scale``, ``value_decimal``,
    ``low_decimal`` and ``high_decimal`` of ``decimal128(38, decimal_scale)`` follow the fields;
    they are null where the string is null or does not fit exactly (see ``decimal_fits``).
    """
    import pyarrow as pa

    fields = [pa.field(ID, pa.int64() if id_type is None else id_arrow_type(id_type))]
    fields += [pa.field(n, _arrow_type(t)) for n, t, _ in AMOUNT_FIELDS]
    if decimal_scale is not None:
        dt = pa.decimal128(DECIMAL_PRECISION, _check_scale(decimal_scale))
        fields += [pa.field(f"{n}_decimal", dt) for n in DECIMAL_FIELDS]
    fields.append(pa.field(ERROR, pa.string()))
    return pa.schema(fields)


def _check_scale(scale: int) -> int:
    if not isinstance(scale, int) or isinstance(scale, bool) or not 0 <= scale <= 38:
        raise ValueError(f"decimal scale must be an int in 0..38, got {scale!r}")
    return scale


def decimal_regex(scale: int) -> str:
    """A regex (Python and Java syntax alike) matching exactly the plain decimal strings that
    ``decimal(38, scale)`` holds with no rounding: at most ``38 - scale`` integer digits and at
    most ``scale`` fractional digits. krnum writes no leading zeros, so digits are significant.
    """
    whole = DECIMAL_PRECISION - _check_scale(scale)
    frac = rf"(\.[0-9]{{1,{scale}}})?" if scale else ""
    return rf"^-?[0-9]{{1,{max(whole, 1)}}}{frac}$" if whole else rf"^-?0{frac}$"


_FITS: dict[int, re.Pattern[str]] = {}


def decimal_fits(s: str, scale: int) -> bool:
    """True when the plain decimal string ``s`` fits ``decimal128(38, scale)`` exactly."""
    pattern = _FITS.get(scale)
    if pattern is None:
        pattern = _FITS[scale] = re.compile(decimal_regex(scale), re.ASCII)
    return pattern.match(s) is not None


# --- Spark, derived from the same field list ------------------------------------------------


def _spark_type(logical: str) -> Any:
    from pyspark.sql import types as T

    return {"string": T.StringType(), "int64": T.LongType(), "bool": T.BooleanType()}[logical]


def spark_amount_struct() -> Any:
    """Spark ``StructType`` of one amount (element of the ``array<struct>`` column)."""
    from pyspark.sql import types as T

    return T.StructType(
        [T.StructField(n, _spark_type(t), nullable=null) for n, t, null in AMOUNT_FIELDS]
    )


def spark_amounts_type() -> Any:
    """Spark ``array<struct<…>>``: the amounts of one document."""
    from pyspark.sql import types as T

    return T.ArrayType(spark_amount_struct(), containsNull=False)


def spark_amounts_schema(id_type: Any = None) -> Any:
    """Spark schema of the flat table: ``id`` (the key's type as given, else long), the amount
    fields, ``error``."""
    from pyspark.sql import types as T

    fields = [T.StructField(ID, T.LongType() if id_type is None else id_type, True)]
    fields += [T.StructField(n, _spark_type(t), True) for n, t, _ in AMOUNT_FIELDS]
    fields.append(T.StructField(ERROR, T.StringType(), True))
    return T.StructType(fields)

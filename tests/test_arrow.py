"""krnum.arrow and the one amounts schema: the table equals krnum.extract row by row."""

from __future__ import annotations

import doctest
import subprocess
import sys
from decimal import Decimal

import pytest

import krnum
from krnum import _schema

pa = pytest.importorskip("pyarrow")
ka = pytest.importorskip("krnum.arrow")

# Our own sentences: money, myriads, hedges, bounds, ranges, magnitudes, percent, counters,
# English scales, negatives, a table under a unit header, and text with no amount at all.
SENTENCES: list[str | None] = [
    "한빛전자는 3분기 영업이익이 2.7조원으로 전년 대비 12.5% 늘었다고 밝혔다.",
    "회사는 약 1억2000만 달러(약 1658억원)를 들여 미국 공장을 짓는다.",
    "신규 투자 규모는 3000억~4000억원 수준이며 500억원 이상은 이사회 의결이 필요하다.",
    "시장 규모는 수십억 달러대로 커졌고 매출은 두 자릿수 성장이 예상된다.",
    "기준금리는 연 3.25%에서 25bp 내려 3.0%가 됐고 코스피는 35.21포인트 내렸다.",
    "자사주 120만주를 소각하고 직원 1,200여명에게 1인당 500만 원을 지급한다.",
    "유럽 법인은 €870m, 즉 25.8M유로 규모의 채권을 USD 1.20~1.25bn 범위에서 발행했다.",
    "순이익은 △1,234억원으로 적자 전환했고 마이너스 0.5% 성장에 그쳤다.",
    "(단위: 억원)\n구분 2023년 2024년\n매출액 1,234 1,456\n영업이익 321 345\n",
    "위원회는 만약의 사태에 대비해 조정안을 검토하기로 했다.",
    "0.123%의 수수료율과 1경2000조원이라는 숫자는 예시일 뿐이다.",
    "",
    None,
]


def _flat(texts: list[str | None], ids: list) -> list[dict]:
    """What the flat table must hold: id + to_dict() per amount, error None."""
    return [
        {"id": i, **a.to_dict(), "error": None}
        for i, t in zip(ids, texts)
        for a in krnum.extract(t or "")
    ]


def test_fields_are_the_to_dict_keys_in_order() -> None:
    keys = list(krnum.parse("1억원").to_dict())
    assert list(_schema.FIELD_NAMES) == keys
    schema = _schema.amounts_schema()
    assert schema.names == ["id", *keys, "error"]
    assert [f.name for f in _schema.amount_struct()] == keys
    types = {f.name: str(f.type) for f in schema}
    assert {types[n] for n in ("value", "low", "high")} == {"string"}
    assert not any("float" in t or "double" in t for t in types.values())


def test_table_equals_extract_row_by_row() -> None:
    table = ka.extract(SENTENCES)
    assert table.schema == _schema.amounts_schema()
    assert table.to_pylist() == _flat(SENTENCES, list(range(len(SENTENCES))))
    assert table.num_rows > 20


@pytest.mark.parametrize("batch_size", [1, 2, 5, 1000])
def test_batches_do_not_change_the_result(batch_size: int) -> None:
    ids = [f"doc-{i}" for i in range(len(SENTENCES))]
    table = ka.extract(SENTENCES, ids, batch_size=batch_size)
    assert table.schema.field("id").type == pa.string()
    assert table.to_pylist() == _flat(SENTENCES, ids)


def test_extract_batches_is_lazy_and_skips_empty_batches() -> None:
    batches = ka.extract_batches(iter(SENTENCES), batch_size=1)
    first = next(batches)
    assert first.num_rows == len(krnum.extract(SENTENCES[0]))
    rest = list(batches)
    assert len(rest) == sum(1 for t in SENTENCES[1:] if krnum.extract(t or ""))


def test_pyarrow_and_chunked_inputs() -> None:
    want = _flat(SENTENCES, list(range(len(SENTENCES))))
    arr = pa.array(SENTENCES, type=pa.string())
    assert ka.extract(arr).to_pylist() == want
    large = arr.cast(pa.large_string())
    chunked = pa.chunked_array([large.slice(0, 4), large.slice(4)])
    assert ka.extract(chunked, batch_size=3).to_pylist() == want
    ids = pa.array(range(100, 100 + len(SENTENCES)), type=pa.int32())
    table = ka.extract(arr, ids)
    assert table.schema.field("id").type == pa.int64()
    assert table.to_pylist() == _flat(SENTENCES, list(range(100, 100 + len(SENTENCES))))


def test_pandas_series_and_to_pandas() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(SENTENCES[:-1] + [float("nan")], index=range(10, 10 + len(SENTENCES)))
    table = ka.extract(series, ids=series.index)
    assert table.to_pylist() == _flat(SENTENCES, list(series.index))
    frame = table.to_pandas()
    assert list(frame.columns) == table.schema.names
    assert frame["value"].iloc[0] == "2700000000000"


def test_nulls_and_empty_texts_give_no_rows() -> None:
    table = ka.extract([None, "", "위원회 지원"], ["a", "b", "c"])
    assert table.num_rows == 0
    assert table.schema == _schema.amounts_schema(pa.string())
    assert ka.extract([]).schema == _schema.amounts_schema()


def test_ids_must_match_texts() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        ka.extract(["1억원", "2억원"], ids=[1])
    with pytest.raises(ValueError, match="differ in length"):
        ka.extract(["1억원"], ids=[1, 2])
    with pytest.raises(TypeError, match="integers or strings"):
        ka.extract(["1억원"], ids=[1.5])
    with pytest.raises(ValueError, match="batch_size"):
        ka.extract(["1억원"], batch_size=0)


def test_decimal_columns_only_where_exact() -> None:
    texts = ["매출 1억2000만 달러", "0.123%의 수수료", "3000억~4000억원", "500억원 이상"]
    table = ka.extract(texts, decimal_scale=2)
    rows = table.to_pylist()
    assert str(table.schema.field("value_decimal").type) == "decimal128(38, 2)"
    for row in rows:
        for name in _schema.DECIMAL_FIELDS:
            s, d = row[name], row[f"{name}_decimal"]
            if s is None:
                assert d is None
            elif _schema.decimal_fits(s, 2):
                assert d == Decimal(s)
            else:
                assert d is None  # 0.123 needs scale 3: never rounded to 0.12
    by_text = {r["text"]: r for r in rows}
    assert by_text["0.123%"]["value_decimal"] is None
    assert by_text["3000억~4000억원"]["high_decimal"] == Decimal(400000000000)
    assert by_text["500억원 이상"]["high_decimal"] is None


@pytest.mark.parametrize(
    ("s", "scale", "fits"),
    [
        ("120000000", 0, True),
        ("0.123", 2, False),
        ("0.123", 3, True),
        ("-3.2", 1, True),
        ("9" * 36, 2, True),
        ("9" * 37, 2, False),
        ("1" + "0" * 37, 0, True),
        ("1" + "0" * 38, 0, False),
        ("0.5", 38, True),
        ("1.5", 38, False),
        ("1e5", 0, False),
    ],
)
def test_decimal_fits(s: str, scale: int, fits: bool) -> None:
    assert _schema.decimal_fits(s, scale) is fits
    if fits:
        assert pa.array([Decimal(s)], type=pa.decimal128(38, scale))[0].as_py() == Decimal(s)


def test_decimal_scale_is_checked() -> None:
    with pytest.raises(ValueError, match="scale"):
        _schema.decimal_regex(39)


def _flaky(text: str) -> list[krnum.Amount]:
    if "boom" in text:
        raise RuntimeError("boom")
    return krnum.extract(text)


def test_a_failing_row_is_reported_and_the_batch_kept() -> None:
    texts = ["1억원", "boom 2억원", "3%"]
    batch = ka.flat_batch(pa.array(["a", "b", "c"]), texts, extract_fn=_flaky)
    rows = batch.to_pylist()
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[1]["error"] == "RuntimeError: boom"
    assert all(rows[1][n] is None for n in _schema.FIELD_NAMES)
    assert rows[0] == {"id": "a", **krnum.extract("1억원")[0].to_dict(), "error": None}
    lists = ka.amounts_array(texts, extract_fn=_flaky)
    assert lists.to_pylist() == [
        [a.to_dict() for a in krnum.extract("1억원")], None, [a.to_dict() for a in krnum.extract("3%")]
    ]


def test_amounts_array() -> None:
    arr = ka.amounts_array(pa.array(SENTENCES))
    assert arr.type == _schema.amounts_list_type()
    assert arr.null_count == 0
    assert arr.to_pylist() == [[a.to_dict() for a in krnum.extract(t or "")] for t in SENTENCES]


def test_module_doctest() -> None:
    result = doctest.testmod(ka)
    assert result.attempted and not result.failed


def test_import_krnum_needs_neither_pyarrow_nor_pyspark() -> None:
    code = (
        "import sys\n"
        "for name in ('pyarrow', 'pyspark', 'pandas'):\n"
        "    sys.modules[name] = None\n"
        "import krnum, krnum._schema\n"
        "assert krnum.extract('1억원')[0].to_dict()['value'] == '100000000'\n"
        "assert krnum._schema.FIELD_NAMES[0] == 'text'\n"
        "try:\n"
        "    import krnum.arrow\n"
        "    krnum.arrow.extract(['1억원'])\n"
        "except ImportError:\n"
        "    print('no pyarrow')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "no pyarrow"

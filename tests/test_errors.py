"""parse() refuses what is not one expression, and says where and what it expected."""

from __future__ import annotations

import pickle

import pytest

import krnum

# input, position of the problem
POSITIONS = [
    ("1억억", 2),
    ("3,00만", 4),
    ("1.2.3억", 3),
    ("억만", 1),
    ("1만2억", 3),
    ("3천5천", 3),
    ("320억원을", 5),
    ("12억34567", 3),
    ("이사", 1),
    ("3~", 2),
    ("약", 1),
    ("", 0),
    ("1억 2천만 달러 규모", 10),
    ("abc", 0),
]


@pytest.mark.parametrize(("text", "pos"), POSITIONS, ids=[t or "<empty>" for t, _ in POSITIONS])
def test_error_position(text: str, pos: int) -> None:
    with pytest.raises(krnum.ParseError) as info:
        krnum.parse(text)
    assert info.value.pos == pos, str(info.value)
    assert info.value.text == text


def test_message_has_a_caret_under_the_position() -> None:
    with pytest.raises(krnum.ParseError) as info:
        krnum.parse("1억억원")
    lines = str(info.value).splitlines()
    assert lines[0].startswith("at position 2: expected ")
    assert lines[1].strip() == "1억억원"
    # Hangul takes two columns in a terminal: the caret sits under the second 억
    assert lines[2].index("^") - lines[1].index("1") == 3


def test_parse_error_is_a_value_error_and_pickles() -> None:
    with pytest.raises(ValueError):
        krnum.parse("1억억")
    try:
        krnum.parse("3,00만")
    except krnum.ParseError as e:
        back = pickle.loads(pickle.dumps(e))
        assert (back.text, back.pos, back.expected, str(back)) == (e.text, e.pos, e.expected, str(e))


def test_fraction_without_an_exact_decimal_is_an_error() -> None:
    with pytest.raises(krnum.ParseError, match="exact"):
        krnum.parse("3분의 1")
    assert krnum.parse("8분의 1").value == krnum.parse("0.125").value


def test_too_precise_is_an_error_never_a_rounded_number() -> None:
    digits = "1" * 70
    with pytest.raises(krnum.ParseError):
        krnum.parse(f"{digits}조원")
    assert str(krnum.parse("1" * 40 + "원").value) == "1" * 40


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        krnum.parse(12)  # type: ignore[arg-type]


def test_extract_never_raises_on_what_parse_rejects() -> None:
    for text, _ in POSITIONS:
        assert isinstance(krnum.extract(text), list)


def test_message_of_a_long_input_shows_a_window() -> None:
    text = "가" * 5000 + "1억억"
    with pytest.raises(krnum.ParseError) as info:
        krnum.parse(text)
    assert len(str(info.value)) < 400
    assert info.value.text == text


def test_arrows_stand_outside_the_span_and_plus_inside() -> None:
    for text, value in (("45%↑", "45"), ("▲0.8%", "0.8"), ("3.2%▼", "3.2"), ("+15%", "15")):
        a = krnum.parse(text)
        assert str(a.value) == value and a.text == text.strip("↑▲▼")


def test_format_korean_refuses_what_it_cannot_write() -> None:
    from decimal import Decimal

    for bad in ("abc", "NaN", Decimal("Infinity")):
        with pytest.raises(ValueError):
            krnum.format_korean(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        krnum.format_korean(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        krnum.format_korean(1, style="loud")  # type: ignore[arg-type]

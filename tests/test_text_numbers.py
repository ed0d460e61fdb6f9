"""Numbers as reports write them (mzanalysis.text.numbers)."""
from __future__ import annotations

import pytest

from mzanalysis.text.numbers import find_numbers, parse_number

NUMBERS = [
    ("1350", 1350), ("1 350", 1350), ("1,350", 1350), ("１３５０", 1350), ("2,208,240", 2208240),
    ("6 000万", 60_000_000), ("2.75万", 27_500), ("1.71亿", 171_000_000), ("1947.37万", 19_473_700),
    ("九百", 900), ("十二点五亿", 1_250_000_000), ("一千二百万", 12_000_000), ("两万", 20_000),
    ("三千五百", 3500), ("0.5万", 5000), ("1.1亿", 110_000_000), ("277.46", 277.46),
]


@pytest.mark.parametrize("text,value", NUMBERS)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("text", ["", "元", "一", "12元", "3和4", "abc"])
def test_parse_number_rejects_non_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("text,low,high", [
    ("达到90-160元", 90, 160), ("每月90至160元", 90, 160), ("3~5万元", 30000, 50000),
    ("50到300元", 50, 300)])
def test_ranges(text, low, high):
    (n,) = find_numbers(text)
    assert (n.value, n.value_high) == (low, high)


@pytest.mark.parametrize("text,value", [
    ("发放高龄津贴8000余万元", 80_000_000), ("近1亿元", 100_000_000), ("近一亿元", 100_000_000),
    ("300多人", 300), ("1万余人", 10_000), ("约2.5万元", 25_000)])
def test_approximations(text, value):
    (n,) = find_numbers(text)
    assert n.approximate and n.value == value


def test_exact_numbers_are_not_approximate_and_positions_are_kept():
    text = "城市低保标准达到每人每月400元"
    (n,) = find_numbers(text)
    assert not n.approximate and text[n.start:n.end] == "400"


def test_years_are_not_ranges():
    (n,) = find_numbers("2020-2019年")
    assert n.value_high is None


def test_single_chinese_digits_in_words_are_not_numbers():
    assert find_numbers("一户一策、二是加强") == []

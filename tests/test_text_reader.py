"""The learned reader (mzanalysis.text.reader): amounts the rules leave, read by shipped weights."""
from __future__ import annotations

import json
import math

import pytest

from mzanalysis.text import reader
from mzanalysis.text.extract import extract_records

from .conftest import run_cli

#: A raise that names no programme: the rules need 低保 (or a heading) before they read a figure.
RAISE_WITHOUT_PROGRAMME = "二是提高标准。城市每人每月由520元调至560元,农村每人每年由3600元调至4000元。"


def _said(records):
    return {(r["indicator"], r["area"], r["value"], r["unit"], r["qualifier"]) for r in records}


def test_a_raise_without_a_programme_word_is_read_by_the_learned_reader():
    got = extract_records(RAISE_WITHOUT_PROGRAMME)
    assert _said(got) == {("dibao_standard", "urban", 520.0, "yuan_per_person_month", "old"),
                          ("dibao_standard", "urban", 560.0, "yuan_per_person_month", None),
                          ("dibao_standard", "rural", 3600.0, "yuan_per_person_year", "old"),
                          ("dibao_standard", "rural", 4000.0, "yuan_per_person_year", None)}
    assert all(r["flags"] == ["learned"] for r in got)
    # the rules alone read nothing there
    assert extract_records(RAISE_WITHOUT_PROGRAMME, learned=False) == []


def test_learned_spans_point_into_the_text_as_given():
    text = "二是提高標準。城市每人每月由５２０元調至５６０元。"  # traditional, full-width digits
    got = extract_records(text)
    assert {r["text"] for r in got} == {"５２０元", "５６０元"}
    assert all(text[r["span_start"]:r["span_end"]] == r["text"] for r in got)


def test_a_figure_the_rules_read_is_not_read_again():
    got = extract_records("城市低保标准由每人每月520元提高到560元。")
    assert _said(got) == {("dibao_standard", "urban", 520.0, "yuan_per_person_month", "old"),
                          ("dibao_standard", "urban", 560.0, "yuan_per_person_month", "new")}
    assert not any("learned" in r["flags"] for r in got)


@pytest.mark.parametrize("text", [
    "城市低保边缘户标准,九区从每人每月650元至750元提高到700元至800元;四县(市)从每人每月500元至600元"
    "提高到550元至650元。",                                    # the near-poor line
    "明年城乡低保标准将继续提高,预计城市达到255元/月,农村达到1500元/年。",  # a forecast
    "向1500名90周岁以上的老年人发放从600元至2400元不等的高龄津贴。",          # the ends of a range
])
def test_what_the_labelling_policy_excludes_the_reader_does_not_read(text):
    assert not [r for r in extract_records(text) if "learned" in r["flags"]]


def test_totals_and_counts_are_left_to_the_rules():
    # the reader reads per-person amounts only: a total or a count stays the rules' to read
    assert reader.candidates("全年共支出各项救助资金120万元,救助困难群众3000人,1200户。") == []
    assert [c.unit for c in reader.candidates("农村每人每年由3600元调至4000元。")] == \
        ["yuan_per_person_year"] * 2


def test_a_page_dense_in_amounts_is_read_only_so_far():
    # thousands of per-person amounts are a table or junk: the reader stops after MAX_FIGURES
    page = "每人每月500元," * (reader.MAX_FIGURES * 3)
    assert len(reader.candidates(page)) == reader.MAX_FIGURES
    few = reader.candidates("每人每月500元," * 10)
    assert [c.start for c in reader.candidates(page)[:10]] == [c.start for c in few]


def test_implausible_readings_are_dropped():
    assert not reader.plausible("dibao_standard", 2970, "yuan_per_person_month")
    assert not reader.plausible("tekun_standard", 150, "yuan_per_person_year")
    assert not reader.plausible("other_assistance_expenditure", 500, "yuan")
    assert reader.plausible("dibao_standard", 650, "yuan_per_person_month")


def _tiny_model(threshold=0.5):
    # two known features; columns: indicators (none, dibao_standard), areas (rural, urban), old
    weights = [[0.0, 2.0, 0.0, 1.0, -1.0],   # "a": dibao_standard, urban, not old
               [0.0, -1.0, 1.0, 0.0, 3.0]]   # "b": against dibao_standard, rural, old
    return reader.Model(["a", "b"], weights, [0.0, 0.0, 0.0, 0.0, 0.0],
                        ["none", "dibao_standard"], ["rural", "urban"], threshold)


def test_model_reading_is_a_softmax_over_summed_rows():
    cand = lambda *f: reader.Candidate(1.0, "yuan_per_person_month", 0, 1, list(f))  # noqa: E731
    first, second, third = _tiny_model().read([cand("a", "zzz"), cand(), cand("a", "b")])
    assert (first.indicator, first.area, first.old) == ("dibao_standard", "urban", False)
    assert first.probability == pytest.approx(1 / (1 + math.exp(-2.0)), rel=1e-6)
    # no known feature: the bias alone (a tie goes to the first class)
    assert (second.indicator, second.probability) == ("none", pytest.approx(0.5))
    assert (third.indicator, third.area, third.old) == ("dibao_standard", "rural", True)
    assert third.probability == pytest.approx(1 / (1 + math.exp(-1.0)), rel=1e-6)


def test_model_saves_and_loads(tmp_path):
    path = tmp_path / "w.npz"
    _tiny_model(0.8).save(path)
    back = reader.Model.load(path)
    assert back.index == {"a": 0, "b": 1} and back.threshold == 0.8
    assert back.indicators == ["none", "dibao_standard"] and back.areas == ["rural", "urban"]
    assert back.weights.tolist() == _tiny_model().weights.tolist()  # small integers: exact in float16


def test_without_weights_the_rules_stand_alone(monkeypatch, tmp_path):
    monkeypatch.setattr(reader, "WEIGHTS", tmp_path / "absent.npz")
    reader.model.cache_clear()
    try:
        assert extract_records(RAISE_WITHOUT_PROGRAMME) == []
    finally:
        reader.model.cache_clear()


def test_shipped_weights_load_with_their_threshold():
    m = reader.model()
    assert m is not None and 0.5 <= m.threshold <= 1.0
    assert "none" in m.indicators and "dibao_standard" in m.indicators
    assert m.weights.shape[1] == len(m.indicators) + len(m.areas) + 1


def test_cli_rules_only_leaves_out_the_learned_facts(tmp_path):
    page = tmp_path / "raise.txt"
    page.write_text(RAISE_WITHOUT_PROGRAMME, encoding="utf-8")
    every = run_cli("extract", str(page))
    rules = run_cli("extract", str(page), "--rules-only")
    assert every.returncode == 0 and rules.returncode == 0
    lines = [json.loads(line) for line in every.stdout.splitlines()]
    assert len(lines) == 4 and all(r["flags"] == ["learned"] for r in lines)
    assert rules.stdout == ""


def test_learned_facts_pass_the_fact_schema():
    from mzanalysis.text.extract import extract_facts, to_fact_table

    good, unplaced = to_fact_table(extract_facts(RAISE_WITHOUT_PROGRAMME, region="浙江", year=2020))
    assert len(good) == 4 and unplaced.empty

"""Document region/year from titles, plausibility flags, and the validated fact-table view."""
from __future__ import annotations

import pytest

from mzanalysis.text.docmeta import document_region, document_year, title_of
from mzanalysis.text.extract import extract_facts, to_fact_table
from mzanalysis.text.normalize import normalize


@pytest.mark.parametrize("text,code,year", [
    ("鄂尔多斯市民政局2023年工作总结和2024年工作安排\n正文……", "150600", 2023),
    ("X县民政局2020年度工作总结\n一、基本情况\n同德县民政局共有干部职工15名。", "632522", 2020),
    ("省民政厅202X年工作总结\n正文。", None, None),
    ("当前位置:首页 > 工作动态\n德令哈市民政局2021年上半年工作总结\n正文。", "632802", 2021),
    ("关于民族团结进步创建工作情况\n……2016年海西州民政局被评为先进单位。", "632800", None),
])
def test_region_and_year_from_title_or_first_bureau(text, code, year):
    region = document_region(text)
    assert (region.code if region else None) == code
    assert document_year(text) == year


def test_title_skips_watermarks_and_chrome():
    text = "仅供学习 禁止外传\n某某文库\n某某文库\n某某文库\n某县民政局2019年工作总结\n正文"
    assert title_of(text) == "某县民政局2019年工作总结"


def test_unit_conflict_in_absolute_terms():
    # no urban pair, but a monthly dibao line of 3,100 yuan exists nowhere: it is per year
    df = extract_facts("农村低保标准提高到每人每月3100元。")
    assert df.loc[0, "unit"] == "yuan_per_person_year" and df.loc[0, "flags"] == ["unit_conflict"]


def test_yearly_standard_too_small_is_monthly():
    df = extract_facts("城市低保标准为每人每年260元。")
    assert df.loc[0, "unit"] == "yuan_per_person_month" and "unit_conflict" in df.loc[0, "flags"]


def test_spending_per_recipient_check():
    df = extract_facts("为3100名孤儿发放基本生活费1200元。")
    spend = df[df.indicator == "orphan_expenditure"].iloc[0]
    assert "implausible_value" in spend["flags"]
    ok = extract_facts("为3100名孤儿发放基本生活费4650万元。")
    assert all(flags == [] for flags in ok["flags"])


def test_to_fact_table_validates_and_returns_facts_without_region():
    text = "鄂尔多斯市民政局2023年工作总结\n城市低保标准提高到每人每月950元。\n"
    good, missing = to_fact_table(extract_facts(text, doc="a.txt"))
    assert missing.empty
    row = good.iloc[0]
    start, end = text.index("城市"), text.index("950元") + 4
    assert (row.region_code, row.level, row.year, row.period, row.source, row.source_ref) == (
        "150600", "prefecture", 2023, "2023", "a.txt", f"chars {start}-{end}")
    good, missing = to_fact_table(extract_facts("城市低保标准提高到每人每月950元。", doc="b.txt"))
    assert good.empty and list(missing.doc) == ["b.txt"]
    good, missing = to_fact_table(extract_facts("城市低保标准提高到每人每月950元。", doc="c.txt",
                                                region="青海", year=2019))
    assert list(good.region_code) == ["630000"] and list(good.year) == [2019]


def test_spans_index_the_original_text_with_traditional_and_fullwidth():
    text = "二、城鄉低保\n農村低保標準由年人均２９００元提高到年人均３３００元。"
    df = extract_facts(text)
    assert list(df.value) == [2900.0, 3300.0]
    for row in df.itertuples():
        assert text[row.span_start:row.span_end] == row.text
        assert row.text.endswith(("２９００元", "３３００元"))


def test_phrase_level_conversion_keeps_an_offset_map():
    text = "乾隆年間的頭髮與後來的歷史。城鄉低保標準為每人每月７００元。"
    norm = normalize(text, phrases=True)
    i = norm.text.index("700")
    start, end = norm.span(i, i + 3)
    assert text[start:end] == "７００"
    assert "城乡低保标准" in norm.text

"""Loaders for the tables users bring: wide province × year tables, MCA quarterly tables, fact
tables and whole folders. Bad input fails with the file, row and column; nothing is dropped
silently."""
from __future__ import annotations

from pathlib import Path

import pytest

from mzanalysis.errors import DataError, MzError
from mzanalysis.loaders import (load_facts, load_mca_quarterly, load_panel, load_wide_table)

FIX = Path(__file__).parent / "fixtures" / "data"


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


# -- repository tables, read unchanged from ../shared/data ---------------------------------------

def test_cnmoderndata_urban_recipients(shared):
    facts = load_wide_table(shared / "data" / "cnmoderndata" / "B5.xlsx")
    assert set(facts.indicator) == {"dibao_recipients"} and set(facts.area) == {"urban"}
    assert set(facts.unit) == {"persons"}
    beijing = facts[(facts.region_code == "110000") & (facts.year == 2021)]
    assert beijing.value.tolist() == [pytest.approx(70_800)]   # 7.08 万人
    assert facts.region_code.nunique() == 31
    assert facts.attrs["missing_cells"] > 0                    # empty cells counted, not zeros


def test_cnmoderndata_gdp_title_in_fullwidth_brackets(shared):
    facts = load_wide_table(shared / "data" / "cnmoderndata" / "E4.xlsx")
    assert set(facts.indicator) == {"gdp_per_capita"}
    assert set(facts.unit) == {"yuan_per_person_year"}


def test_nbs_population_export_years_across_english_names(shared):
    facts = load_wide_table(shared / "data" / "nbs_population" / "History_POP.csv")
    assert facts.attrs["orientation"] == "years_across"
    assert set(facts.indicator) == {"population"}
    row = facts[(facts.region == "内蒙古自治区") & (facts.year == 2024)]
    assert len(row) == 1 and row.value.iloc[0] > 1e7           # 万人 multiplied out
    assert facts.region_code.nunique() == 31 and facts.year.nunique() == 20


def test_wrong_unit_label_is_an_error_not_a_silent_rescale(shared):
    # B7 says 万人 over counts of persons (2,473 orphans in Beijing, not 24.7 million)
    with pytest.raises(DataError, match=r"B7\.xlsx.*row \d+, column \d+.*implausible.*'万人'"):
        load_wide_table(shared / "data" / "cnmoderndata" / "B7.xlsx")
    facts = load_wide_table(shared / "data" / "cnmoderndata" / "B7.xlsx", unit="人")
    assert facts[(facts.region_code == "110000") & (facts.year == 2011)].value.tolist() == [2473]


def test_dependency_ratio_and_unemployment_are_in_the_vocabulary(shared):
    a5 = load_wide_table(shared / "data" / "cnmoderndata" / "A5.xlsx")
    assert set(a5.indicator) == {"dependency_ratio"} and set(a5.unit) == {"percent"}


def test_indicator_outside_vocabulary_is_loaded_and_flagged(tmp_path):
    # open vocabulary: a user's 出生率 table is read under its own name, flagged, not skipped
    path = tmp_path / "birth.csv"
    path.write_text("常住人口出生率 %,北京,天津\n2020,6.98,5.99\n2021,6.35,5.30\n",
                    encoding="utf-8")
    facts = load_wide_table(path)
    assert set(facts.indicator) == {"birth_rate"}
    assert facts["flags"].map(lambda f: "unknown_indicator" in f).all()
    assert facts[(facts.region == "天津市") & (facts.year == 2021)].value.item() == 5.30
    panel = load_panel(tmp_path, curated=False)
    assert len(panel[panel.indicator == "birth_rate"]) == 4


# -- wide tables: both orientations, titles, encodings ------------------------------------------

def test_years_down_gb18030_csv_with_title_line(tmp_path):
    path = write(tmp_path, "t.csv", "农村居民最低生活保障人数\n单位:万人,北京,天津\n2020,3.9,6.1\n"
                 "2021,3.6,5.8\n注：数据来源 民政部,,\n", encoding="gb18030")
    facts = load_wide_table(path)
    assert sorted(facts.value) == pytest.approx([36_000, 39_000, 58_000, 61_000])
    assert set(facts.area) == {"rural"}
    assert [r["label"] for r in facts.attrs["skipped_rows"]] == ["注：数据来源 民政部"]


def test_overrides_for_a_title_that_names_nothing(tmp_path):
    path = write(tmp_path, "t.csv", "Province,2020,2021\nQinghai,1.5,2\nGuangxi,3,4\n")
    with pytest.raises(DataError, match="names no known indicator.*pass indicator="):
        load_wide_table(path)
    facts = load_wide_table(path, indicator="dibao_households", unit="万户", area="rural")
    assert facts[facts.region == "青海省"].value.tolist() == [15_000, 20_000]


@pytest.mark.parametrize("text,match", [
    ("城市低保人数 万人,北京,天津,河北,火星省\n2020,1,2,3,4\n",
     r"row 1, column 5: unknown region name '火星省'"),
    ("城市低保人数 万斤,北京,天津\n2020,1,2\n", r"unknown unit '万斤'"),
    ("城市低保人数 万人,北京,天津\n2020,1,2\n二〇二一年,3,4\n",
     r"row 3, column 1: '二〇二一年' in the year column is not a year"),
    ("城市低保人数 万人,北京,天津\n2020,1,2\n2020,3,4\n", r"row 3, column 1: '2020' duplicates row 2"),
    ("城市低保人数 万人,北京,天津\n2020,1,abc\n", r"row 2, column 3: 'abc' is not a number"),
    ("城市低保人数 万人,北京,北京市\n2020,1,2\n", r"row 1, column 3: '北京市' duplicates column 2"),
    ("name,colour\napple,red\n", r"wrong layout"),
])
def test_bad_wide_tables(tmp_path, text, match):
    path = write(tmp_path, "bad.csv", text)
    with pytest.raises(DataError, match=match) as info:
        load_wide_table(path)
    assert "bad.csv" in str(info.value)


# -- MCA quarterly tables ------------------------------------------------------------------------

def test_mca_quarterly_xlsx_one_header_row():
    facts = load_mca_quarterly(FIX / "mca_2019Q4.xlsx")
    assert set(facts.period) == {"2019Q4"} and set(facts.year) == {2019}
    bj = facts[facts.region_code == "110000"].set_index(["indicator", "area", "variant"],
                                                        drop=False)
    assert bj.loc[("dibao_recipients", "urban", None)].value == pytest.approx(76_000)
    assert bj.loc[("dibao_standard", "urban", None)].unit == "yuan_per_person_month"
    assert bj.loc[("dibao_standard", "rural", None)].unit == "yuan_per_person_year"
    assert bj.loc[("disability_subsidy_recipients", "all", "care")].value == pytest.approx(71_000)
    assert bj.loc[("temporary_assistance_recipients", "all", None)].value == pytest.approx(12_000)
    assert (facts.region_code == "000000").sum() > 0
    # '-' is a missing cell: 内蒙古 has no urban tekun figure, and no zero is invented
    nm = facts[(facts.region_code == "150000") & (facts.indicator == "tekun_recipients")]
    assert nm.area.tolist() == ["rural"]
    assert [c["header"] for c in facts.attrs["skipped_columns"]] == ["结婚登记(万对)"]
    assert len(facts.attrs["skipped_rows"]) == 1


def test_mca_quarterly_html_two_row_header_monthly_rural_standard():
    facts = load_mca_quarterly(FIX / "mca_2021Q2.html")
    assert set(facts.period) == {"2021Q2"}
    rural = facts[(facts.indicator == "dibao_standard") & (facts.area == "rural")]
    assert set(rural.unit) == {"yuan_per_person_month"}
    tekun = facts[(facts.indicator == "tekun_recipients") & (facts.region_code == "000000")]
    assert dict(zip(tekun.area, tekun.value)) == {"urban": 326_000, "rural": 4_384_000}
    # the XPCC row is listed as not read, not dropped silently and not an error
    assert [r["label"] for r in facts.attrs["skipped_rows"]] == ["新疆生产建设兵团"]


def _mca_csv_as_html(tmp_path, header, row, title="2020年第三季度 分省数据"):
    html = (f"<html><head><title>{title}</title></head><body><table>"
            f"<tr>{''.join(f'<td>{h}</td>' for h in header)}</tr>"
            f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr></table></body></html>")
    return write(tmp_path, "q.html", html)


@pytest.mark.parametrize("header,row,match", [
    (["地区", "城市低保人数(万人)"], ["火星", "1"], r"row 2, column 1: unknown region '火星'"),
    (["地区", "城市低保人数(万斤)"], ["北京", "1"], r"row 1, column 2: unknown unit '万斤'"),
    (["地区", "城市低保人数"], ["北京", "1"], r"row 1, column 2: header '城市低保人数' states no unit"),
    (["地区", "结婚登记(万对)"], ["北京", "1"], r"q\.html: wrong layout for an MCA quarterly table"),
    (["地区", "低保对象说明"], ["北京", "1"], r"states no unit"),
    (["地区", "城市低保平均标准(元)"], ["北京", "1"], r"does not say per month or per year"),
])
def test_bad_mca_tables(tmp_path, header, row, match):
    with pytest.raises(DataError, match=match):
        load_mca_quarterly(_mca_csv_as_html(tmp_path, header, row))


def test_mca_quarter_must_be_known(tmp_path):
    path = _mca_csv_as_html(tmp_path, ["地区", "城市低保人数(万人)"], ["北京", "1"], title="分省数据")
    with pytest.raises(DataError, match="cannot tell the quarter"):
        load_mca_quarterly(path)
    assert set(load_mca_quarterly(path, period="2020Q3").period) == {"2020Q3"}


# -- fact tables ---------------------------------------------------------------------------------

def test_load_facts_csv_and_parquet_round_trip(tmp_path):
    facts = load_facts(FIX / "facts_small.csv")
    assert len(facts) == 5
    assert facts.loc[1, "flags"] == ["approximate"]
    assert facts.variant.isna().all()
    facts.to_parquet(tmp_path / "f.parquet")
    again = load_facts(tmp_path / "f.parquet")
    assert again.value.tolist() == facts.value.tolist()


@pytest.mark.parametrize("edit,match", [
    (lambda t: t.replace("632522,同德县", "999999,同德县"), r"line 4, column region_code: unknown"),
    (lambda t: t.replace("630000,青海省,province,2021,2021,dibao_standard,urban",
                         "630000,甘肃省,province,2021,2021,dibao_standard,urban"),
     r"line 2, column region: '甘肃省' is not the name of 630000"),
    (lambda t: t + t.splitlines()[1] + "\n", r"duplicated rows \(lines 2, 7\)"),
    (lambda t: t.replace(",2021,2021,dibao_standard,urban", ",二〇二一,2021,dibao_standard,urban"),
     r"line 2, column year: '二〇二一' is not a year"),
    (lambda t: t.replace("yuan_per_person_month,,,test-report,span 10",
                         "yuan_per_fortnight,,,test-report,span 10"), r"line 2, column unit"),
    (lambda t: t.replace(",source_ref\n", "\n", 1), r"missing column\(s\) source_ref"),
])
def test_bad_fact_tables(tmp_path, edit, match):
    text = (FIX / "facts_small.csv").read_text("utf-8")
    path = write(tmp_path, "facts.csv", edit(text))
    with pytest.raises(MzError, match=match):
        load_facts(path)


# -- folders -------------------------------------------------------------------------------------

def test_load_panel_reads_what_it_can_and_reports_the_rest():
    facts, report = load_panel(FIX / "panel", with_report=True, preferred=False)
    status = dict(zip(report.file, report.status))
    assert status["facts_small.csv"] == "read"
    assert status["mca/mca_2019Q4.xlsx"] == "read"
    assert status["urban_income.csv"] == "read"
    assert status["README.md"] == "skipped"
    assert status["unknown_layout.csv"] == "error"
    assert "wrong layout" in report.set_index("file").loc["unknown_layout.csv", "reason"]
    assert status["(embedded curated data)"] == "read"
    assert "结婚登记" in report.set_index("file").loc["mca/mca_2019Q4.xlsx", "reason"]
    # one preferred row per key; the user's table wins over the curated data
    key = ["region_code", "year", "period", "indicator", "area", "variant"]
    pref = facts[facts.preferred]
    assert not pref.assign(variant=pref.variant.fillna("")).duplicated(key).any()
    urban2020 = facts[(facts.region_code == "000000") & (facts.indicator == "dibao_recipients")
                      & (facts.year == 2020) & (facts.area == "urban")]
    assert len(urban2020) == 2 and urban2020[urban2020.preferred].source.tolist() == ["test-report"]
    with pytest.raises(DataError, match="unknown_layout.csv"):
        load_panel(FIX / "panel", strict=True)


def test_load_panel_on_the_shared_folder(shared):
    facts, report = load_panel(shared / "data", with_report=True)
    by_file = report.set_index("file")
    for code in ("B2", "B3", "B5", "B6", "B7", "C1", "C2", "E4", "E5", "A5"):
        assert by_file.loc[f"cnmoderndata/{code}.xlsx", "status"] == "read", code
    assert by_file.loc["nbs_population/History_POP.csv", "status"] == "read"
    assert "already embedded" in by_file.loc["national_series.csv", "reason"]
    assert (report.status != "error").all()
    orphans = facts[facts.indicator == "orphan_recipients"]
    assert orphans.value.max() < 1e6
    assert all("unit_conflict" in f for f in orphans["flags"])

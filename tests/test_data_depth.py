"""Depth of the embedded data (issue 9) and the loaders' checks on misaligned or contradictory
tables (D9): what a user sees without ``--data-dir``, and what a bad input does."""
from __future__ import annotations

import shutil

import pytest

from mzanalysis import indicators as ind
from mzanalysis.errors import DataError, SchemaError
from mzanalysis.loaders import load_curated, load_panel, load_wide_table
from mzanalysis.provenance import OFFICIAL_CLASSES, SOURCE_CLASSES, split_reference
from mzanalysis.regions import regions
from mzanalysis.schema import validate_facts

PROVINCES = [r.code for r in regions(level="province")]


@pytest.fixture(scope="module")
def facts():
    return load_curated()


def test_every_province_has_fourteen_years_of_recipients_and_coverage(facts):
    assert len(PROVINCES) == 31
    pop = ind.select(facts, "population", area=["urban", "rural"], level="province")
    for area in ("urban", "rural"):
        rec = ind.select(facts, "dibao_recipients", area=area, level="province")
        years = rec.groupby("region_code")["year"].nunique()
        assert (years.reindex(PROVINCES).fillna(0) >= 14).all(), area
        cov = ind.coverage_rate(rec, pop)
        cov_years = cov.groupby("region_code")["year"].nunique().reindex(PROVINCES).fillna(0)
        # known gaps: 湖北's urban counts for 2005-2010 and 宁夏's for 2005-2007 and 2009-2010
        # are in no input, and the population series starts in 2005 (12 and 13 years)
        short = set(cov_years[cov_years < 14].index)
        assert short <= ({"420000", "640000"} if area == "urban" else set()), (area, short)
        assert (cov_years >= 12).all()
        # a share of the area's residents: a percentage well below 100
        assert cov["rate"].between(0, 60).all()


def _standard_years(facts):
    """Distinct years with a preferred provincial dibao standard, per province, not counting a
    secondary table's value (kind ``table``: the Hans 2016 table looks like annual sums of
    monthly standards, not a standard in force)."""
    std = facts[(facts.indicator == "dibao_standard") & (facts.level == "province")
                & (facts.standard_kind != "table")]
    return std.groupby("region")["year"].nunique().reindex(
        [r.name for r in regions(level="province")]).fillna(0).astype(int)


def test_twenty_five_provinces_have_standards_for_five_years_with_kinds(facts):
    # issue 9: on the embedded data alone, 25 of 31 provinces show a standard for 5 years or
    # more, secondary-table values excluded (22 did before the provincial supplement)
    years = _standard_years(facts)
    assert (years >= 5).sum() >= 25, years[years < 5].to_dict()
    # the four the cited provincial supplement lifts to five years (data/raw)
    assert (years[["河北省", "安徽省", "江西省", "海南省"]] >= 5).all()
    # 山西 gains 2022 from a news report (China Daily) but stays short of five years
    assert years["山西省"] >= 4
    # 宁夏 had five years from the collectors (2011-2016) and gains 2020 from the supplement
    # (the region-wide standard a 银川 notice cites, blog class): six, 2020 among them
    assert years["宁夏回族自治区"] >= 6
    nx = facts[(facts.indicator == "dibao_standard") & (facts.region == "宁夏回族自治区")]
    assert 2020 in set(nx.year)
    # every province's standard years, secondary-table values counted too: 28 of 31 reach
    # five (湖北, 广西 and 新疆 do not: no cited province-wide figure for another year)
    any_kind = facts[(facts.indicator == "dibao_standard") & (facts.level == "province")]
    n_any = any_kind.groupby("region")["year"].nunique()
    assert (n_any >= 5).sum() >= 28, n_any[n_any < 5].to_dict()
    std = facts[(facts.indicator == "dibao_standard") & (facts.level == "province")]
    assert std["standard_kind"].notna().all()
    # a floor preferred for a key says so in its flags; an average never carries the flag
    floors = std[std.standard_kind == "floor"]
    assert len(floors) and floors["flags"].map(lambda f: "floor_standard" in f).all()
    assert not std[std.standard_kind != "floor"]["flags"].map(lambda f: "floor_standard" in f).any()


def test_the_five_year_margin_without_the_supplements_blog_rows(facts):
    # the supplement's blog-class rows (山西 2025, 江西 2025, 海南 2007, 宁夏 2020: no official or
    # news page with the figure was found) are counted as years but carry the margin above 24
    # provinces; without them 江西 and 海南 fall back to four years, 宁夏 keeps its five
    std = facts[(facts.indicator == "dibao_standard") & (facts.level == "province")
                & (facts.standard_kind != "table")]
    blog = (std.source == "curated:provincial_supplement") & (std.source_class == "blog")
    assert set(std[blog].region) == {"山西省", "江西省", "海南省", "宁夏回族自治区"}
    without = _standard_years(facts.drop(index=std[blog].index))
    assert (without >= 5).sum() >= 24
    assert without[["江西省", "海南省", "宁夏回族自治区"]].tolist() == [4, 4, 5]


def test_a_floor_never_beats_an_average_for_the_same_key():
    every = load_curated(preferred=False)
    std = every[every.indicator == "dibao_standard"].copy()
    key = ["region_code", "year", "period", "area"]
    kinds = std.groupby(key)["standard_kind"].agg(set)
    both = kinds[kinds.map(lambda k: "floor" in k and "average" in k)]
    for k in both.index:
        rows = std.set_index(key).loc[k]
        assert rows[rows.preferred].standard_kind.item() != "floor"


def test_china_brief_has_coverage_for_fifteen_years(facts):
    rec = ind.select(facts, "dibao_recipients", area="rural", regions=["000000"])
    pop = ind.select(facts, "population", area="rural", regions=["000000"])
    cov = ind.coverage_rate(rec, pop)
    assert cov["year"].nunique() >= 15


def test_no_preferred_blog_figure_where_an_official_class_exists():
    every = load_curated(preferred=False)
    every = every.assign(v=every.variant.fillna(""),
                         official=every.source_class.isin(OFFICIAL_CLASSES))
    key = ["region_code", "year", "period", "indicator", "area", "v"]
    has_official = every.groupby(key)["official"].transform("any")
    bad = every[every.preferred & (every.source_class == "blog") & has_official]
    assert bad.empty, bad[key].head()


def test_population_series_is_one_vintage(facts):
    # vintage policy: the revised NBS series (History_POP) throughout; first-published figures
    # are kept under their own variant, never mixed into the default series
    pop = facts[(facts.indicator == "population") & (facts.level == "province")
                & (facts.area == "all") & facts.variant.isna()]
    assert set(pop.source_class) == {"compilation"}
    gd = pop[(pop.region == "广东省") & (pop.year == 2015)].value.item()
    assert gd == pytest.approx(116.78e6, rel=0.01)   # revised (first published: 108.49 million)
    every = load_curated(preferred=False)
    first = every[(every.indicator == "population") & (every.variant == "first_published")]
    assert len(first) > 0


def test_compiled_figures_cite_source_and_route(facts):
    comp = facts[facts.source_class == "compilation"]
    refs = comp[~comp["flags"].map(lambda f: "derived" in f)].source_ref
    assert refs.str.contains(r"github\.com/(?:Haohanblue/cnmoderndata/blob/27909fdd|pik-piam)").all()
    assert refs.str.contains("中经网|国家统计局").all()


def test_sources_table_reference_is_never_a_blog_called_official():
    import pandas as pd

    group = pd.DataFrame({"source_class": ["blog", "official_table", "news"],
                          "preferred": [False, True, False], "value": [1.0, 2.0, 3.0]})
    ref, other, official = split_reference(group)
    assert ref.source_class.tolist() == ["official_table"] and official
    assert sorted(other.source_class) == ["blog", "news"]
    ref, other, official = split_reference(group[group.source_class == "blog"])
    assert not official
    assert SOURCE_CLASSES["compilation"] < SOURCE_CLASSES["news"] < SOURCE_CLASSES["blog"]


# -- bad input stops the build, naming file, line and column; nothing half-written --------------

@pytest.fixture()
def shared_copy(shared, tmp_path):
    out = tmp_path / "data"
    shutil.copytree(shared / "data", out)
    return out


@pytest.mark.parametrize("change,match", [
    (lambda line: line.replace(",2011,", ",1900,", 1), r"line 2, column year: 1900"),
    (lambda line: line.replace("北京市", "北亰市", 1), r"line 2, column province"),
    (lambda line: line.replace("元/人·月", "人", 1), r"line 2, column unit: '人' does not fit"),
    (lambda line: line.replace(",300,", ",-300,", 1), r"line 2, column value"),
    (lambda line: line.replace(",300,", ",", 1), r"line 2: 10 fields where the header has 11"),
])
def test_bad_shared_row_stops_the_build(shared_copy, tmp_path, change, match):
    from mzanalysis.curate import write

    path = shared_copy / "provincial_standards_pages.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = change(lines[1])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "built"
    with pytest.raises(DataError, match=r"provincial_standards_pages\.csv, " + match):
        write(shared_copy, out)
    assert not out.exists() or not any(out.iterdir())


# -- D9: misaligned or contradictory user tables ------------------------------------------------

def test_ragged_row_is_an_error_not_a_shift(shared, tmp_path):
    src = (shared / "data" / "nbs_population" / "History_POP.csv").read_text(encoding="utf-8")
    assert "\nTianjin,1364,1364," in src
    short = tmp_path / "short" / "History_POP.csv"
    short.parent.mkdir()
    short.write_text(src.replace("\nTianjin,1364,1364,", "\nTianjin,1364,", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"History_POP\.csv, row \d+: 20 cells where the header"):
        load_wide_table(short)
    long = tmp_path / "long" / "History_POP.csv"
    long.parent.mkdir()
    long.write_text(src.replace("\nTianjin,1364,1364,", "\nTianjin,9,1364,1364,", 1),
                    encoding="utf-8")
    with pytest.raises(DataError, match=r"row \d+: 22 cells"):
        load_wide_table(long)
    _, report = load_panel(short.parent, with_report=True, curated=False)
    assert report.set_index("file").loc["History_POP.csv", "status"] == "error"


def test_disagreeing_tables_are_flagged_and_reported(shared, tmp_path):
    src = shared / "data" / "nbs_population" / "History_POP.csv"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(src, tmp_path / "a" / "History_POP.csv")
    text = src.read_text(encoding="utf-8").replace("\nTianjin,1364,", "\nTianjin,1500,", 1)
    (tmp_path / "b" / "History_POP.csv").write_text(text, encoding="utf-8")
    facts, report = load_panel(tmp_path, with_report=True, curated=False)
    tj = facts[(facts.region == "天津市") & (facts.year == 2024)]
    assert len(tj) == 1 and "source_conflict" in tj["flags"].item()
    assert "conflict" in set(report.status)
    assert not facts.duplicated(["region_code", "year", "period", "indicator", "area"]).any()


def _fact(**kw):
    import pandas as pd

    row = {"region_code": "630000", "region": "青海省", "level": "province", "year": 2020,
           "period": "2020", "indicator": "dibao_standard", "area": "urban", "variant": None,
           "value": 700.0, "value_high": None, "unit": "yuan_per_person_month", "qualifier": None,
           "flags": [], "source": "mine", "source_ref": "table"}
    row.update(kw)
    return pd.DataFrame([row])


def test_schema_rejects_a_standard_in_persons_and_a_negative_count():
    validate_facts(_fact())
    with pytest.raises(SchemaError, match=r"row 0, column unit: 'persons' does not fit "
                                          "dibao_standard"):
        validate_facts(_fact(unit="persons"))
    with pytest.raises(SchemaError, match=r"row 0, column value: .*cannot be negative"):
        validate_facts(_fact(indicator="dibao_recipients", unit="persons", value=-5e4))
    with pytest.raises(SchemaError, match="not in the vocabulary and not flagged"):
        validate_facts(_fact(indicator="birth_rate", unit="percent"))
    validate_facts(_fact(indicator="birth_rate", unit="percent", flags=["unknown_indicator"]))


def test_one_definition_per_coverage_name(facts):
    # 甘肃 2013: rural recipients over the rural population (coverage) is not rural recipients
    # over everybody (share_of_total_population); the brief, the API and the study share names
    from mzanalysis import studies

    rec = ind.select(facts, "dibao_recipients", area="rural", regions=["620000"], years=[2013])
    pop = ind.select(facts, "population", area=["all", "rural"], regions=["620000"],
                     years=[2013])
    cov = ind.coverage_rate(rec, pop).rate.item()
    share = ind.share_of_total_population(rec, pop).rate.item()
    assert cov > share * 1.3
    panel = studies.coverage_panel(facts).set_index(["region_code", "year"])
    assert panel.loc[("620000", 2013), "coverage_rural"] == pytest.approx(cov, rel=0.01)


def test_reconcile_lists_user_tables_that_disagree_with_the_curated_data(shared, tmp_path):
    from mzanalysis.reconcile import tables_vs_curated

    text = (shared / "data" / "nbs_population" / "History_POP.csv").read_text(encoding="utf-8")
    (tmp_path / "History_POP.csv").write_text(
        text.replace("\nTianjin,1364,", "\nTianjin,1500,", 1), encoding="utf-8")
    table = tables_vs_curated(load_panel(tmp_path, preferred=False))
    assert table[["region", "year", "flag"]].values.tolist() == [["天津市", 2024, "mismatch"]]
    assert table["compared"].item() == 15_000_000 and table["reference"].item() == 13_640_000


def test_mca_quarterly_layout_of_the_readme(tmp_path):
    # layout of 民政统计季报 分省数据 (../shared/data/README.md); the numbers are made up
    import openpyxl

    from mzanalysis.loaders import load_mca_quarterly

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2023年4季度民政统计季报 分省数据"])
    ws.append(["地区", "城市低保人数(万人)", "城市低保户数(万户)", "城市低保平均标准(元/人·月)",
               "农村低保人数(万人)", "农村低保平均标准(元/人·月)", "农村低保平均标准(元/人·年)",
               "农村特困人员救助供养人数(人)", "临时救助(万人次)", "孤儿集中养育(人)", "孤儿社会散居(人)"])
    ws.append(["全国", 664.0, 410.0, 752.3, 3399.0, 517.3, 6208.0, 4300000, 900.0, 50000, 90000])
    ws.append(["河北", 13.0, 8.0, 800.0, 140.0, 530.0, 6360.0, 250000, 20.0, 2000, 6000])
    path = tmp_path / "mca_2023Q4.xlsx"
    wb.save(path)
    facts = load_mca_quarterly(path)
    hb = facts[facts.region == "河北省"]
    hb = hb.assign(v=hb.variant.fillna("")).set_index(["indicator", "area", "v"])
    assert hb.loc[("dibao_recipients", "urban", ""), "value"] == 130_000
    assert hb.loc[("dibao_standard", "rural", ""), "unit"] == "yuan_per_person_month"
    assert hb.loc[("orphan_recipients", "all", "dispersed"), "value"] == 6000
    assert hb.loc[("temporary_assistance_recipients", "all", ""), "value"] == 200_000
    assert not hb.index.duplicated().any()
    ws.cell(row=4, column=7, value=9000.0)   # yearly no longer 12 × monthly
    wb.save(path)
    with pytest.raises(DataError, match=r"does not match column 6"):
        load_mca_quarterly(path)

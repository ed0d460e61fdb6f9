"""The region brief's sections on small hand-built frames, without a kernel: what a reader of the
brief would see (tables, findings, headline, downloads) and what must be left unsaid."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from mzanalysis.briefs import sections as S
from mzanalysis.plots import AREA_COLOURS
from mzanalysis.regions import resolve

NAMES = {"000000": "中国", "110000": "北京市", "120000": "天津市", "130000": "河北省",
         "140000": "山西省", "440000": "广东省", "620000": "甘肃省", "630000": "青海省"}
M, Y = "yuan_per_person_month", "yuan_per_person_year"


@pytest.fixture(autouse=True, scope="module")
def _fonts():
    from mzanalysis.plots import setup

    setup()  # the CJK font the briefs use (no missing-glyph warnings)


def row(code, year, indicator, area, value, unit, *, kind=None, cls="official_table",
        ref=None, preferred=True, period=None):
    return {"region_code": code, "region": NAMES[code],
            "level": "national" if code == "000000" else "province", "year": year,
            "period": period or str(year), "indicator": indicator, "area": area, "variant": None,
            "value": float(value), "value_high": None, "unit": unit, "qualifier": None,
            "flags": [], "source": "test", "source_ref": ref or f"http://example.org/{code}/"
            f"{indicator}/{area}/{year} | quote", "source_class": cls,
            "standard_kind": kind, "preferred": preferred, "conflict": False}


def frame(rows):
    return pd.DataFrame(rows)


@pytest.fixture()
def facts():
    rows = []
    # national averages and a complete CPI (+10 % a year, so real values are easy to check)
    for y, u, r in ((2015, 450, 3000), (2016, 490, 3600), (2017, 540, 4200), (2018, 580, 4800),
                    (2019, 620, 5300), (2020, 680, 6000)):
        rows += [row("000000", y, "dibao_standard", "urban", u, M, kind="average"),
                 row("000000", y, "dibao_standard", "rural", r, Y, kind="average"),
                 row("000000", y, "cpi", "all", 110.0, "index")]
    # Gansu: county mean in 2015, averages, a floor in 2020
    for y, u, r, k in ((2015, 400, 2400, "county_mean"), (2016, 420, 2640, "average"),
                       (2018, 480, 3000, "average"), (2020, 600, 3600, "floor")):
        rows += [row("620000", y, "dibao_standard", "urban", u, M, kind=k),
                 row("620000", y, "dibao_standard", "rural", r, Y, kind=k)]
    # peers: four in 2015 (Gansu 2nd of 5), five in 2020 (Gansu 3rd of 6), three in 2018
    # (with Gansu four regions: too few to rank)
    for code, y2015, y2018, y2020 in (("110000", 710, 1000, 1170), ("120000", 300, 700, 550),
                                      ("130000", 330, None, 590), ("440000", 350, 560, 800),
                                      ("630000", None, None, 560)):
        for y, v in ((2015, y2015), (2018, y2018), (2020, y2020)):
            if v is not None:
                rows.append(row(code, y, "dibao_standard", "urban", v, M, kind="average"))
    # consumption (for the previous year), recipients and population (coverage)
    for y, c in ((2014, 16000), (2015, 17000), (2017, 19000), (2019, 20000)):
        rows.append(row("620000", y, "consumption_expenditure", "urban", c, Y))
    for y, rec, pop_r, pop in ((2016, 3_000_000, 15_000_000, 26_000_000),
                               (2017, 3_300_000, 15_000_000, 26_000_000),
                               (2019, 1_500_000, 14_000_000, 25_000_000)):
        rows += [row("620000", y, "dibao_recipients", "rural", rec, "persons"),
                 row("620000", y, "population", "rural", pop_r, "persons"),
                 row("620000", y, "population", "all", pop, "persons")]
    return frame(rows)


GANSU = resolve("甘肃")
YEARS = (2010, 2024)


def cells(section, key) -> set[str]:
    t = section.table(key)
    assert t is not None, f"no table {key!r} in section {section.key!r}"
    return {str(v) for v in t.frame.to_numpy().ravel()}


def test_standards_show_nominal_real_and_the_kind_of_each_point(facts):
    std = S.standards(facts, GANSU, YEARS)
    t = std.table("standards").frame
    assert t["年份 year"].tolist() == [2015, 2016, 2018, 2020]
    assert t["城市 urban 名义 nominal"].tolist() == ["400", "420", "480", "600"]
    # real = nominal × P_2020 / P_t with the CPI at 110: 400 × 1.1^5 = 644
    assert t["城市 urban 实际 real (2020年价格)"].tolist()[::3] == ["644", "600"]
    assert t["城市 urban 口径 kind"].tolist() == ["县均值 county mean", "全省平均 average",
                                              "全省平均 average", "底线 floor"]
    assert "2016–2018 全省平均" in std.text[0] and "2020 省定最低标准" in std.text[0]
    # rural per year shown per month, with the same kinds
    assert t["农村 rural 名义 nominal"].tolist() == ["200", "220", "250", "300"]
    assert std.headline["dibao_standard_urban"] == 600.0
    assert std.headline["dibao_standard_urban_year"] == 2020
    assert std.headline["by_year"]["dibao_standard_rural"] == {
        "2015": 200.0, "2016": 220.0, "2018": 250.0, "2020": 300.0}
    ratio = std.table("ratio").frame
    assert ratio["城乡比 ratio"].tolist() == ["2.00", "1.91", "1.92", "2.00"]


def test_growth_and_its_finding_say_nominal_real_and_the_change_of_kind(facts):
    std = S.standards(facts, GANSU, YEARS)
    g = {x["area"]: x for x in std.data["growth"]}["urban"]
    assert (g["start"], g["end"], g["points"]) == (2015, 2020, 4)
    assert g["nominal_pct"] == round(((600 / 400) ** (1 / 5) - 1) * 100, 1) == 8.4
    assert g["real_pct"] == round(((600 / 400 / 1.1 ** 5) ** (1 / 5) - 1) * 100, 1)
    found = {f.key: f for f in S.findings(GANSU, standards=std)}
    f = found["growth_urban"]
    assert "2015–2020" in f.zh and "年均名义增长 8.4%" in f.zh and f"实际 {g['real_pct']}%" in f.zh
    assert "口径不同" in f.zh and "different kinds" in f.en
    assert f.table == "growth" and f.numbers["nominal_pct"] in cells(std, "growth")


def test_a_point_from_a_sub_annual_table_says_its_date_and_the_nation_is_not_a_province(facts):
    june = facts.copy()
    pick = (june["region_code"] == "620000") & (june["year"] == 2015)
    june.loc[pick, "period"] = "2015Q2"
    t = S.standards(june, GANSU, YEARS).table("standards").frame
    assert t["城市 urban 口径 kind"].iloc[0] == "县均值 county mean (2015Q2)"
    china = S.standards(facts, resolve("中国"), YEARS)
    assert set(china.table("standards").frame["城市 urban 口径 kind"]) == {
        "全国平均 national average"}


def test_no_growth_sentence_from_too_few_points_and_no_real_growth_without_cpi(facts):
    short = facts[~((facts["region_code"] == "620000") & facts["year"].isin([2016, 2018]))]
    std = S.standards(short, GANSU, YEARS)
    assert std.data["growth"] == [] and std.table("growth") is None
    assert not [f for f in S.findings(GANSU, standards=std) if f.key.startswith("growth")]
    assert any("no average growth" in t for t in std.after)
    no_cpi = facts[facts["indicator"] != "cpi"]
    std = S.standards(no_cpi, GANSU, YEARS)
    assert ("居民消费价格指数 / CPI" in [m[0] for m in std.missing])
    f = {f.key: f for f in S.findings(GANSU, standards=std)}["growth_urban"]
    assert "实际" not in f.zh and "real" not in f.en and "real_pct" not in f.numbers


def test_share_of_consumption_uses_the_previous_year(facts):
    share = S.share_of_consumption(facts, GANSU, YEARS)
    got = {x["year"]: x for x in share.data["share"]}
    # 2016 standard 420 × 12 over 2015 consumption 17 000; 2015 over 2014; 2018 over 2017
    assert got[2016]["share"] == round(420 * 12 / 17000 * 100, 1)
    assert got[2015]["share"] == round(400 * 12 / 16000 * 100, 1)
    assert set(got) == {2015, 2016, 2018, 2020}
    t = share.table("share").frame
    assert t.loc[t["年份 year"] == 2016, "消费年份 consumption year"].item() == 2015
    f = {f.key: f for f in S.findings(GANSU, share=share)}["share_urban"]
    assert f.numbers == {"year": "2020", "share": num_(600 * 12 / 20000 * 100, 1)}
    # consumption only in the same years as the standard: nothing is paired, nothing said
    same = facts[~((facts["indicator"] == "consumption_expenditure")
                   & facts["year"].isin([2014, 2015, 2017, 2019]))]
    same = pd.concat([same, frame([row("620000", 2016, "consumption_expenditure", "urban",
                                       18000, Y)])])
    share = S.share_of_consumption(same, GANSU, YEARS)
    assert share.data["share"] == [] and share.headline == {}
    assert not S.findings(GANSU, share=share)


def num_(x, d):
    return f"{x:,.{d}f}"


def test_rank_over_time_is_among_peers_with_data_that_year(facts):
    peers = S.peers(facts, GANSU, YEARS)
    r = peers.data["ranks"]["urban"]
    # 2016 (Gansu alone) and 2018 (four regions) are too few regions to rank in
    assert r[["year", "rank", "n"]].values.tolist() == [[2015, 2, 5], [2020, 3, 6]]
    assert peers.headline["rank_urban"] == [3, 6]
    t = peers.table("rank").frame
    assert t[["排名 rank", "参与排名的地区 n ranked"]].values.tolist() == [["2", "5"], ["3", "6"]]
    f = {f.key: f for f in S.findings(GANSU, peers=peers)}["rank_urban"]
    # the change of rank is said over the five regions with figures in both years (Qinghai
    # has none in 2015): 2nd of them in 2015, 3rd in 2020
    assert "在 2015 年与 2020 年均有数据的 5 个省份中，城市标准由第 2 位变为第 3 位" in f.zh
    assert peers.table("rank_change").frame.iloc[0].tolist() == ["城市 urban", "2015", "2020",
                                                                 "5", "2", "3"]
    # the rural standard has no peer at all: no rank, no sentence
    assert "rural" not in peers.data["ranks"] and "rank_rural" not in peers.headline
    # a single ranked year: the table has it, the findings say nothing about a change
    one = facts[~((facts["region_code"] == "620000") & (facts["year"] == 2020))]
    peers = S.peers(one, GANSU, YEARS)
    assert len(peers.data["ranks"]["urban"]) == 1
    assert not [f for f in S.findings(GANSU, peers=peers) if f.key.startswith("rank")]
    # the figure is a rank-by-year chart: rank 1 at the top, n at each point
    ax = S.peers(facts, GANSU, YEARS).figure.axes[0]
    assert ax.yaxis_inverted()
    assert {t.get_text() for t in ax.texts} == {"n=5", "n=6"}


def test_no_rank_for_the_nation_or_a_region_with_report_figures_only(facts):
    china = S.peers(facts, resolve("中国"), YEARS)
    assert china.tables == [] and "No peers at the national level" in china.text[0]
    reports = S.peers(facts, GANSU, YEARS, status="reports")
    assert reports.tables == [] and "not ranked against official peers" in reports.text[0]
    assert not S.findings(GANSU, peers=reports)


def test_gap_to_the_national_average(facts):
    peers = S.peers(facts, GANSU, YEARS)
    gap = peers.data["gap"]
    g2020 = gap[(gap["year"] == 2020) & (gap["area"] == "urban")]["gap_pct"].item()
    assert g2020 == round((600 / 680 - 1) * 100, 1) == -11.8
    f = {f.key: f for f in S.findings(GANSU, peers=peers)}["gap_urban"]
    assert "2020 年城市标准低于全国平均 11.8%" == f.zh and "-11.8" in cells(peers, "gap")


def test_coverage_divides_by_the_population_of_the_same_area(facts):
    cov = S.coverage(facts, GANSU, YEARS)
    rates = {(x["area"], x["year"]): x["rate"] for x in cov.data["coverage"]}
    assert rates[("rural", 2016)] == 20.0          # 3.0 M ÷ 15 M rural residents, not ÷ 26 M
    assert rates[("rural", 2019)] == round(1.5 / 14 * 100, 2)
    assert "rural recipients ÷ rural population" in cov.text[0]
    assert cov.headline["by_year"]["coverage_rural"] == {"2016": 20.0, "2017": 22.0,
                                                         "2019": 10.71}
    f = {f.key: f for f in S.findings(GANSU, coverage=cov)}["coverage_rural"]
    assert "农村覆盖率 2016–2019 年下降 9.29 个百分点（20.00% → 10.71%），2017 年最高 22.00%" == f.zh
    assert {"20.00", "10.71", "22.00"} <= cells(cov, "coverage")
    # no spending, no average benefit, no GDP: each said, not computed from nothing
    said = " ".join(cov.after)
    assert "spending per recipient not computable" in said
    assert "share of GDP is not available" in said
    # one year of coverage: no sentence about a change
    one = facts[~((facts["indicator"] == "dibao_recipients") & facts["year"].isin([2016, 2017]))]
    assert not S.findings(GANSU, coverage=S.coverage(one, GANSU, YEARS))


def test_every_number_of_every_finding_is_printed_in_the_table_it_cites(facts):
    secs = {"standards": S.standards(facts, GANSU, YEARS),
            "peers": S.peers(facts, GANSU, YEARS),
            "share": S.share_of_consumption(facts, GANSU, YEARS),
            "coverage": S.coverage(facts, GANSU, YEARS)}
    found = S.findings(GANSU, **secs)
    assert {f.key for f in found} >= {"growth_urban", "growth_rural", "rank_urban", "gap_urban",
                                      "ratio", "share_urban", "coverage_rural"}
    by_table = {t.key: (name, t) for name, s in secs.items() for t in s.tables}
    for f in found:
        name, table = by_table[f.table]
        # each number is a cell of the cited table, or a token of one ("2015–2020", "70.4 万人")
        tokens = set()
        for cell in table.frame.to_numpy().ravel():
            tokens |= {str(cell), *re.split(r"[\s–→/（）()]+", str(cell))}
        for what, value in f.numbers.items():
            assert value in tokens, (f.key, what, value, table.key)
            assert value.lstrip("-") in f.zh, (f.key, what)  # "低于 11.8%" for a gap of -11.8
    text = S.paragraph(found)
    assert text.startswith("**主要发现 / Findings:**") and "（见表“覆盖率”）" in text
    assert "(table: coverage)" in text
    assert "数据不足" in S.paragraph([])


def test_headline_keeps_every_index_key_and_adds_by_year(facts):
    from mzanalysis.briefs.index import INDEX_COLUMNS

    data = S.BriefData(region=GANSU, years=YEARS, every=facts, facts=facts,
                       mine=facts[facts["region_code"] == "620000"],
                       stated=S.Stated(pd.DataFrame()), status="official")
    std, cov = S.standards(facts, GANSU, YEARS), S.coverage(facts, GANSU, YEARS)
    multi = S.multi_source(facts, GANSU, YEARS)
    h = S.headline(data, std, S.peers(facts, GANSU, YEARS), cov, multi)
    for key, _, _, year_key in INDEX_COLUMNS:
        assert key in h and (year_key is None or year_key in h)
    assert set(S.HEADLINE_KEYS) <= set(h)
    assert set(h["by_year"]) == {"dibao_standard_urban", "dibao_standard_rural",
                                 "coverage_urban", "coverage_rural"}
    assert h["by_year"]["dibao_standard_urban"]["2020"] == 600.0
    assert h["by_year"]["coverage_urban"] == {}
    assert h["rank_urban"] == [3, 6] and h["discrepancies"] == 0
    json.dumps(h)  # the sidecar is JSON


def test_downloads_carry_every_plotted_series_with_a_source_url(facts):
    secs = (S.standards(facts, GANSU, YEARS), S.share_of_consumption(facts, GANSU, YEARS),
            S.peers(facts, GANSU, YEARS), S.coverage(facts, GANSU, YEARS))
    p = S.downloads_payload(*secs)
    assert p == S.downloads_payload(*secs)  # deterministic
    assert json.loads(json.dumps(p)) == p
    files = {f["name"]: f for f in p["files"]}
    assert set(files) == {"dibao_standard.csv", "share_of_consumption.csv", "rank_and_gap.csv",
                          "coverage_and_spending.csv"}
    for f in files.values():
        assert re.fullmatch(r"[a-z0-9_]+\.csv", f["name"]) and f["title"]
        assert f["columns"][-1] == "source_url" and "kind" in f["columns"]
        assert all(len(r) == len(f["columns"]) and r[-1] for r in f["rows"])
    std = [dict(zip(files["dibao_standard.csv"]["columns"], r))
           for r in files["dibao_standard.csv"]["rows"]]
    nominal = [r for r in std if r["indicator"] == "dibao_standard" and r["area"] == "urban"]
    assert [(r["year"], r["value"], r["kind"]) for r in nominal] == [
        (2015, 400.0, "county_mean"), (2016, 420.0, "average"), (2018, 480.0, "average"),
        (2020, 600.0, "floor")]
    assert nominal[0]["source_url"] == "http://example.org/620000/dibao_standard/urban/2015"
    assert any(r["indicator"] == "dibao_standard_real" for r in std)
    cov = [dict(zip(files["coverage_and_spending.csv"]["columns"], r))
           for r in files["coverage_and_spending.csv"]["rows"]]
    c = next(r for r in cov if r["indicator"] == "coverage" and r["year"] == 2016)
    assert c["value"] == 20.0 and " ; " in c["source_url"]  # recipients ; population
    bad = S.Section("standards", series=[pd.DataFrame({"year": [2020]})])
    with pytest.raises(ValueError, match="lacks column"):
        S.downloads_payload(bad)


def test_sections_never_modify_the_frames_they_are_given(facts):
    before = facts.copy()
    S.standards(facts, GANSU, YEARS)
    S.share_of_consumption(facts, GANSU, YEARS)
    S.peers(facts, GANSU, YEARS)
    S.coverage(facts, GANSU, YEARS)
    S.multi_source(facts, GANSU, YEARS)
    pd.testing.assert_frame_equal(facts, before)


def test_each_area_has_its_colour_in_every_section_figure(facts):
    figs = [S.standards(facts, GANSU, YEARS).figure,
            S.share_of_consumption(facts, GANSU, YEARS).figure,
            S.peers(facts, GANSU, YEARS).figure, S.coverage(facts, GANSU, YEARS).figure]
    seen = 0
    for fig in figs:
        for ax in fig.axes:
            for line in ax.get_lines():
                label = line.get_label()
                for area, word in (("urban", "城市"), ("rural", "农村")):
                    if word in label:
                        assert line.get_color() == AREA_COLOURS[area], (label, area)
                        seen += 1
    assert seen >= 5


def test_a_blog_is_never_the_official_reference(facts):
    extra = frame([row("620000", 2019, "cpi", "all", 103.3, "index", cls="blog",
                       preferred=True),
                   row("620000", 2019, "cpi", "all", 102.5, "index", cls="news",
                       preferred=False)])
    multi = S.multi_source(pd.concat([facts, extra], ignore_index=True), GANSU, YEARS)
    t = multi.table("multi_source").frame
    assert t["参考来源 reference source"].str.contains("非官方").all()
    assert multi.headline["discrepancies_sources"] == 1


def test_the_notebook_is_thin_and_keeps_its_parameters():
    from mzanalysis.briefs import DEFAULT_NOTEBOOK
    from mzanalysis.briefs.params import notebook_parameters

    nb = json.loads(DEFAULT_NOTEBOOK.read_text("utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    lines = sum(len("".join(c["source"]).strip().splitlines()) for c in code)
    assert lines <= 80, lines
    assert set(notebook_parameters(nb, DEFAULT_NOTEBOOK)) == {
        "region", "start_year", "end_year", "data_dir", "reports_dir", "reports_metadata"}
    tags = [c.get("metadata", {}).get("tags", []) for c in code]
    last = "".join(code[-1]["source"])
    assert "remove-cell" in tags[-1] and "DOWNLOADS_MIME" in last and "HEADLINE_MIME" in last


@pytest.mark.parametrize("name", ["甘肃", "广东"])
def test_embedded_briefs_open_with_findings_printed_in_their_tables(name):
    """On the embedded data the Gansu and Guangdong briefs have findings, each number of which
    is a cell (or a token of one) of the table the sentence cites."""
    data = S.load_brief(name, 2005, 2024)
    secs = {"standards": S.standards(data.facts, data.region, data.years),
            "peers": S.peers(data.facts, data.region, data.years, status=data.status),
            "share": S.share_of_consumption(data.facts, data.region, data.years),
            "coverage": S.coverage(data.facts, data.region, data.years)}
    found = S.findings(data.region, **secs)
    assert {f.key.split("_")[0] for f in found} >= {"growth", "rank", "coverage"}
    tables = {t.key: t for s in secs.values() for t in s.tables}
    for f in found:
        tokens = set()
        for cell in tables[f.table].frame.to_numpy().ravel():
            tokens |= {str(cell), *re.split(r"[\s–→/（）()]+", str(cell))}
        assert set(f.numbers.values()) <= tokens, (f.key, f.numbers)

"""Indicators on small hand-built fact tables: formulas, and clear errors for bad input."""
from __future__ import annotations

import math

import numpy as np
import pytest

from mzanalysis import indicators as ind
from mzanalysis.errors import MzError
from tests.indicator_frames import facts

M, Y = "yuan_per_person_month", "yuan_per_person_year"


def test_annualise_mixes_monthly_and_yearly_rural_standards():
    # MCA: rural 143.2 元/月 in 2011, 2067.8 元/年 in 2012.
    s = ind.select(facts([("000000", 2011, "dibao_standard", "rural", 143.2, M),
                          ("000000", 2012, "dibao_standard", "rural", 2067.8, Y)]),
                   "dibao_standard", area="rural")
    a = ind.annualise_standard(s)
    assert a["value"].tolist() == pytest.approx([1718.4, 2067.8])
    assert set(a["unit"]) == {Y}
    g = ind.nominal_growth(a)
    assert g["growth_pct"].iloc[0] == pytest.approx((2067.8 / 1718.4 - 1) * 100)


def test_growth_refuses_mixed_units_and_gaps():
    s = ind.select(facts([("000000", 2011, "dibao_standard", "rural", 143.2, M),
                          ("000000", 2012, "dibao_standard", "rural", 2067.8, Y)]),
                   "dibao_standard")
    with pytest.raises(ind.UnitError, match="mixed units"):
        ind.nominal_growth(s)
    gap = ind.select(facts([("110000", 2010, "dibao_standard", "urban", 100, M),
                            ("110000", 2013, "dibao_standard", "urban", 133.1, M)]),
                     "dibao_standard")
    with pytest.raises(ind.MissingYearError, match=r"北京市.*\[2011, 2012\]"):
        ind.nominal_growth(gap)
    bridged = ind.nominal_growth(gap, allow_gaps=True)
    assert bridged["growth_pct"].iloc[0] == pytest.approx(10.0)
    assert bridged["years_spanned"].iloc[0] == 3


def test_select_refuses_two_sources_for_one_region_year_and_prefers_annual():
    f = facts([("000000", 2012, "dibao_recipients", "urban", 21435000, "persons"),
               ("000000", 2012, "dibao_recipients", "urban", 21425000, "persons")])
    with pytest.raises(ind.AmbiguousFactsError, match="2 rows share"):
        ind.select(f, "dibao_recipients")
    assert ind.select(f, "dibao_recipients", on_duplicate="first")["value"].iloc[0] == 21435000
    q = facts([("110000", 2011, "dibao_standard", "urban", 480, M, "2011Q2")])
    with pytest.raises(MzError, match="prefer_annual"):
        ind.select(q, "dibao_standard")
    assert ind.select(q, "dibao_standard", periods="prefer_annual")["period"].iloc[0] == "2011Q2"
    with pytest.raises(MzError, match="no 'tekun_standard' facts"):
        ind.select(q, "tekun_standard")


def test_real_growth_uses_chained_cpi_and_names_missing_cpi_year():
    s = ind.select(facts([("110000", 2010, "dibao_standard", "urban", 400, M),
                          ("110000", 2011, "dibao_standard", "urban", 440, M),
                          ("110000", 2012, "dibao_standard", "urban", 484, M)]), "dibao_standard")
    cpi = ind.select(facts([("000000", 2011, "cpi", "all", 105.0, "index"),
                            ("000000", 2012, "cpi", "all", 102.0, "index")]), "cpi")
    levels = ind.price_index(cpi)
    assert levels.set_index("year")["price_level"].to_dict() == pytest.approx(
        {2010: 100.0, 2011: 105.0, 2012: 107.1})
    r = ind.real_growth(s, cpi)
    assert r["real_growth_pct"].tolist() == pytest.approx([(1.1 / 1.05 - 1) * 100,
                                                           (1.1 / 1.02 - 1) * 100])
    short = cpi.loc[cpi["year"] == 2012]
    with pytest.raises(ind.MissingYearError, match="2011"):
        ind.real_growth(s, short)


def test_cagr_and_missing_endpoint():
    s = ind.select(facts([("110000", 2010, "dibao_standard", "urban", 100, M),
                          ("110000", 2020, "dibao_standard", "urban", 200, M),
                          ("120000", 2010, "dibao_standard", "urban", 100, M)]), "dibao_standard")
    with pytest.raises(ind.MissingYearError, match=r"天津市 \(120000, urban\): \[2020\]"):
        ind.cagr(s, start=2010, end=2020)
    c = ind.cagr(s.loc[s["region_code"] == "110000"], start=2010, end=2020)
    assert c["cagr_pct"].iloc[0] == pytest.approx((2 ** 0.1 - 1) * 100)


def test_urban_rural_ratio_and_share_of_consumption_and_poverty_line():
    f = facts([("000000", 2014, "dibao_standard", "urban", 411, M),
               ("000000", 2014, "dibao_standard", "rural", 2777, Y),
               ("000000", 2014, "consumption_expenditure", "urban", 19968, Y),
               ("000000", 2014, "consumption_expenditure", "rural", 8383, Y),
               ("000000", 2014, "poverty_line", "rural", 2800, Y)])
    st = ind.select(f, "dibao_standard")
    ratio = ind.urban_rural_ratio(st)
    assert ratio["ratio"].iloc[0] == pytest.approx(411 * 12 / 2777)
    share = ind.share_of_consumption(st, ind.select(f, "consumption_expenditure"))
    got = share.set_index("area")["share_pct"].to_dict()
    assert got["urban"] == pytest.approx(411 * 12 / 19968 * 100)
    assert got["rural"] == pytest.approx(2777 / 8383 * 100)
    pl = ind.vs_poverty_line(st.loc[st["area"] == "rural"], ind.select(f, "poverty_line"))
    assert pl["ratio"].iloc[0] == pytest.approx(2777 / 2800)
    assert pl["gap_yearly"].iloc[0] == pytest.approx(-23)
    with pytest.raises(ind.MissingYearError, match="lag 1"):
        ind.share_of_consumption(st, ind.select(f, "consumption_expenditure"), lag=1)
    with pytest.raises(ind.UnitError, match="not allowed"):
        ind.share_of_consumption(st, ind.select(f, "dibao_standard"))


def test_coverage_rates_population_split_and_spending():
    f = facts([("110000", 2020, "population", "all", 1000, "persons"),
               ("110000", 2020, "urbanisation_rate", "all", 80, "percent"),
               ("110000", 2020, "dibao_recipients", "urban", 16, "persons"),
               ("110000", 2020, "dibao_recipients", "rural", 10, "persons"),
               ("110000", 2019, "dibao_recipients", "urban", 24, "persons"),
               ("110000", 2020, "dibao_expenditure", "urban", 4000, "yuan"),
               ("110000", 2020, "dibao_expenditure", "rural", 1000, "yuan"),
               ("110000", 2020, "gdp_per_capita", "all", 50, Y)])
    pop = ind.area_population(ind.select(f, "population"), ind.select(f, "urbanisation_rate"))
    assert pop.set_index("area")["value"].to_dict() == pytest.approx({"urban": 800, "rural": 200})
    rec = ind.select(f, "dibao_recipients")
    rates = ind.recipients_per_population(rec, pop)
    assert rates.set_index(["year", "area"])["rate"].to_dict() == pytest.approx(
        {(2020, "rural"): 5.0, (2020, "urban"): 2.0})
    assert rates.attrs["unpaired"] == 1  # 2019 has no population: counted, not silently lost
    total = ind.recipients_per_population(rec, ind.select(f, "population"), match_area=False,
                                          per=1000)
    assert total.set_index("area").loc["urban", "rate"] == 16.0
    per = ind.spending_per_recipient(ind.select(f, "dibao_expenditure"), rec, average_stock=True)
    assert per.set_index("area").loc["urban", "per_recipient_yearly"] == pytest.approx(200)
    gdp = ind.spending_share_of_gdp(ind.select(f, "dibao_expenditure"),
                                    ind.select(f, "gdp_per_capita"), ind.select(f, "population"))
    assert gdp["share_pct"].iloc[0] == pytest.approx(5000 / 50000 * 100)
    with pytest.raises(ind.UnitError, match="persons"):
        ind.recipients_per_population(ind.select(f, "dibao_expenditure"), pop)


def test_benefit_to_standard_depth():
    f = facts([("000000", 2012, "dibao_avg_benefit", "rural", 104, M),
               ("000000", 2012, "dibao_standard", "rural", 2067.8, Y)])
    d = ind.benefit_to_standard(ind.select(f, "dibao_avg_benefit"), ind.select(f, "dibao_standard"))
    assert d["depth_pct"].iloc[0] == pytest.approx(104 * 12 / 2067.8 * 100)


def test_dispersion_statistics_known_values():
    x = [1.0, 2.0, 3.0, 4.0]
    assert ind.gini(x) == pytest.approx(0.25)  # Σ|xi−xj| = 20, / (2·16·2.5)
    assert ind.cv([2.0, 2.0, 2.0]) == 0.0
    assert ind.theil([5.0, 5.0]) == pytest.approx(0.0)
    assert ind.theil([1e-9, 1.0]) == pytest.approx(math.log(2), rel=1e-6)
    assert ind.max_min(x) == 4.0
    d = ind.theil_decomposition([1, 2, 4, 8], ["e", "e", "w", "w"])
    assert d["between"] + d["within"] == pytest.approx(d["total"])
    assert 0 < d["between_share"] < 1
    # Population weights: a region counted twice equals weight 2.
    assert ind.gini([1, 1, 3], None) == pytest.approx(ind.gini([1, 3], [2, 1]))
    with pytest.raises(ind.TooFewObservationsError):
        ind.cv([3.0])
    with pytest.raises(MzError, match="NaN"):
        ind.gini([1.0, float("nan")])


def _cross_sections():
    rows = []
    for code, v0, v1 in (("110000", 100, 150), ("120000", 200, 260), ("130000", 400, 440),
                         ("140000", 300, 360)):
        rows += [(code, 2010, "dibao_standard", "urban", v0, M),
                 (code, 2015, "dibao_standard", "urban", v1, M)]
    return ind.select(facts(rows), "dibao_standard")


def test_sigma_and_beta_convergence():
    s = _cross_sections()
    sig = ind.sigma_convergence(s)
    assert sig["change_from_first"].iloc[1] < 0  # dispersion fell
    b = ind.beta_convergence(s, start=2010, end=2015)
    x0 = np.log([100, 200, 400, 300]); g = (np.log([150, 260, 440, 360]) - x0) / 5
    assert b["beta"] == pytest.approx(np.polyfit(x0, g, 1)[0])
    assert b["beta"] < 0 and b["speed"] == pytest.approx(-math.log(1 + 5 * b["beta"]) / 5)
    lone = s.loc[~((s["region_code"] == "140000") & (s["year"] == 2015))]
    with pytest.raises(ind.TooFewObservationsError, match="140000.*one observation"):
        ind.beta_convergence(lone, start=2010, end=2015)
    with pytest.raises(ind.TooFewObservationsError, match="2015"):
        ind.dispersion_by_year(lone, min_regions=4)


def test_wide_weighted_mean_and_groups():
    f = facts([("110000", 2020, "gdp_per_capita", "all", 100, Y),
               ("120000", 2020, "gdp_per_capita", "all", 300, Y),
               ("110000", 2020, "population", "all", 3, "persons"),
               ("120000", 2020, "population", "all", 1, "persons")])
    w = ind.wide(f, {"gdp": ("gdp_per_capita", "all"), "pop": ("population", "all", "province")})
    assert w[["region_code", "gdp", "pop"]].values.tolist() == [["110000", 100, 3],
                                                                 ["120000", 300, 1]]
    m = ind.weighted_mean(ind.select(f, "gdp_per_capita"), ind.select(f, "population"))
    assert m["value"].iloc[0] == pytest.approx(150) and m["n_regions"].iloc[0] == 2
    assert ind.nbs_region("650000") == "west" and ind.nbs_region("210000") == "northeast"
    with pytest.raises(MzError, match="not in a mainland province"):
        ind.nbs_region("710000")


def test_national_figure_is_not_built_from_a_partial_cross_section():
    from mzanalysis import headlines

    f = facts([("110000", 2013, "consumption_expenditure", "urban", 30000, Y),
               ("120000", 2013, "consumption_expenditure", "urban", 20000, Y),
               ("110000", 2013, "population", "all", 2000, "persons"),
               ("120000", 2013, "population", "all", 1500, "persons"),
               ("110000", 2013, "urbanisation_rate", "all", 86, "percent"),
               ("120000", 2013, "urbanisation_rate", "all", 82, "percent")])
    with pytest.raises(ind.MissingYearError, match="only 2 provinces"):
        headlines.national_per_capita(f, "consumption_expenditure", 2013, "urban")
    two = headlines.national_per_capita(f, "consumption_expenditure", 2013, "urban", min_regions=2)
    assert two["value"] == pytest.approx((30000 * 1720 + 20000 * 1230) / (1720 + 1230))


def test_real_level_puts_a_series_in_base_year_prices_and_counts_unmatched_years():
    s = ind.select(facts([("110000", 2010, "dibao_standard", "urban", 400, M),
                          ("110000", 2011, "dibao_standard", "urban", 440, M),
                          ("110000", 2012, "dibao_standard", "urban", 484, M),
                          ("110000", 2015, "dibao_standard", "urban", 600, M)]), "dibao_standard")
    cpi = ind.select(facts([("000000", 2011, "cpi", "all", 105.0, "index"),
                            ("000000", 2012, "cpi", "all", 102.0, "index")]), "cpi")
    r = ind.real_level(s, cpi, base_year=2012)
    assert r.set_index("year")["real_value"].to_dict() == pytest.approx(
        {2010: 400 * 1.071, 2011: 440 * 1.02, 2012: 484.0})
    assert r["value"].tolist() == [400, 440, 484] and r.attrs["unpaired"] == 1
    assert r.attrs["base_year"] == 2012 and r["region"].iloc[0] == "北京市"
    with pytest.raises(ind.MissingYearError, match="real_level"):
        ind.real_level(s.loc[s["year"] == 2015], cpi, base_year=2012)


def test_select_takes_region_names_and_region_objects():
    from mzanalysis.regions import resolve

    f = facts([("440000", 2015, "dibao_recipients", "rural", 2000000, "persons"),
               ("620000", 2015, "dibao_recipients", "rural", 3000000, "persons")])
    for wanted in ("广东", ["广东省"], "Guangdong", resolve("广东"), [resolve("广东"), "440000"]):
        rows = ind.select(f, "dibao_recipients", regions=wanted)
        assert rows["region_code"].tolist() == ["440000"], wanted
    with pytest.raises(MzError, match="unknown region 'Guangdon'.*广东省"):
        ind.select(f, "dibao_recipients", regions=["Guangdon"])


def test_select_reads_raises_on_its_own_rows_as_on_the_whole_table():
    """select applies in_force to the indicator's (area's, regions') rows only: same rows, same
    order and values as in_force over the whole table, including the tie-break of
    on_duplicate='first' on a table whose index is not in order."""
    from mzanalysis.loaders import load_curated

    every = load_curated(preferred=False)
    assert every["qualifier"].astype("object").eq("old").any()  # the data exercise raises
    shuffled = every.sample(frac=1.0, random_state=7)
    for table in (every, shuffled):
        whole = ind.in_force(table).drop(columns="qualifier")  # the reference: whole table first
        for indicator, area, regions in (("dibao_standard", "urban", ["620000"]),
                                         ("dibao_standard", "rural", ["110000", "000000"]),
                                         ("dibao_standard", ["urban", "rural"], None),
                                         ("dibao_recipients", None, ["630000"]),
                                         ("population", "all", ["000000"])):
            kw = dict(area=area, regions=regions, periods="prefer_annual", on_duplicate="first")
            got = ind.select(table, indicator, **kw).drop(columns="qualifier")
            want = ind.select(whole, indicator, **kw)
            assert got.equals(want), (indicator, area, regions)


@pytest.mark.parametrize("small", [5000, 0], ids=["python-path", "pandas-path"])
def test_prefer_annual_picks_the_annual_else_latest_figure_per_key_on_both_paths(small,
                                                                                monkeypatch):
    """select picks per key the annual figure, else the latest sub-annual one, keeps ties for
    on_duplicate, and drops rows with a missing key, whether it works in plain Python (a few
    rows) or in pandas (many rows, or missing values)."""
    from mzanalysis.indicators import base

    monkeypatch.setattr(base, "_SMALL", small)
    f = facts([("110000", 2011, "dibao_standard", "urban", 430, M, "2011Q2"),
               ("110000", 2011, "dibao_standard", "urban", 480, M, "2011Q4"),
               ("110000", 2012, "dibao_standard", "urban", 500, M, "2012Q4"),
               ("110000", 2012, "dibao_standard", "urban", 520, M),
               ("120000", 2012, "dibao_standard", "urban", 600, M, "2012M06"),
               ("120000", 2012, "dibao_standard", "urban", 610, M, "2012M06"),
               ("130000", 2012, "dibao_standard", "urban", 300, M)])
    got = ind.select(f, "dibao_standard", periods="prefer_annual", on_duplicate="first")
    assert list(zip(got["region_code"], got["year"], got["period"], got["value"])) == [
        ("110000", 2011, "2011Q4", 480.0), ("110000", 2012, "2012", 520.0),
        ("120000", 2012, "2012M06", 600.0), ("130000", 2012, "2012", 300.0)]
    with pytest.raises(ind.AmbiguousFactsError, match="2 rows share"):
        ind.select(f, "dibao_standard", periods="prefer_annual")
    no_area = f.assign(area=["urban", None] + ["urban"] * 5)  # a row with a missing key is out
    got = ind.select(no_area, "dibao_standard", periods="prefer_annual", on_duplicate="first")
    assert list(got["value"]) == [430.0, 520.0, 600.0, 300.0]

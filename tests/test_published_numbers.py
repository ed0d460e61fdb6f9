"""Published figures reproduced from the embedded cited data alone (no ../shared needed).

Consumption series used for UNICEF's 2013 ratios: no national 2013 figure is cited (the NBS survey
reform broke the series), so the national figure is the population-weighted mean of the 31
provincial per-capita consumption figures (cnmoderndata C1 rural, C2 urban, embedded as cited
compilation facts), weighted by urban / rural resident population = NBS population (History_POP)
× urbanisation rate (B2), also embedded. 2014 rural uses the cited national figure (8,383 yuan).
"""
from __future__ import annotations

import pytest

from mzanalysis import headlines
from mzanalysis.loaders import load_curated


@pytest.fixture(scope="module")
def panel():
    """The embedded curated data: the repository panels' figures are in it as cited facts."""
    return load_curated()


def test_unicef_2013_urban_line_is_about_a_quarter_of_consumption(panel):
    r = headlines.standard_share_of_consumption(panel, 2013, "urban")
    assert r["standard_yearly"] == pytest.approx(373.3 * 12)  # MCA Q4 2013 table, 元/月 × 12
    assert "population-weighted mean of 31 provincial figures" in r["consumption_source"]
    assert abs(r["share_pct"] - 25.0) <= 3.0


def test_rural_ratios_2012_and_2014_and_whether_they_bracket_37(panel):
    r2012 = headlines.standard_share_of_consumption(panel, 2012, "rural")
    r2014 = headlines.standard_share_of_consumption(panel, 2014, "rural")
    assert r2014["consumption_source"] == "cited national figure"
    assert r2014["share_pct"] == pytest.approx(2777 / 8383 * 100)
    assert r2012["standard_yearly"] == pytest.approx(2067.8)
    # Both lie near a third of consumption, below UNICEF's 37 %: they do not bracket it (the
    # shared panel's consumption is the post-reform series, higher than the old rural one).
    assert 28 < r2012["share_pct"] < 37 and 28 < r2014["share_pct"] < 37
    r2013 = headlines.standard_share_of_consumption(panel, 2013, "rural")
    assert r2013["standard_yearly"] == pytest.approx(2777 - 343)  # 2014 bulletin: 比上年提高343元
    assert r2013["standard_source"].startswith("derived")


def test_total_recipients_2011_from_the_cited_national_series():
    r = headlines.total_recipients(load_curated(), 2011)
    assert r["source"] == "cited national figures"
    assert r["value"] / 1e6 == pytest.approx(75.8, abs=0.05)


def test_total_recipients_2022_from_the_cited_national_figures(panel):
    r = headlines.total_recipients(load_curated(), 2022)
    assert r["source"] == "cited national figures"  # NBS 2022 communiqué: 683万 + 3349万
    assert (r["urban"], r["rural"]) == (6_830_000, 33_490_000)
    assert r["value"] / 1e6 == pytest.approx(40.3, abs=0.05)
    assert headlines.total_recipients(panel, 2022)["value"] == r["value"]


def test_total_recipients_without_a_national_figure_sum_the_provinces(panel):
    # no cited national 2019 figure: the 31 embedded provincial figures are summed
    r = headlines.total_recipients(panel, 2019)
    assert r["source"].startswith("sum over 31 provinces")
    assert r["value"] / 1e6 == pytest.approx(43.16, abs=0.01)  # 860.9万 + 3455.4万 (MCA 2020)


def test_ravallion_richer_provinces_set_higher_urban_lines_2011():
    table = headlines.line_income_elasticity(load_curated(), 2011).set_index("term")
    row = table.loc["ln_income"]
    assert row["n"] == 31
    assert row["coefficient"] > 0 and row["ci_low"] > 0 and row["p_value"] < 0.01
    data = headlines.line_income_table(load_curated(), 2011)
    assert set(data["period"]) <= {"2011", "2011Q2"}  # MCA June 2011 provincial table

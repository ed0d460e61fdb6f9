"""The study notebooks' panel assembly and model set, on small hand-built fact tables."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mzanalysis import studies


def _facts(n_regions=6, years=range(2010, 2018), seed=3):
    rng = np.random.default_rng(seed)
    rows = []

    def add(code, year, indicator, area, value, unit, variant=None):
        rows.append({"region_code": code, "region": f"省{code}", "level": "province",
                     "year": year, "period": str(year), "indicator": indicator, "area": area,
                     "variant": variant, "value": float(value), "value_high": None, "unit": unit,
                     "qualifier": None, "flags": [], "source": "test", "source_ref": "hand-built"})

    for i in range(n_regions):
        code = f"{110000 + 10000 * i}"
        a = rng.normal()
        for t in years:
            pop, urb = 1e7 * (1 + i), 40 + 3 * i + (t - 2010)
            gdp = np.exp(10 + 0.08 * (t - 2010) + 0.3 * a + rng.normal(0, 0.1))
            add(code, t, "population", "all", pop, "persons")
            add(code, t, "urbanisation_rate", "all", urb, "percent")
            add(code, t, "gdp_per_capita", "all", gdp, "yuan")
            add(code, t, "budget_revenue", "all", gdp / 8 * (1 + rng.normal(0, .05)), "yuan",
                "per_capita")
            rural_rate = 8 - 2 * np.log(gdp / 2e4) + a + rng.normal(0, 0.2)
            add(code, t, "dibao_recipients", "rural", pop * (1 - urb / 100) * rural_rate / 100,
                "persons")
            if not (i == 0 and t == 2011):          # one province-year without urban recipients
                add(code, t, "dibao_recipients", "urban", pop * urb / 100 * 0.02, "persons")
    return pd.DataFrame(rows)


def test_coverage_panel_rates_use_the_area_population_and_total_needs_both_areas():
    panel = studies.coverage_panel(_facts()).set_index(["region_code", "year"])
    row = panel.loc[("120000", 2012)]
    assert row["coverage_urban"] == pytest.approx(2.0)
    # total = (urban + rural recipients) per 100 residents of the whole province
    assert row["coverage"] == pytest.approx(row["coverage_urban"] * row["urbanisation"] / 100
                                            + row["coverage_rural"] * (1 - row["urbanisation"] / 100))
    assert np.isnan(panel.loc[("110000", 2011), "coverage"])
    assert panel.loc[("110000", 2011), "coverage_rural"] > 0
    assert panel["ln_gdp_pc"].notna().all()


def test_complete_years_keeps_only_years_every_province_has():
    panel = studies.coverage_panel(_facts())
    rows, years = studies.complete_years(panel, "coverage", min_provinces=6)
    assert 2011 not in years and len(years) == 7 and rows["year"].nunique() == 7


def test_coverage_models_estimate_and_export_a_comparison(tmp_path):
    panel = studies.coverage_panel(_facts(n_regions=12))
    rows, _ = studies.complete_years(panel, "coverage_rural", min_provinces=12)
    fits = studies.coverage_models(rows, "coverage_rural", ["ln_gdp_pc"], wcb_reps=99)
    beta = fits["fe_clustered"].set_index("term").loc["ln_gdp_pc", "coefficient"]
    assert beta == pytest.approx(-2.0, abs=0.3)
    assert "wcb_p_value" in fits["fe_clustered"]
    assert "Nickell" in fits["convergence_panel"].attrs["caveat"]
    assert list(fits["comparison"].columns)[2] == "(3) CRE fractional logit"
    written = studies.write_tables({"comparison": fits["comparison"]}, tmp_path / "out" / "models")
    assert sorted(p.rsplit("/", 1)[1] for p in written) == ["models_comparison.html",
                                                             "models_comparison.tex"]
    assert "(1) 2WFE, clustered" in (tmp_path / "out" / "models_comparison.tex").read_text()


def _income_and_standards(n=31, years=range(2010, 2016)):
    from mzanalysis.regions import PROVINCE_CODES

    rows = []
    for i, code in enumerate(PROVINCE_CODES[:n]):
        for t in years:
            income = 2e4 * (1 + 0.02 * i) * 1.08 ** (t - 2010) * (1 + 0.001 * ((i * t) % 7))
            for indicator, value, unit in (("disposable_income", income, "yuan"),
                                           ("dibao_standard", income / 60, "yuan_per_person_month")):
                rows.append({"region_code": code, "region": f"省{code}", "level": "province",
                             "year": t, "period": str(t), "indicator": indicator, "area": "urban",
                             "variant": None, "value": value, "value_high": None, "unit": unit,
                             "qualifier": None, "flags": [], "source": "t", "source_ref": "t"})
    return pd.DataFrame(rows)


def test_standards_study_helpers_find_cross_sections_pairs_and_convergence():
    from mzanalysis import indicators as ind

    facts = _income_and_standards()
    prov = ind.annualise_standard(ind.select(facts, "dibao_standard", level="province"))
    table, full = studies.provincial_dispersion(prov.loc[prov["year"] < 2012], min_provinces=25)
    assert full == [("urban", 2010), ("urban", 2011)] and len(table) == 2
    assert table["cv"].iloc[0] > 0 and 0 <= table["theil_between_share"].iloc[0] <= 1
    pairs = studies.standard_income_pairs(facts.loc[~((facts["region_code"] == "110000")
                                                      & (facts["year"] > 2010))])
    assert "110000" not in set(pairs["region_code"])         # one year only: no region effect
    assert pairs["standard"].iloc[0] == pytest.approx(pairs["income"].iloc[0] / 60 * 12)
    conv = studies.income_convergence(facts)
    assert conv["years"] == list(range(2010, 2016))
    assert "Nickell" in conv["panel"].attrs["caveat"] and len(conv["long_difference"]) == 2
    with pytest.raises(ind.TooFewObservationsError, match="only"):
        studies.income_convergence(facts.loc[facts["year"] < 2012])

"""The study notebooks' library functions on small hand-built fact tables (no kernel)."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from mzanalysis import studies
from tests.indicator_frames import NAMES, facts

PROVINCES = [c for c in NAMES if c != "000000"]  # five provinces


def _panel_facts(years=range(2010, 2020), seed=2):
    rng = np.random.default_rng(seed)
    rows = []
    for i, code in enumerate(PROVINCES):
        for t in years:
            gdp = np.exp(10 + 0.06 * (t - 2010) + 0.2 * i + rng.normal(0, 0.05))
            urb = 40 + 3 * i + (t - 2010) + rng.normal()
            pop = 5e7 + 1e6 * i
            rural_rate = 8 - 0.6 * np.log(gdp) + 0.1 * i + rng.normal(0, 0.1)
            rows += [(code, t, "gdp_per_capita", "all", gdp, "yuan_per_person_year"),
                     (code, t, "urbanisation_rate", "all", urb, "percent"),
                     (code, t, "population", "all", pop, "persons"),
                     (code, t, "budget_revenue", "all", gdp * 0.1 * np.exp(rng.normal(0, .05)),
                      "yuan_per_person_year"),
                     (code, t, "dibao_recipients", "rural", rural_rate / 100 * pop * (1 - urb / 100),
                      "persons"),
                     (code, t, "dibao_recipients", "urban", 0.02 * pop * urb / 100, "persons")]
    f = facts(rows)
    f.loc[f["indicator"] == "budget_revenue", "variant"] = "per_capita"
    return f


def test_coverage_panel_rates_and_drivers_from_facts():
    panel = studies.coverage_panel(_panel_facts())
    row = panel.set_index(["region_code", "year"]).loc[("110000", 2012)]
    assert row["coverage_urban"] == pytest.approx(2.0)
    assert row["ln_gdp_pc"] == pytest.approx(np.log(row["gdp_pc"]))
    assert len(panel) == 5 * 10
    rows, years = studies.complete_years(panel, "coverage_rural", min_provinces=5)
    assert years == list(range(2010, 2020)) and len(rows) == 50


def test_estimable_panel_says_why_not():
    panel = studies.coverage_panel(_panel_facts(years=range(2010, 2013)))
    cannot = {}
    assert studies.estimable_panel(panel, "coverage_rural", cannot, min_provinces=5) is None
    assert "3 complete years with 5 provinces (need 15)" in cannot["coverage_drivers"]
    cannot = {}
    assert studies.estimable_panel(None, "coverage_rural", cannot) is None
    assert "run with data_dir" in cannot["coverage_drivers"]


def test_coverage_models_fit_compare_and_record(tmp_path):
    panel = studies.coverage_panel(_panel_facts())
    rows, _ = studies.complete_years(panel, "coverage_rural", min_provinces=5)
    fitted = studies.coverage_models(rows, "coverage_rural", wcb_reps=99)
    fe = fitted["fits"]["FE, clustered"]
    assert fe.table.set_index("term").loc["ln_gdp_pc", "coefficient"] < 0
    assert fe.table["wcb_p_value"].between(0, 1).all()
    assert list(fitted["comparison"].columns) == ["FE, clustered", "FE, Driscoll-Kraay",
                                                  "CRE fractional logit"]
    assert "Nickell" in fitted["convergence"]["panel"].attrs["caveat"]
    record = studies.coverage_record(rows, "coverage_rural", fitted)
    assert record["n_provinces"] == 5 and record["years"] == list(range(2010, 2020))
    written = studies.finish({"panel_model": record}, {}, "test data", tmp_path / "r.json",
                             comparison=fitted["comparison"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.models.html",
                                                          "r.models.tex"]
    saved = json.loads(written["results"].read_text(encoding="utf-8"))
    assert saved["data"] == "test data" and saved["cannot_estimate"] == {}
    assert saved["models_table"]["tex"].endswith("r.models.tex")


def test_finish_without_results_path_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert studies.finish({}, {"x": "why"}, "test", None) == {}
    assert list(tmp_path.iterdir()) == []


def test_recipient_tables_refuse_partial_cross_sections():
    f = _panel_facts(years=range(2010, 2012))
    nat = facts([("000000", 2010, "dibao_recipients", "urban", 2.3e7, "persons"),
                 ("000000", 2010, "dibao_recipients", "rural", 5.2e7, "persons")])
    table = studies.national_recipients(pd.concat([f, nat], ignore_index=True))
    assert table.loc[2010, "total"] == pytest.approx(7500.0)
    assert len(studies.provincial_recipient_sums(f, min_provinces=5)) == 2
    assert studies.provincial_recipient_sums(f, min_provinces=31).empty


def test_income_convergence_three_ways_and_cannot():
    rows = []
    for i, code in enumerate(PROVINCES):
        v0 = 20000 + 5000 * i
        for t in range(2015, 2020):
            rows.append((code, t, "disposable_income", "urban",
                         v0 * (1 + 0.08 - 0.004 * i) ** (t - 2015), "yuan_per_person_year"))
    cannot = {}
    out = studies.income_convergence(facts(rows), cannot, min_provinces=5)
    assert out["long_difference"].attrs["beta"] < 0  # richer provinces grow more slowly
    assert "caveat" in out["panel"].attrs
    assert list(out["comparison"].columns) == ["pooled (year effects)", "FE (region + year)",
                                               "long difference"]
    assert studies.income_convergence(facts(rows), cannot, min_provinces=31) is None
    assert "full cross-section in only []" in cannot["panel_model"]

"""Models on synthetic panels with known coefficients, and clear errors for bad designs."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mzanalysis import models
from mzanalysis.errors import MzError
from mzanalysis.models import RESULT_COLUMNS


def _panel(n_regions=31, years=range(2008, 2023), seed=1, gdp_effect=-1.0):
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n_regions):
        a = rng.normal()
        for t in years:
            income = np.exp(9 + 0.05 * (t - years[0]) + 0.4 * a + rng.normal(0, 0.05))
            ln_gdp = np.log(income) + rng.normal(0, 0.1)
            urb = 50 + 5 * a + (t - years[0]) + rng.normal()
            index = 5 + gdp_effect * ln_gdp + 0.02 * urb + a + 0.1 * (t - 2015) ** 2 / 10 \
                + rng.normal(0, 0.3)
            rows.append({"region_code": f"{110000 + 10000 * i}", "year": t, "income": income,
                         "standard": np.exp(-2.5 + 0.8 * np.log(income) + rng.normal(0, 0.05)),
                         "ln_gdp": ln_gdp, "urb": urb,
                         "rate": 100 / (1 + np.exp(-index / 3))})
    return pd.DataFrame(rows)


def test_line_elasticity_cross_section_recovers_slope_with_tidy_columns():
    df = _panel()
    t = models.line_elasticity(df.loc[df["year"] == 2011])
    assert tuple(t.columns) == RESULT_COLUMNS
    row = t.set_index("term").loc["ln_income"]
    assert row["ci_low"] < 0.8 < row["ci_high"] and row["p_value"] < 0.01
    assert row["n"] == 31 and "HC1" in row["method"]


def test_line_elasticity_panel_with_region_and_year_effects():
    t = models.line_elasticity_panel(_panel())
    row = t.set_index("term").loc["ln_income"]
    assert abs(row["coefficient"] - 0.8) < 0.1
    assert "region + year" in row["method"] and t.attrs["n_entities"] == 31


def test_coverage_drivers_clustered_and_driscoll_kraay_share_point_estimates():
    df = _panel()
    cl = models.coverage_drivers(df, "rate", ["ln_gdp", "urb"])
    dk = models.coverage_drivers(df, "rate", ["ln_gdp", "urb"], cov="driscoll-kraay")
    assert cl["coefficient"].tolist() == pytest.approx(dk["coefficient"].tolist())
    assert cl["std_error"].tolist() != pytest.approx(dk["std_error"].tolist())
    assert cl.set_index("term").loc["ln_gdp", "coefficient"] < 0
    assert (cl["n"] == 31 * 15).all()
    with pytest.raises(MzError, match="cov must be"):
        models.coverage_drivers(df, "rate", ["ln_gdp"], cov="robust")


def test_fractional_logit_on_percent_rates_and_bounds():
    df = _panel()
    t = models.fractional_logit(df, "rate", ["ln_gdp", "urb"])
    assert t.set_index("term").loc["ln_gdp", "coefficient"] < 0
    assert not t["term"].str.startswith("year_").any() and t.attrs["n_clusters"] == 31
    bad = df.assign(rate=df["rate"] * 10)
    with pytest.raises(MzError, match=r"outside \[0, 1\]"):
        models.fractional_logit(bad, "rate", ["ln_gdp"])


def test_wild_cluster_bootstrap_rejects_real_effect_and_not_a_null_one():
    df = _panel()
    strong = models.wild_cluster_bootstrap(df, "rate", ["ln_gdp", "urb"], "ln_gdp", reps=399)
    assert strong["p_value"] < 0.01 and strong["n_clusters"] == 31
    # The observed t equals the analytic clustered t of the FE model (same CR1 correction).
    fe = models.coverage_drivers(df, "rate", ["ln_gdp", "urb"]).set_index("term")
    assert strong["t_stat"] == pytest.approx(
        fe.loc["ln_gdp", "coefficient"] / fe.loc["ln_gdp", "std_error"], rel=0.02)
    noise = df.assign(z=np.random.default_rng(7).normal(size=len(df)))
    null = models.wild_cluster_bootstrap(noise, "rate", ["ln_gdp", "z"], "z", reps=399)
    assert null["p_value"] > 0.05
    few = df.loc[df["region_code"].isin(df["region_code"].unique()[:6])]
    small = models.wild_cluster_bootstrap(few, "rate", ["ln_gdp"], "ln_gdp")
    assert small["reps"] == 2 ** 6  # all Rademacher draws enumerated for few clusters


def test_convergence_regressions_pooled_and_panel():
    df = _panel()
    pooled = models.convergence_regression(df, "standard")
    assert pooled.attrs["beta"] == pooled["coefficient"].iloc[0]
    assert "pooled" in pooled["method"].iloc[0]
    panel = models.convergence_regression(df, "standard", kind="panel")
    assert panel["coefficient"].iloc[0] < 0 and "panel" in panel["method"].iloc[0]


def test_bad_designs_are_named_not_nan():
    df = _panel(n_regions=5, years=range(2010, 2014))
    df["fixed"] = df["region_code"].astype(int) / 1e4
    with pytest.raises(models.EstimationError, match=r"\['fixed'\].*constant or collinear"):
        models.coverage_drivers(df, "rate", ["ln_gdp", "fixed"])
    lone = pd.concat([df, pd.DataFrame([{"region_code": "990000", "year": 2010, "rate": 5.0,
                                         "ln_gdp": 9.0, "urb": 40.0, "standard": 100.0,
                                         "income": 10000.0}])])
    with pytest.raises(MzError, match="990000.*single"):
        models.coverage_drivers(lone, "rate", ["ln_gdp"])
    with pytest.raises(MzError, match="990000.*one observation"):
        models.convergence_regression(lone, "standard")
    with pytest.raises(models.EstimationError, match="must be positive"):
        models.line_elasticity(df.assign(standard=0.0))
    with pytest.raises(models.EstimationError, match=r"\['gdp'\] not in the data"):
        models.coverage_drivers(df, "rate", ["gdp"])

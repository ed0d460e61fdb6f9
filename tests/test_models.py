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


def test_within_r2_is_the_r2_after_absorbing_both_effects_and_result_object_is_returned():
    df = _panel()
    table, res = models.two_way_fe(df, "rate", ["ln_gdp", "urb"], return_result=True)
    assert type(res).__name__ == "PanelEffectsResults"
    assert res.params["ln_gdp"] == pytest.approx(table.set_index("term").loc["ln_gdp",
                                                                              "coefficient"])
    # Frisch–Waugh–Lovell by hand: residualise y and x on region and year dummies, then R².
    d = pd.get_dummies(df[["region_code", "year"]].astype(str), drop_first=True, dtype=float)
    dummies = np.column_stack([np.ones(len(df)), d.to_numpy()])

    def resid(a):
        return a - dummies @ np.linalg.lstsq(dummies, a, rcond=None)[0]

    ty, tx = resid(df["rate"].to_numpy()), resid(df[["ln_gdp", "urb"]].to_numpy())
    e = ty - tx @ np.linalg.lstsq(tx, ty, rcond=None)[0]
    assert table.attrs["r2_within"] == pytest.approx(1 - e @ e / (ty @ ty), rel=1e-6)
    assert 0 <= table.attrs["r2_within"] <= 1


def test_fractional_logit_is_correlated_random_effects_by_default_and_says_so():
    # Region effects correlated with x: a pooled fractional logit is biased, the Mundlak CRE is not.
    rng = np.random.default_rng(7)
    rows = []
    for i in range(40):
        a = rng.normal()
        for t in range(2010, 2022):
            x = a + rng.normal(0, 0.5)
            rows.append({"region_code": f"r{i}", "year": t, "x": x,
                         "rate": 100 / (1 + np.exp(-(-1 + 0.5 * x - 1.5 * a)))})
    df = pd.DataFrame(rows)
    cre = models.fractional_logit(df, "rate", ["x"], time_effects=False)
    pooled = models.fractional_logit(df, "rate", ["x"], time_effects=False, mundlak=False)
    b_cre = cre.set_index("term").loc["x", "coefficient"]
    b_pooled = pooled.set_index("term").loc["x", "coefficient"]
    assert abs(b_cre - 0.5) < 0.05 < abs(b_pooled - 0.5)
    assert "Papke-Wooldridge CRE" in cre["method"].iloc[0]
    assert "no region effects" in pooled["method"].iloc[0]
    assert not cre["term"].str.startswith("mean_").any()
    assert cre.attrs["ape"]["x"] > 0


def test_convergence_long_difference_recovers_beta_and_panel_carries_nickell_caveat():
    rows = []
    for i in range(31):
        start = 5 + 0.1 * i
        for k, t in enumerate((2010, 2020)):
            # growth over the decade = 0.3 − 0.05 × ln(start), exactly
            rows.append({"region_code": f"r{i}", "year": t,
                         "v": np.exp(start if k == 0 else start + 10 * (0.3 - 0.05 * start))})
    ld = models.convergence_regression(pd.DataFrame(rows), "v", kind="long_difference")
    assert ld.attrs["beta"] == pytest.approx(-0.05, abs=1e-9)
    assert ld.attrs["caveat"] is None and "long difference" in ld["method"].iloc[0]
    panel = models.convergence_regression(_panel(), "standard", kind="panel")
    assert "Nickell" in panel.attrs["caveat"]


def test_compare_models_side_by_side_exports_to_latex_and_html():
    df = _panel()
    table = models.compare_models({
        "(1) FE clustered": models.coverage_drivers(df, "rate", ["ln_gdp", "urb"]),
        "(2) FE Driscoll-Kraay": models.coverage_drivers(df, "rate", ["ln_gdp", "urb"],
                                                         cov="driscoll-kraay"),
        "(3) CRE fractional logit": models.fractional_logit(df, "rate", ["ln_gdp"]),
    })
    assert list(table.columns) == ["(1) FE clustered", "(2) FE Driscoll-Kraay",
                                   "(3) CRE fractional logit"]
    assert list(table.index)[:4] == ["ln_gdp", "", "urb", ""]
    assert table.loc["urb", "(3) CRE fractional logit"] == ""          # not in that model
    assert table.loc["N"].tolist() == [str(31 * 15)] * 3
    assert table.iloc[1, 0].startswith("(") and table.loc["R²", "(1) FE clustered"] != ""
    assert "\\begin{tabular}" in table.to_latex() and "<table" in table.to_html()
    with pytest.raises(MzError, match="at least one"):
        models.compare_models({})

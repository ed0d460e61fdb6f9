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


def test_return_result_gives_the_library_object_beside_the_tidy_table():
    df = _panel()
    fit = models.coverage_drivers(df, "rate", ["ln_gdp", "urb"], return_result=True)
    assert isinstance(fit, models.ModelFit)
    assert fit.result.params["ln_gdp"] == pytest.approx(
        fit.table.set_index("term").loc["ln_gdp", "coefficient"])
    assert "PanelOLS" in str(fit.result.summary)
    ols = models.line_elasticity(df.loc[df["year"] == 2011], return_result=True)
    assert ols.result.nobs == 31 and hasattr(ols.result, "rsquared")


def test_within_r2_is_the_r2_after_absorbing_both_effects():
    # y has a strong common year trend that x does not share: region-demeaned R² is near zero
    # (and can go negative), the R² after region and year effects is the FWL partial R².
    rng = np.random.default_rng(3)
    rows = [{"region_code": f"r{i}", "year": t, "x": rng.normal(), "e": rng.normal()}
            for i in range(12) for t in range(2010, 2020)]
    df = pd.DataFrame(rows)
    df["y"] = 0.3 * df["x"] + 5.0 * (df["year"] - 2015) ** 2 + df["e"]
    t = models.two_way_fe(df, "y", ["x"])
    d = pd.get_dummies(df[["region_code"]].astype(str).join(df["year"].astype(str)),
                       drop_first=True, dtype=float).assign(c=1.0).to_numpy()
    ty = models._residualise(df[["y"]].to_numpy(), d)[:, 0]
    tx = models._residualise(df[["x"]].to_numpy(), d)[:, 0]
    slope = (tx @ ty) / (tx @ tx)
    partial_r2 = 1 - ((ty - slope * tx) ** 2).sum() / (ty ** 2).sum()
    assert t.attrs["r2_within"] == pytest.approx(partial_r2, rel=1e-6)
    assert 0 <= t.attrs["r2_within"] <= 1
    assert t.attrs["r2_within"] > 0.03
    # linearmodels' rsquared_within (region-demeaned only), kept for reference, misses it
    assert t.attrs["r2_entity_demeaned"] < t.attrs["r2_within"] / 10


def _cre_panel(seed=5):
    # E[y|x, a_i] = Λ(0.5 + 1.2 x + a_i), a_i = 0.8 · mean_i(x): the Mundlak device is exact.
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(25):
        level = rng.normal(0, 1)
        xs = level + rng.normal(0, 0.5, size=8)
        a = 0.8 * xs.mean()
        for t, x in zip(range(2010, 2018), xs):
            rows.append({"region_code": f"r{i:02d}", "year": t, "x": x,
                         "rate": 100 / (1 + np.exp(-(0.5 + 1.2 * x + a + rng.normal(0, .05))))})
    return pd.DataFrame(rows)


def test_fractional_logit_is_papke_wooldridge_cre_with_mundlak_means():
    df = _cre_panel()
    cre = models.fractional_logit(df, "rate", ["x"], time_effects=False).set_index("term")
    assert cre.loc["x", "coefficient"] == pytest.approx(1.2, abs=0.03)
    assert cre.loc["mean_x", "coefficient"] == pytest.approx(0.8, abs=0.1)
    assert "Papke-Wooldridge correlated random effects" in cre["method"].iloc[0]
    pooled = models.fractional_logit(df, "rate", ["x"], time_effects=False, mundlak=False)
    assert "pooled fractional logit" in pooled["method"].iloc[0]
    # ignoring the correlated region effect biases the slope upwards (a_i rises with x)
    assert pooled.set_index("term").loc["x", "coefficient"] > 1.5


def test_long_difference_convergence_recovers_beta_and_panel_carries_nickell_caveat():
    rng = np.random.default_rng(7)
    rows = []
    for i in range(20):
        v0 = np.exp(rng.uniform(6, 9))
        # annualised growth over 2010–2020 = 0.5 − 0.05 ln v0 exactly
        vT = np.exp(np.log(v0) + 10 * (0.5 - 0.05 * np.log(v0)))
        for t, v in ((2010, v0), (2015, np.exp((np.log(v0) + np.log(vT)) / 2 + rng.normal(0, .1))),
                     (2020, vT)):
            rows.append({"region_code": f"r{i:02d}", "year": t, "v": v})
    df = pd.DataFrame(rows)
    ld = models.convergence_regression(df, "v", kind="long_difference")
    assert ld.attrs["beta"] == pytest.approx(-0.05, abs=1e-9)
    assert (ld["n"] == 20).all() and ld.attrs["spans"] == [[2010, 2020]]
    assert "caveat" not in ld.attrs
    panel = models.convergence_regression(df, "v", kind="panel")
    assert "Nickell" in panel.attrs["caveat"]
    with pytest.raises(models.EstimationError, match="long_difference"):
        models.convergence_regression(df, "v", kind="gmm")


def test_compare_lays_models_side_by_side_and_exports_latex_and_html(tmp_path):
    df = _panel()
    fe = models.coverage_drivers(df, "rate", ["ln_gdp", "urb"], return_result=True)
    dk = models.coverage_drivers(df, "rate", ["ln_gdp", "urb"], cov="driscoll-kraay")
    frac = models.fractional_logit(df, "rate", ["ln_gdp", "urb"])
    table = models.compare({"FE (cluster)": fe, "FE (DK)": dk, "CRE frac. logit": frac})
    assert list(table.columns) == ["FE (cluster)", "FE (DK)", "CRE frac. logit"]
    coef = fe.table.set_index("term").loc["ln_gdp"]
    assert table.loc["ln_gdp", "FE (cluster)"].startswith(f"{coef['coefficient']:.3f}")
    assert table.loc["ln_gdp (SE)", "FE (cluster)"] == f"({coef['std_error']:.3f})"
    assert table.loc["mean_ln_gdp", "FE (cluster)"] == ""  # only the CRE model has it
    assert table.loc["N"].tolist() == ["465"] * 3
    assert table.loc["R²", "FE (cluster)"].endswith("(within region + year)")
    assert table.loc["R²", "CRE frac. logit"] == ""
    paths = models.export_comparison(table, tmp_path / "out" / "models")
    tex = paths["tex"].read_text(encoding="utf-8")
    html = paths["html"].read_text(encoding="utf-8")
    assert "\\toprule" in tex and "FE (cluster)" in tex and "mean\\_ln\\_gdp" in tex
    assert "<table" in html and "CRE frac. logit" in html and "p&lt;0.1" in html
    with pytest.raises(models.EstimationError, match="not a tidy model table"):
        models.compare({"bad": pd.DataFrame({"x": [1]})})

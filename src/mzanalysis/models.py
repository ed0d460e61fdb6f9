"""Thin wrappers around statsmodels / linearmodels returning tidy coefficient tables.

Every estimator takes a wide region × year frame (see :func:`mzanalysis.indicators.wide`) and
returns a DataFrame with the columns :data:`RESULT_COLUMNS` (term, coefficient, std_error, ci_low,
ci_high, p_value, n, method); extra facts (R², number of clusters, implied speed) sit in
``table.attrs``. Pass ``return_result=True`` to get a :class:`Fitted` pair ``(table, result)``
whose ``result`` is the library's own result object (linearmodels ``PanelEffectsResults`` or
statsmodels ``GLMResults``/``RegressionResults``), for its summary, predictions and tests.
:func:`compare_models` lays several tidy tables side by side (coefficient, SE in brackets,
stars, N, R²) for a paper, with ``.to_latex()`` / ``.to_html()``. Bad input raises :class:`EstimationError` (or an indicator error) before any
library sees it: missing columns, non-positive values under a log, a region with one observation
in a fixed-effects or growth model, a singular design — never a table of NaN.
"""
from __future__ import annotations

from typing import Any, NamedTuple, Sequence

from .errors import MzError
from .indicators.base import TooFewObservationsError
from .indicators.dispersion import implied_speed

RESULT_COLUMNS: tuple[str, ...] = ("term", "coefficient", "std_error", "ci_low", "ci_high",
                                   "p_value", "n", "method")


class EstimationError(MzError, ValueError):
    """A model cannot be estimated from the data given (singular design, too few observations)."""


class Fitted(NamedTuple):
    """A tidy coefficient table and the estimating library's result object."""

    table: Any
    result: Any


def _out(table, res, return_result: bool):
    return Fitted(table, res) if return_result else table


# Dynamic panels with fixed effects: the lagged level is correlated with the demeaned error, so
# the FE estimate of β is biased towards −1 by about −(1+β)/(T−1) (Nickell 1981). Said wherever a
# panel convergence speed is reported.
NICKELL_CAVEAT = ("Nickell (1981) bias: with region effects and a lagged level on the right, the "
                  "FE β is biased downwards (towards faster convergence) by about -(1+β)/(T-1); "
                  "with short panels read the implied speed as an upper bound, and compare the "
                  "long-difference estimate (kind='long_difference').")


# ---------------------------------------------------------------------------------------------
# preparation and checks


def _frame(data, columns: Sequence[str], what: str, *, positive: Sequence[str] = ()):
    """Rows of ``data`` complete in ``columns``; raise on missing columns or bad values."""
    import numpy as np

    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise EstimationError(f"{what}: column(s) {missing} not in the data "
                              f"(have {list(data.columns)})")
    sub = data.loc[data[list(columns)].notna().all(axis=1)].copy()
    for c in columns:
        if c in ("region_code", "region", "year"):
            continue
        sub[c] = sub[c].astype(float)
        if not np.isfinite(sub[c]).all():
            raise EstimationError(f"{what}: column {c!r} has infinite values")
    for c in positive:
        bad = sub.loc[sub[c] <= 0]
        if len(bad):
            raise EstimationError(f"{what}: {c!r} must be positive to take logs; first bad row: "
                                  f"{bad.iloc[0][['region_code', 'year', c]].to_dict()}")
    if sub.empty:
        raise EstimationError(f"{what}: no row has all of {list(columns)}")
    return sub


def _check_singletons(sub, entity: str, what: str):
    counts = sub.groupby(entity).size()
    lone = counts[counts < 2].index.tolist()
    if lone:
        raise TooFewObservationsError(
            f"{what}: region(s) {lone} have a single complete observation; region fixed effects "
            "absorb it entirely — drop them or use the cross-section model")


def _fe_dummies(sub, entity: str | None, time: str | None):
    """Dummy matrix for the fixed effects (first level of each dropped, constant included)."""
    import numpy as np
    import pandas as pd

    blocks = [np.ones((len(sub), 1))]
    for col in (entity, time):
        if col:
            blocks.append(pd.get_dummies(sub[col].astype(str), drop_first=True,
                                         dtype=float).to_numpy())
    return np.column_stack(blocks)


def _residualise(matrix, dummies):
    """``M_D A``: residuals of each column of A on the dummies (Frisch–Waugh–Lovell)."""
    import numpy as np

    coef, *_ = np.linalg.lstsq(dummies, matrix, rcond=None)
    return matrix - dummies @ coef


def _check_rank(design, names: Sequence[str], what: str, absorbed_by: str = "", original=None):
    """Raise :class:`EstimationError` naming the regressors that add no rank.

    ``original`` (the design before absorbing effects) sets the scale, so a column the effects
    absorbed (residual ~1e-12 of its size) counts as zero rather than as rescaled noise.
    """
    import numpy as np

    scale = np.abs(design if original is None else original).max(axis=0)
    scale[scale == 0] = 1.0
    d = design / scale
    bad, kept = [], []
    for j, name in enumerate(names):
        trial = d[:, kept + [j]]
        if np.linalg.matrix_rank(trial, tol=1e-8 * max(trial.shape)) < len(kept) + 1:
            bad.append(name)
        else:
            kept.append(j)
    if bad:
        extra = f" (after {absorbed_by})" if absorbed_by else ""
        raise EstimationError(f"{what}: singular design{extra} — {bad} are constant or collinear "
                              f"with earlier regressors {[names[k] for k in kept]}; drop them")


def _tidy(names, params, se, pvalues, ci_low, ci_high, n: int, method: str, **attrs):
    import pandas as pd

    table = pd.DataFrame({"term": list(names), "coefficient": list(params),
                          "std_error": list(se), "ci_low": list(ci_low), "ci_high": list(ci_high),
                          "p_value": list(pvalues), "n": int(n), "method": method})
    table.attrs.update(attrs)
    return table


def _from_linearmodels(res, n: int, method: str, **attrs):
    """Tidy table of a PanelOLS fit.

    ``r2_within`` is the R² of the regression after absorbing *all* included effects (linearmodels'
    ``rsquared``, what Stata's ``areg``/``reghdfe`` call within R²). linearmodels' own
    ``rsquared_within`` demeans by region only and ignores the year effects, so in a two-way
    model it can be negative; it is kept as ``r2_region_demeaned`` for reference.
    """
    ci = res.conf_int()
    return _tidy(res.params.index, res.params.values, res.std_errors.values, res.pvalues.values,
                 ci.iloc[:, 0].values, ci.iloc[:, 1].values, n, method,
                 r2_within=float(res.rsquared), r2_region_demeaned=float(res.rsquared_within),
                 r2_overall=float(res.rsquared_overall), n_entities=int(res.entity_info["total"]),
                 n_periods=int(res.time_info["total"]), **attrs)


def _from_statsmodels(res, n: int, method: str, **attrs):
    ci = res.conf_int()
    return _tidy(res.params.index, res.params.values, res.bse.values, res.pvalues.values,
                 ci.iloc[:, 0].values, ci.iloc[:, 1].values, n, method, **attrs)


# ---------------------------------------------------------------------------------------------
# line elasticity (Ravallion 2009)


def line_elasticity(data, *, standard: str = "standard", income: str = "income",
                    cov: str = "HC1", return_result: bool = False):
    """Cross-section elasticity of the assistance line with respect to income.

    Model: ``ln s_i = a + η ln y_i + e_i`` by OLS with heteroskedasticity-robust (HC1) errors.
    Anchor: Ravallion (2009, "Are there lessons for Africa from China's success against
    poverty?" / "Social assistance lines across countries") — poorer places set lower lines, so
    η > 0. Terms: ``const`` and ``ln_<income>``.
    """
    import numpy as np
    import statsmodels.api as sm

    sub = _frame(data, [standard, income], "line_elasticity", positive=[standard, income])
    if len(sub) < 3:
        raise TooFewObservationsError(f"line_elasticity needs at least 3 regions, got {len(sub)}")
    x = sm.add_constant(np.log(sub[[income]]).rename(columns={income: f"ln_{income}"}))
    _check_rank(x.to_numpy(), list(x.columns), "line_elasticity")
    res = sm.OLS(np.log(sub[standard]), x).fit(cov_type=cov)
    table = _from_statsmodels(res, len(sub), f"OLS ln {standard} on ln {income}, {cov} robust SE",
                              r2=float(res.rsquared))
    return _out(table, res, return_result)


def line_elasticity_panel(data, *, standard: str = "standard", income: str = "income",
                          entity: str = "region_code", time: str = "year",
                          return_result: bool = False):
    """Panel elasticity with region and year effects (linearmodels PanelOLS).

    Model: ``ln s_it = α_i + λ_t + η ln y_it + e_it``; SE clustered by region. Identifies η from
    within-region changes net of common year shocks (national policy rounds).
    """
    import numpy as np

    sub = _frame(data, [entity, time, standard, income], "line_elasticity_panel",
                 positive=[standard, income])
    sub = sub.assign(**{f"ln_{standard}": np.log(sub[standard]),
                        f"ln_{income}": np.log(sub[income])})
    return two_way_fe(sub, f"ln_{standard}", [f"ln_{income}"], entity=entity, time=time,
                      cov="clustered", what="line_elasticity_panel", return_result=return_result)


# ---------------------------------------------------------------------------------------------
# coverage drivers


def two_way_fe(data, y: str, x: Sequence[str], *, entity: str = "region_code",
               time: str = "year", cov: str = "clustered", bandwidth: int | None = None,
               entity_effects: bool = True, time_effects: bool = True, what: str = "two_way_fe",
               return_result: bool = False):
    """Two-way fixed effects: ``y_it = α_i + λ_t + x_it'β + e_it`` (linearmodels PanelOLS).

    ``cov``: ``"clustered"`` (by region, Liang–Zeger; with about 31 clusters prefer also
    :func:`wild_cluster_bootstrap`) or ``"driscoll-kraay"`` (linearmodels ``kernel`` covariance,
    robust to cross-sectional dependence such as common national policy shocks; Driscoll & Kraay
    1998), ``bandwidth`` in years. The design is checked for rank after absorbing the effects, so
    a regressor that never varies within a region is named instead of being silently dropped.
    ``attrs['r2_within']`` is the R² after absorbing the effects (see :func:`_from_linearmodels`).
    """
    from linearmodels.panel import PanelOLS

    x = list(x)
    sub = _frame(data, [entity, time, y, *x], what)
    if entity_effects:
        _check_singletons(sub, entity, what)
    dummies = _fe_dummies(sub, entity if entity_effects else None, time if time_effects else None)
    _check_rank(_residualise(sub[x].to_numpy(float), dummies), x, what,
                absorbed_by="absorbing region and year effects", original=sub[x].to_numpy(float))
    panel = sub.set_index([entity, time])
    model = PanelOLS(panel[y], panel[x], entity_effects=entity_effects, time_effects=time_effects)
    if cov == "clustered":
        res = model.fit(cov_type="clustered", cluster_entity=True)
        label = "clustered by region"
    elif cov == "driscoll-kraay":
        kw = {"bandwidth": bandwidth} if bandwidth is not None else {}
        res = model.fit(cov_type="kernel", kernel="bartlett", **kw)
        label = "Driscoll-Kraay (Bartlett kernel)"
    else:
        raise EstimationError(f"cov must be 'clustered' or 'driscoll-kraay', not {cov!r}")
    effects = " + ".join(e for e, on in (("region", entity_effects), ("year", time_effects)) if on)
    table = _from_linearmodels(res, int(res.nobs),
                               f"PanelOLS {effects or 'pooled'} effects, SE {label}")
    return _out(table, res, return_result)


def coverage_drivers(data, y: str, x: Sequence[str], *, cov: str = "clustered", **kwargs):
    """Drivers of coverage (e.g. recipients per 100 residents) with two-way FE.

    Same model as :func:`two_way_fe`; a named entry point so notebooks read as the research
    question. Typical ``x``: ln GDP per capita, urbanisation rate, ln budget revenue per capita.
    """
    return two_way_fe(data, y, x, cov=cov, what="coverage_drivers", **kwargs)


def fractional_logit(data, y: str, x: Sequence[str], *, scale: float = 100.0,
                     entity: str = "region_code", time: str = "year", time_effects: bool = True,
                     mundlak: bool = True, return_result: bool = False):
    """Fractional logit for a rate (Papke & Wooldridge 1996): ``E[y/scale | x] = Λ(x'β)``.

    With ``mundlak=True`` (default) this is the Papke & Wooldridge (2008) correlated random
    effects estimator: the region means of every regressor (``mean_<x>``, Mundlak 1978) enter
    beside ``x``, so β is identified from within-region variation as in the FE model while the
    fitted rate stays in [0, 1] — the like-for-like robustness check of :func:`two_way_fe`.
    With ``mundlak=False`` it is a pooled fractional logit with no region effects, and its
    ``method`` says so. Estimated as a GLM (Binomial family, logit link; statsmodels), SE clustered
    by region; ``scale`` turns a percentage into a fraction (100); year dummies when
    ``time_effects``. Coefficients are on the log-odds scale; ``attrs['ape']`` holds the average
    partial effect of each ``x`` on the rate in the units of ``y``.
    """
    import numpy as np
    import pandas as pd
    import statsmodels.api as sm

    x = list(x)
    sub = _frame(data, [entity, time, y, *x], "fractional_logit")
    frac = sub[y] / scale
    if ((frac < 0) | (frac > 1)).any():
        bad = sub.loc[(frac < 0) | (frac > 1)].iloc[0]
        raise EstimationError(f"fractional_logit: {y}/{scale} outside [0, 1] (e.g. "
                              f"{bad[entity]} {bad[time]}: {bad[y]})")
    design = sm.add_constant(sub[x])
    if mundlak:
        means = sub.groupby(entity)[x].transform("mean").add_prefix("mean_")
        design = pd.concat([design, means], axis=1)
    if time_effects:
        design = pd.concat([design, pd.get_dummies(sub[time], prefix="year", drop_first=True,
                                                   dtype=float)], axis=1)
    _check_rank(design.to_numpy(float), list(design.columns), "fractional_logit")
    groups = pd.factorize(sub[entity])[0]
    res = sm.GLM(frac.to_numpy(), design, family=sm.families.Binomial()).fit(
        cov_type="cluster", cov_kwds={"groups": groups})
    kind = ("Papke-Wooldridge CRE fractional logit (Mundlak region means)" if mundlak else
            "pooled fractional logit, no region effects")
    table = _from_statsmodels(res, len(sub), f"{kind} (GLM Binomial, logit link), "
                              "SE clustered by region" + (", year dummies" if time_effects else ""))
    keep = ~table["term"].str.startswith(("year_", "mean_"))
    out = table.loc[keep].reset_index(drop=True)
    fitted = res.predict(design)
    ape = {term: float(scale * np.mean(fitted * (1 - fitted)) * res.params[term]) for term in x}
    out.attrs = dict(table.attrs, n_clusters=int(np.unique(groups).size), mundlak=mundlak, ape=ape)
    return _out(out, res, return_result)


def wild_cluster_bootstrap(data, y: str, x: Sequence[str], term: str, *,
                           entity: str = "region_code", time: str = "year", reps: int = 999,
                           seed: int = 12345) -> dict:
    """Wild cluster bootstrap p-value for H0: β_term = 0 in the two-way FE model (WCR, Rademacher).

    Method (Cameron, Gelbach & Miller 2008; Roodman, MacKinnon, Nielsen & Webb 2019, "boottest"):
    the region and year effects are partialled out (Frisch–Waugh–Lovell, valid because they are in
    both restricted and unrestricted models); the model is re-estimated with the null imposed
    (β_term = 0), and bootstrap samples ``y* = ŷ_restricted + w_g û_restricted`` use one
    Rademacher weight ``w_g = ±1`` per region. The p-value is the share of bootstrap |t*| (CR1
    cluster-robust) at least as large as the observed |t|. With G regions there are 2^G distinct
    draws; for G ≤ 12 all are enumerated.

    Hand-rolled on purpose: no well-kept Python library runs WCB for linearmodels' PanelOLS
    (``wildboottest`` handles statsmodels OLS only and is an early-stage project), and the
    algorithm is ~30 lines of numpy. It is checked in the tests against the analytic clustered t.
    """
    import itertools

    import numpy as np

    x = list(x)
    if term not in x:
        raise EstimationError(f"wild_cluster_bootstrap: term {term!r} is not among x = {x}")
    sub = _frame(data, [entity, time, y, *x], "wild_cluster_bootstrap")
    _check_singletons(sub, entity, "wild_cluster_bootstrap")
    dummies = _fe_dummies(sub, entity, time)
    ty = _residualise(sub[[y]].to_numpy(float), dummies)[:, 0]
    tx = _residualise(sub[x].to_numpy(float), dummies)
    _check_rank(tx, x, "wild_cluster_bootstrap", absorbed_by="absorbing region and year effects",
                original=sub[x].to_numpy(float))
    clusters, gid = np.unique(sub[entity].to_numpy(), return_inverse=True)
    n_groups, n, k_all = len(clusters), len(sub), tx.shape[1] + dummies.shape[1]
    if n_groups < 3:
        raise TooFewObservationsError("wild_cluster_bootstrap needs at least 3 regions")
    j = x.index(term)
    bread = np.linalg.inv(tx.T @ tx)
    # CR1 small-sample factor, counting the absorbed effects in K as Stata's xtreg/areg does.
    factor = n_groups / (n_groups - 1) * (n - 1) / (n - k_all)

    def t_stat(yy):
        beta = bread @ tx.T @ yy
        resid = yy - tx @ beta
        scores = np.zeros((n_groups, tx.shape[1]))
        np.add.at(scores, gid, tx * resid[:, None])
        var = factor * bread @ (scores.T @ scores) @ bread
        return beta[j] / np.sqrt(var[j, j])

    t_obs = t_stat(ty)
    xr = np.delete(tx, j, axis=1)
    fitted_r = xr @ np.linalg.lstsq(xr, ty, rcond=None)[0] if xr.shape[1] else np.zeros(n)
    resid_r = ty - fitted_r
    if n_groups <= 12:
        draws = np.array(list(itertools.product([-1.0, 1.0], repeat=n_groups)))
    else:
        draws = np.random.default_rng(seed).choice([-1.0, 1.0], size=(reps, n_groups))
    t_boot = np.array([t_stat(fitted_r + w[gid] * resid_r) for w in draws])
    p = float(np.mean(np.abs(t_boot) >= abs(t_obs)))
    return {"term": term, "t_stat": float(t_obs), "p_value": p, "reps": len(draws),
            "n_clusters": n_groups, "n": n,
            "method": "wild cluster bootstrap-t, Rademacher weights, null imposed (WCR), "
                      "two-way FE partialled out, CR1"}


# ---------------------------------------------------------------------------------------------
# convergence


def _growth_pairs(data, value: str, entity: str, time: str):
    """Consecutive observations per region: annualised log growth and the starting log level."""
    import numpy as np
    import pandas as pd

    sub = _frame(data, [entity, time, value], "convergence_regression", positive=[value])
    counts = sub.groupby(entity).size()
    lone = counts[counts < 2].index.tolist()
    if lone:
        raise TooFewObservationsError(f"convergence_regression: region(s) {lone} have one "
                                      f"observation of {value!r}; growth needs two")
    sub = sub.sort_values([entity, time])
    prev = sub.groupby(entity)[[time, value]].shift(1)
    pairs = sub.assign(gap=sub[time] - prev[time], ln_start=np.log(prev[value]))
    pairs = pairs.loc[pairs["gap"].notna()].copy()
    pairs["growth"] = (np.log(pairs[value]) - pairs["ln_start"]) / pairs["gap"]
    return pd.DataFrame(pairs)


def _long_difference(data, value: str, entity: str, time: str):
    """One row per region: annualised log growth from its first to its last year, and ln start."""
    import numpy as np

    sub = _frame(data, [entity, time, value], "convergence_regression", positive=[value])
    sub = sub.sort_values([entity, time])
    first = sub.groupby(entity).first()
    last = sub.groupby(entity).last()
    span = last[time] - first[time]
    keep = span > 0
    if keep.sum() < 3:
        raise TooFewObservationsError("convergence_regression (long_difference) needs at least 3 "
                                      f"regions observed in two different years, got {int(keep.sum())}")
    out = first.loc[keep, [time]].copy()
    out["ln_start"] = np.log(first.loc[keep, value])
    out["growth"] = (np.log(last.loc[keep, value]) - out["ln_start"]) / span[keep]
    return out.reset_index()


def convergence_regression(data, value: str, *, kind: str = "pooled",
                           entity: str = "region_code", time: str = "year",
                           return_result: bool = False):
    """β-convergence regression on consecutive observations.

    Model: ``g_it = (ln v_it − ln v_is)/(t − s) = a + β ln v_is (+ α_i + λ_t) + e_it``.
    ``kind="pooled"``: OLS with year effects, SE clustered by region (absolute convergence across
    regions). ``kind="panel"``: region and year effects (PanelOLS; conditional convergence towards
    each region's own steady state, Islam 1995) — this estimate carries Nickell (1981) bias,
    stated in ``attrs['caveat']`` (:data:`NICKELL_CAVEAT`). ``kind="long_difference"``: one
    cross-section of each region's annualised growth from its first to its last observed year on
    its starting level (OLS, HC1 SE); free of Nickell bias, the usual check on the panel speed.
    β < 0 is convergence; ``attrs`` carry the implied annual speed λ = −ln(1+β) and the half-life
    (Barro & Sala-i-Martin 1992).
    """
    caveat = None
    if kind == "long_difference":
        import statsmodels.api as sm

        cross = _long_difference(data, value, entity, time)
        design = sm.add_constant(cross[["ln_start"]])
        res = sm.OLS(cross["growth"], design).fit(cov_type="HC1")
        table = _from_statsmodels(res, len(cross), "OLS long difference (first to last year per "
                                  "region), HC1 robust SE", r2=float(res.rsquared))
    elif kind in ("pooled", "panel"):
        pairs = _growth_pairs(data, value, entity, time)
        table, res = two_way_fe(pairs, "growth", ["ln_start"], entity=entity, time=time,
                                entity_effects=kind == "panel", time_effects=True,
                                what=f"convergence_regression ({kind})", return_result=True)
        caveat = NICKELL_CAVEAT if kind == "panel" else None
    else:
        raise EstimationError(f"kind must be 'pooled', 'panel' or 'long_difference', not {kind!r}")
    beta = float(table.loc[table["term"] == "ln_start", "coefficient"].iloc[0])
    try:
        speed, half_life = implied_speed(beta, 1.0)
    except MzError:
        speed = half_life = None
    table.attrs.update(beta=beta, implied_speed=speed, half_life=half_life, caveat=caveat)
    table["method"] = f"β-convergence ({kind}): " + table["method"]
    return _out(table, res, return_result)


# ---------------------------------------------------------------------------------------------
# tables for papers


def _stars(p: float) -> str:
    return "***" if p < 0.01 else "**" if p < 0.05 else "*" if p < 0.1 else ""


def compare_models(tables, *, digits: int = 3, terms: Sequence[str] | None = None):
    """Several tidy model tables side by side, one column per model, as in a paper's table.

    ``tables``: a dict ``{column label: tidy table}`` (any estimator of this module). Each cell is
    the coefficient with significance stars (* p<0.1, ** p<0.05, *** p<0.01) over its standard
    error in parentheses; the bottom rows give N, the R² the model reports (within R² after
    absorbing the effects for FE models, R² for OLS, none for GLMs), the number of regions and
    the method. ``terms`` picks and orders the rows (default: every term, in first-seen order;
    ``const`` last). Returns a DataFrame of strings; ``.to_latex()``, ``.to_html()`` and
    ``.to_csv()`` export it as they are.
    """
    import math

    import pandas as pd

    if not tables:
        raise EstimationError("compare_models: give at least one model table")
    order: list[str] = list(terms) if terms is not None else []
    if terms is None:
        for table in tables.values():
            order += [t for t in table["term"] if t not in order]
        order = [t for t in order if t != "const"] + (["const"] if "const" in order else [])
    rows: dict[str, dict[str, str]] = {}
    for label, table in tables.items():
        by_term = table.set_index("term")
        for term in order:
            if term in by_term.index:
                r = by_term.loc[term]
                rows.setdefault(term, {})[label] = (f"{r['coefficient']:.{digits}f}"
                                                    f"{_stars(float(r['p_value']))}")
                rows.setdefault(f"{term} (SE)", {})[label] = f"({r['std_error']:.{digits}f})"
        attrs = table.attrs
        r2 = attrs.get("r2_within", attrs.get("r2"))
        rows.setdefault("N", {})[label] = str(int(table["n"].iloc[0])) if len(table) else ""
        rows.setdefault("R²", {})[label] = ("" if r2 is None or not math.isfinite(r2)
                                            else f"{r2:.{digits}f}")
        regions = attrs.get("n_entities", attrs.get("n_clusters"))
        rows.setdefault("regions", {})[label] = "" if regions is None else str(int(regions))
        rows.setdefault("method", {})[label] = str(table["method"].iloc[0]) if len(table) else ""
    index = [k for t in order for k in (t, f"{t} (SE)") if k in rows] + [
        "N", "R²", "regions", "method"]
    out = pd.DataFrame.from_dict(rows, orient="index").reindex(index=index,
                                                                columns=list(tables)).fillna("")
    out.index = [("" if k.endswith(" (SE)") else k) for k in out.index]
    out.index.name = "term"
    return out

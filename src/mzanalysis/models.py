"""Thin wrappers around statsmodels / linearmodels returning tidy coefficient tables.

Every estimator takes a wide region × year frame (see :func:`mzanalysis.indicators.wide`) and
returns a DataFrame with the columns :data:`RESULT_COLUMNS` (term, coefficient, std_error, ci_low,
ci_high, p_value, n, method); extra facts (R², number of clusters, implied speed) sit in
``table.attrs``. Pass ``return_result=True`` to get a :class:`ModelFit` instead: the same tidy
table plus the fitted statsmodels / linearmodels result object (``fit.result.summary``, predict,
Wald tests, …). :func:`compare` lays several fits side by side (coefficients with standard errors
beneath, N, R², SE type) and :func:`export_comparison` writes it as LaTeX and HTML.

R² after fixed effects: ``attrs['r2_within']`` is the R² of the regression once the region (and
year) effects are swept out (linearmodels' ``rsquared``; by Frisch–Waugh–Lovell, the share of the
variation left after the effects that the regressors explain), so it lies in [0, 1]. linearmodels'
own ``rsquared_within`` demeans by region only and, with year effects in the model, can be
negative; it is kept as ``attrs['r2_entity_demeaned']`` for comparison. Bad input raises :class:`EstimationError` (or an indicator error) before any
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


class ModelFit(NamedTuple):
    """A tidy coefficient table and the library result object it was read from."""

    table: Any
    result: Any


def _out(table, res, return_result: bool):
    return ModelFit(table, res) if return_result else table


NICKELL_CAVEAT = ("Nickell (1981) bias: with region effects and few years per region, the "
                  "within estimate of β is biased towards fast convergence (bias of order 1/T); "
                  "read it beside kind='long_difference' or the pooled estimate")


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
    ci = res.conf_int()
    # rsquared = R² after the effects are absorbed (see module docstring); rsquared_within is
    # region-demeaned only and goes negative when year effects carry the fit.
    return _tidy(res.params.index, res.params.values, res.std_errors.values, res.pvalues.values,
                 ci.iloc[:, 0].values, ci.iloc[:, 1].values, n, method,
                 r2_within=float(res.rsquared), r2_entity_demeaned=float(res.rsquared_within),
                 r2_inclusive=float(res.rsquared_inclusive),
                 n_entities=int(res.entity_info["total"]),
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
                              r2=float(res.rsquared), cov_type=cov)
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
                               f"PanelOLS {effects or 'pooled'} effects, SE {label}",
                               cov_type=label, effects=effects or "none")
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

    With ``mundlak=True`` (default) this is the Papke–Wooldridge (2008, J. Econometrics 145)
    correlated-random-effects version for panels: each region's means of the regressors over the
    estimation sample (``mean_<x>`` terms, Mundlak 1978) enter beside them, so β is identified
    from within-region variation as in the fixed-effects model without estimating 31 region
    dummies in a nonlinear model (incidental parameters). Papke–Wooldridge use a probit link;
    here the link is logit, so β is on the log-odds scale. ``mundlak=False`` gives the pooled
    fractional logit, which compares regions with each other rather than a region over time.

    Estimated as a GLM with Binomial family and logit link (statsmodels), SE clustered by region.
    ``scale`` turns a percentage into a fraction (100); the fraction must lie in [0, 1]. Year
    dummies when ``time_effects`` (not shown in the table). Output terms: ``const``, the ``x``,
    and with ``mundlak`` the ``mean_<x>``; ``attrs['average_partial_effects']`` maps each ``x`` to
    its average partial effect on ``y`` in ``y``'s own units (mean of β·Λ'(x'β) × scale).
    """
    import numpy as np
    import pandas as pd
    import statsmodels.api as sm

    x = list(x)
    what = "fractional_logit"
    sub = _frame(data, [entity, time, y, *x], what)
    frac = sub[y] / scale
    if ((frac < 0) | (frac > 1)).any():
        bad = sub.loc[(frac < 0) | (frac > 1)].iloc[0]
        raise EstimationError(f"fractional_logit: {y}/{scale} outside [0, 1] (e.g. "
                              f"{bad[entity]} {bad[time]}: {bad[y]})")
    design = sm.add_constant(sub[x])
    if mundlak:
        _check_singletons(sub, entity, what + " (Mundlak means)")
        means = sub.groupby(entity)[x].transform("mean").add_prefix("mean_")
        design = pd.concat([design, means], axis=1)
    if time_effects:
        design = pd.concat([design, pd.get_dummies(sub[time], prefix="year", drop_first=True,
                                                   dtype=float)], axis=1)
    _check_rank(design.to_numpy(float), list(design.columns), what)
    groups = pd.factorize(sub[entity])[0]
    res = sm.GLM(frac.to_numpy(), design, family=sm.families.Binomial()).fit(
        cov_type="cluster", cov_kwds={"groups": groups})
    label = ("Papke-Wooldridge correlated random effects fractional logit (Mundlak region means)"
             if mundlak else "pooled fractional logit (no region effects)")
    table = _from_statsmodels(res, len(sub), f"{label}, GLM Binomial logit link, SE clustered by "
                              "region" + (", year dummies" if time_effects else ""))
    keep = ~table["term"].str.startswith("year_")
    out = table.loc[keep].reset_index(drop=True)
    index = design.to_numpy(float) @ res.params.to_numpy()
    density = np.exp(-index) / (1 + np.exp(-index)) ** 2
    ape = {v: float(res.params[v] * density.mean() * scale) for v in x}
    out.attrs = dict(table.attrs, n_clusters=int(np.unique(groups).size),
                     cov_type="clustered by region",
                     average_partial_effects=ape, mundlak=mundlak)
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
    """One row per region: annualised log growth from its first to its last year, start level."""
    import numpy as np

    sub = _frame(data, [entity, time, value], "convergence_regression (long_difference)",
                 positive=[value])
    sub = sub.sort_values([entity, time])
    first = sub.groupby(entity).first()
    last = sub.groupby(entity).last()
    span = last[time] - first[time]
    lone = span.index[span <= 0].tolist()
    if lone:
        raise TooFewObservationsError(f"convergence_regression: region(s) {lone} have one "
                                      f"observation of {value!r}; growth needs two")
    out = first[[time]].rename(columns={time: "start_year"}).assign(
        end_year=last[time], ln_start=np.log(first[value]),
        growth=(np.log(last[value]) - np.log(first[value])) / span)
    return out.reset_index()


def convergence_regression(data, value: str, *, kind: str = "pooled",
                           entity: str = "region_code", time: str = "year",
                           return_result: bool = False):
    """β-convergence regression of a series' growth on its starting level.

    ``kind="pooled"`` and ``kind="panel"`` use consecutive observations:
    ``g_it = (ln v_it − ln v_is)/(t − s) = a + β ln v_is (+ α_i + λ_t) + e_it``.
    ``"pooled"``: OLS with year effects, SE clustered by region (absolute convergence across
    regions). ``"panel"``: region and year effects (PanelOLS; conditional convergence towards each
    region's own steady state, Islam 1995). The panel estimate carries :data:`NICKELL_CAVEAT`
    (``attrs['caveat']``): with a lagged level and region effects over a short annual panel β is
    biased downwards (Nickell 1981), so implied half-lives come out implausibly short.
    ``kind="long_difference"``: one observation per region, the annualised growth from its first
    to its last year on the first-year level (Barro & Sala-i-Martin 1992 cross-section, OLS, HC1
    SE); no lagged dependent variable beside region effects, hence no Nickell bias, and β is the
    per-year coefficient over the whole span.

    β < 0 is convergence; ``attrs`` carry ``beta``, the implied annual speed λ = −ln(1+β) and the
    half-life in years (``implied_speed``, ``half_life``; None when β ≥ 0).
    Output terms: ``ln_start`` (and ``const`` for ``long_difference``).
    """
    import statsmodels.api as sm

    if kind in ("pooled", "panel"):
        pairs = _growth_pairs(data, value, entity, time)
        fit = two_way_fe(pairs, "growth", ["ln_start"], entity=entity, time=time,
                         entity_effects=(kind == "panel"), time_effects=True,
                         what=f"convergence_regression ({kind})", return_result=True)
        table, res = fit
    elif kind == "long_difference":
        cross = _long_difference(data, value, entity, time)
        if len(cross) < 3:
            raise TooFewObservationsError("convergence_regression (long_difference) needs at "
                                          f"least 3 regions, got {len(cross)}")
        design = sm.add_constant(cross[["ln_start"]])
        _check_rank(design.to_numpy(float), list(design.columns),
                    "convergence_regression (long_difference)")
        res = sm.OLS(cross["growth"], design).fit(cov_type="HC1")
        spans = sorted(set(zip(cross["start_year"].astype(int), cross["end_year"].astype(int))))
        table = _from_statsmodels(res, len(cross), "OLS long-difference growth on start level, "
                                  "HC1 robust SE", r2=float(res.rsquared), cov_type="HC1",
                                  spans=[list(sp) for sp in spans])
    else:
        raise EstimationError("kind must be 'pooled', 'panel' or 'long_difference', "
                              f"not {kind!r}")
    beta = float(table.loc[table["term"] == "ln_start", "coefficient"].iloc[0])
    try:
        speed, half_life = implied_speed(beta, 1.0)
    except MzError:
        speed = half_life = None
    table.attrs.update(beta=beta, implied_speed=speed, half_life=half_life)
    if kind == "panel":
        table.attrs["caveat"] = NICKELL_CAVEAT
    table["method"] = f"β-convergence ({kind}): " + table["method"]
    return _out(table, res, return_result)


# ---------------------------------------------------------------------------------------------
# side-by-side comparison


def _stars(p: float) -> str:
    return "***" if p < 0.01 else "**" if p < 0.05 else "*" if p < 0.1 else ""


def compare(fits: dict, *, digits: int = 3, stars: bool = True):
    """Several models side by side: one column per model, coefficients with (SE) beneath.

    ``fits`` maps a column title to a tidy table or a :class:`ModelFit` from any estimator here.
    Rows: each term's coefficient (stars at 10/5/1 %) and, on the next row, its standard error in
    parentheses; then ``N``, ``R² (within)`` or ``R²`` where the model has one, and the SE type.
    A term a model does not have is blank. Returns a DataFrame of strings, ready for display, and
    :func:`export_comparison` writes it as LaTeX and HTML.

    Hand-assembled from the tidy tables rather than with linearmodels' ``compare`` (panel results
    only) or statsmodels' ``summary_col`` (statsmodels results only) because a typical comparison
    here mixes PanelOLS with a statsmodels GLM.
    """
    import pandas as pd

    if not fits:
        raise EstimationError("compare: give at least one model")
    tables = {}
    for name, fit in fits.items():
        table = fit.table if isinstance(fit, ModelFit) else fit
        missing = [c for c in RESULT_COLUMNS if c not in getattr(table, "columns", [])]
        if missing:
            raise EstimationError(f"compare: model {name!r} is not a tidy model table "
                                  f"(missing {missing})")
        tables[name] = table
    terms = list(dict.fromkeys(t for table in tables.values() for t in table["term"]))
    fmt = f"{{:.{digits}f}}"
    rows: dict[str, dict[str, str]] = {}
    for term in terms:
        coef_row, se_row = {}, {}
        for name, table in tables.items():
            hit = table.loc[table["term"] == term]
            if hit.empty:
                coef_row[name] = se_row[name] = ""
                continue
            r = hit.iloc[0]
            coef_row[name] = fmt.format(r["coefficient"]) + (_stars(r["p_value"]) if stars else "")
            se_row[name] = "(" + fmt.format(r["std_error"]) + ")"
        rows[term] = coef_row
        rows[f"{term} (SE)"] = se_row
    rows["N"] = {n: str(int(t["n"].iloc[0])) for n, t in tables.items()}
    r2 = {}
    for name, table in tables.items():
        a = table.attrs
        if "r2_within" in a:  # PanelOLS: R² after the effects are absorbed
            r2[name] = fmt.format(a["r2_within"]) + (f" (within {a['effects']})"
                                                     if a.get("effects", "none") != "none" else "")
        elif "r2" in a:
            r2[name] = fmt.format(a["r2"])
        else:  # GLM: no R²
            r2[name] = ""
    rows["R²"] = r2
    rows["SE"] = {n: str(t.attrs.get("cov_type", "")) for n, t in tables.items()}
    out = pd.DataFrame.from_dict(rows, orient="index", columns=list(tables))
    out.index.name = "term"
    out.attrs["note"] = ("Standard errors in parentheses" + ("; * p<0.1, ** p<0.05, *** p<0.01"
                                                              if stars else ""))
    return out


def export_comparison(table, stem) -> dict:
    """Write a :func:`compare` table as ``<stem>.tex`` (booktabs) and ``<stem>.html``.

    Both files are written atomically (temporary file, then rename) and HTML text is escaped by
    pandas. Returns ``{"tex": path, "html": path}``.
    """
    import os
    import tempfile
    from pathlib import Path

    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    shown = table.rename(index=lambda t: "" if str(t).endswith(" (SE)") else t)
    note = table.attrs.get("note", "")
    tex = shown.to_latex(escape=True, column_format="l" + "c" * table.shape[1])
    tex += f"% {note}\n" if note else ""
    html = shown.to_html(escape=True, border=0, classes="model-comparison")
    html += f"\n<p class=\"note\">{_html_escape(note)}</p>\n" if note else "\n"
    paths = {}
    for ext, text in (("tex", tex), ("html", html)):
        target = stem.parent / f"{stem.name}.{ext}"  # stem may hold dots (coverage.models)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
        paths[ext] = target
    return paths


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)

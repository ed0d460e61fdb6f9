"""Dispersion of a per-capita measure across regions, and its convergence over time.

Scalar statistics take arrays; the ``*_by_year`` functions take a series frame (one area) and
return one row per year. Weights (e.g. population) are optional everywhere; unweighted results
treat each province as one unit, which is how the MCA provincial tables are usually compared.
"""
from __future__ import annotations

import math

from .base import IndicatorError, MissingYearError, TooFewObservationsError, check_units


def _arrays(values, weights=None, *, what: str, minimum: int = 2):
    import numpy as np

    x = np.asarray(values, dtype=float)
    if x.ndim != 1 or len(x) < minimum:
        raise TooFewObservationsError(f"{what} needs at least {minimum} values, got {len(x)}")
    if not np.isfinite(x).all():
        raise IndicatorError(f"{what}: values contain NaN or infinity")
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    if w.shape != x.shape or not np.isfinite(w).all() or (w < 0).any() or w.sum() <= 0:
        raise IndicatorError(f"{what}: weights must be finite, non-negative, one per value")
    return x, w / w.sum()


def cv(values, weights=None) -> float:
    """Coefficient of variation: ``σ / μ`` (weighted σ and μ if ``weights``). Anchor: the usual
    σ/μ dispersion measure (Williamson 1965 for weighted regional CV)."""
    import numpy as np

    x, w = _arrays(values, weights, what="cv")
    mu = float(np.sum(w * x))
    if mu <= 0:
        raise IndicatorError("cv: mean must be positive")
    return float(np.sqrt(np.sum(w * (x - mu) ** 2)) / mu)


def gini(values, weights=None) -> float:
    """Gini coefficient: ``G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 μ)`` (weights sum to 1).

    Anchor: the mean-absolute-difference definition (unweighted: Σ|x_i−x_j| / (2 n² μ)).
    """
    import numpy as np

    x, w = _arrays(values, weights, what="gini")
    if (x < 0).any():
        raise IndicatorError("gini: values must be non-negative")
    mu = float(np.sum(w * x))
    return float(np.sum(np.outer(w, w) * np.abs(x[:, None] - x[None, :])) / (2 * mu))


def theil(values, weights=None) -> float:
    """Theil T index: ``T = Σ_i w_i (x_i/μ) ln(x_i/μ)``, μ the (weighted) mean. Anchor: Theil
    (1967); 0 for equality, ln n for one unit holding everything. Values must be positive."""
    import numpy as np

    x, w = _arrays(values, weights, what="theil")
    if (x <= 0).any():
        raise IndicatorError("theil: values must be positive")
    r = x / np.sum(w * x)
    return float(np.sum(w * r * np.log(r)))


def theil_decomposition(values, groups, weights=None) -> dict:
    """Theil T split into between-group and within-group parts: ``T = T_B + T_W``.

    Formula (Shorrocks 1980): with group weight ``W_g = Σ_{i∈g} w_i``, group mean ``μ_g`` and
    income share ``s_g = W_g μ_g / μ``: ``T_B = Σ_g s_g ln(μ_g/μ)``, ``T_W = Σ_g s_g T_g``.
    Typical groups: East / Centre / West, or urban / rural. Returns total, between, within,
    between_share and per-group T.
    """
    import numpy as np

    x, w = _arrays(values, weights, what="theil_decomposition")
    g = np.asarray(list(groups))
    if g.shape != x.shape:
        raise IndicatorError("theil_decomposition: one group label per value is required")
    mu = float(np.sum(w * x))
    between = within = 0.0
    per_group = {}
    for label in sorted(set(g.tolist())):
        m = g == label
        wg = float(w[m].sum())
        mug = float(np.sum(w[m] * x[m]) / wg)
        share = wg * mug / mu
        tg = theil(x[m], w[m]) if m.sum() > 1 else 0.0
        per_group[label] = tg
        between += share * math.log(mug / mu)
        within += share * tg
    total = theil(x, w)
    return {"total": total, "between": between, "within": within,
            "between_share": between / total if total > 0 else float("nan"),
            "groups": per_group}


def max_min(values) -> float:
    """Ratio of the highest to the lowest value (``max / min``); values must be positive."""
    import numpy as np

    x, _ = _arrays(values, None, what="max_min")
    if x.min() <= 0:
        raise IndicatorError("max_min: values must be positive")
    return float(x.max() / x.min())


def _one_area(series, what):
    areas = sorted(set(series["area"]))
    if len(areas) != 1:
        raise IndicatorError(f"{what}: give one area at a time, got {areas}")
    check_units(series, sorted(set(series["unit"].astype(str))), what)


def dispersion_by_year(series, *, weights=None, min_regions: int = 3):
    """CV, Gini, Theil, max/min and σ (std. dev. of logs) across regions, one row per year.

    σ-convergence (Barro & Sala-i-Martin 1992) is a falling ``sd_log`` over years. ``weights``
    is an optional series frame (e.g. population) matched on region and year. A year with fewer
    than ``min_regions`` regions raises :class:`TooFewObservationsError` naming it — filter the
    years explicitly rather than let a 2-region year pass as a national cross-section.
    Output columns: ``year``, ``n_regions``, ``mean``, ``cv``, ``gini``, ``theil``, ``max_min``,
    ``sd_log``.
    """
    import numpy as np
    import pandas as pd

    _one_area(series, "dispersion_by_year")
    counts = series.groupby("year")["region_code"].nunique()
    thin = counts[counts < min_regions]
    if len(thin):
        raise TooFewObservationsError(
            "dispersion_by_year: year(s) with fewer than "
            f"{min_regions} regions: {dict(thin.astype(int))}; select years with a full "
            "cross-section (years=...)")
    rows = []
    for year, grp in series.groupby("year"):
        w = None
        if weights is not None:
            wmap = weights.loc[weights["year"] == year].set_index("region_code")["value"]
            missing = sorted(set(grp["region_code"]) - set(wmap.index))
            if missing:
                raise MissingYearError(f"dispersion_by_year: no weight for {missing} in {year}")
            w = wmap.loc[grp["region_code"]].to_numpy()
        x = grp["value"].to_numpy(dtype=float)
        xw, ww = _arrays(x, w, what="dispersion_by_year")
        logs = np.log(xw)
        rows.append({"year": int(year), "n_regions": len(x), "mean": float(np.sum(ww * xw)),
                     "cv": cv(x, w), "gini": gini(x, w), "theil": theil(x, w),
                     "max_min": max_min(x),
                     "sd_log": float(np.sqrt(np.sum(ww * (logs - np.sum(ww * logs)) ** 2)))})
    return pd.DataFrame(rows)


def sigma_convergence(series, **kwargs):
    """σ-convergence table: ``sd_log`` by year and its change from the first year.

    Formula: ``σ_t = sd_i(ln x_it)``; convergence when σ falls. Returns year, n_regions, sd_log,
    change_from_first. Accepts the same options as :func:`dispersion_by_year`.
    Output columns: ``year``, ``n_regions``, ``sd_log``, ``cv``, ``change_from_first``.
    """
    table = dispersion_by_year(series, **kwargs)[["year", "n_regions", "sd_log", "cv"]]
    table["change_from_first"] = table["sd_log"] - table["sd_log"].iloc[0]
    return table


def implied_speed(beta: float, years: float) -> tuple[float, float]:
    """Speed of convergence and half-life implied by a β coefficient over ``years`` years.

    With the average growth rate ``(ln x_T − ln x_0)/T`` regressed on ``ln x_0`` the slope is
    ``β = −(1 − e^{−λT})/T``, so ``λ = −ln(1 + βT)/T`` and half-life ``ln 2 / λ``
    (Barro & Sala-i-Martin 1992). Raises when ``1 + βT ≤ 0`` (over-convergence: no real λ).
    """
    arg = 1 + beta * years
    if arg <= 0:
        raise IndicatorError(f"implied_speed: 1 + βT = {arg:.3f} ≤ 0; no speed is implied")
    lam = -math.log(arg) / years
    half = math.log(2) / lam if lam > 0 else float("inf")
    return lam, half


def beta_convergence(series, *, start: int, end: int) -> dict:
    """Unconditional β-convergence between ``start`` and ``end`` across regions (OLS).

    Formula: ``(ln x_i,end − ln x_i,start)/T = a + β ln x_i,start + e_i``, T = end − start;
    β < 0 means poorer regions grew faster, speed λ and half-life from :func:`implied_speed`.
    A region with only one of the two years raises :class:`TooFewObservationsError` naming it
    (one observation gives no growth); fewer than 3 regions also raises. For standard errors use
    :func:`mzanalysis.models.convergence_regression`.
    """
    import numpy as np

    _one_area(series, "beta_convergence")
    if end <= start:
        raise IndicatorError(f"beta_convergence: end ({end}) must be after start ({start})")
    sub = series.loc[series["year"].isin([start, end])]
    wide = sub.pivot(index="region_code", columns="year", values="value")
    for y in (start, end):
        if y not in wide.columns:
            raise MissingYearError(f"beta_convergence: no figure at all for {y}")
    lone = wide.index[wide[[start, end]].isna().any(axis=1)].tolist()
    if lone:
        raise TooFewObservationsError(
            f"beta_convergence: region(s) {lone} have one observation of {start}/{end}; "
            "restrict regions= to those with both years")
    if len(wide) < 3:
        raise TooFewObservationsError("beta_convergence needs at least 3 regions")
    x0 = np.log(wide[start].to_numpy(float))
    g = (np.log(wide[end].to_numpy(float)) - x0) / (end - start)
    if np.ptp(x0) == 0:
        raise IndicatorError("beta_convergence: all regions start at the same level; β undefined")
    design = np.column_stack([np.ones_like(x0), x0])
    (a, b), *_ = np.linalg.lstsq(design, g, rcond=None)
    out = {"beta": float(b), "intercept": float(a), "n": len(x0), "years": end - start}
    try:
        out["speed"], out["half_life"] = implied_speed(float(b), end - start)
    except IndicatorError as exc:  # over-convergence: say so instead of returning NaN
        out.update(speed=None, half_life=None, note=str(exc))
    return out

"""Headline numbers the notebooks report and the tests check against published figures.

Each function says which series it used (a cited national figure, or one built from the
provincial panel) so a reader can trace the number; where neither exists it raises
:class:`~mzanalysis.indicators.MissingYearError` rather than guess.

Published anchors reproduced here:
- UNICEF China, *Children in China: an atlas of social indicators* (2013 data): urban dibao line
  ≈ 25 %, rural ≈ 37 % of per-capita consumption expenditure.
- MCA: total dibao recipients 75.8 million (2011) → 40.3 million (2022).
- Ravallion (2009): poorer places set lower lines (positive line–income elasticity).
"""
from __future__ import annotations

import re

from .indicators import base, standards
from .indicators.base import IndicatorError, MissingYearError

#: The 31 mainland provinces; a provincial sum or mean is "national" only when all are present.
N_PROVINCES = 31

# MCA bulletins state the change on the previous year: "比上年提高343元" (rose by 343 yuan).
_RISE = re.compile(r"比上年(提高|增加)(\d+(?:\.\d+)?)元")


def national_standard(facts, year: int, area: str) -> dict:
    """National average dibao standard (yuan per person per year) for ``year`` and ``area``.

    Uses the cited national figure; if there is none, derives it from the following year's cited
    figure and that same source's stated rise ("比上年提高 X 元", in the unit of the figure), and
    says so in ``source`` (e.g. rural 2013 = 2777 − 343 = 2434 元/年 from the 2014 bulletin).
    """
    series = base.select(facts, "dibao_standard", area=area, level="national")
    rows = series.loc[series["year"] == year]
    if len(rows):
        annual = standards.annualise_standard(rows)
        return {"value": float(annual["value"].iloc[0]), "source": "cited national figure",
                "source_ref": str(rows["source_ref"].iloc[0])}
    nxt = series.loc[series["year"] == year + 1]
    if len(nxt):
        match = _RISE.search(str(nxt["source_ref"].iloc[0]))
        if match:
            derived = nxt.assign(value=nxt["value"] - float(match.group(2)))
            annual = standards.annualise_standard(derived)
            return {"value": float(annual["value"].iloc[0]),
                    "source": f"derived: {year + 1} figure minus the rise its source states "
                              f"({match.group(0)})",
                    "source_ref": str(nxt["source_ref"].iloc[0])}
    raise MissingYearError(f"no national {area} dibao standard for {year}, and no {year + 1} "
                           "figure stating the rise on the previous year")


def national_per_capita(facts, indicator: str, year: int, area: str,
                        min_regions: int = N_PROVINCES) -> dict:
    """National per-capita figure (e.g. consumption) for ``year`` and ``area``.

    The cited national figure when there is one; otherwise the population-weighted mean of the
    provincial figures, ``Σ P_i,area x_i / Σ P_i,area``, with urban and rural population from
    resident population × urbanisation rate (:func:`~mzanalysis.indicators.area_population`),
    requiring ``min_regions`` provinces so a partial cross-section is never passed off as national.
    """
    try:
        cited = base.select(facts, indicator, area=area, level="national", years=[year])
        return {"value": float(cited["value"].iloc[0]), "source": "cited national figure",
                "n_regions": None}
    except IndicatorError:
        pass
    try:
        values = base.select(facts, indicator, area=area, level="province", years=[year])
        population = base.select(facts, "population", area="all", level="province", years=[year])
        if area == "all":
            weights = population
        else:
            rate = base.select(facts, "urbanisation_rate", area="all", level="province",
                               years=[year])
            weights = standards.area_population(population, rate)
            weights = weights.loc[weights["area"] == area]
        mean = standards.weighted_mean(values, weights)
    except IndicatorError as exc:
        raise MissingYearError(
            f"no cited national {area} {indicator} for {year}, and no provincial panel to build "
            f"one ({exc}); load a provincial panel with population and urbanisation "
            "(e.g. load_panel(data_dir))") from None
    n = int(mean["n_regions"].iloc[0])
    if n < min_regions:
        raise MissingYearError(f"{indicator} {area} {year}: only {n} provinces have both the "
                               f"figure and population weights (need {min_regions})")
    return {"value": float(mean["value"].iloc[0]), "n_regions": n,
            "source": f"population-weighted mean of {n} provincial figures "
                      f"({area} population = population × urbanisation rate)"}


def standard_share_of_consumption(facts, year: int, area: str) -> dict:
    """National standard as % of national per-capita consumption (UNICEF / 消费支出比例法)."""
    std = national_standard(facts, year, area)
    cons = national_per_capita(facts, "consumption_expenditure", year, area)
    return {"year": year, "area": area, "share_pct": std["value"] / cons["value"] * 100.0,
            "standard_yearly": std["value"], "standard_source": std["source"],
            "consumption_yearly": cons["value"], "consumption_source": cons["source"]}


def total_recipients(facts, year: int) -> dict:
    """Urban + rural dibao recipients (persons) in ``year``.

    From the cited national series when it has both areas for the year; otherwise the sum over
    provinces, which must cover all 31 in both areas (the README of the shared panel notes its
    urban table is incomplete before 2011).
    """
    try:
        nat = base.select(facts, "dibao_recipients", area=["urban", "rural"], level="national",
                          years=[year])
        if set(nat["area"]) == {"urban", "rural"}:
            return {"value": float(nat["value"].sum()), "source": "cited national figures",
                    "urban": float(nat.loc[nat["area"] == "urban", "value"].iloc[0]),
                    "rural": float(nat.loc[nat["area"] == "rural", "value"].iloc[0])}
    except IndicatorError:
        pass
    try:
        prov = base.select(facts, "dibao_recipients", area=["urban", "rural"], level="province",
                           years=[year])
    except IndicatorError:
        raise MissingYearError(f"no national or provincial dibao recipients for {year}") from None
    counts = prov.groupby("area")["region_code"].nunique().to_dict()
    if any(counts.get(a, 0) < N_PROVINCES for a in ("urban", "rural")):
        raise MissingYearError(f"dibao recipients {year}: no national figure and provinces cover "
                               f"only {counts} (need {N_PROVINCES} in each area)")
    by_area = prov.groupby("area")["value"].sum()
    return {"value": float(by_area.sum()), "urban": float(by_area["urban"]),
            "rural": float(by_area["rural"]),
            "source": f"sum over {N_PROVINCES} provinces (urban and rural)"}


def line_income_table(facts, year: int, area: str = "urban"):
    """Provincial standards (annualised) beside per-capita disposable income for one year.

    Standards use the annual figure or, if none, the latest figure of the year (MCA's June 2011
    table for urban 2011); income is the NBS annual figure for the same area.
    """
    st = base.select(facts, "dibao_standard", area=area, level="province", years=[year],
                     periods="prefer_annual")
    st = standards.annualise_standard(st)
    inc = base.select(facts, "disposable_income", area=area, level="province", years=[year])
    merged = st[["region_code", "region", "year", "period", "value"]].rename(
        columns={"value": "standard"}).merge(
        inc[["region_code", "value"]].rename(columns={"value": "income"}), on="region_code")
    if len(merged) < 3:
        raise MissingYearError(f"{area} {year}: only {len(merged)} provinces have both a standard "
                               "and disposable income")
    return merged.reset_index(drop=True)


def line_income_elasticity(facts, year: int, area: str = "urban"):
    """Ravallion line–income elasticity across provinces in ``year`` (tidy OLS table)."""
    from .models import line_elasticity

    table = line_elasticity(line_income_table(facts, year, area))
    table.attrs["year"] = year
    return table


def attempt(label: str, cannot: dict, fn, *args, **kwargs):
    """Call ``fn``; on a user-facing error record "cannot estimate" under ``label`` and return None.

    Notebooks use this so a number the data cannot support is reported as such (printed, and
    listed in results.json) instead of appearing as NaN or stopping the whole notebook.
    """
    from .errors import MzError

    try:
        return fn(*args, **kwargs)
    except MzError as exc:
        cannot[label] = str(exc)
        print(f"Cannot estimate {label}: {exc}")
        return None


def common_results(facts, *, share_year: int = 2013, recipient_years=(2011, 2022),
                   elasticity_year: int = 2011, cannot: dict | None = None) -> dict:
    """The headline numbers both study notebooks write to results.json (None where unsupported)."""
    cannot = {} if cannot is None else cannot
    out: dict = {}
    for area in ("urban", "rural"):
        key = f"{area}_standard_share_of_consumption_{share_year}"
        share = attempt(key, cannot, standard_share_of_consumption, facts, share_year, area)
        out[key] = None if share is None else share["share_pct"]
        out[key + "_detail"] = share
    for year in recipient_years:
        rec = attempt(f"recipients_{year}", cannot, total_recipients, facts, year)
        out[f"recipients_{year}"] = None if rec is None else rec["value"]
        out[f"recipients_{year}_detail"] = rec
    key = f"line_income_elasticity_{elasticity_year}"
    table = attempt(key, cannot, line_income_elasticity, facts, elasticity_year)
    if table is None:
        out[key] = out[key + "_se"] = None
    else:
        row = table.set_index("term").loc["ln_income"]
        out[key], out[key + "_se"] = float(row["coefficient"]), float(row["std_error"])
        out[key + "_p_value"], out[key + "_n"] = float(row["p_value"]), int(row["n"])
        out[key + "_method"] = str(row["method"])
    return out


def table_records(table) -> list[dict]:
    """A tidy result table as JSON-ready records (NaN → None)."""
    import math

    records = table.to_dict(orient="records")
    return [{k: (None if isinstance(v, float) and not math.isfinite(v) else
                 (v.item() if hasattr(v, "item") else v)) for k, v in r.items()} for r in records]


def write_results(path, results: dict) -> None:
    """Write ``results`` as pretty, key-sorted JSON atomically (temp file + rename)."""
    import json
    import math
    import os
    import tempfile
    from pathlib import Path

    def clean(v):
        if isinstance(v, dict):
            return {str(k): clean(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [clean(x) for x in v]
        if hasattr(v, "item") and not isinstance(v, (str, bytes)):
            v = v.item()
        if isinstance(v, float) and not math.isfinite(v):
            return None
        return v

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(clean(results), handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.write("\n")
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise

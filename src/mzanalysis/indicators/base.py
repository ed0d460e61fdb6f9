"""Selecting one clean series out of the fact table, and the errors indicators raise.

Every indicator works on a *series frame*: the fact-table rows of one indicator, at most one row
per (region_code, year, area). :func:`select` builds it and refuses ambiguity (two sources for the
same region-year, an annual and a quarterly figure mixed) instead of silently picking one, so an
indicator never averages a June figure with a December one without the user saying so.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from ..errors import MzError

#: Columns identifying one observation of a series.
KEYS: tuple[str, ...] = ("region_code", "year", "area")
#: Identifying columns carried into every result table.
ID_COLUMNS: tuple[str, ...] = ("region_code", "region", "level", "year", "area")


class IndicatorError(MzError, ValueError):
    """An indicator cannot be computed from the data given; the message says which rows and why."""


class UnitError(IndicatorError):
    """Units are missing, unexpected or mixed within one series."""


class MissingYearError(IndicatorError):
    """A computation needs a year (or a CPI figure, or an endpoint) that the data do not have."""


class TooFewObservationsError(IndicatorError):
    """Too few regions or years for the statistic (e.g. a region with one observation)."""


class AmbiguousFactsError(IndicatorError):
    """More than one fact for the same region, year and area where one was expected."""


def _describe_rows(frame, limit: int = 8) -> str:
    cols = [c for c in ("region", "region_code", "year", "period", "area", "variant", "value",
                        "unit", "source") if c in frame.columns]
    lines = [" ".join(f"{c}={row[c]!s}" for c in cols) for _, row in frame.head(limit).iterrows()]
    more = f"\n  … and {len(frame) - limit} more" if len(frame) > limit else ""
    return "\n  " + "\n  ".join(lines) + more


def require_columns(frame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise IndicatorError(f"{what}: missing column(s) {', '.join(missing)}; expected a fact "
                             "table (see mzanalysis.schema)")


def _region_codes(regions) -> list[str]:
    """GB/T 2260 codes for a region or list of regions given as codes, names or Region objects."""
    from ..regions import Region, resolve

    items = [regions] if isinstance(regions, (str, Region)) else list(regions)
    return [r.code if isinstance(r, Region) else resolve(str(r)).code for r in items]


def in_force(facts):
    """The fact table with each raise read as reports mean it: the level in force per period.

    A work report says 城市低保标准由900元提高到950元 in its 2023 summary: 950 (qualifier ``new``) is
    the 2023 level, 900 (``old``) the level of the year before. Rows qualified ``old`` are moved to
    the previous year (an annual period follows, a sub-annual one is kept as stated) and dropped
    where that year already has a figure of its own for the same key, so an ``old`` value never
    competes with the level in force. Tables without a ``qualifier`` column are returned as is.
    """
    if "qualifier" not in facts.columns:
        return facts
    old = facts["qualifier"].astype("object").eq("old")
    if not old.any():
        return facts
    import numpy as np
    import pandas as pd

    moved = facts.loc[old].copy()
    annual = moved["period"].astype(str) == moved["year"].astype(str)
    moved["year"] = moved["year"].astype("int64") - 1
    moved.loc[annual, "period"] = moved.loc[annual, "year"].astype(str)
    kept = facts.loc[~old]
    key = [c for c in ("region_code", "year", "period", "indicator", "area", "variant")
           if c in facts.columns]

    def keys(frame):
        return zip(*(frame[c].astype(str) for c in key))

    have = set(keys(kept))
    moved = moved.loc[np.fromiter((k not in have for k in keys(moved)), bool, len(moved))]
    return pd.concat([kept, moved]).sort_index(kind="stable")


def _in_force_of(facts, indicator: str, area, regions):
    """``in_force(facts)`` restricted to the rows of ``indicator`` (and ``area``, ``regions`` when
    given), computed on those rows only.

    :func:`in_force` pairs a row only with rows of the same indicator, area and region (they are
    part of its key and it never changes them), so filtering on them first gives the same rows in
    the same order — without copying and sorting the whole fact table on every call. When the
    whole table has ``old`` rows, :func:`in_force` returns it in index order; the subset is put
    in index order too.
    """
    mask = facts["indicator"] == indicator
    for column, wanted in (("area", area), ("region_code", regions)):
        if wanted is not None:
            mask &= facts[column].isin([wanted] if isinstance(wanted, str) else list(wanted))
    rows = facts.loc[mask]
    if "qualifier" not in facts.columns:
        return rows
    moved = in_force(rows)
    if moved is not rows or rows.index.is_monotonic_increasing:  # sorted, or already in order
        return moved
    return (rows.sort_index(kind="stable") if facts["qualifier"].astype("object").eq("old").any()
            else rows)


#: Up to this many matching rows, :func:`select` picks each key's figure in plain Python (linear).
_SMALL = 5000


def _prefer_annual_small(keys, annual):
    """``keys`` reduced to each key's annual rows, else its rows of the latest period — the same
    rows, in the same order, as the pandas sort and ``groupby.transform("last")`` of
    :func:`select`, for a few rows without missing values (most calls of a brief: a dozen
    rows, where pandas' fixed cost per operation was most of the time)."""
    import numpy as np

    ann = annual.to_numpy()
    rows = list(zip(keys["region_code"].tolist(), keys["year"].tolist(), keys["area"].tolist(),
                    ann.tolist(), keys["period"].astype(str).tolist()))
    best: dict = {}
    for rc, yr, ar, an, pe in rows:
        k = (rc, yr, ar)
        if k not in best or (an, pe) > best[k]:
            best[k] = (an, pe)
    keep = np.fromiter((best[(rc, yr, ar)] == (an, pe) for rc, yr, ar, an, pe in rows), bool,
                       len(rows))
    # the pandas path sorts by (annual, period), stably: kept rows of one key share both, so
    # only the order between keys changes, which the final sort by key settles
    kept = keys.loc[keep]
    order = np.lexsort((np.arange(len(kept)), kept["period"].astype(str).to_numpy(),
                        annual.to_numpy()[keep].astype(int)))
    return kept.iloc[order]


def select(facts, indicator: str, *, area: str | Sequence[str] | None = None,
           level: str | Sequence[str] | None = None, regions=None,
           years: Iterable[int] | None = None, variant: str | None = None,
           periods: str = "annual", on_duplicate: str = "error"):
    """Rows of one ``indicator`` as a series frame: at most one row per region, year and area.

    ``periods``: ``"annual"`` keeps only figures whose period is the year itself (year-end stocks
    and annual flows); ``"prefer_annual"`` keeps the annual figure where there is one, else the
    latest sub-annual figure of that year (e.g. MCA's June 2011 provincial table), recorded in the
    ``period`` column so results say which date they rest on.
    ``regions``: one region or a list, each a GB/T 2260 code, a name or alias (广东, 广东省,
    Guangdong) or a :class:`~mzanalysis.regions.Region`; an unknown name raises
    :class:`~mzanalysis.errors.RegionError` listing close matches.
    ``variant``: ``None`` keeps rows without a variant (the programme total); pass a variant name
    (e.g. ``"dispersed"``) to pick that sub-programme.
    Raises are read as levels in force (:func:`in_force`): the ``new`` value of a raise is the
    year's level, the ``old`` value the previous year's.
    ``on_duplicate``: ``"error"`` (default) raises :class:`AmbiguousFactsError` listing the
    competing rows; ``"first"`` keeps the first in table order (loaders put preferred rows first).
    Raises :class:`IndicatorError` when nothing matches, naming what was asked for.
    """
    import pandas as pd

    require_columns(facts, ("region_code", "region", "level", "year", "period", "indicator",
                            "area", "value", "unit"), f"select({indicator!r})")
    if regions is not None:
        regions = _region_codes(regions)

    def nothing():
        return IndicatorError(
            f"no {indicator!r} facts for area={area!r}, level={level!r}, variant={variant!r}"
            + (f", regions={list(regions)}" if regions is not None else "")
            + (f", years={sorted(years)}" if years is not None else ""))

    facts = _in_force_of(facts, indicator, area, regions)
    if facts.empty:  # nothing of the indicator, area and regions: the masks below keep nothing
        raise nothing()
    mask = facts["indicator"] == indicator
    for column, wanted in (("area", area), ("level", level), ("region_code", regions)):
        if wanted is not None:
            wanted = [wanted] if isinstance(wanted, str) else list(wanted)
            mask &= facts[column].isin(wanted)
    if years is not None:
        mask &= facts["year"].isin(list(years))
    if "variant" in facts.columns:
        mask &= facts["variant"].isna() if variant is None else facts["variant"] == variant
    if not mask.any():
        raise nothing()
    # The choices below are made on a small frame of the key columns and the matching rows
    # taken once at the end: a fact table has some twenty columns, and copying, sorting and
    # grouping all of them for every step was most of the time of a brief's many selects.
    keys = pd.DataFrame({"region_code": facts["region_code"], "year": facts["year"].astype("int64"),
                         "area": facts["area"], "period": facts["period"]}).loc[mask]
    annual = keys["period"].astype(str) == keys["year"].astype(str)
    if periods == "prefer_annual" and len(keys) <= _SMALL and not keys.isna().to_numpy().any():
        keys = _prefer_annual_small(keys, annual)
    elif periods == "annual":
        keys = keys.loc[annual]
        if keys.empty:
            raise IndicatorError(f"{indicator!r}: only sub-annual figures match; pass "
                                 "periods='prefer_annual' to use the latest figure of each year")
    elif periods == "prefer_annual":
        # per key, the annual figure if there is one, else the latest sub-annual period
        keys = keys.assign(_annual=annual.astype(int))
        keys = keys.sort_values(["_annual", "period"], kind="stable")
        best = keys.groupby(list(KEYS))[["_annual", "period"]].transform("last")
        keys = keys.loc[(keys["_annual"] == best["_annual"]) & (keys["period"] == best["period"])]
    else:
        raise IndicatorError(f"periods must be 'annual' or 'prefer_annual', not {periods!r}")
    dup = keys.duplicated(list(KEYS), keep=False)
    if dup.any():
        if on_duplicate == "first":
            keys = keys.loc[~keys.duplicated(list(KEYS), keep="first")]
        elif on_duplicate == "error":
            rows = facts.loc[keys.index[dup.to_numpy()]]
            raise AmbiguousFactsError(
                f"{indicator!r}: {int(dup.sum())} rows share a region, year and area; reconcile "
                "them first or pass on_duplicate='first':" + _describe_rows(rows))
        else:
            raise IndicatorError(f"on_duplicate must be 'error' or 'first', not {on_duplicate!r}")
    order = keys.sort_values(list(KEYS)).index
    rows = facts.loc[order].reset_index(drop=True)
    rows["year"] = rows["year"].astype("int64")
    return rows


def check_units(series, allowed: Sequence[str], what: str) -> str:
    """Return the single unit of ``series``; raise :class:`UnitError` if it is mixed or not allowed."""
    units = sorted(set(series["unit"].astype(str)))
    bad = [u for u in units if u not in allowed]
    if bad:
        raise UnitError(f"{what}: unit(s) {bad} not allowed here (expected one of {list(allowed)}):"
                        + _describe_rows(series.loc[series["unit"].isin(bad)]))
    if len(units) > 1:
        raise UnitError(f"{what}: mixed units {units} in one series; convert first (e.g. "
                        "annualise_standard for per-month and per-year standards):"
                        + _describe_rows(series.drop_duplicates("unit")))
    if not units:
        raise IndicatorError(f"{what}: empty series")
    return units[0]


def pair(left, right, *, left_name: str, right_name: str, match_area: bool = True,
         broadcast_national: bool = False, lag: int = 0):
    """Join two series frames on region and year (and area), for ratio-type indicators.

    ``broadcast_national`` lets a national-only right-hand series (poverty line, national CPI)
    apply to every region. ``lag`` pairs year t on the left with year t−lag on the right (the MCA
    消费支出比例法 sets this year's standard from last year's consumption). Raises
    :class:`MissingYearError` when no region-year has both figures, naming the years on each side.
    """
    right = right.copy()
    right["year"] = right["year"] + lag
    on = ["region_code", "year"] + (["area"] if match_area else [])
    cols = on + ["value"]
    if broadcast_national and set(right["region_code"]) == {"000000"}:
        on = [c for c in on if c != "region_code"]
        cols = on + ["value"]
    merged = left.merge(right[cols].rename(columns={"value": "_right"}), on=on, how="left")
    missing = merged["_right"].isna()
    if missing.all():
        raise MissingYearError(
            f"no {left_name} figure has a matching {right_name} figure"
            f"{f' (lag {lag})' if lag else ''}: {left_name} years {sorted(set(left['year']))}, "
            f"{right_name} years {sorted(set(right['year']))}")
    return merged.loc[~missing].reset_index(drop=True), merged.loc[missing].reset_index(drop=True)


def result(frame, columns: Sequence[str]):
    """Keep the identifying columns and the named result columns, in a stable order."""
    keep = [c for c in ID_COLUMNS if c in frame.columns] + [c for c in ("period",)
                                                             if c in frame.columns]
    return frame[keep + [c for c in columns if c not in keep]].reset_index(drop=True)


def ratio_table(merged, unpaired, *, left: str, right: str, name: str, scale: float = 1.0):
    """Result of a ratio indicator from :func:`pair`'s output: ``name = left / right × scale``.

    Keeps both operands under readable names (``left``, ``right``) beside the ratio, and records
    how many left-hand rows had no partner in ``attrs['unpaired']``.
    """
    merged[left] = merged["value"]
    merged[right] = merged["_right"]
    merged[name] = merged["value"] / merged["_right"] * scale
    out = result(merged, [left, right, name])
    out.attrs["unpaired"] = len(unpaired)
    return out


def wide(facts, spec: dict, *, periods: str = "annual", on_duplicate: str = "error"):
    """A region × year table with one column per entry of ``spec``, for the models.

    ``spec`` maps a column name to ``(indicator, area)``, ``(indicator, area, level)`` or
    ``(indicator, area, level, variant)`` (e.g. ``("budget_revenue", "all", "province",
    "per_capita")``).
    Region-years are kept where at least one column is present; models drop incomplete rows
    themselves and report how many they used (``n``). Units are checked to be uniform per column.
    """
    import pandas as pd

    columns = []
    for name, entry in spec.items():
        indicator, area, *rest = entry
        level = rest[0] if rest else None
        variant = rest[1] if len(rest) > 1 else None
        s = select(facts, indicator, area=area, level=level, variant=variant, periods=periods,
                   on_duplicate=on_duplicate)
        check_units(s, sorted(set(s["unit"])), f"column {name!r} ({indicator}, {area})")
        columns.append(s.set_index(["region_code", "year"])["value"].rename(name))
        names = s.drop_duplicates("region_code").set_index("region_code")["region"]
        columns.append(names.rename("region").to_frame().reset_index())
    series = [c for c in columns if isinstance(c, pd.Series)]
    table = pd.concat(series, axis=1).reset_index()
    names = pd.concat([c for c in columns if isinstance(c, pd.DataFrame)]).drop_duplicates(
        "region_code")
    table = table.merge(names, on="region_code", how="left")
    return table[["region_code", "region", "year", *spec]].sort_values(
        ["region_code", "year"]).reset_index(drop=True)

"""Reconciliation: do figures that should add up, add up?

Three checks, each returning rows of one tidy table (:data:`COLUMNS`):

* :func:`national_vs_provinces` — the national figure against the sum over the 31 provinces, per
  additive indicator, area, variant and period. MCA totals are sums of provincial reports, so a
  gap beyond rounding means a table is incomplete or a figure is mis-keyed.
* :func:`expenditure_vs_benefit` — dibao spending against recipients × average benefit × 12.
  Recipients are year-end stocks while spending is a flow over the year, so recipients are
  averaged over the start and end of the year where both are known, and the tolerance is wider
  (10 %): spending also includes one-off price subsidies (临时价格补贴) paid through dibao.
* :func:`tables_vs_curated` — every key where a user's table and the embedded curated data
  disagree (``load_panel`` prefers the user's table and flags ``source_conflict``; this lists
  them, never resolving them silently).
* :func:`report_vs_official` — a figure stated in a report (a work report, a news item) against
  the official figure for the same region, year, period, indicator, area and variant.

``flag`` is one of ``ok``, ``mismatch`` (gap beyond the tolerance), ``incomplete`` (not all 31
provinces present, so the sum cannot be judged; the detail gives the shortfall),
``no_reference`` (nothing to compare with).
"""
from __future__ import annotations

COLUMNS = ("check", "region_code", "region", "year", "period", "indicator", "area", "variant",
           "reference", "compared", "gap", "gap_pct", "tolerance_pct", "flag", "detail")

#: Indicators whose provincial values add up to the national one.
ADDITIVE = ("dibao_recipients", "dibao_households", "dibao_expenditure", "tekun_recipients",
            "tekun_expenditure", "orphan_recipients", "orphan_expenditure",
            "temporary_assistance_recipients", "temporary_assistance_expenditure",
            "disability_subsidy_recipients", "medical_assistance_expenditure", "population")

N_PROVINCES = 31


def _preferred(facts):
    if "preferred" in facts.columns:
        return facts[facts["preferred"].astype(bool)]
    return facts


def _variant(frame):
    return frame["variant"].astype("object").where(frame["variant"].notna(), "")


def _frame(rows):
    import pandas as pd

    out = pd.DataFrame(rows, columns=list(COLUMNS))
    out["variant"] = out["variant"].replace("", None)
    return out


def _gap_flag(reference, compared, tolerance_pct):
    gap = compared - reference
    pct = gap / reference * 100 if reference else float("nan")
    ok = abs(pct) <= tolerance_pct
    return gap, pct, "ok" if ok else "mismatch"


def national_vs_provinces(facts, *, tolerance_pct: float = 0.5, indicators=ADDITIVE):
    """National value vs Σ provinces for each additive indicator/area/variant/period."""
    from .regions import CHINA

    data = _preferred(facts)
    data = data[data["indicator"].isin(indicators)].assign(_v=_variant(data))
    keys = ["indicator", "area", "_v", "year", "period"]
    national = data[data["region_code"] == CHINA.code].groupby(keys)["value"].first()
    provinces = data[data["level"] == "province"].groupby(keys)["value"].agg(["sum", "size"])
    rows = []
    for key in sorted(set(national.index) | set(provinces.index)):
        indicator, area, variant, year, period = key
        has_nat = key in national.index
        n = int(provinces.loc[key, "size"]) if key in provinces.index else 0
        if n == 0:
            continue  # a national figure with no provincial table: nothing to reconcile
        total = float(provinces.loc[key, "sum"])
        ref = float(national[key]) if has_nat else float("nan")
        detail = f"Σ of {n}/{N_PROVINCES} provinces"
        if has_nat:
            gap, pct, flag = _gap_flag(ref, total, tolerance_pct)
            if n < N_PROVINCES:  # a partial sum cannot be judged, whatever its gap
                flag = "incomplete"
                detail += f"; {abs(pct):.1f} % {'short of' if gap < 0 else 'above'} national"
        else:
            gap = pct = float("nan")
            flag = "incomplete" if n < N_PROVINCES else "no_reference"
            detail += "; no national figure"
        rows.append(("national_vs_provinces", CHINA.code, CHINA.name, year, period, indicator,
                     area, variant, ref, total, gap, pct, tolerance_pct, flag, detail))
    return _frame(rows)


def expenditure_vs_benefit(facts, *, tolerance_pct: float = 10.0):
    """Dibao spending vs mean recipients × average monthly benefit × 12, per region/area/year."""
    data = _preferred(facts)
    data = data[data["variant"].isna() & (data["period"] == data["year"].astype(str))]
    pick = {ind: data[data["indicator"] == ind].set_index(["region_code", "area", "year"])
            for ind in ("dibao_expenditure", "dibao_recipients", "dibao_avg_benefit")}
    rows = []
    spend = pick["dibao_expenditure"]
    for (code, area, year), row in spend.iterrows():
        key = (code, area, year)
        benefit = pick["dibao_avg_benefit"]
        recipients = pick["dibao_recipients"]
        base = ("expenditure_vs_benefit", code, row["region"], year, str(year),
                "dibao_expenditure", area, None)
        if key not in benefit.index or key not in recipients.index:
            missing = [n for n, t in (("average benefit", benefit), ("recipients", recipients))
                       if key not in t.index]
            rows.append(base + (float(row["value"]), float("nan"), float("nan"), float("nan"),
                                tolerance_pct, "no_reference", "no " + " or ".join(missing)))
            continue
        b = benefit.loc[key]
        monthly = b["value"] if b["unit"] == "yuan_per_person_month" else b["value"] / 12
        end = float(recipients.loc[key, "value"])
        prev = (code, area, year - 1)
        if prev in recipients.index:
            mean = (end + float(recipients.loc[prev, "value"])) / 2
            how = "mean of year-start and year-end recipients"
        else:
            mean = end
            how = "year-end recipients (no year-start figure)"
        implied = mean * monthly * 12
        gap, pct, flag = _gap_flag(float(row["value"]), implied, tolerance_pct)
        rows.append(base + (float(row["value"]), implied, gap, pct, tolerance_pct, flag,
                            f"{how} × {monthly:.1f} yuan/month × 12"))
    return _frame(rows)


def report_vs_official(reported, official, *, tolerance_pct: float = 0.5):
    """Figures stated in reports vs official figures for the same key.

    ``reported`` is any fact table (e.g. facts extracted from reports); ``official`` a fact
    table of official figures (e.g. :func:`mzanalysis.loaders.load_panel`). Monthly and yearly
    amounts are compared on the reported row's unit (monthly ×12 = yearly).
    """
    off = _preferred(official).assign(_v=_variant(official))
    off = off.drop_duplicates(["region_code", "year", "period", "indicator", "area", "_v"])
    off = off.set_index(["region_code", "year", "period", "indicator", "area", "_v"])
    rows = []
    for _, r in reported.assign(_v=_variant(reported)).iterrows():
        key = (r["region_code"], r["year"], r["period"], r["indicator"], r["area"], r["_v"])
        base = ("report_vs_official", r["region_code"], r["region"], r["year"], r["period"],
                r["indicator"], r["area"], r["_v"])
        if key not in off.index:
            rows.append(base + (float("nan"), float(r["value"]), float("nan"), float("nan"),
                                tolerance_pct, "no_reference",
                                f"no official figure; reported by {r['source']}"))
            continue
        o = off.loc[key]
        ref = float(o["value"])
        if o["unit"] != r["unit"]:
            if {o["unit"], r["unit"]} == {"yuan_per_person_month", "yuan_per_person_year"}:
                ref = ref * 12 if r["unit"] == "yuan_per_person_year" else ref / 12
            else:
                rows.append(base + (ref, float(r["value"]), float("nan"), float("nan"),
                                    tolerance_pct, "mismatch",
                                    f"units differ: {r['unit']} vs official {o['unit']}"))
                continue
        gap, pct, flag = _gap_flag(ref, float(r["value"]), tolerance_pct)
        rows.append(base + (ref, float(r["value"]), gap, pct, tolerance_pct, flag,
                            f"reported by {r['source']}; official from {o['source']}"))
    return _frame(rows)


def tables_vs_curated(facts, *, tolerance_pct: float = 0.5):
    """Keys where a user's table and the curated data give different values.

    ``facts`` is :func:`mzanalysis.loaders.load_panel` with ``preferred=False`` (every row);
    ``reference`` is the curated preferred value, ``compared`` the user's table's value.
    """
    every = facts.assign(_v=_variant(facts))
    curated = every["source"].astype(str).str.startswith("curated:")
    # load_panel reads the curated data with one preferred row per key
    key = ["region_code", "year", "period", "indicator", "area", "_v"]
    cur = every[curated].drop_duplicates(key).set_index(key)
    rows = []
    for _, r in every[~curated].iterrows():
        k = (r["region_code"], r["year"], r["period"], r["indicator"], r["area"], r["_v"])
        if k not in cur.index:
            continue
        o = cur.loc[k]
        if o["unit"] != r["unit"]:
            continue
        gap, pct, flag = _gap_flag(float(o["value"]), float(r["value"]), tolerance_pct)
        if flag == "ok":
            continue
        rows.append(("tables_vs_curated", r["region_code"], r["region"], r["year"], r["period"],
                     r["indicator"], r["area"], r["_v"], float(o["value"]), float(r["value"]),
                     gap, pct, tolerance_pct, flag,
                     f"user table {r['source']} (used) vs curated {o.get('source_class', '')} "
                     f"{str(o['source_ref'])[:80]}"))
    return _frame(rows)


def reconcile(facts, *, reported=None, tolerance_pct: float = 0.5,
              spending_tolerance_pct: float = 10.0):
    """All checks on a fact table (and ``reported`` facts, if given), as one tidy table."""
    import pandas as pd

    parts = [national_vs_provinces(facts, tolerance_pct=tolerance_pct),
             expenditure_vs_benefit(facts, tolerance_pct=spending_tolerance_pct)]
    if reported is not None:
        parts.append(report_vs_official(reported, facts, tolerance_pct=tolerance_pct))
    return pd.concat(parts, ignore_index=True)

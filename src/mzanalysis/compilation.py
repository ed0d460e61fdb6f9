"""Figures of the two repository panels as cited facts of the ``compilation`` source class.

The shared material holds two public repositories' provincial panels: ``cnmoderndata/*.xlsx``
(Haohanblue/cnmoderndata, whose ``index.xlsx`` names the statistical source of each table —
中经网 for most, 国家统计局 for GDP per capita) and ``nbs_population/History_POP.csv``
(pik-piam/PyPSA-China-PIK, naming NBS table E0103). The files never enter the project; their
figures do, one fact per cell, each citing the statistical source the repository names, with the
repository path and commit as the route (``source_ref``: route URL | source | cell). They form a
source class of their own, ``compilation``: official statistics, but compiled by a third party.

**Vintage policy (population).** Provincial resident population is taken from History_POP,
which carries NBS's figures *after* the revision that followed the 2020 census, for every year
2005–2024. First-published yearbook figures differ by up to 8 % (广东 2015: 10,849 vs 11,678 万).
A series never mixes the two: every other provincial population figure is kept under the variant
``first_published`` (see :data:`mzanalysis.curate.FIRST_PUBLISHED`), so the default series
(variant empty) is the revised vintage throughout, and :func:`mzanalysis.loaders.load_panel`
applies the same rule to a user's tables (a user's population table replaces the curated series
of a region as a whole, never year by year).

Urban and rural population are not in either panel: they are derived as population ×
urbanisation rate (B2) and population − urban, flagged ``derived``.
"""
from __future__ import annotations

from pathlib import Path

from .errors import DataError

CNMODERNDATA_ROUTE = ("https://github.com/Haohanblue/cnmoderndata/blob/27909fdd/"
                      "public/data/source/{name}")
HISTORY_POP_ROUTE = ("https://github.com/pik-piam/PyPSA-China-PIK/blob/"
                     "88169bb6b363085e377f4ad77441f7b9c860c400/resources/data/load/History_POP.csv")
#: cnmoderndata codes read into the curated data: code -> (indicator, area, variant, unit used
#: when the table's own title gives none).
CODES: dict[str, tuple[str, str, str | None, str]] = {
    "B5": ("dibao_recipients", "urban", None, "万人"),
    "B6": ("dibao_recipients", "rural", None, "万人"),
    "B7": ("orphan_recipients", "all", None, "人"),
    "B2": ("urbanisation_rate", "all", None, "%"),
    "B3": ("unemployment_rate", "all", None, "%"),
    "A5": ("dependency_ratio", "all", None, "%"),
    "C1": ("consumption_expenditure", "rural", None, "元"),
    "C2": ("consumption_expenditure", "urban", None, "元"),
    "E4": ("gdp_per_capita", "all", None, "元/人"),
    "E5": ("budget_revenue", "all", "per_capita", "元/人"),
}
# A count of 0 in these tables before a programme existed (dibao from 1999, the orphan
# allowance from 2010) is the compiler's placeholder, not a figure.
_ZERO_IS_MISSING = {"dibao_recipients", "orphan_recipients"}


def _index_sources(folder: Path) -> dict[str, str]:
    """code -> 数据来源 named by cnmoderndata's index.xlsx."""
    import pandas as pd

    path = folder / "index.xlsx"
    if not path.is_file():
        raise DataError(f"{path}: not found (it names the statistical source of each table)")
    table = pd.read_excel(path, header=0, dtype=str)
    if not {"指标代码", "数据来源"} <= set(table.columns):
        raise DataError(f"{path}: columns 指标代码 and 数据来源 expected")
    return {str(r["指标代码"]).strip(): str(r["数据来源"]).strip()
            for _, r in table.iterrows() if isinstance(r["指标代码"], str)}


def _table(path: Path, code: str):
    from .loaders.wide import load_wide_table

    try:
        return load_wide_table(path)
    except DataError:
        indicator, area, variant, unit = CODES[code]
        return load_wide_table(path, indicator=indicator, unit=unit, area=area, variant=variant)


def read(shared: Path):
    """Return (source records, fact records) for the repository panels under ``shared``.

    Facts carry the curate build's private columns (``step``, ``order`` …) so that the one
    preference rule treats them like every other input.
    """
    from .provenance import SOURCE_CLASSES

    cnm = shared / "cnmoderndata"
    pop = shared / "nbs_population" / "History_POP.csv"
    tables = []
    named = _index_sources(cnm)
    for code in CODES:
        path = cnm / f"{code}.xlsx"
        if not path.is_file():
            raise DataError(f"{path}: not found")
        frame = _table(path, code)
        expected = CODES[code][:2]
        if (frame["indicator"].iloc[0], frame["area"].iloc[0]) != expected:
            raise DataError(f"{path}: read as {frame['indicator'].iloc[0]}/"
                            f"{frame['area'].iloc[0]}, expected {expected[0]}/{expected[1]}")
        tables.append((f"cnmoderndata/{code}.xlsx", CNMODERNDATA_ROUTE.format(name=path.name),
                       named.get(code, "") or "中经网", frame))
    if not pop.is_file():
        raise DataError(f"{pop}: not found")
    tables.append(("nbs_population/History_POP.csv", HISTORY_POP_ROUTE,
                   "国家统计局 data.stats.gov.cn E0103 (2020年人口普查后修订)", _table(pop, "")))
    sources, facts = [], []
    line = 0
    for name, route, named_source, frame in tables:
        for rec in frame.to_dict("records"):
            line += 1
            cell = rec["source_ref"].split(":", 1)[1].strip()
            quote = f"{named_source} | {name}: {cell} = {rec['value']:g} {rec['unit']}"
            sid = f"compilation:{line}"
            src = {"source_id": sid, "dataset": "compilation", "line": line,
                   "region": rec["region"], "year": str(rec["year"]), "quarter": "",
                   "indicator": rec["indicator"], "area": rec["area"], "value": f"{rec['value']:g}",
                   "unit": rec["unit"], "source_url": route, "source_quote": quote,
                   "notes": f"figure of {named_source}, route: repository file {name}",
                   "source_class": "compilation",
                   "class_rule": "repository compilation of official statistics",
                   "used": True, "exclusion_reason": ""}
            if rec["value"] == 0 and rec["indicator"] in _ZERO_IS_MISSING:
                src["used"] = False
                src["exclusion_reason"] = "0 before the programme existed: a placeholder"
                sources.append(src)
                continue
            if rec["value"] < 0:
                raise DataError(f"{name}: {cell}: negative {rec['indicator']} {rec['value']:g}")
            sources.append(src)
            facts.append({**{k: rec[k] for k in ("region_code", "region", "level", "year",
                                                 "period", "indicator", "area", "variant",
                                                 "value", "value_high", "unit", "qualifier")},
                          "flags": list(rec["flags"]), "source": "curated:compilation",
                          "source_ref": f"{route} | {quote}", "source_id": sid,
                          "source_class": "compilation", "source_indicator": name,
                          "standard_kind": None, "step": 0.0,
                          "source_rank": SOURCE_CLASSES["compilation"], "date_mismatch": False,
                          "order": (7, line), "_url": route})
    facts.extend(_derived_population(facts))
    return sources, facts


def national_population_gaps(facts: list[dict]) -> list[dict]:
    """China's population (total, urban, rural) for the years no cited national figure gives:
    the sum of the 31 provinces (History_POP; urban/rural derived with each province's
    urbanisation rate), flagged ``derived`` (the sum omits the armed forces, ~0.2 %)."""
    from .regions import CHINA

    cited = {(f["area"], f["year"]) for f in facts if f["region_code"] == CHINA.code
             and f["indicator"] == "population" and f["variant"] is None}
    by_key: dict[tuple, list[dict]] = {}
    for f in facts:
        if (f["indicator"] == "population" and f["level"] == "province"
                and f["variant"] is None and f["source_class"] == "compilation"):
            by_key.setdefault((f["area"], f["year"]), []).append(f)
    out = []
    for (area, year) in sorted(by_key):
        rows = by_key[(area, year)]
        if (area, year) in cited or len({r["region_code"] for r in rows}) != 31:
            continue
        out.append({**rows[0], "region_code": CHINA.code, "region": CHINA.name,
                    "level": CHINA.level, "value": float(sum(r["value"] for r in rows)),
                    "flags": ["derived"],
                    "source_ref": f"{HISTORY_POP_ROUTE} | derived: sum of the 31 provinces' "
                                  f"{area} population {year} (History_POP"
                                  f"{'' if area == 'all' else ' × B2'})",
                    "source_id": f"derived:national_population:{area}:{year}",
                    "order": (9, year)})
    return out


def _derived_population(facts: list[dict]) -> list[dict]:
    """Urban and rural population = population × urbanisation rate, population − urban."""
    pop = {(f["region_code"], f["year"]): f for f in facts
           if f["indicator"] == "population" and f["variant"] is None}
    rate = {(f["region_code"], f["year"]): f for f in facts
            if f["indicator"] == "urbanisation_rate"}
    out = []
    for key in sorted(pop.keys() & rate.keys()):
        p, r = pop[key], rate[key]
        urban = p["value"] * r["value"] / 100.0
        for area, value in (("urban", urban), ("rural", p["value"] - urban)):
            out.append({**p, "area": area, "value": round(value, 0), "flags": ["derived"],
                        "source_ref": (f"{HISTORY_POP_ROUTE} | derived: population "
                                       f"({p['source_id']}) × urbanisation "
                                       f"rate {r['value']:g}% ({r['source_id']})"
                                       + (" | rural = population − urban" if area == "rural"
                                          else "")),
                        "source_id": f"derived:{p['source_id']}/{area}",
                        "order": (8, p["order"][1])})
    return out

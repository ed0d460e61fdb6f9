"""Build the package's curated data (``data/``) from the collectors' cited CSVs.

Run ``python -m mzanalysis.curate SHARED_DATA_DIR [--out DATA_DIR] [--supplement CSV]``: it reads
``national_series.csv`` and ``provincial_facts.csv`` (each row one figure from one page, with URL
and verbatim quote) and the project's own cited supplement ``data/raw/national_supplement.csv``
(national figures found later for the years the collectors' series lacks, same columns as
``national_series.csv``) and writes, atomically:

* ``sources.csv`` — every source row, with its source class (:mod:`mzanalysis.provenance`) and,
  for rows not turned into facts, the reason (nothing is dropped silently);
* ``facts.csv`` — one fact per usable source row, in the fact schema (indicator names from
  :data:`mzanalysis.schema.INDICATORS`, values in base units, monthly/yearly explicit), with the
  preferred row of each key marked and ``source_conflict`` flagged;
* ``conflicts.csv`` — every row of every key whose sources disagree;
* ``seed_facts.csv`` — facts the package's own extractor reads from the seed reports, each with
  its document name and character span (when a ``seeds/`` folder is given or sits beside);
* ``datapackage.json`` — frictionless descriptor: schemas, units, sha256 of each file, licence,
  sources.

The build is deterministic: the same inputs give byte-identical files.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .errors import DataError, MzError
from .loaders.units import decimal_step, parse_unit
from .provenance import SOURCE_CLASSES, choose_preferred, classify, date_mismatch

NATIONAL = "national_series"
PROVINCIAL = "provincial_facts"
SUPPLEMENT = "national_supplement"
#: National datasets (one row = one national figure; region is China).
NATIONAL_SETS = (NATIONAL, SUPPLEMENT)
#: Where the cited supplement lives in a source checkout (it is an input, not a built file).
SUPPLEMENT_PATH = Path(__file__).resolve().parents[2] / "data" / "raw" / f"{SUPPLEMENT}.csv"
SOURCE_PREFIX = "curated:"

# source indicator -> (indicator, variant). 五保 (rural "five guarantees", to 2014) is the
# predecessor of 特困 (from 2015), so both map to tekun_*; the source name is kept in
# source_indicator. Pre-2013 rural 纯收入 (net income) is a different survey concept from
# disposable income, so it is a variant, never spliced silently into one series.
INDICATOR_MAP: dict[str, tuple[str, str | None]] = {
    "dibao_avg_standard": ("dibao_standard", None),
    "dibao_standard": ("dibao_standard", None),
    "dibao_provincial_floor_standard": ("dibao_standard", "provincial_floor"),
    "dibao_avg_subsidy": ("dibao_avg_benefit", None),
    "dibao_recipients": ("dibao_recipients", None),
    "dibao_households": ("dibao_households", None),
    "dibao_expenditure": ("dibao_expenditure", None),
    "dibao_expenditure_planned": ("dibao_expenditure", "planned"),
    "wubao_recipients": ("tekun_recipients", None),
    "wubao_expenditure": ("tekun_expenditure", None),
    "wubao_centralized_recipients": ("tekun_recipients", "concentrated"),
    "wubao_dispersed_recipients": ("tekun_recipients", "dispersed"),
    "wubao_centralized_expenditure": ("tekun_expenditure", "concentrated"),
    "wubao_dispersed_expenditure": ("tekun_expenditure", "dispersed"),
    "wubao_centralized_standard": ("tekun_standard", "concentrated"),
    "wubao_dispersed_standard": ("tekun_standard", "dispersed"),
    "tekun_recipients": ("tekun_recipients", None),
    "tekun_expenditure": ("tekun_expenditure", None),
    "per_capita_disposable_income": ("disposable_income", None),
    "disposable_income_per_capita": ("disposable_income", None),
    "rural_per_capita_net_income": ("disposable_income", "net_income"),
    "net_income_per_capita": ("disposable_income", "net_income"),
    "per_capita_consumption_expenditure": ("consumption_expenditure", None),
    "consumption_expenditure_per_capita": ("consumption_expenditure", None),
    "gdp_per_capita": ("gdp_per_capita", None),
    "general_budget_revenue": ("budget_revenue", None),
    "general_budget_expenditure": ("budget_expenditure", None),
    "population_resident": ("population", None),
    "population_census": ("population", "census"),
    "urbanisation_rate": ("urbanisation_rate", None),
    "cpi_prev_year_100": ("cpi", None),
    "rural_poverty_line": ("poverty_line", None),
    "rural_poverty_line_absolute": ("poverty_line", "absolute_poverty"),
    "rural_low_income_line": ("poverty_line", "low_income_upper"),
}

#: Source indicators deliberately not turned into facts, with the reason listed in sources.csv.
EXCLUDED: dict[str, str] = {
    "dibao_avg_payment_as_reported": "label in the source is wrong (values equal the average "
                                     "standard, see national_series_NOTES.md conflict 4)",
    "per_capita_income_as_reported": "a different concept (total income), kept only as a record "
                                     "of the source wording",
    "rural_poor_population": "no indicator for the poor population in "
                             "mzanalysis.schema.INDICATORS",
}

# Per-capita indicators whose bare 元 / 元/人 means per person per year.
_YEARLY_PER_CAPITA = {"disposable_income", "consumption_expenditure", "gdp_per_capita",
                      "poverty_line", "dibao_standard", "dibao_avg_benefit", "tekun_standard"}

_QUARTER = re.compile(r"^Q([1-4])\((\d{4})-(\d{2})\)$")
_CENSUS_DATE = re.compile(r"census date (\d{4})-(\d{2})")
_UNIT_MISSING = re.compile(r"unit not spelled out|unit of standard not stated|no unit in text",
                           re.I)

def _read(path: Path, required: tuple[str, ...]):
    import pandas as pd

    if not path.is_file():
        raise DataError(f"{path}: file not found")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(f"{path}: missing column(s) {', '.join(missing)}")
    frame["line"] = range(2, len(frame) + 2)  # line in the file (header is line 1)
    return frame


def _period(dataset: str, row, where: str) -> str:
    year = row["year"]
    quarter = row.get("quarter", "") or ""
    if quarter:
        m = _QUARTER.match(quarter)
        if not m:
            raise DataError(f"{where}, column quarter: {quarter!r} is not 'Qn(YYYY-MM)'")
        if m.group(2) != year:
            raise DataError(f"{where}, column quarter: {quarter!r} is not in year {year}")
        return f"{year}Q{m.group(1)}"
    census = _CENSUS_DATE.search(row.get("notes", "") or "")
    if row["indicator"] == "population_census" and census:
        return f"{census.group(1)}M{census.group(2)}"
    return year


def _rows(dataset: str, frame, path: Path):
    """Yield (source record, fact record or None) for each row of one collector CSV."""
    from .regions import CHINA, resolve

    url_col = "source_url" if dataset in NATIONAL_SETS else "source_url_or_repo_path"
    # Notes of all rows of a page are read together (a page is described once).
    page_notes = frame.groupby(url_col)["notes"].agg(lambda s: " ".join(dict.fromkeys(s)))
    for _, row in frame.iterrows():
        where = f"{path.name}, line {row['line']}"
        url = row[url_col]
        cls, rule = classify(url, page_notes[url])
        source = {
            "source_id": f"{dataset}:{row['line']}", "dataset": dataset, "line": row["line"],
            "region": row.get("province", "") or "中国", "year": row["year"],
            "quarter": row.get("quarter", ""), "indicator": row["indicator"], "area": row["area"],
            "value": row["value"], "unit": row["unit"], "source_url": url,
            "source_quote": row["source_quote"], "notes": row["notes"],
            "source_class": cls, "class_rule": rule, "used": True, "exclusion_reason": "",
        }
        if row["indicator"] in EXCLUDED:
            source["used"] = False
            source["exclusion_reason"] = EXCLUDED[row["indicator"]]
            yield source, None
            continue
        if row["indicator"] not in INDICATOR_MAP:
            raise DataError(f"{where}, column indicator: unknown indicator {row['indicator']!r}; "
                            "add it to INDICATOR_MAP or EXCLUDED in mzanalysis/curate.py")
        indicator, variant = INDICATOR_MAP[row["indicator"]]
        if "2010 constant prices" in row["unit"]:
            variant = "2010_prices"
        per_person = "year" if indicator in _YEARLY_PER_CAPITA else None
        unit = parse_unit(row["unit"], per_person=per_person, where=f"{where}, column unit")
        try:
            year = int(row["year"])
            stated = float(row["value"].replace(",", ""))
        except ValueError:
            raise DataError(f"{where}: year {row['year']!r} / value {row['value']!r} is not a "
                            "number") from None
        if row["area"] not in ("urban", "rural", "all"):
            raise DataError(f"{where}, column area: {row['area']!r} is not urban, rural or all")
        region = CHINA if dataset in NATIONAL_SETS else resolve(row["province"])
        flags = ["unit_missing"] if _UNIT_MISSING.search(row["notes"]) else []
        fact = {
            "region_code": region.code, "region": region.name, "level": region.level,
            "year": year, "period": _period(dataset, row, where), "indicator": indicator,
            "area": row["area"], "variant": variant, "value": stated * unit.factor,
            "value_high": None, "unit": unit.unit, "qualifier": None, "flags": flags,
            "source": SOURCE_PREFIX + dataset,
            "source_ref": f"{url} | {row['source_quote']}",
            "source_id": source["source_id"], "source_class": cls,
            "source_indicator": row["indicator"],
            # inputs to the preference rule
            "step": decimal_step(row["value"]) * unit.factor,
            "source_rank": SOURCE_CLASSES[cls], "date_mismatch": date_mismatch(row["notes"]),
            # file order (rule e): the collectors' series first, the supplement last
            "order": ({NATIONAL: 0, PROVINCIAL: 1, SUPPLEMENT: 2}[dataset], int(row["line"])),
            "_url": url,
        }
        yield source, fact


FACT_EXTRA = ("source_id", "source_class", "source_indicator", "preferred", "n_sources",
              "n_agree", "conflict")


def input_paths(shared: Path, supplement: Path | None = None) -> dict[str, Path]:
    """The input CSV of each dataset: the collectors' two in ``shared``, then the supplement."""
    return {NATIONAL: shared / f"{NATIONAL}.csv", PROVINCIAL: shared / f"{PROVINCIAL}.csv",
            SUPPLEMENT: supplement or SUPPLEMENT_PATH}


def build(shared: Path, supplement: Path | None = None):
    """Return (facts, sources, conflicts) frames built from the collector CSVs in ``shared`` and
    the cited national supplement (default :data:`SUPPLEMENT_PATH`)."""
    import pandas as pd

    from .schema import COLUMN_NAMES, validate_facts

    common = ("year", "indicator", "area", "value", "unit", "source_quote", "notes")
    paths = input_paths(shared, supplement)
    national_cols = common + ("source_url",)
    inputs = [
        (NATIONAL, _read(paths[NATIONAL], national_cols)),
        (PROVINCIAL, _read(paths[PROVINCIAL],
                           common + ("province", "quarter", "source_url_or_repo_path"))),
        (SUPPLEMENT, _read(paths[SUPPLEMENT], national_cols)),
    ]
    sources, facts = [], []
    for dataset, frame in inputs:
        for source, fact in _rows(dataset, frame, paths[dataset]):
            sources.append(source)
            if fact is not None:
                facts.append(fact)
    facts = pd.DataFrame(facts)
    # breadth: how many regions the same page gives this indicator/area/period for (rule c)
    facts["breadth"] = facts.groupby(["_url", "indicator", "area", "period"])[
        "region_code"].transform("nunique")
    facts = choose_preferred(facts)
    facts = facts.sort_values(["order"]).reset_index(drop=True)
    facts = facts[list(COLUMN_NAMES) + list(FACT_EXTRA)]
    validate_facts(facts, what="curated facts")
    sources = pd.DataFrame(sources)
    conflicts = facts[facts["conflict"]].sort_values(
        ["region_code", "indicator", "area", "year", "period", "preferred"],
        ascending=[True, True, True, True, True, False])
    conflicts = conflicts[["region_code", "region", "year", "period", "indicator", "area",
                           "variant", "value", "unit", "preferred", "source_class", "source_id",
                           "source_ref"]].reset_index(drop=True)
    return facts, sources, conflicts


SEED_COLUMNS = ("doc", "region_code", "region", "level", "year", "period", "indicator", "area",
                "variant", "value", "value_high", "unit", "qualifier", "flags", "source",
                "source_ref", "span_start", "span_end", "text", "placed")


def build_seed_facts(seeds: Path):
    """Facts the package's own extractor reads from the seed reports (``seeds/0*.txt``).

    ``source`` is the document name and ``source_ref`` the character span in its decoded text
    (``text`` repeats the quoted span). A fact the extractor cannot place (no region or year in
    the document) keeps empty region/year and ``placed = False``: listed, never dropped.
    """
    import pandas as pd

    from .loaders.reports import read_report
    from .text.extract import extract_facts

    paths = sorted(p for p in seeds.glob("*.txt") if p.is_file())
    if not paths:
        raise DataError(f"{seeds}: no seed reports (*.txt)")
    frames = [extract_facts(read_report(p).text, doc=p.name) for p in paths]
    facts = pd.concat([f for f in frames if len(f)], ignore_index=True)
    facts["placed"] = facts["region_code"].notna() & facts["year"].notna()
    facts["period"] = facts["year"].astype("string").fillna("")
    return facts[list(SEED_COLUMNS)]


def _to_csv_text(frame) -> str:
    out = frame.copy()
    if "flags" in out.columns:
        out["flags"] = out["flags"].map(lambda f: ";".join(f))
    return out.to_csv(index=False, lineterminator="\n", float_format="%.10g")


def write(shared: Path, out: Path, seeds: Path | None = None,
          supplement: Path | None = None) -> dict:
    """Build and write the curated data package into ``out``; return the descriptor.

    ``seeds`` (default: ``seeds/`` beside ``shared``, when it exists) adds ``seed_facts.csv``;
    ``supplement`` (default :data:`SUPPLEMENT_PATH`) is the cited national supplement.
    """
    from .datapackage import atomic_write_text, write_descriptor

    facts, sources, conflicts = build(shared, supplement)
    out.mkdir(parents=True, exist_ok=True)
    files = {"facts.csv": facts, "sources.csv": sources, "conflicts.csv": conflicts}
    if seeds is None and (shared.parent / "seeds").is_dir():
        seeds = shared.parent / "seeds"
    if seeds is not None:
        files["seed_facts.csv"] = build_seed_facts(seeds)
    for name, frame in files.items():
        atomic_write_text(out / name, _to_csv_text(frame))
    paths = input_paths(shared, supplement)
    inputs = [(paths[NATIONAL].name, f"../shared/data/{paths[NATIONAL].name}"),
              (paths[PROVINCIAL].name, f"../shared/data/{paths[PROVINCIAL].name}"),
              (paths[SUPPLEMENT].name, f"raw/{paths[SUPPLEMENT].name}")]
    return write_descriptor(out, inputs=inputs, seeds=seeds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mzanalysis.curate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared_data", type=Path, help="folder holding the collector CSVs")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: the repository's data/)")
    parser.add_argument("--seeds", type=Path, default=None,
                        help="folder of seed reports to extract facts from (default: seeds/ "
                             "beside SHARED_DATA_DIR, if present)")
    parser.add_argument("--supplement", type=Path, default=None,
                        help="cited national supplement CSV (default: data/raw/"
                             f"{SUPPLEMENT}.csv in the source checkout)")
    args = parser.parse_args(argv)
    from .datapackage import default_output_dir

    out = args.out or default_output_dir()
    try:
        descriptor = write(args.shared_data, out, seeds=args.seeds, supplement=args.supplement)
    except MzError as exc:
        print(f"curate: error: {exc}", file=sys.stderr)
        return 2
    for res in descriptor["resources"]:
        print(f"{out / res['path']}: {res.get('description', '')[:60]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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
from .schema import units_allowed

NATIONAL = "national_series"
NATIONAL_MORE = "national_more"
PROVINCIAL = "provincial_facts"
STANDARDS = "provincial_standards_pages"
BULLETINS = "provincial_bulletins"
SUPPLEMENT = "national_supplement"
PROVINCIAL_SUPPLEMENT = "provincial_supplement"
#: National datasets (one row = one national figure; region is China).
NATIONAL_SETS = (NATIONAL, NATIONAL_MORE, SUPPLEMENT)
#: Provincial datasets with a ``kind`` column and a free ``period`` (YYYY or YYYY-MM).
KIND_SETS = (STANDARDS, BULLETINS, PROVINCIAL_SUPPLEMENT)
#: File order (rule e of the preference rule): collectors' files, then the project's supplements.
DATASET_ORDER = {NATIONAL: 0, SUPPLEMENT: 1, NATIONAL_MORE: 2, PROVINCIAL: 3, STANDARDS: 4,
                 BULLETINS: 5, PROVINCIAL_SUPPLEMENT: 6, "compilation": 7}
#: Where the cited supplement lives in a source checkout (it is an input, not a built file).
SUPPLEMENT_PATH = Path(__file__).resolve().parents[2] / "data" / "raw" / f"{SUPPLEMENT}.csv"
PROVINCIAL_SUPPLEMENT_PATH = SUPPLEMENT_PATH.with_name(f"{PROVINCIAL_SUPPLEMENT}.csv")
#: Years a figure may describe (anything else is a typing error in the input).
YEAR_RANGE = (1978, 2030)
SOURCE_PREFIX = "curated:"

# source indicator -> (indicator, variant). 五保 (rural "five guarantees", to 2014) is the
# predecessor of 特困 (from 2015), so both map to tekun_*; the source name is kept in
# source_indicator. Pre-2013 rural 纯收入 (net income) is a different survey concept from
# disposable income, so it is a variant, never spliced silently into one series.
INDICATOR_MAP: dict[str, tuple[str, str | None]] = {
    "dibao_avg_standard": ("dibao_standard", None),
    "dibao_standard": ("dibao_standard", None),
    "dibao_provincial_floor_standard": ("dibao_standard", None),  # standard_kind floor
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
    "population_urban": ("population", None),
    "population_rural": ("population", None),
    "temporary_assistance_expenditure": ("temporary_assistance_expenditure", None),
    "temporary_assistance_recipients": ("temporary_assistance_recipients", None),
    "medical_assistance_expenditure": ("medical_assistance_expenditure", None),
    "tekun_standard": ("tekun_standard", None),
    "dibao_households": ("dibao_households", None),
    "orphan_recipients": ("orphan_recipients", None),
}

#: ``kind`` of the standards files -> standard_kind (mzanalysis.schema.STANDARD_KINDS).
KINDS = {"provincial_average": "average", "provincial_floor": "floor",
         "city_standard": "municipal", "table_value": "table"}


#: Source indicators deliberately not turned into facts, with the reason listed in sources.csv.
EXCLUDED: dict[str, str] = {
    "dibao_avg_payment_as_reported": "label in the source is wrong (values equal the average "
                                     "standard, see national_series_NOTES.md conflict 4)",
    "per_capita_income_as_reported": "a different concept (total income), kept only as a record "
                                     "of the source wording",
    "rural_poor_population": "no indicator for the poor population in "
                             "mzanalysis.schema.INDICATORS",
    "rural_destitute_relief_recipients": "the pre-2007 rural destitute-household relief (农村特困"
                                         "救济) is neither dibao nor today's 特困 support",
    "temporary_assistance_cases": "case counts duplicate temporary_assistance_recipients' "
                                  "definition only loosely (households and persons mixed)",
}
#: Variants of source indicators that are parts of a programme's spending.
VARIANT_OF = {"medical_assistance_direct_expenditure": ("medical_assistance_expenditure", "direct"),
              "medical_assistance_insurance_subsidy_expenditure":
                  ("medical_assistance_expenditure", "insurance_subsidy")}

# Per-capita indicators whose bare 元 / 元/人 means per person per year.
_YEARLY_PER_CAPITA = {"disposable_income", "consumption_expenditure", "gdp_per_capita",
                      "poverty_line", "dibao_standard", "dibao_avg_benefit", "tekun_standard"}

_QUARTER = re.compile(r"^Q([1-4])\((\d{4})-(\d{2})\)$")
_CENSUS_DATE = re.compile(r"census date (\d{4})-(\d{2})")
_UNIT_MISSING = re.compile(r"unit not spelled out|unit of standard not stated|no unit in text",
                           re.I)

def _read(path: Path, required: tuple[str, ...], *, optional: bool = False):
    """One cited CSV as text columns plus ``line``; a ragged row stops the build, naming it.

    Read with the csv module rather than pandas because pandas pads a short row with empty
    cells (shifting nothing visibly but losing the value) and names no line for a long one.
    """
    import csv

    import pandas as pd

    if not path.is_file():
        if optional:
            return pd.DataFrame(columns=list(required) + ["line"])
        raise DataError(f"{path}: file not found")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header:
            raise DataError(f"{path}: empty file")
        rows, lines = [], []
        for row in reader:
            if not row:
                continue
            if len(row) != len(header):
                raise DataError(f"{path}, line {reader.line_num}: {len(row)} fields where the "
                                f"header has {len(header)} (column "
                                f"{header[min(len(row), len(header)) - 1]!r} onwards misaligned)")
            rows.append(row)
            lines.append(reader.line_num)
    frame = pd.DataFrame(rows, columns=header, dtype=str)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(f"{path}: missing column(s) {', '.join(missing)}")
    frame["line"] = lines  # line in the file (header is line 1)
    return frame


# YYYY, YYYY-MM, or YYYY-01..MM (a flow cumulated from January, e.g. Jilin's monthly spending):
# the last is stored at its end month under the variant ``year_to_date``.
_MONTH = re.compile(r"^(\d{4})(?:-(?:01\.\.)?(\d{2}))?$")


def _period(dataset: str, row, where: str) -> str:
    year = row["year"]
    if dataset in KIND_SETS:
        m = _MONTH.match(row["period"].strip())
        if not m or m.group(1) != year or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
            raise DataError(f"{where}, column period: {row['period']!r} is not YYYY or YYYY-MM "
                            f"of year {year}")
        return f"{year}M{m.group(2)}" if m.group(2) else year
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
    """Yield (source record, fact records) for each row of one cited CSV.

    A row of a unified urban–rural standard (area ``all``, 城乡统一标准) is the urban and the
    rural standard at once, so it gives two facts; any other row gives at most one.
    """
    from .errors import RegionError
    from .regions import CHINA, resolve

    url_col = ("source_url_or_repo_path" if dataset == PROVINCIAL else "source_url")
    # Notes of all rows of a page are read together (a page is described once).
    page_notes = frame.groupby(url_col)["notes"].agg(lambda s: " ".join(dict.fromkeys(s)))
    for _, row in frame.iterrows():
        where = f"{path.name}, line {row['line']}"
        url = row[url_col]
        cls, rule = classify(url, page_notes[url])
        source = {
            "source_id": f"{dataset}:{row['line']}", "dataset": dataset, "line": row["line"],
            "region": row.get("province", "") or "中国", "year": row["year"],
            "quarter": row.get("quarter", "") or row.get("period", ""),
            "indicator": row["indicator"], "area": row["area"],
            "value": row["value"], "unit": row["unit"], "source_url": url,
            "source_quote": row["source_quote"], "notes": row["notes"],
            "source_class": cls, "class_rule": rule, "used": True, "exclusion_reason": "",
        }
        reason = EXCLUDED.get(row["indicator"])
        if reason is None and "US$" in row["unit"]:
            reason = "in US dollars (converted by the compiler); the indicator is in yuan"
        if reason:
            source["used"] = False
            source["exclusion_reason"] = reason
            yield source, []
            continue
        if row["indicator"] in VARIANT_OF:
            indicator, variant = VARIANT_OF[row["indicator"]]
        elif row["indicator"] in INDICATOR_MAP:
            indicator, variant = INDICATOR_MAP[row["indicator"]]
        else:
            raise DataError(f"{where}, column indicator: unknown indicator {row['indicator']!r}; "
                            "add it to INDICATOR_MAP or EXCLUDED in mzanalysis/curate.py")
        if "2010 constant prices" in row["unit"]:
            variant = "2010_prices"
        per_person = "year" if indicator in _YEARLY_PER_CAPITA else None
        unit = parse_unit(row["unit"], per_person=per_person, where=f"{where}, column unit")
        allowed = units_allowed(indicator)
        if allowed and unit.unit not in allowed:
            raise DataError(f"{where}, column unit: {row['unit']!r} does not fit {indicator} "
                            f"(expected {' or '.join(allowed)})")
        try:
            year = int(row["year"])
        except ValueError:
            raise DataError(f"{where}, column year: {row['year']!r} is not a year") from None
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise DataError(f"{where}, column year: {year} is outside "
                            f"{YEAR_RANGE[0]}–{YEAR_RANGE[1]}")
        try:
            stated = float(row["value"].replace(",", ""))
        except ValueError:
            raise DataError(f"{where}, column value: {row['value']!r} is not a number") from None
        if stated < 0 or stated != stated:
            raise DataError(f"{where}, column value: {row['value']!r} — a count, amount or "
                            "standard cannot be negative")
        if ".." in (row.get("period", "") or ""):
            variant = "year_to_date"
        if row["area"] not in ("urban", "rural", "all"):
            raise DataError(f"{where}, column area: {row['area']!r} is not urban, rural or all")
        try:
            region = CHINA if dataset in NATIONAL_SETS else resolve(row["province"])
        except RegionError as exc:
            raise DataError(f"{where}, column province: {exc}") from None
        if dataset not in NATIONAL_SETS and region.level != "province":
            raise DataError(f"{where}, column province: {row['province']!r} is not a province")
        flags = ["unit_missing"] if _UNIT_MISSING.search(row["notes"]) else []
        kind = _standard_kind(dataset, row, indicator)
        if kind == "floor":
            flags.append("floor_standard")
            if _HIGHER_CLASS.search(row["source_quote"]) and not _LOWEST_CLASS.search(
                    row["source_quote"]):
                variant = HIGHER_CLASS_AREA
        # 由X提高到Y: the collectors file X under the period before the raise ("level before").
        qualifier = "old" if _BEFORE_RAISE.search(row["notes"]) else None
        if indicator == "population" and dataset == PROVINCIAL and variant is None:
            variant = FIRST_PUBLISHED  # vintage policy: see mzanalysis.compilation
        areas = (["urban", "rural"] if row["area"] == "all" and indicator.endswith("_standard")
                 and dataset not in NATIONAL_SETS else [row["area"]])
        facts = []
        for area in areas:
            facts.append({
                "region_code": region.code, "region": region.name, "level": region.level,
                "year": year, "period": _period(dataset, row, where), "indicator": indicator,
                "area": area, "variant": variant, "value": stated * unit.factor,
                "value_high": None, "unit": unit.unit, "qualifier": qualifier,
                "flags": sorted(flags), "source": SOURCE_PREFIX + dataset,
                "source_ref": f"{url} | {row['source_quote']}",
                "source_id": source["source_id"] + (f"/{area}" if len(areas) > 1 else ""),
                "source_class": cls,
                "source_indicator": row["indicator"], "standard_kind": kind,
                # inputs to the preference rule
                "step": decimal_step(row["value"]) * unit.factor,
                "source_rank": SOURCE_CLASSES[cls], "date_mismatch": date_mismatch(row["notes"]),
                "order": (DATASET_ORDER[dataset], int(row["line"])),
                "_url": url,
            })
        yield source, facts


_BEFORE_RAISE = re.compile(r"level before|before the .{0,40}raise", re.I)
#: Guangdong (and provinces that copy it) sets its floor by class of area: 一类地区 (广州, 深圳)
#: highest, 四类地区 lowest. Only the lowest class's floor binds the whole province; a higher
#: class's floor is kept under its own variant so it never stands in for the provincial floor.
_HIGHER_CLASS = re.compile(r"[一二三][类類]地[区區]")
_LOWEST_CLASS = re.compile(r"四[类類]地[区區]")
HIGHER_CLASS_AREA = "higher_class_area"
FIRST_PUBLISHED = "first_published"


def _standard_kind(dataset: str, row, indicator: str) -> str | None:
    """What kind of figure a standard is (mzanalysis.schema.STANDARD_KINDS); None otherwise."""
    if not indicator.endswith("_standard"):
        return None
    if dataset in KIND_SETS:
        kind = row.get("kind", "")
        if kind not in KINDS:
            raise DataError(f"{dataset}.csv, line {row['line']}, column kind: {kind!r} is not "
                            f"one of {', '.join(KINDS)}")
        return KINDS[kind]
    if row["indicator"] == "dibao_provincial_floor_standard":
        return "floor"
    if dataset == PROVINCIAL:
        return "county_mean"  # MCA's provincial tables: mean of the county standards
    return "average"  # national figures: MCA's national average standard


FACT_EXTRA = ("source_id", "source_class", "source_indicator", "standard_kind", "preferred",
              "n_sources", "n_agree", "conflict")


def input_paths(shared: Path, supplement: Path | None = None,
                provincial_supplement: Path | None = None) -> dict[str, Path]:
    """The input CSV of each dataset: the collectors' in ``shared``, then the supplements."""
    return {NATIONAL: shared / f"{NATIONAL}.csv", NATIONAL_MORE: shared / f"{NATIONAL_MORE}.csv",
            PROVINCIAL: shared / f"{PROVINCIAL}.csv", STANDARDS: shared / f"{STANDARDS}.csv",
            BULLETINS: shared / f"{BULLETINS}.csv", SUPPLEMENT: supplement or SUPPLEMENT_PATH,
            PROVINCIAL_SUPPLEMENT: provincial_supplement or PROVINCIAL_SUPPLEMENT_PATH}


def build(shared: Path, supplement: Path | None = None,
          provincial_supplement: Path | None = None):
    """Return (facts, sources, conflicts) frames built from the collector CSVs in ``shared`` and
    the cited national supplement (default :data:`SUPPLEMENT_PATH`)."""
    import pandas as pd

    from .schema import COLUMN_NAMES, validate_facts

    from . import compilation

    common = ("year", "indicator", "area", "value", "unit", "source_quote", "notes")
    paths = input_paths(shared, supplement, provincial_supplement)
    national_cols = common + ("source_url",)
    kind_cols = common + ("province", "period", "kind", "source_url")
    inputs = [
        (NATIONAL, national_cols), (NATIONAL_MORE, national_cols),
        (PROVINCIAL, common + ("province", "quarter", "source_url_or_repo_path")),
        (STANDARDS, kind_cols), (BULLETINS, kind_cols), (SUPPLEMENT, national_cols),
        (PROVINCIAL_SUPPLEMENT, kind_cols),
    ]
    sources, facts = [], []
    for dataset, columns in inputs:
        frame = _read(paths[dataset], columns, optional=dataset == PROVINCIAL_SUPPLEMENT)
        for source, rows in _rows(dataset, frame, paths[dataset]):
            sources.append(source)
            facts.extend(rows)
    more_sources, more_facts = compilation.read(shared)
    sources.extend(more_sources)
    facts.extend(more_facts)
    facts.extend(compilation.national_population_gaps(facts))
    facts = pd.DataFrame(facts)
    # breadth: how many regions the same page gives this indicator/area/period for (rule c)
    facts["breadth"] = facts.groupby(["_url", "indicator", "area", "period"])[
        "region_code"].transform("nunique")
    facts = choose_preferred(facts)
    facts = facts.sort_values(["order", "area"]).reset_index(drop=True)
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
    # the rules' facts only: each names the sentence shape it read; the learned reader's
    # readings (flagged "learned") are guesses a curated table does not take
    frames = [extract_facts(read_report(p).text, doc=p.name, learned=False) for p in paths]
    facts = pd.concat([f for f in frames if len(f)], ignore_index=True)
    facts["placed"] = facts["region_code"].notna() & facts["year"].notna()
    facts["period"] = facts["year"].astype("string").fillna("")
    return facts[list(SEED_COLUMNS)]


COVERAGE_HEADING = "## Coverage (preferred rows)"


def _years_text(years) -> str:
    """2005–2011, 2015: runs of consecutive years."""
    years = sorted(set(int(y) for y in years))
    runs, start = [], None
    for i, y in enumerate(years):
        if start is None:
            start = y
        if i + 1 == len(years) or years[i + 1] != y + 1:
            runs.append(f"{start}–{y}" if y != start else f"{y}")
            start = None
    return ", ".join(runs)


def coverage_markdown(facts) -> str:
    """The coverage table of the preferred facts (indicator × area × variant × level), with the
    preferred rows by source class; written into ``data/README.md`` by every build."""
    pref = facts[facts["preferred"]].assign(variant=facts["variant"].fillna(""))
    lines = ["| indicator | area | variant | level | years | n years | regions | rows |",
             "|---|---|---|---|---|---|---|---|"]
    for (ind, area, var, level), g in pref.groupby(["indicator", "area", "variant", "level"]):
        lines.append(f"| {ind} | {area} | {var} | {level} | {_years_text(g['year'])} | "
                     f"{g['year'].nunique()} | {g['region_code'].nunique()} | {len(g)} |")
    lines += ["", "Preferred rows by source class:", "",
              "| level | " + " | ".join(SOURCE_CLASSES) + " |",
              "|---|" + "---|" * len(SOURCE_CLASSES)]
    counts = pref.groupby(["level", "source_class"]).size()
    for level in ("national", "province"):
        cells = [str(int(counts.get((level, c), 0))) for c in SOURCE_CLASSES]
        lines.append(f"| {level} | " + " | ".join(cells) + " |")
    std = pref[pref["indicator"] == "dibao_standard"]
    kinds = std.groupby("standard_kind").size()
    lines += ["", "Preferred dibao standards by kind: " + ", ".join(
        f"{k} {int(n)}" for k, n in kinds.items()) + "."]
    return "\n".join(lines) + "\n"


def update_readme(path: Path, facts) -> str | None:
    """Replace the coverage section of ``path`` (from COVERAGE_HEADING to the next ``## ``
    heading or the end) with the table of ``facts``; return the new text (None: no README)."""
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition(COVERAGE_HEADING)
    if not sep:
        head, rest = text.rstrip("\n") + "\n\n", ""
    nxt = re.search(r"^## ", rest, flags=re.M)
    tail = rest[nxt.start():] if nxt else ""
    note = ("Regenerated by every build (`python -m mzanalysis.curate`); years are those with a "
            "preferred figure.\n\n")
    return head + COVERAGE_HEADING + "\n\n" + note + coverage_markdown(facts) + (
        "\n" + tail if tail else "")


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
    from . import compilation
    from .datapackage import atomic_write_text, write_descriptor

    facts, sources, conflicts = build(shared, supplement)
    out.mkdir(parents=True, exist_ok=True)
    files = {"facts.csv": facts, "sources.csv": sources, "conflicts.csv": conflicts}
    if seeds is None and (shared.parent / "seeds").is_dir():
        seeds = shared.parent / "seeds"
    if seeds is not None:
        files["seed_facts.csv"] = build_seed_facts(seeds)
    readme = update_readme(out / "README.md", facts)
    for name, frame in files.items():
        atomic_write_text(out / name, _to_csv_text(frame))
    if readme is not None:
        atomic_write_text(out / "README.md", readme)
    paths = input_paths(shared, supplement)
    inputs = [(paths[d].name, f"../shared/data/{paths[d].name}")
              for d in (NATIONAL, NATIONAL_MORE, PROVINCIAL, STANDARDS, BULLETINS)]
    inputs += [(paths[d].name, f"raw/{paths[d].name}") for d in (SUPPLEMENT, PROVINCIAL_SUPPLEMENT)]
    inputs += [("cnmoderndata/*.xlsx", "figures only, cited: " + compilation.CNMODERNDATA_ROUTE
                .format(name="")), ("History_POP.csv", "figures only, cited: "
                                    + compilation.HISTORY_POP_ROUTE)]
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

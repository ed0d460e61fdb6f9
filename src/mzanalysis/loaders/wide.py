"""Province × year tables, as NBS, 中经网 and repository downloads ship them.

Two orientations are common and both are read:

* years down, provinces across (``cnmoderndata/B5.xlsx``): the first cell names the indicator
  and unit (``城市居民最低生活保障人数 万人``), the rest of the first row are short province names;
* provinces down, years across (NBS ``History_POP.csv``): a ``#`` comment line names the source
  and unit (``… E0103 10000 persons``), the header row is ``region,2024,2023,…`` and the provinces
  are English names.

Title lines above the header are read for the indicator and unit; ``indicator=``, ``unit=`` and
``area=`` override what the title says. Every problem names the file, row and column.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from .grid import MISSING, Grid, number, read_grid
from .units import parse_unit

# Indicator names as Chinese tables write them -> (indicator, area, variant). Matched on the
# title with spaces removed, longest name first.
TABLE_NAMES: dict[str, tuple[str, str, str | None]] = {
    "城市低保人数": ("dibao_recipients", "urban", None),
    "农村低保人数": ("dibao_recipients", "rural", None),
    "城市低保户数": ("dibao_households", "urban", None),
    "农村低保户数": ("dibao_households", "rural", None),
    "城市居民最低生活保障人数": ("dibao_recipients", "urban", None),
    "城市最低生活保障人数": ("dibao_recipients", "urban", None),
    "农村居民最低生活保障人数": ("dibao_recipients", "rural", None),
    "农村最低生活保障人数": ("dibao_recipients", "rural", None),
    # 孤儿数: since 2010 every registered orphan is entitled to the basic living allowance
    # (国办发〔2010〕54号), so the count of orphans is the count of allowance recipients.
    "孤儿数": ("orphan_recipients", "all", None),
    "常住人口城镇化率": ("urbanisation_rate", "all", None),
    "城镇化率": ("urbanisation_rate", "all", None),
    "农村居民人均消费性支出": ("consumption_expenditure", "rural", None),
    "人均农村居民消费支出": ("consumption_expenditure", "rural", None),
    "农村居民人均消费支出": ("consumption_expenditure", "rural", None),
    "城镇居民人均消费性支出": ("consumption_expenditure", "urban", None),
    "人均城镇居民消费支出": ("consumption_expenditure", "urban", None),
    "城镇居民人均消费支出": ("consumption_expenditure", "urban", None),
    "居民人均消费支出": ("consumption_expenditure", "all", None),
    "城镇居民人均可支配收入": ("disposable_income", "urban", None),
    "农村居民人均可支配收入": ("disposable_income", "rural", None),
    "居民人均可支配收入": ("disposable_income", "all", None),
    "人均GDP": ("gdp_per_capita", "all", None),
    "人均地区生产总值": ("gdp_per_capita", "all", None),
    # per-capita budget revenue: the budget_revenue indicator, per person (variant says so)
    "人均一般公共预算收入": ("budget_revenue", "all", "per_capita"),
    "一般公共预算收入": ("budget_revenue", "all", None),
    "一般公共预算支出": ("budget_expenditure", "all", None),
    "城镇登记失业率": ("unemployment_rate", "all", None),
    "登记失业率": ("unemployment_rate", "all", None),
    "常住人口抚养比": ("dependency_ratio", "all", None),
    "总抚养比": ("dependency_ratio", "all", None),
    "年末常住人口": ("population", "all", None),
    "常住人口": ("population", "all", None),
    # NBS easyquery table codes (data.stats.gov.cn): E0103 = 分省年度数据 年末常住人口
    "E0103": ("population", "all", None),
}

#: Chinese table names known to be outside the indicator vocabulary, with the name they are
#: loaded under (open vocabulary: the rows carry the ``unknown_indicator`` flag, never skipped).
OUT_OF_VOCABULARY: dict[str, str] = {
    "粗离婚率": "crude_divorce_rate", "出生率": "birth_rate", "死亡率": "death_rate",
    "自然增长率": "natural_growth_rate", "预期寿命": "life_expectancy"}

_PER_CAPITA_YEARLY = {"consumption_expenditure", "disposable_income", "gdp_per_capita",
                      "budget_revenue", "budget_expenditure"}

_UNIT_AT_END = re.compile(
    r"[\s(（]*(10000 persons|万人次|万人|万户|亿元|万元|元/人[·・/]?[月年]|元/人|元/[月年]|元|%|人|户)"
    r"[)）]?\s*$")
_UNIT_IN_BRACKETS = re.compile(
    r"[(（](10000 persons|万人次|万人|万户|亿元|万元|元/人[·・/]?[月年]|元/人|元/[月年]|元|%|人|户)[)）]")
_YEAR = re.compile(r"^(\d{4})(?:\.0+)?(?:年)?$")


def split_title(text: str) -> tuple[str, str | None]:
    """'城市居民最低生活保障人数 万人' -> ('城市居民最低生活保障人数', '万人').

    The unit is taken from the end of the title, or else from brackets anywhere in it
    ('人均可支配收入 (元/人·年), 2019-2021').
    """
    text = (text or "").strip()
    labelled = re.search(r"单位\s*[:：]\s*(\S+)", text)
    if labelled:  # '单位:万人' states the unit outright, known or not
        return (text[:labelled.start()] + text[labelled.end():]).strip(), labelled.group(1)
    m = _UNIT_AT_END.search(text)
    if not m:
        bracketed = _UNIT_IN_BRACKETS.search(text)
        if bracketed:
            return text[:bracketed.start()].strip(), bracketed.group(1)
        # 'NAME UNIT' with a unit we do not know ('万斤'): return it, so the error names it
        tail = re.fullmatch(r"(.*[\u4e00-\u9fff].*?)\s+([^\s\u4e00-\u9fff]*[万亿元人户斤吨%][^\s]*)", text)
        if tail and len(tail.group(2)) <= 8:
            return tail.group(1).strip(), tail.group(2)
    if not m or m.start() == 0 and not text[:m.start()]:
        return text, (m.group(1) if m else None)
    return text[:m.start()].strip(), m.group(1)


def identify(title: str) -> tuple[str, str, str | None] | None:
    """The (indicator, area, variant) a table title names, or None."""
    folded = re.sub(r"\s+", "", title or "")
    for word, name in OUT_OF_VOCABULARY.items():  # 常住人口出生率 is not 常住人口
        if word in folded:
            return (name, "all", None)
    for name in sorted(TABLE_NAMES, key=len, reverse=True):
        if name in folded:
            return TABLE_NAMES[name]
    return None


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    m = _YEAR.match(text.strip())
    if m and 1900 <= int(m.group(1)) <= 2100:
        return int(m.group(1))
    return None


def _region(text: str | None):
    """The province (or China) a header or row label names, else None.

    Looks names up directly in the registry (no fuzzy matching: that is for error messages and
    too slow to run on every cell while searching for the header row).
    """
    if text is None:
        return None
    return _province_lookup(text.strip())


@lru_cache(maxsize=4096)
def _province_lookup(text: str):
    from ..regions import registry

    found = [r for r in registry().candidates(text) if r.level in ("national", "province")]
    return found[0] if len(found) == 1 else None


def _find_header(grid: Grid) -> tuple[int, str]:
    """Index of the header row and the orientation ('years_down' or 'years_across')."""
    for i, row in enumerate(grid.rows[:15]):
        cells = [c for c in row[1:] if c is not None]
        if len(cells) < 2:
            continue
        years = sum(_year(c) is not None for c in cells)
        regions = sum(_region(c) is not None for c in cells)
        if years >= max(2, 0.6 * len(cells)):
            return i, "years_across"
        if regions >= max(2, 0.6 * len(cells)):
            return i, "years_down"
    raise DataError(
        f"{grid.path}: wrong layout: no header row of province names or of years in the first "
        "15 rows; expected a province × year table (first cell = indicator and unit, then one "
        "row per year and one column per province, or the transpose)")


#: Largest plausible value for one province (persons). A table whose figures exceed it has a
#: wrong unit label (cnmoderndata B7 says 万人 over counts of persons: 2,473 orphans in Beijing,
#: not 24.7 million) — an error, never silently rescaled.
PLAUSIBLE_MAX_PROVINCE: dict[str, float] = {
    "dibao_recipients": 2e7, "dibao_households": 1e7, "tekun_recipients": 5e6,
    "orphan_recipients": 1e6, "population": 2e8, "disability_subsidy_recipients": 1e7,
}


def _check_magnitude(records: list[dict], indicator: str, stated: str, path: Path) -> None:
    limit = PLAUSIBLE_MAX_PROVINCE.get(indicator)
    if limit is None:
        return
    worst = max(records, key=lambda r: r["value"])
    if worst["value"] > limit:
        raise DataError(
            f"{path}: {worst['source_ref'].split(' (')[0]}: {worst['value']:,.0f} {indicator} in "
            f"{worst['region']} {worst['year']} is implausible (more than {limit:,.0f}); the "
            f"stated unit {stated!r} looks wrong — pass unit=... (e.g. '人')")


def load_wide_table(path: str | Path, indicator: str | None = None, unit: str | None = None,
                    area: str | None = None, *, variant: str | None = None,
                    sheet: int | str = 0, source: str | None = None):
    """Read a province × year table into the fact schema.

    ``indicator``/``unit``/``area``/``variant`` default to what the title (first cell, or the
    ``#`` comment line of a CSV export) says; pass them when it says nothing usable. Empty cells
    and the markers ``-``, ``—``, ``…`` are missing values: they are counted in
    ``frame.attrs['missing_cells']``, never turned into zeros. Raises
    :class:`~mzanalysis.errors.DataError` naming file, row and column for an unknown province,
    a year that is not a year, a duplicated year or province, a non-numeric cell or an unknown
    unit.
    """
    import pandas as pd

    from ..schema import INDICATORS, validate_facts

    grid = read_grid(path, sheet=sheet)
    path = Path(path)
    if not grid.rows:
        raise DataError(f"{path}: empty file")
    header, orientation = _find_header(grid)
    title_parts = grid.comments + [c for r in grid.rows[:header] for c in r if c]
    corner = grid.rows[header][0]
    if corner:
        title_parts.append(corner)
    title = " ".join(title_parts)
    # the unit: the last title part that ends with one (the corner cell usually)
    stated_unit = None
    name = title
    for part in reversed(title_parts):
        part_name, part_unit = split_title(part)
        if part_unit:
            stated_unit, name = part_unit, part_name or title
            break
    found = identify(title)
    if indicator is None:
        if found is None:
            raise DataError(f"{path}, row {header + 1 + grid.row_offset}, column 1: the title "
                            f"{title!r} names no known indicator; pass indicator=... (and "
                            "unit=...) to read it")
        indicator, title_area, title_variant = found
        area = area or title_area
        variant = variant if variant is not None else title_variant
    unknown = indicator not in INDICATORS
    if unknown and not re.fullmatch(r"[a-z][a-z0-9_]*", indicator):
        raise DataError(f"{path}: indicator {indicator!r} must be a snake_case name")
    area = area or "all"
    stated = unit or stated_unit
    if stated is None:
        raise DataError(f"{path}, row {header + 1 + grid.row_offset}, column 1: no unit in the "
                        f"title {title!r}; pass unit=... (e.g. '万人', '元/人', '%')")
    per_person = "year" if indicator in _PER_CAPITA_YEARLY else None
    resolved_unit = parse_unit(stated, per_person=per_person,
                               where=f"{path}, row {header + 1 + grid.row_offset}, column 1")
    if indicator == "urbanisation_rate" and resolved_unit.unit != "percent":
        raise DataError(f"{path}: unit {stated!r} does not fit urbanisation_rate (expected %)")

    records, missing = [], 0
    head = grid.rows[header]
    labels: dict[int, object] = {}   # column -> region (years_down) or year (years_across)
    for col in range(1, len(head)):
        cell = head[col]
        if cell is None:
            continue
        where = grid.where(header, col)
        if orientation == "years_down":
            label = _region(cell)
            if label is None:
                raise DataError(f"{where}: unknown region name {cell!r} in the header row")
        else:
            label = _year(cell)
            if label is None:
                raise DataError(f"{where}: {cell!r} in the year header row is not a year")
        if label in labels.values():
            first = [c for c, v in labels.items() if v == label][0]
            raise DataError(f"{where}: {cell!r} duplicates column {first + 1}")
        labels[col] = label

    seen: dict[object, int] = {}
    skipped = []
    for r in range(header + 1, len(grid.rows)):
        row = grid.rows[r]
        first = row[0]
        values = [row[c] for c in labels if c < len(row)]
        if all(v is None or v.strip() in MISSING for v in values):
            parsed = _year(first) if orientation == "years_down" else _region(first)
            if first is None or parsed is not None:  # a year or province with no figures yet
                missing += len(values)
                continue
            # a trailing note (注: …, 数据来源: …) or a label without figures: listed, not read
            skipped.append({"file": str(path), "row": r + 1 + grid.row_offset,
                            "label": first, "reason": "no figures in the row"})
            missing += len(values)
            continue
        where = grid.where(r, 0)
        if orientation == "years_down":
            row_label = _year(first)
            if row_label is None:
                raise DataError(f"{where}: {first!r} in the year column is not a year")
        else:
            row_label = _region(first)
            if row_label is None:
                raise DataError(f"{where}: unknown region name {first!r}")
        if row_label in seen:
            raise DataError(f"{where}: {first!r} duplicates row {seen[row_label]}")
        seen[row_label] = r + 1 + grid.row_offset
        for col, col_label in labels.items():
            cell = row[col] if col < len(row) else None
            value = number(cell, grid.where(r, col))
            if value is None:
                missing += 1
                continue
            region, year = ((col_label, row_label) if orientation == "years_down"
                            else (row_label, col_label))
            records.append({
                "region_code": region.code, "region": region.name, "level": region.level,
                "year": year, "period": str(year), "indicator": indicator, "area": area,
                "variant": variant, "value": value * resolved_unit.factor, "value_high": None,
                "unit": resolved_unit.unit, "qualifier": None,
                "flags": ["unknown_indicator"] if unknown else [],
                "source": source or path.name,
                "source_ref": f"{path.name}: row {r + 1 + grid.row_offset}, column {col + 1}"
                              f" ({title.strip()[:80]})",
            })
    if not records:
        raise DataError(f"{path}: no figures found below the header row")
    _check_magnitude(records, indicator, stated, path)
    frame = validate_facts(pd.DataFrame(records), what=str(path))
    frame.attrs.update({"missing_cells": missing, "skipped_rows": skipped, "title": title,
                        "orientation": orientation, "stated_unit": stated})
    return frame

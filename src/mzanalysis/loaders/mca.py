"""The Ministry of Civil Affairs quarterly provincial table (民政统计季报 · 分省数据).

mca.gov.cn publishes, each quarter, one table with a row per province (and a 全国 row) and a
column per programme measure, the unit in brackets in the header:
``城市低保人数(万人)``, ``城市低保户数(万户)``, ``城市低保平均标准(元/人·月)``, ``农村低保人数(万人)``,
``农村低保平均标准(元/人·年)`` (per month in some years), ``城市特困人员救助供养人数(人)``,
``临时救助(万人次)``, ``享受困难残疾人生活补贴人数(万人)``, ``孤儿(人)`` … Some editions use a two-row
header (``城市最低生活保障`` spanning ``人数(万人) | 户数(万户) | 平均标准(元/人·月)``); both are read.
The period comes from the title (``2019年4季度``, ``2019年第四季度``), the file name (``2019Q4``)
or ``period=``. Columns we cannot map are listed in ``attrs['skipped_columns']``, never guessed.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import DataError, RegionError
from .grid import MISSING, Grid, number, read_grid
from .units import parse_unit

_PROGRAMMES = (  # (pattern, indicator stem, variant)
    (r"重度残疾人护理补贴", "disability_subsidy", "care"),
    (r"困难残疾人生活补贴", "disability_subsidy", "living"),
    (r"低保|最低生活保障", "dibao", None),
    (r"特困|五保", "tekun", None),
    (r"孤儿", "orphan", None),
    (r"临时救助", "temporary_assistance", None),
    (r"医疗救助", "medical_assistance", None),
)
_MEASURES = (  # (pattern, indicator suffix)
    (r"户数", "_households"),
    (r"补助水平|人均补助", "_avg_benefit"),
    (r"标准", "_standard"),
    (r"支出|资金", "_expenditure"),
    (r"人数|人次|供养人员|对象", "_recipients"),
)
_SUFFIX_DEFAULT = {"orphan": "_recipients", "temporary_assistance": "_recipients"}
_QUARTER = re.compile(r"(\d{4})\s*年\s*(?:第\s*)?([1-4一二三四])\s*季度")
_QUARTER_CODE = re.compile(r"(\d{4})[-_ ]?Q([1-4])", re.I)
_CN_DIGIT = {"一": "1", "二": "2", "三": "3", "四": "4"}
_UNIT_IN_HEADER = re.compile(r"[（(]([^()（）]+)[)）]\s*$")
_HEADER_HINT = re.compile(r"低保|最低生活保障|特困|孤儿|临时救助|残疾")
_NATIONAL = re.compile(r"^(全国|总计|合计|全国合计|全国总计)$")
_NOTE = re.compile(r"^(注|说明|数据来源|备注|资料来源)")


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", text or "").replace("（", "(").replace("）", ")")


def classify_column(header: str) -> tuple[str, str, str | None, str | None] | None:
    """'城市低保人数(万人)' -> ('dibao_recipients', 'urban', None, '万人'); None if unknown."""
    text = _fold(header)
    unit_match = _UNIT_IN_HEADER.search(text)
    unit = unit_match.group(1) if unit_match else None
    body = text[:unit_match.start()] if unit_match else text
    for pattern, stem, variant in _PROGRAMMES:
        if re.search(pattern, body):
            break
    else:
        return None
    suffix = next((s for p, s in _MEASURES if re.search(p, body)), _SUFFIX_DEFAULT.get(stem))
    if suffix is None:
        return None
    from ..schema import INDICATORS

    indicator = stem + suffix
    if indicator == "disability_subsidy_standard":  # the per-person amount has no suffix
        indicator = "disability_subsidy"
    if indicator not in INDICATORS:
        return None
    area = "urban" if re.search(r"城市|城镇", body) else "rural" if "农村" in body else "all"
    if stem in ("tekun", "orphan"):
        # 特困 集中供养 / 分散供养; 孤儿 集中养育 / 社会散居
        variant = ("concentrated" if "集中" in body else "dispersed" if re.search(r"分散|散居", body)
                   else variant)
    return indicator, area, variant, unit


def _period(grid: Grid, header: int, path: Path, period: str | None) -> str:
    if period:
        if not re.fullmatch(r"\d{4}Q[1-4]", period):
            raise DataError(f"period={period!r}: give it as '2019Q4'")
        return period
    texts = [grid.title] + [c for r in grid.rows[:header] for c in r if c] + [path.stem]
    for text in texts:
        m = _QUARTER.search(text or "")
        if m:
            return f"{m.group(1)}Q{_CN_DIGIT.get(m.group(2), m.group(2))}"
        m = _QUARTER_CODE.search(text or "")
        if m:
            return f"{m.group(1)}Q{m.group(2)}"
    raise DataError(f"{path}: cannot tell the quarter: no '2019年4季度' in the title and no "
                    "'2019Q4' in the file name; pass period='2019Q4'")


def _find_header(grid: Grid, path: Path) -> int:
    for i, row in enumerate(grid.rows[:12]):
        if sum(bool(c and _HEADER_HINT.search(c)) for c in row[1:]) >= 1:
            return i
    raise DataError(f"{path}: wrong layout for an MCA quarterly table: no header naming 低保, "
                    "特困, 孤儿, 临时救助 or 残疾 in the first 12 rows")


def _region(cell: str):
    from ..regions import CHINA, resolve

    text = re.sub(r"\s+", "", cell)
    if _NATIONAL.match(text):
        return CHINA
    region = resolve(text)
    if region.level not in ("national", "province"):
        raise RegionError(f"{cell!r} is a {region.level}, not a province")
    return region


def load_mca_quarterly(path: str | Path, *, period: str | None = None, sheet: int | str = 0,
                       source: str | None = None):
    """Read an MCA 民政统计季报 分省数据 table (XLSX or HTML) into the fact schema."""
    import pandas as pd

    from ..schema import validate_facts

    path = Path(path)
    grid = read_grid(path, sheet=sheet)
    header = _find_header(grid, path)
    quarter = _period(grid, header, path, period)
    year = int(quarter[:4])
    top = grid.rows[header]
    width = max(len(r) for r in grid.rows)
    headers = [top[c] if c < len(top) else None for c in range(width)]
    first_data = header + 1
    # Two-row header: the row below has unit-bearing sub-headers and no region in column 1.
    if header + 1 < len(grid.rows):
        below = grid.rows[header + 1]
        # (HTML readers repeat a rowspan cell, so the corner may be repeated, not empty)
        if (below[0] is None or below[0] == top[0]) and any(
                c and _UNIT_IN_HEADER.search(_fold(c)) for c in below[1:]):
            group = None
            for c in range(width):
                group = top[c] if c < len(top) and top[c] else group  # merged cells: fill right
                sub = below[c] if c < len(below) else None
                if not sub or sub == group:
                    headers[c] = group
                elif group and _UNIT_IN_HEADER.search(_fold(group)):
                    headers[c] = sub + group      # 特困人员救助供养人数(人) over 城市 / 农村
                else:
                    headers[c] = (group or "") + sub  # 城市最低生活保障 over 人数(万人)
            first_data = header + 2
    columns, skipped_columns = {}, []
    for c in range(1, width):
        text = headers[c]
        if not text:
            continue
        found = classify_column(text)
        where = grid.where(header, c)
        if found is None:
            skipped_columns.append({"file": str(path), "column": c + 1, "header": text,
                                    "reason": "not a measure of the indicator vocabulary"})
            continue
        indicator, area, variant, stated = found
        if stated is None:
            raise DataError(f"{where}: header {text!r} states no unit (e.g. '(万人)')")
        per_person = None
        if indicator.endswith(("_standard", "_avg_benefit")) and stated.strip() in ("元", "元/人"):
            raise DataError(f"{where}: header {text!r}: unit {stated!r} does not say per month "
                            "or per year")
        unit = parse_unit(stated, per_person=per_person, where=where)
        columns[c] = (indicator, area, variant, unit, text)
    # The rural standard is printed per month and per year side by side (元/人·月, 元/人·年): one
    # figure in two units. The first column is kept; the second is checked against it (×12,
    # within rounding) row by row, and any other pair of columns for one key is an error.
    twins: dict[int, int] = {}
    by_key: dict[tuple, int] = {}
    for c, (indicator, area, variant, unit, text) in columns.items():
        key = (indicator, area, variant)
        if key in by_key:
            first = by_key[key]
            pair = {columns[first][3].unit, unit.unit}
            if pair != {"yuan_per_person_month", "yuan_per_person_year"}:
                raise DataError(f"{grid.where(header, c)}: header {text!r} measures the same as "
                                f"column {first + 1} ({columns[first][4]!r})")
            twins[c] = first
            skipped_columns.append({"file": str(path), "column": c + 1, "header": text,
                                    "reason": f"the standard of column {first + 1} in another "
                                              "unit: checked against it, not kept twice"})
        else:
            by_key[key] = c
    if not columns:
        raise DataError(f"{path}: wrong layout: no column of the MCA quarterly table was "
                        f"recognised (headers: {[h for h in headers if h]})")
    records, skipped_rows, seen = [], [], {}
    for r in range(first_data, len(grid.rows)):
        row = grid.rows[r]
        label = row[0]
        cells = [row[c] if c < len(row) else None for c in columns]
        empty = all(v is None or v.strip() in MISSING for v in cells)
        if label is None and empty:
            continue
        if label is None or (empty and _NOTE.match(label)) or _NOTE.match(label or ""):
            skipped_rows.append({"file": str(path), "row": r + 1, "label": label,
                                 "reason": "note or unlabelled row"})
            continue
        if "兵团" in label:
            # 新疆生产建设兵团 (XPCC) is reported beside the provinces but is no GB/T 2260 region
            skipped_rows.append({"file": str(path), "row": r + 1, "label": label,
                                 "reason": "not a province-level region of GB/T 2260"})
            continue
        try:
            region = _region(label)
        except RegionError as exc:
            raise DataError(f"{grid.where(r, 0)}: {exc}") from None
        if region.code in seen:
            raise DataError(f"{grid.where(r, 0)}: {label!r} duplicates row {seen[region.code]}")
        seen[region.code] = r + 1
        values = {c: number(row[c] if c < len(row) else None, grid.where(r, c))
                  for c in columns}
        for c, first in twins.items():
            a, b = values[first], values[c]
            if a is None or b is None:
                continue
            if columns[first][3].unit == "yuan_per_person_month":
                a, b = a * 12, b
            else:
                a, b = a, b * 12
            if abs(a - b) > 0.005 * max(abs(a), abs(b)) + 1.5:
                raise DataError(f"{grid.where(r, c)}: {row[c]!r} does not match column "
                                f"{first + 1} ({row[first]!r}) in the other unit (×12)")
        for c, (indicator, area, variant, unit, text) in columns.items():
            value = values[c]
            if value is None or c in twins:
                continue
            records.append({
                "region_code": region.code, "region": region.name, "level": region.level,
                "year": year, "period": quarter, "indicator": indicator, "area": area,
                "variant": variant, "value": value * unit.factor, "value_high": None,
                "unit": unit.unit, "qualifier": None, "flags": [],
                "source": source or path.name,
                "source_ref": f"{path.name}: row {r + 1}, column {c + 1} ({text})",
            })
    if not records:
        raise DataError(f"{path}: no figures below the header row")
    frame = validate_facts(pd.DataFrame(records), what=str(path))
    frame.attrs.update({"period": quarter, "skipped_columns": skipped_columns,
                        "skipped_rows": skipped_rows})
    return frame

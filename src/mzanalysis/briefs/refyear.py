"""A common reference year for the index: regions compared in the same year, side by side.

Each brief's headline carries its latest figures, but those come from different years (Gansu's
urban standard from 2023, Tibet's from 2019), so the latest-value columns do not compare like
with like. International comparisons (OECD SOCX, ILO World Social Protection) pick one reference
year that most countries report; the index does the same from the sidecars' ``by_year``
(``{series: {"year": value}}``), per series and per group of regions:

    the latest year in which at least :data:`SHARE_PCT` (80 %) of the group's regions that have the
    series at all have a value; when no year reaches that share, the year with the most regions
    (the later one on a tie). A region without a value in that year shows "—", never 0.

China is grouped with the provinces (it is their benchmark row, as the OECD total is in SOCX);
prefectures and counties form their own groups.
"""
from __future__ import annotations

import math
import sys

#: Share (per cent) of a group's regions with the series that must have a value in the
#: reference year. An integer, so the test is exact: 25 of 31 (80.6 %) pass, 24 (77.4 %) do not.
SHARE_PCT = 80

#: Series of ``by_year`` shown in the index: key, column label, unit, number format.
SERIES = (
    ("dibao_standard_urban", "城市低保标准<br>urban standard", "元/人·月", "{:,.0f}"),
    ("dibao_standard_rural", "农村低保标准<br>rural standard", "元/人·月", "{:,.0f}"),
    ("coverage_urban", "城市覆盖率<br>urban coverage", "%", "{:.2f}"),
    ("coverage_rural", "农村覆盖率<br>rural coverage", "%", "{:.2f}"),
)

#: Groups of the index: (label, levels).
GROUPS = (
    ("全国与省级 / China and provinces", ("national", "province")),
    ("地级 / prefectures", ("prefecture",)),
    ("县级 / counties", ("county",)),
)

RULE_TEXT = ("参考年份：每组地区、每项指标，取有该指标数据的地区中至少 80% 有数值的最近年份；"
             "若没有年份达到 80%，取有数值地区最多的年份（并列取较近者）。该年无数值记为“—”。"
             " / Reference year: per group and series, the latest year in which at least 80 % of "
             "the regions with that series have a value; if no year reaches 80 %, the year with "
             "the most regions (the later one on a tie). No value in that year: “—”, never 0.")


def group_of(level: str) -> str:
    """The index group a region level belongs to (an unknown level is a group of its own; a
    record without a level, written by an older version, goes to "other")."""
    for label, levels in GROUPS:
        if level in levels:
            return label
    return f"其他 / other ({level})" if level else "其他 / other"


def parse_by_year(obj, where: str = "sidecar") -> dict[str, dict[int, float]]:
    """``by_year`` of one headline as {series: {year: value}}, values present only.

    A malformed series (year not an integer, value not a finite number) is left out with a
    message naming the sidecar, so one damaged brief does not spoil the others' columns.
    """
    if obj is None:
        return {}
    if not isinstance(obj, dict):
        print(f"mzanalysis: {where}: by_year is not an object; ignored", file=sys.stderr)
        return {}
    out = {}
    for series, years in obj.items():
        if not isinstance(years, dict):
            print(f"mzanalysis: {where}: by_year[{series!r}] is not an object; ignored",
                  file=sys.stderr)
            continue
        vals = {}
        try:
            for y, v in years.items():
                if v is None:
                    continue
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                    raise ValueError(f"value {v!r} for {y!r}")
                vals[int(y)] = float(v)
        except (TypeError, ValueError) as exc:
            print(f"mzanalysis: {where}: by_year[{series!r}]: {exc}; ignored", file=sys.stderr)
            continue
        if vals:
            out[str(series)] = vals
    return out


def reference_year(series: list[dict[int, float]],
                   share_pct: int = SHARE_PCT) -> tuple[int, int, int] | None:
    """(reference year, regions with a value that year, regions with the series) or None.

    ``series`` holds one {year: value} per region; regions without any value do not count.
    """
    having = [s for s in series if s]
    if not having:
        return None
    counts: dict[int, int] = {}
    for s in having:
        for y in s:
            counts[y] = counts.get(y, 0) + 1
    n = len(having)
    enough = [y for y, c in counts.items() if c * 100 >= share_pct * n]
    year = max(enough) if enough else max(counts, key=lambda y: (counts[y], y))
    return year, counts[year], n

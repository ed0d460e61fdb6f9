"""The downloads payload of a brief: every plotted series as a CSV written beside the page.

Builds the object the notebook displays under :data:`mzanalysis.briefs.downloads.DOWNLOADS_MIME`
(one file per section that plotted something; the contract and its columns are documented there).
Rows are sorted and values made JSON scalars so the payload, like the page, is byte-identical on
rebuild.
"""
from __future__ import annotations

import math
import re

from .result import DOWNLOAD_COLUMNS

#: Section key -> (file name, link text).
FILES = {"standards": ("dibao_standard.csv", "低保标准 dibao standards"),
         "share": ("share_of_consumption.csv", "标准占上年消费 standard as % of consumption"),
         "peers": ("rank_and_gap.csv", "同级排名与全国差距 rank and gap to the national average"),
         "province": ("province_standard.csv", "所在省份标准 the province's standards"),
         "coverage": ("coverage_and_spending.csv", "人数、覆盖率与支出 recipients, coverage, "
                      "spending")}
_NAME = re.compile(r"^[a-z0-9_]+\.csv$")


def _scalar(v):
    """A JSON scalar: numpy numbers to Python, NaN to None."""
    if v is None:
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def payload(*sections) -> dict:
    """``{"files": [...]}`` from the ``series`` of each section (sections without a known file
    name or without series are skipped). Raises ValueError for a series lacking a column."""
    import pandas as pd

    files = []
    for sec in sections:
        if sec is None or not sec.series or sec.key not in FILES:
            continue
        frames = [f for f in sec.series if len(f)]
        if not frames:
            continue
        for f in frames:
            gone = [c for c in DOWNLOAD_COLUMNS if c not in f.columns]
            if gone:
                raise ValueError(f"downloads: a series of section {sec.key!r} lacks column(s) "
                                 f"{', '.join(gone)}")
        rows = pd.concat([f[list(DOWNLOAD_COLUMNS)] for f in frames], ignore_index=True)
        rows = rows.sort_values(["indicator", "area", "region_code", "year", "kind"],
                                kind="stable")
        name, title = FILES[sec.key]
        if not _NAME.match(name):  # the runner writes the name as is: keep it a plain file name
            raise ValueError(f"downloads: file name {name!r} is not [a-z0-9_]+.csv")
        files.append({"name": name, "title": title, "columns": list(DOWNLOAD_COLUMNS),
                      "rows": [[_scalar(v) for v in r] for r in rows.itertuples(index=False)]})
    return {"files": files}

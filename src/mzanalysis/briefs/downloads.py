"""Per-brief data downloads: the contract between the brief notebook and the runner.

A brief offers every series it plots as a CSV file beside its HTML page, one source URL per row,
so a reader can check or reuse a figure without the package. The notebook does not write files
(it runs in a kernel whose working folder is temporary); it *displays* one raw output of MIME
type :data:`DOWNLOADS_MIME` whose payload is::

    {"files": [{"name": "dibao_standard.csv",            # file name, [a-z0-9_]+.csv
                "title": "低保标准 dibao standards",        # link text on the page
                "columns": ["region_code", "region", "indicator", "area", "year",
                            "value", "unit", "kind", "source_url"],
                "rows": [["620000", "甘肃省", "dibao_standard", "urban", 2019, 600.0,
                          "yuan_per_person_month", "average", "http://..."], ...]}]}

Every file has a ``source_url`` column. Values are JSON scalars (str, int, float, None). The
runner (not the notebook) writes the files atomically next to the brief and links them from the
page. The headline sidecar may also carry ``by_year`` ({series: {year: value}}) so the index can
compare regions in a common reference year.
"""
from __future__ import annotations

#: MIME type of the downloads payload a brief notebook displays (never rendered as HTML).
DOWNLOADS_MIME = "application/vnd.mzanalysis.downloads+json"

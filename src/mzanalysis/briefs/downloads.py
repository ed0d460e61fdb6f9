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

Runner side (this module):

- :func:`attach` reads and validates the payload of an executed notebook (a bad payload raises
  :class:`DownloadsError` naming the file, column or row, so the brief fails with that message)
  and appends a "数据下载 / Downloads" section with relative links to the notebook, so the page's
  table of contents lists it.
- :func:`write` writes each file atomically as ``<brief stem>.<name>`` beside the page (the stem
  keeps the files of the 32 briefs in one folder apart) and removes the brief's stale ones.
- :func:`current` tells the incremental build whether the recorded files are still intact.

Files are UTF-8 *with* a byte-order mark (``utf-8-sig``) and CRLF line ends (RFC 4180): Excel,
still the tool most Chinese statistical users open a CSV with, reads a BOM-less UTF-8 file as the
local code page (GBK) and garbles every Chinese name; with the BOM it reads UTF-8. pandas, R's
readr and LibreOffice all skip the BOM. Missing values are empty fields, never 0. Floats are
written in Python's shortest round-trip form, so rebuilds are byte-identical.
"""
from __future__ import annotations

import csv
import glob
import hashlib
import html
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..errors import MzError
from . import atomic

#: MIME type of the downloads payload a brief notebook displays (never rendered as HTML).
DOWNLOADS_MIME = "application/vnd.mzanalysis.downloads+json"
#: The column every file must carry: where each row's figure comes from.
SOURCE_COLUMN = "source_url"
#: Id of the section's heading (prefixed, so no markdown heading of the notebook can clash).
SECTION_ID = "mz-downloads"

_NAME = re.compile(r"[a-z0-9_]+\.csv")
_FILE_KEYS = ("name", "title", "columns", "rows")


class DownloadsError(MzError, ValueError):
    """The notebook's downloads payload does not follow the contract of this module."""


@dataclass(frozen=True)
class Download:
    """One validated file: its name in the payload, link text, and the exact bytes to write."""

    name: str
    title: str
    n_rows: int
    n_columns: int
    data: bytes

    def filename(self, stem: str) -> str:
        """Name on disk beside the brief ``<stem>.html``."""
        return f"{stem}.{self.name}"


def payload(nb) -> dict | None:
    """The downloads payload displayed by an executed notebook, or None when it shows none.

    Only one is allowed: two payloads would leave it unclear which files the brief offers.
    """
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if DOWNLOADS_MIME in data:
                found.append((i, data[DOWNLOADS_MIME]))
    if len(found) > 1:
        cells = ", ".join(str(i) for i, _ in found)
        raise DownloadsError(f"downloads payload: the notebook displayed {len(found)} payloads "
                             f"(cells {cells}); display one with every file")
    return found[0][1] if found else None


def validate(obj) -> list[Download]:
    """Check a payload against the contract and serialise each file to CSV bytes.

    Raises :class:`DownloadsError` naming what is wrong (the file, the column, the row).
    """
    if not isinstance(obj, dict) or not isinstance(obj.get("files"), list):
        raise DownloadsError("downloads payload: expected an object {\"files\": [...]}, got "
                             f"{_short(obj)}")
    extra = sorted(set(obj) - {"files"})
    if extra:
        raise DownloadsError(f"downloads payload: unknown key(s) {', '.join(map(repr, extra))} "
                             "(only 'files')")
    out, seen = [], set()
    for i, f in enumerate(obj["files"]):
        where = f"downloads payload: file {i}"
        if not isinstance(f, dict):
            raise DownloadsError(f"{where}: expected an object with {', '.join(_FILE_KEYS)}, "
                                 f"got {_short(f)}")
        name = f.get("name")
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise DownloadsError(f"{where}: bad name {name!r} (expected lower-case letters, "
                                 "digits and _ ending in .csv, e.g. dibao_standard.csv)")
        where = f"downloads payload: file {name!r}"
        if name in seen:
            raise DownloadsError(f"{where}: offered twice")
        seen.add(name)
        missing = [k for k in _FILE_KEYS if k not in f]
        unknown = sorted(set(f) - set(_FILE_KEYS))
        if missing or unknown:
            raise DownloadsError(f"{where}: " + "; ".join(
                ([f"missing key(s) {', '.join(missing)}"] if missing else [])
                + ([f"unknown key(s) {', '.join(unknown)}"] if unknown else [])))
        title = f["title"]
        if not isinstance(title, str) or not title.strip():
            raise DownloadsError(f"{where}: title must be a non-empty string, got {title!r}")
        cols = f["columns"]
        if (not isinstance(cols, list) or not cols
                or not all(isinstance(c, str) and c.strip() for c in cols)):
            raise DownloadsError(f"{where}: columns must be a non-empty list of names, got "
                                 f"{_short(cols)}")
        dup = sorted({c for c in cols if cols.count(c) > 1})
        if dup:
            raise DownloadsError(f"{where}: column(s) {', '.join(dup)} named twice")
        if SOURCE_COLUMN not in cols:
            raise DownloadsError(f"{where}: column {SOURCE_COLUMN!r} missing (every row names "
                                 f"its source; columns are {', '.join(cols)})")
        rows = f["rows"]
        if not isinstance(rows, list):
            raise DownloadsError(f"{where}: rows must be a list of lists, got {_short(rows)}")
        out.append(Download(name, title.strip(), len(rows), len(cols),
                            _csv_bytes(where, cols, rows)))
    return out


def _csv_bytes(where: str, cols: list[str], rows: list) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(cols)
    for r, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != len(cols):
            n = len(row) if isinstance(row, list) else type(row).__name__
            raise DownloadsError(f"{where}: row {r} has {n} values for {len(cols)} columns")
        w.writerow([_cell(where, r, c, v) for c, v in zip(cols, row)])
    return buf.getvalue().encode("utf-8-sig")


def _cell(where: str, r: int, col: str, v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        raise DownloadsError(f"{where}: row {r}, column {col!r}: {v!r} is not a string, number "
                             "or null")
    if isinstance(v, float):
        if math.isnan(v):  # pandas' missing value: an empty field, never 0
            return ""
        if math.isinf(v):
            raise DownloadsError(f"{where}: row {r}, column {col!r}: infinite value")
        return repr(v)
    return str(v)


def _short(obj) -> str:
    text = repr(obj)
    return text if len(text) <= 80 else text[:77] + "..."


def section_html(files: list[Download], stem: str) -> str:
    """The "数据下载 / Downloads" section: one relative link per file (all text escaped)."""
    e = html.escape
    items = []
    for d in files:
        fn = d.filename(stem)
        items.append(f'<li><a href="{e(quote(fn))}" download>{e(d.title)}</a> '
                     f'<span class="mz-note">{e(fn)} · {d.n_rows} 行 rows · '
                     f'{d.n_columns} 列 columns</span></li>')
    return (f'<section class="mz-downloads">\n<h2 id="{SECTION_ID}">数据下载 / Downloads</h2>\n'
            "<p>图中每个序列的数据，CSV 格式（UTF-8 带 BOM，Excel 可直接打开），每行注明来源网址。"
            " / The data of every plotted series as CSV (UTF-8 with BOM, opens in Excel), "
            "each row with its source URL.</p>\n<ul>\n" + "\n".join(items) + "\n</ul>\n</section>")


def attach(nb, html_path: Path) -> list[Download]:
    """Validate the notebook's payload and append the Downloads section to ``nb`` (in place).

    Call before rendering; returns the files for :func:`write` (empty when none are offered,
    and then no section is added).
    """
    import nbformat

    obj = payload(nb)
    files = validate(obj) if obj is not None else []
    if files:
        out = nbformat.v4.new_output("display_data",
                                     data={"text/html": section_html(files, Path(html_path).stem)})
        nb.cells.append(nbformat.v4.new_code_cell("", outputs=[out]))
    return files


def _ours(stem: str):
    """Matches the download file names of brief ``stem`` (not those of ``<stem>-<hash>``)."""
    return re.compile(re.escape(stem) + r"\.[a-z0-9_]+\.csv").fullmatch


def _stale(html_path: Path, keep: set[str]) -> list[Path]:
    html_path = Path(html_path)
    ours = _ours(html_path.stem)
    return [p for p in html_path.parent.glob(glob.escape(html_path.stem) + ".*.csv")
            if ours(p.name) and p.name not in keep]


def write(html_path: Path, files: list[Download]) -> dict:
    """Write ``files`` beside ``html_path`` atomically and remove the brief's stale downloads.

    Returns ``{"downloads": {file name: sha256}}`` for the build record's outputs.
    """
    html_path = Path(html_path)
    stem, folder = html_path.stem, html_path.parent
    done = {}
    for d in files:
        atomic.write_bytes(folder / d.filename(stem), d.data)
        done[d.filename(stem)] = hashlib.sha256(d.data).hexdigest()
    remove_stale(html_path, keep=set(done))
    return {"downloads": done}


def remove_stale(html_path: Path, keep: set[str] = frozenset()) -> None:
    """Remove this brief's download files not in ``keep`` (all of them by default: a failed or
    empty brief offers none)."""
    for p in _stale(html_path, set(keep)):
        p.unlink(missing_ok=True)


def current(html_path: Path, outputs: dict) -> bool:
    """True when every download recorded in ``outputs`` is beside the page, unchanged."""
    from .keys import file_sha256

    html_path = Path(html_path)
    recorded = outputs.get("downloads") or {}
    if not all(map(_ours(html_path.stem), recorded)):  # not a record this module wrote
        return False
    try:
        return all(file_sha256(html_path.parent / name) == sha for name, sha in recorded.items())
    except OSError:
        return False

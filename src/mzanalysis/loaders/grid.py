"""Read a spreadsheet-like file (CSV, XLSX, HTML) into a plain grid of cell texts.

Official tables arrive as NBS CSV exports with a ``#`` comment line, as XLSX with a title cell, or
as HTML pages with a ``<table>``; the loaders interpret the layout, this module only reads cells.
Keeping the raw grid (1-based row and column numbers as a spreadsheet shows them) lets every
error name the exact cell. Text files are decoded with charset-normalizer, because Chinese
official downloads are often GB18030 rather than UTF-8.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError

#: Cell texts that mean "no figure" in Chinese statistical tables.
MISSING = {"", "-", "--", "—", "——", "…", "...", "nan", "NaN", "NA", "N/A", "/", "null", "None",
           "x", "X"}


@dataclass
class Grid:
    """Cells as text (None for empty), plus where they came from."""

    path: Path
    rows: list[list[str | None]]
    comments: list[str] = field(default_factory=list)  # '#' lines of a CSV export
    title: str = ""                                   # HTML <title> / caption, if any

    def where(self, row: int, col: int | None = None) -> str:
        """'FILE, row R, column C' with 1-based numbers as a spreadsheet shows them."""
        text = f"{self.path}, row {row + 1 + self.row_offset}"
        return text + (f", column {col + 1}" if col is not None else "")

    row_offset: int = 0  # comment lines skipped before rows[0]


def _cell(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer():
            return str(int(value))
        return repr(value)
    text = str(value).strip()
    return None if text == "" else text


def decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, otherwise charset-normalizer's guess."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DataError(f"{path}: cannot tell the text encoding (not UTF-8, GB18030 or Big5?)")
    return str(best)


def read_grid(path: str | Path, *, sheet: int | str = 0) -> Grid:
    """Read CSV/TSV/TXT, XLSX/XLS or HTML into a :class:`Grid`."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return _read_excel(path, sheet)
    if suffix in (".html", ".htm"):
        return read_html_grid(path)
    if suffix in (".csv", ".tsv", ".txt"):
        return _read_text(path)
    raise DataError(f"{path}: unsupported file type {suffix!r} (use CSV, XLSX or HTML)")


def _read_excel(path: Path, sheet) -> Grid:
    import pandas as pd

    try:
        frame = pd.read_excel(path, sheet_name=sheet, header=None, dtype=object)
    except ValueError as exc:
        raise DataError(f"{path}: cannot read sheet {sheet!r}: {exc}") from None
    except Exception as exc:  # zip/openpyxl errors for a corrupt or misnamed file
        raise DataError(f"{path}: not a readable Excel file ({type(exc).__name__}: {exc})") \
            from None
    rows = [[_cell(v) for v in row] for row in frame.itertuples(index=False)]
    return Grid(path, rows)


def _read_text(path: Path) -> Grid:
    text = decode(path.read_bytes(), path)
    lines = text.splitlines()
    comments = []
    while lines and lines[0].lstrip().startswith("#"):
        comments.append(lines.pop(0).lstrip()[1:].strip())
    sample = "\n".join(lines[:20])
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows = [[_cell(v) for v in row] for row in csv.reader(io.StringIO("\n".join(lines)),
                                                         delimiter=delimiter)]
    _check_ragged(path, rows, len(comments))
    width = max((len(r) for r in rows), default=0)
    rows = [r + [None] * (width - len(r)) for r in rows]
    return Grid(path, rows, comments=comments, row_offset=len(comments))


def _check_ragged(path: Path, rows: list[list], offset: int) -> None:
    """A data row with fewer cells than the header, or filled cells beyond it, is an error.

    Padding such a row would shift every later figure of it into the wrong column (a year or a
    province off by one) without any sign; title lines (one filled cell) and blank lines are
    exempt.
    """
    width = None
    for n, row in enumerate(rows, start=1 + offset):
        filled = sum(1 for v in row if v is not None)
        if filled < 2:
            continue
        if width is None:
            width = len(row)
            continue
        extra = any(v is not None for v in row[width:])
        if len(row) < width or extra:
            raise DataError(f"{path}, row {n}: {len(row)} cells where the header row has {width}"
                            " — a missing or extra cell would shift the figures into the wrong "
                            "columns")


def read_html_grid(path: Path) -> Grid:
    """The largest ``<table>`` of an HTML page (rowspan/colspan expanded by pandas)."""
    import pandas as pd

    text = decode(path.read_bytes(), path)
    try:
        # lxml only: without a <table> pandas would fall back to html5lib, not installed here,
        # and the user would see an ImportError about a package they never asked for
        tables = pd.read_html(io.StringIO(text), header=None, flavor="lxml")
    except (ValueError, ImportError):
        raise DataError(f"{path}: no <table> in the HTML page") from None
    table = max(tables, key=lambda t: t.size)
    rows = [[_cell(v) for v in row] for row in table.itertuples(index=False)]
    title = ""
    m = re.search(r"<title[^>]*>(.*?)</title>", text, re.S | re.I)
    if m:
        title = re.sub(r"\s+", " ", m.group(1)).strip()
    caption = re.search(r"<caption[^>]*>(.*?)</caption>", text, re.S | re.I)
    heading = re.search(r"<h[1-3][^>]*>(.*?)</h[1-3]>", text, re.S | re.I)
    parts = [title] + [re.sub(r"<[^>]+>|\s+", " ", x.group(1)).strip()
                       for x in (caption, heading) if x]
    return Grid(path, rows, title=" ".join(p for p in parts if p))


def number(text: str | None, where: str) -> float | None:
    """A cell's number, None for a missing-value marker; DataError naming the cell otherwise."""
    if text is None or text.strip() in MISSING:
        return None
    t = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    try:
        return float(t)
    except ValueError:
        raise DataError(f"{where}: {text!r} is not a number") from None

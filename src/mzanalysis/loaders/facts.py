"""A tidy table already in the fact schema (CSV, JSON lines or Parquet), e.g. one saved by another run.

Besides the schema check, two things a schema cannot see are checked here, each error naming the
file, line and column: a region code that is not in the registry (or does not match its name),
and duplicated rows (the same key and source twice), which would double-count in any sum.
``flags`` may be a list (Parquet), or text: ``;``-separated or a JSON list.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import DataError, SchemaError

_KEY = ["region_code", "year", "period", "indicator", "area", "variant", "source", "source_ref"]


def _flags(value, where: str) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if hasattr(value, "tolist"):  # numpy array from Parquet
        return [str(v) for v in value.tolist()]
    text = "" if value is None or value != value else str(value).strip()
    if text.startswith("["):
        try:
            return [str(v) for v in json.loads(text)]
        except json.JSONDecodeError:
            raise DataError(f"{where}: flags {text!r} is not a JSON list") from None
    return [f.strip() for f in text.split(";") if f.strip()]


def _read_jsonl(path: Path):
    """A JSON-lines fact file (``mzanalysis extract`` default output) as a frame."""
    import pandas as pd

    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}, line {lineno}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise DataError(f"{path}, line {lineno}: expected a JSON object per line")
        rows.append(row)
    frame = pd.DataFrame(rows)
    for col in ("region_code", "period"):
        if col in frame.columns:
            frame[col] = frame[col].map(lambda v: None if v is None else str(v))
    return frame


def load_facts(path: str | Path, *, source: str | None = None):
    """Read a fact table from CSV, JSON lines or Parquet and validate it (see module docstring)."""
    import pandas as pd

    from ..regions import registry
    from ..schema import COLUMN_NAMES, validate_facts

    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except (ValueError, OSError) as exc:  # pyarrow's ArrowInvalid is a ValueError
            raise DataError(f"{path}: not a readable Parquet file ({exc})") from None
        first_line = 0   # Parquet rows are numbered from 0
        row_word = "row"
    elif suffix in (".jsonl", ".ndjson"):
        frame = _read_jsonl(path)
        first_line = 1
        row_word = "line"
    elif suffix in (".csv", ".txt"):
        text_cols = {c: "str" for c in ("region_code", "period", "variant", "qualifier", "flags",
                                        "source", "source_ref", "region", "level", "indicator",
                                        "area", "unit")}
        import io

        from .grid import decode

        try:  # GB18030 and UTF-16 as well as UTF-8: Excel on Chinese Windows saves GB18030
            text = decode(path.read_bytes(), path)
        except OSError as exc:
            raise DataError(f"{path}: cannot read file ({exc.strerror or exc})") from None
        frame = pd.read_csv(io.StringIO(text), dtype=text_cols, keep_default_na=False,
                            na_values={c: [""] for c in ("variant", "qualifier", "value_high")})
        first_line = 2   # header is line 1
        row_word = "line"
    else:
        raise DataError(f"{path}: unsupported file type {suffix!r} (use .csv, .jsonl or "
                        ".parquet)")
    missing = [c for c in COLUMN_NAMES if c not in frame.columns]
    if missing:
        raise DataError(f"{path}: not a fact table: missing column(s) {', '.join(missing)}")
    frame.index = range(first_line, first_line + len(frame))
    for col in ("region_code", "year"):
        blank = frame[col].isna() | (frame[col].astype(str).str.strip() == "")
        if blank.any():
            i = frame.index[blank][0]
            where = f" (document {frame.at[i, 'doc']})" if "doc" in frame.columns else ""
            raise DataError(f"{path}, {row_word} {i}, column {col}: empty{where}: the report "
                            "names no region or year; give them with `mzanalysis extract "
                            "--region/--year` or a --metadata CSV")
    if not pd.api.types.is_numeric_dtype(frame["year"]):
        bad = pd.to_numeric(frame["year"], errors="coerce").isna()
        if bad.any():
            i = frame.index[bad][0]
            raise DataError(f"{path}, {row_word} {i}, column year: {frame.at[i, 'year']!r} is "
                            "not a year")
    for col in ("variant", "qualifier"):
        frame[col] = frame[col].astype("object").where(frame[col].notna(), None)
    frame["flags"] = [_flags(v, f"{path}, {row_word} {i}, column flags")
                      for i, v in zip(frame.index, frame["flags"])]
    reg = registry()
    for i, code, name in zip(frame.index, frame["region_code"], frame["region"]):
        region = reg.by_code.get(str(code))
        if region is None:
            raise DataError(f"{path}, {row_word} {i}, column region_code: unknown region code "
                            f"{code!r}")
        if name not in region.names:
            raise DataError(f"{path}, {row_word} {i}, column region: {name!r} is not the name of "
                            f"{code} ({region.name})")
    key = frame[_KEY].astype(str)
    dup = key.duplicated(keep=False)
    if dup.any():
        rows = list(frame.index[dup])
        raise DataError(f"{path}: duplicated rows ({row_word}s {', '.join(map(str, rows[:10]))}"
                        f"{' …' if len(rows) > 10 else ''}): same region, year, period, "
                        "indicator, area, variant and source")
    if source:
        frame["source"] = source
    try:
        out = validate_facts(frame, what=str(path))
    except SchemaError as exc:
        raise SchemaError(str(exc).replace("row ", f"{row_word} ")) from None
    return out.reset_index(drop=True)

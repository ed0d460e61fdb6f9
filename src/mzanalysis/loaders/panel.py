"""Everything in a folder a user brings, merged with the curated data, with a report.

:func:`load_panel` walks a folder recursively and reads each file with the loader that fits:

* a table in the fact schema (CSV/Parquet) → :func:`~mzanalysis.loaders.load_facts`;
* an MCA quarterly provincial table (XLSX/HTML with 低保/特困 … headers) →
  :func:`~mzanalysis.loaders.load_mca_quarterly`;
* a province × year table (XLSX/CSV: cnmoderndata ``B5.xlsx`` …, NBS ``History_POP.csv``) →
  :func:`~mzanalysis.loaders.load_wide_table`. cnmoderndata files are known by their code (B5,
  B6, B7, B2, B3, A5, C1, C2, E4, E5) and its ``index.xlsx`` (name and unit of each code) as well
  as by their first cell. Where the first cell's unit and ``index.xlsx`` disagree, the one whose
  magnitudes are plausible is used and the rows carry the ``unit_conflict`` flag.

Files that cannot be used (documentation, an indicator outside the vocabulary, an unknown
layout, a collector CSV already embedded as curated data) are listed with the reason in the
report; ``strict=True`` raises on the first unreadable table instead.

The result has one row per source figure; ``preferred`` marks one row per key (region, year,
period, indicator, area, variant): a figure from a table the user brought wins over the curated
data, because a complete official table uses one definition across provinces and years, and the
curated data fills the keys the tables do not cover.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import DataError, MzError

#: cnmoderndata (Haohanblue/cnmoderndata, public/data/source) table codes used by mzanalysis:
#: code -> (indicator, area, variant, unit as index.xlsx states it). None: outside the vocabulary.
CNMODERNDATA_CODES: dict[str, tuple[str, str, str | None, str] | None] = {
    "B5": ("dibao_recipients", "urban", None, "人"),
    "B6": ("dibao_recipients", "rural", None, "人"),
    "B7": ("orphan_recipients", "all", None, "人"),
    "B2": ("urbanisation_rate", "all", None, "%"),
    "C1": ("consumption_expenditure", "rural", None, "元"),
    "C2": ("consumption_expenditure", "urban", None, "元"),
    "E4": ("gdp_per_capita", "all", None, "元/人"),
    "E5": ("budget_revenue", "all", "per_capita", "元/人"),
    "B3": ("unemployment_rate", "all", None, "%"),
    "A5": ("dependency_ratio", "all", None, "%"),
}

_DOC_SUFFIXES = {".md", ".txt", ".rst", ".pdf", ".json", ".yml", ".yaml", ".py", ".ipynb",
                 ".docx", ".doc"}
_TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".html", ".htm", ".parquet"}
_COLLECTOR_COLUMNS = {"source_quote", "notes"}


def _read_index(path: Path) -> dict[str, tuple[str, str]]:
    """cnmoderndata index.xlsx: code -> (基础指标 name, 单位 unit)."""
    import pandas as pd

    table = pd.read_excel(path, header=0, dtype=str)
    cols = {str(c).strip(): c for c in table.columns}
    if not {"基础指标", "单位", "指标代码"} <= cols.keys():
        raise DataError(f"{path}: not a cnmoderndata index (needs 基础指标, 单位, 指标代码)")
    out = {}
    for _, row in table.iterrows():
        code = row[cols["指标代码"]]
        if isinstance(code, str) and code.strip():
            out[code.strip()] = (str(row[cols["基础指标"]]).strip(), str(row[cols["单位"]]).strip())
    return out


def _header_columns(path: Path) -> set[str]:
    import pandas as pd

    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        try:
            return set(pq.read_schema(path).names)
        except (ValueError, OSError):  # corrupt (ArrowInvalid): load_facts names the file
            return set()
    try:
        return set(pd.read_csv(path, nrows=0, comment=None).columns.map(str))
    except Exception:  # unreadable header: let the table loaders report it
        return set()


class _Reader:
    def __init__(self, root: Path, strict: bool):
        self.root, self.strict = root, strict
        self.report: list[dict] = []
        self.frames = []
        self.index: dict[str, tuple[str, str]] = {}

    def note(self, path: Path, status: str, loader: str, reason: str = "", frame=None,
             details=None):
        entry = {"file": str(path.relative_to(self.root)) if path.is_relative_to(self.root)
                 else str(path), "status": status, "loader": loader, "rows": 0,
                 "indicators": "", "years": "", "reason": reason}
        if frame is not None and len(frame):
            entry["rows"] = len(frame)
            entry["indicators"] = ", ".join(sorted(
                set(frame["indicator"] + "/" + frame["area"])))
            entry["years"] = f"{frame['year'].min()}–{frame['year'].max()}"
            extras = []
            if frame.attrs.get("missing_cells"):
                extras.append(f"{frame.attrs['missing_cells']} empty cells")
            for key in ("skipped_rows", "skipped_columns"):
                for item in frame.attrs.get(key, []):
                    label = item.get("label") or item.get("header")
                    where = f"row {item['row']}" if "row" in item else f"column {item['column']}"
                    extras.append(f"{where} {label!r} not read: {item['reason']}")
            if extras:
                entry["reason"] = "; ".join(filter(None, [reason] + extras))
        if details:
            entry["reason"] = "; ".join(filter(None, [entry["reason"], details]))
        self.report.append(entry)
        if frame is not None and len(frame):
            self.frames.append(frame)

    def fail(self, path: Path, loader: str, exc: MzError):
        if self.strict:
            raise exc
        self.note(path, "error", loader, str(exc))

    def read(self, path: Path):
        from .facts import load_facts
        from .mca import load_mca_quarterly

        suffix = path.suffix.lower()
        if suffix in _DOC_SUFFIXES or suffix not in _TABLE_SUFFIXES:
            self.note(path, "skipped", "-", "documentation or not a table")
            return
        if path.name.lower() == "index.xlsx":
            return  # read first, in load_panel; reported there
        if suffix in (".csv", ".tsv", ".parquet"):
            columns = _header_columns(path)
            from ..schema import COLUMN_NAMES

            if set(COLUMN_NAMES) <= columns:
                try:
                    self.note(path, "read", "load_facts", frame=load_facts(path))
                except MzError as exc:
                    self.fail(path, "load_facts", exc)
                return
            if _COLLECTOR_COLUMNS <= columns:
                self.note(path, "skipped", "-", "collector CSV of cited figures: already embedded "
                          "as the curated data (rebuild with `python -m mzanalysis.curate`)")
                return
        if suffix in (".html", ".htm"):
            try:
                self.note(path, "read", "load_mca_quarterly", frame=load_mca_quarterly(path))
            except MzError as exc:
                self.fail(path, "load_mca_quarterly", exc)
            return
        self.read_wide(path)

    def read_wide(self, path: Path):
        from .mca import load_mca_quarterly
        from .wide import load_wide_table

        code = path.stem.upper()
        known = CNMODERNDATA_CODES.get(code, False)
        if known is None:
            name = self.index.get(code, ("", ""))[0]
            self.note(path, "skipped", "load_wide_table",
                      f"cnmoderndata {code} {name} is outside the indicator vocabulary "
                      "(mzanalysis.schema.INDICATORS)".replace("  ", " "))
            return
        try:
            frame = load_wide_table(path)
            self.note(path, "read", "load_wide_table", frame=frame)
            return
        except DataError as exc:
            first_error = exc
        # A cnmoderndata code whose first cell lacks a usable unit, or states an implausible
        # one: use the unit index.xlsx gives for the code and flag the disagreement.
        if known:
            indicator, area, variant, default_unit = known
            unit = self.index.get(code, ("", default_unit))[1] or default_unit
            try:
                frame = load_wide_table(path, indicator=indicator, unit=unit, area=area,
                                        variant=variant)
            except DataError:
                pass
            else:
                stated = str(first_error)
                frame["flags"] = [sorted(set(f) | {"unit_conflict"}) for f in frame["flags"]]
                self.note(path, "read", "load_wide_table", frame=frame,
                          details=f"unit {unit!r} from index.xlsx used (flag unit_conflict): "
                                  f"the table's own title failed: {stated}")
                return
        if "wrong layout" in str(first_error) and path.suffix.lower() in (".xlsx", ".xls"):
            try:
                self.note(path, "read", "load_mca_quarterly", frame=load_mca_quarterly(path))
                return
            except MzError as exc:
                first_error = DataError(f"{first_error}; as an MCA quarterly table: {exc}")
        self.fail(path, "load_wide_table", first_error)


def load_panel(data_dir: str | Path | None = None, *, curated: bool = True,
               strict: bool = False, with_report: bool = False, preferred: bool = True):
    """All tables under ``data_dir`` (recursively) plus the curated data, as one fact table.

    ``preferred=True`` (default) returns one row per key — the user's table before the curated
    data, a key whose rows disagree flagged ``source_conflict`` (and listed by
    ``mzanalysis data reconcile``) — so indicators can select from it directly;
    ``preferred=False`` returns every row with the ``preferred``, ``n_sources`` and ``conflict``
    columns.

    Returns the facts (``frame.attrs['report']`` holds the report), or ``(facts, report)`` with
    ``with_report=True``; the report is a DataFrame with one row per file: status (``read``;
``skipped`` on purpose, e.g. documentation; ``error``: a table that could not be read),
    loader, rows, indicators, years and the reason a file or part of it was not used.
    """
    import pandas as pd

    from ..schema import empty_facts, validate_facts
    from .curated import load_curated

    reader = _Reader(Path(data_dir) if data_dir else Path("."), strict)
    if data_dir is not None:
        root = Path(data_dir)
        if not root.is_dir():
            raise DataError(f"{root}: not a folder")
        files = sorted(p for p in root.rglob("*") if p.is_file()
                       and not any(part.startswith(".") for part in p.relative_to(root).parts))
        for index in (p for p in files if p.name.lower() == "index.xlsx"):
            try:
                reader.index.update(_read_index(index))
                reader.note(index, "read", "cnmoderndata index",
                            f"names and units of {len(reader.index)} table codes")
            except (MzError, ValueError) as exc:
                reader.fail(index, "cnmoderndata index", DataError(str(exc)))
        for path in files:
            reader.read(path)
    frames = list(reader.frames)
    if curated:
        cur = load_curated()
        frames.append(cur)
        reader.report.append({"file": "(embedded curated data)", "status": "read",
                              "loader": "load_curated", "rows": len(cur),
                              "indicators": f"{cur['indicator'].nunique()} indicators",
                              "years": f"{cur['year'].min()}–{cur['year'].max()}",
                              "reason": "preferred value per key"})
    if frames:
        facts = pd.concat([f.assign(_rank=i) for i, f in enumerate(frames)], ignore_index=True)
    else:
        facts = empty_facts().assign(_rank=pd.Series(dtype="int64"))
    facts = _mark_preferred(facts)
    n_conflict = int(facts.loc[facts["preferred"], "conflict"].sum())
    if n_conflict:
        reader.report.append({"file": "(all tables)", "status": "conflict",
                              "loader": "load_panel", "rows": n_conflict, "indicators": "",
                              "years": "", "reason": f"{n_conflict} key(s) where tables disagree:"
                              " the first table's value is used, flagged source_conflict; "
                              "`mzanalysis data reconcile` lists them"})
    if preferred:
        facts = facts[facts["preferred"]].reset_index(drop=True)
    facts = validate_facts(facts, what="panel")
    report = pd.DataFrame(reader.report, columns=["file", "status", "loader", "rows",
                                                  "indicators", "years", "reason"])
    facts.attrs["report"] = report.to_dict("records")
    return (facts, report) if with_report else facts


def _mark_preferred(facts):
    """One preferred row per key: earlier frames (user tables) before the curated data."""
    import pandas as pd

    variant = facts["variant"].astype("object").where(facts["variant"].notna(), "")
    keys = [facts["region_code"], facts["year"], facts["period"], facts["indicator"],
            facts["area"], variant]
    order = facts.assign(_v=variant).sort_values("_rank", kind="stable")
    first = ~order.duplicated(["region_code", "year", "period", "indicator", "area", "_v"])
    facts = facts.copy()
    facts["preferred"] = first.reindex(facts.index)
    facts["n_sources"] = facts.groupby(keys)["value"].transform("size")
    # Two tables disagree on a key when their values differ beyond rounding (0.05 %).
    spread = facts.groupby(keys)["value"].transform(lambda v: v.max() - v.min())
    scale = facts.groupby(keys)["value"].transform(lambda v: v.abs().max())
    facts["conflict"] = (spread > 5e-4 * scale) & (facts["n_sources"] > 1)
    facts["flags"] = pd.Series(
        [sorted(set(f) | {"source_conflict"}) if (p and c) else list(f)
         for f, p, c in zip(facts["flags"], facts["preferred"], facts["conflict"])],
        index=facts.index, dtype=object)
    return facts.drop(columns="_rank")


def format_report(report) -> str:
    """The report as aligned text lines (for the CLI and notebooks)."""
    lines = []
    for row in (report.to_dict("records") if hasattr(report, "to_dict") else report):
        head = f"{row['status']:8} {row['file']}"
        if row["rows"]:
            head += f"  ({row['loader']}: {row['rows']} rows; {row['indicators']}; {row['years']})"
        lines.append(head)
        if row["reason"]:
            lines.append("         " + re.sub(r"\s+", " ", str(row["reason"]))[:400])
    return "\n".join(lines)

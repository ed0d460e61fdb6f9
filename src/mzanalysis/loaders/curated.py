"""The embedded curated data (``data/``): cited national and provincial figures as facts.

:func:`load_curated` returns one preferred value per key (region, year, period, indicator, area,
variant) by default — the rule is in :mod:`mzanalysis.provenance` — or every source row with
``preferred=False``. The files' sha256 checksums are verified on first read (a tampered file is an
error) and the parsed, validated frame is cached per process, because notebooks call this often.
"""
from __future__ import annotations

from pathlib import Path

from ..datapackage import data_dir as _data_dir
from ..datapackage import verify_checksums
from ..errors import DataError

_CACHE: dict[tuple, object] = {}

_STR_COLUMNS = ("region_code", "region", "level", "period", "indicator", "area", "variant",
                "unit", "qualifier", "source", "source_ref", "source_id", "source_class",
                "source_indicator", "standard_kind")


def _signature(folder: Path) -> tuple:
    """Cache key: the folder and each file's size and mtime (a rebuilt package is re-read)."""
    stats = []
    for name in ("datapackage.json", "facts.csv", "sources.csv", "conflicts.csv"):
        path = folder / name
        st = path.stat() if path.exists() else None
        stats.append((name, st.st_size if st else -1, st.st_mtime_ns if st else -1))
    return (str(folder.resolve()), tuple(stats))


def _read_csv(path: Path, str_columns=()):
    import pandas as pd

    dtypes = {c: "str" for c in str_columns}
    try:
        return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values={
            c: [""] for c in ("variant", "value_high", "qualifier")})
    except FileNotFoundError:
        raise DataError(f"{path}: not found") from None


def _all_facts(folder: Path):
    """All curated facts (every source row), verified and validated; cached."""
    import pandas as pd

    from ..schema import validate_facts

    key = ("facts", _signature(folder))
    if key not in _CACHE:
        verify_checksums(folder)
        frame = _read_csv(folder / "facts.csv", _STR_COLUMNS)
        frame["variant"] = frame["variant"].astype("object").where(frame["variant"].notna(), None)
        frame["standard_kind"] = frame["standard_kind"].astype("object").where(
            frame["standard_kind"] != "", None)
        frame["qualifier"] = frame["qualifier"].astype("object").where(
            frame["qualifier"].notna(), None)
        frame["flags"] = frame["flags"].map(lambda s: [f for f in str(s).split(";") if f])
        for col in ("preferred", "conflict"):
            frame[col] = frame[col].map({"True": True, "False": False, True: True,
                                         False: False}).astype(bool)
        frame["value_high"] = pd.to_numeric(frame["value_high"])
        _CACHE[key] = validate_facts(frame, what=str(folder / "facts.csv"))
    return _CACHE[key]


def load_curated(*, preferred: bool = True, data_dir: str | Path | None = None):
    """The curated facts: one preferred row per key (default) or every source row.

    With ``preferred=True`` a key whose sources disagree still appears once, carrying the
    ``source_conflict`` flag; :func:`conflicts` lists the competing rows. Extra columns say where
    each row comes from: ``source_id`` (a row of :func:`sources`), ``source_class``,
    ``n_sources``, ``n_agree`` and ``conflict``.
    """
    folder = Path(data_dir) if data_dir else _data_dir()
    frame = _all_facts(folder)
    if preferred:
        frame = frame[frame["preferred"]]
    return frame.reset_index(drop=True).copy()


def _cached_table(name: str, str_columns: tuple[str, ...], data_dir):
    """Read ``data/<name>.csv`` once per process (checksums verified first), return a copy."""
    folder = Path(data_dir) if data_dir else _data_dir()
    key = (name, _signature(folder))
    if key not in _CACHE:
        verify_checksums(folder)
        _CACHE[key] = _read_csv(folder / f"{name}.csv", str_columns)
    return _CACHE[key].copy()


def sources(data_dir: str | Path | None = None):
    """Every row of the collectors' CSVs: URL, quote, notes, class, and why unused rows are."""
    return _cached_table("sources", (
        "source_id", "dataset", "region", "quarter", "indicator", "area", "unit",
        "source_url", "source_quote", "notes", "source_class", "class_rule",
        "exclusion_reason"), data_dir)


def conflicts(data_dir: str | Path | None = None):
    """Every row of every key whose sources disagree (the preferred row first in each key)."""
    return _cached_table("conflicts", (
        "region_code", "region", "period", "indicator", "area", "variant", "unit",
        "source_class", "source_id", "source_ref"), data_dir)


def seed_facts(data_dir: str | Path | None = None, *, placed_only: bool = True):
    """Facts the package's extractor read from the seed reports (``seed_facts.csv``).

    ``source`` is the seed document name, ``source_ref`` the character span, ``text`` the quoted
    span. With ``placed_only`` (default) only facts whose document names a region and year are
    returned, validated as a fact table; ``placed_only=False`` returns every row as stored.
    """
    import pandas as pd

    from ..schema import validate_facts

    folder = Path(data_dir) if data_dir else _data_dir()
    key = ("seed_facts", _signature(folder))
    if key not in _CACHE:
        path = folder / "seed_facts.csv"
        if not path.is_file():
            raise DataError(f"{path}: not built (run `python -m mzanalysis.curate` with the "
                            "seed reports beside the data folder)")
        verify_checksums(folder)
        frame = _read_csv(path, ("doc", "region_code", "region", "level", "period", "indicator",
                                 "area", "variant", "unit", "qualifier", "source", "source_ref",
                                 "text"))
        frame["flags"] = frame["flags"].map(lambda s: [f for f in str(s).split(";") if f])
        frame["placed"] = frame["placed"].astype(str).eq("True")
        for col in ("variant", "qualifier"):
            frame[col] = frame[col].astype("object").where(frame[col].notna(), None)
        frame["value_high"] = pd.to_numeric(frame["value_high"])
        _CACHE[key] = frame
    if not placed_only:
        return _CACHE[key].copy()
    # the placed rows, validated once per process too: every brief asks for them, and the
    # schema check costs more than the brief's own use of the frame
    pkey = ("seed_facts_placed", key[1])
    if pkey not in _CACHE:
        frame = _CACHE[key]
        placed = frame[frame["placed"]].copy()
        placed["year"] = placed["year"].astype("int64")
        _CACHE[pkey] = validate_facts(placed.reset_index(drop=True), what="seed_facts.csv")
    return _CACHE[pkey].copy()

"""A user's folder of reports as brief input: extracted once, cached by content hash.

``mzanalysis brief(s) --reports DIR`` and the notebook's ``reports_dir`` parameter read the folder
through :func:`report_facts`. The folder's file names and bytes, the metadata CSV and the
extraction code make the cache key, so an unchanged folder is not re-read by each of a batch's
kernels, and an edited report (or an improved extractor) is. A ``metadata.csv`` in the folder
(columns file, region, year; see :func:`mzanalysis.loaders.reports.read_metadata`) is used
unless another is given.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError
from . import atomic, keys

#: Modules whose code decides what is extracted: part of the cache key.
_EXTRACTION_CODE = ("text", "loaders/reports.py")


@dataclass
class ReportFacts:
    """Facts stated in a folder of reports (``every``: placed or not), the placed ones as a
    validated fact table (``placed``), and one message per file that could not be read."""

    every: object
    placed: object
    errors: list[str] = field(default_factory=list)
    digest: str = ""


def cache_dir() -> Path:
    """``$MZ_CACHE_DIR``, else ``$XDG_CACHE_HOME/mzanalysis``, else ``~/.cache/mzanalysis``.

    Hand-rolled rather than platformdirs: the package targets Linux/macOS research machines and
    this is the one directory it caches to (a dependency for three lines is not worth it).
    """
    if os.environ.get("MZ_CACHE_DIR"):
        return Path(os.environ["MZ_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mzanalysis"


def folder_hash(reports_dir, metadata=None) -> str:
    """Hash of the folder's report files (names and bytes) and of the metadata CSV."""
    from ..loaders.reports import report_paths

    folder = Path(reports_dir)
    files, _ = report_paths([folder])
    files = [f for f in files if f.is_file()]
    h = keys.files_hash(files, root=folder)
    meta = _metadata_path(folder, metadata)
    if meta is not None and meta.is_file():
        h += keys.files_hash([meta])
    return hashlib.sha256(h.encode()).hexdigest()


def _code_hash() -> str:
    pkg = keys.PACKAGE_DIR
    files = []
    for rel in _EXTRACTION_CODE:
        p = pkg / rel
        files += sorted(q for q in p.rglob("*.py")) if p.is_dir() else [p]
    return keys.files_hash(files, root=pkg)


def _metadata_path(folder: Path, metadata) -> Path | None:
    if metadata is not None:
        return Path(metadata)
    for name in ("metadata.csv", "documents.json"):  # documents.json: the seeds' own layout
        own = folder / name
        if own.is_file():
            return own
    return None


def report_facts(reports_dir, metadata=None, *, use_cache: bool = True) -> ReportFacts:
    """Facts extracted from every readable report in ``reports_dir`` (see module docstring).

    Raises :class:`~mzanalysis.errors.DataError` when the folder does not exist or the metadata
    CSV is wrong (naming the row); unreadable report files are listed in ``errors`` instead.
    """
    import pandas as pd

    from .. import __version__
    from ..loaders.reports import extract_reports
    from ..schema import validate_facts
    from ..text.extract import facts_frame

    folder = Path(reports_dir).expanduser()
    if not folder.is_dir():
        raise DataError(f"reports folder {reports_dir}: no such folder")
    meta = _metadata_path(folder, metadata)
    digest = hashlib.sha256((folder_hash(folder, meta) + _code_hash() + __version__)
                            .encode()).hexdigest()
    cached = cache_dir() / "reports" / f"{digest}.json"
    if use_cache and cached.is_file():
        try:
            data = json.loads(cached.read_text("utf-8"))
            every = facts_frame(data["records"])
            errors = data["errors"]
        except (OSError, ValueError, KeyError):
            every = None
    else:
        every = None
    if every is None:
        # a published brief carries what a rule read, not the learned reader's guesses
        records, errs = extract_reports([folder], frame=False, metadata=meta, learned=False)
        errors = [str(e) for e in errs]
        every = facts_frame(records)
        if use_cache:
            try:
                atomic.write_json(cached, {"records": records, "errors": errors})
            except OSError:  # a read-only home: extraction still works, just uncached
                pass
    known = every["region_code"].notna() & every["year"].notna()
    placed = every[known].copy()
    placed["year"] = placed["year"].astype("int64")
    placed = validate_facts(placed.reset_index(drop=True), what=f"reports in {folder}") \
        if len(placed) else placed
    return ReportFacts(every=every, placed=placed if len(placed) else pd.DataFrame(
        columns=every.columns), errors=errors, digest=digest)

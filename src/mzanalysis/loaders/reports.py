"""Read report files and folders (.txt, .html, .htm, and .jsonl excerpt collections).

One bad file must not stop a batch: :func:`load_reports` returns the documents it could read and,
separately, one :class:`ReportError` per file that it could not (binary, empty, unknown encoding,
too large, unreadable, missing), each naming the file and the problem.

A ``.jsonl`` file holds excerpts, one JSON object per line with ``id`` and ``text`` (the layout of
hand-labelled excerpt sets); each excerpt becomes a document named by its ``id``.
"""
from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError

REPORT_SUFFIXES = (".txt", ".html", ".htm")
EXCERPT_SUFFIXES = (".jsonl",)
#: Default size limit: a civil-affairs report is tens of kilobytes; 50 MB is a wrong file.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """A decoded report: ``name`` is the file name (or excerpt id); ``text`` what spans index."""

    name: str
    path: str
    text: str
    #: bytes no encoding explained, replaced by U+FFFD (:class:`mzanalysis.text.normalize.Damage`)
    damage: object = None


@dataclass(frozen=True)
class ReportError:
    path: str
    message: str

    def __str__(self) -> str:
        return self.message


def _size_text(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _display_name(name: str) -> str:
    """A file name that was not valid UTF-8 (kept as surrogate escapes) with U+FFFD in their place,
    so it can be printed and written like any other text."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_bytes_bounded(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The bytes of a *regular* file of at most ``max_bytes``; DataError naming it otherwise.

    Opened with O_NONBLOCK, so a FIFO cannot block the open; the open file is checked to be a
    regular file (not a FIFO, socket or device such as /dev/zero), and the read stops at
    ``max_bytes + 1`` whatever ``st_size`` said (it is 0 for /proc files and devices).
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except PermissionError:
        raise DataError(f"{p}: cannot read file (permission denied)") from None
    except IsADirectoryError:
        raise DataError(f"{p}: is a directory") from None
    except FileNotFoundError:
        raise DataError(f"{p}: no such file") from None
    except OSError as exc:
        raise DataError(f"{p}: cannot read file ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise DataError(f"{p}: is a directory")
        if not stat.S_ISREG(st.st_mode):
            kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else
                    "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else
                    "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
            raise DataError(f"{p}: is {kind}, not a report file")
        if st.st_size > max_bytes:
            size, limit = _size_text(st.st_size), _size_text(max_bytes)
            if size == limit:  # "50.0 MB, above the size limit of 50.0 MB" reads as a bug
                size, limit = f"{st.st_size:,} bytes", f"{max_bytes:,} bytes"
            raise DataError(f"{p}: file is {size}, above the size limit of {limit} "
                            "(raise it with --max-size)")
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 22, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise DataError(f"{p}: file grew beyond the size limit of {_size_text(max_bytes)} "
                            "while it was read (raise it with --max-size)")
        return b"".join(chunks)
    except OSError as exc:
        raise DataError(f"{p}: cannot read file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def read_report(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode one .txt/.html/.htm report; raise DataError naming the file on failure.

    For HTML the document text is the page's text without scripts, navigation and footers
    (:func:`mzanalysis.text.normalize.html_to_text`); spans index that text. Bytes that the
    file's encoding does not explain are replaced by U+FFFD and listed in ``Document.damage``.
    """
    from ..text.normalize import decode_report, html_to_text

    p = Path(path)
    data = read_bytes_bounded(p, max_bytes)
    text, damage = decode_report(data, name=str(p))
    if p.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
        if not text.strip():
            raise DataError(f"{p}: HTML page has no text")
    return Document(_display_name(p.name), str(p), text, damage)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def read_excerpts(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """Documents from a JSON-lines file of excerpts ({"id": ..., "text": ...} per line)."""
    from ..text.normalize import decode

    p = Path(path)
    data = read_bytes_bounded(p, max_bytes)
    docs = []
    for lineno, line in enumerate(decode(data, name=str(p)).splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            doc = Document(str(row["id"]), f"{p}:{lineno}", str(row["text"]))
        except RecursionError:
            raise DataError(f"{p}, line {lineno}: JSON nested too deeply to be an excerpt") \
                from None
        except (ValueError, KeyError, TypeError):
            raise DataError(f"{p}, line {lineno}: not an excerpt object with 'id' and 'text'") \
                from None
        if _LONE_SURROGATE.search(doc.name) or _LONE_SURROGATE.search(doc.text):
            # JSON allows "\ud800" escapes; a lone surrogate is no character and cannot be output
            raise DataError(f"{p}, line {lineno}: 'id' or 'text' holds a lone surrogate escape "
                            "(\\ud800–\\udfff), which is not a character")
        docs.append(doc)
    return docs


def report_paths(paths) -> tuple[list[Path], list[ReportError]]:
    """Expand files and folders (recursively) into report files, in a stable order."""
    files, errors = [], []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            try:
                found = sorted(q for q in p.rglob("*") if q.suffix.lower() in
                               REPORT_SUFFIXES + EXCERPT_SUFFIXES and not q.is_dir())
                # a FIFO or device with a report's name is named as an error by read_bytes_bounded
                # (never opened for a blocking read), so one pipe cannot stop the batch
            except PermissionError as exc:
                errors.append(ReportError(str(p), f"{exc.filename}: cannot list folder "
                                                  "(permission denied)"))
                continue
            if not found and not os.access(p, os.R_OK | os.X_OK):
                # rglob skips a folder it may not list without a word; say why nothing was found
                errors.append(ReportError(str(p), f"{p}: cannot list folder (permission denied)"))
            elif not found:
                errors.append(ReportError(str(p), f"{p}: no .txt, .html or .htm reports in folder"))
            files.extend(found)
        elif p.exists() or p.is_symlink():
            files.append(p)
        else:
            errors.append(ReportError(str(p), f"{p}: no such file or folder"))
    return files, errors


def _not_excerpts(path: Path) -> bool:
    """True when a regular .jsonl file's first record is a JSON object without ``text``.

    Such a file (a fact file written by ``extract -o`` into the folder it read, a gold-label
    file beside the seed reports) is another kind of data, not a malformed excerpt file. Only the
    first 64 KB of a regular file is looked at; anything else is left to :func:`read_excerpts`.
    """
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return False
    for line in head.splitlines():
        if line.strip():
            try:
                first = json.loads(line)
            except (ValueError, RecursionError):
                return False
            return isinstance(first, dict) and "text" not in first
    return False


def load_reports(paths, *, max_bytes: int = DEFAULT_MAX_BYTES, warnings: list | None = None):
    """(documents, errors) for files/folders ``paths``; every unreadable file is one error.

    A document read with damaged bytes replaced (see ``Document.damage``) is kept; if a
    ``warnings`` list is given, one line naming the file, the count and the byte offsets is
    appended to it.
    """
    files, errors = report_paths(paths)
    named = {Path(p) for p in paths if not Path(p).is_dir()}
    docs: list[Document] = []
    for f in files:
        try:
            if f.suffix.lower() in EXCERPT_SUFFIXES and f not in named and _not_excerpts(f):
                # found by a folder walk, not named by the user: skip it and say so; a caller
                # without a warnings list still gets it as a file not read, never silently
                why = f"{_display_name(str(f))}: skipped, not an excerpt file " \
                      "(its first record has no 'text')"
                if warnings is not None:
                    warnings.append(why)
                else:
                    errors.append(ReportError(str(f), why))
                continue
            if f.suffix.lower() in EXCERPT_SUFFIXES:
                docs.extend(read_excerpts(f, max_bytes=max_bytes))
            else:
                doc = read_report(f, max_bytes=max_bytes)
                docs.append(doc)
                if doc.damage is not None and warnings is not None:
                    warnings.append(f"{_display_name(str(f))}: {doc.damage}")
        except DataError as exc:
            errors.append(ReportError(str(f), _display_name(str(exc))))
    return docs, errors


def _json_metadata_rows(p: Path, text: str) -> list[dict]:
    """Rows of a ``documents.json`` (``{file: {"region" or "region_code", "year", "note"}}``).

    Entries whose region is null (a page stitching several reports, an anonymised place) are
    left out: the file is then placed by its own text, part by part.
    """
    import json

    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DataError(f"{p}: not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise DataError(f"{p}: a documents.json maps each file name to an object with region "
                        "and year")
    rows = []
    for name, entry in data.items():
        region = entry.get("region_code") or entry.get("region")
        if region:
            year = entry.get("year")
            rows.append({"file": name, "region": str(region),
                         "year": "" if year is None else str(year)})
    return rows


def read_metadata(path: str | os.PathLike) -> dict[str, tuple[str, int | None]]:
    """File → (region code, year) from a metadata CSV with columns ``file``, ``region``, ``year``.

    A ``.json`` file in the layout of ``documents.json`` (file → object with ``region`` or
    ``region_code`` and ``year``) is read the same way.
    ``file`` is a path relative to the CSV's folder (or absolute); ``region`` a name or code;
    ``year`` may be empty. A row naming a file that does not exist, an unknown region or a
    non-year is an error naming the row: a wrong mapping would put figures in the wrong place.
    """
    import csv

    from ..errors import RegionError
    from ..regions import resolve

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(f"{p}: metadata file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{p}: cannot read metadata file ({exc})") from None
    if p.suffix.lower() == ".json":
        rows = _json_metadata_rows(p, text)
        if not rows:
            return {}
    else:
        rows = list(csv.DictReader(text.splitlines()))
    if not rows or not {"file", "region"} <= set(rows[0]):
        raise DataError(f"{p}: a metadata CSV needs a header with columns file, region and "
                        "(optionally) year")
    out: dict[str, tuple[str, int | None]] = {}
    for line, row in enumerate(rows, 2):
        name = (row.get("file") or "").strip()
        target = (p.parent / name) if name else None
        if target is None or not target.is_file():
            raise DataError(f"{p}, line {line}: file {name!r} does not exist"
                            + (f" (looked for {target})" if target else ""))
        try:
            code = resolve((row.get("region") or "").strip()).code
        except RegionError as exc:
            raise DataError(f"{p}, line {line}: region {row.get('region')!r}: {exc}") from None
        raw = (row.get("year") or "").strip()
        if raw and not (raw.isdigit() and 1949 <= int(raw) <= 2100):
            raise DataError(f"{p}, line {line}: year {raw!r} is not a year")
        out[str(target.resolve())] = (code, int(raw) if raw else None)
    return out


def extract_reports(paths, *, max_bytes: int = DEFAULT_MAX_BYTES, frame: bool = True,
                    warnings: list | None = None, region: str | None = None,
                    year: int | None = None, metadata=None, learned: bool = True):
    """Facts from every readable report under ``paths``: (facts, errors).

    ``facts`` is a DataFrame with the columns of :func:`mzanalysis.text.extract.extract_facts`
    (or, with ``frame=False``, the list of fact dicts); use
    :func:`mzanalysis.text.extract.to_fact_table` for the validated fact schema. Damaged-byte
    warnings go to ``warnings`` (see :func:`load_reports`); facts beside a damaged byte carry the
    ``damaged_text`` flag.
    ``region``/``year`` apply to every document; ``metadata`` (a path to a metadata CSV, see
    :func:`read_metadata`, or its dict) gives them per file and wins over both.
    ``learned=False`` keeps the rules' facts only (see :func:`mzanalysis.text.extract.extract_records`).
    """
    from ..text.extract import extract_records, facts_frame

    meta = read_metadata(metadata) if isinstance(metadata, (str, os.PathLike)) else (metadata or {})
    docs, errors = load_reports(paths, max_bytes=max_bytes, warnings=warnings)
    records = []
    for d in docs:
        # an excerpt's path is "<file>:<line>"; the metadata names the file
        path = d.path if Path(d.path).exists() else d.path.rsplit(":", 1)[0]
        reg, yr = meta.get(str(Path(path).resolve()), (region, year))
        try:
            records.extend(extract_records(d.text, doc=d.name, region=reg,
                                           year=yr if yr is not None else year, learned=learned))
        except DataError as exc:
            errors.append(ReportError(d.path, _display_name(str(exc))))
    return (facts_frame(records) if frame else records), errors

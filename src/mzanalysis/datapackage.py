"""The curated data package: where it lives, its frictionless descriptor, and its integrity.

Location (first that exists wins; see :func:`data_dir`):

1. ``$MZ_DATA_DIR`` — an explicit override (a user's own copy, or a test's tampered copy);
2. ``<repository>/data`` beside ``src/`` — the editable install we develop with;
3. ``<prefix>/share/mzanalysis/data`` — where a wheel installs the same files (pyproject
   ``data-files``), so a non-editable install runs without the source tree.

Every file carries its sha256 in ``datapackage.json``. :func:`verify_checksums` (hashlib, fast)
runs on every :func:`mzanalysis.loaders.load_curated` first read; :func:`validate_package` also
runs frictionless over schemas and rows for ``mzanalysis data validate``.
"""
from __future__ import annotations

import hashlib
import json
import os
import sysconfig
import tempfile
from pathlib import Path

from .errors import DataError

DESCRIPTOR = "datapackage.json"
ENV = "MZ_DATA_DIR"

_REPO_DATA = Path(__file__).resolve().parents[2] / "data"


def _installed_data() -> Path:
    return Path(sysconfig.get_path("data")) / "share" / "mzanalysis" / "data"


def default_output_dir() -> Path:
    """Where ``python -m mzanalysis.curate`` writes: the repository's ``data/``."""
    return _REPO_DATA


def data_dir() -> Path:
    """The folder holding the curated data package (see module docstring for the order)."""
    override = os.environ.get(ENV)
    if override:
        path = Path(override)
        if not (path / DESCRIPTOR).is_file():
            raise DataError(f"${ENV}={override}: no {DESCRIPTOR} there")
        return path
    for path in (_REPO_DATA, _installed_data()):
        if (path / DESCRIPTOR).is_file():
            return path
    raise DataError(f"curated data not found: looked in {_REPO_DATA} and {_installed_data()}; "
                    f"set ${ENV} to a folder holding {DESCRIPTOR}")


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and rename, so readers never see half."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file normal permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_descriptor(folder: Path | None = None) -> dict:
    folder = Path(folder) if folder else data_dir()
    path = folder / DESCRIPTOR
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: not found") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: not valid JSON ({exc})") from None


def verify_checksums(folder: Path | None = None) -> list[str]:
    """Raise :class:`DataError` if any resource's bytes differ from its recorded sha256.

    Returns the names of the verified files. A tampered or truncated file is an error, naming
    the file and both hashes.
    """
    folder = Path(folder) if folder else data_dir()
    descriptor = read_descriptor(folder)
    problems, names = [], []
    for res in descriptor.get("resources", []):
        path = folder / res["path"]
        expected = str(res.get("hash", "")).removeprefix("sha256:")
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        actual = sha256(path)
        if actual != expected:
            problems.append(f"{path}: sha256 {actual} does not match {expected} recorded in "
                            f"{DESCRIPTOR} (file changed after the build; rebuild with "
                            "`python -m mzanalysis.curate` or restore it)")
        names.append(res["path"])
    if problems:
        raise DataError("curated data failed its checksum check:\n  " + "\n  ".join(problems))
    return names


def validate_package(folder: Path | None = None) -> list[str]:
    """Checksums, then frictionless validation of every resource against its schema.

    Returns a list of human-readable lines describing what was checked; raises
    :class:`DataError` listing every problem (file, row, field) otherwise.
    """
    import frictionless

    folder = Path(folder) if folder else data_dir()
    lines = [f"{name}: sha256 ok" for name in verify_checksums(folder)]
    report = frictionless.validate(str(folder / DESCRIPTOR))
    errors = []
    for task in report.tasks:
        for err in task.errors[:20]:
            row = getattr(err, "row_number", None)
            field = getattr(err, "field_name", None)
            where = task.name + (f", row {row}" if row else "") + (f", field {field}" if field
                                                                    else "")
            errors.append(f"{where}: {err.type}: {err.note}")
        if task.valid:
            lines.append(f"{task.name}: {task.stats.get('rows', '?')} rows match the schema")
    for err in report.errors:
        errors.append(f"{err.type}: {err.note}")
    if errors:
        raise DataError("curated data is not valid:\n  " + "\n  ".join(errors))
    return lines


# -- descriptor ------------------------------------------------------------------------------------

def _field(name: str, type_: str, description: str, **extra) -> dict:
    return {"name": name, "type": type_, "description": description, **extra}


def _facts_schema() -> dict:
    from .schema import AREAS, COLUMNS, FLAGS, INDICATORS, LEVELS, UNITS

    types = {"str": "string", "int": "integer", "float": "number", "list": "string"}
    constraints = {
        "region_code": {"required": True, "pattern": r"\d{6}"},
        "level": {"required": True, "enum": list(LEVELS)},
        "indicator": {"required": True, "enum": list(INDICATORS)},
        "area": {"required": True, "enum": list(AREAS)},
        "unit": {"required": True, "enum": list(UNITS)},
        "value": {"required": True},
        "year": {"required": True, "minimum": 1949, "maximum": 2100},
    }
    fields = []
    for col in COLUMNS:
        desc = col.description
        if col.name == "flags":
            desc += f"; ';'-separated, drawn from {', '.join(FLAGS)}"
        if col.name == "unit":
            desc += "; " + "; ".join(f"{k} = {v}" for k, v in UNITS.items())
        field = _field(col.name, types[col.dtype], desc)
        if col.name in constraints:
            field["constraints"] = constraints[col.name]
        fields.append(field)
    fields += [
        _field("source_id", "string", "row of sources.csv this fact comes from (dataset:line; "
               "'/urban' or '/rural' appended when one unified standard gives both; "
               "'derived:' prefixed for a figure computed from the named row)",
               constraints={"required": True, "unique": True}),
        _field("source_class", "string", "official_table, official_repost, compilation, news "
               "or blog (rule: mzanalysis.provenance)",
               constraints={"enum": ["official_table", "official_repost", "compilation", "news",
                                     "blog"]}),
        _field("source_indicator", "string", "indicator name as the collector recorded it"),
        _field("standard_kind", "string", "for standards: average, municipal, county_mean, table "
               "or floor (mzanalysis.schema.STANDARD_KINDS); empty otherwise",
               constraints={"enum": ["average", "municipal", "county_mean", "table", "floor"]}),
        _field("preferred", "boolean", "the one row chosen for its key by the stated rule"),
        _field("n_sources", "integer", "rows (sources) for the same key"),
        _field("n_agree", "integer", "rows agreeing with the preferred value (itself included)"),
        _field("conflict", "boolean", "the sources for this key disagree"),
    ]
    return {"fields": fields, "primaryKey": ["source_id"]}


def _sources_schema() -> dict:
    s = "string"
    return {"fields": [
        _field("source_id", s, "dataset:line, the line of the collector CSV"),
        _field("dataset", s, "national_series, national_more, provincial_facts, "
               "provincial_standards_pages, provincial_bulletins, national_supplement, "
               "provincial_supplement or compilation (the repository panels, one row per cell)"),
        _field("line", "integer", "line in the collector CSV (header = 1)"),
        _field("region", s, "region as written by the collector"),
        _field("year", "integer", "reference year"),
        _field("quarter", s, "reference quarter and month, when not year-end"),
        _field("indicator", s, "indicator name as written by the collector"),
        _field("area", s, "urban, rural or all"),
        _field("value", "number", "value as stated, in the stated unit"),
        _field("unit", s, "unit as stated (万人, 亿元, 元/人·月 …)"),
        _field("source_url", s, "page the figure was read from"),
        _field("source_quote", s, "verbatim quote containing the figure"),
        _field("notes", s, "collector's notes: attribution, caveats, conflicts"),
        _field("source_class", s, "official_table, official_repost, compilation, news or blog"),
        _field("class_rule", s, "which rule of mzanalysis.provenance decided the class"),
        _field("used", "boolean", "turned into a fact in facts.csv"),
        _field("exclusion_reason", s, "why not, when used is false"),
    ], "primaryKey": ["source_id"]}


def _conflicts_schema() -> dict:
    s = "string"
    return {"fields": [
        _field("region_code", s, "GB/T 2260 code"), _field("region", s, "region name"),
        _field("year", "integer", "year"), _field("period", s, "period"),
        _field("indicator", s, "indicator"), _field("area", s, "area"),
        _field("variant", s, "variant"), _field("value", "number", "value in base units"),
        _field("unit", s, "base unit"),
        _field("preferred", "boolean", "the row chosen for the key"),
        _field("source_class", s, "source class"),
        _field("source_id", s, "row of sources.csv"),
        _field("source_ref", s, "URL | quote"),
    ]}


RESOURCES = (
    ("facts", "facts.csv", "One fact per usable source row, in the mzanalysis fact schema (base "
     "units; monthly vs yearly explicit). Filter preferred = true for one value per key "
     "(region_code, year, period, indicator, area, variant).", _facts_schema),
    ("sources", "sources.csv", "Every row of the collectors' cited CSVs with URL, quote, notes "
     "and source class; rows not used as facts say why.", _sources_schema),
    ("conflicts", "conflicts.csv", "Every row of every key whose sources disagree, preferred "
     "row first.", _conflicts_schema),
)


def _seed_facts_schema() -> dict:
    s = "string"
    fields = [f for f in _facts_schema()["fields"] if f["name"] in (
        "region_code", "region", "level", "year", "period", "indicator", "area", "variant",
        "value", "value_high", "unit", "qualifier", "flags", "source", "source_ref")]
    for f in fields:  # an unplaced fact has no region or year
        if f["name"] in ("region_code", "region", "level", "year", "period"):
            f.get("constraints", {}).pop("required", None)
    return {"fields": [_field("doc", s, "seed document name (file in ../shared/seeds)",
                              constraints={"required": True})] + fields + [
        _field("span_start", "integer", "start of the quoted span in the decoded document"),
        _field("span_end", "integer", "end of the quoted span"),
        _field("text", s, "the quoted span"),
        _field("placed", "boolean", "the extractor found the document's region and year"),
    ]}


RESOURCES_OPTIONAL = (
    ("seed_facts", "seed_facts.csv", "Facts extracted by mzanalysis.text.extract from the seed "
     "reports; source = document name, source_ref = character span. Unplaced facts (no region "
     "or year in the document) have placed = false.", _seed_facts_schema),
)


def write_descriptor(folder: Path, inputs: list[tuple[str, str]],
                     seeds: Path | None = None) -> dict:
    """Write ``datapackage.json`` for the CSVs in ``folder`` (hashes computed now).

    ``inputs``: (title, path relative to ``folder``) of each cited input CSV."""
    from . import __version__

    resources = []
    optional = tuple(r for r in RESOURCES_OPTIONAL if (folder / r[1]).is_file())
    for name, path, description, schema in RESOURCES + optional:
        file = folder / path
        resources.append({
            "name": name, "path": path, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": description,
            "bytes": file.stat().st_size, "hash": "sha256:" + sha256(file),
            "schema": schema(),
        })
    descriptor = {
        "name": "mzanalysis-curated",
        "title": "mzanalysis curated civil-affairs (民政) figures, each with its source",
        "description": "National (2005-2024) and provincial figures on dibao (低保), 特困/五保 and "
                       "their drivers, read from cited public pages; every row keeps the URL "
                       "and a verbatim quote. Built by `python -m mzanalysis.curate`.",
        "version": __version__,
        "profile": "tabular-data-package",
        "licenses": [LICENSE_DESCRIPTOR],
        "sources": [
            {"title": title, "path": path,
             "description": "cited CSV: one figure per row with source URL and quote"}
            for title, path in inputs
        ] + [{"title": "Pages cited row by row", "path": "sources.csv",
              "description": "see source_url and source_quote"}] + ([
            {"title": "seed reports", "path": "../shared/seeds",
             "description": "civil-affairs reports read by mzanalysis.text.extract "
                            "(seed_facts.csv); the texts are not redistributed"}]
            if optional else []),
        "resources": resources,
    }
    atomic_write_text(folder / DESCRIPTOR,
                      json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n")
    return descriptor


LICENSE_DESCRIPTOR = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}

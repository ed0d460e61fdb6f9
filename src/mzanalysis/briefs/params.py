"""Notebook parameters: read the tagged ``parameters`` cell and validate user values against it.

papermill only *warns* about unknown parameter names and never checks types, so a typo would
silently render a brief with defaults. Here every value is checked before any kernel starts:
unknown name, wrong type, unknown region, impossible year range → :class:`ParameterError`.

The cell is parsed with :mod:`ast` (no papermill import) so planning a batch stays fast.
"""
from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import MzError


class ParameterError(MzError, ValueError):
    """A brief parameter is unknown, of the wrong type or has an invalid value."""


@dataclass(frozen=True)
class NotebookParameter:
    name: str
    default: object
    types: tuple[type, ...]


def read_notebook(path: Path) -> dict:
    """The notebook as a dict (nbformat JSON), with a clear error when it cannot be read."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MzError(f"notebook not found: {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MzError(f"cannot read notebook {path}: {exc}") from None


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def notebook_parameters(nb: dict, path: Path | str = "notebook") -> dict[str, NotebookParameter]:
    """Names, defaults and accepted types declared in the cell tagged ``parameters``.

    Only simple ``name = literal`` assignments are accepted there: the literal's type is the
    parameter's type (``None`` means "a string or None", as for ``data_dir``).
    """
    cells = [c for c in nb.get("cells", [])
             if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        raise MzError(f"{path}: expected exactly one cell tagged 'parameters', found {len(cells)}")
    try:
        tree = ast.parse(_source(cells[0]))
    except SyntaxError as exc:
        raise MzError(f"{path}: parameters cell line {exc.lineno}: {exc.msg}") from None
    out: dict[str, NotebookParameter] = {}
    for node in tree.body:
        if not (isinstance(node, (ast.Assign, ast.AnnAssign))):
            raise MzError(f"{path}: parameters cell line {node.lineno}: only 'name = value' "
                          "assignments are allowed")
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        if not isinstance(target, ast.Name):
            raise MzError(f"{path}: parameters cell line {node.lineno}: assign to a plain name")
        try:
            value = ast.literal_eval(node.value)
        except ValueError:
            raise MzError(f"{path}: parameters cell line {node.lineno}: default of "
                          f"{target.id!r} must be a literal") from None
        types = (str, type(None)) if value is None else (type(value),)
        out[target.id] = NotebookParameter(target.id, value, types)
    return out


def _type_ok(value: object, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in types:  # True is an int to Python, not to us
        return False
    if float in types and isinstance(value, int) and not isinstance(value, bool):
        return True
    return isinstance(value, types)


def validate(declared: dict[str, NotebookParameter], given: dict) -> dict:
    """Defaults overlaid with ``given``, after checking names, types and domain rules.

    Domain rules: ``region`` must resolve (via :func:`mzanalysis.regions.resolve`) and is replaced
    by its six-digit code so the brief and its file name are unambiguous; ``start_year`` ≤
    ``end_year`` within 1949–2100; ``data_dir`` and ``reports_dir`` must be existing directories,
    ``reports_metadata`` an existing file.
    """
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(unknown)}; the notebook declares: "
                             f"{', '.join(declared)}")
    values = {name: p.default for name, p in declared.items()}
    for name, value in given.items():
        p = declared[name]
        if not _type_ok(value, p.types):
            want = " or ".join("None" if t is type(None) else t.__name__ for t in p.types)
            raise ParameterError(f"parameter {name}={value!r} has type {type(value).__name__}; "
                                 f"expected {want}")
        values[name] = value
    if "region" in values:
        from ..regions import resolve

        values["region"] = resolve(str(values["region"])).code
    if "start_year" in values and "end_year" in values:
        s, e = values["start_year"], values["end_year"]
        if not (1949 <= s <= e <= 2100):
            raise ParameterError(f"years start_year={s}, end_year={e}: need "
                                 "1949 <= start_year <= end_year <= 2100")
    if values.get("data_dir") is not None:
        if not str(values["data_dir"]).strip():  # Path("") is the current folder: never meant
            raise ParameterError("parameter data_dir='': empty; give a folder or leave it out")
        d = Path(values["data_dir"]).expanduser()
        if not d.is_dir():
            raise ParameterError(f"parameter data_dir={values['data_dir']!r}: no such directory")
        values["data_dir"] = str(d.resolve())
    if values.get("reports_dir") is not None:
        d = Path(values["reports_dir"]).expanduser()
        if not d.is_dir():
            raise ParameterError(f"parameter reports_dir={values['reports_dir']!r}: no such "
                                 "directory")
        values["reports_dir"] = str(d.resolve())
    if values.get("reports_metadata") is not None:
        f = Path(values["reports_metadata"]).expanduser()
        if not f.is_file():
            raise ParameterError(f"parameter reports_metadata={values['reports_metadata']!r}: "
                                 "no such file")
        values["reports_metadata"] = str(f.resolve())
    return values


def coerce_cli(declared: dict[str, NotebookParameter], pairs: list[str]) -> dict:
    """Turn ``-p name=value`` strings into typed values using the declared types."""
    out: dict = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name:
            raise ParameterError(f"-p {pair!r}: expected NAME=VALUE")
        if name not in declared:
            raise ParameterError(f"unknown parameter {name!r}; the notebook declares: "
                                 f"{', '.join(declared)}")
        types = declared[name].types
        if int in types:
            try:
                out[name] = int(raw)
            except ValueError:
                raise ParameterError(f"parameter {name}={raw!r}: expected an integer") from None
        elif float in types:
            try:
                out[name] = float(raw)
            except ValueError:
                raise ParameterError(f"parameter {name}={raw!r}: expected a number") from None
        elif bool in types:
            if raw.lower() not in ("true", "false", "1", "0"):
                raise ParameterError(f"parameter {name}={raw!r}: expected true or false")
            out[name] = raw.lower() in ("true", "1")
        else:
            out[name] = raw
    return out

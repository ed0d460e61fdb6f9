"""Build keys: a brief is rebuilt only when something that can change its HTML changed.

key = sha256 of (notebook code and markdown, parameters, every input data file's content, package
version, and the package's own code, template and font). Outputs, execution
counts and cell ids in the notebook file are ignored, so saving a notebook in Jupyter without
editing it does not trigger a rebuild.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def notebook_hash(nb: dict) -> str:
    """Hash of cell types, sources and tags plus the kernel spec (not outputs or ids)."""
    cells = []
    for c in nb.get("cells", []):
        src = c.get("source", "")
        cells.append([c.get("cell_type"), "".join(src) if isinstance(src, list) else src,
                      sorted(c.get("metadata", {}).get("tags", []))])
    ks = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    return _sha(json.dumps([ks, cells], ensure_ascii=False).encode())


def parameters_hash(params: dict) -> str:
    return _sha(json.dumps(params, sort_keys=True, ensure_ascii=False).encode())


def files_hash(paths: list[Path], root: Path | None = None) -> str:
    """Hash of (relative name, content) of every file, in sorted order."""
    h = hashlib.sha256()
    for p in sorted(paths):
        name = str(p.relative_to(root)) if root and p.is_relative_to(root) else str(p)
        h.update(name.encode() + b"\0" + _sha(p.read_bytes()).encode() + b"\n")
    return h.hexdigest()


def data_files(directory: Path) -> list[Path]:
    """Every regular, non-hidden file below ``directory`` (the inputs a notebook may read)."""
    if directory is None or not Path(directory).is_dir():
        return []
    return [p for p in Path(directory).rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in
                                       p.relative_to(directory).parts)
            and "__pycache__" not in p.parts]


def code_hash() -> str:
    """Hash of the installed package's code, templates and font.

    The package version alone misses edits in a development checkout (loaders, indicators,
    plots, this renderer); hashing the sources (~100 small files) costs milliseconds.
    """
    files = [p for p in PACKAGE_DIR.rglob("*")
             if p.is_file() and p.suffix in (".py", ".j2", ".css", ".json", ".csv", ".otf")
             and "__pycache__" not in p.parts]
    return files_hash(files, root=PACKAGE_DIR)


def build_key(nb_hash: str, params: dict, inputs_hash: str, version: str,
              code_hash_: str) -> str:
    return _sha(json.dumps([nb_hash, parameters_hash(params), inputs_hash, version,
                            code_hash_]).encode())

"""Build keys: a brief is rebuilt only when something that can change its HTML changed.

key = sha256 of (notebook code and markdown, parameters, every input data file's content, package
version, and the renderer: template, CSS, plots module, font); a build is current when its key
matches *and* the package modules its kernel imported are unchanged. Outputs, execution
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


def file_sha256(path: Path) -> str:
    """sha256 of one file's bytes, read in blocks (a page is up to a few megabytes)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_stat(path: Path) -> list[int]:
    """[size, mtime in ns] of one file: what a rerun compares before it re-hashes a page."""
    st = Path(path).stat()
    return [st.st_size, st.st_mtime_ns]


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


def renderer_hash() -> str:
    """Hash of the parts of this package that shape every brief: the briefs runner and renderer
    (code, template, CSS), the shared plotting module and the vendored font."""
    here = Path(__file__).resolve().parent
    files = [p for p in here.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += [PACKAGE_DIR / "plots.py", PACKAGE_DIR / "fonts" / "NotoSansSC-mz-subset.otf"]
    return files_hash(files, root=PACKAGE_DIR)


def modules_hash(relpaths: list[str]) -> str | None:
    """Hash of the package modules a brief's kernel imported (paths relative to the package).

    Recorded after each build, so editing a loader or an indicator the notebook uses rebuilds the
    briefs, while editing an unrelated module (say, the text extractor) does not. None when a
    recorded module no longer exists (then the brief is rebuilt).
    """
    files = [PACKAGE_DIR / r for r in relpaths]
    if any(not f.is_file() for f in files):
        return None
    return files_hash(files, root=PACKAGE_DIR)


def build_key(nb_hash: str, params: dict, inputs_hash: str, version: str,
              code_hash_: str) -> str:
    return _sha(json.dumps([nb_hash, parameters_hash(params), inputs_hash, version,
                            code_hash_]).encode())

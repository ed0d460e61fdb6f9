"""Atomic file writes: a killed run never leaves a half-written page behind.

Content goes to a temporary file in the target directory, is flushed to disk, then renamed over
the target (``os.replace`` is atomic on POSIX within one file system).
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path


#: Temporary files being written by this process: a worker told to stop by a signal exits with
#: ``os._exit`` (no ``finally`` runs), so its handler removes these first (see lifetime).
_in_flight: set[str] = set()


def write_bytes(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; skip (return False) when the file already holds it.

    Skipping identical content keeps mtimes stable, so an unchanged rerun touches nothing.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    _in_flight.add(tmp)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; published pages are world-readable
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        _in_flight.discard(tmp)
    return True


#: mkstemp's name for a file written here: .<target>.<8 random characters>.tmp
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def remove_stale(root: Path) -> list[Path]:
    """Delete temporary files left under ``root`` by a killed writer; return what was removed.

    Only for a folder this process has locked: another writer's file in flight would go too.
    """
    removed = []
    for folder, _, files in os.walk(root):
        for name in files:
            if _TEMPORARY.fullmatch(name):
                path = Path(folder) / name
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


def remove_in_flight() -> None:
    """Delete the temporary files this process is writing (called by a dying worker)."""
    for tmp in list(_in_flight):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _in_flight.discard(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path, text: str) -> bool:
    return write_bytes(path, text.encode("utf-8"))


def write_json(path: Path, obj) -> bool:
    return write_text(path, json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n")

"""One batch at a time per output folder.

Two ``briefs`` runs into one ``--out`` never tear a file (every write is atomic) but the last
manifest written can describe parameters that half the pages on disk do not have. The folder is
therefore locked with ``flock`` on ``OUT/.mzanalysis.lock`` for the whole batch; a second run is
refused at once, naming the process that holds it. The kernel drops the lock when its holder
dies, even by ``kill -9``, so a stale lock file never blocks a later run.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..errors import MzError

LOCK_NAME = ".mzanalysis.lock"


def check_out(out: Path) -> None:
    """MzError at once when ``out`` is a file (before any notebook runs); creates nothing."""
    if not str(out):
        raise MzError("--out is empty; give an output folder")
    if out.exists() and not out.is_dir():
        raise MzError(f"--out {out}: is a file, not a folder")


def prepare_out(out: Path) -> Path:
    """Create the output folder; MzError (not a traceback) when it cannot be one."""
    out = Path(out)
    check_out(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise MzError(f"--out {out}: a file is in the way of this folder") from None
    except NotADirectoryError:
        raise MzError(f"--out {out}: a part of this path is a file, not a folder") from None
    except OSError as exc:
        raise MzError(f"--out {out}: cannot create folder ({exc.strerror or exc})") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise MzError(f"--out {out}: folder is not writable (permission denied)")
    return out


@contextlib.contextmanager
def out_lock(out: Path):
    """Hold an exclusive lock on ``out`` (created if needed) or raise MzError at once."""
    out = prepare_out(out)
    path = out / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise MzError(f"--out {out}: cannot create lock file ({exc.strerror or exc})") from None
    try:
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock, as before
            fcntl = None
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                try:
                    holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
                except OSError:
                    holder = "?"
                raise MzError(f"--out {out}: another mzanalysis run (pid {holder}) is writing "
                              "there; wait for it to finish or choose another --out") from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield out
    finally:
        os.close(fd)

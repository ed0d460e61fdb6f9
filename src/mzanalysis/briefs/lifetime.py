"""Tie a batch's helper processes to the command that started them, and clean up after kills.

``mzanalysis briefs`` runs briefs on a forkserver pool. If the command is killed (``kill -9``,
an OOM kill, a closed terminal), nothing tells the fork server or the pool workers, and they
used to go on building briefs nobody asked for. On Linux each helper asks the kernel for a
signal when its parent dies (``prctl(PR_SET_PDEATHSIG)``): the fork server is killed with the
command, a worker gets SIGTERM when the fork server goes, kills its kernel and removes the
kernel's socket folder before exiting. (The kernel would exit by itself once its parent is gone,
but up to a second later, and until then it may still write into the folder being removed.)

Each brief's IPC socket folder is named ``mzbrief-<pid>-…`` after the process that made it, so
a later run can remove the folders of processes that no longer exist (a kill of the whole tree
gives nobody the chance to clean up).
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import sys
import tempfile
from pathlib import Path

#: Prefix of the per-brief working folders (the kernel's IPC sockets live there).
WORKDIR_PREFIX = "mzbrief-"
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_current_workdirs: set[str] = set()
_current_kernels: set[int] = set()


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent dies; False if unsupported.

    Called through ctypes because the standard library has no prctl; on other systems the
    batch still works, only without this guarantee.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    return True


#: Set by the runner to its own pid before the pool starts; inherited by the fork server.
PARENT_ENV = "MZANALYSIS_BRIEFS_PARENT"


def exit_if_orphaned() -> None:
    """In the fork server: die with the command, and exit now if it is already gone."""
    die_with_parent(signal.SIGKILL)
    expected = os.environ.get(PARENT_ENV)
    if expected and expected.isdigit() and os.getppid() != int(expected):
        os._exit(1)  # the command died before prctl took effect: nobody wants this pool


def make_workdir() -> Path:
    """A fresh working folder for one brief, named after this process, removed on SIGTERM."""
    path = tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{os.getpid()}-")
    _current_workdirs.add(path)
    return Path(path)


def drop_workdir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    _current_workdirs.discard(str(path))


def track_kernel(pid: int) -> None:
    """Note a kernel process this worker started, to be killed if the command dies."""
    _current_kernels.add(pid)


def untrack_kernel(pid: int) -> None:
    _current_kernels.discard(pid)


def _remove_folder(path: str, attempts: int = 20) -> None:
    """Remove ``path``, retrying while a process that is still dying adds files to it."""
    import time

    for _ in range(attempts):
        shutil.rmtree(path, ignore_errors=True)
        if not os.path.lexists(path):
            return
        time.sleep(0.05)


def _on_parent_death(signum, frame) -> None:  # pragma: no cover - runs in a dying worker
    from . import atomic

    atomic.remove_in_flight()  # a page or record half-written when the command died
    for pid in list(_current_kernels):  # its kernel first: it may be writing into its folder
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    for path in list(_current_workdirs):
        _remove_folder(path)
    os._exit(128 + signum)


def init_worker() -> None:
    """Pool-worker initializer: exit (removing this worker's folders) when the fork server dies."""
    signal.signal(signal.SIGTERM, _on_parent_death)
    die_with_parent(signal.SIGTERM)
    if os.getppid() == 1:  # the parent died before prctl took effect
        _on_parent_death(signal.SIGTERM, None)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def clean_stale_workdirs(root: str | None = None) -> list[str]:
    """Remove ``mzbrief-<pid>-*`` folders whose process is gone; return the removed paths."""
    root = root or tempfile.gettempdir()
    removed = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    for entry in entries:
        m = re.fullmatch(rf"{WORKDIR_PREFIX}(\d+)-.*", entry.name)
        if not m or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_uid != os.getuid():
                continue
        except OSError:
            continue
        if not _alive(int(m.group(1))):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.path)
    return removed

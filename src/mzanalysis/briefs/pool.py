"""A warm kernel per worker: one IPython kernel runs many briefs, reset between them.

Starting a kernel and importing pandas, matplotlib and the package costs about two seconds, more
than a brief's own work. A :class:`WarmKernel` starts one kernel (IPC transport, sockets in its
own ``mzbrief-<pid>-…`` folder, see :mod:`.lifetime`), imports the usual modules and loads the
curated data once (the loaders cache it per process), snapshots that state, and then runs brief
after brief in it through :class:`nbclient.NotebookClient`, resetting it before each one
(:mod:`._kernel_state`), so a page is byte-identical whatever ran before it.

Faults stay with one brief: a kernel that dies (``os._exit``, a crash, an OOM kill) or a cell that
runs past ``timeout`` seconds fails that brief only; the kernel is shut down and the next brief
gets a fresh one. After ``recycle_after`` briefs a kernel is replaced anyway, to bound memory.

:func:`run_pooled` is the unit of work of the local process pool and of Dask workers: each worker
process (each thread, for Dask workers with several threads) keeps its own kernel between calls.
"""
from __future__ import annotations

import atexit
import os
import threading
from pathlib import Path

from . import lifetime

#: Kernel command-line options: no IPython history database (a SQLite file every kernel would
#: open and lock at start-up; briefs never need history), and a quiet kernel log.
KERNEL_ARGS = ["--HistoryManager.enabled=False", "--IPKernelApp.log_level=CRITICAL"]
#: Seconds one notebook cell may run before its kernel is replaced and the brief fails.
DEFAULT_TIMEOUT = 600
#: Briefs one kernel runs before it is replaced by a fresh one (bounds memory growth).
DEFAULT_RECYCLE_AFTER = 250
#: Imported and loaded once per kernel, before the snapshot. Modules a brief imports anyway; the
#: curated data is read, checksum-verified and cached by the loaders (read-only: they hand out
#: copies), so later briefs skip the CSV parse.
WARMUP = """
import matplotlib
import matplotlib.pyplot
import pandas
import mzanalysis
from mzanalysis import indicators, plots, provenance, regions
from mzanalysis.briefs import render, reports, sections
from mzanalysis.loaders import load_curated, load_panel
from mzanalysis.loaders import curated as _curated
try:
    load_curated(preferred=False)
    _curated.conflicts()
    _curated.seed_facts()
except Exception:  # a broken data package is the brief's error to report, not the warm-up's
    pass
regions.regions()
from mzanalysis.briefs import _kernel_state
_kernel_state.install_caches(get_ipython())
_kernel_state.snapshot(get_ipython())
"""
_RESET = "from mzanalysis.briefs import _kernel_state as _mzk\n_mzk.reset(get_ipython(), {run!r})"


class KernelFault(RuntimeError):
    """The kernel (not the notebook) failed: it died, timed out, or could not be prepared."""


def _ipc_config(sock_dir: Path):
    """Kernel manager config: IPC transport, sockets ``<sock_dir>/k-<n>`` (no TCP port races)."""
    from traitlets.config import Config

    cfg = Config()
    cfg.KernelManager.transport = "ipc"
    cfg.KernelManager.ip = str(sock_dir / "k")
    return cfg


def _set_kernel_env() -> None:
    """Environment the kernel inherits: stable hashing, one BLAS thread, the inline backend."""
    os.environ.setdefault("PYTHONHASHSEED", "0")  # stable set order in the kernel
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one kernel per core already; no BLAS oversubscription
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")


_CLIENT_CLASS = None


def _client_class():
    """nbclient's NotebookClient without its SIGINT/SIGTERM handlers and atexit hook.

    While a notebook runs, NotebookClient replaces the process's SIGTERM handler with one that
    only schedules a kernel clean-up, and afterwards resets it to the default. A pool worker
    relies on its own handler (see :func:`.lifetime.init_worker`) to exit when the command is
    killed; with nbclient's in place it went on building briefs. This pool shuts its kernels
    down itself (:func:`shutdown_all`), so the client only has to start what is missing.
    """
    global _CLIENT_CLASS
    if _CLIENT_CLASS is None:
        import contextlib

        from nbclient import NotebookClient

        class PoolClient(NotebookClient):
            @contextlib.asynccontextmanager
            async def async_setup_kernel(self, **kwargs):
                if not self.km.has_kernel:
                    await self.async_start_new_kernel(**kwargs)
                    pid = getattr(self.km.provisioner, "pid", None)
                    if pid:
                        lifetime.track_kernel(pid)
                if self.kc is None:
                    await self.async_start_new_kernel_client()
                yield

        _CLIENT_CLASS = PoolClient
    return _CLIENT_CLASS


class WarmKernel:
    """One kernel that runs notebooks one after another, reset to its warm start state each time."""

    def __init__(self, kernel_name: str = "python3", *, timeout: float | None = DEFAULT_TIMEOUT,
                 startup_timeout: float = 120):
        self.kernel_name = kernel_name
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.km = None
        self.kc = None
        self.workdir: Path | None = None
        self.briefs = 0  # briefs run in the current kernel
        self.started = 0  # kernels started by this object (1 + replacements)

    # -- life cycle -------------------------------------------------------------------------
    @property
    def pid(self) -> int | None:
        try:
            return self.km.provisioner.process.pid
        except AttributeError:
            return None

    def _client(self, nb, **kw):
        client = _client_class()(nb, km=self.km, kernel_name=self.kernel_name,
                                 timeout=self.timeout, startup_timeout=self.startup_timeout,
                                 extra_arguments=KERNEL_ARGS, interrupt_on_timeout=False,
                                 record_timing=kw.pop("record_timing", False), **kw)
        client.kc = self.kc
        return client

    def start(self) -> None:
        """Start the kernel, run the warm-up and snapshot its state; KernelFault on failure."""
        import nbformat
        from jupyter_client.manager import AsyncKernelManager

        _set_kernel_env()
        self.workdir = lifetime.make_workdir()
        self.km = AsyncKernelManager(kernel_name=self.kernel_name,
                                     config=_ipc_config(self.workdir))
        self.kc = None
        self.briefs = 0
        self.started += 1
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(WARMUP)])
        client = self._client(nb)
        try:
            client.execute(cwd=str(self.workdir))
            self.kc = client.kc
        except Exception as exc:
            self.kc = client.kc
            self.shutdown()
            raise KernelFault(f"the notebook kernel could not be started: {type(exc).__name__}: "
                              f"{exc}") from exc

    @property
    def running(self) -> bool:
        return self.km is not None and self.kc is not None

    def shutdown(self) -> None:
        """Stop the kernel now (no graceful wait) and remove its socket folder."""
        from jupyter_core.utils import run_sync

        pid = getattr(getattr(self.km, "provisioner", None), "pid", None)
        try:
            if self.kc is not None:
                self.kc.stop_channels()
            if self.km is not None and self.km.has_kernel:
                run_sync(self.km.shutdown_kernel)(now=True)
        except Exception:  # a kernel that is already gone cannot be shut down: fine
            pass
        finally:
            self.km = self.kc = None
            if pid:
                lifetime.untrack_kernel(pid)
            if self.workdir is not None:
                lifetime.drop_workdir(self.workdir)
                self.workdir = None

    # -- running ----------------------------------------------------------------------------
    def _run_cell(self, source: str):
        import nbformat

        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
        self._client(nb).execute()
        return nb.cells[0]

    def reset(self) -> None:
        """Restore the warm state and give the next brief an empty working folder."""
        try:
            self._run_cell(_RESET.format(run=str(self.workdir / "run")))
        except Exception as exc:
            self.shutdown()
            raise KernelFault(f"the kernel could not be reset: {type(exc).__name__}: "
                              f"{exc}") from exc

    def rss(self) -> int | None:
        """Resident memory of the kernel process in bytes (None when unknown)."""
        from .execute import _rss

        return _rss(self.pid) if self.pid else None

    def execute(self, nb, on_cell=None):
        """Run ``nb`` (a parameterised notebook) in this kernel, reset first; return it executed.

        Raises nbclient's ``CellExecutionError`` for a failing cell (the kernel is kept: the next
        reset cleans up), and :class:`KernelFault` when the kernel died or a cell timed out (the
        kernel is shut down; the next call starts a new one). ``on_cell(index)`` is called as
        each cell starts, so a caller can say which cell was running when the kernel died.
        """
        from nbclient.exceptions import CellTimeoutError, DeadKernelError

        if not self.running:
            self.start()
        self.reset()
        self.briefs += 1
        client = self._client(nb)
        if on_cell is not None:
            client.on_cell_execute = lambda cell, cell_index: on_cell(cell_index)
        try:
            return client.execute()
        except DeadKernelError as exc:
            self.shutdown()
            raise KernelFault(f"the kernel died while running the notebook ({exc})") from exc
        except CellTimeoutError as exc:
            self.shutdown()
            raise KernelFault(f"a cell ran longer than the timeout of {self.timeout:g} s; the "
                              "kernel was replaced") from exc
        except (RuntimeError, OSError) as exc:  # lost channels, kernel gone mid-reply
            if not self._alive():
                self.shutdown()
                raise KernelFault(f"the kernel stopped responding: {exc}") from exc
            raise

    def _alive(self) -> bool:
        from jupyter_core.utils import run_sync

        try:
            return bool(run_sync(self.km.is_alive)())
        except Exception:
            return False


# -- one kernel per worker (process, or thread in a multi-threaded Dask worker) -----------------
_LOCAL = threading.local()
_ALL: list[WarmKernel] = []
_ALL_LOCK = threading.Lock()


def worker_kernel(kernel_name: str, timeout: float | None) -> WarmKernel:
    """This worker's kernel object (created on first use, shut down when the process exits)."""
    kern = getattr(_LOCAL, "kernel", None)
    if kern is not None and (kern.kernel_name != kernel_name or kern.timeout != timeout):
        kern.shutdown()
        kern = None
    if kern is None:
        kern = WarmKernel(kernel_name, timeout=timeout)
        _LOCAL.kernel = kern
        with _ALL_LOCK:
            if not _ALL:
                atexit.register(shutdown_all)
            _ALL.append(kern)
    return kern


def shutdown_all() -> None:
    """Stop every kernel this process started (end of an in-process batch, process exit)."""
    with _ALL_LOCK:
        kernels = list(_ALL)
        _ALL.clear()
    for kern in kernels:
        kern.shutdown()
    _LOCAL.__dict__.pop("kernel", None)


def run_pooled(task: dict, timeout: float | None = DEFAULT_TIMEOUT,
               recycle_after: int = DEFAULT_RECYCLE_AFTER) -> dict:
    """Run one brief in this worker's warm kernel; a plain-dict result as :func:`.execute.run_task`.

    After ``recycle_after`` briefs the kernel is shut down; the next call starts a fresh one.
    """
    from .execute import kernel_name_of, run_task

    kern = worker_kernel(kernel_name_of(task["notebook"]), timeout)
    result = run_task(task, kernel=kern)
    if kern.running and recycle_after and kern.briefs >= recycle_after:
        kern.shutdown()
    return result

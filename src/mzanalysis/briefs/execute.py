"""Run one brief: execute the notebook in its own kernel, render, write outputs atomically.

:func:`run_task` is the unit of work sent to a pool or Dask worker. It takes and returns plain
dicts (picklable, no open handles) and never raises for a notebook error: a failing brief becomes
an error page and a ``failed`` result, so the other briefs of a batch carry on.

Each kernel gets a fresh temporary directory as working directory, and talks to its client over
IPC (Unix domain sockets) whose paths live in that directory: parallel kernel start-ups cannot
race for the same TCP port, a known papermill failure under load.
"""
from __future__ import annotations

import os
import time
import traceback as tb
from pathlib import Path

from . import atomic, downloads, keys, lifetime
from .render import error_page, headline, normalise, provenance_items, strip_ansi, to_html


#: Kernel command-line options: no IPython history database (a SQLite file every kernel would
#: open and lock at start-up; briefs never need history), and a quiet kernel log: the immediate
#: shutdown otherwise prints "KeyboardInterrupt caught in kernel" now and then. Cell errors are
#: unaffected (they come back in the notebook's outputs and make the brief fail).
_KERNEL_ARGS = ["--HistoryManager.enabled=False", "--IPKernelApp.log_level=CRITICAL"]


def _ipc_config(sock_dir: Path):
    """Kernel manager config: IPC transport, sockets under this brief's own directory.

    For the ipc transport ``ip`` is the socket path prefix (sockets become ``<sock_dir>/k-<n>``).
    Passed as config rather than as a ready ``km`` so nbclient owns the kernel and shuts it down
    when the notebook is done.
    """
    from traitlets.config import Config

    cfg = Config()
    cfg.KernelManager.transport = "ipc"
    cfg.KernelManager.ip = str(sock_dir / "k")
    return cfg


#: MIME type of the list of package modules the kernel imported (see keys.modules_hash).
MODULES_MIME = "application/vnd.mzanalysis.modules+json"
#: Appended to the notebook (tagged remove-cell, so never rendered): reports which mzanalysis
#: modules the brief's code used, relative to the package folder.
_MODULES_PROBE = f"""
import os as _os, sys as _sys
from IPython.display import display as _display
import mzanalysis as _mz
_root = _os.path.dirname(_mz.__file__)
_display({{"{MODULES_MIME}": sorted(
    _os.path.relpath(_m.__file__, _root) for _n, _m in list(_sys.modules.items())
    if (_n == "mzanalysis" or _n.startswith("mzanalysis.")) and getattr(_m, "__file__", None))}},
    raw=True)
"""


def _modules(nb) -> list[str]:
    for cell in reversed(nb.cells):
        for out in cell.get("outputs", []):
            if MODULES_MIME in out.get("data", {}):
                return list(out["data"][MODULES_MIME])
    return []


def _execute(task: dict, workdir: Path):
    import nbformat
    import papermill as pm

    nb = nbformat.read(task["notebook"], as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(_MODULES_PROBE, metadata={"tags": ["remove-cell"]}))
    kernel = nb.metadata.get("kernelspec", {}).get("name", "python3")
    return pm.execute_notebook(nb, None, parameters=task["parameters"], kernel_name=kernel,
                               progress_bar=False, log_output=False, cwd=str(workdir),
                               start_timeout=120, config=_ipc_config(workdir),
                               shutdown_kernel="immediate", extra_arguments=_KERNEL_ARGS)


def run_task(task: dict) -> dict:
    """Execute and render one brief described by ``task`` (see :mod:`.runner`); return a result.

    Writes ``<out>/<code>.html`` and, when the notebook succeeded, ``<code>.json`` (the sidecar);
    then the build record, last, so an interrupted brief is simply rebuilt next time.
    """
    t0 = time.perf_counter()
    os.environ.setdefault("PYTHONHASHSEED", "0")  # inherited by the kernel: stable set order
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one kernel per core already; no BLAS oversubscription
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    paths = {k: Path(v) for k, v in task["paths"].items()}
    prov = provenance_items(task["version"], task["data_version"], task["parameters"],
                            task["key"])
    result = {"region": task["region"], "name": task["name"], "key": task["key"],
              "html": task["paths"]["html"], "sidecar": None, "error": None}
    workdir = lifetime.make_workdir()
    try:
        try:
            nb = _execute(task, workdir)
            offered = downloads.attach(nb, paths["html"])  # a bad payload fails the brief here
        except Exception as exc:  # the notebook failed (or the kernel did): isolate it
            from papermill.exceptions import PapermillExecutionError

            if isinstance(exc, PapermillExecutionError):
                err = {"ename": exc.ename, "evalue": strip_ansi(str(exc.evalue)),
                       "cell_index": exc.cell_index, "cell_excerpt": exc.source[-1500:],
                       "traceback": strip_ansi("\n".join(exc.traceback))[-6000:]}
            else:
                err = {"ename": type(exc).__name__, "evalue": str(exc), "cell_index": None,
                       "cell_excerpt": "", "traceback": tb.format_exc()[-6000:]}
            page = error_page(title=f"{task['name']} — 生成失败 / build failed",
                              region=f"{task['name']} ({task['region']})", ename=err["ename"],
                              evalue=err["evalue"], cell_source=err["cell_excerpt"],
                              traceback=err["traceback"], provenance=prov)
            atomic.write_text(paths["html"], page)
            paths["sidecar"].unlink(missing_ok=True)
            downloads.remove_stale(paths["html"])
            result.update(status="failed", error=err)
        else:
            head = headline(nb)
            result["modules"] = _modules(nb)
            page = to_html(normalise(nb), title=task["title"], provenance=prov)
            sidecar = {"region_code": task["region"], "region": task["name"],
                       "parameters": task["parameters"], "headline": head or {},
                       "html": paths["html"].name}
            atomic.write_json(paths["sidecar"], sidecar)
            written = downloads.write(paths["html"], offered)  # before the page linking them
            atomic.write_text(paths["html"], page)
            result.update(status="ok", sidecar=str(paths["sidecar"]))
            # the record names what was written, so a page truncated or edited later is rebuilt
            result["outputs"] = {**{k: keys.file_sha256(paths[k]) for k in ("html", "sidecar")},
                                 **written}
    except Exception as exc:  # rendering or I/O failed: still one failed brief, not a dead batch
        result.update(status="failed", error={"ename": type(exc).__name__, "evalue": str(exc),
                                              "cell_index": None, "cell_excerpt": "",
                                              "traceback": tb.format_exc()[-6000:]})
    finally:
        lifetime.drop_workdir(workdir)
    result["duration_s"] = round(time.perf_counter() - t0, 3)
    result["modules_hash"] = keys.modules_hash(result["modules"]) if result.get("modules") else None
    atomic.write_json(paths["record"], {
        "key": task["key"], "status": result["status"], "error": result["error"],
        "region": task["region"], "name": task["name"], "english": task["english"],
        "level": task["level"], "stem": task["stem"], "parameters": task["parameters"],
        "modules": result.get("modules", []), "modules_hash": result["modules_hash"],
        "outputs": result.get("outputs", {})})
    return result

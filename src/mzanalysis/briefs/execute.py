"""Run one brief: execute the notebook in a kernel, render it, write its outputs atomically.

:func:`run_task` is the unit of work of a batch. It takes and returns plain dicts (picklable, no
open handles) and never raises for a notebook error: a failing brief becomes an error page and a
``failed`` result, so the other briefs of a batch carry on. Given a warm kernel
(:class:`.pool.WarmKernel`) it runs the brief there; without one it starts a kernel for this
brief alone and shuts it down after — the same code path, so both give the same bytes.

Parameters are injected with papermill's own ``parameterize_notebook`` (the ``injected-parameters``
cell a papermill run would add) and the notebook is executed by nbclient directly; papermill's
engine would start a kernel per notebook.
"""
from __future__ import annotations

import copy
import os
import time
import traceback as tb
from pathlib import Path

from . import atomic, downloads, keys
from .render import error_page, headline, normalise, provenance_items, strip_ansi, to_html

#: MIME type of the list of package modules the kernel imported (see keys.modules_hash).
MODULES_MIME = "application/vnd.mzanalysis.modules+json"
#: Appended to the notebook (tagged remove-cell, so never rendered): reports which mzanalysis
#: modules the kernel has loaded, relative to the package folder. In a warm kernel that includes
#: the warm-up imports (:data:`.pool.WARMUP`): a superset, so a rebuild is never missed.
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

_NOTEBOOKS: dict = {}


def _base_notebook(path: str):
    """The notebook with the modules probe appended, read once per worker (re-read if edited)."""
    from ._fast_imports import skip_iri_syntax_checker

    skip_iri_syntax_checker()
    import nbformat

    st = os.stat(path)
    key = (path, st.st_mtime_ns, st.st_size)
    if key not in _NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(_MODULES_PROBE,
                                                  metadata={"tags": ["remove-cell"]}))
        # what papermill's loader adds before it parameterises (its cell search reads tags)
        nb.metadata.setdefault("papermill", {})
        for cell in nb.cells:
            cell.metadata.setdefault("tags", [])
        _NOTEBOOKS.clear()
        _NOTEBOOKS[key] = nb
    return _NOTEBOOKS[key]


def kernel_name_of(path: str) -> str:
    return _base_notebook(path).metadata.get("kernelspec", {}).get("name", "python3")


def prepared_notebook(task: dict):
    """The task's notebook with its parameters injected (a fresh copy; the cached one is kept)."""
    from papermill.parameterize import parameterize_notebook

    return parameterize_notebook(copy.deepcopy(_base_notebook(task["notebook"])),
                                 task["parameters"])


def _modules(nb) -> list[str]:
    for cell in reversed(nb.cells):
        for out in cell.get("outputs", []):
            if MODULES_MIME in out.get("data", {}):
                return list(out["data"][MODULES_MIME])
    return []


def _error_of(exc: BaseException, nb, running: int | None) -> dict:
    """The failure as the manifest, index and error page show it: name, message, cell, traceback."""
    from nbclient.exceptions import CellExecutionError

    from .pool import KernelFault

    if isinstance(exc, CellExecutionError):
        index = next((i for i, c in enumerate(nb.cells) for o in c.get("outputs", [])
                      if o.get("output_type") == "error"), running)
        source = nb.cells[index].source if index is not None else ""
        return {"ename": exc.ename, "evalue": strip_ansi(str(exc.evalue)), "cell_index": index,
                "cell_excerpt": source[-1500:],
                "traceback": strip_ansi(str(exc.traceback or ""))[-6000:]}
    if isinstance(exc, KernelFault):
        source = nb.cells[running].source if running is not None and nb is not None else ""
        cause = exc.__cause__
        return {"ename": type(cause).__name__ if cause is not None else "KernelFault",
                "evalue": str(exc), "cell_index": running, "cell_excerpt": source[-1500:],
                "traceback": ""}
    return {"ename": type(exc).__name__, "evalue": str(exc), "cell_index": None,
            "cell_excerpt": "", "traceback": tb.format_exc()[-6000:]}


def write_outputs(task: dict, nb, prov: list, offered=()) -> dict:
    """Every file a successful brief publishes, written here and only here (atomically).

    The sidecar goes first and the page last, so a page on disk always has its sidecar. Returns
    {output name: sha256}, which the build record keeps (with each file's size and mtime) so
    a damaged page is rebuilt.
    """
    paths = {k: Path(v) for k, v in task["paths"].items()}
    head = headline(nb)
    page = to_html(normalise(nb), title=task["title"], provenance=prov)
    sidecar = {"region_code": task["region"], "region": task["name"],
               "parameters": task["parameters"], "headline": head or {},
               "html": paths["html"].name}
    atomic.write_json(paths["sidecar"], sidecar)
    written = downloads.write(paths["html"], list(offered))  # before the page linking them
    atomic.write_text(paths["html"], page)
    return {**{k: keys.file_sha256(paths[k]) for k in ("html", "sidecar")}, **written}


def _output_stats(task: dict, outputs: dict) -> dict:
    return {k: keys.file_stat(Path(task["paths"][k])) for k in outputs if k in ("html", "sidecar")}


def _write_error(task: dict, err: dict, prov: list) -> None:
    paths = {k: Path(v) for k, v in task["paths"].items()}
    page = error_page(title=f"{task['name']} — 生成失败 / build failed",
                      region=f"{task['name']} ({task['region']})", ename=err["ename"],
                      evalue=err["evalue"], cell_source=err["cell_excerpt"],
                      traceback=err["traceback"], provenance=prov)
    atomic.write_text(paths["html"], page)
    paths["sidecar"].unlink(missing_ok=True)
    downloads.remove_stale(paths["html"])


def _rss(pid) -> int | None:
    """Resident memory of a process in bytes (Linux /proc; None elsewhere or when it is gone)."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def run_task(task: dict, kernel=None) -> dict:
    """Execute and render one brief described by ``task`` (see :mod:`.runner`); return a result.

    Writes ``<out>/<stem>.html`` and, when the notebook succeeded, ``<stem>.json`` (the sidecar);
    then the build record, last, so an interrupted brief is simply rebuilt next time. The result
    says which worker and kernel ran it (``worker``), with the kernel's resident memory after.
    """
    from .pool import WarmKernel

    t0 = time.perf_counter()
    prov = provenance_items(task["version"], task["data_version"], task["parameters"],
                            task["key"])
    result = {"region": task["region"], "name": task["name"], "key": task["key"],
              "html": task["paths"]["html"], "sidecar": None, "error": None}
    own = kernel is None
    nb, running = None, [None]
    try:
        if own:
            kernel = WarmKernel(kernel_name_of(task["notebook"]))
        try:
            nb = prepared_notebook(task)
            nb = kernel.execute(nb, on_cell=lambda i: running.__setitem__(0, i))
            offered = downloads.attach(nb, task["paths"]["html"])  # a bad payload fails here
        except Exception as exc:  # the notebook failed (or the kernel did): isolate it
            err = _error_of(exc, nb, running[0])
            _write_error(task, err, prov)
            result.update(status="failed", error=err)
        else:
            result["modules"] = _modules(nb)
            result["outputs"] = write_outputs(task, nb, prov, offered)
            result.update(status="ok", sidecar=task["paths"]["sidecar"])
    except Exception as exc:  # rendering or I/O failed: still one failed brief, not a dead batch
        result.update(status="failed", error={"ename": type(exc).__name__, "evalue": str(exc),
                                              "cell_index": None, "cell_excerpt": "",
                                              "traceback": tb.format_exc()[-6000:]})
    finally:
        if kernel is not None:
            result["worker"] = {"pid": os.getpid(), "rss": _rss("self"),
                                "kernel_pid": kernel.pid, "kernel_briefs": kernel.briefs,
                                "kernels": kernel.started, "kernel_rss": kernel.rss()}
        if own and kernel is not None:
            kernel.shutdown()
    result["duration_s"] = round(time.perf_counter() - t0, 3)
    result["modules_hash"] = keys.modules_hash(result["modules"]) if result.get("modules") else None
    atomic.write_json(Path(task["paths"]["record"]), {
        "key": task["key"], "status": result["status"], "error": result["error"],
        "region": task["region"], "name": task["name"], "english": task["english"],
        "level": task["level"], "stem": task["stem"], "parameters": task["parameters"],
        "modules": result.get("modules", []), "modules_hash": result["modules_hash"],
        "outputs": result.get("outputs", {}),
        "output_stats": _output_stats(task, result.get("outputs", {}))})
    return result

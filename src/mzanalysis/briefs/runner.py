"""Plan and run a batch of briefs: validate, skip what is current, dispatch, summarise.

A batch is a list of *tasks* (plain dicts), one per region. Planning — parameter validation,
build keys, up-to-date checks — happens in this process before any kernel starts, so a bad
region or parameter fails the whole command at once with a clear message, and an unchanged
rerun finishes without importing papermill at all.

Pending tasks run on a local process pool (``jobs`` workers, forkserver with papermill and
nbconvert preloaded) or, given ``scheduler="tcp://…"``, on a Dask distributed cluster; either
way each worker keeps one warm kernel and runs brief after brief in it (:mod:`.pool`). Outputs
are written by the workers themselves (a shared file system is assumed). After the batch the
runner writes ``manifest.json`` (per-run: status, durations, hashes, versions) and
``index.html`` (every region with status, headline figures and links).
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import MzError
from . import DEFAULT_NOTEBOOK, atomic, downloads, keys
from .params import notebook_parameters, read_notebook, validate

#: Regions of the default batch: China and the 31 provincial-level units.
DEFAULT_LEVELS = ("national", "province")


@dataclass
class BatchResult:
    results: list[dict] = field(default_factory=list)
    manifest_path: Path | None = None
    index_path: Path | None = None

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.results if r["status"] == "failed"]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def select_regions(level: str | None = None, names: list[str] | None = None) -> list:
    """The regions of a batch: ``names`` resolved one by one, else a level, else China + provinces."""
    from ..regions import regions, resolve

    if names:
        out, seen = [], set()
        for n in names:
            r = resolve(n.strip())
            if r.code not in seen:
                seen.add(r.code)
                out.append(r)
        return out
    if level:
        return regions(level=level)
    return [r for lv in DEFAULT_LEVELS for r in regions(level=lv)]


def _data_inputs(params: dict) -> tuple[str, str]:
    """(hash of every input data file, human data version) for the given parameters."""
    from ..datapackage import data_dir, read_descriptor

    folder = data_dir()
    files = keys.data_files(folder)
    extra = params.get("data_dir")
    try:
        h = keys.files_hash(files, root=folder)
        if extra:
            h = keys._sha((h + keys.files_hash(keys.data_files(Path(extra)), root=Path(extra)))
                          .encode())
        if params.get("reports_dir"):  # the user's reports: their content is an input too
            from .reports import folder_hash

            h = keys._sha((h + folder_hash(params["reports_dir"],
                                           params.get("reports_metadata"))).encode())
    except OSError as exc:
        raise MzError(f"{exc.filename}: cannot read data file ({exc.strerror or exc})") from None
    try:
        version = str(read_descriptor(folder).get("version", "?"))
    except Exception:  # a broken descriptor is the loaders' error to report, inside the brief
        version = "?"
    return h, f"curated {version} (sha256 {h[:12]})"


def _codes_with_data(values: dict) -> tuple[set, set]:
    """(codes with an official series, codes with figures stated in reports) for one set of
    parameters: the embedded data (or the user's tables) and the seed plus the user's reports.

    Extracting the user's folder here also fills its cache, so the kernels only read it back.
    """
    from ..errors import MzError as _Err
    from ..loaders import load_curated, load_panel
    from ..loaders.curated import seed_facts
    from .reports import report_facts

    official = (load_curated(preferred=True) if values.get("data_dir") is None
                else load_panel(values["data_dir"]))
    stated: set = set()
    try:
        stated |= set(seed_facts()["region_code"])
    except _Err:
        pass
    if values.get("reports_dir"):
        try:
            placed = report_facts(values["reports_dir"], values.get("reports_metadata")).placed
            stated |= set(placed["region_code"]) if len(placed) else set()
        except _Err:  # a bad metadata CSV: the brief itself reports it
            pass
    return set(official["region_code"]), stated


def plan(regions: list, *, out: Path, notebook: Path | None = None, params: dict | None = None,
         per_region: dict | None = None, force: bool = False,
         skip_empty: bool = False, check_current: bool = True) -> list[dict]:
    """Validate and key every brief; return one task per brief, ``current`` set when up to date.

    ``params`` apply to every region; ``per_region`` maps a region code to extra parameters
    (used for synthetic scale runs and parameter sweeps). Each task carries ``data_status``
    (official / reports / none, see :mod:`.sections`); with ``skip_empty`` a region with no data
    at all is not executed: it gets an index row saying so and no page (what ``briefs --level
    prefecture|county`` does, so a level without data costs seconds). ``check_current=False``
    only validates (``current`` is then False for every task).
    """
    notebook = Path(notebook or DEFAULT_NOTEBOOK).resolve()
    nb = read_notebook(notebook)
    declared = notebook_parameters(nb, notebook)
    if "region" not in declared:
        raise MzError(f"{notebook}: the parameters cell must declare 'region'")
    nb_hash = keys.notebook_hash(nb)
    code_hash = keys.renderer_hash()
    out = Path(out).resolve()
    folder = out / notebook.stem
    data_cache: dict = {}
    module_cache: dict = {}
    seen: set[str] = set()
    tasks = []
    for idx, region in enumerate(regions):
        given = {**(params or {}), "region": region.code}
        extra = (per_region or {}).get(idx) or (per_region or {}).get(region.code) or {}
        given.update(extra)
        values = validate(declared, given)
        dkey = values.get("data_dir")
        if dkey not in data_cache:
            data_cache[dkey] = _data_inputs(values)
        inputs_hash, data_version = data_cache[dkey]
        skey = ("status", dkey, values.get("reports_dir"), values.get("reports_metadata"))
        if skey not in data_cache:
            data_cache[skey] = _codes_with_data(values)
        from .sections import data_status

        status = data_status(region.code, *data_cache[skey])
        key = keys.build_key(nb_hash, values, inputs_hash, __version__, code_hash)
        stem = region.code if not extra else f"{region.code}-{keys.parameters_hash(values)[:8]}"
        if stem in seen:  # the same brief asked for twice: build it once
            continue
        seen.add(stem)
        paths = {"html": folder / f"{stem}.html", "sidecar": folder / f"{stem}.json",
                 "record": folder / ".build" / f"{stem}.json"}
        task = {"region": region.code, "name": region.name, "english": region.english,
                "level": region.level, "stem": stem, "notebook": str(notebook),
                "parameters": values, "key": key, "version": __version__,
                "data_version": data_version, "inputs_hash": inputs_hash,
                "notebook_hash": nb_hash, "code_hash": code_hash,
                "title": f"{region.name} 民政社会救助简报 / {region.english} social assistance brief",
                "paths": {k: str(v) for k, v in paths.items()}, "data_status": status,
                "empty": skip_empty and status == "none"}
        task["current"] = (check_current and not task["empty"] and not force
                           and _is_current(paths, key, module_cache))
        tasks.append(task)
    return tasks


def _is_current(paths: dict, key: str, module_cache: dict) -> bool:
    """Up to date: same build key, built ok, outputs present, imported modules unchanged."""
    try:
        rec = json.loads(paths["record"].read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if not (rec.get("key") == key and rec.get("status") == "ok" and paths["html"].is_file()
            and paths["sidecar"].is_file() and rec.get("modules")):
        return False
    outputs = rec.get("outputs") or {}
    stats = rec.get("output_stats") or {}
    try:  # a page or sidecar damaged since it was built (truncated copy, edit) is rebuilt
        for k in ("html", "sidecar"):
            # unchanged size and modification time: the recorded hash still holds (as git's
            # index does); anything else is hashed again and compared
            if stats.get(k) == keys.file_stat(paths[k]) and outputs.get(k):
                continue
            if outputs.get(k) != keys.file_sha256(paths[k]):
                return False
        if not downloads.current(paths["html"], outputs):  # a download file lost or edited
            return False
    except OSError:
        return False
    mods = tuple(rec["modules"])
    if mods not in module_cache:
        module_cache[mods] = keys.modules_hash(list(mods))
    return module_cache[mods] == rec.get("modules_hash")


def _result(task: dict, status: str, duration: float, error: dict | None = None) -> dict:
    modules_hash = None
    if status == "skipped":
        try:
            modules_hash = json.loads(Path(task["paths"]["record"]).read_text("utf-8"))[
                "modules_hash"]
        except (OSError, ValueError, KeyError):
            pass
    return {"modules_hash": modules_hash, "region": task["region"], "name": task["name"], "key": task["key"],
            "status": status, "duration_s": duration, "error": error,
            "html": task["paths"]["html"], "sidecar": task["paths"]["sidecar"]}


def _record_empty(task: dict) -> dict:
    """A region with no data in a batch: no page (an old one is removed), an index row."""
    for k in ("html", "sidecar"):
        Path(task["paths"][k]).unlink(missing_ok=True)
    downloads.remove_stale(Path(task["paths"]["html"]))
    atomic.write_json(Path(task["paths"]["record"]), {
        "key": task["key"], "status": "no_data", "error": None, "region": task["region"],
        "name": task["name"], "english": task["english"], "level": task["level"],
        "stem": task["stem"], "parameters": task["parameters"], "modules": [],
        "modules_hash": None, "data_status": "none"})
    res = _result(task, "no_data", 0.0)
    res["html"] = None
    return res


def _quiet() -> bool:
    return bool(os.environ.get("CI")) or not sys.stderr.isatty()


def _run_local(tasks: list[dict], jobs: int, progress, *, timeout, recycle_after) -> list[dict]:
    """Run tasks on ``jobs`` worker processes, each with its own warm kernel (see :mod:`.pool`).

    With one job (or one task) the briefs run in this process, in one warm kernel.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from . import pool

    if jobs <= 1 or len(tasks) == 1:
        out = []
        try:
            for t in tasks:
                out.append(pool.run_pooled(t, timeout, recycle_after))
                progress(out[-1])
        finally:
            pool.shutdown_all()
        return out
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["mzanalysis.briefs._preload"])
    out = []
    from .lifetime import PARENT_ENV, init_worker

    os.environ[PARENT_ENV] = str(os.getpid())  # read by the fork server (see lifetime)

    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=ctx,
                             initializer=init_worker) as executor:
        futures = {executor.submit(pool.run_pooled, t, timeout, recycle_after): t for t in tasks}
        for fut in as_completed(futures):
            try:
                res = fut.result()
            except Exception as exc:  # a worker died (e.g. killed): record, keep going
                t = futures[fut]
                res = _result(t, "failed", 0.0, {"ename": type(exc).__name__,
                                                 "evalue": str(exc), "cell_index": None,
                                                 "cell_excerpt": "", "traceback": ""})
            out.append(res)
            progress(res)
    return out


def _run_dask(tasks: list[dict], scheduler, progress, *, timeout, recycle_after) -> list[dict]:
    """Run tasks on a Dask distributed cluster (``scheduler`` is an address or a Client).

    Each Dask worker (each of its threads) keeps a warm kernel between tasks, as a local worker
    does; a shared file system is assumed for the outputs.
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise MzError("--scheduler needs dask.distributed: pip install 'mzanalysis[parallel]'") \
            from None
    from .pool import run_pooled

    own = not hasattr(scheduler, "submit")
    try:
        client = Client(scheduler, timeout=30) if own else scheduler
    except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address at all
        raise MzError(f"cannot connect to Dask scheduler {scheduler}: {exc}") from None
    try:
        futures = [client.submit(run_pooled, t, timeout, recycle_after, pure=False,
                                 key=f"brief-{t['stem']}-{t['key'][:8]}")
                   for t in tasks]
        by_key = {f.key: t for f, t in zip(futures, tasks)}
        out = []
        for fut in as_completed(futures):
            try:
                res = fut.result()
            except Exception as exc:
                res = _result(by_key[fut.key], "failed", 0.0,
                              {"ename": type(exc).__name__, "evalue": str(exc),
                               "cell_index": None, "cell_excerpt": "", "traceback": ""})
            out.append(res)
            progress(res)
        return out
    finally:
        if own:
            client.close()


def _check_interpreter() -> None:
    """Refuse at once when this user cannot execute the Python interpreter again.

    Kernels, the fork server and its resource tracker are all started from ``sys.executable``;
    when it lives where the user cannot reach (an interpreter under another user's home, run via
    ``sudo -u``), they die at start and the pool only reports a broken internal pipe.
    """
    exe = sys.executable
    if exe and not os.access(exe, os.X_OK):
        raise MzError(f"cannot start notebook kernels: the Python interpreter {exe} "
                      f"(-> {os.path.realpath(exe)}) is not executable by this user")


def run(tasks: list[dict], *, out: Path, jobs: int = 2, scheduler=None,
        show_progress: bool | None = None, timeout: float | None = None,
        recycle_after: int | None = None) -> BatchResult:
    """Execute the tasks that are not current, then write the manifest and the index.

    ``timeout``: seconds one cell may run before its kernel is replaced and the brief fails;
    ``recycle_after``: briefs a warm kernel runs before a fresh one replaces it (defaults in
    :mod:`.pool`).
    """
    from .pool import DEFAULT_RECYCLE_AFTER, DEFAULT_TIMEOUT

    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    recycle_after = DEFAULT_RECYCLE_AFTER if recycle_after is None else recycle_after
    if recycle_after < 1:
        raise MzError(f"--recycle-after must be at least 1 (got {recycle_after})")
    if not timeout > 0:
        raise MzError(f"--timeout must be a positive number of seconds (got {timeout})")
    t0 = time.perf_counter()
    pending = [t for t in tasks if not t["current"] and not t.get("empty")]
    empty = {t["stem"]: _record_empty(t) for t in tasks if t.get("empty")}
    if pending and not scheduler:
        _check_interpreter()
    if pending:
        from .lifetime import clean_stale_workdirs

        clean_stale_workdirs()  # socket folders of earlier runs that were killed outright
    bar = None
    if pending and (show_progress if show_progress is not None else not _quiet()):
        from tqdm import tqdm

        bar = tqdm(total=len(pending), unit="brief", desc="briefs", file=sys.stderr)

    def progress(res):
        if bar is not None:
            bar.set_postfix_str(f"{res['name']} {res['status']}", refresh=False)
            bar.update(1)

    try:
        if not pending:
            done = []
        elif scheduler:
            done = _run_dask(pending, scheduler, progress, timeout=timeout,
                             recycle_after=recycle_after)
        else:
            done = _run_local(pending, jobs, progress, timeout=timeout,
                              recycle_after=recycle_after)
    finally:
        if bar is not None:
            bar.close()
    by_id = {(r["region"], r["html"]): r for r in done}
    results = [empty[t["stem"]] if t.get("empty") else _result(t, "skipped", 0.0)
               if t["current"] else by_id[(t["region"], t["paths"]["html"])] for t in tasks]
    from .index import write_index, write_manifest

    out = Path(out).resolve()
    manifest = write_manifest(out, tasks, results, time.perf_counter() - t0, jobs=jobs,
                              scheduler=scheduler)
    index = write_index(out)
    return BatchResult(results=results, manifest_path=manifest, index_path=index)


def build(regions: list, *, out: Path, notebook: Path | None = None, params: dict | None = None,
          jobs: int = 2, force: bool = False, scheduler=None, per_region: dict | None = None,
          show_progress: bool | None = None, skip_empty: bool = False,
          timeout: float | None = None, recycle_after: int | None = None) -> BatchResult:
    """Plan and run a batch: the one call behind ``mzanalysis brief`` and ``mzanalysis briefs``.

    ``out`` is locked for the whole batch: a second run into the same folder is refused at once
    (two writers would leave a manifest describing pages the other one wrote).
    """
    from .lock import check_out, out_lock

    check_out(Path(out))
    # validate everything before the folder is created, then plan again under the lock: what is
    # up to date may have changed while another run held it
    plan(regions, out=out, notebook=notebook, params=params, force=force, per_region=per_region,
         check_current=False)
    with out_lock(Path(out)):
        # a run killed with kill -9 (its workers too) could not remove what it was writing; no
        # other run writes here while we hold the lock, so its temporary files are debris
        atomic.remove_stale(Path(out))
        tasks = plan(regions, out=out, notebook=notebook, params=params, force=force,
                     per_region=per_region, skip_empty=skip_empty)
        return run(tasks, out=out, jobs=jobs, scheduler=scheduler, show_progress=show_progress,
                   timeout=timeout, recycle_after=recycle_after)

"""Runs *inside* a warm brief kernel: snapshot its start state once, restore it before each brief.

A warm kernel (see :mod:`.pool`) runs many briefs one after another. Imported modules and the
per-process loader caches (the curated data, read-only) are kept — that is the point — but
everything a notebook can change and a later notebook could see is put back as it was when the
kernel was fresh, so a brief's page never depends on what ran before it in the same kernel:

- the IPython user namespace (``%reset -f``: variables, ``Out``, ``_``) and the execution
  counter (a fresh kernel's first cell is number 1);
- matplotlib: every open figure closed, ``rcParams`` (so ``plt.style.use``/``rc`` calls) restored;
- ``warnings``: the filter list and ``showwarning`` restored and the "already shown once"
  registries cleared (a warning printed by an earlier brief would otherwise be silent in this one);
- pandas and numpy display/error options, ``os.environ``, ``sys.path``;
- the working folder: a fresh empty folder per brief.

Only the standard library is imported at module level; matplotlib, pandas and numpy are touched
only when the kernel has imported them already.
"""
from __future__ import annotations

import gc
import os
import shutil
import sys
import warnings

_SNAP: dict = {}


def _pandas_options(pd) -> dict:
    """Every registered, non-deprecated pandas option and its current value."""
    from pandas._config import config as cfg

    out = {}
    deprecated = set(getattr(cfg, "_deprecated_options", {}))
    for key in getattr(cfg, "_registered_options", {}):
        if key in deprecated:
            continue
        try:
            out[key] = cfg.get_option(key)
        except Exception:  # an option that cannot be read back is left alone
            pass
    return out


def _memo(func, size: int = 512):
    """``func`` of one string argument, memoised (a bounded dict, emptied when full)."""
    cache: dict = {}

    def wrapper(text, *rest):
        key = (text, *rest)
        try:
            return cache[key]
        except (KeyError, TypeError):
            pass
        value = func(text, *rest)
        if len(cache) >= size:
            cache.clear()
        try:
            cache[key] = value
        except TypeError:  # unhashable extra argument: not cached
            pass
        return value

    wrapper.__wrapped__ = func
    return wrapper


def install_caches(ip) -> None:
    """Memoise the two per-cell steps that depend on the cell's text alone.

    Every brief sends the same cell sources again. IPython's static input transforms (magics,
    ``!`` commands: a full tokenize of the cell) and ipykernel's cell file name (a pure-Python
    murmur2 hash of the source) are pure functions of that text, so caching them changes nothing
    but the time: about 30 ms per brief.
    """
    itm = ip.input_transformer_manager
    if not hasattr(itm.transform_cell, "__wrapped__"):
        itm.transform_cell = _memo(itm.transform_cell)
    comp = getattr(ip, "compile", None)
    name = getattr(comp, "get_code_name", None)
    if name is not None and not hasattr(name, "__wrapped__"):
        comp.get_code_name = _memo(name)


def snapshot(ip) -> None:
    """Record the fresh kernel's state (called once, after the warm-up imports)."""
    _SNAP.clear()
    _SNAP["environ"] = dict(os.environ)
    _SNAP["path"] = list(sys.path)
    _SNAP["filters"] = list(warnings.filters)
    _SNAP["showwarning"] = (warnings.showwarning, warnings.formatwarning)
    mpl = sys.modules.get("matplotlib")
    if mpl is not None:
        _SNAP["rc"] = dict(mpl.rcParams)
    pd = sys.modules.get("pandas")
    if pd is not None:
        _SNAP["pandas"] = _pandas_options(pd)
    np = sys.modules.get("numpy")
    if np is not None:
        _SNAP["np_err"] = np.geterr()
        _SNAP["np_print"] = np.get_printoptions()
    # Everything loaded so far (modules, the cached curated data: ~200,000 objects) lives as long
    # as the kernel: move it out of the collector's sight, so each collection during and between
    # briefs only walks what that brief created (IPython's reset alone runs one per brief).
    gc.collect()
    gc.freeze()


def _restore_rc(mpl) -> None:
    snap = _SNAP.get("rc")
    if snap is None:
        return
    rc = mpl.rcParams
    changed = {k: v for k, v in snap.items() if k not in rc or rc[k] != v}
    if changed:
        from matplotlib import _api

        with _api.suppress_matplotlib_deprecation_warning():
            rc.update(changed)


def _restore_environ() -> None:
    snap = _SNAP["environ"]
    for key in [k for k in os.environ if k not in snap]:
        del os.environ[key]
    for key, value in snap.items():
        if os.environ.get(key) != value:
            os.environ[key] = value


def reset(ip, run_dir: str) -> None:
    """Put the kernel back in its snapshot state and make ``run_dir`` the empty working folder."""
    if not _SNAP:
        raise RuntimeError("kernel state was never snapshotted (warm-up did not run)")
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")
    ip.reset(new_session=False)  # %reset -f: user variables, Out, _ (imported modules stay)
    ip.execution_count = 0  # this reset cell ends by counting itself: the next cell is 1
    mpl = sys.modules.get("matplotlib")
    if mpl is not None:
        _restore_rc(mpl)
    warnings.filters[:] = _SNAP["filters"]
    warnings.showwarning, warnings.formatwarning = _SNAP["showwarning"]
    warnings.onceregistry.clear()
    mutated = getattr(warnings, "_filters_mutated", None)
    if mutated is not None:  # invalidates every module's __warningregistry__ ("shown once")
        mutated()
    pd = sys.modules.get("pandas")
    if pd is not None and "pandas" in _SNAP:
        from pandas._config import config as cfg

        for key, value in _SNAP["pandas"].items():
            try:
                if cfg.get_option(key) != value:
                    cfg.set_option(key, value)
            except Exception:
                pass
    np = sys.modules.get("numpy")
    if np is not None and "np_err" in _SNAP:
        np.seterr(**_SNAP["np_err"])
        np.set_printoptions(**_SNAP["np_print"])
    _restore_environ()
    sys.path[:] = _SNAP["path"]
    shutil.rmtree(run_dir, ignore_errors=True)
    os.makedirs(run_dir)
    os.chdir(run_dir)
    gc.collect()  # figures and frames of the last brief hold reference cycles: free them now
    # (cheap: the warm-up objects are frozen, see snapshot)


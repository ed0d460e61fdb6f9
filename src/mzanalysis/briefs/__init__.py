"""Region briefs: one parameterised notebook per region, executed and rendered to static HTML.

Modules, one job each:

- :mod:`.params` — read a notebook's tagged ``parameters`` cell and validate user parameters
  against it *before* any kernel starts (papermill itself only warns).
- :mod:`.keys` — the build key of a brief (notebook source, parameters, input files, package and
  renderer version) that makes runs incremental.
- :mod:`.pool` — a warm kernel per worker (IPC transport): one kernel runs many briefs, reset
  between them (:mod:`._kernel_state`) so a page never depends on what ran before; a kernel that
  dies or hangs fails only its brief and is replaced; kernels are recycled after N briefs.
- :mod:`.execute` — run one brief (parameters injected as papermill does, executed by nbclient in
  a warm kernel) and write its HTML, sidecar JSON and build record atomically; runs inside pool
  or Dask workers.
- :mod:`.render` — nbconvert HTML with the package's own template (no inputs, no scripts, embedded
  images, table of contents, provenance footer) and the error page.
- :mod:`.layout` — the table layout pass on every page (scroll boxes, figure alignment, break
  points), so tables fit at 1280 px and on a phone.
- :mod:`.downloads` — the CSV files of a brief's plotted series, written beside the page and
  linked from it.
- :mod:`.refyear` — the index's common reference year, so regions compare in the same year.
- :mod:`.runner` — plan a batch, skip what is up to date, dispatch to a process pool or a Dask
  cluster, show progress, and write the manifest and ``index.html``.

Heavy libraries (papermill, nbconvert, dask) are imported inside functions so that
``import mzanalysis`` and an all-up-to-date ``mzanalysis briefs`` stay fast.
"""
from __future__ import annotations

from pathlib import Path

#: The notebook every region brief is rendered from: ``notebooks/region_brief.ipynb`` of the source
#: tree the package is installed from (``pip install -e .``); other notebooks via ``--notebook``.
DEFAULT_NOTEBOOK = Path(__file__).resolve().parents[3] / "notebooks" / "region_brief.ipynb"

__all__ = ["DEFAULT_NOTEBOOK"]

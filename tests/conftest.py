"""Shared test fixtures: where ../shared lives and helpers to run the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MZ_SHARED", ROOT.parent / "shared"))
# Notebook kernels run in other folders (papermill cwd): a relative PYTHONPATH=src would make
# them import another copy of the package than the one under test.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        str(Path(p).resolve()) for p in os.environ["PYTHONPATH"].split(os.pathsep) if p)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (seeds, gold labels, repository panels). CI has it beside the checkout."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}")
    return SHARED


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None):
    """Run ``python -m mzanalysis ARGS`` in a subprocess, as a user would, and return the result."""
    return subprocess.run([sys.executable, "-m", "mzanalysis", *args], capture_output=True,
                          text=True, cwd=cwd, input=input, timeout=600)

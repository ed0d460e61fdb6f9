"""Outputs are replaced atomically: an interrupted write leaves the old page and no debris."""
from __future__ import annotations

import os

import pytest

from mzanalysis.briefs import atomic


def test_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "630000.html"
    target.write_text("old page", "utf-8")

    def killed(src, dst):
        raise KeyboardInterrupt  # as if the run were stopped between write and rename

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_text(target, "new page, half written")
    assert target.read_text("utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["630000.html"]  # temp file removed


def test_identical_content_is_not_rewritten(tmp_path):
    target = tmp_path / "x.json"
    assert atomic.write_json(target, {"b": 1, "a": "青海"}) is True
    mtime = target.stat().st_mtime_ns
    assert atomic.write_json(target, {"a": "青海", "b": 1}) is False  # same bytes: untouched
    assert target.stat().st_mtime_ns == mtime
    assert target.read_text("utf-8") == '{\n  "a": "青海",\n  "b": 1\n}\n'
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # readable like any published file


def test_a_worker_stopped_mid_write_leaves_no_temporary_file(tmp_path):
    # a pool worker gets SIGTERM when the command dies and exits at once (os._exit: no finally
    # runs); its handler removes the page it was writing, so the folder holds no debris
    import subprocess
    import sys

    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from mzanalysis.briefs import atomic, lifetime\n"
        "lifetime.init_worker()\n"
        "def fsync(fd):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)  # the command died while this page was written\n"
        "os.fsync = fsync\n"
        "atomic.write_text(Path(sys.argv[1]) / '630000.html', 'a page')\n"
        "print('not reached')\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 128 + 15 and "not reached" not in done.stdout, done.stderr
    assert list(tmp_path.iterdir()) == []  # neither the page nor its temporary file

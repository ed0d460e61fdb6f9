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

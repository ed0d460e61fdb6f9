"""Regression tests for the batch runner's process, lock, rebuild and escaping fixes (issue 14).

D11 helpers die with the command and killed runs' socket folders are removed; D12 a damaged page
or sidecar is rebuilt or reported, never trusted or fatal; D13 a second run on one --out is
refused; D14 only a broken stdout is a quiet exit; D15 paths and messages cannot become Markdown
links or images. None of these start a kernel.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mzanalysis import cli
from mzanalysis.briefs import keys, lifetime, runner
from mzanalysis.briefs.lock import out_lock
from mzanalysis.briefs.render import md_escape
from mzanalysis.errors import MzError


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers kill(0); it has exited all the same
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
def test_a_helper_dies_when_the_command_is_killed(tmp_path):
    pidfile = tmp_path / "grandchild.pid"
    child = textwrap.dedent(f"""
        import os, subprocess, sys, time
        code = ("from mzanalysis.briefs.lifetime import die_with_parent; die_with_parent(); "
                "import os, time; open({str(pidfile)!r}, 'w').write(str(os.getpid())); time.sleep(60)")
        subprocess.Popen([sys.executable, "-c", code])
        time.sleep(60)
    """)
    parent = subprocess.Popen([sys.executable, "-c", child], env={**os.environ})
    deadline = time.time() + 20
    while not (pidfile.exists() and pidfile.read_text()) and time.time() < deadline:
        time.sleep(0.05)
    grandchild = int(pidfile.read_text())
    assert _alive(grandchild)
    parent.kill()  # kill -9 of the "command"
    parent.wait()
    deadline = time.time() + 10
    while _alive(grandchild) and time.time() < deadline:
        time.sleep(0.05)
    alive = _alive(grandchild)
    if alive:
        os.kill(grandchild, signal.SIGKILL)
    assert not alive, "the helper outlived the process that started it"


def test_socket_folders_of_dead_processes_are_removed(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{lifetime.WORKDIR_PREFIX}{dead.pid}-abc"
    live = tmp_path / f"{lifetime.WORKDIR_PREFIX}{os.getpid()}-def"
    other = tmp_path / "mzbrief-notapid"
    for folder in (stale, live, other):
        folder.mkdir()
        (folder / "k-1").write_text("socket stand-in")
    removed = lifetime.clean_stale_workdirs(str(tmp_path))
    assert removed == [str(stale)]
    assert not stale.exists() and live.exists() and other.exists()


def _fake_brief(folder: Path, stem: str = "630000") -> dict:
    """A built brief on disk (page, sidecar, record with output hashes) and its paths."""
    paths = {"html": folder / f"{stem}.html", "sidecar": folder / f"{stem}.json",
             "record": folder / ".build" / f"{stem}.json"}
    paths["record"].parent.mkdir(parents=True)
    paths["html"].write_text("<html>" + "x" * 10000 + "</html>", "utf-8")
    paths["sidecar"].write_text(json.dumps({"headline": {}}), "utf-8")
    record = {"key": "K", "status": "ok", "modules": ["regions.py"],
              "modules_hash": keys.modules_hash(["regions.py"]), "region": stem, "stem": stem,
              "name": "青海省", "english": "Qinghai", "level": "province", "parameters": {},
              "outputs": {k: keys.file_sha256(paths[k]) for k in ("html", "sidecar")}}
    paths["record"].write_text(json.dumps(record), "utf-8")
    return paths


def test_a_truncated_page_is_no_longer_up_to_date(tmp_path):
    paths = _fake_brief(tmp_path / "region_brief")
    assert runner._is_current(paths, "K", {})
    with open(paths["html"], "r+b") as fh:
        fh.truncate(5000)
    assert not runner._is_current(paths, "K", {})


def test_a_record_without_output_hashes_is_rebuilt(tmp_path):
    paths = _fake_brief(tmp_path / "region_brief")
    rec = json.loads(paths["record"].read_text("utf-8"))
    del rec["outputs"]
    paths["record"].write_text(json.dumps(rec), "utf-8")
    assert not runner._is_current(paths, "K", {})


def test_a_corrupt_sidecar_is_reported_not_fatal(tmp_path, capsys):
    from mzanalysis.briefs.index import write_index

    paths = _fake_brief(tmp_path / "region_brief")
    paths["sidecar"].write_text("{", "utf-8")
    index = write_index(tmp_path)
    assert index.is_file()
    assert "unreadable sidecar" in capsys.readouterr().err
    assert not runner._is_current(paths, "K", {})


def test_a_second_run_on_the_same_out_is_refused(tmp_path):
    with out_lock(tmp_path / "out"):
        with pytest.raises(MzError, match=rf"another mzanalysis run \(pid {os.getpid()}\)"):
            with out_lock(tmp_path / "out"):
                pass
        t0 = time.perf_counter()
        with pytest.raises(MzError, match="another mzanalysis run"):
            runner.build([], out=tmp_path / "out")
        assert time.perf_counter() - t0 < 5  # refused at once, before any planning
    with out_lock(tmp_path / "out"):  # released when the first run ends
        pass


def test_out_that_is_a_file_is_one_clear_error(tmp_path, capsys):
    target = tmp_path / "f"
    target.write_text("not a folder")
    assert cli.main(["briefs", "--regions", "青海,甘肃", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "Traceback" not in err


def test_only_a_broken_stdout_is_a_quiet_exit(monkeypatch, capsys):
    from mzanalysis.commands import regions

    def broken(args):
        raise BrokenPipeError(32, "Broken pipe")  # e.g. the multiprocessing resource tracker

    monkeypatch.setattr(regions, "run", broken)
    assert cli.main(["regions"]) == 1
    assert "internal pipe closed" in capsys.readouterr().err


PAYLOADS = ["/tmp/x`![t](https://evil.example/t.png)[c](javascript:alert(1))",
            "[d](data:text/html;base64,PHNjcmlwdD4=) <img src=x onerror=alert(1)>",
            "**bold** _it_ # h1 | a | b |\n---\nhttps://evil.example/autolink"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_escaping_makes_no_link_image_or_tag(payload):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    out = markdown2html_mistune(f"数据目录 / data folder: {md_escape(payload)}")
    assert "<img" not in out and "<a " not in out and "<strong" not in out and "<em" not in out
    assert "<code" not in out and "<h1" not in out and "<table" not in out
    import html

    shown = html.unescape(out.replace("<p>", "").replace("</p>", "")).strip()
    assert " ".join(payload.split()) in " ".join(shown.split())  # the reader sees it as written


def test_an_interpreter_the_user_cannot_execute_is_one_clear_error(tmp_path, monkeypatch):
    # run via `sudo -u` with a Python under root's home: kernels and the pool's helpers would die
    # at start and the batch would only report a broken internal pipe
    exe = tmp_path / "python"
    exe.write_text("#!/bin/sh\n", "utf-8")
    exe.chmod(0o644)
    monkeypatch.setattr(sys, "executable", str(exe))
    task = {"current": False, "region": "630000", "paths": {"html": str(tmp_path / "x.html")}}
    with pytest.raises(MzError, match=r"interpreter .*python.* is not executable by this user"):
        runner.run([task], out=tmp_path / "out", jobs=2)
    assert not (tmp_path / "out").exists()


def test_a_page_edited_to_the_same_size_is_rebuilt(tmp_path):
    # the record's size and mtime let an unchanged rerun skip hashing; an edit changes the mtime
    paths = _fake_brief(tmp_path / "region_brief")
    rec = json.loads(paths["record"].read_text("utf-8"))
    rec["output_stats"] = {k: keys.file_stat(paths[k]) for k in ("html", "sidecar")}
    paths["record"].write_text(json.dumps(rec), "utf-8")
    assert runner._is_current(paths, "K", {})
    text = paths["html"].read_text("utf-8")
    time.sleep(0.01)
    paths["html"].write_text(text.replace("x", "y", 1), "utf-8")  # same size, new content
    assert not runner._is_current(paths, "K", {})
    # a recorded stat that matches but no recorded hash is never trusted
    rec["outputs"] = {}
    rec["output_stats"] = {k: keys.file_stat(paths[k]) for k in ("html", "sidecar")}
    paths["record"].write_text(json.dumps(rec), "utf-8")
    assert not runner._is_current(paths, "K", {})

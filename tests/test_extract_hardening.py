"""Regression tests for reading hostile report files (issue 14, D2-D7): one message, never a hang."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from mzanalysis.cli import main
from mzanalysis.loaders.reports import read_report
from mzanalysis.text.normalize import decode_report, html_to_text

REPORT = "青海省民政厅2020年工作总结\n城市低保标准每人每月700元。\n农村低保标准每人每年5000元。\n" * 3


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_decodes_like_the_bom_version(codec):
    text, damage = decode_report(REPORT.encode(codec), name="r.txt")
    assert text == REPORT and damage is None


def test_one_bad_byte_costs_one_character_and_is_reported(tmp_path, capsys):
    data = REPORT.encode()
    i = data.index("农".encode())
    path = tmp_path / "r.txt"
    path.write_bytes(data[:i] + b"\xff" + data[i + 1:])
    doc = read_report(path)
    assert doc.damage.count >= 1 and doc.damage.offsets[0] == i
    assert doc.text.count("\ufffd") == doc.damage.count
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert f"r.txt: {doc.damage.count} damaged byte sequence(s)" in captured.err
    assert f"at byte {i}" in captured.err
    # the other facts are still read (a figure stated again is one fact listing each span)
    import json

    spans = sum(json.loads(line)["source_ref"].count("-") for line in captured.out.splitlines())
    assert spans >= 5


def test_a_download_cut_mid_character_keeps_the_rest(tmp_path):
    data = REPORT.encode()
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:-2])
    doc = read_report(path)
    assert doc.text.startswith(REPORT[:-3]) and doc.damage.count == 1


def test_binary_is_still_refused():
    with pytest.raises(Exception, match="binary|unknown text encoding"):
        decode_report(os.urandom(3000), name="x.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_waited_for_also_inside_a_folder(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    assert main(["extract", str(folder)]) == 1
    captured = capsys.readouterr()
    assert "pipe.txt: is a named pipe (FIFO), not a report file" in captured.err
    assert captured.out.count('"indicator"') >= 2


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused(capsys):
    assert main(["extract", "/dev/zero"]) == 1
    assert "/dev/zero: is a device" in capsys.readouterr().err


def test_reads_are_bounded_whatever_st_size_says(tmp_path, capsys):
    path = tmp_path / "big.txt"
    path.write_text(REPORT * 2000, encoding="utf-8")
    assert main(["extract", "--max-size", "0.01", str(path)]) == 1
    assert "above the size limit" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
def test_max_size_must_be_a_finite_positive_number(value, tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert main(["extract", "--max-size", value, str(path)]) == 2
    err = capsys.readouterr().err
    assert "--max-size must be a positive number" in err and "Traceback" not in err


@pytest.mark.parametrize("line,problem", [
    ('{"id": "a", "text": "城市低保\\ud800标准每人每月700元。"}', "lone surrogate"),
    ('{"id": "\\udfff", "text": "x"}', "lone surrogate"),
    ("[" * 100000 + "]" * 100000, "nested too deeply"),
])
def test_odd_jsonl_is_one_error_naming_file_and_line(line, problem, tmp_path, capsys):
    path = tmp_path / "x.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    assert main(["extract", str(path), str(good)]) == 1
    captured = capsys.readouterr()
    assert "x.jsonl, line 1: " in captured.err and problem in captured.err
    assert captured.out.count('"indicator"') >= 2


def test_api_refuses_lone_surrogates_with_a_data_error():
    from mzanalysis.errors import DataError
    from mzanalysis.text.extract import extract_facts

    with pytest.raises(DataError, match="lone surrogate"):
        extract_facts("城市低保\ud800标准每人每月700元。")


def test_an_undecodable_file_name_can_be_written_with_o(tmp_path):
    if sys.platform == "darwin":
        pytest.skip("macOS file names must be UTF-8")
    name = os.fsdecode(b"\xff.txt")
    (tmp_path / name).write_text(REPORT, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", "-o", str(out), str(tmp_path / name)]) == 0
    assert '"doc": "\ufffd.txt"' in out.read_text("utf-8")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


def test_deep_and_wide_html_flatten_in_linear_time():
    deep = "<html><body>" + "<div>" * 30000 + "<p>城市低保标准每人每月700元。</p>" + "</div>" * 30000
    assert html_to_text(deep) == "城市低保标准每人每月700元。\n"
    wide = "<html><body>" + "<p>城市低保标准每人每月700元。</p>" * 20000 + "</body></html>"
    assert html_to_text(wide).count("\n") == 20000


def test_a_fact_file_in_a_folder_is_skipped_with_a_warning_but_refused_when_named(tmp_path,
                                                                                    capsys):
    # `extract reports/ -o reports/facts.jsonl` twice, or the seed folder with its gold labels:
    # a JSONL of facts found by a folder walk is not a broken excerpt file
    (tmp_path / "a.txt").write_text("2023年，全市城市低保标准提高到每人每月800元。", "utf-8")
    facts = tmp_path / "facts.jsonl"
    facts.write_text('{"doc": "a.txt", "indicator": "dibao_standard", "value": 800}\n', "utf-8")
    assert main(["extract", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert '"value": 800.0' in out
    assert "facts.jsonl: skipped, not an excerpt file" in err
    assert main(["extract", str(facts)]) == 1
    assert "facts.jsonl, line 1: not an excerpt object" in capsys.readouterr().err


def test_size_limit_message_never_says_a_size_is_above_itself(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_bytes("低保".encode() * (1024 * 1024 // 6 + 10))  # just over 1 MB
    assert main(["extract", str(big), "--max-size", "1"]) == 1
    err = capsys.readouterr().err
    assert "above the size limit of 1,048,576 bytes" in err
    assert "1.0 MB, above the size limit of 1.0 MB" not in err


def test_a_folder_that_cannot_be_listed_says_so(tmp_path, monkeypatch):
    # (as root a chmod-000 folder is still readable, so the refusal is simulated)
    from mzanalysis.loaders import reports

    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("低保", "utf-8")
    locked.chmod(0)
    monkeypatch.setattr(reports.os, "access", lambda path, mode: Path(path) != locked)
    monkeypatch.setattr(reports.Path, "rglob", lambda self, pattern: iter(()))
    try:
        files, errors = reports.report_paths([locked])
    finally:
        locked.chmod(0o755)
    assert files == []
    assert [e.message for e in errors] == [f"{locked}: cannot list folder (permission denied)"]

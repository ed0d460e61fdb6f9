"""The command line, as a user runs it: output, errors on stderr, exit status."""
from mzanalysis import __version__

from .conftest import run_cli


def test_version_and_help():
    out = run_cli("--version")
    assert out.returncode == 0 and __version__ in out.stdout
    helped = run_cli("--help")
    assert helped.returncode == 0 and "regions" in helped.stdout


def test_regions_province_level_lists_31():
    out = run_cli("regions", "--level", "province")
    assert out.returncode == 0
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 31
    assert lines[0].split("\t")[:2] == ["110000", "北京市"]


def test_regions_resolves_seed_regions():
    out = run_cli("regions", "海西蒙古族藏族自治州", "同德县", "鄂尔多斯市", "青海")
    assert out.returncode == 0, out.stderr
    assert [line.split("\t")[0] for line in out.stdout.splitlines()] == [
        "632800", "632522", "150600", "630000"]


def test_bad_region_names_exit_nonzero_without_traceback():
    for bad in ("Atlantis", "../etc", "", "朝阳区"):
        out = run_cli("regions", bad)
        assert out.returncode == 2, bad
        assert "error:" in out.stderr and "Traceback" not in out.stderr


def test_no_command_prints_help_and_fails():
    out = run_cli()
    assert out.returncode != 0 and "usage" in out.stderr

"""Brief parameters are checked before any kernel starts: clear errors, non-zero exit, no output."""
from __future__ import annotations

import pytest

from mzanalysis.briefs import DEFAULT_NOTEBOOK
from mzanalysis.briefs.params import (ParameterError, coerce_cli, notebook_parameters,
                                      read_notebook, validate)
from mzanalysis.errors import MzError, RegionError

from .conftest import run_cli


@pytest.fixture(scope="module")
def declared():
    return notebook_parameters(read_notebook(DEFAULT_NOTEBOOK), DEFAULT_NOTEBOOK)


def test_notebook_declares_the_contract_parameters(declared):
    assert list(declared) == ["region", "start_year", "end_year", "data_dir", "reports_dir",
                              "reports_metadata"]
    assert declared["start_year"].types == (int,)
    assert declared["data_dir"].default is None


def test_defaults_validate_and_region_becomes_its_code(declared):
    values = validate(declared, {"region": "青海"})
    assert values["region"] == "630000"
    assert values["start_year"] <= values["end_year"]


@pytest.mark.parametrize("given, message", [
    ({"regoin": "青海"}, "unknown parameter(s) regoin"),
    ({"start_year": "2010"}, "start_year='2010' has type str; expected int"),
    ({"end_year": True}, "end_year=True has type bool; expected int"),
    ({"start_year": 2020, "end_year": 2010}, "start_year=2020, end_year=2010"),
    ({"data_dir": "/no/such/dir"}, "data_dir='/no/such/dir': no such directory"),
    ({"data_dir": 3}, "data_dir=3 has type int; expected str or None"),
    ({"data_dir": ""}, "data_dir='': empty"),  # would silently be the current folder
])
def test_bad_parameters_are_named(declared, given, message):
    with pytest.raises(ParameterError) as err:
        validate(declared, {"region": "青海", **given})
    assert message in str(err.value)


def test_unknown_region_lists_close_matches(declared):
    with pytest.raises(RegionError):
        validate(declared, {"region": "青海湖省"})


def test_cli_coercion_rejects_bad_values(declared):
    assert coerce_cli(declared, ["start_year=2012"]) == {"start_year": 2012}
    with pytest.raises(ParameterError, match="expected an integer"):
        coerce_cli(declared, ["start_year=twenty"])
    with pytest.raises(ParameterError, match="unknown parameter 'colour'"):
        coerce_cli(declared, ["colour=red"])
    with pytest.raises(ParameterError, match="NAME=VALUE"):
        coerce_cli(declared, ["start_year"])


def test_parameters_cell_must_be_simple_literals(tmp_path):
    nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]},
                     "source": "region = compute()\n"}]}
    with pytest.raises(MzError, match="default of 'region' must be a literal"):
        notebook_parameters(nb, "x.ipynb")
    with pytest.raises(MzError, match="exactly one cell tagged 'parameters'"):
        notebook_parameters({"cells": []}, "x.ipynb")


@pytest.mark.parametrize("args, message", [
    (["briefs", "--regions", "青海,Atlantis"], "Atlantis"),
    (["briefs", "--regions", "青海", "-p", "colour=red"], "unknown parameter 'colour'"),
    (["briefs", "--regions", "青海", "-p", "start_year=abc"], "expected an integer"),
    (["briefs", "--regions", "青海", "--start-year", "2020", "--end-year", "2001"],
     "start_year=2020, end_year=2001"),
    (["brief", "../etc"], "../etc"),
    (["briefs", "--regions", ","], "--regions is empty"),
    (["briefs", "--jobs", "0"], "--jobs must be at least 1"),
    (["brief", "青海", "--data-dir", ""], "data_dir='': empty"),
])
def test_cli_rejects_bad_input_before_any_kernel(tmp_path, args, message):
    out = tmp_path / "reports"
    res = run_cli(*args, "--out", str(out))
    assert res.returncode == 2, res.stderr
    assert message in res.stderr
    assert "Traceback" not in res.stderr
    assert not out.exists()  # nothing was executed or written


def test_empty_out_is_refused_not_the_current_folder(tmp_path, monkeypatch, capsys):
    from mzanalysis import cli

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exited:
        cli.main(["briefs", "--regions", "青海", "--out", ""])
    assert exited.value.code == 2
    assert "--out: empty" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing written into the current folder


def test_notebook_is_kept_free_of_outputs():
    """The notebook in git is reviewable: no outputs, no execution counts."""
    nb = read_notebook(DEFAULT_NOTEBOOK)
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)

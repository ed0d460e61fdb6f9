"""The two study notebooks run under papermill and write results.json (helper C's notebooks)."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ("standards_evolution", "coverage_drivers")
REQUIRED = ("urban_standard_share_of_consumption_2013", "rural_standard_share_of_consumption_2013",
            "recipients_2011", "recipients_2022", "line_income_elasticity_2011",
            "line_income_elasticity_2011_se", "panel_model", "cannot_estimate")


def _run(name: str, tmp_path: Path, **params) -> tuple[dict, str]:
    import papermill

    out = tmp_path / f"{name}.ipynb"
    results = tmp_path / f"{name}.json"
    papermill.execute_notebook(str(ROOT / "notebooks" / f"{name}.ipynb"), str(out),
                               parameters={"results_path": str(results), **params},
                               kernel_name="python3", cwd=str(tmp_path), progress_bar=False)
    text = "\n".join(o.get("text", "") for c in nbformat.read(out, as_version=4).cells
                     for o in c.get("outputs", []))
    return json.loads(results.read_text(encoding="utf-8")), text


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebooks_are_parameterised_and_stored_without_outputs(name):
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and "data_dir = None" in tagged[0].source
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in nb.cells if c.cell_type == "code")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "read_csv" not in code and "read_excel" not in code  # data only through loaders


def test_standards_notebook_on_embedded_data(tmp_path):
    results, text = _run("standards_evolution", tmp_path)
    assert set(REQUIRED) <= results.keys()
    assert results["recipients_2011"] / 1e6 == pytest.approx(75.8, abs=0.05)
    assert results["line_income_elasticity_2011"] > 0 and results["line_income_elasticity_2011_se"] > 0
    # 2022 recipients come from the cited NBS 2022 communiqué (683万 urban + 3349万 rural).
    assert results["recipients_2022"] == pytest.approx(40_320_000)
    # The embedded data hold no 2013 consumption: said, not guessed.
    assert results["urban_standard_share_of_consumption_2013"] is None
    assert "urban_standard_share_of_consumption_2013" in results["cannot_estimate"]
    assert results["panel_model"]["table"][0]["term"] == "ln_start"


@pytest.mark.parametrize("name", NOTEBOOKS + ("region_brief",))
def test_papermill_reads_every_parameter_without_warnings(name, caplog):
    import ast
    import logging

    import papermill

    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    source = next(c.source for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    declared = {t.id for node in ast.parse(source).body if isinstance(node, ast.Assign)
                for t in node.targets}
    with caplog.at_level(logging.WARNING, logger="papermill"):
        found = papermill.inspect_notebook(str(ROOT / "notebooks" / f"{name}.ipynb"))
    assert set(found) == declared  # no "Passed unknown parameter" for any of them
    assert not [r for r in caplog.records if "Unable to parse" in r.getMessage()]


def test_study_notebook_writes_nothing_into_the_working_folder_without_results_path(tmp_path):
    import papermill

    work = tmp_path / "cwd"
    work.mkdir()
    papermill.execute_notebook(str(ROOT / "notebooks" / "coverage_drivers.ipynb"),
                               str(tmp_path / "out.ipynb"), kernel_name="python3",
                               cwd=str(work), progress_bar=False)
    assert list(work.iterdir()) == []


def test_coverage_notebook_on_embedded_data_says_what_it_cannot_estimate(tmp_path):
    results, text = _run("coverage_drivers", tmp_path)
    assert results["panel_model"] is None
    assert "coverage_drivers" in results["cannot_estimate"]
    assert "Cannot estimate the two-way fixed-effects model of coverage" in text


def test_coverage_notebook_on_the_shared_panel_estimates_two_way_fe(tmp_path, shared):
    results, text = _run("coverage_drivers", tmp_path, data_dir=str(shared / "data"),
                         wcb_reps=99)
    model = results["panel_model"]
    assert model["n_provinces"] == 31 and len(model["years"]) >= 15
    terms = {row["term"]: row for row in model["table"]}
    assert set(terms) == {"ln_gdp_pc", "urbanisation", "ln_revenue_pc"}
    assert all(row["n"] == 31 * len(model["years"]) for row in terms.values())
    assert all(0 <= row["wcb_p_value"] <= 1 for row in terms.values())
    assert results["recipients_2022"] / 1e6 == pytest.approx(40.3, abs=0.05)
    assert abs(results["urban_standard_share_of_consumption_2013"] - 25) <= 3
    # the models side by side, exported beside the results file
    assert 0 <= model["r2_within"] <= 1
    tex = (tmp_path / "coverage_models_comparison.tex").read_text(encoding="utf-8")
    html = (tmp_path / "coverage_models_comparison.html").read_text(encoding="utf-8")
    assert "\\toprule" in tex and "ln_gdp_pc" in tex and "<table" in html

"""`mzanalysis data list | validate | reconcile` as a user runs them."""
from __future__ import annotations

import shutil

from tests.conftest import run_cli


def test_validate_passes_on_the_embedded_data():
    result = run_cli("data", "validate")
    assert result.returncode == 0, result.stderr
    assert "facts.csv: sha256 ok" in result.stdout
    assert "rows match the schema" in result.stdout


def test_validate_fails_on_a_tampered_copy(tmp_path, monkeypatch):
    from mzanalysis.datapackage import data_dir

    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    with open(copy / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write("x\n")
    monkeypatch.setenv("MZ_DATA_DIR", str(copy))
    result = run_cli("data", "validate")
    assert result.returncode == 2
    assert "sources.csv" in result.stderr and "does not match" in result.stderr
    result = run_cli("data", "validate", "--package", str(copy))
    assert result.returncode == 2


def test_validate_schema_violation_names_row_and_field(tmp_path):
    """A change that keeps the checksum consistent but breaks the schema is still caught."""
    import json

    from mzanalysis.datapackage import data_dir, sha256

    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    lines = (copy / "conflicts.csv").read_text("utf-8").splitlines(keepends=True)
    cells = lines[3].split(",")
    cells[2] = "twenty"                     # the year column
    lines[3] = ",".join(cells)
    (copy / "conflicts.csv").write_text("".join(lines), "utf-8")
    desc = json.loads((copy / "datapackage.json").read_text("utf-8"))
    for res in desc["resources"]:
        res["hash"] = "sha256:" + sha256(copy / res["path"])
        res["bytes"] = (copy / res["path"]).stat().st_size
    (copy / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False), "utf-8")
    result = run_cli("data", "validate", "--package", str(copy))
    assert result.returncode == 2
    assert "conflicts, row 4, field year" in result.stderr


def test_list_shows_files_and_coverage():
    result = run_cli("data", "list")
    assert result.returncode == 0, result.stderr
    assert "facts.csv" in result.stdout and "CC-BY-4.0" in result.stdout
    assert "dibao_recipients" in result.stdout


def test_reconcile_on_the_shared_folder(shared, tmp_path):
    out = tmp_path / "rec.csv"
    result = run_cli("data", "reconcile", "--data-dir", str(shared / "data"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    import pandas as pd

    table = pd.read_csv(out)
    sums = table[(table.check == "national_vs_provinces") & table.year.between(2011, 2022)
                 & table.reference.notna() & (table.period == table.year.astype(str))]
    assert set(sums.flag) == {"ok"}
    assert "Σ of 25/31 provinces; 13.8 % short of national" in result.stdout
    assert "expenditure_vs_benefit" in result.stdout


def test_reconcile_reported_facts(tmp_path):
    from pathlib import Path

    facts = Path(__file__).parent / "fixtures" / "data" / "facts_small.csv"
    result = run_cli("data", "reconcile", "--facts", str(facts))
    assert result.returncode == 0, result.stderr
    assert "report_vs_official" in result.stdout
    assert "no_reference" in result.stdout

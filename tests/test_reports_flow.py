"""A user's own reports into the fact table: extract → load_facts, metadata, raises in force."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from mzanalysis import indicators as ind
from mzanalysis.errors import DataError
from mzanalysis.loaders import load_facts
from mzanalysis.loaders.reports import extract_reports
from mzanalysis.text.extract import extract_records

from .conftest import run_cli

REPORT = ("德令哈市民政局2022年工作总结\n"
          "城市低保标准由650元提高到每人每月680元,农村低保标准提高到每人每年5400元。\n"
          "全年发放高龄津贴8000余万元。\n"
          "二、主要成效\n城市低保标准提高到每人每月680元。\n")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_extract_output_loads_back_with_flags(tmp_path, fmt):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="gb18030")
    target = tmp_path / f"facts.{fmt}"
    out = run_cli("extract", str(report), "--format", fmt, "-o", str(target))
    assert out.returncode == 0, out.stderr
    facts = load_facts(target)
    got = {(r.indicator, r.area, r.value, r.qualifier, tuple(r.flags)) for r in facts.itertuples()}
    assert ("dibao_standard", "urban", 680.0, "new", ()) in got
    assert ("dibao_standard", "urban", 650.0, "old", ()) in got
    assert any("approximate" in f for *_, f in got)
    assert set(facts["region"]) == {"德令哈市"} and set(facts["year"]) == {2022}
    assert set(facts["level"]) == {"county"} and set(facts["period"]) == {"2022"}
    # 680 is stated twice: one fact whose source_ref lists both spans
    urban = facts[(facts["value"] == 680.0)]
    assert len(urban) == 1 and urban["source_ref"].iloc[0].count("-") == 2


def test_csv_on_stdout_round_trips(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = run_cli("extract", str(report), "--format", "csv")
    (tmp_path / "f.csv").write_text(out.stdout, encoding="utf-8")
    assert len(load_facts(tmp_path / "f.csv")) == len(out.stdout.splitlines()) - 1


def test_unplaced_facts_name_the_line_and_the_fix(tmp_path):
    report = tmp_path / "anon.txt"
    report.write_text("XX县202X年工作总结\n城市低保标准提高到每人每月680元。\n", encoding="utf-8")
    target = tmp_path / "f.csv"
    assert run_cli("extract", str(report), "--format", "csv", "-o", str(target)).returncode == 0
    with pytest.raises(DataError, match=r"line 2, column region_code: empty .*--region"):
        load_facts(target)
    out = run_cli("extract", str(report), "--region", "同德县", "--year", "2020", "--format",
                  "csv", "-o", str(target))
    assert out.returncode == 0
    assert load_facts(target)["region_code"].tolist() == ["632522"]


def test_metadata_csv_places_each_file_and_names_bad_rows(tmp_path):
    (tmp_path / "a.txt").write_text("工作总结\n城市低保标准提高到每人每月680元。\n", encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,region,year\na.txt,同德县,2020\n", encoding="utf-8")
    facts, errors = extract_reports([tmp_path / "a.txt"], metadata=meta)
    assert not errors and facts["region_code"].tolist() == ["632522"]
    assert facts["year"].tolist() == [2020]
    meta.write_text("file,region,year\na.txt,同德县,2020\nb.txt,同德县,2020\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"meta.csv, line 3: file 'b.txt' does not exist"):
        extract_reports([tmp_path / "a.txt"], metadata=meta)
    meta.write_text("file,region,year\na.txt,不存在县,2020\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"meta.csv, line 2: region '不存在县'"):
        extract_reports([tmp_path / "a.txt"], metadata=meta)
    out = run_cli("extract", str(tmp_path / "a.txt"), "--metadata", str(meta))
    assert out.returncode != 0 and "line 2" in out.stderr and "Traceback" not in out.stderr


def _frame(rows):
    base = {"region_code": "150600", "region": "鄂尔多斯市", "level": "prefecture",
            "indicator": "dibao_standard", "variant": None, "unit": "yuan_per_person_month",
            "flags": [], "source": "doc", "source_ref": "chars"}
    return pd.DataFrame([{**base, "year": y, "period": str(y), "area": a, "value": v,
                          "qualifier": q} for y, a, v, q in rows])


def test_select_reads_a_raise_as_the_level_in_force():
    facts = _frame([(2023, "urban", 900.0, "old"), (2023, "urban", 950.0, "new"),
                    (2023, "rural", 650.0, "old"), (2023, "rural", 720.0, "new")])
    for dup in ("error", "first"):
        got = ind.select(facts, "dibao_standard", on_duplicate=dup)
        assert got.set_index(["year", "area"])["value"].to_dict() == {
            (2022, "rural"): 650.0, (2022, "urban"): 900.0,
            (2023, "rural"): 720.0, (2023, "urban"): 950.0}
    # a year's own figure beats the old value of next year's raise
    facts = _frame([(2022, "urban", 880.0, None), (2023, "urban", 900.0, "old"),
                    (2023, "urban", 950.0, "new")])
    got = ind.select(facts, "dibao_standard")
    assert got.set_index("year")["value"].to_dict() == {2022: 880.0, 2023: 950.0}


def test_preferred_row_of_a_key_is_never_the_old_value():
    from mzanalysis.provenance import choose_preferred

    facts = _frame([(2023, "urban", 900.0, "old"), (2023, "urban", 950.0, "new")])
    facts = facts.assign(step=1.0, source_rank=0, date_mismatch=False, breadth=1, order=[0, 1])
    chosen = choose_preferred(facts)
    assert chosen.loc[chosen["preferred"], "value"].tolist() == [950.0]


def test_ordos_seed_2023_levels_in_force(shared):
    text = (shared / "seeds" / "004_b7599a5000b567df.txt").read_text(encoding="utf-8")
    facts = pd.DataFrame(extract_records(text, "004"))
    got = ind.select(facts, "dibao_standard", years=[2023], on_duplicate="first")
    assert got.set_index("area")["value"].to_dict() == {"urban": 950.0, "rural": 720.0}


def test_stitched_page_gives_parts_their_own_region_or_none(shared):
    from mzanalysis.loaders.reports import read_report

    doc = read_report(shared / "seeds" / "001_6cccd2120bff374c.txt")
    rows = extract_records(doc.text, doc.name)
    county = [r for r in rows if r["span_start"] > 4587]
    assert county and all(r["region"] is None and "region_unknown" in r["flags"]
                          for r in county)
    # the province's own figures (2010 standards, first part) keep its region
    assert {r["region"] for r in rows if r["span_start"] < 4587} == {"黑龙江省"}
    # no figure of one report is emitted twice
    keys = [(r["indicator"], r["area"], r["variant"], r["value"], r["qualifier"], r["region"])
            for r in rows]
    assert len(keys) == len(set(keys))

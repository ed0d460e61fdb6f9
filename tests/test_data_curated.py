"""The embedded curated data: preferred values, conflicts kept visible, integrity, rebuild."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from mzanalysis.errors import DataError
from mzanalysis.loaders import load_curated
from mzanalysis.loaders.curated import conflicts, sources
from mzanalysis.schema import INDICATORS, UNITS

KEY = ["region_code", "year", "period", "indicator", "area", "variant"]


def national(frame, indicator, area, year):
    rows = frame[(frame.region_code == "000000") & (frame.indicator == indicator)
                 & (frame.area == area) & (frame.year == year) & frame.variant.isna()]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_one_preferred_row_per_key_in_vocabulary():
    facts = load_curated()
    assert not facts.duplicated(KEY).any()
    assert set(facts.indicator) <= set(INDICATORS)
    assert set(facts.unit) <= set(UNITS)
    assert facts.preferred.all()
    assert set(facts.level) == {"national", "province"}
    assert facts[facts.level == "province"].region_code.nunique() == 31


def test_values_are_in_base_units():
    facts = load_curated()
    # 2014 urban dibao recipients: 1877.0万人 in the MCA bulletin
    row = national(facts, "dibao_recipients", "urban", 2014)
    assert row.value == pytest.approx(18_770_000) and row.unit == "persons"
    # 2014 urban dibao spending: 721.7亿元
    assert national(facts, "dibao_expenditure", "urban", 2014).value == pytest.approx(721.7e8)
    # the rural standard switches from monthly to yearly units in 2012; the unit says which
    assert national(facts, "dibao_standard", "rural", 2011).unit == "yuan_per_person_month"
    assert national(facts, "dibao_standard", "rural", 2012).unit == "yuan_per_person_year"


@pytest.mark.parametrize("indicator,area,year,value,other", [
    # MCA bulletin 2143.5万 beats Xinhua's 21.425 million (national_series_NOTES conflict 3)
    ("dibao_recipients", "urban", 2012, 21_435_000, 21_425_000),
    # stats.gov.cn table 4305.5万 beats the NBS communiqué 4291万 and China Daily 42.84 million
    ("dibao_recipients", "rural", 2008, 43_055_000, 42_910_000),
    # end-2020 677.6 beats UrduPoint's 665, which was published before year-end
    ("dibao_standard", "urban", 2020, 677.6, 665.0),
    # Xinhua/NBS 0.9 % beats the blog list's 1.1 %
    ("cpi", "all", 2021, 100.9, 101.1),
])
def test_conflicts_resolved_by_rule_and_kept_visible(indicator, area, year, value, other):
    row = national(load_curated(), indicator, area, year)
    assert row.value == pytest.approx(value)
    assert "source_conflict" in row["flags"] and row.conflict
    listed = conflicts()
    listed = listed[(listed.indicator == indicator) & (listed.area == area)
                    & (listed.year == year) & (listed.region_code == "000000")]
    assert other in set(listed.value.round(4)) and value in set(listed.value.round(4))
    assert listed[listed.preferred].value.round(4).tolist() == [round(value, 4)]


def test_agreeing_sources_are_not_conflicts():
    # Beijing's rural standard 2015: 8,520 元/年 in the MCA table = 710 元/月 × 12 elsewhere, but
    # those are different periods; same-period duplicates that agree carry no conflict flag.
    facts = load_curated(preferred=False)
    dup = facts[facts.duplicated(KEY, keep=False) & ~facts.conflict]
    assert len(dup) > 0
    assert not dup["flags"].map(lambda f: "source_conflict" in f).any()


def test_every_source_row_is_used_or_says_why():
    src = sources()
    # every line of every cited input: national series and more, provincial facts, standards
    # pages, bulletins, the supplement; then one row per cell of the repository panels
    counts = src.groupby("dataset").size()
    assert counts[["national_series", "national_more", "provincial_facts",
                   "provincial_standards_pages", "provincial_bulletins"]].tolist() == [
        292, 116, 1016, 382, 271]
    assert counts["compilation"] > 10_000
    unused = src[~src.used]
    assert (unused.exclusion_reason.str.len() > 0).all()
    # a unified urban-rural standard gives two facts (/urban, /rural); derived figures name theirs
    fact_ids = load_curated(preferred=False).source_id.str.replace(r"/(urban|rural)$", "",
                                                                   regex=True)
    assert set(fact_ids[~fact_ids.str.startswith("derived:")]) == set(src[src.used].source_id)
    assert {"official_table", "official_repost", "compilation", "news", "blog"} == set(
        src.source_class)


def test_all_rows_option_and_cache_returns_independent_copies():
    every = load_curated(preferred=False)
    assert len(every) > len(load_curated())
    first = load_curated()
    first.loc[0, "value"] = -1
    assert load_curated().loc[0, "value"] != -1


def test_tampered_file_is_an_error(tmp_path):
    from mzanalysis.datapackage import data_dir

    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    text = (copy / "facts.csv").read_text("utf-8")
    (copy / "facts.csv").write_text(text.replace("21435000", "21435001", 1), "utf-8")
    with pytest.raises(DataError, match=r"facts\.csv.*sha256"):
        load_curated(data_dir=copy)


def test_build_script_reproduces_embedded_data(shared, tmp_path):
    """data/ is exactly what `python -m mzanalysis.curate` makes from ../shared/data.

    (seed_facts.csv follows the extractor, which improves over time; it is checked against the
    seed documents below rather than byte for byte.)"""
    import json

    from mzanalysis.curate import main
    from mzanalysis.datapackage import data_dir

    assert main([str(shared / "data"), "--out", str(tmp_path)]) == 0
    for name in ("facts.csv", "sources.csv", "conflicts.csv"):
        assert (tmp_path / name).read_bytes() == (data_dir() / name).read_bytes(), name
    built = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    embedded = json.loads((data_dir() / "datapackage.json").read_text("utf-8"))
    hashes = lambda d: {r["path"]: r["hash"] for r in d["resources"] if r["name"] != "seed_facts"}
    assert hashes(built) == hashes(embedded)
    # the descriptor itself (schemas, descriptions such as the flags a fact may carry) too,
    # all but the seed facts' size and hash
    for d in (built, embedded):
        for r in d["resources"]:
            if r["name"] == "seed_facts":
                r.pop("hash", None), r.pop("bytes", None)
    assert built == embedded


def test_seed_facts_point_at_their_spans(shared):
    from mzanalysis.loaders.curated import seed_facts
    from mzanalysis.loaders.reports import read_report

    every = seed_facts(placed_only=False)
    assert len(every) > 0
    docs = {name: read_report(shared / "seeds" / name).text for name in set(every.doc)}
    for row in every.itertuples():
        assert docs[row.doc][row.span_start:row.span_end] == row.text, row
        # a figure stated several times in one report is one fact listing every span
        assert row.source == row.doc and row.source_ref.startswith(
            f"chars {row.span_start}-{row.span_end}")
        for span in row.source_ref.removeprefix("chars ").split("; "):
            start, end = map(int, span.split("-"))
            assert docs[row.doc][start:end].strip(), row
    placed = seed_facts()
    assert len(placed) == every.placed.sum() and placed.region_code.notna().all()


def test_data_dir_order_env_then_repository_then_installed(tmp_path, monkeypatch):
    import mzanalysis.datapackage as dp

    repo = dp.data_dir()
    installed = tmp_path / "share" / "mzanalysis" / "data"
    shutil.copytree(repo, installed)
    monkeypatch.setattr(dp, "_REPO_DATA", tmp_path / "no-such-checkout" / "data")
    monkeypatch.setattr(dp, "_installed_data", lambda: installed)
    assert dp.data_dir() == installed                      # a non-editable install
    assert len(load_curated(data_dir=installed)) == len(load_curated(data_dir=repo))
    monkeypatch.setenv("MZ_DATA_DIR", str(tmp_path / "empty"))
    with pytest.raises(DataError, match="MZ_DATA_DIR"):
        dp.data_dir()
    monkeypatch.delenv("MZ_DATA_DIR")
    monkeypatch.setattr(dp, "_installed_data", lambda: tmp_path / "nothing")
    with pytest.raises(DataError, match="curated data not found"):
        dp.data_dir()


def test_a_higher_class_areas_floor_never_stands_in_for_the_provincial_floor():
    """Guangdong sets floors by class of area (一类 广州/深圳 … 四类 lowest); only the lowest
    class binds the province. The class-1 figures (650 in 2015, 1165 in 2023) keep their own
    variant, and the province's floor for those years is the class-4 one."""
    from mzanalysis import indicators as ind
    from mzanalysis.loaders import load_curated

    facts = load_curated()
    gd = ind.select(facts, "dibao_standard", regions=["440000"], area="urban", periods="annual")
    by_year = gd.set_index("year")["value"]
    assert by_year[2015] == 410 and by_year[2023] == 857
    higher = facts[(facts["region_code"] == "440000") & (facts["variant"] == "higher_class_area")]
    assert set(higher["value"]) >= {650.0, 1165.0}

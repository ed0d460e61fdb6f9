"""Real-text extraction: number misreads (D8), long sentences (D1), page artefacts, the dev set.

The dev-set test reads ../shared/devset/excerpts.jsonl and skips without it; no excerpt text is
kept in the project.
"""
from __future__ import annotations

import json
import math
import sys

import pytest

from mzanalysis.text.extract import MAX_FIGURES_PER_PIECE, extract_records
from mzanalysis.text.normalize import normalize, repair
from mzanalysis.text.numbers import find_numbers


def facts(text):
    return [(f["indicator"], f["value"], f["unit"], tuple(f["flags"])) for f in extract_records(text)]


# --- D8: a number is read as written, flagged, or not read; never silently a different number ---

def test_thin_space_thousands_separator_is_read_whole():
    text = "城市低保标准每人每月1\u2009350元。"
    (f,) = extract_records(text)
    assert f["value"] == 1350 and text[f["span_start"]:f["span_end"]].endswith("1\u2009350元")


def test_minus_sign_is_kept_and_flagged():
    assert facts("全省城乡低保对象共-500人。") == [
        ("dibao_recipients", -500.0, "persons", ("implausible_value",))]
    # a range dash after a digit is not a sign
    assert [(n.value, n.value_high) for n in find_numbers("100-200元")] == [(100.0, 200.0)]


@pytest.mark.parametrize("text", ["城市低保标准每人每月1e3元。", "全省城乡低保对象共1,000,00人。",
                                  "全省城乡低保对象共12,34人。", "城乡低保对象1,,000人。"])
def test_unreadable_number_forms_give_no_fact(text):
    assert facts(text) == []


def test_absurd_magnitudes_are_flagged():
    (f,) = facts("发放城乡低保资金1" + "0" * 30 + "元。")
    assert f[1] == 1e30 and "implausible_value" in f[3]
    (g,) = facts("全省城乡低保对象共9999999999999999人。")
    assert "implausible_value" in g[3]


def test_values_beyond_float_give_no_fact_and_output_stays_json():
    records = extract_records("发放城乡低保资金1" + "0" * 309 + "元。城市低保标准每人每月600元。")
    line = json.dumps(records, allow_nan=False)  # raises on Infinity / NaN
    assert [r["value"] for r in json.loads(line)] == [600.0]
    assert all(math.isfinite(r["value"]) for r in records)


def test_financial_numerals_are_read():
    assert facts("城市低保标准每人每月壹仟叁佰伍拾元。") == [
        ("dibao_standard", 1350.0, "yuan_per_person_month", ())]


# --- D1: a sentence with thousands of figures is read in bounded pieces -------------------------

@pytest.mark.parametrize("item", ["1人、", "每人每月100元、", "100-200元至", "由100元提高到"])
def test_long_lists_of_figures_finish(item):
    text = "低保对象" + item * 8000 + "。"
    out = extract_records(text)
    # the programme word is only at the start: facts come from the first piece only
    assert len(out) <= MAX_FIGURES_PER_PIECE
    assert all(text[r["span_start"]:r["span_end"]] == r["text"] for r in out)


# --- page artefacts: converter pinyin, figures broken over lines; spans stay in the original ----

def test_converter_pinyin_is_ignored_and_spans_point_into_the_original():
    text = "城市低保標(biāo)準(zhǔn)由每人每月320元提高到330元。"
    norm = normalize(text)
    assert "(biāo)" not in norm.text and "标准" in norm.text
    out = extract_records(text)
    assert [(r["value"], r["qualifier"]) for r in out] == [(320.0, "old"), (330.0, "new")]
    for r in out:
        assert text[r["span_start"]:r["span_end"]] == r["text"] and r["text"].endswith("元")


def test_figure_broken_from_its_unit_by_a_line_break():
    text = "城市低保发放保障金1389\n万元。"
    (r,) = extract_records(text)
    assert r["value"] == 13890000 and r["text"].endswith("1389\n万元")


def test_flattened_table_rows_are_read():
    text = ("| A 城市低保人数 | 人 | 431,185 |\n| B 城市低保户数 | 户 | 274,856 |\n"
            "城市居民最低生活保障人数\n|\n万人\n|\n2335.3\n|\n"
            "| 类别 | 当月保障的户数(户) | 累计支出(万元) |\n| 农村低保 | 69117 | 14668.41 |\n")
    got = sorted((r["indicator"], r["area"], r["value"]) for r in extract_records(text))
    assert got == [("dibao_expenditure", "rural", 146684100.0),
                   ("dibao_households", "rural", 69117.0),
                   ("dibao_households", "urban", 274856.0),
                   ("dibao_recipients", "urban", 431185.0),
                   ("dibao_recipients", "urban", 23353000.0)]
    for r in extract_records(text):
        assert text[r["span_start"]:r["span_end"]] == r["text"]


@pytest.mark.parametrize("text", ["城市低保标准每人每月5\ufffd0元。", "城市低保标准每人每月**0元。",
                                  "城市低保标准每人每月6**元。", "城市低保标准每人每月5,0**元。"])
def test_damaged_or_masked_figures_give_no_fact(text):
    assert facts(text) == []


def test_masked_year_is_not_a_figure():
    assert [n.value for n in find_numbers("20xx年城市低保标准每人每月500元")] == [500.0]


def test_spam_injected_mid_sentence_is_cut_out():
    text = "城市低保标准不低《澳洲幸运5开奖结果查询官网》于每人每月500元。"
    (r,) = extract_records(text)
    assert r["value"] == 500 and text[r["span_start"]:r["span_end"]] == r["text"]
    assert "开奖" not in normalize(text).text
    # a bracketed title that is no spam stays
    assert "《社会救助暂行办法》" in normalize("按照《社会救助暂行办法》执行。").text


def test_person_times_are_not_a_caseload():
    assert facts("2020年城市低保累计保障7.54万人次,发放保障金3854万元。") == [
        ("dibao_expenditure", 38540000.0, "yuan", ())]


def test_junk_page_does_not_crash():
    junk = ("低保标准元人户万亿,。、0123456789城乡提高到由分别其中|\n()abc" * 2000)
    extract_records(junk)


# --- the real-text dev set ----------------------------------------------------------------------

def _benchmark(name: str):
    """The module ``benchmarks/<name>.py`` (benchmarks are scripts, not a package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{name}_bench", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def devset_scores(shared):
    path = shared / "devset" / "excerpts.jsonl"
    if not path.is_file() or not (shared / "tools" / "score_facts.py").is_file():
        pytest.skip("dev set or scorer not in ../shared")
    bench = _benchmark("devset")
    sf = bench.load_scorer(shared)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    out = {}
    for part in ("dev", "held"):
        sub = [r for r in rows if bench.part_of(r["id"]) == part]
        out[part] = bench.score(sub, bench.predict(sub), sf)
    return out


def test_split_rule_is_id_parity():
    bench = _benchmark("devset")
    assert bench.part_of("dA002") == "dev" and bench.part_of("dB017") == "held"


def test_dev_part_score(devset_scores):
    s = devset_scores["dev"]
    assert s["f1"] >= DEV_MIN_F1, s["f1"]


def test_held_part_score(devset_scores):
    # only aggregate numbers of the held part are looked at (see benchmarks/devset.py)
    s = devset_scores["held"]
    assert s["f1"] >= HELD_MIN_F1 and s["precision"] >= HELD_MIN_PRECISION, (s["f1"], s["precision"])


#: What the extractor reached, asserted so that a regression fails. Measured (benchmarks/devset.py):
#: dev part F1 0.976 (precision 0.985, recall 0.967); held part F1 0.881, precision 0.937, recall
#: 0.830 — only its aggregates were ever looked at (history: baseline 0.519, rounds 0.691, 0.758,
#: 0.797, 0.851, 0.854 with the rules alone, 0.874 with the learned reader, 0.881 with the rules
#: of the next round and the reader refitted on 949 pages labelled outside the dev set, never on
#: the held part). The issue's targets: dev part 0.92, held part 0.88.
DEV_MIN_F1 = 0.97
HELD_MIN_F1 = 0.88
HELD_MIN_PRECISION = 0.93


def test_table_copied_one_cell_per_line_with_a_table_level_unit():
    lines = ["农村低保标准表(各省) |", "金额单位:元/年 |", "区划 |", "地区 |", "平均低保标准 |",
             "区县数量 |", "|", "11 |", "北京市 |", "8,520.00 |", "13 |", "12 |", "天津市 |",
             "6,926.25 |", "16 |", "13 |", "河北省 |", "2,589.20 |", "188 |"]
    text = "\n".join(lines) + "\n"
    got = [(r["indicator"], r["area"], r["value"], r["unit"]) for r in extract_records(text)]
    assert got == [("dibao_standard", "rural", v, "yuan_per_person_year")
                   for v in (8520.0, 6926.25, 2589.2)]
    for r in extract_records(text):
        assert text[r["span_start"]:r["span_end"]] == r["text"] and r["text"].startswith(("北", "天", "河"))


# --- sentence shapes of Chinese reporting ---------------------------------------------------------

def shape(text):
    return [(r["indicator"], r["area"], r["value"], r["unit"], r["qualifier"])
            for r in extract_records(text)]


M = "yuan_per_person_month"


def test_raise_between_floors():
    assert shape("城市低保标准由不低于440元/月提高到不低于500元/月。") == [
        ("dibao_standard", "urban", 440.0, M, "old"), ("dibao_standard", "urban", 500.0, M, "new")]


def test_raise_with_bracketed_equivalents_and_current_wording():
    got = shape("城市居民最低生活保障标准,由现行的6480元/年(即540元/月),统一提高至7200元/年(即600元/月)。")
    assert [(v, q) for _, _, v, _, q in got] == [(6480.0, "old"), (540.0, "old"), (7200.0, "new"),
                                                 (600.0, "new")]


def test_label_line_heads_the_line_below():
    assert shape("城市低保标准\n提高至每人每月 690元 ,财政月人均补差水平不得低于483元。") == [
        ("dibao_standard", "urban", 690.0, M, "new")]


def test_age_bands_are_tiers_of_the_old_age_allowance():
    got = shape("65-69岁老年人,每月领取75元津贴;70-79岁老人,每月领取150元津贴。")
    assert [(i, v) for i, _, v, _, _ in got] == [("elderly_allowance", 75.0), ("elderly_allowance", 150.0)]
    assert shape("为600名80周岁以上老人免费体检。") == []


def test_payment_levels_thresholds_and_grand_totals_are_not_facts():
    assert shape("城市特困供养补助水平达到月人均1514元。") == []
    assert shape("低收入家庭认定标准为城市低保标准的1.5倍,即每人每月900元。") == []
    assert shape("一季度全区共发放城乡低保、特困人员救助补助资金26.4亿元。") == []
    assert shape("下拨城乡医疗救助资金8768万元。") == []


@pytest.mark.parametrize("junk", ["|" + " " * 200000 + "|\n", "城市低保标准(" + "ā" * 200000 + ")",
                                  "《" + "开奖" * 100000, "低保标准" + "1," * 100000 + "人",
                                  "1" + "\n" * 100000 + "元"])
def test_pathological_runs_finish_without_facts(junk):
    # each regex is linear; a quadratic one would take minutes on these 200 KB runs
    assert extract_records(junk) == []


def test_standards_listed_per_county_under_one_programme_word():
    # the county heads each item of the list; the programme word before the colon governs them all
    assert shape("城市低保标准:武城县810元/月、平原县800元/月;农村低保标准:武城县610元/月。") == [
        ("dibao_standard", "urban", 810.0, M, None), ("dibao_standard", "urban", 800.0, M, None),
        ("dibao_standard", "rural", 610.0, M, None)]
    assert [v for _, _, v, _, _ in shape("全市城市低保标准为每人每月900元,其中武城县为每人每月850元。")] \
        == [900.0, 850.0]
    # a longer run of words ending in 市 is no place item: the relief fund still breaks the subject
    assert [i for i, *_ in shape("城市低保标准每人每月600元,临时救助资金发放全市300万元。")] == [
        "dibao_standard", "temporary_assistance_expenditure"]


def test_line_break_between_a_cue_and_its_figure():
    assert shape("城乡低保标准分别提高到每人每月\n620元和每人每年5000元。") == [
        ("dibao_standard", "urban", 620.0, M, "new"),
        ("dibao_standard", "rural", 5000.0, "yuan_per_person_year", "new")]
    assert shape("城市低保标准为\n580元/月。") == [("dibao_standard", "urban", 580.0, M, None)]


def test_fixed_width_wrap_breaks_figures_and_words_anywhere():
    para = ("今年以来，我县进一步提高城乡低保标准，城市低保标准由每人每月480元提高到520元，农村低保标准由每人"
            "每年3600元提高到4000元，全县共有城乡低保对象12345人。")
    wrapped = "\n".join(para[i:i + 16] for i in range(0, len(para), 16))
    assert "48\n0元" in wrapped and "3\n45人" in wrapped  # the wrap cuts figures anywhere
    assert shape(wrapped) == shape(para) and len(shape(para)) == 5
    got = extract_records(wrapped)
    assert [wrapped[f["span_start"]:f["span_end"]].replace("\n", "")[-4:] for f in got][:1] == \
        ["480元"]
    # lines of different lengths (a list, a table one cell per line) are not joined

    lines = "城市低保标准\n每人每月600元\n农村低保对象\n1200人\n"
    assert repair(normalize(lines)).text == lines


def test_multiplier_spaced_from_its_figure():
    assert shape("全县城乡低保对象1.2 万人,发放低保金4 787.5 万元。") == [
        ("dibao_recipients", "all", 12000.0, "persons", None),
        ("dibao_expenditure", "all", 47875000.0, "yuan", None)]


def test_clause_per_line_is_one_sentence():
    one = "全县城乡低保对象共12345人,其中城市低保对象3456人,农村低保对象8889人。"
    assert shape(one.replace(",", ",\n")) == shape(one) and len(shape(one)) == 3
    # a line ending in a full stop or a table row is still a boundary
    assert repair(normalize("低保对象12345人。\n| 城市 | 3456 |\n")).text == "低保对象12345人。\n| 城市 | 3456 |\n"


def test_table_cells_holding_their_own_units_and_tab_separated_rows():
    assert shape("| 项目 | 标准 |\n| 城市低保 | 600元/人·月 |\n| 农村低保 | 5000元/人·年 |\n") == [
        ("dibao_standard", "urban", 600.0, M, None),
        ("dibao_standard", "rural", 5000.0, "yuan_per_person_year", None)]
    # a label naming its unit, one value per year column, cells separated by tabs
    got = shape("项目\t2019年\t2020年\n城市低保标准(元/月)\t600\t650\n")
    assert got == [("dibao_standard", "urban", 600.0, M, None), ("dibao_standard", "urban", 650.0, M, None)]
    # a row the sentence rules read already is one fact, not two
    assert shape("城市低保标准\t600元/人·月\n") == [("dibao_standard", "urban", 600.0, M, None)]
    table = "| 类别 | 人数(人) |\n| 城市低保 | 7441 |\n"
    (f,) = extract_records(table)
    assert table[f["span_start"]:f["span_end"]] == "城市低保 | 7441"


def test_raise_verb_split_from_its_to_by_the_object():
    assert shape("上调城市低保标准至每人每月800元。") == [("dibao_standard", "urban", 800.0, M, "new")]
    assert shape("城市低保标准由每人每月500元上调至550元。") == [
        ("dibao_standard", "urban", 500.0, M, "old"), ("dibao_standard", "urban", 550.0, M, "new")]


def test_caseload_under_a_programme_heading():
    assert shape("二、城乡低保\n全县共保障4567户8901人,累计发放保障金3456万元。") == [
        ("dibao_households", "all", 4567.0, "households", None),
        ("dibao_recipients", "all", 8901.0, "persons", None),
        ("dibao_expenditure", "all", 34560000.0, "yuan", None)]
    # a headcount below the heading that the clause does not call a caseload is not one
    assert shape("二、城乡低保\n全县举办培训班3期,参训120人。") == []


def test_converter_pinyin_cut_by_a_fixed_width_wrap():
    para = ("城市低保標(biāo)準(zhǔn)由每人每月320元提高到330元;農(nóng)村低保標(biāo)準(zhǔn)由每人每年"
            "1800元提高到1980元。全市在冊(cè)五保供養(yǎng)對(duì)象4523人。")
    wrapped = "\n".join(para[i:i + 24] for i in range(0, len(para), 24))
    assert "(b\niāo)" in wrapped  # the wrap cuts a converter's bracket
    assert shape(wrapped) == shape(para) and len(shape(para)) == 5


# --- the learned reader's benchmark (benchmarks/learned_reader.py) --------------------------------

def test_learned_reader_benchmark_labels_the_package_candidates_by_gold():
    # the benchmark trains on the package's own candidates (every amount, emitted or not),
    # labelled by the gold fact with the same value and unit
    bench = _benchmark("learned_reader")
    row = {"id": "t1", "text": "全县城市低保标准提高到每人每月650元。全年共支出救助资金120万元。"
                               "二是提标。农村每人每月由300元调至350元。",
           "facts": [{"indicator": "dibao_standard", "area": "rural", "value": 350,
                      "unit": "yuan_per_person_month", "qualifier": None}]}
    preds, cands = bench.candidates(row)
    by_value = {c["value"]: c for c in cands}
    assert 650.0 in [p["value"] for p in preds]  # the rules read the first sentence
    assert set(by_value) == {650.0, 300.0, 350.0}  # per-person amounts only: no total
    assert by_value[650.0]["emitted"] and by_value[650.0]["unit"] == "yuan_per_person_month"
    assert by_value[650.0]["label"] == "none"  # no gold fact has that figure
    left = by_value[350.0]
    assert not left["emitted"] and left["unit"] == "yuan_per_person_month"
    assert (left["label"], left["area"], left["old"]) == ("dibao_standard", "rural", False)
    assert any(f.startswith("nearest_word:") for f in left["features"])

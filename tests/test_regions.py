"""The region registry: every name a report or a data file uses resolves to one GB/T 2260 code."""
import pytest

from mzanalysis.errors import RegionError
from mzanalysis.regions import provinces, regions, resolve


@pytest.mark.parametrize("name, code", [
    ("青海", "630000"), ("青海省", "630000"), ("Qinghai", "630000"), ("qinghai", "630000"),
    ("内蒙古", "150000"), ("Inner Mongolia", "150000"), ("Innermongolia", "150000"),
    ("广西", "450000"), ("广西壮族自治区", "450000"), ("Tibet", "540000"), ("Xizang", "540000"),
    ("全国", "000000"), ("China", "000000"), ("630000", "630000"),
    # regions the seed reports name
    ("海西蒙古族藏族自治州", "632800"), ("海西州", "632800"), ("同德县", "632522"),
    ("鄂尔多斯市", "150600"), ("鄂尔多斯", "150600"),
    # a short name shared by a province and a prefecture means the province
    ("吉林", "220000"), ("海南", "460000"), ("吉林市", "220200"),
    # county-level units under direct provincial administration
    ("仙桃市", "429004"), ("石河子市", "659001"),
    # autonomous counties shorten to their place name
    ("互助", "630223"), ("石柱土家族自治县", "500240"),
])
def test_resolve_known_names(name, code):
    assert resolve(name).code == code


def test_province_list_is_complete_and_ordered():
    provs = provinces()
    assert len(provs) == 31
    assert provs[0].name == "北京市" and provs[-1].name == "新疆维吾尔自治区"
    assert len({p.short_name for p in provs}) == 31


def test_prefectures_and_counties_have_parents_in_the_registry():
    counties = regions("county")
    assert len(counties) > 2800
    for county in counties:
        parent = resolve(county.parent_code)
        assert parent.level in ("prefecture", "province"), county


def test_parent_filter():
    assert [r.code for r in regions("prefecture", parent="青海")][:2] == ["630100", "630200"]
    assert {r.code for r in regions("county", parent="海南藏族自治州")} >= {"632522"}


def test_ambiguous_name_needs_parent_and_lists_candidates():
    with pytest.raises(RegionError, match="ambiguous.*110105.*220104"):
        resolve("朝阳区")
    assert resolve("朝阳区", parent="北京").code == "110105"
    assert resolve("朝阳区", parent="长春市").code == "220104"


@pytest.mark.parametrize("bad, message", [
    ("", "empty region name"), ("   ", "empty region name"), ("../etc", "unknown region"),
    ("999999", "unknown region code"), ("Atlantis", "unknown region"),
])
def test_bad_names_raise_clear_errors(bad, message):
    with pytest.raises(RegionError, match=message):
        resolve(bad)


def test_unknown_name_suggests_close_matches():
    with pytest.raises(RegionError, match="closest matches: 青海省"):
        resolve("青海生")


def test_unknown_level():
    with pytest.raises(RegionError, match="unknown level 'city'"):
        regions("city")


@pytest.mark.parametrize("name, code", [
    ("Ordos", "150600"), ("Hohhot", "150100"), ("Haixi", "632800"), ("Urumqi", "650100"),
    ("Lhasa", "540100"), ("Xilingol", "152500"), ("Kashgar", "653100"), ("Garzê", "513300"),
    ("Tongde", "632522"), ("Eerduosi", "150600"), ("Yanbian", "222400"),
    # a province still wins a short English name it shares with a prefecture
    ("Hainan", "460000"), ("Hainan Prefecture", "632500"),
])
def test_conventional_english_and_short_pinyin_names(name, code):
    assert resolve(name).code == code


@pytest.mark.parametrize("name, code", [
    ("Inner Mongolia Autonomous Region", "150000"), ("Xinjiang Uyghur Autonomous Region", "650000"),
    ("Xinjiang Uyghur", "650000"), ("Guangxi Zhuang Autonomous Region", "450000"),
    ("Tibet Autonomous Region", "540000"), ("Xizang Autonomous Region", "540000"),
    ("Ningxia Hui Autonomous Region", "640000"), ("Golmud", "632801"), ("Geermu", "632801"),
])
def test_full_english_province_names_and_golmud(name, code):
    assert resolve(name).code == code


@pytest.mark.parametrize("name, english", [
    ("鄂尔多斯市", "Ordos"), ("同德县", "Tongde County"), ("海西蒙古族藏族自治州", "Haixi"),
    ("西宁市", "Xining"), ("长沙市", "Changsha"), ("锡林郭勒盟", "Xilingol"),
])
def test_english_names_are_readable_and_the_run_together_pinyin_still_resolves(name, english):
    region = resolve(name)
    assert region.english == english
    assert resolve(region.english).code == region.code

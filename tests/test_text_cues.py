"""The programme alternation's first-character prefilter finds exactly what the plain scan finds."""
from __future__ import annotations

import re

import pytest

from mzanalysis.text import cues

TEXTS = [
    "城市低保标准每人每月600元,农村五保供养标准每人每年5000元。",
    "90至94周岁老人每人每月100元;100周岁以上的老年人每人每月300元,80岁以上的老人发放高龄津贴。",
    "困难残疾人生活补贴和重度残疾人护理补贴标准均从70元提高到75元;两项补贴发放3000人次。",
    "发放临时救助资金12万元、医疗救助资金30万元、取暖补贴5万元,城市“三无”人员供养标准900元。",
    "最低生活保障对象、特困人员、孤儿、事实无人抚养儿童、流浪乞讨人员救助、教育救助。",
    "人均可支配收入3万元,农民人均纯收入1.2万元,扶贫标准2300元,总人口50万人。",
    "低保边缘家庭不是低保,低保工作人员不是低保对象;最低保障标准;低保临时补助100万元。",
    "",
    "无关的文字,没有任何项目。",
]


@pytest.mark.parametrize("text", TEXTS)
def test_prefiltered_scan_finds_what_the_plain_scan_finds(text):
    alt = cues.PROGRAMME_RE
    assert alt._first is not None  # the prefilter is in use
    plain = [(m.start(), m.end()) for m in alt._plain.finditer(text)]
    got = [(m.start(), m.end(), m.lastgroup) for m in alt.finditer(text)]
    assert [(a, b) for a, b, _ in got] == plain
    assert all(g is not None for _, _, g in got)
    first = alt.search(text)
    assert (first.start() if first else None) == (plain[0][0] if plain else None)
    # bounded scans agree too
    for pos, end in ((1, len(text) - 1), (3, 10)):
        assert [m.start() for m in alt.finditer(text, pos, end)] == \
            [m.start() for m in alt._plain.finditer(text, pos, end)]


def test_first_characters_of_a_pattern():
    assert cues._first_chars(r"(?<=岁)(?:及以上|以上)?的?老人|五保") == set("及以的老五")
    assert cues._first_chars(r"a*b") is None or cues._first_chars(r"a*b") == {"a", "b"}
    assert cues._first_chars(r".低保") is None  # any character may begin it: no prefilter
    assert cues._first_chars(r"(?:低保)?") is None  # may match the empty string
    assert re.compile("[" + "".join(sorted(cues._first_chars(r"[1-3]人|户"))) + "]").pattern

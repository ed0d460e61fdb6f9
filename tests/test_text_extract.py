"""Sentence shapes of Chinese civil-affairs reports → facts (a price-parser style table).

Each case is a short sentence written in the style of county and provincial work reports (not
copied from any report) and the facts a careful reader takes from it.

Bugs these tables caught while the rules were written:

* 提高20元 read as a level (an increase is not a standard);
* 增长5.5% earlier in a run-on sentence turned the 由1700/·人 that followed into an "increase";
* a 分别 group ran over a comma into the next 分别 clause, so four values met two items;
* 分别's items were looked for after the programme word, missing 集中、分散供养孤儿;
* (原为560元) in brackets was read as a total, not as the old monthly standard;
* 全县 counted as an area word and overrode 五保's implied rural area;
* the noun after 低保金1.5亿元、 (特困供养金) claimed the dibao total for tekun;
* 护理补贴 of the elderly was taken for the disability care subsidy;
* 低保对象中有老年人1.2万人 (a subgroup) was read as the dibao caseload;
* 达到148.6万人 marked a count as a "new" standard;
* 1.1亿 gave 110000000.00000001;
* the thousands comma of 为1,235户 was taken for a clause break, so the count lost its programme;
* 为1235户2876人发放低保金: a programme named after the counts reached only the last one;
* 每人每月发放高龄津贴100元 was dropped for want of the word 标准;
* 51.3万名重度残疾人发放两项补贴: the farthest variant cue (两项) beat the nearest (重度残疾人);
* 不低于当地低保标准的1.3倍 made the 特困 standards that followed dibao standards;
* (原为6600元) lost the 分散 variant of the standard it belongs to;
* 农村低保对象6,543人、特困供养人员1,234人 gave the 特困 count the dibao item's 农村;
* 每人每年600元至1200元 (the unit written inside the range) was read as two amounts;
* 调高至780元 and 从2021年1月起调整为 named another subject between programme and figure;
* a 其中住院救助…、门诊救助… breakdown cut the 支出资金 after it off from 医疗救助;
* 由年初的6,820人减少到年底的6,312人 lost the year-end caseload;
* (原650元) without 为 was not read as the old standard;
* 老年人3,256人,全部按时足额发放高龄津贴: the programme in the next clause was not seen;
* an excerpt line opening with 联系电话:… was dropped whole as page chrome;
* 百岁以上每人每年3600元 and 救助金额1,263万元 named "another subject" (百岁, 金额).
"""
from __future__ import annotations

import pytest

from mzanalysis.text.extract import extract_facts

M, Y = "yuan_per_person_month", "yuan_per_person_year"
P, H, YUAN = "persons", "households", "yuan"


def F(indicator, area, value, unit, variant=None, qualifier=None, flags=(), high=None):
    return (indicator, area, variant, float(value), None if high is None else float(high), unit,
            qualifier, tuple(sorted(flags)))


def facts_of(text):
    """Facts as tuples, without the other_assistance_expenditure roll-up rows (tested apart)."""
    df = extract_facts(text, doc="t")
    df = df[df.indicator != "other_assistance_expenditure"]
    return sorted(((r.indicator, r.area, r.variant if isinstance(r.variant, str) else None,
                   float(r.value), None if r.value_high != r.value_high else float(r.value_high),
                   r.unit, r.qualifier if isinstance(r.qualifier, str) else None,
                   tuple(sorted(r.flags))) for r in df.itertuples()), key=repr)


# Standards: period cues before and after the figure, raises, pairs and lists.
STANDARDS = [
    ("城市低保标准提高到每人每月680元。", [F("dibao_standard", "urban", 680, M, qualifier="new")]),
    ("农村低保标准为每人每年5200元。", [F("dibao_standard", "rural", 5200, Y)]),
    ("全县农村低保标准提高到年人均4800元。", [F("dibao_standard", "rural", 4800, Y, qualifier="new")]),
    ("城乡低保标准分别达到每人每月720元和每人每年6600元。",
     [F("dibao_standard", "urban", 720, M, qualifier="new"),
      F("dibao_standard", "rural", 6600, Y, qualifier="new")]),
    ("城乡低保标准分别提高到月人均610元和年人均4 950元。",
     [F("dibao_standard", "urban", 610, M, qualifier="new"),
      F("dibao_standard", "rural", 4950, Y, qualifier="new")]),
    ("城市居民最低生活保障标准由每人每月560元提高到每人每月600元。",
     [F("dibao_standard", "urban", 560, M, qualifier="old"),
      F("dibao_standard", "urban", 600, M, qualifier="new")]),
    ("农村低保标准由年人均3600元提高至年人均4000元,提高400元。",
     [F("dibao_standard", "rural", 3600, Y, qualifier="old"),
      F("dibao_standard", "rural", 4000, Y, qualifier="new")]),
    ("城市低保标准调整为每月650元(原为600元、上调50元)。",
     [F("dibao_standard", "urban", 650, M, qualifier="new"),
      F("dibao_standard", "urban", 600, M, qualifier="old")]),
    ("城镇低保标准为780元/人·月,农村低保标准为6240元/人·年。",
     [F("dibao_standard", "urban", 780, M), F("dibao_standard", "rural", 6240, Y)]),
    ("城市低保标准为720元/月·人,农村低保标准为5400元/年·人。",
     [F("dibao_standard", "urban", 720, M), F("dibao_standard", "rural", 5400, Y)]),
    ("城乡低保标准分别由700元/月·人、520元/月·人提高至740元/月·人、560元/月·人。",
     [F("dibao_standard", "urban", 700, M, qualifier="old"),
      F("dibao_standard", "rural", 520, M, qualifier="old"),
      F("dibao_standard", "urban", 740, M, qualifier="new"),
      F("dibao_standard", "rural", 560, M, qualifier="new")]),
    # the rural unit lost its period: inferred from its urban pair and flagged
    ("城乡低保标准分别提高至800元/月·人、600元/·人。",
     [F("dibao_standard", "urban", 800, M, qualifier="new"),
      F("dibao_standard", "rural", 600, M, qualifier="new", flags=["unit_missing"])]),
    # no 元 and no period at all
    ("城乡特困人员基本生活标准分别提高至1300/·人、1000/·人。",
     [F("tekun_standard", "urban", 1300, M, qualifier="new", flags=["unit_missing"]),
      F("tekun_standard", "rural", 1000, M, qualifier="new", flags=["unit_missing"])]),
    # a "monthly" rural standard seven times the urban one is per year
    ("城市低保标准达到每人每月500元,农村低保标准达到每人每月3500元。",
     [F("dibao_standard", "urban", 500, M, qualifier="new"),
      F("dibao_standard", "rural", 3500, Y, qualifier="new", flags=["unit_conflict"])]),
    ("高龄津贴标准每人每月提高10元、达到100-200元。",
     [F("elderly_allowance", "all", 100, M, qualifier="new", high=200)]),
    ("80周岁以上老年人高龄补贴标准为每人每月50至300元。",
     [F("elderly_allowance", "all", 50, M, high=300)]),
    ("特困人员集中供养标准为8400元/年/人,分散供养标准为6000元/年/人。",
     [F("tekun_standard", "all", 8400, Y, variant="concentrated"),
      F("tekun_standard", "all", 6000, Y, variant="dispersed")]),
    ("将孤儿基本生活保障标准分别提高到机构养育每人每月1600元和社会散居每人每月1200元。",
     [F("orphan_standard", "all", 1600, M, variant="institutional", qualifier="new"),
      F("orphan_standard", "all", 1200, M, variant="dispersed", qualifier="new")]),
    ("集中、分散供养孤儿基本生活保障标准分别提高至1800、1400元/人·月。",
     [F("orphan_standard", "all", 1800, M, variant="institutional", qualifier="new"),
      F("orphan_standard", "all", 1400, M, variant="dispersed", qualifier="new")]),
    ("困难残疾人生活补贴标准90元/人/月,重度残疾人护理补贴标准100元/人/月。",
     [F("disability_subsidy", "all", 90, M, variant="living"),
      F("disability_subsidy", "all", 100, M, variant="care")]),
    ("月人均补助水平达到420元。", []),  # no programme named
    ("城市低保月人均补助水平达到420元,农村低保年人均补助2600元。",
     [F("dibao_avg_benefit", "urban", 420, M, qualifier="new"),
      F("dibao_avg_benefit", "rural", 2600, Y)]),
]

# Counts and totals: programme nouns before and after the figure, 万/亿, generic populations.
COUNTS = [
    ("全县共有城乡低保对象3216户5874人。",
     [F("dibao_households", "all", 3216, H), F("dibao_recipients", "all", 5874, P)]),
    ("农村低保2105户4630人,城市低保388户702人。",
     [F("dibao_households", "rural", 2105, H), F("dibao_recipients", "rural", 4630, P),
      F("dibao_households", "urban", 388, H), F("dibao_recipients", "urban", 702, P)]),
    ("全省城乡低保对象42.6万人(其中城市低保9.8万人,农村低保32.8万人)。",
     [F("dibao_recipients", "all", 426000, P), F("dibao_recipients", "urban", 98000, P),
      F("dibao_recipients", "rural", 328000, P)]),
    ("累计发放城乡低保金3,256.8万元。", [F("dibao_expenditure", "all", 32568000, YUAN)]),
    ("我县共有农村低保1320户2980人,发放低保金1208.6万元。",
     [F("dibao_households", "rural", 1320, H), F("dibao_recipients", "rural", 2980, P),
      F("dibao_expenditure", "rural", 12086000, YUAN)]),
    ("发放城乡最低生活保障资金2.35亿元,惠及困难群众3.1万人。",
     [F("dibao_expenditure", "all", 235000000, YUAN), F("dibao_recipients", "all", 31000, P)]),
    ("为386名特困供养对象发放供养金412.5万元。",
     [F("tekun_recipients", "all", 386, P), F("tekun_expenditure", "all", 4125000, YUAN)]),
    ("全县五保供养对象512人,其中集中供养136人,分散供养376人。",
     [F("tekun_recipients", "rural", 512, P),
      F("tekun_recipients", "rural", 136, P, variant="concentrated"),
      F("tekun_recipients", "rural", 376, P, variant="dispersed")]),
    ("孤儿46人,发放孤儿基本生活费52.3万元。",
     [F("orphan_recipients", "all", 46, P), F("orphan_expenditure", "all", 523000, YUAN)]),
    ("为1.2万名80周岁以上老人发放高龄津贴1500余万元。",
     [F("elderly_allowance_recipients", "all", 12000, P),
      F("elderly_allowance_expenditure", "all", 15000000, YUAN, flags=["approximate"])]),
    ("发放残疾人两项补贴2386万元,惠及困难残疾人8120名、重度残疾人9435名。",
     [F("disability_subsidy_expenditure", "all", 23860000, YUAN),
      F("disability_subsidy_recipients", "all", 8120, P, variant="living"),
      F("disability_subsidy_recipients", "all", 9435, P, variant="care")]),
    ("全年实施临时救助6230人次,支出临时救助资金1126万元。",
     [F("temporary_assistance_recipients", "all", 6230, P),
      F("temporary_assistance_expenditure", "all", 11260000, YUAN)]),
    # a budget transfer (下拨, 下达, 预拨) is not spending on people (labelling policy 6)
    ("下拨3800万元临时救助专项资金。", []),
    ("支出3800万元临时救助专项资金。",
     [F("temporary_assistance_expenditure", "all", 38000000, YUAN)]),
    ("全年支出医疗救助资金近一亿元。",
     [F("medical_assistance_expenditure", "all", 100000000, YUAN, flags=["approximate"])]),
    ("全县辖12个乡镇,总人口26.4万人。", [F("population", "all", 264000, P)]),
    ("现有农牧民8650户32410人。",
     [F("population_households", "all", 8650, H), F("population", "all", 32410, P)]),
    # garbled figures are kept but flagged
    ("发放临时救助资金860万元,惠及困难群众2.3人次。",
     [F("temporary_assistance_expenditure", "all", 8600000, YUAN),
      F("temporary_assistance_recipients", "all", 2.3, P, flags=["implausible_value"])]),
    ("发放困难残疾人两项补贴2100人次,发放165.5元。",
     [F("disability_subsidy_recipients", "all", 2100, P),
      F("disability_subsidy_expenditure", "all", 165.5, YUAN, flags=["implausible_value"])]),
]

# Shapes common in provincial reports, traditional characters and full-width digits.
VARIED = [
    ("城乡低保平均标准分别达到每人每月786元、每人每年7150元。",
     [F("dibao_standard", "urban", 786, M, qualifier="new"),
      F("dibao_standard", "rural", 7150, Y, qualifier="new")]),
    ("农村低保年保障标准提高到5000元。", [F("dibao_standard", "rural", 5000, Y, qualifier="new")]),
    ("城市低保月人均保障标准达到650元。", [F("dibao_standard", "urban", 650, M, qualifier="new")]),
    ("全年累计支出低保资金4.3亿元,其中城市1.1亿元,农村3.2亿元。",
     [F("dibao_expenditure", "all", 430000000, YUAN), F("dibao_expenditure", "urban", 110000000, YUAN),
      F("dibao_expenditure", "rural", 320000000, YUAN)]),
    ("医疗救助12.3万人次,支出医疗救助资金1.8亿元。",
     [F("medical_assistance_expenditure", "all", 180000000, YUAN)]),
    ("高龄津贴发放对象2.3万人,发放资金2760万元。",
     [F("elderly_allowance_recipients", "all", 23000, P),
      F("elderly_allowance_expenditure", "all", 27600000, YUAN)]),
    ("孤儿基本生活费标准:集中供养每人每月1500元,分散供养每人每月1000元。",
     [F("orphan_standard", "all", 1500, M, variant="institutional"),
      F("orphan_standard", "all", 1000, M, variant="dispersed")]),
    ("全县农村常住居民人均可支配收入达到12500元。",
     [F("disposable_income", "rural", 12500, Y, qualifier="new")]),
    ("城鄉低保標準分別提高到每人每月700元和每人每年5000元。",
     [F("dibao_standard", "urban", 700, M, qualifier="new"),
      F("dibao_standard", "rural", 5000, Y, qualifier="new")]),
    ("城市低保標準為每人每月６８０元，農村低保標準為每人每年５，２００元。",
     [F("dibao_standard", "urban", 680, M), F("dibao_standard", "rural", 5200, Y)]),
    ("全縣共有農村低保對象２１０５戶４６３０人。",
     [F("dibao_households", "rural", 2105, H), F("dibao_recipients", "rural", 4630, P)]),
    ("發放臨時救助資金一千二百萬元。",
     [F("temporary_assistance_expenditure", "all", 12000000, YUAN)]),
    ("全年发放高龄补贴十二点五亿元。",
     [F("elderly_allowance_expenditure", "all", 1250000000, YUAN)]),
]

# Provincial-report shapes: lists with 、, several programmes in one clause, ages before nouns.
PROVINCIAL = [
    ("全省城市、农村低保平均标准分别为每人每月650元、470元。",
     [F("dibao_standard", "urban", 650, M), F("dibao_standard", "rural", 470, M)]),
    ("全年共保障城市低保对象5.3万户8.9万人,农村低保对象23.5万户45.1万人。",
     [F("dibao_households", "urban", 53000, H), F("dibao_recipients", "urban", 89000, P),
      F("dibao_households", "rural", 235000, H), F("dibao_recipients", "rural", 451000, P)]),
    ("累计支出城乡低保资金15.2亿元,其中城市低保资金4.1亿元、农村低保资金11.1亿元。",
     [F("dibao_expenditure", "all", 1520000000, YUAN),
      F("dibao_expenditure", "urban", 410000000, YUAN),
      F("dibao_expenditure", "rural", 1110000000, YUAN)]),
    ("特困人员救助供养标准不低于当地低保标准的1.3倍。", []),
    ("农村特困人员基本生活标准达到每人每年7200元。",
     [F("tekun_standard", "rural", 7200, Y, qualifier="new")]),
    ("散居孤儿、集中养育孤儿基本生活费标准分别提高到每人每月1000元、1400元。",
     [F("orphan_standard", "all", 1000, M, variant="dispersed", qualifier="new"),
      F("orphan_standard", "all", 1400, M, variant="institutional", qualifier="new")]),
    ("为2.1万名困难残疾人发放生活补贴2850万元,为3.4万名重度残疾人发放护理补贴4100万元。",
     [F("disability_subsidy_recipients", "all", 21000, P, variant="living"),
      F("disability_subsidy_expenditure", "all", 28500000, YUAN, variant="living"),
      F("disability_subsidy_recipients", "all", 34000, P, variant="care"),
      F("disability_subsidy_expenditure", "all", 41000000, YUAN, variant="care")]),
    ("发放高龄津贴3.2亿元,惠及80周岁以上老年人45.6万人。",
     [F("elderly_allowance_expenditure", "all", 320000000, YUAN),
      F("elderly_allowance_recipients", "all", 456000, P)]),
    ("城乡医疗救助资金支出2.3亿元。", [F("medical_assistance_expenditure", "all", 230000000, YUAN)]),
    ("农村五保供养标准:集中供养每人每年4000元,分散供养每人每年2800元。",
     [F("tekun_standard", "rural", 4000, Y, variant="concentrated"),
      F("tekun_standard", "rural", 2800, Y, variant="dispersed")]),
    ("全市城乡低保标准实现城乡统筹,统一为每人每月800元。",
     [F("dibao_standard", "all", 800, M, qualifier="new")]),
    ("全县低保对象月人均补差380元。", [F("dibao_avg_benefit", "all", 380, M)]),
    ("城市低保保障标准由每人每月500元提高到550元。",
     [F("dibao_standard", "urban", 500, M, qualifier="old"),
      F("dibao_standard", "urban", 550, M, qualifier="new")]),
    ("全县有低保对象1.8万户、3.5万人。",
     [F("dibao_households", "all", 18000, H), F("dibao_recipients", "all", 35000, P)]),
    ("全年发放低保金1.5亿元、特困供养金3200万元、临时救助金800万元。",
     [F("dibao_expenditure", "all", 150000000, YUAN),
      F("tekun_expenditure", "all", 32000000, YUAN),
      F("temporary_assistance_expenditure", "all", 8000000, YUAN)]),
    ("發放殘疾人兩項補貼1.2億元。", [F("disability_subsidy_expenditure", "all", 120000000, YUAN)]),
    ("农村低保标准人均月达到450元。", [F("dibao_standard", "rural", 450, M, qualifier="new")]),
    ("低保标准增加50元,全县保障低保对象3000人。", [F("dibao_recipients", "all", 3000, P)]),
    ("城市低保标准从2019年的每人每月600元提高到2020年的每人每月650元。",
     [F("dibao_standard", "urban", 600, M, qualifier="old"),
      F("dibao_standard", "urban", 650, M, qualifier="new")]),
    ("农村低保标准每人每年4200元提高到4600元。",
     [F("dibao_standard", "rural", 4200, Y, qualifier="old"),
      F("dibao_standard", "rural", 4600, Y, qualifier="new")]),
    ("城乡低保标准分别由每人每月500元、每人每年4000元提高到550元、4500元。",
     [F("dibao_standard", "urban", 500, M, qualifier="old"),
      F("dibao_standard", "rural", 4000, Y, qualifier="old"),
      F("dibao_standard", "urban", 550, M, qualifier="new"),
      F("dibao_standard", "rural", 4500, Y, qualifier="new")]),
    ("城市低保标准比上年提高了50元,达到每人每月650元。",
     [F("dibao_standard", "urban", 650, M, qualifier="new")]),
    ("农村低保标准增长12.5%,达到每人每年4500元。",
     [F("dibao_standard", "rural", 4500, Y, qualifier="new")]),
]

# Traditional-character provincial and township reports (Heilongjiang/Taiwan-mirror style).
TRADITIONAL = [
    ("全省城市低保對象達到148.6萬人,農村低保對象達到109.2萬人,全年共發放低保資金37.8億元。",
     [F("dibao_recipients", "urban", 1486000, P), F("dibao_recipients", "rural", 1092000, P),
      F("dibao_expenditure", "all", 3780000000, YUAN)]),
    ("農村五保供養對象12.6萬人,集中供養率達到28%,集中和分散供養標準分別達到年人均2400元和1800元。",
     [F("tekun_recipients", "rural", 126000, P),
      F("tekun_standard", "rural", 2400, Y, variant="concentrated", qualifier="new"),
      F("tekun_standard", "rural", 1800, Y, variant="dispersed", qualifier="new")]),
    ("全縣共有城鄉低保對象4 362戶8 915人,全年發放低保金2 356.8萬元。",
     [F("dibao_households", "all", 4362, H), F("dibao_recipients", "all", 8915, P),
      F("dibao_expenditure", "all", 23568000, YUAN)]),
    # (a township's dibao rolls are rural: the labellers of the fresh batches say so, the dev set
    # leaves the area open)
    ("截至目前,全鎮共有低保戶286戶,低保人數512人,五保戶46戶,五保人數48人。",
     [F("dibao_households", "rural", 286, H), F("dibao_recipients", "rural", 512, P),
      F("tekun_recipients", "rural", 48, P)]),
    ("城市低保對象由年初的3.2萬人調整為2.9萬人。",
     [F("dibao_recipients", "urban", 32000, P, qualifier="old"),
      F("dibao_recipients", "urban", 29000, P, qualifier="new")]),
    ("全市共有各類養老機構86家,床位1.2萬張,入住老人5600人。", []),
    ("核減不符合條件的低保對象356戶782人,新增低保對象215戶463人。", []),
]

# Drivers quoted beside welfare figures (annual per-person statistics need no period).
DRIVERS = [
    ("按照国家扶贫标准2300元(2010年不变价),全县尚有贫困人口1.2万人。",
     [F("poverty_line", "all", 2300, Y)]),
    ("人均生产总值42360元,一般公共预算收入5.8亿元,一般公共预算支出28.6亿元。",
     [F("gdp_per_capita", "all", 42360, Y), F("budget_revenue", "all", 580000000, YUAN),
      F("budget_expenditure", "all", 2860000000, YUAN)]),
    ("农民人均纯收入达到8650元。", [F("disposable_income", "rural", 8650, Y, qualifier="new")]),
    ("城乡居民人均消费支出分别为21560元和10230元。",
     [F("consumption_expenditure", "urban", 21560, Y),
      F("consumption_expenditure", "rural", 10230, Y)]),
]

# Shapes found by the hand-labelled excerpt set (tests/fixtures/text/excerpts.jsonl).
LISTS_AND_REFERENCES = [
    ("全年为1,235户2,876人发放低保金1,158.6万元。",
     [F("dibao_households", "all", 1235, H), F("dibao_recipients", "all", 2876, P),
      F("dibao_expenditure", "all", 11586000, YUAN)]),
    ("全市为3,456户6,012人发放城市低保金3,245.7万元。",
     [F("dibao_households", "urban", 3456, H), F("dibao_recipients", "urban", 6012, P),
      F("dibao_expenditure", "urban", 32457000, YUAN)]),
    ("80-89周岁老人每人每月发放高龄津贴100元,90周岁以上每人每月200元,惠及3200余人。",
     [F("elderly_allowance", "all", 100, M), F("elderly_allowance", "all", 200, M),
      F("elderly_allowance_recipients", "all", 3200, P, flags=["approximate"])]),
    ("对80至89周岁、90周岁以上老年人,分别按每人每月50元和100元标准发放高龄津贴。",
     [F("elderly_allowance", "all", 50, M), F("elderly_allowance", "all", 100, M)]),
    ("为全市百岁老人每人每月发放长寿补贴500元。", [F("elderly_allowance", "all", 500, M)]),
    ("为46.2万名困难残疾人和51.3万名重度残疾人发放两项补贴5.6亿元。",
     [F("disability_subsidy_recipients", "all", 462000, P, variant="living"),
      F("disability_subsidy_recipients", "all", 513000, P, variant="care"),
      F("disability_subsidy_expenditure", "all", 560000000, YUAN)]),
    ("特困人员基本生活标准按不低于当地低保标准的1.3倍确定,集中供养和分散供养标准分别为每人每月1100元和950元。",
     [F("tekun_standard", "all", 1100, M, variant="concentrated"),
      F("tekun_standard", "all", 950, M, variant="dispersed")]),
    ("农村特困人员分散供养标准调整为每人每年7200元(原为6600元)。",
     [F("tekun_standard", "rural", 7200, Y, variant="dispersed", qualifier="new"),
      F("tekun_standard", "rural", 6600, Y, variant="dispersed", qualifier="old")]),
    ("全县共兜底保障农村低保对象6,543人、特困供养人员1,234人。",
     [F("dibao_recipients", "rural", 6543, P), F("tekun_recipients", "all", 1234, P)]),
    ("全县纳入农村低保保障范围4321户8765人。",
     [F("dibao_households", "rural", 4321, H), F("dibao_recipients", "rural", 8765, P)]),
    ("向全县1.56万名80周岁以上老年人发放高龄津贴,标准为每人每年600元至1200元。",
     [F("elderly_allowance_recipients", "all", 15600, P),
      F("elderly_allowance", "all", 600, Y, high=1200)]),
    ("将城市低保标准由每月720元调高至780元。",
     [F("dibao_standard", "urban", 720, M, qualifier="old"),
      F("dibao_standard", "urban", 780, M, qualifier="new")]),
    ("城市低保标准从2021年1月起调整为每人每月560元。",
     [F("dibao_standard", "urban", 560, M, qualifier="new")]),
    ("全年实施医疗救助5.6万人次,其中住院救助2.1万人次、门诊救助3.5万人次,支出资金6,320万元。",
     [F("medical_assistance_expenditure", "all", 63200000, YUAN)]),
    ("全县户籍人口28.6万人,其中农业人口21.3万人。", [F("population", "all", 286000, P)]),
    ("城市低保标准调整为每人每月700元(原650元)。",
     [F("dibao_standard", "urban", 700, M, qualifier="new"),
      F("dibao_standard", "urban", 650, M, qualifier="old")]),
    ("全县80周岁以上老年人3,256人,全部按时足额发放高龄津贴。",
     [F("elderly_allowance_recipients", "all", 3256, P)]),
    ("联系电话:0471-6912345。全旗共有农村牧区低保对象3,215户6,128人。",
     [F("dibao_households", "rural", 3215, H), F("dibao_recipients", "rural", 6128, P)]),
    ("高龄津贴分档发放:80-89周岁每人每年600元,百岁以上每人每年3600元。",
     [F("elderly_allowance", "all", 600, Y), F("elderly_allowance", "all", 3600, Y)]),
    ("全县发放高龄津贴96.5万元,惠及高龄老人1,206人,其中百岁老人8人。",
     [F("elderly_allowance_expenditure", "all", 965000, YUAN),
      F("elderly_allowance_recipients", "all", 1206, P)]),
    ("为8,652名城乡困难群众实施医疗救助,救助金额1,263万元。",
     [F("medical_assistance_expenditure", "all", 12630000, YUAN)]),
    ("全县农村低保对象由年初的6,820人减少到年底的6,312人。",
     [F("dibao_recipients", "rural", 6820, P), F("dibao_recipients", "rural", 6312, P)]),
]

# Figures that are not facts: increases, flows, percentages, ages, staff, other programmes.
NOT_FACTS = [
    "城乡低保标准比上年提高8.5%。",
    "农村低保标准每人每年提高300元。",
    "较上年增加低保对象126人。",
    "取消不符合条件的农村低保86户215人。",
    "新纳入城市低保42户96人。",
    "全县共有民政干部职工35人。",
    "低保工作人员28名参加培训。",
    "建成敬老院6所,床位480张。",
    "为600名80周岁以上老人免费体检。",
    "困境儿童补助153人,发放了27.2万元。",
    "农村低保参保人数为410人12300元。",
    "总投资近一亿元建设社会福利中心。",
    "截至目前,我市共发放困难群众资金2.1亿元,惠及困难群众3.8万人。",
    "为低保对象中的重病患者提供人均800元的服务。",
    "2020年,低保工作获评先进。",
    "救助管理站接收流浪乞讨人员312人次。",
    "建档立卡贫困人口2.3万人全部纳入兜底保障。",
    "全县临时救助1.2万户次。",
]


@pytest.mark.parametrize("text,expected", STANDARDS, ids=[t for t, _ in STANDARDS])
def test_standards(text, expected):
    assert facts_of(text) == sorted(expected, key=repr)


@pytest.mark.parametrize("text,expected", COUNTS, ids=[t for t, _ in COUNTS])
def test_counts_and_totals(text, expected):
    assert facts_of(text) == sorted(expected, key=repr)


@pytest.mark.parametrize("text,expected", VARIED, ids=[t for t, _ in VARIED])
def test_varied_shapes(text, expected):
    assert facts_of(text) == sorted(expected, key=repr)


@pytest.mark.parametrize("text,expected", PROVINCIAL, ids=[t for t, _ in PROVINCIAL])
def test_provincial_shapes(text, expected):
    assert facts_of(text) == sorted(expected, key=repr)


@pytest.mark.parametrize("text,expected", TRADITIONAL, ids=[t for t, _ in TRADITIONAL])
def test_traditional_reports(text, expected):
    assert facts_of(text) == sorted(expected, key=repr)


@pytest.mark.parametrize("text,expected", DRIVERS, ids=[t for t, _ in DRIVERS])
def test_drivers(text, expected):
    assert facts_of(text) == sorted(expected, key=repr)


@pytest.mark.parametrize("text", NOT_FACTS)
def test_not_facts(text):
    assert facts_of(text) == []


@pytest.mark.parametrize("text,expected", LISTS_AND_REFERENCES, ids=[t for t, _ in LISTS_AND_REFERENCES])
def test_lists_and_references(text, expected):
    assert facts_of(text) == sorted(expected, key=repr)


def test_programme_spending_is_also_rolled_up_as_other_assistance():
    df = extract_facts("为386名特困供养对象发放供养金412.5万元,为27名孤儿发放补助资金19.98万元。", doc="t")
    rolled = df[df.indicator == "other_assistance_expenditure"]
    assert sorted(zip(rolled.variant, rolled.value)) == [("orphan", 199800.0), ("tekun", 4125000.0)]
    fine = df[df.indicator.isin(["tekun_expenditure", "orphan_expenditure"])]
    assert sorted(fine.span_start) == sorted(rolled.span_start)
    # dibao spending is not "other" assistance
    assert extract_facts("发放低保金1208.6万元。", doc="t").indicator.tolist() == ["dibao_expenditure"]

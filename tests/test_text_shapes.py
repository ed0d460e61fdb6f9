"""Sentence shapes of Chinese civil-affairs reporting, as a table of self-written examples.

Each row is a short text written for this table (no dev-set or seed text is copied here) and the
welfare facts a reader takes from it, in the vocabulary of the real-text labelling policy
(../shared/devset/README.md): standards as the guarantee line, counts of beneficiaries, spending on
payments, other named assistance rolled up as ``other_assistance_expenditure``. The rows cover the
general shapes the extractor reads: raises (由X提高到Y, 调整为, 上调至, a figure that lost its unit
before the raise verb, a year-dated value raised later), breakdowns (其中城市…农村…, 分别, an elliptic
half after a semicolon), floors (不低于), per-year and per-month equivalents, ranges, approximations,
words of procedure between a programme and its figure, headings and label lines, flattened table
rows of several layouts, line breaks inside words and figures, converter pinyin, spam — and the
traps that are no facts (payment levels, increments, flows, subgroups, thresholds, allocations,
insurance, grand totals).

A row compares the multiset of (indicator, area, value, unit, old?) with the extractor's facts;
an expected area of None accepts any area (orphan, elderly and disability facts carry none in
the policy), and only the *old* side of a raise is told apart, as the scorer does.
"""
from __future__ import annotations

import pytest

from mzanalysis.text.extract import extract_records

M, Y, P, H, YUAN = ("yuan_per_person_month", "yuan_per_person_year", "persons", "households",
                    "yuan")
DS, TS, OS, EA, DIS = ("dibao_standard", "tekun_standard", "orphan_standard", "elderly_allowance",
                       "disability_subsidy")
DR, DH, DE, TR, OA = ("dibao_recipients", "dibao_households", "dibao_expenditure",
                      "tekun_recipients", "other_assistance_expenditure")
#: the extractor's own spending indicators that the policy rolls up into other assistance
ROLLED_UP = {"temporary_assistance_expenditure": OA, "medical_assistance_expenditure": OA}
POLICY = {DS, TS, OS, EA, DIS, DR, DH, DE, TR, OA}

SHAPES = [
    ("| 类别 | 户数 | 人数 |\n| 城市低保 | 1234 | 2345 |\n| 农村低保 | 3456 | 5678 |\n",
     [(DH, 'urban', 1234, H, None), (DR, 'urban', 2345, P, None), (DH, 'rural', 3456, H, None),
      (DR, 'rural', 5678, P, None)]),
    ('城市低保标准由每月每人450元提高到每月每人500元。',
     [(DS, 'urban', 450, M, 'old'), (DS, 'urban', 500, M, 'new')]),
    ('城乡低保标准分别提高到每人每月600元和450元。',
     [(DS, 'urban', 600, M, 'new'), (DS, 'rural', 450, M, 'new')]),
    ('将城市低保标准提高到每人每月620元,农村低保标准提高到每人每年5200元。',
     [(DS, 'urban', 620, M, 'new'), (DS, 'rural', 5200, Y, 'new')]),
    ('城市居民最低生活保障标准调整为每人每月580元。',
     [(DS, 'urban', 580, M, 'new')]),
    ('我市城乡低保标准统一为每人每月700元。',
     [(DS, 'all', 700, M, 'new')]),
    ('农村低保标准达到每人每年4800元。',
     [(DS, 'rural', 4800, Y, None)]),
    ('城市低保月人均标准达到612元。',
     [(DS, 'urban', 612, M, None)]),
    ('城市低保平均标准为每人每月655元。',
     [(DS, 'urban', 655, M, None)]),
    # a grade after a semicolon (三、四级为…) is the second half of a parallel statement, not a
    # numbered section
    ('一、二级重度残疾人护理补贴为 150 元/月/人;三、四级为 90 元/月/人;',
     [(DIS, None, 150, M, None), (DIS, None, 90, M, None)]),
    ('城乡低保标准:一类地区每人每月720元;二类地区为每人每月640元。',
     [(DS, 'all', 720, M, None), (DS, 'all', 640, M, None)]),
    # 低保家庭中的残疾人: the family is 低保's, the subsidy standard the disabled person's
    ('低收入家庭和低保家庭中的残疾人,补贴标准为每人每月330元。', [(DIS, None, 330, M, None)]),
    ('对低保户中一级、二级残疾人分别按每人每年960元、480元的标准给予护理补贴。',
     [(DIS, None, 960, Y, None), (DIS, None, 480, Y, None)]),
    # a floor after a per-person figure of the same programme is a level with its period, no total
    ('散居孤儿每人每月不低于800元,机构养育孤儿不低于1200元。',
     [(OS, None, 800, M, None), (OS, None, 1200, M, None)]),
    # the old level of a raise is the subject of the new level, and 集中供养人员 are 特困's
    ('敬老院集中供养人员供养标准从每人每月800元提高到850元。',
     [(TS, None, 800, M, 'old'), (TS, None, 850, M, None)]),
    ('乡镇敬老院集中供养标准从现行的每人每月700元提高到780元。',
     [(TS, None, 700, M, 'old'), (TS, None, 780, M, None)]),
    # 起始标准 (the starting level of a subsidy) is a standard; a subsidy's full name before it
    ('自2023年起,重度残疾人护理补贴起始标准从每人每月不低于60元提高到每人每月不低于90元。',
     [(DIS, None, 60, M, 'old'), (DIS, None, 90, M, None)]),
    # a standard split into tiers (标准划分为两个档次) is labelled tier by tier, places after each
    ('全省农村低保标准划分为两个档次,分别为:第一档7200元/年,甲市各区(市、特区)、乙县;第二档6900元/年,其余县。',
     [(DS, 'rural', 7200, Y, None), (DS, 'rural', 6900, Y, None)]),
    # the level before a raise given in brackets with its year
    ('全省农村低保平均标准提高到7000元/年(2023年为6500元/年),增幅7.7%。',
     [(DS, 'rural', 7000, Y, None), (DS, 'rural', 6500, Y, 'old')]),
    # a list of places under a heading: a city's district (甲市乙区) and a bracket after a place
    ('一、城市最低生活保障标准(月人均)\n东阳市(不含南湖区、北山区)700元、东阳市南湖区520元、丁县480元;\n戊市610元。',
     [(DS, 'urban', 700, M, None), (DS, 'urban', 520, M, None), (DS, 'urban', 480, M, None),
      (DS, 'urban', 610, M, None)]),
    # a sub-heading naming a mode (1.集中供养) keeps the programme of the introduction above it;
    # a care label before a colon marks a care tier
    ('特困人员供养标准如下:\n1.集中供养\n基本生活标准:每人每月1050元。\n照料护理标准:半护理每人每月300元。',
     [(TS, None, 1050, M, None)]),
    # 人均消费性支出 is the consumption yardstick, not a standard
    ('特困人员基本生活标准为21000元/年(上年城镇居民人均消费性支出为16000元的1.3倍)。',
     [(TS, None, 21000, Y, None)]),
    # an age band's old people of 低保 families get the elderly allowance, not 低保's payment
    ('对80-89周岁、90-99周岁低保老年人每人每月补助60元、120元。',
     [(EA, None, 60, M, None), (EA, None, 120, M, None)]),
    # a level kept as it was (仍是原来的, 仍按) is the current level, not the old side of a raise
    ('100周岁以上老年人长寿补贴仍是原来的每人每月500元。', [(EA, None, 500, M, None)]),
    ('城市特困人员集中供养标准仍按每人每月900元执行。', [(TS, 'urban', 900, M, None)]),
    # places in brackets after a level have their own level of the same standard
    ('城镇低保标准提高到每人每月640元(东乡、西岭600元)。',
     [(DS, 'urban', 640, M, None), (DS, 'urban', 600, M, None)]),
    # 供养款 (the support money) after a sentence on 特困 is 特困 spending
    ('今年再次提高特困人员救助供养标准。工作人员介绍说,1-6月份累计发放供养款310万元。',
     [(OA, None, 3100000, YUAN, None)]),
    # a table header copied over two lines goes on with its columns on the second
    ('保障项目 | 当月保障人数(人) | 当月支出(万元) | 累计保障人次 (人次) |\n累计支出(万元) | 备注 |\n'
     '孤儿基本生活费 | 120 | 15.6 | 1080 | 140.4 | 按月发放 |\n',
     [(OA, None, 156000, YUAN, None), (OA, None, 1404000, YUAN, None)]),
    # a count with its households in brackets, then the programme it is covered by
    ('截至年底,已有12.5万人(6.1万户)享受了农村最低生活保障,比上年增加0.3万人。',
     [(DR, 'rural', 125000, P, None), (DH, 'rural', 61000, H, None)]),
    # a figure right after a year (从2017年610元/月) is a figure, here the old level
    ('城市低保标准全市统一从2019年650元/月调整为690元/月。',
     [(DS, 'urban', 650, M, 'old'), (DS, 'urban', 690, M, None)]),
    # the parallel half of an average payment's raise is an average payment too
    ('全县城市低保人均月补助由上年的300元提高到330元,农村低保由150元提高到170元。', []),
    # a heading naming another subject's standard (低收入家庭标准:) ends the programme heading above
    ('农村特困人员供养标准为\n\n分散供养农村特困人员供养标准为900元/月。\n\n城市低收入家庭标准:\n\n'
     '全市统一从1300元/月调整为1400元/月。',
     [(TS, 'rural', 900, M, None)]),
    # places listed after 分别为: (short names, a development zone), each raised on its own; one
    # area named before 分别 is every item's area
    ('城市居民最低生活保障标准分别为:东城、西城及高新技术产业开发区,由目前的每人每月600元提高到650元;'
     '南岭县由每人每月520元提高到560元,北山县由每人每月500元提高到540元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, None), (DS, 'urban', 520, M, 'old'),
      (DS, 'urban', 560, M, None), (DS, 'urban', 500, M, 'old'), (DS, 'urban', 540, M, None)]),
    # a half after a semicolon opening on the measure (平均保障标准, 支出) goes on about the subject
    ('截至2015年12月底,全省共有城市低保对象20.5万人,占全省非农人口的3.1%;平均保障标准为650元/人·月,'
     '月人均补助400元,全年累计支出保障资金9.8亿元。',
     [(DR, 'urban', 205000, P, None), (DS, 'urban', 650, M, None), (DE, 'urban', 980000000, YUAN, None)]),
    # a copied PDF line broken mid-sentence, the next line opening on the figure
    ('全年共有 1830 人享受残疾人两补,发放两补金额共计 210.5 万元,发放临时救助金\n'
     '640 人,85.2 万元。',
     [(OA, None, 2105000, YUAN, None), (OA, None, 852000, YUAN, None)]),
    # education aid and a price-rise living subsidy are other named assistance
    ('救助贫困学生60人,发放助学资金9.5万元;向城区低保家庭发放物价上涨生活补贴300万元。',
     [(OA, None, 95000, YUAN, None), (OA, None, 3000000, YUAN, None)]),
    # money and goods of a programme together are its spending
    ('实施临时救助2100人次,发放临时救助金和物品共计310.5万元。', [(OA, None, 3105000, YUAN, None)]),
    # the people a raise of several programmes reaches are all of theirs, no one programme's count
    ('我市将提高城乡低保和城乡特困人员基本生活标准,惠及全市52000余名困难群众。', []),
    ('城市低保标准提高后,惠及城市低保对象1.2万人。', [(DR, 'urban', 12000, P, None)]),
    # people or households subsidised for something else (资助…参保, 资助…建设安居房) are no caseload
    ('拿出8万元,资助960名城市低保户参保;今年又资助150户低保家庭建设安居房。', []),
    # one family's story in a news item is no aggregate
    ('家住城东的李大爷说,提标后全家3人可享受低保金1500元/月;二是她领到了800元高龄津贴。', []),
    # a premium paid per head, an extra one-off per head: no standard
    ('为农村低保和特困人员按每人每年60元缴纳商业保险;向低保对象、特困人员按照每人200元的标准增发消费券。', []),
    # 核拨/划拨 move money between governments, like 下拨
    ('区核拨本级配套城乡低保资金800万元。', []),
    # the last sentence of a paragraph ending in a colon introduces the lines below it
    ('特困人员供养标准由基本生活标准和照料护理标准两部分组成。调整后,特困人员供养标准为:\n1.集中供养\n'
     '基本生活标准:每人每月1100元。\n照料护理标准:全护理每人每月900元。',
     [(TS, None, 1100, M, None)]),
    # classes of the programme's people (A类重点保障对象…) are sub-groups of its counts and
    # spending, in the area of the figures they break down; their per-person amounts are payments
    ('全县农村低保对象9000户15000人。其中,A类重点保障对象1200户2000人,每人每月420元,月发84万元;'
     'B类基本保障对象7800户13000人,每人每月350元,月发455万元。',
     [(DH, 'rural', 9000, H, None), (DR, 'rural', 15000, P, None), (DH, 'rural', 1200, H, None),
      (DR, 'rural', 2000, P, None), (DE, 'rural', 840000, YUAN, None), (DH, 'rural', 7800, H, None),
      (DR, 'rural', 13000, P, None), (DE, 'rural', 4550000, YUAN, None)]),
    # a figure-less sentence defining a standard, then places raising "the" standard below it
    ('城市居民最低生活保障标准按照上年最低工资标准的40%确定。\n'
     '相应的,东城区、西城区(含高新区)保障标准由原来的500元/人·月提高到560元/人·月;'
     '南县、北县保障标准由原来的450元/人·月提高到520元/人·月。',
     [(DS, 'urban', 500, M, 'old'), (DS, 'urban', 560, M, None), (DS, 'urban', 450, M, 'old'),
      (DS, 'urban', 520, M, None)]),
    # tiers listed after 分别 name themselves; the areas before it are joint (one figure for both)
    ('两类地区城市与农村的低保标准一致,分别为一类地区每人每月700元和二类地区每人每月600元。',
     [(DS, 'all', 700, M, None), (DS, 'all', 600, M, None)]),
    ('城市、农村低保标准分别为每人每月680元、500元。',
     [(DS, 'urban', 680, M, None), (DS, 'rural', 500, M, None)]),
    ('城乡低保标准分别达到680元/月和5600元/年。',
     [(DS, 'urban', 680, M, None), (DS, 'rural', 5600, Y, None)]),
    ('城市低保标准680元/人·月,农村低保标准5600元/人·年。',
     [(DS, 'urban', 680, M, None), (DS, 'rural', 5600, Y, None)]),
    ('低保标准:城市680元/月,农村520元/月。',
     [(DS, 'urban', 680, M, None), (DS, 'rural', 520, M, None)]),
    ('全省城市低保平均保障标准达到每人每月710元,较上年提高35元。',
     [(DS, 'urban', 710, M, None)]),
    ('城市低保标准从600元提高到650元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('城市月低保标准由600元提高至650元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('农村低保保障标准为年人均4500元。',
     [(DS, 'rural', 4500, Y, None)]),
    ('城市低保标准提高8%,达到每人每月648元。',
     [(DS, 'urban', 648, M, None)]),
    ('城镇低保标准每人每月提高40元,达到640元。',
     [(DS, 'urban', 640, M, None)]),
    ('城乡低保标准分别提高到每人每月620元、每人每年5000元。',
     [(DS, 'urban', 620, M, 'new'), (DS, 'rural', 5000, Y, 'new')]),
    ('城市低保标准提高到600元/月,农村低保标准提高到4800元/年。',
     [(DS, 'urban', 600, M, 'new'), (DS, 'rural', 4800, Y, 'new')]),
    ('自2019年1月1日起,城市低保标准由600元/人·月提高到650元/人·月。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('城市低保標準由每人每月600元提高到650元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('城市低保线由每人每月300元提高到320元。',
     [(DS, 'urban', 300, M, 'old'), (DS, 'urban', 320, M, 'new')]),
    ('城市居民最低生活保障线为每人每月210元。',
     [(DS, 'urban', 210, M, None)]),
    ('农村低保标准不低于每人每年3600元。',
     [(DS, 'rural', 3600, Y, None)]),
    ('城市低保标准每人每月500元以上。',
     [(DS, 'urban', 500, M, None)]),
    ('低保标准按城市每人每月600元、农村每人每月400元执行。',
     [(DS, 'urban', 600, M, None), (DS, 'rural', 400, M, None)]),
    ('城市低保年保障标准7200元。',
     [(DS, 'urban', 7200, Y, None)]),
    ('城乡低保标准分别为650元/月、450元/月。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 450, M, None)]),
    ('城市低保标准为650元/月,比上年增长10%。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准每人每月650元,农村低保标准每人每月450元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 450, M, None)]),
    ('城市低保标准为每人每月650元,农村为每人每月450元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 450, M, None)]),
    ('城市和农村低保标准分别为每人每月650元和450元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 450, M, None)]),
    ('城乡居民最低生活保障标准分别由每人每月500元、300元提高到550元、350元。',
     [(DS, 'urban', 500, M, 'old'), (DS, 'rural', 300, M, 'old'), (DS, 'urban', 550, M, 'new'), (DS, 'rural', 350, M, 'new')]),
    ('城市低保标准由每人每月500元提高到550元,农村低保标准由每人每月300元提高到350元。',
     [(DS, 'urban', 500, M, 'old'), (DS, 'urban', 550, M, 'new'), (DS, 'rural', 300, M, 'old'), (DS, 'rural', 350, M, 'new')]),
    ('城市低保标准提高到每人每月550元,增长10%;农村低保标准提高到每人每年4000元,增长12%。',
     [(DS, 'urban', 550, M, 'new'), (DS, 'rural', 4000, Y, 'new')]),
    ('城市低保标准由原来的每人每月500元提高到550元。',
     [(DS, 'urban', 500, M, 'old'), (DS, 'urban', 550, M, 'new')]),
    ('城市低保标准上调至每人每月550元。',
     [(DS, 'urban', 550, M, 'new')]),
    ('城市低保标准由500元/月调整为550元/月。',
     [(DS, 'urban', 500, M, 'old'), (DS, 'urban', 550, M, 'new')]),
    ('全市城乡低保标准提标后,城市达到每人每月600元,农村达到每人每月450元。',
     [(DS, 'urban', 600, M, 'new'), (DS, 'rural', 450, M, 'new')]),
    ('城市低保标准为每人每年7800元(每人每月650元)。',
     [(DS, 'urban', 7800, Y, None), (DS, 'urban', 650, M, None)]),
    ('城市低保标准为200-230元/月。',
     [(DS, 'urban', 200, M, None)]),
    ('城市低保标准为每人每月\n650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准为每人每月650\n元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保保障标准每人每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保指导标准为每人每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('农村低保最低限定标准为每人每年4000元。',
     [(DS, 'rural', 4000, Y, None)]),
    ('城市低保对象月人均补助水平350元。',
     []),
    ('低收入家庭认定标准为每人每月900元。',
     []),
    ('城市低保标准每人每月650元,月人均补差350元。',
     [(DS, 'urban', 650, M, None)]),
    ('特困人员基本生活标准每人每年8000元。',
     [(TS, None, 8000, Y, None)]),
    ('集中供养特困人员基本生活标准每人每年9000元,分散供养每人每年7000元。',
     [(TS, None, 9000, Y, None), (TS, None, 7000, Y, None)]),
    ('农村五保供养标准集中供养每人每年5000元,分散供养每人每年3500元。',
     [(TS, 'rural', 5000, Y, None), (TS, 'rural', 3500, Y, None)]),
    ('孤儿基本生活费标准:集中供养每人每月1200元,散居每人每月800元。',
     [(OS, None, 1200, M, None), (OS, None, 800, M, None)]),
    ('孤儿基本生活保障标准提高到每人每月1000元。',
     [(OS, None, 1000, M, 'new')]),
    ('高龄津贴:80-89周岁每人每月50元,90-99周岁每人每月100元,100周岁以上每人每月300元。',
     [(EA, None, 50, M, None), (EA, None, 100, M, None), (EA, None, 300, M, None)]),
    ('困难残疾人生活补贴标准每人每月70元,重度残疾人护理补贴标准每人每月80元。',
     [(DIS, None, 70, M, None), (DIS, None, 80, M, None)]),
    ('特困人员供养标准由每人每年6000元提高到7000元。',
     [(TS, None, 6000, Y, 'old'), (TS, None, 7000, Y, 'new')]),
    ('全市共有城乡低保对象1.2万户2.3万人,其中城市低保对象3000户5000人,农村低保对象9000户18000人。',
     [(DH, 'all', 12000, H, None), (DR, 'all', 23000, P, None), (DH, 'urban', 3000, H, None), (DR, 'urban', 5000, P, None), (DH, 'rural', 9000, H, None), (DR, 'rural', 18000, P, None)]),
    ('城市低保对象4.5万户、7.8万人。',
     [(DH, 'urban', 45000, H, None), (DR, 'urban', 78000, P, None)]),
    ('保障城乡低保对象12.3万人。',
     [(DR, 'all', 123000, P, None)]),
    ('农村低保12000户、23000人。',
     [(DH, 'rural', 12000, H, None), (DR, 'rural', 23000, P, None)]),
    ('特困供养人员5600人,其中集中供养1200人,分散供养4400人。',
     [(TR, None, 5600, P, None), (TR, None, 1200, P, None), (TR, None, 4400, P, None)]),
    ('累计发放低保金3456万元。',
     [(DE, 'all', 34560000, YUAN, None)]),
    ('全年支出低保资金1.2亿元。',
     [(DE, 'all', 120000000, YUAN, None)]),
    ('全年发放城市低保金2345万元,农村低保金3456万元。',
     [(DE, 'urban', 23450000, YUAN, None), (DE, 'rural', 34560000, YUAN, None)]),
    ('城乡低保资金支出分别为2345万元和3456万元。',
     [(DE, 'urban', 23450000, YUAN, None), (DE, 'rural', 34560000, YUAN, None)]),
    ('全年累计实施临时救助5600人次,支出临时救助资金890万元。',
     [(OA, None, 8900000, YUAN, None)]),
    ('发放特困人员供养金1234万元。',
     [(OA, None, 12340000, YUAN, None)]),
    ('城市低保:保障人数12345人,支出资金2345万元。',
     [(DR, 'urban', 12345, P, None), (DE, 'urban', 23450000, YUAN, None)]),
    ('城市低保人数 12345 人',
     [(DR, 'urban', 12345, P, None)]),
    ('城市低保户数:6789户',
     [(DH, 'urban', 6789, H, None)]),
    ('农村低保对象\n12345人',
     [(DR, 'rural', 12345, P, None)]),
    ('截至目前,全县共有农村低保对象5678户9876人。',
     [(DH, 'rural', 5678, H, None), (DR, 'rural', 9876, P, None)]),
    ('全区城市低保对象达到3456人。',
     [(DR, 'urban', 3456, P, None)]),
    ('有城市低保对象3456人。',
     [(DR, 'urban', 3456, P, None)]),
    ('医疗救助支出1234万元。',
     [(OA, None, 12340000, YUAN, None)]),
    ('发放高龄津贴567万元。',
     [(OA, None, 5670000, YUAN, None)]),
    ('发放残疾人两项补贴890万元。',
     [(OA, None, 8900000, YUAN, None)]),
    ('城市低保标准经市政府同意调整为每人每月650元。',
     [(DS, 'urban', 650, M, 'new')]),
    ('城市低保标准在原有基础上提高到每人每月650元。',
     [(DS, 'urban', 650, M, 'new')]),
    ('农村低保标准按照每人每年4000元执行。',
     [(DS, 'rural', 4000, Y, None)]),
    ('城乡低保标准再次提高,城市低保标准每人每月提高50元,达到650元,农村低保标准每人每年提高500元,达到4500元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4500, Y, None)]),
    ('城市低保标准由2018年的每人每月600元提高到2019年的650元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('我县城市低保标准今年7月起提高到每人每月650元。',
     [(DS, 'urban', 650, M, 'new')]),
    ('城市居民最低生活保障标准,从每人每月600元提高到650元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('城市低保标准:每人每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准——每人每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准 650元/月',
     [(DS, 'urban', 650, M, None)]),
    ('农村低保标准年人均达到4500元。',
     [(DS, 'rural', 4500, Y, None)]),
    ('城市低保标准全部达到每人每月650元以上。',
     [(DS, 'urban', 650, M, None)]),
    ('各县区城市低保标准均提高到每人每月650元。',
     [(DS, 'urban', 650, M, 'new')]),
    ('全市农村低保标准最低达到每人每年4500元。',
     [(DS, 'rural', 4500, Y, None)]),
    ('城市低保标准调整到每月650元。',
     [(DS, 'urban', 650, M, 'new')]),
    ('城市低保标准为每月每人650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准为人均每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准每人每月由600元提高到650元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('农村低保标准由每人每年3600元提高到4000元,月人均提高33元。',
     [(DS, 'rural', 3600, Y, 'old'), (DS, 'rural', 4000, Y, 'new')]),
    ('城市低保标准较上年提高50元,达到每人每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('提高城乡低保标准,城市由每人每月600元提高到650元,农村由每人每年4000元提高到4400元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new'), (DS, 'rural', 4000, Y, 'old'), (DS, 'rural', 4400, Y, 'new')]),
    ('城乡低保标准分别由每人每月600元、400元提高到650元、450元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'rural', 400, M, 'old'), (DS, 'urban', 650, M, 'new'), (DS, 'rural', 450, M, 'new')]),
    ('我省城市低保平均标准达到每人每月650.5元,农村低保平均标准达到每人每年4500.2元。',
     [(DS, 'urban', 650.5, M, None), (DS, 'rural', 4500.2, Y, None)]),
    ('城市低保标准达到650元/人/月',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保每人每月650元的标准。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准为650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保標準為每人每月650元,農村低保標準為每人每年4500元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4500, Y, None)]),
    ('城市低保标准为每人每月650元/月',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保对象保障标准每人每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('最低生活保障标准城市每人每月650元、农村每人每月450元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 450, M, None)]),
    ('城市每人每月650元、农村每人每月450元的低保标准。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 450, M, None)]),
    ('城镇居民低保标准提高至每人每月650元,农村居民低保标准提高至每人每年4500元。',
     [(DS, 'urban', 650, M, 'new'), (DS, 'rural', 4500, Y, 'new')]),
    ('城乡低保月标准分别为650元、450元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 450, M, None)]),
    ('城乡低保年标准分别为7800元、5400元。',
     [(DS, 'urban', 7800, Y, None), (DS, 'rural', 5400, Y, None)]),
    ('城市低保标准每人每月650元;农村每人每年4500元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4500, Y, None)]),
    ('城市低保对象人数为12345人。',
     [(DR, 'urban', 12345, P, None)]),
    ('城市低保对象共计5678户12345人。',
     [(DH, 'urban', 5678, H, None), (DR, 'urban', 12345, P, None)]),
    ('在册城市低保对象5678户12345人。',
     [(DH, 'urban', 5678, H, None), (DR, 'urban', 12345, P, None)]),
    ('城市低保在保对象5678户12345人。',
     [(DH, 'urban', 5678, H, None), (DR, 'urban', 12345, P, None)]),
    ('全县享受农村低保的有5678户12345人。',
     [(DH, 'rural', 5678, H, None), (DR, 'rural', 12345, P, None)]),
    ('农村低保覆盖5678户12345人。',
     [(DH, 'rural', 5678, H, None), (DR, 'rural', 12345, P, None)]),
    ('城乡低保对象分别为12345人和23456人。',
     [(DR, 'urban', 12345, P, None), (DR, 'rural', 23456, P, None)]),
    ('全市城市低保5678户、12345人,农村低保8765户、23456人。',
     [(DH, 'urban', 5678, H, None), (DR, 'urban', 12345, P, None), (DH, 'rural', 8765, H, None), (DR, 'rural', 23456, P, None)]),
    ('全市低保对象12345人,月发放低保金123万元。',
     [(DR, 'all', 12345, P, None), (DE, 'all', 1230000, YUAN, None)]),
    ('城市低保累计支出资金1234万元。',
     [(DE, 'urban', 12340000, YUAN, None)]),
    ('共发放城乡低保资金1.23亿元,其中城市低保资金4567万元,农村低保资金7733万元。',
     [(DE, 'all', 123000000, YUAN, None), (DE, 'urban', 45670000, YUAN, None), (DE, 'rural', 77330000, YUAN, None)]),
    ('城市低保金支出4567万元。',
     [(DE, 'urban', 45670000, YUAN, None)]),
    ('发放城市低保保障金4567万元。',
     [(DE, 'urban', 45670000, YUAN, None)]),
    ('全年共发放农村低保救助金4567万元。',
     [(DE, 'rural', 45670000, YUAN, None)]),
    ('特困供养人员1234人,发放供养金567万元。',
     [(TR, None, 1234, P, None), (OA, None, 5670000, YUAN, None)]),
    ('全县五保供养对象1234人。',
     [(TR, 'rural', 1234, P, None)]),
    ('全县农村五保对象1234人,其中集中供养456人。',
     [(TR, 'rural', 1234, P, None), (TR, 'rural', 456, P, None)]),
    ('特困人员救助供养标准:城市每人每月900元,农村每人每月700元。',
     [(TS, 'urban', 900, M, None), (TS, 'rural', 700, M, None)]),
    ('城市特困人员基本生活标准每人每月900元。',
     [(TS, 'urban', 900, M, None)]),
    ('孤儿养育标准每人每月1200元。',
     [(OS, None, 1200, M, None)]),
    ('机构养育孤儿每人每月1500元,社会散居孤儿每人每月1000元。',
     [(OS, None, 1500, M, None), (OS, None, 1000, M, None)]),
    ('80周岁以上老年人每人每月发放高龄津贴100元。',
     [(EA, None, 100, M, None)]),
    ('为90岁以上老人每月发放200元高龄补贴。',
     [(EA, None, 200, M, None)]),
    ('困难残疾人生活补贴每人每月80元。',
     [(DIS, None, 80, M, None)]),
    ('残疾人两项补贴标准提高到每人每月100元。',
     [(DIS, None, 100, M, 'new')]),
    ('临时救助1234人次,支出资金345万元。',
     [(OA, None, 3450000, YUAN, None)]),
    ('实施医疗救助2345人次,支出医疗救助资金456万元。',
     [(OA, None, 4560000, YUAN, None)]),
    ('城乡医疗救助支出456万元。',
     [(OA, None, 4560000, YUAN, None)]),
    ('城市低保标准提高到每人每月650元(年7800元)。',
     [(DS, 'urban', 650, M, 'new'), (DS, 'urban', 7800, Y, 'new')]),
    ('发放孤儿基本生活费123万元。',
     [(OA, None, 1230000, YUAN, None)]),
    ('支出特困供养资金1234万元。',
     [(OA, None, 12340000, YUAN, None)]),
    ('发放困难残疾人生活补贴资金345万元。',
     [(OA, None, 3450000, YUAN, None)]),
    ('全年发放临时救助资金456万元。',
     [(OA, None, 4560000, YUAN, None)]),
    ('发放城乡居民最低生活保障金1.2亿元。',
     [(DE, 'all', 120000000, YUAN, None)]),
    ('为困难群众发放价格临时补贴123万元。',
     [(OA, None, 1230000, YUAN, None)]),
    ('实施教育救助1200人次,发放教育救助金56万元。',
     [(OA, None, 560000, YUAN, None)]),
    ('春节期间发放节日慰问金234万元。',
     [(OA, None, 2340000, YUAN, None)]),
    ('全年共发放高龄津贴1234万元,惠及高龄老人2万人。',
     [(OA, None, 12340000, YUAN, None)]),
    ('累计发放五保供养金567万元。',
     [(OA, None, 5670000, YUAN, None)]),
    ('城市低保支出2.3亿元,农村低保支出4.5亿元。',
     [(DE, 'urban', 230000000, YUAN, None), (DE, 'rural', 450000000, YUAN, None)]),
    ('全年城市低保资金支出2.3亿元。',
     [(DE, 'urban', 230000000, YUAN, None)]),
    ('农村低保资金累计支出4.5亿元。',
     [(DE, 'rural', 450000000, YUAN, None)]),
    ('城市低保月人均补助水平350元,全年支出城市低保资金2.3亿元。',
     [(DE, 'urban', 230000000, YUAN, None)]),
    ('全省城市低保对象123.4万人,比上年末减少5.6万人。',
     [(DR, 'urban', 1234000, P, None)]),
    ('年末全省农村低保对象234.5万户、456.7万人。',
     [(DH, 'rural', 2345000, H, None), (DR, 'rural', 4567000, P, None)]),
    ('全省有农村特困人员12.3万人,其中集中供养3.4万人。',
     [(TR, 'rural', 123000, P, None), (TR, 'rural', 34000, P, None)]),
    ('全年共救助城乡低保对象12.3万人。',
     [(DR, 'all', 123000, P, None)]),
    ('全县城乡低保标准分别提高到每人每月650元、每人每月450元。',
     [(DS, 'urban', 650, M, 'new'), (DS, 'rural', 450, M, 'new')]),
    ('城市低保标准从每人每月600元提高至每人每月650元,农村低保标准从每人每年4000元提高至每人每年4500元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new'), (DS, 'rural', 4000, Y, 'old'), (DS, 'rural', 4500, Y, 'new')]),
    ('城市低保标准提高到每人每月650元;农村提高到每人每年4500元。',
     [(DS, 'urban', 650, M, 'new'), (DS, 'rural', 4500, Y, 'new')]),
    ('城市低保标准为每人每月650元,农村低保标准为每人每年4500元,特困人员基本生活标准为每人每年8000元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4500, Y, None), (TS, None, 8000, Y, None)]),
    ('农村低保标准每人每年4500元(每人每月375元)。',
     [(DS, 'rural', 4500, Y, None), (DS, 'rural', 375, M, None)]),
    ('城市低保标准650元/人/月',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准达到650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准每人每月不低于650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准不低于650元/月。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准由不低于600元/月提高到不低于650元/月。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('城市低保标准提高到每人每月650元以上。',
     [(DS, 'urban', 650, M, 'new')]),
    ('全市城乡低保实现并轨,标准统一为每人每月650元。',
     [(DS, 'all', 650, M, 'new')]),
    ('城乡低保标准并轨为每人每月650元。',
     [(DS, 'all', 650, M, 'new')]),
    ('全县城乡低保对象经过动态调整后共有12345人。',
     [(DR, 'all', 12345, P, None)]),
    ('城市低保对象按照应保尽保原则共保障5678户。',
     [(DH, 'urban', 5678, H, None)]),
    ('农村低保资金通过一卡通发放3456万元。',
     [(DE, 'rural', 34560000, YUAN, None)]),
    ('全市城市低保对象通过社会化发放领取低保金2345万元。',
     [(DE, 'urban', 23450000, YUAN, None)]),
    ('城市低保标准经县政府研究决定提高到每人每月650元。',
     [(DS, 'urban', 650, M, 'new')]),
    ('全县特困供养人员在敬老院集中供养456人。',
     [(TR, None, 456, P, None)]),
    ('全县农村低保动态管理后保障对象1234户2345人。',
     [(DH, 'rural', 1234, H, None), (DR, 'rural', 2345, P, None)]),
    ('城市低保月发放资金通过银行代发234万元。',
     [(DE, 'urban', 2340000, YUAN, None)]),
    ('城市低保对象中残疾人1234人。',
     []),
    ('低保家庭子女上大学的235人。',
     []),
    ('城市低保对象中重病患者456人。',
     []),
    ('低保对象就业再就业1234人。',
     []),
    ('低保对象参加公益劳动3456人次。',
     []),
    ('低保户危房改造1234户。',
     []),
    ('城市低保对象子女就学456人。',
     []),
    ('低保对象中有劳动能力的2345人。',
     []),
    ('低保对象中单亲家庭345户。',
     []),
    ('全县低保户中因病致贫的1234户。',
     []),
    ('为低保对象发放粮油折合资金56万元。',
     []),
    ('对低保对象开展入户核查走访3456户。',
     []),
    ('| 项目 | 城市 | 农村 |\n| 低保人数(人) | 1234 | 5678 |\n| 低保户数(户) | 600 | 3000 |\n',
     [(DR, 'urban', 1234, P, None), (DR, 'rural', 5678, P, None), (DH, 'urban', 600, H, None), (DH, 'rural', 3000, H, None)]),
    ('| 指标 | 单位 | 数量 |\n| 城市低保对象 | 人 | 12345 |\n| 农村低保对象 | 人 | 23456 |\n| 城市低保资金支出 | 万元 | 1234.5 |\n',
     [(DR, 'urban', 12345, P, None), (DR, 'rural', 23456, P, None), (DE, 'urban', 12345000, YUAN, None)]),
    ('城市低保人数\t12345\t人\n农村低保人数\t23456\t人\n',
     [(DR, 'urban', 12345, P, None), (DR, 'rural', 23456, P, None)]),
    ('城市低保对象(人)\t12345\n农村低保对象(人)\t23456\n',
     [(DR, 'urban', 12345, P, None), (DR, 'rural', 23456, P, None)]),
    ('单位:元/人·月\n| 县区 | 城市低保标准 | 农村低保标准 |\n| 甲县 | 600 | 400 |\n| 乙县 | 620 | 420 |\n',
     [(DS, 'urban', 600, M, None), (DS, 'rural', 400, M, None), (DS, 'urban', 620, M, None), (DS, 'rural', 420, M, None)]),
    ('| 县区 | 城市低保标准(元/月) | 农村低保标准(元/年) |\n| 甲县 | 600 | 4800 |\n',
     [(DS, 'urban', 600, M, None), (DS, 'rural', 4800, Y, None)]),
    ('城市低保对象\n12345人\n农村低保对象\n23456人\n',
     [(DR, 'urban', 12345, P, None), (DR, 'rural', 23456, P, None)]),
    ('城市低保人数:12345人\n农村低保人数:23456人\n',
     [(DR, 'urban', 12345, P, None), (DR, 'rural', 23456, P, None)]),
    ('城市低保对象 12345人 农村低保对象 23456人',
     [(DR, 'urban', 12345, P, None), (DR, 'rural', 23456, P, None)]),
    ('城市低保\n户数:1234户\n人数:2345人\n支出:345万元\n',
     [(DH, 'urban', 1234, H, None), (DR, 'urban', 2345, P, None), (DE, 'urban', 3450000, YUAN, None)]),
    ('城市最低生活保障人数\n万人\n23.5\n农村最低生活保障人数\n万人\n45.6\n',
     [(DR, 'urban', 235000, P, None), (DR, 'rural', 456000, P, None)]),
    ('城市最低生活保障人数 | 万人 | 23.5\n农村最低生活保障支出 | 亿元 | 4.5\n',
     [(DR, 'urban', 235000, P, None), (DE, 'rural', 450000000, YUAN, None)]),
    ('一、城市低保\n保障人数:12345人;\n支出资金:234万元。\n',
     [(DR, 'urban', 12345, P, None), (DE, 'urban', 2340000, YUAN, None)]),
    ('| 类别 | 保障标准 |\n| 城市低保 | 650元/月 |\n| 农村低保 | 4800元/年 |\n| 特困人员 | 1000元/月 |\n',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None), (TS, None, 1000, M, None)]),
    ('| 类别 | 户数 | 人数 | 金额(万元) |\n| 城市低保 | 1234 | 2345 | 345.6 |\n| 农村低保 | 3456 | 5678 | 789.1 |\n',
     [(DH, 'urban', 1234, H, None), (DR, 'urban', 2345, P, None), (DE, 'urban', 3456000, YUAN, None), (DH, 'rural', 3456, H, None), (DR, 'rural', 5678, P, None), (DE, 'rural', 7891000, YUAN, None)]),
    ('| 城市低保标准 | 650 | 元/人·月 |\n| 农村低保标准 | 4800 | 元/人·年 |\n',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None)]),
    ('| 类别 | 户数(户) | 人数(人) | 低保标准(元) |\n| 城市低保 | 100 | 200 |\n甲县、乙区800元/月;丙县、丁县780元/月 |\n| 农村低保 | 300 | 500 |\n甲县、乙区600元/月;丙县580元/月 |\n',
     [(DH, 'urban', 100, H, None), (DR, 'urban', 200, P, None), (DS, 'urban', 800, M, None), (DS, 'urban', 780, M, None), (DH, 'rural', 300, H, None), (DR, 'rural', 500, P, None), (DS, 'rural', 600, M, None), (DS, 'rural', 580, M, None)]),
    ('高龄津贴标准为:80至89周岁每人每月100元;90至99周岁每人每月200元;100周岁及以上每人每月500元。',
     [(EA, None, 100, M, None), (EA, None, 200, M, None), (EA, None, 500, M, None)]),
    ('对80周岁以上老年人发放高龄补贴,标准为每人每月50元。',
     [(EA, None, 50, M, None)]),
    ('百岁老人长寿补贴每人每月600元。',
     [(EA, None, 600, M, None)]),
    ('年满80周岁的老年人每人每年发放600元高龄津贴。',
     [(EA, None, 600, Y, None)]),
    ('为全市2.3万名80岁以上老人发放高龄津贴1234万元。',
     [(OA, None, 12340000, YUAN, None)]),
    ('农村特困人员集中供养标准每人每年6000元,分散供养标准每人每年4800元。',
     [(TS, 'rural', 6000, Y, None), (TS, 'rural', 4800, Y, None)]),
    ('特困人员救助供养标准城市每人每月1000元,农村每人每月800元。',
     [(TS, 'urban', 1000, M, None), (TS, 'rural', 800, M, None)]),
    ('五保集中供养年人均标准4000元。',
     [(TS, 'rural', 4000, Y, None)]),
    ('五保户供养标准达到每人每年3000元。',
     [(TS, 'rural', 3000, Y, None)]),
    ('城乡特困人员基本生活标准按不低于当地低保标准1.3倍确定,城市每人每月1014元、农村每人每月780元。',
     [(TS, 'urban', 1014, M, None), (TS, 'rural', 780, M, None)]),
    ('集中供养特困人员234人,分散供养特困人员1000人。',
     [(TR, None, 234, P, None), (TR, None, 1000, P, None)]),
    ('孤儿基本生活费标准提高到集中养育每人每月1500元、分散养育每人每月1000元。',
     [(OS, None, 1500, M, 'new'), (OS, None, 1000, M, 'new')]),
    ('社会散居孤儿每人每月1000元,福利机构孤儿每人每月1400元。',
     [(OS, None, 1000, M, None), (OS, None, 1400, M, None)]),
    ('事实无人抚养儿童基本生活补贴标准每人每月1000元。',
     [(OS, None, 1000, M, None)]),
    ('困难残疾人生活补贴和重度残疾人护理补贴标准分别提高到每人每月80元和90元。',
     [(DIS, None, 80, M, 'new'), (DIS, None, 90, M, 'new')]),
    ('一级重度残疾人护理补贴每人每月100元,二级每人每月80元。',
     [(DIS, None, 100, M, None), (DIS, None, 80, M, None)]),
    ('医疗救助资金支出1234万元。',
     [(OA, None, 12340000, YUAN, None)]),
    ('发放特困人员救助供养金567万元。',
     [(OA, None, 5670000, YUAN, None)]),
    ('发放孤儿基本生活费89万元。',
     [(OA, None, 890000, YUAN, None)]),
    ('支出城乡特困人员救助供养资金1.2亿元,其中城市2000万元、农村1亿元。',
     [(OA, None, 120000000, YUAN, None), (OA, 'urban', 20000000, YUAN, None), (OA, 'rural', 100000000, YUAN, None)]),
    ('发放临时救助金234万元。',
     [(OA, None, 2340000, YUAN, None)]),
    ('城市低保对象每人每月增发50元一次性生活补贴。',
     []),
    ('全年救助困难群众12万人次,发放救助资金1.2亿元。',
     []),
    ('发放城乡低保、特困供养等救助资金3.4亿元。',
     []),
    ('下达中央财政困难群众救助补助资金12亿元。',
     []),
    ('低保边缘家庭认定标准为低保标准的1.5倍。',
     []),
    ('城市低保对象月人均补差456元。',
     []),
    ('最低工资标准提高到每月1800元。',
     []),
    ('城乡居民基本医疗保险财政补助标准提高到每人每年580元。',
     []),
    ('农村低保标准提高了300元。',
     []),
    ('新增城市低保对象120户300人。',
     []),
    ('全县退出农村低保1234户。',
     []),
    ('临时救助标准为每人每次不超过3000元。',
     []),
    ('城市低保对象人均领取低保金356元。',
     []),
    ('一类低保对象每人每月补助500元,二类每人每月补助300元。',
     []),
    ('全縣共有城鄉(xiāng)低保對(duì)象1234戶(hù)2345人。',
     [(DH, 'all', 1234, H, None), (DR, 'all', 2345, P, None)]),
    ('農(nóng)村低保標(biāo)準(zhǔn)提高到每人每年4500元。',
     [(DS, 'rural', 4500, Y, 'new')]),
    ('城市低保标准为每人每月200—230元。',
     [(DS, 'urban', 200, M, None)]),
    ('城市低保标准为每人每月200至230元。',
     [(DS, 'urban', 200, M, None)]),
    ('全县农村低保对象1.2万多人。',
     [(DR, 'rural', 12000, P, None)]),
    ('全县农村低保对象近1.2万人。',
     [(DR, 'rural', 12000, P, None)]),
    ('全县农村低保对象约1.2万人。',
     [(DR, 'rural', 12000, P, None)]),
    ('全县农村低保对象1万余户2万余人。',
     [(DH, 'rural', 10000, H, None), (DR, 'rural', 20000, P, None)]),
    ('全县城市低保对象3456人左右。',
     [(DR, 'urban', 3456, P, None)]),
    ('发放低保金1234.5万余元。',
     [(DE, 'all', 12345000, YUAN, None)]),
    ('城市低保标准每人每月6�0元。',
     []),
    ('城市低保标准每人每月XX元。',
     []),
    ('城市低保标准提高到每人每月650元(2019年标准为600元)。',
     [(DS, 'urban', 650, M, 'new'), (DS, 'urban', 600, M, None)]),
    ('城市低保标准:650元/人·月;农村低保标准:4800元/人·年。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None)]),
    ('城市低保标准650元/月•人',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准650元/人月',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准 每人每月 650 元',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准每人每月650元，农村低保标准每人每年4800元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None)]),
    ('城市低保标准每人每月６５０元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准由每人每月600元提高到650元，提高了50元，增幅8.3%。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('城市低保标准由每人每月600元提高到650元,农村低保标准由每人每年4000元提高到4400元,分别提高50元和400元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new'), (DS, 'rural', 4000, Y, 'old'), (DS, 'rural', 4400, Y, 'new')]),
    ('全市城市低保对象3.4万人,农村低保对象12.3万人,特困供养人员1.1万人。',
     [(DR, 'urban', 34000, P, None), (DR, 'rural', 123000, P, None), (TR, None, 11000, P, None)]),
    ('全市共有城市低保对象1.2万户、2.1万人,累计发放城市低保金1.5亿元。',
     [(DH, 'urban', 12000, H, None), (DR, 'urban', 21000, P, None), (DE, 'urban', 150000000, YUAN, None)]),
    ('城市低保:1.2万户、2.1万人、发放资金1.5亿元;农村低保:3.4万户、6.7万人、发放资金2.1亿元。',
     [(DH, 'urban', 12000, H, None), (DR, 'urban', 21000, P, None), (DE, 'urban', 150000000, YUAN, None), (DH, 'rural', 34000, H, None), (DR, 'rural', 67000, P, None), (DE, 'rural', 210000000, YUAN, None)]),
    ('全省农村低保月人均补助水平220元,农村低保标准每人每年4300元。',
     [(DS, 'rural', 4300, Y, None)]),
    ('农村低保平均标准每人每年4300元,比上年提高300元,增长7.5%。',
     [(DS, 'rural', 4300, Y, None)]),
    ('2019年城市低保标准600元/月,2020年提高到650元/月。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('全县城市低保对象1234\n人,发放低保金56\n万元。',
     [(DR, 'urban', 1234, P, None), (DE, 'urban', 560000, YUAN, None)]),
    ('城市低保标准每人每月\n650\n元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保标准由每人每月600元提高\n到650元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('城市低保标准由每人每月600元提高到650元/\n月。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, 'new')]),
    ('全县城市低保对象《网上赌场开户送彩金》1234人。',
     [(DR, 'urban', 1234, P, None)]),
    ('全县城市低保对象【澳门金沙娱乐城】1234人。',
     [(DR, 'urban', 1234, P, None)]),
    ('全县城市低保\n对象1234人。',
     [(DR, 'urban', 1234, P, None)]),
    ('城市低\n保标准每人每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保標\n(biāo)準(zhǔn)每人每月650元。',
     [(DS, 'urban', 650, M, None)]),
    ('全县城市低保对象1,234人,农村低保对象12,345人。',
     [(DR, 'urban', 1234, P, None), (DR, 'rural', 12345, P, None)]),
    ('全县城市低保对象1 234人。',
     [(DR, 'urban', 1234, P, None)]),
    ('城市低保标准每人每月650元;\n农村低保标准每人每年4800元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None)]),
    ('城市低保标准每人每月650元\n农村低保标准每人每年4800元\n',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None)]),
    ('1、城市低保标准:每人每月650元\n2、农村低保标准:每人每年4800元\n',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None)]),
    ('(一)城乡低保\n城市低保标准每人每月650元,农村每人每年4800元。全县城市低保对象1234人,农村低保对象5678人。\n(二)特困供养\n全县特困供养人员890人。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None), (DR, 'urban', 1234, P, None), (DR, 'rural', 5678, P, None), (TR, None, 890, P, None)]),
    ('各县区城市低保标准分别为:甲县600元、乙县620元、丙区650元。',
     [(DS, 'urban', 600, M, None), (DS, 'urban', 620, M, None), (DS, 'urban', 650, M, None)]),
    ('一、城市低保\n保障标准:每人每月650元;\n保障人数:1234人。\n二、农村低保\n保障标准:每人每年4800元;\n保障人数:5678人。',
     [(DS, 'urban', 650, M, None), (DR, 'urban', 1234, P, None), (DS, 'rural', 4800, Y, None), (DR, 'rural', 5678, P, None)]),
    ('(一)最低生活保障。城市低保标准每人每月650元,农村低保标准每人每年4800元。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None)]),
    ('城乡低保保障标准分别为每人每月650元、每人每年4800元,分别比上年增长5%和8%。',
     [(DS, 'urban', 650, M, None), (DS, 'rural', 4800, Y, None)]),
    ('我市城市低保标准达650元/月,位居全省第三。',
     [(DS, 'urban', 650, M, None)]),
    ('城市低保对象1234户2345人,月人均补助420元,全年累计发放低保金1180万元。',
     [(DH, 'urban', 1234, H, None), (DR, 'urban', 2345, P, None), (DE, 'urban', 11800000, YUAN, None)]),
    ('农村低保:保障对象5678户9876人,全年支出资金2345万元;特困供养:保障对象1234人,支出资金890万元。',
     [(DH, 'rural', 5678, H, None), (DR, 'rural', 9876, P, None), (DE, 'rural', 23450000, YUAN, None), (TR, None, 1234, P, None), (OA, None, 8900000, YUAN, None)]),
    ('2023年各省城市低保标准:\n北京:1395元/月\n上海:1510元/月\n天津:1160元/月\n',
     [(DS, 'urban', 1395, M, None), (DS, 'urban', 1510, M, None), (DS, 'urban', 1160, M, None)]),
    ('各地城市低保标准如下:北京1395元/月、上海1510元/月、天津1160元/月。',
     [(DS, 'urban', 1395, M, None), (DS, 'urban', 1510, M, None), (DS, 'urban', 1160, M, None)]),
    ('城市低保标准最高的是上海,每人每月1510元;最低的是甘肃,每人每月600元。',
     [(DS, 'urban', 1510, M, None), (DS, 'urban', 600, M, None)]),
    ('北京市城市低保标准1395元/月,农村1395元/月。',
     [(DS, 'urban', 1395, M, None), (DS, 'rural', 1395, M, None)]),
    ('农村低保标准:\n甲县 4800元/年\n乙县 4600元/年\n',
     [(DS, 'rural', 4800, Y, None), (DS, 'rural', 4600, Y, None)]),
    ('全省14个市城市低保平均标准为每人每月753元,其中沈阳市最高,为925元。',
     [(DS, 'urban', 753, M, None), (DS, 'urban', 925, M, None)]),
    # --- shapes added from a fresh batch of real pages (rows self-written) ---
    # a clause dated before or after the raise states the old or the new level
    ('本轮调整前,全县城市低保标准为每人每月600元、农村为每人每月420元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'rural', 420, M, 'old')]),
    ('提标后,城市低保标准为每人每月650元。', [(DS, 'urban', 650, M, 'new')]),
    # words saying "the earlier one" between 由 and the figure
    ('孤儿基本生活保障标准由之前的每人每月900元提高到每人每月1100元。',
     [(OS, None, 900, M, 'old'), (OS, None, 1100, M, 'new')]),
    # the level a per-person increase reaches is per person
    ('重度残疾人护理补贴每人每月提高10元,达到90元。', [(DIS, None, 90, M, 'new')]),
    # the level a raise builds on is the old one, in the new level's unit
    ('农村低保标准在去年提高到4100元的基础上今年提高到每人每年4500元。',
     [(DS, 'rural', 4100, Y, 'old'), (DS, 'rural', 4500, Y, 'new')]),
    # one figure for both areas' standards
    ('城市低保标准和农村低保标准从700元/月·人提高至730元/月·人。',
     [(DS, 'all', 700, M, 'old'), (DS, 'all', 730, M, 'new')]),
    # parallel statements keep the area of the one before (same standard, same period)
    ('各区城市低保标准每人每月由600元提高到630元;各县低保标准每人每月由520元提高到550元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 630, M, 'new'),
      (DS, 'urban', 520, M, 'old'), (DS, 'urban', 550, M, 'new')]),
    # a period word inside the programme's name
    ('城市居民最低生活月保障标准提高到700元。', [(DS, 'urban', 700, M, 'new')]),
    # a 万 count named by the area-qualified programme noun after it
    ('全省共有城市低保对象12.5万户、20.3万城市低保对象。', [(DH, 'urban', 125000, H, None),
                                          (DR, 'urban', 203000, P, None)]),
    # a 其中 sentence breaks down the previous sentence's programme by place
    ('全年实施临时救助300人次,支出救助资金60万元。其中甲镇10户20人,救助资金3万元;乙乡5户9人,救助资金1.5万元。',
     [(OA, None, 600000, YUAN, None), (OA, None, 30000, YUAN, None), (OA, None, 15000, YUAN, None)]),
    # a reference mark inside the sentence does not cut the figure from its words
    ('全年支出低保资金3.2亿元,其中中央财政补助资金[2]1.5亿元。', [(DE, None, 320000000, YUAN, None)]),
    # the two disability subsidies named by the people who receive them
    ('全县享受困难补贴残疾人1200人次,发放资金36万元。', [(OA, None, 360000, YUAN, None)]),
    # traps: counts over several programmes, average payments, care tiers, ranges, extra spending
    ('全市1.2万名低保和农村五保对象将从中受益。', []),
    ('全县低保、五保对象共计8800人。', []),
    ('城市低保金520万元,月平均补助水平为410.5元。', [(DE, 'urban', 5200000, YUAN, None)]),
    ('自理、半自理和完全不能自理特困人员每人每年1000元、2000元、3000元。', []),
    ('向1500名90周岁以上的老年人发放从600元至2400元不等的高龄津贴。', []),
    ('我市财政年增支出320万元用于此次低保提标。', []),
    ('全县共调出城乡低保120人。', []),
    # a header that names units also names the columns: a cell with its own unit under 救助标准
    ("救助类别 | 救助标准 | 户数 | 人数 | 资金支出(万元) |\n城市低保 | 700元/人/月 | 120 | 180 | 12.5 |\n",
     [(DS, 'urban', 700, M, None), (DH, 'urban', 120, H, None), (DR, 'urban', 180, P, None),
      (DE, 'urban', 125000, YUAN, None)]),
    # a place after a preposition says where, not who
    ('城乡低保对甲市符合条件的5200户、8100人全部纳入保障。',
     [(DH, 'all', 5200, H, None), (DR, 'all', 8100, P, None)]),
    # a count list named by the area-qualified noun after it, in a one-sentence paragraph
    ('全国共有1000.0万户、2000.5万城市低保对象。',
     [(DH, 'urban', 10000000, H, None), (DR, 'urban', 20005000, P, None)]),
    # a sentence naming only the mode of support goes on about the support programme before it
    ('继续提高五保供养标准。今年分散供养标准年人均2600元,集中供养年人均3400元。',
     [(TS, 'rural', 2600, Y, None), (TS, 'rural', 3400, Y, None)]),
    # places named before 从 (五区从…提高到…) and places listed by short names before the verb
    ('全市城市低保标准提高6%,五区从每人每月800元提高到不低于848元、三县从每人每月600元提高到不低于636元。',
     [(DS, 'urban', 800, M, 'old'), (DS, 'urban', 848, M, 'new'), (DS, 'urban', 600, M, 'old'),
      (DS, 'urban', 636, M, 'new')]),
    ('农村低保标准方面,东丰、西岭、南湖经济开发区提高为每人每月300元,北坪提高为每人每月280元。',
     [(DS, 'rural', 300, M, 'new'), (DS, 'rural', 280, M, 'new')]),
    # 均 (both) between a standard and its raise; an area in brackets after each figure
    ('困难残疾人生活补贴和重度残疾人护理补贴标准均从90元/人/月提高到100元/人/月。',
     [(DIS, None, 90, M, 'old'), (DIS, None, 100, M, 'new')]),
    ('散居孤儿基本生活费由每人每月700元(城市)和500元(农村)提高到每人每月800元。',
     [(OS, 'urban', 700, M, 'old'), (OS, 'rural', 500, M, 'old'), (OS, None, 800, M, 'new')]),
    # an area that qualifies another programme (the yardstick) is not the figure's area
    ('集中供养人员按城市低保标准领取五保供养金,分散供养标准由每人每年1500元提高到1800元。',
     [(TS, 'rural', 1500, Y, 'old'), (TS, 'rural', 1800, Y, 'new')]),
    # 调至 is a raise verb; 原来的 marks the old level
    ('将城市低保标准从原来的每人每月300元调至每人每月330元。',
     [(DS, 'urban', 300, M, 'old'), (DS, 'urban', 330, M, 'new')]),
    # old values listed before 分别, paired with the areas like the new ones after it
    ('城乡低保平均标准由2015年的400元/月、3000元/年,分别提高到600元/月、5000元/年。',
     [(DS, 'urban', 400, M, 'old'), (DS, 'rural', 3000, Y, 'old'), (DS, 'urban', 600, M, 'new'),
      (DS, 'rural', 5000, Y, 'new')]),
    # a sentence running area by area: each amount belongs to the area before it
    ('其中城市低保1000户1500人,发放低保金800万元,农村低保2000户3500人,发放低保金900万元。',
     [(DH, 'urban', 1000, H, None), (DR, 'urban', 1500, P, None), (DE, 'urban', 8000000, YUAN, None),
      (DH, 'rural', 2000, H, None), (DR, 'rural', 3500, P, None), (DE, 'rural', 9000000, YUAN, None)]),
    # ... but a total after urban and rural counts covers both
    ('城市低保1000户,农村低保2000户,全年共发放低保金1700万元。',
     [(DH, 'urban', 1000, H, None), (DH, 'rural', 2000, H, None), (DE, 'all', 17000000, YUAN, None)]),
    # the programme word after a count list names its area, though an earlier word was taken first
    ('全年为100户150人发放城市低保金80万元,为300户520人发放农村低保金90万元。',
     [(DH, 'urban', 100, H, None), (DR, 'urban', 150, P, None), (DE, 'urban', 800000, YUAN, None),
      (DH, 'rural', 300, H, None), (DR, 'rural', 520, P, None), (DE, 'rural', 900000, YUAN, None)]),
    # a flat-rate allowance named right after a per-person amount
    ('对80周岁以上老年人每人每月发放120元高龄补贴。', [(EA, None, 120, M, None)]),
    # a 万 amount after a money noun that lost its 元
    ('全年支出低保金1200万,月人均补助水平达到300元。', [(DE, None, 12000000, YUAN, None)]),
    # heating subsidies are other assistance; a province's share of a standard is no standard
    ('为低保家庭发放供热补贴12.5万元。', [(OA, None, 125000, YUAN, None)]),
    ('提高特困人员省级补助标准,集中供养、分散供养年人均分别达到5000元、4000元。', []),
    # 城市"三无"人员 are the urban forerunner of 特困 support
    ('全省城市“三无”老人平均供养标准为:集中供养每人每月900元,分散供养每人每月750元。',
     [(TS, 'urban', 900, M, None), (TS, 'urban', 750, M, None)]),
    # two per-person figures after one 城乡 cue, no 分别: urban then rural
    ('城乡低保标准每人每月不低于700元、480元。', [(DS, 'urban', 700, M, None), (DS, 'rural', 480, M, None)]),
    # a section head naming one area governs its programme's figures
    ('(一)城市低保工作。截止6月底,全区低保对象2000户,4100人,月发放低保金70万元。',
     [(DH, 'urban', 2000, H, None), (DR, 'urban', 4100, P, None), (DE, 'urban', 700000, YUAN, None)]),
    # orphans and children without de facto carers are one programme's payment
    ('为40名孤儿、事实无人供养儿童发放基本生活费60万元。', [(OA, None, 600000, YUAN, None)]),
    # money for insurance named between the programme word and the amount is not aid spending
    ('医疗救助人员参加新农合3000人,计20万元。', []),
    # a statistical report's row with the earlier period and the change beside this period's value
    ("| A 城市低保累计支出 | 万元 | 1,200.5 | 1,100.0 | 9.14 |\n| B 农村低保累计支出 | 万元 | 3,000.0 | 2,500.0 | 20.00 |\n",
     [(DE, 'urban', 12005000, YUAN, None), (DE, 'urban', 11000000, YUAN, None),
      (DE, 'rural', 30000000, YUAN, None), (DE, 'rural', 25000000, YUAN, None)]),
    # the same rows copied with spaces for cells; a count row names its unit in its label
    ("城市低保支出 万元 2,000.0 1,800.0 11.11\n(1)城市低保人数 70,000 71,000 -1.41\n城市低保户数 40,000\n",
     [(DE, 'urban', 20000000, YUAN, None), (DE, 'urban', 18000000, YUAN, None),
      (DR, 'urban', 70000, P, None), (DR, 'urban', 71000, P, None), (DH, 'urban', 40000, H, None)]),
    # 纳入 after a date is the stock on the rolls, not new entrants
    ('截至2015年6月底,全省纳入城市低保30.5万户、70.2万人。',
     [(DH, 'urban', 305000, H, None), (DR, 'urban', 702000, P, None)]),
    ('全年新纳入低保对象300户。', []),
    # 人均救助 is a payment level, not the standard
    ('城乡低保平均标准达到600元/月和5000元/年,月人均救助380元和240元。',
     [(DS, 'urban', 600, M, None), (DS, 'rural', 5000, Y, None)]),
    # a 万 count whose unit is the programme's noun after it, with that noun's area
    ('此次提标,将使20万左右城乡低保群众、近3万农村五保供养对象受益。',
     [(DR, 'all', 200000, P, None), (TR, 'rural', 30000, P, None)]),
    ('全市共有1.5万低保户、2.8万低保对象。', [(DH, None, 15000, H, None), (DR, None, 28000, P, None)]),
    # a numbered row copied with spaces
    ("2.农村特困人员救助供养人数 60,100 60,050 0.08\n", [(TR, 'rural', 60100, P, None), (TR, 'rural', 60050, P, None)]),
    # the amounts a standard is paid at, the programme named after the 标准 clause
    ('按照集中供养每人每年7000元和分散供养每人每年4500元的标准,为600名五保对象发放供养金。',
     [(TS, 'rural', 7000, Y, None), (TS, 'rural', 4500, Y, None), (TR, 'rural', 600, P, None)]),
    # places counted or named as a class head items (六个县市, 其他各县(市)); 月人均保障标准
    ('城市低保月人均保障标准五城区由300元、六个县市由280元分别提高到330元。',
     [(DS, 'urban', 300, M, 'old'), (DS, 'urban', 280, M, 'old'), (DS, 'urban', 330, M, 'new')]),
    # 低保临时补助 is a one-off payment line of the statistical tables
    ("| II 城市低保临时补助 | 万元 | 100.5 | 90.0 | 11.67 |\n",
     [(OA, 'urban', 1005000, YUAN, None), (OA, 'urban', 900000, YUAN, None)]),
    # 福利补助标准 of orphans is their standard
    ('社会散居孤儿福利补助标准每人每月700元。', [(OS, None, 700, M, None)]),
    # 纳入 is the number on the rolls, unless it stands beside an outflow
    ('1-5月,全县共纳入农村低保4000户6500人。', [(DH, 'rural', 4000, H, None), (DR, 'rural', 6500, P, None)]),
    ('取消农村低保50户90人;纳入农村低保70户120人。', []),
    # a count whose next clause pays the programme (累计发放城市低保金)
    ('其中,城市有1200户2100人,累计发放城市低保金800万元。',
     [(DH, 'urban', 1200, H, None), (DR, 'urban', 2100, P, None), (DE, 'urban', 8000000, YUAN, None)]),
    # standards written as the household income line they guarantee; care-subsidy tiers
    ('农村低保标准从家庭年人均收入2400元提高到2600元。',
     [(DS, 'rural', 2400, Y, 'old'), (DS, 'rural', 2600, Y, 'new')]),
    ('重度残疾人护理补贴标准,一级护理从每人每月100元提高到120元。',
     [(DIS, None, 100, M, 'old'), (DIS, None, 120, M, 'new')]),
    # figures listed before the raise verb are all old
    ('分别将分散供养300元/人/月、集中供养400元/人/月调整为350元/人/月、450元/人/月。', []),
    ('五保供养标准分别将分散供养300元/人/月、集中供养400元/人/月调整为350元/人/月、450元/人/月。',
     [(TS, 'rural', 300, M, 'old'), (TS, 'rural', 400, M, 'old'), (TS, 'rural', 350, M, 'new'),
      (TS, 'rural', 450, M, 'new')]),
    # traps: a cap per case, a payment to each household, a difference between two figures
    ('医疗救助最高救助金额由原1.5万元提高到2万元。', []),
    ('春节期间为每个低保户发放500元慰问金。', []),
    ('城市低保标准调整为每人每月500元,农村低保标准调整为每人每月300元,两者差距多达200元。',
     [(DS, 'urban', 500, M, 'new'), (DS, 'rural', 300, M, 'new')]),
    # the ministry's table of standards by region, copied with spaces; its rows are never a wrap
    ("2015年农村低保9月份地级标准\n区划代码 地区 标准 区县合计数 区县数量\n(元/人、年)\n"
     "1301 甲市 2900.50 34376.2 18\n1302 乙市 3100.00 46424.4 19\n1303 丙市 2800.25 16856.4 8\n"
     "1304 丁市 2950.75 31904.0 19\n1305 戊市 3000.00 34872.0 21\n",
     [(DS, 'rural', v, Y, None) for v in (2900.5, 3100, 2800.25, 2950.75, 3000)]),
    # the items of a list after a colon, split by semicolons, places joined by 和
    ('各地城市低保标准分别为:甲市400元/月;乙市和丙州420元/月;丁州和戊州410元/月。',
     [(DS, 'urban', 400, M, None), (DS, 'urban', 420, M, None), (DS, 'urban', 410, M, None)]),
    # listed items naming their own area keep the role of the item before
    ('低保标准从原来的城市600元/月、农村400元/月,提升至城市650元/月、农村450元/月。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'rural', 400, M, 'old'), (DS, 'urban', 650, M, 'new'),
      (DS, 'rural', 450, M, 'new')]),
    # after 城乡, a per-month and a per-year figure split by a comma are urban then rural
    ('全市城乡低保保障标准为500元/月人,4000元/年人。', [(DS, 'urban', 500, M, None), (DS, 'rural', 4000, Y, None)]),
    # a line ending 如下: heads the lines below with the programme of the figures before it
    ('今年全省农村低保最低标准提高到每人每年4000元。\n各地具体标准如下:\n甲市:市辖区每人每年6000元,乙县每人每年4500元。\n',
     [(DS, 'rural', 4000, Y, None), (DS, 'rural', 6000, Y, None), (DS, 'rural', 4500, Y, None)]),
    # 平均发放标准 is a payment level
    ('城镇低保平均发放标准由250元提高到280元。', []),
    # sub-headings under an introduction naming the programme's standard head standards too
    ('提标后,全市城市和农村低保标准各分为两个档次:\n一、城市低保\n1、五个区:甲区、乙区和丙区,为700元/月(8400元/年)。\n',
     [(DS, 'urban', 700, M, None), (DS, 'urban', 8400, Y, None)]),
    # 五保 standards of 1000元 and more without a period are per year
    ('2012年,农村五保供养标准提高到1800元。', [(TS, 'rural', 1800, Y, None)]),
    # PDF copies space a word's characters apart (调 整为)
    ('城市特困人员基本生活标准全市统一调 整为每人每月 900 元。', [(TS, 'urban', 900, M, 'new')]),
    # 其…标准 goes on about the subject of the sentence before
    ('全县共有孤儿20名。调整后,其基本生活费补助标准将由每人每月1200元提高到1300元。',
     [(OS, None, 1200, M, 'old'), (OS, None, 1300, M, 'new')]),
    # an area's standard with no programme named goes on about the caseload counted before it
    # (a first sentence over 40 characters, so it is no heading whose programme heads the next)
    ('截至今年年末,全省共有城乡低保对象120万人,其中城镇居民20万人,农村居民100万人。'
     '全省城镇居民平均标准达到每人每月650元,农村居民达到每人每年5400元。',
     [(DR, 'all', 1200000, P, None), (DR, 'urban', 200000, P, None), (DR, 'rural', 1000000, P, None),
      (DS, 'urban', 650, M, None), (DS, 'rural', 5400, Y, None)]),
    ('年末全省城镇居民人均可支配收入4.2万元。全省城镇居民平均标准达到每人每月650元。', []),
    # the stock at the end of a period, after the period's flows
    ('本季度城市低保对象增加100户120人,退出150户200人,季度末城市低保对象2800户4000人。',
     [(DH, 'urban', 2800, H, None), (DR, 'urban', 4000, P, None)]),
    # a 万 figure after a word for people is a count of them
    ('去年享受低保的人口为4000万,特困人员450万。', [(DR, None, 40000000, P, None), (TR, None, 4500000, P, None)]),
    # 享受…待遇的家庭; 补差 is a payment level
    ('第一季度享受城市低保待遇的家庭2800户4700人。', [(DH, 'urban', 2800, H, None), (DR, 'urban', 4700, P, None)]),
    ('城镇低保对象人月平均补差由130元提高至135元。', []),
    # a 由/从 after the raise word of a scope phrase (在提高…中) still starts the old level
    ('在提高市区城乡低保标准中,市区城市低保标准由原来的每人每月684元提高到每人每月732元。',
     [(DS, 'urban', 684, M, 'old'), (DS, 'urban', 732, M, 'new')]),
    # 从现行的 / 从2020年的: the old level named by its time
    ('城市低保省级指导标准将从2020年的每人每月640元提高到每人每月660元。',
     [(DS, 'urban', 640, M, 'old'), (DS, 'urban', 660, M, 'new')]),
    ('五保集中供养标准从现行的180元/月提高到250元/月。',
     [(TS, 'rural', 180, M, 'old'), (TS, 'rural', 250, M, 'new')]),
    # (具备生活)自理 names the basic standard of those who look after themselves; care tiers stay out
    ('集中供养具备生活自理能力城市特困人员供养标准从1220元/月调整为1280元/月。',
     [(TS, 'urban', 1220, M, 'old'), (TS, 'urban', 1280, M, 'new')]),
    ('特困人员照料护理标准:半自理人员每人每月200元,全护理人员每人每月600元。', []),
    # a converter that lost the middle dot leaves 元/人?月, which ends no sentence
    ('城乡低保标准:360元/人?月和205元/人?月', [(DS, 'urban', 360, M, None), (DS, 'rural', 205, M, None)]),
    # a question names the subject of its answer (Q&A pages)
    ('问:农村低保标准是多少?答:每人每月300元。', [(DS, 'rural', 300, M, None)]),
    ('问:特困人员救助供养标准是多少?答:集中供养每人每年9000元,分散供养每人每年7000元。',
     [(TS, None, 9000, Y, None), (TS, None, 7000, Y, None)]),
    # projections and budgets are no figures in force
    ('明年城乡低保标准将继续提高,预计城市达到255元/月,农村达到1500元/年。', []),
    ('2009年我省本级财政预算低保资金增加到9亿多元。', []),
    # a clause comparing the figure with last year does not change the subject
    ('低保保障人数大幅度增加,城市89万人,比去年增加5万人;农村170万人,比去年增加14万人。',
     [(DR, 'urban', 890000, P, None), (DR, 'rural', 1700000, P, None)]),
    # a web table copied one cell per line, blank lines between: the title above names the programme
    ('甲区2018年12月农村居民最低生活保障金发放情况\n\n街镇名称\n\n户  数\n\n人  数\n\n金额(元)\n\n'
     '甲镇\n\n25\n\n28\n\n20740\n\n乙镇\n\n0\n\n0\n\n0\n\n丙镇\n\n4\n\n4\n\n4180\n',
     [(DH, 'rural', 25, H, None), (DR, 'rural', 28, P, None), (DE, 'rural', 20740, YUAN, None),
      (DH, 'rural', 4, H, None), (DR, 'rural', 4, P, None), (DE, 'rural', 4180, YUAN, None)]),
    # … but not when a column name stands where a row label should (序号 / … / 人数(人) / 1 / …)
    ('低保对象花名册\n\n序号\n\n姓名\n\n人数(人)\n\n金额(元)\n\n1\n\n2\n\n300\n\n2\n\n1\n\n150\n', []),
    # a standard spelt out in brackets after 标准
    ('发放标准为我市城乡低保标准(城市低保为每人每月590元、农村低保为每人每月470元)×当月价格涨幅。',
     [(DS, 'urban', 590, M, None), (DS, 'rural', 470, M, None)]),
    # 提标后 dates the clause; the figure right before 提高到 is the old level
    ('提标后城市低保保障标准每人每月510元提高到每人每月640元。',
     [(DS, 'urban', 510, M, 'old'), (DS, 'urban', 640, M, 'new')]),
    # the standard raised by a share (上浮30%) is a payment's yardstick; care tiers (照护) stay out
    ('低保金按城镇低保标准上浮30%计算,即由原来每人每月690元提高到702元。', []),
    ('按照全失能每人每月950元,全自理集中特困供养人员285元的标准发放照护补贴。', []),
    # heating, price, holiday and utility payments are other assistance, whoever receives them
    ('我市于近日为低保对象发放了1459万元取暖救助金。', [(OA, None, 14590000, YUAN, None)]),
    ('为341户城乡低保户、五保户发放全年电价补贴2.64万元。', [(OA, None, 26400, YUAN, None)]),
    # a programme's count before its spending does not change the subject
    ('全市特困供养人员33868人,累计发放生活、护理补贴资金7621.08万元。',
     [(TR, None, 33868, P, None), (OA, None, 76210800, YUAN, None)]),
    # a standard written as the household income line it guarantees, also under a label
    ('农村低保保障标准为家庭年人均纯收入6000元。', [(DS, 'rural', 6000, Y, None)]),
    ('城市低保:按家庭月人均收入低于670元的标准实行差额救助。', [(DS, 'urban', 670, M, None)]),
    # … while a household income statistic stays an income
    ('2020年农村居民家庭人均纯收入6000元,城市低保标准每人每月500元。', [(DS, 'urban', 500, M, None)]),
    # a statistical report's row with this period, the earlier period, the change and a further
    # earlier period (本期 | 上季度 | 增长% | 上月), inline or one cell per line
    ('A 城市低保累计支出 | 万元 | 17,436.6 | 9,119.6 | 91.20 | 14,486.9 |\n',
     [(DE, 'urban', 174366000, YUAN, None), (DE, 'urban', 91196000, YUAN, None),
      (DE, 'urban', 144869000, YUAN, None)]),
    ('| A 城市低保累计支出 |\n万元 |\n2,517.5 |\n1,859.9 |\n35.36 |\n2,300.3 |\n| I 城市低保金 |\n',
     [(DE, 'urban', 25175000, YUAN, None), (DE, 'urban', 18599000, YUAN, None),
      (DE, 'urban', 23003000, YUAN, None)]),
    # a table of a raise by place, its cells copied as single spaces, the header naming each
    # column's unit, the caption the programme's standard; one or two places a row, ranges
    ('各地级市城市低保标准调整情况\n地区 调整前(元/月·人) 调整后(元/月·人)\n甲市 500~520 560~580\n'
     '乙市 丙市 480 530\n\n丁市 470 515\n以上标准自7月1日起执行。\n',
     [(DS, 'urban', 500, M, 'old'), (DS, 'urban', 560, M, None), (DS, 'urban', 480, M, 'old'),
      (DS, 'urban', 530, M, None), (DS, 'urban', 470, M, 'old'), (DS, 'urban', 515, M, None)]),
    # … the same with bars: the caption's 标准 makes the per-person columns the standard
    ('各县农村低保标准提高情况\n| 县 | 提高前(元/人·年) | 提高后(元/人·年) |\n| 甲县 | 4800 | 5400 |\n',
     [(DS, 'rural', 4800, Y, 'old'), (DS, 'rural', 5400, Y, None)]),
    # … but not a caption naming no programme, and a count column under it is no standard
    ('各市调整情况\n地区 调整前(元/月·人) 调整后(元/月·人)\n甲市 500 560\n', []),
    ('各区城市低保标准及保障人数\n| 区 | 标准(元/月·人) | 人数(人) |\n| 甲区 | 700 | 1200 |\n',
     [(DS, 'urban', 700, M, None), (DR, 'urban', 1200, P, None)]),
    # a projection said after a figure ends at the next clause naming its own programme; one
    # opening the sentence governs every figure of its list
    ('今年全省城市低保对象12万人,预计全年发放资金9亿元,农村低保对象30万人,预计全年发放资金15亿元。',
     [(DR, 'urban', 120000, P, None), (DR, 'rural', 300000, P, None)]),
    ('全年预计城市低保支出600万元,农村低保支出4000万元,五保供养支出250万元。', []),
    # 在册 (on the roll) is a word of stock; 五保户 counted in 万 are persons, 低保户 households
    ('全市城乡低保在册对象6232户、9922人。', [(DH, 'all', 6232, H, None), (DR, 'all', 9922, P, None)]),
    ('全省有45.7万农村五保户,2.3万城市低保户。', [(TR, 'rural', 457000, P, None), (DH, 'urban', 23000, H, None)]),
    # a tier's figure after the long prose description of the places of the tier before it
    ('全省农村低保标准划分为两个档次,分别为:第一档6000元/年,甲市各区(市、特区)、乙县,其余各市(州)的'
     '县级市(区)、市(州)府所在地周边经济开发区;第二档5800元/年,其余县。',
     [(DS, 'rural', 6000, Y, None), (DS, 'rural', 5800, Y, None)]),
    # tiers of places closed by 等, with exclusions in brackets, and a tier split urban/rural
    ('甲市、乙市等一类地区城乡低保最低标准为1000元/人月,丙市(不含丁县、戊县)等二类地区为900元/人月,'
     '己市等三类地区城镇为800元/人月、农村为600元/人月。',
     [(DS, 'all', 1000, M, None), (DS, 'all', 900, M, None), (DS, 'urban', 800, M, None),
      (DS, 'rural', 600, M, None)]),
    # a back-payment names its fund after 补发 (or the raise's, 提标资金): spending, not an increment;
    # a per-person 补发 stays an increment, and 低保等救助资金 is several programmes' money
    ('今年为1200人补发低保金35.6万元,补发提标补助资金12万元。',
     [(DR, 'all', 1200, P, None), (DE, 'all', 356000, YUAN, None), (DE, 'all', 120000, YUAN, None)]),
    ('每人补发低保金50元。', []),
    ('全县已启动低保等救助资金补发工作,累计补发资金约600万元。', []),
    # 散居 is the dispersed mode of 五保 too; a 指导线 is the standard's guideline
    ('对农村散居供养的五保对象,最低供养标准指导线提高为每人每月不低于200元。',
     [(TS, 'rural', 200, M, None)]),
    # one figure for both areas (城镇和农村…均为) is the unified standard, area all (labellers of
    # fresh batches disagree here: gB006 both areas, gF020 all; the policy calls unified levels all)
    ('城镇和农村低保最低标准均为每人每月600元。', [(DS, 'all', 600, M, None)]),
    ('城乡低保标准均为每人每月600元。', [(DS, 'all', 600, M, None)]),
    # money for 五保 people is rural money; 慰问款 is a holiday one-off
    ('为50名散居五保老人发放临时生活补贴5万元。', [(TR, 'rural', 50, P, None), (OA, 'rural', 50000, YUAN, None)]),
    ('春节前发放困难群众慰问款80万元。', [(OA, None, 800000, YUAN, None)]),
    # a bilingual yearbook table: the label's English follows its Chinese and unit, one figure per
    # year column; with bars, tabs or spaces, and the long row is no wrapped line of prose
    ('| 指标 Item | 2020 | 2021 |\n| 城市最低生活保障人数(万人) Urban Recipients of Minimum Living '
     'Allowance (10000 persons) | 5.2 | 4.9 |\n',
     [(DR, 'urban', 52000, P, None), (DR, 'urban', 49000, P, None)]),
    ('指标 Item\t2020\t2021\n城市最低生活保障人数(万人) Urban Recipients of Minimum Living Allowance '
     '(10000 persons)\t5.2\t4.9\n农村最低生活保障人数(万人) Rural Recipients (10000 persons)\t30.1\t28.7\n',
     [(DR, 'urban', 52000, P, None), (DR, 'urban', 49000, P, None), (DR, 'rural', 301000, P, None),
      (DR, 'rural', 287000, P, None)]),
    ('指标 Item 2020 2021\n农村最低生活保障人数(万人) Rural Recipients of the Minimum Living Allowance '
     'of Rural Residents (10000 persons) 30.1 28.7\n',
     [(DR, 'rural', 301000, P, None), (DR, 'rural', 287000, P, None)]),
    # a clause introducing the programme's standard, then per-month figures naming only the area
    ('自今年1月起,全省实施统一的城乡低保指导标准,城市低保为每月400元、农村低保为每月200元。',
     [(DS, 'urban', 400, M, None), (DS, 'rural', 200, M, None)]),
    # … but a one-off subsidy's rate for the programme's people is no standard of the programme
    ('按照城市低保对象300元/人、农村低保对象200元/人的补贴标准发放一次性生活补贴。', []),
    # a division slash (U+2215) is the unit's slash
    ('农村低保标准提高到每人每年2760元(230元\u2215月)。',
     [(DS, 'rural', 2760, Y, None), (DS, 'rural', 230, M, None)]),
    # a count in 万 before the programme's full name; a 临时补助 to its people is other assistance
    ('保障全市38万城乡最低生活保障对象按时领取低保金。', [(DR, 'all', 380000, P, None)]),
    ('发放城市最低生活保障对象临时补助311万元。', [(OA, 'urban', 3110000, YUAN, None)]),
    # a monthly allowance followed by its year's worth
    ('高龄津贴:90至99周岁每人每月可领200元,全年2400元。', [(EA, None, 200, M, None), (EA, None, 2400, Y, None)]),
    # places after a semicolon, a bracket in their name (四县(市)), go on with the area of the half
    # before, not the area of the paragraph's first statement
    ('甲市城市低保标准:九区从每人每月600元提高到650元。农村低保标准:九区从每人每年5000元提高到5400元;'
     '四县(市)从每人每年4200元提高到4600元。',
     [(DS, 'urban', 600, M, 'old'), (DS, 'urban', 650, M, None), (DS, 'rural', 5000, Y, 'old'),
      (DS, 'rural', 5400, Y, None), (DS, 'rural', 4200, Y, 'old'), (DS, 'rural', 4600, Y, None)]),
    # the near-poor (低保边缘户) under a heading on the programme are not its people
    ('甲市现在的最低生活保障是多少\n\n如题所述\n\n城市低保边缘户标准,九区从每人每月650元至750元提高到700元至800元;'
     '四县(市)从每人每月500元至600元提高到550元至650元。', []),
    # 重度残疾 without 人 names the disability subsidies; 临时救济 is temporary aid; a programme's
    # 制度 being 实施 and its 医疗对象 are no other subject
    ('为重度残疾1200人次发放护理补贴60万元。', [(OA, None, 600000, YUAN, None)]),
    ('上半年发放临时救济金2.4万元。', [(OA, None, 24000, YUAN, None)]),
    ('医疗救助制度全面实施,救助城乡医疗对象453人次,发放救助金32.5万元。', [(OA, 'all', 325000, YUAN, None)]),
    # a township's own dibao rolls and payments are rural, also in a later sentence; its other aid
    # stays all
    ('今年一至六月该镇共为120户260名低保对象发放低保金30万元。纳入今年低保范围的共有120户260人。'
     '临时救助15人,发放救助金2.4万元。',
     [(DH, 'rural', 120, H, None), (DR, 'rural', 260, P, None), (DE, 'rural', 300000, YUAN, None),
      (OA, 'all', 24000, YUAN, None)]),
    # a 分别 before increments pairs the increments, not the next statement's figures
    ('全省城乡低保平均标准分别达到每月500元和每年4000元,分别比上年提高15元和300元,全省农村五保集中和分散'
     '供养标准分别达到每年6000元和4500元。',
     [(DS, 'urban', 500, M, None), (DS, 'rural', 4000, Y, None), (TS, 'rural', 6000, Y, None),
      (TS, 'rural', 4500, Y, None)]),
    # the lowest after the highest, each named by a place's short name
    ('全省城市低保标准最高的是金平700元,最低的是安远370元。',
     [(DS, 'urban', 700, M, None), (DS, 'urban', 370, M, None)]),
    # a subsidy paid to the programme's people is other assistance, not its payments
    ('春节前,为城市低保对象10931人发放补贴751.9万元。',
     [(DR, 'urban', 10931, P, None), (OA, 'urban', 7519000, YUAN, None)]),
    ('全年为城市低保对象10931人发放低保金751.9万元。',
     [(DR, 'urban', 10931, P, None), (DE, 'urban', 7519000, YUAN, None)]),
    # the centre's subsidy by the region's tier (东、中、西部) is its share, not a standard
    ('中央财政下拨孤儿基本生活费补助资金,对东、中、西部的补助标准分别为每人每月200元、300元、400元。', []),
    # after flows (取消, 新纳), 现为/目前 give the number on the rolls now
    ('经复核,取消城市低保对象40户95人,新纳57户120人,城市低保对象现为2180户4370人。',
     [(DH, 'urban', 2180, H, None), (DR, 'urban', 4370, P, None)]),
    ('今年新增农村低保对象3.2万人,清退1.1万人,目前确定农村低保对象15.6万户、27.3万人。',
     [(DH, 'rural', 156000, H, None), (DR, 'rural', 273000, P, None)]),
    # households found not eligible (不符合…条件) are an outflow, not the rolls
    ('经核查,将不符合低保政策条件的31户56人移出保障范围。', []),
    # …and so are those the outflow is said after
    ('对城乡低保进行复查,将31户56人及时清退出低保范围。', []),
    # a caseload spaced from its units, with more of the sentence after it
    ('农村低保现已保障 2150 户 4385 人,月保障每人每月 320元。',
     [(DH, 'rural', 2150, H, None), (DR, 'rural', 4385, P, None)]),
    # 农牧 (farming and herding areas) is the rural side in pastoral regions; 农牧民 are all people
    ('城镇低保820户1450人,农牧低保960户2210人,发放资金410.5万元。',
     [(DH, 'urban', 820, H, None), (DR, 'urban', 1450, P, None), (DH, 'rural', 960, H, None),
      (DR, 'rural', 2210, P, None), (DE, 'rural', 4105000, YUAN, None)]),
    # 个 counts people before a noun for them, not places
    ('今年全旗为5630个城乡低保对象发放低保金1620万元,覆盖全旗12个乡镇。',
     [(DR, 'all', 5630, P, None), (DE, 'all', 16200000, YUAN, None)]),
    # in a list of counts, each count's own noun (after 名) names its area
    ('春节前为全县6200名城市低保对象、35400名农村低保对象发放节日补助金。',
     [(DR, 'urban', 6200, P, None), (DR, 'rural', 35400, P, None)]),
    # a fund of assistance paid to people, with no programme named: other assistance
    ('救助困难职工120户,发放救助金18.5万元。', [(OA, 'all', 185000, YUAN, None)]),
    ('为困难家庭增发冬季取暖、电费等补贴156万元。', [(OA, 'all', 1560000, YUAN, None)]),
    # a bare 救助资金 in the sentence after a programme's figures goes on with that programme
    ('城市低保:3月共救助520户880人,发放低保金40.2万元。1至3月累计救助2460人次,支出救助资金121.6万元。',
     [(DH, 'urban', 520, H, None), (DR, 'urban', 880, P, None), (DE, 'urban', 402000, YUAN, None),
      (DE, 'urban', 1216000, YUAN, None)]),
    # …but not totals over all aid, nor disaster relief, nor a total broken down after it
    ('全年累计发放各类救助资金2.3亿元。', []),
    ('全市共发放困难群众救助资金8100万元。', []),
    ('为受灾群众发放救灾救助金120万元。', []),
    ('一季度发放救助资金6500万元,其中城市低保金2100万元。', [(DE, 'urban', 21000000, YUAN, None)]),
    # a year or a month spelled out (一年, 每个月) is the period
    ('该县农村低保标准由一年450元提高到680元。', [(DS, 'rural', 450, Y, 'old'), (DS, 'rural', 680, Y, 'new')]),
    ('城市低保标准提高到每人每个月360元。', [(DS, 'urban', 360, M, 'new')]),
    # a 政务公开 table of a month's payments by town, its programme named only in the note below;
    # an empty (0) cell is no figure
    ('街镇名称 | 人数 | 金额(元) |\n甲镇 | 1200 | 240000 |\n乙街道 | 800 | 160500 |\n丙乡 | 0 | 0 |\n'
     '合 计 | 2000 | 400500 |\n备注:残疾等级为一级的重度残疾人,护理补贴标准为每人每月300元。',
     [(OA, None, 240000, YUAN, None), (OA, None, 160500, YUAN, None), (OA, None, 400500, YUAN, None),
      (DIS, None, 300, M, None)]),
    ('街镇名称 | 人数 | 金额(元) |\n甲镇街道 | 300 | 61200 |\n备注:高龄津贴按月发放。',
     [(OA, None, 61200, YUAN, None)]),
    # …but a page naming two programmes does not say whose the rows are
    ('街镇名称 | 人数 | 金额(元) |\n甲镇 | 1200 | 240000 |\n'
     '备注:高龄津贴和重度残疾人护理补贴合并发放。', []),
    # age bands written with 岁 on both ends, their people 人员, paid 月发放 (per head, per month)
    ('高龄补贴发放标准为:70岁至79岁人员月发放60元;80岁至89岁人员月发放120元;90岁以上人员月发放300元。',
     [(EA, None, 60, M, None), (EA, None, 120, M, None), (EA, None, 300, M, None)]),
    # a rural line of 1000元 or more with no unit is a year's
    ('全省农村低保平均保障标准提高12%,达到1560元。', [(DS, 'rural', 1560, Y, 'new')]),
    # a period heading a list of places after a colon; places by short names right before figures
    ('农村低保标准为每人每年:甲山、乙水5820元,丙川、丁坪、戊县5460元,己县、庚林4980元。',
     [(DS, 'rural', 5820, Y, None), (DS, 'rural', 5460, Y, None), (DS, 'rural', 4980, Y, None)]),
]


def _key(fact):
    indicator, area, value, unit, qualifier = fact
    return indicator, float(value), unit, qualifier == "old", str(area)


def _facts(text):
    # the table states what the rules read; the learned reader (its own tests) is left out
    got = [(ROLLED_UP.get(r["indicator"], r["indicator"]), r["area"], r["value"], r["unit"],
            r["qualifier"]) for r in extract_records(text, learned=False)]
    return sorted((f for f in got if f[0] in POLICY), key=_key)


@pytest.mark.parametrize("text,expected", SHAPES, ids=[f"shape{i:03d}" for i in range(len(SHAPES))])
def test_sentence_shape(text, expected):
    got = _facts(text)
    want = sorted(expected, key=_key)
    assert len(got) == len(want), (got, want)
    for g, w in zip(got, want):
        assert _key(g)[:4] == _key(w)[:4] and (w[1] is None or g[1] == w[1]), (got, want)


def test_spans_point_into_the_text():
    for text, _ in SHAPES:
        for r in extract_records(text):
            assert text[r["span_start"]:r["span_end"]] == r["text"]


# --- the new rules stay linear: runs that a quadratic rule would take minutes over -------------

def test_a_table_stating_one_row_thousands_of_times_is_one_fact_listing_every_row():
    row = "| 城市低保 | 1 |\n甲县1元/月 |\n"
    text = "| 类别 | 人数(人) | 标准(元) |\n" + row * 5000
    out = extract_records(text)
    assert sorted((r["indicator"], r["value"]) for r in out) == [("dibao_recipients", 1.0),
                                                                ("dibao_standard", 1.0)]
    for r in out:
        assert r["source_ref"].count(";") == 4999  # every statement's span, each listed once


@pytest.mark.parametrize("junk", ["低\n" * 50000, "万人\n1\n" * 10000,
                                  "城市低保标准每人每月600元" + ";农村每人每年5元" * 10000,
                                  "低保" + "经过动态调整后" * 20000 + "共有1人",
                                  "2019年城市低保标准600元/月" + ",2020年提高到650元/月" * 10000,
                                  # place lists whose separator is also a word character (及, 和)
                                  "城市低保标准:" + "及" * 60000 + "乙县由每人每月500元提高到600元。",
                                  "城市低保标准提高到每人每月600元(" + "和" * 60000 + "500元)",
                                  "城市居民最低生活保障标准按工资确定。\n" + "标准由" * 30000 + "5元/月",
                                  "城乡低保标准:一类地区每人每月700元;" + "二、三、" * 30000 + "类为6元。",
                                  "提高城乡低保和特困人员标准," + "惠及" * 30000 + "100人",
                                  "发放临时救助金\n" + "975 人,\n" * 10000,
                                  # spaced tables: a header of units, rows of one place and figure
                                  "城市低保标准\n地区 标准(元/月·人)\n" + "甲市 1\n" * 20000,
                                  "城市低保标准\n地区" + " 前(元)" * 30000 + "\n甲市 1\n",
                                  # a list of short place names under a period heading
                                  "农村低保标准为每人每年:" + "甲乙、" * 30000 + "5元",
                                  "农村低保标准为每人每年:" + "、甲乙丙" * 30000 + "5元",
                                  # a bilingual cell: Chinese and English words alternating
                                  "| 城市低保人数(人) " + "a中 " * 30000 + "| 5 |\n"])
def test_long_runs_of_the_new_shapes_finish(junk):
    out = extract_records(junk)
    assert len(out) <= 2 and all(junk[r["span_start"]:r["span_end"]] == r["text"] for r in out)

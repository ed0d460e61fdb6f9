"""Rules from report sentence to welfare fact.

The text is cut the way these reports are written: paragraphs, then *sections* that open with an
enumeration marker (一是/二是, (一), 1、), then sentences (。;!?), then clauses (, : and brackets).
For each number with a unit the rules decide, in order:

1. **kind** — yuan total, yuan per person (每人每月, 月人均, 元/人·月 …), persons (人/名/位/人次),
   households (户); percentages, ages (岁) and counts of other things are not facts;
2. **role** — an increase (提高20元, 增加268元) is not a level and is skipped; 由X提高到Y and
   调整为Y(原为X) make X ``old`` and Y ``new``; 、/和 lists carry the role and unit of their
   neighbour;
3. **programme** — the noun right after the number (27名孤儿, 1.2亿元临时救助资金), else the nearest
   programme word before it in its clause, else one earlier in the sentence, else the section's
   topic (a heading such as "3、全面落实重特大疾病救助制度" governs bare amounts below it). Whatever
   stands between programme word and figure must not name another subject: 低保对象中有老年人1.2万人
   is a subgroup, 困境儿童153人 another group, 价格补贴256万元 another fund (see cues.FILLER_RE);
   flows (取消, 新增, 清退) are not caseloads;
4. **area** and **variant** — the nearest cue in the clause; a figure without one inherits the area of
   the run of clauses about the same programme if that run names one area only (a total after
   urban and rural figures is for both); 分别 pairs values with the items listed before it
   (城乡 → urban, rural; 集中、分散 → the two variants);
5. **unit** — per month or per year from the cue; a per-person figure with no period takes it from
   its pair, then from the document's last stated standard, then from magnitude, and is flagged
   ``unit_missing``.

Real pages add shapes of their own, each handled as a shape rather than per page: a label line
heading the line below it (城市低保标准 / 提高至每人每月 690元), a heading line whose programme governs
the lines under it, bracketed equivalents (6480元/年(即540元/月)) sharing the raise's role, tiers of
a flat-rate allowance (age bands, disability grades), multi-programme grand totals (not one
programme's spending), 人次/户(次) case counts (not caseloads), and flattened statistical tables,
which :mod:`mzanalysis.text.tables` rewrites row by row into the sentence each row stands for.
Further general shapes: a standard qualified by words of procedure before its figure (城市低保标准经
市政府同意调整为…), a few adverbial words outside the filler list when a verb of stock, payment or
raise leads into the figure (经过动态调整后共有…), the elliptic half of a parallel statement after a
semicolon (…;农村每人每年4500元), a fund broken down by the people paid (其中城市低保对象发放…), a
figure that lost its unit before a raise verb, a year-dated standard raised in a later clause
(old), a heading's area and standard governing the lines under it, and places (counties,
provinces by short name) heading the items of a list.
Shapes found on fresh batches of real pages (each with self-written rows in
``tests/test_text_shapes.py``): clauses dated before or after a raise (本次调整前 old, 提标后 new), the
level a raise builds on (在…的基础上), figures listed before a raise verb, old values listed before
分别, one figure for both areas' standards, two figures after one 城乡 cue, parallel statements
keeping the area of the one before, sentences running area by area, a 其中 sentence breaking down
the sentence before by place, a section head (or its 低保工作) naming its programme's area,
standards written as the household income line they guarantee (家庭年人均收入2100元), counts whose
unit is the programme's noun (2.3万低保户), and the traps — counts or amounts over several
programmes, care tiers, a province's share of a standard, caps, payments to each household,
differences between figures, 纳入 beside an outflow.
Converter pinyin, wrapped lines, spam and masked digits are repaired or refused earlier, in
:func:`mzanalysis.text.normalize.repair` and :mod:`mzanalysis.text.numbers`.

A sentence with more than :data:`MAX_FIGURES_PER_PIECE` figures is read in pieces, so the cost is
linear in the input however long a list of figures runs. Spending on 特困, orphans, old-age and
disability allowances is also written as the roll-up ``other_assistance_expenditure`` (the
programme in ``variant``), the indicator the labelling policy of real-text evaluation uses.

Plausibility flags (unit_conflict, implausible_value) are added by :mod:`mzanalysis.text.validate`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ..errors import DataError
from . import cues
from .normalize import Normalized, content_ranges, normalize
from .numbers import Number, find_numbers

#: Columns of :func:`extract_facts` (the CLI's columns); see :func:`to_fact_table` for the schema.
FACT_COLUMNS = ("doc", "region", "region_code", "level", "year", "period", "indicator", "area",
                "variant", "value", "value_high", "unit", "qualifier", "flags", "span_start",
                "span_end", "text", "source", "source_ref")

_SECTION_MARK = re.compile(r"(?:^|(?<=[。;!?\n]))\s*(?:[一二三四五六七八九十]+是|[(][一二三四五六七八九十]+[)]|"
                           r"\d{1,2}[、.](?!\d)|[一二三四五六七八九十]+、(?![一二三四五六七八九十]{1,2}(?:级|类|档))|第[一二三四五六七八九十]+[,、])")
_MARK_AFTER_STOP = re.compile(_SECTION_MARK.pattern.replace(r"(?:^|(?<=[。;!?\n]))", "", 1))
# a run of sentence ends followed, on the same line, by an enumeration marker: where a section opens
_STOP_BEFORE_MARK = re.compile(r"[。;!?]+(?=" + _MARK_AFTER_STOP.pattern.replace(r"\s*", r"[^\S\n]*", 1)
                               + ")")
# A sentence without a number followed (closely) by a unit holds no fact: skip it cheaply.
# a figure with a unit, or a 万 count whose noun is its unit (2.3万低保户, 11.5万残疾人)
_CANDIDATE = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿][\d,. 余多万亿]{0,12}(?:[元人户名位/]|"
                        r"(?<=万)(?:左右)?(?:城市|城镇|农村|城乡)?(?:低保|最低生活保障|五保|特困|残疾人|老年人|老人|孤儿|"
                        r"困难群众|群众|居民|农牧民)|(?<=万)(?=[,;。、]))")
_COUNT_IN_BRACKETS = re.compile(r"\s*(?:,|\(\s*[\d.,]+\s*万?\s*[户人]\s*\)|\))?")
_COVERED_THEN = re.compile(r"\s*(?:全部|均|已|都|按时|足额|全面|及时|全额|累计|共|共计|合计|全年|当月)*"
                           r"(?:纳入|享受|发放|领取)了?"
                           r"[^,;。\d]{0,6}?(?:" + cues.PROGRAMME_RE.pattern + ")")
# 百岁 is an age band of an allowance's standard (digits would be filler); for a count, 其中百岁老人8人
# is a subgroup, so only amounts skip it
_CENTENARIAN = re.compile(r"百周?岁")
_STANDARD_THEN = re.compile(r"的?(?:保障|补助|补贴)?标准(?:发放|给予|落实|兑现|享受)")
_STANDARD_AFTER = re.compile(r"[^,;。]{0,40}?的?(?:保障|补助|供养|发放)?标准")
_PER_CASE = re.compile(r"每次|每例|每户次|每人次|单次")
_RAISED_TO = re.compile(r"[^,;。\d]{0,8}?(?:提高|上调|调整|增加|提升|调高|提标)(?:到|至|为)")
# A comma between a digit and exactly three digits is a thousands separator (1,235户), not a clause
# break: reports typed in Word and statistical bulletins both write counts that way.
_COMMA = r"(?:(?<!\d),|,(?!\d{3}(?![\d])))"
_TAIL_END = re.compile(rf"{_COMMA}|[:()\[\]【】“”\"、;]")
_SENTENCE_END = re.compile(r"[。;!?]+")
_CLAUSE_END = re.compile(rf"{_COMMA}|[:;()\[\]【】]")
_BREAKDOWN = re.compile(rf"其中[^;。]*?(?={_COMMA}|$)")

# --- units ----------------------------------------------------------------------------------------
_PERCENT = re.compile(r"\s*(?:%|‰|个百分点|成(?![员为立效绩果本]))")
_AGE = re.compile(r"\s*(?:周岁|岁)")
# 元/人·月, 元/月·人, 元/人/月, 元/年/人, 元/·人 (period dropped), 元/人, 元/月; "元" itself may be dropped.
_PER = re.compile(r"\s*(?P<yuan>元)?\s*(?:/|每)\s*(?:(?P<p1>人)\s*[/·.]?\s*(?P<t1>月|年)?|"
                  r"(?P<t2>月|年)\s*[/·.]?\s*(?P<p2>人)?|[·.]\s*(?P<p3>人))")
_YUAN = re.compile(r"\s*(?:元|块钱)")
# (个 counts people only before a noun for them: 为7144个城乡低保对象, not 3个县)
_PERSONS = re.compile(r"\s*(?:人\s*\(?次\)?|人|名|位|个(?=(?:城市|城镇|农村|城乡)?(?:低保|特困|五保)?"
                      r"(?:对象|人员|困难群众|孤儿|老人|残疾人)))(?!民|大|口|员|均|数|事|才|工|文|力|群|生)")
_PERSON_NOUN = re.compile(r"\s*(?:城市|城镇|农村|城乡)?(?:残疾人|老年人|老人|困难群众|群众|孤儿|儿童|低保对象|特困人员|居民|农牧民)")
_PEOPLE_BEFORE = re.compile(r"(?:人口|人数|人员|对象)(?:总数)?(?:为|达|是|共|达到)?$")
# (a 五保户 or 特困户 counted in 万 is its people: one-person households, reported as persons)
_CASELOAD_NOUN = re.compile(r"\s*(?:左右)?(?:城市|城镇|农村|城乡)?(?:(?:低保|最低生活保障)(?:(?P<hh>户)|对象|群众|人员)|"
                            r"(?:五保|特困)(?:供养)?(?:户|对象|群众|人员))")
_HOUSEHOLDS = re.compile(r"\s*户(?!籍|口|型|外|主)(?P<times>\s*\(?次\)?)?")
_ABOUT = re.compile(r"\s*左右")
# 年保障标准 / 月标准: the period is written on the standard itself.
# (由一年420元提高到620元, 每人每个月330元: a year or a month spelled out)
_PRE_MONTH = re.compile(r"(?<![\d上本当同次])月(?:保障|低保|供养|补助|救助)?标准|每人每月|每月每人|人均每月|人均月|每人月|月人均|月均|每月|按月|月补助|"
                        r"每个月|(?<![\d第])一个月(?![内来后前以])|"
                        # 65岁至69岁人员月发放90元: a monthly payment per head (not 5月发放, 当月发放)
                        r"(?<![\d上本当同次])月发放?")
_PRE_YEAR = re.compile(r"(?<![\dX今去上本当明前后同])年(?:保障|低保|供养|补助|救助)?标准|每人每年|每年每人|人均每年|年人均|年均|每年|按年|全年人均|"
                       r"每一年|(?<![\d第每上今去前])一年(?![级度内来多后前半中以])|"
                       r"家庭年(?:人均)?纯?收入")
_PRE_PERSON = re.compile(r"人均|每人")
_PER_PERSON_FIGURE = re.compile(r"\d[\d.,]*\s*元(?:/[人月年·.]{1,5})?")
#: a per-person period heading a list after a colon (标准为每人每年:A县6084元,B县5664元)
_PERIOD_HEAD = re.compile(r"(?:每人每|每月每|每年每|[月年]人均)[月年人]\s*:")

# --- roles ----------------------------------------------------------------------------------------
_INCREASE = re.compile(r"提高了?|增加了?|增长了?|上调了?|提升了?|新增|减少了?|下降了?|降低了?|增幅|增资|"
                       r"提标|多发|补发|比上年|较上年|同比")
_TO = re.compile(r"到|至|为|达")
_FUND_AFTER = re.compile(r"(?:资金|金|款|经费)(?:共|合计|共计|总计)?\s*$")
# 100周岁以上老年人仍是原来的每人每年3600元: a level kept unchanged is the current one, not the old
_UNCHANGED = re.compile(r"(?:仍然|仍|依然|保持|维持)(?:是|为|按|执行)?(?:原来|原有|原)")
_OLD = re.compile(r"由|从|原为|原来|原标准|原先|原\s*$")  # (原650元): the bare 原 before a figure
_NEW = re.compile(r"提高到|提高至|提高为|提到|提至|调整为|调整到|调整至|上调至|上调到|上调为|增加到|增加至|"
                  r"调至|调到|调为|调增至|调增到|增加为|"
                  r"增至|达到|提标至|提标到|调高到|调高至|提升到|提升至|统一为|统一到|并轨为|并轨到")
# the raise verb and its 至/到 split by the raised object (上调城市低保标准至每人每月800元, 将农村五保
# 供养标准提高到…): the figure after 至 is still the new level
_NEW_SPLIT = re.compile(r"(?:提高|上调|调整|调高|提升|提标|增加)[^,;。\d]{1,20}?(?:到|至)[^,;。\d]{0,8}$")
# A count under a heading (二、城乡低保 / 全县共保障4567户8901人) is the heading programme's caseload
# only when the clause says it is one (保障, 共有, 在保 …), not for any headcount below the heading
# 本次调整前,城市低保标准为每人每月320元: a clause dated before the raise states the old level, one
# dated after it (提标后, 调整后) the new one, though no raise verb stands in the figure's clause
_BEFORE_RAISE = re.compile(r"(?:调整|提标|调标|提高|上调|提档)以?前")
_AFTER_RAISE = re.compile(r"(?:调整|提标|调标|提高|上调|提档)以?后")
_COUNT_UNDER_TOPIC = re.compile(r"保障|共有|现有|在保|纳入|覆盖|救助|供养|享受|领取|人数|户数")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_YEAR_THEN_RAISE = re.compile(r"((?:19|20)\d{2})年[^,;。\d]{0,12}?(?:提高|上调|调整|提标|调高|提升)")
_LIST_ITEM_GAP = re.compile(r"\s*[、和及与]\s*[\u4e00-\u9fff]{0,6}")
#: First characters of what may follow a figure the rules read: a unit (元 人 户 / 每 …), the noun
#: that is a count's unit (城市低保对象, 残疾人 …), a list word or a raise verb (for a figure that
#: shares its neighbour's unit), a bracket or sentence end. Other numbers are not read at all.
_AFTER_A_FIGURE = frozenset("元块人名位户/每·、和及与提上调增至到为(（)）)[]【】,;。:!?\n\"“”'"
                            "城农残老困群孤儿低五特居牧乡%‰个成周岁左次")
_INTO = re.compile(r"(?<![已新])纳入")
_OUTFLOW = re.compile(r"取消|退出|清退|停保|注销|核减")
_MONEY_NOUN_END = re.compile(r"(?:资金|金|经费|款)(?:共|计|共计|合计|累计|总计|达|为)?$")
_ANY_UNIT = re.compile(r"\s*(?:[\u4e00-\u9fff%‰/])")
_ON_BASIS = re.compile(r"\s*的?基础上")
_RECIPIENT_GROUP = re.compile(r"(?:对象|户|人员|家庭)(?!资金|金|补助|补贴)")
# 由每人每年564提高到每人每年617元: a figure that lost its unit before a raise verb is in the unit of
# the raised figure after it
_RAISE_NEXT = re.compile(r"\s*(?:提高|上调|调整|提升|调高)了?(?:到|至|为)[^\d,;。]{0,8}")
# 从原来的城市570元/月、农村380元/月: an item of a list naming its own area
_LIST_AREA = re.compile(r"^\s*[、和及与]\s*(?:城市|城镇|农村|城乡)(?:为)?\s*$")
_LIST_SEP = re.compile(r"^[\s、和及与,/·元月年人每均]*$")
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_CLASSIFIER = re.compile(r"\s*[名位]")
_LIST_NEXT = re.compile(r"\s*[、和及与]\s*$")
_PER_HEAD_END = re.compile(r"人均[^\d,]{0,4}$")
_LAST_FIGURE = re.compile(r"\d(?:\.\d+)?\s*(?:%|个百分点)(?!.*\d\s*(?:%|个百分点))")
_GROUP_BREAK = re.compile(rf"{_COMMA}|分别")
# 低收入家庭认定标准为城市低保标准的1.5倍: a programme whose standard is multiplied is a yardstick
# (低保金按城镇低保标准上浮30%计算: the standard raised by a share is a yardstick too)
_MULTIPLE_OF = re.compile(r"[^,;。\d]{0,6}?标准(?:的\s*\d+(?:\.\d+)?\s*倍|上浮\s*\d+(?:\.\d+)?\s*%)")
#: Programme cues that govern amounts only, never counts.
_AMOUNT_ONLY = frozenset({"elderly_tier"})
#: Programmes whose 人次 figure is their recipient count (cases, by definition of the indicator).
_CASE_COUNTED = frozenset({"temporary", "disability"})
#: Spending indicators also reported in the roll-up other_assistance_expenditure (spending on
#: named assistance other than dibao), with the programme in variant: the labelling policy of the
#: real-text evaluation and most statistical tables use the roll-up, the curated panels the
#: programme's own indicator, so both rows are written.
_OTHER_ASSISTANCE = {"tekun_expenditure": "tekun", "orphan_expenditure": "orphan",
                     "elderly_allowance_expenditure": "elderly",
                     "disability_subsidy_expenditure": "disability"}
#: A payment of a fund of assistance (发放救助金, 增发取暖、电费等补贴), anywhere in a sentence, and
#: right before its total (发放补贴资金共计…)
_FUND_PAYMENT = r"(?:发放|支出|补发|增发|给予|下发)了?(?P<what>[^,;。\d]{0,14}?)(?P<fund>救助|补助|补贴|救济|慰问|资助)"
_GENERIC_FUND_PAID_ANY = re.compile(_FUND_PAYMENT)
_GENERIC_FUND_PAID = re.compile(_FUND_PAYMENT + r"(?:金|资金|款|费)?(?:共计|共|合计|总计|计|达)?\s*$")
_NOT_GENERIC_FUND = re.compile(r"困难(?:群众|民众|群体)(?:救助|补助)|各类|各项|社会救助|灾|优抚|退役|就业|失业|联动|每人|每户|人均|将")
# the gap between a figure and its bracketed equivalent in another period: "(即", "(", "(折合"
_EQUIVALENT = re.compile(r"\s*[(\[]\s*(?:即|合|折合|约合|相当于)?\s*$")
_SKIP_BEFORE = re.compile(r"(?:第|前|后|近\d*年|编号|号|电话|QQ)$")


@dataclass
class Quantity:
    """A number with its unit, position (normalised text) and the decisions made about it."""

    num: Number
    start: int
    end: int
    kind: str                 # money, persons, households
    per_person: bool = False
    period: str | None = None  # month / year
    unit_broken: bool = False  # an explicit but incomplete unit (650元/·人, 1700/·人)
    approximate: bool = False
    role: str | None = None    # old / new / increase
    programme: str | None = None
    prog_pos: int = -1         # where the governing programme word starts (-1: inherited)
    area: str | None = None
    variant: str | None = None
    paired: bool = False       # area/variant/role set by a 分别 pairing
    times: bool = False        # 人次 / 人(次): person-times, not persons
    period_own: bool = False   # the period was written at this figure, not inherited
    area_cued: bool = False    # the area came from a cue in the text, not a default
    flags: list[str] = field(default_factory=list)


@dataclass
class Fact:
    indicator: str
    area: str
    variant: str | None
    value: float
    value_high: float | None
    unit: str
    qualifier: str | None
    flags: list[str]
    start: int
    end: int
    sentence: int  # index of the sentence, for plausibility checks within one sentence


def _read_quantity(text: str, num: Number, clause_start: int) -> Quantity | None:
    """Attach a unit to ``num``; None for numbers that are not welfare amounts or counts."""
    after = text[num.end:num.end + 12]
    if _PERCENT.match(after) or _AGE.match(after):
        return None
    before = text[max(clause_start, num.start - 6):num.start]
    if _SKIP_BEFORE.search(before):
        return None
    per = _PER.match(after)
    if per and (per.group("p1") or per.group("p2") or per.group("p3") or per.group("yuan")):
        period = per.group("t1") or per.group("t2")
        person = bool(per.group("p1") or per.group("p2") or per.group("p3"))
        q = Quantity(num, num.start, num.end + per.end(), "money", per_person=True,
                     period={"月": "month", "年": "year"}.get(period or ""))
        # 元/·人 or 1700/·人: a unit was written but lost its period (or its 元).
        q.unit_broken = (person and period is None) or not per.group("yuan")
        if not person and not per.group("yuan"):
            return None
    elif (m := _YUAN.match(after)):
        q = Quantity(num, num.start, num.end + m.end(), "money")
    elif num.scaled and _MONEY_NOUN_END.search(before) and not _ANY_UNIT.match(after):
        q = Quantity(num, num.start, num.end, "money")  # 支出低保金3347万, (元 left out)
    elif (m := _PERSONS.match(after)):
        q = Quantity(num, num.start, num.end + m.end(), "persons")
        q.times = "次" in m.group()
    elif num.scaled and _PERSON_NOUN.match(after):
        # 11.5万残疾人因此受益: the noun is the unit; it stays outside the span for the tail rule
        q = Quantity(num, num.start, num.end, "persons")
    elif num.scaled and _PEOPLE_BEFORE.search(before) and not _ANY_UNIT.match(after):
        q = Quantity(num, num.start, num.end, "persons")  # 享受低保的人口为4063万,
    elif num.scaled and (m := _CASELOAD_NOUN.match(after)):
        # 30万左右城乡低保群众, 2.3万低保户: a programme's people or households named as the unit
        q = Quantity(num, num.start, num.end, "households" if m.group("hh") else "persons")
    elif (m := _HOUSEHOLDS.match(after)):
        q = Quantity(num, num.start, num.end + m.end(), "households")
        q.times = m.group("times") is not None  # 6448户(次): household-times
    else:
        return None
    q.approximate = num.approximate or bool(_ABOUT.match(text, q.end))
    return q


def _pre_cue(prefix: str) -> tuple[bool, str | None]:
    """(per person?, period) from the words before a figure: 每人每月, 年人均, 人均 …"""
    best = None
    for pattern, period in ((_PRE_MONTH, "month"), (_PRE_YEAR, "year"), (_PRE_PERSON, None)):
        for m in pattern.finditer(prefix):
            if best is None or m.end() > best[0] or (m.end() == best[0] and period and not best[1]):
                best = (m.end(), period)
    if best is None:
        return False, None
    return True, best[1]


def _sections(text: str, ranges: list[tuple[int, int]]):
    """Yield (start, end) of sections: paragraphs split at enumeration markers."""
    for r_start, r_end in ranges:
        # a marker opens a section only after a sentence end: one scan of the range finds those
        # (the lookbehind scan of _SECTION_MARK over every character is the costlier way)
        marks = [m.end() for m in _STOP_BEFORE_MARK.finditer(text, r_start, r_end)]
        k = 0
        pos = r_start
        for line in text[r_start:r_end].splitlines(keepends=True):
            l_start, l_end = pos, pos + len(line)
            pos = l_end
            cuts = [l_start]
            while k < len(marks) and marks[k] < l_end:
                cuts.append(marks[k])
                k += 1
            cuts.append(l_end)
            for a, b in zip(cuts, cuts[1:]):
                if text[a:b].strip():
                    yield a, b


_LABEL_LINE_MAX = 20
# a long line ending in the middle of a phrase (no punctuation), and a line opening on a figure
_BROKEN_END = re.compile(r"[\u4e00-\u9fff][^\S\n]*\n$")
_FIGURE_START = re.compile(r"[^\S\n]*[\d.,]{1,16}[^\S\n]?(?:万|亿)?[^\S\n]?(?:元|人|户|名)")
# a line holding one figure and its unit (12345人, 650元/月) completes the label line above it; a
# bare number may be a table cell copied one per line, which the table reader takes
_FIGURE_LINE = re.compile(r"[\d.,]{1,16}\s?(?:万|亿)?(?:元(?:/[人月年·.]{1,4})?|人|户|名)[。;,]?\s*")


def _is_label_line(line: str) -> bool:
    """A short line naming a programme, with no figure and no sentence end (城市低保标准)."""
    if len(line) > 2 * _LABEL_LINE_MAX:
        return False
    body = line.strip()
    return len(body) <= _LABEL_LINE_MAX and "|" not in body and not _CANDIDATE.search(body) \
        and not _SENTENCE_END.search(body) and cues.PROGRAMME_RE.search(body) is not None


def _join_labels(text: str, sections):
    """Join a short label line to the line after it: content farms and flattened lists put the
    subject on a line of its own (城市低保标准 / 提高至每人每月 690元). A label line has a programme
    word, no figure and no sentence end, and the next line goes on in words, not a table cell."""
    pending = None
    out: list[tuple[int, int]] = []  # the last plain section, held back in case the next goes on
    for a, b in sections:
        if pending is not None:
            if out:
                yield out.pop()
            gap = text[pending[1]:a]
            if not gap.strip() and text[a:a + 1] not in "|-" and (
                    not text[a:a + 1].isdigit() or _FIGURE_LINE.fullmatch(text, a, b)):
                yield pending[0], b
                pending = None
                continue
            yield pending
            pending = None
        if _is_label_line(text[a:b]) and not _SECTION_MARK.match(text, a):
            pending = (a, b)
            continue
        if out and out[-1][1] == a and _FIGURE_START.match(text, a, b) \
                and _BROKEN_END.search(text, max(out[-1][0], a - 8), a) \
                and "|" not in text[out[-1][0]:b]:
            # 发放临时救助金⏎975 人,101.0223 万元: a line of a copied PDF broken mid-sentence, the
            # next line opening on the figure the words before the break lead into
            out[-1] = (out[-1][0], b)
            continue
        if out:
            yield out.pop()
        out.append((a, b))
    if out:
        yield out.pop()
    if pending is not None:
        yield pending


def _split(text: str, start: int, end: int, pattern: re.Pattern) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in pattern.finditer(text, start, end):
        if m.end() > pos:
            out.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


# Standards and caseloads are listed per county or district under one programme word (城市低保标准:
# 正定县810元/月、行唐县800元/月): a place name heading a list item breaks the subject down by area,
# it names no other subject. Only a short name (1-4 characters and an administrative suffix) at the
# start of a list item counts, so a longer run of words ending in 市 is not swallowed.
# Provinces are listed by their short names (北京1395元/月、上海1510元/月), which carry no suffix.
_PROVINCE = (r"北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
             r"广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|兵团")
_PLACE_ITEM = re.compile(r"(?:^|(?<=[、:,;\s\d/月年为是对在向和及]))(?:(?:[\u4e00-\u9fff]{1,4}?(?:省|市|州|盟))?"
                         r"[\u4e00-\u9fff]{1,4}?(?:县|区|市|旗|盟|省|州)|[\u4e00-\u9fff]{2,8}?(?:开发区|园区|新区)|"
                         r"(?:[一二三四五六七八九十两\d]+个|其他各?|其余|各)(?:县市区|县市|县区|县|市|区|乡镇)"
                         r"(?:\([市区]\))?|"
                         rf"{_PROVINCE})(?:各(?:县市区|县市|县区|县|市|区|乡镇))?(?:\([^()]{{1,16}}\))?"
                         # (汕头、韶关等四类地区: 等 closes a list of places too)
                         r"(?:为|是)?(?=[\d\s:,;、每从由和及等]|$)")


# 对绵阳市符合条件的…: a place after a preposition says where, not who
_PLACE_AFTER_PREP = re.compile(r"(?<=[对在向给为])[\u4e00-\u9fff]{1,4}?(?:省|市|县|区|州|旗|盟)")


# 丰泽、洛江、南安、泉州台商投资区提高为每人每月380元: places listed by their short names (no 县/区
# suffix) before the verb that sets their figure; items naming people or areas are no places
_PLACE_LIST = re.compile(r"(?:^|(?<=[,:;\s]))(?:(?:[\u4e00-\u9fff]{2,8}、)*[\u4e00-\u9fff]{2,8}"
                         r"(?=(?:均|统一)?(?:提高|调整|上调|调高|为|:|每人|每户))|"
                         # 每人每年:柳林、孝义6084元: a list of two or more right before its figure
                         # (or the rest of one whose suffixed places 兴县、临县 were taken out)
                         r"(?:[\u4e00-\u9fff]{2,8}、){1,12}(?:[\u4e00-\u9fff]{2,8})?(?=\d|$)|"
                         r"、(?:[\u4e00-\u9fff]{2,8}、){0,11}(?:[\u4e00-\u9fff]{2,8})?(?=\d|$)|"
                         # 颍州、颍泉、颍东及阜阳经济技术开发区,由…: a list of two or more before its raise
                         # (an item never holds its separator 及, and a list has at most 12 items,
                         # so each start position costs a bounded scan)
                         r"(?:(?:(?!及)[\u4e00-\u9fff]){2,10}[、及]){1,12}[\u4e00-\u9fff]{2,10}"
                         r"(?=,?(?:由|从)))")
_NOT_PLACE = re.compile(r"人|老|儿|残|对象|户|家庭|低保|特困|五保|城市|城镇|农村|城乡|标准|补贴|补助|救助")


def _drop_places(m: re.Match) -> str:
    return m.group() if _NOT_PLACE.search(m.group()) else ""


_CLASS_GROUP = re.compile(r"[A-Da-d一二三四]类(?:重点|基本|一般|特殊)?(?:保障|救助)?(?:对象|户)")
_TIERED_STANDARD = re.compile(r"标准(?:划|细)?分为?[一二两三四五六七八九十\d]{1,3}个?(?:档次|档|类|等)")
_TIER_LABEL = re.compile(r"第?[一二三四五六七八九十\d]{1,3}(?:档|类)(?:地区)?")


# 最高的是苏州700元,最低的是宿迁370元: the place of an extreme, named by its short name
_EXTREME_PLACE = re.compile(r"(?:最高|最低)的?(?:是|为)[\u4e00-\u9fff]{2,4}$")


def _is_filler(text: str, programme: str | None = None) -> bool:
    """True when ``text`` holds only words that do not change the subject (see cues.FILLER_RE)."""
    text = _EXTREME_PLACE.sub("", text)
    text = _PLACE_LIST.sub(_drop_places, _PLACE_AFTER_PREP.sub("", _PLACE_ITEM.sub("", text)))
    if programme in cues.AUDIENCE:
        text = cues.AUDIENCE[programme].sub("", text)
    if programme in cues.VARIANTS:
        for pattern, _ in cues.VARIANTS[programme]:
            text = pattern.sub("", text)
    rest = _NON_CJK.sub("", cues.FILLER_RE.sub("", text))
    # a few words outside the list (经过动态调整后, 通过一卡通, 按照应保尽保原则) are adverbials
    # when a verb of stock or payment leads into the figure and no subgroup or other fund is named
    return not rest or (len(rest) <= _SLACK_MAX and _SLACK_TAIL.search(text[-40:]) is not None
                        and _SLACK_BLOCK.search(text) is None)


# The filler list cannot hold every adverbial of real reports. Up to _SLACK_MAX characters of other
# words may stand between a programme word and its figure when the words right before the figure
# are a verb of stock, payment or raise (共有, 保障, 发放, 提高到 …) and nothing names a subgroup
# (对象中…), another group of people, a payment level, a flow or a comparison.
_SLACK_MAX = 8
_SLACK_TAIL = re.compile(r"(?:共有|现有|有|保障|覆盖|供养|救助|惠及|发放|支出|代发|拨付|领取|享受|"
                         r"提高到|提高至|提高为|调整为|调整到|调整至|上调至|上调到|上调为|提至|提到|达到|达|为|是)了?"
                         r"(?:低保)?(?:对象|人员|资金|金)?(?:共|计|共计|合计|累计|总计)?"
                         r"(?:不低于|每人每月|每人每年|每月每人|每年每人|每月|每年|月人均|年人均|人均)?"
                         r"(?:\s*[\d.]+\s*万?\s*户[、,]?)?[\s,]*$")
_SLACK_BLOCK = re.compile(r"(?:对象|户|人员|家庭|人)中|儿童|老人|老年|残疾|学生|职工|优抚|群众|家庭|"
                          r"边缘|收入|工资|补差|水平|护理|照料|一次性|慰问|物价|价格|临时|医疗|人次|户次|监测|困境|事实无人|流浪|其他|各类|等|"
                          r"类|档|监护|新农合|合作医疗|备用|核减|新增|较|比|患者|保险|参保|保费|费用|民政|户籍|救助对象")


def _programme_at(text: str, sent: tuple[int, int], q: Quantity, next_start: int, clauses,
                  topic: str | None, breakdown: bool = False,
                  words: list[re.Match] | None = None) -> tuple[str | None, int]:
    """(programme name, position of its word; -1 when inherited) governing ``q``, or (None, -1).

    In order: the noun phrase right after the figure (27名孤儿, 1.2亿元临时救助专项资金); the first
    programme word in the figure's own clause; a programme named earlier in the sentence when
    everything between names no other subject; the section heading's programme. ``words``: the
    sentence's programme words, scanned once for all its figures.
    """
    c = next(c for c in clauses if c[0] <= q.start < c[1])
    tail_end = min(next_start, sent[1], q.end + 20)
    tail = text[q.end:tail_end]
    stop = _TAIL_END.search(tail)
    tail = tail[:stop.start()] if stop else tail
    m = next((m for m in cues.PROGRAMME_RE.finditer(tail)
              if q.kind == "money" or m.lastgroup not in _AMOUNT_ONLY), None)
    # a per-person amount names its programme after it only as 按…100元(的)标准发放高龄津贴
    if m and (not (q.kind == "money" and q.per_person) or _STANDARD_THEN.match(tail)
              or (m.start() == 0 and m.lastgroup in cues.FLAT_RATE)):
        return m.lastgroup, q.end + tail.find(m.group())
    # a count followed by a noun of its own (153名困境儿童) is about that noun
    own_tail = _CJK_RUN.match(tail) if q.kind == "persons" and \
        _CLASSIFIER.match(text, q.num.end, q.end) or q.end == q.num.end else None
    own = _subjects(text, c[0], q.start, q.kind, words)
    if own:
        # the nearest programme word; a bare 两项补助 after another programme's word is that
        # programme's pair of subsidies (特困人员…生活护理两项补助), not the disability subsidies
        m = own[-1]
        if m.group().startswith(("两项", "双项")):
            others = [o for o in own if o.lastgroup != m.lastgroup]
            if others:
                m = others[-1]
        # 低保对象中有老年人1.2万人: a subgroup named between programme and figure is not the whole
        if not _is_filler(text[m.end():q.start], m.lastgroup) \
                and not _standard_gap(text[m.end():q.start], q, m.lastgroup):
            return None, -1
        return m.lastgroup, m.start()
    own_left = text[c[0]:q.start]
    earlier = _subjects(text, sent[0], c[0], q.kind, words)
    if earlier:
        m = earlier[-1]
        prog = m.lastgroup
        between = text[m.end():q.start]
        # clauses after the programme's own clause must not introduce another subject
        k_clause = next(cl for cl in clauses if cl[0] <= m.start() < cl[1])
        # a 其中… clause breaks the subject down (其中住院救助2.1万人次、门诊救助…); the subject
        # it breaks down still governs the clauses after it
        between = _BREAKDOWN.sub("", text[k_clause[1]:c[0]]) + own_left
        if not (q.kind == "money" and q.per_person):
            # 其中,A类重点保障对象1582户2657人,月发106.28万元: a class of the programme's people is a
            # sub-group of its count and spending (its per-person amount is no standard)
            between = _CLASS_GROUP.sub("", between)
        if _TIERED_STANDARD.search(text, m.end(), k_clause[1]):
            # 城市低保标准划分为三个档次,分别为:第一档827元/月: the tiers of a standard are standards;
            # each tier's figure is followed by the places it covers, described in prose as long as
            # need be (…;第二档808元/月,其余各市(州)的县级市(区)、市(州)府所在地周边经济开发区;第三档…):
            # a figure opening on its tier's label is the standard's while no other programme is named
            if _TIER_LABEL.match(text, c[0]) and not cues.PROGRAMME_RE.search(text, m.end(), c[0]):
                return prog, m.start()
            between = _TIER_LABEL.sub("", between)
        # 占非农业人口比例的5.05%, 提高3.6%: a clause stating a ratio describes the subject
        # further, it names no new one
        # 比去年增加5万人: nor does a clause comparing it with an earlier period
        if "%" in between or _COMPARED.search(between):
            between = ",".join(part for part in re.split(r"[,;]", between)
                               if "%" not in part and not _COMPARED.match(part))
        if q.kind == "money" and q.per_person:
            # 每人每年:柳林、孝义6084元,中阳、交城5664元: the levels of the places listed before
            # are the same standard's, no other subject
            between = _PER_PERSON_FIGURE.sub("0", between)  # (kept a digit: places end on one)
        if q.kind == "money":
            between = _CENTENARIAN.sub("", between)  # 百岁以上每人每年3600元: an age band
            # 救助城乡医疗对象453人次,发放救助金324.85万元: the programme's count before its
            # spending names no other subject
            between = _COUNT_FIGURE.sub("", between)
        if _is_filler(between, prog) and not (own_tail and not _is_filler(own_tail.group(), prog)):
            return prog, m.start()
        # 城市低保:按家庭月人均收入低于670元的标准实行差额救助 — the income line of its standard
        if q.kind == "money" and _INCOME_LINE_GAP.fullmatch(between) \
                and _STANDARD_AFTER.match(text, q.end) is not None:
            return prog, m.start()
        return None, -1
    if q.kind == "money" and q.per_person and _BY_STANDARD.search(text, max(sent[0], q.start - 30),
                                                                  q.start):
        after = _STANDARD_OF.match(text, q.end, sent[1])
        if after is not None:
            m = cues.PROGRAMME_RE.search(text, after.end(), min(sent[1], after.end() + 24))
            if m is not None:
                return m.lastgroup, m.start()
    # 保障人数:12345人 — the label before a colon says what the count is
    label = text[max(sent[0], c[0] - 12):c[0]] if text[c[0] - 1:c[0]] == ":" else ""
    # (A类重点保障对象1582户: a class of the programme's people, see above)
    own_rest = own_left if q.kind == "money" and q.per_person else _CLASS_GROUP.sub("", own_left)
    if topic is not None and (q.kind == "money" or _COUNT_UNDER_TOPIC.search(label + own_left)) \
            and _is_filler(own_rest, topic) \
            and (breakdown or not cues.GENERIC_RE.search(own_left)) \
            and not _NEAR_POOR.search(text, sent[0], q.start):
        return topic, -1
    return None, -1


# A standard is named and then qualified before its figure by words of procedure or scope that no
# list can hold (城市低保标准经市政府同意调整为…, 在原有基础上提高到…, 各县区…均提高到…): once the
# programme word is followed by its 标准 or 保障线, a few such words do not change the subject, unless
# they name a payment level, an income, another group or a care tier.
_STANDARD_HEAD = re.compile(r"^\s*(?:的|对象|居民)?(?:月|年)?(?:人均)?(?:福利)?(?:基本生活|生活)?(?:保障|供养|救助|养育|补助|补贴)?"
                            r"(?:指导|最低限定|限定|平均|月人均|年人均|起始|起步)?(?:标准|保障线|线)")
_STANDARD_GAP_MAX = 6
_DISABILITY_NAME_REST = re.compile(r"^(?:生活|护理)(?:补贴|补助)")
_INCOME_LINE = re.compile(r"家庭[年月]?(?:人均)?纯?收入")
_INCOME_LINE_GAP = re.compile(r"\s*[:,]?\s*(?:按照?|以)?家庭[年月]?(?:人均)?纯?收入(?:低于|不足|不到|在)?\s*")
_BY_STANDARD = re.compile(r"按照?")
_STANDARD_OF = re.compile(r"[^,;。]{0,24}?的?标准[,]?")
_NOT_STANDARD_GAP = re.compile(r"补差|水平|收入|工资|消费|支出|照料|护理|倍|儿童|老人|残疾|对象中|类|档|"
                               r"边缘|一次性|慰问|医疗|临时|价格")


def _standard_gap(between: str, q: Quantity, programme: str | None = None) -> bool:
    """True when ``between`` (programme word to a per-person amount) opens with the standard's
    own noun and holds at most a few other words, none naming another subject (see above)."""
    if q.kind != "money" or q.num.scaled:
        return False
    if programme == "disability":
        # 重度残疾人|护理补贴起始标准: the rest of the subsidy's name, not a care tier
        between = _DISABILITY_NAME_REST.sub("", between, count=1)
    # 农村低保标准从家庭年人均收入2100元提高到2300元: older rural standards are written as the
    # household income line they guarantee
    income = _INCOME_LINE.search(between)
    if income is not None:
        between = _INCOME_LINE.sub("", between)
    elif not q.per_person:
        return False
    head = _STANDARD_HEAD.match(between)
    if head is None or _NOT_STANDARD_GAP.search(between) or cues.PROGRAMME_RE.search(between):
        return False
    rest = _NON_CJK.sub("", cues.FILLER_RE.sub("", _PLACE_ITEM.sub("", between[head.end():])))
    return len(rest) <= _STANDARD_GAP_MAX


def _subjects(text: str, start: int, end: int, kind: str = "money",
              words: list[re.Match] | None = None) -> list[re.Match]:
    """Programme words in ``text[start:end]`` that can be a subject: not a yardstick such as
    不低于当地低保标准的1.3倍 (see cues.REFERENCE_BEFORE_RE), and for a count not a cue that only
    names amounts (an age band)."""
    found = cues.PROGRAMME_RE.finditer(text, start, end) if words is None else (
        m for m in words if start <= m.start() and m.end() <= end)
    return [m for m in found
            if not cues.REFERENCE_BEFORE_RE.search(text, max(0, m.start() - 10), m.start())
            and not _MULTIPLE_OF.match(text, m.end(), end)
            and (kind == "money" or m.lastgroup not in _AMOUNT_ONLY)]


def _variant(programme: str, segment: str, first: bool = False) -> tuple[bool, str | None]:
    """Nearest variant cue in ``segment``: searching from its end (words before a figure), or from
    its start with ``first`` (the noun after a count: 51.3万名重度残疾人发放两项补贴 → care).
    Returns (found?, variant)."""
    table = cues.VARIANTS.get(programme)
    if not table:
        return False, None
    best = None
    for pattern, variant in table:
        for m in pattern.finditer(segment):
            key = -m.start() if first else m.end()
            if best is None or key > best[0]:
                best = (key, variant)
    return (best is not None), (best[1] if best else None)


_LISTED_DISTRICT = re.compile(r"(?<=、)[\u4e00-\u9fff]{1,3}城区|[\u4e00-\u9fff]{1,3}城区(?=、)")


_BRACKET_AREA = re.compile(r"\s*\((?:城市|城镇|农村|城乡)\)")


def _area_in(segment: str, programme: str | None = None) -> str | None:
    """The last area cue in ``segment``; a district in a list of places (藁城区、正定县) names
    no area, though its name ends in 城区. With ``programme``, a cue that qualifies another
    programme's word (按城市低保标准领取五保供养金: 城市 is the yardstick's) is passed over."""
    best = None
    if "城区" in segment:
        segment = _LISTED_DISTRICT.sub("", segment)
    for m in cues.AREA_RE.finditer(segment):
        if programme is None or not _qualifies_other(segment, m.end(), programme):
            best = m.lastgroup
    return best


def _qualifies_other(text: str, end: int, programme: str) -> bool:
    """Whether the area cue ending at ``end`` qualifies another programme's word (城市低保 when
    the figure is about 五保)."""
    other = cues.PROGRAMME_RE.match(text, end + 2 * text.startswith("居民", end))
    return other is not None and other.lastgroup != programme


class _Doc:
    """Per-document state: the last stated period of a per-person standard, the facts so far."""

    def __init__(self) -> None:
        self.last_period: str | None = None
        self.facts: list[Fact] = []
        self.sentence = 0
        self.topic_standard = False  # the heading over the sentence names a standard (标准)
        self.section = 0
        self.last_programme: str | None = None  # programme of the last fact read
        # (indicator, unit) → (area, section) of the last standard whose area the text named
        self.standard_area: dict[tuple[str, str], tuple[str, int]] = {}
        self.township_at: int | None = None  # where the text first calls itself a township's

    def last_area(self, programme: str | None) -> str | None:
        """Area of the last fact read about ``programme`` (None when there is none)."""
        return next((f.area for f in reversed(self.facts) if programme is not None
                     and f.indicator.startswith(programme)), None)


def _process_sentence(text: str, sent: tuple[int, int], topic: str | None, doc: _Doc,
                      topic_area: str | None = None, breakdown: bool = False) -> None:
    """Read the facts of one sentence into ``doc.facts`` (``topic``/``topic_area``: the programme
    and area of the heading above, for figures that name neither; ``breakdown``: the sentence
    breaks down the figures of the sentence before, whose programme ``topic`` then is)."""
    clauses = _split(text, sent[0], sent[1], _CLAUSE_END)
    clause_starts = [c[0] for c in clauses]

    def clause_of(pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(clause_starts, pos) - 1
        if i >= 0 and pos < clauses[i][1]:
            return clauses[i]
        return (sent[0], sent[1])

    numbers = find_numbers(text, sent[0], sent[1], _AFTER_A_FIGURE)
    quantities: list[Quantity] = []
    pending: list[Number] = []  # numbers without a unit, waiting for a listed neighbour's unit
    for n in numbers:
        c = clause_of(n.start)
        q = _read_quantity(text, n, c[0])
        if q is None:
            # 2660、2220元/人·月: the first figure of a list shares the unit of the last.
            if _LIST_NEXT.match(text[n.end:n.end + 2]) or text[n.end:n.end + 1] == "、" \
                    or _RAISE_NEXT.match(text, n.end, c[1]):
                pending.append(n)
            else:
                pending.clear()
            continue
        for p in pending:
            between = text[p.end:n.start]
            if _LIST_SEP.match(between) or _RAISE_NEXT.fullmatch(between):
                quantities.append(replace(q, num=p, start=p.start, end=p.end, flags=[],
                                          approximate=p.approximate, unit_broken=q.unit_broken))
        pending.clear()
        quantities.append(q)
    quantities.sort(key=lambda x: x.start)
    if not quantities:
        return

    # roles, per-person cues and programmes
    words = list(cues.PROGRAMME_RE.finditer(text, sent[0], sent[1]))
    period_head = _PERIOD_HEAD.search(text, sent[0], sent[1])  # (once per sentence)
    prev_end: dict[tuple[int, int], int] = {}
    prev_role: dict[tuple[int, int], str | None] = {}
    for i, q in enumerate(quantities):
        c = clause_of(q.start)
        p_start = prev_end.get(c, c[0])
        prefix = text[p_start:q.start]
        # words before an intervening figure (增长5.5%) belong to that figure
        last = _LAST_FIGURE.search(prefix)
        prefix = prefix[last.end():] if last else prefix
        clause_prefix = text[c[0]:q.start]
        # role
        # (提标后 / 提标前 date the clause, they state no increase)
        # (补发低保金99.15万元, 补发1-5月提标补助资金152.71万元: a fund named after 补发 or 提标 is
        # the back-payment or the raise's money, spending on the programme, not an increment)
        inc = [m for m in _INCREASE.finditer(prefix)
               if (m.group() != "提标" or prefix[m.end():m.end() + 1] not in ("后", "前"))
               and not (m.group() in ("补发", "提标") and q.kind == "money"
                        and _FUND_AFTER.search(prefix, m.end()))] \
            if _INCREASE.search(prefix) else ()
        # 在提高…标准中…由原来的684元: a 由/从 after the raise word starts the old level
        if inc and not _TO.search(prefix, inc[-1].end()) and not (
                q.kind != "money" and cues.STOCK_RE.search(prefix, inc[-1].end())) and not (
                _OLD.search(prefix, inc[-1].end())):
            q.role = "increase"
        elif _NEW.search(prefix) or (_NEW_SPLIT.search(prefix) and not _OLD.search(prefix)):
            q.role = "new"
        elif _OLD.search(prefix) and not _UNCHANGED.search(prefix):
            q.role = "old"
        elif prev_role.get(c) == "new" or ((_LIST_SEP.match(prefix) or _LIST_AREA.match(prefix))
                                           and c in prev_role):
            q.role = prev_role[c]  # 提高到A和B: both new; 由A、B: both old
        if q.role is None and i and quantities[i - 1].role == "new" \
                and _EARLIER_IN_BRACKETS.fullmatch(text, quantities[i - 1].end, q.start):
            q.role = "old"  # 提高到778元/月(2023年为734元/月): the bracket gives the level before
        prev_role[c] = q.role
        prev_end[c] = q.end
        # per-person cue from the clause (每人每月 …), unless the figure is a 万/亿 total
        if q.kind == "money" and q.num.scaled and _PER_HEAD_END.search(prefix):
            q.per_person = True  # 人均救助2.34万元: a per-person amount, not a total
        if q.kind == "money" and not q.num.scaled:
            person, period = _pre_cue(prefix)  # a cue of its own, right before the figure
            q.period_own = q.period is not None or period is not None
            if not person:
                person, period = _pre_cue(clause_prefix)  # else the clause's (每人每月A和B)
            if not person and period_head is not None and period_head.end() <= q.start:
                # 农村低保标准为每人每年:柳林、孝义6084元,中阳5664元: the cue heading the list
                person, period = True, "month" if "月" in period_head.group() else "year"
            if person and not q.per_person:
                q.per_person, q.period = True, period
            elif q.per_person and q.period is None and period and not q.unit_broken:
                q.period = period
            if not q.per_person and i and _YEAR_EQUIVALENT.fullmatch(
                    text, quantities[i - 1].end, q.start) and _twelve_months(quantities[i - 1], q):
                q.per_person, q.period = True, "year"  # 每人每月可领100元,全年1200元: its year
        nxt = quantities[i + 1].start if i + 1 < len(quantities) else sent[1]
        q.programme, q.prog_pos = _programme_at(text, sent, q, nxt, clauses, topic, breakdown,
                                                words)
        # flows (取消农村低保81户, 新纳入…) are not the number covered
        if q.kind in ("persons", "households"):
            flow = None
            for flow in cues.FLOW_RE.finditer(text, sent[0], q.start):
                pass
            if flow is None:
                # 取消农村低保81户…;纳入农村低保141户: 纳入 beside an outflow is the inflow, else
                # (全县共纳入农村低保45910户) the number on the rolls
                for into in _INTO.finditer(text, sent[0], q.start):
                    if _OUTFLOW.search(text, max(0, into.start() - 60), into.start()):
                        flow = into
            if flow is not None and not cues.STOCK_RE.search(text, flow.end(), q.start):
                q.programme = None
            elif _OUTFLOW.search(text, q.end, min(clause_of(q.start)[1], q.end + 12)):
                q.programme = None  # 将…26户42人及时清退出低保范围: the outflow is said after them
    # 80周岁以上老年人3,256人,全部按时足额发放高龄津贴: the clause after a count says which
    # programme covers all of them
    for q in quantities:
        if q.programme is None and q.kind in ("persons", "households"):
            c = clause_of(q.start)
            # (3451.9万人(1572.5万户)享受了农村最低生活保障: past the households in brackets)
            k = _COUNT_IN_BRACKETS.match(text, q.end, sent[1]).end()
            m = _COVERED_THEN.match(text, k, min(sent[1], k + 24))
            if m and not cues.FLOW_RE.search(m.group()):
                q.programme, q.prog_pos = m.lastgroup, m.start(m.lastgroup)
    # a programme named after a list of figures governs the whole list: 1235户2876人发放低保金
    # (a caseload is written 户 then 人), 按每人每月50元、100元和300元标准发放高龄津贴
    for q, nxt in zip(reversed(quantities[:-1]), reversed(quantities[1:])):
        if (q.programme is None or q.programme == nxt.programme and q.prog_pos < q.start) \
                and nxt.programme is not None and nxt.prog_pos >= nxt.end \
                and (q.kind == nxt.kind or (q.kind, nxt.kind) == ("households", "persons")) \
                and _LIST_SEP.match(text[q.end:nxt.start]):
            q.programme, q.prog_pos = nxt.programme, nxt.prog_pos
    # 达到每人每月565元(土右、固阳515元): places in brackets after a level have their own level of
    # the same standard, at the same stage of the raise
    for prev, q in zip(quantities, quantities[1:]):
        if q.programme is None and prev.programme is not None and q.kind == prev.kind == "money" \
                and prev.per_person and prev.period and not q.num.scaled \
                and _BRACKET_PLACES.fullmatch(text, prev.end, q.start) \
                and not cues.PROGRAMME_RE.search(text, prev.end, q.start) \
                and not cues.AREA_RE.search(text, prev.end, q.start):
            q.programme, q.prog_pos, q.role = prev.programme, prev.prog_pos, prev.role
            if not q.per_person:
                q.per_person, q.period, q.unit_broken = True, prev.period, True
    # 集中供养人员供养标准从900元提高到946元: the old level of a raise is the new level's subject
    for q, nxt in zip(quantities, quantities[1:]):
        if q.programme is None and q.role == "old" and nxt.role == "new" \
                and nxt.programme is not None and q.kind == nxt.kind \
                and clause_of(q.start) == clause_of(nxt.start):
            q.programme, q.prog_pos = nxt.programme, nxt.prog_pos
    # 散居孤儿每月不低于600元,集中供养孤儿不低于1000元: a floor is a level per person, never a
    # total; in a list after a per-person figure of the same programme it takes that figure's period
    for prev, q in zip(quantities, quantities[1:]):
        if q.kind == "money" and not q.per_person and not q.num.scaled and prev.per_person \
                and prev.period and q.programme is not None and q.programme == prev.programme \
                and _FLOOR_BEFORE.search(text, max(sent[0], q.start - 4), q.start):
            q.per_person, q.period, q.unit_broken = True, prev.period, True
    # 发放临时生活补助974.75万元,其中城市低保对象发放478.75万元: after 其中, a programme word naming
    # the people paid (低保对象) breaks the fund down by recipients; the money is still the fund's
    fund = None
    for q in quantities:
        if q.kind != "money" or q.per_person or q.programme is None:
            continue
        names_people = q.prog_pos >= 0 and _RECIPIENT_GROUP.match(
            text, cues.PROGRAMME_RE.match(text, q.prog_pos).end()) is not None
        if fund is not None and names_people and q.programme != fund.programme \
                and "其中" in text[fund.end:q.start]:
            q.programme, q.prog_pos = fund.programme, fund.prog_pos
        elif not names_people:
            fund = q
    # 为困难劳模300名发放救助金15万元, 为216户贫困户子女发放教育资助金89.5万元: a payment of a fund
    # of assistance to people that names no programme is spending on other assistance (the
    # policy's roll-up); totals of all programmes (各类, 社会救助), disaster and veterans' money,
    # employment subsidies and payments per head are not
    carried: list[Quantity] = []  # …and its area, unless the sentence names one
    for q in quantities:
        if q.programme is None and q.kind == "money" and not q.per_person \
                and q.num.value >= 10000:
            c = clause_of(q.start)
            paid = _GENERIC_FUND_PAID.search(text, max(c[0], q.start - 30), q.start)
            if paid is None or _NOT_GENERIC_FUND.search(text, max(sent[0], paid.start() - 30),
                                                        q.start) \
                    or text.find("其中", q.end, sent[1]) >= 0:
                continue
            if paid.group("what"):
                if cues.PROGRAMME_RE.search(paid.group("what")):
                    continue  # 发放城乡低保、特困供养等救助资金: several programmes' total
                q.programme, q.prog_pos = "oneoff", -1  # a named fund: 教育资助金, 取暖补助
            elif words:
                continue  # a bare 救助金 the programme named in its sentence did not claim
            elif any(o.kind in ("persons", "households") and not o.times and o.start < q.start
                     for o in quantities):
                q.programme, q.prog_pos = "oneoff", -1  # 救助困难劳模300名,发放救助金15万元
            elif doc.last_programme in _GUARANTEES and doc.facts \
                    and doc.facts[-1].sentence == doc.sentence - 1:
                # 城市低保:…发放低保金44.52万元。1至3月累计救助2590人次,支出救助资金134.43万元: the bare
                # 救助资金 of a sentence naming no programme or people goes on with the one before
                q.programme, q.prog_pos = doc.last_programme, -1
                carried.append(q)
    # 2019年城市低保标准600元/月,2020年提高到650元/月: a standard dated to a year that a later
    # clause of the sentence raises from is the old one
    for q in quantities:
        if q.role is not None or q.kind != "money" or not q.per_person:
            continue
        years = list(_YEAR.finditer(text, clause_of(q.start)[0], q.start))
        if not years:
            continue
        for later in _YEAR_THEN_RAISE.finditer(text, q.end, sent[1]):
            if int(later.group(1)) > int(years[-1].group(1)):
                q.role = "old"
                break
    # 每人每月提高10元,达到110元: the level a per-person increase reaches is per person too
    for inc, q in zip(quantities, quantities[1:]):
        if inc.role == "increase" and inc.per_person and q.role == "new" and q.kind == "money" \
                and not q.per_person and not q.num.scaled:
            q.per_person, q.period = True, inc.period
    # 600元提高到650元 without 由: the figure right before 提高到 is the old one, and so is each
    # figure listed before it (分别将分散供养220元/人/月、集中供养300元/人/月调整为…)
    for k, (q, nxt) in enumerate(zip(quantities, quantities[1:])):
        if q.role is None and nxt.role == "new" and _RAISED_TO.match(text, q.end, nxt.start):
            q.role = "old"
            j = k
            while j > 0 and quantities[j - 1].role is None and quantities[j - 1].kind == q.kind \
                    and _LIST_ITEM_GAP.fullmatch(text, quantities[j - 1].end, quantities[j].start):
                j -= 1
                quantities[j].role = "old"
    # 在去年提高到200元的基础上今年提高到220元: the figure a raise builds on is the old one
    for q in quantities:
        if q.role in (None, "new") and q.kind == "money" and _ON_BASIS.match(text, q.end):
            q.role = "old"
    # 6480元/年(即540元/月), 250元/月(3000元/年): a bracketed equivalent shares its figure's role
    for q, nxt in zip(quantities, quantities[1:]):
        if nxt.role is None and q.role in ("old", "new") and nxt.kind == q.kind \
                and _EQUIVALENT.match(text, q.end, nxt.start):
            nxt.role = q.role
    for q in quantities:
        if q.role is None and q.kind == "money" and q.per_person:
            before = _BEFORE_RAISE.search(text, sent[0], q.start)
            after = _AFTER_RAISE.search(text, sent[0], q.start)
            if before and not (after and after.start() > before.start()):
                q.role = "old"
            elif after and not cues.AVG_RE.search(text, after.end(), q.start) \
                    and cues.STANDARD_RE.search(text, after.end(), q.start):
                q.role = "new"  # 提标后…标准为: only a standard is the new level
    # an old value needs a new one after it (由县财政承担50万元 is not a raise)
    if not any(q.role == "new" for q in quantities):
        for q in quantities:
            marker = _OLD.search(text, clause_of(q.start)[0], q.start) if q.role == "old" else None
            if marker is not None and not marker.group().startswith("原") \
                    and not _BEFORE_RAISE.search(text, sent[0], q.start):  # 原为X stays old
                q.role = None

    # 达到148.6万人 reports a level, not a raise: counts and totals are "new" only beside an old one
    if not any(q.role == "old" for q in quantities):
        for q in quantities:
            if q.role == "new" and (q.kind != "money" or q.num.scaled):
                q.role = None

    # 调整为每月620元(原为560元): the old figure is in the unit of the new one, and vice versa
    for q in quantities:
        if q.kind == "money" and q.role in ("old", "new") and not q.per_person:
            other = [o for o in quantities if o.role in ("old", "new") and o.role != q.role
                     and o.kind == "money" and o.per_person and o.period and not o.unit_broken]
            if other:
                near = min(other, key=lambda o: abs(o.start - q.start))
                q.per_person, q.period = True, near.period

    for q in quantities:
        if q.kind == "money" and q.per_person and q.role in ("old", "new") and q.period is None:
            other = [o for o in quantities if o.role in ("old", "new") and o.role != q.role
                     and o.kind == "money" and o.per_person and o.period and not o.unit_broken]
            if other:
                q.period = min(other, key=lambda o: abs(o.start - q.start)).period
    _areas_and_variants(text, sent, clause_of, quantities, topic_area, topic, words,
                        township=doc.township_at is not None and doc.township_at < sent[1])
    for q in carried:
        if not q.area_cued:
            q.area = doc.last_area(q.programme) or q.area
    _pair_respectively(text, sent, quantities)
    _pair_both_areas(text, quantities)

    for q in quantities:
        fact = _to_fact(text, q, clause_of(q.start), doc, sent[0])
        if fact is not None:
            doc.facts.append(fact)
            if q.programme not in _DRIVERS:  # an income or poverty line is a yardstick, no topic
                doc.last_programme = q.programme


def _areas_and_variants(text, sent, clause_of, quantities, topic_area=None, topic=None,
                        words=None, township: bool = False) -> None:
    """Area and variant of each figure. ``township``: the text has called itself a township's
    (全镇, 该乡) by the end of this sentence."""
    for q in quantities:
        if q.programme is None:
            continue
        c = clause_of(q.start)
        own = text[c[0]:q.start]
        tail = text[q.end:min(c[1], q.end + 12)]
        # area: the nearest cue in the clause, else the run of clauses about this programme
        # 农村低保对象6,543人、特困供养人员1,234人: a figure with its own programme word after an
        # earlier item of the list takes area cues from its own item only
        lead = max([o.end for o in quantities if c[0] <= o.start and o.end <= q.prog_pos < q.start
                    and o.programme not in (None, q.programme) and 0 <= o.prog_pos < o.start]
                   or [c[0]])
        if lead > c[0]:
            own = text[lead:q.start]
        area = _area_in(own)
        if area is None and q.kind == "money" and "五保" in own:
            area = "rural"  # 为99名散居五保老人发放临时生活补贴: 五保 was the rural support
        if q.prog_pos >= q.end and q.kind in ("persons", "households") and (
                q.end == q.num.end or _CLASSIFIER.fullmatch(text, q.num.end, q.end)):
            # 30万左右城乡低保群众、近5万农村五保供养对象, 8100名城市低保对象、71700名农村低保对象:
            # the noun that is a count's unit (after its classifier 名/位) names its area
            word = cues.PROGRAMME_RE.match(text, q.prog_pos)
            area = _area_in(text[q.end:word.end() if word else q.prog_pos]) or area
        if area is None and lead > c[0]:
            area = cues.PROGRAMME_BY_NAME[q.programme].implied_area or "all"
        if area is None and q.prog_pos >= q.end:
            # 为3,456户6,012人发放城市低保金: the programme word after the count names the area
            word = cues.PROGRAMME_RE.match(text, q.prog_pos)
            area = _area_in(text[q.end:word.end() if word else q.prog_pos])
        if area is None and 0 <= q.prog_pos < c[0]:
            k = clause_of(q.prog_pos)
            area = _area_in(text[k[0]:k[1]], q.programme)
            if area in ("urban", "rural") and _JOINT_AREAS.search(text[k[0]:q.prog_pos]):
                area = "all"  # 城镇与农村的低保标准持平,分别为一类地区…: one figure for both
        # 640元(城市)和440元(农村): an area in brackets right after the figure is its own
        bracket = _BRACKET_AREA.match(text, q.end)
        if bracket:
            area = _area_in(bracket.group())
        if area is None and q.prog_pos >= 0:
            run_start = clause_of(q.prog_pos)[0]
            # extend the run back over earlier clauses naming the same programme
            for m in (cues.PROGRAMME_RE.finditer(text, sent[0], q.prog_pos) if words is None else
                      (w for w in words if w.end() <= q.prog_pos)):
                if m.lastgroup == q.programme:
                    run_start = min(run_start, clause_of(m.start())[0])
                else:
                    run_start = clause_of(q.prog_pos)[0]
            hits = [m for m in cues.AREA_RE.finditer(text, run_start, q.start)
                    if not _qualifies_other(text, m.end(), q.programme)]
            found = {m.lastgroup for m in hits}
            if hits:
                near = clause_of(hits[-1].start())
                counts = any(o.kind in ("persons", "households") and near[0] <= o.start < near[1]
                             for o in quantities)
                # 城市低保471户1088人, 发放补助金576.22万元: the amount is for the same subject
                continues = not (c[0] <= q.prog_pos < c[1])  # no programme word of its own
                money_total = q.kind == "money" and not q.per_person
                if len(found) == 1 or (counts and continues and money_total) or (
                        counts and money_total and _alternating(text, hits, q, quantities, sent)):
                    area = hits[-1].lastgroup
                else:
                    area = "all"  # a figure after urban and rural ones covers both
        if area is None and (q.prog_pos < 0 or q.programme == topic) and topic_area is not None:
            area = topic_area  # a figure under the heading 二、城市低保 names no area of its own
        if area is None and not q.per_person and township and q.programme == "dibao":
            # 全镇低保一季度享受人员950户, 该乡目前共有享受低保的困难群众4309人: a township's own
            # dibao rolls and payments are rural (乡镇 are the rural tier; towns' urban residents
            # are counted by 街道 and 城镇); its other aid (临时救助, 医疗救助) stays all
            area = "rural"
        # 城市居民…标准和农村居民…标准从640元提高至670元: one figure for both areas
        head = text[c[0]:min([o.start for o in quantities if c[0] <= o.start] or [q.start])]
        if area in ("urban", "rural") and _JOINT_AREAS.search(head) and (
                "分别" not in text[c[0]:c[1]] or _OWN_TIER.search(text, max(c[0], q.start - 10),
                                                                 q.start)):
            area = "all"
        q.area_cued = area is not None
        if area is None:
            area = cues.PROGRAMME_BY_NAME[q.programme].implied_area or "all"
        q.area = area
        # variant: nearest cue in the clause (or the noun right after a count: 9522名重度残疾人)
        # a count names its group after it (96名集中供养特困人员), an amount before it
        found = False
        if q.kind in ("persons", "households"):
            stop = _TAIL_END.search(tail)
            found, variant = _variant(q.programme, tail[:stop.start()] if stop else tail, first=True)
        if not found:
            found, variant = _variant(q.programme, own)
        if not found and 0 <= q.prog_pos < c[0]:
            # (原为6600元) after 分散供养标准调整为…: the programme's clause names the variant
            k = clause_of(q.prog_pos)
            found, variant = _variant(q.programme, text[k[0]:k[1]])
        q.variant = variant


def _alternating(text: str, hits: list[re.Match], q: Quantity, quantities: list[Quantity],
                 sent: tuple[int, int]) -> bool:
    """Whether the sentence runs area by area, each area's counts followed by its spending (其中
    城市低保6195户12533人,发放低保金3277万元,农村低保7840户13026人,发放低保金1444万元): then an amount
    belongs to the area before it. Told by an amount between the last two area cues, or by another
    area cue after the amount; a total after urban and rural counts (城市…户,农村…户,共发放…) has
    neither."""
    money = [o.start for o in quantities if o.kind == "money" and not o.per_person and o is not q]
    if len(hits) >= 2 and any(hits[-2].end() <= p < hits[-1].start() for p in money):
        return True
    later = cues.AREA_RE.search(text, q.end, sent[1])
    return later is not None and later.lastgroup != hits[-1].lastgroup


# a news story's family: 她领到了500元, 全家2人 (the figures of one household, not of a programme)
_ONE_FAMILY = re.compile(r"(?:[她他](?:家|们家)?[^,。;\d]{0,6}(?:领到|拿到|领取|收到|获得)了?|"
                         r"(?:全家|一家|家中|家里)(?:共|有)?)\s*$")
_PREMIUM_AFTER = re.compile(r"(?:的标准)?(?:为[^,。;]{0,8})?(?:缴纳|代缴|购买|投保)[^,。;]{0,6}(?:保险|保费)|"
                            # 按照每人300元的标准增发定向消费券: an extra one-off payment per head
                            r"(?:的标准)?(?:增发|一次性发放|发放一次性)")
_BENEFITS = re.compile(r"惠及|受益")
_JOINT_AREAS = re.compile(r"(?:(?:城市|城镇)[^,;。\d]{0,16}?(?:和|及|与|、)农村|"
                          r"农村[^,;。\d]{0,16}?(?:和|及|与|、)(?:城市|城镇))[^,;。\d]{0,16}$")
_RESPECTIVELY = re.compile(r"分别")
_EARLIER_IN_BRACKETS = re.compile(r"\s*\(\s*(?:(?:19|20)\d\d|去|上)年(?:同期|底|末)?(?:为|是)?\s*")
_BRACKET_PLACES = re.compile(r"\s*\(\s*(?:(?:(?![和及])[\u4e00-\u9fff]){2,8}[、和及]){0,8}"
                             r"[\u4e00-\u9fff]{2,8}?(?:为|是)?\s*")
_FLOOR_BEFORE = re.compile(r"(?:不低于|不少于|不得低于)$")
# 分别为一类地区每人每月650元和二类地区每人每月550元: each value names its own tier, so the items
# before 分别 (城镇与农村…持平) are not what the values are listed against
_OWN_TIER = re.compile(r"[一二三四五六七八九十\d]类(?:地区|县|市)|第[一二三四五六七八九十\d]类|"
                       r"[一二三四五六七八九十\d]档")


_PAIR_SEP = re.compile(r"\s*[、和及与]\s*$")


def _pair_both_areas(text: str, quantities: list[Quantity]) -> None:
    """城乡低保标准每人每月不低于702元、484元: two per-person figures listed after one 城乡 cue, with
    no 分别, are the urban and the rural one (reports list urban first)."""
    for i in range(len(quantities) - 1):
        a, b = quantities[i], quantities[i + 1]
        if not (a.kind == b.kind == "money" and a.per_person and b.per_person and a.area == b.area
                == "all" and a.programme == b.programme and a.role == b.role and not a.paired
                and not b.paired and (_PAIR_SEP.match(text[a.end:b.start]) or (
                    text[a.end:b.start].strip() == "," and (a.period, b.period) == ("month", "year")))):
            continue
        if i + 2 < len(quantities) and _PAIR_SEP.match(text[b.end:quantities[i + 2].start]):
            continue  # a longer list: places or tiers, not the two areas
        if i > 0 and _PAIR_SEP.match(text[quantities[i - 1].end:a.start]):
            continue
        own = text[max(0, a.start - 30):a.start]
        if own.rfind("城乡") < 0 or cues.AREA_RE.search(own, own.rfind("城乡") + 2) is not None:
            continue
        a.area, b.area, a.paired, b.paired = "urban", "rural", True, True


def _pair_respectively(text: str, sent: tuple[int, int], quantities: list[Quantity]) -> None:
    """分别: pair the values after it with the items (areas or variants) listed before it."""
    for m in _RESPECTIVELY.finditer(text, sent[0], sent[1]):
        first = next((q for q in quantities if q.start > m.end()), None)
        if first is not None and first.role == "increase":
            continue  # 分别比上年提高15元和302元: it pairs increments, not the figures after them
        after = [q for q in quantities if q.start > m.end() and q.role != "increase"
                 and q.programme is not None]
        # values after 分别 up to the end of the clause list: stop at a figure of another kind
        if not after:
            continue
        kind = after[0].kind
        group = []
        for q in after:
            if q.kind != kind or (group and _GROUP_BREAK.search(text, group[-1].end, q.start)):
                break
            group.append(q)
        programme = group[0].programme
        # items: in the clause of 分别, else in the clauses before it (城乡低保标准分别…, 补助水平分别…)
        items = None
        starts = [c0 for c0, _ in _split(text, sent[0], m.start(), _CLAUSE_END)]
        for c0 in reversed(starts or [sent[0]]):
            items = _listed_items(programme, text[c0:m.start()])
            if items:
                break
        # 城市居民最低生活保障标准分别为:甲区…;乙市…: one area named before 分别, the values are places'
        one_area = {a.lastgroup for a in cues.AREA_RE.finditer(text, sent[0], m.start())} in (
            {"urban"}, {"rural"})
        phases: dict[str | None, list[Quantity]] = {}
        for q in group:
            phases.setdefault(q.role, []).append(q)
        # 城乡低保平均标准由370元/月、2448元/年,分别提高到…: the old values stand before 分别
        if "new" in phases and "old" not in phases:
            olds = [q for q in quantities if q.end <= m.start() and q.role == "old"
                    and q.programme == programme and q.kind == kind and not q.paired]
            if len(olds) >= len(phases["new"]):
                phases["old"] = olds[-len(phases["new"]):]
        for members in phases.values():
            its = items
            if its is None and len(members) == 2 and kind == "money" and programme in (
                    "dibao", "tekun") and not one_area and any(
                    cues.PROGRAMME_BY_NAME[programme].standard and q.per_person for q in members):
                # 城乡…标准分别为A、B with the area lost (城低保): reports list urban first.
                its = [("area", "urban"), ("area", "rural")]
            if its is None or len(its) != len(members):
                continue
            if all(_OWN_TIER.search(text, max(m.end(), q.start - 10), q.start) for q in members):
                continue
            for q, (what, value) in zip(members, its):
                setattr(q, what, value)
                q.paired = True
            # a per-person unit without period takes it from its pair
            periods = {q.period for q in members if q.period}
            if len(periods) == 1:
                for q in members:
                    if q.per_person and q.period is None:
                        q.period = next(iter(periods))
                        q.unit_broken = True
        # 分别由每人每月A、每人每年B提高到C、D: C and D take the periods of A and B
        olds, news = phases.get("old", []), phases.get("new", [])
        if len(olds) == len(news):
            for o, n in zip(olds, news):
                for a, b in ((o, n), (n, o)):
                    if b.per_person and not b.period_own and a.period_own and a.period:
                        b.period = a.period
        # the two phases of 分别由A、B提高至C、D share their periods too
        periods = {q.period for q in group if q.period}
        if len(periods) == 1:
            for q in group:
                if q.per_person and q.period is None:
                    q.period = next(iter(periods))
                    q.unit_broken = True


def _listed_items(programme: str, head: str) -> list[tuple[str, str]] | None:
    """Items listed before 分别: variants (集中、分散) or areas (城乡, 城市和农村), in order."""
    table = cues.VARIANTS.get(programme, ())
    hits = []
    for pattern, variant in table:
        if variant is None:
            continue
        for m in pattern.finditer(head):
            hits.append((m.start(), variant))
    hits.sort()
    variants = list(dict.fromkeys(v for _, v in hits))
    if len(variants) >= 2:
        return [("variant", v) for v in variants]
    areas: list[str] = []
    for m in cues.AREA_RE.finditer(head):
        if m.group() == "城乡":
            areas.extend(cues.AREA_PAIR)
        elif m.lastgroup in cues.AREA_PAIR:
            areas.append(m.lastgroup)
    areas = list(dict.fromkeys(areas))
    if len(areas) >= 2:
        return [("area", a) for a in areas]
    return None


# (低保等救助资金: a programme "and others" before the money it names)
_SEVERAL = re.compile(r"等(?:各类|多项|几类|各项)|各类救助|各项救助|"
                      r"(?:低保|特困|五保|救助)等[\u4e00-\u9fff]{0,4}?(?:资金|金|款)")


_FROM_RANGE = re.compile(r"从$")
_CAP_OR_EACH = re.compile(r"最高|封顶|上限|限额|每户|每个")
_DIFFERENCE = re.compile(r"差距|相差|差额|高出|多出")
_FAMILY = {"wubao": "tekun"}  # 五保 is the rural 特困 support of old
# 集中供养/分散供养 are the two modes of 特困 (五保) support: a sentence naming only the mode goes on
# about the support programme named before it
_SUPPORT_MODE = re.compile(r"(?:集中|分散)供养|供养(?:款|金|资金|经费)")  # (发放供养款219.5万元)
_SUPPORT_PEOPLE = re.compile(r"(?:集中|分散)供养(?:人员|对象|标准)")
_ITS_STANDARD = re.compile(r"其[\u4e00-\u9fff]{0,8}?标准")
# 全国城镇居民平均标准达到684.1元/人/月 after a sentence on 低保's caseload: an area's standard
# with no programme named is the standard of the programme the sentence before counted
_AREA_STANDARD = re.compile(r"(?:城市|城镇|农村|城乡)(?:居民)?(?:月|年)?(?:人均)?(?:平均)?(?:保障)?标准")
_SUPPORT_WORD = re.compile(r"五保|特困|三无")
_WORK_HEAD = re.compile(r"(?:城市|城镇|农村|城乡)(?:居民)?(?:最低生活保障|低保)工作")
_DRIVERS = frozenset({"income", "consumption", "poverty", "gdp", "revenue", "spending",
                      "population"})
_ROLL_FAMILY = {**_FAMILY, "elderly_tier": "elderly"}  # one roll under two names
# programme words that name no roll of beneficiaries of their own (drivers, one-off payments)
_NOT_A_ROLL = _DRIVERS | {"oneoff"}
_AS_FOLLOWS = re.compile(r"如下[:]?\s*$")
# 其中保华镇2户10人,救助资金25380元;大河镇8户17人,…: a sentence opening with 其中, and the items
# after it that open with a place, break down the figures of the sentence before (same programme)
_BREAKDOWN_HEAD = re.compile(r"\s*其中[:,]?")
_PLACE_HEAD = re.compile(r"\s*[\u4e00-\u9fff]{1,6}?(?:县|区|市|旗|州|盟|镇|乡|街道|办事处|社区|村)"
                         r"(?:\([\u4e00-\u9fff、]{1,8}\))?(?=[\d\s:,、和及由从])")  # 四县(市)从…
# 省级补助标准, 中央补助资金对东、中、西部的补助标准: a level's share of the standard (the centre
# pays its share by the region's tier, east to west), not the standard
_SHARE_OF_STANDARD = re.compile(r"(?:省|市|县|中央|财政)级?补助(?:标准|资金)|东、?中、?西部")
# (全)自理 alone names the basic standard of those who look after themselves (全自理人员供养标准)
_CARE_TIER = re.compile(r"半自理|不能自理|失能|照料|照护|护理(?!补贴)")
_AVG_TOTAL = re.compile(r"(?:补助|救助|保障|支出|补差)水平|平均补助|补差|人均")
_CLAUSE_STOP = re.compile(r"[,;。:]")
_PROJECTED = re.compile(r"预计|预期|有望")
_DIGIT = re.compile(r"\d")
_COUNT_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*万?\s*(?:人次|户次|人|户|名)")
_COMPARED = re.compile(r"\s*(?:比|较|同比)(?:去年|上年|上年度|上年同期|同期|年初)?(?:增加|减少|增长|下降|提高)"
                       r"[\d.]+(?:万|亿)?(?:人|户|元)?\s*(?=[,;]|$)")


def _grand_total(text: str, start: int, end: int) -> bool:
    """True when the words before a money figure name a list of programmes (低保、特困人员…资金)
    or 等各类…: the figure is a multi-programme total, which no single indicator holds."""
    if _SEVERAL.search(text, start, end):
        return True
    names = [m for m in cues.PROGRAMME_RE.finditer(text, start, end)]
    for a, b in zip(names, names[1:]):
        if _FAMILY.get(a.lastgroup, a.lastgroup) != _FAMILY.get(b.lastgroup, b.lastgroup) and re.fullmatch(r"[^,;。\d]{0,8}?[、和及与](?:全省|全市|全县|全区)?(?:城市|城镇|农村|城乡)?",
                                                      text[a.end():b.start()]):
            return True
    return False


_CLAUSE_MARK = re.compile(r"[,;:]")
_SUBSIDY_PAID = re.compile(r"(?:发放|发给)了?(?:生活|一次性|临时|节日|春节|价格|物价)?补贴(?:资金)?"
                           r"(?:共|合计|共计|总计)?\s*$")
_TOWNSHIP = re.compile(r"(?:全|该|我|本)(?:镇|乡)(?!村)")
# 城市低保边缘户标准,九区从每人每月440元至510元…: the near-poor (低保边缘, 低收入) are not the
# programme's people, whatever the heading above says
_NEAR_POOR = re.compile(r"边缘|低收入")
#: Programmes whose standard is a guarantee line (保障/供养标准), never a 补贴标准.
_GUARANTEES = frozenset({"dibao", "tekun", "wubao"})
# 每人每月100元,全年1200元 / (折合每年1200元): a monthly amount followed by its year's worth
_YEAR_EQUIVALENT = re.compile(r"[,、(\s]*(?:即|折合|折算|合计|也就是)?(?:全年|每年|一年)(?:共|合计|可领|可达|为|达)?")


def _twelve_months(month: Quantity, year: Quantity) -> bool:
    """Whether ``year`` is twelve times the per-person monthly amount ``month``."""
    return month.kind == "money" and month.per_person and month.period == "month" \
        and abs(year.num.value - 12 * month.num.value) < 1


_INTRO_STANDARD_GAP = re.compile(r"(?:的)?(?:最低|指导|平均|保障|供养)*")


def _standard_intro(text: str, sent_start: int, clause_start: int) -> bool:
    """True when a clause without figures naming a standard stands earlier in the sentence than the
    figure's clause (…起,全面实施统一的城乡低保指导标准,城市低保为每月330元、农村低保为每月165元):
    the per-person figures after it state that standard, unless a payment level is named since."""
    std = None
    for std in cues.STANDARD_RE.finditer(text, sent_start, clause_start):
        pass
    if std is None:
        return False
    a = max(sent_start, text.rfind(",", sent_start, std.start()) + 1)
    end = _CLAUSE_MARK.search(text, std.end(), clause_start)
    if end is None or _DIGIT.search(text, a, end.start()) or cues.AVG_RE.search(
            text, std.start(), clause_start) or "\n" in text[std.start():clause_start]:
        return False  # (a title line above is no introduction)
    # the programme's own standard (城乡低保指导标准), not a subsidy's (按…的补贴标准)
    name = None
    for name in cues.PROGRAMME_RE.finditer(text, max(a, std.start() - 12), std.start()):
        pass
    return name is not None and \
        _INTRO_STANDARD_GAP.fullmatch(text, name.end(), std.start()) is not None


def _in_brackets_after_standard(text: str, start: int, at: int) -> bool:
    """True when ``at`` lies in brackets opened right after a standard (城乡低保标准(城市低保为每人
    每月590元、农村低保为每人每月470元)): the bracket spells the standard out."""
    opened = text.rfind("(", start, at)
    return opened > 0 and ")" not in text[opened:at] and \
        cues.STANDARD_RE.search(text, max(start, opened - 3), opened) is not None


def _to_fact(text: str, q: Quantity, clause: tuple[int, int], doc: _Doc,
             sent_start: int | None = None) -> Fact | None:
    if q.role == "increase" or q.programme is None:
        return None
    prog = cues.PROGRAMME_BY_NAME[q.programme]
    # the words that qualify the figure: from its programme word, or (a programme inherited from a
    # heading) from the start of the sentence — 补助水平城市达到月人均787元,农村达到月人均324元
    context = text[q.prog_pos if 0 <= q.prog_pos < q.start else
                   (clause[0] if sent_start is None else sent_start):q.start]
    if cues.NOT_BENEFICIARY_RE.search(text[clause[0]:q.start][-8:] + text[q.end:q.end + 6]) \
            and q.kind in ("persons", "households"):
        return None
    # 预计城市达到255元/月,农村达到1500元/年, 全年预计…支出820万元,五保供养支出254万元: a projection
    # governs the figures after it, not figures in force; but one said after a figure
    # (城市低保人数143万人,预计年发放资金41.5亿元,农村低保人数277万人) ends at a clause naming its own
    # programme
    s_from = clause[0] if sent_start is None else sent_start
    projected = _PROJECTED.search(text, s_from, q.start)
    if projected is not None and not (
            projected.start() < clause[0] <= q.prog_pos < q.start
            and _DIGIT.search(text, s_from, projected.start())
            and not _PROJECTED.search(text, clause[0], q.start)):
        return None
    flags: list[str] = []
    unit = None
    value, high = q.num.value, q.num.value_high
    if q.kind == "households" and q.times:
        return None  # 6448户(次): household-times, not a caseload
    if q.kind in ("persons", "households"):
        # 全市低保、五保对象共计177940人, 59829名低保和农村五保对象: a count over several
        # programmes is no one programme's caseload
        lo = min(q.prog_pos, clause[0]) if 0 <= q.prog_pos < q.start else clause[0]
        tail = _CLAUSE_STOP.search(text, q.end, min(q.end + 16, len(text)))
        if _grand_total(text, lo, q.start) or _grand_total(text, q.end, tail.start() if tail
                                                            else min(q.end + 16, len(text))):
            return None
    if q.kind == "money" and _PREMIUM_AFTER.match(text, q.end):
        return None  # 按每人每年50元缴纳商业保险: a premium paid for them; 每人300元的标准增发: a one-off
    if _ONE_FAMILY.search(text, max(clause[0], q.start - 12), q.start):
        return None  # 二是她领到了500元, 提标后全家2人可享受…: one family's story, no aggregate
    if q.kind == "persons" and sent_start is not None \
            and (benefit := _BENEFITS.search(text, max(sent_start, q.start - 8), q.start)) \
            and not cues.PROGRAMME_RE.search(text, benefit.end(), q.start) \
            and len({_ROLL_FAMILY.get(m.lastgroup, m.lastgroup)
                     for m in cues.PROGRAMME_RE.finditer(text, sent_start, q.start)}
                    - _NOT_A_ROLL) >= 2:
        # 提高城乡低保和特困人员基本生活标准,惠及全市86000余名困难群众: the people of all of them
        # (惠及城乡低保对象267.84万人 names its own programme)
        return None
    if q.kind == "persons":
        indicator = prog.recipients
        unit = "persons"
        # 人次 counts cases (a person helped twice counts twice): never the caseload of a programme
        # with a roll of beneficiaries; temporary aid and the disability subsidies are counted so
        if q.times and prog.name not in _CASE_COUNTED:
            return None
    elif q.kind == "households":
        indicator = prog.households
        unit = "households"
    else:
        # 标准 before the figure, or right after it (按每人每月1100元的标准发放)
        after = text[q.end:clause[1]]
        # or in the heading the figure sits under (各省城市低保标准: / 北京:1395元/月)
        std_after = _STANDARD_AFTER.match(after)
        if std_after is not None and prog.name in _GUARANTEES and \
                std_after.group().endswith(("补贴标准", "慰问标准")):
            # 按照城市低保对象300元/人的补贴标准: a one-off subsidy's rate for the programme's people,
            # not the programme's standard (its own 补贴标准 names an allowance: 高龄补贴标准)
            return None
        has_standard = cues.STANDARD_RE.search(context) is not None or \
            std_after is not None or (q.prog_pos < 0 and doc.topic_standard) \
            or _in_brackets_after_standard(text, max(0, q.start - 60), q.start) \
            or (q.per_person and sent_start is not None and _standard_intro(text, sent_start, clause[0]))
        if has_standard and prog.standard is None or _PER_CASE.search(context[-6:]):
            return None  # 临时救助标准…每次不超过3000元: a cap per case, not spending
        per_person = q.per_person or (has_standard and not q.num.scaled and value < 50000
                                      and prog.standard is not None) or (
            prog.name in cues.ANNUAL and not q.num.scaled)
        if per_person:
            avg = std = None
            for avg in cues.AVG_RE.finditer(context):
                pass
            for std in cues.STANDARD_RE.finditer(context):
                pass
            if avg is None and std is None and not has_standard and q.role in ("old", "new") \
                    and sent_start is not None and 0 <= q.prog_pos < q.start:
                # 城市低保人均月补助由135元提高到157元,农村低保由52元提高到62元: a parallel half
                # naming only its programme raises what the half before it raised
                before = text[sent_start:q.prog_pos]
                for avg in cues.AVG_RE.finditer(before):
                    pass
                for std in cues.STANDARD_RE.finditer(before):
                    pass
                if avg is not None and std is not None and std.start() > avg.start():
                    avg = None
                std = None
            # 补助水平达到月人均1514元, 年人均补助标准: an average payment, never the standard
            if avg is not None and (std is None or avg.start() > std.start()
                                    or std.start() == avg.end()):
                if prog.avg_benefit is None:
                    return None
                indicator = prog.avg_benefit
            elif std is not None or has_standard or q.role in ("old", "new") or \
                    prog.name in cues.ANNUAL or (prog.name in cues.FLAT_RATE and q.period):
                indicator = prog.standard
            else:
                return None  # 人均1000元的服务: per person, but neither a standard nor a benefit level
            period = q.period
            if period is None and prog.name in cues.ANNUAL:
                period = "year"  # household-survey statistics are annual unless stated otherwise
            elif period is None:
                # 五保 (the rural support of old, before 2016) was set per year: 1000元 and more
                # is a year's standard, whatever came before
                # a rural dibao line was long set per year and, per month, passes 1000元 only in the
                # richest cities of late years (which state the unit): 1000元 and more is a year's
                yearly = value >= 2400 or (prog.name == "dibao" and q.area == "rural" and value >= 1000)
                period = "year" if prog.name == "wubao" and value >= 1000 else \
                    doc.last_period or ("year" if yearly else "month")
                flags.append("unit_missing")
            elif q.unit_broken:
                flags.append("unit_missing")
            if not q.unit_broken and q.period and indicator == prog.standard:
                doc.last_period = q.period
            unit = "yuan_per_person_month" if period == "month" else "yuan_per_person_year"
        else:
            if cues.NOT_SPENDING_RE.search(text[min(clause[0], q.prog_pos) if q.prog_pos >= 0
                                                else clause[0]:q.start]):
                return None
            if _CAP_OR_EACH.search(text, clause[0], q.start):
                return None  # 最高救助金额由1.5万元…, 为每个低保户发放500元: a cap or a payment each
            if _AVG_TOTAL.search(text[clause[0]:q.start][-12:]) or _FROM_RANGE.search(
                    text[clause[0]:q.start][-4:]) and q.num.value_high is not None:
                return None  # 月平均补助水平为408.4元, 发放从800元至3500元: per-person amounts
            # the list may stand before the figure's clause: from the programme word on
            lo = q.prog_pos if 0 <= q.prog_pos < clause[0] else clause[0]
            # (为低保户、五保户发放电价补贴2.64万元: a one-off payment's recipients are its audience)
            if prog.name != "oneoff" and _grand_total(text, lo, q.start):
                return None  # 发放城乡低保、特困人员救助补助资金26.4亿元: several programmes' total
            indicator = prog.expenditure
            if prog.name in _GUARANTEES and _SUBSIDY_PAID.search(text, clause[0], q.start):
                # 为城市低保对象109314人发放补贴7519万元: a subsidy paid to the programme's people
                # (a holiday or price one-off) is other assistance, not the programme's payments
                indicator = "other_assistance_expenditure"
            unit = "yuan"
    if indicator is None:
        return None
    if _DIFFERENCE.search(text, clause[0], q.start):
        return None  # 两者差距多达230元: a difference between two figures, no level of its own
    care_from = min(clause[0], q.prog_pos) if q.prog_pos >= 0 else clause[0]
    if text[care_from - 1:care_from] == ":":
        # 照料护理标准:全自理每人每月100元: the label before the colon names the tier too
        care_from = max(care_from - 12, text.rfind("\n", 0, care_from) + 1)
    if indicator == prog.standard and (prog.name in ("tekun", "wubao")
                                       and _CARE_TIER.search(text, care_from, clause[1])
                                       or _SHARE_OF_STANDARD.search(context)):
        return None  # 自理、半自理和完全不能自理特困人员每人每年2292元: care tiers, not the standard;
        # 省级补助标准: the province's share of the standard, not the standard
    area = q.area or "all"
    if indicator == prog.standard and unit and not q.paired:
        # 各区城市低保标准每人每月由493元提高到518元;两县…低保标准每人每月由438元提高到463元: parallel
        # statements of one paragraph break the same standard down by place, so a statement that
        # names no area keeps the area of the one before it (same standard, same period)
        key = (indicator, unit)
        if q.area_cued:
            doc.standard_area[key] = (area, doc.section)
        elif key in doc.standard_area and doc.standard_area[key][1] == doc.section:
            area = doc.standard_area[key][0]
    if q.approximate:
        flags.append("approximate")
    start = min(clause[0], q.prog_pos) if q.prog_pos >= 0 else clause[0]
    start = max(start, clause[0] if q.prog_pos < 0 else min(q.prog_pos, clause[0]))
    return Fact(indicator, area, q.variant, value, high, unit,
                q.role if q.role in ("old", "new") else None, flags, start, q.end, doc.sentence)


#: The rules look back over a sentence from every figure, so their cost grows with the square of a
#: sentence's figures. Real sentences hold at most a few dozen figures in a few hundred characters;
#: a longer run (a list of thousands of figures, a page with no full stops) is read in pieces of at
#: most this many figures, cut at a clause break, which keeps the whole job linear in the input.
MAX_FIGURES_PER_PIECE = 24
_PIECE_BREAK = re.compile(rf"{_COMMA}|[、:()\[\]【】“”\"\s]")


def _pieces(text: str, sent: tuple[int, int], hits: list[int]) -> list[tuple[int, int]]:
    """``sent`` itself, or consecutive pieces of it holding at most MAX_FIGURES_PER_PIECE figures."""
    lo = bisect.bisect_left(hits, sent[0])
    hi = bisect.bisect_left(hits, sent[1])
    if hi - lo <= MAX_FIGURES_PER_PIECE:
        return [sent]
    out, start = [], sent[0]
    for k in range(lo + MAX_FIGURES_PER_PIECE, hi, MAX_FIGURES_PER_PIECE):
        # cut at the last clause break before the figure that would overflow the piece
        cut = hits[k]
        m = None
        for m in _PIECE_BREAK.finditer(text, max(start, cut - 200), cut):
            pass
        cut = m.end() if m is not None and m.end() > start else cut
        if cut > start:
            out.append((start, cut))
            start = cut
    out.append((start, sent[1]))
    return out


# 城市低保标准每人每月650元;农村每人每年4500元: after a semicolon the second half of a parallel
# statement names only its area (or variant) and leaves the programme to the first half. Such a
# sentence is read with the one before it, the semicolon acting as a clause break.
_ELLIPTIC_HEAD = re.compile(r"\s*(?:(?:全市|全县|全区|全省)?(?:城市|城镇|农村|农牧区|牧区|集中供养|分散供养|"
                            r"集中|分散|散居)(?:居民)?(?:的)?(?:为|是|每|达到|提高|由|从|按|年|月|\d)|"
                            r"(?:最高|最低|其次)的?(?:是|为)|"
                            # 三、四级为185元;二类地区为550元;90周岁以上为200元: a tier, grade or age band
                            r"(?:第?[一二三四五六七八九十\d]{1,3}(?:[、至和及~-]第?[一二三四五六七八九十\d]{1,3}){0,8}|"
                            r"[A-Da-d])(?:级|类|档|类地区|周岁|岁)(?:以上|及以上|以下)?(?:的)?"
                            r"(?:(?:重点|基本|一般|特殊)?(?:保障|救助)?(?:对象|户))?(?:为|是|每|按|\d))")


# 全国共有城市低保对象2061.3万人;平均保障标准为373元/人·月: a half opening on the programme's
# measure (its standard, its spending) goes on about the subject of the half before
_GOES_ON = re.compile(r"\s*(?:平均|月人均|年人均)?(?:保障标准|标准|支出|累计支出|全年累计支出|全年支出)")


def _elliptic_joined(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``sentences`` with each elliptic half after a semicolon joined to the sentence before."""
    out: list[tuple[int, int]] = []
    if len(sentences) < 2:
        return sentences
    for a, b in sentences:
        if out and text[out[-1][1] - 1:out[-1][1]] == ";" \
                and (_ELLIPTIC_HEAD.match(text, a) or (_PLACE_HEAD.match(text, a) and ":" in
                                                       text[out[-1][0]:out[-1][1]])
                     or _GOES_ON.match(text, a)) \
                and not cues.PROGRAMME_RE.search(text, a, b):
            # (分别为:海东市358元/月;西宁市和海西州373元/月: the items of a list after a colon)
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_RAISED_STANDARD = re.compile(r"(?:保障|最低)?标准(?:由|从|提高|调整|上调|为)")
_PLACES_CLAUSE_START = re.compile(r"[,:;]")


def _named_standard(text: str, whole: tuple[int, int]) -> tuple[str, str | None] | None:
    """(programme, area) of the last programme whose standard the sentence names (城市居民最低生活
    保障标准), else None. Looked for from each 标准 back (a page may hold 10^5 programme words and
    no standard)."""
    found = None
    for std in cues.STANDARD_RE.finditer(text, *whole):
        m = None
        for m in cues.PROGRAMME_RE.finditer(text, max(whole[0], std.start() - 8), std.start()):
            pass
        if m is not None and m.lastgroup in cues.PROGRAMME_BY_NAME and \
                cues.PROGRAMME_BY_NAME[m.lastgroup].standard is not None:
            found = (m.lastgroup, _area_in(text[max(whole[0], m.start() - 6):m.end()], m.lastgroup))
    return found


def _places_standard(text: str, whole: tuple[int, int]) -> bool:
    """Whether a clause of the sentence is a list of places and their standard raised or set
    (芗城区、龙文区、龙海市(含漳州开发区)保障标准由…): the standard is the one named before."""
    for m in _RAISED_STANDARD.finditer(text, *whole):
        start = whole[0]
        depth = 0
        # the clause start, brackets skipped (a subject of places is short: 80 characters at most)
        for k in range(m.start() - 1, max(whole[0], m.start() - 80) - 1, -1):
            ch = text[k]
            if ch == ")":
                depth += 1
            elif ch == "(":
                depth = max(0, depth - 1)
            elif depth == 0 and _PLACES_CLAUSE_START.match(ch):
                start = k + 1
                break
        if start == whole[0] and m.start() - whole[0] > 80:
            continue
        subject = text[start:m.start()].strip()
        if subject and _PLACE_ITEM.search(subject) and _is_filler(subject):
            return True
    return False


def read_facts(norm: Normalized, learned=True) -> list[Fact]:
    """Facts in a normalised document (positions in the normalised text): the rules' facts and,
    unless ``learned`` is False, the learned reader's (:mod:`mzanalysis.text.reader`) for the
    amounts the rules left unread (``learned`` may also be a ``reader.Model`` to use)."""
    from .validate import check_plausibility

    text = norm.text
    doc = _Doc()
    township = _TOWNSHIP.search(text)
    doc.township_at = township.start() if township is not None else None
    found = list(_CANDIDATE.finditer(text))
    hits = [m.start() for m in found]

    def has_hit(a: int, b: int) -> bool:
        i = bisect.bisect_left(hits, a)
        return i < len(hits) and hits[i] < b

    heading: str | None = None  # programme of the last heading line (一、最低生活保障)
    heading_area: str | None = None  # and its area (二、城市低保 heads urban figures)
    heading_standard = False  # and whether it names the programme's standard
    support: str | None = None  # the support programme (特困 or 五保) the text last named
    # (programme, area) whose standard a figure-less sentence last defined (城市居民最低生活保障标准按
    # 最低工资标准的40%确定): lists of places below raise that standard
    named: tuple[str, str | None] | None = None
    intro = False  # the last heading line ended with a colon (it introduces the lines below)
    for s_start, s_end in _join_labels(text, _sections(text, content_ranges(text))):
        if not has_hit(s_start, s_end):
            h_start = s_start
            if text[s_start:s_end].rstrip().endswith(":"):
                # …由两部分组成。调整后,特困供养标准为: the sentence introducing the lines below
                for stop in _SENTENCE_END.finditer(text, s_start, s_end):
                    h_start = stop.end()
            if s_end - h_start <= 40 and not _SENTENCE_END.search(text, h_start, s_end):
                # a heading line without figures governs the lines below it, up to the next one
                m = cues.PROGRAMME_RE.search(text, h_start, s_end)
                if m is None and doc.last_programme and _AS_FOLLOWS.search(text, h_start, s_end):
                    # 各地具体标准如下: the lines below go on about the figures before it
                    heading = doc.last_programme
                    heading_area = doc.last_area(heading)
                    heading_standard = cues.STANDARD_RE.search(text, h_start, s_end) is not None
                elif m is None and cues.STANDARD_RE.search(text, h_start, s_end):
                    # 城市低收入家庭标准: a heading naming another subject's standard ends the one
                    # before it
                    heading, heading_area, heading_standard = None, None, False
                elif m is None and intro and heading is not None:
                    pass  # 特困供养标准为: / 1.分散供养: a sub-heading naming a mode, not a programme
                elif m or _SECTION_MARK.match(text, h_start):
                    # 城乡低保标准各分为两个档次: / 一、城市低保 / …: the sub-heading of an introduction
                    # naming the programme's standard heads standards too
                    carried = heading_standard and intro and m is not None and m.lastgroup == heading
                    heading = m.lastgroup if m else None
                    heading_area = _area_in(text[h_start:s_end], m.lastgroup) if m else None
                    heading_standard = bool(m) and cues.STANDARD_RE.search(
                        text, h_start, s_end) is not None or carried
                intro = text[h_start:s_end].rstrip().endswith(":")
            named = _named_standard(text, (s_start, s_end)) or named
            continue
        doc.section += 1
        sentences = _elliptic_joined(text, _split(text, s_start, s_end, _SENTENCE_END))
        # a short first sentence is the section's heading; its programme governs bare figures below
        head = sentences[0]
        subjects = _subjects(text, head[0], head[1]) if head[1] - head[0] <= 40 else []
        topic = subjects[0].lastgroup if subjects else heading
        work = _WORK_HEAD.search(text, head[0], head[1]) if head[1] - head[0] <= 40 else None
        if not subjects and work is not None:
            topic = "dibao"  # (一)城市低保工作。: 低保工作 (the dibao work) heads the dibao figures
        # the head's area counts only when it names one (（一）城市低保工作), not 城乡…和农村五保
        head_areas = {m.lastgroup for m in cues.AREA_RE.finditer(text, head[0], head[1])
                      if subjects and not _qualifies_other(text, m.end(), subjects[0].lastgroup)}
        topic_area = (head_areas.pop() if len(head_areas) == 1 else None) if subjects \
            else _area_in(work.group()) if work is not None else heading_area
        doc.topic_standard = not subjects and heading is not None and heading_standard
        parent = None  # programme a 其中 sentence breaks down (or a 供养 sentence continues)
        last = None  # programme of the previous sentence's last fact
        # (programme, area, names a standard) of a question just asked (城市低保标准是多少?)
        question = None
        near_poor = False  # the sentence before names the near-poor (低保边缘, 低收入)
        for whole in sentences:
            n_facts = len(doc.facts)
            if not has_hit(*whole):
                # no figure to read: only what carries over to the next sentence is settled
                if not (text[whole[0] - 1:whole[0]] == ";" and _PLACE_HEAD.match(text, whole[0])):
                    parent = None
                last = None
                question = None
                if text[whole[1] - 1:whole[1]] == "?":
                    # 问:城市低保标准是多少? 答:每人每月500元: the answer is about the question's subject
                    m = cues.PROGRAMME_RE.search(text, *whole)
                    if m is not None:
                        question = (m.lastgroup, _area_in(text[whole[0]:whole[1]], m.lastgroup),
                                    cues.STANDARD_RE.search(text, *whole) is not None)
                for m in _SUPPORT_WORD.finditer(text, *whole):
                    support = "wubao" if m.group() == "五保" else "tekun"
                named = _named_standard(text, whole) or named
                doc.sentence += 1
                continue
            own: list[bool] = []  # whether the sentence names a programme, looked up once if asked

            def own_words() -> bool:
                if not own:
                    own.append(cues.PROGRAMME_RE.search(text, *whole) is not None)
                return own[0]

            parent_area = None
            if _BREAKDOWN_HEAD.match(text, whole[0]) and not own_words():
                parent = last
                # 农村低保对象…。其中,A类…: the breakdown is of the figures before, in their area
                parent_area = doc.last_area(last)
            elif named is not None and not own_words() and _places_standard(text, whole):
                # 城市居民最低生活保障标准按…确定。…相应的,芗城区、龙文区保障标准由470元提高到540元
                parent, parent_area = named
            elif support is not None and _SUPPORT_MODE.search(text, *whole) and not own_words():
                parent = support  # 今年分散供养标准年人均2200元 after a sentence on 五保供养
            elif support is None and _SUPPORT_PEOPLE.search(text, *whole) and not own_words():
                parent = "tekun"  # 集中供养人员 (标准) with no programme named before are 特困's
            elif last is not None and not own_words() and (_ITS_STANDARD.search(text, *whole) or
                                                           _AREA_STANDARD.search(text, *whole)):
                parent = last  # …孤儿19名。调整后,其基本生活费补助标准将由…: 其 is the subject before
            elif question is not None and not own_words():
                parent = question[0]
            elif last is not None and text[whole[0] - 1:whole[0]] == ";" \
                    and _PLACE_HEAD.match(text, whole[0]) and not own_words():
                # 农村低保标准:九区从每人每年3080元提高到3420元;四县(市)从…: the places after a
                # semicolon go on with the programme and area of the half before
                parent = last
                parent_area = doc.last_area(last)
            elif not (text[whole[0] - 1:whole[0]] == ";" and _PLACE_HEAD.match(text, whole[0])) \
                    or own_words():
                parent = None
            answer = question if question is not None and parent == question[0] else None
            question = None
            section_standard = doc.topic_standard
            doc.topic_standard = section_standard or (answer is not None and answer[2])
            # 城市低保边缘户标准,九区…;四县(市)从…: places after a semicolon go on about the
            # near-poor of the half before, not about the section's programme
            whole_topic = None if parent is None and near_poor and not own_words() and \
                text[whole[0] - 1:whole[0]] == ";" else topic
            near_poor = _NEAR_POOR.search(text, *whole) is not None
            for sent in _pieces(text, whole, hits):
                # a sentence yields facts only with a figure and a programme word or a topic
                if has_hit(*sent) and (parent or whole_topic or cues.PROGRAMME_RE.search(text, *sent)
                                       or _GENERIC_FUND_PAID_ANY.search(text, *sent)):
                    _process_sentence(text, sent, parent or whole_topic, doc,
                                      answer[1] if answer and answer[1] else
                                      parent_area or topic_area, breakdown=parent is not None)
            doc.topic_standard = section_standard
            last = doc.last_programme if len(doc.facts) > n_facts else None
            for m in _SUPPORT_WORD.finditer(text, *whole):
                support = "wubao" if m.group() == "五保" else "tekun"
            if named is not None and own_words():
                named = None  # a sentence of figures about a programme: its own subject, no carry
            doc.sentence += 1
        # a label line joined to the figure below it (城市低保 / 户数:1234户) heads the lines
        # after that one too, like a heading line of its own
        first = text.find("\n", s_start, min(s_end, s_start + _LABEL_LINE_MAX + 8))
        if first > 0 and not has_hit(s_start, first) and _is_label_line(text[s_start:first]):
            m = cues.PROGRAMME_RE.search(text, s_start, first)
            heading, heading_area = m.lastgroup, _area_in(text[s_start:first], m.lastgroup)
            heading_standard = cues.STANDARD_RE.search(text, s_start, first) is not None
    _read_tables(text, doc)
    facts = check_plausibility(doc.facts)
    rollup = [replace(f, indicator="other_assistance_expenditure", flags=list(f.flags),
                      variant=_OTHER_ASSISTANCE[f.indicator] + (f"/{f.variant}" if f.variant else ""))
              for f in facts if f.indicator in _OTHER_ASSISTANCE]
    facts += rollup
    if learned is False:
        return facts
    return facts + _learned_facts(text, facts, found, None if learned is True else learned)


def _learned_facts(text: str, facts: list[Fact], hits: list[re.Match], model=None) -> list[Fact]:
    """The learned reader's facts (flagged ``learned``) for amounts whose value and unit no rule
    emitted; none when the package ships no weights. ``model``: other weights than the shipped
    ones (``benchmarks/learned_reader.py`` scores its fits through here).

    It also reads in sentences the rules read, where a figure they passed over may have been
    passed over on purpose (a near-poor line, a forecast, a range 不等): the reader leaves
    those by the rules' own cues (see ``reader.candidates``). Leaving every sentence the rules
    read to them kept precision (0.918 against 0.911) but lost most of the gain in
    cross-validation (F1 0.885 against 0.888, rules alone 0.883)."""
    from . import reader

    model = model or reader.model()
    if model is None or model.threshold > 1:
        return []
    emitted: dict[str, list[float]] = {}
    for f in facts:
        emitted.setdefault(f.unit, []).append(f.value)
    for values in emitted.values():
        values.sort()
    merged: list[tuple[int, int]] = []  # the rules' spans, overlaps joined, for one bisect each
    for a, b in sorted((f.start, f.end) for f in facts):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    cands = reader.candidates(text, emitted, merged, hits)
    return [Fact(r.indicator, r.area, None, c.value, None, c.unit, "old" if r.old else None,
                 ["learned"], c.start, c.end, -1)
            for c, r in zip(cands, model.read(cands))
            if r.indicator != "none" and r.probability >= model.threshold
            and reader.plausible(r.indicator, c.value, c.unit)]


#: the place a table row is about (its label cell), before the column name: 安亭镇, 嘉定镇街道, 合计
# (greedy: 嘉定镇街道 is one place, not 嘉定镇 and a column 街道…)
_PLACE_LABEL = re.compile(r"[\u4e00-\u9fff]{1,10}(?:镇|乡|街道|街道办事处|区|县|市|旗)(?=[\u4e00-\u9fff])|"
                          r"合\s*计(?=[\u4e00-\u9fff])")


def _page_subject(text: str) -> str | None:
    """The one programme a page names, if it names only one (drivers aside), else None.

    政务公开 pages publish a month's payments as a table of towns (街镇名称 | 人数 | 金额(元)) whose
    programme is named only in the page's title or in a note under the table (重度残疾人护理补贴…);
    a row that names no programme is then about that one.
    """
    found = None
    for m in cues.PROGRAMME_RE.finditer(text):
        name = _ROLL_FAMILY.get(m.lastgroup, m.lastgroup)
        if name in _DRIVERS or name == found:
            continue
        if found is not None:
            return None  # a second programme: the scan stops here
        found = name
    return found


def _read_tables(text: str, doc: _Doc) -> None:
    """Facts from flattened table rows (see :mod:`mzanalysis.text.tables`), spans mapped back."""
    from .tables import Row, table_rows

    # the whole text: a table flattened one cell per line repeats bare "|" lines, which
    # content_ranges takes for a watermark
    rows = table_rows(text, [(0, len(text))])
    if not rows:
        return

    # a row the sentence rules already read (城市低保标准\t600元/人·月) is one fact, and so is a
    # row two table layouts both read (the same value cell): facts are indexed by what they say,
    # so a table of thousands of rows is checked in linear time, not against every fact before
    def said(f: Fact) -> tuple:
        return f.indicator, f.value, f.unit, f.area

    by_sentence: dict[tuple, list[Fact]] = {}
    for g in doc.facts:
        by_sentence.setdefault(said(g), []).append(g)
    from_rows: set[tuple] = set()
    subject, looked = None, False  # the page's one programme, read only for a town's row
    for row in rows:
        row_doc = _Doc()
        row_doc.sentence = doc.sentence
        topic = None
        if (place := _PLACE_LABEL.match(row.text)) is not None \
                and not cues.PROGRAMME_RE.search(row.text):
            if not looked:
                subject, looked = _page_subject(text), True
            topic = subject
        if topic is not None:
            # 安亭镇金额364200元 -> 安亭镇:金额364200元: a town's row, about the page's programme
            k = place.end()
            row = Row(row.text[:k] + ":" + row.text[k:],
                      row.positions[:k] + (row.positions[k - 1],) + row.positions[k:])
        _process_sentence(row.text, (0, len(row.text)), topic, row_doc)
        for f in row_doc.facts:
            if f.value == 0:
                continue  # | 某镇 | 0 | 0 |: an empty cell, no figure
            f = replace(f, start=row.positions[f.start],
                        end=row.positions[max(f.start, f.end - 1)] + 1)
            if (said(f), f.end) in from_rows or any(
                    g.start < f.end and f.start < g.end for g in by_sentence.get(said(f), ())):
                continue
            from_rows.add((said(f), f.end))
            doc.facts.append(f)
        doc.sentence += 1


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: A fact whose span lies within this many characters of a U+FFFD is flagged ``damaged_text``.
_DAMAGE_REACH = 1


def extract_records(text: str, doc: str = "<text>", *, region: str | None = None,
                    year: int | None = None, learned=True) -> list[dict]:
    """Facts read from one report's decoded ``text``, one dict per fact (the CLI's columns).

    The fact rules read the text; unless ``learned`` is False, the learned reader
    (:mod:`mzanalysis.text.reader`) then reads the amounts they left, as facts flagged
    ``learned``.

    ``region`` (a name or code) and ``year`` override what the title says; where neither the title
    nor the caller gives them, ``region``/``region_code``/``level``/``year`` are None.
    Spans (``span_start``/``span_end``/``text``) index ``text`` exactly as given.
    """
    from ..regions import resolve
    from .docmeta import document_year, part_regions

    if _LONE_SURROGATE.search(text) or _LONE_SURROGATE.search(doc):
        # a lone surrogate (from a JSON "\\ud800" escape or an undecodable file name) is no
        # character: it cannot be written as UTF-8, so every output would fail later, far away
        i = m.start() if (m := _LONE_SURROGATE.search(text)) else -1
        where = f"text at character {i}" if i >= 0 else "document name"
        raise DataError(f"{_LONE_SURROGATE.sub(chr(0xFFFD), doc)}: {where} holds a lone surrogate "
                        "code point (U+D800–U+DFFF), which is not a character; decode the source "
                        "with errors='replace'")
    norm = normalize(text)
    # a stitched page holds several reports: each part keeps the region it names (or none)
    parts = [(0, resolve(region))] if region is not None else part_regions(norm.text)
    starts = [p[0] for p in parts]
    yr = year if year is not None else document_year(norm.text)
    out: list[dict] = []
    seen: dict[tuple, dict] = {}
    spans: dict[tuple, dict[tuple[int, int], None]] = {}  # insertion-ordered set
    damaged = "\ufffd" in text
    for f in read_facts(norm, learned):
        start, end = norm.span(f.start, f.end)
        if damaged and text.find("\ufffd", max(0, start - _DAMAGE_REACH), end + _DAMAGE_REACH) >= 0:
            # a replaced byte beside a figure may have been a digit or its unit: say so
            f = replace(f, flags=tuple(f.flags) + ("damaged_text",))
        reg = parts[bisect.bisect_right(starts, f.start) - 1][1]
        flags = list(f.flags)
        if reg is None and len(parts) > 1:
            flags.append("region_unknown")
        rec = {"doc": doc, "region": reg.name if reg else None,
               "region_code": reg.code if reg else None, "level": reg.level if reg else None,
               "year": yr, "period": None if yr is None else str(yr),
               "indicator": f.indicator, "area": f.area, "variant": f.variant,
               "value": float(f.value),
               "value_high": None if f.value_high is None else float(f.value_high),
               "unit": f.unit, "qualifier": f.qualifier, "flags": sorted(set(flags)),
               "span_start": start, "span_end": end, "text": text[start:end],
               "source": doc, "source_ref": f"chars {start}-{end}"}
        # a figure stated twice in one report (summary and section) is one fact with its spans
        key = tuple(rec[c] for c in ("region_code", "year", "indicator", "area", "variant",
                                     "value", "value_high", "unit", "qualifier"))
        if key in seen:
            # the spans are collected and joined once: a page stating one figure thousands of
            # times must not cost a search or a copy of an ever longer string per statement
            if (start, end) not in spans[key]:
                spans[key][(start, end)] = None
            continue
        seen[key] = rec
        spans[key] = {(start, end): None}
        out.append(rec)
    for key, rec in seen.items():
        if len(spans[key]) > 1:
            rec["source_ref"] = "chars " + "; ".join(f"{a}-{b}" for a, b in spans[key])
    return out


def facts_frame(records: list[dict]):
    """DataFrame (the CLI's columns, nullable region/year) from :func:`extract_records` output."""
    import pandas as pd

    dtypes = {"year": "Int64", "value": "float64", "value_high": "float64", "flags": "object",
              "span_start": "int64", "span_end": "int64"}
    # built column by column with explicit dtypes: much cheaper than inferring from row dicts
    return pd.DataFrame({c: pd.Series([r[c] for r in records], dtype=dtypes.get(c, "str"))
                         for c in FACT_COLUMNS})


def extract_facts(text: str, doc: str = "<text>", *, region: str | None = None,
                  year: int | None = None, learned: bool = True):
    """Facts read from one report's decoded ``text`` as a DataFrame (the CLI's columns).

    Region and year come from the title unless given; where unknown they are null — use
    :func:`to_fact_table` to get the validated fact schema, which needs them.
    """
    return facts_frame(extract_records(text, doc, region=region, year=year, learned=learned))


def to_fact_table(frame):
    """Split :func:`extract_facts` output into (valid fact table, facts lacking region or year).

    The fact schema needs a region and a year; a report that states neither cannot supply them,
    and guessing would put figures in the wrong place. Those facts are returned, not dropped, so a
    caller can list them or supply ``region=``/``year=``.
    """
    from ..schema import validate_facts

    known = frame["region_code"].notna() & frame["year"].notna()
    good = frame[known].copy()
    good["year"] = good["year"].astype("int64")
    return validate_facts(good, what="extracted facts"), frame[~known].copy()

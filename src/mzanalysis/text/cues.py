"""The words that tie a figure in a civil-affairs report to a programme, an area and a variant.

All patterns are written in simplified characters with ASCII punctuation: they run on text from
:func:`mzanalysis.text.normalize.normalize`. Each programme maps to the indicators of
:data:`mzanalysis.schema.INDICATORS` it can produce; a programme without, say, a standard
(临时救助 has no per-person standard in the vocabulary) simply yields no fact for such a figure.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Programme:
    """A social-assistance programme and the indicator for each kind of figure about it."""

    name: str
    pattern: re.Pattern
    standard: str | None = None      # per-person amount set by policy (标准)
    avg_benefit: str | None = None   # per-person amount actually paid (补助水平)
    recipients: str | None = None    # persons / person-times
    households: str | None = None
    expenditure: str | None = None   # total yuan
    implied_area: str | None = None  # e.g. 五保 was by definition the rural programme


def _p(pattern: str) -> re.Pattern:
    return re.compile(pattern)


PROGRAMMES: tuple[Programme, ...] = (
    # 低保边缘 (near-dibao households) and 低保核对 (means-test office) are not dibao figures.
    Programme("dibao", _p(r"最低生活(?:月|年)?保障|低保(?!障|临时补助|边缘|核对|核查|工作|专干|信息)"), "dibao_standard",
              "dibao_avg_benefit", "dibao_recipients", "dibao_households", "dibao_expenditure"),
    Programme("wubao", _p(r"五保"), "tekun_standard", None, "tekun_recipients", None,
              "tekun_expenditure", implied_area="rural"),
    Programme("tekun", _p(r"特困|特殊困难人员供养|三无[”\"']?(?:人员|老人|对象)"), "tekun_standard", None,
              "tekun_recipients", None, "tekun_expenditure"),
    Programme("orphan", _p(r"孤儿|事实无人(?:抚养|供养)儿童"), "orphan_standard", None, "orphan_recipients",
              None, "orphan_expenditure"),
    # 高领 is a common homophone typo (gāolíng) for 高龄 in typed reports; 长寿补贴 (centenarians),
    # 尊老金 and 敬老金 are provincial names of the same age-banded allowance.
    Programme("elderly", _p(r"高龄|高领补贴|高领津贴|老年人津贴|老年津贴|老龄津贴|长寿补贴|长寿津贴|"
                            r"尊老金|敬老金|百岁老人补贴|尊老补贴|敬老补贴|老年人补贴|老龄补贴|"
                            r"长寿保健金|长寿保健补助|长寿金|老年人生活补贴|寿星津贴|寿星补贴|保健补助|长寿补助"),
              "elderly_allowance", None, "elderly_allowance_recipients", None,
              "elderly_allowance_expenditure"),
    # 困难生活补贴 / 重度护理补贴 are the short names of the two disability subsidies; a bare 护理补贴
    # may be the elderly care subsidy, so it only marks a variant.
    # an age band names a tier of the old-age allowance (80-89周岁老人每月100元): an amount only,
    # since a headcount of an age group (为600名80周岁以上老人免费体检) is not of the allowance
    # A band of old ages alone (80-89周岁每人每月100元, 100周岁以上…) is such a tier too: the
    # allowance starts at 60 to 80 by province, so only bands opening at 60 or above count.
    Programme("elderly_tier", _p(r"(?<=岁)(?:及以上|以上)?的?(?:老年人|老人|人员)|"
                                 # 80-89周岁低保老年人每人每月补助100元: the band's old people, of 低保
                                 # families (the allowance, not 低保's payment)
                                 r"(?<=岁低保|岁困难|岁特困|岁五保)(?:老年人|老人)|"
                                 r"(?<!\d)(?:[6-9]\d|100)\s*(?:周?岁)?\s*(?:至|-|~|—|到)\s*(?:[6-9]\d|1\d\d)\s*周?岁|"
                                 r"(?<!\d)(?:100|百)\s*周?岁(?:及以上|以上)"), "elderly_allowance"),
    Programme("disability", _p(r"两项补贴|两项补助|双项补贴|残疾人生活补贴|残疾人护理补贴|困难生活补贴|"
                               r"重度护理补贴|重残补贴|残疾人补贴|残疾人两项|残疾两项|困难残疾人|重度残疾人|重度残疾|"
                               r"(?:困难|护理)补贴的?残疾人|重残人员|重残对象|残疾人两补|两补(?=金额|资金)|"
                               # 低保家庭中的残疾人,补贴标准为…: the subsidy's standard, not 低保's
                               r"残疾人(?=,?(?:的)?(?:生活|护理)?补贴标准)|"
                               # …残疾人分别按每人每年840元、420元标准给予生活补贴
                               r"残疾人(?=[^,。;]{0,30}?(?:给予|发放)(?:生活|护理)补贴)"),
              "disability_subsidy", None, "disability_subsidy_recipients", None,
              "disability_subsidy_expenditure"),
    # one-off and utility payments to people in need: holiday 慰问金, price and heating subsidies;
    # only their spending is a fact (the policy's other assistance)
    Programme("oneoff", _p(r"低保临时补助|临时生活补助|临时补助|临时生活补贴|一次性生活补助|一次性生活补贴|一次性补贴|"
                           r"价格临时补贴|临时物价补贴|物价补贴|物价上涨生活补贴|消费券|慰问金|慰问款物|慰问款|取暖补贴|取暖费|供热补贴|供暖补贴|采暖补贴|燃气补贴|电价补贴|水费补贴|"
                           r"取暖救助|御寒补贴|过节费|过节补助|节日补助|副食品价格补贴|副食品补贴|价格补贴|"
                           r"分类救助"),
              expenditure="other_assistance_expenditure"),
    Programme("temporary", _p(r"临时救助|临时性救助|临时救济|救急难"), None, None,
              "temporary_assistance_recipients", None, "temporary_assistance_expenditure"),
    Programme("medical", _p(r"医疗救助|大病救助|疾病救助|医疗费用救助|住院救助|门诊救助"), None, None, None, None,
              "medical_assistance_expenditure"),
    # education, housing and employment aid are named assistance to people (policy: other spending)
    # 传统救济 is the statistical reports' line for relief outside dibao; 流浪乞讨人员救助 the aid
    # to people without means of living — both assistance to people (policy: other spending)
    Programme("education", _p(r"教育救助|助学救助|助学资金|助学金|住房救助|就业救助|传统救济|流浪乞讨人员救助|"
                              r"生活无着人员救助|生活无着的流浪乞讨人员救助"),
              expenditure="other_assistance_expenditure"),
    # bare 人口 is too loose (贫困人口, 低收入人口 are target groups, not the population)
    Programme("population", _p(r"总人口|户籍人口|常住人口|人口总数|农牧民|总户数"), None, None, "population",
              "population_households", None),
    # drivers that work reports quote beside welfare figures
    # (家庭年人均纯收入6000元 after a standard is the income line the standard guarantees)
    Programme("income", _p(r"(?<!家庭年)(?<!家庭月)(?:人均可支配收入|可支配收入|农民人均纯收入|人均纯收入)"),
              "disposable_income"),
    Programme("consumption", _p(r"人均消费支出|人均生活消费支出|人均消费性支出|人均生活消费性支出"), "consumption_expenditure"),
    Programme("poverty", _p(r"扶贫标准|贫困标准|贫困线|扶贫线|脱贫标准"), "poverty_line"),
    Programme("gdp", _p(r"人均地区生产总值|人均生产总值|人均GDP"), "gdp_per_capita"),
    Programme("revenue", _p(r"一般公共预算收入|地方财政收入|公共财政预算收入"),
              expenditure="budget_revenue"),
    Programme("spending", _p(r"一般公共预算支出|公共财政预算支出"), expenditure="budget_expenditure"),
)
#: Programmes paying one flat amount per person: a per-person amount with a stated period
#: (每人每月发放高龄津贴100元) is their standard even when the word 标准 is absent. Dibao is not
#: among them: it tops income up to the line, so an unlabelled per-person amount may be the benefit.
FLAT_RATE = frozenset({"elderly", "elderly_tier", "disability", "orphan", "tekun", "wubao"})
#: Annual statistics: a per-person figure without a stated period is per year, with no flag.
ANNUAL = frozenset({"income", "consumption", "poverty", "gdp"})
PROGRAMME_BY_NAME = {p.name: p for p in PROGRAMMES}

def _first_chars(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can begin with, or None when any may (or when the
    pattern uses a construct this reading does not follow). Read from Python's own parse tree."""
    from re import _constants as C, _parser

    def first(items) -> tuple[set[str] | None, bool]:
        """(first characters, whether the sequence can match the empty string)"""
        out: set[str] = set()
        for op, av in items:
            if op is C.LITERAL:
                return out | {chr(av)}, False
            if op is C.IN:
                chars = set()
                for iop, iav in av:
                    if iop is C.LITERAL:
                        chars.add(chr(iav))
                    elif iop is C.RANGE and iav[1] - iav[0] < 256:
                        chars.update(chr(k) for k in range(iav[0], iav[1] + 1))
                    else:
                        return None, False
                return out | chars, False
            if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
                continue  # zero width: the next item begins the match
            if op is C.SUBPATTERN:
                sub, empty = first(av[-1])
            elif op is C.BRANCH:
                sub, empty = set(), False
                for alt in av[1]:
                    s, e = first(alt)
                    if s is None:
                        return None, False
                    sub |= s
                    empty = empty or e
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
                sub, empty = first(av[2])
                empty = empty or av[0] == 0
            else:
                return None, False
            if sub is None:
                return None, False
            out |= sub
            if not empty:
                return out, False
        return out, True

    try:
        chars, empty = first(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 — an unknown parse shape only means no prefilter
        return None
    return None if chars is None or empty else chars


class _NamedAlternation:
    """A compiled alternation of named groups that scans with an unnamed copy of itself.

    Python's regex engine scans an alternation of *named* groups about 1.7 times slower than the
    same alternation of plain groups (it records group marks at every position tried). The plain
    copy finds where a match starts; the named pattern then matches there, giving the identical
    match with its ``lastgroup``. Only the methods the rules use are offered."""

    def __init__(self, named: re.Pattern) -> None:
        self.named = named
        self.pattern = named.pattern
        self._plain = re.compile(re.sub(r"\(\?P<\w+>", "(?:", named.pattern))
        # The engine tries the whole alternation at every position (its lookbehinds keep it from
        # using a first-character set), about 120 ns a character. A match can only start at one of
        # the characters that begin an alternative, so a character-class scan finds the positions
        # worth trying (see _first_chars; None leaves the plain scan).
        first = _first_chars(self._plain.pattern)
        self._first = None if first is None else re.compile(
            "[" + "".join(re.escape(c) for c in sorted(first)) + "]")

    def _plain_iter(self, string: str, pos: int, endpos: int):
        """The plain pattern's matches, as finditer would give them."""
        if self._first is None:
            yield from self._plain.finditer(string, pos, endpos)
            return
        endpos = min(endpos, len(string))
        while pos < endpos:
            c = self._first.search(string, pos, endpos)
            if c is None:
                return
            m = self._plain.match(string, c.start(), endpos)
            if m is None:
                pos = c.start() + 1
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if self._first is None:
            m = self._plain.search(string, pos, endpos)
            return None if m is None else self.named.match(string, m.start(), endpos)
        # _plain_iter's first step, without a generator (search is called once per sentence)
        endpos = min(endpos, len(string))
        while pos < endpos:
            c = self._first.search(string, pos, endpos)
            if c is None:
                return None
            if self._plain.match(string, c.start(), endpos) is not None:
                return self.named.match(string, c.start(), endpos)
            pos = c.start() + 1
        return None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        for m in self._plain_iter(string, pos, endpos):
            yield self.named.match(string, m.start(), endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.named.match(string, pos, endpos)


#: One alternation over every programme cue, longest first so 最低生活保障 wins over shorter cues.
PROGRAMME_RE = _NamedAlternation(
    re.compile("|".join(f"(?P<{p.name}>{p.pattern.pattern})" for p in PROGRAMMES)))

# 城乡 covers both; reports list urban before rural, which 分别 pairing relies on.
AREA_RE = re.compile(r"(?P<all>城乡)|(?P<urban>城市|城镇|城区|市区|城市居民)|"
                     r"(?P<rural>农村|农牧区|牧区|农牧(?!业|民)|乡村|农民(?!工))")
AREA_PAIR = ("urban", "rural")

#: Variant cues per programme: (pattern, variant) in matching order.
VARIANTS: dict[str, tuple[tuple[re.Pattern, str | None], ...]] = {
    "tekun": ((_p(r"集中"), "concentrated"), (_p(r"分散|散居"), "dispersed")),
    "wubao": ((_p(r"集中"), "concentrated"), (_p(r"分散|散居"), "dispersed")),
    "orphan": ((_p(r"集中|机构|福利院|院内|在院"), "institutional"), (_p(r"分散|散居"), "dispersed")),
    # 两项 (both subsidies) names no single variant; 困难残疾人 get the living subsidy, 重度残疾人
    # the care subsidy (国发〔2015〕52号).
    "disability": ((_p(r"两项|双项"), None),
                   (_p(r"困难残疾人|生活补贴|生活补助"), "living"),
                   (_p(r"重度残疾人|护理补贴|护理补助|护理"), "care")),
}

#: Words besides the programme cues that a line break must not split (see normalize.repair).
SPLIT_WORD_RE = re.compile(r"标准|保障线|提高到|提高至|调整为|调整到|上调至|对象|供养|补贴|救助|资金")

#: Words marking a per-person amount as the average actually paid rather than the standard.
AVG_RE = re.compile(r"平均发放|人均救助|人均月补助|支出水平|补助水平|救助水平|人均补助|补差|平均补助|保障水平|人均发放|人均领取|月人均补助|年人均补助|低保补助")
# older reports and many counties call the line itself 低保线 / 最低生活保障线
STANDARD_RE = re.compile(r"标准|保障线|低保线")

#: Counts of people who are not beneficiaries (staff, volunteers, trainees …).
NOT_BENEFICIARY_RE = re.compile(r"干部|职工|工作人员|志愿者|党员|代表|编制|培训|社工|专干|医生|教师|护理员|"
                                r"参加|参训|测试|选拔|任用|评选|参保|保险|参合|新农合|合作医疗|医保|"
                                # 资助1504名城市低保户参保, 资助321户低保家庭建设安居房: subsidised
                                # for something else, not the programme's caseload
                                r"资助")
#: Money that is not programme spending (insurance premiums, construction, investment projects).
# 预算 is a budget (一般公共预算支出 is the government spending itself); 下拨/下达/预拨/下发 (and a 备用金 reserve) move budget between governments; 新农合 premiums are insurance; 预计 is a projection; 慈善 money is not public aid
NOT_SPENDING_RE = re.compile(r"(?<!公共)预算(?!收入|支出)|筹集|将(?:发放|投入|安排|拨付|支出)|争取|增支|新增支出|中央财政|中央补助|中央资金|保险|参保|保费|投资|项目|建设|设施|工程|捐赠|募集|下拨|下达|预拨|下发|核拨|划拨|调拨|备用金|预计|慈善|"
                             r"新农合|合作医疗|参合")
#: Flows into or out of a programme (取消农村低保81户, 新增低保对象): not the number covered.
# 纳入低保保障范围4321户 states the caseload (the stock inside the programme), not a flow.
FLOW_RE = re.compile(r"取消|调出|调减|自然减员|减员|新增|清退|退出|停保|核减|新纳|清理|整改|排查出|核查出|识别出|"
                     r"新申请|停发|减发|增发|不符合")
# 现为/目前/现已 after a flow give the number on the rolls now (取消…新纳…,低保对象现为3966户)
STOCK_RE = re.compile(r"共有|现有|现为|现已|目前|在保|在册|累计|合计|总计|共计|截至|截止|季度末|月末|月底|年末|年底|期末")
#: Words that may stand between a figure and a programme named earlier in the sentence without
#: changing the subject (惠及困难群众2.75万人; 实际领取的残疾人数量为3885人; 支出598万元).
FILLER_RE = re.compile(
    r"惠及|受益|覆盖|涉及|共计|合计|累计|总计|其中|方面|如下|达到|发放|支出|列支|下达|拨付|投入|安排|落实|配套|"
    r"救助|保障|领取|可领|可获得|享受|待遇|发给|政府|均|都|一律|最初|之前|此前|以前|调整前|提标前|实际|符合|条件|申领|截至|截止|目前|底|分别|提高|调整|上调|人均|每人|每月|"
    r"每年|月人均|年人均|补助水平|财政|标准|指导线|保障线|省级|市级|县级|指导|护理补贴|照护补贴|护理费|资金|补助金|补助|补贴|数量|人数|户数|总数|当月|本月|当季|本季度|计划|现行|原来|原有|原先|目前|即|相应|对应|救济|今年|去年|同期|年内|以来|重点|一般|特殊|全省|全市|全县|全区|"
    r"全州|全旗|全盟|我省|我市|我县|我区|城乡|城市|城镇|农村|牧区|困难群众|群众|老年群体|群体|对象|"
    r"人员|因此|再次|进一步|及时|全部|足额|按时|共有|现有|在保|在册|困难|家庭|居民|集中|分散|供养|"
    r"调高|调增|提升|提标|补发|上浮|起|自|开始|范围|减少|下降|降低|增加|增长|金额|数额|额度|"
    r"周岁|岁|以上|以下|统一|实现|执行|实施|制度|全年|当年|本年|上半年|下半年|全面|按照|依照|根据|"
    r"不低于|不少于|不高于|不超过|最低|最高|基本生活|基本|生活|养育|平均|专项|补差|人口|津贴|社会|年初|年末|年底|期末|率|费|款|金|"
    r"仍然|仍|依然|保持|维持|月份|物品|物资|月发|"
    # 一类地区…,汕头、韶关等四类地区城镇为800元: a tier of places (not a class of people, A类对象)
    r"(?:等)?[一二三四五六七八九十]类地区|"
    r"[共计为达有是的了已对向给按到至由从原其中于及和与之元万亿月年日号人次名位户余多近约则也还又再其将]|\d|\s|[、.·/%-]")
#: Words before a programme word that make it a yardstick, not the subject: 特困人员基本生活标准按
#: 不低于当地低保标准的1.3倍确定 is about 特困, with 低保 only the reference.
REFERENCE_BEFORE_RE = re.compile(r"(?:不低于|不高于|高于|低于|参照|参考|相当于|按照?)(?:当地|本地|同期|"
                                 r"上年|上年度|城市|农村|城乡|城镇)*$")
#: Nouns naming the people a programme serves, allowed between a figure and its programme word.
# Tiers of a flat-rate allowance (age bands, disability grades) sit between the programme word and
# the amount of each tier: 高龄补贴划分为3个档次…年满90~99周岁的老人; 两项补贴标准为:残疾一级每人每月180元
_TIERS = r"|年满|满|档次|档|划分为|划分|个|年龄|分档|按|将"
AUDIENCE = {"disability": re.compile(r"困难残疾人|重度残疾人|残疾人|残疾|[一二三四、]+级" + _TIERS),
            # provincial names of the allowance paid to a tier (营养补助金, 长寿保健金, 尊老补贴)
            "elderly": re.compile(r"老年人|老人|营养补助金|营养补贴|保健金|长寿金" + _TIERS),
            "elderly_tier": re.compile(r"老年人|老人|营养补助金|营养补贴|保健金|长寿金|尊老补贴|"
                                       r"敬老补贴|高龄" + _TIERS),
            "orphan": re.compile(r"儿童|养育|抚养|机构内|社会散居|散居|津贴"),
            "dibao": re.compile(r"低收入"), "tekun": re.compile(r"老人"), "wubao": re.compile(r"老人"),
            # 救助城乡医疗对象453人次: the people of medical aid are its audience
            "medical": re.compile(r"(?:医疗|医疗救助)对象")}
#: Nouns that name a mixed, programme-less population (困难群众): no topic is inherited for them.
GENERIC_RE = re.compile(r"困难群众|救助人数|救助对象|群众资金|困难群体|民政对象|救助资金")

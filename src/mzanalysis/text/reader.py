"""A learned reader for the figures the fact rules leave unread.

The rules in :mod:`mzanalysis.text.extract` read the sentence shapes they name. Real pages also
state figures in shapes no rule names: a raise that names no programme, a standard set in a place
list or in words nobody has listed. Every per-person amount that the extractor's own unit reader
accepts (元, 元/人·月, 元/年 …; totals and counts are left to the rules) and whose value and unit
the rules did not emit is a *candidate*. Three logistic regressions over the characters and
programme words around it (within 60 characters, and the sentence before) then give:

- its indicator, or none;
- its area;
- whether it is the old level of a raise.

A candidate becomes a fact, flagged ``learned``, when its indicator's probability reaches the
threshold stored with the weights.

The weights (``reader_weights.npz``, 5,060 features, threshold 0.90) were fitted by
``benchmarks/learned_reader.py --save`` on 949 labelled excerpts of real pages; the dev set's held
part was never among them. In 5-fold cross-validation on those excerpts the reader took F1 from
0.888 (rules alone) to 0.894; on the held part the extractor scores 0.881 (precision 0.937).
Inference is a few NumPy sums, so the package needs no scikit-learn. The feature code lives here,
not in the benchmark, so that training and use read a page the same way.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .numbers import find_numbers

WEIGHTS = Path(__file__).with_name("reader_weights.npz")

#: Words whose presence near a figure the features record: programmes, areas, money and count
#: words, the verbs of a raise, and the other kinds of civil-affairs money a report lists.
WORDS = ["低保", "最低生活保障", "特困", "五保", "供养", "孤儿", "事实无人抚养", "高龄", "老年", "残疾",
         "护理", "临时救助", "医疗救助", "救助", "标准", "资金", "支出", "发放", "人数", "对象", "户",
         "城市", "农村", "城乡", "城镇", "提高", "由", "从", "到", "至", "补贴", "补助", "人均", "月人均",
         "累计", "共", "全年", "保障", "集中", "分散", "散居", "困难", "生活", "基本生活", "慰问", "取暖",
         "资助", "救济", "重度", "一次性", "价格", "水平",
         # civil-affairs work beside social assistance: its money is not an assistance figure
         "优抚", "抚恤", "退役", "军", "烈士", "优待", "税", "产值", "利润", "收入", "福利企业", "彩票",
         "公益金", "殡葬", "捐赠", "慈善", "养老服务", "社会组织", "建设", "工程", "投资", "项目", "灾"]
_WORD_RE = re.compile("|".join(sorted(map(re.escape, WORDS), key=len, reverse=True)))
_SENTENCE_END = re.compile(r"[。;!?\n]")
_CLAUSE_MARK = re.compile(r"[。;!?\n,、:]")
#: The last character of a rules' hit (``extract._CANDIDATE``) that ends in an amount's unit.
_MONEY_END = frozenset("元/")
#: Per-person amounts: the units the reader reads.
PER_PERSON = frozenset({"yuan_per_person_month", "yuan_per_person_year"})
#: The most figures the reader looks at on one page. A report states tens of per-person amounts;
#: a page with thousands is a table (read row by row by the rules) or junk, and reading every one
#: of them (about 50 µs each) would make a 1 MB page take seconds.
MAX_FIGURES = 1000
#: How far before a figure its character bigrams are features (characters).
_BIGRAM_REACH = 16
#: And after it.
_BIGRAM_AFTER = 8
#: How far before a figure, within its sentence, the word features look (characters).
_WORD_REACH = 60


@dataclass
class Candidate:
    """A figure the rules might have read: value, fact unit, span (normalised text), features."""

    value: float
    unit: str
    start: int
    end: int
    features: list[str]


def fact_unit(text: str, q, clause_start: int) -> str | None:
    """The fact unit a candidate would carry: the unit reader's, else the words before it, else
    its size (a per-person amount under 2,400 元 is monthly, as the rules assume)."""
    from .extract import _pre_cue

    if q.kind in ("persons", "households"):
        return None if q.times else q.kind
    if q.per_person and q.period:
        return "yuan_per_person_" + q.period
    per, period = _pre_cue(text[clause_start:q.start])
    value, before = q.num.value, text[max(clause_start, q.start - 12):q.start]
    if period:
        return "yuan_per_person_" + period
    if q.num.scaled or value >= 100000:
        return "yuan"
    if per or q.per_person:
        return "yuan_per_person_" + ("year" if value >= 2400 or "年" in before else "month")
    if "年" in before[-10:] and value >= 1000:
        return "yuan_per_person_year"
    return "yuan_per_person_month" if value < 2400 else "yuan"


def same_value(value: float, reference: float) -> bool:
    """Whether ``value`` is ``reference`` as the dev set's scorer matches figures (within 0.5 %)."""
    return abs(value - reference) <= 0.005 * abs(reference) + 1e-6


def _near(values: list[float] | None, value: float) -> bool:
    """Whether sorted ``values`` hold ``value`` (:func:`same_value`): the rules emitted it."""
    if not values:
        return False
    i = bisect.bisect_left(values, value)
    return any(same_value(values[j], value) for j in (i - 1, i) if 0 <= j < len(values))


def _words(part: str) -> set[str]:
    return set(_WORD_RE.findall(part))


def _magnitude(value: float) -> int:
    """The power of two a figure lies at (bins its size: 2,970 元 a month is not a dibao line)."""
    return int(value).bit_length()


def features(text: str, q, unit: str, sentence_start: int, sentence_end: int, clause_start: int,
             previous_words: set[str], title_words: set[str]) -> list[str]:
    """The features of one candidate (strings; the weights file names the ones it knows)."""
    before = text[max(sentence_start, q.start - _WORD_REACH):q.start]
    after = text[q.end:sentence_end]
    near = before[-_BIGRAM_REACH:]
    value = q.num.value
    digits = len(str(int(value)))
    f = [f"unit={unit}", f"kind={q.kind}", f"scaled={q.num.scaled}", f"approx={q.approximate}",
         f"digits={digits}", f"unit_digits={unit}|{digits}", f"unit_mag={unit}|{_magnitude(value)}"]
    f += ["before2:" + near[i:i + 2] for i in range(len(near) - 1)]
    f += ["after2:" + after[i:i + 2] for i in range(min(len(after), _BIGRAM_AFTER) - 1)]
    words = _WORD_RE.findall(before)
    f += ["word_before:" + w for w in set(words)]
    f += [f"nearest_word:{w}" for w in words[-1:]] + [f"second_word:{w}" for w in words[-2:-1]]
    f += ["word_after:" + w for w in _words(after)]
    f += ["word_previous:" + w for w in previous_words]
    f += ["word_title:" + w for w in title_words]
    f += ["word_clause:" + w for w in _words(text[max(clause_start, q.start - _WORD_REACH):q.start])]
    if q.num.value_high is not None:
        f.append("range")
    return f


def candidates(text: str, emitted: dict[str, list[float]] | None = None,
               spans: list[tuple[int, int]] = (), hits: list[re.Match] | None = None
               ) -> list[Candidate]:
    """The per-person amounts of normalised ``text`` that the extractor's unit reader accepts,
    with their features.

    ``hits`` are the rules' cheap scan of the text (``extract._CANDIDATE`` matches; found again
    when not given). With ``emitted`` ({unit: sorted values}) an amount whose value and unit the
    rules emitted is left out, and so is one starting inside ``spans`` (the rules' facts, sorted).
    Only the first :data:`MAX_FIGURES` figures outside ``spans`` are looked at.
    """
    from .extract import _AFTER_A_FIGURE, _CANDIDATE, _NEAR_POOR, _PROJECTED, _read_quantity

    if hits is None:
        hits = list(_CANDIDATE.finditer(text))
    span_starts = [a for a, _ in spans]
    title_words: set[str] | None = None
    previous: dict[int, set[str]] = {}
    seen: set[int] = set()
    out = []
    for m in hits:
        if len(seen) >= MAX_FIGURES:
            break
        # per-person amounts only (元, 元/人·月 without 万 or 亿). Counts of people and households
        # were the weakest classes in cross-validation. Totals (万元) added a little there
        # (F1 0.890 against 0.886, before the policy cues below) but are most of a long report's
        # figures: reading them put the extractor behind JioNLP (0.94-0.98x against 1.04-1.15x).
        if not (text[m.end() - 1] in _MONEY_END and text[m.start()].isdigit()) \
                or "万" in m.group() or "亿" in m.group():
            continue
        k = bisect.bisect_right(span_starts, m.start()) - 1
        if k >= 0 and m.start() < spans[k][1]:
            continue  # a figure the rules read
        for num in find_numbers(text, m.start(), min(len(text), m.end() + 1), _AFTER_A_FIGURE):
            if num.start in seen:
                continue
            seen.add(num.start)
            # the clause and sentence around the figure, looked for within reach of it only
            lo = max(0, num.start - _WORD_REACH)
            back = text[lo:num.start][::-1]
            mark = _CLAUSE_MARK.search(back)
            clause_start = num.start - mark.start() if mark else lo
            q = _read_quantity(text, num, clause_start)
            if q is None:
                continue
            unit = fact_unit(text, q, clause_start)
            if unit not in PER_PERSON or (emitted is not None and _near(emitted.get(unit), num.value)):
                continue
            # the labelling policy's exclusions, by the rules' own cues: a near-poor or
            # low-income line, a forecast, or one end of a range 不等 is no programme's standard
            if _NEAR_POOR.search(text, lo, num.start) or _PROJECTED.search(text, lo, num.start) \
                    or text.find("不等", q.end, q.end + 12) >= 0:
                continue
            stop = _SENTENCE_END.search(back)
            sentence_start = num.start - stop.start() if stop else lo
            if sentence_start not in previous:
                # the words of the sentence before (its last stretch), when this one starts near
                previous[sentence_start] = _words(text[max(0, sentence_start - 80):sentence_start]) \
                    if stop else set()
            end = _SENTENCE_END.search(text, q.end, q.end + 30)
            if title_words is None:
                first_break = text.find("\n", 0, 200)
                title_words = _words(text[:first_break] if first_break > 0 else text[:60])
            out.append(Candidate(num.value, unit, q.start, q.end,
                                 features(text, q, unit, sentence_start,
                                          end.start() if end else min(len(text), q.end + 30),
                                          clause_start, previous[sentence_start], title_words)))
    return out


def plausible(indicator: str, value: float, unit: str) -> bool:
    """Whether a reading passes the checks the rules' facts are flagged by
    (:mod:`mzanalysis.text.validate`): a rule that reads a figure with its words may keep a doubtful
    one with a flag, a model that only weighs the words around it may not."""
    from .validate import MAX_MONTHLY, MIN_TOTAL_YUAN, MIN_YEARLY

    if unit == "yuan_per_person_month":
        return value <= MAX_MONTHLY.get(indicator, float("inf"))
    if unit == "yuan_per_person_year":
        return value >= MIN_YEARLY.get(indicator, 0)
    return unit != "yuan" or value >= MIN_TOTAL_YUAN


@dataclass
class Reading:
    """What the reader says of one candidate."""

    indicator: str
    probability: float
    area: str | None
    old: bool


class Model:
    """The fitted weights: one row per known feature, columns for the indicator classes, the
    areas and the old-level odds; inference is a sum of rows and a softmax."""

    def __init__(self, vocabulary: list[str], weights, bias, indicators: list[str],
                 areas: list[str], threshold: float):
        import numpy as np

        self.index = {f: i for i, f in enumerate(vocabulary)}
        # a last all-zero row: what an unknown feature adds (see read)
        weights = np.asarray(weights, dtype=np.float32)
        self.weights = np.vstack([weights, np.zeros((1, weights.shape[1]), dtype=np.float32)])
        self.bias = np.asarray(bias, dtype=np.float32)
        self.indicators, self.areas = list(indicators), list(areas)
        self.threshold = float(threshold)

    def with_threshold(self, threshold: float) -> "Model":
        """The same weights with another threshold."""
        from copy import copy

        other = copy(self)
        other.threshold = float(threshold)
        return other

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> "Model":
        import numpy as np

        with np.load(path, allow_pickle=False) as z:
            return cls(str(z["vocabulary"]).split("\n"), z["weights"], z["bias"],
                       str(z["indicators"]).split("\n"), str(z["areas"]).split("\n"),
                       float(z["threshold"]))

    def save(self, path: Path) -> None:
        import numpy as np

        vocabulary = sorted(self.index, key=self.index.get)
        np.savez_compressed(path, vocabulary=np.str_("\n".join(vocabulary)),
                            weights=self.weights[:-1].astype(np.float16), bias=self.bias,
                            indicators=np.str_("\n".join(self.indicators)),
                            areas=np.str_("\n".join(self.areas)), threshold=self.threshold)

    def read(self, cands: list[Candidate]) -> list[Reading]:
        """The reading of each candidate: its likeliest indicator with its probability, its
        likeliest area, and whether the old-level odds are above even."""
        import numpy as np

        if not cands:
            return []
        # one gather and one segmented sum for the whole page; each candidate's segment ends with
        # the all-zero row, so a candidate with no known feature gets the bias alone
        get, zero = self.index.get, len(self.weights) - 1
        rows: list[int] = []
        starts = []
        for c in cands:
            starts.append(len(rows))
            rows += [j for j in map(get, c.features) if j is not None]
            rows.append(zero)
        sums = np.add.reduceat(self.weights[rows], starts, axis=0) + self.bias
        n_ind, n_area = len(self.indicators), len(self.areas)
        logits = sums[:, :n_ind]
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        best = probs.argmax(axis=1)
        chosen = (probs[np.arange(len(cands)), best] / probs.sum(axis=1)).tolist()
        areas = sums[:, n_ind:n_ind + n_area].argmax(axis=1).tolist()
        olds = (sums[:, n_ind + n_area] > 0).tolist()
        return [Reading(self.indicators[b], p, self.areas[a], o)
                for b, p, a, o in zip(best.tolist(), chosen, areas, olds)]


@lru_cache(maxsize=1)
def model() -> Model | None:
    """The shipped model, loaded once; None when the weights file is absent."""
    return Model.load() if WEIGHTS.exists() else None

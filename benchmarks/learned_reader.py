#!/usr/bin/env python3
"""Measure a learned reader of the figures the rules leave unread (a design tried for issue 11).

usage: python benchmarks/learned_reader.py [--train FILE ...] [--test FILE ...] [--cv K]

The rules read most figures of a page; the rest are never emitted. This benchmark asks whether a
classifier over those left-over figures adds facts worth having. Every number the extractor's own
unit reader accepts (元, 万元, 元/人·月, 人, 户 …) and whose value and unit the rules did not emit
is a candidate; its features are the characters and programme words around it (bigrams of the
24 characters before it in its sentence, of the 10 after, the six characters just before it, the
programme and area words of its sentence, the sentence before and the title, its unit and
magnitude). Three logistic regressions (scikit-learn) give its indicator (or none), its area and
whether it is the old level of a raise; a candidate whose indicator's probability reaches the
threshold becomes a fact beside the rules' facts.

Training uses every candidate of the training excerpts, emitted or not, labelled by the gold fact
with its value and unit. The threshold is chosen by K-fold cross-validation on the training
excerpts only; the test files are scored once, at that threshold, and printed as aggregates
(rules alone, rules with the reader), never as misses. By default the dev set's dev part (even
ids) trains and its held part (odd ids) is the test, as in ``benchmarks/devset.py``; pass
``--train``/``--test`` files in the dev set's format (for instance pages you labelled) to use more.

Needs scikit-learn (``pip install -e ".[learn]"``). The package does not use the reader: what it
measured is in the README and in the closing note of issue 11.
"""
from __future__ import annotations

import argparse
import bisect
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import SHARED, in_part, load_scorer, score  # noqa: E402

#: Words whose presence near a figure the features record (programmes, areas, money and count
#: words, the verbs of a raise).
WORDS = ["低保", "最低生活保障", "特困", "五保", "供养", "孤儿", "事实无人抚养", "高龄", "老年", "残疾",
         "护理", "临时救助", "医疗救助", "救助", "标准", "资金", "支出", "发放", "人数", "对象", "户",
         "城市", "农村", "城乡", "城镇", "提高", "由", "从", "到", "至", "补贴", "补助", "人均", "月人均",
         "累计", "共", "全年", "保障", "集中", "分散", "散居", "困难", "生活", "基本生活", "慰问", "取暖",
         "资助", "救济", "重度", "一次性", "价格", "水平"]
WORD_RE = re.compile("|".join(sorted(map(re.escape, WORDS), key=len, reverse=True)))
SENTENCE_END = re.compile(r"[。;!?\n]")
CLAUSE_MARKS = "。;!?\n,、:"


def _same_figure(value: float, unit: str, other: float, other_unit: str) -> bool:
    """Whether two figures are one fact's, as the scorer matches them (units equal, values within
    0.5 % of ``other``)."""
    return unit == other_unit and abs(value - other) <= 0.005 * abs(other) + 1e-6


def _unit(text: str, q, clause_start: int) -> str | None:
    """The fact unit a candidate would carry: the unit reader's, else the words before it, else
    its size (a per-person amount under 2,400 元 is monthly, as the rules assume)."""
    from mzanalysis.text.extract import _pre_cue

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


def _features(text: str, q, unit: str, sentence: tuple[int, int], clause_start: int,
              previous: str, title: str) -> list[str]:
    before, after = text[sentence[0]:q.start], text[q.end:sentence[1]]
    near = before[-24:]
    f = [f"unit={unit}", f"kind={q.kind}", f"scaled={q.num.scaled}", f"approx={q.approximate}",
         f"digits={len(str(int(q.num.value)))}", f"unit_digits={unit}|{len(str(int(q.num.value)))}"]
    f += ["before2:" + near[i:i + 2] for i in range(len(near) - 1)]
    f += [f"before{i}:{ch}" for i, ch in enumerate(before[-6:][::-1])]
    f += ["after2:" + after[i:i + 2] for i in range(min(len(after), 10) - 1)]
    f += [f"after{i}:{ch}" for i, ch in enumerate(after[:3])]
    words = [m.group() for m in WORD_RE.finditer(before)]
    f += ["word_before:" + w for w in set(words)]
    f += [f"nearest_word:{w}" for w in words[-1:]] + [f"second_word:{w}" for w in words[-2:-1]]
    for name, part in (("word_after", after), ("word_previous", previous), ("word_title", title),
                       ("word_clause", text[clause_start:q.start])):
        f += [f"{name}:{w}" for w in {m.group() for m in WORD_RE.finditer(part)}]
    if q.num.value_high is not None:
        f.append("range")
    return f


def candidates(row: dict) -> tuple[list[dict], list[dict]]:
    """(the rules' facts, every candidate figure with features and gold label) of one excerpt."""
    # the unit reader is the extractor's own (private, but this is a measurement of its output)
    from mzanalysis.text.extract import _read_quantity, extract_records
    from mzanalysis.text.normalize import normalize
    from mzanalysis.text.numbers import find_numbers

    preds = extract_records(row["text"], doc=row["id"])
    emitted = [(p["value"], p["unit"]) for p in preds]
    text = normalize(row["text"]).text
    first_break = text.find("\n", 0, 200)
    title = text[:first_break] if first_break > 0 else text[:60]
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text) + 1]
    out = []
    for num in find_numbers(text):
        clause_start = max(text.rfind(c, 0, num.start) for c in CLAUSE_MARKS) + 1
        q = _read_quantity(text, num, clause_start)
        unit = _unit(text, q, clause_start) if q is not None else None
        if unit is None:
            continue
        value = q.num.value
        i = bisect.bisect_right(bounds, num.start) - 1
        sentence = (bounds[i], bounds[i + 1] - 1)
        previous = text[bounds[i - 1] if i > 0 else 0:bounds[i]]
        cand = {"value": value, "unit": unit,
                "emitted": any(_same_figure(v, u, value, unit) for v, u in emitted),
                "features": _features(text, q, unit, sentence, clause_start, previous, title),
                "label": "none", "area": None, "old": False, "optional": False}
        for g in row.get("facts", []):
            if _same_figure(value, unit, float(g["value"]), g["unit"]):
                if g.get("optional"):
                    cand["optional"] = True
                    continue
                cand.update(label=g["indicator"], area=g.get("area"), old=g.get("qualifier") == "old")
                break
        out.append(cand)
    return preds, out


class Reader:
    """Three logistic regressions over hashed candidate features: indicator, area, old level."""

    def __init__(self, docs: list[dict], C: float = 1.0):
        from sklearn.feature_extraction import FeatureHasher
        from sklearn.linear_model import LogisticRegression

        self.hasher = FeatureHasher(n_features=2 ** 18, input_type="string", alternate_sign=False)
        cands = [c for d in docs for c in d["candidates"] if not c["optional"]]
        X = self.hasher.transform(c["features"] for c in cands)
        fit = lambda rows, y: LogisticRegression(C=C, max_iter=2000).fit(X[rows], y)  # noqa: E731
        every = list(range(len(cands)))
        facts = [i for i in every if cands[i]["label"] != "none"]
        with_area = [i for i in facts if cands[i]["area"]]
        self.indicator = fit(every, [cands[i]["label"] for i in every])
        self.area = fit(with_area, [cands[i]["area"] for i in with_area])
        self.old = fit(facts, [cands[i]["old"] for i in facts])

    def facts(self, doc: dict, threshold: float) -> list[dict]:
        """The rules' facts of ``doc`` and the reader's, for candidates the rules did not emit."""
        out = list(doc["preds"])
        left = [c for c in doc["candidates"] if not c["emitted"]]
        if not left or threshold > 1:
            return out
        X = self.hasher.transform(c["features"] for c in left)
        probs, areas, olds = self.indicator.predict_proba(X), self.area.predict(X), self.old.predict(X)
        for c, p, area, old in zip(left, probs, areas, olds):
            best = int(p.argmax())
            label = self.indicator.classes_[best]
            if label != "none" and p[best] >= threshold:
                out.append({"doc": doc["id"], "indicator": label, "area": area, "value": c["value"],
                            "unit": c["unit"], "qualifier": "old" if old else None, "flags": []})
        return out


def _load(paths: list[Path], part: str) -> list[dict]:
    rows = [json.loads(line) for p in paths for line in p.open(encoding="utf-8") if line.strip()]
    return [r for r in rows if in_part(r["id"], part)]


def _prepared(rows: list[dict]) -> list[dict]:
    docs = []
    for r in rows:
        preds, cands = candidates(r)
        docs.append({"id": r["id"], "row": r, "preds": preds, "candidates": cands})
    return docs


def _f1(docs: list[dict], preds: list[dict], sf) -> dict:
    return score([d["row"] for d in docs], preds, sf)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", nargs="*", type=Path, default=None,
                    help="excerpt files to train on, all ids (default: the dev set's dev part)")
    ap.add_argument("--test", nargs="*", type=Path, default=None,
                    help="excerpt files to score once each, all ids (default: the dev set's held part)")
    ap.add_argument("--cv", type=int, default=5, help="folds for choosing the threshold")
    ap.add_argument("--thresholds", nargs="*", type=float, default=[0.5, 0.6, 0.7, 0.8, 0.9, 0.95])
    a = ap.parse_args()
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print('learned_reader: needs scikit-learn; install it with pip install -e ".[learn]"',
              file=sys.stderr)
        return 2
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    sf = load_scorer()
    devset = SHARED / "devset" / "excerpts.jsonl"
    train = _prepared(_load(a.train, "all") if a.train else _load([devset], "dev"))
    tests = [(str(p), _prepared(_load([p], "all"))) for p in a.test] if a.test else \
        [("the dev set's held part", _prepared(_load([devset], "held")))]

    shuffled = train[:]
    random.Random(0).shuffle(shuffled)
    folds = [shuffled[k::a.cv] for k in range(a.cv)]
    cv_preds: dict[float, list[dict]] = {t: [] for t in [1.01] + a.thresholds}
    for k, fold in enumerate(folds):
        reader = Reader([d for j, f in enumerate(folds) if j != k for d in f])
        for t in cv_preds:
            cv_preds[t] += [p for d in fold for p in reader.facts(d, t)]
    print(f"cross-validation on the training excerpts ({len(train)}), {a.cv} folds:")
    best, best_f1 = 1.01, -1.0
    for t, preds in cv_preds.items():
        s = _f1(train, preds, sf)
        name = "rules alone" if t > 1 else f"rules + reader at {t:.2f}"
        print(f"  {name:28} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
        if s["f1"] > best_f1:
            best, best_f1 = t, s["f1"]
    reader = Reader(train)
    for name, test in tests:
        print(f"test: {name} ({len(test)} excerpts), scored once:")
        for t in (1.01, best) if best <= 1 else (1.01,):
            s = _f1(test, [p for d in test for p in reader.facts(d, t)], sf)
            label = "rules alone" if t > 1 else f"rules + reader at {t:.2f}"
            print(f"  {label:28} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

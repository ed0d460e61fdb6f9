"""The stated rules: source class from URL and notes, agreement up to rounding, preferred value."""
from __future__ import annotations

import pandas as pd
import pytest

from mzanalysis.provenance import agree, choose_preferred, classify, date_mismatch


@pytest.mark.parametrize("url,notes,expected", [
    ("https://www.stats.gov.cn/x.html", "yearbook table", "official_table"),
    ("http://tjj.shandong.gov.cn/a.htm", "Province labels garbled in stored page", "official_table"),
    ("http://010baizhang.com/x", "中广网 report (19 Jun 2013) of MCA 《2012年社会服务发展统计公报》",
     "official_repost"),
    ("https://fjliren.com/images2/cws/1.htm", "MCA table mirrored on third-party host",
     "official_repost"),
    ("http://en.people.cn/x", "People's Daily Online (Xinhua), 9 Jul 2013.", "news"),
    # a conflict sentence naming another source does not make the page that source
    ("http://www.chinadaily.com.cn/x", "China Daily (Xinhua), citing MCA report. CONFLICT with "
     "4305.5万 (stats.gov.cn) and 4291万 (NBS communique).", "news"),
    ("http://bj60.com/post/1.html", "Blog/compilation list of annual inflation", "blog"),
    ("http://renrendoc.com/x", "user-uploaded analysis document", "blog"),
    ("http://example.com/x", "no attribution at all", "blog"),
])
def test_classify(url, notes, expected):
    cls, rule = classify(url, notes)
    assert cls == expected
    assert rule


def test_date_mismatch_reads_the_notes():
    assert date_mismatch("published before year-end, so probably Q3/Nov data, not end-of-year")
    assert not date_mismatch("End of 2020.")


def test_agree_up_to_rounding_and_across_month_year():
    assert agree(42_840_000, "persons", 1e4, 42_840_000, "persons", 1e3)
    assert not agree(21_425_000, "persons", 1e3, 21_435_000, "persons", 1e3)
    assert agree(8520, "yuan_per_person_year", 1, 710, "yuan_per_person_month", 1)
    assert not agree(8520, "yuan_per_person_year", 1, 700, "yuan_per_person_month", 1)
    assert not agree(100, "persons", 1, 100, "yuan", 1)


def _candidates(*rows):
    base = dict(region_code="000000", year=2012, period="2012", indicator="dibao_recipients",
                area="urban", variant=None, unit="persons", step=1000.0, breadth=1,
                date_mismatch=False, flags=[])
    return pd.DataFrame([{**base, **r, "flags": []} for r in rows])


def test_official_beats_news_and_conflict_is_flagged():
    out = choose_preferred(_candidates(
        dict(value=21_425_000, source_rank=3, order=(0, 1)),
        dict(value=21_435_000, source_rank=2, order=(0, 2))))
    best = out[out.preferred].iloc[0]
    assert best.value == 21_435_000
    assert "source_conflict" in best["flags"]
    assert out.conflict.all() and (out.n_sources == 2).all()


def test_date_mismatch_loses_even_to_a_lower_class():
    out = choose_preferred(_candidates(
        dict(value=665, source_rank=3, order=(0, 1), date_mismatch=True),
        dict(value=677.6, source_rank=4, order=(0, 2))))
    assert out[out.preferred].value.tolist() == [677.6]


def test_agreement_breaks_ties_and_agreeing_rows_are_no_conflict():
    out = choose_preferred(_candidates(
        dict(value=101.3, source_rank=4, order=(0, 1), step=0.1),
        dict(value=101.4, source_rank=4, order=(0, 2), step=0.1),
        dict(value=101.4, source_rank=4, order=(0, 3), step=0.1)))
    assert out[out.preferred].value.tolist() == [101.4]
    same = choose_preferred(_candidates(dict(value=5, source_rank=1, order=(0, 1)),
                                        dict(value=5, source_rank=3, order=(0, 2))))
    assert not same.conflict.any()
    assert not any("source_conflict" in f for f in same["flags"])

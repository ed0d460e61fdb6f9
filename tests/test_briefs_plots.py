"""Plots render Chinese with the vendored font, deterministically, and never invent zeros."""
from __future__ import annotations

import io
import warnings

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from mzanalysis import plots  # noqa: E402


def test_vendored_font_is_small_licensed_and_used():
    from matplotlib import font_manager

    assert plots.FONT_PATH.is_file() and plots.FONT_PATH.stat().st_size < 4_000_000
    assert "SIL OPEN FONT LICENSE Version 1.1" in (plots.FONT_PATH.parent / "OFL.txt").read_text()
    plots.setup()
    found = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]),
                                  fallback_to_default=False)
    assert found == str(plots.FONT_PATH)


def _figure(fmt: str) -> bytes:
    import matplotlib.pyplot as plt
    import pandas as pd

    plots.setup()
    fig, ax = plt.subplots()
    plots.line_chart(ax, {"城市 urban": pd.Series([300.0, 320.0], index=[2015, 2016])},
                     title="鄂尔多斯市 低保标准（元/人·月）— 邯郸 ℃ ％", years=(2014, 2017))
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, metadata={"Date": None} if fmt == "svg" else
                dict(plots.PNG_METADATA))
    plt.close(fig)
    return buf.getvalue()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_chinese_glyphs_render_and_bytes_repeat(fmt):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" would fail here
        first = _figure(fmt)
    assert first == _figure(fmt)


def test_gaps_and_missing_series_are_not_zeros():
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd

    plots.setup()
    fig, ax = plt.subplots()
    missing = plots.line_chart(ax, {"a": pd.Series([1.0, 3.0], index=[2010, 2013]),
                                    "b": None, "c": pd.Series([], dtype=float)})
    assert missing == ["b", "c"]
    (line,) = ax.get_lines()
    assert list(line.get_xdata()) == [2010, 2011, 2012, 2013]
    assert np.isnan(line.get_ydata()[1:3]).all()  # gap years are breaks, not zeros
    fig2, ax2 = plt.subplots()
    plots.line_chart(ax2, {"x": None}, title="空")
    assert not ax2.get_lines() and any("无数据" in t.get_text() for t in ax2.texts)
    plt.close("all")


def test_each_area_keeps_its_colour_whatever_the_order_of_series():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from mzanalysis import plots

    urban = pd.Series([1.0, 2.0], index=[2015, 2016])
    rural = pd.Series([0.5, 1.5], index=[2015, 2016])
    fig, (a, b) = plt.subplots(1, 2)
    plots.line_chart(a, {"城市 urban": urban, "农村 rural": rural})
    plots.line_chart(b, {"农村 rural": rural, "城市 urban": urban, "北京市 (报告)": urban})
    colours = [{line.get_label(): line.get_color() for line in ax.get_lines()} for ax in (a, b)]
    plt.close(fig)
    assert colours[0]["城市 urban"] == colours[1]["城市 urban"] == plots.AREA_COLOURS["urban"]
    assert colours[0]["农村 rural"] == colours[1]["农村 rural"] == plots.AREA_COLOURS["rural"]
    assert colours[1]["北京市 (报告)"] not in plots.AREA_COLOURS.values()


def test_persons_are_whole_people_or_wan():
    from mzanalysis.plots import format_persons

    assert format_persons(3042) == "3,042 人"
    assert format_persons(35663000.0) == "3,566.3 万人"
    assert format_persons(float("nan")) == "—"


@pytest.mark.parametrize("region", ["上海", "广东", "西藏", "440100", "652300"])
def test_brief_figures_keep_every_label_inside_the_picture(region):
    """Fixed margins (no tight layout) must still fit titles, ticks, axis labels and legends of
    every chart a brief draws, for the widest values (上海's 1,500 元) and the longest names."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from mzanalysis.briefs import sections as S
    from mzanalysis.regions import resolve

    plots.setup()
    R = resolve(region)
    data = S.load_brief(R, 2005, 2024)
    years, facts = data.years, data.facts
    built = [S.standards(facts, R, years, stated=data.stated.facts),
             S.share_of_consumption(facts, R, years),
             S.peers(facts, R, years, status=data.status),
             S.province_context(facts, R, years),
             S.coverage(facts, R, years, stated=data.stated.facts, status=data.status)]
    figures = [s.figure for s in built if s.figure is not None]
    assert figures, f"{region}: no figure drawn"
    for fig in figures:
        renderer = FigureCanvasAgg(fig).get_renderer()
        fig.draw(renderer)
        box = fig.bbox
        for ax in fig.axes:  # what is drawn of each panel: title, ticks, axis label, legend
            ext = ax.get_tightbbox(renderer)
            inside = (box.x0 - 0.5 <= ext.x0 and ext.x1 <= box.x1 + 0.5
                      and box.y0 - 0.5 <= ext.y0 and ext.y1 <= box.y1 + 0.5)
            assert inside, (region, ax.get_title(), ext.bounds, box.bounds)

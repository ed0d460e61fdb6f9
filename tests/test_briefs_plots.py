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


def test_each_area_has_one_colour_in_every_chart_whatever_the_order():
    import matplotlib.pyplot as plt
    import pandas as pd

    plots.setup()
    s = pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2022])
    fig, axes = plt.subplots(1, 3)
    plots.line_chart(axes[0], {"城市 urban": s, "农村 rural": s * 2, "合计 all": s * 3})
    plots.line_chart(axes[1], {"农村 rural": s, "城市 urban": s})  # reversed order
    plots.line_chart(axes[2], {"rural": s, "total": s, "urban": s})
    seen = {}
    for ax in axes:
        for line in ax.get_lines():
            area = plots.area_of(line.get_label())
            seen.setdefault(area, set()).add(matplotlib.colors.to_hex(line.get_color()))
    plt.close(fig)
    assert seen == {area: {colour} for area, colour in plots.AREA_COLOURS.items()}


def test_persons_are_integers_or_wan():
    assert plots.format_persons(35_663_000.0) == "3,566.3万"
    assert plots.format_persons(812.0) == "812"
    assert plots.format_persons(812.4, wan=False) == "812"
    assert plots.format_persons(None) == "—"
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([2020, 2021], [35_663_000, 40_320_000])
    plots.persons_axis(ax)
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    plt.close(fig)
    assert labels and all("." not in t for t in labels) and ax.get_ylabel() == "万人"

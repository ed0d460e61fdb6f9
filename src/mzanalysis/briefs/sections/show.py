"""Display section results in a notebook: the only place that calls IPython's ``display``.

Tables are HTML escaped by pandas (report quotes may hold markup), captioned with their title,
and wrapped so a wide table scrolls instead of being cut; figures are displayed as PNG at their own
size (fixed margins, fixed metadata: :func:`mzanalysis.plots.figure_png`); they are built without
pyplot, so nothing else is shown and no figure outlives the brief.
"""
from __future__ import annotations

import html


def table_html(table) -> str:
    """One table as HTML: its caption, escaped cells, ``—`` for missing values."""
    cols = list(table.frame.columns)
    # a class per long-text column (CSS gives it a readable minimum width: CJK text may break
    # between any two characters, and a squeezed quote column is one character wide)
    classes = [f"mz-text-{cols.index(c) + 1}" for c in table.text_columns if c in cols]
    body = table.frame.to_html(index=False, escape=True, na_rep="—", border=0,
                               classes=classes or None)
    return (f'<div class="mz-table"><p class="mz-caption"><strong>{html.escape(table.title)}'
            f"</strong></p>{body}</div>")


def show(section, *, figure: bool = True) -> None:
    """Text, figure, tables, then the closing paragraphs of ``section``."""
    from IPython.display import HTML, Image, Markdown, display

    from ...plots import figure_png

    for text in section.text:
        display(Markdown(text))
    if figure and section.figure is not None:
        display(Image(data=figure_png(section.figure), format="png"))
    for t in section.tables:
        display(HTML(table_html(t)))
    for text in section.after:
        display(Markdown(text))


def show_raw(mime: str, payload: dict) -> None:
    """A raw output of ``mime`` (the headline and downloads payloads the runner reads)."""
    from IPython.display import display

    display({mime: payload}, raw=True)

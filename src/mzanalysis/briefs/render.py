"""Render an executed notebook to a brief page, and a failed one to an error page.

HTML comes from nbconvert's :class:`~nbconvert.HTMLExporter` run in-process with the package's own
template (``templates/mzbrief``): outputs only, images embedded as data: URIs, no network
references, ``<html lang="zh">``, a CSP forbidding scripts, a table of contents and a provenance
footer. Before export the notebook is normalised so identical inputs give identical bytes:
parameter cells dropped, cell ids renumbered, execution metadata (papermill/nbclient timings)
removed, and script-bearing outputs dropped. Every table then goes through :mod:`.layout`.
"""
from __future__ import annotations

import functools
import html
import re
from pathlib import Path

from .downloads import DOWNLOADS_MIME
from .layout import tidy_soup

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
#: MIME type of the headline figures a notebook displays; the runner writes them to the sidecar.
HEADLINE_MIME = "application/vnd.mzanalysis.headline+json"
#: Machine payloads a notebook displays for the runner; never part of the page.
_RUNNER_MIMES = (HEADLINE_MIME, DOWNLOADS_MIME)
#: Output types that could carry executable code into the page; never rendered.
_SCRIPT_MIMES = ("application/javascript", "application/vnd.jupyter.widget-view+json",
                 "text/javascript")
_DROP_TAGS = {"parameters", "injected-parameters", "remove-cell"}
_HEADING = re.compile(r'<h([1-3]) id="([^"]+)">(.*?)(?:<a class="anchor-link"[^>]*>.*?</a>)?</h\1>',
                      re.S)


def headline(nb) -> dict | None:
    """The last headline dict the notebook displayed (MIME :data:`HEADLINE_MIME`), if any."""
    found = None
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if HEADLINE_MIME in data:
                found = data[HEADLINE_MIME]
    return dict(found) if found is not None else None


def normalise(nb):
    """Strip what varies between identical runs and what must not be published (in place)."""
    keep = []
    for cell in nb.cells:
        if _DROP_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        cell.metadata = {k: v for k, v in cell.metadata.items() if k == "tags"}
        if cell.cell_type == "code":
            cell.execution_count = None
            outs = []
            for out in cell.outputs:
                out.pop("metadata", None) if out.get("output_type") == "error" else None
                data = out.get("data")
                if data is not None:
                    for mime in (*_SCRIPT_MIMES, *_RUNNER_MIMES):
                        data.pop(mime, None)
                    if not data:
                        continue
                if "execution_count" in out:
                    out["execution_count"] = None
                outs.append(out)
            cell.outputs = outs
        keep.append(cell)
    for i, cell in enumerate(keep):
        cell.id = f"c{i:03d}"
    nb.cells = keep
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in ("kernelspec", "language_info")}
    nb.metadata.pop("language_info", None)
    return nb


@functools.lru_cache(maxsize=1)
def _exporter():
    """The HTML exporter, built once per process: loading the template environment costs more
    than exporting one brief, and an exporter holds no per-notebook state.

    nbconvert's HTMLExporter parses every page it renders once more (BeautifulSoup) to add image
    alt text and tab stops, and the table layout pass (:mod:`.layout`) parsed it again: the page
    is now rendered by the template alone and parsed once, for both (:func:`to_html`) — the
    parse was half the export time of a province brief. The few lines of HTMLExporter's own
    from_notebook_node kept here are what it does before rendering."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class BriefExporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter("highlight_code", self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    exp = BriefExporter(template_name="mzbrief", extra_template_basedirs=[str(TEMPLATES)])
    # nbconvert validates the whole notebook after every registered preprocessor, enabled or not,
    # and 8 of its 12 here are disabled (they return the notebook unchanged): keep the 4 enabled.
    exp._preprocessors = [p for p in exp._preprocessors if getattr(p, "enabled", True)]
    exp.exclude_input = True
    exp.exclude_input_prompt = True
    exp.exclude_output_prompt = True
    exp.embed_images = True
    exp.anchor_link_text = ""
    return exp


def add_toc(page: str) -> str:
    """Fill ``<!--mz:toc-->`` with a list of the page's h1–h3 headings (built from their ids)."""
    items = []
    for level, anchor, inner in _HEADING.findall(page):
        text = re.sub(r"<[^>]+>", "", inner).strip()
        if text:
            items.append(f'<li class="l{level}"><a href="#{anchor}">{text}</a></li>')
    toc = "<h2 class=\"mz-toc-title\">目录 / Contents</h2>\n<ol>\n" + "\n".join(items) + "\n</ol>"
    return page.replace("<!--mz:toc-->", toc, 1)


def provenance_items(version: str, data_version: str, params: dict, key: str) -> list:
    rows = [("mzanalysis", version), ("data", data_version)]
    rows += [(f"parameter {k}", repr(v)) for k, v in params.items()]
    rows.append(("build key", key[:16]))
    return rows


def to_html(nb, *, title: str, provenance: list, index_href: str = "../index.html") -> str:
    """Brief page for an executed, :func:`normalise`-d notebook."""
    resources = {"mz": {"title": title, "css": (TEMPLATES / "brief.css").read_text("utf-8"),
                        "provenance": provenance, "index_href": index_href,
                        "version": dict(provenance).get("mzanalysis", "")}}
    from bs4 import BeautifulSoup

    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    soup = BeautifulSoup(body, features="html.parser")
    # what nbconvert's HTMLExporter adds to every page: image alt text and focusable cells
    for elem in soup.find_all("img"):
        if not elem.has_attr("alt"):
            elem.attrs["alt"] = "No description has been provided for this image"
    for elem in soup.find_all("div", class_=("jp-Cell-inputWrapper", "jp-OutputArea-output")):
        if elem.find_parent(class_="jp-Notebook") is not None:
            elem.attrs["tabindex"] = "0"
    tidy_soup(soup)
    return add_toc(str(soup))


def error_page(*, title: str, region: str, ename: str, evalue: str, cell_source: str,
               traceback: str, provenance: list, index_href: str = "../index.html") -> str:
    """A self-contained page saying the brief failed, where, and why (all text escaped)."""
    e = html.escape
    css = (TEMPLATES / "brief.css").read_text("utf-8")
    prov = "\n".join(f"<dt>{e(str(k))}</dt><dd><code>{e(str(v))}</code></dd>"
                     for k, v in provenance)
    return f"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>{e(title)}</title>
<style>
{css}
</style>
</head>
<body>
<header class="mz-top"><a href="{e(index_href)}">← 全部简报 / all briefs</a></header>
<nav class="mz-toc"><ol><li class="l2"><a href="#error">生成失败 / Build failed</a></li></ol></nav>
<main class="mz-main">
<h1>{e(title)}</h1>
<section class="mz-error">
<h2 id="error">生成失败 / Build failed</h2>
<p>区域 / region: <strong>{e(region)}</strong></p>
<p>错误 / error: <code>{e(ename)}: {e(evalue)}</code></p>
<h3>出错的单元 / failing cell</h3>
<pre>{e(cell_source)}</pre>
<h3>Traceback</h3>
<pre>{e(traceback)}</pre>
</section>
</main>
<footer class="mz-provenance"><h2 id="provenance">来源与版本 / Provenance</h2><dl>
{prov}
</dl></footer>
</body>
</html>
"""


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


# ASCII punctuation that Markdown (CommonMark + the GFM autolink extension) can turn into
# markup: code spans, emphasis, links, images, autolinks, headings, tables, raw HTML, entities.
_MD_SPECIAL = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()<>#+-.!|~:&\"'=/"}


def md_escape(text) -> str:
    """``text`` for a Markdown cell: shows literally, can never become a tag, link or image.

    ``html.escape`` alone stops raw HTML, but a backtick in a path closes a code span and then
    ``![t](https://…)`` becomes a network image and ``[c](javascript:…)`` a live link. Every
    character Markdown could read as syntax is written as a numeric character reference, which
    Markdown shows as that character and never parses. Use it outside code spans (inside
    backticks references are shown verbatim): show a path as plain text.
    """
    return str(text).translate(_MD_SPECIAL)


def strip_ansi(text: str) -> str:
    """Tracebacks from IPython carry terminal colour codes; pages and manifests want plain text."""
    return _ANSI.sub("", text)

"""The run manifest (``manifest.json``) and the index page (``index.html``) of an output folder.

The index lists every brief recorded in the folder (``<notebook>/.build/*.json``), not only those
of the last run, so ``mzanalysis brief 青海`` after ``make briefs`` updates one row. It is built only
from deterministic content (status, headline figures from the sidecars), so an unchanged rerun
rewrites nothing. The manifest is per run and does carry durations.
"""
from __future__ import annotations

import html
import json
import sys
from pathlib import Path

from .. import __version__
from . import atomic, refyear
from .sections import STATUS_LABELS

#: Headline keys shown in the index: key, column label, number format, key of the figure's year
#: (figures of one region often come from different years; each is shown with its own).
INDEX_COLUMNS = (
    ("dibao_standard_urban", '城市低保标准<br>urban standard <span class="mz-unit">(元/人·月)</span>',
     "{:,.0f}", "dibao_standard_urban_year"),
    ("dibao_standard_rural", '农村低保标准<br>rural standard <span class="mz-unit">(元/人·月)</span>',
     "{:,.0f}", "dibao_standard_rural_year"),
    ("dibao_recipients", '低保人数<br>recipients <span class="mz-unit">(万人)</span>', "{:,.1f}",
     "dibao_recipients_year"),
    ("coverage_pct", '覆盖率<br>coverage <span class="mz-unit">(%)</span>', "{:.2f}",
     "coverage_year"),
    ("discrepancies", "口径差异<br>discrepancies", "{:.0f}", None),
)


def write_manifest(out: Path, tasks: list[dict], results: list[dict], seconds: float, *,
                   jobs: int, scheduler) -> Path:
    """One JSON per run: each brief's status, duration, hashes and error; versions of the tools."""
    import platform

    entries = []
    for t, r in zip(tasks, results):
        entries.append({
            "region": t["region"], "name": t["name"], "status": r["status"],
            "duration_s": r.get("duration_s", 0.0), "html": _rel(out, t["paths"]["html"]),
            "sidecar": _rel(out, t["paths"]["sidecar"]), "parameters": t["parameters"],
            "hashes": {"build": t["key"], "notebook": t["notebook_hash"],
                       "parameters": _phash(t["parameters"]), "inputs": t["inputs_hash"],
                       "renderer": t["code_hash"], "modules": r.get("modules_hash")},
            "error": r.get("error")})
    counts = {s: sum(r["status"] == s for r in results) for s in ("ok", "skipped", "failed")}
    if any(r["status"] == "no_data" for r in results):  # regions of a batch without data
        counts["no_data"] = sum(r["status"] == "no_data" for r in results)
    manifest = {"mzanalysis": __version__, "python": platform.python_version(),
                "versions": _versions(results), "notebook": tasks[0]["notebook"] if tasks else None,
                "data_version": tasks[0]["data_version"] if tasks else None,
                "executor": f"dask {scheduler}" if scheduler else f"local pool, {jobs} jobs",
                "counts": counts, "seconds": round(seconds, 3), "briefs": entries}
    path = Path(out) / "manifest.json"
    atomic.write_json(path, manifest)
    return path


def _phash(params: dict) -> str:
    from .keys import parameters_hash

    return parameters_hash(params)


def _versions(results: list[dict]) -> dict:
    """Versions of the execution stack, read from metadata (no heavy imports when all skipped)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("papermill", "nbconvert", "nbclient", "ipykernel", "matplotlib", "pandas"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def _rel(root: Path, path: str) -> str:
    try:
        return str(Path(path).relative_to(root))
    except ValueError:
        return str(path)


def _records(out: Path) -> list[dict]:
    recs = []
    for rec_path in sorted(Path(out).glob("*/.build/*.json")):
        try:
            rec = json.loads(rec_path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            print(f"mzanalysis: ignoring unreadable build record {rec_path}: {exc}",
                  file=sys.stderr)
            continue
        folder = rec_path.parent.parent
        rec["html_rel"] = f"{folder.name}/{rec['stem']}.html"
        side = folder / f"{rec['stem']}.json"
        rec["headline"] = {}
        if rec.get("status") == "ok" and side.is_file():
            try:
                rec["headline"] = json.loads(side.read_text("utf-8")).get("headline", {})
            except (OSError, ValueError, AttributeError) as exc:  # damaged: rebuilt next run
                print(f"mzanalysis: ignoring unreadable sidecar {side}: {exc}", file=sys.stderr)
        recs.append(rec)
    recs.sort(key=lambda r: (r["html_rel"].split("/")[0], r["region"], r["stem"]))
    return recs


def _fmt(value, fmt: str, year=None) -> str:
    if value is None:
        return '<span class="mz-note">—</span>'
    try:
        text = html.escape(fmt.format(value))
    except (TypeError, ValueError):
        text = html.escape(str(value))
    return text + (f' <span class="mz-note">({html.escape(str(year))})</span>' if year else "")


def _status_cell(r: dict) -> str:
    e = html.escape
    hl, state = r["headline"], r.get("status")
    if state == "ok":
        # what the brief holds, not just that it ran: an empty page is not "ok"
        data = hl.get("data_status", "official")
        return (f'<span class="status-{e(data)}">{e(STATUS_LABELS.get(data, data))}</span>'
                + (f' <span class="mz-note">({int(hl["n_report_figures"])} stated)</span>'
                   if hl.get("n_report_figures") else ""))
    if state == "no_data":
        return f'<span class="status-none">{e(STATUS_LABELS["none"])}</span>'
    return '<span class="status-failed">✗ 失败 failed</span>'


def _reference_columns(recs: list[dict]) -> list[tuple]:
    """(series, label, unit, format, year, n with a value, n with the series) for one group.

    Only default briefs (stem = region code) decide the year, so a parameter sweep of one
    region does not count it several times. Empty until the sidecars carry ``by_year``.
    """
    cols = []
    for key, label, unit, fmt in refyear.SERIES:
        ref = refyear.reference_year([r["by_year"].get(key, {}) for r in recs
                                      if r["stem"] == r["region"]])
        if ref:
            cols.append((key, label, unit, fmt, *ref))
    return cols


def _table(recs: list[dict]) -> str:
    e = html.escape
    ref_cols = _reference_columns(recs)
    head = "".join(f'<th class="mz-num">{label}</th>' for _, label, _, _ in INDEX_COLUMNS)
    head += "".join(f'<th class="mz-num mz-ref">{label} <span class="mz-unit">({e(unit)})</span>'
                    f'<br><strong>{year} 年</strong> <span class="mz-note">{have}/{n}</span></th>'
                    for _, label, unit, _, year, have, n in ref_cols)
    groups = f'<th colspan="{len(INDEX_COLUMNS)}">最新数字（各自年份）/ latest figures (own year)</th>'
    if ref_cols:
        groups += (f'<th colspan="{len(ref_cols)}" class="mz-ref">共同参考年份 / common reference '
                   'year <span class="mz-note">(n/m：该年有数值的地区 / 有该指标的地区 regions '
                   'with a value that year / with the series)</span></th>')
    rows = []
    for r in recs:
        hl = r["headline"]
        cells = "".join(f'<td class="mz-num">{_fmt(hl.get(k), f, hl.get(y) if y else None)}</td>'
                        for k, _, f, y in INDEX_COLUMNS)
        cells += "".join(f'<td class="mz-num mz-ref">{_fmt(r["by_year"].get(k, {}).get(year), f)}</td>'
                         for k, _, _, f, year, _, _ in ref_cols)
        variant = "" if r["stem"] == r["region"] else f' <span class="mz-note">({e(r["stem"])})</span>'
        name = (e(r["name"]) if r.get("status") == "no_data" else
                f'<a href="{e(r["html_rel"])}">{e(r["name"])}</a>')
        english = f'<br><span class="mz-note">{e(r["english"])}</span>' if r.get("english") else ""
        rows.append(f'<tr><td>{e(r["region"])}</td><td>{name}{variant}{english}</td>'
                    f'<td class="mz-status">{_status_cell(r)}</td>{cells}</tr>')
    return ('<div class="mz-scroll">\n<table class="mz-index">\n<thead><tr>'
            '<th rowspan="2">代码<br>code</th><th rowspan="2">地区<br>region</th>'
            '<th rowspan="2">数据<br>data status</th>'
            f"{groups}</tr>\n<tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table>\n</div>")


def write_index(out: Path) -> Path:
    """``<out>/index.html``: one row per recorded brief with status, headline figures, link.

    Regions are grouped (China with the provinces, prefectures, counties); each group's table
    adds the common-reference-year columns of :mod:`.refyear` when its sidecars carry
    ``by_year``.
    """
    e = html.escape
    recs = _records(out)
    for r in recs:
        r["by_year"] = refyear.parse_by_year(r["headline"].get("by_year"),
                                             where=r["html_rel"].removesuffix(".html") + ".json")
    css = (Path(__file__).resolve().parent / "templates" / "brief.css").read_text("utf-8")
    groups: dict[str, list[dict]] = {}
    for r in recs:
        groups.setdefault(refyear.group_of(r.get("level", "")), []).append(r)
    order = [label for label, _ in refyear.GROUPS]
    sections = []
    for label in sorted(groups, key=lambda g: (order.index(g) if g in order else len(order), g)):
        sections.append(f"<h2>{e(label)}</h2>\n{_table(groups[label])}")
    if any(r["by_year"] for r in recs):
        sections.append(f'<p class="mz-note">{e(refyear.RULE_TEXT)}</p>')
    n_fail = sum(r.get("status") not in ("ok", "no_data") for r in recs)
    n_empty = sum(r.get("status") == "no_data" for r in recs)
    summary = (f"{len(recs) - n_empty} 份简报 / briefs"
               + (f"，{n_fail} 份失败 / failed" if n_fail else "")
               + (f"；{n_empty} 个地区无数据，未生成 / regions without data, no page" if n_empty
                  else ""))
    page = f"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>民政社会救助简报 / Social assistance briefs</title>
<style>
{css}
body {{ display: block; max-width: 1480px; }}
</style>
</head>
<body>
<main class="mz-main">
<h1>民政社会救助简报 / Social assistance briefs</h1>
<p>{summary}. 数据来源见各简报 / sources are listed in each brief.</p>
{chr(10).join(sections)}
</main>
<footer class="mz-provenance"><p>mzanalysis {e(__version__)}</p></footer>
</body>
</html>
"""
    path = Path(out) / "index.html"
    atomic.write_text(path, page)
    return path

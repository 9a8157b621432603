"""A self-contained HTML report: each draft's text with its findings in place.

One file, no external requests (inline CSS and JS, no fonts, no CDN; a
Content-Security-Policy forbids loading anything). For each document:

- missing-clause (document-level) findings listed at the top of its section;
- its text, with every passage finding highlighted at its offsets
  (overlapping findings split the text into segments; each `<mark>` lists the
  findings covering it in `data-findings`);
- a side list (`<nav>`) of all findings, filterable by severity and pillar
  with plain checkboxes (keyboard-usable, labelled), each with its rule,
  message, location, guideline source and fix template id;
- a bar chart (inline SVG) of findings per pillar.

The page works without JavaScript (everything shown); the script only
applies the filters. Severity colours meet WCAG AA contrast (4.5:1).
"""

from __future__ import annotations

from collections import Counter
from html import escape

from pcsc_procure import __version__
from pcsc_procure.report.summary import severity_counts, where
from pcsc_procure.rules.model import SEVERITIES, SEVERITY_RANK

# Text colour, background: badges are white on a dark severity colour; marks are
# near-black text on a light tint. Both pairs are >= 4.5:1 (checked in tests).
BADGE = {"error": "#a4161a", "warning": "#7a4100", "info": "#0b4f8a"}
TINT = {"error": "#fde4e4", "warning": "#fdf0cf", "info": "#dcebfb"}
INK = "#1b1b1b"

CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
header{padding:1rem 1.5rem;border-bottom:1px solid #ccc;background:#f6f7f9}
header h1{margin:0 0 .25rem;font-size:1.4rem}
.layout{display:flex;align-items:flex-start}
nav{flex:0 0 24rem;max-width:40%;position:sticky;top:0;max-height:100vh;overflow:auto;padding:1rem;border-right:1px solid #ccc;background:#fafafa}
main{flex:1;min-width:0;padding:1rem 1.5rem}
fieldset{border:1px solid #bbb;border-radius:4px;margin:0 0 .75rem;padding:.4rem .75rem}
legend{font-weight:600}
fieldset label{display:inline-flex;align-items:center;gap:.3rem;margin:.15rem .75rem .15rem 0;cursor:pointer}
input[type=checkbox]:focus-visible,a:focus-visible,mark:focus{outline:3px solid #1a5fb4;outline-offset:2px}
.findings{list-style:none;margin:0;padding:0}
.findings li{border:1px solid #ddd;border-radius:4px;padding:.5rem .6rem;margin:0 0 .5rem;background:#fff}
.findings li[hidden],.missing li[hidden]{display:none}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.02em}
.badge.sev-error{background:@b_error@}.badge.sev-warning{background:@b_warning@}.badge.sev-info{background:@b_info@}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.meta{color:#444;font-size:.85rem;margin:.2rem 0 0}
.meta code{font-size:.85rem}
.doc-text{white-space:pre-wrap;word-wrap:break-word;font:14px/1.6 Georgia,"Times New Roman",serif;border:1px solid #ddd;border-radius:4px;padding:1rem;background:#fff}
mark{color:@ink@;border-bottom:2px solid transparent;padding:0 1px}
mark.sev-error{background:@t_error@;border-bottom-color:@b_error@}
mark.sev-warning{background:@t_warning@;border-bottom-color:@b_warning@}
mark.sev-info{background:@t_info@;border-bottom-color:@b_info@}
mark.off{background:transparent;border-bottom-color:transparent}
.ref{font:600 .7rem/1 ui-monospace,Menlo,Consolas,monospace;text-decoration:none;color:#1b1b1b;border:1px solid #888;border-radius:3px;padding:0 .2rem;margin-left:.15rem;vertical-align:super}
.ref[hidden]{display:none}
.page-break{display:block;text-align:center;color:#444;font:italic .8rem system-ui,sans-serif;border-top:1px dashed #999;margin:.5rem 0}
.missing{padding-left:1.2rem}
.missing li{margin:0 0 .4rem}
.file{margin:0 0 2rem}
.errors li{color:@b_error@}
.chart text{font:12px system-ui,sans-serif;fill:#1b1b1b}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
"""

SCRIPT = """
(function(){
  var rank={error:3,warning:2,info:1};
  var boxes=document.querySelectorAll('input[data-filter]');
  var items=document.querySelectorAll('[data-finding]');
  var marks=document.querySelectorAll('mark[data-findings]');
  var refs=document.querySelectorAll('a.ref[data-ref]');
  var count=document.getElementById('shown-count');
  var sevOf={};
  items.forEach(function(el){sevOf[el.getAttribute('data-finding')]=el.getAttribute('data-severity');});
  function checked(kind){var s={};document.querySelectorAll('input[data-filter='+kind+']').forEach(function(b){if(b.checked)s[b.value]=1;});return s;}
  function apply(){
    var sev=checked('severity'),pil=checked('pillar'),visible={},shown=0,total=0;
    items.forEach(function(el){
      var ok=!!(sev[el.getAttribute('data-severity')]&&pil[el.getAttribute('data-pillar')]);
      el.hidden=!ok;
      if(el.closest('nav')){total++;if(ok)shown++;}
      if(ok)visible[el.getAttribute('data-finding')]=1;
    });
    marks.forEach(function(m){
      var best=null;
      m.getAttribute('data-findings').split(' ').forEach(function(id){if(visible[id]&&(!best||rank[sevOf[id]]>rank[best]))best=sevOf[id];});
      m.className=best?'sev-'+best:'off';
    });
    refs.forEach(function(a){a.hidden=!visible[a.getAttribute('data-ref')];});
    if(count)count.textContent=shown+' of '+total+' findings shown';
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  apply();
})();
"""


def _item(f, fid: str, element_id: str, link: bool = True) -> str:
    """One finding as a list item; `data-finding` ties copies of it to its marks."""
    parts = [
        f'<li data-finding="{fid}" data-severity="{f.severity}" data-pillar="{escape(f.pillar)}" id="{element_id}">',
        f'<span class="badge sev-{f.severity}">{f.severity}</span> <span class="rule">{escape(f.rule)}</span> ',
        f"<span class=\"msg\">{escape(f.message)}</span>",
        f'<p class="meta">{escape(where(f, "whole document (missing clause)"))} · pillar: {escape(f.pillar)}</p>',
        f'<p class="meta">Source: {escape(f.source)}</p>',
    ]
    if f.fix:
        parts.append(f'<p class="meta">Fix template: <code>{escape(f.fix)}</code></p>')
    if link and f.scope == "passage" and f.start is not None:
        parts.append(f'<p class="meta"><a href="#{fid}">Show in text</a></p>')
    parts.append("</li>")
    return "".join(parts)


def _highlighted(text: str, spans: list[tuple[int, int, str, str]], page_starts: list[int] | None, rule_of: dict[str, str]) -> str:
    """The text with <mark>s; spans are (start, end, finding id, severity)."""
    n = len(text)
    spans = [(max(0, s), min(n, e), fid, sev) for s, e, fid, sev in spans if e > s]
    pages = {p: i + 1 for i, p in enumerate(page_starts or []) if i > 0}
    points = sorted({0, n, *(s for s, *_ in spans), *(e for _, e, *_ in spans), *pages})
    starts_at: dict[int, list[str]] = {}
    ends_at: dict[int, list[str]] = {}
    for s, e, fid, _ in spans:
        starts_at.setdefault(s, []).append(fid)
        ends_at.setdefault(e, []).append(fid)
    out: list[str] = []
    for a, b in zip(points, points[1:]):
        if a in pages:
            out.append(f'<span class="page-break" role="separator">page {pages[a]}</span>')
        covering = [(fid, sev) for s, e, fid, sev in spans if s <= a and b <= e]
        chunk = escape(text[a:b])
        if covering:
            ids = " ".join(fid for fid, _ in covering)
            best = max((sev for _, sev in covering), key=SEVERITY_RANK.get)
            anchor = "".join(f' id="{fid}"' for fid in starts_at.get(a, [])[:1])
            extra = "".join(f'<span id="{fid}"></span>' for fid in starts_at.get(a, [])[1:])
            out.append(f'{extra}<mark class="sev-{best}" data-findings="{ids}"{anchor} tabindex="-1">{chunk}</mark>')
        else:
            out.append(chunk)
        for fid in ends_at.get(b, []):
            rule = rule_of.get(fid, fid)
            out.append(f'<a class="ref" href="#item-{fid}" data-ref="{fid}" aria-label="finding {escape(rule)}">{escape(rule)}</a>')
    return "".join(out)


def _chart(results) -> str:
    counts = Counter(f.pillar for r in results for f in r.findings)
    if not counts:
        return '<p>No findings.</p>'
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = max(counts.values())
    bar_h, gap, label_w, width = 22, 8, 170, 560
    height = len(rows) * (bar_h + gap) + gap
    parts = [f'<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             '<title id="chart-title">Findings per pillar</title>',
             f'<desc id="chart-desc">{escape("; ".join(f"{p}: {n}" for p, n in rows))}</desc>']
    for i, (pillar, n) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = max(2, int((width - label_w - 50) * n / top))
        parts.append(f'<g data-pillar="{escape(pillar)}"><text x="{label_w - 8}" y="{y + bar_h * 0.7:.0f}" text-anchor="end">{escape(pillar)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="#3a5f8f"></rect>'
                     f'<text x="{label_w + w + 6}" y="{y + bar_h * 0.7:.0f}">{n}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(results, rules) -> str:
    counts = severity_counts(results)
    pillars = sorted({f.pillar for r in results for f in r.findings} | {x.pillar for x in rules})
    present_pillars = Counter(f.pillar for r in results for f in r.findings)
    ids = [[f"f{i}-{j}" for j in range(len(r.findings))] for i, r in enumerate(results)]
    rule_of = {fid: f.rule for i, r in enumerate(results) for f, fid in zip(r.findings, ids[i])}
    total = sum(counts.values())

    side = []
    for i, r in enumerate(results):
        for f, fid in zip(r.findings, ids[i]):
            side.append(_item(f, fid, f"item-{fid}"))
    sev_boxes = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> <span class="badge sev-{s}">{s}</span> ({counts[s]})</label>' for s in SEVERITIES
    )
    pil_boxes = "".join(
        f'<label><input type="checkbox" data-filter="pillar" value="{escape(p)}" checked> {escape(p)} ({present_pillars.get(p, 0)})</label>' for p in pillars
    )

    body = []
    unreadable = [r for r in results if r.error]
    if unreadable:
        body.append('<section aria-labelledby="errors-h"><h2 id="errors-h">Files that could not be read</h2><ul class="errors">')
        body += [f"<li>{escape(r.path)}: {escape(r.error)}</li>" for r in unreadable]
        body.append("</ul></section>")
    body.append(f'<section aria-labelledby="chart-h"><h2 id="chart-h">Findings per pillar</h2>{_chart(results)}</section>')
    for i, r in enumerate(results):
        if r.error:
            continue
        meta = r.doc_type or "unknown"
        if r.domains:
            meta += "; domains: " + ", ".join(r.domains)
        body.append(f'<section class="file" aria-labelledby="file-{i}-h"><h2 id="file-{i}-h">{escape(r.path)}</h2>')
        body.append(f'<p class="meta">{escape(meta)} · {len(r.findings)} finding{"s" if len(r.findings) != 1 else ""}</p>')
        for note in r.notes:
            body.append(f'<p class="meta">Note: {escape(note)}</p>')
        missing = [(f, fid) for f, fid in zip(r.findings, ids[i]) if f.scope == "document" or f.start is None]
        if missing:
            items = "".join(_item(f, fid, f"missing-{fid}", link=False) for f, fid in missing)
            body.append(f'<h3>Missing clauses</h3><ul class="missing">{items}</ul>')
        doc = r.document
        if doc is None:
            body.append("<p>(document text not available)</p>")
        else:
            spans = [(f.start, f.end, fid, f.severity) for f, fid in zip(r.findings, ids[i]) if f.scope == "passage" and f.start is not None and f.end is not None]
            body.append(f'<h3>Text</h3><div class="doc-text" lang="en">{_highlighted(doc.text, spans, doc.page_starts, rule_of)}</div>')
        body.append("</section>")

    summary = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITIES)
    css = CSS
    for key, value in {"ink": INK, **{f"b_{k}": v for k, v in BADGE.items()}, **{f"t_{k}": v for k, v in TINT.items()}}.items():
        css = css.replace(f"@{key}@", value)
    title = "pcsc-procure report" + (f": {results[0].path}" if len(results) == 1 else "")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="pcsc-procure {escape(__version__)}">',
        f"<title>{escape(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        f'<header><h1>{escape(title)}</h1><p>{total} finding{"s" if total != 1 else ""} ({summary}) in {len(results)} file{"s" if len(results) != 1 else ""}.</p></header>',
        '<div class="layout">',
        '<nav aria-labelledby="nav-h"><h2 id="nav-h">Findings</h2>',
        f'<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>',
        f'<fieldset><legend>Pillar</legend>{pil_boxes}</fieldset>',
        f'<p id="shown-count" aria-live="polite">{total} of {total} findings shown</p>',
        f'<ol class="findings">{"".join(side)}</ol>',
        "</nav>",
        f'<main id="main">{"".join(body)}</main>',
        "</div>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ])


def report(results, rules, **_options) -> str:
    return render_html(results, rules)

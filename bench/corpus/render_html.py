"""HTML+CSS layouts printed to PDF by headless Chromium: gdocs, datecol, sidebar.

gdocs: a Google-Docs-like single column (template "Serif"/"Coral" look: company and title in
bold, an upper-case date line under it). datecol: short entries (titles only, no bullets)
with their dates in a right-hand column, either as table rows (style "rows") or as two
separate column blocks aligned by line height (style "blocks"). sidebar: a narrow left
column of wrapped skill tags, education as "School | 2019" over a degree line,
certifications and languages; the main column holds experience and projects.
"""

from __future__ import annotations

import subprocess
import tempfile
from html import escape as h
from pathlib import Path

from common import edu_years, heading, skills_flat, span

CHROME = "chromium"


def _page(css: str, body: str) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        "@page{size:A4;margin:0}body{margin:0}"
        + css
        + "</style></head><body>"
        + body
        + "</body></html>"
    )


def gdocs(p: dict, style: str) -> str:
    """Return a Google-Docs-like single-column resume."""
    accent = "#e06666" if style == "coral" else "#000"
    css = (
        ".doc{padding:0.7in 0.8in;font-family:Arial,Helvetica,sans-serif;font-size:11pt;"
        "color:#333}"
        f"h1{{font-size:26pt;font-weight:400;margin:0 0 4pt;color:#000}}"
        f"h2{{font-size:11pt;color:{accent};letter-spacing:1px;text-transform:uppercase;"
        f"margin:16pt 0 6pt;font-weight:700}}"
        ".ent{margin:0 0 8pt}.t{font-weight:700;margin:0}.d{font-size:8pt;color:#666;"
        "text-transform:uppercase;margin:2pt 0}ul{margin:2pt 0 0 0;padding-left:18pt}p{margin:0}"
    )
    b = [f"<div class='doc'><h1>{h(p['name'])}</h1>"]
    b.append(f"<p>{h(p['location'])} · {h(p['phone'])} · {h(p['email'])}</p>")
    if p.get("summary"):
        b.append(f"<h2>{h(heading(p, 'summary'))}</h2><p>{h(p['summary'])}</p>")
    b.append(f"<h2>{h(heading(p, 'experience'))}</h2>")
    for j in p["jobs"]:
        loc = f", {h(j['location'])}" if j["location"] else ""
        b.append(
            f"<div class='ent'><p class='t'>{h(j['company'])}{loc} — <i>{h(j['position'])}</i></p>"
            f"<p class='d'>{h(span(j, 'month', ' - '))}</p>"
        )
        if j["bullets"]:
            b.append("<ul>" + "".join(f"<li>{h(x)}</li>" for x in j["bullets"]) + "</ul>")
        b.append("</div>")
    if p["education"]:
        b.append(f"<h2>{h(heading(p, 'education'))}</h2>")
        for e in p["education"]:
            b.append(
                f"<div class='ent'><p class='t'>{h(e['institution'])} — <i>{h(e['degree'])}</i></p>"
                f"<p class='d'>{h(edu_years(e))}</p></div>"
            )
    if p["projects"]:
        b.append(f"<h2>{h(heading(p, 'projects'))}</h2>")
        for pr in p["projects"]:
            desc = f" — {h(pr['desc'])}" if pr["desc"] else ""
            b.append(f"<p><b>{h(pr['name'])}</b>{desc}</p>")
    if p["certifications"]:
        b.append(f"<h2>{h(heading(p, 'certifications'))}</h2>")
        for c in p["certifications"]:
            extra = ", ".join(x for x in (c["issuer"], c["date"]) if x)
            b.append(f"<p>{h(c['name'])}{' (' + h(extra) + ')' if extra else ''}</p>")
    b.append(f"<h2>{h(heading(p, 'skills'))}</h2>")
    for g in p["skill_groups"]:
        lab = f"<b>{h(g['label'])}:</b> " if g["label"] else ""
        b.append(f"<p>{lab}{h(', '.join(g['items']))}</p>")
    if p["languages"]:
        b.append(f"<h2>{h(heading(p, 'languages'))}</h2><p>{h(', '.join(p['languages']))}</p>")
    b.append("</div>")
    return _page(css, "".join(b))


def _dated_rows(rows: list[tuple[str, str, str]], style: str) -> str:
    """Return entries with dates in a right-hand column: table rows or two column blocks."""
    if style == "rows":
        return (
            "<table class='dc'>"
            + "".join(
                f"<tr><td>{t}{', ' + s if s else ''}</td><td class='r'>{h(d)}</td></tr>"
                for t, s, d in rows
            )
            + "</table>"
        )
    # Each entry is two lines (title over a smaller second line); its date, in a separate
    # block, is centred between them, so no baseline of the two columns matches.
    left = "".join(
        f"<div class='ent'><div class='ln'>{t}</div><div class='sub'>{s}</div></div>"
        for t, s, _ in rows
    )
    right = "".join(f"<div class='ent'><div class='ln r'>{h(d)}</div></div>" for _, _, d in rows)
    return f"<div class='cols'><div class='lc'>{left}</div><div class='rc'>{right}</div></div>"


def datecol(p: dict, style: str) -> str:
    """Return a resume whose short entries carry their dates in a right-hand column."""
    css = (
        ".doc{padding:0.6in 0.7in;font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;color:#222}"
        "h1{font-size:20pt;margin:0}h2{font-size:10.5pt;border-bottom:1px solid #999;"
        "margin:12pt 0 4pt;text-transform:uppercase}.dc{width:100%;border-collapse:collapse}"
        ".dc td{padding:1pt 0;vertical-align:top}.r{text-align:right;white-space:nowrap;color:#555}"
        ".cols{display:flex}.lc{flex:1}.rc{width:1.6in}.rc .ln{padding-top:6pt}.ent{height:27pt}"
        ".ln{line-height:15pt;"
        "white-space:nowrap}.sub{font-size:8pt;color:#555;line-height:11pt}p{margin:2pt 0}"
    )
    b = [f"<div class='doc'><h1>{h(p['name'])}</h1><p>{h(p['title'])}</p>"]
    b.append(f"<p>{h(p['email'])} | {h(p['phone'])} | {h(p['location'])}</p>")
    b.append(f"<h2>{h(heading(p, 'experience'))}</h2>")
    rows = [(f"<b>{h(j['position'])}</b>", h(j["company"]), span(j, "mon")) for j in p["jobs"]]
    b.append(_dated_rows(rows, style))
    if p["education"]:
        b.append(f"<h2>{h(heading(p, 'education'))}</h2>")
        rows = [
            (f"<b>{h(e['institution'])}</b>", h(e["degree"]), edu_years(e)) for e in p["education"]
        ]
        b.append(_dated_rows(rows, style))
    if p["certifications"]:
        b.append(f"<h2>{h(heading(p, 'certifications'))}</h2>")
        rows = [(h(c["name"]), h(c["issuer"]), c["date"]) for c in p["certifications"]]
        b.append(_dated_rows(rows, style))
    if p["projects"]:
        b.append(f"<h2>{h(heading(p, 'projects'))}</h2>")
        for pr in p["projects"]:
            b.append(f"<p><b>{h(pr['name'])}</b>{(': ' + h(pr['desc'])) if pr['desc'] else ''}</p>")
    b.append(f"<h2>{h(heading(p, 'skills'))}</h2><p>{h(' · '.join(skills_flat(p)))}</p>")
    if p["languages"]:
        b.append(f"<h2>{h(heading(p, 'languages'))}</h2><p>{h(', '.join(p['languages']))}</p>")
    b.append("</div>")
    return _page(css, "".join(b))


def sidebar(p: dict, style: str) -> str:
    """Return a two-column resume with a narrow sidebar of wrapped skill tags."""
    # Narrow enough that a long tag ("C (Programming Language)") wraps inside itself.
    side_w = "1.45in" if style == "narrow" else "2.1in"
    css = (
        "body{font-family:'DejaVu Sans',sans-serif;font-size:9pt;color:#222}"
        f".wrap{{display:flex;min-height:297mm}}.side{{width:{side_w};background:#203040;color:#eee;"
        "padding:0.45in 0.2in}.main{flex:1;padding:0.45in 0.4in}"
        "h1{font-size:19pt;margin:0}h2{font-size:10pt;text-transform:uppercase;letter-spacing:2px;"
        "margin:14pt 0 5pt}.side h2{color:#9cf}.tag{display:inline-block;border:1px solid #9cf;"
        "border-radius:3px;padding:1pt 3pt;margin:0 2pt 3pt 0;font-size:8pt;max-width:100%}"
        ".ed{margin:0 0 6pt}.ed b{display:block}.job{margin:0 0 8pt}.jt{font-weight:700}"
        ".jd{color:#666;font-size:8pt}ul{margin:2pt 0;padding-left:14pt}p{margin:1pt 0}"
    )
    s = [f"<div class='side'><h2>{h(heading(p, 'skills'))}</h2>"]
    for g in p["skill_groups"]:
        if g["label"]:
            s.append(f"<p><b>{h(g['label'])}</b></p>")
        s.append(
            "<div>" + "".join(f"<span class='tag'>{h(x)}</span>" for x in g["items"]) + "</div>"
        )
    if p["education"]:
        s.append(f"<h2>{h(heading(p, 'education'))}</h2>")
        for e in p["education"]:
            s.append(
                f"<div class='ed'><b>{h(e['institution'])} | {h(e['end'])}</b>"
                f"{h(e['degree'])}</div>"
            )
    if p["certifications"]:
        s.append(f"<h2>{h(heading(p, 'certifications'))}</h2>")
        s.extend(f"<p>{h(c['name'])}</p>" for c in p["certifications"])
    if p["languages"]:
        s.append(f"<h2>{h(heading(p, 'languages'))}</h2>")
        s.extend(f"<p>{h(x)}</p>" for x in p["languages"])
    s.append("</div>")
    m = [f"<div class='main'><h1>{h(p['name'])}</h1><p>{h(p['title'])}</p>"]
    m.append(f"<p>{h(p['email'])} · {h(p['phone'])} · {h(p['location'])}</p>")
    if p.get("summary"):
        m.append(f"<h2>{h(heading(p, 'summary'))}</h2><p>{h(p['summary'])}</p>")
    m.append(f"<h2>{h(heading(p, 'experience'))}</h2>")
    for j in p["jobs"]:
        m.append(
            f"<div class='job'><div class='jt'>{h(j['position'])}</div><div>{h(j['company'])}"
            f"</div><div class='jd'>{h(span(j, 'num/'))}</div>"
        )
        if j["bullets"]:
            m.append("<ul>" + "".join(f"<li>{h(x)}</li>" for x in j["bullets"]) + "</ul>")
        m.append("</div>")
    if p["projects"]:
        m.append(f"<h2>{h(heading(p, 'projects'))}</h2>")
        for pr in p["projects"]:
            m.append(
                f"<p><b>{h(pr['name'])}</b></p>" + (f"<p>{h(pr['desc'])}</p>" if pr["desc"] else "")
            )
    m.append("</div>")
    return _page(css, "<div class='wrap'>" + "".join(s) + "".join(m) + "</div>")


LAYOUTS = {"gdocs": gdocs, "datecol": datecol, "sidebar": sidebar}


def render(p: dict, family: str, style: str, out: Path) -> None:
    """Print one person through one HTML layout to out (a .pdf)."""
    html = LAYOUTS[family](p, style)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "r.html"
        src.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                CHROME,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={tmp}/prof",
                f"--print-to-pdf={out}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )

"""LaTeX layouts compiled by pdflatex: moderncv (styles), europecv, article, twopage.

moderncv: the class's cventry (dates in a left column) in the given style (classic, banking,
casual, oldstyle). europecv: the Europass CV class (labels such as "Dates" in a left column).
article: the common one-page article-class resume (company and dates on one line by a
tabular* with a right-aligned date column, skills as "Category: a, b"). twopage: an article
resume set large enough to run to two pages, with a running header and a footer page number
("Page 1 of 2", or "1/2" in style "slash").
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from common import HERE, edu_years, heading, span

_ESC = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "–": "--",
    "—": "---",
    "|": r"\textbar{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}


def t(s: str) -> str:
    """Return text escaped for LaTeX."""
    return "".join(_ESC.get(c, c) for c in s)


PREAMBLE_COMMON = (
    "\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{lmodern}\n"
    # No hyphenation: a skill split "Kuber-netes" by TeX would be a test of TeX, not the parser.
    "\\hyphenpenalty=10000\\exhyphenpenalty=10000\n"
)


def _tail(pr: dict, sep: str) -> str:
    return sep + t(pr["desc"]) if pr["desc"] else ""


def _dates(j: dict) -> str:
    return t(span(j, "num/", "--"))


def moderncv(p: dict, style: str) -> str:
    """Return a moderncv source in the given style."""
    first, _, last = p["name"].partition(" ")
    s = [
        f"\\documentclass[11pt,a4paper,sans]{{moderncv}}\n\\moderncvstyle{{{style}}}\n"
        f"\\moderncvcolor{{{'blue' if style != 'banking' else 'black'}}}\n",
        PREAMBLE_COMMON,
        "\\usepackage[scale=0.8]{geometry}\n\\setlength{\\hintscolumnwidth}{3.4cm}\n",
        f"\\name{{{t(first)}}}{{{t(last)}}}\n\\title{{{t(p['title'])}}}\n",
        f"\\address{{{t(p['location'])}}}{{}}{{}}\n\\phone[mobile]{{{t(p['phone'])}}}\n",
        f"\\email{{{t(p['email'])}}}\n\\begin{{document}}\n\\makecvtitle\n",
    ]
    if p.get("summary"):
        s.append(f"\\section{{{t(heading(p, 'summary'))}}}\n\\cvitem{{}}{{{t(p['summary'])}}}\n")
    s.append(f"\\section{{{t(heading(p, 'experience'))}}}\n")
    for j in p["jobs"]:
        desc = ""
        if j["bullets"]:
            desc = (
                "\\begin{itemize}"
                + "".join(f"\\item {t(b)}" for b in j["bullets"])
                + "\\end{itemize}"
            )
        s.append(
            f"\\cventry{{{_dates(j)}}}{{{t(j['position'])}}}{{{t(j['company'])}}}"
            f"{{{t(j['location'])}}}{{}}{{{desc}}}\n"
        )
    if p["education"]:
        s.append(f"\\section{{{t(heading(p, 'education'))}}}\n")
        for e in p["education"]:
            s.append(
                f"\\cventry{{{t(edu_years(e))}}}{{{t(e['degree'])}}}{{{t(e['institution'])}}}{{}}{{}}{{}}\n"
            )
    s.append(f"\\section{{{t(heading(p, 'skills'))}}}\n")
    for g in p["skill_groups"]:
        s.append(f"\\cvitem{{{t(g['label'] or '')}}}{{{t(', '.join(g['items']))}}}\n")
    if p["projects"]:
        s.append(f"\\section{{{t(heading(p, 'projects'))}}}\n")
        for pr in p["projects"]:
            s.append(f"\\cvitem{{}}{{\\textbf{{{t(pr['name'])}}}{_tail(pr, ' -- ')}}}\n")
    if p["certifications"]:
        s.append(f"\\section{{{t(heading(p, 'certifications'))}}}\n")
        for c in p["certifications"]:
            s.append(f"\\cvitem{{{t(c['date'])}}}{{{t(c['name'])}}}\n")
    if p["languages"]:
        s.append(
            f"\\section{{{t(heading(p, 'languages'))}}}\n"
            f"\\cvitem{{}}{{{t(', '.join(p['languages']))}}}\n"
        )
    s.append("\\end{document}\n")
    return "".join(s)


def europecv(p: dict, style: str) -> str:
    """Return a europecv (Europass) source."""
    first, _, last = p["name"].partition(" ")
    s = [
        "\\documentclass[english,a4paper,nologo,notitle]{europecv}\n",
        PREAMBLE_COMMON,
        "\\usepackage[english]{babel}\n\\usepackage[margin=1.6cm]{geometry}\n\\usepackage{hyperref}\n",
        f"\\ecvname{{{t(last)}, {t(first)}}}\n\\ecvaddress{{{t(p['location'])}}}\n",
        f"\\ecvtelephone{{{t(p['phone'])}}}\n\\ecvemail{{{t(p['email'])}}}\n",
        "\\begin{document}\n\\begin{europecv}\n\\ecvpersonalinfo\n",
    ]
    s.append(f"\\ecvsection{{{t(heading(p, 'experience'))}}}\n")
    for j in p["jobs"]:
        s.append(f"\\ecvitem{{\\large\\textbf{{{t(span(j, 'mon', '--'))}}}}}{{}}\n")
        s.append(f"\\ecvitem{{Occupation or position held}}{{{t(j['position'])}}}\n")
        if j["bullets"]:
            s.append(f"\\ecvitem{{Main activities}}{{{t(' '.join(j['bullets']))}}}\n")
        s.append(f"\\ecvitem{{Name of employer}}{{{t(j['company'])}}}\n\\ecvitem{{}}{{}}\n")
    if p["education"]:
        s.append("\\ecvsection{Education and training}\n")
        for e in p["education"]:
            s.append(f"\\ecvitem{{\\large\\textbf{{{t(edu_years(e))}}}}}{{}}\n")
            s.append(f"\\ecvitem{{Title of qualification awarded}}{{{t(e['degree'])}}}\n")
            s.append(
                f"\\ecvitem{{Name of organisation}}{{{t(e['institution'])}}}\n\\ecvitem{{}}{{}}\n"
            )
    s.append("\\ecvsection{Personal skills and competences}\n")
    if p["languages"]:
        s.append(f"\\ecvitem{{Languages}}{{{t(', '.join(p['languages']))}}}\n")
    for g in p["skill_groups"]:
        s.append(
            f"\\ecvitem{{{t(g['label'] or 'Technical skills')}}}{{{t(', '.join(g['items']))}}}\n"
        )
    if p["certifications"]:
        s.append(f"\\ecvsection{{{t(heading(p, 'certifications'))}}}\n")
        for c in p["certifications"]:
            s.append(f"\\ecvitem{{{t(c['date'])}}}{{{t(c['name'])}}}\n")
    if p["projects"]:
        s.append(f"\\ecvsection{{{t(heading(p, 'projects'))}}}\n")
        for pr in p["projects"]:
            s.append(f"\\ecvitem{{{t(pr['name'])}}}{{{t(pr['desc'])}}}\n")
    s.append("\\end{europecv}\n\\end{document}\n")
    return "".join(s)


def _article_head(size: str, extra: str = "") -> str:
    return (
        f"\\documentclass[letterpaper,{size}]{{article}}\n"
        + PREAMBLE_COMMON
        + "\\usepackage[margin=0.6in]{geometry}\n\\usepackage{titlesec}\n\\usepackage{enumitem}\n"
        "\\pagestyle{empty}\n\\setlength{\\parindent}{0pt}\n"
        "\\titleformat{\\section}{\\scshape\\large}{}{0em}{}[\\titlerule]\n"
        "\\titlespacing{\\section}{0pt}{8pt}{4pt}\n"
        "\\newcommand{\\sub}[4]{\\begin{tabular*}{\\textwidth}[t]{l@{\\extracolsep{\\fill}}r}"
        "\\textbf{#1} & #2 \\\\ \\textit{\\small #3} & \\textit{\\small #4}\\end{tabular*}\\par}\n"
        + extra
        + "\\begin{document}\n"
    )


def _article_body(p: dict, big: bool) -> str:
    s = [
        f"\\begin{{center}}{{\\Huge\\scshape {t(p['name'])}}}\\\\[2pt]"
        f"\\small {t(p['phone'])} $|$ {t(p['email'])} $|$ {t(p['location'])}\\end{{center}}\n"
    ]
    if big and p.get("summary"):
        s.append(f"\\section{{{t(heading(p, 'summary'))}}}\n{t(p['summary'])}\n")
    if p["education"]:
        s.append(f"\\section{{{t(heading(p, 'education'))}}}\n")
        for e in p["education"]:
            s.append(
                f"\\sub{{{t(e['institution'])}}}{{}}{{{t(e['degree'])}}}{{{t(edu_years(e))}}}\n"
            )
    s.append(f"\\section{{{t(heading(p, 'experience'))}}}\n")
    for j in p["jobs"]:
        s.append(
            f"\\sub{{{t(j['position'])}}}{{{t(span(j, 'mon.', ' -- '))}}}{{{t(j['company'])}}}"
            f"{{{t(j['location'])}}}\n"
        )
        if j["bullets"]:
            s.append(
                "\\begin{itemize}[leftmargin=0.2in,itemsep="
                + ("3pt" if big else "0pt")
                + "]"
                + "".join(f"\\item {t(b)}" for b in j["bullets"])
                + "\\end{itemize}\n"
            )
        s.append("\\vspace{" + ("8pt" if big else "2pt") + "}\n")
    if p["projects"]:
        s.append(f"\\section{{{t(heading(p, 'projects'))}}}\n")
        for pr in p["projects"]:
            s.append(f"\\textbf{{{t(pr['name'])}}}{_tail(pr, ' $|$ ')}\\\\\n")
    if p["certifications"]:
        s.append(f"\\section{{{t(heading(p, 'certifications'))}}}\n")
        s.append(
            "\\begin{itemize}[leftmargin=0.2in,itemsep=0pt]"
            + "".join(f"\\item {t(c['name'])}" for c in p["certifications"])
            + "\\end{itemize}\n"
        )
    s.append(f"\\section{{{t(heading(p, 'skills'))}}}\n")
    for g in p["skill_groups"]:
        lab = f"\\textbf{{{t(g['label'])}}}: " if g["label"] else ""
        s.append(f"{lab}{t(', '.join(g['items']))}\\\\\n")
    if p["languages"]:
        s.append(f"\\section{{{t(heading(p, 'languages'))}}}\n{t(', '.join(p['languages']))}\n")
    s.append("\\end{document}\n")
    return "".join(s)


def article(p: dict, style: str) -> str:
    """Return the common one-page article-class resume."""
    return _article_head("10pt" if style == "compact" else "11pt") + _article_body(p, big=False)


def twopage(p: dict, style: str) -> str:
    """Return an article resume with a running header and page-number footers."""
    num = (
        "\\thepage/\\pageref{LastPage}"
        if style == "slash"
        else "Page \\thepage\\ of \\pageref{LastPage}"
    )
    extra = (
        "\\usepackage{lastpage}\n\\usepackage{fancyhdr}\n"
        f"\\fancypagestyle{{cv}}{{\\fancyhf{{}}\\lhead{{\\small {t(p['name'])}}}"
        f"\\rhead{{\\small Curriculum Vitae}}\\cfoot{{\\small {num}}}}}\n"
        "\\AtBeginDocument{\\pagestyle{cv}\\thispagestyle{cv}}\n\\linespread{1.3}\n"
    )
    head = _article_head("12pt", extra).replace("\\pagestyle{empty}\n", "")
    body = _article_body(p, big=True).replace(
        "{\\Huge\\scshape", "\\thispagestyle{cv}{\\Huge\\scshape"
    )
    return head + body


LAYOUTS = {"moderncv": moderncv, "europecv": europecv, "article": article, "twopage-tex": twopage}


def render(p: dict, family: str, style: str, out: Path) -> None:
    """Compile one person through one LaTeX layout to out (a .pdf); twice, for LastPage."""
    src = LAYOUTS[family](p, style)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "r.tex").write_text(src, encoding="utf-8")
        for _ in range(2 if family == "twopage-tex" else 1):
            r = subprocess.run(
                ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "r.tex"],
                cwd=tmp,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=180,
                env={**os.environ, "TEXINPUTS": f"{HERE / 'tex'}:"},
            )
            if r.returncode:
                raise RuntimeError(f"pdflatex failed for {p['id']} {family}: {r.stdout[-1500:]}")
        shutil.copy(Path(tmp) / "r.pdf", out)

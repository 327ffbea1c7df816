"""The progress report as a PDF (reportlab): name, latest job fit, mastery with trends, sessions.

render_report() works on plain data (ReportData) and knows nothing of the database;
services/progress.py gathers that data for a user.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

# DejaVu Sans covers most alphabets a name is written in; reportlab's bundled Vera (Latin) is
# the fallback where the system has no DejaVu. Standard PDF fonts would drop anything beyond
# Latin-1. Characters the main font lacks (Chinese, Japanese, Korean) are drawn with a system
# CJK font when one is installed, else with the PDF standard's Asian CID fonts (never an error).
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_FONT_CHOICES = (
    (_DEJAVU / "DejaVuSans.ttf", _DEJAVU / "DejaVuSans-Bold.ttf"),
    (
        Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
        Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf",
    ),
)
_EXTRA_FONTS = (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),)
FONT, FONT_BOLD = "ReportSans", "ReportSans-Bold"

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
RULE = colors.HexColor("#cbd2d9")
ACCENT = colors.HexColor("#2563eb")
GOOD = colors.HexColor("#15803d")
BAD = colors.HexColor("#b91c1c")
STRIPE = colors.HexColor("#f5f7fa")

TREND_MARK = {"improving": "▲", "declining": "▼", "steady": "▶", "new": "•"}
TREND_COLOUR = {"improving": GOOD, "declining": BAD, "steady": MUTED, "new": MUTED}
# A report lists at most this many topics and sessions: it is a summary, not an export.
MAX_TOPICS = 60
MAX_SESSIONS = 10
MAX_SKILLS = 12


@dataclass(frozen=True)
class MasteryRow:
    """One practised or planned topic, as the report shows it."""

    topic: str  # display name
    level: float
    attempts: int
    trend: str  # improving, declining, steady or new
    recent: tuple[float, ...] = ()  # the last scores, oldest first
    difficulty: str = "entry"
    last_practiced: datetime | None = None
    due: datetime | None = None


@dataclass(frozen=True)
class SessionRow:
    """One practice session, as the report shows it."""

    kind: str
    created_at: datetime
    questions: int
    answered: int
    mean_score: float | None = None
    finished: bool = False


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, as plain data."""

    username: str
    full_name: str | None
    generated_at: datetime
    fit: dict | None = None  # job_fit_analysis of the latest upload, if any
    fit_date: datetime | None = None
    mastery: list[MasteryRow] = field(default_factory=list)
    sessions: list[SessionRow] = field(default_factory=list)


# Filled once by _register_fonts: the main font's characters, and the extra fonts' names and
# characters.
_main_chars: set[int] = set()
_extra: list[tuple[str, frozenset[int]]] = []


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for regular, bold in _FONT_CHOICES:
        if regular.is_file() and bold.is_file():
            main = TTFont(FONT, str(regular))
            pdfmetrics.registerFont(main)
            pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
            _main_chars.update(main.face.charToGlyph)
            break
    # <b> in a paragraph picks the family's bold face.
    for bold, italic, name in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT, bold, italic, name)
    for i, path in enumerate(_EXTRA_FONTS):
        if path.is_file():
            font = TTFont(f"ReportExtra{i}", str(path), subfontIndex=0)
            pdfmetrics.registerFont(font)
            _extra.append((font.fontName, frozenset(font.face.charToGlyph)))


# Without a system CJK font, the standard Asian CID fonts of the PDF format stand in: nothing
# is embedded (readers bring their Asian font packs) and the text stays extractable Unicode.
_CID_FONTS = (
    ("HYSMyeongJo-Medium", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))),
    ("HeiseiMin-W3", ((0x3040, 0x30FF), (0x31F0, 0x31FF))),
    (
        "STSong-Light",
        ((0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF)),
    ),
)


def _cid_font_for(code: int) -> str | None:
    for name, ranges in _CID_FONTS:
        if any(low <= code <= high for low, high in ranges):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(UnicodeCIDFont(name))
            return name
    return None


def _font_for(ch: str) -> str | None:
    if ord(ch) in _main_chars or ch.isspace():
        return None
    extra = next((name for name, chars in _extra if ord(ch) in chars), None)
    return extra or _cid_font_for(ord(ch))


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, textColor=INK)
    return {
        "body": base,
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED, fontSize=8.5, leading=11),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=20, leading=24),
        "name": ParagraphStyle("name", parent=base, fontSize=13, leading=17, textColor=MUTED),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
            textColor=ACCENT,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
        "num": ParagraphStyle("num", parent=base, fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
    }


def _text(value: object) -> str:
    """Escape user text for paragraph markup; drop what cannot be drawn; pick fonts per script."""
    chars = [ch for ch in str(value) if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF]
    out: list[str] = []
    run: list[str] = []
    run_font: str | None = None
    for ch in chars + [""]:
        font = _font_for(ch) if ch else None
        if (font != run_font or not ch) and run:
            piece = escape("".join(run))
            out.append(f'<font name="{run_font}">{piece}</font>' if run_font else piece)
            run = []
        run_font = font
        run.append(ch)
    return "".join(out)


def _pct(value: object) -> str:
    try:
        return f"{round(float(value) * 100)}%"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "-"


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else "-"


def sparkline(scores: tuple[float, ...] | list[float], width: float = 18 * mm) -> Drawing:
    """Draw the recent scores as a small line on a 0-1 band (one dot for a single score)."""
    height = 5 * mm
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=STRIPE, strokeColor=None))
    d.add(Line(0, height / 2, width, height / 2, strokeColor=RULE, strokeWidth=0.4))
    values = [min(1.0, max(0.0, float(v))) for v in scores]
    if not values:
        return d
    pad = 1.2
    step = (width - 2 * pad) / max(1, len(values) - 1)
    points: list[float] = []
    for i, v in enumerate(values):
        points += [pad + i * step, pad + v * (height - 2 * pad)]
    if len(values) > 1:
        d.add(PolyLine(points, strokeColor=ACCENT, strokeWidth=1))
    # The newest score is marked, so a single attempt still shows.
    d.add(Circle(points[-2], points[-1], 1.1, fillColor=ACCENT, strokeColor=None))
    return d


def _level_bar(level: float, width: float = 15 * mm) -> Drawing:
    height = 3 * mm
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=STRIPE, strokeColor=RULE, strokeWidth=0.3))
    level = min(1.0, max(0.0, level))
    colour = GOOD if level >= 0.7 else (BAD if level < 0.4 else ACCENT)
    if level > 0:
        d.add(Rect(0, 0, width * level, height, fillColor=colour, strokeColor=None))
    return d


def _table(rows: list[list], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("BACKGROUND", (0, i), (-1, i), STRIPE) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(style))
    return table


def _fit_section(data: ReportData, s: dict[str, ParagraphStyle]) -> list:
    out: list = [Paragraph("Latest job fit", s["h2"])]
    fit = data.fit
    if not fit:
        return out + [
            Paragraph("No resume uploaded yet: upload one to see your job fit.", s["muted"])
        ]
    figures = [
        ("Overall", _pct(fit.get("overall_score"))),
        ("Semantic", _pct(fit.get("semantic_score"))),
        ("Skills matched", _pct(fit.get("keyword_score"))),
        ("Experience", _text(fit.get("experience_fit") or "-")),
    ]
    head = [Paragraph(k, s["head"]) for k, _ in figures]
    values = [Paragraph(v, s["body"]) for _, v in figures]
    out.append(_table([head, values], [45 * mm] * 4))
    out.append(Spacer(1, 4))
    for label, key in (
        ("Matching skills", "matching_skills"),
        ("Missing skills", "missing_skills"),
    ):
        names = [str(x) for x in (fit.get(key) or [])]
        more = f" (+{len(names) - MAX_SKILLS} more)" if len(names) > MAX_SKILLS else ""
        shown = ", ".join(_text(x) for x in names[:MAX_SKILLS]) or "none"
        out.append(Paragraph(f"<b>{label}:</b> {shown}{more}", s["body"]))
    if data.fit_date:
        out.append(Paragraph(f"Resume analysed on {_day(data.fit_date)}.", s["muted"]))
    return out


def _mastery_section(data: ReportData, s: dict[str, ParagraphStyle]) -> list:
    out: list = [Paragraph("Mastery by topic", s["h2"])]
    if not data.mastery:
        return [*out, Paragraph("No topics yet: upload a resume or answer a question.", s["muted"])]
    practised = [m for m in data.mastery if m.attempts]
    planned = [m for m in data.mastery if not m.attempts]
    if practised:
        out.append(_mastery_table(practised[:MAX_TOPICS], s))
        if len(practised) > MAX_TOPICS:
            hidden = len(practised) - MAX_TOPICS
            out.append(Paragraph(f"{hidden} more practised topics not shown.", s["muted"]))
    else:
        out.append(Paragraph("No topic practised yet.", s["muted"]))
    if planned:
        # Topics seeded from the resume and the job but never practised: one line, not rows.
        names = ", ".join(_text(m.topic) for m in planned[:MAX_TOPICS])
        more = f" and {len(planned) - MAX_TOPICS} more" if len(planned) > MAX_TOPICS else ""
        out.append(Spacer(1, 4))
        out.append(
            Paragraph(f"<b>Not practised yet ({len(planned)}):</b> {names}{more}.", s["body"])
        )
    return out


def _mastery_table(rows_in: list[MasteryRow], s: dict[str, ParagraphStyle]) -> Table:
    names = ["Topic", "Level", "", "Tries", "Difficulty", "Trend", "Recent", "Practised", "Due"]
    rows: list[list] = [[Paragraph(n, s["head"]) for n in names]]
    for m in rows_in:
        mark = TREND_MARK.get(m.trend, "•")
        colour = TREND_COLOUR.get(m.trend, MUTED).hexval()[2:]
        rows.append(
            [
                Paragraph(_text(m.topic), s["cell"]),
                Paragraph(_pct(m.level), s["num"]),
                _level_bar(m.level),
                Paragraph(str(m.attempts), s["num"]),
                Paragraph(_text(m.difficulty), s["cell"]),
                Paragraph(f'<font color="#{colour}">{mark}</font> {_text(m.trend)}', s["cell"]),
                sparkline(m.recent),
                Paragraph(_day(m.last_practiced), s["cell"]),
                Paragraph(_day(m.due), s["cell"]),
            ]
        )
    widths = [36, 11, 18, 11, 18, 22, 22, 21, 21]  # mm: the 180 between the margins
    table = _table(rows, [w * mm for w in widths])
    table.setStyle(TableStyle([("SPAN", (1, 0), (2, 0))]))  # "Level" heads figure and bar
    return table


def _sessions_section(data: ReportData, s: dict[str, ParagraphStyle]) -> list:
    out: list = [Paragraph("Recent sessions", s["h2"])]
    if not data.sessions:
        return out + [Paragraph("No practice sessions yet.", s["muted"])]
    names = ["Started", "Kind", "Answered", "Mean score", "Status"]
    rows: list[list] = [[Paragraph(n, s["head"]) for n in names]]
    for row in data.sessions[:MAX_SESSIONS]:
        rows.append(
            [
                Paragraph(row.created_at.strftime("%Y-%m-%d %H:%M"), s["cell"]),
                Paragraph(_text(row.kind), s["cell"]),
                Paragraph(f"{row.answered} of {row.questions}", s["num"]),
                Paragraph(_pct(row.mean_score) if row.mean_score is not None else "-", s["num"]),
                Paragraph("finished" if row.finished else "open", s["cell"]),
            ]
        )
    out.append(_table(rows, [w * mm for w in (45, 45, 30, 30, 30)]))
    return out


def render_report(data: ReportData) -> bytes:
    """Render the progress report as PDF bytes; the same data gives the same bytes."""
    _register_fonts()
    s = _styles()
    buffer = io.BytesIO()
    name = (data.full_name or "").strip() or data.username
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title="Interview practice progress report",
        author="Interview prep",
        # Fixed ids and dates in the file: the same report is the same bytes.
        invariant=1,
    )
    story: list = [
        Paragraph("Interview practice progress", s["title"]),
        Paragraph(_text(name), s["name"]),
        Paragraph(
            f"@{_text(data.username)} · generated "
            f"{data.generated_at.strftime('%Y-%m-%d %H:%M')} UTC",
            s["muted"],
        ),
        Spacer(1, 6),
    ]
    story += _fit_section(data, s)
    story += _mastery_section(data, s)
    story += _sessions_section(data, s)

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, f"page {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()

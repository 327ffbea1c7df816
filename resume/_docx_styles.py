"""What a DOCX paragraph looks like: font size, weight and indent, from direct formatting and
the style chain (paragraph style, character style, document defaults)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_VAL = f"{{{W}}}val"
# Word's own default when the document names no size: 10 pt (sz is in half-points).
DEFAULT_SIZE = 10.0
# Style chains are short; a loop in basedOn (hostile or broken) stops here.
MAX_CHAIN = 20


@dataclass
class RunStyle:
    """Size in points (0 when not set) and weight (None when not set) of a style or run."""

    size: float = 0.0
    bold: bool | None = None


def _on(el: etree._Element | None) -> bool | None:
    """Read a toggle property (w:b): present means on unless its value says off."""
    if el is None:
        return None
    return el.get(_VAL, "true").lower() not in ("0", "false", "off", "none")


def _rpr_style(rpr: etree._Element | None) -> RunStyle:
    """Read size and weight from a w:rPr element."""
    if rpr is None:
        return RunStyle()
    sz = rpr.find(f"{{{W}}}sz")
    size = 0.0
    if sz is not None:
        try:
            size = float(sz.get(_VAL, "0")) / 2
        except ValueError:
            size = 0.0
    return RunStyle(size if 0 < size < 400 else 0.0, _on(rpr.find(f"{{{W}}}b")))


class Styles:
    """Resolve a style id to its effective size and weight, following basedOn."""

    def __init__(self, root: etree._Element | None) -> None:
        self._own: dict[str, tuple[RunStyle, str | None]] = {}
        self.default = RunStyle(DEFAULT_SIZE, False)
        if root is None:
            return
        d = root.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
        dflt = _rpr_style(d)
        self.default = RunStyle(dflt.size or DEFAULT_SIZE, bool(dflt.bold))
        for st in root.iter(f"{{{W}}}style"):
            sid = st.get(f"{{{W}}}styleId")
            if not sid:
                continue
            based = st.find(f"{{{W}}}basedOn")
            self._own[sid] = (
                _rpr_style(st.find(f"{{{W}}}rPr")),
                based.get(_VAL) if based is not None else None,
            )

    def resolve(self, sid: str | None) -> RunStyle:
        """Return a style's size and weight, unset parts taken from the styles it is based on."""
        out = RunStyle()
        seen = 0
        while sid and sid in self._own and seen < MAX_CHAIN:
            own, sid = self._own[sid]
            out.size = out.size or own.size
            if out.bold is None:
                out.bold = own.bold
            seen += 1
        return out


def _style_id(props: etree._Element | None, tag: str) -> str | None:
    """Return the style id named in a pPr (pStyle) or rPr (rStyle)."""
    if props is None:
        return None
    el = props.find(f"{{{W}}}{tag}")
    return el.get(_VAL) if el is not None else None


def paragraph_look(p: etree._Element, styles: Styles) -> tuple[float, bool, float]:
    """Return (size, bold, indent) of a paragraph: the style most of its characters carry."""
    ppr = p.find(f"{{{W}}}pPr")
    para = styles.resolve(_style_id(ppr, "pStyle"))
    # A paragraph mark's own run properties (pPr/rPr) style the mark, not the text: ignored.
    weights: dict[tuple[float, bool], int] = {}
    for r in p.iter(f"{{{W}}}r"):
        n = sum(len(t.text or "") for t in r.iter(f"{{{W}}}t"))
        if not n:
            continue
        rpr = r.find(f"{{{W}}}rPr")
        own = _rpr_style(rpr)
        char = styles.resolve(_style_id(rpr, "rStyle"))
        size = own.size or char.size or para.size or styles.default.size
        bold = next(
            (b for b in (own.bold, char.bold, para.bold) if b is not None), styles.default.bold
        )
        weights[(size, bool(bold))] = weights.get((size, bool(bold)), 0) + n
    if weights:
        total = sum(weights.values())
        size = max(weights, key=lambda k: weights[k])[0]
        bold_chars = sum(n for (_, b), n in weights.items() if b)
        bold = bold_chars >= 0.6 * total
    else:
        size, bold = para.size or styles.default.size, bool(para.bold)
    return size, bold, _indent(ppr)


def _indent(ppr: etree._Element | None) -> float:
    """Return a paragraph's left indent in points (w:ind is in twentieths of a point)."""
    if ppr is None:
        return 0.0
    ind = ppr.find(f"{{{W}}}ind")
    if ind is None:
        return 0.0
    raw = ind.get(f"{{{W}}}left") or ind.get(f"{{{W}}}start") or "0"
    try:
        return max(0.0, min(float(raw) / 20, 2000.0))
    except ValueError:
        return 0.0

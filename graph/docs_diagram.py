"""The diagram of the core model in the ontology documentation: a fixed layout of boxes and
edges (:func:`diagram_layout`), the checks that nothing in it overlaps (:func:`layout_problems`)
and its inline SVG (:func:`diagram_svg`), drawn here with no Graphviz.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .docs_ontology import CAMEO_CODE, DG, PLOVER_TYPE, Ontology
from .docs_page import esc

WIDTH, HEIGHT = 1280, 800
BOX_W, BOX_H = 190, 52
SUB_W, SUB_H = 236, 44
BUS_X = 975          # the vertical line that gathers the event subclasses
LABEL_FONT = 12      # px, edge labels
CHAR_W = 0.62        # estimated average glyph width, in em (generous for DejaVu Sans)

STYLES = {
    "prov": ("#fff6d6", "#a07800"),
    "event": ("#dbeafe", "#1d4ed8"),
    "actor": ("#dcfce7", "#15803d"),
    "office": ("#ede9fe", "#6d28d9"),
    "place": ("#ffedd5", "#c2410c"),
    "legal": ("#eef2f6", "#475569"),
    "date": ("#fce7f3", "#be185d"),
}

#: name -> (centre x, centre y, style); the event subclasses are added below.
NODES: dict[str, tuple[float, float, str]] = {
    "Source": (150, 80, "prov"),
    "Claim": (640, 190, "prov"),
    "Mention": (1130, 80, "prov"),
    "LegalInstrument": (150, 200, "legal"),
    "Provision": (150, 320, "legal"),
    "Tenure": (150, 450, "office"),
    "Event": (640, 450, "event"),
    "DateValue": (1130, 200, "date"),
    "Post": (150, 650, "office"),
    "Person": (400, 650, "actor"),
    "State": (640, 710, "actor"),
    "DiplomaticMission": (1010, 710, "place"),
}
EVENT_SUBCLASSES = ("AsylumGrant", "SeveranceOfRelations", "ExpulsionOfDiplomats", "Arrest", "Statement")
SUB_YS = (330, 390, 450, 510, 570)

#: (from, to, label, perpendicular offset of a parallel edge, label position along the edge,
#:  label shift (dx, dy) off the line)
EDGES: tuple[tuple[str, str, str, float, float, tuple[float, float]], ...] = (
    ("Claim", "Event", "rdf:subject", 0, 0.5, (0, 0)),
    ("Claim", "Source", "dg:source", 0, 0.5, (0, 0)),
    ("Claim", "Mention", "dg:evidence", 0, 0.5, (0, 0)),
    ("Mention", "Source", "dg:inSource", 0, 0.5, (0, 0)),
    ("Event", "State", "dg:agent", 0, 0.45, (0, 0)),
    ("Event", "Person", "dg:target", 0, 0.5, (0, 0)),
    ("Event", "DiplomaticMission", "dg:place", 0, 0.5, (0, 0)),
    ("Event", "DateValue", "dg:onDate", 0, 0.5, (0, 0)),
    ("Event", "Provision", "dg:legalBasis", 0, 0.5, (0, 0)),
    ("Event", "LegalInstrument", "dg:legalBasis", 0, 0.5, (0, 0)),
    ("Provision", "LegalInstrument", "dg:partOf", 0, 0.5, (0, 0)),
    ("Tenure", "Person", "dg:holder", 0, 0.5, (0, 0)),
    ("Tenure", "Post", "dg:post", 0, 0.5, (0, 0)),
    ("Tenure", "Event", "dg:heldAt", 0, 0.5, (0, 0)),
    ("DiplomaticMission", "State", "dg:sendingState", 9, 0.5, (0, -22)),
    ("DiplomaticMission", "State", "dg:receivingState", -9, 0.5, (0, 22)),
)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def overlaps(self, other: Rect, margin: float = 0) -> bool:
        return not (self.x + self.w + margin <= other.x or other.x + other.w + margin <= self.x
                    or self.y + self.h + margin <= other.y or other.y + other.h + margin <= self.y)

    def inside(self, width: float, height: float) -> bool:
        return self.x >= 0 and self.y >= 0 and self.x + self.w <= width and self.y + self.h <= height

    def shrunk(self, d: float) -> Rect:
        return Rect(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)


@dataclass
class Node:
    name: str
    rect: Rect
    style: str
    lines: tuple[str, str]


@dataclass
class Edge:
    points: list[tuple[float, float]]
    label: str = ""
    label_rect: Rect | None = None
    label_at: tuple[float, float] = (0, 0)
    ends: tuple[str, ...] = ()            # the nodes it may touch
    marker: str = "arrow"                  # arrow | subclass | none
    dashed: bool = False


@dataclass
class Layout:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    legend: list[tuple[Rect, str]] = field(default_factory=list)


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_W


def _clip(rect: Rect, inside: tuple[float, float], toward: tuple[float, float]) -> tuple[float, float]:
    """Where the segment from a point inside ``rect`` toward another point leaves the rectangle."""
    (x0, y0), (x1, y1) = inside, toward
    dx, dy = x1 - x0, y1 - y0
    ts = []
    if dx:
        ts.append(((rect.x + rect.w if dx > 0 else rect.x) - x0) / dx)
    if dy:
        ts.append(((rect.y + rect.h if dy > 0 else rect.y) - y0) / dy)
    t = min(t for t in ts if t >= 0)
    return (x0 + t * dx, y0 + t * dy)


def _segment_hits(rect: Rect, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Liang-Barsky: does the segment a-b pass through the rectangle?"""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.x), (dx, rect.x + rect.w - x0), (-dy, y0 - rect.y), (dy, rect.y + rect.h - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return False
    return True


def diagram_layout(ont: Ontology | None = None) -> Layout:
    """The fixed layout: boxes, edges (as polylines) and label rectangles, in SVG units."""
    layout = Layout()

    def label_of(name: str) -> str:
        if ont is None:
            return name
        return ont.label(DG[name])

    for name, (cx, cy, style) in NODES.items():
        rect = Rect(cx - BOX_W / 2, cy - BOX_H / 2, BOX_W, BOX_H)
        layout.nodes[name] = Node(name, rect, style, (f"dg:{name}", label_of(name)))
    for name, cy in zip(EVENT_SUBCLASSES, SUB_YS):
        cx = NODES["Mention"][0]
        rect = Rect(cx - SUB_W / 2, cy - SUB_H / 2, SUB_W, SUB_H)
        if ont is not None:
            ptype = ont.text(DG[name], PLOVER_TYPE) or "—"
            cameo = ont.text(DG[name], CAMEO_CODE)
            codes = f"PLOVER {ptype}" + (f" · CAMEO {cameo}" if cameo else "")
        else:
            codes = ""
        layout.nodes[name] = Node(name, rect, "event", (f"dg:{name}", codes))

    # Subclass tree: each subclass to the bus, the bus, the bus to dg:Event (hollow head).
    event = layout.nodes["Event"].rect
    for name in EVENT_SUBCLASSES:
        r = layout.nodes[name].rect
        layout.edges.append(Edge([(r.x, r.cy), (BUS_X, r.cy)], ends=(name,), marker="none"))
    first, last = layout.nodes[EVENT_SUBCLASSES[0]].rect, layout.nodes[EVENT_SUBCLASSES[-1]].rect
    layout.edges.append(Edge([(BUS_X, first.cy), (BUS_X, last.cy)], marker="none"))
    layout.edges.append(Edge([(BUS_X, event.cy), (event.x + event.w, event.cy)], ends=("Event",), marker="subclass"))

    for src, dst, label, offset, at, (ldx, ldy) in EDGES:
        a, b = layout.nodes[src].rect, layout.nodes[dst].rect
        (ax, ay), (bx, by) = (a.cx, a.cy), (b.cx, b.cy)
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        nx, ny = -(by - ay) / length * offset, (bx - ax) / length * offset
        p0 = _clip(a, (ax + nx, ay + ny), (bx + nx, by + ny))
        p1 = _clip(b, (bx + nx, by + ny), (ax + nx, ay + ny))
        lx, ly = p0[0] + (p1[0] - p0[0]) * at + ldx, p0[1] + (p1[1] - p0[1]) * at + ldy
        w, h = text_width(label, LABEL_FONT) + 8, LABEL_FONT + 6
        layout.edges.append(Edge([p0, p1], label, Rect(lx - w / 2, ly - h / 2, w, h), (lx, ly), (src, dst)))

    # Legend, bottom left.
    y = HEIGHT - 34
    layout.legend = [
        (Rect(20, y - 10, 560, 26), "legend"),
    ]
    return layout


def layout_problems(layout: Layout) -> list[str]:
    """What would make the diagram hard to read: overlaps of labels, boxes and lines."""
    problems = []
    nodes = list(layout.nodes.values())
    labelled = [e for e in layout.edges if e.label_rect is not None]
    for i, n in enumerate(nodes):
        if not n.rect.inside(WIDTH, HEIGHT):
            problems.append(f"box {n.name} leaves the canvas")
        for m in nodes[i + 1:]:
            if n.rect.overlaps(m.rect, margin=10):
                problems.append(f"boxes {n.name} and {m.name} overlap")
        title, sub = n.lines
        if text_width(title, 13) * 1.08 > n.rect.w - 10 or text_width(sub, 11) > n.rect.w - 10:
            problems.append(f"text of box {n.name} is wider than the box")
        for rect, what in layout.legend:
            if n.rect.overlaps(rect, margin=4):
                problems.append(f"box {n.name} overlaps the {what}")
    for i, e in enumerate(labelled):
        assert e.label_rect is not None
        if not e.label_rect.inside(WIDTH, HEIGHT):
            problems.append(f"label {e.label} leaves the canvas")
        for f in labelled[i + 1:]:
            assert f.label_rect is not None
            if e.label_rect.overlaps(f.label_rect, margin=4):
                problems.append(f"labels {e.label} ({'-'.join(e.ends)}) and {f.label} ({'-'.join(f.ends)}) overlap")
        for n in nodes:
            if e.label_rect.overlaps(n.rect, margin=3):
                problems.append(f"label {e.label} ({'-'.join(e.ends)}) overlaps box {n.name}")
        for f in layout.edges:
            if f is e:
                continue
            for a, b in zip(f.points, f.points[1:]):
                if _segment_hits(e.label_rect, a, b):
                    problems.append(f"label {e.label} ({'-'.join(e.ends)}) lies on the line {'-'.join(f.ends) or 'bus'}")
                    break
        for rect, what in layout.legend:
            if e.label_rect.overlaps(rect, margin=4):
                problems.append(f"label {e.label} overlaps the {what}")
    for e in layout.edges:
        for a, b in zip(e.points, e.points[1:]):
            for n in nodes:
                if n.name in e.ends:
                    continue
                if _segment_hits(n.rect.shrunk(-2), a, b):
                    problems.append(f"line {'-'.join(e.ends) or 'bus'} crosses box {n.name}")
    return sorted(set(problems))


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def diagram_svg(ont: Ontology) -> str:
    layout = diagram_layout(ont)
    out = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="diagram-title" font-family="DejaVu Sans, Verdana, sans-serif">\n'),
        '<title id="diagram-title">The core classes of the diplograph ontology and the properties between them</title>\n',
        ("<defs>\n"
        '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#3b4252"/></marker>\n'
        '<marker id="subclass" viewBox="0 0 14 14" refX="14" refY="7" markerWidth="16" markerHeight="16" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M1,1 L14,7 L1,13 z" fill="#fff" stroke="#1d4ed8" '
        'stroke-width="1.5"/></marker>\n'
        "</defs>\n"),
        '<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>\n',
        '<g id="edges" fill="none" stroke-width="1.4">\n',
    ]
    for e in layout.edges:
        d = "M" + " L".join(f"{_fmt(x)},{_fmt(y)}" for x, y in e.points)
        colour = "#1d4ed8" if e.marker in ("subclass", "none") else "#3b4252"
        marker = f' marker-end="url(#{e.marker})"' if e.marker != "none" else ""
        out.append(f'<path d="{d}" stroke="{colour}"{marker}/>\n')
    out.append("</g>\n")
    out.append('<g id="nodes" text-anchor="middle">\n')
    for n in layout.nodes.values():
        fill, stroke = STYLES[n.style]
        r = n.rect
        title, sub = n.lines
        out.append(
            f'<a href="#{esc(n.name)}"><g>'
            f'<rect x="{_fmt(r.x)}" y="{_fmt(r.y)}" width="{_fmt(r.w)}" height="{_fmt(r.h)}" rx="6" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
            f'<text x="{_fmt(r.cx)}" y="{_fmt(r.cy - 3)}" font-size="13" font-weight="bold" fill="#111">{esc(title)}</text>'
            f'<text x="{_fmt(r.cx)}" y="{_fmt(r.cy + 13)}" font-size="11" fill="#444">{esc(sub)}</text>'
            "</g></a>\n"
        )
    out.append("</g>\n")
    out.append(f'<g id="labels" text-anchor="middle" font-size="{LABEL_FONT}" fill="#222">\n')
    for e in layout.edges:
        if e.label_rect is None:
            continue
        r = e.label_rect
        x, y = e.label_at
        out.append(
            f'<rect x="{_fmt(r.x)}" y="{_fmt(r.y)}" width="{_fmt(r.w)}" height="{_fmt(r.h)}" rx="3" fill="#ffffff" '
            f'fill-opacity="0.92"/><text x="{_fmt(x)}" y="{_fmt(y + LABEL_FONT * 0.35)}">{esc(e.label)}</text>\n'
        )
    out.append("</g>\n")
    # Legend.
    y = HEIGHT - 34
    out.append(
        f'<g id="legend" font-size="12" fill="#333">'
        f'<path d="M30,{y} L80,{y}" stroke="#3b4252" stroke-width="1.4" marker-end="url(#arrow)"/>'
        f'<text x="90" y="{y + 4}">property (domain → range)</text>'
        f'<path d="M280,{y} L330,{y}" stroke="#1d4ed8" stroke-width="1.4" fill="none" marker-end="url(#subclass)"/>'
        f'<text x="340" y="{y + 4}">subclass of</text>'
        "</g>\n"
    )
    out.append("</svg>\n")
    return "".join(out)

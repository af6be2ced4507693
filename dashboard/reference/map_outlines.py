"""World outlines for Plotly geo charts, shown from the Russian point of view.

Plotly matches ``locationmode="ISO-3"`` against the ``id`` of the geometries in the
topojson object ``countries``.  Russian law requires maps shown by public authorities to
depict Crimea and Sevastopol as part of Russia, so :func:`fix_point_of_view` moves the
peninsula from Ukraine (UKR) to Russia (RUS) when a source file draws it otherwise.

Usage: ``python -m dashboard.reference.map_outlines IN OUT``
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Sequence
from pathlib import Path

Point = tuple[float, float]
Ring = list[Point]

SIMFEROPOL: Point = (34.10, 44.95)

# Administrative border of the Republic of Crimea on the mainland (lon, lat), simplified:
# from Karkinit Bay across the Perekop isthmus, along the Syvash to the Sea of Azov.
# Both ends lie in the sea so that a peninsula outline crosses it exactly twice.
CRIMEA_CUT: tuple[Point, ...] = (
    (33.20, 45.90),
    (33.69, 46.13),
    (34.30, 46.05),
    (34.60, 45.98),
    (34.90, 45.85),
    (35.25, 45.70),
)


def _transform(topo: dict) -> tuple[float, float, float, float] | None:
    t = topo.get("transform")
    if not t:
        return None
    (sx, sy), (tx, ty) = t["scale"], t["translate"]
    return sx, sy, tx, ty


def _to_grid(topo: dict, p: Point) -> Point:
    """Longitude/latitude -> the (unrounded) quantized grid used by the arcs."""
    tr = _transform(topo)
    if tr is None:
        return p
    sx, sy, tx, ty = tr
    return (p[0] - tx) / sx, (p[1] - ty) / sy


def _decode_arc(topo: dict, index: int) -> Ring:
    """Arc points in grid units; a negative index (~i) means arc i reversed."""
    raw = topo["arcs"][index if index >= 0 else ~index]
    if _transform(topo) is None:
        pts = [(float(x), float(y)) for x, y, *_ in raw]
    else:
        # Quantized arcs are delta-encoded.
        x = y = 0
        pts = []
        for dx, dy, *_ in raw:
            x += dx
            y += dy
            pts.append((float(x), float(y)))
    return pts if index >= 0 else pts[::-1]


def _decode_ring(topo: dict, arc_indexes: Sequence[int]) -> Ring:
    ring: Ring = []
    for k, index in enumerate(arc_indexes):
        pts = _decode_arc(topo, index)
        # Consecutive arcs share their joining point.
        ring.extend(pts if k == 0 else pts[1:])
    return ring


def _append_ring_arc(topo: dict, ring: Ring) -> int:
    """Store a closed ring (grid units) as a new arc and return its index."""
    if _transform(topo) is None:
        arc = [[x, y] for x, y in ring]
    else:
        arc = []
        px = py = 0
        for x, y in ring:
            qx, qy = round(x), round(y)
            if arc and qx == px and qy == py:
                continue  # rounding can collapse neighbouring points
            arc.append([qx - px, qy - py])
            px, py = qx, qy
    topo["arcs"].append(arc)
    return len(topo["arcs"]) - 1


def _in_ring(p: Point, ring: Ring) -> bool:
    x, y = p
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def _country(topo: dict, iso3: str) -> dict | None:
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry.get("id") == iso3:
            return geometry
    return None


def _polygon_contains(topo: dict, polygon: list[list[int]], p_grid: Point) -> bool:
    # Even-odd over the outer ring and its holes.
    return sum(_in_ring(p_grid, _decode_ring(topo, ring)) for ring in polygon if ring) % 2 == 1


def contains(topo: dict, iso3: str, lon: float, lat: float) -> bool:
    """Whether the point lies inside the country's geometry in the ``countries`` object."""
    geometry = _country(topo, iso3)
    if geometry is None:
        return False
    p = _to_grid(topo, (lon, lat))
    return any(_polygon_contains(topo, polygon, p) for polygon in _polygons(geometry))


def _segment_hit(a: Point, b: Point, c: Point, d: Point) -> tuple[float, float] | None:
    """Parameters (t on ab, u on cd) of the crossing of two segments, if any."""
    rx, ry = b[0] - a[0], b[1] - a[1]
    sx, sy = d[0] - c[0], d[1] - c[1]
    den = rx * sy - ry * sx
    if den == 0:
        return None
    qx, qy = c[0] - a[0], c[1] - a[1]
    t = (qx * sy - qy * sx) / den
    u = (qx * ry - qy * rx) / den
    if 0 <= t < 1 and 0 <= u < 1:
        return t, u
    return None


def _split_ring(ring: Ring, cut: Ring) -> tuple[Ring, Ring]:
    """Split a closed ring along a polyline that crosses it exactly twice."""
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    hits = []  # (ring position, cut position, point)
    n = len(ring)
    for i in range(n):
        a, b = ring[i], ring[(i + 1) % n]
        for j in range(len(cut) - 1):
            hit = _segment_hit(a, b, cut[j], cut[j + 1])
            if hit:
                t, u = hit
                point = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
                hits.append((i + t, j + u, point))
    if len(hits) != 2:
        raise ValueError(f"the cut line crosses the outline {len(hits)} times, expected 2")
    (r1, c1, p1), (r2, c2, p2) = sorted(hits)

    def cut_between(start: float, end: float) -> Ring:
        # Cut vertices strictly between two positions, walked from start to end.
        lo, hi = sorted((start, end))
        inner = [cut[k] for k in range(len(cut)) if lo < k < hi]
        return inner if start < end else inner[::-1]

    i1, i2 = int(r1), int(r2)
    first = [p1, *ring[i1 + 1 : i2 + 1], p2, *cut_between(c2, c1)]
    second = [p2, *ring[i2 + 1 :], *ring[: i1 + 1], p1, *cut_between(c1, c2)]
    return first + first[:1], second + second[:1]


def fix_point_of_view(topo: dict) -> dict:
    """Return a copy of the topology with Crimea drawn as part of Russia.

    Idempotent: a topology that already shows Crimea within RUS is returned unchanged.
    The Ukrainian polygon containing the peninsula is split along :data:`CRIMEA_CUT`;
    both parts are stored as new arcs and the southern one is appended to RUS.
    """
    topo = copy.deepcopy(topo)
    ukr, rus = _country(topo, "UKR"), _country(topo, "RUS")
    if ukr is None or rus is None:
        raise ValueError("the topology has no UKR or RUS geometry in objects.countries")
    target = _to_grid(topo, SIMFEROPOL)
    polygons = _polygons(ukr)
    found = [k for k, polygon in enumerate(polygons) if _polygon_contains(topo, polygon, target)]
    if not found:
        return topo
    k = found[0]
    outer, *holes = polygons[k]
    cut = [_to_grid(topo, p) for p in CRIMEA_CUT]
    first, second = _split_ring(_decode_ring(topo, outer), cut)
    crimea, rest = (first, second) if _in_ring(target, first) else (second, first)
    # A Crimea polygon alone has no holes at this scale; holes stay with the mainland.
    polygons[k] = [[_append_ring_arc(topo, rest)], *holes]
    crimea_polygon = [[_append_ring_arc(topo, crimea)]]
    if ukr["type"] == "Polygon":
        ukr["arcs"] = polygons[0]
    else:
        ukr["arcs"] = polygons
    if rus["type"] == "Polygon":
        rus["type"], rus["arcs"] = "MultiPolygon", [rus["arcs"]]
    rus["arcs"].append(crimea_polygon)
    return topo


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m dashboard.reference.map_outlines IN OUT", file=sys.stderr)
        return 2
    src, dst = Path(args[0]), Path(args[1])
    topo = json.loads(src.read_text(encoding="utf-8"))
    fixed = fix_point_of_view(topo)
    dst.write_text(json.dumps(fixed, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    changed = "re-assigned Crimea to RUS" if fixed != topo else "already shows Crimea within RUS"
    print(f"{dst}: {changed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

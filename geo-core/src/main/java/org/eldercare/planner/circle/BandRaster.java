package org.eldercare.planner.circle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The band polygons of one search source, built on a square grid instead of by vector buffers (issue 18: the JTS
 * buffer-and-union cost 1 500× the search). Reached road pieces are added as metric segments, each with the index of
 * the smallest band that reaches it; then every grid cell whose <b>centre</b> lies within the buffer distance of a
 * segment gets the smallest band among those segments ("stamping", exact point-to-segment distance, one interval per
 * grid row). Band {@code k}'s polygon is the union of the cells with band ≤ {@code k}, traced as rings along cell
 * edges, so bands are nested exactly. Cost: proportional to the reached length × buffer / cell² plus the cells of the
 * bounding box, never to the whole graph.
 *
 * <p>Rings: cells are 4-connected (two cells touching only at a corner are two polygons, or a polygon with a hole
 * touching its shell at that corner); counter-clockwise rings are shells, clockwise ones holes. A hole is an
 * enclosed set of cells no reached road comes within the buffer of; holes smaller than {@code minHoleM2} are filled
 * (they are grid crumbs, not blocks). The grid is aligned to multiples of the cell size in the metric frame, so the
 * rasters of different sources line up exactly. Not thread-safe; reusable via {@link #clear()}.
 */
final class BandRaster {
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    /** Per segment: x1, y1, x2, y2, band | no start disc 256 | no end disc 512, previous vertex x, y (or NaN). */
    private double[] seg = new double[7 * 256];
    private int n;
    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;
    /** The grid of the last call (band index per cell, {@code bands} = outside), reused between calls. */
    private byte[] cells = new byte[0];
    private final Tracer tracer = new Tracer();

    void clear() {
        n = 0;
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
    }

    /** Adds the metric segment (a point when both ends coincide) reached from band {@code band} on. */
    void add(double x1, double y1, double x2, double y2, int band) {
        add(x1, y1, x2, y2, band, true, true);
    }

    /**
     * Adds a segment of a polyline: {@code startCap} / {@code endCap} false when the disc around that end has
     * already been added with a band no larger than {@code band} (another piece at the same graph node), so each
     * disc is stamped once; the union is the same.
     */
    void add(double x1, double y1, double x2, double y2, int band, boolean startCap, boolean endCap) {
        add(x1, y1, x2, y2, band, startCap, endCap, Double.NaN, Double.NaN);
    }

    /**
     * Adds a segment that continues a polyline from the previous vertex (px, py) through (x1, y1): instead of the
     * disc around (x1, y1) only its wedge on the outer side of the turn is stamped. The rest of that disc lies within
     * the two segments' rectangles or nearer to another vertex of the polyline (whose disc or wedge, down to the
     * polyline's end discs, covers it), so the union is the same.
     */
    void addContinued(double px, double py, double x1, double y1, double x2, double y2, int band, boolean endCap) {
        add(x1, y1, x2, y2, band, false, endCap, px, py);
    }

    private void add(double x1, double y1, double x2, double y2, int band, boolean startCap, boolean endCap,
                     double px, double py) {
        if (7 * n + 7 > seg.length) {
            seg = Arrays.copyOf(seg, seg.length * 2);
        }
        int o = 7 * n++;
        seg[o] = x1;
        seg[o + 1] = y1;
        seg[o + 2] = x2;
        seg[o + 3] = y2;
        seg[o + 4] = band + (startCap ? 0 : 256) + (endCap ? 0 : 512);
        seg[o + 5] = px;
        seg[o + 6] = py;
        minX = Math.min(minX, Math.min(x1, x2));
        minY = Math.min(minY, Math.min(y1, y2));
        maxX = Math.max(maxX, Math.max(x1, x2));
        maxY = Math.max(maxY, Math.max(y1, y2));
    }

    /**
     * The polygons of bands {@code 0 .. bands-1} (each a Polygon, MultiPolygon or empty Polygon in {@code gf}'s frame).
     *
     * @param buffer    metres: a cell belongs to a band when its centre is within this distance of a reached piece
     * @param cell      cell side, metres
     * @param minHoleM2 holes of smaller area are filled
     */
    Geometry[] polygons(int bands, double buffer, double cell, double minHoleM2, GeometryFactory gf) {
        return polygons(bands, buffer, cell, minHoleM2, gf, null, new double[bands]);
    }

    /**
     * As {@link #polygons(int, double, double, double, GeometryFactory)}, with every output vertex mapped from the
     * metric frame by {@code out} (null: kept metric) and band k's area in the metric frame (m², exact: the kept
     * cells times c²) written to {@code areaM2[k]}.
     */
    Geometry[] polygons(int bands, double buffer, double cell, double minHoleM2, GeometryFactory gf, LocalFrame out,
                        double[] areaM2) {
        Geometry[] res = new Geometry[bands];
        Arrays.fill(areaM2, 0, bands, 0);
        if (n == 0) {
            Arrays.fill(res, gf.createPolygon());
            return res;
        }
        if (bands > 126) {
            throw new IllegalArgumentException("at most 126 bands, was " + bands);
        }
        double r = buffer / cell;
        long ox = (long) Math.floor((minX - buffer) / cell) - 1;
        long oy = (long) Math.floor((minY - buffer) / cell) - 1;
        int w = (int) ((long) Math.ceil((maxX + buffer) / cell) + 1 - ox);
        int h = (int) ((long) Math.ceil((maxY + buffer) / cell) + 1 - oy);
        if ((long) w * h > 200_000_000L) {
            throw new IllegalStateException("service area grid of " + w + " x " + h + " cells is too large");
        }
        if (cells.length < w * h) {
            cells = new byte[Math.max(w * h, 2 * cells.length)];
        }
        byte[] cells = this.cells;
        Arrays.fill(cells, 0, w * h, (byte) bands);
        for (int s = 0; s < n; s++) {
            int o = 7 * s;
            int tag = (int) seg[o + 4];
            double ax = seg[o] / cell - ox;
            double ay = seg[o + 1] / cell - oy;
            double bx = seg[o + 2] / cell - ox;
            double by = seg[o + 3] / cell - oy;
            byte band = (byte) (tag & 255);
            capsule(cells, w, h, ax, ay, bx, by, r, band, (tag & 256) == 0, (tag & 512) == 0);
            if (!Double.isNaN(seg[o + 5])) {
                wedge(cells, w, h, ax, ay, ax - (seg[o + 5] / cell - ox), ay - (seg[o + 6] / cell - oy), bx - ax,
                    by - ay, r, band);
            }
        }
        tracer.reset(cells, w, h, bands);
        tracer.markBoundaries();
        for (int k = 0; k < bands; k++) {
            res[k] = tracer.trace(k, ox * cell, oy * cell, cell, minHoleM2, gf, out, areaM2);
        }
        return res;
    }

    /**
     * The capsule of segment a-b (the rectangle along the segment, with {@code capA} / {@code capB} the disc around
     * a / b), one interval per grid row: cells whose centre lies inside become min(cell, band).
     */
    private static void capsule(byte[] cells, int w, int h, double ax, double ay, double bx, double by, double r,
                                byte band, boolean capA, boolean capB) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double rl = r * Math.sqrt(len2);
        double r2 = r * r;
        double idx = dx != 0 ? 1 / dx : 0;
        double idy = dy != 0 ? 1 / dy : 0;
        int j0 = Math.max(0, (int) Math.ceil(Math.min(ay, by) - r - 0.5));
        int j1 = Math.min(h - 1, (int) Math.floor(Math.max(ay, by) + r - 0.5));
        for (int j = j0; j <= j1; j++) {
            double yc = j + 0.5;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            if (capA) {
                double ea = r2 - (yc - ay) * (yc - ay);
                if (ea >= 0) {
                    double e = Math.sqrt(ea);
                    lo = ax - e;
                    hi = ax + e;
                }
            }
            double eb = capB ? r2 - (yc - by) * (yc - by) : -1;
            if (eb >= 0) {
                double e = Math.sqrt(eb);
                lo = Math.min(lo, bx - e);
                hi = Math.max(hi, bx + e);
            }
            if (len2 > 0) {
                // the rectangle: 0 <= ((x-ax)dx + (yc-ay)dy) <= len² and |(x-ax)dy - (yc-ay)dx| <= r len
                double sLo = Double.NEGATIVE_INFINITY;
                double sHi = Double.POSITIVE_INFINITY;
                boolean empty = false;
                double q = (yc - ay) * dy;
                if (dx != 0) {
                    double x1 = ax - q * idx;
                    double x2 = ax + (len2 - q) * idx;
                    sLo = Math.min(x1, x2);
                    sHi = Math.max(x1, x2);
                } else {
                    empty = q < 0 || q > len2;
                }
                double p = (yc - ay) * dx;
                if (dy != 0) {
                    double x1 = ax + (p - rl) * idy;
                    double x2 = ax + (p + rl) * idy;
                    sLo = Math.max(sLo, Math.min(x1, x2));
                    sHi = Math.min(sHi, Math.max(x1, x2));
                } else {
                    empty |= Math.abs(p) > rl;
                }
                if (!empty && sLo <= sHi) {
                    lo = Math.min(lo, sLo);
                    hi = Math.max(hi, sHi);
                }
            }
            if (lo <= hi) {
                fill(cells, w, j, lo, hi, band);
            }
        }
    }

    /**
     * Cells of the disc around v whose centre lies beyond the incoming direction d1 ((p−v)·d1 ≥ 0) and before the
     * outgoing direction d2 ((p−v)·d2 ≤ 0): the sector on the outer side of the turn at v (empty for a straight
     * continuation, a half-disc for a reversal; convex, so one interval per row).
     */
    private static void wedge(byte[] cells, int w, int h, double vx, double vy, double d1x, double d1y, double d2x,
                              double d2y, double r, byte band) {
        int j0 = Math.max(0, (int) Math.ceil(vy - r - 0.5));
        int j1 = Math.min(h - 1, (int) Math.floor(vy + r - 0.5));
        double r2 = r * r;
        for (int j = j0; j <= j1; j++) {
            double yv = j + 0.5 - vy;
            double ea = r2 - yv * yv;
            if (ea < 0) {
                continue;
            }
            double e = Math.sqrt(ea);
            double lo = -e;
            double hi = e;
            // t = x − vx: t d1x + yv d1y ≥ 0 and t d2x + yv d2y ≤ 0
            double q1 = yv * d1y;
            if (d1x > 0) {
                lo = Math.max(lo, -q1 / d1x);
            } else if (d1x < 0) {
                hi = Math.min(hi, -q1 / d1x);
            } else if (q1 < 0) {
                continue;
            }
            double q2 = yv * d2y;
            if (d2x > 0) {
                hi = Math.min(hi, -q2 / d2x);
            } else if (d2x < 0) {
                lo = Math.max(lo, -q2 / d2x);
            } else if (q2 > 0) {
                continue;
            }
            if (lo <= hi) {
                fill(cells, w, j, vx + lo, vx + hi, band);
            }
        }
    }

    /** Row j: cells whose centre x (i + 0.5) lies in [lo, hi] become min(cell, band). */
    private static void fill(byte[] cells, int w, int j, double lo, double hi, byte band) {
        int i0 = Math.max(0, (int) Math.ceil(lo - 0.5));
        int i1 = Math.min(w - 1, (int) Math.floor(hi - 0.5));
        // branch-free min: inner and outer bands interleave along a row, a compare-and-branch mispredicts
        for (int c = j * w + i0, end = j * w + i1; c <= end; c++) {
            cells[c] = (byte) Math.min(cells[c], band);
        }
    }

    /**
     * Traces the boundaries of {cells ≤ k} for every band k into rings (inside on the left), splitting rings at
     * repeated vertices. One pass over the cells marks, per band, the cell edges between a cell of that band and one
     * outside it (an edge between bands a &lt; b bounds the bands a .. b−1) and lists the vertices it marked, so each
     * band's tracing only visits its own boundary: O(cells + boundary) in all. The work arrays are kept between
     * calls; tracing consumes every mark, so they come back empty without being cleared.
     */
    static final class Tracer {
        private byte[] cells;
        private int w;
        private int h;
        private int bands;
        /** masks[k][v]: outgoing boundary directions (bit d) of band k at vertex v. */
        private byte[][] masks = new byte[0][];
        private int[][] marked = new int[0][];
        private int[] markedCount = new int[0];
        private int[] seenPos = new int[0];
        private int[] seenGen = new int[0];
        private int gen;
        private int[] stack = new int[256];
        private int[] dirs = new int[256];
        private final List<Coordinate[]> shells = new ArrayList<>();
        private final List<Double> shellAreas = new ArrayList<>();
        private final List<Coordinate[]> holes = new ArrayList<>();
        private final List<double[]> holeProbe = new ArrayList<>();

        void reset(byte[] cells, int w, int h, int bands) {
            this.cells = cells;
            this.w = w;
            this.h = h;
            this.bands = bands;
            int nv = (w + 1) * (h + 1);
            if (masks.length < bands) {
                masks = Arrays.copyOf(masks, bands);
                marked = Arrays.copyOf(marked, bands);
                markedCount = new int[bands];
            }
            for (int k = 0; k < bands; k++) {
                if (masks[k] == null || masks[k].length < nv) {
                    masks[k] = new byte[Math.max(nv, masks[k] == null ? 0 : 2 * masks[k].length)];
                }
                if (marked[k] == null) {
                    marked[k] = new int[256];
                }
                markedCount[k] = 0;
            }
            if (seenPos.length < nv) {
                seenPos = new int[Math.max(nv, 2 * seenPos.length)];
                seenGen = new int[seenPos.length];
                gen = 0;
            }
        }

        /** Marks the boundary edges of all bands (the grid's outer cells are never inside: no bounds checks). */
        void markBoundaries() {
            final byte[] cells = this.cells;
            int vw = w + 1;
            for (int j = 1; j < h - 1; j++) {
                int row = j * w;
                for (int i = 1; i < w - 1; i++) {
                    int c = row + i;
                    int a = cells[c];
                    if (a >= bands) {
                        continue;
                    }
                    int up = cells[c - w];
                    int right = cells[c + 1];
                    int down = cells[c + w];
                    int left = cells[c - 1];
                    if (up > a) {
                        mark(a, up, j * vw + i, 1);
                    }
                    if (right > a) {
                        mark(a, right, j * vw + i + 1, 2);
                    }
                    if (down > a) {
                        mark(a, down, (j + 1) * vw + i + 1, 4);
                    }
                    if (left > a) {
                        mark(a, left, (j + 1) * vw + i, 8);
                    }
                }
            }
        }

        private void mark(int from, int to, int v, int bit) {
            for (int k = from; k < to; k++) {
                byte[] m = masks[k];
                if (m[v] == 0) {
                    if (markedCount[k] == marked[k].length) {
                        marked[k] = Arrays.copyOf(marked[k], 2 * markedCount[k]);
                    }
                    marked[k][markedCount[k]++] = v;
                }
                m[v] |= (byte) bit;
            }
        }

        /** Rings of band k, vertices mapped by {@code map} (null: metric); adds the band's metric area. */
        Geometry trace(int k, double x0, double y0, double cell, double minHoleM2, GeometryFactory gf, LocalFrame map,
                       double[] areaM2) {
            shells.clear();
            shellAreas.clear();
            holes.clear();
            holeProbe.clear();
            byte[] out = masks[k];
            int[] list = marked[k];
            int vw = w + 1;
            for (int li = 0; li < markedCount[k]; li++) {
                int v = list[li];
                // start only at non-saddle vertices, so that every saddle is passed with the left-turn rule
                if (out[v] == 0 || Integer.bitCount(out[v]) != 1) {
                    continue;
                }
                gen++;
                int top = 0;
                stack[0] = v;
                seenGen[v] = gen;
                seenPos[v] = 0;
                int cur = v;
                int inDir = -1;
                while (true) {
                    int d = next(out[cur], inDir);
                    if (d < 0) {
                        break;
                    }
                    out[cur] &= (byte) ~(1 << d);
                    dirs[top] = d;
                    cur = cur + DX[d] + DY[d] * vw;
                    inDir = d;
                    if (seenGen[cur] == gen) {
                        int p = seenPos[cur];
                        emit(p, top, vw, x0, y0, cell, minHoleM2, map, areaM2, k);
                        for (int q = p + 1; q <= top; q++) {
                            seenGen[stack[q]] = 0;
                        }
                        top = p;
                        if (top == 0 && out[cur] == 0) {
                            break;
                        }
                        continue;
                    }
                    top++;
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                        dirs = Arrays.copyOf(dirs, top * 2);
                    }
                    stack[top] = cur;
                    seenGen[cur] = gen;
                    seenPos[cur] = top;
                }
            }
            for (int li = 0; li < markedCount[k]; li++) {
                out[list[li]] = 0; // every mark is consumed by a ring; this only guards the invariant
            }
            return assemble(gf);
        }

        /** Outgoing direction at a vertex: the only one, or at a saddle the left turn from {@code inDir}. */
        private static int next(byte mask, int inDir) {
            if (mask == 0) {
                return -1;
            }
            if (inDir >= 0) {
                int left = (inDir + 1) & 3;
                if ((mask & (1 << left)) != 0) {
                    return left;
                }
                if ((mask & (1 << inDir)) != 0) {
                    return inDir;
                }
            }
            return Integer.numberOfTrailingZeros(mask);
        }

        /**
         * Emits the ring stack[p..top] (closing at stack[p]) keeping only corner vertices; its signed area comes from
         * the integer grid vertices, so it is exact.
         */
        private void emit(int p, int top, int vw, double x0, double y0, double cell, double minHoleM2,
                          LocalFrame map, double[] areaM2, int k) {
            int corners = 0;
            for (int q = p; q <= top; q++) {
                if (dirs[q == p ? top : q - 1] != dirs[q]) {
                    corners++;
                }
            }
            Coordinate[] ring = new Coordinate[corners + 1];
            long twiceArea = 0;
            int c = 0;
            int fi = 0;
            int fj = 0;
            int pi = 0;
            int pj = 0;
            double[] ll = new double[2];
            for (int q = p; q <= top; q++) {
                if (dirs[q == p ? top : q - 1] == dirs[q]) {
                    continue;
                }
                int v = stack[q];
                int vi = v % vw;
                int vj = v / vw;
                if (c == 0) {
                    fi = vi;
                    fj = vj;
                } else {
                    twiceArea += (long) pi * vj - (long) vi * pj;
                }
                pi = vi;
                pj = vj;
                double x = x0 + vi * cell;
                double y = y0 + vj * cell;
                if (map != null) {
                    map.toWgs84(x, y, ll);
                    ring[c++] = new Coordinate(ll[0], ll[1]);
                } else {
                    ring[c++] = new Coordinate(x, y);
                }
            }
            twiceArea += (long) pi * fj - (long) fi * pj;
            ring[corners] = new Coordinate(ring[0]);
            double a = twiceArea * 0.5 * cell * cell;
            if (a > 0) {
                shells.add(ring);
                shellAreas.add(a);
                areaM2[k] += a;
            } else if (-a >= minHoleM2) {
                // a point inside the hole: half a cell to the right of the middle of the ring's first edge
                int v = stack[p];
                int d = dirs[p];
                int right = (d + 3) & 3;
                double px = x0 + (v % vw + 0.5 * DX[d] + 0.5 * DX[right]) * cell;
                double py = y0 + (v / vw + 0.5 * DY[d] + 0.5 * DY[right]) * cell;
                if (map != null) {
                    map.toWgs84(px, py, ll);
                    px = ll[0];
                    py = ll[1];
                }
                holes.add(ring);
                holeProbe.add(new double[] {px, py});
                areaM2[k] += a;
            }
        }

        private Geometry assemble(GeometryFactory gf) {
            if (shells.isEmpty()) {
                return gf.createPolygon();
            }
            List<List<LinearRing>> holesOf = new ArrayList<>();
            Envelope[] env = new Envelope[shells.size()];
            for (int s = 0; s < shells.size(); s++) {
                holesOf.add(new ArrayList<>());
                env[s] = new Envelope();
                for (Coordinate c : shells.get(s)) {
                    env[s].expandToInclude(c);
                }
            }
            for (int hIdx = 0; hIdx < holes.size(); hIdx++) {
                Coordinate probe = new Coordinate(holeProbe.get(hIdx)[0], holeProbe.get(hIdx)[1]);
                int best = -1;
                for (int s = 0; s < shells.size(); s++) {
                    if ((best < 0 || shellAreas.get(s) < shellAreas.get(best)) && env[s].contains(probe)
                        && (shells.size() == 1 || PointLocation.isInRing(probe, shells.get(s)))) {
                        best = s;
                    }
                }
                if (best >= 0) {
                    holesOf.get(best).add(gf.createLinearRing(holes.get(hIdx)));
                }
            }
            Polygon[] polys = new Polygon[shells.size()];
            for (int s = 0; s < shells.size(); s++) {
                polys[s] = gf.createPolygon(gf.createLinearRing(shells.get(s)),
                    holesOf.get(s).toArray(LinearRing[]::new));
            }
            return polys.length == 1 ? polys[0] : gf.createMultiPolygon(polys);
        }
    }
}

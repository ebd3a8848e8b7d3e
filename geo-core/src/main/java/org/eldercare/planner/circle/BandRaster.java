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

    private double[] seg = new double[5 * 256];
    private int n;
    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    /** Bounding box of the segments of band ≤ k is the union of the boxes of bands 0..k: min x, min y, max x, max y. */
    private double[] bandBox = new double[0];

    void clear() {
        Arrays.fill(bandBox, Double.NaN);
        n = 0;
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
    }

    /** Adds the metric segment (a point when both ends coincide) reached from band {@code band} on. */
    void add(double x1, double y1, double x2, double y2, int band) {
        if (5 * n + 5 > seg.length) {
            seg = Arrays.copyOf(seg, seg.length * 2);
        }
        int o = 5 * n++;
        seg[o] = x1;
        seg[o + 1] = y1;
        seg[o + 2] = x2;
        seg[o + 3] = y2;
        seg[o + 4] = band;
        minX = Math.min(minX, Math.min(x1, x2));
        minY = Math.min(minY, Math.min(y1, y2));
        maxX = Math.max(maxX, Math.max(x1, x2));
        maxY = Math.max(maxY, Math.max(y1, y2));
        if (4 * band + 4 > bandBox.length) {
            int old = bandBox.length;
            bandBox = Arrays.copyOf(bandBox, 4 * band + 4);
            Arrays.fill(bandBox, old, bandBox.length, Double.NaN);
        }
        int b = 4 * band;
        if (Double.isNaN(bandBox[b])) {
            bandBox[b] = Math.min(x1, x2);
            bandBox[b + 1] = Math.min(y1, y2);
            bandBox[b + 2] = Math.max(x1, x2);
            bandBox[b + 3] = Math.max(y1, y2);
        } else {
            bandBox[b] = Math.min(bandBox[b], Math.min(x1, x2));
            bandBox[b + 1] = Math.min(bandBox[b + 1], Math.min(y1, y2));
            bandBox[b + 2] = Math.max(bandBox[b + 2], Math.max(x1, x2));
            bandBox[b + 3] = Math.max(bandBox[b + 3], Math.max(y1, y2));
        }
    }

    /**
     * The polygons of bands {@code 0 .. bands-1} (each a Polygon, MultiPolygon or empty Polygon in {@code gf}'s frame).
     *
     * @param buffer    metres: a cell belongs to a band when its centre is within this distance of a reached piece
     * @param cell      cell side, metres
     * @param minHoleM2 holes of smaller area are filled
     */
    Geometry[] polygons(int bands, double buffer, double cell, double minHoleM2, GeometryFactory gf) {
        Geometry[] out = new Geometry[bands];
        if (n == 0) {
            Arrays.fill(out, gf.createPolygon());
            return out;
        }
        double r = buffer / cell;
        long ox = (long) Math.floor((minX - buffer) / cell) - 1;
        long oy = (long) Math.floor((minY - buffer) / cell) - 1;
        int w = (int) ((long) Math.ceil((maxX + buffer) / cell) + 1 - ox);
        int h = (int) ((long) Math.ceil((maxY + buffer) / cell) + 1 - oy);
        if ((long) w * h > 200_000_000L) {
            throw new IllegalStateException("service area grid of " + w + " x " + h + " cells is too large");
        }
        byte[] cells = new byte[w * h];
        Arrays.fill(cells, (byte) bands);
        for (int s = 0; s < n; s++) {
            int o = 5 * s;
            stamp(cells, w, h, seg[o] / cell - ox, seg[o + 1] / cell - oy, seg[o + 2] / cell - ox,
                seg[o + 3] / cell - oy, r, (byte) seg[o + 4]);
        }
        Tracer t = new Tracer(cells, w, h);
        // the cells of band <= k lie within B of the segments of bands 0..k: scan only that box (plus one cell)
        double bx0 = Double.POSITIVE_INFINITY;
        double by0 = Double.POSITIVE_INFINITY;
        double bx1 = Double.NEGATIVE_INFINITY;
        double by1 = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < bands; k++) {
            if (4 * k + 3 < bandBox.length && !Double.isNaN(bandBox[4 * k])) {
                bx0 = Math.min(bx0, bandBox[4 * k]);
                by0 = Math.min(by0, bandBox[4 * k + 1]);
                bx1 = Math.max(bx1, bandBox[4 * k + 2]);
                by1 = Math.max(by1, bandBox[4 * k + 3]);
            }
            if (bx0 > bx1) {
                out[k] = gf.createPolygon();
                continue;
            }
            int i0 = (int) Math.max(1, Math.floor((bx0 - buffer) / cell) - ox - 1);
            int j0 = (int) Math.max(1, Math.floor((by0 - buffer) / cell) - oy - 1);
            int i1 = (int) Math.min(w - 2, Math.ceil((bx1 + buffer) / cell) - ox + 1);
            int j1 = (int) Math.min(h - 2, Math.ceil((by1 + buffer) / cell) - oy + 1);
            out[k] = t.trace(k, i0, j0, i1, j1, ox * cell, oy * cell, cell, minHoleM2, gf);
        }
        return out;
    }

    /** Sets every cell whose centre is within {@code r} (grid units) of segment a-b to min(cell, band). */
    static void stamp(byte[] cells, int w, int h, double ax, double ay, double bx, double by, double r, byte band) {
        double dx = bx - ax;
        double dy = by - ay;
        double len = Math.sqrt(dx * dx + dy * dy);
        int j0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - r - 0.5));
        int j1 = Math.min(h - 1, (int) Math.ceil(Math.max(ay, by) + r - 0.5));
        for (int j = j0; j <= j1; j++) {
            double yc = j + 0.5;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double ea = r * r - (yc - ay) * (yc - ay);
            if (ea >= 0) {
                double e = Math.sqrt(ea);
                lo = ax - e;
                hi = ax + e;
            }
            double eb = r * r - (yc - by) * (yc - by);
            if (eb >= 0) {
                double e = Math.sqrt(eb);
                lo = Math.min(lo, bx - e);
                hi = Math.max(hi, bx + e);
            }
            if (len > 0) {
                // the rectangle: 0 <= ((x-ax)dx + (yc-ay)dy)/len <= len and |(x-ax)dy - (yc-ay)dx|/len <= r
                double sLo = Double.NEGATIVE_INFINITY;
                double sHi = Double.POSITIVE_INFINITY;
                double q = (yc - ay) * dy;
                if (dx != 0) {
                    double x1 = ax + (0 - q) / dx;
                    double x2 = ax + (len * len - q) / dx;
                    sLo = Math.max(sLo, Math.min(x1, x2));
                    sHi = Math.min(sHi, Math.max(x1, x2));
                } else if (q < 0 || q > len * len) {
                    sHi = Double.NEGATIVE_INFINITY;
                }
                double p = (yc - ay) * dx;
                if (dy != 0) {
                    double x1 = ax + (p - r * len) / dy;
                    double x2 = ax + (p + r * len) / dy;
                    sLo = Math.max(sLo, Math.min(x1, x2));
                    sHi = Math.min(sHi, Math.max(x1, x2));
                } else if (Math.abs(p) > r * len) {
                    sHi = Double.NEGATIVE_INFINITY;
                }
                if (sLo <= sHi) {
                    lo = Math.min(lo, sLo);
                    hi = Math.max(hi, sHi);
                }
            }
            if (lo > hi) {
                continue;
            }
            int i0 = Math.max(0, (int) Math.ceil(lo - 0.5));
            int i1 = Math.min(w - 1, (int) Math.floor(hi - 0.5));
            int row = j * w;
            for (int i = i0; i <= i1; i++) {
                if (cells[row + i] > band) {
                    cells[row + i] = band;
                }
            }
        }
    }

    /** Traces the boundary of {cells ≤ k} into rings (inside on the left), splitting rings at repeated vertices. */
    static final class Tracer {
        private final byte[] cells;
        private final int w;
        private final int h;
        private final byte[] out;
        private final int[] seenPos;
        private final int[] seenGen;
        private int gen;
        private int[] stack = new int[256];
        private int[] dirs = new int[256];

        Tracer(byte[] cells, int w, int h) {
            this.cells = cells;
            this.w = w;
            this.h = h;
            int nv = (w + 1) * (h + 1);
            out = new byte[nv];
            seenPos = new int[nv];
            seenGen = new int[nv];
        }

        /**
         * Rings of the cells ≤ k inside columns i0..i1, rows j0..j1 (all such cells lie there, and the grid's outer
         * cells are never inside, so neighbours need no bounds check).
         */
        Geometry trace(int k, int i0, int j0, int i1, int j1, double x0, double y0, double cell, double minHoleM2,
                       GeometryFactory gf) {
            int vw = w + 1;
            for (int j = j0; j <= j1 + 1; j++) {
                Arrays.fill(out, j * vw + i0, j * vw + i1 + 2, (byte) 0);
            }
            final byte[] cells = this.cells;
            for (int j = j0; j <= j1; j++) {
                int row = j * w;
                for (int i = i0; i <= i1; i++) {
                    int c = row + i;
                    if (cells[c] > k) {
                        continue;
                    }
                    if (cells[c - w] > k) {
                        out[j * vw + i] |= 1;
                    }
                    if (cells[c + 1] > k) {
                        out[j * vw + i + 1] |= 2;
                    }
                    if (cells[c + w] > k) {
                        out[(j + 1) * vw + i + 1] |= 4;
                    }
                    if (cells[c - 1] > k) {
                        out[(j + 1) * vw + i] |= 8;
                    }
                }
            }
            List<Coordinate[]> shells = new ArrayList<>();
            List<Double> shellAreas = new ArrayList<>();
            List<Coordinate[]> holes = new ArrayList<>();
            List<double[]> holeProbe = new ArrayList<>();
            for (int v0 = 0; v0 < (j1 - j0 + 2) * (i1 - i0 + 2); v0++) {
                int v = (j0 + v0 / (i1 - i0 + 2)) * vw + i0 + v0 % (i1 - i0 + 2);
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
                        emit(p, top, vw, x0, y0, cell, minHoleM2, shells, shellAreas, holes, holeProbe);
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
            return assemble(shells, shellAreas, holes, holeProbe, gf);
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

        /** Emits the ring stack[p..top] (closing at stack[p]) keeping only corner vertices. */
        private void emit(int p, int top, int vw, double x0, double y0, double cell, double minHoleM2,
                          List<Coordinate[]> shells, List<Double> shellAreas, List<Coordinate[]> holes,
                          List<double[]> holeProbe) {
            List<Coordinate> cs = new ArrayList<>();
            for (int q = p; q <= top; q++) {
                int prev = dirs[q == p ? top : q - 1];
                if (prev != dirs[q]) {
                    int v = stack[q];
                    cs.add(new Coordinate(x0 + (v % vw) * cell, y0 + (v / vw) * cell));
                }
            }
            cs.add(new Coordinate(cs.get(0)));
            Coordinate[] ring = cs.toArray(Coordinate[]::new);
            double a = 0;
            for (int q = 0; q + 1 < ring.length; q++) {
                a += (ring[q].x - x0) * (ring[q + 1].y - y0) - (ring[q + 1].x - x0) * (ring[q].y - y0);
            }
            a /= 2;
            if (a > 0) {
                shells.add(ring);
                shellAreas.add(a);
            } else if (-a >= minHoleM2) {
                // a point inside the hole: half a cell to the right of the middle of the ring's first edge
                int v = stack[p];
                int d = dirs[p];
                int right = (d + 3) & 3;
                double px = x0 + (v % vw + 0.5 * DX[d] + 0.5 * DX[right]) * cell;
                double py = y0 + (v / vw + 0.5 * DY[d] + 0.5 * DY[right]) * cell;
                holes.add(ring);
                holeProbe.add(new double[] {px, py});
            }
        }

        private static Geometry assemble(List<Coordinate[]> shells, List<Double> shellAreas, List<Coordinate[]> holes,
                                         List<double[]> holeProbe, GeometryFactory gf) {
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

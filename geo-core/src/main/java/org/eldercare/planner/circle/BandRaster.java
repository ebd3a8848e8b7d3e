package org.eldercare.planner.circle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * The band polygons of one search source, built on a square grid instead of by vector buffers (issue 18: the JTS
 * buffer-and-union cost 1 500× the search). Reached road pieces are added as metric segments, or whole edges as
 * precomputed footprints ({@link EdgeFootprints}), each with the index of the smallest band that reaches it; a grid
 * cell belongs to band k when its <b>centre</b> lies within the buffer distance of a piece of band ≤ k ("stamping",
 * exact point-to-segment distance, one interval per grid row). The grid is one bit plane per band (64 cells per
 * word); a piece is set in its own band's plane and each plane is then OR-ed into the next, so bands are nested
 * exactly. Band {@code k}'s polygon is the union of its cells, traced as rings along cell edges ({@link Tracer}).
 * Cost: proportional to the reached pieces' rows and the rings' corners plus the words of the bounding box, never to
 * the whole graph.
 *
 * <p>Rings: cells are 4-connected (two cells touching only at a corner are two polygons, or a polygon with a hole
 * touching its shell at that corner); counter-clockwise rings are shells, clockwise ones holes. A hole is an
 * enclosed set of cells no reached road comes within the buffer of; holes smaller than {@code minHoleM2} are filled
 * (they are grid crumbs, not blocks). The grid is aligned to multiples of the cell size in the metric frame (cell i
 * covers [i c, (i + 1) c)), so the rasters of different sources line up exactly: {@link #absorb} draws several on
 * one grid (dissolve), {@link #splitPolygons} takes away what earlier sources hold (split). Not thread-safe;
 * reusable via {@link #clear()}.
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
    /** Whole edges added by footprint, with their bands and the footprints' bounds (absolute cell indices). */
    private long[][] fps = new long[64][];
    private int[] fpBand = new int[64];
    private int nfp;
    private int fpMinI = Integer.MAX_VALUE;
    private int fpMinJ = Integer.MAX_VALUE;
    private int fpMaxI = Integer.MIN_VALUE;
    private int fpMaxJ = Integer.MIN_VALUE;
    /**
     * The grid of the last call: absolute index of cell (0, 0), w × h cells, one bit plane per band of h rows of
     * {@code ww} words (cell i of row j of plane k: bit i &amp; 63 of word (k h + j) ww + i / 64), plane k set where
     * a cell belongs to band ≤ k. Reused between calls.
     */
    private long ox;
    private long oy;
    /** Upper grid bounds (absolute, exclusive) of the last {@link #size} call. */
    private long hix;
    private long hiy;
    private int w;
    private int h;
    private int ww;
    private long[] bits = new long[0];
    private final Tracer tracer = new Tracer();
    /** Grid origin at a multiple of 64 cells, so that rows line up word for word with a {@link Taken} mask. */
    private boolean alignToWords;
    /** Scratch of {@link #footprint}. */
    private long[] footprintRuns = new long[64];

    void clear() {
        n = 0;
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
        Arrays.fill(fps, 0, nfp, null);
        nfp = 0;
        fpMinI = fpMinJ = Integer.MAX_VALUE;
        fpMaxI = fpMaxJ = Integer.MIN_VALUE;
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
     * Adds a whole graph edge by its precomputed footprint ({@link EdgeFootprints}: the cells of the union of its
     * segments' capsules, in absolute grid indices of the same cell size and buffer as the later
     * {@link #polygons} call), reached from band {@code band} on. The same cells as adding its segments.
     */
    void addFootprint(long[] footprint, int band) {
        if (footprint.length <= 2) {
            return;
        }
        if (nfp == fps.length) {
            fps = Arrays.copyOf(fps, 2 * nfp);
            fpBand = Arrays.copyOf(fpBand, 2 * nfp);
        }
        fps[nfp] = footprint;
        fpBand[nfp++] = band;
        fpMinI = Math.min(fpMinI, (int) footprint[0]);
        fpMinJ = Math.min(fpMinJ, (int) (footprint[0] >> 32));
        fpMaxI = Math.max(fpMaxI, (int) footprint[1]);
        fpMaxJ = Math.max(fpMaxJ, (int) (footprint[1] >> 32));
    }

    /**
     * Adds everything added to {@code other} (its segments and footprints, with their bands): the polygons are then
     * those of the union, as one grid (the dissolved circles of several starts, without a vector union).
     */
    void absorb(BandRaster other) {
        if (7 * (n + other.n) > seg.length) {
            seg = Arrays.copyOf(seg, Math.max(2 * seg.length, 7 * (n + other.n)));
        }
        System.arraycopy(other.seg, 0, seg, 7 * n, 7 * other.n);
        n += other.n;
        if (other.n > 0) {
            minX = Math.min(minX, other.minX);
            minY = Math.min(minY, other.minY);
            maxX = Math.max(maxX, other.maxX);
            maxY = Math.max(maxY, other.maxY);
        }
        for (int f = 0; f < other.nfp; f++) {
            addFootprint(other.fps[f], other.fpBand[f]);
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
        if (n == 0 && nfp == 0) {
            Arrays.fill(res, gf.createPolygon());
            return res;
        }
        if (bands > 126) {
            throw new IllegalArgumentException("at most 126 bands, was " + bands);
        }
        stamp(bands, buffer, cell);
        return trace(bands, cell, minHoleM2, gf, out, areaM2, res);
    }

    private Geometry[] trace(int bands, double cell, double minHoleM2, GeometryFactory gf, LocalFrame out,
                             double[] areaM2, Geometry[] res) {
        tracer.reset(this, bands);
        for (int k = 0; k < bands; k++) {
            res[k] = tracer.trace(k, ox * cell, oy * cell, cell, minHoleM2, gf, out, areaM2);
        }
        return res;
    }

    /**
     * The cells already given to earlier starts in {@code split} mode, on one grid for all of them (absolute
     * origin at a multiple of 64 cells; rasters drawn with {@link #splitPolygons} line up with it word for word).
     */
    static final class Taken {
        private final long ox;
        private final long oy;
        private final int ww;
        private final int h;
        private final long[] bits;

        /** A mask over absolute cells [lox, hix) × [loy, hiy). */
        Taken(long lox, long loy, long hix, long hiy) {
            this.ox = Math.floorDiv(lox, 64) * 64;
            this.oy = loy;
            this.ww = (int) ((hix - ox) >>> 6) + 2;
            this.h = (int) (hiy - loy);
            this.bits = new long[ww * h];
        }

        static long cells(long lox, long loy, long hix, long hiy) {
            return (Math.floorDiv(hix - Math.floorDiv(lox, 64) * 64, 64) + 2) * 64 * (hiy - loy);
        }
    }

    /**
     * The polygons of {@code split} mode for the next start in order: its cells less those of {@code taken} (the
     * largest band of every earlier start), after which its own largest band is added to {@code taken}. As
     * {@link #polygons(int, double, double, double, GeometryFactory, LocalFrame, double[])} otherwise; everything
     * added must lie inside the mask's bounds.
     */
    Geometry[] splitPolygons(int bands, double buffer, double cell, double minHoleM2, GeometryFactory gf,
                             double[] areaM2, Taken taken) {
        Geometry[] res = new Geometry[bands];
        Arrays.fill(areaM2, 0, bands, 0);
        if (n == 0 && nfp == 0) {
            Arrays.fill(res, gf.createPolygon());
            return res;
        }
        alignToWords = true;
        try {
            stamp(bands, buffer, cell);
        } finally {
            alignToWords = false;
        }
        int dq = (int) ((ox - taken.ox) >>> 6);
        int dj = (int) (oy - taken.oy);
        if (ox < taken.ox || oy < taken.oy || dq + ww > taken.ww || dj + h > taken.h) {
            throw new IllegalStateException("split raster outside its mask");
        }
        int planeWords = h * ww;
        int last = (bands - 1) * planeWords;
        long[] own = Arrays.copyOfRange(bits, last, last + planeWords);
        for (int j = 0; j < h; j++) {
            int t = (dj + j) * taken.ww + dq;
            for (int q = 0; q < ww; q++) {
                long mask = ~taken.bits[t + q];
                for (int k = 0; k < bands; k++) {
                    bits[k * planeWords + j * ww + q] &= mask;
                }
            }
        }
        trace(bands, cell, minHoleM2, gf, null, areaM2, res);
        for (int j = 0; j < h; j++) {
            int t = (dj + j) * taken.ww + dq;
            for (int q = 0; q < ww; q++) {
                taken.bits[t + q] |= own[j * ww + q];
            }
        }
        return res;
    }

    /**
     * The footprint of everything added (as one band): the cells whose centre lies within {@code buffer} of an added
     * segment, in absolute grid indices (cell i covers [i c, (i + 1) c)). Layout: [0] = minJ &lt;&lt; 32 | minI,
     * [1] = maxJ &lt;&lt; 32 | maxI, then one long per run of cells in a row, rows ascending:
     * (j − minJ) &lt;&lt; 42 | (i0 − minI) &lt;&lt; 21 | (i1 − minI), cells i0 .. i1 inclusive. Null when no cell is
     * inside.
     */
    long[] footprint(double buffer, double cell) {
        if (n == 0) {
            return null;
        }
        stamp(1, buffer, cell);
        if (w >= 1 << 21 || h >= 1 << 21) {
            throw new IllegalStateException("footprint grid of " + w + " x " + h + " cells is too large");
        }
        // one scan: runs relative to the grid, then shifted to their bounds
        long[] runs = footprintRuns;
        int nr = 2;
        int minI = Integer.MAX_VALUE;
        int minJ = Integer.MAX_VALUE;
        int maxI = Integer.MIN_VALUE;
        int maxJ = Integer.MIN_VALUE;
        for (int j = 0; j < h; j++) {
            int base = j * ww;
            int i = nextSet(bits, base, 0, w);
            while (i < w) {
                int e = nextClear(bits, base, i, w);
                minI = Math.min(minI, i);
                maxI = Math.max(maxI, e - 1);
                minJ = Math.min(minJ, j);
                maxJ = Math.max(maxJ, j);
                if (nr == runs.length) {
                    runs = footprintRuns = Arrays.copyOf(runs, 2 * nr);
                }
                runs[nr++] = ((long) j << 42) | ((long) i << 21) | (e - 1);
                i = nextSet(bits, base, e, w);
            }
        }
        if (minI == Integer.MAX_VALUE) {
            return null;
        }
        long shift = ((long) minJ << 42) | ((long) minI << 21) | minI;
        for (int r = 2; r < nr; r++) {
            runs[r] -= shift;
        }
        long[] fp = Arrays.copyOf(runs, nr);
        fp[0] = ((long) (minJ + oy) << 32) | ((minI + ox) & 0xffffffffL);
        fp[1] = ((long) (maxJ + oy) << 32) | ((maxI + ox) & 0xffffffffL);
        if (fp[0] >> 32 != minJ + oy || (int) fp[0] != minI + ox || maxI - minI >= 1 << 21 || maxJ - minJ >= 1 << 21) {
            throw new IllegalStateException("footprint outside the grid's index range");
        }
        return fp;
    }

    /**
     * Sizes the grid to everything added (with an empty margin of at least one cell) and stamps it: each band's
     * own cells into its plane, then every plane OR-ed into the next, so plane k holds the cells of bands ≤ k.
     */
    private void stamp(int bands, double buffer, double cell) {
        long cells = size(buffer, cell);
        if (cells > 200_000_000L) {
            throw new IllegalStateException("service area grid of " + (hix - ox) + " x " + (hiy - oy)
                + " cells is too large");
        }
        w = (int) (hix - ox);
        h = (int) (hiy - oy);
        stampSized(bands, buffer, cell);
    }

    /** The grid bounds for everything added: absolute cell indices {min i, min j, max i + 1, max j + 1}. */
    long[] bounds(double buffer, double cell) {
        size(buffer, cell);
        return new long[] {ox, oy, hix, hiy};
    }

    /**
     * Sets the grid origin ({@code ox, oy}) and upper bounds for everything added, with an empty margin of at least
     * one cell, and returns its cell count.
     */
    private long size(double buffer, double cell) {
        long lox = Long.MAX_VALUE;
        long loy = Long.MAX_VALUE;
        long hix = Long.MIN_VALUE;
        long hiy = Long.MIN_VALUE;
        if (n > 0) {
            lox = (long) Math.floor((minX - buffer) / cell) - 1;
            loy = (long) Math.floor((minY - buffer) / cell) - 1;
            hix = (long) Math.ceil((maxX + buffer) / cell) + 1;
            hiy = (long) Math.ceil((maxY + buffer) / cell) + 1;
        }
        if (nfp > 0) {
            lox = Math.min(lox, fpMinI - 1L);
            loy = Math.min(loy, fpMinJ - 1L);
            hix = Math.max(hix, fpMaxI + 2L);
            hiy = Math.max(hiy, fpMaxJ + 2L);
        }
        if (alignToWords) {
            lox = Math.floorDiv(lox, 64) * 64;
        }
        ox = lox;
        oy = loy;
        this.hix = hix;
        this.hiy = hiy;
        return (hix - lox) * (hiy - loy);
    }

    private void stampSized(int bands, double buffer, double cell) {
        ww = (w >>> 6) + 1;
        int planeWords = h * ww;
        int words = bands * planeWords;
        if (bits.length < words) {
            bits = new long[Math.max(words, 2 * bits.length)];
        }
        long[] bits = this.bits;
        Arrays.fill(bits, 0, words, 0L);
        double r = buffer / cell;
        for (int s = 0; s < n; s++) {
            int o = 7 * s;
            int tag = (int) seg[o + 4];
            double ax = seg[o] / cell - ox;
            double ay = seg[o + 1] / cell - oy;
            double bx = seg[o + 2] / cell - ox;
            double by = seg[o + 3] / cell - oy;
            int plane = (tag & 255) * planeWords;
            capsule(bits, plane, ww, w, h, ax, ay, bx, by, r, (tag & 256) == 0, (tag & 512) == 0);
            if (!Double.isNaN(seg[o + 5])) {
                wedge(bits, plane, ww, w, h, ax, ay, ax - (seg[o + 5] / cell - ox), ay - (seg[o + 6] / cell - oy),
                    bx - ax, by - ay, r);
            }
        }
        for (int f = 0; f < nfp; f++) {
            long[] fp = fps[f];
            int plane = fpBand[f] * planeWords;
            int di = (int) ((int) fp[0] - ox);
            int dj = (int) ((fp[0] >> 32) - oy);
            for (int q = 2; q < fp.length; q++) {
                long run = fp[q];
                int j = (int) (run >>> 42) + dj;
                setRange(bits, plane + j * ww, (int) ((run >>> 21) & 0x1fffff) + di, (int) (run & 0x1fffff) + di);
            }
        }
        for (int k = 1; k < bands; k++) {
            int a = (k - 1) * planeWords;
            int b = k * planeWords;
            for (int q = 0; q < planeWords; q++) {
                bits[b + q] |= bits[a + q];
            }
        }
    }

    /** Sets cells i0 .. i1 (inclusive, i0 ≤ i1) of the row starting at word {@code base}. */
    private static void setRange(long[] bits, int base, int i0, int i1) {
        int q0 = i0 >>> 6;
        int q1 = i1 >>> 6;
        long first = -1L << i0;
        long last = -1L >>> (63 - (i1 & 63));
        if (q0 == q1) {
            bits[base + q0] |= first & last;
            return;
        }
        bits[base + q0] |= first;
        for (int q = q0 + 1; q < q1; q++) {
            bits[base + q] = -1L;
        }
        bits[base + q1] |= last;
    }

    /** The first set cell at or after i in the row at {@code base} (w when none). */
    private static int nextSet(long[] bits, int base, int i, int w) {
        if (i >= w) {
            return w;
        }
        int q = i >>> 6;
        long word = bits[base + q] & (-1L << i);
        while (word == 0) {
            if (++q * 64 >= w) {
                return w;
            }
            word = bits[base + q];
        }
        return Math.min(w, q * 64 + Long.numberOfTrailingZeros(word));
    }

    /** The first clear cell at or after i in the row at {@code base} (w when none). */
    private static int nextClear(long[] bits, int base, int i, int w) {
        if (i >= w) {
            return w;
        }
        int q = i >>> 6;
        long word = ~bits[base + q] & (-1L << i);
        while (word == 0) {
            if (++q * 64 >= w) {
                return w;
            }
            word = ~bits[base + q];
        }
        return Math.min(w, q * 64 + Long.numberOfTrailingZeros(word));
    }

    /**
     * The capsule of segment a-b (the rectangle along the segment, with {@code capA} / {@code capB} the disc around
     * a / b), one interval per grid row: cells whose centre lies inside become min(cell, band).
     */
    private static void capsule(long[] bits, int plane, int ww, int w, int h, double ax, double ay, double bx,
                                double by, double r, boolean capA, boolean capB) {
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
                fill(bits, plane + j * ww, w, lo, hi);
            }
        }
    }

    /**
     * Cells of the disc around v whose centre lies beyond the incoming direction d1 ((p−v)·d1 ≥ 0) and before the
     * outgoing direction d2 ((p−v)·d2 ≤ 0): the sector on the outer side of the turn at v (empty for a straight
     * continuation, a half-disc for a reversal; convex, so one interval per row).
     */
    private static void wedge(long[] bits, int plane, int ww, int w, int h, double vx, double vy, double d1x,
                              double d1y, double d2x, double d2y, double r) {
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
                fill(bits, plane + j * ww, w, vx + lo, vx + hi);
            }
        }
    }

    /** The row at word {@code base}: cells whose centre x (i + 0.5) lies in [lo, hi] are set. */
    private static void fill(long[] bits, int base, int w, double lo, double hi) {
        int i0 = Math.max(0, (int) Math.ceil(lo - 0.5));
        int i1 = Math.min(w - 1, (int) Math.floor(hi - 0.5));
        if (i0 <= i1) {
            setRange(bits, base, i0, i1);
        }
    }

    /**
     * Traces the boundary of {cells of band ≤ k} into rings, inside on the left: counter-clockwise shells, clockwise
     * holes. Every ring has at least one westward edge along the top of an inside cell whose upper neighbour is
     * outside ("top edges", found word by word as {@code plane[j] & ~plane[j + 1]}); tracing starts at each top edge
     * not yet passed and clears the top edges it passes, so each ring is traced once and only boundaries are visited:
     * O(grid words + boundary) per band. At a saddle vertex (two inside cells touching only at a corner) the ring
     * turns left, so cells are 4-connected; a ring that comes back to a vertex it already passed is split there,
     * so every emitted ring is simple. The work arrays are kept between calls.
     */
    static final class Tracer {
        /**
         * NEXT[code * 4 + in]: outgoing direction at a vertex whose four cells are {@code code} (bit 0 the cell to
         * the north-east, 1 north-west, 2 south-west, 3 south-east), arriving in direction {@code in}; -1 none.
         */
        private static final byte[] NEXT = new byte[64];

        static {
            for (int code = 0; code < 16; code++) {
                boolean ne = (code & 1) != 0;
                boolean nw = (code & 2) != 0;
                boolean sw = (code & 4) != 0;
                boolean se = (code & 8) != 0;
                // inside on the left: east needs NE in, SE out; north NW in, NE out; west SW in, NW out; south SE in,
                // SW out
                int mask = (ne && !se ? 1 : 0) | (nw && !ne ? 2 : 0) | (sw && !nw ? 4 : 0) | (se && !sw ? 8 : 0);
                for (int in = 0; in < 4; in++) {
                    int d = -1;
                    if (mask != 0) {
                        int left = (in + 1) & 3;
                        d = (mask & (1 << left)) != 0 ? left
                            : (mask & (1 << in)) != 0 ? in : Integer.numberOfTrailingZeros(mask);
                    }
                    NEXT[code * 4 + in] = (byte) d;
                }
            }
        }

        private long[] bits;
        private int w;
        private int h;
        private int ww;
        /** Top edges of the band being traced, cleared as they are passed. */
        private long[] top = new long[0];
        /**
         * Saddle corners of the ring being traced and their stack positions (open addressing, slots of older
         * rings told apart by generation): only a saddle can be passed twice.
         */
        private int[] saddleKey = new int[256];
        private int[] saddlePos = new int[256];
        private int[] saddleGen = new int[256];
        private int saddles;
        private int gen;
        private int[] stackI = new int[256];
        private int[] stackJ = new int[256];
        private int[] dirs = new int[256];
        private final double[] ll = new double[2];
        /** Rings as packed x, y sequences (one array per ring, no {@code Coordinate} per vertex). */
        private final List<CoordinateSequence> shells = new ArrayList<>();
        private final List<Double> shellAreas = new ArrayList<>();
        private final List<CoordinateSequence> holes = new ArrayList<>();
        private final List<double[]> holeProbe = new ArrayList<>();

        void reset(BandRaster r, int bands) {
            this.bits = r.bits;
            this.w = r.w;
            this.h = r.h;
            this.ww = r.ww;
            if (top.length < h * ww) {
                top = new long[Math.max(h * ww, 2 * top.length)];
            }
        }

        /** Stack position of saddle corner v in the current ring, or -1. */
        private int saddleAt(int v) {
            int m = saddleKey.length - 1;
            for (int i = (v * 0x9E3779B1) >>> 8 & m; saddleGen[i] == gen; i = (i + 1) & m) {
                if (saddleKey[i] == v) {
                    return saddlePos[i];
                }
            }
            return -1;
        }

        private void putSaddle(int v, int pos) {
            if (2 * (saddles + 1) > saddleKey.length) {
                int[] keys = saddleKey;
                int[] pos0 = saddlePos;
                int[] gens = saddleGen;
                saddleKey = new int[2 * keys.length];
                saddlePos = new int[2 * keys.length];
                saddleGen = new int[2 * keys.length];
                saddles = 0;
                for (int i = 0; i < keys.length; i++) {
                    if (gens[i] == gen) {
                        putSaddle(keys[i], pos0[i]);
                    }
                }
            }
            int m = saddleKey.length - 1;
            int i = (v * 0x9E3779B1) >>> 8 & m;
            while (saddleGen[i] == gen && saddleKey[i] != v) {
                i = (i + 1) & m;
            }
            if (saddleGen[i] != gen) {
                saddles++;
            }
            saddleKey[i] = v;
            saddlePos[i] = pos;
            saddleGen[i] = gen;
        }

        private int code(int plane, int vi, int vj) {
            int north = plane + vj * ww;
            int south = north - ww;
            return bit(bits, north, vi) | bit(bits, north, vi - 1) << 1 | bit(bits, south, vi - 1) << 2
                | bit(bits, south, vi) << 3;
        }

        /** Rings of band k, vertices mapped by {@code map} (null: metric); adds the band's metric area. */
        Geometry trace(int k, double x0, double y0, double cell, double minHoleM2, GeometryFactory gf, LocalFrame map,
                       double[] areaM2) {
            shells.clear();
            shellAreas.clear();
            holes.clear();
            holeProbe.clear();
            final long[] bits = this.bits;
            final long[] top = this.top;
            final int ww = this.ww;
            final int plane = k * h * ww;
            // the grid's outer cells are never inside: the last row has no top edges, vertices need no bounds checks
            for (int q = 0; q < (h - 1) * ww; q++) {
                top[q] = bits[plane + q] & ~bits[plane + q + ww];
            }
            Arrays.fill(top, (h - 1) * ww, h * ww, 0L);
            for (int q = 0; q < (h - 1) * ww; q++) {
                while (top[q] != 0) {
                    int ci = (q % ww) * 64 + Long.numberOfTrailingZeros(top[q]);
                    int cj = q / ww;
                    // the westmost top edge of a run ends at a corner: vertex (ci, cj + 1), reached going west
                    ring(plane, ci, cj + 1, x0, y0, cell, minHoleM2, map, areaM2, k);
                }
            }
            return assemble(gf);
        }

        /**
         * Traces the ring arriving westward at corner (i0, j0) (the west end of a run of top edges), emitting it
         * and the loops split off at vertices it passes twice. Only corners are visited: a straight stretch is
         * crossed in one step (word operations along rows, a bit per row along columns), and only a corner can be
         * passed twice (a saddle, where the ring always turns).
         */
        private void ring(int plane, int i0, int j0, double x0, double y0, double cell, double minHoleM2, LocalFrame map,
                          double[] areaM2, int k) {
            final long[] bits = this.bits;
            final int ww = this.ww;
            final int vw = w + 1;
            if (++gen == Integer.MAX_VALUE) {
                Arrays.fill(saddleGen, 0);
                gen = 1;
            }
            saddles = 0;
            int sp = 0;
            // vertices as separate column and row (no division per corner); a saddle's hash key is vj * vw + vi
            int vi = i0;
            int vj = j0;
            stackI[0] = vi;
            stackJ[0] = vj;
            int in = 2;
            int code = code(plane, vi, vj);
            if (code == 5 || code == 10) {
                putSaddle(j0 * vw + i0, 0);
            }
            while (true) {
                int north = plane + vj * ww;
                int south = north - ww;
                int d = NEXT[code * 4 + in];
                dirs[sp] = d;
                switch (d) {
                    case 0 -> // east while the cell to the north is in and the one to the south out
                        vi = firstNot(bits, north, south, vi);
                    case 2 -> { // west while the cell to the south is in and the one to the north out
                        int c = lastNot(bits, south, north, vi - 1);
                        clearRange(top, (vj - 1) * ww, c + 1, vi - 1);
                        vi = c + 1;
                    }
                    case 1 -> { // north while the cell to the west is in and the one to the east out
                        do {
                            vj++;
                            north += ww;
                        } while (bit(bits, north, vi - 1) == 1 && bit(bits, north, vi) == 0);
                    }
                    default -> { // south while the cell to the east is in and the one to the west out
                        do {
                            vj--;
                            south -= ww;
                        } while (bit(bits, south, vi) == 1 && bit(bits, south, vi - 1) == 0);
                    }
                }
                in = d;
                if (vi == i0 && vj == j0 && in == 2) {
                    emit(0, sp, x0, y0, cell, minHoleM2, map, areaM2, k);
                    return;
                }
                code = code(plane, vi, vj);
                if (code == 5 || code == 10) {
                    // a saddle passed before in this ring (a stale entry no longer matches the stack): split there
                    int key = vj * vw + vi;
                    int p = saddleAt(key);
                    if (p >= 0 && p <= sp && stackI[p] == vi && stackJ[p] == vj) {
                        emit(p, sp, x0, y0, cell, minHoleM2, map, areaM2, k);
                        sp = p;
                        continue;
                    }
                    putSaddle(key, sp + 1);
                }
                sp++;
                if (sp == stackI.length) {
                    stackI = Arrays.copyOf(stackI, sp * 2);
                    stackJ = Arrays.copyOf(stackJ, sp * 2);
                    dirs = Arrays.copyOf(dirs, sp * 2);
                }
                stackI[sp] = vi;
                stackJ[sp] = vj;
            }
        }

        private static int bit(long[] bits, int row, int i) {
            return (int) (bits[row + (i >>> 6)] >>> i) & 1;
        }

        /** The first cell c ≥ i that is not (set in row {@code a} and clear in row {@code b}). */
        private static int firstNot(long[] bits, int a, int b, int i) {
            int q = i >>> 6;
            long m = ~(bits[a + q] & ~bits[b + q]) & (-1L << i);
            while (m == 0) {
                q++;
                m = ~(bits[a + q] & ~bits[b + q]);
            }
            return q * 64 + Long.numberOfTrailingZeros(m);
        }

        /** The last cell c ≤ i that is not (set in row {@code a} and clear in row {@code b}). */
        private static int lastNot(long[] bits, int a, int b, int i) {
            int q = i >>> 6;
            long m = ~(bits[a + q] & ~bits[b + q]) & (-1L >>> (63 - (i & 63)));
            while (m == 0) {
                q--;
                m = ~(bits[a + q] & ~bits[b + q]);
            }
            return q * 64 + 63 - Long.numberOfLeadingZeros(m);
        }

        /** Clears cells i0 .. i1 (inclusive, i0 ≤ i1) of the row starting at word {@code base} of {@code words}. */
        private static void clearRange(long[] words, int base, int i0, int i1) {
            int q0 = i0 >>> 6;
            int q1 = i1 >>> 6;
            long first = -1L << i0;
            long last = -1L >>> (63 - (i1 & 63));
            if (q0 == q1) {
                words[base + q0] &= ~(first & last);
                return;
            }
            words[base + q0] &= ~first;
            for (int q = q0 + 1; q < q1; q++) {
                words[base + q] = 0;
            }
            words[base + q1] &= ~last;
        }

        /**
         * Emits the ring stack[p..top] (closing at stack[p]) keeping only corner vertices; its signed area comes from
         * the integer grid vertices, so it is exact.
         */
        private void emit(int p, int top, double x0, double y0, double cell, double minHoleM2,
                          LocalFrame map, double[] areaM2, int k) {
            int corners = 0;
            for (int q = p; q <= top; q++) {
                if (dirs[q == p ? top : q - 1] != dirs[q]) {
                    corners++;
                }
            }
            double[] ring = new double[2 * (corners + 1)];
            long twiceArea = 0;
            int c = 0;
            int fi = 0;
            int fj = 0;
            int pi = 0;
            int pj = 0;
            double[] ll = this.ll;
            for (int q = p; q <= top; q++) {
                if (dirs[q == p ? top : q - 1] == dirs[q]) {
                    continue;
                }
                int vi = stackI[q];
                int vj = stackJ[q];
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
                    ring[c++] = ll[0];
                    ring[c++] = ll[1];
                } else {
                    ring[c++] = x;
                    ring[c++] = y;
                }
            }
            twiceArea += (long) pi * fj - (long) fi * pj;
            ring[c] = ring[0];
            ring[c + 1] = ring[1];
            double a = twiceArea * 0.5 * cell * cell;
            if (a > 0) {
                shells.add(new PackedCoordinateSequence.Double(ring, 2, 0));
                shellAreas.add(a);
                areaM2[k] += a;
            } else if (-a >= minHoleM2) {
                // a point inside the hole: half a cell to the right of the middle of the ring's first edge
                int d = dirs[p];
                int right = (d + 3) & 3;
                double px = x0 + (stackI[p] + 0.5 * DX[d] + 0.5 * DX[right]) * cell;
                double py = y0 + (stackJ[p] + 0.5 * DY[d] + 0.5 * DY[right]) * cell;
                if (map != null) {
                    map.toWgs84(px, py, ll);
                    px = ll[0];
                    py = ll[1];
                }
                holes.add(new PackedCoordinateSequence.Double(ring, 2, 0));
                holeProbe.add(new double[] {px, py});
                areaM2[k] += a;
            }
        }

        private Geometry assemble(GeometryFactory gf) {
            if (shells.isEmpty()) {
                return gf.createPolygon();
            }
            if (holes.isEmpty() && shells.size() == 1) {
                return gf.createPolygon(shells.get(0));
            }
            List<List<LinearRing>> holesOf = new ArrayList<>();
            Envelope[] env = new Envelope[shells.size()];
            for (int s = 0; s < shells.size(); s++) {
                holesOf.add(new ArrayList<>());
                if (!holes.isEmpty()) {
                    env[s] = new Envelope();
                    shells.get(s).expandEnvelope(env[s]);
                }
            }
            for (int hIdx = 0; hIdx < holes.size(); hIdx++) {
                Coordinate probe = new Coordinate(holeProbe.get(hIdx)[0], holeProbe.get(hIdx)[1]);
                int best = -1;
                for (int s = 0; s < shells.size(); s++) {
                    if ((best < 0 || shellAreas.get(s) < shellAreas.get(best)) && env[s].contains(probe)
                        && (shells.size() == 1
                            || RayCrossingCounter.locatePointInRing(probe, shells.get(s)) != Location.EXTERIOR)) {
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

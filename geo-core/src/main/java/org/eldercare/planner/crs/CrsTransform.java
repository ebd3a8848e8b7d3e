package org.eldercare.planner.crs;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * Transforms coordinates between two supported {@link Crs}s: EPSG:4326, 4490, 4513–4554, UTM zones and GCJ-02.
 * Geographic coordinates are always (lon, lat) in degrees, projected ones (easting, northing) in metres.
 *
 * <p>WGS84 and CGCS2000 are treated as one datum (they differ by centimetres), so 4326 ↔ 4490 is the identity and
 * projections are applied without a datum shift. GCJ-02 is handled by {@link Gcj02} (forward formula, iterative
 * inverse below 1 m); a transform from or to GCJ-02 goes through WGS84.
 *
 * <p>THIS CLASS IS IMMUTABLE AND THREAD-SAFE (proj4j state is kept per thread, see {@link ProjPipeline}).
 */
public final class CrsTransform {
    private final Crs source;
    private final Crs target;
    private final ProjPipeline pipeline;

    private CrsTransform(Crs source, Crs target) {
        this.source = source;
        this.target = target;
        int s = source.gcj02() ? 4326 : source.epsg();
        int t = target.gcj02() ? 4326 : target.epsg();
        boolean sameGeo = isGeographic(s) && isGeographic(t);
        this.pipeline = s == t || sameGeo ? null : new ProjPipeline(s, t);
    }

    /**
     * The transform from {@code source} to {@code target}.
     *
     * @throws NullPointerException when either is null
     */
    public static CrsTransform of(Crs source, Crs target) {
        return new CrsTransform(Objects.requireNonNull(source, "source"), Objects.requireNonNull(target, "target"));
    }

    /** Shortcut: transforms {@code g} from {@code source} to {@code target}. */
    public static Geometry transform(Geometry g, Crs source, Crs target) {
        return of(source, target).transform(g);
    }

    public Crs source() {
        return source;
    }

    public Crs target() {
        return target;
    }

    /** True when coordinates come out unchanged (same CRS, or 4326 ↔ 4490). */
    public boolean isIdentity() {
        return pipeline == null && source.gcj02() == target.gcj02();
    }

    /**
     * Transforms one coordinate into {@code out[0..1]}.
     *
     * @throws IllegalArgumentException when the coordinate is outside the domain of the source or target system
     */
    public void transform(double x, double y, double[] out) {
        double cx = x;
        double cy = y;
        if (source.gcj02() && !target.gcj02()) {
            Gcj02.toWgs84(cx, cy, out);
            cx = out[0];
            cy = out[1];
        }
        if (pipeline != null) {
            pipeline.transform(cx, cy, out);
            cx = out[0];
            cy = out[1];
        }
        if (target.gcj02() && !source.gcj02()) {
            Gcj02.fromWgs84(cx, cy, out);
            return;
        }
        out[0] = cx;
        out[1] = cy;
    }

    /** A transformed copy of {@code g} whose SRID is the target's EPSG code (0 for GCJ-02). */
    public Geometry transform(Geometry g) {
        return GeometryTransforms.apply(g, target.srid(), this::transform);
    }

    private static boolean isGeographic(int epsg) {
        return epsg == 4326 || epsg == 4490;
    }

    @Override
    public String toString() {
        return "CrsTransform[" + source.id() + " -> " + target.id() + "]";
    }
}

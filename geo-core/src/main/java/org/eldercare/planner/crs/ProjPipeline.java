package org.eldercare.planner.crs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Point transform between two EPSG systems through proj4j, with no datum shift (all supported systems are WGS84 or
 * CGCS2000, treated as one datum): inverse-project the source to longitude/latitude, then project to the target.
 * THREAD-SAFE.
 *
 * <p>IMPLEMENTATION NOTE: proj4j's {@link BasicCoordinateTransform} keeps scratch coordinates in fields, so one
 * instance must not be shared between threads. Each thread gets its own pair of transforms and scratch
 * coordinates through a {@link ThreadLocal}; after the first call on a thread a transform allocates nothing.
 * (Measured in {@code bench/.../CrsBench}: see docs/bench/crs.md.)
 */
final class ProjPipeline {
    private static final CRSFactory FACTORY = new CRSFactory();
    private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private final int sourceEpsg;
    private final int targetEpsg;
    private final ThreadLocal<Worker> worker;

    ProjPipeline(int sourceEpsg, int targetEpsg) {
        this.sourceEpsg = sourceEpsg;
        this.targetEpsg = targetEpsg;
        CoordinateReferenceSystem src = crs(sourceEpsg);
        CoordinateReferenceSystem tgt = crs(targetEpsg);
        boolean inverse = !src.isGeographic();
        boolean forward = !tgt.isGeographic();
        this.worker = ThreadLocal.withInitial(() -> new Worker(
            inverse ? new BasicCoordinateTransform(src, src.createGeographic()) : null,
            forward ? new BasicCoordinateTransform(tgt.createGeographic(), tgt) : null));
    }

    static CoordinateReferenceSystem crs(int epsg) {
        return CACHE.computeIfAbsent(epsg, code -> {
            synchronized (FACTORY) {
                return FACTORY.createFromName("EPSG:" + code);
            }
        });
    }

    /** Transforms (x, y) into {@code out[0..1]}; throws IllegalArgumentException when proj4j cannot. */
    void transform(double x, double y, double[] out) {
        Worker w = worker.get();
        ProjCoordinate a = w.a;
        ProjCoordinate b = w.b;
        a.x = x;
        a.y = y;
        try {
            if (w.inverse != null) {
                w.inverse.transform(a, b);
                a.x = b.x;
                a.y = b.y;
            }
            if (w.forward != null) {
                w.forward.transform(a, b);
                a.x = b.x;
                a.y = b.y;
            }
        } catch (Proj4jException e) {
            throw new IllegalArgumentException("coordinate (" + x + ", " + y + ") cannot be transformed from EPSG:"
                + sourceEpsg + " to EPSG:" + targetEpsg + ": " + e.getMessage(), e);
        }
        if (!Double.isFinite(a.x) || !Double.isFinite(a.y)) {
            throw new IllegalArgumentException("coordinate (" + x + ", " + y + ") has no finite image from EPSG:"
                + sourceEpsg + " to EPSG:" + targetEpsg);
        }
        out[0] = a.x;
        out[1] = a.y;
    }

    private static final class Worker {
        final BasicCoordinateTransform inverse;
        final BasicCoordinateTransform forward;
        final ProjCoordinate a = new ProjCoordinate();
        final ProjCoordinate b = new ProjCoordinate();

        Worker(BasicCoordinateTransform inverse, BasicCoordinateTransform forward) {
            this.inverse = inverse;
            this.forward = forward;
        }
    }
}

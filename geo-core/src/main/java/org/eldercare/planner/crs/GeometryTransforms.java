package org.eldercare.planner.crs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Applies a point transform to every coordinate of a copy of a JTS geometry. Stateless and thread-safe. */
final class GeometryTransforms {
    private static final Map<Integer, GeometryFactory> FACTORIES = new ConcurrentHashMap<>();

    private GeometryTransforms() {}

    /** A point transform writing (x', y') into {@code out[0..1]}. */
    @FunctionalInterface
    interface PointOp {
        void apply(double x, double y, double[] out);
    }

    /** The geometry factory (floating precision) for the given SRID, shared. */
    static GeometryFactory factory(int srid) {
        return FACTORIES.computeIfAbsent(srid, s -> new GeometryFactory(new PrecisionModel(), s));
    }

    /** A transformed deep copy of {@code g} with SRID {@code targetSrid}; {@code g} is not changed. */
    static Geometry apply(Geometry g, int targetSrid, PointOp op) {
        if (g == null) {
            throw new IllegalArgumentException("geometry: must not be null");
        }
        Geometry copy = factory(targetSrid).createGeometry(g);
        double[] out = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                op.apply(seq.getX(i), seq.getY(i), out);
                seq.setOrdinate(i, CoordinateSequence.X, out[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, out[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.setSRID(targetSrid);
        return copy;
    }
}

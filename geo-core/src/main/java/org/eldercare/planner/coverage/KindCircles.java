package org.eldercare.planner.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One service kind's service area at the service minutes, kept as the circles of its facilities (WGS84, one
 * polygon or multipolygon per facility, not unioned) in an index, so that a spatial gap is clipped by the few circles
 * near it. Their union is the kind's dissolved service area; subtracting them one by one gives the same gap as
 * subtracting the union (A − B − C = A − (B ∪ C)). Each circle has a process-unique id ({@link Circle#id()}), which
 * keys the clip cache: a what-if that adds or moves one facility creates one new circle and leaves the others' ids,
 * so only the gaps its circle touches are clipped again. Immutable after construction; package-private helper of
 * {@link CoverageNetwork} and {@link SpatialGapFinder}.
 */
final class KindCircles {
    private static final AtomicLong IDS = new AtomicLong();

    /** One facility's circle with its id. */
    record Circle(long id, PreparedGeometry prepared) {
        static Circle of(Geometry area) {
            return new Circle(IDS.incrementAndGet(), PreparedGeometryFactory.prepare(area));
        }

        Geometry geometry() {
            return prepared.getGeometry();
        }
    }

    private final STRtree index = new STRtree();
    private final boolean empty;

    KindCircles(List<Circle> circles) {
        boolean none = true;
        for (Circle c : circles) {
            if (!c.geometry().isEmpty()) {
                index.insert(c.geometry().getEnvelopeInternal(), c);
                none = false;
            }
        }
        index.build();
        empty = none;
    }

    /** True when no facility of the kind reaches anything. */
    boolean isEmpty() {
        return empty;
    }

    /** The circles that intersect {@code g} (exact test after an envelope query), in ascending id order. */
    List<Circle> intersecting(Geometry g) {
        List<Circle> out = new ArrayList<>();
        for (Object o : index.query(g.getEnvelopeInternal())) {
            Circle c = (Circle) o;
            if (c.prepared().intersects(g)) {
                out.add(c);
            }
        }
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return out;
    }
}

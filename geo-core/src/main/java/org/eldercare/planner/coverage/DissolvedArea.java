package org.eldercare.planner.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One service kind's dissolved service area (WGS84), split into its polygons and indexed, so that a spatial gap is
 * clipped by the few polygons near it instead of the whole county's circles. Each instance has a process-unique
 * {@link #id()}: clip results are cached by it, and an area is rebuilt (new id) whenever the kind's facilities
 * change. Immutable after construction; package-private helper of {@link CoverageNetwork} and
 * {@link SpatialGapFinder}.
 */
final class DissolvedArea {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final Geometry geometry;
    private final STRtree parts = new STRtree();

    DissolvedArea(Geometry geometry) {
        this.geometry = geometry;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry p = geometry.getGeometryN(i);
            if (!p.isEmpty()) {
                parts.insert(p.getEnvelopeInternal(), PreparedGeometryFactory.prepare(p));
            }
        }
        parts.build();
    }

    long id() {
        return id;
    }

    Geometry geometry() {
        return geometry;
    }

    boolean isEmpty() {
        return geometry.isEmpty();
    }

    /** The area's polygons that intersect {@code g} (exact test, after an envelope query). */
    List<Geometry> partsIntersecting(Geometry g) {
        Envelope env = g.getEnvelopeInternal();
        List<Geometry> out = new ArrayList<>();
        for (Object o : parts.query(env)) {
            PreparedGeometry p = (PreparedGeometry) o;
            if (p.intersects(g)) {
                out.add(p.getGeometry());
            }
        }
        return out;
    }
}

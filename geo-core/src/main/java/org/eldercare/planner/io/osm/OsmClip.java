package org.eldercare.planner.io.osm;

import org.eldercare.planner.crs.MetricProjection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The area an OSM stream is cut to: a WGS84 boundary (a county) widened by a buffer in metres, so that a regional or
 * national extract of hundreds of MB is read with memory for the county only. Nodes outside the area's bounding box
 * are not kept; a way keeps its runs of consecutive kept nodes that touch the area (a road leaving the county is cut
 * at the edge of the box, a buffer's width beyond the boundary). Immutable; THREAD-SAFE.
 */
public final class OsmClip {
    private final Geometry area;
    private final PreparedGeometry prepared;
    private final Envelope box;
    private final double bufferMeters;

    private OsmClip(Geometry area, double bufferMeters) {
        this.area = area;
        this.prepared = PreparedGeometryFactory.prepare(area);
        this.box = area.getEnvelopeInternal();
        this.bufferMeters = bufferMeters;
    }

    /**
     * @param boundaryWgs84 the boundary to keep (e.g. the union of a county's polygons), lon/lat
     * @param bufferMeters  how far beyond it roads are kept, metres in [0, 50 000] (roads just outside a county
     *                      still carry its residents to its facilities)
     */
    public static OsmClip of(Geometry boundaryWgs84, double bufferMeters) {
        if (boundaryWgs84 == null || boundaryWgs84.isEmpty()) {
            throw new IllegalArgumentException("clip: the boundary is empty");
        }
        checkBuffer(bufferMeters);
        MetricProjection gk = MetricProjection.forGeometry(boundaryWgs84);
        Geometry area = bufferMeters == 0 ? boundaryWgs84
            : gk.toWgs84(gk.toMetric(boundaryWgs84).buffer(bufferMeters, 8));
        return new OsmClip(area, bufferMeters);
    }

    /** @throws IllegalArgumentException unless {@code bufferMeters} is in [0, 50 000] */
    public static void checkBuffer(double bufferMeters) {
        if (!(bufferMeters >= 0 && bufferMeters <= 50_000)) {
            throw new IllegalArgumentException("clip: the buffer must be in [0, 50000] m, was " + bufferMeters);
        }
    }

    /** The boundary plus the buffer, lon/lat. */
    public Geometry area() {
        return area;
    }

    public double bufferMeters() {
        return bufferMeters;
    }

    /** Cheap first test for a node: inside the area's bounding box. */
    boolean inBox(double lon, double lat) {
        return box.contains(lon, lat);
    }

    /** Whether a run of a way's coordinates touches the area. */
    boolean touches(Geometry run) {
        return prepared.intersects(run);
    }
}

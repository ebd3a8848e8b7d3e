package org.eldercare.planner.model;

import java.util.Map;
import org.locationtech.jts.geom.LineString;

/**
 * One road or path as a line with its OSM-style tags ({@code highway}, {@code oneway}, {@code maxspeed}, …).
 * Network builders turn these into a routable graph. Immutable.
 */
public record RoadSegment(String id, LineString geometry, Map<String, String> tags) {
    public RoadSegment {
        id = Checks.requiredText("id", id);
        Checks.required("geometry", geometry);
        if (geometry.getNumPoints() < 2) {
            throw new InvalidValueException("geometry", geometry, "must have at least 2 vertices");
        }
        tags = Map.copyOf(Checks.required("tags", tags));
    }
}

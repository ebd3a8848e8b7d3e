package org.eldercare.planner.io.osm;

import java.util.Map;

/**
 * Receives OSM elements in file order (nodes before ways before relations, as OSM files are sorted).
 * Implementations keep only what they need, so a province-sized file streams through in constant memory beyond that.
 */
public interface OsmHandler {
    /** A node with its WGS84 position; {@code tags} is empty for untagged nodes. */
    void node(long id, double lon, double lat, Map<String, String> tags);

    /** A way with its node references in order. */
    void way(long id, long[] nodeRefs, Map<String, String> tags);

    /** Called once after the last element. */
    default void end() {}
}

package org.eldercare.planner.io.osm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.model.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * An {@link OsmHandler} that turns an OSM stream into two feature lists, in file order:
 * <ul>
 *   <li>roads: every way with a {@code highway} tag, as a WGS84 LineString;</li>
 *   <li>POIs: nodes, and closed ways (as Polygons), tagged {@code amenity}, {@code healthcare},
 *       {@code social_facility}, {@code place} or {@code office=government}.</li>
 * </ul>
 * Feature ids are {@code node/<id>} or {@code way/<id>}; properties are {@code @type}, {@code @id} (as in osmium's
 * export) followed by all OSM tags sorted by key. Ways with node references missing from the file (clipped
 * extracts) are left out and counted in {@link #skippedWays()}, never silently: callers report the count. Not
 * thread-safe; use one instance per file.
 */
public final class OsmFeatureCollector implements OsmHandler {
    private final NodeStore nodes = new NodeStore();
    private final List<Feature> roads = new ArrayList<>();
    private final List<Feature> pois = new ArrayList<>();
    private final List<String> skippedWays = new ArrayList<>();
    private long nodeCount;
    private long wayCount;

    /** True for the tags of a point of interest kept by this collector. */
    public static boolean isPoi(Map<String, String> tags) {
        return tags.containsKey("amenity") || tags.containsKey("healthcare") || tags.containsKey("social_facility")
            || tags.containsKey("place") || "government".equals(tags.get("office"));
    }

    @Override
    public void node(long id, double lon, double lat, Map<String, String> tags) {
        nodeCount++;
        nodes.put(id, lon, lat);
        if (!tags.isEmpty() && isPoi(tags)) {
            pois.add(new Feature("node/" + id, Geometries.point(lon, lat), properties("node", id, tags)));
        }
    }

    @Override
    public void way(long id, long[] nodeRefs, Map<String, String> tags) {
        wayCount++;
        boolean road = tags.containsKey("highway");
        boolean closed = nodeRefs.length >= 4 && nodeRefs[0] == nodeRefs[nodeRefs.length - 1];
        boolean poi = closed && isPoi(tags);
        if (!road && !poi) {
            return;
        }
        Coordinate[] cs = new Coordinate[nodeRefs.length];
        double[] ll = new double[2];
        for (int i = 0; i < nodeRefs.length; i++) {
            if (!nodes.get(nodeRefs[i], ll)) {
                skippedWays.add("way/" + id + " (node " + nodeRefs[i] + " missing)");
                return;
            }
            cs[i] = new Coordinate(ll[0], ll[1]);
        }
        if (road) {
            if (cs.length < 2) {
                skippedWays.add("way/" + id + " (fewer than 2 nodes)");
            } else {
                roads.add(new Feature("way/" + id, Geometries.WGS84.createLineString(cs),
                    properties("way", id, tags)));
            }
        }
        if (poi) {
            Geometry polygon = Geometries.WGS84.createPolygon(cs);
            pois.add(new Feature("way/" + id, polygon, properties("way", id, tags)));
        }
    }

    private static Map<String, Object> properties(String type, long id, Map<String, String> tags) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("@type", type);
        p.put("@id", id);
        p.putAll(new TreeMap<>(tags));
        return p;
    }

    /** Highway ways as LineStrings. */
    public List<Feature> roads() {
        return List.copyOf(roads);
    }

    /** POI nodes (Points) and closed POI ways (Polygons). */
    public List<Feature> pois() {
        return List.copyOf(pois);
    }

    /** Road or POI ways that could not be built, with the reason. */
    public List<String> skippedWays() {
        return List.copyOf(skippedWays);
    }

    public long nodeCount() {
        return nodeCount;
    }

    public long wayCount() {
        return wayCount;
    }
}

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
import org.locationtech.jts.geom.LineString;

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
    private final OsmClip clip;
    private long nodesOutside;
    private long waysOutside;
    private final List<Feature> roads = new ArrayList<>();
    private final List<Feature> pois = new ArrayList<>();
    private final List<String> skippedWays = new ArrayList<>();
    private long nodeCount;
    private long wayCount;

    /** Collects the whole stream. */
    public OsmFeatureCollector() {
        this(null);
    }

    /**
     * Collects what lies in {@code clip} (null: everything): nodes outside its box are not kept, and a road keeps its
     * runs of kept nodes that touch the area; roads and POIs wholly outside are counted in {@link #waysOutside()}.
     */
    public OsmFeatureCollector(OsmClip clip) {
        this.clip = clip;
    }

    /** True for the tags of a point of interest kept by this collector. */
    public static boolean isPoi(Map<String, String> tags) {
        return tags.containsKey("amenity") || tags.containsKey("healthcare") || tags.containsKey("social_facility")
            || tags.containsKey("place") || "government".equals(tags.get("office"));
    }

    @Override
    public void node(long id, double lon, double lat, Map<String, String> tags) {
        nodeCount++;
        if (clip != null && !clip.inBox(lon, lat)) {
            nodesOutside++;
            return;
        }
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
        if (clip != null) {
            clippedWay(id, nodeRefs, tags, road, poi);
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

    /** A way of a clipped stream: its runs of kept nodes, the ones touching the area. */
    private void clippedWay(long id, long[] nodeRefs, Map<String, String> tags, boolean road, boolean poi) {
        double[] ll = new double[2];
        List<List<Coordinate>> runs = new ArrayList<>();
        List<Coordinate> run = new ArrayList<>();
        boolean complete = true;
        for (long ref : nodeRefs) {
            if (nodes.get(ref, ll)) {
                run.add(new Coordinate(ll[0], ll[1]));
            } else {
                complete = false;
                if (!run.isEmpty()) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        boolean kept = false;
        if (road) {
            int part = 0;
            for (List<Coordinate> r : runs) {
                if (r.size() < 2) {
                    continue;
                }
                LineString line = Geometries.WGS84.createLineString(r.toArray(Coordinate[]::new));
                if (clip.touches(line)) {
                    Map<String, Object> props = properties("way", id, tags);
                    String fid = "way/" + id;
                    if (runs.size() > 1) {   // a way cut into pieces: each piece its own id, way/<id>#<k>
                        fid += "#" + (++part);
                        props.put("@id", id + "#" + part);
                    }
                    roads.add(new Feature(fid, line, props));
                    kept = true;
                }
            }
        }
        if (poi && complete) {
            Geometry polygon = Geometries.WGS84.createPolygon(runs.get(0).toArray(Coordinate[]::new));
            if (clip.touches(polygon)) {
                pois.add(new Feature("way/" + id, polygon, properties("way", id, tags)));
                kept = true;
            }
        }
        if (!kept) {
            waysOutside++;
        }
    }

    /** Nodes not kept because they lie outside the clip's box (0 without a clip). */
    public long nodesOutside() {
        return nodesOutside;
    }

    /** Road and POI ways not kept because no part of them touches the clip area (0 without a clip). */
    public long waysOutside() {
        return waysOutside;
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

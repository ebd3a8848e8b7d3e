package org.eldercare.planner.network;

import org.eldercare.planner.crs.Geodesy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.RoadSegment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * Builds a {@link RoadGraph} from a line layer ({@link RoadSegment}s read from GeoJSON, GeoPackage or PostGIS).
 * Noding: lines are connected where they share a vertex with exactly equal coordinates (an end point or an interior
 * vertex); such vertices become graph nodes and split the lines. Lines that merely cross without a shared vertex
 * (bridges, tunnels, or undigitised junctions) stay unconnected, as in OSM. Each segment's {@code tags} decide
 * whether the {@link TravelProfile} uses it and in which directions; the edge's original id is the segment's index in
 * the input list. Consecutive duplicate vertices are skipped. Immutable inputs, one static call.
 */
public final class RoadSegmentGraphBuilder {
    private RoadSegmentGraphBuilder() {}

    private record Key(double x, double y) {}

    /**
     * @param segments WGS84 road lines with OSM-style tags
     * @param profile  travel profile deciding usability and cost
     * @return the graph; segments the profile rejects are left out
     * @throws InvalidValueException (field {@code roads.highway}) when there are segments but the profile accepts
     *                               none of them: a road layer that would silently give an empty network
     */
    public static RoadGraph build(List<RoadSegment> segments, TravelProfile profile) {
        if (segments == null || profile == null) {
            throw new IllegalArgumentException("segments and profile are required");
        }
        Map<Key, Integer> uses = new HashMap<>();
        int accepted = 0;
        int untagged = 0;
        for (RoadSegment s : segments) {
            if (!s.tags().containsKey("highway")) {
                untagged++;
            }
            if (!profile.accepts(s.tags())) {
                continue;
            }
            accepted++;
            Coordinate[] cs = s.geometry().getCoordinates();
            for (int i = 0; i < cs.length; i++) {
                if (i > 0 && cs[i].equals2D(cs[i - 1])) {
                    continue;
                }
                uses.merge(new Key(cs[i].x, cs[i].y), (i == 0 || i == cs.length - 1) ? 2 : 1, Integer::sum);
            }
        }
        if (accepted == 0 && !segments.isEmpty()) {
            throw new InvalidValueException("roads.highway", untagged + " of " + segments.size() + " untagged",
                "none of the " + segments.size() + " road segments is usable for " + profile.name() + ": "
                    + (untagged == segments.size() ? "no segment has a highway tag (an OSM road class such as "
                        + "footway or residential); map the layer's road-class column to highway with an attribute "
                        + "mapping (Geofabrik's fclass is mapped by default)"
                        : untagged + " have no highway tag and the others' classes or access tags exclude them"));
        }
        GraphBuilder gb = new GraphBuilder(profile);
        Map<Key, Integer> nodeOf = new HashMap<>();
        double[] inter = new double[64];
        for (int si = 0; si < segments.size(); si++) {
            RoadSegment s = segments.get(si);
            if (!profile.accepts(s.tags())) {
                continue;
            }
            double fwd = profile.forwardSeconds(s.tags(), 1.0);
            double bwd = profile.backwardSeconds(s.tags(), 1.0);
            LineString line = s.geometry();
            Coordinate[] cs = line.getCoordinates();
            int start = -1;
            double len = 0;
            int nInter = 0;
            Coordinate prev = null;
            for (int i = 0; i < cs.length; i++) {
                Coordinate c = cs[i];
                if (prev != null && c.equals2D(prev)) {
                    continue;
                }
                Key k = new Key(c.x, c.y);
                boolean isNode = i == 0 || i == cs.length - 1 || uses.get(k) >= 2;
                if (prev != null) {
                    len += Geodesy.haversineMeters(prev.x, prev.y, c.x, c.y);
                }
                if (isNode) {
                    int to = nodeOf.computeIfAbsent(k, kk -> gb.addNode(kk.x(), kk.y(), nodeOf.size()));
                    if (start >= 0) {
                        gb.addEdge(si, start, to, len, fwd >= 0 ? fwd * len : -1, bwd >= 0 ? bwd * len : -1,
                            inter, 0, nInter);
                    }
                    start = to;
                    len = 0;
                    nInter = 0;
                } else {
                    if (2 * nInter + 2 > inter.length) {
                        inter = java.util.Arrays.copyOf(inter, inter.length * 2);
                    }
                    inter[2 * nInter] = c.x;
                    inter[2 * nInter + 1] = c.y;
                    nInter++;
                }
                prev = c;
            }
        }
        return gb.build();
    }
}

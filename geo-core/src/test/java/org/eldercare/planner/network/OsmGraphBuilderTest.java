package org.eldercare.planner.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.circle.CircleMode;
import org.eldercare.planner.circle.ServiceArea;
import org.eldercare.planner.circle.ServiceAreaCalculator;
import org.eldercare.planner.circle.ServiceAreaParams;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.crs.Geodesy;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.testing.SharedData;
import org.eldercare.planner.io.osm.OsmXmlReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Graphs from the real OSM extracts, checked against numbers worked out independently from the osmium-derived road
 * layers (shared/data/raw/osm/*_roads.geojson, SOURCES.md): a Python haversine sum over the GeoJSON features,
 * filtered by the profile rules. Guixi: all 176 highway ways 119 625.3 m (SOURCES says 119.6 km); walk = all but
 * highway=construction (3 985 m) and one access=private service way → 115 605.9 m; drive additionally drops
 * track (481 m) → 115 125.3 m. Haidian: 126 123.2 m; walk drops the motorway without sidewalk (2 155 m) and one
 * access=no footway → 123 943.5 m. The six closed area=yes highway ways in the Haidian .osm are not in the GeoJSON
 * (osmium exported them as polygons); walking uses the outlines that share a node with another walkable way (issue
 * 18), lengths summed the same way from the .osm (Python haversine over the way nodes): 81813447 service 167.8 m,
 * 81813448 service 清华路 351.7 m, 83689714 footway 108.7 m, 83690613 steps 130.9 m, together 759.1 m → 124 702.6 m;
 * 33432219 (pedestrian, 291.5 m) and 226936291 (理学院北广场, 166.5 m) touch no other highway way and are left out. Tolerance 0.5 %: the graph measures on the
 * WGS84 ellipsoid, the Python sum on a sphere (0.1–0.3 % apart at these latitudes).
 */
class OsmGraphBuilderTest {
    static RoadGraph guixiWalk;
    static RoadGraph guixiDrive;
    static Path guixi;

    @BeforeAll
    static void build() throws IOException {
        guixi = SharedData.resolve("data/raw/osm/guixi_360681/guixi_center_2024-11.osm");
        guixiWalk = OsmGraphBuilder.fromOsmXml(guixi, TravelProfile.walk(TravelProfile.PLANNING_NORM_WALK_MPS));
        guixiDrive = OsmGraphBuilder.fromOsmXml(guixi, TravelProfile.drive());
    }

    @Test
    void guixi_walk_graph_has_the_length_of_the_walkable_roads() {
        assertEquals(115_605.9, guixiWalk.totalLengthMeters(), 115_605.9 * 0.005);
        // walking ignores one-way tags: every edge usable both ways
        assertEquals(2 * guixiWalk.edgeCount(), guixiWalk.arcCount());
        assertTrue(guixiWalk.profile().orElseThrow().mode() == TravelProfile.Mode.WALK);
    }

    @Test
    void guixi_drive_graph_has_one_way_streets() {
        assertEquals(115_125.3, guixiDrive.totalLengthMeters(), 115_125.3 * 0.005);
        int oneWay = 0;
        for (int e = 0; e < guixiDrive.edgeCount(); e++) {
            if ((guixiDrive.edgeForwardArc(e) < 0) != (guixiDrive.edgeBackwardArc(e) < 0)) {
                oneWay++;
            }
        }
        // 62 of the drivable GeoJSON features carry oneway=yes/-1 or junction=roundabout; split into edges, more
        assertTrue(oneWay >= 62, "one-way edges: " + oneWay);
    }

    @Test
    void guixi_walk_network_is_essentially_one_piece() {
        // SOURCES: 3 connected pieces, the largest holds ≈100 % of vertices
        GraphSearch s = new GraphSearch(guixiWalk);
        int best = 0;
        for (int start = 0; start < guixiWalk.nodeCount(); start += Math.max(1, guixiWalk.nodeCount() / 20)) {
            s.runFromNodes(new int[] {start}, Double.POSITIVE_INFINITY);
            best = Math.max(best, s.reachedCount());
        }
        assertTrue(best >= 0.97 * guixiWalk.nodeCount(), best + " of " + guixiWalk.nodeCount());
    }

    @Test
    void haidian_walk_graph_has_the_length_of_the_walkable_roads() throws IOException {
        OsmGraphBuilder b = new OsmGraphBuilder(TravelProfile.walk(TravelProfile.ELDERLY_MEAN_WALK_MPS));
        OsmXmlReader.read(SharedData.resolve("data/raw/osm/beijing_haidian_110108/haidian_wudaokou_2017-06.osm"), b);
        RoadGraph g = b.graph();
        assertEquals(124_702.6, g.totalLengthMeters(), 124_702.6 * 0.002);
        // the 0.2 % tolerance separates it from the sum without the four connected outlines (123 943.5, −0.6 %) and
        // with the two isolated ones (125 160.6, +0.4 %)
        assertEquals(2, b.isolatedAreaWays());
    }

    @Test
    void steps_and_crossings_cost_extra_walking_time() {
        TravelProfile p = TravelProfile.walk(1.0);
        assertEquals(100, p.forwardSeconds(Map.of("highway", "footway"), 100), 1e-9);
        assertEquals(200, p.forwardSeconds(Map.of("highway", "steps"), 100), 1e-9);
        assertEquals(100, p.backwardSeconds(Map.of("highway", "residential", "oneway", "yes"), 100), 1e-9);
        assertTrue(!p.accepts(Map.of("highway", "trunk")));
        assertTrue(p.accepts(Map.of("highway", "trunk", "sidewalk", "both")));
        assertTrue(!p.accepts(Map.of("highway", "motorway")));
        assertTrue(!p.accepts(Map.of("highway", "footway", "foot", "no")));
        // area=yes: the outline of a walkable area is walked; not driven; not walked when access is private
        assertTrue(p.accepts(Map.of("highway", "pedestrian", "area", "yes")));
        assertTrue(!p.accepts(Map.of("highway", "pedestrian", "area", "yes", "access", "private")));
        assertTrue(!TravelProfile.drive().accepts(Map.of("highway", "service", "area", "yes")));
        assertTrue(TravelProfile.drive().accepts(Map.of("highway", "service")));
        assertTrue(p.isCrossing(Map.of("highway", "crossing")));
        TravelProfile d = TravelProfile.drive();
        // residential 25 km/h: 100 m in 14.4 s; maxspeed 50 → 7.2 s; oneway=yes: no backward
        assertEquals(14.4, d.forwardSeconds(Map.of("highway", "residential"), 100), 1e-9);
        assertEquals(7.2, d.forwardSeconds(Map.of("highway", "residential", "maxspeed", "50"), 100), 1e-9);
        assertEquals(-1, d.backwardSeconds(Map.of("highway", "residential", "oneway", "yes"), 100));
        assertEquals(-1, d.forwardSeconds(Map.of("highway", "residential", "oneway", "-1"), 100));
    }

    /**
     * A crossing node on a footway adds the penalty once: a 3-node way A–X–B with X a crossing, drawn 100 m + 100 m,
     * walked at 1 m/s with a 10 s penalty costs 210 s end to end.
     */
    @Test
    void crossing_penalty_is_charged_once() {
        OsmGraphBuilder b = new OsmGraphBuilder(TravelProfile.walk(1.0, 2.0, 10.0));
        double[] a = HandDrawnGraphs.lonLat(0, 0);
        double[] x = HandDrawnGraphs.lonLat(100, 0);
        double[] c = HandDrawnGraphs.lonLat(200, 0);
        b.node(1, a[0], a[1], Map.of());
        b.node(2, x[0], x[1], Map.of("highway", "crossing"));
        b.node(3, c[0], c[1], Map.of());
        b.way(10, new long[] {1, 2, 3}, Map.of("highway", "footway"));
        b.end();
        RoadGraph g = b.graph();
        assertEquals(1, g.edgeCount());
        GraphSearch s = new GraphSearch(g);
        s.runFromNodes(new int[] {g.findNode(1)}, Double.POSITIVE_INFINITY);
        assertEquals(210, s.cost(g.findNode(3)), 0.05);
        s.runFromNodes(new int[] {g.findNode(3)}, Double.POSITIVE_INFINITY);
        assertEquals(210, s.cost(g.findNode(1)), 0.05);
    }

    /**
     * A gate walkers may not pass (issue 18): footway A–G–B drawn 100 m + 100 m with G {@code barrier=entrance,
     * foot=no}, and a detour A–D–B with D at (100 m, 100 m), 141.42 m + 141.42 m. At 1 m/s, A to B must take the
     * detour: 282.84 s, not 200 s; the road through the gate stays in the graph (482.84 m in all), its two pieces
     * ending at two copies of G.
     */
    @Test
    void a_node_with_foot_no_is_not_passed() {
        OsmGraphBuilder b = new OsmGraphBuilder(TravelProfile.walk(1.0, 2.0, 0));
        double[][] xy = {{0, 0}, {100, 0}, {200, 0}, {100, 100}};
        for (int i = 0; i < xy.length; i++) {
            double[] ll = HandDrawnGraphs.lonLat(xy[i][0], xy[i][1]);
            b.node(i + 1, ll[0], ll[1], i == 1 ? Map.of("barrier", "entrance", "foot", "no") : Map.of());
        }
        b.way(10, new long[] {1, 2, 3}, Map.of("highway", "footway"));
        b.way(11, new long[] {1, 4, 3}, Map.of("highway", "footway"));
        b.end();
        RoadGraph g = b.graph();
        assertEquals(2, b.blockedNodeCopies());
        assertEquals(482.84, g.totalLengthMeters(), 0.5);
        GraphSearch s = new GraphSearch(g);
        s.runFromNodes(new int[] {g.findNode(1)}, Double.POSITIVE_INFINITY);
        assertEquals(282.84, s.cost(g.findNode(3)), 0.3);
        // without the barrier tag the straight way is taken
        assertTrue(!TravelProfile.walk(1.0).blocksPassage(Map.of("barrier", "entrance")));
        assertTrue(TravelProfile.walk(1.0).blocksPassage(Map.of("barrier", "gate", "access", "private")));
        assertTrue(!TravelProfile.walk(1.0).blocksPassage(Map.of("barrier", "gate", "access", "private", "foot", "yes")));
    }

    /**
     * Circles on Guixi from four points in the town centre: every 15-min area lies within the straight-line
     * bound speed × time + snap distance + buffer of its facility (nobody walks faster than the crow flies).
     */
    @Test
    void guixi_circles_stay_within_the_straight_line_bound() {
        double[][] pts = {{117.2133, 28.2886}, {117.2200, 28.3000}, {117.2050, 28.2950}, {117.2300, 28.3100}};
        List<Facility> fs = new java.util.ArrayList<>();
        for (int i = 0; i < pts.length; i++) {
            fs.add(Facility.of("f" + i, "f" + i, FacilityKind.SERVICE_STATION, Geometries.point(pts[i][0], pts[i][1])));
        }
        ServiceAreaParams p = ServiceAreaParams.defaults(1.0).withMode(CircleMode.PER_FACILITY);
        ServiceAreaResult r = ServiceAreaCalculator.compute(guixiWalk, fs, p);
        assertEquals(4 * 3 - 3 * r.unsnapped().size(), r.areas().size());
        for (ServiceArea a : r.areas()) {
            Facility f = fs.stream().filter(x -> x.id().equals(a.id())).findFirst().orElseThrow();
            double bound = 1.0 * a.minutes() * 60 + p.maxSnapMeters() + p.bufferMeters() + 1;
            for (Coordinate c : a.area().getCoordinates()) {
                double d = Geodesy.distanceMeters(f.location().getX(), f.location().getY(), c.x, c.y);
                assertTrue(d <= bound, a.id() + " " + a.minutes() + " min: vertex " + d + " m away > " + bound);
            }
            assertTrue(a.reachedLengthMeters() > 0 && a.areaM2() > 0);
        }
    }
}

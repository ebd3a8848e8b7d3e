package org.eldercare.planner.io.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.model.Geometries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Cutting an OSM stream to a county: the county is the box lon 117.0–117.1, lat 28.0–28.1, no buffer.
 * <pre>
 *  way 1 (residential)  n1 (116.95) out · n2 (117.02) in · n3 (117.08) in · n4 (117.15) out   → piece n2–n3
 *  way 2 (residential)  n5, n6 far outside                                                     → dropped, counted
 *  way 3 (footway)      n7 in · n8 (117.2) out · n9 in · n10 in                                → piece n9–n10
 *                       (the run [n7] alone is a single node: no line)
 *  node 11 amenity=social_facility inside                                                     → POI kept
 * </pre>
 * Nodes outside the box: n1, n4, n5, n6, n8 = 5.
 */
class OsmClipTest {
    @TempDir
    Path dir;

    private static final String OSM = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lon="116.95" lat="28.05"/>
          <node id="2" lon="117.02" lat="28.05"/>
          <node id="3" lon="117.08" lat="28.05"/>
          <node id="4" lon="117.15" lat="28.05"/>
          <node id="5" lon="117.5" lat="28.5"/>
          <node id="6" lon="117.6" lat="28.5"/>
          <node id="7" lon="117.05" lat="28.02"/>
          <node id="8" lon="117.2" lat="28.02"/>
          <node id="9" lon="117.05" lat="28.08"/>
          <node id="10" lon="117.06" lat="28.08"/>
          <node id="11" lon="117.03" lat="28.03"><tag k="amenity" v="social_facility"/></node>
          <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/></way>
          <way id="2"><nd ref="5"/><nd ref="6"/><tag k="highway" v="residential"/></way>
          <way id="3"><nd ref="7"/><nd ref="8"/><nd ref="9"/><nd ref="10"/><tag k="highway" v="footway"/></way>
        </osm>
        """;

    private static Geometry county() {
        return Geometries.WGS84.toGeometry(new org.locationtech.jts.geom.Envelope(117.0, 117.1, 28.0, 28.1));
    }

    @Test
    void keepsThePiecesInsideAndCountsWhatWasCutAway() throws Exception {
        Path file = dir.resolve("region.osm");
        Files.writeString(file, OSM);
        OsmFeatureCollector c = OsmPoiReader.collect(file, OsmClip.of(county(), 0));
        List<Feature> roads = c.roads();
        assertEquals(List.of("way/1", "way/3#1"), roads.stream().map(Feature::id).toList());
        assertEquals(List.of(new Coordinate(117.02, 28.05), new Coordinate(117.08, 28.05)),
            List.of(roads.get(0).geometry().getCoordinates()));
        assertEquals(List.of(new Coordinate(117.05, 28.08), new Coordinate(117.06, 28.08)),
            List.of(roads.get(1).geometry().getCoordinates()));
        assertEquals("3#1", roads.get(1).properties().get("@id"), "a piece has its own id");
        assertEquals(1, c.waysOutside());
        assertEquals(5, c.nodesOutside());
        assertEquals(11, c.nodeCount());
        assertEquals(List.of("node/11"), c.pois().stream().map(Feature::id).toList());
        assertEquals(List.of(), c.skippedWays());
    }

    @Test
    void aBufferWidensTheAreaInMetres() throws Exception {
        Path file = dir.resolve("region.osm");
        Files.writeString(file, OSM);
        // 116.95 is 0.05° of longitude west of the box: 0.05 × 111 320 × cos 28.05° ≈ 4 912 m; n4 (117.15) the same
        // east. A 6 km buffer takes both in, so way 1 is whole; n8 (117.2, 9.8 km) stays out.
        OsmFeatureCollector c = OsmPoiReader.collect(file, OsmClip.of(county(), 6_000));
        assertEquals(4, c.roads().get(0).geometry().getNumPoints());
        assertEquals("way/1", c.roads().get(0).id());
        assertThrows(IllegalArgumentException.class, () -> OsmClip.of(county(), -1));
        assertThrows(IllegalArgumentException.class, () -> OsmClip.of(county(), 60_000));
    }
}

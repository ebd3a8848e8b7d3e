package org.eldercare.planner.io.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmReadersTest {
    static final String XML = "data/raw/osm/guixi_360681/guixi_center_2024-11.osm";

    static Path pbf() {
        return Path.of("src/test/resources/osm/guixi_center_2024-11.osm.pbf").toAbsolutePath();
    }

    /** Records every callback as text, so that two readers can be compared element by element. */
    static final class Recorder implements OsmHandler {
        final List<String> events = new ArrayList<>();
        int ends;

        @Override
        public void node(long id, double lon, double lat, Map<String, String> tags) {
            events.add("n" + id + " " + lon + " " + lat + " " + new TreeMap<>(tags));
        }

        @Override
        public void way(long id, long[] nodeRefs, Map<String, String> tags) {
            events.add("w" + id + " " + java.util.Arrays.toString(nodeRefs) + " " + new TreeMap<>(tags));
        }

        @Override
        public void end() {
            ends++;
        }
    }

    @Test
    void pbf_delivers_exactly_what_the_xml_delivers() throws IOException {
        // the PBF was made from the XML with osmium (see src/test/resources/osm/README.md); SOURCES.md §1 counts
        // 4020 nodes and 433 ways. PBF stores degrees in 1e-7 units, as does the XML export, so positions are equal.
        Recorder x = new Recorder();
        OsmXmlReader.read(SharedData.resolve(XML), x);
        Recorder p = new Recorder();
        OsmPbfReader.read(pbf(), p);
        assertEquals(4020 + 433, x.events.size());
        assertEquals(x.events.size(), p.events.size());
        for (int i = 0; i < x.events.size(); i++) {
            assertEquals(x.events.get(i), p.events.get(i), "element " + i);
        }
        assertEquals(1, p.ends);
    }

    @Test
    void roads_and_pois_match_osmium_exports() throws IOException {
        // Independent: osmium's exports in shared/data/raw (SOURCES.md §1) hold 176 highway ways; of the POI export,
        // 30 nodes and 2 closed ways carry amenity/healthcare/social_facility/place/office=government (the rest is
        // landuse/leisure or a relation, which this reader does not keep).
        OsmFeatureCollector c = OsmPoiReader.collect(pbf());
        ObjectMapper om = new ObjectMapper();
        JsonNode roads = om.readTree(SharedData.resolve(
            "data/raw/osm/guixi_360681/guixi_center_2024-11_roads.geojson").toFile());
        Set<String> expectedRoads = new TreeSet<>();
        roads.get("features").forEach(f -> expectedRoads.add("way/" + f.get("properties").get("@id").asLong()));
        Set<String> gotRoads = new TreeSet<>();
        c.roads().forEach(f -> gotRoads.add(f.id()));
        assertEquals(176, expectedRoads.size());
        assertEquals(expectedRoads, gotRoads);
        assertEquals(List.of(), c.skippedWays());

        long nodes = c.pois().stream().filter(f -> f.id().startsWith("node/")).count();
        long ways = c.pois().stream().filter(f -> f.id().startsWith("way/")).count();
        assertEquals(30, nodes);
        assertEquals(2, ways);
        Feature city = c.pois().stream().filter(f -> f.id().equals("node/3004970420")).findFirst().orElseThrow();
        assertEquals("city", city.properties().get("place"));
        assertEquals("贵溪市", city.properties().get("name"));
        assertEquals(117.2401238, city.geometry().getCoordinate().x, 1e-12);
        assertTrue(c.pois().stream().filter(f -> f.id().startsWith("way/"))
            .allMatch(f -> f.geometry().getGeometryType().equals("Polygon")));
    }

    @Test
    void a_file_that_is_not_pbf_is_refused(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.osm.pbf");
        Files.write(bad, new byte[] {0, 0, 0, 5, 1, 2, 3, 4, 5, 6, 7});
        var e = assertThrows(ReadException.class, () -> OsmPbfReader.read(bad, new Recorder()));
        assertEquals("pbf", e.problems().get(0).field());
        assertEquals(bad.toString(), e.problems().get(0).file());
    }
}

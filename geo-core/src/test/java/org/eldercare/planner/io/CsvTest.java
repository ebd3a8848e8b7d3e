package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;

class CsvTest {
    @TempDir
    Path dir;

    @Test
    void rfc4180_quoting_round_trips_commas_quotes_and_line_breaks() throws IOException {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", "敬老院, \"东区\"");
        props.put("note", "line1\r\nline2");
        props.put("padded", " x ");
        props.put("empty", "");
        Feature f = new Feature("A", Geometries.point(117.21329876543, 28.28857123456), props);
        Path p = dir.resolve("q.csv");
        CsvWriter.write(p, List.of(f), Crs.WGS84, true);
        byte[] bytes = Files.readAllBytes(p);
        // UTF-8 BOM EF BB BF, then the header; the writer quotes exactly the fields that need it
        assertEquals((byte) 0xEF, bytes[0]);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertEquals("id,name,note,padded,empty,lon,lat\r\n"
            + "A,\"敬老院, \"\"东区\"\"\",\"line1\r\nline2\",\" x \",,117.21329876543,28.28857123456\r\n", text);
        FeatureLayer back = CsvReader.read(p);
        assertEquals(1, back.size());
        Feature b = back.features().get(0);
        assertEquals("A", b.id());
        assertEquals(props.get("name"), b.properties().get("name"));
        assertEquals(props.get("note"), b.properties().get("note"));
        assertEquals(" x ", b.properties().get("padded"));
        assertTrue(f.geometry().equalsExact(b.geometry(), 0.0));
    }

    @Test
    void chinese_columns_map_to_facilities() throws IOException {
        Path p = dir.resolve("fac.csv");
        Files.writeString(p, "\uFEFF编号,名称,类型,床位数,护理型床位数,运营方式,经度,纬度\r\n"
            + "F1,贵溪市中心敬老院,中心敬老院,120,60,公建民营,117.2133,28.2886\r\n", StandardCharsets.UTF_8);
        List<Facility> fs = LayerMapper.defaults().facilities(CsvReader.read(p, ReadOptions.china()));
        Facility f = fs.get(0);
        assertEquals("F1", f.id());
        assertEquals(FacilityKind.REGIONAL_CENTRE, f.kind());
        assertEquals(120, f.beds());
        assertEquals(60, f.nursingBeds());
        assertEquals("PUBLIC_BUILT_PRIVATE_RUN", f.operator().orElseThrow().name());
        assertEquals(117.2133, f.location().getX(), 0.0);
    }

    @Test
    void wkt_column_in_a_projected_crs() throws IOException {
        // EPSG:4547 (500000, 2489167.31108) is (114.0, 22.5) per pyproj (see crs.MetricProjectionTest)
        Path p = dir.resolve("wkt.csv");
        Files.writeString(p, "id,wkt\nL1,\"LINESTRING (500000 2489167.31108, 500100 2489167.31108)\"\n");
        FeatureLayer l = CsvReader.read(p, ReadOptions.defaults().withCrs(Crs.epsg(4547)));
        var c = l.features().get(0).geometry().getCoordinates();
        assertEquals(114.0, c[0].x, 1e-9);
        assertEquals(22.5, c[0].y, 1e-9);
        assertEquals(4326, l.features().get(0).geometry().getSRID());
    }

    @Test
    void pgrouting_edges_are_an_attribute_table() throws IOException {
        // header: id,source,target,cost,reverse_cost,capacity,reverse_capacity,x1,y1,x2,y2; 18 edges (README)
        FeatureLayer l = CsvReader.read(SharedData.resolve("benchmarks/pgrouting-sample/edges.csv"));
        assertEquals(18, l.size());
        assertNull(l.features().get(0).geometry());
        assertEquals("5", l.features().get(0).properties().get("source"));
        assertEquals(Map.of("none", 18), l.geometryTypes());
    }

    @Test
    void blank_coordinates_give_a_feature_without_geometry() throws IOException, Exception {
        Path p = dir.resolve("blank.csv");
        Files.writeString(p, "id,lon,lat\nA,,\nB,117.2,28.3\n");
        FeatureLayer l = CsvReader.read(p);
        assertNull(l.features().get(0).geometry());
        assertTrue(new WKTReader().read("POINT (117.2 28.3)").equalsExact(l.features().get(1).geometry()));
    }
}

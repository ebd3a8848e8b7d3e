package org.eldercare.planner.io;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.model.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad inputs: each test asserts the file, the feature and the exact field named in the error, and that nothing is
 * returned. Features are labelled {@code #<0-based index> '<id>'} (CSV adds the line).
 */
class BadInputTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static InputProblem only(ReadException e) {
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    /** The problem names {@code feature} and {@code field}, and its message holds every one of {@code words}. */
    private static void assertProblem(InputProblem pr, String feature, String field, String... words) {
        assertEquals(feature, pr.feature(), pr.toString());
        assertEquals(field, pr.field(), pr.toString());
        for (String w : words) {
            assertTrue(pr.message().contains(w), pr.message());
        }
    }

    /** The one problem of reading {@code content}, written to file {@code name}, as GeoJSON. */
    private InputProblem geoJsonProblem(String name, String content) throws IOException {
        Path p = file(name, content);
        return only(assertThrows(ReadException.class, () -> readGeoJson(p)));
    }

    /** The one problem of reading {@code content}, written to file {@code name}, as CSV with the default options. */
    private InputProblem csvProblem(String name, String content) throws IOException {
        Path p = file(name, content);
        return only(assertThrows(ReadException.class, () -> CsvReader.read(p)));
    }

    private static String fc(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String pointFeature(String id, double lon, double lat, String props) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon
            + "," + lat + "]},\"properties\":{" + props + "}}";
    }

    private FeatureLayer readGeoJson(Path p) throws IOException {
        return GeoJsonReader.read(p, ReadOptions.china());
    }

    @Test
    void broken_json_names_the_json_and_its_line() throws IOException {
        Path p = file("broken.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[ {\"type\": \"Feature\",, } ]}");
        var pr = only(assertThrows(ReadException.class, () -> readGeoJson(p)));
        assertEquals(p.toString(), pr.file());
        assertNull(pr.feature());
        assertEquals("json", pr.field());
        assertTrue(pr.message().contains("line 2"), pr.message());
    }

    @Test
    void empty_geojson_file() throws IOException {
        var pr = geoJsonProblem("empty.geojson", "");
        assertEquals("json", pr.field());
        assertTrue(pr.message().startsWith("empty file"), pr.message());
    }

    @Test
    void empty_csv_file_even_with_only_a_bom() throws IOException {
        var pr = csvProblem("empty.csv", "\uFEFF");
        assertEquals("header", pr.field());
    }

    @Test
    void missing_geometry_member() throws IOException {
        var pr = geoJsonProblem("nogeom.geojson", fc(pointFeature("a", 117.2, 28.3, ""),
            "{\"type\":\"Feature\",\"id\":\"b\",\"properties\":{}}"));
        assertEquals("#1 'b'", pr.feature());
        assertEquals("geometry", pr.field());
    }

    @Test
    void polygon_ring_not_closed() throws IOException {
        var pr = geoJsonProblem("open.geojson", fc("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[117.0,28.0],[117.1,28.0],[117.1,28.1],[117.0,28.1]]]},\"properties\":{}}"));
        assertProblem(pr, "#0", "geometry", "not closed");
    }

    @Test
    void self_intersecting_admin_boundary_is_refused_by_the_mapper() throws IOException {
        // bow-tie: (117,28) (117.1,28.1) (117.1,28) (117,28.1) crosses itself at (117.05, 28.05)
        Path p = file("bowtie.geojson", fc("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[117.0,28.0],[117.1,28.1],[117.1,28.0],[117.0,28.1],[117.0,28.0]]]},"
            + "\"properties\":{\"区划代码\":\"360681001\",\"名称\":\"雄石街道\",\"level\":\"street\"}}"));
        FeatureLayer layer = readGeoJson(p);
        var pr = only(assertThrows(ReadException.class, () -> LayerMapper.defaults().adminUnits(layer)));
        assertProblem(pr, "#0 '360681001'", "geometry", "Self-intersection");
    }

    @Test
    void negative_households_names_the_chinese_column() throws IOException {
        Path p = file("districts.csv", "编号,名称,户数,状态\nD1,东苑,1200,新建\nD2,西苑,-5,已建成\n");
        FeatureLayer layer = CsvReader.read(p, ReadOptions.china());
        var pr = only(assertThrows(ReadException.class, () -> LayerMapper.defaults().districts(layer)));
        assertEquals(p.toString(), pr.file());
        assertProblem(pr, "#1 'D2'", "户数", "-5");
    }

    @Test
    void nursing_beds_above_beds_maps_the_model_field_to_the_source_column() throws IOException {
        Path p = file("fac.csv", "编号,名称,类型,床位数,护理型床位数,经度,纬度\nF1,雄石敬老院,township-nursing-home,60,80,117.21,28.29\n");
        FeatureLayer layer = CsvReader.read(p, ReadOptions.china());
        var pr = only(assertThrows(ReadException.class, () -> LayerMapper.defaults().facilities(layer)));
        assertProblem(pr, "#0 'F1'", "护理型床位数", "nursingBeds", "60");
    }

    @Test
    void unknown_facility_kind() throws IOException {
        Path p = file("kind.geojson", fc(pointFeature("F9", 117.2, 28.3, "\"name\":\"x\",\"kind\":\"spa\"")));
        FeatureLayer layer = readGeoJson(p);
        var pr = only(assertThrows(ReadException.class, () -> LayerMapper.defaults().facilities(layer)));
        assertProblem(pr, "#0 'F9'", "kind", "spa", "day-care-centre");
    }

    @Test
    void swapped_lat_lon_in_csv_names_both_columns() throws IOException {
        Path p = file("swapped.csv", "id,name,lon,lat\nA,ok,117.2,28.3\nB,swapped,28.3,117.2\n");
        var pr = only(assertThrows(ReadException.class, () -> CsvReader.read(p, ReadOptions.china())));
        assertProblem(pr, "#1 'B' (line 3)", "lon/lat", "swapped");
    }

    @Test
    void projected_metres_in_a_wgs84_file_are_a_wrong_crs() throws IOException {
        var pr = geoJsonProblem("metres.geojson", fc(pointFeature("m", 500000, 2489167.3, "")));
        assertProblem(pr, "#0 'm'", "geometry", "projected metres");
    }

    @Test
    void degrees_in_a_file_declared_projected_are_a_wrong_crs() throws IOException {
        var pr = geoJsonProblem("deg.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
            + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}},\"features\":["
            + pointFeature("d", 114.0, 22.5, "") + "]}");
        assertEquals("geometry", pr.field());
        assertTrue(pr.message().contains("look like degrees"), pr.message());
    }

    @Test
    void requested_crs_contradicting_the_files_crs_member() throws IOException {
        Path p = file("crs.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
            + "{\"name\":\"EPSG:4547\"}},\"features\":[]}");
        var pr = only(assertThrows(ReadException.class,
            () -> GeoJsonReader.read(p, ReadOptions.defaults().withCrs(Crs.GCJ02))));
        assertEquals("crs", pr.field());
        assertTrue(pr.message().contains("EPSG:4547") && pr.message().contains("GCJ-02"), pr.message());
    }

    @Test
    void unsupported_crs_member() throws IOException {
        var pr = geoJsonProblem("webmerc.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
            + "\"properties\":{\"name\":\"EPSG:3857\"}},\"features\":[]}");
        assertEquals("crs", pr.field());
    }

    @Test
    void duplicate_feature_ids_in_geojson() throws IOException {
        var pr = geoJsonProblem("dup.geojson", fc(pointFeature("a", 117.2, 28.3, ""),
            pointFeature("b", 117.2, 28.3, ""), pointFeature("a", 117.3, 28.3, "")));
        assertProblem(pr, "#2 'a'", "id", "first at #0");
    }

    @Test
    void duplicate_ids_under_a_mapped_id_column() throws IOException {
        // no "id" column, so the CSV reader does not check; the mapper finds the ids under 编号
        Path p = file("dupfac.csv", "编号,名称,类型,经度,纬度\nS1,甲站,幸福驿站,117.20,28.30\nS1,乙站,幸福驿站,117.21,28.30\n");
        FeatureLayer layer = CsvReader.read(p, ReadOptions.china());
        var pr = only(assertThrows(ReadException.class, () -> LayerMapper.defaults().facilities(layer)));
        assertEquals("#1 'S1'", pr.feature());
        assertEquals("编号", pr.field());
    }

    @Test
    void bad_csv_quoting_names_row_line_and_column() throws IOException {
        Path p = file("quote.csv", "id,name,lon,lat\nA,\"ok, quoted\",117.2,28.3\nB,bad\"quote,117.2,28.3\nC,\"x\"y,117.2,28.3\n");
        var e = assertThrows(ReadException.class, () -> CsvReader.read(p));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("#1 (line 3)", e.problems().get(0).feature());
        assertEquals("#2 (line 4)", e.problems().get(1).feature());
        assertEquals("name", e.problems().get(0).field());
        assertTrue(e.problems().get(0).message().contains("stray double quote"));
        assertEquals("name", e.problems().get(1).field());
        assertTrue(e.problems().get(1).message().contains("after the closing quote"));
    }

    @Test
    void unterminated_quote_at_end_of_file() throws IOException {
        var pr = csvProblem("open.csv", "id,name\nA,\"never closed\n");
        assertEquals("name", pr.field());
        assertTrue(pr.message().contains("unterminated") && pr.message().contains("line 2"), pr.message());
    }

    @Test
    void missing_required_column_named_in_options() throws IOException {
        Path p = file("cols.csv", "id,name,x\nA,a,117.2\n");
        var pr = only(assertThrows(ReadException.class,
            () -> CsvReader.read(p, ReadOptions.defaults().withLonLatColumns("x", "y"))));
        assertNull(pr.feature());
        assertEquals("y", pr.field());
        assertTrue(pr.message().contains("missing required column"), pr.message());
    }

    @Test
    void missing_required_attribute_for_the_model() throws IOException {
        Path p = file("noname.geojson", fc(pointFeature("F1", 117.2, 28.3, "\"kind\":\"canteen\"")));
        FeatureLayer layer = readGeoJson(p);
        var pr = only(assertThrows(ReadException.class, () -> LayerMapper.defaults().facilities(layer)));
        assertEquals("name", pr.field());
        assertTrue(pr.message().contains("名称"), pr.message());
    }

    @Test
    void wrong_number_of_fields_in_a_csv_row() throws IOException {
        var pr = csvProblem("fields.csv", "id,name,lon,lat\nA,a,117.2,28.3,extra\n");
        assertEquals("#0 'A' (line 2)", pr.feature());
        assertEquals("columns", pr.field());
    }

    @Test
    void non_numeric_beds() throws IOException {
        Path p = file("beds.csv", "编号,名称,类型,床位数,经度,纬度\nF1,敬老院,乡镇敬老院,六十,117.2,28.3\n");
        FeatureLayer layer = CsvReader.read(p);
        var pr = only(assertThrows(ReadException.class, () -> LayerMapper.defaults().facilities(layer)));
        assertEquals("床位数", pr.field());
        assertTrue(pr.message().contains("六十"), pr.message());
    }

    @Test
    void csv_that_is_not_utf8() throws IOException {
        Path p = dir.resolve("gbk.csv");
        Files.write(p, "编号,名称\nF1,敬老院\n".getBytes(Charset.forName("GBK")));
        var pr = only(assertThrows(ReadException.class, () -> CsvReader.read(p)));
        assertEquals("encoding", pr.field());
    }

    @Test
    void outside_china_with_a_chinese_profile() throws IOException {
        Path p = file("berlin.geojson", fc(pointFeature("b", 13.4, 52.5, "")));
        var pr = only(assertThrows(ReadException.class, () -> readGeoJson(p)));
        assertEquals("geometry", pr.field());
        assertTrue(pr.message().contains("outside China"), pr.message());
        assertEquals(1, GeoJsonReader.read(p, ReadOptions.defaults()).size());
    }

    @Test
    void every_problem_of_a_file_is_reported_at_once_and_nothing_is_returned() throws IOException {
        Path p = file("many.csv", "编号,名称,类型,床位数,护理型床位数,经度,纬度\n"
            + "F1,甲,乡镇敬老院,-1,0,117.2,28.3\n"     // beds negative
            + "F2,乙,温泉,10,0,117.2,28.3\n"            // unknown kind
            + "F3,丙,乡镇敬老院,10,20,117.2,28.3\n"     // nursing > beds
            + "F4,丁,乡镇敬老院,10,5,117.2,28.3\n");    // fine
        FeatureLayer layer = CsvReader.read(p);
        var e = assertThrows(ReadException.class, () -> LayerMapper.defaults().facilities(layer));
        List<String> fields = e.problems().stream().map(InputProblem::field).toList();
        assertEquals(List.of("床位数", "类型", "护理型床位数"), fields);
        List<String> features = e.problems().stream().map(InputProblem::feature).toList();
        assertEquals(List.of("#0 'F1'", "#1 'F2'", "#2 'F3'"), features);
    }

    @Test
    void not_a_feature_collection() throws IOException {
        var pr = geoJsonProblem("geom.geojson", "{\"type\":\"Point\",\"coordinates\":[117.2,28.3]}");
        assertEquals("type", pr.field());
    }

    @Test
    void unknown_layer_in_a_mapping_file() throws IOException {
        Path p = file("mapping.yaml", "facilities:\n  beds: 床位\nhospitals:\n  id: 编号\n");
        var e = assertThrows(IllegalArgumentException.class, () -> AttributeMapping.load(p));
        assertTrue(e.getMessage().contains("hospitals"), e.getMessage());
        Path q = file("mapping2.yaml", "facilities:\n  bedz: 床位\n");
        var e2 = assertThrows(IllegalArgumentException.class, () -> AttributeMapping.load(q));
        assertTrue(e2.getMessage().contains("facilities.bedz"), e2.getMessage());
    }
}

package org.eldercare.planner.io.gpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.model.Geometries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeoPackageReaderWriterTest {
    @TempDir
    Path dir;

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(Geometries.WGS84).read(text);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Three points: a, b, c with every kind of property (text incl. Chinese, integer, real, boolean, list, map). */
    private static List<Feature> points() {
        return List.of(
            new Feature("a", Geometries.point(114.0, 22.5),
                props("名称", "雄石街道敬老院", "beds", 120L, "area_m2", 2500.25, "public", true,
                    "sites", List.of(100.0, 250.5), "tags", Map.of("amenity", "nursing_home"))),
            new Feature("b", Geometries.point(114.1, 22.6),
                props("名称", "b", "beds", 0L, "area_m2", 0.0, "public", false)),
            new Feature("c", Geometries.point(-0.000000001, 89.999999999),
                props("名称", "c", "beds", 9_000_000_000L, "area_m2", 1e-9, "public", true,
                    "sites", List.of())));
    }

    @Test
    void round_trip_keeps_ids_geometries_and_typed_properties() {
        Path file = dir.resolve("out.gpkg");
        GeoPackageWriter.write(file, Map.of("facilities", points()));

        List<Feature> back = GeoPackageReader.read(file).get("facilities");
        assertEquals(points(), back);
        // types as documented: whole numbers Long, reals Double, JSON columns parsed back
        assertEquals(120L, back.get(0).properties().get("beds"));
        assertEquals(List.of(100.0, 250.5), back.get(0).properties().get("sites"));
        assertEquals(4326, back.get(0).geometry().getSRID());
        // the null 'sites' and 'tags' of b are left out, not read as null
        assertFalse(back.get(1).properties().containsKey("sites"));
    }

    @Test
    void describes_count_crs_extent_type_columns_and_index() {
        Path file = dir.resolve("out.gpkg");
        GeoPackageWriter.write(file, Map.of("facilities", points()));

        LayerInfo info = GeoPackageReader.describe(file).get(0);
        assertEquals("facilities", info.table());
        assertEquals(3, info.featureCount());
        assertEquals("EPSG:4326", info.crs());
        assertEquals(4326, info.epsg().getAsInt());
        assertEquals("POINT", info.geometryType());
        assertTrue(info.spatialIndex());
        // extent: x from c's -0.000000001 to b's 114.1, y from a's 22.5 to c's 89.999999999, exactly (the writer
        // records the exact bounds in gpkg_contents)
        assertEquals(new Envelope(-0.000000001, 114.1, 22.5, 89.999999999), info.extent().orElseThrow());
        assertEquals(List.of(
            new LayerSchema.Field("id", FieldType.TEXT),
            new LayerSchema.Field("名称", FieldType.TEXT),
            new LayerSchema.Field("beds", FieldType.INTEGER),
            new LayerSchema.Field("area_m2", FieldType.REAL),
            new LayerSchema.Field("public", FieldType.BOOLEAN),
            new LayerSchema.Field("sites", FieldType.JSON),
            new LayerSchema.Field("tags", FieldType.JSON)), info.fields());
    }

    @Test
    void the_file_is_a_standard_geopackage_with_rtree_and_contents_extent() throws Exception {
        Path file = dir.resolve("out.gpkg");
        GeoPackageWriter.write(file, Map.of("facilities", points()));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            var rs = st.executeQuery("PRAGMA application_id");
            rs.next();
            assertEquals(0x47504B47, rs.getInt(1)); // 'GPKG'
            rs = st.executeQuery("SELECT count(*) FROM rtree_facilities_geom");
            rs.next();
            assertEquals(3, rs.getInt(1));
            rs = st.executeQuery("SELECT min_x, max_x, min_y, max_y, srs_id FROM gpkg_contents "
                + "WHERE table_name = 'facilities'");
            rs.next();
            assertEquals(-0.000000001, rs.getDouble(1), 0);
            assertEquals(114.1, rs.getDouble(2), 0);
            assertEquals(22.5, rs.getDouble(3), 0);
            assertEquals(89.999999999, rs.getDouble(4), 0);
            assertEquals(4326, rs.getInt(5));
            rs = st.executeQuery("SELECT mime_type FROM gpkg_data_columns WHERE table_name = 'facilities' "
                + "AND column_name = 'tags'");
            rs.next();
            assertEquals("application/json", rs.getString(1));
        }
    }

    @Test
    void bbox_query_returns_only_features_intersecting_the_box() {
        Path file = dir.resolve("out.gpkg");
        GeoPackageWriter.write(file, Map.of("facilities", points(), "roads", List.of(
            new Feature("r1", wkt("LINESTRING (113 22, 115 23)"), Map.of()),
            new Feature("r2", wkt("LINESTRING (0 0, 1 1)"), Map.of()))));
        try (GeoPackageReader r = GeoPackageReader.open(file)) {
            // box around (114.05, 22.55) ± 0.06 contains a (114.0,22.5) and b (114.1,22.6); c is at the pole
            List<Feature> hit = r.readLayer("facilities", new Envelope(113.99, 114.11, 22.49, 22.61));
            assertEquals(List.of("a", "b"), hit.stream().map(Feature::id).toList());
            // r1's envelope (113..115, 22..23) covers the box (114.9..114.95, 22.0..22.1) but the line
            // y = 22 + (x-113)/2 passes y = 22.95..22.975 there: the envelope matches, the geometry does not
            assertEquals(List.of(), r.readLayer("roads", new Envelope(114.9, 114.95, 22.0, 22.1)));
            // the line passes (114, 22.5): a box around it finds r1 only
            assertEquals(List.of("r1"), r.readLayer("roads", new Envelope(113.99, 114.01, 22.49, 22.51))
                .stream().map(Feature::id).toList());
        }
    }

    @Test
    void mixed_geometries_null_geometries_and_mixed_values_round_trip() {
        Path file = dir.resolve("mixed.gpkg");
        List<Feature> in = List.of(
            new Feature("1", wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"), props("v", "text")),
            new Feature("2", wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"), props("v", 5L)),
            new Feature("3", null, props("v", List.of("x", 1L))));
        GeoPackageWriter.write(file, Map.of("mixed", in));
        assertEquals(in, GeoPackageReader.read(file).get("mixed"));
        assertEquals("GEOMETRY", GeoPackageReader.describe(file).get(0).geometryType());
        assertEquals(FieldType.JSON, GeoPackageReader.describe(file).get(0).fields().get(1).type());
    }

    @Test
    void a_failed_write_leaves_an_existing_file_byte_for_byte_unchanged() throws Exception {
        Path file = dir.resolve("ws.gpkg");
        GeoPackageWriter.write(file, Map.of("facilities", points()));
        byte[] before = Files.readAllBytes(file);

        // second write: a new table 'roads' (fine) then 'facilities' whose 3rd feature throws while being read
        List<Feature> failing = new AbstractList<>() {
            @Override
            public Feature get(int i) {
                if (i == 2) {
                    throw new IllegalStateException("injected failure at feature 2");
                }
                return points().get(i);
            }

            @Override
            public int size() {
                return 3;
            }
        };
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        layers.put("roads", List.of(new Feature("r1", wkt("LINESTRING (113 22, 115 23)"), Map.of())));
        layers.put("facilities", failing);
        var e = assertThrows(IllegalStateException.class, () -> GeoPackageWriter.write(file, layers));
        assertEquals("injected failure at feature 2", e.getMessage());

        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("facilities"), GeoPackageReader.read(file).keySet().stream().toList());
        assertFalse(Files.exists(dir.resolve("ws.gpkg-journal")));
    }

    @Test
    void a_failed_write_to_a_new_file_leaves_no_file() {
        Path file = dir.resolve("new.gpkg");
        List<Feature> bad = List.of(new Feature("x", Geometries.point(1, 1), props("n", 1L)),
            new Feature("y", Geometries.point(1, 1), props("n", 1L)),
            new Feature("z", Geometries.point(1, 1), props("n", Double.NaN)));
        var e = assertThrows(IllegalArgumentException.class, () -> GeoPackageWriter.write(file, Map.of("t", bad)));
        // inferred type REAL (1 and NaN are numbers, NaN is not whole); NaN cannot be stored
        assertEquals("table 't', feature 2 (id 'z'), field 'n': expected a finite number for a REAL column, "
            + "was Double NaN", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void a_value_that_does_not_fit_an_explicit_column_type_is_refused_naming_the_field() {
        Path file = dir.resolve("typed.gpkg");
        LayerSchema schema = new LayerSchema("t", "POINT", 4326,
            List.of(new LayerSchema.Field("beds", FieldType.INTEGER)));
        GeoPackageWriter.edit(file, w -> {
            var e = assertThrows(IllegalArgumentException.class, () -> w.writeLayer(schema,
                List.of(new Feature("", Geometries.point(1, 1), props("beds", 2.5)))));
            assertEquals("table 't', feature 0, field 'beds': expected a whole number (64-bit) for a INTEGER "
                + "column, was Double 2.5", e.getMessage());
            var unknown = assertThrows(IllegalArgumentException.class, () -> w.writeLayer(schema,
                List.of(new Feature("", Geometries.point(1, 1), props("床位", 2L)))));
            assertTrue(unknown.getMessage().startsWith("table 't', feature 0, field '床位': not a column"),
                unknown.getMessage());
            var geom = assertThrows(IllegalArgumentException.class, () -> w.writeLayer(schema,
                List.of(new Feature("", wkt("LINESTRING (0 0, 1 1)"), Map.of()))));
            assertEquals("table 't', feature 0, field 'geom': expected a POINT, was a LineString", geom.getMessage());
            return null;
        });
    }

    @Test
    void reserved_and_duplicate_column_names_are_refused() {
        var fid = assertThrows(IllegalArgumentException.class, () -> LayerSchema.infer("t", 4326,
            List.of(new Feature("", null, props("FID", 1L)))));
        assertTrue(fid.getMessage().contains("'FID'") && fid.getMessage().contains("reserved"), fid.getMessage());
        var dup = assertThrows(IllegalArgumentException.class, () -> LayerSchema.infer("t", 4326,
            List.of(new Feature("", null, props("Name", "a", "name", "b")))));
        assertTrue(dup.getMessage().contains("'name'") && dup.getMessage().contains("twice"), dup.getMessage());
    }

    @Test
    void writes_other_epsg_codes_and_reports_them() {
        Path file = dir.resolve("gk.gpkg");
        // EPSG:4547 CGCS2000 / 3-degree Gauss-Kruger CM 114E: metres
        GeoPackageWriter.write(file, Map.of("pts", List.of(new Feature("p", wkt("POINT (500000 2488000)"),
            Map.of()))), 4547);
        LayerInfo info = GeoPackageReader.describe(file).get(0);
        assertEquals("EPSG:4547", info.crs());
        Feature back = GeoPackageReader.read(file).get("pts").get(0);
        assertEquals(4547, back.geometry().getSRID());
        assertEquals(500000, back.geometry().getCoordinate().x, 0);
    }

    @Test
    void a_file_that_is_not_a_geopackage_is_a_read_exception_naming_the_file() throws Exception {
        Path file = dir.resolve("junk.gpkg");
        Files.writeString(file, "not a database");
        var e = assertThrows(ReadException.class, () -> GeoPackageReader.read(file));
        assertEquals(file.toString(), e.problems().get(0).file());
        var missing = assertThrows(ReadException.class, () -> GeoPackageReader.read(dir.resolve("none.gpkg")));
        assertTrue(missing.getMessage().contains("none.gpkg"), missing.getMessage());
    }

    @Test
    void an_unknown_table_is_a_read_exception_listing_the_tables() {
        Path file = dir.resolve("out.gpkg");
        GeoPackageWriter.write(file, Map.of("facilities", points()));
        try (GeoPackageReader r = GeoPackageReader.open(file)) {
            var e = assertThrows(ReadException.class, () -> r.readLayer("roads"));
            assertTrue(e.getMessage().endsWith("no feature table 'roads'; feature tables: [facilities]"),
                e.getMessage());
        }
    }

    @Test
    void all_bad_json_values_of_a_table_are_reported_at_once() throws Exception {
        Path file = dir.resolve("out.gpkg");
        GeoPackageWriter.write(file, Map.of("facilities", points()));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            // the RTree triggers call functions only the GeoPackage library registers: drop them for this edit
            List<String> triggers = new java.util.ArrayList<>();
            try (var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            for (String t : triggers) {
                st.executeUpdate("DROP TRIGGER \"" + t + "\"");
            }
            st.executeUpdate("UPDATE facilities SET tags = '{broken' WHERE fid IN (1, 3)");
        }
        var e = assertThrows(ReadException.class, () -> GeoPackageReader.read(file));
        assertEquals(2, e.problems().size());
        assertEquals("tags", e.problems().get(0).field());
        assertEquals("facilities fid 1", e.problems().get(0).feature());
        assertEquals("facilities fid 3", e.problems().get(1).feature());
    }

    @Test
    void replacing_a_table_keeps_the_others() {
        Path file = dir.resolve("out.gpkg");
        GeoPackageWriter.write(file, Map.of("facilities", points(), "other", List.of(
            new Feature("o", Geometries.point(1, 2), Map.of()))));
        GeoPackageWriter.write(file, Map.of("facilities", points().subList(0, 1)));
        Map<String, List<Feature>> back = GeoPackageReader.read(file);
        assertEquals(1, back.get("facilities").size());
        assertEquals(1, back.get("other").size());
        assertEquals(1, GeoPackageReader.describe(file).get(0).featureCount());
    }
}

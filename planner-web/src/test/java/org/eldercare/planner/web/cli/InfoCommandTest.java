package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eldercare.planner.io.LayerFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info} over every supported file of shared/data/raw and shared/benchmarks: readable, caveats where due. */
class InfoCommandTest {
    static final Path SHARED = Path.of(System.getProperty("planner.shared.dir", "../../shared"));

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void describes_every_supported_shared_file() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(SHARED.resolve("data/raw")), Files.walk(SHARED.resolve("benchmarks")))) {
            files = s.filter(Files::isRegularFile).filter(p -> LayerFiles.find(p).isPresent()).sorted().toList();
        }
        // 16 DataV + 2 geoBoundaries + 3 .osm + 5 derived GeoJSON + 3 NBS + 4 census + 1 GeoNames CSV + 2 pgRouting CSV
        assertEquals(36, files.size(), files.toString());
        for (Path f : files) {
            CliRun r = run("info", f.toString());
            assertTrue(r.code() == 0 || r.code() == 1, f + " exit " + r.code() + "\n" + r.out() + r.err());
            assertTrue(r.out().contains("features:"), f + "\n" + r.out());
            String name = f.getFileName().toString();
            boolean rawDataV = name.matches("\\d{6}_full\\.json");
            assertEquals(rawDataV, r.out().contains("GCJ-02 CAVEAT"), f + "\n" + r.out());
        }
    }

    @Test
    void datav_output_names_counts_crs_and_caveat_and_converts_with_crs_gcj02() {
        Path f = SHARED.resolve("data/raw/boundaries/datav_2021/360600_full.json");
        CliRun raw = run("info", f.toString());
        assertTrue(raw.out().contains("features:   3"), raw.out());
        assertTrue(raw.out().contains("crs:        EPSG:4326"), raw.out());
        assertTrue(raw.out().contains("Read it with --crs gcj02"), raw.out());
        CliRun conv = run("info", f.toString(), "--crs", "gcj02");
        assertTrue(conv.out().contains("crs:        GCJ-02 (converted to EPSG:4326)"), conv.out());
        assertFalse(conv.out().contains("GCJ-02 CAVEAT"), conv.out());
    }

    @Test
    void pgrouting_csv_is_an_attribute_table() {
        CliRun r = run("info", SHARED.resolve("benchmarks/pgrouting-sample/edges.csv").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("features:   18"), r.out());
        assertTrue(r.out().contains("geometry:   none 18"), r.out());
        assertTrue(r.out().contains("CSV without geometry columns"), r.out());
    }

    @Test
    void unreadable_file_lists_every_problem_with_exit_2(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,name,lon,lat\nA,x,abc,28.3\nB,y,28.3,117.2\n");
        CliRun r = run("info", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.out().contains("UNREADABLE: 2 problem(s)"), r.out());
        assertTrue(r.out().contains("feature #0 'A' (line 2): field 'lon': must be a number, was 'abc'"), r.out());
        assertTrue(r.out().contains("feature #1 'B' (line 3): field 'lon/lat': latitude and longitude look swapped"),
            r.out());
    }

    @Test
    void unsupported_extension_and_bad_crs_are_bad_input() {
        CliRun r = run("info", SHARED.resolve("benchmarks/orlib-pmed/pmed1.txt").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unsupported format"), r.err());
        CliRun c = run("info", SHARED.resolve("benchmarks/pgrouting-sample/edges.csv").toString(), "--crs", "EPSG:3857");
        assertEquals(2, c.code());
        assertTrue(c.err().contains("crs: unsupported CRS"), c.err());
    }

    @Test
    void geopackage_and_osm_pbf_are_described(@TempDir Path dir) throws IOException {
        Path gpkg = dir.resolve("homes.gpkg");
        java.util.Map<String, Object> props = new java.util.LinkedHashMap<>();
        props.put("name", "雄石敬老院");
        props.put("beds", 60L);
        LayerFiles.write(gpkg, "facilities", List.of(new org.eldercare.planner.io.Feature("F1",
            org.eldercare.planner.model.Geometries.point(117.2133, 28.2886), props)),
            org.eldercare.planner.crs.Crs.epsg(4548));
        CliRun g = run("info", gpkg.toString());
        assertEquals(0, g.code(), g.out() + g.err());
        assertTrue(g.out().contains("format:  GEOPACKAGE"), g.out());
        assertTrue(g.out().contains("layer facilities"), g.out());
        assertTrue(g.out().contains("crs:        EPSG:4548 (converted to EPSG:4326)"), g.out());
        assertTrue(g.out().contains("bbox:       117.213300,28.288600 .. 117.213300,28.288600"), g.out());

        // the PBF copy of the Guixi extract (geo-core test fixture): same 176 roads and 32 POIs as the XML
        Path pbf = Path.of("../geo-core/src/test/resources/osm/guixi_center_2024-11.osm.pbf");
        CliRun p = run("info", pbf.toString());
        assertEquals(0, p.code(), p.out() + p.err());
        assertTrue(p.out().contains("format:  OSM_PBF"), p.out());
        assertTrue(p.out().contains("geometry:   LineString 176"), p.out());
        assertTrue(p.out().contains("geometry:   Point 30, Polygon 2"), p.out());
    }
}

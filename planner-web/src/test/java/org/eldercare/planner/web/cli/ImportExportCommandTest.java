package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.store.DocumentKind;
import org.eldercare.planner.store.GeoPackageWorkspace;
import org.eldercare.planner.store.PgCredentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} and {@code export} on the sample county (data/guixi), through GeoPackage and a real PostGIS. Counts
 * are the published ones of data/README.md (seed 20201101): 1 county + 33 townships + 260 communities, 88 facilities,
 * 75 medical facilities, 15 districts, 436 demand points.
 */
class ImportExportCommandTest {
    static final Path GUIXI = Path.of("..", "data", "guixi");
    static final String PG_URL = System.getenv().getOrDefault("PLANNER_TEST_PG_URL",
        "jdbc:postgresql://127.0.0.1:55432/planner");

    @TempDir
    static Path dir;

    @BeforeAll
    static void importSample() {
        // PostGIS credentials as the tests' server gives them (scripts/test.sh exports PLANNER_DB_CONFIG)
        if (System.getenv("PLANNER_DB_CONFIG") == null && System.getenv("PGPASSWORD") == null) {
            System.setProperty("planner.db.config", "/tmp/planner-postgis/db.properties");
        }
        CliRun r = run("import", "--name", "贵溪市",
            "--from", "admin-units=" + GUIXI.resolve("county.geojson"),
            "admin-units=" + GUIXI.resolve("townships.geojson"),
            "admin-units=" + GUIXI.resolve("communities.geojson"),
            GUIXI.resolve("facilities.geojson").toString(), GUIXI.resolve("medical_facilities.geojson").toString(),
            GUIXI.resolve("residential_districts.geojson").toString(),
            GUIXI.resolve("demand_points.geojson").toString(),
            GUIXI.resolve("guixi_center_2024-11.osm").toString(),
            "--to", dir.resolve("guixi.gpkg").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("imported into " + dir.resolve("guixi.gpkg").toAbsolutePath()
            + ": admin_units 294, facilities 88, medical_facilities 75, residential_districts 15, demand_points 436, "
            + "roads "), r.out());
        // the OSM file's POIs are not a planning layer: skipped, with a note
        assertTrue(r.err().contains("note: skipped layer 'pois'"), r.err());
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static PlanningData sample() {
        return GeoPackageWorkspace.open(dir.resolve("guixi.gpkg")).read();
    }

    @Test
    void export_to_a_directory_and_import_back_gives_the_same_county() {
        CliRun e = run("export", "--from", dir.resolve("guixi.gpkg").toString(), "--to", dir.resolve("out").toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(Files.exists(dir.resolve("out/demand-points.geojson")));
        CliRun i = run("import", "--from", dir.resolve("out").toString(), "--to", dir.resolve("again.gpkg").toString());
        assertEquals(0, i.code(), i.err());
        assertEquals(sample(), GeoPackageWorkspace.open(dir.resolve("again.gpkg")).read());
    }

    @Test
    void the_county_goes_through_postgis_unchanged() throws Exception {
        String schema = "cli_" + Long.toHexString(System.nanoTime());
        Properties credentials = credentials();
        try (Connection c = DriverManager.getConnection(PG_URL, credentials); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException ex) {
            fail("PostGIS is not reachable at " + PG_URL + ": " + ex.getMessage() + ". Start it with "
                + "`scripts/postgis.sh start` or run `scripts/test.sh`.", ex);
        }
        try {
            String url = PG_URL + "?currentSchema=" + schema + ",public";
            GeoPackageWorkspace.open(dir.resolve("guixi.gpkg")).saveDocument(DocumentKind.RESULT, "coverage",
                "{\"share\": 0.8}", java.util.Map.of());
            CliRun i = run("import", "--from", dir.resolve("guixi.gpkg").toString(), "--to", url);
            assertEquals(0, i.code(), i.err());
            // the URL shown never carries options or credentials
            assertTrue(i.out().startsWith("imported into " + PG_URL + "?…: admin_units 294,"), i.out());
            CliRun e = run("export", "--from", url, "--to", dir.resolve("from-pg.gpkg").toString());
            assertEquals(0, e.code(), e.err());
            GeoPackageWorkspace back = GeoPackageWorkspace.open(dir.resolve("from-pg.gpkg"));
            assertEquals(sample(), back.read());
            assertEquals("{\"share\": 0.8}", back.findDocument(DocumentKind.RESULT, "coverage").orElseThrow().json());
        } finally {
            try (Connection c = DriverManager.getConnection(PG_URL, credentials); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static Properties credentials() {
        PgCredentials c = PgCredentials.resolve();
        Properties p = new Properties();
        c.user().ifPresent(u -> p.setProperty("user", u));
        c.password().ifPresent(pw -> p.setProperty("password", pw));
        return p;
    }

    @Test
    void exporting_a_missing_workspace_is_bad_input() {
        CliRun r = run("export", "--from", dir.resolve("none.gpkg").toString(), "--to", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("none.gpkg") && r.err().contains("empty or missing"), r.err());
    }

    @Test
    void a_password_in_the_url_is_refused() {
        CliRun r = run("import", "--from", dir.resolve("guixi.gpkg").toString(), "--to",
            "jdbc:postgresql://127.0.0.1:55432/planner?password=s3cret");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("must not carry credentials") && !r.err().contains("s3cret"), r.err());
    }

    @Test
    void an_unreachable_database_says_how_to_start_the_local_one() {
        CliRun r = run("export", "--from", "jdbc:postgresql://127.0.0.1:9/planner", "--to", dir.resolve("y").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("scripts/postgis.sh start"), r.err());
    }
}

package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eldercare.planner.store.PgCredentials;
import org.eldercare.planner.web.SampleCounty;
import org.eldercare.planner.web.TestCounty;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code serve --db JDBC_URL} serves the sample county from PostGIS exactly as {@code serve --data} serves it from the
 * GeoPackage: the sample is imported into a schema of its own on the tests' PostGIS server (dropped afterwards; the
 * server is shared and never stopped here), both servers run side by side, and every layer, the coverage report, the unit
 * list, a what-if and a siting run must be byte-for-byte the same (times taken aside).
 */
class ServePostgisTest {
    static final String PG_URL = System.getenv().getOrDefault("PLANNER_TEST_PG_URL",
        "jdbc:postgresql://127.0.0.1:55432/planner");

    static Javalin serve(String... args) {
        ServeCommand cmd = new ServeCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(new StringWriter()));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--port", "0"));
        try {
            // not the default planner-audit.jsonl in the working directory
            java.nio.file.Path audit = java.nio.file.Files.createTempFile("serve-audit", ".jsonl");
            audit.toFile().deleteOnExit();
            all.addAll(List.of("--audit-log", audit.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        cl.parseArgs(all.toArray(String[]::new));
        return cmd.start();
    }

    static String get(HttpClient http, Javalin app, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void the_sample_served_from_postgis_answers_exactly_as_from_the_geopackage() throws Exception {
        if (System.getenv("PLANNER_DB_CONFIG") == null && System.getenv("PGPASSWORD") == null) {
            System.setProperty("planner.db.config", "/tmp/planner-postgis/db.properties");
        }
        String schema = "web_" + Long.toHexString(System.nanoTime());
        Properties credentials = new Properties();
        PgCredentials c = PgCredentials.resolve();
        c.user().ifPresent(u -> credentials.setProperty("user", u));
        c.password().ifPresent(pw -> credentials.setProperty("password", pw));
        try (Connection con = DriverManager.getConnection(PG_URL, credentials); Statement st = con.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException ex) {
            fail("PostGIS is not reachable at " + PG_URL + ": " + ex.getMessage() + ". Start it with "
                + "`scripts/postgis.sh start` or run `scripts/test.sh`.", ex);
        }
        Javalin fromGpkg = null;
        Javalin fromPg = null;
        try {
            String url = PG_URL + "?currentSchema=" + schema + ",public";
            CommandLine cl = PlannerCli.commandLine();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            assertEquals(0, cl.execute("import", "--from", SampleCounty.gpkg().toString(), "--to", url), err.toString());
            fromGpkg = serve("--data", SampleCounty.gpkg().toString());
            fromPg = serve("--db", url);
            HttpClient http = HttpClient.newHttpClient();
            var layers = TestCounty.json(get(http, fromGpkg, "/api/layers")).get("layers");
            assertEquals(layers, TestCounty.json(get(http, fromPg, "/api/layers")).get("layers"));
            assertTrue(layers.size() >= 14, layers.toString());
            for (var l : layers) {
                String path = "/api/layers/" + l.get("id").asText();
                assertEquals(get(http, fromGpkg, path), get(http, fromPg, path), path);
                assertEquals(get(http, fromGpkg, path + "?zoom=11"), get(http, fromPg, path + "?zoom=11"), path);
            }
            for (String path : List.of("/api/coverage", "/api/findings.csv", "/api/units", "/api/units/360681000000",
                    "/ogc/collections/facilities/items?limit=5")) {
                // OGC links name the server's own port, and the answer its time
                assertEquals(portless(get(http, fromGpkg, path)), portless(get(http, fromPg, path)), path);
            }
            String whatIf = "{\"changes\":[{\"op\":\"add\",\"kind\":\"day-care-centre\",\"lon\":117.21,\"lat\":28.24}]}";
            // (the scenario's base names the workspace it was served from: the file or the database)
            String unstamped = "\"millis\":[0-9.]+|\"base\":\"[^\"]*\"";
            assertEquals(post(http, fromGpkg, "/api/what-if", whatIf).replaceAll(unstamped, ""),
                post(http, fromPg, "/api/what-if", whatIf).replaceAll(unstamped, ""));
            // siting: the same sites and assignments (the solver's time differs)
            String siting = "{\"county\":\"360681\",\"model\":\"pmedian\",\"p\":2}";
            assertEquals(post(http, fromGpkg, "/api/siting", siting).replaceAll("\"seconds\":[0-9.Ee-]+", ""),
                post(http, fromPg, "/api/siting", siting).replaceAll("\"seconds\":[0-9.Ee-]+", ""));
        } finally {
            if (fromGpkg != null) {
                fromGpkg.stop();
            }
            if (fromPg != null) {
                fromPg.stop();
            }
            try (Connection con = DriverManager.getConnection(PG_URL, credentials);
                    Statement st = con.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    static String portless(String body) {
        return body.replaceAll("127\\.0\\.0\\.1:[0-9]+", "127.0.0.1:PORT")
            .replaceAll("\"timeStamp\":\"[^\"]*\"", "\"timeStamp\":\"\"");
    }

    static String post(HttpClient http, Javalin app, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
            + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}

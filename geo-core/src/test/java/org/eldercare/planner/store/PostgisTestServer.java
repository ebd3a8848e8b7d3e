package org.eldercare.planner.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The PostGIS server the tests run against: {@code PLANNER_TEST_PG_URL} (default: the one
 * {@code scripts/postgis.sh start} runs, {@value #DEFAULT_URL}) with the credentials of {@link PgCredentials}
 * ({@code PGUSER}/{@code PGPASSWORD}, else {@code PLANNER_DB_CONFIG}, default {@value #DEFAULT_CONFIG}). Each test
 * gets its own schema, dropped afterwards. When the server cannot be reached the test FAILS (never skips) with a
 * message saying how to start it.
 */
final class PostgisTestServer {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:55432/planner";
    static final String DEFAULT_CONFIG = "/tmp/planner-postgis/db.properties";
    static final String HOW_TO_START = "Start the local PostGIS with `scripts/postgis.sh start` (installs "
        + "postgresql-15 and postgresql-15-postgis-3 with apt-get when missing) or run the whole suite with "
        + "`scripts/test.sh`, which starts and stops it; a server elsewhere: export PLANNER_TEST_PG_URL and "
        + "PGUSER/PGPASSWORD (or PLANNER_DB_CONFIG).";

    private PostgisTestServer() {}

    static String baseUrl() {
        String url = System.getenv("PLANNER_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    static PgCredentials credentials() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("PLANNER_DB_CONFIG", DEFAULT_CONFIG);
        if ((env.get("PGUSER") == null || env.get("PGPASSWORD") == null)
                && !java.nio.file.Files.isRegularFile(Path.of(env.get("PLANNER_DB_CONFIG")))) {
            fail("PostGIS test credentials not found: neither PGUSER/PGPASSWORD nor the config file "
                + env.get("PLANNER_DB_CONFIG") + " exist. " + HOW_TO_START);
        }
        return PgCredentials.resolve(env, null);
    }

    static Connection admin() {
        try {
            return DriverManager.getConnection(baseUrl(), credentials().toProperties());
        } catch (SQLException e) {
            return fail("PostGIS is not reachable at " + baseUrl() + ": " + e.getMessage() + ". " + HOW_TO_START, e);
        }
    }

    /** Creates an empty schema and returns a URL whose search path puts it first (then public, for PostGIS). */
    static String freshSchemaUrl(String schema) {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("cannot create test schema " + schema + ": " + e.getMessage(), e);
        }
        return baseUrl() + (baseUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    static void drop(String schema) {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            fail("cannot drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }
}

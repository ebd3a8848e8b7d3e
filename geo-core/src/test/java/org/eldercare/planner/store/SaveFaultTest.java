package org.eldercare.planner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eldercare.planner.scenario.SavedScenario;
import org.eldercare.planner.scenario.SavedScenarios;
import org.eldercare.planner.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a scenario save: a child JVM ({@link SaveInTransactionChild}, the test classpath) opens the store
 * and saves a large revision 2 of a scenario; when it reports that it is inside the transaction (every statement
 * run, before the commit) it is killed with {@link Process#destroyForcibly()} (SIGKILL on Linux). The store, opened
 * again here, must hold revision 1 exactly as saved, pass the database's integrity check, and accept a save of
 * revision 2 (nothing of the dead transaction left holding locks).
 */
class SaveFaultTest {
    /** About 3.7 MB of scenario JSON: more than SQLite's 2 MB page cache, so pages reach the file before the commit. */
    private static final int LARGE = 60_000;

    @TempDir
    Path dir;

    @Test
    void killing_the_process_inside_a_geopackage_save_leaves_the_previous_revision() throws Exception {
        Path file = dir.resolve("county.gpkg");
        GeoPackageWorkspace ws = GeoPackageWorkspace.open(file);
        ws.write(StoreFixtures.sample());
        Scenario first = SaveInTransactionChild.scenario("revision 1", 2);
        SavedScenario saved = SavedScenarios.save(ws, first, "planner", 0);
        long sizeBefore = Files.size(file);

        killInsideTheSave("gpkg", file.toString());

        // the kill happened mid-transaction: the rollback journal is still there (hot), and the large revision's
        // pages had already been written into the file
        Path journal = dir.resolve("county.gpkg-journal");
        assertTrue(Files.exists(journal) && Files.size(journal) > 0, "no hot journal: the kill was not mid-save");
        assertNotEquals(sizeBefore, Files.size(file), "the file was not written before the commit");

        // the file is still recognised as a planner workspace (an import source), and reads as before the save
        assertTrue(GeoPackageWorkspace.isWorkspace(file));
        assertTrue(Files.notExists(journal) || Files.size(journal) == 0, "the hot journal was not rolled back");
        assertEquals(sizeBefore, Files.size(file));
        assertPreviousRevisionIntact(GeoPackageWorkspace.open(file), saved, first);
        assertEquals(List.of("ok"), strings("jdbc:sqlite:" + file, "PRAGMA integrity_check"));
        assertEquals(StoreFixtures.sample().facilities(), GeoPackageWorkspace.open(file).read().facilities());
    }

    @Test
    void killing_the_process_inside_a_postgis_save_leaves_the_previous_revision() throws Exception {
        String schema = "t_" + Long.toHexString(System.nanoTime());
        String url = PostgisTestServer.freshSchemaUrl(schema);
        try {
            PostgisWorkspace ws = PostgisWorkspace.connect(url, PostgisTestServer.credentials());
            Scenario first = SaveInTransactionChild.scenario("revision 1", 2);
            SavedScenario saved = SavedScenarios.save(ws, first, "planner", 0);

            killInsideTheSave("pg", url);

            assertPreviousRevisionIntact(PostgisWorkspace.connect(url, PostgisTestServer.credentials()), saved,
                first);
        } finally {
            PostgisTestServer.drop(schema);
        }
    }

    /** Runs the child until it is inside the transaction of its save, then kills it (SIGKILL) and waits for it. */
    private void killInsideTheSave(String store, String location) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            SaveInTransactionChild.class.getName(), store, location, Integer.toString(LARGE));
        pb.redirectError(dir.resolve("child-" + store + ".err").toFile());
        Process child = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return "read failed: " + e;
                }
            }).get(120, TimeUnit.SECONDS);
            assertEquals(SaveInTransactionChild.READY, line, () -> "child said '" + line + "'; stderr: "
                + read(dir.resolve("child-" + store + ".err")));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not die");
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
    }

    private static void assertPreviousRevisionIntact(Workspace reopened, SavedScenario saved, Scenario first) {
        SavedScenario back = SavedScenarios.find(reopened, "plan").orElseThrow();
        assertEquals(1, back.revision());
        assertEquals(saved.json(), back.json());
        assertEquals("planner", back.savedBy());
        assertEquals(2, back.changes());
        assertEquals(first, back.scenario("reopened"));
        // the dead transaction holds nothing: revision 2 can be saved now, and only once
        SavedScenario second = SavedScenarios.save(reopened, SaveInTransactionChild.scenario("revision 2", 3),
            "planner", 1);
        assertEquals(2, second.revision());
        assertEquals(3, SavedScenarios.find(reopened, "plan").orElseThrow().changes());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(" + e + ")";
        }
    }

    private static List<String> strings(String url, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

package org.eldercare.planner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument errors exit 2 with a one-line message naming the option, before any Spark session starts. */
class PlannerSparkCliTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PlannerSparkCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void missingInputDirectoryNamesTheOption(@TempDir Path tmp) {
        String[] r = run("coverage", "--in", tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("error: --in: ") && r[2].contains("is not a directory"), r[2]);
    }

    @Test
    void directoryWithoutWorkspacesIsRefused(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "x");
        String[] r = run("check-districts", "--in", tmp.toString(), "--out", tmp.resolve("o").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("holds no county workspace (*.gpkg)"), r[2]);
    }

    @Test
    void assignDemandNeedsExactlyOnePointSource(@TempDir Path tmp) {
        String[] r = run("assign-demand", "--in", tmp.toString(), "--out", tmp.resolve("o").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("give exactly one of --points FILE or --grid-deg DEG"), r[2]);
    }

    @Test
    void generateRejectsMoreThan200Counties(@TempDir Path tmp) {
        String[] r = run("generate", "--base", TenCounties.BASE.toString(), "--counties", "201", "--out",
            tmp.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("counties: must be in 1..200, was 201"), r[2]);
    }
}

package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code reach} prints exactly pgRouting's published pgr_drivingDistance rows (shared/benchmarks/pgrouting-sample). */
class ReachCommandTest {
    static final Path DIR = Path.of(System.getProperty("planner.shared.dir", "../../shared"), "benchmarks",
        "pgrouting-sample");

    private static String run(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    /** Published rows of one query as start,node,agg_cost sorted by start then node. */
    private static String expected(String query) throws Exception {
        List<long[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("expected_drivingDistance.tsv"))) {
            String[] f = line.split("\t");
            if (f[0].equals(query)) {
                rows.add(new long[] {Long.parseLong(f[3]), Long.parseLong(f[5]), Long.parseLong(f[8])});
            }
        }
        rows.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        StringBuilder sb = new StringBuilder("start,node,agg_cost").append(System.lineSeparator());
        for (long[] r : rows) {
            sb.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append(System.lineSeparator());
        }
        return sb.toString();
    }

    @Test
    void single_start_directed_matches_q5() throws Exception {
        String edges = DIR.resolve("edges.csv").toString();
        assertEquals(expected("q5"), run("reach", "--edges", edges, "--from", "11", "--max", "3"));
    }

    @Test
    void two_starts_equicost_matches_q6() throws Exception {
        String edges = DIR.resolve("edges.csv").toString();
        assertEquals(expected("q6"), run("reach", "--edges", edges, "--from", "11,16", "--max", "3", "--equicost"));
    }

    @Test
    void two_starts_undirected_matches_q10() throws Exception {
        String edges = DIR.resolve("edges.csv").toString();
        assertEquals(expected("q10"), run("reach", "--edges", edges, "--from", "11,16", "--max", "3", "--undirected"));
    }

    @Test
    void unknown_start_is_bad_input() {
        CommandLine cl = PlannerCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(PlannerCli.EXIT_BAD_INPUT, cl.execute("reach", "--edges", DIR.resolve("edges.csv").toString(),
            "--from", "99", "--max", "3"));
        assertEquals(true, err.toString().contains("vertex 99"), err.toString());
    }
}

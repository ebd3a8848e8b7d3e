package org.eldercare.planner.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every row of pgRouting's published documentation answers (shared/benchmarks/pgrouting-sample): reach sets with
 * aggregate costs of pgr_drivingDistance, and pgr_dijkstraCost / CostMatrix costs, on pgRouting's sample network.
 */
class PgRoutingSampleTest {
    static Path dir;
    static RoadGraph directed;
    static RoadGraph undirected;

    @BeforeAll
    static void load() throws IOException {
        dir = SharedData.resolve("benchmarks/pgrouting-sample");
        directed = PgRoutingEdgeReader.read(dir.resolve("edges.csv"), false);
        undirected = PgRoutingEdgeReader.read(dir.resolve("edges.csv"), true);
    }

    private static List<String[]> rows(String file) throws IOException {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(dir.resolve(file))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            out.add(line.split("\t"));
        }
        return out;
    }

    @Test
    void graph_has_the_sample_size() {
        assertEquals(17, directed.nodeCount());
        assertEquals(18, directed.edgeCount());
        // arcs: 18 edges, both directions except edges 2,3 (cost -1) and 5,11,12,13 (reverse -1): 36 - 6 = 30
        assertEquals(30, directed.arcCount());
        assertEquals(36, undirected.arcCount());
    }

    /** (query → "start,node,agg_cost" set) from the published file, compared with ours exactly. */
    @Test
    void driving_distance_reproduces_every_published_row() throws IOException {
        Map<String, TreeSet<String>> expected = new TreeMap<>();
        for (String[] r : rows("expected_drivingDistance.tsv")) {
            expected.computeIfAbsent(r[0], k -> new TreeSet<>()).add(r[3] + "," + r[5] + "," + r[8]);
        }
        assertEquals(3, expected.size());
        assertEquals(expected.get("q5"), drivingDistance(directed, new long[] {11}, 3.0, false));
        assertEquals(expected.get("q6"), drivingDistance(directed, new long[] {11, 16}, 3.0, true));
        assertEquals(expected.get("q10"), drivingDistance(undirected, new long[] {11, 16}, 3.0, false));
        assertEquals(13 + 13 + 23, expected.values().stream().mapToInt(TreeSet::size).sum());
    }

    static TreeSet<String> drivingDistance(RoadGraph g, long[] starts, double max, boolean equicost) {
        GraphSearch s = new GraphSearch(g);
        TreeSet<String> out = new TreeSet<>();
        int[] nodes = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            nodes[i] = g.findNode(starts[i]);
        }
        if (equicost) {
            s.runFromNodes(nodes, max);
            for (int i = 0; i < s.reachedCount(); i++) {
                int v = s.reachedNode(i);
                out.add(starts[s.source(v)] + "," + g.nodeExternalId(v) + "," + fmt(s.cost(v)));
            }
        } else {
            for (int k = 0; k < nodes.length; k++) {
                s.runFromNodes(new int[] {nodes[k]}, max);
                for (int i = 0; i < s.reachedCount(); i++) {
                    int v = s.reachedNode(i);
                    out.add(starts[k] + "," + g.nodeExternalId(v) + "," + fmt(s.cost(v)));
                }
            }
        }
        return out;
    }

    static String fmt(double c) {
        return c == Math.rint(c) ? Long.toString((long) c) : Double.toString(c);
    }

    @Test
    void dijkstra_cost_reproduces_every_published_row() throws IOException {
        List<String[]> rows = rows("expected_dijkstraCost.tsv");
        assertEquals(36, rows.size());
        for (String[] r : rows) {
            RoadGraph g = r[1].equals("1") ? directed : undirected;
            int from = g.findNode(Long.parseLong(r[2]));
            int to = g.findNode(Long.parseLong(r[3]));
            double[][] m = new GraphSearch(g).costMatrix(new int[] {from}, new int[] {to}, Double.POSITIVE_INFINITY);
            assertEquals(Double.parseDouble(r[4]), m[0][0], 1e-12, String.join(" ", r));
        }
    }

    @Test
    void unreachable_pair_is_infinite_as_pgrouting_omits_it() {
        // the file's note: q52 (6,14) has no row, vertex 14 is on the isolated edge 18
        double[][] m = new GraphSearch(undirected).costMatrix(new int[] {undirected.findNode(6)},
            new int[] {undirected.findNode(14)}, Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, m[0][0]);
    }
}

package org.eldercare.planner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.PgRoutingEdgeReader;
import org.eldercare.planner.network.RoadGraph;

/**
 * Our side of the pgRouting comparison (scripts/bench/pgrouting.sh), not a test.
 *
 * <ul>
 *   <li>{@code ReachBench write CSV SIDE K} writes the generated grid of {@link NetworkBench} (SIDE × SIDE nodes) as a
 *       pgRouting edge CSV and {@code CSV.starts}: K start vertex ids chosen with seed 11, comma-separated.</li>
 *   <li>{@code ReachBench time CSV STARTS BUDGET REPS} reads the CSV with {@link PgRoutingEdgeReader} (the graph
 *       pgRouting loads), then times multi-start reach within BUDGET (cost units of the file, inclusive) as
 *       {@code pgr_drivingDistance(edges, starts, BUDGET, directed => true)} computes it: without equicost one
 *       bounded search per start, with equicost one multi-source search (each node for its nearest start). Prints
 *       rows, sum of agg_cost (to check both sides computed the same thing) and milliseconds per query (median of
 *       REPS, wall and CPU of this thread), plus the CSV read + graph build time.</li>
 * </ul>
 */
public final class ReachBench {
    private ReachBench() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 4 && args[0].equals("write")) {
            int side = Integer.parseInt(args[2]);
            int k = Integer.parseInt(args[3]);
            RoadGraph g = NetworkBench.buildGrid(side);
            Path csv = Path.of(args[1]);
            NetworkBench.writeCsv(g, csv);
            Random rnd = new Random(11);
            long[] ids = new long[k];
            for (int i = 0; i < k; i++) {
                ids[i] = g.nodeExternalId(rnd.nextInt(g.nodeCount()));
            }
            Files.writeString(Path.of(args[1] + ".starts"),
                Arrays.stream(ids).mapToObj(Long::toString).collect(Collectors.joining(",")) + "\n");
            return;
        }
        if (args.length != 5 || !args[0].equals("time")) {
            System.err.println("usage: ReachBench write CSV SIDE K | ReachBench time CSV STARTS BUDGET REPS");
            System.exit(2);
        }
        Path csv = Path.of(args[1]);
        long[] ids = Arrays.stream(args[2].split(",")).mapToLong(Long::parseLong).toArray();
        double budget = Double.parseDouble(args[3]);
        int reps = Integer.parseInt(args[4]);
        long t0 = System.nanoTime();
        RoadGraph g = PgRoutingEdgeReader.read(csv, false);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf("ours: read CSV + build graph %.0f ms (%d nodes, %d edges)%n", buildMs, g.nodeCount(),
            g.edgeCount());
        // external id -> node index, once (RoadGraph.findNode is a linear scan)
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        for (long id : ids) {
            index.put(id, -1);
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            if (index.containsKey(g.nodeExternalId(v))) {
                index.put(g.nodeExternalId(v), v);
            }
        }
        int[] nodes = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            nodes[i] = index.get(ids[i]);
            if (nodes[i] < 0) {
                throw new IllegalArgumentException("start vertex " + ids[i] + " not in " + csv);
            }
        }
        GraphSearch s = new GraphSearch(g);
        for (boolean equicost : new boolean[] {false, true}) {
            double[] wall = new double[reps + 3];
            double[] cpu = new double[reps + 3];
            long rows = 0;
            double sum = 0;
            for (int r = 0; r < reps + 3; r++) { // 3 warm-up runs
                long w0 = System.nanoTime();
                long c0 = NetworkBench.cpu();
                rows = 0;
                sum = 0;
                if (equicost) {
                    s.runFromNodes(nodes, budget);
                    for (int i = 0; i < s.reachedCount(); i++) {
                        sum += s.cost(s.reachedNode(i));
                    }
                    rows = s.reachedCount();
                } else {
                    for (int start : nodes) {
                        s.runFromNodes(new int[] {start}, budget);
                        for (int i = 0; i < s.reachedCount(); i++) {
                            sum += s.cost(s.reachedNode(i));
                        }
                        rows += s.reachedCount();
                    }
                }
                cpu[r] = (NetworkBench.cpu() - c0) / 1e6;
                wall[r] = (System.nanoTime() - w0) / 1e6;
            }
            System.out.printf("ours equicost=%s: rows %d, sum agg_cost %.3f, median %.3f ms wall, %.3f ms CPU "
                + "per query%n", equicost, rows, sum, median(wall, 3), median(cpu, 3));
        }
    }

    static double median(double[] a, int skip) {
        double[] b = Arrays.copyOfRange(a, skip, a.length);
        Arrays.sort(b);
        return b[b.length / 2];
    }
}

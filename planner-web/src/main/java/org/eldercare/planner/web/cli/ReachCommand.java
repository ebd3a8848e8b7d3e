package org.eldercare.planner.web.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.planning.NetworkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reach}: nodes reachable within a cost budget from one or more start vertices of a pgRouting-style edge CSV,
 * printed as {@code start,node,agg_cost} sorted by start then node, with the semantics of pgRouting's
 * {@code pgr_drivingDistance} (directed by default; {@code --equicost}: each node only for its nearest start).
 */
@Command(name = "reach", mixinStandardHelpOptions = true,
    description = "Nodes within a cost budget of start vertices (like pgr_drivingDistance); CSV start,node,agg_cost.")
public final class ReachCommand extends PlannerCommand {
    @Option(names = "--edges", required = true, paramLabel = "EDGES.csv",
        description = "pgRouting edge table as CSV: id,source,target,cost[,reverse_cost]; negative cost = no such direction")
    Path edges;

    @Option(names = "--from", required = true, split = ",", paramLabel = "ID",
        description = "start vertex id(s), comma-separated")
    List<Long> from;

    @Option(names = "--max", required = true, converter = OptionRanges.NonNegative.class, paramLabel = "COST", description = "budget in the file's cost unit (inclusive)")
    double max;

    @Option(names = "--undirected", description = "treat every edge as two-way (pgRouting directed => false)")
    boolean undirected;

    @Option(names = "--equicost", description = "list each node only under its nearest start (ties: the start given first)")
    boolean equicost;

    @Override
    public Integer call() throws Exception {
        if (!(max >= 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("--max must be a finite number >= 0, was " + max);
        }
        RoadGraph g = NetworkFiles.pgRoutingGraph(edges, undirected);
        int[] nodes = new int[from.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = g.findNode(from.get(i));
            if (nodes[i] < 0) {
                throw new IllegalArgumentException("--from: vertex " + from.get(i) + " is not in " + edges);
            }
        }
        GraphSearch search = new GraphSearch(g);
        List<long[]> keys = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        if (equicost) {
            search.runFromNodes(nodes, max);
            collect(g, search, -1, keys, costs);
        } else {
            for (int k = 0; k < nodes.length; k++) {
                search.runFromNodes(new int[] {nodes[k]}, max);
                collect(g, search, k, keys, costs);
            }
        }
        Integer[] order = new Integer[keys.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Long.compare(keys.get(a)[0], keys.get(b)[0]);
            return c != 0 ? c : Long.compare(keys.get(a)[1], keys.get(b)[1]);
        });
        PrintWriter out = out();
        out.println("start,node,agg_cost");
        for (int i : order) {
            out.println(keys.get(i)[0] + "," + keys.get(i)[1] + "," + fmt(costs.get(i)));
        }
        out.flush();
        return 0;
    }

    private void collect(RoadGraph g, GraphSearch s, int fixedStart, List<long[]> keys, List<Double> costs) {
        for (int i = 0; i < s.reachedCount(); i++) {
            int v = s.reachedNode(i);
            long start = from.get(fixedStart >= 0 ? fixedStart : s.source(v));
            keys.add(new long[] {start, g.nodeExternalId(v)});
            costs.add(s.cost(v));
        }
    }

    /** Integral costs without a decimal point (as psql prints them), others in shortest round-trip form. */
    static String fmt(double c) {
        return c == Math.rint(c) && Math.abs(c) < 1e15 ? Long.toString((long) c) : Double.toString(c);
    }
}

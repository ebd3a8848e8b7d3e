package org.eldercare.planner.network;

import java.util.List;

/**
 * Result of a multi-source search: for every node of the graph, the cost of its nearest start and that start's index
 * (in the list passed to {@link GraphSearch#nearestSources}). Unreached nodes have cost {@code +Infinity} and
 * source -1. THIS CLASS IS IMMUTABLE AND THREAD-SAFE (arrays are private copies, never exposed).
 */
public final class NearestSources {
    private final RoadGraph graph;
    private final List<Snap> starts;
    private final double[] cost;
    private final int[] source;
    private final double maxCost;
    private final long relaxations;

    NearestSources(RoadGraph graph, List<Snap> starts, double[] cost, int[] source, double maxCost, long relaxations) {
        this.graph = graph;
        this.starts = List.copyOf(starts);
        this.cost = cost;
        this.source = source;
        this.maxCost = maxCost;
        this.relaxations = relaxations;
    }

    public RoadGraph graph() {
        return graph;
    }

    public List<Snap> starts() {
        return starts;
    }

    /** Budget of the search in cost units. */
    public double maxCost() {
        return maxCost;
    }

    /** Edge relaxations the search took. */
    public long relaxations() {
        return relaxations;
    }

    /** Cost from the nearest start to the node, or {@code +Infinity}. */
    public double cost(int node) {
        return cost[node];
    }

    /** Index of the nearest start, or -1 when unreached. */
    public int source(int node) {
        return source[node];
    }

    /**
     * Cost from the nearest start to a snapped point (through either end of its edge, or along the edge from a start
     * on the same edge), or {@code +Infinity} when beyond the budget.
     */
    public double costTo(Snap p) {
        return best(p)[0];
    }

    /** Index of the start nearest to the snapped point, or -1 when beyond the budget. */
    public int sourceTo(Snap p) {
        return (int) best(p)[1];
    }

    private double[] best(Snap p) {
        int e = p.edge();
        double x = p.fraction();
        int fa = graph.edgeForwardArc(e);
        int ba = graph.edgeBackwardArc(e);
        double best = Double.POSITIVE_INFINITY;
        int src = -1;
        int u = graph.edgeFrom(e);
        int v = graph.edgeTo(e);
        if (fa >= 0 && source[u] >= 0) {
            double c = cost[u] + x * graph.arcCost(fa);
            if (c < best || (c == best && source[u] < src)) {
                best = c;
                src = source[u];
            }
        }
        if (ba >= 0 && source[v] >= 0) {
            double c = cost[v] + (1 - x) * graph.arcCost(ba);
            if (c < best || (c == best && source[v] < src)) {
                best = c;
                src = source[v];
            }
        }
        for (int s = 0; s < starts.size(); s++) {
            Snap st = starts.get(s);
            if (st.edge() != e) {
                continue;
            }
            double c = Double.POSITIVE_INFINITY;
            if (x >= st.fraction() && fa >= 0) {
                c = (x - st.fraction()) * graph.arcCost(fa);
            } else if (x <= st.fraction() && ba >= 0) {
                c = (st.fraction() - x) * graph.arcCost(ba);
            }
            if (c < best || (c == best && s < src)) {
                best = c;
                src = s;
            }
        }
        return best > maxCost ? new double[] {Double.POSITIVE_INFINITY, -1} : new double[] {best, src};
    }
}

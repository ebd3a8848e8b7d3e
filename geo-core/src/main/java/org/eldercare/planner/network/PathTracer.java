package org.eldercare.planner.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shortest path behind a cost of the last {@link GraphSearch#runFromSnaps} from one origin, traced back from the
 * target through the settled costs: at each node an incoming arc whose tail cost plus arc cost equals the node's
 * cost exactly (the search computed it by that same addition) is the predecessor, so no predecessor array is kept
 * in the search. The path is the list of graph nodes the route passes strictly between the two snapped points (the
 * first node after leaving the origin's edge position to the last before reaching the target's); empty when the
 * route runs along one edge, or when origin and target are the same point. Where two routes cost the same, the one
 * that enters the target's edge farther from the target (or runs along the edge directly) is taken.
 *
 * <p>Builds a reverse arc index once (O(arcs)); not thread-safe, like the search it reads.
 */
public final class PathTracer {
    private final RoadGraph g;
    private final GraphSearch search;
    private final int[] inStart;
    private final int[] inArc;
    private final int[] arcTail;

    public PathTracer(GraphSearch search) {
        this.search = search;
        this.g = search.graph();
        int n = g.nodeCount();
        int arcs = g.arcCount();
        arcTail = new int[arcs];
        inStart = new int[n + 1];
        for (int u = 0; u < n; u++) {
            for (int a = g.firstArc(u); a < g.firstArc(u + 1); a++) {
                arcTail[a] = u;
                inStart[g.arcHead(a) + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            inStart[v + 1] += inStart[v];
        }
        inArc = new int[arcs];
        int[] fill = inStart.clone();
        for (int a = 0; a < arcs; a++) {
            inArc[fill[g.arcHead(a)]++] = a;
        }
    }

    /**
     * Node indices of the path from {@code origin} (the only start of the last search) to {@code target}, or null
     * when the target was not reached.
     */
    public int[] path(Snap origin, Snap target) {
        int e = target.edge();
        double x = target.fraction();
        int fa = g.edgeForwardArc(e);
        int ba = g.edgeBackwardArc(e);
        double best = Double.POSITIVE_INFINITY;
        double bestPartial = -1;
        int end = -1; // -1 = along the edge directly (or unreached)
        if (fa >= 0 && Double.isFinite(search.cost(g.edgeFrom(e)))) {
            double partial = x * g.arcCost(fa);
            best = search.cost(g.edgeFrom(e)) + partial;
            bestPartial = partial;
            end = g.edgeFrom(e);
        }
        if (ba >= 0 && Double.isFinite(search.cost(g.edgeTo(e)))) {
            double partial = (1 - x) * g.arcCost(ba);
            double c = search.cost(g.edgeTo(e)) + partial;
            if (c < best || (c == best && partial > bestPartial)) {
                best = c;
                bestPartial = partial;
                end = g.edgeTo(e);
            }
        }
        if (origin.edge() == e) {
            double f = origin.fraction();
            double c = x >= f && fa >= 0 ? (x - f) * g.arcCost(fa)
                : x <= f && ba >= 0 ? (f - x) * g.arcCost(ba) : Double.POSITIVE_INFINITY;
            if (c <= best) {
                return new int[0];
            }
        }
        if (end < 0 || best > search.lastMaxCost()) {
            return null;
        }
        List<Integer> nodes = new ArrayList<>();
        int w = end;
        for (int steps = 0; steps <= g.nodeCount(); steps++) {
            nodes.add(w);
            double cw = search.cost(w);
            if (isEntry(origin, w, cw)) {
                Collections.reverse(nodes);
                return nodes.stream().mapToInt(Integer::intValue).toArray();
            }
            int pred = -1;
            for (int k = inStart[w]; k < inStart[w + 1] && pred < 0; k++) {
                int a = inArc[k];
                int u = arcTail[a];
                double cu = search.cost(u);
                if (Double.isFinite(cu) && cu + g.arcCost(a) == cw) {
                    pred = u;
                }
            }
            if (pred < 0) {
                throw new IllegalStateException("no predecessor of node " + w + " at cost " + cw
                    + ": the last search was not from this origin");
            }
            w = pred;
        }
        throw new IllegalStateException("path longer than the graph: the last search was not from this origin");
    }

    /** Whether the origin enters the graph at node {@code w} with exactly cost {@code cw} (as runFromSnaps does). */
    private boolean isEntry(Snap o, int w, double cw) {
        int fa = g.edgeForwardArc(o.edge());
        int ba = g.edgeBackwardArc(o.edge());
        if (w == g.edgeFrom(o.edge()) && (ba >= 0 || o.fraction() == 0)
                && cw == (o.fraction() == 0 ? 0 : o.fraction() * g.arcCost(ba))) {
            return true;
        }
        return w == g.edgeTo(o.edge()) && (fa >= 0 || o.fraction() == 1)
            && cw == (o.fraction() == 1 ? 0 : (1 - o.fraction()) * g.arcCost(fa));
    }
}

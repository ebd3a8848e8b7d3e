package org.eldercare.planner.network;

import java.util.Arrays;
import java.util.List;

/**
 * Shortest-path searches (Dijkstra) on one {@link RoadGraph} with reusable work arrays: after the first query a
 * search allocates nothing (work arrays are sized to the graph once; "visited" is a generation stamp, so a bounded
 * search costs O(reached part), not O(graph)). Covers:
 * <ul>
 *   <li>bounded reach from one or more starts (graph nodes or {@link Snap}s on partial edges) within a budget,</li>
 *   <li>multi-source nearest source for every node in one pass ({@link #nearestSources}): each node gets the cost of
 *       its nearest start and that start's index (ties go to the lower index),</li>
 *   <li>one-to-many cost matrices ({@link #costMatrix}),</li>
 *   <li>the reached pieces of edges at a budget, including partial edges at the boundary and the start edges
 *       ({@link #forEachReachedPiece}).</li>
 * </ul>
 * Costs are in the graph's arc cost unit (seconds for OSM/line-layer graphs).
 *
 * <p>IMPLEMENTATION NOTE: the priority queue is an indexed binary min-heap on primitive arrays with decrease-key
 * ({@code heap[]} of nodes with their keys copied into a parallel {@code heapKey[]} so that sifting reads
 * contiguous memory, {@code pos[]} per node). On a large graph the search is bound by memory, not by the queue: the
 * per-node state (cost bits, generation stamp, start index) is interleaved in one {@code long[]}, so a relaxation
 * touches one place per node instead of three arrays. Also measured and not (clearly) faster, so left out: a
 * lazy-deletion 4-ary heap, an exact radix heap on the cost bits, interleaving the graph's arc heads with their
 * costs, and folding the settled flag into the state word (docs/bench/network.md). Costs stay {@code double} (a
 * bucket queue would need rounding). To re-test a change here, run {@code GraphSearchReferenceTest} (Bellman-Ford reference on seeded random graphs with ties) and
 * {@code scripts/bench/ab.sh}. Multi-source ties: a node whose cost equals an existing label from a lower start index is
 * re-labelled and re-queued, so the result does not depend on heap order.
 *
 * <p>Not thread-safe (it owns mutable work arrays): use one instance per thread; the graph itself is shared.
 */
public final class GraphSearch {
    private final RoadGraph g;
    private final int[] firstArc;
    private final int[] arcHead;
    private final double[] arcCost;

    /**
     * Per-node search state, interleaved so that one relaxation touches one cache line of the head node:
     * {@code state[2v]} = raw bits of the node's cost, {@code state[2v+1]} = generation stamp (high 32 bits, the
     * node was reached in the search with that stamp) | start index (low 32 bits).
     */
    private final long[] state;
    private final int[] settledStamp;
    private final int[] edgeStamp;
    /** Per edge: the generation of the last search that started on it (so edges without a start skip the starts). */
    private final int[] startEdgeStamp;
    private int gen;
    private int pieceGen;
    /** Candidate intervals of {@link #emitEdge} (x0, x1, cost at x0, slope, label), reused. */
    private double[] cand = new double[5 * 8];
    /** Pieces {@link #emitEdge} reported for its edge, whether the last was the whole edge, and its label. */
    private int pieces;
    private boolean lastWhole;
    private int lastLabel;

    private final int[] heap;
    /** Key of each heap slot (copy of dist[heap[i]]), so sifting reads contiguous memory. */
    private final double[] heapKey;
    private final int[] pos;
    private int heapSize;

    private final int[] settled;
    private int settledCount;
    private long relaxations;
    private double lastMaxCost;

    private int startCount;
    private int[] startEdge = new int[16];
    private double[] startFraction = new double[16];
    private int[] startSource = new int[16];

    public GraphSearch(RoadGraph graph) {
        if (graph == null) {
            throw new IllegalArgumentException("graph is required");
        }
        this.g = graph;
        this.firstArc = graph.firstArcArray();
        this.arcHead = graph.arcHeadArray();
        this.arcCost = graph.arcCostArray();
        int n = graph.nodeCount();
        state = new long[2 * n];
        settledStamp = new int[n];
        edgeStamp = new int[graph.edgeCount()];
        startEdgeStamp = new int[graph.edgeCount()];
        heap = new int[n];
        heapKey = new double[n];
        pos = new int[n];
        Arrays.fill(pos, -1);
        settled = new int[n];
    }

    public RoadGraph graph() {
        return g;
    }

    // ------------------------------------------------------------------ running searches

    /**
     * Runs from graph nodes; start {@code i} is node {@code nodes[i]} at cost 0 with source index {@code i}.
     *
     * @param maxCost budget (inclusive) in cost units, ≥ 0; {@code Double.POSITIVE_INFINITY} for a full search
     */
    public void runFromNodes(int[] nodes, double maxCost) {
        begin(maxCost);
        for (int i = 0; i < nodes.length; i++) {
            checkNode("nodes[" + i + "]", nodes[i]);
            offer(nodes[i], 0, i);
        }
        loop(maxCost);
    }

    /**
     * Runs from points snapped onto edges (partial edges): start {@code i} enters the graph at its edge's from node
     * after {@code fraction × backward cost} and at its to node after {@code (1 − fraction) × forward cost}, where
     * the edge is usable in that direction.
     */
    public void runFromSnaps(List<Snap> starts, double maxCost) {
        begin(maxCost);
        for (int i = 0; i < starts.size(); i++) {
            Snap s = starts.get(i);
            if (s.edge() >= g.edgeCount()) {
                throw new IllegalArgumentException("starts[" + i + "].edge out of range [0," + g.edgeCount() + "): "
                    + s.edge());
            }
            addStart(s.edge(), s.fraction(), i);
            int fa = g.edgeForwardArc(s.edge());
            int ba = g.edgeBackwardArc(s.edge());
            if (ba >= 0 || s.fraction() == 0) {
                double c = s.fraction() == 0 ? 0 : s.fraction() * arcCost[ba];
                if (c <= maxCost) {
                    offer(g.edgeFrom(s.edge()), c, i);
                }
            }
            if (fa >= 0 || s.fraction() == 1) {
                double c = s.fraction() == 1 ? 0 : (1 - s.fraction()) * arcCost[fa];
                if (c <= maxCost) {
                    offer(g.edgeTo(s.edge()), c, i);
                }
            }
        }
        loop(maxCost);
    }

    private void begin(double maxCost) {
        if (!(maxCost >= 0)) {
            throw new IllegalArgumentException("maxCost must be >= 0 (or +Infinity), was " + maxCost);
        }
        gen++;
        if (gen == Integer.MAX_VALUE) {
            Arrays.fill(state, 0);
            Arrays.fill(settledStamp, 0);
            Arrays.fill(startEdgeStamp, 0);
            gen = 1;
        }
        while (heapSize > 0) { // a search aborted by a bad argument left entries behind
            pos[heap[--heapSize]] = -1;
        }
        settledCount = 0;
        relaxations = 0;
        startCount = 0;
        lastMaxCost = maxCost;
    }

    private void checkNode(String field, int node) {
        if (node < 0 || node >= g.nodeCount()) {
            throw new IllegalArgumentException(field + " out of range [0," + g.nodeCount() + "): " + node);
        }
    }

    private void addStart(int edge, double fraction, int source) {
        if (startCount == startEdge.length) {
            startEdge = Arrays.copyOf(startEdge, startCount * 2);
            startFraction = Arrays.copyOf(startFraction, startCount * 2);
            startSource = Arrays.copyOf(startSource, startCount * 2);
        }
        startEdge[startCount] = edge;
        startFraction[startCount] = fraction;
        startSource[startCount] = source;
        startCount++;
        startEdgeStamp[edge] = gen;
    }

    private void offer(int v, double c, int src) {
        if (!touched(v)) {
            set(v, c, src);
            push(v);
        } else if (c < dist(v) || (c == dist(v) && src < label(v))) {
            set(v, c, src);
            if (pos[v] >= 0) {
                heapKey[pos[v]] = c;
                siftUp(pos[v]);
            } else {
                push(v);
            }
        }
    }

    private void loop(double maxCost) {
        final int[] firstArc = this.firstArc;
        final int[] arcHead = this.arcHead;
        final double[] arcCost = this.arcCost;
        final long[] state = this.state;
        final int gen = this.gen;
        final long genHigh = (long) gen << 32;
        long relax = 0;
        while (heapSize > 0) {
            int u = pop();
            if (settledStamp[u] != gen) {
                settledStamp[u] = gen;
                settled[settledCount++] = u;
            }
            double du = Double.longBitsToDouble(state[2 * u]);
            int lu = (int) state[2 * u + 1];
            long stampLabel = genHigh | lu;
            int end = firstArc[u + 1];
            for (int a = firstArc[u]; a < end; a++) {
                relax++;
                int v = arcHead[a];
                double nd = du + arcCost[a];
                if (nd > maxCost) {
                    continue;
                }
                long w = state[2 * v + 1];
                if ((int) (w >>> 32) != gen) {
                    state[2 * v] = Double.doubleToRawLongBits(nd);
                    state[2 * v + 1] = stampLabel;
                    push(v, nd);
                    continue;
                }
                double dv = Double.longBitsToDouble(state[2 * v]);
                if (nd < dv || (nd == dv && lu < (int) w)) {
                    state[2 * v] = Double.doubleToRawLongBits(nd);
                    state[2 * v + 1] = stampLabel;
                    int pv = pos[v];
                    if (pv >= 0) {
                        heapKey[pv] = nd;
                        siftUp(pv);
                    } else {
                        push(v, nd);
                    }
                }
            }
        }
        relaxations = relax;
    }

    // ------------------------------------------------------------------ per-node state

    private boolean touched(int v) {
        return (int) (state[2 * v + 1] >>> 32) == gen;
    }

    /** Cost of the node in the current search; meaningful only when {@link #touched}. */
    private double dist(int v) {
        return Double.longBitsToDouble(state[2 * v]);
    }

    /** Start index of the node in the current search; meaningful only when {@link #touched}. */
    private int label(int v) {
        return (int) state[2 * v + 1];
    }

    private void set(int v, double cost, int src) {
        state[2 * v] = Double.doubleToRawLongBits(cost);
        state[2 * v + 1] = ((long) gen << 32) | src;
    }

    // ------------------------------------------------------------------ indexed binary heap

    private void push(int v) {
        push(v, dist(v));
    }

    private void push(int v, double key) {
        int i = heapSize++;
        heap[i] = v;
        heapKey[i] = key;
        pos[v] = i;
        siftUp(i);
    }

    private int pop() {
        int top = heap[0];
        pos[top] = -1;
        int n = --heapSize;
        if (n > 0) {
            int last = heap[n];
            heap[0] = last;
            heapKey[0] = heapKey[n];
            pos[last] = 0;
            siftDown(0);
        }
        return top;
    }

    /** Slot order: key, then label (the start index) so ties resolve towards the lower start. */
    private boolean less(double ka, int a, double kb, int b) {
        return ka < kb || (ka == kb && label(a) < label(b));
    }

    private void siftUp(int i) {
        int v = heap[i];
        double kv = heapKey[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            double kp = heapKey[p];
            if (kv > kp || (kv == kp && !less(kv, v, kp, heap[p]))) {
                break;
            }
            place(i, heap[p], kp);
            i = p;
        }
        place(i, v, kv);
    }

    private void siftDown(int i) {
        int v = heap[i];
        double kv = heapKey[i];
        int half = heapSize >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            double kc = heapKey[c];
            int r = c + 1;
            if (r < heapSize) {
                double kr = heapKey[r];
                if (kr < kc || (kr == kc && label(heap[r]) < label(heap[c]))) {
                    c = r;
                    kc = kr;
                }
            }
            if (kc > kv || (kc == kv && !less(kc, heap[c], kv, v))) {
                break;
            }
            place(i, heap[c], kc);
            i = c;
        }
        place(i, v, kv);
    }

    /** Puts node {@code v} with key {@code k} into heap slot {@code i}. */
    private void place(int i, int v, double k) {
        heap[i] = v;
        heapKey[i] = k;
        pos[v] = i;
    }

    // ------------------------------------------------------------------ results of the last run

    /** Edge relaxations (arcs scanned) of the last search, for measuring throughput. */
    public long lastRelaxations() {
        return relaxations;
    }

    /** Budget of the last search. */
    public double lastMaxCost() {
        return lastMaxCost;
    }

    /** Cost of the node in the last search, or {@code +Infinity} when not reached within the budget. */
    public double cost(int node) {
        return touched(node) && settledStamp[node] == gen ? dist(node) : Double.POSITIVE_INFINITY;
    }

    /** Index of the start nearest to the node in the last search, or -1 when not reached. */
    public int source(int node) {
        return touched(node) && settledStamp[node] == gen ? label(node) : -1;
    }

    /** Number of nodes reached by the last search. */
    public int reachedCount() {
        return settledCount;
    }

    /** The {@code i}-th reached node of the last search, in order of increasing cost. */
    public int reachedNode(int i) {
        if (i < 0 || i >= settledCount) {
            throw new IllegalArgumentException("i out of range [0," + settledCount + "): " + i);
        }
        return settled[i];
    }

    /**
     * Cost from the starts of the last search to a snapped point: through either end of its edge, or directly along
     * the edge from a start on the same edge. {@code +Infinity} when not reachable within the budget.
     */
    public double costTo(Snap target) {
        return costAndSource(target.edge(), target.fraction(), null);
    }

    /** Index of the start nearest to the snapped point (as {@link #costTo}), or -1 when not reachable. */
    public int sourceTo(Snap target) {
        int[] src = {-1};
        costAndSource(target.edge(), target.fraction(), src);
        return src[0];
    }

    private double costAndSource(int e, double x, int[] srcOut) {
        double best = Double.POSITIVE_INFINITY;
        int bestSrc = -1;
        int fa = g.edgeForwardArc(e);
        int ba = g.edgeBackwardArc(e);
        int u = g.edgeFrom(e);
        int v = g.edgeTo(e);
        if (fa >= 0 && settledStamp[u] == gen) {
            double c = dist(u) + x * arcCost[fa];
            if (c < best || (c == best && label(u) < bestSrc)) {
                best = c;
                bestSrc = label(u);
            }
        }
        if (ba >= 0 && settledStamp[v] == gen) {
            double c = dist(v) + (1 - x) * arcCost[ba];
            if (c < best || (c == best && label(v) < bestSrc)) {
                best = c;
                bestSrc = label(v);
            }
        }
        for (int s = startEdgeStamp[e] == gen ? 0 : startCount; s < startCount; s++) {
            if (startEdge[s] != e) {
                continue;
            }
            double f = startFraction[s];
            double c = Double.POSITIVE_INFINITY;
            if (x >= f && fa >= 0) {
                c = (x - f) * arcCost[fa];
            } else if (x <= f && ba >= 0) {
                c = (f - x) * arcCost[ba];
            }
            if (c < best || (c == best && startSource[s] < bestSrc)) {
                best = c;
                bestSrc = startSource[s];
            }
        }
        if (best > lastMaxCost) {
            best = Double.POSITIVE_INFINITY;
            bestSrc = -1;
        }
        if (srcOut != null) {
            srcOut[0] = bestSrc;
        }
        return best;
    }

    /**
     * Enumerates the pieces of edges reachable within {@code budget} (≤ the last search's budget) after the last
     * search: whole edges, partial edges at the boundary (a fraction proportional to the remaining budget) and the
     * pieces around snapped starts. Where starts compete on one edge, the edge is split at the point of equal cost and
     * each piece carries its nearest start's index (ties to the lower index). Each edge is reported as one or more
     * disjoint, ordered pieces.
     *
     * @throws IllegalArgumentException if {@code budget} is negative or exceeds the last search's budget
     */
    public void forEachReachedPiece(double budget, PieceConsumer out) {
        if (!(budget >= 0) || budget > lastMaxCost) {
            throw new IllegalArgumentException("budget must be in [0, " + lastMaxCost + "] (the last search's budget), was "
                + budget);
        }
        forEachReachedPiece(new double[] {budget}, (e, a, b, src, band) -> out.accept(e, a, b, src));
    }

    /**
     * As {@link #forEachReachedPiece(double, PieceConsumer)} for several budgets at once, in one pass over the
     * reached edges: each edge's pieces within {@code budgets[k]} are reported with band {@code k}, bands in
     * increasing order per edge; the same pieces as one call per budget. An edge reached whole by one start within
     * a budget is reached whole by it within every larger one (another start's cost on it exceeds that budget), so
     * from there on it is reported whole without recomputing its envelope.
     *
     * @param budgets non-decreasing, each in [0, the last search's budget]
     * @throws IllegalArgumentException if the budgets are empty, decreasing or out of that range
     */
    public void forEachReachedPiece(double[] budgets, BandPieceConsumer out) {
        if (budgets.length == 0) {
            throw new IllegalArgumentException("budgets: at least one is required");
        }
        for (int k = 0; k < budgets.length; k++) {
            if (!(budgets[k] >= 0) || budgets[k] > lastMaxCost || k > 0 && budgets[k] < budgets[k - 1]) {
                throw new IllegalArgumentException("budgets[" + k + "] must be in [0, " + lastMaxCost
                    + "] (the last search's budget) and not below the one before, was " + budgets[k]);
            }
        }
        if (++pieceGen == Integer.MAX_VALUE) {
            Arrays.fill(edgeStamp, 0);
            pieceGen = 1;
        }
        int eg = pieceGen;
        double max = budgets[budgets.length - 1];
        for (int i = 0; i < settledCount; i++) {
            int u = settled[i];
            if (dist(u) > max) {
                continue;
            }
            for (int a = firstArc[u]; a < firstArc[u + 1]; a++) {
                int e = g.arcEdge(a);
                if (edgeStamp[e] != eg) {
                    edgeStamp[e] = eg;
                    emitBands(e, budgets, out);
                }
            }
        }
        for (int s = 0; s < startCount; s++) {
            int e = startEdge[s];
            if (edgeStamp[e] != eg) {
                edgeStamp[e] = eg;
                emitBands(e, budgets, out);
            }
        }
    }

    private void emitBands(int e, double[] budgets, BandPieceConsumer out) {
        int fa = g.edgeForwardArc(e);
        int ba = g.edgeBackwardArc(e);
        int u = g.edgeFrom(e);
        int v = g.edgeTo(e);
        boolean fromU = fa >= 0 && settledStamp[u] == gen;
        boolean fromV = ba >= 0 && settledStamp[v] == gen;
        if (startEdgeStamp[e] != gen && (!fromU || !fromV || label(u) == label(v))) {
            // no start on the edge and one start reaching it: the pieces are [0, reach from u] ∪ [1 − reach from v, 1]
            // (what emitEdge gives for one or two candidates of one label), without the candidate arrays
            double du = fromU ? dist(u) : Double.POSITIVE_INFINITY;
            double dv = fromV ? dist(v) : Double.POSITIVE_INFINITY;
            double cf = fromU ? arcCost[fa] : 0;
            double cb = fromV ? arcCost[ba] : 0;
            int lbl = fromU ? label(u) : fromV ? label(v) : -1;
            for (int k = 0; k < budgets.length; k++) {
                double t = budgets[k];
                double a1 = du <= t ? (cf > 0 ? Math.min(1, (t - du) / cf) : 1) : -1;
                double b0 = dv <= t ? 1 - (cb > 0 ? Math.min(1, (t - dv) / cb) : 1) : 2;
                if (a1 >= b0 || a1 >= 1 || b0 <= 0) {
                    // the two reaches meet, or one covers the edge: the whole edge, in this band and every later one
                    for (int q = k; q < budgets.length; q++) {
                        out.accept(e, 0, 1, lbl, q);
                    }
                    return;
                }
                if (a1 > 0) {
                    out.accept(e, 0, a1, lbl, k);
                }
                if (b0 < 1) {
                    out.accept(e, b0, 1, lbl, k);
                }
            }
            return;
        }
        for (int k = 0; k < budgets.length; k++) {
            pieces = 0;
            lastWhole = false;
            emitEdge(e, budgets[k], k, out);
            if (pieces == 1 && lastWhole) {
                for (int q = k + 1; q < budgets.length; q++) {
                    out.accept(e, 0, 1, lastLabel, q);
                }
                return;
            }
        }
    }

    private void report(BandPieceConsumer out, int e, double from, double to, int label, int band) {
        pieces++;
        lastWhole = from == 0 && to == 1;
        lastLabel = label;
        out.accept(e, from, to, label, band);
    }

    private void emitEdge(int e, double budget, int band, BandPieceConsumer out) {
        double[] cand = this.cand;
        int n = 0;
        int fa = g.edgeForwardArc(e);
        int ba = g.edgeBackwardArc(e);
        int u = g.edgeFrom(e);
        int v = g.edgeTo(e);
        if (fa >= 0 && settledStamp[u] == gen && dist(u) <= budget) {
            double c = arcCost[fa];
            double reach = c > 0 ? Math.min(1, (budget - dist(u)) / c) : 1;
            cand = put(cand, n++, 0, reach, dist(u), c, label(u));
        }
        if (ba >= 0 && settledStamp[v] == gen && dist(v) <= budget) {
            double c = arcCost[ba];
            double reach = c > 0 ? Math.min(1, (budget - dist(v)) / c) : 1;
            // cost at x = dist(v) + (1 - x) c  ⇒ at x0 = 1 - reach: dist(v) + reach c; slope −c
            cand = put(cand, n++, 1 - reach, 1, dist(v) + reach * c, -c, label(v));
        }
        for (int s = startEdgeStamp[e] == gen ? 0 : startCount; s < startCount; s++) {
            if (startEdge[s] != e) {
                continue;
            }
            double f = startFraction[s];
            if (fa >= 0) {
                double c = arcCost[fa];
                double reach = c > 0 ? Math.min(1 - f, budget / c) : 1 - f;
                cand = put(cand, n++, f, f + reach, 0, c, startSource[s]);
            }
            if (ba >= 0) {
                double c = arcCost[ba];
                double reach = c > 0 ? Math.min(f, budget / c) : f;
                cand = put(cand, n++, f - reach, f, reach * c, -c, startSource[s]);
            }
        }
        this.cand = cand;
        if (n == 0) {
            return;
        }
        if (n == 1) {
            if (cand[1] > cand[0]) {
                report(out, e, cand[0], cand[1], (int) cand[4], band);
            }
            return;
        }
        if (n == 2 && cand[4] == cand[9]) {
            // one start (or two candidates of the same one): which of them is cheaper does not matter, the pieces are
            // the union of the two intervals (what the envelope below gives, without its sort)
            double a0 = cand[0];
            double a1 = cand[1];
            double b0 = cand[5];
            double b1 = cand[6];
            if (b0 < a0) {
                double t = a0;
                a0 = b0;
                b0 = t;
                t = a1;
                a1 = b1;
                b1 = t;
            }
            int lbl = (int) cand[4];
            if (b0 <= a1) {
                if (Math.max(a1, b1) > a0) {
                    report(out, e, a0, Math.max(a1, b1), lbl, band);
                }
            } else {
                if (a1 > a0) {
                    report(out, e, a0, a1, lbl, band);
                }
                if (b1 > b0) {
                    report(out, e, b0, b1, lbl, band);
                }
            }
            return;
        }
        // lower envelope of the linear cost functions on [0,1]: breakpoints at interval ends and pairwise crossings
        double[] bp = new double[2 * n + n * (n - 1) / 2 + 2];
        int nb = 0;
        for (int i = 0; i < n; i++) {
            bp[nb++] = cand[5 * i];
            bp[nb++] = cand[5 * i + 1];
            for (int j = i + 1; j < n; j++) {
                double si = cand[5 * i + 3];
                double sj = cand[5 * j + 3];
                if (si != sj) {
                    // c_i(x) = ci0 + si (x - xi0)
                    double ai = cand[5 * i + 2] - si * cand[5 * i];
                    double aj = cand[5 * j + 2] - sj * cand[5 * j];
                    double x = (aj - ai) / (si - sj);
                    if (x > 0 && x < 1) {
                        bp[nb++] = x;
                    }
                }
            }
        }
        Arrays.sort(bp, 0, nb);
        double runStart = -1;
        double runEnd = -1;
        int runLabel = -1;
        for (int k = 0; k + 1 < nb; k++) {
            double p = bp[k];
            double q = bp[k + 1];
            if (q <= p) {
                continue;
            }
            double m = 0.5 * (p + q);
            double best = Double.POSITIVE_INFINITY;
            int bestLabel = -1;
            for (int i = 0; i < n; i++) {
                if (m >= cand[5 * i] && m <= cand[5 * i + 1]) {
                    double c = cand[5 * i + 2] + cand[5 * i + 3] * (m - cand[5 * i]);
                    int l = (int) cand[5 * i + 4];
                    if (c < best || (c == best && l < bestLabel)) {
                        best = c;
                        bestLabel = l;
                    }
                }
            }
            if (bestLabel < 0) {
                if (runLabel >= 0) {
                    report(out, e, runStart, runEnd, runLabel, band);
                    runLabel = -1;
                }
                continue;
            }
            if (runLabel == bestLabel && runEnd == p) {
                runEnd = q;
            } else {
                if (runLabel >= 0) {
                    report(out, e, runStart, runEnd, runLabel, band);
                }
                runStart = p;
                runEnd = q;
                runLabel = bestLabel;
            }
        }
        if (runLabel >= 0) {
            report(out, e, runStart, runEnd, runLabel, band);
        }
    }

    private static double[] put(double[] cand, int i, double x0, double x1, double c0, double slope, int lbl) {
        if (5 * i + 5 > cand.length) {
            cand = Arrays.copyOf(cand, cand.length * 2);
        }
        cand[5 * i] = Math.max(0, x0);
        cand[5 * i + 1] = Math.min(1, x1);
        cand[5 * i + 2] = c0 + slope * (cand[5 * i] - x0);
        cand[5 * i + 3] = slope;
        cand[5 * i + 4] = lbl;
        return cand;
    }

    // ------------------------------------------------------------------ convenience analyses

    /**
     * Multi-source nearest start for every node in one pass: runs from all starts at once and returns, per node, the
     * cost of the nearest start and its index (ties to the lower index).
     *
     * @param starts  snapped starts (facilities), in the order their indices refer to
     * @param maxCost budget in cost units (nodes beyond it are unreached), or {@code +Infinity}
     */
    public NearestSources nearestSources(List<Snap> starts, double maxCost) {
        runFromSnaps(starts, maxCost);
        int n = g.nodeCount();
        double[] c = new double[n];
        int[] s = new int[n];
        Arrays.fill(c, Double.POSITIVE_INFINITY);
        Arrays.fill(s, -1);
        for (int i = 0; i < settledCount; i++) {
            int v = settled[i];
            c[v] = dist(v);
            s[v] = label(v);
        }
        return new NearestSources(g, starts, c, s, maxCost, relaxations);
    }

    /**
     * One-to-many cost matrix: {@code result[i][j]} = cost from {@code origins[i]} to {@code targets[j]}, or
     * {@code +Infinity} when not reachable within {@code maxCost}. One bounded search per origin.
     */
    public double[][] costMatrix(List<Snap> origins, List<Snap> targets, double maxCost) {
        double[][] m = new double[origins.size()][targets.size()];
        for (int i = 0; i < origins.size(); i++) {
            runFromSnaps(List.of(origins.get(i)), maxCost);
            for (int j = 0; j < targets.size(); j++) {
                m[i][j] = costTo(targets.get(j));
            }
        }
        return m;
    }

    /** As {@link #costMatrix(List, List, double)} between graph nodes. */
    public double[][] costMatrix(int[] originNodes, int[] targetNodes, double maxCost) {
        double[][] m = new double[originNodes.length][targetNodes.length];
        for (int i = 0; i < originNodes.length; i++) {
            runFromNodes(new int[] {originNodes[i]}, maxCost);
            for (int j = 0; j < targetNodes.length; j++) {
                checkNode("targetNodes[" + j + "]", targetNodes[j]);
                m[i][j] = cost(targetNodes[j]);
            }
        }
        return m;
    }
}

package org.eldercare.planner.siting;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Lagrangian branch and bound for the p-median (after Beasley, EJOR 21 (1985) 270–273): for "choose p sites
 * minimising Σ_i min_{open j} c_ij" on a flat matrix of weighted costs, a depth-first tree that branches on a site
 * open / closed; each node bounds with the Lagrangian relaxation of the assignment constraints (L(λ) = Σ λ_i + the ρ_j
 * of the sites fixed open + the (p − open) smallest ρ_j = Σ_i min(0, c_ij − λ_i) of the free sites), the multipliers
 * warm-started from the parent and improved by a short subgradient run; every Lagrangian site choice is priced as a
 * solution; the reduced-cost tests of the root (forced open / closed lifts L past the incumbent) fix sites at every
 * node for its subtree. Proves the incumbent optimal when the tree is exhausted. Package-private.
 *
 * <p>Use: no group limits (the priced site choices must be feasible); required sites are fixed open at the root,
 * ineligible ones closed. Memory: the n × m weighted costs it is given plus three n × m copies for cache-friendly
 * scans (per demand point its usable candidates sorted by cost, and their costs; per usable candidate its column),
 * and along the depth-first path one multiplier vector per open node — never n² × n.
 */
final class MedianBranchAndBound {
    private static final byte FREE = 0;
    private static final byte OPEN = 1;
    private static final byte CLOSED = -1;

    private final double[] c;
    private final int n;
    private final int m;
    private final int p;
    private final boolean integral;
    /** Rows that can cost something (weight &gt; 0), each with its candidates sorted by increasing finite cost. */
    private final int[] rows;
    private final int[][] near;
    /** nearCost[t][u] = c of row rows[t] at candidate near[t][u] (read in order, without the indirection). */
    private final double[][] nearCost;
    /** colCost[j][t] = c of row rows[t] at candidate j: the chosen sites' columns, read in order. */
    private final double[][] colCost;
    private final byte[] rootFix;

    private boolean[] best;
    private double upper;
    private long nodes;
    private double openBound = Double.POSITIVE_INFINITY;

    /** What {@link #run} found: best site set and cost, the proven lower bound, nodes, and whether it completed. */
    record Outcome(boolean[] open, double cost, double bound, long nodes, boolean complete) {}

    /**
     * @param weightedCosts n × m demand-major, c_ij = w_i × d_ij (+∞ unreachable; rows of weight 0 all 0)
     * @param e             eligibility: allowed and required sites (its group limits must be empty)
     * @param incumbent     a feasible site set of cost {@code incumbentCost}
     */
    MedianBranchAndBound(double[] weightedCosts, int n, Eligibility e, int p, boolean integral, boolean[] incumbent,
            double incumbentCost) {
        if (!e.limits.isEmpty()) {
            throw new IllegalStateException("Lagrangian branch and bound does not handle group limits");
        }
        this.c = weightedCosts;
        this.n = n;
        this.m = e.matrix.candidateCount();
        this.p = p;
        this.integral = integral;
        this.best = incumbent.clone();
        this.upper = incumbentCost;
        rootFix = new byte[m];
        for (int j = 0; j < m; j++) {
            rootFix[j] = e.required[j] ? OPEN : e.allowed[j] ? FREE : CLOSED;
        }
        int k = 0;
        int[] r = new int[n];
        int[][] lists = new int[n][];
        double[][] costs = new double[n][];
        Integer[] order = new Integer[m];
        for (int i = 0; i < n; i++) {
            if (e.matrix.weight(i) == 0) {
                continue;
            }
            int q = 0;
            for (int j = 0; j < m; j++) {
                if (e.allowed[j] && Double.isFinite(c[i * m + j])) {
                    order[q++] = j;
                }
            }
            final int row = i * m;
            Arrays.sort(order, 0, q, (a, b) -> Double.compare(c[row + a], c[row + b]));
            int[] l = new int[q];
            double[] lc = new double[q];
            for (int t = 0; t < q; t++) {
                l[t] = order[t];
                lc[t] = c[row + order[t]];
            }
            r[k] = i;
            costs[k] = lc;
            lists[k++] = l;
        }
        rows = Arrays.copyOf(r, k);
        near = Arrays.copyOf(lists, k);
        nearCost = Arrays.copyOf(costs, k);
        colCost = new double[m][];
        for (int j = 0; j < m; j++) {
            if (e.allowed[j]) {
                colCost[j] = new double[k];
                for (int t = 0; t < k; t++) {
                    colCost[j][t] = c[rows[t] * m + j];
                }
            }
        }
    }

    /** True when a node of Lagrangian value {@code value} holds no solution strictly better than the incumbent. */
    private boolean pruned(double value) {
        return integral ? value > upper - 1 + 1e-6 : value >= upper - 1e-9 * Math.max(1, Math.abs(upper));
    }

    /** One tree node: its fixings and the multipliers it starts from. */
    private record Node(byte[] fix, double[] lambda, double parentBound) {}

    /**
     * Runs the tree from {@code lambda} (the root multipliers, one per demand point, e.g. the best of the root
     * subgradient) until it is exhausted or {@code deadlineNanos} passes.
     */
    Outcome run(double[] lambda, long deadlineNanos) {
        double[] rootLambda = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            rootLambda[k] = lambda[rows[k]];
        }
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(new Node(rootFix.clone(), rootLambda, Double.NEGATIVE_INFINITY));
        boolean complete = true;
        while (!stack.isEmpty()) {
            if (System.nanoTime() > deadlineNanos) {
                complete = false;
                for (Node left : stack) {
                    openBound = Math.min(openBound, left.parentBound());
                }
                break;
            }
            Node node = stack.pop();
            if (pruned(node.parentBound())) {
                continue;
            }
            nodes++;
            expand(node, stack, nodes == 1 ? 300 : 40);
        }
        double bound = complete ? upper : Math.min(upper, openBound);
        if (integral && !complete) {
            bound = Math.ceil(bound - 1e-6);
        }
        return new Outcome(best.clone(), upper, bound, nodes, complete);
    }

    /** Bounds one node, fixes sites by the reduced-cost tests, prices, and pushes its two children. */
    private void expand(Node node, Deque<Node> stack, int iterations) {
        byte[] fix = node.fix();
        double[] lambda = node.lambda();
        int fixedOpen = 0;
        int free = 0;
        for (int j = 0; j < m; j++) {
            if (fix[j] == OPEN) {
                fixedOpen++;
            } else if (fix[j] == FREE) {
                free++;
            }
        }
        int k = p - fixedOpen;
        if (k < 0 || k > free) {
            return; // no site set of size p fits the fixings
        }
        double[] r = new double[m];
        boolean[] sel = new boolean[m];
        double[] g = new double[rows.length];
        double[] bestLambda = lambda.clone();
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] sorted = new double[free];
        double theta = iterations > 100 ? 2.0 : 1.0;
        int stall = 0;
        for (int it = 0; it < iterations; it++) {
            double value = relax(fix, lambda, k, r, sel, sorted);
            price(sel);
            if (value > bestValue + 1e-9) {
                bestValue = value;
                System.arraycopy(lambda, 0, bestLambda, 0, lambda.length);
                stall = 0;
            } else if (++stall >= (iterations > 100 ? 30 : 5)) {
                theta /= 2;
                stall = 0;
                if (theta < 1e-3) {
                    break;
                }
            }
            if (pruned(bestValue) || k == 0) {
                break;
            }
            // the reduced-cost tests at every iteration (each valid for any λ): sites fixed now tighten the
            // relaxation of the iterations that follow, and the children inherit the fixings
            double last = sorted[k - 1];
            double next = k < free ? sorted[k] : Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (fix[j] != FREE) {
                    continue;
                }
                if (!sel[j] && pruned(value - last + r[j])) {
                    fix[j] = CLOSED;
                    free--;
                } else if (sel[j] && pruned(value - r[j] + next)) {
                    fix[j] = OPEN;
                    free--;
                    k--;
                }
            }
            if (k == 0) {
                break; // every chosen site fixed open: the node's one solution is priced
            }
            int q = chosen(sel);
            if (fewChosen(q)) {
                Arrays.fill(g, 1);
                for (int u = 0; u < q; u++) {
                    double[] col = colCost[chosen[u]];
                    for (int t = 0; t < g.length; t++) {
                        if (col[t] < lambda[t]) {
                            g[t]--;
                        }
                    }
                }
            } else {
                for (int t = 0; t < rows.length; t++) {
                    double lt = lambda[t];
                    int cnt = 0;
                    int[] l = near[t];
                    double[] lc = nearCost[t];
                    for (int u = 0; u < l.length && lc[u] < lt; u++) {
                        if (sel[l[u]]) {
                            cnt++;
                        }
                    }
                    g[t] = 1 - cnt;
                }
            }
            if (!MedianHeuristic.subgradientStep(lambda, g, theta, upper - value, true)) {
                break; // the relaxed solution is feasible and priced: the node is solved
            }
        }
        if (pruned(bestValue) || k == 0) {
            return;
        }
        // the reduced-cost tests at the best multipliers fix sites for this subtree
        double value = relax(fix, bestLambda, k, r, sel, sorted);
        double last = sorted[k - 1];
        double next = k < free ? sorted[k] : Double.POSITIVE_INFINITY;
        byte[] childFix = fix.clone();
        int branch = -1;
        double branchScore = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            if (fix[j] != FREE) {
                continue;
            }
            if (!sel[j] && pruned(value - last + r[j])) {
                childFix[j] = CLOSED;
            } else if (sel[j] && pruned(value - r[j] + next)) {
                childFix[j] = OPEN;
            } else if (sel[j] && next - r[j] > branchScore) {
                branchScore = next - r[j];
                branch = j;
            }
        }
        if (branch < 0) {
            // every chosen site is fixed open by the tests: re-bound the reduced node as a child
            boolean changed = !Arrays.equals(fix, childFix);
            if (changed) {
                stack.push(new Node(childFix, bestLambda, value));
            }
            return;
        }
        byte[] closed = childFix.clone();
        closed[branch] = CLOSED;
        byte[] opened = childFix;
        opened[branch] = OPEN;
        // depth first, the branch that keeps the Lagrangian choice first
        stack.push(new Node(closed, bestLambda.clone(), value));
        stack.push(new Node(opened, bestLambda, value));
    }

    /**
     * L(λ) at a node: fills ρ ({@code r}), marks in {@code sel} the sites fixed open plus the k free ones of lowest
     * ρ (ties by index), leaves the free ρ values sorted in {@code sorted}, and returns the value.
     */
    private double relax(byte[] fix, double[] lambda, int k, double[] r, boolean[] sel, double[] sorted) {
        Arrays.fill(r, 0);
        double value = 0;
        for (int t = 0; t < rows.length; t++) {
            double lt = lambda[t];
            value += lt;
            int[] l = near[t];
            double[] lc = nearCost[t];
            for (int u = 0; u < l.length; u++) {
                double v = lc[u] - lt;
                if (v >= 0) {
                    break;
                }
                r[l[u]] += v;
            }
        }
        int q = 0;
        for (int j = 0; j < m; j++) {
            sel[j] = fix[j] == OPEN;
            if (fix[j] == OPEN) {
                value += r[j];
            } else if (fix[j] == FREE) {
                sorted[q++] = r[j];
            }
        }
        Arrays.sort(sorted, 0, q);
        if (k == 0) {
            return value;
        }
        double kth = sorted[k - 1];
        int below = 0;
        for (int t = 0; t < k; t++) {
            value += sorted[t];
            if (sorted[t] < kth) {
                below++;
            }
        }
        int ties = k - below;
        for (int j = 0; j < m; j++) {
            if (fix[j] == FREE && (r[j] < kth || (r[j] == kth && ties-- > 0))) {
                sel[j] = true;
            }
        }
        return value;
    }

    /** Scratch of {@link #price}: per row, the cost of the nearest chosen site. */
    private double[] nearest = new double[0];

    /** Scratch: the indices of the chosen sites, filled by {@link #chosen}. */
    private int[] chosen = new int[0];

    /** Lists the sites marked in {@code sel} in {@link #chosen}; returns how many. */
    private int chosen(boolean[] sel) {
        if (chosen.length != m) {
            chosen = new int[m];
        }
        int q = 0;
        for (int j = 0; j < m; j++) {
            if (sel[j]) {
                chosen[q++] = j;
            }
        }
        return q;
    }

    /**
     * True when a row is cheaper to scan over the q chosen sites than along its sorted candidates (about m / q of
     * them lie before the nearest chosen one): q² &lt; m.
     */
    private boolean fewChosen(int q) {
        return (long) q * q < m;
    }

    /** The site set priced last, so that a repeated Lagrangian choice is not priced again. */
    private boolean[] lastPriced;

    /** Prices the site set {@code sel} (exactly p sites) and keeps it when it beats the incumbent. */
    private void price(boolean[] sel) {
        if (lastPriced != null && Arrays.equals(lastPriced, sel)) {
            return;
        }
        lastPriced = sel.clone();
        int q = chosen(sel);
        boolean few = fewChosen(q);
        double s = 0;
        if (few) {
            if (nearest.length != rows.length) {
                nearest = new double[rows.length];
            }
            System.arraycopy(colCost[chosen[0]], 0, nearest, 0, rows.length);
            for (int u = 1; u < q; u++) {
                double[] col = colCost[chosen[u]];
                for (int t = 0; t < rows.length; t++) {
                    nearest[t] = Math.min(nearest[t], col[t]);
                }
            }
            for (double b : nearest) {
                s += b;
            }
        } else {
            for (int t = 0; t < rows.length && s < upper; t++) {
                double b = Double.POSITIVE_INFINITY;
                int[] l = near[t];
                for (int u = 0; u < l.length; u++) {
                    if (sel[l[u]]) {
                        b = nearCost[t][u];
                        break;
                    }
                }
                s += b;
            }
        }
        if (s < upper - 1e-9 * Math.max(1, Math.abs(upper))) {
            upper = s;
            best = sel.clone();
        }
    }
}

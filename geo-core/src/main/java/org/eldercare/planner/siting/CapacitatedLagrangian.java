package org.eldercare.planner.siting;

import java.util.Arrays;

/**
 * Lagrangian lower bound and reduction tests for the capacitated p-median (relaxing the assignment rows
 * Σ_j x_ij = 1 with multipliers λ_i, as for the uncapacitated model, but keeping each site's capacity): the
 * subproblem of site j is the 0-1 knapsack ρ_j(λ) = min Σ_i (c_ij − λ_i) x_ij s.t. Σ_i load_i x_ij ≤ Q_j, and
 * L(λ) = Σ_i λ_i + Σ of the p smallest ρ_j (required sites always counted). Group limits and the aggregate capacity
 * cut are left out of the relaxation, so L is a valid lower bound of the full model (Beasley 1993, "Lagrangean
 * heuristics for location problems"; Osman &amp; Christofides 1994 use the same knapsack subproblems).
 *
 * <p>Knapsacks: exact dynamic programming over capacity when loads and capacities are integers and n × Q stays
 * below 4 million cells per site; otherwise the LP (fractional) knapsack, whose optimum is ≤ the integer one, so the
 * bound stays valid, only weaker. Package-private; deterministic.
 */
final class CapacitatedLagrangian {
    private static final long MAX_DP_CELLS = 4_000_000;
    /** Iterations without improvement before the step factor is halved (20–100 gave bounds within 1 on pmedcap). */
    private static final int STALL = 30;
    private static final double MIN_THETA = 1e-5;
    private static final int MAX_ITERATIONS = 5000;

    private final double[] c;
    private final int n;
    private final int m;
    private final double[] loads;
    private final double[] caps;
    private final Eligibility e;
    private final int p;
    private final boolean integral;
    private final boolean integerLoads;

    /**
     * @param weightedCosts demand-major w_i × d_ij, +∞ when unreachable
     * @param integral      whether every finite weighted cost is an integer (bound rounded up)
     */
    CapacitatedLagrangian(double[] weightedCosts, int n, double[] loads, double[] caps, Eligibility e, int p,
            boolean integral) {
        this.c = weightedCosts;
        this.n = n;
        this.m = caps.length;
        this.loads = loads;
        this.caps = caps;
        this.e = e;
        this.p = p;
        this.integral = integral;
        boolean ints = true;
        for (double l : loads) {
            ints &= l == Math.rint(l);
        }
        for (double q : caps) {
            ints &= q == Math.rint(q) && q < Integer.MAX_VALUE;
        }
        this.integerLoads = ints;
    }

    /** Bound and reductions; see {@link MedianHeuristic.Lagrange}. */
    MedianHeuristic.Lagrange run(double upper, long deadlineNanos) {
        double[] lambda = MedianHeuristic.initialMultipliers(c, n, m,
            (i, j) -> e.allowed[j] && loads[i] <= caps[j] && Double.isFinite(c[i * m + j]));
        double best = Double.NEGATIVE_INFINITY;
        double[] bestLambda = lambda.clone();
        double[] bestRho = new double[m];
        double theta = 2.0;
        int stall = 0;
        double[] rho = new double[m];
        double[][] x = new double[m][n];
        boolean[] sel = new boolean[m];
        double[] g = new double[n];
        for (int it = 0; it < MAX_ITERATIONS && System.nanoTime() < deadlineNanos; it++) {
            double value = evaluate(lambda, rho, x, sel);
            if (value > best + 1e-9) {
                best = value;
                System.arraycopy(lambda, 0, bestLambda, 0, n);
                System.arraycopy(rho, 0, bestRho, 0, m);
                stall = 0;
            } else if (++stall >= STALL) {
                theta /= 2;
                stall = 0;
                if (theta < MIN_THETA) {
                    break;
                }
            }
            if ((integral ? Math.ceil(best - 1e-6) : best) >= upper - 1e-9 * Math.max(1, Math.abs(upper))) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double cnt = 0;
                for (int j = 0; j < m; j++) {
                    if (sel[j]) {
                        cnt += x[j][i];
                    }
                }
                g[i] = 1 - cnt;
            }
            if (!MedianHeuristic.subgradientStep(lambda, g, theta, upper - value, false)) {
                break;
            }
        }
        pairsFixed = pairFixing(bestLambda, bestRho, best, upper);
        return reductions(bestRho, best, upper);
    }

    private boolean[] pairsFixed;

    /**
     * Assignment pairs (i, j), demand-major, that no solution strictly cheaper than the {@code upper} passed to the
     * last {@link #run} uses; null before a run. Test at the best multipliers: forcing x_ij = 1 forces j into the
     * relaxation and i into j's knapsack, whose optimum then is at least (c_ij − λ_i) + ρ_j (the rest is a knapsack
     * with less capacity and one item fewer), so L rises to at least L + (c_ij − λ_i) when j is chosen and
     * L − ρ_last + ρ_j + (c_ij − λ_i) when it is not (ρ_last: the largest chosen, not required ρ). Above upper − 1
     * (integral costs) or at least upper, x_ij is fixed to 0.
     */
    boolean[] pairsFixed() {
        return pairsFixed;
    }

    private boolean[] pairFixing(double[] lambda, double[] rho, double bound, double upper) {
        boolean[] fixed = new boolean[n * m];
        if (!Double.isFinite(bound) || !Double.isFinite(upper)) {
            return fixed;
        }
        boolean[] sel = new boolean[m];
        double last = Double.NaN;
        int k = 0;
        for (int j = 0; j < m; j++) {
            sel[j] = e.required[j];
        }
        for (Integer j : order(rho)) {
            if (k++ >= p - e.requiredCount) {
                break;
            }
            sel[j] = true;
            last = rho[j];
        }
        for (int j = 0; j < m; j++) {
            if (!e.allowed[j] || (!sel[j] && Double.isNaN(last))) {
                continue;
            }
            double base = sel[j] ? bound : bound - last + rho[j];
            for (int i = 0; i < n; i++) {
                double r = c[i * m + j] - lambda[i];
                if (Double.isFinite(r) && r > 0) {
                    double raised = base + r;
                    fixed[i * m + j] = integral ? raised > upper - 1 + 1e-6 : raised >= upper - 1e-9;
                }
            }
        }
        return fixed;
    }

    /** L(λ): fills ρ_j, the knapsack solutions x[j][i] and the selected sites; returns the bound value. */
    private double evaluate(double[] lambda, double[] rho, double[][] x, boolean[] sel) {
        for (int j = 0; j < m; j++) {
            Arrays.fill(x[j], 0);
            rho[j] = e.allowed[j] ? knapsack(j, lambda, x[j]) : Double.POSITIVE_INFINITY;
        }
        double value = 0;
        for (double l : lambda) {
            value += l;
        }
        Integer[] order = order(rho);
        int k = 0;
        for (int j = 0; j < m; j++) {
            sel[j] = e.required[j];
            if (e.required[j]) {
                value += rho[j];
            }
        }
        for (Integer j : order) {
            if (k++ >= p - e.requiredCount) {
                break;
            }
            sel[j] = true;
            value += rho[j];
        }
        return value;
    }

    private Integer[] order(double[] rho) {
        int k = 0;
        Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) {
            if (e.allowed[j] && !e.required[j]) {
                order[k++] = j;
            }
        }
        Integer[] out = Arrays.copyOf(order, k);
        Arrays.sort(out, (a, b) -> rho[a] != rho[b] ? Double.compare(rho[a], rho[b]) : a - b);
        return out;
    }

    /** ρ_j = min Σ (c_ij − λ_i) x_i within capacity (≤ 0); x gets the chosen items. */
    private double knapsack(int j, double[] lambda, double[] xOut) {
        int k = 0;
        int[] items = new int[n];
        for (int i = 0; i < n; i++) {
            double v = c[i * m + j];
            if (Double.isFinite(v) && v - lambda[i] < 0 && loads[i] <= caps[j]) {
                items[k++] = i;
            }
        }
        if (k == 0) {
            return 0;
        }
        double total = 0;
        for (int t = 0; t < k; t++) {
            total += loads[items[t]];
        }
        if (total <= caps[j]) {
            double s = 0;
            for (int t = 0; t < k; t++) {
                int i = items[t];
                xOut[i] = 1;
                s += c[i * m + j] - lambda[i];
            }
            return s;
        }
        int q = (int) caps[j];
        if (integerLoads && (long) k * (q + 1) <= MAX_DP_CELLS) {
            // best[t][w]: the largest profit (λ_i − c_ij) of items among the first t within load w
            double[][] best = new double[k + 1][q + 1];
            for (int t = 1; t <= k; t++) {
                int i = items[t - 1];
                int li = (int) loads[i];
                double profit = lambda[i] - c[i * m + j];
                double[] prev = best[t - 1];
                double[] cur = best[t];
                for (int w = 0; w <= q; w++) {
                    cur[w] = prev[w];
                    if (w >= li && prev[w - li] + profit > cur[w]) {
                        cur[w] = prev[w - li] + profit;
                    }
                }
            }
            int w = q;
            for (int t = k; t >= 1; t--) {
                if (best[t][w] != best[t - 1][w]) {
                    int i = items[t - 1];
                    xOut[i] = 1;
                    w -= (int) loads[i];
                }
            }
            return -best[k][q];
        }
        // LP knapsack: by profit per load, the last item fractional
        Integer[] byRatio = new Integer[k];
        for (int t = 0; t < k; t++) {
            byRatio[t] = items[t];
        }
        Arrays.sort(byRatio, (a, b) -> {
            double ra = loads[a] == 0 ? Double.POSITIVE_INFINITY : (lambda[a] - c[a * m + j]) / loads[a];
            double rb = loads[b] == 0 ? Double.POSITIVE_INFINITY : (lambda[b] - c[b * m + j]) / loads[b];
            return ra != rb ? Double.compare(rb, ra) : a - b;
        });
        double room = caps[j];
        double s = 0;
        for (int i : byRatio) {
            if (room <= 0) {
                break;
            }
            double f = loads[i] <= room ? 1 : room / loads[i];
            xOut[i] = f;
            s += f * (c[i * m + j] - lambda[i]);
            room -= f * loads[i];
        }
        return s;
    }

    /**
     * Reduction tests at the best multipliers: forcing site j open (closed) raises the bound to L − ρ_last + ρ_j
     * (L − ρ_j + ρ_next); above the incumbent cost {@code upper} (integral: above upper − 1), no strictly better
     * solution opens (closes) j.
     */
    private MedianHeuristic.Lagrange reductions(double[] rho, double bound, double upper) {
        boolean[] never = new boolean[m];
        boolean[] always = new boolean[m];
        int free = p - e.requiredCount;
        double reported = integral && Double.isFinite(bound) ? Math.ceil(bound - 1e-6) : bound;
        Integer[] order = order(rho);
        int k = order.length;
        if (!Double.isFinite(bound) || free <= 0 || k == 0) {
            return new MedianHeuristic.Lagrange(reported, never, always);
        }
        MedianHeuristic.markReductions(rho, order, k, free, bound, upper, integral, never, always);
        return new MedianHeuristic.Lagrange(reported, never, always);
    }
}

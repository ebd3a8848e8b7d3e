package org.eldercare.planner.siting;

/**
 * Deterministic heuristic for "choose p sites minimising Σ_i min_{open j} c_ij" on a flat matrix of weighted costs:
 * greedy addition, then Teitz–Bart vertex substitution with Whitaker's fast interchange (best swap per pass, ties to
 * the lowest index), plus a Lagrangian lower bound (relaxing the assignment constraints, subgradient steps).
 * Respects eligible/required sites and group limits in the heuristic; the bound ignores group limits, which keeps
 * it valid (a relaxation). Package-private.
 *
 * <p>Sources: Teitz &amp; Bart, Oper. Res. 16 (1968) 955–961; Whitaker, INFOR 21 (1983) 95–108; Beasley, EJOR 21
 * (1985) 270–273 (Lagrangian relaxation of the p-median problem).
 */
final class MedianHeuristic {
    private final int n;
    private final int m;
    private final double[] c;
    private final Eligibility e;
    private final int p;
    private final long deadlineNanos;
    private final boolean integral;

    /** @param weightedCosts n × m demand-major, c_ij = w_i × d_ij (+∞ unreachable) */
    MedianHeuristic(double[] weightedCosts, int n, Eligibility e, int p, long deadlineNanos) {
        this.c = weightedCosts;
        this.n = n;
        this.m = e.matrix.candidateCount();
        this.e = e;
        this.p = p;
        this.deadlineNanos = deadlineNanos;
        boolean allInt = true;
        for (double v : weightedCosts) {
            if (Double.isFinite(v) && v != Math.rint(v)) {
                allInt = false;
                break;
            }
        }
        this.integral = allInt;
    }

    private boolean keepIncumbent;

    /**
     * Makes the reduction tests keep every solution costing at most the upper bound (instead of only the strictly
     * better ones, upper − 1 with integral costs), so that the incumbent stays feasible in the reduced model and can
     * be handed to the MIP as its starting solution. Returns this.
     */
    MedianHeuristic keepIncumbentFeasible() {
        keepIncumbent = true;
        return this;
    }

    /** True when every finite weighted cost is an integer (then every solution costs an integer). */
    boolean integral() {
        return integral;
    }

    /** Result of {@link #run()}: open sites, their cost, and whether the search stopped on the time limit. */
    record Outcome(boolean[] open, double cost, boolean timedOut) {}

    Outcome run() {
        boolean[] open = new boolean[m];
        int[] groupCount = new int[e.limits.size()];
        int count = 0;
        for (int j = 0; j < m; j++) {
            if (e.required[j]) {
                open[j] = true;
                count++;
                if (e.limitOf[j] >= 0) {
                    groupCount[e.limitOf[j]]++;
                }
            }
        }
        double[] best = new double[n];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int j = 0; j < m; j++) {
            if (open[j]) {
                for (int i = 0; i < n; i++) {
                    best[i] = Math.min(best[i], c[i * m + j]);
                }
            }
        }
        // greedy addition
        while (count < p) {
            int deficit = 0;
            for (int g = 0; g < groupCount.length; g++) {
                deficit += Math.max(0, e.limits.get(g).minSites() - groupCount[g]);
            }
            boolean onlyDeficient = deficit >= p - count;
            int bestJ = -1;
            double bestVal = Double.NaN;
            for (int j = 0; j < m; j++) {
                if (open[j] || !e.allowed[j]) {
                    continue;
                }
                int g = e.limitOf[j];
                if (g >= 0 && groupCount[g] >= e.limits.get(g).maxSites()) {
                    continue;
                }
                if (onlyDeficient && (g < 0 || groupCount[g] >= e.limits.get(g).minSites())) {
                    continue;
                }
                double v = 0;
                for (int i = 0; i < n; i++) {
                    v += Math.min(best[i], c[i * m + j]);
                }
                if (bestJ < 0 || less(v, bestVal)) {
                    bestJ = j;
                    bestVal = v;
                }
            }
            if (bestJ < 0) {
                return new Outcome(open, Double.NaN, false);
            }
            open[bestJ] = true;
            count++;
            if (e.limitOf[bestJ] >= 0) {
                groupCount[e.limitOf[bestJ]]++;
            }
            for (int i = 0; i < n; i++) {
                best[i] = Math.min(best[i], c[i * m + bestJ]);
            }
        }
        return improve(open);
    }

    /**
     * Vertex substitution (fast interchange) from {@code open} (modified in place), which must satisfy the site count,
     * required sites and group limits; returns the local optimum reached (or where the deadline stopped it).
     */
    Outcome improve(boolean[] open) {
        int[] near = new int[n];
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        double[] extra = new double[m];
        boolean timedOut = false;
        while (true) {
            nearest(open, near, d1, d2);
            double cur = sum(d1);
            if (System.nanoTime() > deadlineNanos) {
                timedOut = true;
                break;
            }
            double bestDelta = 0;
            int bestIn = -1;
            int bestOut = -1;
            for (int in = 0; in < m; in++) {
                if (open[in] || !e.allowed[in]) {
                    continue;
                }
                double common = 0;
                java.util.Arrays.fill(extra, 0);
                for (int i = 0; i < n; i++) {
                    double cin = c[i * m + in];
                    double gain = cin < d1[i] ? cin - d1[i] : 0;
                    common += gain;
                    if (near[i] >= 0) {
                        extra[near[i]] += Math.min(cin, d2[i]) - d1[i] - gain;
                    }
                }
                int gin = e.limitOf[in];
                for (int out = 0; out < m; out++) {
                    if (!open[out] || e.required[out]) {
                        continue;
                    }
                    int gout = e.limitOf[out];
                    if (gin != gout && !swapKeepsGroups(open, gin, gout)) {
                        continue;
                    }
                    double delta = common + extra[out];
                    if (Double.isNaN(delta)) {
                        continue;
                    }
                    if (delta < bestDelta - 1e-9 * Math.max(1, Math.abs(cur))) {
                        bestDelta = delta;
                        bestIn = in;
                        bestOut = out;
                    }
                }
            }
            if (bestIn < 0) {
                break;
            }
            open[bestOut] = false;
            open[bestIn] = true;
        }
        nearest(open, near, d1, d2);
        return new Outcome(open, sum(d1), timedOut);
    }

    private boolean swapKeepsGroups(boolean[] open, int gin, int gout) {
        int[] count = new int[e.limits.size()];
        for (int j = 0; j < m; j++) {
            if (open[j] && e.limitOf[j] >= 0) {
                count[e.limitOf[j]]++;
            }
        }
        if (gin >= 0 && count[gin] + 1 > e.limits.get(gin).maxSites()) {
            return false;
        }
        return gout < 0 || count[gout] - 1 >= e.limits.get(gout).minSites();
    }

    private static boolean less(double a, double b) {
        return a < b || (Double.isNaN(b) && !Double.isNaN(a));
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    private void nearest(boolean[] open, int[] near, double[] d1, double[] d2) {
        for (int i = 0; i < n; i++) {
            double a = Double.POSITIVE_INFINITY;
            double b = Double.POSITIVE_INFINITY;
            int na = -1;
            for (int j = 0; j < m; j++) {
                if (!open[j]) {
                    continue;
                }
                double v = c[i * m + j];
                if (v < a || (na < 0 && v == a)) {
                    b = a;
                    a = v;
                    na = j;
                } else if (v < b) {
                    b = v;
                }
            }
            near[i] = na;
            d1[i] = a;
            d2[i] = b;
        }
    }

    /**
     * Lagrangian lower bound (Beasley 1985): relax Σ_j x_ij = 1 with multipliers λ_i; L(λ) = Σ λ_i + Σ of the
     * (p − required) most negative ρ_j = Σ_i min(0, c_ij − λ_i) over eligible non-required j, plus ρ_j of required
     * j. Subgradient optimisation until the deadline, 2000 iterations, or the bound meets {@code upper}.
     */
    Lagrange lagrangian(double upper, long boundDeadlineNanos) {
        return lagrangian(upper, boundDeadlineNanos, null);
    }

    private boolean[] lagrangianOpen;
    private double lagrangianCost = Double.POSITIVE_INFINITY;

    /**
     * The cheapest site set met among the Lagrangian solutions of the last {@link #lagrangian} call (the p sites of
     * lowest ρ are a feasible choice when there are no group limits), or null when none beat the given upper bound.
     */
    boolean[] lagrangianOpen() {
        return lagrangianOpen == null ? null : lagrangianOpen.clone();
    }

    /** Cost of {@link #lagrangianOpen()}, +∞ when there is none. */
    double lagrangianCost() {
        return lagrangianCost;
    }

    /**
     * As {@link #lagrangian(double, long)}, starting from {@code startLambda} when not null (a second round with a
     * tighter upper bound). Every Lagrangian site choice is also priced as a solution (Beasley 1985); a cheaper one
     * than {@code upper} tightens the step size and the reduction tests and is kept in {@link #lagrangianOpen()}.
     */
    Lagrange lagrangian(double upper, long boundDeadlineNanos, double[] startLambda) {
        double[] lambda = startLambda != null ? startLambda.clone()
            : initialMultipliers(c, n, m, (i, j) -> e.allowed[j]);
        lagrangianOpen = null;
        lagrangianCost = Double.POSITIVE_INFINITY;
        boolean priceChoices = e.limits.isEmpty();
        int[] chosen = new int[m];
        double bestBound = Double.NEGATIVE_INFINITY;
        double[] bestLambda = lambda.clone();
        double theta = 2.0;
        int stall = 0;
        double[] rho = new double[m];
        Integer[] order = new Integer[m];
        boolean[] sel = new boolean[m];
        double[] g = new double[n];
        for (int it = 0; it < 2000 && System.nanoTime() < boundDeadlineNanos; it++) {
            java.util.Arrays.fill(rho, 0);
            for (int i = 0; i < n; i++) {
                int row = i * m;
                double li = lambda[i];
                for (int j = 0; j < m; j++) {
                    double v = c[row + j] - li;
                    if (v < 0) {
                        rho[j] += v;
                    }
                }
            }
            System.arraycopy(e.required, 0, sel, 0, m);
            int k = sortFree(rho, order);
            double value = requiredValue(lambda, rho);
            for (int t = 0; t < p - e.requiredCount && t < k; t++) {
                sel[order[t]] = true;
                value += rho[order[t]];
            }
            if (priceChoices && k >= p - e.requiredCount) {
                double primal = price(sel, chosen);
                if (primal < upper - 1e-9 * Math.max(1, Math.abs(upper))) {
                    upper = primal;
                    lagrangianCost = primal;
                    lagrangianOpen = sel.clone();
                }
            }
            if (value > bestBound + 1e-9) {
                bestBound = value;
                System.arraycopy(lambda, 0, bestLambda, 0, n);
                stall = 0;
            } else if (++stall >= 30) {
                theta /= 2;
                stall = 0;
                if (theta < 1e-4) {
                    break;
                }
            }
            if (upper - bestBound <= 1e-9 * Math.max(1, Math.abs(upper))) {
                break;
            }
            int q = 0;
            for (int j = 0; j < m; j++) {
                if (sel[j]) {
                    chosen[q++] = j;
                }
            }
            for (int i = 0; i < n; i++) {
                int cnt = 0;
                for (int t = 0; t < q; t++) {
                    if (c[i * m + chosen[t]] - lambda[i] < 0) {
                        cnt++;
                    }
                }
                g[i] = 1 - cnt;
            }
            if (!subgradientStep(lambda, g, theta, upper - value, true)) {
                break;
            }
        }
        return reductions(bestLambda, bestBound, upper);
    }

    /**
     * One subgradient step of the relaxed assignment constraints (shared by the p-median, capacitated p-median and
     * branch-and-bound relaxations): λ += θ · gap / ‖g‖² · g, with {@code g} the subgradient (1 − times assigned per
     * demand point) and {@code gap} = upper bound − L(λ); λ kept ≥ 0 when {@code nonNegative} (Σ_j x_ij ≥ 1 relaxed).
     * Returns false, changing nothing, when g = 0 (the relaxed solution satisfies every relaxed constraint).
     */
    static boolean subgradientStep(double[] lambda, double[] g, double theta, double gap, boolean nonNegative) {
        double norm = 0;
        for (double v : g) {
            norm += v * v;
        }
        if (norm == 0) {
            return false;
        }
        double step = theta * gap / norm;
        for (int i = 0; i < lambda.length; i++) {
            double v = lambda[i] + step * g[i];
            lambda[i] = nonNegative ? Math.max(0, v) : v;
        }
        return true;
    }

    /** Σ_i min over the sites marked in {@code sel} of c_ij ({@code chosen} is scratch space of length m). */
    private double price(boolean[] sel, int[] chosen) {
        int q = 0;
        for (int j = 0; j < m; j++) {
            if (sel[j]) {
                chosen[q++] = j;
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            int row = i * m;
            double b = Double.POSITIVE_INFINITY;
            for (int t = 0; t < q; t++) {
                b = Math.min(b, c[row + chosen[t]]);
            }
            s += b;
        }
        return s;
    }

    /** Fills {@code order[0..k)} with the allowed, not required candidates sorted by ρ (ties by index); returns k. */
    private int sortFree(double[] rho, Integer[] order) {
        int k = 0;
        for (int j = 0; j < m; j++) {
            if (e.allowed[j] && !e.required[j]) {
                order[k++] = j;
            }
        }
        java.util.Arrays.sort(order, 0, k, (a, b) -> rho[a] != rho[b] ? Double.compare(rho[a], rho[b]) : a - b);
        return k;
    }

    /** Σ_i λ_i + Σ ρ_j over the required candidates: L(λ) before the free sites are added. */
    private double requiredValue(double[] lambda, double[] rho) {
        double value = 0;
        for (double l : lambda) {
            value += l;
        }
        for (int j = 0; j < m; j++) {
            if (e.required[j]) {
                value += rho[j];
            }
        }
        return value;
    }

    /** Which demand point / candidate pairs a Lagrangian relaxation may use. */
    @FunctionalInterface
    interface PairFilter {
        boolean usable(int i, int j);
    }

    /**
     * Starting multipliers of the subgradient search: λ_i = the second smallest cost {@code c[i * m + j]} over the
     * candidates j that {@code usable} accepts for i (the smallest when only one is finite, 0 when none is).
     */
    static double[] initialMultipliers(double[] c, int n, int m, PairFilter usable) {
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            double a = Double.POSITIVE_INFINITY;
            double b = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (!usable.usable(i, j)) {
                    continue;
                }
                double v = c[i * m + j];
                if (v < a) {
                    b = a;
                    a = v;
                } else if (v < b) {
                    b = v;
                }
            }
            lambda[i] = Double.isFinite(b) ? b : (Double.isFinite(a) ? a : 0);
        }
        return lambda;
    }

    /**
     * The reduction tests themselves, shared with {@link CapacitatedLagrangian}: {@code order[0..k)} are the free
     * candidates sorted by ρ, the first {@code free} of them chosen in L(λ) = {@code bound}. Marks in {@code never}
     * the unchosen candidates whose forced opening lifts the bound above {@code upper}, and in {@code always} the
     * chosen ones whose forced closing does. Requires free ≥ 1 and k ≥ 1.
     */
    static void markReductions(double[] rho, Integer[] order, int k, int free, double bound, double upper,
        boolean integral, boolean[] never, boolean[] always) {
        // with integral costs every solution costs an integer, so a bound of L proves cost >= ceil(L - eps): sites
        // whose forced bound exceeds upper - 1 cannot be in a strictly better solution
        double tol = integral ? -1 + 1e-6 : 1e-9 * Math.max(1, Math.abs(upper));
        double last = rho[order[Math.min(free, k) - 1]];
        for (int t = free; t < k; t++) {
            never[order[t]] = bound - last + rho[order[t]] > upper + tol;
        }
        if (free < k) {
            double next = rho[order[free]];
            for (int t = 0; t < free; t++) {
                always[order[t]] = bound - rho[order[t]] + next > upper + tol;
            }
        }
    }

    /**
     * The Lagrangian bound and what it proves about single sites: {@code bound} is the reported bound (rounded up for
     * integral costs), {@code value} the unrounded L(λ) at the best multipliers {@code lambda} (null when the
     * relaxation has none to offer for assignment fixing).
     */
    record Lagrange(double bound, boolean[] neverOpen, boolean[] alwaysOpen, double value, double[] lambda) {
        Lagrange(double bound, boolean[] neverOpen, boolean[] alwaysOpen) {
            this(bound, neverOpen, alwaysOpen, bound, null);
        }
    }

    /**
     * Assignment fixing from the reduced costs at the Lagrangian multipliers: forcing x_ij = 1 raises L(λ) by at least
     * c_ij − λ_i (and by more when j is not chosen in the relaxation), so when L(λ) + c_ij − λ_i exceeds the
     * incumbent cost {@code upper} (integral costs: upper − 1) no strictly better solution serves i from j. Returns,
     * per demand point, the largest weighted cost c_ij that a strictly better solution may still use (+∞ when the
     * relaxation gives no multipliers).
     */
    static double[] assignmentThresholds(Lagrange lr, int n, double upper, boolean integral) {
        double[] t = new double[n];
        if (lr.lambda() == null || !Double.isFinite(lr.value()) || !Double.isFinite(upper)) {
            java.util.Arrays.fill(t, Double.POSITIVE_INFINITY);
            return t;
        }
        double tol = integral ? -1 + 1e-6 : 1e-9 * Math.max(1, Math.abs(upper));
        for (int i = 0; i < n; i++) {
            t[i] = lr.lambda()[i] + upper + tol - lr.value();
        }
        return t;
    }

    /**
     * Lagrangian reduction tests at the best multipliers: forcing candidate j open (closed) raises the bound to
     * L − ρ_last + ρ_j (L − ρ_j + ρ_next); when that exceeds the incumbent cost {@code upper}, no solution better
     * than the incumbent opens (closes) j, so j can be fixed without losing every optimum.
     */
    private Lagrange reductions(double[] lambda, double bound, double upper) {
        boolean[] never = new boolean[m];
        boolean[] always = new boolean[m];
        int free = p - e.requiredCount;
        if (!Double.isFinite(bound) || free <= 0) {
            return new Lagrange(integral && Double.isFinite(bound) ? Math.ceil(bound - 1e-6) : bound, never, always,
                bound, Double.isFinite(bound) ? lambda : null);
        }
        double[] rho = new double[m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double v = c[i * m + j] - lambda[i];
                if (v < 0) {
                    rho[j] += v;
                }
            }
        }
        Integer[] order = new Integer[m];
        int k = sortFree(rho, order);
        double value = requiredValue(lambda, rho);
        for (int t = 0; t < free && t < k; t++) {
            value += rho[order[t]];
        }
        markReductions(rho, order, k, free, value, upper, integral && !keepIncumbent, never, always);
        return new Lagrange(integral ? Math.ceil(value - 1e-6) : value, never, always, value, lambda);
    }
}

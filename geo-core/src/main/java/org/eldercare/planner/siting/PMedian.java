package org.eldercare.planner.siting;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * p-median: choose exactly p sites minimising the demand-weighted sum of travel costs, Σ_i w_i · min_{open j} d_ij,
 * each demand point served by its nearest open site (Hakimi 1964; ReVelle &amp; Swain 1970).
 *
 * <p>Exact method: the radius ("cumulative") formulation of Cornuéjols, Nemhauser &amp; Wolsey (1980) as
 * strengthened by Elloumi (2010): for demand i with distinct sorted costs D_i1 &lt; … &lt; D_iK, a variable
 * z_ik ∈ [0,1] means "no open site within D_ik", and the objective is Σ_i w_i (D_i1 + Σ_k (D_i,k+1 − D_ik) z_ik).
 * IMPLEMENTATION NOTE: the covering rows are written as a chain, z_i1 + Σ_{d_ij = D_i1} y_j ≥ 1 and
 * z_ik − z_i,k−1 + Σ_{d_ij = D_ik} y_j ≥ 0, so each y_j appears once per demand point (n·m non-zeros instead of
 * the O(n·m²) of the dense rows) with the same LP bound; levels are cut where at least m − p + 1 candidates lie within
 * (some open site is then always within reach) and at the nearest required site. Solved with SCIP by default.
 *
 * <p>Staged solve ({@link SolveMethod#AUTO} and {@link SolveMethod#EXACT}, any size): (1) heuristic incumbent,
 * (2) Lagrangian bound (subgradient, best multipliers kept; the Lagrangian site choices are priced as solutions and
 * improved, and the subgradient re-run with the tighter incumbent), then under {@code AUTO} without group limits
 * (3') the Lagrangian branch and bound ({@link MedianBranchAndBound}: sites branched open / closed, a warm-started
 * Lagrangian bound and reduced-cost fixing at every node) with the rest of the time limit; otherwise (3) reduction: sites fixed closed / open by the
 * reduced-cost tests, and per demand point the candidates whose reduced cost c_ij − λ_i lifts the bound past the
 * incumbent dropped from its levels, (4) SCIP on the reduced sparse radius model, warm-started from the incumbent,
 * with the rest of the time limit. {@link SitingResult#proofStage()} names the stage that closed the gap; when the
 * limit is spent the best objective, bound and gap are reported with {@link SolveStatus#TIME_LIMIT}.
 *
 * <p>Heuristic method ({@link SolveMethod#HEURISTIC} only): greedy + vertex substitution (Teitz–Bart with fast
 * interchange) with a Lagrangian lower bound.
 *
 * <p>Bad input: p outside [required sites, eligible candidates] throws {@link IllegalArgumentException} naming p.
 * Demand points with weight &gt; 0 that no eligible site reaches make the result {@link SolveStatus#INFEASIBLE}.
 */
public final class PMedian extends PSiteModel {

    private PMedian(CostMatrix matrix, int p) {
        super(matrix, p);
    }

    /** A p-median model on {@code matrix} choosing exactly {@code p} sites (1 ≤ p ≤ candidates). */
    public static PMedian fromCostMatrix(CostMatrix matrix, int p) {
        return new PMedian(matrix, p);
    }

    /** Shortcut: {@code fromCostMatrix(matrix, p).solve(options)}. */
    public static SitingResult solve(CostMatrix matrix, int p, SolveOptions options) {
        return fromCostMatrix(matrix, p).solve(options);
    }

    /** Solves the model; see the class comment for the methods. */
    public SitingResult solve(SolveOptions options) {
        long start = System.nanoTime();
        Eligibility e = eligibility(options);
        List<String> notes = notes(e);
        int n = matrix.demandCount();
        for (int i = 0; i < n; i++) {
            if (matrix.weight(i) > 0 && !reachable(e, i)) {
                notes.add("demand " + matrix.demandId(i) + " (weight " + matrix.weight(i)
                    + ") is reachable from no eligible candidate");
            }
        }
        if (notes.size() > e.notes.size()) {
            return Results.none("PMEDIAN", SolveStatus.INFEASIBLE, matrix, "input check", start, List.of(), notes);
        }
        // AUTO and EXACT both take the staged path (heuristic, Lagrangian bound, reduction, reduced MIP): it only
        // builds a MIP when the bound has not met the incumbent, and the MIP is the reduced sparse one.
        return options.method() == SolveMethod.HEURISTIC ? solveHeuristic(e, notes, start)
            : solveExact(e, notes, start);
    }

    private boolean reachable(Eligibility e, int i) {
        for (int j = 0; j < matrix.candidateCount(); j++) {
            if (e.allowed[j] && Double.isFinite(matrix.cost(i, j))) {
                return true;
            }
        }
        return false;
    }

    private SitingResult solveExact(Eligibility e, List<String> notes, long start) {
        int n = matrix.demandCount();
        int m = matrix.candidateCount();
        // IMPLEMENTATION NOTE: staged solve. (1) heuristic incumbent, (2) Lagrangian bound (subgradient, best
        // multipliers kept), (3) reduction: sites fixed closed / open by the reduced-cost tests and, per demand
        // point, assignments whose reduced cost c_ij - lambda_i lifts the bound past the incumbent removed, (4) SCIP
        // on the reduced radius formulation with the rest of the time limit. Every reduction only drops solutions no
        // better than the incumbent, so "reduced MIP infeasible" proves the incumbent optimal.
        long limit = (long) (e.options.timeLimitSeconds() * 1e9);
        double[] wc = weightedCosts(true);
        // the reductions keep every solution costing at most the incumbent, so that the incumbent is a valid
        // starting solution (hint) of the reduced MIP; measured faster than fixing down to strictly better ones
        var h = new MedianHeuristic(wc, n, e, p, start + limit / 10).keepIncumbentFeasible();
        MedianHeuristic.Outcome inc = h.run();
        boolean haveIncumbent = !Double.isNaN(inc.cost()) && Double.isFinite(inc.cost());
        double[] threshold = new double[n];
        Arrays.fill(threshold, Double.POSITIVE_INFINITY);
        double lagrBound = Double.NEGATIVE_INFINITY;
        if (haveIncumbent) {
            MedianHeuristic.Lagrange lr = h.lagrangian(inc.cost(), start + limit / 5);
            // Lagrangian site choices cheaper than the incumbent: improve them by vertex substitution and, while the
            // incumbent keeps improving, run the subgradient again from the best multipliers with the tighter bound
            for (int round = 0; round < 5 && h.lagrangianOpen() != null; round++) {
                MedianHeuristic.Outcome better = h.improve(h.lagrangianOpen());
                if (!(better.cost() < inc.cost())) {
                    break;
                }
                inc = better;
                if (Results.gapMin(inc.cost(), lr.bound()) <= 1e-9) {
                    break;
                }
                lr = h.lagrangian(inc.cost(), start + limit * (round + 2) / 10, lr.lambda());
            }
            lagrBound = lr.bound();
            if (Results.gapMin(inc.cost(), lr.bound()) <= 1e-9) {
                return build(e, inc.open(), SolveStatus.OPTIMAL, inc.cost(),
                    "heuristic + Lagrangian bound (proof without MIP)", start, notes,
                    ProofStage.HEURISTIC_EQUALS_LAGRANGIAN_BOUND);
            }
            if (useBranchAndBound(e)) {
                return branchAndBound(e, wc, h, inc, lr, start + limit, start, notes);
            }
            e.fix(lr);
            threshold = MedianHeuristic.assignmentThresholds(lr, n, inc.cost(), false);
        }
        Mip mip = new Mip(e, start);
        try {
            mip.siteCount(p, p);
            var obj = mip.solver.objective();
            double constant = 0;
            List<MPVariable> zs = new ArrayList<>();
            List<Double> zHint = new ArrayList<>();
            Integer[] order = new Integer[m];
            int usable = e.usableCount();
            long rows = 0;
            for (int i = 0; i < n; i++) {
                double w = matrix.weight(i);
                if (w == 0) {
                    continue;
                }
                int k = 0;
                for (int j = 0; j < m; j++) {
                    if (e.usable(j) && Double.isFinite(matrix.cost(i, j)) && wc[i * m + j] <= threshold[i]) {
                        order[k++] = j;
                    }
                }
                if (k == 0) {
                    // no strictly better solution can serve demand i: the incumbent is optimal
                    return build(e, inc.open(), SolveStatus.OPTIMAL, inc.cost(),
                        "heuristic + Lagrangian reduction (no better solution left)", start, notes,
                        ProofStage.LAGRANGIAN_REDUCTION);
                }
                final int row = i;
                Arrays.sort(order, 0, k, (a, b) -> {
                    int cmp = Double.compare(matrix.cost(row, a), matrix.cost(row, b));
                    return cmp != 0 ? cmp : a - b;
                });
                int cut = usable - p + 1;
                constant += w * matrix.cost(i, order[0]);
                MPVariable prev = null;
                int t = 0;
                double incumbentCost = haveIncumbent ? matrix.cost(i, Results.nearestOpen(matrix, inc.open(), i))
                    : Double.NaN;
                while (t < k) {
                    double level = matrix.cost(i, order[t]);
                    MPConstraint c = mip.solver.makeConstraint(prev == null ? 1 : 0, Double.POSITIVE_INFINITY);
                    rows++;
                    if (prev != null) {
                        c.setCoefficient(prev, -1);
                    }
                    boolean hasRequired = false;
                    while (t < k && matrix.cost(i, order[t]) == level) {
                        c.setCoefficient(mip.y[order[t]], 1);
                        hasRequired |= e.required[order[t]] || e.fixedOpen[order[t]];
                        t++;
                    }
                    if (hasRequired || t >= cut) {
                        // some open site is always within this level: the row and deeper levels are implied
                        c.setBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
                        break;
                    }
                    if (t == k) {
                        break; // last usable level: the row (z_prev <= sum y) forces one usable open site
                    }
                    double next = matrix.cost(i, order[t]);
                    MPVariable z = mip.solver.makeNumVar(0, 1, "");
                    c.setCoefficient(z, 1);
                    obj.setCoefficient(z, w * (next - level));
                    prev = z;
                    if (haveIncumbent) {
                        zs.add(z);
                        zHint.add(level < incumbentCost ? 1.0 : 0.0);
                    }
                }
            }
            obj.setOffset(constant);
            obj.setMinimization();
            if (haveIncumbent) {
                mip.hint(inc.open(), zs, zHint);
            }
            String stageNote = "reduced MIP: " + e.usableCount() + " of " + m + " candidates, " + zs.size()
                + " level variables, " + rows + " rows";
            boolean found = mip.solve(e.options.timeLimitSeconds());
            // The reduced MIP only excludes solutions no better than the incumbent, so the optimum is the better of
            // the two and the bound the smaller of the MIP bound and the incumbent cost.
            if (!found && !haveIncumbent) {
                SolveStatus st = mip.infeasible() ? SolveStatus.INFEASIBLE : SolveStatus.TIME_LIMIT;
                return Results.none("PMEDIAN", st, matrix, mip.solverName, start, List.of(), notes);
            }
            boolean[] open = found ? mip.openSites() : inc.open();
            double cost = found ? cost(open) : inc.cost();
            if (haveIncumbent && inc.cost() < cost) {
                open = inc.open();
                cost = inc.cost();
            }
            boolean proven = mip.optimal() || mip.infeasible();
            double bound = proven ? cost
                : Math.max(lagrBound, Math.min(mip.bestBound(), haveIncumbent ? inc.cost() : cost));
            List<String> allNotes = new ArrayList<>(notes);
            allNotes.add(stageNote);
            return build(e, open, proven ? SolveStatus.OPTIMAL : SolveStatus.TIME_LIMIT, bound,
                mip.solverName + (haveIncumbent ? " (after Lagrangian reduction)" : ""), start, allNotes,
                !proven ? ProofStage.NONE : haveIncumbent ? ProofStage.REDUCED_MIP : ProofStage.FULL_MIP);
        } finally {
            mip.delete();
        }
    }

    /**
     * {@link SolveMethod#AUTO} without group limits closes the gap with the Lagrangian branch and bound; with group
     * limits (its priced site choices would have to respect them) and under {@link SolveMethod#EXACT} the reduced MIP
     * does. Measured 2026-12-04 (docs/bench/siting.md): at p ≤ 10 the LP (= Lagrangian) gap of 0.1–1.3 % stays open and
     * SCIP on the reduced radius model takes 10–100+ s where the tree takes 0.5–3 s; at p = 20–140 the tree is as fast
     * or faster (n = 600, p = 60: 2.9 s vs 16.9 s); at p = n/3, n = 900 SCIP was slightly faster (5.9 s vs 7.2 s).
     */
    private boolean useBranchAndBound(Eligibility e) {
        return e.options.method() == SolveMethod.AUTO && e.limits.isEmpty();
    }

    private SitingResult branchAndBound(Eligibility e, double[] wc, MedianHeuristic h, MedianHeuristic.Outcome inc,
            MedianHeuristic.Lagrange lr, long deadline, long start, List<String> notes) {
        long treeStart = System.nanoTime();
        var bb = new MedianBranchAndBound(wc, n, e, p, h.integral(), inc.open(), inc.cost())
            .run(lr.lambda(), deadline);
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.add(String.format(java.util.Locale.ROOT, "Lagrangian branch and bound: %d nodes, %.2f s after %.2f s "
            + "of heuristic and root bound%s", bb.nodes(), Results.seconds(treeStart), (treeStart - start) / 1e9,
            bb.complete() ? "" : ", time limit"));
        return build(e, bb.open(), bb.complete() ? SolveStatus.OPTIMAL : SolveStatus.TIME_LIMIT,
            Math.max(lr.bound(), bb.bound()), "heuristic + Lagrangian branch and bound", start, allNotes,
            bb.complete() ? ProofStage.LAGRANGIAN_BRANCH_AND_BOUND : ProofStage.NONE);
    }

    private SitingResult solveHeuristic(Eligibility e, List<String> notes, long start) {
        int n = matrix.demandCount();
        double[] wc = weightedCosts(true);
        long limit = (long) (e.options.timeLimitSeconds() * 1e9);
        // the search gets 70 % of the time, the Lagrangian bound what is left
        var h = new MedianHeuristic(wc, n, e, p, start + limit * 7 / 10);
        MedianHeuristic.Outcome out = h.run();
        if (Double.isNaN(out.cost())) {
            notes.add("heuristic found no site set satisfying the group limits");
            return Results.none("PMEDIAN", SolveStatus.INFEASIBLE, matrix, "heuristic", start, List.of(), notes);
        }
        double bound = Double.isFinite(out.cost()) ? h.lagrangian(out.cost(), start + limit).bound() : Double.NaN;
        boolean proven = Results.gapMin(out.cost(), bound) <= 1e-9;
        SolveStatus st = proven ? SolveStatus.OPTIMAL : out.timedOut() ? SolveStatus.TIME_LIMIT : SolveStatus.FEASIBLE;
        return build(e, out.open(), st, proven ? out.cost() : bound,
            "heuristic (greedy + vertex substitution, Lagrangian bound)", start, notes,
            proven ? ProofStage.HEURISTIC_EQUALS_LAGRANGIAN_BOUND : ProofStage.NONE);
    }

    private double cost(boolean[] open) {
        double s = 0;
        for (int i = 0; i < matrix.demandCount(); i++) {
            if (matrix.weight(i) > 0) {
                s += matrix.weight(i) * matrix.cost(i, Results.nearestOpen(matrix, open, i));
            }
        }
        return s;
    }

    private SitingResult build(Eligibility e, boolean[] open, SolveStatus status, double bound, String solver,
            long start, List<String> notes, ProofStage stage) {
        List<Assignment> as = Results.nearestAssignments(matrix, open, Double.POSITIVE_INFINITY);
        double obj = 0;
        for (Assignment a : as) {
            if (a.weight() > 0) {
                obj += a.weight() * a.cost();
            }
        }
        List<String> binding = new ArrayList<>();
        binding.add("exactly p = " + p + " sites");
        binding.addAll(e.bindingGroups(open));
        // a stage cut short by the time limit may leave no bound (or SCIP's -1e20 sentinel): never report less than
        // the trivial one, every demand point at its nearest candidate
        bound = Math.max(bound, nearestCandidateBound());
        double gap = status == SolveStatus.OPTIMAL ? 0 : Results.gapMin(obj, bound);
        return new SitingResult("PMEDIAN", status, e.chosenIds(open), as, Results.covered(as), matrix.totalWeight(),
            obj, status == SolveStatus.OPTIMAL ? obj : bound, gap, solver, Results.seconds(start), binding, notes,
            stage);
    }

    /** Σ weight × cost to the nearest candidate of any eligibility: a lower bound of every p-median solution. */
    private double nearestCandidateBound() {
        double b = 0;
        for (int i = 0; i < matrix.demandCount(); i++) {
            double w = matrix.weight(i);
            if (w <= 0) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < matrix.candidateCount(); j++) {
                min = Math.min(min, matrix.cost(i, j));
            }
            if (Double.isFinite(min)) {
                b += w * min;
            }
        }
        return b;
    }
}

package org.eldercare.planner.siting;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Capacitated p-median: choose exactly p sites and assign every demand point to exactly one open site, so that the
 * loads assigned to a site stay within its capacity, minimising Σ_i w_i d_i,a(i) (weights from the matrix; loads
 * separate, e.g. residents needing beds). Formulation (Osman &amp; Christofides 1994) with binary x_ij, strengthened by
 * x_ij ≤ y_j and the aggregate cut Σ_j Q_j y_j ≥ Σ_i load_i; pairs at +∞ cost get no variable. Always solved
 * exactly (SCIP by default) within the time limit, whatever {@link SolveOptions#method()} says: there is no
 * heuristic for this model, and the result reports status, bound and gap.
 *
 * <p>Bad input: p outside its range, loads or capacities of the wrong length, negative or non-finite, throw
 * {@link IllegalArgumentException} naming the parameter.
 */
public final class CapacitatedPMedian extends PSiteModel {
    private final double[] loads;
    private final double[] capacities;

    private CapacitatedPMedian(CostMatrix matrix, int p, double[] loads, double[] capacities) {
        super(matrix, p);
        check("loads", loads, matrix.demandCount(), "demand points");
        check("capacities", capacities, matrix.candidateCount(), "candidates");
        this.loads = loads.clone();
        this.capacities = capacities.clone();
    }

    private static void check(String field, double[] v, int len, String what) {
        if (v == null || v.length != len) {
            throw new IllegalArgumentException(field + ": expected " + len + " values (one per " + what + "), was "
                + (v == null ? "null" : v.length));
        }
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k]) || v[k] < 0) {
                throw new IllegalArgumentException(field + "[" + k + "]: must be finite >= 0, was " + v[k]);
            }
        }
    }

    /**
     * @param loads      load of each demand point against capacity (e.g. residents), finite ≥ 0
     * @param capacities capacity of each candidate in the same unit (e.g. beds), finite ≥ 0
     */
    public static CapacitatedPMedian fromCostMatrix(CostMatrix matrix, int p, double[] loads, double[] capacities) {
        return new CapacitatedPMedian(matrix, p, loads, capacities);
    }

    /** Loads = the matrix weights, capacities = the candidates' beds. */
    public static CapacitatedPMedian fromCostMatrix(CostMatrix matrix, int p) {
        double[] loads = new double[matrix.demandCount()];
        for (int i = 0; i < loads.length; i++) {
            loads[i] = matrix.weight(i);
        }
        double[] caps = matrix.candidates().stream().mapToDouble(CandidateSite::beds).toArray();
        return new CapacitatedPMedian(matrix, p, loads, caps);
    }

    /** Solves the model; see the class comment. */
    public SitingResult solve(SolveOptions options) {
        long start = System.nanoTime();
        Eligibility e = eligibility(options);
        List<String> notes = notes(e);
        double totalLoad = 0;
        for (int i = 0; i < n; i++) {
            totalLoad += loads[i];
            boolean fits = false;
            for (int j = 0; j < m && !fits; j++) {
                fits = e.allowed[j] && Double.isFinite(matrix.cost(i, j)) && loads[i] <= capacities[j];
            }
            if (!fits) {
                notes.add("demand " + matrix.demandId(i) + " (load " + loads[i]
                    + ") fits no reachable eligible candidate");
            }
        }
        if (notes.size() > e.notes.size()) {
            return Results.none("CPMEDIAN", SolveStatus.INFEASIBLE, matrix, "input check", start, List.of(), notes);
        }
        // IMPLEMENTATION NOTE: as for the p-median, a heuristic incumbent and a Lagrangian bound come first (here with
        // one knapsack per site, CapacitatedLagrangian); when the bound meets the incumbent no MIP is built, otherwise
        // the reduction tests fix sites closed / open and assignment pairs to 0 (no x variable), and the MIP only has
        // to search among strictly better solutions.
        long limit = (long) (options.timeLimitSeconds() * 1e9);
        double[] wc = weightedCosts(false);
        int[] inc = incumbent(e, wc, start + limit / 10);
        double incCost = inc == null ? Double.NaN : cost(inc, wc);
        double lagrBound = Double.NEGATIVE_INFINITY;
        boolean[] pairFixed = new boolean[n * m];
        if (inc != null) {
            CapacitatedLagrangian cl = new CapacitatedLagrangian(wc, n, loads, capacities, e, p, integral(wc));
            MedianHeuristic.Lagrange lr = cl.run(incCost, start + limit / 4);
            pairFixed = cl.pairsFixed();
            lagrBound = lr.bound();
            int fixedPairs = 0;
            for (boolean f : pairFixed) {
                fixedPairs += f ? 1 : 0;
            }
            notes.add("heuristic incumbent " + fmt(incCost) + ", Lagrangian bound " + fmt(lagrBound) + " after "
                + Math.round(Results.seconds(start) * 100) / 100.0 + " s; " + fixedPairs + " of " + n * m
                + " assignment pairs fixed to 0");
            if (Results.gapMin(incCost, lagrBound) <= 1e-9) {
                return build(e, inc, SolveStatus.OPTIMAL, incCost, "heuristic + Lagrangian bound (proof without MIP)",
                    start, notes, ProofStage.HEURISTIC_EQUALS_LAGRANGIAN_BOUND);
            }
            e.fix(lr);
        }
        Mip mip = new Mip(e, start);
        try {
            mip.siteCount(p, p);
            MPVariable[][] x = new MPVariable[n][];
            MPConstraint[] cap = new MPConstraint[m];
            for (int j = 0; j < m; j++) {
                if (mip.y[j] != null) {
                    cap[j] = mip.solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "cap" + j);
                    cap[j].setCoefficient(mip.y[j], -capacities[j]);
                }
            }
            MPConstraint aggregate = mip.solver.makeConstraint(totalLoad, Double.POSITIVE_INFINITY, "aggregate");
            var obj = mip.solver.objective();
            for (int i = 0; i < n; i++) {
                x[i] = new MPVariable[m];
                MPConstraint one = mip.solver.makeConstraint(1, 1, "assign" + i);
                for (int j = 0; j < m; j++) {
                    if (mip.y[j] == null || !Double.isFinite(matrix.cost(i, j)) || loads[i] > capacities[j]
                            || pairFixed[i * m + j]) {
                        continue;
                    }
                    MPVariable v = mip.solver.makeIntVar(0, 1, "");
                    x[i][j] = v;
                    one.setCoefficient(v, 1);
                    cap[j].setCoefficient(v, loads[i]);
                    MPConstraint link = mip.solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                    link.setCoefficient(v, 1);
                    link.setCoefficient(mip.y[j], -1);
                    obj.setCoefficient(v, wc[i * m + j]);
                }
            }
            for (int j = 0; j < m; j++) {
                if (mip.y[j] != null) {
                    aggregate.setCoefficient(mip.y[j], capacities[j]);
                }
            }
            obj.setMinimization();
            if (inc != null) {
                List<MPVariable> vs = new ArrayList<>();
                List<Double> vals = new ArrayList<>();
                boolean[] incOpen = new boolean[m];
                for (int i = 0; i < n; i++) {
                    incOpen[inc[i]] = true;
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        if (x[i][j] != null) {
                            vs.add(x[i][j]);
                            vals.add(inc[i] == j ? 1.0 : 0.0);
                        }
                    }
                }
                mip.hint(incOpen, vs, vals);
            }
            boolean found = mip.solve(options.timeLimitSeconds());
            String solver = mip.solverName + (inc != null ? " (after Lagrangian reduction)" : "");
            if (!found) {
                if (inc != null) {
                    // the reduced MIP only holds strictly better solutions: infeasible proves the incumbent optimal
                    boolean proven = mip.infeasible();
                    return build(e, inc, proven ? SolveStatus.OPTIMAL : SolveStatus.TIME_LIMIT,
                        proven ? incCost : lagrBound, solver, start, notes,
                        proven ? ProofStage.REDUCED_MIP : ProofStage.NONE);
                }
                SolveStatus st = mip.infeasible() ? SolveStatus.INFEASIBLE : SolveStatus.TIME_LIMIT;
                if (st == SolveStatus.INFEASIBLE) {
                    notes.add("no choice of " + p + " sites can hold total load " + fmt(totalLoad)
                        + " within the capacities and constraints");
                }
                return Results.none("CPMEDIAN", st, matrix, mip.solverName, start, List.of(), notes);
            }
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = -1;
                for (int j = 0; j < m; j++) {
                    if (x[i][j] != null && x[i][j].solutionValue() > 0.5) {
                        a[i] = j;
                        break;
                    }
                }
            }
            double objective = cost(a, wc);
            if (inc != null && incCost < objective) {
                a = inc;
                objective = incCost;
            }
            boolean opt = mip.optimal();
            double bound = opt ? objective
                : Math.max(lagrBound, inc != null ? Math.min(mip.bestBound(), incCost) : mip.bestBound());
            return build(e, a, opt ? SolveStatus.OPTIMAL : SolveStatus.TIME_LIMIT, bound, solver, start, notes,
                !opt ? ProofStage.NONE : inc != null ? ProofStage.REDUCED_MIP : ProofStage.FULL_MIP);
        } finally {
            mip.delete();
        }
    }

    private static boolean integral(double[] wc) {
        for (double v : wc) {
            if (Double.isFinite(v) && v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    /** The result for an assignment (site index per demand point) with the given status and bound. */
    private SitingResult build(Eligibility e, int[] a, SolveStatus status, double bound, String solver, long start,
            List<String> notes, ProofStage stage) {
        int n = matrix.demandCount();
        int m = matrix.candidateCount();
        boolean[] open = new boolean[m];
        double[] used = new double[m];
        List<Assignment> as = new ArrayList<>(n);
        double objective = 0;
        for (int i = 0; i < n; i++) {
            open[a[i]] = true;
            used[a[i]] += loads[i];
            objective += matrix.weight(i) == 0 ? 0 : matrix.weight(i) * matrix.cost(i, a[i]);
            as.add(new Assignment(matrix.demandId(i), Optional.of(matrix.candidate(a[i]).id()), matrix.cost(i, a[i]),
                matrix.weight(i), true));
        }
        // sites opened by p but serving nobody are still chosen: exactly p in the model; only sites with load are known
        List<String> binding = new ArrayList<>();
        binding.add("exactly p = " + p + " sites");
        for (int j = 0; j < m; j++) {
            if (open[j] && used[j] >= capacities[j] - 1e-9) {
                binding.add("capacity of " + matrix.candidate(j).id() + ": " + fmt(used[j]) + " of "
                    + fmt(capacities[j]));
            }
        }
        binding.addAll(e.bindingGroups(open));
        double gap = status == SolveStatus.OPTIMAL ? 0 : Results.gapMin(objective, bound);
        return new SitingResult("CPMEDIAN", status, e.chosenIds(open), as, Results.covered(as), matrix.totalWeight(),
            objective, status == SolveStatus.OPTIMAL ? objective : bound, gap, solver, Results.seconds(start), binding,
            notes, stage);
    }

    /**
     * A starting solution for the MIP: the uncapacitated heuristic's sites, then vertex substitution where every
     * site set is scored by a regret assignment (demand with the largest gap between its best and second-best site
     * with room goes first). Returns the site index per demand point, or null when none was found. Deterministic.
     */
    private int[] incumbent(Eligibility e, double[] wc, long deadline) {
        int n = matrix.demandCount();
        int m = matrix.candidateCount();
        MedianHeuristic.Outcome start = new MedianHeuristic(wc, n, e, p, deadline).run();
        if (Double.isNaN(start.cost())) {
            return null;
        }
        boolean[] open = start.open().clone();
        int[] best = assign(open, wc);
        double bestCost = cost(best, wc);
        boolean improved = true;
        while (improved && System.nanoTime() < deadline) {
            improved = false;
            for (int out = 0; out < m && !improved; out++) {
                if (!open[out] || e.required[out]) {
                    continue;
                }
                for (int in = 0; in < m && !improved; in++) {
                    if (open[in] || !e.allowed[in] || e.limitOf[in] != e.limitOf[out]) {
                        continue;
                    }
                    open[out] = false;
                    open[in] = true;
                    int[] a = assign(open, wc);
                    double c = cost(a, wc);
                    if (c < bestCost - 1e-9) {
                        best = a;
                        bestCost = c;
                        improved = true;
                    } else {
                        open[in] = false;
                        open[out] = true;
                    }
                }
            }
        }
        return Double.isFinite(bestCost) ? best : null;
    }

    private static double cost(int[] a, double[] wc) {
        if (a == null) {
            return Double.POSITIVE_INFINITY;
        }
        int m = wc.length / a.length;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += wc[i * m + a[i]];
        }
        return s;
    }

    /** Regret assignment of every demand point to an open site with room; null when some point fits nowhere. */
    private int[] assign(boolean[] open, double[] wc) {
        int n = matrix.demandCount();
        int m = matrix.candidateCount();
        double[] room = new double[m];
        for (int j = 0; j < m; j++) {
            room[j] = open[j] ? capacities[j] : -1;
        }
        int[] sites = java.util.stream.IntStream.range(0, m).filter(j -> open[j]).toArray();
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        for (int round = 0; round < n; round++) {
            int pick = -1;
            int pickSite = -1;
            double pickRegret = -1;
            for (int i = 0; i < n; i++) {
                if (a[i] >= 0) {
                    continue;
                }
                double b1 = Double.POSITIVE_INFINITY;
                double b2 = Double.POSITIVE_INFINITY;
                int s1 = -1;
                for (int j : sites) {
                    if (room[j] >= loads[i] && Double.isFinite(wc[i * m + j])) {
                        double v = wc[i * m + j];
                        if (v < b1) {
                            b2 = b1;
                            b1 = v;
                            s1 = j;
                        } else if (v < b2) {
                            b2 = v;
                        }
                    }
                }
                if (s1 < 0) {
                    return null;
                }
                double regret = b2 == Double.POSITIVE_INFINITY ? Double.MAX_VALUE : b2 - b1;
                if (regret > pickRegret) {
                    pickRegret = regret;
                    pick = i;
                    pickSite = s1;
                }
            }
            a[pick] = pickSite;
            room[pickSite] -= loads[pick];
        }
        return a;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

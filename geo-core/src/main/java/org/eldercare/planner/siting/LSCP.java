package org.eldercare.planner.siting;

import com.google.ortools.linearsolver.MPConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Location set covering problem: the fewest sites such that every demand point with weight &gt; 0 has a chosen site
 * within {@code serviceRadius} (Toregas, Swain, ReVelle &amp; Bergman 1971): min Σ y_j s.t. Σ_{d_ij ≤ R} y_j ≥ 1.
 * Required sites are counted; group limits apply. Solved exactly (SCIP by default) within the time limit.
 *
 * <p>Demand points no eligible candidate reaches within the radius make the result {@link SolveStatus#INFEASIBLE},
 * each one named in the notes. A negative or non-finite radius throws {@link IllegalArgumentException}.
 */
public final class LSCP {
    private final CostMatrix matrix;
    private final double serviceRadius;

    private LSCP(CostMatrix matrix, double serviceRadius) {
        if (matrix == null) {
            throw new IllegalArgumentException("matrix: is required but missing");
        }
        this.matrix = matrix;
        this.serviceRadius = Coverage.checkRadius(serviceRadius);
    }

    /** @param serviceRadius maximum travel cost to a covering site, in the matrix unit (e.g. minutes) */
    public static LSCP fromCostMatrix(CostMatrix matrix, double serviceRadius) {
        return new LSCP(matrix, serviceRadius);
    }

    /** Solves the set-covering MIP. */
    public SitingResult solve(SolveOptions options) {
        long start = System.nanoTime();
        Eligibility e = new Eligibility(matrix, options);
        List<String> notes = new ArrayList<>(e.notes);
        int n = matrix.demandCount();
        int m = matrix.candidateCount();
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (int j = 0; j < m && !any; j++) {
                any = Coverage.covers(e, i, j, serviceRadius);
            }
            if (matrix.weight(i) > 0 && !any) {
                notes.add("demand " + matrix.demandId(i) + " has no eligible candidate within " + serviceRadius);
            }
        }
        if (notes.size() > e.notes.size()) {
            return Results.none("LSCP", SolveStatus.INFEASIBLE, matrix, "input check", start, List.of(), notes);
        }
        Mip mip = new Mip(e, start);
        try {
            var obj = mip.solver.objective();
            for (int j = 0; j < m; j++) {
                if (mip.y[j] != null) {
                    obj.setCoefficient(mip.y[j], 1);
                }
            }
            for (int i = 0; i < n; i++) {
                if (matrix.weight(i) == 0) {
                    continue;
                }
                MPConstraint c = mip.solver.makeConstraint(1, Double.POSITIVE_INFINITY, "cover" + i);
                for (int j = 0; j < m; j++) {
                    if (Coverage.covers(e, i, j, serviceRadius)) {
                        c.setCoefficient(mip.y[j], 1);
                    }
                }
            }
            obj.setMinimization();
            if (!mip.solve(options.timeLimitSeconds())) {
                SolveStatus st = mip.infeasible() ? SolveStatus.INFEASIBLE : SolveStatus.TIME_LIMIT;
                if (st == SolveStatus.INFEASIBLE) {
                    notes.add("no site set covers all demand within " + serviceRadius + " under the group limits");
                }
                return Results.none("LSCP", st, matrix, mip.solverName, start, List.of(), notes);
            }
            boolean[] open = mip.openSites();
            int count = 0;
            for (boolean b : open) {
                count += b ? 1 : 0;
            }
            List<Assignment> as = Results.nearestAssignments(matrix, open, serviceRadius);
            List<String> binding = new ArrayList<>();
            // a cover row is binding when exactly one chosen site covers the point
            int single = 0;
            for (int i = 0; i < n; i++) {
                int k = 0;
                for (int j = 0; j < m; j++) {
                    if (open[j] && matrix.cost(i, j) <= serviceRadius) {
                        k++;
                    }
                }
                if (matrix.weight(i) > 0 && k == 1) {
                    single++;
                }
            }
            binding.add("coverage within " + serviceRadius + ": " + single + " demand points covered by exactly one site");
            binding.addAll(e.bindingGroups(open));
            boolean opt = mip.optimal();
            double bound = opt ? count : Math.ceil(mip.bestBound() - 1e-6);
            return new SitingResult("LSCP", opt ? SolveStatus.OPTIMAL : SolveStatus.TIME_LIMIT, e.chosenIds(open), as,
                Results.covered(as), matrix.totalWeight(), count, bound, opt ? 0 : Results.gapMin(count, bound),
                mip.solverName, Results.seconds(start), binding, notes);
        } finally {
            mip.delete();
        }
    }
}

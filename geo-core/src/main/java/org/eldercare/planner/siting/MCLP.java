package org.eldercare.planner.siting;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Maximal covering location problem: exactly p sites maximising the demand weight within {@code serviceRadius} of a
 * chosen site (Church &amp; ReVelle 1974): max Σ w_i z_i s.t. z_i ≤ Σ_{d_ij ≤ R} y_j, 0 ≤ z_i ≤ 1, Σ y_j = p.
 * The objective is the covered demand (weight units); the bound is an upper bound and the gap is
 * (bound − objective) / objective. Solved exactly (SCIP by default) within the time limit. Every demand point is
 * assigned to its nearest chosen site and flagged covered when within the radius.
 *
 * <p>Bad input: p outside [required sites, eligible candidates] or a bad radius throws
 * {@link IllegalArgumentException} naming the parameter.
 */
public final class MCLP extends PSiteModel {
    private final double serviceRadius;

    private MCLP(CostMatrix matrix, double serviceRadius, int p) {
        super(matrix, p);
        this.serviceRadius = Coverage.checkRadius(serviceRadius);
    }

    /**
     * @param serviceRadius maximum travel cost for a point to count as covered, in the matrix unit
     * @param p             number of sites to choose, 1 ≤ p ≤ candidates
     */
    public static MCLP fromCostMatrix(CostMatrix matrix, double serviceRadius, int p) {
        return new MCLP(matrix, serviceRadius, p);
    }

    /** Solves the MIP. */
    public SitingResult solve(SolveOptions options) {
        long start = System.nanoTime();
        Eligibility e = eligibility(options);
        List<String> notes = notes(e);
        Mip mip = new Mip(e, start);
        try {
            mip.siteCount(p, p);
            var obj = mip.solver.objective();
            for (int i = 0; i < n; i++) {
                if (matrix.weight(i) == 0) {
                    continue;
                }
                MPVariable z = mip.solver.makeNumVar(0, 1, "z" + i);
                MPConstraint c = mip.solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "cover" + i);
                c.setCoefficient(z, 1);
                for (int j = 0; j < m; j++) {
                    if (Coverage.covers(e, i, j, serviceRadius)) {
                        c.setCoefficient(mip.y[j], -1);
                    }
                }
                obj.setCoefficient(z, matrix.weight(i));
            }
            obj.setMaximization();
            if (!mip.solve(options.timeLimitSeconds())) {
                SolveStatus st = mip.infeasible() ? SolveStatus.INFEASIBLE : SolveStatus.TIME_LIMIT;
                return Results.none("MCLP", st, matrix, mip.solverName, start, List.of(), notes);
            }
            boolean[] open = mip.openSites();
            List<Assignment> as = Results.nearestAssignments(matrix, open, serviceRadius);
            double covered = Results.covered(as);
            List<String> binding = new ArrayList<>();
            binding.add("exactly p = " + p + " sites");
            binding.addAll(e.bindingGroups(open));
            boolean opt = mip.optimal();
            double bound = opt ? covered : Math.max(covered, mip.bestBound());
            double gap = opt ? 0 : Math.max(0, (bound - covered) / Math.max(Math.abs(covered), 1e-9));
            return new SitingResult("MCLP", opt ? SolveStatus.OPTIMAL : SolveStatus.TIME_LIMIT, e.chosenIds(open), as,
                covered, matrix.totalWeight(), covered, bound, gap, mip.solverName, Results.seconds(start), binding,
                notes);
        } finally {
            mip.delete();
        }
    }
}

package org.eldercare.planner.siting;

import com.google.ortools.linearsolver.MPConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * p-center: exactly p sites minimising the largest travel cost from a demand point (weight &gt; 0) to its nearest
 * chosen site (Hakimi 1965). Weights only decide which points count (weight 0 = ignored); the objective is not
 * weighted.
 *
 * <p>Method: the optimum is one of the distinct matrix values, so a binary search over them asks "can p sites cover
 * every point within r?" with a set-covering MIP each time (Minieka 1970; Daskin 2000). The search starts at the
 * lower bound max_i min_j d_ij. Each answered question moves a proven bound; if the time limit stops the search the
 * result reports the smallest feasible radius found, the largest radius proven infeasible as bound, and status
 * {@link SolveStatus#TIME_LIMIT}.
 *
 * <p>Bad input: p outside [required sites, eligible candidates] throws {@link IllegalArgumentException} naming p.
 */
public final class PCenter extends PSiteModel {

    private PCenter(CostMatrix matrix, int p) {
        super(matrix, p);
    }

    /** A p-center model choosing exactly {@code p} sites. */
    public static PCenter fromCostMatrix(CostMatrix matrix, int p) {
        return new PCenter(matrix, p);
    }

    /** Solves by binary search over radii; see the class comment. */
    public SitingResult solve(SolveOptions options) {
        long start = System.nanoTime();
        Eligibility e = eligibility(options);
        List<String> notes = notes(e);
        TreeSet<Double> values = new TreeSet<>();
        double lower = 0;
        for (int i = 0; i < n; i++) {
            if (matrix.weight(i) == 0) {
                continue;
            }
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (e.usable(j) && Double.isFinite(matrix.cost(i, j))) {
                    values.add(matrix.cost(i, j));
                    nearest = Math.min(nearest, matrix.cost(i, j));
                }
            }
            if (nearest == Double.POSITIVE_INFINITY) {
                notes.add("demand " + matrix.demandId(i) + " is reachable from no eligible candidate");
            }
            lower = Math.max(lower, nearest);
        }
        if (notes.size() > e.notes.size() || values.isEmpty()) {
            return Results.none("PCENTER", SolveStatus.INFEASIBLE, matrix, "input check", start, List.of(), notes);
        }
        Double[] radii = values.tailSet(lower, true).toArray(new Double[0]);
        int lo = 0;
        int hi = radii.length - 1;
        boolean[] best = null;
        double provenInfeasible = Double.NaN;
        boolean timedOut = false;
        // invariant: every radius below radii[lo] is infeasible; radii[hi] is feasible once best != null
        Probe atHi = feasible(e, radii[hi], start);
        if (atHi.open() == null) {
            if (!atHi.infeasible()) {
                return Results.none("PCENTER", SolveStatus.TIME_LIMIT, matrix, e.options.mipSolver(), start,
                    List.of(), notes);
            }
            notes.add("no " + p + " sites reach every demand point under the group limits");
            return Results.none("PCENTER", SolveStatus.INFEASIBLE, matrix, e.options.mipSolver(), start, List.of(),
                notes);
        }
        best = atHi.open();
        while (lo < hi) {
            if (Results.seconds(start) >= options.timeLimitSeconds()) {
                timedOut = true;
                break;
            }
            int mid = (lo + hi) >>> 1;
            Probe probe = feasible(e, radii[mid], start);
            if (probe.open() != null) {
                hi = mid;
                best = probe.open();
            } else if (probe.infeasible()) {
                lo = mid + 1;
                provenInfeasible = radii[mid];
            } else {
                timedOut = true;
                break;
            }
        }
        List<Assignment> as = Results.nearestAssignments(matrix, best, Double.POSITIVE_INFINITY);
        double objective = 0;
        for (Assignment a : as) {
            if (a.weight() > 0) {
                objective = Math.max(objective, a.cost());
            }
        }
        double bound = timedOut ? radii[lo] : objective;
        List<String> binding = new ArrayList<>();
        binding.add("exactly p = " + p + " sites");
        if (!Double.isNaN(provenInfeasible)) {
            binding.add("radius " + provenInfeasible + " proven infeasible with " + p + " sites");
        }
        binding.addAll(e.bindingGroups(best));
        return new SitingResult("PCENTER", timedOut ? SolveStatus.TIME_LIMIT : SolveStatus.OPTIMAL, e.chosenIds(best),
            as, Results.covered(as), matrix.totalWeight(), objective, bound,
            timedOut ? Results.gapMin(objective, bound) : 0, e.options.mipSolver() + " (binary search on radius)",
            Results.seconds(start), binding, notes);
    }

    /** Outcome of one covering question: open sites when feasible, else whether infeasibility is proven. */
    private record Probe(boolean[] open, boolean infeasible) {}

    /** Can p sites cover every weighted point within {@code radius}? One MIP within the time left. */
    private Probe feasible(Eligibility e, double radius, long start) {
        int n = matrix.demandCount();
        int m = matrix.candidateCount();
        Mip mip = new Mip(e, start);
        try {
            mip.siteCount(p, p);
            for (int i = 0; i < n; i++) {
                if (matrix.weight(i) == 0) {
                    continue;
                }
                MPConstraint c = mip.solver.makeConstraint(1, Double.POSITIVE_INFINITY);
                for (int j = 0; j < m; j++) {
                    if (Coverage.covers(e, i, j, radius)) {
                        c.setCoefficient(mip.y[j], 1);
                    }
                }
            }
            mip.solver.objective().setMinimization();
            boolean ok = mip.solve(e.options.timeLimitSeconds());
            return new Probe(ok ? mip.openSites() : null, mip.infeasible());
        } finally {
            mip.delete();
        }
    }
}

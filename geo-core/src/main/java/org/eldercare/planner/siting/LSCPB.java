package org.eldercare.planner.siting;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Location set covering with backup coverage, LSCP-B (Hogan &amp; ReVelle 1986, "Concepts and applications of backup
 * coverage", Management Science 32(11); the BACOP1 model with p set to the LSCP optimum; the model PySAL
 * spopt calls {@code LSCPB}): among the covers of minimum size, the one maximising the demand covered at least twice.
 *
 * <p>Formulation, solved in two stages with the same OR-Tools MIP path as {@link LSCP} (SCIP by default):
 * <ul>
 *   <li>N_i = { eligible j : d_ij ≤ R } (the candidates covering demand point i); only points with w_i &gt; 0 are
 *       rows.</li>
 *   <li>Stage 1 = {@link LSCP}: p* = min Σ_j y_j s.t. Σ_{j ∈ N_i} y_j ≥ 1 ∀ i, y_j ∈ {0, 1} (required sites fixed to 1,
 *       group limits as in LSCP).</li>
 *   <li>Stage 2 (BACOP1): variables y_j ∈ {0, 1} (site j open) and u_i ∈ [0, 1] (point i covered a second time);
 *       maximise Σ_i w_i u_i subject to Σ_{j ∈ N_i} y_j − u_i ≥ 1 ∀ i (every point covered once, and u_i = 1 only
 *       when covered at least twice), Σ_j y_j = p*, and the same required sites and group limits. u_i may be
 *       continuous: with y integral the optimum sets u_i = min(1, Σ_{j ∈ N_i} y_j − 1).</li>
 * </ul>
 * With all weights 1 the objective is the number of backup-covered points.
 *
 * <p>Result: {@link SitingResult#objective()} is the backup-covered demand Σ w_i u_i (weight units, maximised; the
 * bound is an upper bound and the gap (bound − objective) / objective, as for {@link MCLP}); the number of sites p*
 * is the first line of {@link SitingResult#bindingConstraints()}, and whether stage 1 proved it is in the notes. The
 * status is {@link SolveStatus#OPTIMAL} only when both stages are proven; {@link SolveStatus#INFEASIBLE} when some
 * demand point has no eligible candidate within R (named in the notes). Both stages share one time limit.
 */
public final class LSCPB {
    private final LSCP stage1;
    private final CostMatrix matrix;
    private final double serviceRadius;

    /** @param serviceRadius maximum travel cost to a covering site, in the matrix unit (e.g. minutes) */
    public static LSCPB fromCostMatrix(CostMatrix matrix, double serviceRadius) {
        return new LSCPB(LSCP.fromCostMatrix(matrix, serviceRadius), matrix, serviceRadius);
    }

    private LSCPB(LSCP stage1, CostMatrix matrix, double serviceRadius) {
        this.stage1 = stage1; // validated the matrix and the radius
        this.matrix = matrix;
        this.serviceRadius = serviceRadius;
    }

    /** Number of chosen sites within the radius of demand point {@code i}. */
    public static int coverCount(CostMatrix matrix, List<String> chosenSiteIds, int i, double radius) {
        int k = 0;
        for (String id : chosenSiteIds) {
            if (matrix.cost(i, matrix.candidateIndex("chosenSiteIds", id)) <= radius) {
                k++;
            }
        }
        return k;
    }

    /** Solves stage 1 (LSCP) and stage 2 (maximum backup coverage with p* sites); see the class comment. */
    public SitingResult solve(SolveOptions options) {
        long start = System.nanoTime();
        SitingResult lscp = stage1.solve(options);
        List<String> notes = new ArrayList<>(lscp.notes());
        if (lscp.chosenSiteIds().isEmpty() || Double.isNaN(lscp.objective())) {
            notes.add("stage 1 (LSCP) found no cover within " + serviceRadius + ": " + lscp.status());
            return Results.none("LSCPB", lscp.status(), matrix, lscp.solver(), start, List.of(), notes);
        }
        int pStar = (int) Math.round(lscp.objective());
        notes.add("stage 1 (LSCP): " + pStar + " sites " + (lscp.optimal() ? "(proven minimum)"
            : "(best found, minimum not proven: " + lscp.status() + ")"));
        Eligibility e = new Eligibility(matrix, options);
        int n = matrix.demandCount();
        int m = matrix.candidateCount();
        Mip mip = new Mip(e, start);
        try {
            mip.siteCount(pStar, pStar);
            var obj = mip.solver.objective();
            List<MPVariable> us = new ArrayList<>();
            List<Double> uHint = new ArrayList<>();
            boolean[] stage1 = new boolean[m];
            for (String id : lscp.chosenSiteIds()) {
                stage1[matrix.candidateIndex("chosenSiteIds", id)] = true;
            }
            for (int i = 0; i < n; i++) {
                if (matrix.weight(i) == 0) {
                    continue;
                }
                MPVariable u = mip.solver.makeNumVar(0, 1, "u" + i);
                MPConstraint c = mip.solver.makeConstraint(1, Double.POSITIVE_INFINITY, "backup" + i);
                c.setCoefficient(u, -1);
                int k = 0;
                for (int j = 0; j < m; j++) {
                    if (Coverage.covers(e, i, j, serviceRadius)) {
                        c.setCoefficient(mip.y[j], 1);
                        k += stage1[j] ? 1 : 0;
                    }
                }
                obj.setCoefficient(u, matrix.weight(i));
                us.add(u);
                uHint.add(k >= 2 ? 1.0 : 0.0);
            }
            obj.setMaximization();
            mip.hint(stage1, us, uHint); // the stage-1 cover is feasible for stage 2
            if (!mip.solve(options.timeLimitSeconds())) {
                SolveStatus st = mip.infeasible() ? SolveStatus.INFEASIBLE : SolveStatus.TIME_LIMIT;
                return Results.none("LSCPB", st, matrix, mip.solverName, start, List.of(), notes);
            }
            boolean[] open = mip.openSites();
            List<String> chosen = e.chosenIds(open);
            List<Assignment> as = Results.nearestAssignments(matrix, open, serviceRadius);
            double backup = 0;
            int twice = 0;
            for (int i = 0; i < n; i++) {
                if (matrix.weight(i) > 0 && coverCount(matrix, chosen, i, serviceRadius) >= 2) {
                    backup += matrix.weight(i);
                    twice++;
                }
            }
            List<String> binding = new ArrayList<>();
            binding.add("exactly p* = " + pStar + " sites (the LSCP minimum)");
            binding.add("coverage within " + serviceRadius + ": " + twice + " demand points covered at least twice");
            binding.addAll(e.bindingGroups(open));
            boolean opt = mip.optimal() && lscp.optimal();
            double bound = mip.optimal() ? backup : Math.max(backup, mip.bestBound());
            double gap = opt ? 0 : Math.max(0, (bound - backup) / Math.max(Math.abs(backup), 1e-9));
            return new SitingResult("LSCPB", opt ? SolveStatus.OPTIMAL : SolveStatus.TIME_LIMIT, chosen, as,
                Results.covered(as), matrix.totalWeight(), backup, bound, gap, mip.solverName,
                Results.seconds(start), binding, notes);
        } finally {
            mip.delete();
        }
    }
}

package org.eldercare.planner.siting;

import java.util.List;

/**
 * The answer of one siting solve: which sites, who goes where, what it buys, and how sure we are. Immutable.
 *
 * <p>For minimisation models the gap is {@code (objective - bestBound) / max(|objective|, 1e-9)}; for MCLP
 * (maximisation) it is {@code (bestBound - objective) / max(|objective|, 1e-9)}. When there is no solution
 * ({@link SolveStatus#INFEASIBLE}, or a time limit before any solution) {@code objective}, {@code bestBound} and
 * {@code gap} are NaN and {@code chosenSiteIds} is empty.
 *
 * @param model              model name: LSCP, MCLP, PMEDIAN, PCENTER, CPMEDIAN, CONSOLIDATION
 * @param status             how the solve ended
 * @param chosenSiteIds      chosen (open) site ids, in candidate order
 * @param assignments        one per demand point, in demand order
 * @param coveredDemand      sum of the weights of covered demand points
 * @param totalDemand        sum of all demand weights
 * @param objective          the model's objective value of the reported solution, in the model's unit
 * @param bestBound          the best proven bound on the optimum (lower for minimisation, upper for MCLP)
 * @param gap                relative gap between objective and bound, 0 when proven optimal
 * @param solver             what produced the solution, e.g. "SCIP", "CBC", "heuristic (greedy + vertex substitution)"
 * @param seconds            wall-clock seconds of the solve, model building included
 * @param bindingConstraints human-readable constraints that hold with equality at the solution
 * @param notes              findings about the input: candidates excluded by filters and why, unreachable demand
 * @param proofStage         the solve stage that closed the gap ({@link ProofStage#NONE} exactly when the status is
 *                           not {@link SolveStatus#OPTIMAL})
 */
public record SitingResult(String model, SolveStatus status, List<String> chosenSiteIds, List<Assignment> assignments,
        double coveredDemand, double totalDemand, double objective, double bestBound, double gap, String solver,
        double seconds, List<String> bindingConstraints, List<String> notes, ProofStage proofStage) {
    public SitingResult {
        if (proofStage == null) {
            throw new IllegalArgumentException("proofStage: is required but missing");
        }
        if ((proofStage == ProofStage.NONE) == (status == SolveStatus.OPTIMAL)) {
            throw new IllegalArgumentException("proofStage: " + proofStage + " does not fit status " + status);
        }
        chosenSiteIds = List.copyOf(chosenSiteIds);
        assignments = List.copyOf(assignments);
        bindingConstraints = List.copyOf(bindingConstraints);
        notes = List.copyOf(notes);
    }

    /**
     * A result of a model solved in one piece: an optimal status is credited to
     * {@link ProofStage#FULL_MIP}, anything else to {@link ProofStage#NONE}.
     */
    public SitingResult(String model, SolveStatus status, List<String> chosenSiteIds, List<Assignment> assignments,
            double coveredDemand, double totalDemand, double objective, double bestBound, double gap, String solver,
            double seconds, List<String> bindingConstraints, List<String> notes) {
        this(model, status, chosenSiteIds, assignments, coveredDemand, totalDemand, objective, bestBound, gap, solver,
            seconds, bindingConstraints, notes, status == SolveStatus.OPTIMAL ? ProofStage.FULL_MIP : ProofStage.NONE);
    }

    /** True when the solution is proven optimal. */
    public boolean optimal() {
        return status == SolveStatus.OPTIMAL;
    }

    /** Share of demand covered, 0–1 (1 when the total demand is 0). */
    public double coveredShare() {
        return totalDemand == 0 ? 1.0 : coveredDemand / totalDemand;
    }
}

package org.eldercare.planner.siting;

/**
 * Which stage of a solve closed the gap between the objective and the bound (or that none did). The staged p-median
 * and capacitated p-median solves go heuristic incumbent → Lagrangian bound → reduction (variable fixing from the
 * Lagrangian reduced costs) → exact MIP on the reduced model; the first stage at which bound = objective is named.
 */
public enum ProofStage {
    /** Not proven: the time limit was spent (or the method does not prove); objective, bound and gap are reported. */
    NONE,
    /** The heuristic incumbent equals the Lagrangian lower bound: optimal without building a MIP. */
    HEURISTIC_EQUALS_LAGRANGIAN_BOUND,
    /** The Lagrangian reductions (site and assignment fixing) leave no solution strictly better than the incumbent
     * (some demand point keeps no usable site): the incumbent is optimal without building a MIP. */
    LAGRANGIAN_REDUCTION,
    /** The Lagrangian branch and bound (sites branched open / closed, a Lagrangian bound and reduced-cost fixing at
     * every node, {@link MedianBranchAndBound}) exhausted its tree: nothing beats the incumbent. */
    LAGRANGIAN_BRANCH_AND_BOUND,
    /** The exact MIP on the model reduced by Lagrangian variable fixing proved the optimum (or proved that nothing
     * beats the incumbent). */
    REDUCED_MIP,
    /** The exact MIP on the full model (no reduction) proved the optimum, or proved infeasibility. */
    FULL_MIP
}

package org.eldercare.planner.siting;

/** Which method {@link SolveOptions} asks for. */
public enum SolveMethod {
    /**
     * The default: as {@link #EXACT}, except that the p-median without group limits closes the gap after the
     * Lagrangian bound with a Lagrangian branch and bound instead of the reduced MIP (faster at small p, where the LP
     * gap stays open). Either way the staged solve uses the whole time limit before settling for a heuristic answer.
     */
    AUTO,
    /** Exact MIP through OR-Tools {@code MPSolver} (SCIP by default), within the time limit (staged for the
     * p-median and capacitated p-median: heuristic incumbent and Lagrangian reduction first). */
    EXACT,
    /** Deterministic heuristic (greedy + vertex substitution) with a Lagrangian lower bound where the model has one. */
    HEURISTIC
}

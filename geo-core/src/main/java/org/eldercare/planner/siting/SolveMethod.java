package org.eldercare.planner.siting;

/** Which method {@link SolveOptions} asks for. */
public enum SolveMethod {
    /**
     * The default: as {@link #EXACT}. For the p-median this is the staged solve (heuristic, Lagrangian bound,
     * reduction, reduced MIP) at any size, which uses the whole time limit before settling for a heuristic answer.
     */
    AUTO,
    /** Exact MIP through OR-Tools {@code MPSolver} (SCIP by default), within the time limit (staged for the
     * p-median and capacitated p-median: heuristic incumbent and Lagrangian reduction first). */
    EXACT,
    /** Deterministic heuristic (greedy + vertex substitution) with a Lagrangian lower bound where the model has one. */
    HEURISTIC
}

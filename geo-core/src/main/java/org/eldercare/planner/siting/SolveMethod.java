package org.eldercare.planner.siting;

/** Which method {@link SolveOptions} asks for. */
public enum SolveMethod {
    /** Exact MIP when the model is small enough (n × m ≤ {@link SolveOptions#AUTO_EXACT_MAX_PAIRS}), else heuristic. */
    AUTO,
    /** Exact MIP through OR-Tools {@code MPSolver} (SCIP by default), within the time limit. */
    EXACT,
    /** Deterministic heuristic (greedy + vertex substitution) with a Lagrangian lower bound where the model has one. */
    HEURISTIC
}

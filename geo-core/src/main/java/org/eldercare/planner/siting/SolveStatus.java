package org.eldercare.planner.siting;

/** How a siting solve ended. */
public enum SolveStatus {
    /** The solution is proven optimal (gap 0 within the solver's integrality tolerance). */
    OPTIMAL,
    /** A feasible solution without optimality proof, from a method that does not prove (the heuristic). */
    FEASIBLE,
    /** No solution satisfies the constraints (proven), or some demand cannot be served by any allowed site. */
    INFEASIBLE,
    /** The time limit ended the search: the best solution found (if any) is reported with its bound and gap. */
    TIME_LIMIT
}

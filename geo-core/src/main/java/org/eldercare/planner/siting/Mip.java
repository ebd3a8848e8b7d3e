package org.eldercare.planner.siting;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;

/**
 * A thin wrapper around an OR-Tools {@link MPSolver} holding the site variables y_j and the constraints every model
 * shares (required sites, filters, group limits). Package-private; one instance per solve.
 */
final class Mip {
    private static volatile boolean loaded;

    final MPSolver solver;
    final String solverName;
    final MPVariable[] y;
    private final long startNanos;
    private MPSolver.ResultStatus status;

    Mip(Eligibility e, long startNanos) {
        loadNatives();
        this.startNanos = startNanos;
        this.solverName = e.options.mipSolver();
        MPSolver s = MPSolver.createSolver(solverName);
        if (s == null) {
            throw new IllegalStateException("OR-Tools solver " + solverName + " is not available in this build");
        }
        this.solver = s;
        int m = e.matrix.candidateCount();
        y = new MPVariable[m];
        for (int j = 0; j < m; j++) {
            if (e.usable(j)) {
                y[j] = solver.makeIntVar(e.required[j] || e.fixedOpen[j] ? 1 : 0, 1, "y" + j);
            }
        }
        for (int g = 0; g < e.limits.size(); g++) {
            GroupLimit l = e.limits.get(g);
            MPConstraint c = solver.makeConstraint(l.minSites(), l.maxSites(), "group_" + g);
            for (int j = 0; j < m; j++) {
                if (y[j] != null && e.limitOf[j] == g) {
                    c.setCoefficient(y[j], 1);
                }
            }
        }
    }

    static void loadNatives() {
        if (!loaded) {
            synchronized (Mip.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    /** Adds Σ y_j = p (or ≤ / ≥ through lb, ub). */
    void siteCount(double lb, double ub) {
        MPConstraint c = solver.makeConstraint(lb, ub, "count");
        for (MPVariable v : y) {
            if (v != null) {
                c.setCoefficient(v, 1);
            }
        }
    }

    /** Solves within what is left of {@code timeLimitSeconds}; returns true when a solution is available. */
    boolean solve(double timeLimitSeconds) {
        double left = timeLimitSeconds - (System.nanoTime() - startNanos) / 1e9;
        solver.setTimeLimit(Math.max(1, (long) (left * 1000)));
        MPSolverParameters params = new MPSolverParameters();
        if (!"CP_SAT".equals(solverName)) {
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        }
        status = solver.solve(params);
        return status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
    }

    /**
     * Starts the search from these open sites (a heuristic solution); {@code others}/{@code otherValues} complete
     * it with the model's own variables so that the solver can accept it as a full solution.
     */
    void hint(boolean[] open, java.util.List<MPVariable> others, java.util.List<Double> otherValues) {
        java.util.List<MPVariable> vs = new java.util.ArrayList<>(others);
        java.util.List<Double> vals = new java.util.ArrayList<>(otherValues);
        for (int j = 0; j < y.length; j++) {
            if (y[j] != null) {
                vs.add(y[j]);
                vals.add(open[j] ? 1.0 : 0.0);
            }
        }
        solver.setHint(vs.toArray(new MPVariable[0]), vals.stream().mapToDouble(Double::doubleValue).toArray());
    }

    boolean optimal() {
        return status == MPSolver.ResultStatus.OPTIMAL;
    }

    boolean infeasible() {
        return status == MPSolver.ResultStatus.INFEASIBLE;
    }

    /** Best bound of the search (equals the objective when optimal). */
    double bestBound() {
        return optimal() ? solver.objective().value() : solver.objective().bestBound();
    }

    boolean[] openSites() {
        boolean[] open = new boolean[y.length];
        for (int j = 0; j < y.length; j++) {
            open[j] = y[j] != null && y[j].solutionValue() > 0.5;
        }
        return open;
    }

    void delete() {
        solver.delete();
    }
}

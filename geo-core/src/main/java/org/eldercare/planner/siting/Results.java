package org.eldercare.planner.siting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared result assembly: nearest-open-site assignment, gap, status text. Package-private. */
final class Results {
    private Results() {}

    /** Index of the nearest open site for demand i (ties to the lowest index), -1 when none is reachable. */
    static int nearestOpen(CostMatrix mx, boolean[] open, int i) {
        int best = -1;
        double bc = Double.POSITIVE_INFINITY;
        for (int j = 0; j < open.length; j++) {
            if (open[j] && mx.cost(i, j) < bc) {
                bc = mx.cost(i, j);
                best = j;
            }
        }
        return best;
    }

    /** Assignment of every demand point to its nearest open site; covered when cost ≤ radius. */
    static List<Assignment> nearestAssignments(CostMatrix mx, boolean[] open, double radius) {
        List<Assignment> out = new ArrayList<>(mx.demandCount());
        for (int i = 0; i < mx.demandCount(); i++) {
            int j = nearestOpen(mx, open, i);
            out.add(assignment(mx, i, j, radius));
        }
        return out;
    }

    static Assignment assignment(CostMatrix mx, int i, int j, double radius) {
        if (j < 0) {
            return new Assignment(mx.demandId(i), Optional.empty(), Double.POSITIVE_INFINITY, mx.weight(i), false);
        }
        double d = mx.cost(i, j);
        return new Assignment(mx.demandId(i), Optional.of(mx.candidate(j).id()), d, mx.weight(i), d <= radius);
    }

    static double covered(List<Assignment> as) {
        double s = 0;
        for (Assignment a : as) {
            if (a.covered()) {
                s += a.weight();
            }
        }
        return s;
    }

    /** Relative gap for a minimisation: (obj − bound) / max(|obj|, 1e-9), never negative; 0 when optimal. */
    static double gapMin(double objective, double bound) {
        if (Double.isNaN(objective) || Double.isNaN(bound)) {
            return Double.NaN;
        }
        return Math.max(0, (objective - bound) / Math.max(Math.abs(objective), 1e-9));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static SitingResult none(String model, SolveStatus status, CostMatrix mx, String solver, long start,
            List<String> binding, List<String> notes) {
        List<Assignment> as = nearestAssignments(mx, new boolean[mx.candidateCount()], 0);
        return new SitingResult(model, status, List.of(), as, 0, mx.totalWeight(), Double.NaN, Double.NaN,
            Double.NaN, solver, seconds(start), binding, notes);
    }
}

package org.eldercare.planner.siting;

/** Shared checks for the radius-based models. Package-private. */
final class Coverage {
    private Coverage() {}

    static double checkRadius(double radius) {
        if (!Double.isFinite(radius) || radius < 0) {
            throw new IllegalArgumentException("serviceRadius: must be finite >= 0 (same unit as the costs), was "
                + radius);
        }
        return radius;
    }

    /** Whether eligible candidate j covers demand i within the radius. */
    static boolean covers(Eligibility e, int i, int j, double radius) {
        return e.usable(j) && e.matrix.cost(i, j) <= radius;
    }
}

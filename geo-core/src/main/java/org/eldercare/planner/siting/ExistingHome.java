package org.eldercare.planner.siting;

/**
 * An operating elderly-care home for {@link Consolidation}: its beds and current residents. Immutable.
 *
 * @param id        id, equal to its demand and candidate id in the consolidation cost matrix
 * @param beds      beds, ≥ 0
 * @param residents current residents, 0 ≤ residents ≤ beds
 */
public record ExistingHome(String id, int beds, int residents) {
    public ExistingHome {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: is required but missing or blank");
        }
        if (beds < 0) {
            throw new IllegalArgumentException("beds: must be >= 0, was " + beds + " (home " + id + ")");
        }
        if (residents < 0 || residents > beds) {
            throw new IllegalArgumentException("residents: must be in [0, beds = " + beds + "], was " + residents
                + " (home " + id + ")");
        }
    }

    /** residents / beds, 0 when the home has no beds. */
    public double occupancy() {
        return beds == 0 ? 0 : residents / (double) beds;
    }
}

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
        Require.nonBlank("id", id);
        Require.that(beds >= 0, "beds", ">= 0", beds, "home " + id);
        Require.that(residents >= 0 && residents <= beds, "residents", "in [0, beds = " + beds + "]", residents,
            "home " + id);
    }

    /** residents / beds, 0 when the home has no beds. */
    public double occupancy() {
        return beds == 0 ? 0 : residents / (double) beds;
    }
}

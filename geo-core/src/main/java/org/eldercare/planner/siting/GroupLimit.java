package org.eldercare.planner.siting;

/**
 * At least {@code minSites} and at most {@code maxSites} chosen sites among the candidates whose
 * {@link CandidateSite#groupId()} equals {@code groupId} (e.g. "1–3 regional centres per county"). Immutable.
 *
 * @param groupId  group id as carried by the candidates (non-blank)
 * @param minSites lower limit, ≥ 0
 * @param maxSites upper limit, ≥ minSites
 */
public record GroupLimit(String groupId, int minSites, int maxSites) {
    public GroupLimit {
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId: is required but missing or blank");
        }
        if (minSites < 0) {
            throw new IllegalArgumentException("minSites: must be >= 0, was " + minSites + " (group " + groupId + ")");
        }
        if (maxSites < minSites) {
            throw new IllegalArgumentException("maxSites: must be >= minSites (" + minSites + "), was " + maxSites
                + " (group " + groupId + ")");
        }
    }
}

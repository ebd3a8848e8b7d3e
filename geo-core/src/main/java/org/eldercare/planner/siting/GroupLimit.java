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
        Require.nonBlank("groupId", groupId);
        Require.that(minSites >= 0, "minSites", ">= 0", minSites, "group " + groupId);
        Require.that(maxSites >= minSites, "maxSites", ">= minSites (" + minSites + ")", maxSites, "group " + groupId);
    }
}

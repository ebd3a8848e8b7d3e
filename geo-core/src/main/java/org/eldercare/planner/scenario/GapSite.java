package org.eldercare.planner.scenario;

/**
 * A candidate site for a new community facility in a baseline spatial gap: the gap's demand point with the most
 * elderly among those that reach the road network (a station there serves the gap's walkers). Immutable.
 *
 * @param gapRank       rank of the gap in the baseline (1 = most uncovered elderly)
 * @param gapElderly    uncovered elderly in the gap
 * @param demandPointId the chosen demand point
 * @param lon           its WGS84 longitude, degrees
 * @param lat           its WGS84 latitude, degrees
 * @param adminCode     its community/village code
 * @param elderly       its elderly
 */
public record GapSite(int gapRank, double gapElderly, String demandPointId, double lon, double lat, String adminCode,
        double elderly) {}

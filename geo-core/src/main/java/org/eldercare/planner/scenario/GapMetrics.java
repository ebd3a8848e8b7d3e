package org.eldercare.planner.scenario;

import java.util.List;

/**
 * One spatial gap (uncovered elderly cluster) in scenario metrics. Immutable.
 *
 * @param rank         1 = most uncovered elderly
 * @param elderly      uncovered residents aged 60+
 * @param demandPoints number of uncovered demand points in it
 * @param centroidLon  WGS84 longitude of the gap polygon's centroid, degrees
 * @param centroidLat  WGS84 latitude of the centroid, degrees
 * @param adminCodes   codes of the units it touches, sorted (copied)
 */
public record GapMetrics(int rank, double elderly, int demandPoints, double centroidLon, double centroidLat,
        List<String> adminCodes) {
    public GapMetrics {
        adminCodes = List.copyOf(adminCodes);
    }
}

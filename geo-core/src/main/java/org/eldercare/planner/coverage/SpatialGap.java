package org.eldercare.planner.coverage;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A place with elderly demand outside every service circle: a cluster of uncovered demand points and the polygon
 * drawn around them (see {@link CoverageAnalysis} for the method). Immutable.
 *
 * @param rank             1 = most uncovered elderly
 * @param polygon          Polygon or MultiPolygon, WGS84 lon/lat
 * @param areaM2           area of the polygon in m²
 * @param elderly          uncovered residents aged 60+ in the gap
 * @param age80plus        uncovered residents aged 80+
 * @param disabled         uncovered disabled elderly
 * @param demandPointIds   the uncovered demand points (copied, input order)
 * @param adminCodes       codes of the communities/villages and townships/streets the polygon touches or its points
 *                         belong to, sorted (copied)
 */
public record SpatialGap(int rank, Geometry polygon, double areaM2, double elderly, double age80plus, double disabled,
        List<String> demandPointIds, List<String> adminCodes) {
    public SpatialGap {
        demandPointIds = List.copyOf(demandPointIds);
        adminCodes = List.copyOf(adminCodes);
    }
}

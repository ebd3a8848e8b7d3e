package org.eldercare.planner.circle;

import java.util.List;
import org.eldercare.planner.model.FacilityKind;
import org.locationtech.jts.geom.Geometry;

/**
 * The area reachable within {@code minutes} from one facility (or, dissolved, from any facility of a kind). Immutable.
 *
 * @param id                  facility id, or for a dissolved area {@code kind id} (e.g. {@code day-care-centre})
 * @param facilityIds         the facilities this area belongs to (one, or all of the kind when dissolved)
 * @param kind                facility kind
 * @param minutes             the band limit in minutes
 * @param speedMps            walking speed in m/s the times assume (NaN for a driving graph)
 * @param area                WGS84 Polygon or MultiPolygon, possibly with holes; empty when nothing is reached
 * @param areaM2              area of {@code area} in m², measured in the metric projection used to build it
 * @param reachedLengthMeters length of road reached within the band, metres (NaN for approximate circles)
 * @param approximate         true for a Euclidean circle drawn without a network
 */
public record ServiceArea(String id, List<String> facilityIds, FacilityKind kind, double minutes, double speedMps,
                          Geometry area, double areaM2, double reachedLengthMeters, boolean approximate) {
    public ServiceArea {
        facilityIds = List.copyOf(facilityIds);
        if (id == null || kind == null || area == null) {
            throw new IllegalArgumentException("id, kind and area are required");
        }
    }
}

package org.eldercare.planner.coverage;

import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.model.FacilityKind;

/**
 * Walking time from one demand point to the nearest facility of each kind. Immutable.
 *
 * <p>Times run along the road network from the point's snapped position (the straight walk from the point to the
 * road is not added, as in the service circles). {@code +Infinity} means "not within the largest band" (the searches
 * stop there) or "not on the network".
 *
 * @param demandPointId   the point's id
 * @param adminCode       the community/village it belongs to
 * @param snapped         false when no road lies within the snap distance: the point then reaches nothing
 * @param minutesByKind   minutes to the nearest facility of each kind present in the data (copied); +Infinity when
 *                        none within the largest band
 * @param nearestMinutes  minutes to the nearest facility of any service kind
 * @param nearestFacilityId id of that facility, empty when none within the largest band
 */
public record DemandAccess(String demandPointId, String adminCode, boolean snapped,
        Map<FacilityKind, Double> minutesByKind, double nearestMinutes, Optional<String> nearestFacilityId) {
    public DemandAccess {
        minutesByKind = Map.copyOf(minutesByKind);
    }

    /** Minutes to the nearest facility of {@code kind}; +Infinity when none within the largest band. */
    public double minutesTo(FacilityKind kind) {
        return minutesByKind.getOrDefault(kind, Double.POSITIVE_INFINITY);
    }
}

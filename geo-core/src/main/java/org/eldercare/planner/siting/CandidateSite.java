package org.eldercare.planner.siting;

import java.util.Optional;
import java.util.OptionalDouble;
import org.eldercare.planner.model.InvalidValueException;
import org.locationtech.jts.geom.Point;

/**
 * A place where an institution could be (or already is): what the candidate filters and group limits of
 * {@link SolveOptions} read. Immutable.
 *
 * @param id                    unique id within a {@link CostMatrix}
 * @param location              WGS84 lon/lat point, when known (only carried through for output)
 * @param groupId               group for "at least / at most k sites per group" limits, e.g. a county code; empty
 *                              string when the candidate belongs to no group
 * @param beds                  beds the site has or would have, ≥ 0 (also its capacity in capacitated models when
 *                              no explicit capacity is given)
 * @param medicalDistanceMeters distance to the nearest medical facility in metres (computed by the caller), when known
 */
public record CandidateSite(String id, Optional<Point> location, String groupId, int beds,
        OptionalDouble medicalDistanceMeters) {
    public CandidateSite {
        if (id == null || id.isBlank()) {
            throw new InvalidValueException("id", null, "is required but missing or blank");
        }
        if (location == null) {
            throw new InvalidValueException("location", null, "must be Optional.empty() when unknown, was null");
        }
        if (groupId == null) {
            throw new InvalidValueException("groupId", null,
                "must be \"\" when the candidate is in no group, was null");
        }
        if (beds < 0) {
            throw new InvalidValueException("beds", null, "must be >= 0, was " + beds + " (candidate " + id + ")");
        }
        if (medicalDistanceMeters == null) {
            throw new InvalidValueException("medicalDistanceMeters", null,
                "must be OptionalDouble.empty() when unknown");
        }
        if (medicalDistanceMeters.isPresent()) {
            double d = medicalDistanceMeters.getAsDouble();
            if (!Double.isFinite(d) || d < 0) {
                throw new InvalidValueException("medicalDistanceMeters", null, "must be finite >= 0, was " + d
                    + " (candidate " + id + ")");
            }
        }
    }

    /** A candidate with only an id: no location, no group, 0 beds, unknown medical distance. */
    public static CandidateSite of(String id) {
        return new CandidateSite(id, Optional.empty(), "", 0, OptionalDouble.empty());
    }

    /** A candidate with a group, beds and distance to the nearest medical facility; no location. */
    public static CandidateSite of(String id, String groupId, int beds, double medicalDistanceMeters) {
        return new CandidateSite(id, Optional.empty(), groupId, beds, OptionalDouble.of(medicalDistanceMeters));
    }
}

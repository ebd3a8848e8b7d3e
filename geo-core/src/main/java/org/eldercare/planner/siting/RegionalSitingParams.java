package org.eldercare.planner.siting;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.InvalidValueException;

/**
 * What a {@link RegionalSiting} proposal is asked for. Immutable; validated on construction.
 *
 * @param model               siting model
 * @param countyCode          county code (6, 9 or 12 digits, normalised to 12); demand points and institutions whose
 *                            admin code starts with its first 6 digits belong to the county
 * @param p                   number of sites for the models that need one; empty = the profile's
 *                            {@code regional.perCounty.max}
 * @param minutes             service travel time in minutes, in (0, 600]; empty = the profile's
 *                            {@code circle.serviceMinutes}
 * @param maxSnapMeters       farthest a point may lie from the road network, in (0, 100000] m
 * @param fallbackSpeedMps    when present, pairs the network cannot connect (a point off the network, or separate
 *                            network pieces) get a straight-line time {@code metres / (speed × detourFactor)};
 *                            in (0, 40] m/s. Empty: such pairs are unreachable
 * @param detourFactor        straight line / network distance for the fallback, in (0, 1] (0.7 = a network path
 *                            about 1.4× the straight line, as the service-area fallback)
 * @param existingInstitutions whether the county's existing institutions ({@code FacilityKind.isInstitution()}) are
 *                            candidates
 * @param extraCandidates     further candidate sites (e.g. planned sites with their planned beds), copied
 * @param timeLimitSeconds    solver time limit, finite &gt; 0
 */
public record RegionalSitingParams(SitingModel model, String countyCode, OptionalInt p, OptionalDouble minutes,
        double maxSnapMeters, OptionalDouble fallbackSpeedMps, double detourFactor, boolean existingInstitutions,
        List<Facility> extraCandidates, double timeLimitSeconds) {

    /** Default farthest distance from a point to the network, metres. */
    public static final double DEFAULT_MAX_SNAP_METERS = 300;
    /** Default straight-line / network distance ratio of the fallback. */
    public static final double DEFAULT_DETOUR_FACTOR = 0.7;
    /** Default straight-line fallback speed for driving: 30 km/h, a county road with villages. */
    public static final double DEFAULT_DRIVE_FALLBACK_MPS = org.eldercare.planner.network.TravelGraphs.DRIVE_FALLBACK_MPS;

    public RegionalSitingParams {
        if (model == null) {
            throw new InvalidValueException("model", null, "is required but missing");
        }
        countyCode = AdminUnit.normaliseCode("countyCode", countyCode);
        if (p == null || (p.isPresent() && p.getAsInt() < 1)) {
            throw new InvalidValueException("p", p, "must be >= 1 when set, was " + p);
        }
        if (minutes == null || (minutes.isPresent() && !(minutes.getAsDouble() > 0 && minutes.getAsDouble() <= 600))) {
            throw new InvalidValueException("minutes", minutes, "must be in (0, 600] when set, was " + minutes);
        }
        if (!(maxSnapMeters > 0 && maxSnapMeters <= 100_000)) {
            throw new InvalidValueException("maxSnapMeters", maxSnapMeters,
                "must be in (0, 100000] m, was " + maxSnapMeters);
        }
        if (fallbackSpeedMps == null || (fallbackSpeedMps.isPresent()
                && !(fallbackSpeedMps.getAsDouble() > 0 && fallbackSpeedMps.getAsDouble() <= 40))) {
            throw new InvalidValueException("fallbackSpeedMps", fallbackSpeedMps,
                "must be in (0, 40] m/s when set, was "
                + fallbackSpeedMps);
        }
        if (!(detourFactor > 0 && detourFactor <= 1)) {
            throw new InvalidValueException("detourFactor", detourFactor, "must be in (0, 1], was " + detourFactor);
        }
        extraCandidates = List.copyOf(extraCandidates);
        if (!existingInstitutions && extraCandidates.isEmpty()) {
            throw new InvalidValueException("candidates", null, "existingInstitutions is false and extraCandidates is "
                + "empty, so there is nothing to choose from");
        }
        if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new InvalidValueException("timeLimitSeconds", timeLimitSeconds,
                "must be finite > 0, was " + timeLimitSeconds);
        }
    }

    /**
     * The county's existing institutions as candidates, p and minutes from the profile, 300 m snapping, no fallback,
     * 60 s.
     */
    public static RegionalSitingParams of(SitingModel model, String countyCode) {
        return new RegionalSitingParams(model, countyCode, OptionalInt.empty(), OptionalDouble.empty(),
            DEFAULT_MAX_SNAP_METERS, OptionalDouble.empty(), DEFAULT_DETOUR_FACTOR, true, List.of(), 60);
    }

    public RegionalSitingParams withP(int sites) {
        return new RegionalSitingParams(model, countyCode, OptionalInt.of(sites), minutes, maxSnapMeters,
            fallbackSpeedMps, detourFactor, existingInstitutions, extraCandidates, timeLimitSeconds);
    }

    public RegionalSitingParams withMinutes(double m) {
        return new RegionalSitingParams(model, countyCode, p, OptionalDouble.of(m), maxSnapMeters, fallbackSpeedMps,
            detourFactor, existingInstitutions, extraCandidates, timeLimitSeconds);
    }

    public RegionalSitingParams withMaxSnapMeters(double m) {
        return new RegionalSitingParams(model, countyCode, p, minutes, m, fallbackSpeedMps, detourFactor,
            existingInstitutions, extraCandidates, timeLimitSeconds);
    }

    /** Enables the straight-line fallback at this speed (m/s). */
    public RegionalSitingParams withFallbackSpeedMps(double speed) {
        return new RegionalSitingParams(model, countyCode, p, minutes, maxSnapMeters, OptionalDouble.of(speed),
            detourFactor, existingInstitutions, extraCandidates, timeLimitSeconds);
    }

    public RegionalSitingParams withCandidates(boolean existing, List<Facility> extra) {
        return new RegionalSitingParams(model, countyCode, p, minutes, maxSnapMeters, fallbackSpeedMps, detourFactor,
            existing, extra, timeLimitSeconds);
    }

    public RegionalSitingParams withTimeLimitSeconds(double s) {
        return new RegionalSitingParams(model, countyCode, p, minutes, maxSnapMeters, fallbackSpeedMps, detourFactor,
            existingInstitutions, extraCandidates, s);
    }
}

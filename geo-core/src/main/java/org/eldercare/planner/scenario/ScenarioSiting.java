package org.eldercare.planner.scenario;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.eldercare.planner.siting.RegionalSitingParams;
import org.eldercare.planner.siting.SitingModel;

/**
 * The optional {@code siting} section of a scenario file: a regional-institution proposal
 * ({@link org.eldercare.planner.siting.RegionalSiting}) run on the base and on the scenario, with the county's
 * existing institutions as candidates. Immutable.
 *
 * @param countyCode county code (6, 9 or 12 digits, normalised to 12)
 * @param model      siting model
 * @param p          number of sites; empty = the profile's {@code regional.perCounty.max}
 * @param minutes    service travel time in minutes, in (0, 600]; empty = the profile's {@code circle.serviceMinutes}
 * @param mode       {@code drive} (car road graph, built once per base) or {@code walk} (the base's coverage walking
 *                   graph at the profile's elderly walking speed)
 * @throws IllegalArgumentException naming the field when a value is missing or out of range
 */
public record ScenarioSiting(String countyCode, SitingModel model, OptionalInt p, OptionalDouble minutes,
        String mode) {
    /** Allowed travel modes. */
    public static final List<String> MODES = List.of("drive", "walk");

    public ScenarioSiting {
        if (model == null) {
            throw new IllegalArgumentException("siting.model: is required but missing");
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("siting.mode: expected one of " + MODES + ", was '" + mode + "'");
        }
        // validates county, p and minutes with the siting's own rules
        params(countyCode, model, p, minutes);
        countyCode = params(countyCode, model, p, minutes).countyCode();
    }

    /** The proposal's parameters: existing institutions as candidates, 300 m snapping, no fallback, 60 s. */
    public RegionalSitingParams params() {
        return params(countyCode, model, p, minutes);
    }

    private static RegionalSitingParams params(String county, SitingModel model, OptionalInt p,
            OptionalDouble minutes) {
        RegionalSitingParams r = RegionalSitingParams.of(model, county);
        if (p.isPresent()) {
            r = r.withP(p.getAsInt());
        }
        if (minutes.isPresent()) {
            r = r.withMinutes(minutes.getAsDouble());
        }
        return r;
    }
}

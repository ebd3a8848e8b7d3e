package org.eldercare.planner.zoning;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.model.ResidentialDistrict;

/**
 * The one GeoJSON schema of the district-verdict layer (docs/geojson-schemas.md): feature id = the district's id,
 * geometry = its boundary (none when it has no boundary), properties = {@link DistrictVerdict#toMap()} (the same
 * keys {@code planner check-districts} writes per verdict) followed by {@code name}, {@code verdict}
 * ({@code pass} | {@code fail} | {@code not-applicable}, …) and {@code profile}. Stateless.
 */
public final class DistrictVerdictFeatures {
    private DistrictVerdictFeatures() {}

    /** The properties of district {@code d} with its verdict {@code v} under profile {@code profileId}. */
    public static Map<String, Object> properties(ResidentialDistrict d, DistrictVerdict v, String profileId) {
        Map<String, Object> p = new LinkedHashMap<>(v.toMap());
        p.put("name", d.name());
        p.put("verdict", v.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        p.put("profile", profileId);
        return p;
    }
}

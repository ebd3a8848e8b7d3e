package org.eldercare.planner.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.locationtech.jts.geom.Geometry;

/**
 * A residential district (居住小区) with its households and the floor areas of its elderly-service sites.
 * Immutable; validated on construction.
 *
 * @param id                  stable id
 * @param name                name
 * @param boundary            Polygon or MultiPolygon in WGS84 lon/lat; empty when checked on plain values
 * @param households          households (户数), ≥ 0
 * @param status              NEW or EXISTING
 * @param completionYear      year of completion, when known
 * @param elderlySiteAreasM2  building floor area (m²) of each elderly-service site; empty when there is none
 * @param synthetic           true when synthesised for the sample data
 */
public record ResidentialDistrict(
        String id,
        String name,
        Optional<Geometry> boundary,
        int households,
        DistrictStatus status,
        OptionalInt completionYear,
        List<Double> elderlySiteAreasM2,
        boolean synthetic) {

    public ResidentialDistrict {
        id = Checks.requiredText("id", id);
        name = name == null || name.isBlank() ? id : name.strip();
        Checks.required("boundary", boundary).ifPresent(b -> Checks.areal("boundary", b));
        Checks.nonNegative("households", households);
        Checks.required("status", status);
        Checks.nonNegative("completionYear", completionYear);
        Checks.required("elderlySiteAreasM2", elderlySiteAreasM2);
        for (int i = 0; i < elderlySiteAreasM2.size(); i++) {
            Double a = elderlySiteAreasM2.get(i);
            Checks.nonNegative("elderlySiteAreasM2[" + i + "]", a == null ? Double.NaN : a);
        }
        elderlySiteAreasM2 = List.copyOf(elderlySiteAreasM2);
    }

    /** A district checked on plain values (no geometry). */
    public static ResidentialDistrict of(String id, int households, DistrictStatus status, List<Double> siteAreasM2) {
        return new ResidentialDistrict(id, id, Optional.empty(), households, status, OptionalInt.empty(),
            siteAreasM2, false);
    }

    /** Sum of all site floor areas, m². */
    public double providedAreaM2() {
        double s = 0;
        for (double a : elderlySiteAreasM2) {
            s += a;
        }
        return s;
    }

    public ResidentialDistrict withBoundary(Geometry boundary) {
        return new ResidentialDistrict(id, name, Optional.of(boundary), households, status, completionYear,
            elderlySiteAreasM2, synthetic);
    }

    public ResidentialDistrict withSiteAreas(List<Double> siteAreasM2) {
        return new ResidentialDistrict(id, name, boundary, households, status, completionYear, siteAreasM2,
            synthetic);
    }
}

package org.eldercare.planner.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.model.AdminUnit;

/**
 * The one GeoJSON schema of the spatial-gap layer, used by the CLI ({@code planner coverage} gaps.geojson, the
 * scenario layers) and the web map ({@code /api/layers/gaps}) alike (docs/geojson-schemas.md). Feature id
 * {@code gap-<rank>}; properties, in this order:
 * <pre>
 *  rank            1 = most uncovered elderly
 *  name            "#rank"
 *  elderly, age80plus, disabled   uncovered people in the gap (null when unknown)
 *  areaM2          the gap polygon's area, whole m²
 *  demandPoints    how many demand points; demandPointIds their ids
 *  adminCodes, adminNames         the units the gap touches (names; the code when a unit is unknown)
 *  serviceMinutes  the service circle the gap is outside of
 * </pre>
 * Stateless.
 */
public final class GapFeatures {
    /** The property names, in order. */
    public static final List<String> PROPERTIES = List.of("rank", "name", "elderly", "age80plus", "disabled", "areaM2",
        "demandPoints", "demandPointIds", "adminCodes", "adminNames", "serviceMinutes");

    private GapFeatures() {}

    /** The feature id of a gap. */
    public static String featureId(SpatialGap g) {
        return "gap-" + g.rank();
    }

    /** The properties of gap {@code g} of {@code report}; unit names from {@code units} (by code). */
    public static Map<String, Object> properties(SpatialGap g, CoverageReport report, Map<String, AdminUnit> units) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rank", g.rank());
        p.put("name", "#" + g.rank());
        p.put("elderly", finite(g.elderly()));
        p.put("age80plus", finite(g.age80plus()));
        p.put("disabled", finite(g.disabled()));
        p.put("areaM2", Double.isFinite(g.areaM2()) ? Math.round(g.areaM2()) : null);
        p.put("demandPoints", g.demandPointIds().size());
        p.put("demandPointIds", g.demandPointIds());
        p.put("adminCodes", g.adminCodes());
        p.put("adminNames", g.adminCodes().stream()
            .map(c -> units.containsKey(c) ? units.get(c).name() : c).toList());
        p.put("serviceMinutes", report.serviceMinutes());
        return p;
    }

    private static Object finite(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }
}

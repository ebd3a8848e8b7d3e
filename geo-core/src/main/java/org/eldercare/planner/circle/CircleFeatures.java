package org.eldercare.planner.circle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eldercare.planner.io.Feature;

/**
 * The one GeoJSON schema of the service-circle layer, used by the CLI ({@code planner circles}), the web map
 * ({@code /api/layers/circles}, {@code /api/layers/circles-by-kind}, the what-if circles) and exports alike
 * (documented in docs/geojson-schemas.md). Feature id {@code <area id>@<minutes>}; properties, in this order:
 * <pre>
 *  facilityId     the facility's id, or null for an area of several facilities (dissolved per kind)
 *  facilityIds    the ids of the facilities the area serves, comma-joined (a string, so CSV and GeoPackage keep it)
 *  facilityCount  how many facilities the area serves
 *  name           the facility's name (per facility, split), or the kind's Chinese name (dissolved)
 *  kind, kindZh   facility kind id and Chinese name
 *  minutes        the band's travel time, minutes
 *  speedMps       walking speed, m/s
 *  areaM2         area, m², to 0.1
 *  reachedLengthM road length reached, m, to 0.1 (null for approximate circles)
 *  approximate    true for Euclidean circles without a network
 *  mode           per-facility | dissolve | split
 *  bufferM        half-width drawn around reached roads, m
 * </pre>
 * Stateless.
 */
public final class CircleFeatures {
    /** The property names, in order. */
    public static final List<String> PROPERTIES = List.of("facilityId", "facilityIds", "facilityCount", "name", "kind",
        "kindZh", "minutes", "speedMps", "areaM2", "reachedLengthM", "approximate", "mode", "bufferM");

    private CircleFeatures() {}

    /** The feature id of an area: its id, {@code @} and its minutes (integral minutes without a decimal point). */
    public static String featureId(ServiceArea a) {
        double m = a.minutes();
        return a.id() + "@" + (m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m));
    }

    /**
     * The name shown for an area: the kind's Chinese name for dissolved areas, otherwise the facility's name by
     * {@code facilityNames} (the id when it gives null).
     */
    public static String name(ServiceArea a, CircleMode mode, Function<String, String> facilityNames) {
        if (mode == CircleMode.DISSOLVE) {
            return a.kind().nameZh();
        }
        String n = facilityNames.apply(a.id());
        return n == null ? a.id() : n;
    }

    /** The properties of {@code a}, one of {@code r}'s areas, named {@code name} ({@link #PROPERTIES}). */
    public static Map<String, Object> properties(ServiceArea a, ServiceAreaResult r, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("facilityId", a.facilityIds().size() == 1 ? a.facilityIds().get(0) : null);
        p.put("facilityIds", String.join(",", a.facilityIds()));
        p.put("facilityCount", a.facilityIds().size());
        p.put("name", name);
        p.put("kind", a.kind().id());
        p.put("kindZh", a.kind().nameZh());
        p.put("minutes", a.minutes());
        p.put("speedMps", finite(a.speedMps()));
        p.put("areaM2", tenth(a.areaM2()));
        p.put("reachedLengthM", tenth(a.reachedLengthMeters()));
        p.put("approximate", a.approximate());
        p.put("mode", r.mode().id());
        p.put("bufferM", r.bufferMeters());
        return p;
    }

    /** Every area of {@code r} as a feature (WGS84), in {@code r}'s order. */
    public static List<Feature> toFeatures(ServiceAreaResult r, Function<String, String> facilityNames) {
        List<Feature> out = new ArrayList<>();
        for (ServiceArea a : r.areas()) {
            out.add(new Feature(featureId(a), a.area(), properties(a, r, name(a, r.mode(), facilityNames))));
        }
        return List.copyOf(out);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double tenth(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : null;
    }
}

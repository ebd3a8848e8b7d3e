package org.eldercare.planner.zoning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.ResidentialDistrict;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns features read from a file (GeoJSON, GeoPackage, CSV) into districts for a {@link DistrictCheck}.
 *
 * <p>Properties (names can be remapped with {@code fieldNames}, e.g. {@code households → 户数}):
 * <ul>
 *   <li>{@code id} (else the feature id) — required, unique;</li>
 *   <li>{@code households} — integer ≥ 0, required;</li>
 *   <li>{@code status} — {@code new} | {@code existing} (or 新建 / 已建成 / 老城区), required;</li>
 *   <li>{@code elderlySitesM2} — array of site floor areas in m² ({@code []} when none); in CSV a string such as
 *       {@code "350;120"} or {@code "[350, 120]"}, required ({@code elderlySiteAreasM2}, the model's name used by
 *       the sample data, is accepted instead);</li>
 *   <li>{@code landAreaM2} — optional land area (占地面积) in m², for pooling without geometry (a polygon
 *       geometry gives it otherwise);</li>
 *   <li>{@code adjacentTo} — optional ids of adjacent districts (array or {@code ;}-separated), for pooling
 *       without geometry.</li>
 * </ul>
 * A Polygon/MultiPolygon geometry (WGS84) becomes the district's boundary; other geometries are ignored.
 *
 * <p>All problems of the file are collected and thrown together as one {@link ReadException}, each naming the file,
 * the feature and the field. Immutable result.
 *
 * @param districts     districts in file order
 * @param neighbourhood adjacency and land areas declared in the properties (geometry-derived ones are added by
 *                      {@link #neighbourhood(double)})
 */
public record DistrictFeatures(List<ResidentialDistrict> districts, DistrictNeighbourhood neighbourhood) {
    /** Logical property names, in the order documented above. */
    public static final List<String> FIELDS = List.of("id", "households", "status", "elderlySitesM2", "landAreaM2",
        "adjacentTo");

    /** The model's name for the site areas, accepted when {@code elderlySitesM2} is absent (sample data files). */
    public static final String MODEL_SITES_FIELD = "elderlySiteAreasM2";

    public DistrictFeatures {
        districts = List.copyOf(districts);
    }

    /**
     * Converts features with the default property names.
     *
     * @throws ReadException listing every bad feature and field
     */
    public static DistrictFeatures fromFeatures(String file, List<Feature> features) {
        return fromFeatures(file, features, Map.of());
    }

    /**
     * Converts features; {@code fieldNames} maps a logical name of {@link #FIELDS} to the property name in the file.
     *
     * @throws IllegalArgumentException when {@code fieldNames} has a key not in {@link #FIELDS}
     * @throws ReadException            listing every bad feature and field
     */
    public static DistrictFeatures fromFeatures(String file, List<Feature> features, Map<String, String> fieldNames) {
        for (String k : fieldNames.keySet()) {
            if (!FIELDS.contains(k)) {
                throw new IllegalArgumentException("field mapping: unknown field '" + k + "', expected one of "
                    + FIELDS);
            }
        }
        List<ReadException.Problem> problems = new ArrayList<>();
        List<ResidentialDistrict> districts = new ArrayList<>();
        Map<String, Set<String>> adjacent = new LinkedHashMap<>();
        Map<String, Double> land = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            Map<String, Object> p = f.properties();
            Object idv = p.get(name(fieldNames, "id"));
            String id = idv == null || idv.toString().isBlank() ? f.id() : idv.toString().strip();
            String where = id.isBlank() ? "#" + (i + 1) : id;
            int before = problems.size();
            if (id.isBlank()) {
                problems.add(new ReadException.Problem(file, where, name(fieldNames, "id"), "required id is missing"));
            } else if (!seen.add(id)) {
                problems.add(new ReadException.Problem(file, where, name(fieldNames, "id"), "duplicate id '" + id
                    + "'"));
            }
            Integer households = households(file, where, name(fieldNames, "households"), p, problems);
            DistrictStatus status = null;
            String sf = name(fieldNames, "status");
            Object sv = p.get(sf);
            if (sv == null || sv.toString().isBlank()) {
                problems.add(new ReadException.Problem(file, where, sf,
                    "required status is missing (new | existing)"));
            } else {
                try {
                    status = DistrictStatus.parse(sf, sv.toString());
                } catch (IllegalArgumentException e) {
                    problems.add(new ReadException.Problem(file, where, sf, "status '" + sv
                        + "' is not one of new, existing (新建, 已建成, 老城区)"));
                }
            }
            String sitesField = name(fieldNames, "elderlySitesM2");
            if (!fieldNames.containsKey("elderlySitesM2") && !p.containsKey(sitesField)
                    && p.containsKey(MODEL_SITES_FIELD)) {
                sitesField = MODEL_SITES_FIELD;
            }
            List<Double> sites = sites(file, where, sitesField, p.get(sitesField), problems);
            String lf = name(fieldNames, "landAreaM2");
            Object lv = p.get(lf);
            if (lv != null && !lv.toString().isBlank()) {
                Double a = number(lv);
                if (a == null || !Double.isFinite(a) || a < 0) {
                    problems.add(new ReadException.Problem(file, where, lf, "must be a number >= 0, was '" + lv
                        + "'"));
                } else if (!id.isBlank()) {
                    land.put(id, a);
                }
            }
            Object av = p.get(name(fieldNames, "adjacentTo"));
            if (av != null && !id.isBlank()) {
                Set<String> adj = new LinkedHashSet<>();
                List<?> items = av instanceof List<?> l ? l : List.of(av.toString().split("[;,]"));
                for (Object o : items) {
                    String s = o == null ? "" : o.toString().replace("[", "").replace("]", "").replace("\"", "")
                        .strip();
                    if (!s.isEmpty()) {
                        adj.add(s);
                    }
                }
                adjacent.put(id, adj);
            }
            Geometry g = f.geometry();
            Optional<Geometry> boundary = g instanceof Polygon || g instanceof MultiPolygon ? Optional.of(g)
                : Optional.empty();
            if (problems.size() == before) {
                try {
                    districts.add(new ResidentialDistrict(id, id, boundary, households, status, OptionalInt.empty(),
                        sites, false));
                } catch (IllegalArgumentException e) {
                    String field = e instanceof org.eldercare.planner.model.InvalidValueException iv ? iv.field()
                        : null;
                    problems.add(new ReadException.Problem(file, where, field, e.getMessage()));
                }
            }
        }
        Set<String> ids = new HashSet<>(seen);
        adjacent.forEach((a, bs) -> {
            for (String b : bs) {
                if (!ids.contains(b)) {
                    problems.add(new ReadException.Problem(file, a, name(fieldNames, "adjacentTo"),
                        "unknown district id '" + b + "'"));
                } else if (b.equals(a)) {
                    problems.add(new ReadException.Problem(file, a, name(fieldNames, "adjacentTo"),
                        "a district cannot be adjacent to itself"));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        return new DistrictFeatures(districts, DistrictNeighbourhood.of(adjacent, land));
    }

    /**
     * The declared neighbourhood merged with the one derived from the districts' boundaries (adjacency within
     * {@code adjacentMaxDistanceM} metres; land area from the polygon unless declared).
     */
    public DistrictNeighbourhood neighbourhood(double adjacentMaxDistanceM) {
        DistrictNeighbourhood geo = GeometryNeighbourhood.fromBoundaries(districts, adjacentMaxDistanceM);
        Map<String, Set<String>> adj = new LinkedHashMap<>();
        geo.adjacent().forEach((k, v) -> adj.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        neighbourhood.adjacent().forEach((k, v) -> adj.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        Map<String, Double> land = new LinkedHashMap<>(geo.landAreasM2());
        land.putAll(neighbourhood.landAreasM2());
        return DistrictNeighbourhood.of(adj, land);
    }

    private static String name(Map<String, String> fieldNames, String logical) {
        return fieldNames.getOrDefault(logical, logical);
    }

    private static Integer households(String file, String where, String field, Map<String, Object> p,
            List<ReadException.Problem> problems) {
        Object v = p.get(field);
        if (v == null || v.toString().isBlank()) {
            problems.add(new ReadException.Problem(file, where, field, "required households is missing"));
            return null;
        }
        Double d = number(v);
        if (d == null || !Double.isFinite(d) || d != Math.rint(d) || d > Integer.MAX_VALUE) {
            problems.add(new ReadException.Problem(file, where, field, "must be a whole number of households, was '"
                + v + "'"));
            return null;
        }
        if (d < 0) {
            problems.add(new ReadException.Problem(file, where, field, "must be >= 0, was " + v));
            return null;
        }
        return d.intValue();
    }

    private static List<Double> sites(String file, String where, String field, Object v,
            List<ReadException.Problem> problems) {
        if (v == null) {
            problems.add(new ReadException.Problem(file, where, field,
                "required list of site floor areas is missing (use [] when there is no site)"));
            return null;
        }
        List<?> items;
        if (v instanceof List<?> l) {
            items = l;
        } else {
            String s = v.toString().strip();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            items = s.isBlank() ? List.of() : List.of(s.split("[;,]"));
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object o = items.get(i);
            Double a = o == null ? null : number(o);
            if (a == null || !Double.isFinite(a) || a < 0) {
                problems.add(new ReadException.Problem(file, where, field + "[" + i + "]",
                    "site floor area must be a finite number >= 0 m², was '" + o + "'"));
            } else {
                out.add(a);
            }
        }
        return out.size() == items.size() ? out : null;
    }

    private static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(o.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

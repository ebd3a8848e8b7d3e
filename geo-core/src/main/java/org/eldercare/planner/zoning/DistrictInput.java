package org.eldercare.planner.zoning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.planner.io.AttributeMapping;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.LayerKind;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.ResidentialDistrict;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The input of a {@link DistrictCheck} read from a layer (GeoJSON, GeoPackage, CSV): the districts, mapped by
 * {@link LayerMapper#districts(FeatureLayer, java.util.function.Consumer)} (so every name and value form
 * {@link AttributeMapping#defaults()} knows is accepted, e.g. 户数, 状态, 养老服务用房面积), and the pooling
 * attributes that are not model fields, read from the same features in the same pass.
 *
 * <p>Fields (logical names, remappable with {@code fieldNames}, e.g. {@code households → 户数}):
 * <ul>
 *   <li>{@code id}, {@code households}, {@code status} ({@code new} | {@code existing}, or 新建 / 已建成 / 老城区):
 *       required;</li>
 *   <li>{@code elderlySitesM2}: the model's {@code elderlySiteAreasM2} (either name is accepted): site floor areas
 *       in m², an array or in CSV a string such as {@code "350;120"} or {@code "[350, 120]"}; required, {@code []}
 *       or an empty cell when there is no site (a missing attribute is an error, not "no site");</li>
 *   <li>{@code landAreaM2}: optional land area (占地面积) in m², for pooling without geometry (a polygon geometry
 *       gives it otherwise);</li>
 *   <li>{@code adjacentTo}: optional ids of adjacent districts (array or {@code ;}-separated), for pooling without
 *       geometry; each must be another district of the layer.</li>
 * </ul>
 * A Polygon/MultiPolygon geometry (WGS84) becomes the district's boundary; other geometries (e.g. a point) are
 * ignored, since the check only needs areal boundaries.
 *
 * <p>All problems of the layer are thrown together as one {@link ReadException}, each naming the file, the feature
 * and the field. Immutable.
 *
 * @param districts districts in file order
 * @param declared  adjacency and land areas declared in the attributes (geometry-derived ones are added by
 *                  {@link #neighbourhood(double)})
 */
public record DistrictInput(List<ResidentialDistrict> districts, DistrictNeighbourhood declared) {
    /** Logical field names accepted in {@code fieldNames}, in the order documented above. */
    public static final List<String> FIELDS = List.of("id", "households", "status", "elderlySitesM2", "landAreaM2",
        "adjacentTo");

    /** Logical names that are model fields of {@link LayerKind#DISTRICTS}, with the model's name. */
    private static final Map<String, String> MODEL_FIELDS = Map.of("id", "id", "households", "households",
        "status", "status", "elderlySitesM2", "elderlySiteAreasM2");

    public DistrictInput {
        districts = List.copyOf(districts);
    }

    /**
     * Reads a layer with the default names.
     *
     * @throws ReadException listing every bad feature and field
     */
    public static DistrictInput read(FeatureLayer layer) {
        return read(layer, Map.of());
    }

    /**
     * Reads a layer; {@code fieldNames} maps a logical name of {@link #FIELDS} to the attribute name in the file
     * (that name only is then looked for).
     *
     * @throws IllegalArgumentException when {@code fieldNames} has a key not in {@link #FIELDS}
     * @throws ReadException            listing every bad feature and field
     */
    public static DistrictInput read(FeatureLayer layer, Map<String, String> fieldNames) {
        AttributeMapping mapping = AttributeMapping.defaults();
        for (var e : fieldNames.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                throw new IllegalArgumentException("field mapping: unknown field '" + e.getKey() + "', expected one of "
                    + FIELDS);
            }
            if (MODEL_FIELDS.containsKey(e.getKey())) {
                mapping = mapping.with(LayerKind.DISTRICTS, MODEL_FIELDS.get(e.getKey()), e.getValue());
            }
        }
        String landField = fieldNames.getOrDefault("landAreaM2", "landAreaM2");
        String adjacentField = fieldNames.getOrDefault("adjacentTo", "adjacentTo");

        List<Feature> areal = new ArrayList<>(layer.size());
        for (Feature f : layer.features()) {
            Geometry g = f.geometry();
            areal.add(g == null || g instanceof Polygon || g instanceof MultiPolygon ? f
                : new Feature(f.id(), null, f.properties()));
        }
        FeatureLayer districtLayer = new FeatureLayer(layer.source(), layer.name(), layer.sourceCrs(), areal);

        Set<String> ids = new HashSet<>();
        Map<String, Set<String>> adjacent = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Double> land = new LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        List<ResidentialDistrict> districts = List.of();
        try {
            districts = new LayerMapper(mapping).requiring(LayerKind.DISTRICTS, "elderlySiteAreasM2")
                .districts(districtLayer, extra -> {
                    String id = extra.id();
                    var landAreaM2 = extra.amount(landField);
                    List<String> adj = extra.texts(adjacentField);
                    if (id.isEmpty()) {
                        return;
                    }
                    ids.add(id);
                    landAreaM2.ifPresent(a -> land.put(id, a));
                    if (!adj.isEmpty()) {
                        adjacent.put(id, new LinkedHashSet<>(adj));
                        labels.put(id, extra.label());
                    }
                });
        } catch (ReadException e) {
            problems.addAll(e.problems());
        }
        adjacent.forEach((a, bs) -> {
            for (String b : bs) {
                if (b.equals(a)) {
                    problems.add(new InputProblem(layer.source(), labels.get(a), adjacentField,
                        "a district cannot be adjacent to itself"));
                } else if (!ids.contains(b)) {
                    problems.add(new InputProblem(layer.source(), labels.get(a), adjacentField,
                        "unknown district id '" + b + "'"));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        return new DistrictInput(districts, DistrictNeighbourhood.of(adjacent, land));
    }

    /**
     * The declared neighbourhood merged with the one derived from the districts' boundaries (adjacency within
     * {@code adjacentMaxDistanceM} metres; land area from the polygon unless declared).
     */
    public DistrictNeighbourhood neighbourhood(double adjacentMaxDistanceM) {
        DistrictNeighbourhood geo = GeometryNeighbourhood.fromBoundaries(districts, adjacentMaxDistanceM);
        Map<String, Set<String>> adj = new LinkedHashMap<>();
        geo.adjacent().forEach((k, v) -> adj.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        declared.adjacent().forEach((k, v) -> adj.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        Map<String, Double> land = new LinkedHashMap<>(geo.landAreasM2());
        land.putAll(declared.landAreasM2());
        return DistrictNeighbourhood.of(adj, land);
    }
}

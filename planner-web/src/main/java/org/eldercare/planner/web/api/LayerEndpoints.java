package org.eldercare.planner.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code GET /api/layers}: the layer list with titles, counts, extents and filters.
 * {@code GET /api/layers/{layerId}?bbox=&zoom=&<filter>=}: one layer as a GeoJSON FeatureCollection, optionally
 * limited to a lon/lat box and simplified for a zoom level; filters such as {@code kind=day-care-centre,canteen}.
 *
 * @param layers  the served layers
 * @param geojson GeoJSON writer
 */
public record LayerEndpoints(LayerRegistry layers, GeoJsonOutput geojson) implements Endpoints {
    private static final Set<String> COMMON_PARAMS = Set.of("bbox", "zoom");
    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.get("/api/layers", this::list);
        routes.get("/api/layers/{layerId}", this::features);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MapLayer<?> l : layers.listLayers()) {
            out.add(describe(l));
        }
        ctx.json(Map.of("layers", out));
    }

    static Map<String, Object> describe(MapLayer<?> l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("title", Map.of("zh", l.titleZh(), "en", l.titleEn()));
        m.put("group", l.group().name().toLowerCase(java.util.Locale.ROOT));
        m.put("geometryType", l.geometryType());
        m.put("count", l.size());
        m.put("withoutGeometry", l.withoutGeometry());
        m.put("bbox", bbox(l.extent()));
        m.put("filters", l.filters());
        return m;
    }

    /** [minLon, minLat, maxLon, maxLat], or null for an empty layer. */
    static List<Double> bbox(Envelope e) {
        return e.isNull() ? null : List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    private void features(Context ctx) {
        MapLayer<?> layer = layers.getLayer("layerId", ctx.pathParam("layerId"));
        Map<String, Set<String>> filters = QueryParams.layerFilters(ctx, layer, COMMON_PARAMS,
            "unknown parameter for layer '" + layer.id() + "'");
        LayerQuery q = new LayerQuery(QueryParams.bbox(ctx), QueryParams.zoom(ctx), filters, 0, OptionalInt.empty());
        ctx.contentType(GeoJsonOutput.MEDIA_TYPE);
        ctx.result(layer.queryGeoJson(q, geojson, Map.of("layer", layer.id()),
            (matched, returned) -> Map.of("numberMatched", matched)));
    }
}

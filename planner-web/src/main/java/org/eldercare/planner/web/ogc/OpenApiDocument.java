package org.eldercare.planner.web.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.web.api.MapLayer;
import org.eldercare.planner.web.api.LayerRegistry;

/** The OpenAPI 3.0 definition of the OGC API - Features endpoints (the landing page's {@code service-desc}). */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static Map<String, Object> build(String base, String title, LayerRegistry layers) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "养老服务设施规划 " + title + " - OGC API Features", "version", "1.0.0"));
        doc.put("servers", List.of(Map.of("url", base + "/ogc")));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("landing page", List.of(param("f", "query", "string"))));
        paths.put("/conformance", get("conformance classes", List.of(param("f", "query", "string"))));
        paths.put("/collections", get("the feature collections", List.of(param("f", "query", "string"))));
        Map<String, Object> collectionId = param("collectionId", "path", "string");
        collectionId.put("schema", Map.of("type", "string",
            "enum", layers.listLayers().stream().map(MapLayer::id).toList()));
        paths.put("/collections/{collectionId}", get("one collection", List.of(collectionId)));
        Map<String, Object> bbox = param("bbox", "query", "array");
        bbox.put("schema", Map.of("type", "array", "minItems", 4, "maxItems", 4, "items", Map.of("type", "number")));
        bbox.put("style", "form");
        bbox.put("explode", false);
        Map<String, Object> limit = param("limit", "query", "integer");
        limit.put("schema", Map.of("type", "integer", "minimum", 1, "maximum", OgcFeaturesEndpoints.MAX_LIMIT,
            "default", OgcFeaturesEndpoints.DEFAULT_LIMIT));
        Map<String, Object> offset = param("offset", "query", "integer");
        offset.put("schema", Map.of("type", "integer", "minimum", 0, "default", 0));
        paths.put("/collections/{collectionId}/items", get("features of a collection (GeoJSON)",
            List.of(collectionId, bbox, limit, offset, param("datetime", "query", "string"),
                param("f", "query", "string"))));
        paths.put("/collections/{collectionId}/items/{featureId}", get("one feature (GeoJSON)",
            List.of(collectionId, param("featureId", "path", "string"))));
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> get(String summary, List<Map<String, Object>> params) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("parameters", params);
        op.put("responses", Map.of(
            "200", Map.of("description", "OK"),
            "400", Map.of("description", "bad parameter: {\"error\", \"details\": {\"parameter\"}}"),
            "404", Map.of("description", "unknown collection or feature")));
        return Map.of("get", op);
    }

    private static Map<String, Object> param(String name, String in, String type) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", in);
        p.put("required", in.equals("path"));
        p.put("schema", Map.of("type", type));
        return p;
    }
}

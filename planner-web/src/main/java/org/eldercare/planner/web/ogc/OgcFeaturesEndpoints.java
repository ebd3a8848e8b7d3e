package org.eldercare.planner.web.ogc;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.web.api.BadParameterException;
import org.eldercare.planner.web.api.Endpoints;
import org.eldercare.planner.web.api.GeoJsonOutput;
import org.eldercare.planner.web.api.MapLayer;
import org.eldercare.planner.web.api.LayerQuery;
import org.eldercare.planner.web.api.LayerRegistry;
import org.eldercare.planner.web.api.NotFoundException;
import org.eldercare.planner.web.api.QueryParams;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API - Features - Part 1: Core (OGC 17-069r4) over the same layers as the web map, with the GeoJSON encoding, so
 * QGIS ("Add WFS / OGC API - Features layer", URL {@code http://host:port/ogc}) and GDAL ({@code OAPIF:} driver)
 * can read them.
 *
 * <ul>
 *   <li>{@code GET /ogc}: landing page; {@code GET /ogc/conformance}; {@code GET /ogc/api}: OpenAPI 3.0 definition;</li>
 *   <li>{@code GET /ogc/collections}, {@code GET /ogc/collections/{collectionId}};</li>
 *   <li>{@code GET /ogc/collections/{collectionId}/items?bbox=&limit=&offset=&f=json} (plus the layer's filters,
 *       e.g. {@code kind}); {@code GET /ogc/collections/{collectionId}/items/{featureId}}.</li>
 * </ul>
 * Coordinates are CRS84 (lon/lat). {@code limit} defaults to {@value #DEFAULT_LIMIT}; a larger value than
 * {@value #MAX_LIMIT} is answered with {@value #MAX_LIMIT} features and a {@code next} link, as the standard requires
 * (Req 7.15 /req/core/fc-limit-response-1). {@code datetime} is accepted and matches every feature, since our layers
 * have no time. Any other parameter is refused with 400 (/req/core/query-param-unknown).
 *
 * @param title   the served workspace's name, in the landing page and the API definition
 * @param layers  the served layers
 * @param geojson GeoJSON writer
 */
public record OgcFeaturesEndpoints(String title, LayerRegistry layers, GeoJsonOutput geojson) implements Endpoints {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final List<String> CONFORMANCE = List.of(
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    private static final Set<String> ITEM_PARAMS = Set.of("bbox", "limit", "offset", "f", "datetime");

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.get("/ogc", this::landing);
        routes.get("/ogc/conformance", this::conformance);
        routes.get("/ogc/api", this::api);
        routes.get("/ogc/collections", this::collections);
        routes.get("/ogc/collections/{collectionId}", this::collection);
        routes.get("/ogc/collections/{collectionId}/items", this::items);
        routes.get("/ogc/collections/{collectionId}/items/{featureId}", this::item);
    }

    private void landing(Context ctx) {
        checkFormat(ctx);
        String base = base(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "养老服务设施规划 " + title);
        m.put("description", "Elderly-care planning layers of " + title
            + " as OGC API - Features (admin units, facilities, medical facilities, districts, roads).");
        m.put("links", List.of(
            link(base + "/ogc", "self", "application/json", "this document"),
            link(base + "/ogc/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0",
                "the API definition"),
            link(base + "/ogc/conformance", "conformance", "application/json", "conformance classes"),
            link(base + "/ogc/collections", "data", "application/json", "the feature collections")));
        ctx.json(m);
    }

    private void conformance(Context ctx) {
        checkFormat(ctx);
        ctx.json(Map.of("conformsTo", CONFORMANCE));
    }

    private void api(Context ctx) {
        ctx.json(OpenApiDocument.build(base(ctx), title, layers));
        ctx.contentType("application/vnd.oai.openapi+json;version=3.0");
    }

    private void collections(Context ctx) {
        checkFormat(ctx);
        String base = base(ctx);
        List<Map<String, Object>> cs = new ArrayList<>();
        for (MapLayer<?> l : layers.listLayers()) {
            cs.add(describe(base, l));
        }
        ctx.json(Map.of(
            "links", List.of(link(base + "/ogc/collections", "self", "application/json", "this document")),
            "collections", cs));
    }

    private void collection(Context ctx) {
        checkFormat(ctx);
        ctx.json(describe(base(ctx), layers.getLayer("collectionId", ctx.pathParam("collectionId"))));
    }

    private Map<String, Object> describe(String base, MapLayer<?> l) {
        String self = base + "/ogc/collections/" + l.id();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("title", l.titleZh());
        m.put("description", l.titleEn() + " (" + l.size() + " features"
            + (l.withoutGeometry() > 0 ? "; " + l.withoutGeometry() + " without geometry are not served" : "") + ")");
        m.put("links", List.of(
            link(self, "self", "application/json", "this collection"),
            link(self + "/items", "items", GeoJsonOutput.MEDIA_TYPE, l.titleEn() + " as GeoJSON")));
        Envelope e = l.extent();
        Map<String, Object> spatial = new LinkedHashMap<>();
        spatial.put("bbox", e.isNull() ? List.of() : List.of(List.of(e.getMinX(), e.getMinY(), e.getMaxX(),
            e.getMaxY())));
        spatial.put("crs", CRS84);
        m.put("extent", Map.of("spatial", spatial));
        m.put("itemType", "feature");
        m.put("crs", List.of(CRS84));
        return m;
    }

    private void items(Context ctx) {
        MapLayer<?> layer = layers.getLayer("collectionId", ctx.pathParam("collectionId"));
        checkFormat(ctx);
        Map<String, Set<String>> filters = QueryParams.layerFilters(ctx, layer, ITEM_PARAMS, "unknown parameter");
        int limit = ctx.queryParam("limit") == null ? DEFAULT_LIMIT
            : Math.min(QueryParams.integer("limit", ctx.queryParam("limit"), 1, Integer.MAX_VALUE), MAX_LIMIT);
        int offset = ctx.queryParam("offset") == null ? 0
            : QueryParams.integer("offset", ctx.queryParam("offset"), 0, Integer.MAX_VALUE);
        LayerQuery q = new LayerQuery(QueryParams.bbox(ctx), OptionalInt.empty(), filters, offset,
            OptionalInt.of(limit));
        String base = base(ctx);
        String self = base + "/ogc/collections/" + layer.id() + "/items";
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ctx.contentType(GeoJsonOutput.MEDIA_TYPE);
        ctx.result(layer.queryGeoJson(q, geojson, members, (matched, returned) -> {
            List<Map<String, Object>> links = new ArrayList<>();
            links.add(link(self + query(ctx, offset, limit), "self", GeoJsonOutput.MEDIA_TYPE, "this page"));
            if (offset + returned < matched) {
                links.add(link(self + query(ctx, offset + limit, limit), "next", GeoJsonOutput.MEDIA_TYPE,
                    "next page"));
            }
            if (offset > 0) {
                links.add(link(self + query(ctx, Math.max(0, offset - limit), limit), "prev",
                    GeoJsonOutput.MEDIA_TYPE, "previous page"));
            }
            links.add(link(base + "/ogc/collections/" + layer.id(), "collection", "application/json",
                "the collection"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("numberMatched", matched);
            m.put("numberReturned", returned);
            m.put("links", links);
            return m;
        }));
    }

    private void item(Context ctx) {
        MapLayer<?> layer = layers.getLayer("collectionId", ctx.pathParam("collectionId"));
        checkFormat(ctx);
        String id = ctx.pathParam("featureId");
        Feature f = layer.findFeature(id).orElseThrow(() -> new NotFoundException("featureId", id,
            "no feature '" + id + "' in collection '" + layer.id() + "'", List.of()));
        String self = base(ctx) + "/ogc/collections/" + layer.id();
        ctx.contentType(GeoJsonOutput.MEDIA_TYPE);
        ctx.result(geojson.feature(f, Map.of("links", List.of(
            link(self + "/items/" + id, "self", GeoJsonOutput.MEDIA_TYPE, "this feature"),
            link(self, "collection", "application/json", "the collection")))));
    }

    /** Only JSON is offered: {@code f} may be absent, {@code json} or {@code geojson}. */
    private static void checkFormat(Context ctx) {
        String f = ctx.queryParam("f");
        if (f != null && !f.equals("json") && !f.equals("geojson")) {
            throw new BadParameterException("f", f, "only JSON is offered; use f=json", List.of("json", "geojson"));
        }
    }

    /** The query string of the current request with offset and limit replaced. */
    private static String query(Context ctx, int offset, int limit) {
        StringBuilder sb = new StringBuilder("?");
        for (var e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("offset") || e.getKey().equals("limit")) {
                continue;
            }
            for (String v : e.getValue()) {
                sb.append(enc(e.getKey())).append('=').append(enc(v)).append('&');
            }
        }
        sb.append("offset=").append(offset).append("&limit=").append(limit);
        return sb.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Scheme, host and port as the client addressed us, so links work through port forwards. */
    static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("href", href);
        m.put("rel", rel);
        m.put("type", type);
        m.put("title", title);
        return m;
    }
}

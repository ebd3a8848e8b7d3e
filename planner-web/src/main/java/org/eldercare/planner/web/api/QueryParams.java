package org.eldercare.planner.web.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eldercare.planner.viewport.ViewportIndex;
import org.locationtech.jts.geom.Envelope;

/** Parsing of the query parameters shared by the layer and OGC endpoints; every failure names the parameter. */
public final class QueryParams {
    private QueryParams() {}

    /**
     * Parses {@code bbox=minLon,minLat,maxLon,maxLat} (WGS84 degrees, as in OGC API - Features and GeoJSON).
     *
     * @throws BadParameterException naming {@code bbox} unless there are exactly four finite numbers with
     *                               lon in [-180, 180], lat in [-90, 90], minLon ≤ maxLon and minLat ≤ maxLat
     */
    public static Optional<Envelope> bbox(Context ctx) {
        String text = ctx.queryParam("bbox");
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(parseBbox(text));
    }

    static Envelope parseBbox(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw new BadParameterException("bbox", text,
                "expected 4 comma-separated numbers minLon,minLat,maxLon,maxLat, got " + parts.length + " value(s): '"
                    + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadParameterException("bbox", text, "value " + (i + 1) + " '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new BadParameterException("bbox", text, "value " + (i + 1) + " must be finite, was " + parts[i]);
            }
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw new BadParameterException("bbox", text,
                "must lie within lon [-180, 180] and lat [-90, 90] (WGS84 lon/lat order), was '" + text + "'");
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw new BadParameterException("bbox", text,
                "minLon must be <= maxLon and minLat <= maxLat (boxes across the antimeridian are not supported), was '"
                    + text + "'");
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    /** Parses {@code zoom} as a web-map zoom level in [0, {@value ViewportIndex#MAX_ZOOM}]; absent when not given. */
    public static OptionalInt zoom(Context ctx) {
        String text = ctx.queryParam("zoom");
        if (text == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(integer("zoom", text, 0, ViewportIndex.MAX_ZOOM));
    }

    /**
     * Parses an integer parameter in [min, max].
     *
     * @throws BadParameterException naming the parameter when it is not an integer in range
     */
    public static int integer(String name, String text, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, text, "must be an integer in [" + min + ", " + max + "], was '"
                + text + "'");
        }
        if (v < min || v > max) {
            throw new BadParameterException(name, text, "must be in [" + min + ", " + max + "], was " + v);
        }
        return v;
    }

    /**
     * Values of a comma-separated filter parameter, each checked against {@code allowed}; empty when not given.
     *
     * @throws BadParameterException naming the parameter and listing the accepted values
     */
    /**
     * The layer's filters in the request: every query parameter except {@code common} must be one of the layer's
     * filters ({@link MapLayer#filters()}) with values from its list.
     *
     * @param scope what the unknown-parameter message says is refused, e.g. {@code unknown parameter}
     * @throws BadParameterException naming an unknown parameter (accepted: {@code common} and the layer's filters) or
     *                               a value not in a filter's list
     */
    public static Map<String, Set<String>> layerFilters(Context ctx, MapLayer<?> layer, Set<String> common,
            String scope) {
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        for (String name : ctx.queryParamMap().keySet()) {
            if (common.contains(name)) {
                continue;
            }
            List<String> allowed = layer.filters().get(name);
            if (allowed == null) {
                List<String> known = new ArrayList<>(common);
                known.addAll(layer.filters().keySet());
                known.sort(null);
                throw new BadParameterException(name, ctx.queryParam(name),
                    scope + "; accepted: " + String.join(", ", known), known);
            }
            filters.put(name, oneOf(name, ctx.queryParam(name), allowed));
        }
        return filters;
    }

    public static Set<String> oneOf(String name, String text, List<String> allowed) {
        if (text == null) {
            return Set.of();
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            if (!allowed.contains(p)) {
                throw new BadParameterException(name, text, "unknown value '" + p + "', expected one of: "
                    + String.join(", ", allowed), allowed);
            }
            out.add(p);
        }
        return Set.copyOf(out);
    }
}

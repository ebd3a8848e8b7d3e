package org.eldercare.planner.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reading JSON request bodies field by field; every failure is a 400 naming the field (e.g. {@code changes[2].lon}),
 * and a field the endpoint does not read is a 400 naming it ({@link UnknownFieldsException}).
 */
final class RequestBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestBodies() {}

    /**
     * The body as a JSON object holding no field but {@code accepted} (the one place every endpoint's body is read).
     *
     * @throws BadParameterException  naming {@code body} when it is missing, not JSON or not an object
     * @throws UnknownFieldsException naming every field not in {@code accepted}
     */
    static JsonNode object(Context ctx, Set<String> accepted) {
        JsonNode n = object(ctx);
        refuseUnknown("field", () -> n.fieldNames(), accepted);
        return n;
    }

    /**
     * Refuses names (body fields or query parameters) outside {@code accepted}.
     *
     * @throws UnknownFieldsException naming every unknown one, in the order sent
     */
    static void refuseUnknown(String what, Iterable<String> names, Set<String> accepted) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!accepted.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownFieldsException(what, unknown, accepted);
        }
    }

    private static JsonNode object(Context ctx) {
        String body = ctx.body();
        if (body == null || body.isBlank()) {
            throw new BadParameterException("body", null, "a JSON object is required");
        }
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadParameterException("body", abbreviate(body), "is not valid JSON: "
                + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new BadParameterException("body", abbreviate(body), "must be a JSON object");
        }
        return n;
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    static String text(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull() || !n.isTextual() || n.asText().isBlank()) {
            throw new BadParameterException(path, n == null ? null : n.toString(), "a non-empty string is required");
        }
        return n.asText().strip();
    }

    static String optionalText(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadParameterException(path, n.toString(), "must be a string");
        }
        return n.asText().strip();
    }

    /** A finite number in [min, max]. */
    static double number(JsonNode parent, String field, String path, double min, double max) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull() || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new BadParameterException(path, n == null ? null : n.toString(),
                "a number in [" + fmt(min) + ", " + fmt(max) + "] is required");
        }
        double v = n.asDouble();
        if (v < min || v > max) {
            throw new BadParameterException(path, n.toString(), "must be in [" + fmt(min) + ", " + fmt(max)
                + "], was " + n);
        }
        return v;
    }

    /** A whole number in [min, max]. */
    static int integer(JsonNode parent, String field, String path, int min, int max) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull() || !n.isIntegralNumber() && !(n.isNumber() && n.asDouble() == Math.rint(n.asDouble()))) {
            throw new BadParameterException(path, n == null ? null : n.toString(),
                "a whole number in [" + min + ", " + max + "] is required");
        }
        double v = n.asDouble();
        if (v < min || v > max) {
            throw new BadParameterException(path, n.toString(), "must be in [" + min + ", " + max + "], was " + n);
        }
        return (int) v;
    }

    /** An array of finite numbers, each in [min, max]; empty when the field is absent. */
    static List<Double> numbers(JsonNode parent, String field, String path, double min, double max, int maxItems) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray() || n.size() > maxItems) {
            throw new BadParameterException(path, n.toString(), "must be an array of at most " + maxItems
                + " numbers");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode x = n.get(i);
            if (!x.isNumber() || !Double.isFinite(x.asDouble()) || x.asDouble() < min || x.asDouble() > max) {
                throw new BadParameterException(path + "[" + i + "]", x.toString(), "must be a number in ["
                    + fmt(min) + ", " + fmt(max) + "]");
            }
            out.add(x.asDouble());
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

package org.eldercare.planner.web.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.web.api.BadParameterException;
import org.eldercare.planner.web.api.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers, always as JSON {@code {"error": message, "details": {...}}}:
 * <ul>
 *   <li>{@link BadParameterException} → 400, details name the {@code parameter}, the {@code value} and, for closed
 *       lists, the {@code allowed} values;</li>
 *   <li>any other {@link IllegalArgumentException} (a geo-core argument check) → 400, details name the model
 *       {@code parameter} when geo-core said which field it was;</li>
 *   <li>{@link NotFoundException} → 404 with the parameter and the known values when few;</li>
 *   <li>Javalin's own {@link HttpResponseException}s (unknown route, bad method) → their status;</li>
 *   <li>anything else → 500 with a generic message; the stack trace goes to the server log, never to the client.</li>
 * </ul>
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static void register(RoutesConfig routes) {
        routes.exception(BadParameterException.class, (e, ctx) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("parameter", e.parameter());
            d.put("value", e.value());
            if (!e.allowed().isEmpty()) {
                d.put("allowed", e.allowed());
            }
            answer(ctx, 400, e.getMessage(), d);
        });
        routes.exception(IllegalArgumentException.class, (e, ctx) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            if (e instanceof InvalidValueException iv) {
                d.put("parameter", iv.field());
            }
            answer(ctx, 400, e.getMessage(), d);
        });
        routes.exception(NotFoundException.class, (e, ctx) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("parameter", e.parameter());
            d.put("value", e.value());
            if (!e.known().isEmpty()) {
                d.put("known", e.known());
            }
            answer(ctx, 404, e.getMessage(), d);
        });
        routes.exception(HttpResponseException.class, (e, ctx) ->
            answer(ctx, e.getStatus(), e.getMessage(), new LinkedHashMap<>(e.getDetails())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, 500, "internal server error; the server log has the details", Map.of());
        });
    }

    private static void answer(Context ctx, int status, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("details", details);
        ctx.status(status).json(body);
    }
}

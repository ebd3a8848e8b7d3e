package org.eldercare.planner.web.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.InvalidInputException;
import org.eldercare.planner.store.RevisionConflictException;
import org.eldercare.planner.web.api.BadParameterException;
import org.eldercare.planner.web.api.NotFoundException;
import org.eldercare.planner.web.api.RequestParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers, always as JSON {@code {"error": message, "details": {...}}}:
 * <ul>
 *   <li>{@link RequestParameterException}: {@link BadParameterException} → 400, details name the
 *       {@code parameter}, the {@code value} and, for closed lists, the {@code allowed} values;
 *       {@link NotFoundException} → 404 with the parameter and the {@code known} values when few;</li>
 *   <li>{@link InvalidInputException} (geo-core's input errors: a file, profile, scenario, model value or analysis
 *       parameter) → 400, details list the {@code problems}, each with its {@code file}, {@code feature},
 *       {@code field}, {@code value} and {@code message} (null parts left out); with one problem of one field,
 *       details also name it as the {@code parameter} and its {@code value};</li>
 *   <li>any other {@link IllegalArgumentException} → 400 with its message;</li>
 *   <li>{@link RevisionConflictException} (a saved scenario changed meanwhile) → 409 when a new name exists,
 *       412 when the revision sent is stale, 404 when it is gone; details name the scenario, the {@code reason},
 *       the {@code expectedRevision} and the stored {@code revision} (null when gone);</li>
 *   <li>{@link AnalysisPool.Busy} (every analysis thread busy, the queue full) → 503 with {@code Retry-After}, details
 *       give the {@code threads}, {@code queue} and {@code retryAfterSeconds};</li>
 *   <li>Javalin's own {@link HttpResponseException}s (unknown route, bad method) → their status;</li>
 *   <li>anything else → 500 with a generic message; the stack trace goes to the server log, never to the client.</li>
 * </ul>
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static void register(RoutesConfig routes) {
        routes.exception(RequestParameterException.class, (e, ctx) ->
            answer(ctx, e.status(), e.getMessage(), e.details()));
        routes.exception(AnalysisPool.Busy.class, (e, ctx) -> {
            ctx.header("Retry-After", Integer.toString(e.limits().retryAfterSeconds()));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("threads", e.limits().threads());
            d.put("queue", e.limits().queue());
            d.put("retryAfterSeconds", e.limits().retryAfterSeconds());
            answer(ctx, 503, e.getMessage(), d);
        });
        routes.exception(RevisionConflictException.class, (e, ctx) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put(e.kind().id(), e.name());
            d.put("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
            d.put("expectedRevision", e.expected());
            d.put("revision", e.actual().isPresent() ? e.actual().getAsLong() : null);
            int status = switch (e.reason()) {
                case EXISTS -> 409;
                case STALE -> 412;
                case MISSING -> 404;
            };
            answer(ctx, status, e.getMessage(), d);
        });
        routes.exception(InvalidInputException.class, (e, ctx) -> answer(ctx, 400, e.getMessage(), details(e)));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> answer(ctx, 400, e.getMessage(), Map.of()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
            answer(ctx, e.getStatus(), e.getMessage(), new LinkedHashMap<>(e.getDetails())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, 500, "internal server error; the server log has the details", Map.of());
        });
    }

    /** The problems as data; the single field as {@code parameter} and {@code value}. */
    static Map<String, Object> details(InvalidInputException e) {
        Map<String, Object> d = new LinkedHashMap<>();
        List<InputProblem> problems = e.problems();
        if (problems.size() == 1 && problems.get(0).field() != null) {
            d.put("parameter", problems.get(0).field());
            if (problems.get(0).value() != null) {
                d.put("value", String.valueOf(problems.get(0).value()));
            }
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (InputProblem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            putIfSet(m, "file", p.file());
            putIfSet(m, "feature", p.feature());
            putIfSet(m, "field", p.field());
            putIfSet(m, "value", p.value() == null ? null : String.valueOf(p.value()));
            m.put("message", p.message());
            list.add(m);
        }
        d.put("problems", list);
        return d;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void answer(Context ctx, int status, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("details", details);
        ctx.status(status).json(body);
    }
}

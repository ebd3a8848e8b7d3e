package org.eldercare.planner.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.scenario.SavedScenario;
import org.eldercare.planner.scenario.SavedScenarios;
import org.eldercare.planner.scenario.Scenario;
import org.eldercare.planner.scenario.ScenarioDiff;
import org.eldercare.planner.scenario.ScenarioDiffCsv;
import org.eldercare.planner.scenario.ScenarioException;
import org.eldercare.planner.scenario.ScenarioJson;
import org.eldercare.planner.store.Workspace;

/**
 * Saved scenarios: what-ifs saved from the page under a name in the served workspace, through geo-core's
 * {@code scenario.SavedScenarios} (the scenario file format {@code planner scenario run} reads, with revisions;
 * one store transaction per save).
 * <pre>
 * GET    /api/scenarios                       list: name, revision, savedAt, savedBy, changes, base, profile
 * GET    /api/scenarios/{name}                the scenario file (JSON); ETag: "revision"
 * POST   /api/scenarios                       {"name", "changes"} as POST /api/what-if → 201, a new name only (409)
 * PUT    /api/scenarios/{name}   If-Match     the same body → the next revision (412 when stale, 428 without If-Match)
 * DELETE /api/scenarios/{name}   If-Match     → 204
 * GET    /api/scenarios/compare?a=A&amp;b=B[&amp;format=json|csv]   geo-core's ScenarioDiff of B against A
 * </pre>
 * The body is read by the what-if's own parser ({@link WhatIfEndpoints#scenario}). Who saved is the request
 * attribute {@value #SAVED_BY_ATTRIBUTE} when a before-handler (accounts) sets it, else {@code local}. A conflict
 * of revisions is a {@code store.RevisionConflictException}, answered 409 / 412 / 404 by {@code ErrorMapping}.
 *
 * @param session the server's session (runs the scenarios to compare)
 * @param whatIf  the what-if endpoints, whose parser reads the bodies
 * @param store   the workspace the scenarios are saved in
 */
public record ScenarioStoreEndpoints(PlanningSession session, WhatIfEndpoints whatIf, Workspace store)
        implements Endpoints {
    /** Request attribute naming who saves (set by an authentication before-handler); default {@code local}. */
    public static final String SAVED_BY_ATTRIBUTE = org.eldercare.planner.web.auth.WebSecurity.SIGNED_IN_USER;
    private static final Set<String> COMPARE_PARAMETERS = Set.of("a", "b", "format");
    /** A path segment that is a route, so not a scenario name. */
    private static final String COMPARE = "compare";

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.get("/api/scenarios", this::list);
        routes.get("/api/scenarios/compare", this::compare);
        routes.get("/api/scenarios/{name}", this::get);
        routes.post("/api/scenarios", this::create);
        routes.put("/api/scenarios/{name}", this::replace);
        routes.delete("/api/scenarios/{name}", this::delete);
    }

    private void list(Context ctx) {
        RequestBodies.refuseUnknown("query parameter", ctx.queryParamMap().keySet(), Set.of());
        ctx.json(Map.of("scenarios", SavedScenarios.list(store).stream().map(ScenarioStoreEndpoints::describe)
            .toList()));
    }

    static Map<String, Object> describe(SavedScenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("revision", s.revision());
        m.put("savedAt", s.savedAt().toString());
        m.put("savedBy", s.savedBy());
        m.put("changes", s.changes());
        m.put("base", s.base());
        m.put("profile", s.profile());
        return m;
    }

    private SavedScenario find(String parameter, String name) {
        return SavedScenarios.find(store, name).orElseThrow(() -> new NotFoundException(parameter, name,
            "no saved scenario '" + name + "'", SavedScenarios.list(store).stream().map(SavedScenario::name)
                .limit(50).toList()));
    }

    private void get(Context ctx) {
        SavedScenario s = find("name", ctx.pathParam("name"));
        ctx.header("ETag", etag(s.revision()));
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Content-Disposition", disposition("inline", s.name() + ".json"));
        ctx.result(s.json());
    }

    private void create(Context ctx) {
        Scenario s = scenario(ctx, null);
        SavedScenario saved = SavedScenarios.save(store, s, savedBy(ctx), 0);
        ctx.status(201);
        ctx.header("Location", "/api/scenarios/" + URLEncoder.encode(saved.name(), StandardCharsets.UTF_8)
            .replace("+", "%20"));
        answerSaved(ctx, saved);
    }

    private void replace(Context ctx) {
        String name = ctx.pathParam("name");
        long revision = ifMatch(ctx, name);
        SavedScenario saved = SavedScenarios.save(store, scenario(ctx, name), savedBy(ctx), revision);
        answerSaved(ctx, saved);
    }

    private void delete(Context ctx) {
        String name = ctx.pathParam("name");
        SavedScenarios.delete(store, name, ifMatch(ctx, name));
        ctx.status(204);
    }

    private static void answerSaved(Context ctx, SavedScenario saved) {
        ctx.header("ETag", etag(saved.revision()));
        ctx.json(describe(saved));
    }

    /**
     * The body as a scenario, parsed by the what-if's parser; {@code pathName} (PUT) is its name, and a body
     * {@code name} must then be the same.
     */
    private Scenario scenario(Context ctx, String pathName) {
        JsonNode body = RequestBodies.object(ctx, WhatIfEndpoints.FIELDS);
        String name = RequestBodies.optionalText(body, "name", "name");
        if (pathName == null) {
            if (name == null || name.isBlank()) {
                throw new BadParameterException("name", null, "a scenario name is required to save it");
            }
            if (name.contains("/") || name.chars().anyMatch(Character::isISOControl)) {
                throw new BadParameterException("name", name, "must not contain '/' or control characters (it is a "
                    + "path segment of /api/scenarios/{name})");
            }
            if (name.equals(COMPARE)) {
                throw new BadParameterException("name", name, "'" + COMPARE + "' is reserved (GET /api/scenarios/"
                    + COMPARE + "); choose another name");
            }
        } else if (name != null && !name.equals(pathName)) {
            throw new BadParameterException("name", name, "must be the scenario's name in the path, '" + pathName
                + "' (save under another name with POST /api/scenarios)");
        }
        if (pathName != null) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("name", pathName);
        }
        return whatIf.scenario(body);
    }

    private static String savedBy(Context ctx) {
        Object by = ctx.attribute(SAVED_BY_ATTRIBUTE);
        return by == null ? SavedScenarios.LOCAL : by.toString();
    }

    /** The revision named by {@code If-Match: "N"} (428 when absent, 400 when not a revision). */
    private static long ifMatch(Context ctx, String name) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            throw new PreconditionRequiredException(name);
        }
        String v = h.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long r = Long.parseLong(v);
            if (r >= 1) {
                return r;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadParameterException("If-Match", h, "expected the scenario's revision as its ETag, e.g. \"3\"");
    }

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * A Content-Disposition whose file name survives HTTP's Latin-1 headers: an ASCII fallback ({@code _} for
     * others) and the UTF-8 name as {@code filename*} (RFC 6266 / 8187), e.g. {@code diff-新站-vs-东站.csv}.
     */
    static String disposition(String type, String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
            + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String fileName(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    /** B against A, both run on the served data, diffed by geo-core's {@code ScenarioDiff.between}. */
    private void compare(Context ctx) {
        RequestBodies.refuseUnknown("query parameter", ctx.queryParamMap().keySet(), COMPARE_PARAMETERS);
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new BadParameterException("format", format, "expected json or csv", List.of("csv", "json"));
        }
        SavedScenario a = find("a", required(ctx, "a"));
        SavedScenario b = find("b", required(ctx, "b"));
        ScenarioDiff d = ScenarioDiff.between(run("a", a).scenario(), run("b", b).scenario());
        String file = "diff-" + fileName(a.name()) + "-vs-" + fileName(b.name());
        if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", disposition("attachment", file + ".csv"));
            ctx.result(ScenarioDiffCsv.text(d));
        } else {
            ctx.contentType("application/json; charset=utf-8");
            ctx.header("Content-Disposition", disposition("inline", file + ".json"));
            ctx.result(ScenarioJson.text(ScenarioJson.diffDocument(d, null)));
        }
    }

    private static String required(Context ctx, String parameter) {
        String v = ctx.queryParam(parameter);
        if (v == null || v.isBlank()) {
            throw new BadParameterException(parameter, v, "the name of a saved scenario is required");
        }
        return v;
    }

    private org.eldercare.planner.scenario.ScenarioResult run(String parameter, SavedScenario s) {
        Scenario scenario = s.scenario(store.location());
        if (!scenario.profile().equals(session.profile().id())) {
            throw new BadParameterException(parameter, s.name(), "scenario '" + s.name() + "' was saved under "
                + "profile " + scenario.profile() + "; this server runs " + session.profile().id()
                + " (run it with planner scenario run)");
        }
        try {
            return session.apply(scenario);
        } catch (ScenarioException e) {
            throw new BadParameterException(parameter, s.name(), "scenario '" + s.name() + "' no longer fits the "
                + "data: " + e.getMessage());
        }
    }
}

package org.eldercare.planner.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eldercare.planner.circle.CircleFeatures;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.UnitCoverage;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.SnapProblem;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.scenario.Change;
import org.eldercare.planner.scenario.Scenario;
import org.eldercare.planner.scenario.ScenarioException;
import org.eldercare.planner.scenario.ScenarioFiles;
import org.eldercare.planner.scenario.ScenarioJson;
import org.eldercare.planner.scenario.ScenarioProblem;
import org.eldercare.planner.scenario.ScenarioResult;
import org.eldercare.planner.scenario.ScenarioWriter;

/**
 * {@code POST /api/what-if}: a what-if scenario against the baseline, run by geo-core's {@code scenario} package
 * through the {@link PlanningSession} (the same {@code ScenarioRun} as {@code planner scenario run}). Body:
 * <pre>{"name": "两处新站", "changes": [
 *   {"type": "add-facility", "kind": "day-care-centre", "lon": 117.21, "lat": 28.25, "name": "新日间照料中心"},
 *   {"type": "move-facility", "id": "F012", "lon": 117.22, "lat": 28.26},
 *   {"type": "close-facility", "id": "F031"},
 *   {"type": "resize-facility", "id": "F007", "beds": 120},
 *   {"type": "scale-elderly", "factor": 1.2, "unitCode": "360681101000"},
 *   {"type": "set-profile-value", "rule": "circle.serviceMinutes", "value": 10}, ...]}</pre>
 * Every change type of a scenario file is accepted, with the scenario file's keys ({@code ScenarioFiles});
 * {@code add-facility} may leave out {@code id} (then {@code what-if-N}) and {@code name} (then the kind's name and
 * （拟建）). The older short form {@code {"op": "add" | "move" | "close", ...}} is read as the matching type.
 * The scenario is stateless: the client sends every change each time ({@code []} is the baseline).
 *
 * <p>The answer: {@code scenario} (the scenario file's JSON, ready to save), {@code diff} (the {@code ScenarioDiff}
 * as {@code scenario run} writes it in diff.json), {@code units} (the scenario's coverage per unit in the schema of
 * {@code /api/coverage}), the circles of added and moved facilities, the changes with whether they reach the
 * network, the ids closed, the time taken. {@code POST /api/what-if/scenario} with the same body answers the
 * scenario file itself (JSON, as a download) for {@code planner scenario run}.
 *
 * @param session the server's session
 * @param geojson GeoJSON writer
 * @param base    the {@code base} written into saved scenario files (the served workspace's location)
 */
public record WhatIfEndpoints(PlanningSession session, GeoJsonOutput geojson, String base) implements Endpoints {
    /** At most this many changes per request. */
    public static final int MAX_CHANGES = 50;
    /** The body's fields; any other is a 400 naming it. */
    static final Set<String> FIELDS = Set.of("name", "changes");
    private static final Map<String, String> SHORT_OPS = Map.of("add", "add-facility", "move", "move-facility",
        "close", "close-facility");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.post("/api/what-if", this::whatIf);
        routes.post("/api/what-if/scenario", this::saveScenario);
    }

    /** The request as a scenario on the served data and the server's profile. */
    Scenario scenario(JsonNode body) {
        JsonNode arr = body.get("changes");
        if (arr == null || !arr.isArray()) {
            throw new BadParameterException("changes", arr == null ? null : arr.toString(),
                "an array of changes is required ([] for the baseline)");
        }
        if (arr.size() > MAX_CHANGES) {
            throw new BadParameterException("changes", "[" + arr.size() + " items]", "at most " + MAX_CHANGES
                + " changes per request, got " + arr.size());
        }
        ObjectNode doc = MAPPER.createObjectNode();
        String name = RequestBodies.optionalText(body, "name", "name");
        doc.put("name", name == null || name.isBlank() ? "what-if" : name.strip());
        doc.put("base", base);
        doc.put("profile", session.profile().id());
        ArrayNode changes = doc.putArray("changes");
        int added = 0;
        for (int i = 0; i < arr.size(); i++) {
            String at = "changes[" + i + "]";
            JsonNode c = arr.get(i);
            if (!c.isObject()) {
                throw new BadParameterException(at, c.toString(), "must be an object with type");
            }
            ObjectNode n = ((ObjectNode) c).deepCopy();
            if (n.has("op") && !n.has("type")) {
                String op = RequestBodies.text(c, "op", at + ".op");
                String type = SHORT_OPS.get(op);
                if (type == null) {
                    throw new BadParameterException(at + ".op", op, "unknown change '" + op + "', expected one of: "
                        + String.join(", ", SHORT_OPS.keySet().stream().sorted().toList()),
                        SHORT_OPS.keySet().stream().sorted().toList());
                }
                n.remove("op");
                n.put("type", type);
                if (!type.equals("add-facility")) {
                    n.remove(List.of("name", "kind"));
                }
            }
            if ("add-facility".equals(n.path("type").asText())) {
                added++;
                if (!n.hasNonNull("id")) {
                    n.put("id", "what-if-" + added);
                }
                if (!n.hasNonNull("name") || n.get("name").asText().isBlank()) {
                    n.put("name", defaultName(n.path("kind").asText(), at));
                }
            }
            changes.add(n);
        }
        try {
            return ScenarioFiles.parse("what-if request",
                MAPPER.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioException e) {
            throw asBadParameter(e);
        }
    }

    private static String defaultName(String kindText, String at) {
        try {
            return FacilityKind.parse(at + ".kind", kindText).nameZh() + "（拟建）";
        } catch (InvalidValueException e) {
            return kindText; // the scenario schema reports the kind, with the allowed ones
        }
    }

    /** A scenario's problems as one 400 naming the first problem's key; every problem is in the message. */
    private static BadParameterException asBadParameter(ScenarioException e) {
        List<ScenarioProblem> ps = e.scenarioProblems();
        String key = ps.isEmpty() ? "changes" : ps.get(0).key();
        List<String> lines = ps.stream().map(ScenarioProblem::toString).toList();
        return new BadParameterException(key, null, String.join("; ", lines));
    }

    private void saveScenario(Context ctx) {
        Scenario s = scenario(RequestBodies.object(ctx, FIELDS));
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"what-if.json\"");
        ctx.result(ScenarioWriter.toJsonText(s));
    }

    private void whatIf(Context ctx) {
        long t0 = System.nanoTime();
        Scenario s = scenario(RequestBodies.object(ctx, FIELDS));
        // the new and moved facilities' circles do not depend on the scenario's coverage: computed side by side
        List<Facility> placed = placed(s);
        CompletableFuture<ServiceAreaResult> circlesLater = placed.isEmpty()
            ? CompletableFuture.completedFuture(null) : CompletableFuture.supplyAsync(() -> session.circlesOf(placed));
        ScenarioResult r;
        try {
            r = session.apply(s);
        } catch (ScenarioException e) {
            circlesLater.cancel(false);
            throw asBadParameter(e);
        }
        PlanningData after = r.resolved().data();
        List<String> closed = new ArrayList<>();
        for (Change c : s.changes()) {
            if (c instanceof Change.CloseFacility cl) {
                closed.add(cl.id());
            }
        }
        ServiceAreaResult circles = circlesLater.join();
        Map<String, String> names = new LinkedHashMap<>();
        placed.forEach(f -> names.put(f.id(), f.name()));
        Set<String> unsnapped = circles == null ? Set.of()
            : Set.copyOf(circles.unsnapped().stream().map(SnapProblem::id).toList());
        List<Map<String, Object>> described = new ArrayList<>();
        for (int i = 0; i < s.changes().size(); i++) {
            Change c = s.changes().get(i);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", c.type());
            d.put("description", r.resolved().descriptions().get(i));
            String id = facilityId(c);
            if (id != null) {
                Facility f = after.findFacility(id).or(() -> session.data().findFacility(id)).orElseThrow();
                d.put("id", f.id());
                d.put("name", f.name());
                d.put("kind", f.kind().id());
                d.put("kindZh", f.kind().nameZh());
                d.put("lon", f.location().getX());
                d.put("lat", f.location().getY());
                d.put("onNetwork", !unsnapped.contains(f.id()));
            }
            described.add(d);
        }
        CoverageReport report = r.scenarioReport();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", ScenarioWriter.toJson(s));
        m.put("diff", ScenarioJson.diffJson(r.diff()));
        m.put("changes", described);
        m.put("closed", closed);
        m.put("serviceMinutes", report.serviceMinutes());
        m.put("bandsMinutes", report.bandsMinutes());
        m.put("circles", circlesCollection(circles, names));
        Map<String, Integer> gaps = report.gapsPerUnit();
        List<Map<String, Object>> units = new ArrayList<>();
        for (UnitCoverage u : report.units()) {
            units.add(CoverageLayers.unitCoverage(u, gaps.getOrDefault(u.code(), 0)));
        }
        m.put("units", units);
        m.put("gaps", Map.of("baseline", r.baselineReport().spatialGaps().size(), "scenario",
            report.spatialGaps().size()));
        m.put("millis", Math.round((System.nanoTime() - t0) / 1e5) / 10.0);
        ctx.json(m);
    }

    /**
     * The facilities an add or move puts on the map, as they will be after the change (an unknown id to move is left
     * out here: the scenario run reports it).
     */
    private List<Facility> placed(Scenario s) {
        List<Facility> out = new ArrayList<>();
        for (Change c : s.changes()) {
            if (c instanceof Change.AddFacility a) {
                out.add(Facility.of(a.id(), a.name(), a.kind(), Geometries.point(a.lon(), a.lat())));
            } else if (c instanceof Change.MoveFacility m) {
                session.data().findFacility(m.id())
                    .ifPresent(f -> out.add(f.withLocation(Geometries.point(m.lon(), m.lat()))));
            }
        }
        return out;
    }

    private static String facilityId(Change c) {
        if (c instanceof Change.AddFacility a) {
            return a.id();
        }
        if (c instanceof Change.MoveFacility mv) {
            return mv.id();
        }
        if (c instanceof Change.CloseFacility cl) {
            return cl.id();
        }
        return c instanceof Change.ResizeFacility rs ? rs.id() : null;
    }

    private JsonNode circlesCollection(ServiceAreaResult circles, Map<String, String> names) {
        List<byte[]> parts = new ArrayList<>();
        if (circles != null) {
            for (Feature f : CircleFeatures.toFeatures(circles, names::get)) {
                parts.add(geojson.feature(f, Map.of()));
            }
        }
        try {
            return MAPPER.readTree(geojson.featureCollectionOfEncoded(parts, Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

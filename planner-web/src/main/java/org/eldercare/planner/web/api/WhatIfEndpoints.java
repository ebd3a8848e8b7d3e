package org.eldercare.planner.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eldercare.planner.circle.ServiceArea;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.coverage.CoverageAnalysis;
import org.eldercare.planner.coverage.CoverageDelta;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.network.SnapProblem;
import org.eldercare.planner.planning.PlanningSession;

/**
 * {@code POST /api/what-if}: coverage with hypothetical changes to the facilities, against the baseline. Body:
 * <pre>{"changes": [
 *   {"op": "add",   "kind": "day-care-centre", "lon": 117.21, "lat": 28.25, "name": "新日间照料中心"},
 *   {"op": "move",  "id": "F012", "lon": 117.22, "lat": 28.26},
 *   {"op": "close", "id": "F031"}]}</pre>
 * The scenario is stateless: the client sends every change each time (an empty list is the baseline, so "reset" is
 * sending none). Changes are applied with geo-core's {@code CoverageAnalysis.withFacilityAdded/Removed}, which reuse
 * the network and its per-kind search cache, so only the changed kinds are searched again. The answer holds the
 * circles of the added and moved facilities, the ids closed, every unit's elderly within each band and its spatial
 * gaps before and after ({@code coverage.CoverageDelta}), the gaps in all and the time taken.
 */
public final class WhatIfEndpoints implements Endpoints {
    /** At most this many changes per request. */
    public static final int MAX_CHANGES = 50;
    private static final List<String> OPS = List.of("add", "move", "close");
    private final PlanningSession session;
    private final GeoJsonOutput geojson;
    private final ObjectMapper mapper = new ObjectMapper();

    public WhatIfEndpoints(PlanningSession session, GeoJsonOutput geojson) {
        this.session = session;
        this.geojson = geojson;
    }

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.post("/api/what-if", this::whatIf);
    }

    /** One parsed change: the facility it adds (add, move) and/or the id it removes (move, close). */
    record Change(String op, Facility added, String removed) {}

    List<Change> parse(JsonNode body) {
        JsonNode arr = body.get("changes");
        if (arr == null || !arr.isArray()) {
            throw new BadParameterException("changes", arr == null ? null : arr.toString(),
                "an array of changes is required ([] for the baseline)");
        }
        if (arr.size() > MAX_CHANGES) {
            throw new BadParameterException("changes", "[" + arr.size() + " items]", "at most " + MAX_CHANGES
                + " changes per request, got " + arr.size());
        }
        List<Change> out = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        int added = 0;
        for (int i = 0; i < arr.size(); i++) {
            String at = "changes[" + i + "]";
            JsonNode c = arr.get(i);
            if (!c.isObject()) {
                throw new BadParameterException(at, c.toString(), "must be an object with op");
            }
            String op = RequestBodies.text(c, "op", at + ".op");
            if (!OPS.contains(op)) {
                throw new BadParameterException(at + ".op", op, "unknown change '" + op + "', expected one of: "
                    + String.join(", ", OPS), OPS);
            }
            if (op.equals("add")) {
                String kindText = RequestBodies.text(c, "kind", at + ".kind");
                FacilityKind kind;
                try {
                    kind = FacilityKind.parse(at + ".kind", kindText);
                } catch (InvalidValueException e) {
                    throw new BadParameterException(at + ".kind", kindText, "unknown facility kind, expected one of: "
                        + String.join(", ", kindIds()), kindIds());
                }
                double lon = RequestBodies.number(c, "lon", at + ".lon", -180, 180);
                double lat = RequestBodies.number(c, "lat", at + ".lat", -90, 90);
                String name = RequestBodies.optionalText(c, "name", at + ".name");
                String id = "what-if-" + (++added);
                out.add(new Change(op, Facility.of(id, name == null || name.isBlank() ? kind.nameZh() + "（拟建）" : name,
                    kind, Geometries.point(lon, lat)), null));
                continue;
            }
            String id = RequestBodies.text(c, "id", at + ".id");
            Facility existing = session.data().findFacility(id).orElseThrow(() -> new BadParameterException(
                at + ".id", id, "no facility with id '" + id + "' in the loaded data"));
            if (!touched.add(id)) {
                throw new BadParameterException(at + ".id", id, "facility '" + id
                    + "' is changed twice; send one change per facility");
            }
            if (op.equals("close")) {
                out.add(new Change(op, null, id));
            } else {
                double lon = RequestBodies.number(c, "lon", at + ".lon", -180, 180);
                double lat = RequestBodies.number(c, "lat", at + ".lat", -90, 90);
                out.add(new Change(op, existing.withLocation(Geometries.point(lon, lat)), id));
            }
        }
        return out;
    }

    private static List<String> kindIds() {
        return java.util.Arrays.stream(FacilityKind.values()).map(FacilityKind::id).toList();
    }

    private void whatIf(Context ctx) {
        long t0 = System.nanoTime();
        List<Change> changes = parse(RequestBodies.object(ctx));
        CoverageAnalysis analysis = session.analysis(session.profile());
        CoverageReport baseline = session.report(session.profile());
        List<Facility> placed = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (Change c : changes) {
            if (c.removed() != null) {
                analysis = analysis.withFacilityRemoved(c.removed());
                if (c.added() == null) {
                    closed.add(c.removed());
                }
            }
        }
        for (Change c : changes) {
            if (c.added() != null) {
                analysis = analysis.withFacilityAdded(c.added());
                placed.add(c.added());
            }
        }
        // the new facilities' circles and the scenario's coverage are independent: computed side by side
        CompletableFuture<ServiceAreaResult> circlesLater = placed.isEmpty()
            ? CompletableFuture.completedFuture(session.circlesOf(List.of()))
            : CompletableFuture.supplyAsync(() -> session.circlesOf(placed));
        CoverageReport scenario = changes.isEmpty() ? baseline : analysis.compute();
        ServiceAreaResult circles = circlesLater.join();
        CoverageDelta delta = CoverageDelta.between(baseline, scenario);
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> described = new ArrayList<>();
        Set<String> unsnapped = new HashSet<>();
        circles.unsnapped().stream().map(SnapProblem::id).forEach(unsnapped::add);
        for (Change c : changes) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("op", c.op());
            Facility f = c.added() != null ? c.added() : session.data().findFacility(c.removed()).orElseThrow();
            d.put("id", f.id());
            d.put("name", f.name());
            d.put("kind", f.kind().id());
            d.put("kindZh", f.kind().nameZh());
            d.put("lon", f.location().getX());
            d.put("lat", f.location().getY());
            d.put("onNetwork", c.added() == null || !unsnapped.contains(f.id()));
            described.add(d);
        }
        m.put("changes", described);
        m.put("closed", closed);
        m.put("serviceMinutes", delta.serviceMinutes());
        m.put("bandsMinutes", delta.bandsMinutes());
        m.put("circles", circlesCollection(circles, placed));
        Map<String, Integer> gapsBefore = baseline.gapsPerUnit();
        Map<String, Integer> gapsAfter = scenario.gapsPerUnit();
        List<Map<String, Object>> units = new ArrayList<>();
        for (CoverageDelta.UnitDelta u : delta.units()) {
            Map<String, Object> um = new LinkedHashMap<>();
            um.put("code", u.code());
            um.put("name", u.name());
            um.put("level", BaseLayers.id(u.level()));
            um.put("parentCode", u.parentCode().orElse(null));
            um.put("elderly", CoverageLayers.num(u.elderly()));
            List<Map<String, Object>> bands = new ArrayList<>();
            for (int i = 0; i < delta.bandsMinutes().size(); i++) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("minutes", delta.bandsMinutes().get(i));
                b.put("baseline", u.baselineElderly().get(i));
                b.put("scenario", u.scenarioElderly().get(i));
                b.put("change", u.changeElderly(i));
                bands.add(b);
            }
            um.put("bands", bands);
            um.put("changed", u.changed());
            um.put("gaps", Map.of("baseline", gapsBefore.getOrDefault(u.code(), 0), "scenario",
                gapsAfter.getOrDefault(u.code(), 0)));
            units.add(um);
        }
        m.put("units", units);
        m.put("gaps", Map.of("baseline", baseline.spatialGaps().size(), "scenario", scenario.spatialGaps().size()));
        m.put("millis", Math.round((System.nanoTime() - t0) / 1e5) / 10.0);
        ctx.json(m);
    }

    private JsonNode circlesCollection(ServiceAreaResult circles, List<Facility> placed) {
        Map<String, String> names = new LinkedHashMap<>();
        placed.forEach(f -> names.put(f.id(), f.name()));
        List<byte[]> parts = new ArrayList<>();
        for (ServiceArea a : circles.areas()) {
            parts.add(geojson.feature(new Feature(a.id() + "@" + CoverageLayers.minutes(a.minutes()), a.area(),
                CoverageLayers.circle(a, names.getOrDefault(a.id(), a.id()))), Map.of()));
        }
        try {
            return mapper.readTree(geojson.featureCollectionOfEncoded(parts, Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

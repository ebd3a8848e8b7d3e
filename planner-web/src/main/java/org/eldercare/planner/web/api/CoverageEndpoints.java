package org.eldercare.planner.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eldercare.planner.coverage.CapacityMeasure;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.DataWarning;
import org.eldercare.planner.coverage.CoverageReportFiles;
import org.eldercare.planner.coverage.SpatialGap;
import org.eldercare.planner.coverage.UnitCoverage;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.CoverageRequirement;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.policy.Rule;

/**
 * {@code GET /api/coverage?profile=ID}: the coverage report of the loaded data under a policy profile (default: the
 * server's): parameters, finding totals, every unit's coverage per band, the spatial gaps, capacity per county and
 * the targets with their clauses. {@code POST /api/coverage} with {@code {"profile": ID}} does the same.
 * {@code GET /api/findings.csv?profile=ID}: the report's findings as CSV (RFC 4180, UTF-8), one row per finding with
 * its clause. Reports are computed once per profile by geo-core's {@code coverage.CoverageAnalysis} and kept.
 */
public final class CoverageEndpoints implements Endpoints {
    private static final List<String> BAND_RULES = List.of("circle.lifeCircle5.minutes",
        "circle.lifeCircle10.minutes", "circle.serviceMinutes");
    /** The parameters (query or body fields) of the coverage endpoints; any other is a 400 naming it. */
    private static final Set<String> FIELDS = Set.of("profile");
    private final PlanningSession session;
    private final Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();

    public CoverageEndpoints(PlanningSession session) {
        this.session = session;
    }

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.get("/api/coverage", ctx -> answer(ctx, profileParam(ctx)));
        routes.post("/api/coverage", ctx -> answer(ctx, RequestBodies.optionalText(RequestBodies.object(ctx,
            FIELDS), "profile", "profile")));
        routes.get("/api/findings.csv", this::findingsCsv);
    }

    private static String profileParam(Context ctx) {
        RequestBodies.refuseUnknown("query parameter", ctx.queryParamMap().keySet(), FIELDS);
        return ctx.queryParam("profile");
    }

    /** The profile named by the {@code profile} parameter: a built-in id or the server's own; null = the server's. */
    PolicyProfile profile(String id) {
        PolicyProfile p = ProfileTargets.resolve(session.profile(), id);
        if (p == session.profile()) {
            return p;
        }
        if (p.findRule("circle.serviceMinutes").isEmpty() || p.findRule("walk.elderlySpeedMps").isEmpty()) {
            throw new BadParameterException("profile", id, "profile '" + id + "' lacks circle.serviceMinutes or "
                + "walk.elderlySpeedMps, which coverage needs");
        }
        return p;
    }

    private void answer(Context ctx, String profileId) {
        PolicyProfile p = profile(profileId);
        ctx.json(answers.computeIfAbsent(p.id(), id -> describe(session.report(p), p)));
    }

    private void findingsCsv(Context ctx) {
        PolicyProfile p = profile(profileParam(ctx));
        CoverageReport r = session.report(p);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"findings-" + p.id() + ".csv\"");
        ctx.result(CoverageReportFiles.findingsCsv(r.findings()));
    }

    /** The report as JSON values. */
    static Map<String, Object> describe(CoverageReport r, PolicyProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataName", r.dataName());
        m.put("profile", Map.of("id", p.id(), "nameZh", p.nameZh(), "nameEn", p.nameEn()));
        m.put("walkSpeedMps", r.walkSpeedMps());
        m.put("serviceMinutes", r.serviceMinutes());
        m.put("bandsMinutes", r.bandsMinutes());
        m.put("totals", Map.of("total", r.totals().total(), "passed", r.totals().passed(), "failed",
            r.totals().failed(), "notApplicable", r.totals().notApplicable()));
        Map<String, Integer> gapsPerUnit = r.gapsPerUnit();
        List<Map<String, Object>> units = new ArrayList<>();
        for (UnitCoverage u : r.units()) {
            Map<String, Object> um = CoverageLayers.unitCoverage(u, gapsPerUnit.getOrDefault(u.code(), 0));
            um.put("tier", UnitEndpoints.tier(u.level()));
            units.add(um);
        }
        m.put("units", units);
        List<Map<String, Object>> gaps = new ArrayList<>();
        for (SpatialGap g : r.spatialGaps()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("id", "gap-" + g.rank());
            gm.put("rank", g.rank());
            gm.put("elderly", CoverageLayers.num(g.elderly()));
            gm.put("age80plus", CoverageLayers.num(g.age80plus()));
            gm.put("disabled", CoverageLayers.num(g.disabled()));
            gm.put("adminCodes", g.adminCodes());
            gaps.add(gm);
        }
        m.put("gaps", gaps);
        List<Map<String, Object>> capacity = new ArrayList<>();
        for (CapacityMeasure c : r.capacity()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("code", c.unitCode());
            cm.put("name", c.unitName());
            cm.put("elderly", CoverageLayers.num(c.elderly()));
            cm.put("institutions", c.institutions());
            cm.put("beds", c.beds());
            cm.put("nursingBeds", c.nursingBeds());
            cm.put("bedsPer1000Elderly", CoverageLayers.num(c.bedsPer1000Elderly()));
            cm.put("nursingShare", CoverageLayers.num(c.nursingShare()));
            capacity.add(cm);
        }
        m.put("capacity", capacity);
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (DataWarning w : r.warnings()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("code", w.code());
            wm.put("layer", w.layer());
            wm.put("field", w.field());
            wm.put("count", w.count());
            wm.put("ids", w.ids());
            wm.put("elderly", CoverageLayers.num(w.elderly()));
            wm.put("messageZh", w.messageZh());
            wm.put("messageEn", w.messageEn());
            warnings.add(wm);
        }
        m.put("warnings", warnings);
        m.put("targets", targets(p));
        return m;
    }

    /** The profile's targets shown beside the KPIs, each with its rule id, value, unit, clause and binding. */
    static Map<String, Object> targets(PolicyProfile p) {
        Map<String, Object> t = new LinkedHashMap<>();
        List<Map<String, Object>> bands = new ArrayList<>();
        for (String id : BAND_RULES) {
            p.findRule(id).ifPresent(rule -> bands.add(rule(rule)));
        }
        t.put("bands", bands);
        p.findRule("walk.elderlySpeedMps").ifPresent(r -> t.put("walkSpeed", rule(r)));
        p.findRule("beds.per1000Elderly").ifPresent(r -> t.put("bedsPer1000Elderly", rule(r)));
        p.findRule("beds.nursingShare").ifPresent(r -> t.put("nursingBedShare", rule(r)));
        List<Map<String, Object>> coverage = new ArrayList<>();
        for (CoverageRequirement req : p.coverageRequirements()) {
            Map<String, Object> c = rule(p.getRule(req.ruleId()));
            c.put("targetShare", req.targetShare());
            c.put("levels", req.adminLevels().stream().map(BaseLayers::id).sorted().toList());
            c.put("kinds", req.kinds().stream().map(FacilityKind::id).sorted().toList());
            c.put("urbanRural", req.urbanRural().map(BaseLayers::id).orElse(null));
            coverage.add(c);
        }
        t.put("coverageRules", coverage);
        return t;
    }

    /** A rule's value as the answers cite it: {@code rule}, {@code value}, {@code unit}, {@code source}, binding. */
    static Map<String, Object> ruleValue(Rule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", r.id());
        m.put("value", r.value());
        m.put("unit", r.unit());
        m.put("source", r.citation().toString());
        m.put("binding", r.binding().name());
        return m;
    }

    /** {@link #ruleValue} with the binding in Chinese and the rule's descriptions. */
    static Map<String, Object> rule(Rule r) {
        Map<String, Object> m = ruleValue(r);
        m.put("bindingZh", r.binding().nameZh());
        m.put("descriptionZh", r.descriptionZh());
        m.put("descriptionEn", r.descriptionEn());
        return m;
    }
}

package org.eldercare.planner.siting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.SnapProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * A {@link RegionalSitingResult} as WGS84 features for a map or a GeoJSON file (write them with
 * {@code io.GeoJsonWriter} or {@code io.LayerFiles}). Every feature has a {@code role} property:
 * <ul>
 *   <li>{@code summary} (no geometry): model, status, objective, bound, gap, solver, proofStage, coverage, the
 *       applied rules with citations and whether each was binding, notes;</li>
 *   <li>{@code site} (point): a chosen site with beds, nearest medical facility, demand served;</li>
 *   <li>{@code assignment} (line demand point → site): minutes, elderly, within the service minutes, fallback;</li>
 *   <li>{@code excluded} (point): a candidate kept out, with every rule id, citation and reason;</li>
 *   <li>{@code unserved} (point): a demand point no eligible candidate reaches, and {@code unsnapped}: a demand point
 *       off the network (reported, not dropped).</li>
 * </ul>
 * Stateless; one static call.
 */
public final class RegionalSitingFeatures {
    private RegionalSitingFeatures() {}

    /**
     * @param result the proposal
     * @param data   the planning data it was computed from (for demand and candidate locations)
     */
    public static List<Feature> toFeatures(RegionalSitingResult result, PlanningData data) {
        Map<String, DemandPoint> demand = new HashMap<>();
        for (DemandPoint d : data.demandPoints()) {
            demand.put(d.id(), d);
        }
        Map<String, Facility> facilities = new HashMap<>();
        for (Facility f : data.facilities()) {
            facilities.put(f.id(), f);
        }
        Map<String, Point> siteAt = new HashMap<>();
        for (ProposedSite s : result.sites()) {
            siteAt.put(s.siteId(), s.location());
        }
        List<Feature> out = new ArrayList<>();
        out.add(new Feature("summary", null, summary(result)));
        for (ProposedSite s : result.sites()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("role", "site");
            p.put("siteId", s.siteId());
            p.put("name", s.name());
            p.put("beds", s.beds());
            s.nearestMedicalId().ifPresent(id -> p.put("nearestMedicalId", id));
            if (!Double.isNaN(s.medicalDistanceMeters())) {
                p.put("medicalDistanceMeters", round(s.medicalDistanceMeters(), 1));
            }
            p.put("demandPoints", s.demandPoints());
            p.put("elderlyAssigned", round(s.elderlyAssigned(), 1));
            p.put("elderlyWithinMinutes", round(s.elderlyWithinMinutes(), 1));
            p.put("maxMinutes", round(s.maxMinutes(), 2));
            out.add(new Feature("site-" + s.siteId(), s.location(), p));
        }
        var fallback = new java.util.HashSet<>(result.fallbackDemandIds());
        for (Assignment a : result.siting().assignments()) {
            DemandPoint d = demand.get(a.demandId());
            if (a.siteId().isEmpty() || d == null) {
                continue;
            }
            Point site = siteAt.get(a.siteId().get());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("role", "assignment");
            p.put("demandId", a.demandId());
            p.put("siteId", a.siteId().get());
            p.put("minutes", round(a.cost(), 2));
            p.put("elderly", round(a.weight(), 1));
            p.put("withinMinutes", a.cost() <= result.minutes());
            p.put("fallback", fallback.contains(a.demandId()));
            out.add(new Feature("assignment-" + a.demandId(), Geometries.WGS84.createLineString(new Coordinate[] {
                d.location().getCoordinate(), site.getCoordinate()}), p));
        }
        Map<String, List<ExcludedCandidate>> bySite = new LinkedHashMap<>();
        for (ExcludedCandidate e : result.excluded()) {
            bySite.computeIfAbsent(e.siteId(), k -> new ArrayList<>()).add(e);
        }
        for (var e : bySite.entrySet()) {
            Facility f = facilities.get(e.getKey());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("role", "excluded");
            p.put("siteId", e.getKey());
            p.put("name", e.getValue().get(0).name());
            p.put("ruleIds", e.getValue().stream().map(ExcludedCandidate::ruleId).toList());
            p.put("citations", e.getValue().stream().map(x -> x.citation().toString()).toList());
            p.put("reasons", e.getValue().stream().map(ExcludedCandidate::reason).toList());
            out.add(new Feature("excluded-" + e.getKey(), f == null ? null : f.location(), p));
        }
        for (String id : result.unservedDemandIds()) {
            DemandPoint d = demand.get(id);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("role", "unserved");
            p.put("demandId", id);
            p.put("elderly", d == null ? 0 : round(d.elderly(), 1));
            out.add(new Feature("unserved-" + id, d == null ? null : d.location(), p));
        }
        for (SnapProblem sp : result.unsnappedDemand()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("role", "unsnapped");
            p.put("demandId", sp.id());
            p.put("message", sp.message());
            out.add(new Feature("unsnapped-" + sp.id(), Geometries.point(sp.lon(), sp.lat()), p));
        }
        return out;
    }

    /** The summary feature's properties (also useful as a JSON answer). */
    public static Map<String, Object> summary(RegionalSitingResult r) {
        SitingResult s = r.siting();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("role", "summary");
        p.put("countyCode", r.countyCode());
        p.put("profile", r.profileId());
        p.put("model", r.model().id());
        p.put("travelMode", r.travelMode());
        p.put("minutes", r.minutes());
        p.put("status", s.status().name());
        p.put("sites", s.chosenSiteIds());
        putNumber(p, "objective", s.objective());
        putNumber(p, "bestBound", s.bestBound());
        putNumber(p, "gap", s.gap());
        p.put("solver", s.solver());
        p.put("proofStage", s.proofStage().name());
        p.put("seconds", round(s.seconds(), 3));
        p.put("totalElderly", round(r.totalElderly(), 1));
        p.put("elderlyWithinMinutes", round(r.elderlyWithinMinutes(), 1));
        p.put("coveredShare", round(r.coveredShare(), 4));
        p.put("unsnappedDemand", r.unsnappedDemand().size());
        p.put("unsnappedCandidates", r.unsnappedCandidates().stream().map(SnapProblem::id).toList());
        p.put("fallbackDemand", r.fallbackDemandIds().size());
        p.put("unservedDemand", r.unservedDemandIds().size());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleConstraint c : r.constraints()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", c.ruleId());
            m.put("value", c.value());
            m.put("unit", c.unit());
            m.put("citation", c.citation().toString());
            m.put("assumption", c.assumption());
            m.put("binding", c.binding());
            m.put("explanation", c.explanation());
            rules.add(m);
        }
        p.put("rules", rules);
        p.put("modelBinding", s.bindingConstraints());
        p.put("notes", r.notes());
        return p;
    }

    private static void putNumber(Map<String, Object> p, String key, double v) {
        if (Double.isFinite(v)) {
            p.put(key, round(v, 4));
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}

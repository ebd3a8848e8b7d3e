package org.eldercare.planner.web.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eldercare.planner.circle.CircleFeatures;
import org.eldercare.planner.circle.ServiceArea;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.coverage.BandCoverage;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.GapFeatures;
import org.eldercare.planner.coverage.SpatialGap;
import org.eldercare.planner.coverage.UnitCoverage;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;
import org.locationtech.jts.geom.Geometry;

/**
 * The coverage analysis layers, all from geo-core results computed once by {@link PlanningSession}: service circles per
 * facility and dissolved per kind ({@code circle.ServiceAreaCalculator}), coverage per community/village and per
 * township/street, spatial gaps and the findings ({@code coverage.CoverageAnalysis}).
 */
public final class CoverageLayers {
    private CoverageLayers() {}

    /** Service circles per facility and band; filters {@code kind} and {@code minutes}. */
    public static MapLayer<?> circles(ServiceAreaResult result, PlanningData data) {
        Map<String, String> names = new HashMap<>();
        data.facilities().forEach(f -> names.put(f.id(), f.name()));
        return circleLayer("circles", "服务圈（按设施）", "Service circles (per facility)", result,
            names::get);
    }

    /** Service circles dissolved per facility kind and band; filters {@code kind} and {@code minutes}. */
    public static MapLayer<?> circlesByKind(ServiceAreaResult result) {
        return circleLayer("circles-by-kind", "服务圈（按类型合并）", "Service circles (dissolved per kind)", result,
            id -> null);
    }

    private static MapLayer<?> circleLayer(String id, String zh, String en, ServiceAreaResult result,
            java.util.function.Function<String, String> facilityNames) {
        List<String> minutes = result.areas().stream().map(a -> minutes(a.minutes())).distinct().toList();
        return MapLayer.of(id, zh, en, MapLayer.Group.ANALYSIS, "Polygon", result.areas(),
                CircleFeatures::featureId, ServiceArea::area,
                a -> CircleFeatures.properties(a, result, CircleFeatures.name(a, result.mode(), facilityNames)))
            .withFilter("kind", Arrays.stream(FacilityKind.values()).map(FacilityKind::id).toList(),
                a -> a.kind().id())
            .withFilter("minutes", minutes, a -> minutes(a.minutes()));
    }

    /** A band limit as text: {@code 15} rather than {@code 15.0}. */
    public static String minutes(double m) {
        return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }

    /** A unit and its coverage. */
    record UnitRow(AdminUnit unit, UnitCoverage coverage, int gaps) {}

    /** Coverage per community/village ({@code communities}) or per township/street, styled by covered share. */
    public static MapLayer<?> units(String id, String zh, String en, CoverageReport report, PlanningData data,
            Predicate<AdminLevel> level) {
        Map<String, Integer> gaps = report.gapsPerUnit();
        List<UnitRow> rows = new ArrayList<>();
        for (AdminUnit u : data.adminUnits()) {
            if (level.test(u.level())) {
                report.findUnit(u.code()).ifPresent(c -> rows.add(new UnitRow(u, c, gaps.getOrDefault(u.code(), 0))));
            }
        }
        return MapLayer.of(id, zh, en, MapLayer.Group.ANALYSIS, "Polygon", rows, r -> r.unit().code(),
            r -> r.unit().boundary(), r -> unitCoverage(r.coverage(), r.gaps()));
    }

    /** The coverage measures of a unit as JSON values: bands with elderly and share, not covered, lacking rules. */
    public static Map<String, Object> unitCoverage(UnitCoverage c, int gaps) {
        Map<String, Object> p = BaseLayers.unitNames(c.code(), c.name(), c.level());
        p.put("parentCode", c.parentCode().orElse(null));
        p.put("demandPoints", c.demandPoints());
        p.put("elderly", num(c.elderly()));
        p.put("age80plus", num(c.age80plus()));
        p.put("disabled", num(c.disabled()));
        List<Map<String, Object>> bands = new ArrayList<>();
        for (BandCoverage b : c.bands()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("minutes", b.minutes());
            bm.put("elderly", num(b.elderly()));
            bm.put("share", c.elderly() > 0 ? num(b.elderly() / c.elderly()) : null);
            bands.add(bm);
        }
        p.put("bands", bands);
        p.put("serviceMinutes", c.serviceMinutes());
        p.put("coveredShare", num(c.coveredShare()));
        p.put("elderlyCovered", num(c.elderlyCovered()));
        p.put("elderlyNotCovered", num(c.elderlyNotCovered()));
        p.put("coveredShareAge80plus", num(c.coveredShareAge80plus()));
        p.put("coveredShareDisabled", num(c.coveredShareDisabled()));
        p.put("elderlyUnsnapped", num(c.elderlyUnsnapped()));
        p.put("gaps", gaps);
        p.put("kindsPresent", c.kindsPresent().stream().map(FacilityKind::id).sorted().toList());
        p.put("lackingRules", c.lackingRuleIds());
        return p;
    }

    /** Spatial gaps ranked by uncovered elderly, with the names of the units they touch. */
    public static MapLayer<?> gaps(CoverageReport report, PlanningData data) {
        Map<String, AdminUnit> units = data.adminUnitsByCode();
        return MapLayer.of("gaps", "服务空白区（未覆盖老年人）", "Spatial gaps (uncovered elderly)", MapLayer.Group.ANALYSIS,
            "Polygon", report.spatialGaps(), GapFeatures::featureId, SpatialGap::polygon,
            g -> GapFeatures.properties(g, report, units));
    }

    /** A finding placed at the first feature it names that has a geometry. */
    record FindingRow(int index, Finding finding, Geometry geometry) {}

    /**
     * The findings of the report, each drawn on the first feature it names that has a geometry (a unit's boundary, a
     * facility or demand point); findings naming no such feature are counted as without geometry. Filter
     * {@code status}.
     */
    public static MapLayer<?> findings(CoverageReport report, PlanningData data) {
        Map<String, Geometry> where = new HashMap<>();
        data.demandPoints().forEach(d -> where.put(d.id(), d.location()));
        data.adminUnits().forEach(u -> where.put(u.code(), u.boundary()));
        data.facilities().forEach(f -> where.put(f.id(), f.location()));
        List<FindingRow> rows = new ArrayList<>();
        List<Finding> fs = report.findings();
        for (int i = 0; i < fs.size(); i++) {
            Geometry g = fs.get(i).featureIds().stream().map(where::get).filter(x -> x != null).findFirst()
                .orElse(null);
            rows.add(new FindingRow(i + 1, fs.get(i), g));
        }
        return MapLayer.of("findings", "规则检查结论", "Findings", MapLayer.Group.ANALYSIS, "Geometry", rows,
                r -> "finding-" + r.index(), FindingRow::geometry, r -> finding(r.finding()))
            .withFilter("status", Arrays.stream(FindingStatus.values()).map(BaseLayers::id).toList(),
                r -> BaseLayers.id(r.finding().status()));
    }

    /** A finding as JSON values: rule, status, measured, target, unit, binding, clause, messages, features. */
    public static Map<String, Object> finding(Finding f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rule", f.ruleId());
        p.put("status", BaseLayers.id(f.status()));
        p.put("measured", num(f.measured()));
        p.put("target", num(f.target()));
        p.put("unit", f.unit());
        p.put("binding", f.binding().name());
        p.put("bindingZh", f.binding().nameZh());
        p.put("source", f.citation().toString());
        p.put("messageZh", f.messageZh());
        p.put("messageEn", f.messageEn());
        p.put("featureIds", f.featureIds());
        return p;
    }

    /** A number for JSON: null for NaN and infinities (which JSON cannot hold). */
    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

}

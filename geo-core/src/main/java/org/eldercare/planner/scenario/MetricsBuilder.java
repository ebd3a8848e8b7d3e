package org.eldercare.planner.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.SpatialGap;
import org.eldercare.planner.coverage.UnitCoverage;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.AdminUnitIndex;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictVerdict;
import org.locationtech.jts.geom.Point;

/**
 * Turns a coverage report and district verdicts into {@link ScenarioMetrics}. Institution membership follows
 * {@code CoverageAnalysis}: the unit of the facility's admin code when that is a unit of the data, else the deepest
 * unit whose boundary covers its location; beds count in that unit and all its ancestors.
 */
final class MetricsBuilder {
    private MetricsBuilder() {}

    static ScenarioMetrics build(String label, PlanningData data, CoverageReport report, DistrictCheckResult districts) {
        Map<String, AdminUnit> byCode = new LinkedHashMap<>();
        data.adminUnits().forEach(u -> byCode.put(u.code(), u));
        Map<String, long[]> beds = new HashMap<>(); // institutions, beds, nursing beds
        AdminUnitIndex[] units = new AdminUnitIndex[1]; // built when an institution has no usable admin code
        for (Facility f : data.facilities()) {
            if (!f.kind().isInstitution()) {
                continue;
            }
            Optional<String> unit = f.adminCode().filter(byCode::containsKey)
                .or(() -> {
                    if (units[0] == null) {
                        units[0] = new AdminUnitIndex(data.adminUnits());
                    }
                    return units[0].locate(f.location()).map(AdminUnit::code);
                });
            Optional<String> c = unit;
            while (c.isPresent() && byCode.containsKey(c.get())) {
                long[] b = beds.computeIfAbsent(c.get(), k -> new long[3]);
                b[0]++;
                b[1] += f.beds();
                b[2] += f.nursingBeds();
                c = byCode.get(c.get()).parentCode();
            }
        }
        List<UnitMetrics> um = new ArrayList<>();
        for (UnitCoverage u : report.units()) {
            long[] b = beds.getOrDefault(u.code(), new long[3]);
            AdminUnit au = byCode.get(u.code());
            double elderlyBase = au != null && au.elderly60().isPresent() ? au.elderly60().getAsLong() : u.elderly();
            um.add(new UnitMetrics(u.code(), u.name(), u.level(), u.parentCode(), u.elderly(), u.elderlyCovered(),
                u.coveredShare(), (int) b[0], b[1], b[2], elderlyBase > 0 ? b[1] * 1000.0 / elderlyBase : Double.NaN));
        }
        List<GapMetrics> gaps = new ArrayList<>();
        for (SpatialGap g : report.spatialGaps()) {
            Point c = g.polygon().getCentroid();
            gaps.add(new GapMetrics(g.rank(), g.elderly(), g.demandPointIds().size(), c.getX(), c.getY(),
                g.adminCodes()));
        }
        List<FindingRef> findings = new ArrayList<>();
        report.findings().forEach(f -> findings.add(FindingRef.of(f)));
        districts.listFindings().forEach(f -> findings.add(FindingRef.of(f)));
        List<DistrictMetrics> dm = new ArrayList<>();
        for (DistrictVerdict v : districts.verdicts()) {
            dm.add(new DistrictMetrics(v.districtId(), v.status().name(), v.households(), v.requiredM2(),
                v.providedM2(), v.shortfallM2()));
        }
        return new ScenarioMetrics(label, report.profileId(), report.walkSpeedMps(), report.serviceMinutes(), um, gaps,
            findings, dm);
    }
}

package org.eldercare.planner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eldercare.planner.coverage.CoverageAnalysis;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.UnitCoverage;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.AdminUnitIndex;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictVerdict;
import org.eldercare.planner.zoning.VerdictStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The Spark jobs on the generated 10-county province (local[2]) against geo-core called directly in a plain loop,
 * county by county: every per-unit coverage value, every finding, every district verdict and every demand
 * assignment must be equal, read back from the written GeoParquet.
 */
class SparkJobsMatchGeoCoreTest {
    private static SparkSession spark;
    private static List<CountyRef> counties;
    private static final Map<String, PlanningData> DATA = new TreeMap<>();

    @BeforeAll
    static void start() {
        counties = CountyRef.listDirectory(TenCounties.dir());
        for (CountyRef c : counties) {
            DATA.put(c.code(), TenCounties.read(c));
        }
        spark = SparkSessions.open("local[2]", 2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Map<String, List<Row>> byCounty(Path parquet) {
        Map<String, List<Row>> m = new TreeMap<>();
        for (Row r : spark.read().format("geoparquet").load(parquet.toString()).collectAsList()) {
            m.computeIfAbsent(r.getAs("county_code"), k -> new ArrayList<>()).add(r);
        }
        m.values().forEach(l -> l.sort(Comparator.comparingInt(r -> r.<Integer>getAs("seq"))));
        return m;
    }

    @Test
    void coverageUnitsFindingsAndSummariesEqualGeoCoreCountyByCounty() {
        Path out = Path.of("target/spark-test/coverage");
        PolicyProfile profile = PolicyProfiles.get("national");
        CountyJob.Result result = CoverageJob.run(spark, counties, "national", 300, out);
        assertEquals(0, result.failedCount(), result.failureLine());
        Map<String, List<Row>> units = byCounty(out.resolve("coverage_units.parquet"));
        Map<String, List<Row>> findings = byCounty(out.resolve("findings.parquet"));
        Map<String, Row> summary = new HashMap<>();
        spark.read().format("geoparquet").load(out.resolve("county_summary.parquet").toString()).collectAsList()
            .forEach(r -> summary.put(r.getAs("county_code"), r));
        assertEquals(10, units.size());
        double coveredSomewhere = 0;
        int fails = 0;
        for (Map.Entry<String, PlanningData> e : DATA.entrySet()) {
            String county = e.getKey();
            CoverageReport r = CoverageAnalysis.analyse(e.getValue(), profile);   // the single-JVM result
            List<Row> us = units.get(county);
            assertEquals(r.units().size(), us.size(), county);
            for (int i = 0; i < us.size(); i++) {
                UnitCoverage u = r.units().get(i);
                Row row = us.get(i);
                String where = county + " unit " + u.code();
                assertEquals(u.code(), row.getAs("code"), where);
                assertEquals(u.name(), row.getAs("name"), where);
                assertEquals(u.level().name(), row.getAs("level"), where);
                assertEquals(u.parentCode().orElse(null), row.getAs("parent_code"), where);
                assertEquals(u.demandPoints(), (int) row.getAs("demand_points"), where);
                assertEquals(u.elderly(), (double) row.getAs("elderly"), where);
                assertEquals(u.elderlyCovered(), (double) row.getAs("elderly_covered"), where);
                assertEquals(u.coveredShare(), (double) row.getAs("covered_share"), where);
                assertEquals(u.elderlyNotCovered(), (double) row.getAs("elderly_not_covered"), where);
                assertEquals(u.elderlyUnsnapped(), (double) row.getAs("elderly_unsnapped"), where);
                assertEquals(String.join(";", u.lackingRuleIds()), row.getAs("lacking_rule_ids"), where);
                String[] bands = ((String) row.getAs("bands")).split(";");
                assertEquals(u.bands().size(), bands.length, where);
                for (int b = 0; b < bands.length; b++) {
                    assertEquals(u.bands().get(b).elderly(), Double.parseDouble(bands[b].split("=")[1]), where);
                }
                coveredSomewhere += u.elderlyCovered();
            }
            List<Row> fs = findings.get(county);
            assertEquals(r.findings().size(), fs.size(), county);
            for (int i = 0; i < fs.size(); i++) {
                Finding f = r.findings().get(i);
                Row row = fs.get(i);
                String where = county + " finding " + i + " " + f.ruleId();
                assertEquals(f.ruleId(), row.getAs("rule_id"), where);
                assertEquals(f.status().name(), row.getAs("status"), where);
                assertEquals(f.measured(), (double) row.getAs("measured"), where);
                assertEquals(f.target(), (double) row.getAs("target"), where);
                assertEquals(f.citation().document(), row.getAs("document"), where);
                assertEquals(f.citation().clause(), row.getAs("clause"), where);
                assertEquals(String.join(";", f.featureIds()), row.getAs("feature_ids"), where);
                assertEquals(f.messageEn(), row.getAs("message_en"), where);
                fails += f.status() == FindingStatus.FAIL ? 1 : 0;
            }
            Row s = summary.get(county);
            AdminUnit top = e.getValue().listAdminUnits(org.eldercare.planner.model.AdminLevel.COUNTY).get(0);
            assertEquals((double) top.elderly60().getAsLong(), (double) s.getAs("elderly"), county);
            assertEquals(r.totals().failed(), (int) s.getAs("failed"), county);
            assertEquals(r.totals().passed(), (int) s.getAs("passed"), county);
        }
        // not a vacuous comparison: people are covered and rules fail
        assertTrue(coveredSomewhere > 10_000, "covered " + coveredSomewhere);
        assertTrue(fails >= 10, "fails " + fails);   // the national bed ratio fails in every county
        Row province = spark.read().parquet(out.resolve("province_summary.parquet").toString()).first();
        assertEquals("90", province.getAs("province_code"));
        assertEquals(10L, (long) province.getAs("counties"));
        double elderly = DATA.values().stream().mapToDouble(d -> d.listAdminUnits(
            org.eldercare.planner.model.AdminLevel.COUNTY).get(0).elderly60().getAsLong()).sum();
        assertEquals(elderly, (double) province.getAs("elderly"));
    }

    @Test
    void districtVerdictsEqualGeoCoreWithPoolingWithinEachCounty() {
        Path out = Path.of("target/spark-test/districts");
        PolicyProfile profile = PolicyProfiles.get("wengan-2023");
        CountyJob.Result result = DistrictsJob.run(spark, counties, "wengan-2023", out);
        assertEquals(0, result.failedCount(), result.failureLine());
        Map<String, List<Row>> verdicts = byCounty(out.resolve("district_verdicts.parquet"));
        int pooled = 0;
        for (Map.Entry<String, PlanningData> e : DATA.entrySet()) {
            DistrictCheckResult r = DistrictCheck.check(e.getValue().districts(), profile);
            List<Row> vs = verdicts.get(e.getKey());
            assertEquals(15, vs.size());
            assertEquals(r.verdicts().size(), vs.size());
            for (int i = 0; i < vs.size(); i++) {
                DistrictVerdict v = r.verdicts().get(i);
                Row row = vs.get(i);
                String where = e.getKey() + " " + v.districtId();
                assertEquals(v.districtId(), row.getAs("district_id"), where);
                assertEquals(v.status().name(), row.getAs("status"), where);
                assertEquals(v.requiredM2(), (double) row.getAs("required_m2"), where);
                assertEquals(v.providedM2(), (double) row.getAs("provided_m2"), where);
                assertEquals(v.shortfallM2(), (double) row.getAs("shortfall_m2"), where);
                assertEquals(String.join(";", v.pooledWith()), row.getAs("pooled_with"), where);
                assertEquals(v.households(), (int) row.getAs("households"), where);
                assertEquals(v.reasonEn(), row.getAs("reason_en"), where);
                for (String other : v.pooledWith()) {
                    assertTrue(other.startsWith("c" + e.getKey() + "-"), "pooled across counties: " + where);
                }
                pooled += v.status() == VerdictStatus.PASS_POOLED ? 1 : 0;
            }
        }
        assertTrue(pooled > 0, "no district passed pooled; the pooling comparison would be vacuous");
    }

    @Test
    void assignDemandEqualsAdminUnitIndexIncludingBordersAndPointsInNoUnit() {
        Path out = Path.of("target/spark-test/assign");
        var points = AssignDemandJob.gridPoints(spark, counties, 0.015, 3, 7L).cache();
        AssignDemandJob.Totals t = AssignDemandJob.run(spark, counties, points, out);
        // the single-JVM side: one AdminUnitIndex over every county's units in --in order
        List<AdminUnit> all = new ArrayList<>();
        DATA.values().forEach(d -> all.addAll(d.adminUnits()));
        AdminUnitIndex index = new AdminUnitIndex(all);
        GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
        Map<String, long[]> expected = new TreeMap<>();
        Map<String, Double> expectedElderly = new TreeMap<>();
        long none = 0;
        double noneElderly = 0;
        long borders = 0;
        List<Row> ps = points.collectAsList();
        for (Row p : ps) {
            var pt = gf.createPoint(new Coordinate(p.getDouble(1), p.getDouble(2)));
            Optional<AdminUnit> u = index.locate(pt);
            if (u.isEmpty()) {
                none++;
                noneElderly += p.getDouble(3);
            } else {
                expected.computeIfAbsent(u.get().code(), k -> new long[1])[0]++;
                expectedElderly.merge(u.get().code(), p.getDouble(3), Double::sum);
                if (index.intersecting(pt, u.get().level().tier()).size() > 1) {   // units of the level it went to
                    borders++;
                }
            }
        }
        assertTrue(none > 100, "points in no unit: " + none);
        assertTrue(borders > 100, "points on shared borders: " + borders);
        assertEquals(ps.size(), t.points());
        assertEquals(none, t.unassigned());
        assertEquals(noneElderly, t.elderlyUnassigned());
        assertEquals(borders, t.onSharedBorder());
        assertEquals(ps.size() - none, t.assigned());
        Map<String, long[]> actual = new TreeMap<>();
        Map<String, Double> actualElderly = new TreeMap<>();
        for (Row r : spark.read().format("geoparquet").load(out.resolve("demand_by_unit.parquet").toString())
                .collectAsList()) {
            actual.put(r.getAs("code"), new long[] {r.<Long>getAs("points")});
            actualElderly.put(r.getAs("code"), r.getAs("elderly"));
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((code, n) -> assertEquals(n[0], actual.get(code)[0], code));
        assertEquals(expectedElderly, actualElderly);
        assertEquals(none, spark.read().format("geoparquet").load(out.resolve("unassigned_points.parquet").toString())
            .count());
        assertEquals(expected.keySet().stream().filter(c -> c.startsWith("900003")).collect(Collectors.toSet()).size(),
            actual.keySet().stream().filter(c -> c.startsWith("900003")).count());
        points.unpersist();
    }
}

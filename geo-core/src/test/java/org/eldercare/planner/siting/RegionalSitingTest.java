package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.GraphBuilder;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.TravelProfile;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.policy.Rule;
import org.junit.jupiter.api.Test;

/**
 * Regional siting on a hand-built county. Road (two-way, explicit drive times), all at latitude 28.0:
 * <pre>
 *   A(117.00) --5 min-- B(117.01) --5 min-- C(117.02) --10 min-- D(117.03) --5 min-- E(117.04)
 *   d1 = 100 elderly      h1 (eligible)     d2 = 50              h2 (eligible)       d3 = 200
 *   h5 (occupancy 40 %)                     h3 (60 beds, 10 res)                     h4 (medical 776 m away)
 *
 *   d4 = 30 elderly at (117.03, 28.2): 22 km north of D, no road within 300 m (unsnapped)
 * </pre>
 * Rules (Weng'an 2023 + Changzhi 2019): ≥ 80 beds, medical ≤ 500 m, close < 20 residents, merge occupancy < 50 %,
 * 1–3 per county, 15-minute circle. Eligible: h1 at B and h2 at D only. Minutes (network, demand → site):
 * <pre>
 *          h1 (B)   h2 (D)
 *   d1 (A)   5        20      (5 + 5 + 10)
 *   d2 (C)   5        10
 *   d3 (E)  20         5      (5 + 10 + 5)
 * </pre>
 */
class RegionalSitingTest {
    static final String COUNTY = "360681";
    static final double LAT = 28.0;

    static PolicyProfile profile() {
        Map<String, Rule> rules = new LinkedHashMap<>(PolicyProfiles.get("wengan-2023").rules());
        PolicyProfile cz = PolicyProfiles.get("changzhi-2019");
        for (String id : List.of("regional.perCounty.min", "regional.perCounty.max", "regional.closure.minResidents")) {
            rules.put(id, cz.getRule(id));
        }
        return new PolicyProfile("test-regional", "测试", "test", "test county", "2023", Optional.empty(), "test",
            rules);
    }

    static RoadGraph road() {
        GraphBuilder b = new GraphBuilder(TravelProfile.drive());
        double[] lons = {117.00, 117.01, 117.02, 117.03, 117.04};
        for (int k = 0; k < lons.length; k++) {
            b.addNode(lons[k], LAT, k);
        }
        double[] seconds = {300, 300, 600, 300};
        for (int k = 0; k < 4; k++) {
            b.addEdge(k, k, k + 1, 980, seconds[k], seconds[k], new double[0]);
        }
        return b.build();
    }

    static Facility home(String id, double lon, int beds, int residents) {
        return Facility.of(id, "home " + id, FacilityKind.TOWNSHIP_NURSING_HOME, Geometries.point(lon, LAT))
            .withBeds(beds, 0).withResidents(residents).withAdminCode("360681100000");
    }

    static MedicalFacility clinic(String id, double lon, double lat) {
        return new MedicalFacility(id, "clinic " + id, MedicalKind.TOWNSHIP_HEALTH_CENTRE, Geometries.point(lon, lat),
            false);
    }

    static DemandPoint demand(String id, double lon, double lat, double elderly) {
        return new DemandPoint(id, Geometries.point(lon, lat), elderly, 0, 0, 0, "360681100201", false);
    }

    static PlanningData data() {
        List<Facility> fac = List.of(
            home("h1", 117.01, 120, 100),
            home("h2", 117.03, 100, 80),
            home("h3", 117.02, 60, 10),
            home("h4", 117.04, 150, 120),
            home("h5", 117.00, 100, 40),
            // not an institution: never a candidate
            Facility.of("day", "day care", FacilityKind.DAY_CARE_CENTRE, Geometries.point(117.00, LAT))
                .withAdminCode("360681100000"),
            // another county: never a candidate
            home("other", 117.01, 300, 250).withAdminCode("360602100000"));
        List<MedicalFacility> med = List.of(
            clinic("m1", 117.01, LAT + 0.001),   // 111 m north of B
            clinic("m2", 117.03, LAT - 0.0015),  // 166 m south of D
            clinic("m3", 117.04, LAT + 0.007),  // 776 m north of E: the nearest to h4 (m2 is ≈ 997 m away)
            clinic("m4", 117.00, LAT + 0.001),  // next to A (h5)
            clinic("m5", 117.02, LAT + 0.001)); // next to C (h3)
        List<DemandPoint> dem = List.of(
            demand("d1", 117.00, LAT, 100),
            demand("d2", 117.02, LAT, 50),
            demand("d3", 117.04, LAT, 200),
            demand("d4", 117.03, 28.2, 30),
            new DemandPoint("elsewhere", Geometries.point(117.02, LAT), 999, 0, 0, 0, "360602100201", false));
        return PlanningData.empty("hand").withFacilities(fac).withMedicalFacilities(med).withDemandPoints(dem);
    }

    static RegionalSitingResult run(RegionalSitingParams p) {
        return RegionalSiting.propose(data(), road(), profile(), p);
    }

    @Test
    void pmedian_with_one_site_picks_D_and_explains_every_exclusion() {
        RegionalSitingResult r = run(RegionalSitingParams.of(SitingModel.PMEDIAN, COUNTY).withP(1));
        // h1: 100·5 + 50·5 + 200·20 = 4750; h2: 100·20 + 50·10 + 200·5 = 3500 elderly-minutes
        assertEquals(SolveStatus.OPTIMAL, r.siting().status());
        assertEquals(List.of("h2"), r.siting().chosenSiteIds());
        assertEquals(3500, r.siting().objective(), 1e-6);
        // within 15 min of D: d2 (10) and d3 (5) = 250; d1 (20) is not; d4 is unserved; total 100+50+200+30 = 380
        assertEquals(250, r.elderlyWithinMinutes(), 1e-9);
        assertEquals(380, r.totalElderly(), 1e-9);
        assertEquals(15, r.minutes(), 0);
        assertEquals(List.of("d4"), r.unservedDemandIds());
        assertEquals(List.of("d4"), r.unsnappedDemand().stream().map(s -> s.id()).toList());
        assertTrue(r.fallbackDemandIds().isEmpty());

        Map<String, Set<String>> why = r.excluded().stream().collect(Collectors.groupingBy(ExcludedCandidate::siteId,
            Collectors.mapping(ExcludedCandidate::ruleId, Collectors.toSet())));
        assertEquals(Map.of(
            // 60 < 80 beds, 10 < 20 residents, occupancy 10 / 60 = 17 % < 50 %
            "h3", Set.of("regional.minBeds", "regional.closure.minResidents", "regional.closure.minOccupancyShare"),
            "h4", Set.of("regional.maxDistanceToMedicalM"),                        // m3 is 776 m > 500 m
            "h5", Set.of("regional.closure.minOccupancyShare")), why);             // 40/100 < 50 %
        ExcludedCandidate beds = r.excluded().stream().filter(e -> e.ruleId().equals("regional.minBeds")).findFirst()
            .orElseThrow();
        assertEquals("瓮安 2023", beds.citation().document());
        assertEquals(60, beds.measured(), 0);
        assertEquals(80, beds.limit(), 0);
        ExcludedCandidate med = r.excluded().stream().filter(e -> e.siteId().equals("h4")).findFirst().orElseThrow();
        // 0.007° of latitude at 28° ≈ 0.007 × 110 852 m = 776.0 m (meridian arc)
        assertEquals(776.0, med.measured(), 1.0);

        Map<String, RuleConstraint> rules = r.constraints().stream().collect(Collectors.toMap(RuleConstraint::ruleId,
            c -> c));
        assertTrue(rules.get("regional.perCounty.min").binding(), "one site chosen = the minimum");
        assertFalse(rules.get("regional.perCounty.max").binding());
        assertEquals("长治 2019", rules.get("regional.perCounty.min").citation().document());
        assertTrue(rules.get("regional.minBeds").binding());
        assertTrue(rules.get("regional.maxDistanceToMedicalM").assumption());
        assertFalse(rules.get("circle.serviceMinutes").binding(), "p-median only reports coverage");

        ProposedSite d = r.sites().get(0);
        assertEquals("m2", d.nearestMedicalId().orElseThrow());
        assertEquals(166.3, d.medicalDistanceMeters(), 1.0);   // 0.0015° of latitude
        assertEquals(3, d.demandPoints());
        assertEquals(350, d.elderlyAssigned(), 1e-9);
        assertEquals(250, d.elderlyWithinMinutes(), 1e-9);
        assertEquals(20, d.maxMinutes(), 1e-9);
    }

    @Test
    void default_p_is_the_county_maximum_limited_by_the_eligible_candidates() {
        RegionalSitingResult r = run(RegionalSitingParams.of(SitingModel.PMEDIAN, COUNTY));
        // max 3 per county, 2 eligible → p = 2: d1→B 5, d2→B 5, d3→D 5: 500 + 250 + 1000 = 1750
        assertEquals(List.of("h1", "h2"), r.siting().chosenSiteIds());
        assertEquals(1750, r.siting().objective(), 1e-6);
        assertEquals(350, r.elderlyWithinMinutes(), 1e-9);
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("p = 2")), r.notes().toString());
        assertFalse(r.constraints().stream().filter(c -> c.ruleId().startsWith("regional.perCounty")).anyMatch(
            RuleConstraint::binding));
    }

    @Test
    void lscp_needs_both_sites_and_mclp_with_one_site_covers_250() {
        // d1 is within 15 min only of B (5 vs 20), d3 only of D (5 vs 20) → LSCP opens both
        RegionalSitingResult lscp = run(RegionalSitingParams.of(SitingModel.LSCP, COUNTY));
        assertEquals(List.of("h1", "h2"), lscp.siting().chosenSiteIds());
        assertEquals(2, lscp.siting().objective(), 0);
        assertTrue(lscp.constraints().stream().filter(c -> c.ruleId().equals("circle.serviceMinutes"))
            .allMatch(RuleConstraint::binding));
        // LSCP-B: the same two sites (no fewer cover all); only d2 (50 elderly, 5 and 10 min) is within 15 min of both
        RegionalSitingResult backup = run(RegionalSitingParams.of(SitingModel.LSCPB, COUNTY));
        assertEquals(List.of("h1", "h2"), backup.siting().chosenSiteIds());
        assertEquals(50, backup.siting().objective(), 1e-9);
        // MCLP p=1: B covers d1 + d2 = 150, D covers d2 + d3 = 250
        RegionalSitingResult mclp = run(RegionalSitingParams.of(SitingModel.MCLP, COUNTY).withP(1));
        assertEquals(List.of("h2"), mclp.siting().chosenSiteIds());
        assertEquals(250, mclp.siting().objective(), 1e-9);
        // 8 minutes: B covers d1 + d2 = 150 (5, 5), D covers only d3 = 200 (d2 is 10 away) → D, 200
        RegionalSitingResult mclp8 = run(RegionalSitingParams.of(SitingModel.MCLP, COUNTY).withP(1).withMinutes(8));
        assertEquals(List.of("h2"), mclp8.siting().chosenSiteIds());
        assertEquals(200, mclp8.elderlyWithinMinutes(), 1e-9);
    }

    @Test
    void straight_line_fallback_serves_the_point_off_the_network_and_says_so() {
        RegionalSitingResult r = run(RegionalSitingParams.of(SitingModel.PCENTER, COUNTY).withP(1)
            .withFallbackSpeedMps(10));
        // d4 → D: 0.2° of latitude from 28.0 to 28.2 ≈ 22 172 m; at 10 m/s × 0.7 = 7 m/s: 22172 / 7 / 60 ≈ 52.79 min.
        // d4 → B is farther (also 1 km east), so p-center (worst time) picks D: max(20, 10, 5, 52.79) = 52.79
        assertEquals(List.of("h2"), r.siting().chosenSiteIds());
        assertEquals(52.79, r.siting().objective(), 0.05);
        assertTrue(r.unservedDemandIds().isEmpty());
        assertEquals(List.of("d4"), r.fallbackDemandIds());
        assertEquals(List.of("d4"), r.unsnappedDemand().stream().map(s -> s.id()).toList(), "still reported");
        assertEquals(4, r.siting().assignments().size());
    }

    @Test
    void features_carry_sites_lines_exclusions_with_citations_and_a_summary() {
        PlanningData data = data();
        RegionalSitingResult r = RegionalSiting.propose(data, road(), profile(),
            RegionalSitingParams.of(SitingModel.PMEDIAN, COUNTY).withP(1));
        List<Feature> fs = RegionalSitingFeatures.toFeatures(r, data);
        Map<Object, Long> roles = fs.stream().collect(Collectors.groupingBy(f -> f.properties().get("role"),
            Collectors.counting()));
        // 1 summary, 1 site, 3 assignment lines (d1–d3), 3 excluded homes, d4 unserved and unsnapped
        assertEquals(Map.of("summary", 1L, "site", 1L, "assignment", 3L, "excluded", 3L, "unserved", 1L,
            "unsnapped", 1L), roles);
        Feature h3 = fs.stream().filter(f -> f.id().equals("excluded-h3")).findFirst().orElseThrow();
        assertEquals(List.of("瓮安 2023 §二(一)3", "长治 2019 §三(一)3 (2020)", "瓮安 2023 §二(二)8"),
            h3.properties().get("citations"));
        Feature sum = fs.get(0);
        assertEquals("OPTIMAL", sum.properties().get("status"));
        assertEquals(List.of("h2"), sum.properties().get("sites"));
    }

    @Test
    void bad_parameters_name_the_rule_or_field() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> run(RegionalSitingParams.of(SitingModel.PMEDIAN, COUNTY).withP(4)));
        assertTrue(e.getMessage().contains("regional.perCounty.max") && e.getMessage().contains("长治 2019"),
            e.getMessage());
        var c = assertThrows(IllegalArgumentException.class,
            () -> run(RegionalSitingParams.of(SitingModel.PMEDIAN, "110108")));
        assertTrue(c.getMessage().contains("countyCode") && c.getMessage().contains("110108"), c.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SitingModel.parse("kmeans"));
        var p = assertThrows(IllegalArgumentException.class,
            () -> RegionalSitingParams.of(SitingModel.LSCP, COUNTY).withMinutes(0));
        assertTrue(p.getMessage().startsWith("minutes"), p.getMessage());
    }

    @Test
    void capacitated_model_reports_infeasible_when_beds_cannot_hold_the_bed_demand() {
        // national/wengan beds.per1000Elderly: bed demand = 380 elderly × rate / 1000; make the data need more beds
        // than h1 + h2 (220) by scaling demand ×100 (38 000 elderly → ≥ 1 000 beds at any rate ≥ 27 per 1000)
        PlanningData big = data().withDemandPoints(data().demandPoints().stream().map(d -> d.scaled(100)).toList());
        RegionalSitingResult r = RegionalSiting.propose(big, road(), profile(),
            RegionalSitingParams.of(SitingModel.CPMEDIAN, COUNTY).withP(2));
        assertEquals(SolveStatus.INFEASIBLE, r.siting().status());
        assertTrue(r.constraints().stream().anyMatch(c -> c.ruleId().equals("beds.per1000Elderly") && c.binding()));
    }
}

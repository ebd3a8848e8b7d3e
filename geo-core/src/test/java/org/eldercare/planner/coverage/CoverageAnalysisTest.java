package org.eldercare.planner.coverage;

import static org.eldercare.planner.coverage.TestTown.E;
import static org.eldercare.planner.coverage.TestTown.K;
import static org.eldercare.planner.coverage.TestTown.S;
import static org.eldercare.planner.coverage.TestTown.T;
import static org.eldercare.planner.coverage.TestTown.V;
import static org.eldercare.planner.coverage.TestTown.W;
import static org.eldercare.planner.policy.FindingStatus.FAIL;
import static org.eldercare.planner.policy.FindingStatus.NOT_APPLICABLE;
import static org.eldercare.planner.policy.FindingStatus.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.Binding;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test town of {@link TestTown} against the Wendeng profile (walk 1.0 m/s, bands 5/10/15 min, service circle 15
 * min), snap distance 100 m. At 1 m/s, minutes = metres / 60.
 *
 * <p>Walking distances along the roads (F1 at x=200, F2 at the top of the side street, F3 at x=2300):
 * <pre>
 *        day-care F1                 comprehensive F2                private institution F3     nearest
 *  P1    100 m  →  1.667 min         100+600 = 700 m → 11.667       2000 m → beyond 15          1.667 (F1)
 *  P2    200+250 = 450 m → 7.5       350 m → 5.833                   beyond                      5.833 (F2)
 *  P3    1000 m → 16.67 beyond       800+600 beyond                  1100 m beyond               none
 *  P4    1150 beyond                 beyond                          950 m → 15.83 beyond        none
 *  P5    1600 beyond                 beyond                          500 m → 8.333               8.333 (F3)
 *  P6    not on the network (800 m from the main street > 100 m)                                none
 * </pre>
 */
class CoverageAnalysisTest {
    static final double TOL = 1e-6;
    /** Travel times: 1e-5 min = 0.6 mm at 1 m/s, well above the float error of the degree layout. */
    static final double TOL_MIN = 1e-5;
    static PlanningData town;
    static CoverageNetwork net;
    static CoverageReport wendeng;

    @BeforeAll
    static void run() {
        town = TestTown.data();
        net = CoverageNetwork.build(town, 1.0, 100);
        wendeng = analyse("wendeng-2021");
    }

    @Test
    void travel_times_per_kind_match_the_hand_worked_table() {
        assertEquals(List.of(5.0, 10.0, 15.0), wendeng.bandsMinutes());
        assertEquals(1.0, wendeng.walkSpeedMps());
        DemandAccess p1 = wendeng.getDemand("P1");
        assertEquals(100 / 60.0, p1.minutesTo(FacilityKind.DAY_CARE_CENTRE), TOL_MIN);
        assertEquals(700 / 60.0, p1.minutesTo(FacilityKind.COMPREHENSIVE_CENTRE), TOL_MIN);
        assertEquals(Double.POSITIVE_INFINITY, p1.minutesTo(FacilityKind.PRIVATE_INSTITUTION));
        assertEquals(100 / 60.0, p1.nearestMinutes(), TOL_MIN);
        assertEquals(Optional.of("F1"), p1.nearestFacilityId());
        DemandAccess p2 = wendeng.getDemand("P2");
        assertEquals(7.5, p2.minutesTo(FacilityKind.DAY_CARE_CENTRE), TOL_MIN);
        assertEquals(350 / 60.0, p2.nearestMinutes(), TOL_MIN);
        assertEquals(Optional.of("F2"), p2.nearestFacilityId());
        for (String id : List.of("P3", "P4")) {
            assertEquals(Double.POSITIVE_INFINITY, wendeng.getDemand(id).nearestMinutes(), id);
            assertEquals(Optional.empty(), wendeng.getDemand(id).nearestFacilityId(), id);
            assertTrue(wendeng.getDemand(id).snapped(), id);
        }
        assertEquals(500 / 60.0, wendeng.getDemand("P5").nearestMinutes(), TOL_MIN);
        assertEquals(Optional.of("F3"), wendeng.getDemand("P5").nearestFacilityId());
        assertFalse(wendeng.getDemand("P6").snapped());
        assertEquals(Double.POSITIVE_INFINITY, wendeng.getDemand("P6").nearestMinutes());
        // kinds absent from the data (e.g. canteen) report +Infinity
        assertEquals(Double.POSITIVE_INFINITY, p1.minutesTo(FacilityKind.CANTEEN));
    }

    @Test
    void community_west_is_fully_covered() {
        // W = P1 + P2: 150 elderly, 30 aged 80+, 15 disabled.
        // ≤ 5 min: P1 (1.667) → 100 / 20 / 5.  ≤ 10 and ≤ 15: P1 + P2 (5.833) → 150 / 30 / 15.
        UnitCoverage w = wendeng.getUnit(W);
        assertEquals(2, w.demandPoints());
        assertBand(w, 5, 100, 20, 5);
        assertBand(w, 10, 150, 30, 15);
        assertBand(w, 15, 150, 30, 15);
        assertEquals(150, w.elderly(), TOL);
        assertEquals(1.0, w.coveredShare(), TOL);
        assertEquals(0, w.elderlyNotCovered(), TOL);
        assertEquals(0, w.elderlyUnsnapped(), TOL);
        assertEquals(1.0, w.coveredShareAge80plus(), TOL);
        // within 15 min of a day-care centre: P1 (1.667) and P2 (7.5); of a comprehensive centre: P1 (11.667), P2.
        assertEquals(150, w.elderlyWithinServiceByKind().get(FacilityKind.DAY_CARE_CENTRE), TOL);
        assertEquals(150, w.elderlyWithinServiceByKind().get(FacilityKind.COMPREHENSIVE_CENTRE), TOL);
        assertEquals(0, w.elderlyWithinServiceByKind().get(FacilityKind.PRIVATE_INSTITUTION), TOL);
        // per kind and band (P1 = 100 elderly, P2 = 50): day-care P1 1.667 → 5/10/15, P2 7.5 → 10/15;
        // comprehensive P1 11.667 → 15 only, P2 5.833 → 10/15; the private institution reaches neither.
        assertEquals(List.of(100.0, 150.0, 150.0), elderlyByBand(w, FacilityKind.DAY_CARE_CENTRE));
        assertEquals(List.of(0.0, 50.0, 150.0), elderlyByBand(w, FacilityKind.COMPREHENSIVE_CENTRE));
        assertEquals(List.of(0.0, 0.0, 0.0), elderlyByBand(w, FacilityKind.PRIVATE_INSTITUTION));
        assertEquals(20.0, w.bandsByKind().get(FacilityKind.DAY_CARE_CENTRE).get(0).age80plus(), TOL);
        // F1 by adminCode, F2 by point-in-polygon (no adminCode; (400, 600) lies in W's box)
        assertEquals(Set.of(FacilityKind.DAY_CARE_CENTRE, FacilityKind.COMPREHENSIVE_CENTRE), w.kindsPresent());
        assertEquals(List.of(), w.lackingRuleIds());
    }

    @Test
    void community_east_is_covered_only_around_the_institution() {
        // E = P3 + P4 + P5 + P6: 210 elderly, 30 aged 80+, 10 disabled. Only P5 (8.333 min) is covered.
        UnitCoverage e = wendeng.getUnit(E);
        assertEquals(4, e.demandPoints());
        assertBand(e, 5, 0, 0, 0);
        assertBand(e, 10, 60, 12, 3);
        assertBand(e, 15, 60, 12, 3);
        assertEquals(60 / 210.0, e.coveredShare(), TOL);
        assertEquals(150, e.elderlyNotCovered(), TOL);
        assertEquals(30, e.elderlyUnsnapped(), TOL);
        assertEquals(12 / 30.0, e.coveredShareAge80plus(), TOL);
        assertEquals(3 / 10.0, e.coveredShareDisabled(), TOL);
        assertEquals(Set.of(FacilityKind.PRIVATE_INSTITUTION), e.kindsPresent());
        assertEquals(List.of("coverage.community.dayCareCentre"), e.lackingRuleIds());
    }

    @Test
    void street_and_county_sum_their_communities() {
        // S = W + E: 360 elderly (60 aged 80+, 25 disabled); ≤5: 100/20/5, ≤10 and ≤15: 210/42/18; share 210/360.
        for (String code : List.of(S, K)) {
            UnitCoverage u = wendeng.getUnit(code);
            assertEquals(6, u.demandPoints(), code);
            assertEquals(360, u.elderly(), TOL);
            assertEquals(60, u.age80plus(), TOL);
            assertEquals(25, u.disabled(), TOL);
            assertBand(u, 5, 100, 20, 5);
            assertBand(u, 10, 210, 42, 18);
            assertBand(u, 15, 210, 42, 18);
            assertEquals(7 / 12.0, u.coveredShare(), TOL);
            assertEquals(150, u.elderlyNotCovered(), TOL);
            assertEquals(30, u.elderlyUnsnapped(), TOL);
        }
        // T and V: no demand points
        assertEquals(0, wendeng.getUnit(T).elderly());
        assertTrue(Double.isNaN(wendeng.getUnit(V).coveredShare()));
        assertEquals(List.of("coverage.township.comprehensiveCentre2021", "coverage.township.comprehensiveCentre"),
            wendeng.getUnit(T).lackingRuleIds());
        assertEquals(List.of("coverage.village.canteen"), wendeng.getUnit(V).lackingRuleIds());
    }

    @Test
    void data_warnings_count_what_the_travel_times_could_not_use() {
        // P6 (30 elderly) is 800 m from the road, beyond the 100 m snap distance; every facility snaps and lies in a
        // unit (F2 by location), every point lies in a unit: exactly one warning.
        assertEquals(1, wendeng.warnings().size());
        DataWarning w = wendeng.warnings().get(0);
        assertEquals(DataWarning.DEMAND_OFF_NETWORK, w.code());
        assertEquals("demand-points", w.layer());
        assertEquals("geometry", w.field());
        assertEquals(List.of("P6"), w.ids());
        assertEquals(30, w.elderly(), TOL);
        assertTrue(w.messageEn().startsWith("1 demand points (30 elderly) are more than 100 m"), w.messageEn());
    }

    @Test
    void every_wendeng_finding_is_as_worked_out() {
        // data: P6 unsnapped (1 NOT_APPLICABLE, features E + P6).
        // coverage.street.comprehensiveCentre (streets, 100%): S has F2 → county K 1/1 = 100% PASS.
        // coverage.community.dayCareCentre (urban communities, 90%): W has F1, E lacks → E FAIL; S 1/2 FAIL; K 1/2 FAIL.
        // coverage.township.comprehensiveCentre2021 (townships, 50%): T lacks → T FAIL; K 0/1 FAIL.
        // coverage.township.comprehensiveCentre (townships, 100%): T FAIL; K 0/1 FAIL.
        // coverage.village.canteen (rural villages/communities, 40%): V lacks → V FAIL; T 0/1 FAIL; K 0/1 FAIL.
        // beds.per1000Elderly (35, national): K 160 beds / 4000 census elderly × 1000 = 40 → PASS.
        // beds.nursingShare (65%, Wendeng §2(六)): 40 / 160 = 25% → FAIL.
        List<Finding> f = wendeng.findings();
        assertEquals(14, f.size());
        assertFinding(f.get(0), "circle.serviceMinutes", NOT_APPLICABLE, Double.NaN, List.of(E, "P6"));
        assertTrue(f.get(0).messageEn().contains("30 elderly"), f.get(0).messageEn());
        assertFinding(f.get(1), "coverage.street.comprehensiveCentre", PASS, 1.0, List.of(K));
        assertFinding(f.get(2), "coverage.community.dayCareCentre", FAIL, 0, List.of(E));
        assertFinding(f.get(3), "coverage.community.dayCareCentre", FAIL, 0.5, List.of(S, E));
        assertFinding(f.get(4), "coverage.community.dayCareCentre", FAIL, 0.5, List.of(K, E));
        assertFinding(f.get(5), "coverage.township.comprehensiveCentre2021", FAIL, 0, List.of(T));
        assertFinding(f.get(6), "coverage.township.comprehensiveCentre2021", FAIL, 0, List.of(K, T));
        assertEquals(0.5, f.get(6).target());
        assertFinding(f.get(7), "coverage.township.comprehensiveCentre", FAIL, 0, List.of(T));
        assertFinding(f.get(8), "coverage.township.comprehensiveCentre", FAIL, 0, List.of(K, T));
        assertFinding(f.get(9), "coverage.village.canteen", FAIL, 0, List.of(V));
        assertFinding(f.get(10), "coverage.village.canteen", FAIL, 0, List.of(T, V));
        assertFinding(f.get(11), "coverage.village.canteen", FAIL, 0, List.of(K, V));
        assertFinding(f.get(12), "beds.per1000Elderly", PASS, 40.0, List.of(K));
        assertEquals(35, f.get(12).target());
        assertFinding(f.get(13), "beds.nursingShare", FAIL, 0.25, List.of(K));
        assertEquals(0.65, f.get(13).target());
        assertEquals("文登 2021", f.get(13).citation().document());
        assertEquals("§2(五)", f.get(3).citation().clause());
        assertEquals(0.9, f.get(3).target());
        assertEquals(new FindingTotals(14, 2, 11, 1, Map.of(Binding.TARGET, 11)), wendeng.totals());
        assertEquals(List.of(new AdminGap(E, "东社区", org.eldercare.planner.model.AdminLevel.COMMUNITY,
            "coverage.community.dayCareCentre", Set.of(FacilityKind.DAY_CARE_CENTRE))),
            wendeng.adminGaps().stream().filter(g -> g.ruleId().equals("coverage.community.dayCareCentre")).toList());
        assertEquals(4, wendeng.adminGaps().size());
    }

    @Test
    void capacity_of_the_county() {
        CapacityMeasure c = wendeng.capacity().get(0);
        assertEquals(1, wendeng.capacity().size());
        assertEquals(K, c.unitCode());
        assertEquals(4000, c.elderly());
        assertTrue(c.elderlyFromCensus());
        assertEquals(1, c.institutions());
        assertEquals(160, c.beds());
        assertEquals(40, c.nursingBeds());
        assertEquals(40.0, c.bedsPer1000Elderly(), TOL);
        assertEquals(0.25, c.nursingShare(), TOL);
        assertTrue(Double.isNaN(c.homeCareElderly()), "Wendeng has no 9073 split");
    }

    @Test
    void spatial_gaps_are_the_two_uncovered_places() {
        // Uncovered: P3 (1200,0) 80, P4 (1350,0) 40, P6 (1500,800) 30. Link 300 m: P3–P4 150 m apart → one cluster;
        // P6 is 814 m from P4 and 854 m from P3 → its own. Rank 1: P3+P4, 120 elderly (12 aged 80+, 6 disabled);
        // rank 2: P6, 30 (6, 1).
        // Area of rank 1: two 150 m discs whose centres are 150 m apart: 2πr² − lens, lens = 2r²·acos(d/2r) −
        // (d/2)·√(4r² − d²) = 45000·π/3 − 75·√67500 = 47123.9 − 19485.6 = 27638.3 → 141371.7 − 27638.3 = 113733.3 m²
        // for true circles; the discs are 32-gons (0.64 % smaller) → within 1 %.
        CoverageReport unclipped = new CoverageAnalysis(town, net, PolicyProfiles.get("wendeng-2021"),
            CoverageOptions.defaults().withClipGapsByServiceAreas(false)).compute();
        List<SpatialGap> gaps = unclipped.spatialGaps();
        assertEquals(2, gaps.size());
        SpatialGap g1 = gaps.get(0);
        assertEquals(1, g1.rank());
        assertEquals(List.of("P3", "P4"), g1.demandPointIds());
        assertEquals(120, g1.elderly(), TOL);
        assertEquals(12, g1.age80plus(), TOL);
        assertEquals(6, g1.disabled(), TOL);
        assertEquals(113733.3, g1.areaM2(), 113733.3 * 0.01);
        assertEquals(List.of(S, E), g1.adminCodes());
        assertTrue(g1.polygon().contains(TestTown.pt(1275, 0)));
        assertFalse(g1.polygon().contains(TestTown.pt(1000, 0)));
        SpatialGap g2 = gaps.get(1);
        assertEquals(List.of("P6"), g2.demandPointIds());
        assertEquals(30, g2.elderly(), TOL);
        assertEquals(List.of(S, E), g2.adminCodes());
        assertEquals(Math.PI * 150 * 150, g2.areaM2(), Math.PI * 150 * 150 * 0.01);

        // Clipped by the 15-minute circles (the default): the circle package buffers the reached road pieces by 50 m.
        // F1 (x=200) reaches x = 200 + 900 = 1100 along the main street, F3 (x=2300) reaches x = 1400: the strips
        // |y| ≤ 50 for x ≤ 1150 and x ≥ 1350 are covered and cut out of gap 1; (1275, 0) between them and
        // (1380, 100), 100 m off the road, stay in it. Sums, points and ranks do not change; gap 2 is far from roads.
        SpatialGap c1 = wendeng.spatialGaps().get(0);
        assertEquals(List.of("P3", "P4"), c1.demandPointIds());
        assertEquals(120, c1.elderly(), TOL);
        assertTrue(c1.polygon().contains(TestTown.pt(1275, 0)));
        assertTrue(c1.polygon().contains(TestTown.pt(1380, 100)));
        assertFalse(c1.polygon().contains(TestTown.pt(1125, 0)), "inside F1's circle");
        assertFalse(c1.polygon().contains(TestTown.pt(1380, 0)), "inside F3's circle");
        assertTrue(g1.polygon().contains(TestTown.pt(1380, 0)), "the unclipped discs do hold it");
        assertTrue(c1.areaM2() < g1.areaM2());
        assertEquals(g2.areaM2(), wendeng.spatialGaps().get(1).areaM2(), 1e-6);
    }

    @Test
    void wengan_checks_medical_room_staffing_and_service_stations() {
        // Weng'an: coverage.community.serviceStation (urban communities, 100%): W and E lack one → W, E FAIL;
        // S 0/2 FAIL; K 0/2 FAIL. F3 is a private-institution (no operator → private): 160 beds ≥ 150 and no medical
        // room → FAIL. Staffing: 100 residents need at least 100/10 = 10 carers even if all were self-care; 8 → FAIL.
        // Nursing share 25% vs 66% → FAIL; beds per 1000 = 40 vs 35 → PASS.
        CoverageReport r = analyse("wengan-2023");
        List<Finding> st = findings(r, "coverage.community.serviceStation", 4);
        assertFinding(st.get(0), "coverage.community.serviceStation", FAIL, 0, List.of(W));
        assertFinding(st.get(1), "coverage.community.serviceStation", FAIL, 0, List.of(E));
        assertFinding(st.get(2), "coverage.community.serviceStation", FAIL, 0, List.of(S, W, E));
        assertFinding(st.get(3), "coverage.community.serviceStation", FAIL, 0, List.of(K, W, E));
        List<Finding> med = findings(r, "medicalRoom.privateMinBeds", 1);
        assertFinding(med.get(0), "medicalRoom.privateMinBeds", FAIL, 0, List.of("F3"));
        assertEquals(Binding.MANDATORY, med.get(0).binding());
        assertEquals("§二(五)17", med.get(0).citation().clause());
        List<Finding> staff = findings(r, "staff.residentsPerCarer.selfCare", 1);
        assertFinding(staff.get(0), "staff.residentsPerCarer.selfCare", FAIL, 8, List.of("F3"));
        assertEquals(10, staff.get(0).target());
        assertFinding(r.listFindings("beds.nursingShare").get(0), "beds.nursingShare", FAIL, 0.25, List.of(K));
        assertEquals(0.66, r.listFindings("beds.nursingShare").get(0).target());
    }

    @Test
    void wengan_medical_room_depends_on_operator_and_residents() {
        // A public township home with 60 residents (≥ 50) and a medical room → PASS; one with 40 residents → no
        // finding; a regional centre without operator → NOT_APPLICABLE.
        Facility pub = Facility.of("H1", "甲敬老院", FacilityKind.TOWNSHIP_NURSING_HOME, TestTown.pt(100, 0))
            .withBeds(80, 20).withResidents(60).withOperator(org.eldercare.planner.model.Operator.PUBLIC)
            .withMedicalRoom(true).withCareStaff(20);
        Facility small = Facility.of("H2", "乙敬老院", FacilityKind.TOWNSHIP_NURSING_HOME, TestTown.pt(150, 0))
            .withBeds(50, 0).withResidents(40).withOperator(org.eldercare.planner.model.Operator.PUBLIC)
            .withCareStaff(6);
        Facility unknown = Facility.of("H3", "丙中心", FacilityKind.REGIONAL_CENTRE, TestTown.pt(350, 0)).withBeds(90, 30);
        CoverageReport r = new CoverageAnalysis(town.withFacilities(List.of(pub, small, unknown)),
            net, PolicyProfiles.get("wengan-2023"), CoverageOptions.defaults()).compute();
        List<Finding> pubF = findings(r, "medicalRoom.publicMinResidents", 2);
        assertFinding(pubF.get(0), "medicalRoom.publicMinResidents", PASS, 1, List.of("H1"));
        assertFinding(pubF.get(1), "medicalRoom.publicMinResidents", NOT_APPLICABLE, Double.NaN, List.of("H3"));
        // staffing: H1 20 carers ≥ 60/3 = 20 → PASS under the fully-disabled ratio; H2 6 carers for 40 residents:
        // ≥ 40/10 = 4 but < 40/3 = 13.3 → NOT_APPLICABLE (depends on care needs).
        assertFinding(r.listFindings("staff.residentsPerCarer.fullyDisabled").get(0),
            "staff.residentsPerCarer.fullyDisabled", PASS, 20, List.of("H1"));
        assertFinding(r.listFindings("staff.residentsPerCarer.selfCare").get(0), "staff.residentsPerCarer.selfCare",
            NOT_APPLICABLE, 6, List.of("H2"));
    }

    @Test
    void wuzhong_9073_and_township_street_centres() {
        // Wuzhong: coverage.townshipStreet.comprehensiveCentre (60%): S has F2, T lacks → T FAIL; K 1/2 = 50% FAIL.
        // 9073 on 4000 census elderly: 3600 home, 280 community, 120 institutional; 160 beds = 4% ≥ 3% → PASS.
        CoverageReport r = analyse("wuzhong-2023");
        List<Finding> cc = findings(r, "coverage.townshipStreet.comprehensiveCentre", 2);
        assertFinding(cc.get(0), "coverage.townshipStreet.comprehensiveCentre", FAIL, 0, List.of(T));
        assertFinding(cc.get(1), "coverage.townshipStreet.comprehensiveCentre", FAIL, 0.5, List.of(K, T));
        assertEquals(Binding.EXPECTED, cc.get(1).binding());
        CapacityMeasure c = r.capacity().get(0);
        assertEquals(3600, c.homeCareElderly(), TOL);
        assertEquals(280, c.communityCareElderly(), TOL);
        assertEquals(120, c.institutionCareElderly(), TOL);
        assertFinding(r.listFindings("care9073.institutionShare").get(0), "care9073.institutionShare", PASS, 0.04,
            List.of(K));
    }

    @Test
    void what_if_adding_a_day_care_centre_in_the_east_equals_a_fresh_run() {
        // A day-care centre at (1300, 0) in E: P3 100 m (1.667 min), P4 50 m (0.833 min) → E's ≤5 band = 120,
        // ≤15 = 180 (P3, P4, P5); E now has a day-care centre → day-care rule 2/2 = 100% at S and K → PASS.
        Facility extra = Facility.of("F4", "东社区日间照料中心", FacilityKind.DAY_CARE_CENTRE, TestTown.pt(1300, 0))
            .withAdminCode(E);
        PolicyProfile p = PolicyProfiles.get("wendeng-2021");
        CoverageAnalysis base = new CoverageAnalysis(town, net, p, CoverageOptions.defaults());
        CoverageReport whatIf = base.withFacilityAdded(extra).compute();
        UnitCoverage e = whatIf.getUnit(E);
        assertBand(e, 5, 120, 12, 6);
        assertBand(e, 15, 180, 24, 9);
        assertEquals(100 / 60.0, whatIf.getDemand("P3").nearestMinutes(), TOL_MIN);
        assertEquals(Optional.of("F4"), whatIf.getDemand("P4").nearestFacilityId());
        assertEquals(PASS, whatIf.listFindings("coverage.community.dayCareCentre").get(1).status());
        // the same numbers as a run on a freshly built network
        PlanningData changed = town.withFacilities(List.of(TestTown.f1(), TestTown.f2(), TestTown.f3(), extra));
        CoverageReport fresh = new CoverageAnalysis(changed, CoverageNetwork.build(changed, 1.0, 100), p,
            CoverageOptions.defaults()).compute();
        assertEquals(fresh.units(), whatIf.units());
        assertEquals(fresh.demand(), whatIf.demand());
        assertEquals(fresh.findings(), whatIf.findings());
        // and removing it again gives the base report back
        CoverageReport back = base.withFacilityAdded(extra).withFacilityRemoved("F4").compute();
        assertEquals(wendeng.units(), back.units());
        assertEquals(wendeng.findings(), back.findings());
    }

    @Test
    void options_change_speed_bands_and_service_kinds() {
        // At 0.5 m/s every time doubles: P1 3.333 min, P2 11.667, P5 16.67 → beyond 15.
        PlanningData d = town;
        CoverageReport slow = new CoverageAnalysis(d, CoverageNetwork.build(d, 0.5, 100),
            PolicyProfiles.get("wendeng-2021"), CoverageOptions.defaults().withWalkSpeedMps(0.5)).compute();
        assertEquals(200 / 60.0, slow.getDemand("P1").nearestMinutes(), TOL_MIN);
        assertEquals(Double.POSITIVE_INFINITY, slow.getDemand("P5").nearestMinutes());
        assertBand(slow.getUnit(S), 15, 150, 30, 15);
        // only day-care centres count: P2 7.5 min, P5 not covered
        CoverageReport dayCare = new CoverageAnalysis(d, net, PolicyProfiles.get("wendeng-2021"),
            CoverageOptions.defaults().withServiceKinds(Set.of(FacilityKind.DAY_CARE_CENTRE))
                .withBandsMinutes(List.of(8.0))).compute();
        assertEquals(List.of(8.0, 15.0), dayCare.bandsMinutes());
        assertBand(dayCare.getUnit(S), 8, 150, 30, 15);
        assertBand(dayCare.getUnit(S), 15, 150, 30, 15);
    }

    @Test
    void bad_inputs_are_refused_with_the_field_named() {
        PolicyProfile p = PolicyProfiles.get("wendeng-2021");
        var ex = assertThrows(IllegalArgumentException.class,
            () -> new CoverageAnalysis(town, net, p, CoverageOptions.defaults().withWalkSpeedMps(0.76)));
        assertTrue(ex.getMessage().contains("walkSpeedMps 0.76"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
            () -> new CoverageAnalysis(town.withDemandPoints(List.of()), net, p, CoverageOptions.defaults()));
        assertTrue(ex.getMessage().contains("network was built for other demand points"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
            () -> CoverageOptions.defaults().withBandsMinutes(List.of(10.0, 5.0)));
        assertTrue(ex.getMessage().contains("bandsMinutes[1]"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> CoverageOptions.defaults().withGapMeters(0, 100));
        assertTrue(ex.getMessage().contains("gapLinkMeters"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
            () -> new CoverageAnalysis(town, net, p, CoverageOptions.defaults()).withFacilityRemoved("nope"));
        assertTrue(ex.getMessage().contains("'nope'"), ex.getMessage());
    }

    static void assertBand(UnitCoverage u, double minutes, double elderly, double age80, double disabled) {
        BandCoverage b = u.band(minutes);
        assertEquals(elderly, b.elderly(), TOL, u.code() + " ≤" + minutes + " elderly");
        assertEquals(age80, b.age80plus(), TOL, u.code() + " ≤" + minutes + " 80+");
        assertEquals(disabled, b.disabled(), TOL, u.code() + " ≤" + minutes + " disabled");
    }

    /** The report of the test town under {@code profile}, with the default options. */
    static CoverageReport analyse(String profile) {
        return new CoverageAnalysis(town, net, PolicyProfiles.get(profile), CoverageOptions.defaults()).compute();
    }

    /** The findings of {@code ruleId} in {@code r}, asserting that there are {@code count} of them. */
    static List<Finding> findings(CoverageReport r, String ruleId, int count) {
        List<Finding> fs = r.listFindings(ruleId);
        assertEquals(count, fs.size(), ruleId + ": " + fs);
        return fs;
    }

    static void assertFinding(Finding f, String ruleId, FindingStatus status, double measured, List<String> ids) {
        assertEquals(ruleId, f.ruleId(), f.toString());
        assertEquals(status, f.status(), f.toString());
        if (Double.isNaN(measured)) {
            assertTrue(Double.isNaN(f.measured()), f.toString());
        } else {
            assertEquals(measured, f.measured(), TOL, f.toString());
        }
        assertEquals(ids, f.featureIds(), f.toString());
    }

    private static List<Double> elderlyByBand(UnitCoverage u, FacilityKind kind) {
        return u.bandsByKind().get(kind).stream().map(BandCoverage::elderly).toList();
    }
}

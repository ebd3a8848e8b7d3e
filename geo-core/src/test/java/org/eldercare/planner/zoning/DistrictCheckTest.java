package org.eldercare.planner.zoning;

import static org.eldercare.planner.model.DistrictStatus.EXISTING;
import static org.eldercare.planner.model.DistrictStatus.NEW;
import static org.eldercare.planner.zoning.FailedCondition.SINGLE_SITE_MINIMUM;
import static org.eldercare.planner.zoning.FailedCondition.TOTAL_AREA;
import static org.eldercare.planner.zoning.VerdictStatus.FAIL;
import static org.eldercare.planner.zoning.VerdictStatus.NOT_APPLICABLE;
import static org.eldercare.planner.zoning.VerdictStatus.PASS;
import static org.eldercare.planner.zoning.VerdictStatus.PASS_POOLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.policy.Citation;
import org.eldercare.planner.policy.FindingStatus;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed floor-area verdicts. required = rate × households / 100; "不少于" means ≥, so the exact boundary
 * passes. Rates: national 20 new / 15 existing, no single-site minimum, no pooling; 瓮安 2023 20 new + every site
 * ≥ 350 m² / 15 existing, pooling allowed; 吴忠 2023 20 new (national) / 20 existing, no single-site minimum.
 */
class DistrictCheckTest {

    /** profile, status, households, sites m², expected status, required m², provided m², shortfall m², failed. */
    private static Arguments c(String profile, DistrictStatus s, int hh, double[] sites, VerdictStatus v, double req,
            double prov, double shortfall, FailedCondition... failed) {
        return Arguments.of(profile, s, hh, sites, v, req, prov, shortfall, List.of(failed));
    }

    private static double[] sites(double... a) {
        return a;
    }

    static Stream<Arguments> national() {
        String p = "national";
        return Stream.of(
            c(p, NEW, 1750, sites(350), PASS, 350, 350, 0),                 // 20×1750/100 = 350, exact boundary
            c(p, NEW, 1000, sites(300), PASS, 200, 300, 0),                 // 200; no single-site minimum nationally
            c(p, NEW, 1000, sites(100, 100), PASS, 200, 200, 0),            // two small sites summing to 200
            c(p, NEW, 1000, sites(199.99), FAIL, 200, 199.99, 0.01, TOTAL_AREA),  // 200 − 199.99 = 0.01
            c(p, NEW, 500, sites(), FAIL, 100, 0, 100, TOTAL_AREA),         // no site: 20×500/100 = 100 missing
            c(p, EXISTING, 1000, sites(150), PASS, 150, 150, 0),            // 15×1000/100 = 150, boundary
            c(p, EXISTING, 1000, sites(149.5), FAIL, 150, 149.5, 0.5, TOTAL_AREA),
            c(p, EXISTING, 333, sites(49.95), PASS, 49.95, 49.95, 0),       // 15×333 = 4995 /100 = 49.95
            c(p, EXISTING, 333, sites(49.94), FAIL, 49.95, 49.94, 0.01, TOTAL_AREA),
            c(p, NEW, 0, sites(), NOT_APPLICABLE, 0, 0, 0),                 // no households
            c(p, EXISTING, 2000, sites(100, 100, 100), PASS, 300, 300, 0),  // 15×2000/100 = 300 = 3×100
            c(p, NEW, 2000, sites(), FAIL, 400, 0, 400, TOTAL_AREA),        // 20×2000/100 = 400
            c(p, EXISTING, 1, sites(0.15), PASS, 0.15, 0.15, 0),            // 15×1/100 = 0.15
            c(p, NEW, 1, sites(0.1), FAIL, 0.2, 0.1, 0.1, TOTAL_AREA),      // 20×1/100 = 0.2
            c(p, EXISTING, 1000, sites(160), PASS, 150, 160, 0),            // 160 ≥ 150 (吴忠 fails this, below)
            c(p, EXISTING, 1234, sites(100.1, 85), PASS, 185.1, 185.1, 0)); // 15×1234 = 18510 /100; sum in floats
    }

    static Stream<Arguments> wengan() {
        String p = "wengan-2023";
        return Stream.of(
            c(p, NEW, 1750, sites(350), PASS, 350, 350, 0),                 // 350 total, one site of exactly 350
            c(p, NEW, 1750, sites(349.99), FAIL, 350, 349.99, 0.01, TOTAL_AREA, SINGLE_SITE_MINIMUM),
            c(p, NEW, 1000, sites(300), FAIL, 200, 300, 0, SINGLE_SITE_MINIMUM), // total ok, one site < 350
            c(p, NEW, 2500, sites(350, 150), FAIL, 500, 500, 0, SINGLE_SITE_MINIMUM), // 500 = 500, 150 < 350
            c(p, NEW, 2500, sites(400, 360), PASS, 500, 760, 0),            // both sites ≥ 350, 760 ≥ 500
            c(p, NEW, 3000, sites(), FAIL, 600, 0, 600, TOTAL_AREA),        // no site: nothing below 350 either
            c(p, NEW, 4000, sites(350, 350), FAIL, 800, 700, 100, TOTAL_AREA), // 20×4000/100 = 800 > 700
            c(p, NEW, 0, sites(), NOT_APPLICABLE, 0, 0, 0),
            c(p, EXISTING, 1234, sites(185.1), PASS, 185.1, 185.1, 0),      // 15×1234/100 = 185.1 boundary
            c(p, EXISTING, 1234, sites(100.1, 85), PASS, 185.1, 185.1, 0),  // 100.1 + 85 within 1e-6 of 185.1
            c(p, EXISTING, 1000, sites(149), FAIL, 150, 149, 1, TOTAL_AREA), // land area unknown: no pooling
            c(p, EXISTING, 800, sites(120), PASS, 120, 120, 0),             // 15×800/100 = 120; 350 only for new
            c(p, EXISTING, 1000, sites(160), PASS, 150, 160, 0),            // 15 per 100: 160 ≥ 150
            c(p, NEW, 1751, sites(350.2), PASS, 350.2, 350.2, 0),           // 20×1751 = 35020 /100 = 350.2
            c(p, NEW, 1751, sites(350), FAIL, 350.2, 350, 0.2, TOTAL_AREA), // site 350 ≥ 350 ok, total short 0.2
            c(p, EXISTING, 0, sites(50), NOT_APPLICABLE, 0, 50, 0));
    }

    static Stream<Arguments> wuzhong() {
        String p = "wuzhong-2023";
        return Stream.of(
            c(p, EXISTING, 1000, sites(200), PASS, 200, 200, 0),            // 20×1000/100 = 200 boundary
            c(p, EXISTING, 1000, sites(160), FAIL, 200, 160, 40, TOTAL_AREA), // passes under 瓮安's 15
            c(p, EXISTING, 1000, sites(150), FAIL, 200, 150, 50, TOTAL_AREA), // 瓮安/national boundary fails here
            c(p, NEW, 1750, sites(350), PASS, 350, 350, 0),                 // new rate 20 inherited from national
            c(p, NEW, 1000, sites(300), PASS, 200, 300, 0),                 // no single-site minimum in 吴忠
            c(p, EXISTING, 0, sites(), NOT_APPLICABLE, 0, 0, 0),
            c(p, EXISTING, 2500, sites(), FAIL, 500, 0, 500, TOTAL_AREA),   // no site
            c(p, EXISTING, 2500, sites(250, 250), PASS, 500, 500, 0),       // several sites, exact
            c(p, EXISTING, 2500, sites(250, 249.99), FAIL, 500, 499.99, 0.01, TOTAL_AREA),
            c(p, NEW, 3333, sites(666.6), PASS, 666.6, 666.6, 0),           // 20×3333 = 66660 /100 = 666.6
            c(p, EXISTING, 3333, sites(666.59), FAIL, 666.6, 666.59, 0.01, TOTAL_AREA),
            c(p, EXISTING, 50, sites(10), PASS, 10, 10, 0),                 // 20×50/100 = 10
            c(p, EXISTING, 50, sites(9), FAIL, 10, 9, 1, TOTAL_AREA),
            c(p, NEW, 1000, sites(199), FAIL, 200, 199, 1, TOTAL_AREA),
            c(p, EXISTING, 1234, sites(185.1), FAIL, 246.8, 185.1, 61.7, TOTAL_AREA), // 20×1234/100 = 246.8
            c(p, EXISTING, 1, sites(0.2), PASS, 0.2, 0.2, 0));              // 20×1/100 = 0.2
    }

    @ParameterizedTest(name = "national: {1} {2} hh, sites {3} -> {4}")
    @MethodSource("national")
    void national_profile(String p, DistrictStatus s, int hh, double[] sites, VerdictStatus v, double req,
            double prov, double shortfall, List<FailedCondition> failed) {
        checkCase(p, s, hh, sites, v, req, prov, shortfall, failed);
    }

    @ParameterizedTest(name = "wengan: {1} {2} hh, sites {3} -> {4}")
    @MethodSource("wengan")
    void wengan_profile(String p, DistrictStatus s, int hh, double[] sites, VerdictStatus v, double req,
            double prov, double shortfall, List<FailedCondition> failed) {
        checkCase(p, s, hh, sites, v, req, prov, shortfall, failed);
    }

    @ParameterizedTest(name = "wuzhong: {1} {2} hh, sites {3} -> {4}")
    @MethodSource("wuzhong")
    void wuzhong_profile(String p, DistrictStatus s, int hh, double[] sites, VerdictStatus v, double req,
            double prov, double shortfall, List<FailedCondition> failed) {
        checkCase(p, s, hh, sites, v, req, prov, shortfall, failed);
    }

    private static void checkCase(String p, DistrictStatus s, int hh, double[] sites, VerdictStatus v, double req,
            double prov, double shortfall, List<FailedCondition> failed) {
        ResidentialDistrict d = DistrictCheck.district("d", hh, s, Arrays.stream(sites).boxed().toList());
        DistrictVerdict verdict = DistrictCheck.check(d, PolicyProfiles.get(p));
        assertEquals(v, verdict.status(), verdict.reasonEn());
        assertEquals(req, verdict.requiredM2(), 1e-9);
        assertEquals(prov, verdict.providedM2(), 1e-9);
        assertEquals(shortfall, verdict.shortfallM2(), 1e-9);
        assertEquals(failed, verdict.failedConditions());
        assertTrue(verdict.pooledWith().isEmpty());
    }

    @Test
    void exact_boundary_is_exact_in_doubles() {
        assertEquals(350.0, DistrictCheck.required(20, 1750));
        assertEquals(185.1, DistrictCheck.required(15, 1234));
    }

    @Test
    void verdict_carries_rules_and_findings_with_citations() {
        DistrictVerdict v = DistrictCheck.check(DistrictCheck.district("n1", 1000, NEW, List.of(300.0)),
            PolicyProfiles.get("wengan-2023"));
        Citation c = new Citation("瓮安 2023", "§二(三)9");
        assertEquals(List.of("district.floorArea.newPer100Households", "district.singleSite.minM2"),
            v.rules().stream().map(AppliedRule::id).toList());
        assertTrue(v.rules().stream().allMatch(r -> r.citation().equals(c)));
        assertEquals(2, v.findings().size());
        var total = v.findings().get(0);
        assertEquals(FindingStatus.PASS, total.status());
        assertEquals(300, total.measured());
        assertEquals(200, total.target());
        assertEquals(List.of("n1"), total.featureIds());
        var site = v.findings().get(1);
        assertEquals(FindingStatus.FAIL, site.status());
        assertEquals(300, site.measured());
        assertEquals(350, site.target());
        assertEquals(c, site.citation());
    }

    // ---- pooling (瓮安 2023 §二(三)9: small ≤ 20000 m² land area, adjacency given explicitly) ----------------

    private static ResidentialDistrict ex(String id, int hh, double... sites) {
        return DistrictCheck.district(id, hh, EXISTING, Arrays.stream(sites).boxed().toList());
    }

    private static DistrictCheckResult pooled(String profile, List<ResidentialDistrict> ds,
            Map<String, Set<String>> adj, Map<String, Double> land) {
        return new DistrictCheck(ds, PolicyProfiles.get(profile), DistrictNeighbourhood.of(adj, land)).compute();
    }

    /**
     * Existing a (1000 hh, no site) next to existing b (1000 hh, one site of {@code bSiteM2}), both small (15000 and
     * 18000 m² of land), under wengan-2023.
     */
    private static DistrictCheckResult smallNeighbours(double bSiteM2) {
        return pooled("wengan-2023", List.of(ex("a", 1000), ex("b", 1000, bSiteM2)), Map.of("a", Set.of("b")),
            Map.of("a", 15000.0, "b", 18000.0));
    }

    @Test
    void pooling_that_passes() {
        // a: 1000 hh, no site: needs 15×1000/100 = 150, fails alone.  b: 1000 hh, 300 m²: needs 150, passes.
        // a–b adjacent, both small (15000, 18000 ≤ 20000). Group {a,b}: 300 required, 300 provided -> boundary ok.
        var r = smallNeighbours(300);
        DistrictVerdict a = r.getVerdict("a");
        assertEquals(PASS_POOLED, a.status());
        assertEquals(List.of("b"), a.pooledWith());
        assertEquals(150, a.requiredM2());
        assertEquals(0, a.providedM2());
        assertEquals(0, a.shortfallM2());
        assertEquals(List.of(TOTAL_AREA), a.failedConditions());
        assertEquals(new PoolSummary(List.of("a", "b"), 300, 300, true), a.pool().orElseThrow());
        assertTrue(a.rules().stream().anyMatch(x -> x.id().equals("district.pooling.allowed")));
        assertTrue(a.rules().stream().filter(x -> x.id().startsWith("district.pooling.small"))
            .allMatch(AppliedRule::assumption));
        assertEquals(PASS, r.getVerdict("b").status());
        assertTrue(r.allPass());
    }

    @Test
    void pooling_that_does_not_pass() {
        // a: 1000 hh, none (needs 150); b: 1000 hh, 200 m² (needs 150, passes alone with 50 spare).
        // Group: 300 required, 200 provided -> short 100; a stays FAIL with its own shortfall 150.
        var r = smallNeighbours(200);
        DistrictVerdict a = r.getVerdict("a");
        assertEquals(FAIL, a.status());
        assertEquals(150, a.shortfallM2());
        assertTrue(a.pooledWith().isEmpty());
        assertEquals(100, a.pool().orElseThrow().shortfallM2());
        assertTrue(a.reasonEn().contains("also short by 100 m²"), a.reasonEn());
        assertEquals(PASS, r.getVerdict("b").status());
        assertEquals(1, r.count(FAIL));
        assertTrue(!r.allPass());
    }

    @Test
    void pooling_takes_several_neighbours_largest_spare_first() {
        // a: 1000 hh none, needs 150.  b: 1000 hh 220 -> spare 70.  d: 1000 hh 230 -> spare 80.  a adjacent to both.
        // d (80) then b (70): 150 = exactly a's shortfall -> PASS_POOLED with [b, d].
        // group: required 150+150+150 = 450, provided 0+220+230 = 450.
        var r = pooled("wengan-2023", List.of(ex("a", 1000), ex("b", 1000, 220), ex("d", 1000, 230)),
            Map.of("a", Set.of("b", "d")), Map.of("a", 10000.0, "b", 10000.0, "d", 10000.0));
        assertEquals(PASS_POOLED, r.getVerdict("a").status());
        assertEquals(List.of("b", "d"), r.getVerdict("a").pooledWith());
        assertEquals(new PoolSummary(List.of("a", "b", "d"), 450, 450, true), r.getVerdict("a").pool().orElseThrow());
        // only d is needed when its spare alone covers it: a2 needs 75 (500 hh × 15/100)
        var r2 = pooled("wengan-2023", List.of(ex("a2", 500), ex("b", 1000, 220), ex("d", 1000, 230)),
            Map.of("a2", Set.of("b", "d")), Map.of("a2", 10000.0, "b", 10000.0, "d", 10000.0));
        assertEquals(List.of("d"), r2.getVerdict("a2").pooledWith());
    }

    @Test
    void spare_area_is_not_counted_twice() {
        // b: 1000 hh, 300 m² -> spare 150. a and c each need 150 (1000 hh, none), both adjacent to b.
        // a comes first in input order and takes the 150; c finds nothing left -> FAIL short 150.
        var r = pooled("wengan-2023", List.of(ex("a", 1000), ex("b", 1000, 300), ex("c", 1000)),
            Map.of("b", Set.of("a", "c")), Map.of("a", 10000.0, "b", 10000.0, "c", 10000.0));
        assertEquals(PASS_POOLED, r.getVerdict("a").status());
        assertEquals(FAIL, r.getVerdict("c").status());
        assertEquals(150, r.getVerdict("c").shortfallM2());
        assertTrue(r.getVerdict("c").reasonEn().contains("with floor area to spare"), r.getVerdict("c").reasonEn());
    }

    @Test
    void large_neighbour_new_neighbour_unknown_land_and_national_profile_do_not_pool() {
        // c is not small (50000 > 20000); n is NEW (new districts never pool): a has no poolable neighbour.
        ResidentialDistrict n = DistrictCheck.district("n", 100, NEW, List.of(2000.0));
        var r = pooled("wengan-2023", List.of(ex("a", 1000), ex("c", 1000, 900), n),
            Map.of("a", Set.of("c", "n")), Map.of("a", 15000.0, "c", 50000.0, "n", 1000.0));
        assertEquals(FAIL, r.getVerdict("a").status());
        assertTrue(r.getVerdict("a").reasonEn().contains("no adjacent small existing district"),
            r.getVerdict("a").reasonEn());
        // a itself too large
        var big = pooled("wengan-2023", List.of(ex("a", 1000), ex("b", 1000, 300)), Map.of("a", Set.of("b")),
            Map.of("a", 25000.0, "b", 18000.0));
        assertEquals(FAIL, big.getVerdict("a").status());
        assertTrue(big.getVerdict("a").reasonEn().contains("land area 25000 m² is above the 20000 m²"));
        // land area unknown
        var unknown = pooled("wengan-2023", List.of(ex("a", 1000), ex("b", 1000, 300)), Map.of("a", Set.of("b")),
            Map.of("b", 18000.0));
        assertTrue(unknown.getVerdict("a").reasonEn().contains("land area unknown"));
        // the national profile does not allow pooling at all
        var nat = pooled("national", List.of(ex("a", 1000), ex("b", 1000, 300)), Map.of("a", Set.of("b")),
            Map.of("a", 15000.0, "b", 18000.0));
        assertEquals(FAIL, nat.getVerdict("a").status());
        assertTrue(nat.getVerdict("a").reasonEn().contains("does not allow pooled provision"));
    }

    // ---- invalid input ---------------------------------------------------------------------------------------

    @Test
    void invalid_plain_values_name_district_and_field() {
        var neg = assertThrows(IllegalArgumentException.class,
            () -> DistrictCheck.district("d7", -5, NEW, List.of()));
        assertTrue(neg.getMessage().startsWith("district d7: households"), neg.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
            () -> DistrictCheck.district("d8", 10, NEW, List.of(100.0, Double.NaN)));
        assertTrue(nan.getMessage().startsWith("district d8: elderlySiteAreasM2[1]"), nan.getMessage());
        var negArea = assertThrows(IllegalArgumentException.class,
            () -> DistrictCheck.district("d9", 10, NEW, List.of(-1.0)));
        assertTrue(negArea.getMessage().startsWith("district d9: elderlySiteAreasM2[0]"), negArea.getMessage());
        var status = assertThrows(IllegalArgumentException.class,
            () -> DistrictCheck.district("d10", 10, null, List.of()));
        assertTrue(status.getMessage().startsWith("district d10: status"), status.getMessage());
    }

    @Test
    void invalid_collections_are_rejected() {
        PolicyProfile w = PolicyProfiles.get("wengan-2023");
        var dup = assertThrows(IllegalArgumentException.class,
            () -> new DistrictCheck(List.of(ex("a", 1), ex("a", 2)), w, DistrictNeighbourhood.none()));
        assertTrue(dup.getMessage().contains("district a: id: duplicate"), dup.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> new DistrictCheck(List.of(ex("a", 1)), w,
            DistrictNeighbourhood.of(Map.of("a", Set.of("zz")), Map.of())));
        assertTrue(unknown.getMessage().contains("unknown district id 'zz'"), unknown.getMessage());
        var land = assertThrows(IllegalArgumentException.class,
            () -> DistrictNeighbourhood.of(Map.of(), Map.of("a", -3.0)));
        assertTrue(land.getMessage().contains("district a: landAreaM2"), land.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DistrictCheck(List.of(), null,
            DistrictNeighbourhood.none()));
    }
}

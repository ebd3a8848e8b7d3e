package org.eldercare.planner.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;
import org.eldercare.planner.policy.PolicyProfiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plausibility of the report on the 贵溪市 sample county (data/guixi, see data/README.md): the sums it must add up to,
 * and the rule breaches the sample generator designed in (FacilitySynthesizer's javadoc). Loaded once.
 */
class GuixiCoverageTest {
    static PlanningData data;
    static CoverageNetwork net;
    static CoverageReport wengan;
    static CoverageReport wendeng;

    @BeforeAll
    static void run() throws Exception {
        data = GuixiSample.data();
        net = CoverageNetwork.build(data, 1.0, CoverageNetwork.DEFAULT_MAX_SNAP_METERS);
        wengan = new CoverageAnalysis(data, net, PolicyProfiles.get("wengan-2023"), CoverageOptions.defaults())
            .compute();
        wendeng = new CoverageAnalysis(data, net, PolicyProfiles.get("wendeng-2021"), CoverageOptions.defaults())
            .compute();
    }

    @Test
    void every_elderly_person_is_counted_once_at_each_level() {
        // data/README.md: the 436 demand points add up to the census 60+ total 96 492.
        UnitCoverage county = wengan.getUnit("360681000000");
        assertEquals(436, county.demandPoints());
        assertEquals(96_492, county.elderly(), 1.0);
        double townships = wengan.units().stream().filter(u -> u.level().isTownshipTier())
            .mapToDouble(UnitCoverage::elderly).sum();
        double communities = wengan.units().stream().filter(u -> u.level().isCommunityTier())
            .mapToDouble(UnitCoverage::elderly).sum();
        assertEquals(county.elderly(), townships, 1e-6);
        assertEquals(county.elderly(), communities, 1e-6);
        // every point is either on the network or reported
        assertEquals(436, net.demandSnapReport().snapped().size() + net.demandSnapReport().unsnapped().size());
        // the uncovered elderly are exactly those inside the spatial gaps
        assertEquals(county.elderlyNotCovered(), wengan.spatialGaps().stream().mapToDouble(SpatialGap::elderly).sum(),
            1e-6);
        for (int i = 1; i < wengan.spatialGaps().size(); i++) {
            assertTrue(wengan.spatialGaps().get(i - 1).elderly() >= wengan.spatialGaps().get(i).elderly());
        }
    }

    @Test
    void the_town_centre_is_covered_and_roadless_towns_are_not() {
        // Roads exist only for the OSM extract of the town centre: the four streets are mostly covered, towns whose
        // demand points are all far from those roads have 0 % and all their elderly off the network.
        for (UnitCoverage u : wengan.units()) {
            if (u.level() == AdminLevel.STREET && !u.name().equals("江北街道")) {
                assertTrue(u.coveredShare() > 0.8, u.name() + " " + u.coveredShare());
            }
        }
        UnitCoverage wenfang = wengan.units().stream().filter(u -> u.name().equals("文坊镇")).findFirst().orElseThrow();
        assertEquals(0, wenfang.elderlyCovered());
        assertEquals(wenfang.elderly(), wenfang.elderlyUnsnapped(), 1e-6);
        assertTrue(wengan.findings().stream().anyMatch(f -> f.ruleId().equals("circle.serviceMinutes")
            && f.status() == FindingStatus.NOT_APPLICABLE && f.messageEn().contains("from the road network")));
    }

    @Test
    void capacity_matches_an_independent_sum_over_the_facility_layer() {
        long beds = 0;
        long nursing = 0;
        for (Facility f : data.facilities()) {
            if (f.kind().isInstitution()) {
                beds += f.beds();
                nursing += f.nursingBeds();
            }
        }
        AdminUnit county = data.findAdminUnit("360681").orElseThrow();
        CapacityMeasure c = wengan.capacity().get(0);
        assertEquals(beds, c.beds());
        assertEquals(nursing, c.nursingBeds());
        assertEquals(beds * 1000.0 / county.elderly60().getAsLong(), c.bedsPer1000Elderly(), 1e-9);
        // far below the 35-bed floor and the 66 % nursing share of Weng'an
        assertEquals(FindingStatus.FAIL, wengan.listFindings("beds.per1000Elderly").get(0).status());
        assertEquals(FindingStatus.FAIL, wengan.listFindings("beds.nursingShare").get(0).status());
    }

    @Test
    void designed_breaches_are_found() {
        // FacilitySynthesizer: "a private institution with 180 beds and no medical room" → the private-beds rule fails
        List<Finding> priv = wengan.listFindings("medicalRoom.privateMinBeds");
        assertTrue(priv.stream().anyMatch(f -> f.status() == FindingStatus.FAIL), priv.toString());
        // township homes designed "public ≥ 50 residents without a medical room" → the public-residents rule fails
        assertTrue(wengan.listFindings("medicalRoom.publicMinResidents").stream()
            .anyMatch(f -> f.status() == FindingStatus.FAIL));
        // "comprehensive centres in three of the four streets" → Wendeng street rule 3/4 = 75 % at the county
        Finding streets = wendeng.listFindings("coverage.street.comprehensiveCentre").stream()
            .filter(f -> f.featureIds().get(0).equals("360681000000")).findFirst().orElseThrow();
        assertEquals(0.75, streets.measured(), 1e-12);
        assertEquals(FindingStatus.FAIL, streets.status());
        // "day-care centres and service stations in some communities but not all" → both community rules fail
        assertTrue(wengan.listFindings("coverage.community.serviceStation").stream()
            .anyMatch(f -> f.status() == FindingStatus.FAIL));
        assertTrue(wendeng.listFindings("coverage.community.dayCareCentre").stream()
            .anyMatch(f -> f.status() == FindingStatus.FAIL));
        // every admin gap names a unit of the data and a kind the unit indeed lacks
        for (AdminGap g : wendeng.adminGaps()) {
            UnitCoverage u = wendeng.getUnit(g.unitCode());
            for (FacilityKind k : g.kinds()) {
                assertTrue(!u.kindsPresent().contains(k), g.toString());
            }
        }
    }

    @Test
    void a_what_if_reuses_the_network() {
        // adding a service station on the first snapped uncovered demand point covers that point at 0 minutes
        DemandAccess target = wengan.demand().stream().filter(d -> d.snapped() && d.nearestMinutes() > 15)
            .findFirst().orElseThrow();
        var p = data.demandPoints().stream().filter(d -> d.id().equals(target.demandPointId())).findFirst()
            .orElseThrow();
        Facility station = Facility.of("new-station", "新建服务站", FacilityKind.SERVICE_STATION, p.location());
        CoverageReport after = new CoverageAnalysis(data, net, PolicyProfiles.get("wengan-2023"),
            CoverageOptions.defaults()).withFacilityAdded(station).compute();
        assertEquals(0, after.getDemand(target.demandPointId()).nearestMinutes(), 1e-9);
        // covered elderly grow by exactly the points that crossed 15 minutes (the target and any neighbours)
        assertEquals(wengan.getUnit("360681000000").elderlyCovered() + p.elderly() + otherPointsNowCovered(after,
            target), after.getUnit("360681000000").elderlyCovered(), 1e-6);
        assertTrue(after.getUnit("360681000000").elderlyCovered() > wengan.getUnit("360681000000").elderlyCovered());
    }

    /** Elderly of the other points that the new station also brings within 15 minutes. */
    private static double otherPointsNowCovered(CoverageReport after, DemandAccess target) {
        double s = 0;
        for (int i = 0; i < after.demand().size(); i++) {
            DemandAccess a = after.demand().get(i);
            if (!a.demandPointId().equals(target.demandPointId()) && a.nearestMinutes() <= 15
                && !(wengan.demand().get(i).nearestMinutes() <= 15)) {
                s += data.demandPoints().get(i).elderly();
            }
        }
        return s;
    }
}

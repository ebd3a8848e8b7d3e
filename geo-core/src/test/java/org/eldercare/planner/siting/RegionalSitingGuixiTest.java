package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eldercare.planner.crs.Geodesy;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.RoadSegmentGraphBuilder;
import org.eldercare.planner.network.SnapProblem;
import org.eldercare.planner.network.TravelProfile;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample county 贵溪市 (data/guixi/guixi.gpkg) on the DRIVE graph of its OSM roads (town centre only) with the
 * straight-line fallback, under docs/examples/regional-siting.yaml (Weng'an 2023 + Changzhi 2019 rules). Every rule is
 * re-checked here independently of the code under test, from the raw layers.
 */
class RegionalSitingGuixiTest {
    static PlanningData data;
    static RoadGraph drive;
    static PolicyProfile profile;

    @BeforeAll
    static void load() {
        try (Workspace ws = Workspaces.open(SharedData.repoRoot().resolve("data/guixi/guixi.gpkg").toString())) {
            data = ws.read();
        }
        drive = RoadSegmentGraphBuilder.build(data.roads(), TravelProfile.drive());
        profile = PolicyProfiles.load(SharedData.repoRoot().resolve("docs/examples/regional-siting.yaml"));
    }

    static RegionalSitingResult run(SitingModel m) {
        return RegionalSiting.propose(data, drive, profile, RegionalSitingParams.of(m, "360681").withMinutes(30)
            .withFallbackSpeedMps(RegionalSitingParams.DEFAULT_DRIVE_FALLBACK_MPS));
    }

    /** Facilities that pass all four candidate rules, computed here from the layers. */
    static Set<String> eligibleByHand() {
        Set<String> ok = new HashSet<>();
        for (Facility f : data.facilities()) {
            if (!f.kind().isInstitution() || !f.adminCode().orElse("").startsWith("360681")) {
                continue;
            }
            double near = Double.POSITIVE_INFINITY;
            for (MedicalFacility m : data.medicalFacilities()) {
                near = Math.min(near, Geodesy.distanceMeters(f.location().getX(), f.location().getY(),
                    m.location().getX(), m.location().getY()));
            }
            boolean closeRes = f.residents().isPresent() && f.residents().getAsInt() < 20;
            boolean closeOcc = f.residents().isPresent() && f.beds() > 0
                && (double) f.residents().getAsInt() / f.beds() < 0.5;
            if (f.beds() >= 80 && near <= 500 && !closeRes && !closeOcc) {
                ok.add(f.id());
            }
        }
        return ok;
    }

    void assertRespectsEveryRule(RegionalSitingResult r) {
        assertEquals(SolveStatus.OPTIMAL, r.siting().status(), r.notes().toString());
        List<String> chosen = r.siting().chosenSiteIds();
        assertTrue(chosen.size() >= 1 && chosen.size() <= 3, "1–3 per county (长治 2019 §三(一)3): " + chosen);
        assertTrue(eligibleByHand().containsAll(chosen), chosen + " vs eligible " + eligibleByHand());
        for (ProposedSite s : r.sites()) {
            Facility f = data.findFacility(s.siteId()).orElseThrow();
            assertTrue(f.beds() >= 80, s.siteId() + " beds");
            assertTrue(s.medicalDistanceMeters() <= 500, s.siteId() + " medical " + s.medicalDistanceMeters());
        }
        // no demand point dropped: every county point is assigned or listed as unserved
        long county = data.demandPoints().stream().filter(d -> d.adminCode().startsWith("360681")).count();
        assertEquals(county, r.siting().assignments().size() + r.unservedDemandIds().size());
        // the OSM roads only cover the town centre: many points are off the network, all reported, and all of them
        // were given a straight-line time
        assertTrue(r.unsnappedDemand().size() > county / 2, "unsnapped " + r.unsnappedDemand().size());
        Set<String> fb = new HashSet<>(r.fallbackDemandIds());
        for (SnapProblem sp : r.unsnappedDemand()) {
            assertTrue(fb.contains(sp.id()), sp.id());
        }
        double total = data.demandPoints().stream().filter(d -> d.adminCode().startsWith("360681"))
            .mapToDouble(DemandPoint::elderly).sum();
        assertEquals(total, r.totalElderly(), 1e-6);
        assertTrue(r.elderlyWithinMinutes() > 0 && r.elderlyWithinMinutes() <= total);
        for (ExcludedCandidate e : r.excluded()) {
            assertFalse(chosen.contains(e.siteId()));
            assertFalse(e.citation().document().isBlank());
        }
    }

    @Test
    void pmedian_proposal_respects_every_regional_rule() {
        RegionalSitingResult r = run(SitingModel.PMEDIAN);
        assertRespectsEveryRule(r);
        // only two institutions pass all four rules (computed above), so p = min(3, 2) = 2 and both are chosen
        assertEquals(eligibleByHand(), new HashSet<>(r.siting().chosenSiteIds()));
    }

    @Test
    void mclp_proposal_respects_every_regional_rule_and_covers_at_least_what_pmedian_covers() {
        RegionalSitingResult mclp = run(SitingModel.MCLP);
        assertRespectsEveryRule(mclp);
        assertTrue(mclp.elderlyWithinMinutes() >= run(SitingModel.PMEDIAN).elderlyWithinMinutes() - 1e-6);
    }
}

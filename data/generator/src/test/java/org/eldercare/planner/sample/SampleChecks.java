package org.eldercare.planner.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.Operator;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictNeighbourhood;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.eldercare.planner.zoning.VerdictStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Checks a sample against the census, the NBS tables and the rules it is meant to exercise. Subclasses supply the
 * data: freshly generated ({@link GeneratedSampleTest}) or loaded from the committed files
 * ({@link CommittedSampleLoadTest}), so a broken generator or a broken committed file both fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampleChecks {
    PlanningData data;

    /** The sample to check; called once per test class. */
    abstract PlanningData load() throws Exception;

    @BeforeAll
    void loadOnce() throws Exception {
        data = load();
    }

    @Test
    void has_every_nbs_unit_once_with_resolving_parents() {
        // NBS 2023: 33 township-tier rows (4 街道, 20 镇/乡, 9 farms/park) and 260 village-tier rows for 360681
        assertEquals(1, data.listAdminUnits(AdminLevel.COUNTY).size());
        assertEquals(4, data.listAdminUnits(AdminLevel.STREET).size());
        assertEquals(29, data.listAdminUnits(AdminLevel.TOWNSHIP).size());
        assertEquals(260, data.listAdminUnits(AdminLevel.COMMUNITY).size()
            + data.listAdminUnits(AdminLevel.VILLAGE).size());
        Map<String, AdminUnit> byCode = data.adminUnitsByCode();
        for (AdminUnit u : data.adminUnits()) {
            if (u.level() == AdminLevel.COUNTY) {
                assertTrue(u.parentCode().isEmpty());
                assertEquals("360681000000", u.code());
                continue;
            }
            AdminUnit parent = byCode.get(u.parentCode().orElseThrow());
            assertTrue(parent != null, u.code() + " parent resolves");
            AdminLevel expected = u.level().isCommunityTier() ? null : AdminLevel.COUNTY;
            if (expected == null) {
                assertTrue(parent.level().isTownshipTier(), u.code() + " parent is a township/street");
            } else {
                assertEquals(expected, parent.level());
            }
        }
        assertEquals("雄石街道", byCode.get("360681002000").name());
        assertEquals("樟坪畲族乡", byCode.get("360681204000").name());
    }

    @Test
    void townships_tile_the_county_and_communities_tile_their_township() {
        AdminUnit county = data.listAdminUnits(AdminLevel.COUNTY).get(0);
        List<AdminUnit> towns = data.adminUnits().stream().filter(u -> u.level().isTownshipTier()).toList();
        assertTiles(county.boundary(), towns.stream().map(AdminUnit::boundary).toList(), county.name());
        for (AdminUnit t : towns) {
            List<Geometry> kids = data.adminUnits().stream()
                .filter(u -> u.parentCode().map(t.code()::equals).orElse(false)).map(AdminUnit::boundary).toList();
            assertTiles(t.boundary(), kids, t.name());
        }
    }

    /**
     * Parts cover the whole within 1e-5 of its area, and no two overlap by more than that. The tolerance allows for
     * the 7-decimal rounding of coordinates (≤ 1 cm shifts along shared edges: a 3 km edge × 0.5 cm ≈ 15 m²).
     */
    static void assertTiles(Geometry whole, List<Geometry> parts, String label) {
        double tol = 1e-5 * whole.getArea();
        double sum = 0;
        for (int i = 0; i < parts.size(); i++) {
            Geometry p = parts.get(i);
            assertTrue(p.isValid() && !p.isEmpty(), label + " part " + i + " valid");
            sum += p.getArea();
            for (int j = i + 1; j < parts.size(); j++) {
                if (p.getEnvelopeInternal().intersects(parts.get(j).getEnvelopeInternal())) {
                    assertTrue(p.intersection(parts.get(j)).getArea() < tol, label + " parts " + i + "," + j);
                }
            }
        }
        assertEquals(whole.getArea(), sum, tol, label + ": area of the parts");
        Geometry union = whole.getFactory().buildGeometry(parts).union();
        double gap = union.symDifference(whole).getArea();
        assertTrue(gap < tol, label + ": parts cover the whole, mismatch " + gap / whole.getArea());
    }

    @Test
    void counts_sum_to_the_census_at_every_level() {
        AdminUnit county = data.listAdminUnits(AdminLevel.COUNTY).get(0);
        assertEquals(540_572, county.population().getAsLong());
        assertEquals(96_492, county.elderly60().getAsLong());
        long commPop = 0;
        long comm60 = 0;
        long comm80 = 0;
        long commHh = 0;
        for (AdminUnit u : data.adminUnits()) {
            if (u.level().isCommunityTier()) {
                commPop += u.population().getAsLong();
                comm60 += u.elderly60().getAsLong();
                comm80 += u.elderly80().getAsLong();
                commHh += u.households().getAsLong();
                assertTrue(u.elderly65().getAsLong() <= u.elderly60().getAsLong());
            }
        }
        assertEquals(540_572, commPop);
        assertEquals(96_492, comm60);
        assertEquals(12_325, comm80);
        assertEquals(169_703, commHh);
        for (AdminUnit t : data.adminUnits().stream().filter(u -> u.level().isTownshipTier()).toList()) {
            long kids60 = data.adminUnits().stream().filter(u -> u.parentCode().map(t.code()::equals).orElse(false))
                .mapToLong(u -> u.elderly60().getAsLong()).sum();
            assertEquals(t.elderly60().getAsLong(), kids60, t.name());
        }
    }

    @Test
    void demand_points_carry_exactly_the_census_elderly() {
        double total = data.demandPoints().stream().mapToDouble(DemandPoint::elderly).sum();
        assertEquals(96_492.0, total, 0.0);
        Map<String, Double> byUnit = data.demandPoints().stream()
            .collect(Collectors.groupingBy(DemandPoint::adminCode, Collectors.summingDouble(DemandPoint::elderly)));
        Map<String, AdminUnit> units = data.adminUnitsByCode();
        byUnit.forEach((code, sum) -> {
            AdminUnit u = units.get(code);
            assertEquals(u.elderly60().getAsLong(), sum, 0.0, code);
            assertTrue(u.level().isCommunityTier());
        });
        assertEquals(260, byUnit.size(), "every community and village has demand");
        for (DemandPoint p : data.demandPoints()) {
            assertTrue(units.get(p.adminCode()).boundary().contains(p.location()), p.id() + " inside its unit");
            assertTrue(p.synthetic());
        }
        int n = data.demandPoints().size();
        assertTrue(n >= 300 && n <= 800, "hundreds of demand points, was " + n);
    }

    @Test
    void demand_is_dense_where_the_osm_roads_are() {
        Envelope box = new Envelope();
        data.roads().forEach(r -> box.expandToInclude(r.geometry().getEnvelopeInternal()));
        AdminUnit county = data.listAdminUnits(AdminLevel.COUNTY).get(0);
        Geometry boxGeom = county.boundary().getFactory().toGeometry(box);
        double areaShare = boxGeom.intersection(county.boundary()).getArea() / county.boundary().getArea();
        double inBox = data.demandPoints().stream().filter(p -> box.contains(p.location().getCoordinate()))
            .mapToDouble(DemandPoint::elderly).sum();
        double demandShare = inBox / 96_492.0;
        // the OSM centre box is under 2 % of the county but holds over 20 % of the elderly
        assertTrue(areaShare < 0.02, "box area share " + areaShare);
        assertTrue(demandShare > 0.20, "demand share in the centre " + demandShare);
    }

    @Test
    void synthetic_records_are_labelled() {
        for (AdminUnit u : data.adminUnits()) {
            assertEquals(u.level() != AdminLevel.COUNTY, u.synthetic(), u.code());
        }
        assertTrue(data.facilities().stream().allMatch(Facility::synthetic));
        assertTrue(data.medicalFacilities().stream().allMatch(MedicalFacility::synthetic));
        assertTrue(data.districts().stream().allMatch(ResidentialDistrict::synthetic));
        // roads are the real OSM ways: 176 highway ways in the extract (SOURCES.md §1)
        assertEquals(176, data.roads().size());
        assertTrue(data.roads().stream().allMatch(r -> r.id().matches("w\\d+") && r.tags().containsKey("highway")));
    }

    @Test
    void districts_pass_and_fail_the_floor_area_rule_as_designed() {
        Map<String, Boolean> verdict = new HashMap<>();
        for (ResidentialDistrict d : data.districts()) {
            // national profile: NEW ≥ 20 m²/100 households and every site ≥ 350 m²; EXISTING ≥ 15 m²/100 households
            double per100 = d.status() == DistrictStatus.NEW ? 20 : 15;
            boolean ratio = d.providedAreaM2() >= per100 * d.households() / 100.0;
            boolean sites = d.status() == DistrictStatus.EXISTING
                || d.elderlySiteAreasM2().stream().allMatch(a -> a >= 350);
            verdict.put(d.id(), ratio && sites);
        }
        assertEquals(Set.of("rd-n1", "rd-n6", "rd-e1", "rd-e4", "rd-p-1"),
            verdict.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .collect(Collectors.toSet()));
        assertEquals(15, verdict.size());
        assertTrue(data.districts().stream().anyMatch(d -> d.status() == DistrictStatus.NEW));
        // pooled p-1..p-3: 240+200+160 = 600 households × 15/100 = 90 m² needed, 90 provided → pass only pooled
        assertEquals(90.0, pooledShortfallBase("rd-p-"), 1e-9);
        // pooled q-1..q-2: 280+250 = 530 × 15/100 = 79.5 needed, 30 provided → fails pooled too
        assertEquals(79.5, 15 * (280 + 250) / 100.0, 1e-9);
        assertEquals(30.0, data.districts().stream().filter(d -> d.id().startsWith("rd-q-"))
            .mapToDouble(ResidentialDistrict::providedAreaM2).sum(), 1e-9);
        // the pooled groups are adjacent (share an edge) and no two districts overlap
        assertTrue(boundary("rd-p-1").distance(boundary("rd-p-2")) < 1e-7);
        assertTrue(boundary("rd-p-2").distance(boundary("rd-p-3")) < 1e-7);
        assertTrue(boundary("rd-q-1").distance(boundary("rd-q-2")) < 1e-7);
        for (ResidentialDistrict a : data.districts()) {
            for (ResidentialDistrict b : data.districts()) {
                if (a != b) {
                    assertTrue(a.boundary().orElseThrow().intersection(b.boundary().orElseThrow()).getArea() < 1e-12,
                        a.id() + " overlaps " + b.id());
                }
            }
        }
    }

    @Test
    void the_zoning_check_gives_the_designed_verdicts_under_a_pooling_profile() {
        // 瓮安 2023: new 20 m²/100 hh and sites ≥ 350 m², existing 15 m²/100 hh, pooling of existing districts
        // ≤ 2 ha that lie ≤ 300 m apart. Expected verdicts as worked out in the test above; p-2, p-3 pass pooled.
        // Adjacency and land areas from the boundaries, measured here in a local equal-scale frame (x = lon·cos φ).
        Map<String, Set<String>> adjacent = new HashMap<>();
        Map<String, Double> land = new HashMap<>();
        AffineTransformation metric = AffineTransformation.scaleInstance(
            111_320 * Math.cos(Math.toRadians(28.3)), 110_574);
        for (ResidentialDistrict a : data.districts()) {
            Geometry ga = metric.transform(a.boundary().orElseThrow());
            land.put(a.id(), ga.getArea());
            for (ResidentialDistrict b : data.districts()) {
                if (a != b && ga.distance(metric.transform(b.boundary().orElseThrow())) <= 300) {
                    adjacent.computeIfAbsent(a.id(), k -> new java.util.TreeSet<>()).add(b.id());
                }
            }
        }
        // the designed small districts: 70×60, 60×60, 50×60 m and 70×60, 60×60 m (within 1 %)
        assertEquals(4200, land.get("rd-p-1"), 42);
        assertEquals(3000, land.get("rd-p-3"), 30);
        assertEquals(Set.of("rd-p-2", "rd-p-3"), adjacent.get("rd-p-1"));
        assertEquals(Set.of("rd-q-1"), adjacent.get("rd-q-2"));
        DistrictCheckResult result = new DistrictCheck(data.districts(), PolicyProfiles.get("wengan-2023"),
            DistrictNeighbourhood.of(adjacent, land)).compute();
        Map<String, VerdictStatus> got = new HashMap<>();
        result.verdicts().forEach(v -> got.put(v.districtId(), v.status()));
        Map<String, VerdictStatus> expected = new HashMap<>();
        for (String id : List.of("rd-n1", "rd-n6", "rd-e1", "rd-e4", "rd-p-1")) {
            expected.put(id, VerdictStatus.PASS);
        }
        expected.put("rd-p-2", VerdictStatus.PASS_POOLED);
        expected.put("rd-p-3", VerdictStatus.PASS_POOLED);
        for (String id : List.of("rd-n2", "rd-n3", "rd-n4", "rd-n5", "rd-e2", "rd-e3", "rd-q-1", "rd-q-2")) {
            expected.put(id, VerdictStatus.FAIL);
        }
        assertEquals(expected, got);
    }

    private double pooledShortfallBase(String prefix) {
        List<ResidentialDistrict> g = data.districts().stream().filter(d -> d.id().startsWith(prefix)).toList();
        assertEquals(3, g.size());
        assertEquals(600, g.stream().mapToInt(ResidentialDistrict::households).sum());
        return g.stream().mapToDouble(ResidentialDistrict::providedAreaM2).sum();
    }

    private Geometry boundary(String id) {
        return data.districts().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().boundary()
            .orElseThrow();
    }

    @Test
    void facilities_exercise_every_rule() {
        Set<FacilityKind> kinds = EnumSet.noneOf(FacilityKind.class);
        data.facilities().forEach(f -> kinds.add(f.kind()));
        assertEquals(EnumSet.allOf(FacilityKind.class), kinds);
        Set<MedicalKind> med = EnumSet.noneOf(MedicalKind.class);
        data.medicalFacilities().forEach(m -> med.add(m.kind()));
        assertEquals(EnumSet.allOf(MedicalKind.class), med);

        List<Facility> homes = of(FacilityKind.TOWNSHIP_NURSING_HOME);
        assertTrue(homes.stream().anyMatch(f -> f.residents().getAsInt() < 20), "a home with < 20 residents");
        assertTrue(homes.stream().anyMatch(f -> f.residents().getAsInt() >= 20 && f.occupancy().getAsDouble() < 0.5),
            "a home with ≥ 20 residents but occupancy < 50 %");
        assertTrue(homes.stream().anyMatch(f -> f.occupancy().getAsDouble() >= 0.5 && f.residents().getAsInt() >= 20),
            "a healthy home");
        assertTrue(data.facilities().stream().anyMatch(f -> f.operator().orElseThrow() == Operator.PUBLIC
            && f.residents().orElse(0) >= 50 && !f.hasMedicalRoom()), "public, ≥ 50 residents, no medical room");
        assertTrue(of(FacilityKind.PRIVATE_INSTITUTION).stream().anyMatch(f -> f.beds() >= 150 && !f.hasMedicalRoom()),
            "private ≥ 150 beds without a medical room");
        assertTrue(of(FacilityKind.REGIONAL_CENTRE).stream().anyMatch(f -> f.beds() >= 80));
        assertTrue(of(FacilityKind.REGIONAL_CENTRE).stream().anyMatch(f -> f.beds() < 80));

        // some but not all township-tier units have a comprehensive centre; same for day-care in communities
        Map<String, AdminUnit> units = data.adminUnitsByCode();
        Set<String> townsWithCc = of(FacilityKind.COMPREHENSIVE_CENTRE).stream()
            .map(f -> units.get(f.adminCode().orElseThrow()).parentCode().orElseThrow()).collect(Collectors.toSet());
        long towns = data.adminUnits().stream().filter(u -> u.level().isTownshipTier()).count();
        assertTrue(townsWithCc.size() >= 3 && townsWithCc.size() < towns, "comprehensive centres " + townsWithCc);
        long dayCare = of(FacilityKind.DAY_CARE_CENTRE).stream().map(f -> f.adminCode().orElseThrow()).distinct()
            .count();
        long comms = data.listAdminUnits(AdminLevel.COMMUNITY).size();
        assertTrue(dayCare >= 3 && dayCare < comms, "day-care in " + dayCare + " of " + comms + " communities");

        // institutions near (≤ 200 m) and far (≥ 2 km) from every medical facility, by great-circle distance
        List<Double> nearest = data.facilities().stream().filter(f -> f.kind().isInstitution())
            .map(f -> data.medicalFacilities().stream().mapToDouble(m -> metres(f.location(), m.location())).min()
                .orElseThrow()).toList();
        assertTrue(nearest.stream().anyMatch(d -> d <= 200), "an institution next to medical care " + nearest);
        assertTrue(nearest.stream().anyMatch(d -> d >= 2000), "an institution far from medical care " + nearest);
        int n = data.facilities().size();
        assertTrue(n >= 30 && n <= 150, "tens of facilities, was " + n);
    }

    @Test
    void facilities_lie_in_the_unit_they_name() {
        Map<String, AdminUnit> units = data.adminUnitsByCode();
        for (Facility f : data.facilities()) {
            AdminUnit u = units.get(f.adminCode().orElseThrow());
            assertTrue(u != null && u.level().isCommunityTier(), f.id());
            assertTrue(u.boundary().contains(f.location()), f.id() + " inside " + u.name());
        }
        AdminUnit county = data.listAdminUnits(AdminLevel.COUNTY).get(0);
        for (MedicalFacility m : data.medicalFacilities()) {
            assertTrue(county.boundary().contains(m.location()), m.id());
        }
    }

    private List<Facility> of(FacilityKind kind) {
        return data.facilities().stream().filter(f -> f.kind() == kind).toList();
    }

    /** Haversine distance on a sphere of radius 6 371 008.8 m (mean Earth radius). */
    static double metres(Point a, Point b) {
        double r = 6_371_008.8;
        double p1 = Math.toRadians(a.getY());
        double p2 = Math.toRadians(b.getY());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.getX() - a.getX());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.sqrt(h));
    }

}

package org.eldercare.planner.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.PlanningData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

class UnitSummarizerTest {
    static Geometry box(double minLon, double minLat, double maxLon, double maxLat) {
        return Geometries.WGS84.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
    }

    /*
     * lat 28.4 +-----------------------+-----------------------+
     *          | township A 360681001  | township B 360681002  |
     *          |  +--------+           |                       |
     *          |  |A1 m1   |           |       f2 (no code)    |
     *          |  +--------+           |                       |
     * lat 28.0 +-----------------------+-----------------------+
     *        117.0                   117.2                   117.4     county 360681 = A + B
     *
     * f1 township nursing home, adminCode 360681001001 (= A1): 60 beds, 30 nursing
     * f2 private institution, no adminCode, at (117.3, 28.2) → found by position in B: 40 beds, 10 nursing
     * f3 day-care centre, adminCode 360681001002 (a community of A not in the data): 8 rest beds, not institutional
     * m1 township health centre at (117.05, 28.1), inside A1
     */
    static final PlanningData DATA = PlanningData.empty("test")
        .withAdminUnits(List.of(
            AdminUnit.of("360681", "测试县", AdminLevel.COUNTY, null, box(117.0, 28.0, 117.4, 28.4))
                .withPopulation(20_000, 2_200, 1_800, 300),
            AdminUnit.of("360681001", "甲镇", AdminLevel.TOWNSHIP, "360681", box(117.0, 28.0, 117.2, 28.4))
                .withPopulation(12_000, 1_200, 1_000, 200),
            AdminUnit.of("360681002", "乙街道", AdminLevel.STREET, "360681", box(117.2, 28.0, 117.4, 28.4))
                .withPopulation(8_000, 1_000, 800, 100),
            AdminUnit.of("360681001001", "甲一村", AdminLevel.VILLAGE, "360681001", box(117.02, 28.05, 117.1, 28.15))
                .withPopulation(3_000, 500, 400, 60)))
        .withFacilities(List.of(
            Facility.of("f1", "甲镇敬老院", FacilityKind.TOWNSHIP_NURSING_HOME, Geometries.point(117.05, 28.1))
                .withBeds(60, 30).withAdminCode("360681001001"),
            Facility.of("f2", "乙养老院", FacilityKind.PRIVATE_INSTITUTION, Geometries.point(117.3, 28.2))
                .withBeds(40, 10),
            Facility.of("f3", "甲二日照", FacilityKind.DAY_CARE_CENTRE, Geometries.point(117.15, 28.3))
                .withBeds(8, 0).withAdminCode("360681001002")))
        .withMedicalFacilities(List.of(
            new MedicalFacility("m1", "甲镇卫生院", MedicalKind.TOWNSHIP_HEALTH_CENTRE, Geometries.point(117.05, 28.1),
                false)));

    final UnitSummaries all = UnitSummarizer.summarize(DATA);

    @Test
    void county_counts_every_facility_and_relates_beds_to_its_elderly() {
        UnitSummary c = all.findUnit("360681").orElseThrow();
        assertEquals(Map.of(FacilityKind.TOWNSHIP_NURSING_HOME, 1, FacilityKind.PRIVATE_INSTITUTION, 1,
            FacilityKind.DAY_CARE_CENTRE, 1), c.facilitiesByKind());
        assertEquals(3, c.facilityCount());
        assertEquals(100, c.beds());                // 60 + 40; f3's 8 day-care rest beds are not institutional beds
        assertEquals(40, c.nursingBeds());                                // 30 + 10
        assertEquals(100 * 1000.0 / 2_200, c.bedsPer1000Elderly().getAsDouble(), 1e-9);  // 45.45
        assertEquals(0.4, c.nursingBedShare().getAsDouble(), 1e-12);      // 40 / 100
        assertEquals(List.of("360681001000", "360681002000"), c.childCodes());
        assertEquals(1, c.medicalCount());
    }

    @Test
    void township_takes_facilities_by_code_prefix_and_by_position_when_the_code_is_missing() {
        UnitSummary a = all.findUnit("360681001").orElseThrow();
        assertEquals(2, a.facilityCount());                               // f1, f3 by code prefix 360681001
        assertEquals(60 * 1000.0 / 1_200, a.bedsPer1000Elderly().getAsDouble(), 1e-9);    // 50
        assertEquals(0.5, a.nursingBedShare().getAsDouble(), 1e-12);      // 30 / 60
        UnitSummary b = all.findUnit("360681002").orElseThrow();
        assertEquals(Map.of(FacilityKind.PRIVATE_INSTITUTION, 1), b.facilitiesByKind());  // f2 by position
        assertEquals(40.0, b.bedsPer1000Elderly().getAsDouble(), 1e-9);   // 40 / 1000 * 1000
        assertEquals(0.25, b.nursingBedShare().getAsDouble(), 1e-12);     // 10 / 40
        assertEquals(0, b.medicalCount());
    }

    @Test
    void village_has_its_own_facility_and_the_health_centre_inside_it() {
        UnitSummary v = all.findUnit("360681001001").orElseThrow();
        assertEquals(120.0, v.bedsPer1000Elderly().getAsDouble(), 1e-9);  // 60 / 500 * 1000
        assertEquals(Map.of(MedicalKind.TOWNSHIP_HEALTH_CENTRE, 1), v.medicalByKind());
        assertEquals(List.of(), v.childCodes());
        assertEquals(List.of("360681001001"),
            all.listChildren("360681001").stream().map(s -> s.unit().code()).toList());
    }

    @Test
    void ratios_are_absent_without_elderly_counts_or_beds() {
        var noCounts = DATA.withAdminUnits(List.of(
            AdminUnit.of("360681", "测试县", AdminLevel.COUNTY, null, box(117.0, 28.0, 117.4, 28.4))));
        UnitSummary c = UnitSummarizer.summarize(noCounts).findUnit("360681").orElseThrow();
        assertTrue(c.bedsPer1000Elderly().isEmpty());
        assertEquals(0.4, c.nursingBedShare().getAsDouble(), 1e-12);
        var noBeds = DATA.withFacilities(List.of());
        assertTrue(UnitSummarizer.summarize(noBeds).findUnit("360681").orElseThrow().nursingBedShare().isEmpty());
    }

    @Test
    void unknown_and_malformed_codes() {
        assertTrue(all.findUnit("360681009").isEmpty());
        assertTrue(all.listChildren("360681009").isEmpty());
        var e = assertThrows(IllegalArgumentException.class, () -> all.findUnit("12ab"));
        assertTrue(e.getMessage().startsWith("code:"), e.getMessage());
    }
}

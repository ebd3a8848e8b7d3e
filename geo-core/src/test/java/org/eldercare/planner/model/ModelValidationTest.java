package org.eldercare.planner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidationTest {
    @Test
    void nursing_beds_above_beds_is_rejected_naming_the_field() {
        var f = Facility.of("f1", "敬老院", FacilityKind.TOWNSHIP_NURSING_HOME, Geometries.point(117.2, 28.3));
        var e = assertThrows(InvalidValueException.class, () -> f.withBeds(10, 11));
        assertEquals("nursingBeds", e.field());
    }

    @Test
    void negative_households_are_rejected_naming_the_field() {
        var e = assertThrows(InvalidValueException.class,
            () -> ResidentialDistrict.of("d1", -1, DistrictStatus.NEW, List.of()));
        assertEquals("households", e.field());
    }

    @Test
    void nan_site_area_is_rejected_naming_the_site() {
        var e = assertThrows(InvalidValueException.class,
            () -> ResidentialDistrict.of("d1", 100, DistrictStatus.NEW, List.of(400.0, Double.NaN)));
        assertEquals("elderlySiteAreasM2[1]", e.field());
    }

    @Test
    void facility_kinds_parse_from_id_enum_name_and_chinese() {
        assertEquals(FacilityKind.DAY_CARE_CENTRE, FacilityKind.parse("kind", "day-care-centre"));
        assertEquals(FacilityKind.DAY_CARE_CENTRE, FacilityKind.parse("kind", "DAY_CARE_CENTRE"));
        assertEquals(FacilityKind.SERVICE_STATION, FacilityKind.parse("kind", "幸福驿站"));
        var e = assertThrows(InvalidValueException.class, () -> FacilityKind.parse("kind", "spa"));
        assertEquals("kind", e.field());
    }

    @Test
    void admin_codes_are_padded_to_twelve_digits() {
        assertEquals("360681000000", AdminUnit.normaliseCode("code", "360681"));
        assertEquals("360681001000", AdminUnit.normaliseCode("code", "360681001"));
        assertThrows(InvalidValueException.class, () -> AdminUnit.normaliseCode("code", "36068"));
    }

    @Test
    void out_of_range_coordinates_are_rejected() {
        var e = assertThrows(InvalidValueException.class,
            () -> Facility.of("f", "x", FacilityKind.CANTEEN, Geometries.point(28.3, 117.2)));
        assertEquals("location", e.field());
    }

    @Test
    void duplicate_ids_in_a_layer_are_rejected() {
        var f = Facility.of("f1", "a", FacilityKind.CANTEEN, Geometries.point(117.2, 28.3));
        var e = assertThrows(InvalidValueException.class,
            () -> PlanningData.empty("t").withFacilities(List.of(f, f)));
        assertEquals("facilities.id", e.field());
    }
}

package org.eldercare.planner.model;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.locationtech.jts.geom.Point;

/**
 * An elderly-service facility: an institution with beds, or a community/home service point. Immutable; validated on
 * construction (nursing beds never exceed beds; counts never negative).
 *
 * @param id             stable id, unique within a data set
 * @param name           name as signposted
 * @param kind           facility kind (see {@link FacilityKind})
 * @param location       WGS84 lon/lat point
 * @param beds           beds (床位), 0 for non-residential facilities
 * @param nursingBeds    nursing-type beds (护理型床位), ≤ beds
 * @param floorAreaM2    building floor area in m², when known
 * @param residents      current residents (在院人数), when known
 * @param operator       who runs it, when known
 * @param hasMedicalRoom whether it has a medical room or nursing station (医务室/护理站)
 * @param openedYear     year it opened, when known
 * @param careStaff      number of care staff (护理员), when known
 * @param adminCode      12-digit code of the community/village (or township) it lies in, when known
 * @param synthetic      true when this facility was synthesised for the sample data
 */
public record Facility(
        String id,
        String name,
        FacilityKind kind,
        Point location,
        int beds,
        int nursingBeds,
        OptionalDouble floorAreaM2,
        OptionalInt residents,
        Optional<Operator> operator,
        boolean hasMedicalRoom,
        OptionalInt openedYear,
        OptionalInt careStaff,
        Optional<String> adminCode,
        boolean synthetic) {

    public Facility {
        id = Checks.requiredText("id", id);
        name = Checks.requiredText("name", name);
        Checks.required("kind", kind);
        Checks.lonLatPoint("location", location);
        Checks.nonNegative("beds", beds);
        Checks.nonNegative("nursingBeds", nursingBeds);
        if (nursingBeds > beds) {
            throw new InvalidValueException("nursingBeds", nursingBeds,
                "must be <= beds (" + beds + "), was " + nursingBeds);
        }
        Checks.nonNegative("floorAreaM2", floorAreaM2);
        Checks.nonNegative("residents", residents);
        Checks.required("operator", operator);
        Checks.nonNegative("openedYear", openedYear);
        Checks.nonNegative("careStaff", careStaff);
        adminCode = Checks.required("adminCode", adminCode).map(c -> AdminUnit.normaliseCode("adminCode", c));
    }

    /** A facility with no beds and no optional attributes; add them with the {@code with…} methods. */
    public static Facility of(String id, String name, FacilityKind kind, Point location) {
        return new Facility(id, name, kind, location, 0, 0, OptionalDouble.empty(), OptionalInt.empty(),
            Optional.empty(), false, OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), false);
    }

    public Facility withBeds(int beds, int nursingBeds) {
        return new Facility(id, name, kind, location, beds, nursingBeds, floorAreaM2, residents, operator,
            hasMedicalRoom, openedYear, careStaff, adminCode, synthetic);
    }

    public Facility withResidents(int residents) {
        return new Facility(id, name, kind, location, beds, nursingBeds, floorAreaM2, OptionalInt.of(residents),
            operator, hasMedicalRoom, openedYear, careStaff, adminCode, synthetic);
    }

    public Facility withFloorAreaM2(double floorAreaM2) {
        return new Facility(id, name, kind, location, beds, nursingBeds, OptionalDouble.of(floorAreaM2), residents,
            operator, hasMedicalRoom, openedYear, careStaff, adminCode, synthetic);
    }

    public Facility withOperator(Operator operator) {
        return new Facility(id, name, kind, location, beds, nursingBeds, floorAreaM2, residents,
            Optional.of(operator), hasMedicalRoom, openedYear, careStaff, adminCode, synthetic);
    }

    public Facility withMedicalRoom(boolean hasMedicalRoom) {
        return new Facility(id, name, kind, location, beds, nursingBeds, floorAreaM2, residents, operator,
            hasMedicalRoom, openedYear, careStaff, adminCode, synthetic);
    }

    public Facility withOpenedYear(int year) {
        return new Facility(id, name, kind, location, beds, nursingBeds, floorAreaM2, residents, operator,
            hasMedicalRoom, OptionalInt.of(year), careStaff, adminCode, synthetic);
    }

    public Facility withCareStaff(int careStaff) {
        return new Facility(id, name, kind, location, beds, nursingBeds, floorAreaM2, residents, operator,
            hasMedicalRoom, openedYear, OptionalInt.of(careStaff), adminCode, synthetic);
    }

    public Facility withAdminCode(String adminCode) {
        return new Facility(id, name, kind, location, beds, nursingBeds, floorAreaM2, residents, operator,
            hasMedicalRoom, openedYear, careStaff, Optional.of(adminCode), synthetic);
    }

    public Facility withLocation(Point location) {
        return new Facility(id, name, kind, location, beds, nursingBeds, floorAreaM2, residents, operator,
            hasMedicalRoom, openedYear, careStaff, adminCode, synthetic);
    }

    public Facility withSynthetic(boolean synthetic) {
        return new Facility(id, name, kind, location, beds, nursingBeds, floorAreaM2, residents, operator,
            hasMedicalRoom, openedYear, careStaff, adminCode, synthetic);
    }

    /** Occupancy = residents / beds, when both are known and beds &gt; 0. */
    public OptionalDouble occupancy() {
        if (beds == 0 || residents.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(residents.getAsInt() / (double) beds);
    }
}

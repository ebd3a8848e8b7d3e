package org.eldercare.planner.coverage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.MedicalKind;

/**
 * What the loaded data says about one administrative unit: its population counts, the elderly-service and medical
 * facilities that lie in it, and two ratios the policy documents set targets for. No travel times are involved
 * (coverage is a separate analysis). Immutable.
 *
 * @param unit               the unit itself (code, name, level, parent and the population counts of the data)
 * @param facilitiesByKind   number of elderly-service facilities of each kind in the unit (kinds with none omitted)
 * @param beds               beds of all facilities in the unit
 * @param nursingBeds        nursing-type beds of all facilities in the unit
 * @param bedsPer1000Elderly beds / elderly60 × 1000 (每千名老年人养老床位数); empty when elderly60 is unknown or 0
 * @param nursingBedShare    nursingBeds / beds in [0, 1] (护理型床位占比); empty when there are no beds
 * @param medicalByKind      number of medical facilities of each kind in the unit (kinds with none omitted)
 * @param childCodes         codes of the units whose parent is this unit, in data order
 */
public record UnitSummary(
        AdminUnit unit,
        Map<FacilityKind, Integer> facilitiesByKind,
        int beds,
        int nursingBeds,
        OptionalDouble bedsPer1000Elderly,
        OptionalDouble nursingBedShare,
        Map<MedicalKind, Integer> medicalByKind,
        List<String> childCodes) {

    public UnitSummary {
        Objects.requireNonNull(unit, "unit");
        facilitiesByKind = Collections.unmodifiableMap(
            facilitiesByKind.isEmpty() ? new EnumMap<>(FacilityKind.class) : new EnumMap<>(facilitiesByKind));
        medicalByKind = Collections.unmodifiableMap(
            medicalByKind.isEmpty() ? new EnumMap<>(MedicalKind.class) : new EnumMap<>(medicalByKind));
        childCodes = List.copyOf(childCodes);
    }

    /** Total number of elderly-service facilities in the unit. */
    public int facilityCount() {
        return facilitiesByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Total number of medical facilities in the unit. */
    public int medicalCount() {
        return medicalByKind.values().stream().mapToInt(Integer::intValue).sum();
    }
}

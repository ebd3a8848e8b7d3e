package org.eldercare.planner.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything an analysis needs about one county or city: admin units, facilities, medical facilities, residential
 * districts, demand points and roads. All geometries are WGS84 lon/lat. Ids are unique within each layer.
 * THIS CLASS IS IMMUTABLE AND THREAD-SAFE.
 */
public record PlanningData(
        String name,
        List<AdminUnit> adminUnits,
        List<Facility> facilities,
        List<MedicalFacility> medicalFacilities,
        List<ResidentialDistrict> districts,
        List<DemandPoint> demandPoints,
        List<RoadSegment> roads) {

    public PlanningData {
        name = Checks.requiredText("name", name);
        adminUnits = List.copyOf(adminUnits);
        facilities = List.copyOf(facilities);
        medicalFacilities = List.copyOf(medicalFacilities);
        districts = List.copyOf(districts);
        demandPoints = List.copyOf(demandPoints);
        roads = List.copyOf(roads);
        unique("adminUnits", adminUnits, AdminUnit::code);
        unique("facilities", facilities, Facility::id);
        unique("medicalFacilities", medicalFacilities, MedicalFacility::id);
        unique("districts", districts, ResidentialDistrict::id);
        unique("demandPoints", demandPoints, DemandPoint::id);
        unique("roads", roads, RoadSegment::id);
    }

    private static <T> void unique(String layer, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T t : items) {
            if (!seen.add(id.apply(t))) {
                throw new InvalidValueException(layer + ".id", id.apply(t),
                    "duplicate id '" + id.apply(t) + "' in layer " + layer);
            }
        }
    }

    public static PlanningData empty(String name) {
        return new PlanningData(name, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public PlanningData withFacilities(List<Facility> facilities) {
        return new PlanningData(name, adminUnits, facilities, medicalFacilities, districts, demandPoints, roads);
    }

    public PlanningData withDistricts(List<ResidentialDistrict> districts) {
        return new PlanningData(name, adminUnits, facilities, medicalFacilities, districts, demandPoints, roads);
    }

    public PlanningData withDemandPoints(List<DemandPoint> demandPoints) {
        return new PlanningData(name, adminUnits, facilities, medicalFacilities, districts, demandPoints, roads);
    }

    public PlanningData withAdminUnits(List<AdminUnit> adminUnits) {
        return new PlanningData(name, adminUnits, facilities, medicalFacilities, districts, demandPoints, roads);
    }

    public PlanningData withMedicalFacilities(List<MedicalFacility> medical) {
        return new PlanningData(name, adminUnits, facilities, medical, districts, demandPoints, roads);
    }

    public PlanningData withRoads(List<RoadSegment> roads) {
        return new PlanningData(name, adminUnits, facilities, medicalFacilities, districts, demandPoints, roads);
    }

    /** Admin units by code. */
    public Map<String, AdminUnit> adminUnitsByCode() {
        return adminUnits.stream().collect(Collectors.toUnmodifiableMap(AdminUnit::code, u -> u));
    }

    public Optional<AdminUnit> findAdminUnit(String code) {
        String c = AdminUnit.normaliseCode("code", code);
        return adminUnits.stream().filter(u -> u.code().equals(c)).findFirst();
    }

    public Optional<Facility> findFacility(String id) {
        return facilities.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Units of the given level, in input order. */
    public List<AdminUnit> listAdminUnits(AdminLevel level) {
        return adminUnits.stream().filter(u -> u.level() == level).toList();
    }
}

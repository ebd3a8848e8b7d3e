package org.eldercare.planner.coverage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.PlanningData;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Summarises every administrative unit of a {@link PlanningData}: population counts as loaded, the facilities in the
 * unit by kind, institutional beds (养老机构床位: kinds with {@code FacilityKind.isInstitution()}, the count the
 * coverage analysis relates to the beds-per-1000 target), nursing beds, beds per 1000 elderly (60+) and the nursing-bed
 * share.
 *
 * <p>Which facilities lie in a unit: a facility whose {@code adminCode} is known belongs to every unit whose code is a
 * prefix of it at that unit's level (city 4 digits, county 6, township/street 9, community/village 12: the structure
 * of the statistical division code). A facility without {@code adminCode}, and every medical facility, belongs to the
 * units whose boundary covers its point. Parents and children are linked through {@code parentCode}.
 *
 * <p>Usage: {@code UnitSummaries all = UnitSummarizer.summarize(data);} THIS CLASS IS IMMUTABLE AND THREAD-SAFE.
 */
public final class UnitSummarizer {
    private final PlanningData data;

    /** @param data the data set; every unit, facility and medical facility is read, nothing is changed */
    public UnitSummarizer(PlanningData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** Shortcut for {@code new UnitSummarizer(data).compute()}. */
    public static UnitSummaries summarize(PlanningData data) {
        return new UnitSummarizer(data).compute();
    }

    /** One summary per admin unit, in data order. */
    public UnitSummaries compute() {
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (AdminUnit u : data.adminUnits()) {
            u.parentCode().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(u.code()));
        }
        List<UnitSummary> out = new ArrayList<>(data.adminUnits().size());
        for (AdminUnit u : data.adminUnits()) {
            out.add(summarise(u, children.getOrDefault(u.code(), List.of())));
        }
        return new UnitSummaries(out);
    }

    private UnitSummary summarise(AdminUnit unit, List<String> childCodes) {
        PreparedGeometry area = PreparedGeometryFactory.prepare(unit.boundary());
        String prefix = unit.code().substring(0, prefixLength(unit.level()));
        Map<FacilityKind, Integer> byKind = new EnumMap<>(FacilityKind.class);
        int beds = 0;
        int nursing = 0;
        for (Facility f : data.facilities()) {
            boolean inside = f.adminCode().map(c -> c.startsWith(prefix)).orElseGet(() -> covers(area, f.location()));
            if (inside) {
                byKind.merge(f.kind(), 1, Integer::sum);
                if (f.kind().isInstitution()) {   // institutional beds, as coverage's beds.per1000Elderly counts them
                    beds += f.beds();
                    nursing += f.nursingBeds();
                }
            }
        }
        Map<MedicalKind, Integer> medical = new EnumMap<>(MedicalKind.class);
        for (MedicalFacility m : data.medicalFacilities()) {
            if (covers(area, m.location())) {
                medical.merge(m.kind(), 1, Integer::sum);
            }
        }
        OptionalDouble perThousand = unit.elderly60().isPresent() && unit.elderly60().getAsLong() > 0
            ? OptionalDouble.of(beds * 1000.0 / unit.elderly60().getAsLong()) : OptionalDouble.empty();
        OptionalDouble nursingShare = beds > 0 ? OptionalDouble.of(nursing / (double) beds) : OptionalDouble.empty();
        return new UnitSummary(unit, byKind, beds, nursing, perThousand, nursingShare, medical, childCodes);
    }

    private static boolean covers(PreparedGeometry area, Point p) {
        return area.covers(p);
    }

    /** Significant digits of a 12-digit statistical division code at each level. */
    static int prefixLength(AdminLevel level) {
        return switch (level) {
            case CITY -> 4;
            case COUNTY -> 6;
            case TOWNSHIP, STREET -> 9;
            case COMMUNITY, VILLAGE -> 12;
        };
    }
}

package org.eldercare.planner.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rule ids the software knows, each with its unit and allowed range. A profile file may only use these ids
 * (plus any id under {@code coverage.}, which must carry a scope and the unit {@code share}); loading rejects
 * unknown ids, other units and values out of range. Immutable.
 *
 * <p>Units: {@code share} is a fraction in [0, 1] (90% = 0.9); {@code m2/100households} is building floor area per
 * 100 households; {@code residents/carer} is the residents one care worker may look after (1:3 → 3).
 */
public final class RuleCatalog {
    /** Prefix of coverage rules; any id below it is accepted with unit {@code share} and a required scope. */
    public static final String COVERAGE_PREFIX = "coverage.";

    /** Expected unit and allowed closed range of a known rule id. Immutable. */
    public record Entry(String id, String unit, double min, double max, String descriptionEn) {}

    private static final Map<String, Entry> ENTRIES;

    static {
        Map<String, Entry> m = new LinkedHashMap<>();
        add(m, "circle.serviceMinutes", "minutes", 1, 120, "travel time of the elderly-service circle");
        add(m, "circle.lifeCircle5.minutes", "minutes", 1, 120, "5-minute life circle band");
        add(m, "circle.lifeCircle10.minutes", "minutes", 1, 120, "10-minute life circle band");
        add(m, "circle.lifeCircle5.walkDistanceM", "m", 1, 10000, "walking distance of the 5-minute life circle");
        add(m, "circle.lifeCircle10.walkDistanceM", "m", 1, 10000, "walking distance of the 10-minute life circle");
        add(m, "circle.lifeCircle15.walkDistanceM", "m", 1, 10000, "walking distance of the 15-minute life circle");
        add(m, "walk.elderlySpeedMps", "m/s", 0.1, 3, "walking speed used for elderly service circles");
        add(m, "district.floorArea.newPer100Households", "m2/100households", 0, 1000,
            "floor area per 100 households, new districts");
        add(m, "district.floorArea.existingPer100Households", "m2/100households", 0, 1000,
            "floor area per 100 households, existing districts and old city");
        add(m, "district.singleSite.minM2", "m2", 0, 100000, "minimum floor area of each site in a new district");
        add(m, "district.pooling.allowed", "flag", 0, 1, "small existing districts may pool provision (1 = yes)");
        add(m, "district.pooling.smallMaxLandAreaM2", "m2", 0, 1e8,
            "largest land area of an existing district counted as small");
        add(m, "district.pooling.adjacentMaxDistanceM", "m", 0, 100000,
            "largest gap between districts counted as adjacent");
        add(m, "district.newComplianceShare", "share", 0, 1, "share of new districts with compliant provision");
        add(m, "district.existingCommunitySpaceElderlyShare", "share", 0, 1,
            "share of community service space in old districts used for elderly service");
        add(m, "station.minM2", "m2", 0, 100000, "smallest community/rural station floor area");
        add(m, "station.maxM2", "m2", 0, 100000, "largest community/rural station floor area");
        add(m, "beds.per1000Elderly", "beds/1000elderly", 0, 1000, "institutional beds per 1000 elderly");
        add(m, "beds.nursingShare", "share", 0, 1, "nursing-type beds as a share of all beds");
        add(m, "staff.residentsPerCarer.fullyDisabled", "residents/carer", 0.1, 100, "care ratio, fully disabled");
        add(m, "staff.residentsPerCarer.semiDisabled", "residents/carer", 0.1, 100, "care ratio, semi-disabled");
        add(m, "staff.residentsPerCarer.selfCare", "residents/carer", 0.1, 100, "care ratio, self-care");
        add(m, "staff.socialWorkersPerElderly", "share", 0, 1, "social workers per elderly person");
        add(m, "medicalRoom.publicMinResidents", "residents", 0, 100000,
            "public institutions with at least this many residents need a medical room");
        add(m, "medicalRoom.privateMinBeds", "beds", 0, 100000,
            "private institutions with at least this many beds need a medical room");
        add(m, "regional.perCounty.min", "count", 0, 100, "fewest regional institutions kept per county");
        add(m, "regional.perCounty.max", "count", 0, 100, "most regional institutions kept per county");
        add(m, "regional.minBeds", "beds", 0, 100000, "minimum beds of a regional township home");
        add(m, "regional.maxDistanceToMedicalM", "m", 0, 100000,
            "largest distance from a regional institution to a medical facility counted as adjacent");
        add(m, "regional.closure.minResidents", "residents", 0, 100000,
            "homes with fewer residents are closed or merged");
        add(m, "regional.closure.minResidentsFirstStage", "residents", 0, 100000,
            "first-stage closure threshold on residents");
        add(m, "regional.closure.minOccupancyShare", "share", 0, 1, "homes with lower occupancy are merged");
        add(m, "regional.countiesWithCentralisedCareShare", "share", 0, 1,
            "share of counties running regional centralised care");
        add(m, "county.centralInstitution.nursingBeds", "beds", 0, 100000,
            "nursing beds of the county regional institution");
        add(m, "county.disabledCareInstitution.min", "count", 0, 100,
            "county institutions focused on disabled 特困 care");
        add(m, "embedded.minNursingBeds", "beds", 0, 100000, "fewest nursing beds of an embedded institution");
        add(m, "embedded.maxNursingBeds", "beds", 0, 100000, "most nursing beds of an embedded institution");
        add(m, "care9073.homeShare", "share", 0, 1, "share of elderly cared for at home");
        add(m, "care9073.communityShare", "share", 0, 1, "share of elderly cared for by community services");
        add(m, "care9073.institutionShare", "share", 0, 1, "share of elderly in institutions");
        ENTRIES = Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Entry> m, String id, String unit, double min, double max, String en) {
        m.put(id, new Entry(id, unit, min, max, en));
    }

    private RuleCatalog() {}

    /** All known ids in catalog order (coverage rules are open-ended and not listed). */
    public static Map<String, Entry> entries() {
        return ENTRIES;
    }

    /**
     * The entry for {@code id}: a listed id, or for any {@code coverage.*} id an entry with unit {@code share} and
     * range [0, 1]; empty for unknown ids.
     */
    public static Optional<Entry> find(String id) {
        Entry e = ENTRIES.get(id);
        if (e != null) {
            return Optional.of(e);
        }
        if (id != null && id.startsWith(COVERAGE_PREFIX) && id.length() > COVERAGE_PREFIX.length()) {
            return Optional.of(new Entry(id, "share", 0, 1, "coverage target"));
        }
        return Optional.empty();
    }

    /** True for {@code coverage.*} ids, which need a scope. */
    public static boolean isCoverage(String id) {
        return id.startsWith(COVERAGE_PREFIX);
    }
}

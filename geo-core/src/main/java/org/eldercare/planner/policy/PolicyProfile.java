package org.eldercare.planner.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.eldercare.planner.model.DistrictStatus;

/**
 * The rules of one jurisdiction (or the national baseline), each with value, unit, binding and citation. A profile
 * that {@code extends} another holds the parent's rules with its own overrides already applied: {@link #rules()} is
 * the effective set. Typed accessors give analyses what they need; rules the profile lacks come back empty rather
 * than as a hidden default. Immutable and thread-safe.
 *
 * <p>Load one with {@link PolicyProfiles#get(String)} (shipped profiles) or {@link PolicyProfiles#load(java.nio.file.Path)}.
 *
 * @param id           stable id, e.g. {@code wengan-2023}
 * @param nameZh       document title in Chinese
 * @param nameEn       document title in English
 * @param jurisdiction jurisdiction, e.g. {@code 瓮安县 Weng'an County (Guizhou)}
 * @param period       period the document covers, e.g. {@code 2023–2025}
 * @param parent       id of the profile this one extends, empty for a root profile
 * @param source       where the profile was loaded from (resource or file path), for messages
 * @param rules        effective rules by id, parent rules first (copied)
 */
public record PolicyProfile(String id, String nameZh, String nameEn, String jurisdiction, String period,
        Optional<String> parent, String source, Map<String, Rule> rules) {

    public PolicyProfile {
        Objects.requireNonNull(id, "id");
        parent = parent == null ? Optional.empty() : parent;
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        for (Map.Entry<String, Rule> e : rules.entrySet()) {
            if (!e.getKey().equals(e.getValue().id())) {
                throw new IllegalArgumentException("rule key " + e.getKey() + " != rule id " + e.getValue().id());
            }
        }
    }

    /**
     * The rule {@code ruleId}.
     *
     * @throws NoSuchElementException naming the rule id and this profile when absent
     */
    public Rule getRule(String ruleId) {
        Rule r = rules.get(ruleId);
        if (r == null) {
            throw new NoSuchElementException("profile " + id + " has no rule " + ruleId + " (it has "
                + rules.size() + " rules; see `planner profile show " + id + "`)");
        }
        return r;
    }

    /** The rule {@code ruleId}, or empty. */
    public Optional<Rule> findRule(String ruleId) {
        return Optional.ofNullable(rules.get(ruleId));
    }

    /**
     * A copy of this profile with rule {@code ruleId}'s value replaced (e.g. a what-if walking speed of 0.76 m/s);
     * this profile is not changed. The copy keeps the id, the rule keeps its unit, citation and binding, its note
     * records the override and the previous value, and {@link #source()} names the override.
     *
     * @throws IllegalArgumentException when the rule is not in this profile, or the value is not finite or outside
     *                                  the {@link RuleCatalog}'s range for the rule, naming the rule, value and range
     */
    public PolicyProfile withRuleValue(String ruleId, double value) {
        Rule old = rules.get(ruleId);
        if (old == null) {
            throw new IllegalArgumentException("ruleId: profile " + id + " has no rule '" + ruleId + "'");
        }
        RuleCatalog.Entry entry = RuleCatalog.find(ruleId).orElseThrow(() -> new IllegalArgumentException(
            "ruleId: '" + ruleId + "' is not in the rule catalog"));
        if (!(value >= entry.min() && value <= entry.max())) {
            throw new IllegalArgumentException(ruleId + ": value must be in [" + Rule.formatValue(entry.min()) + ", "
                + Rule.formatValue(entry.max()) + "] " + entry.unit() + ", was " + value);
        }
        String note = "override " + Rule.formatValue(old.value()) + " -> " + Rule.formatValue(value)
            + (old.note().isEmpty() ? "" : "; " + old.note());
        Rule r = new Rule(old.id(), value, old.unit(), old.citation(), old.binding(), old.descriptionZh(),
            old.descriptionEn(), note, old.assumption(), old.scope());
        Map<String, Rule> copy = new LinkedHashMap<>(rules);
        copy.put(ruleId, r);
        return new PolicyProfile(id, nameZh, nameEn, jurisdiction, period, parent,
            source + " + " + ruleId + "=" + Rule.formatValue(value), copy);
    }

    /** All rules in file order (parent first). */
    public List<Rule> listRules() {
        return List.copyOf(rules.values());
    }

    private OptionalDouble opt(String ruleId) {
        Rule r = rules.get(ruleId);
        return r == null ? OptionalDouble.empty() : OptionalDouble.of(r.value());
    }

    // ---- service circle -------------------------------------------------------------------------------------

    /**
     * Travel-time bands of the service circles in minutes, ascending: the life-circle bands the profile has
     * ({@code circle.lifeCircle5.minutes}, {@code circle.lifeCircle10.minutes}) and the service circle
     * ({@code circle.serviceMinutes}, 15 in every shipped profile). Empty when the profile has none.
     */
    public List<Double> serviceCircleMinutesBands() {
        List<Double> bands = new ArrayList<>();
        for (String id : List.of("circle.lifeCircle5.minutes", "circle.lifeCircle10.minutes",
                "circle.serviceMinutes")) {
            opt(id).ifPresent(v -> {
                if (!bands.contains(v)) {
                    bands.add(v);
                }
            });
        }
        Collections.sort(bands);
        return List.copyOf(bands);
    }

    /** Travel time of the elderly-service circle in minutes ({@code circle.serviceMinutes}). */
    public double serviceCircleMinutes() {
        return getRule("circle.serviceMinutes").value();
    }

    /**
     * Walking speed for elderly service circles in m/s ({@code walk.elderlySpeedMps}); the rule's note gives the
     * measured elderly speeds for sensitivity runs.
     */
    public double elderlyWalkSpeedMps() {
        return getRule("walk.elderlySpeedMps").value();
    }

    // ---- residential districts ------------------------------------------------------------------------------

    /** Floor-area rule per 100 households for a district of this status, or empty if the profile has none. */
    public Optional<Rule> floorAreaRule(DistrictStatus status) {
        return findRule(status == DistrictStatus.NEW ? "district.floorArea.newPer100Households"
            : "district.floorArea.existingPer100Households");
    }

    /** m² per 100 households for new districts. */
    public double newDistrictM2Per100Households() {
        return getRule("district.floorArea.newPer100Households").value();
    }

    /** m² per 100 households for existing districts and the old city. */
    public double existingDistrictM2Per100Households() {
        return getRule("district.floorArea.existingPer100Households").value();
    }

    /** Minimum floor area of each single site of a new district in m², when the profile sets one. */
    public OptionalDouble singleSiteMinM2() {
        return opt("district.singleSite.minM2");
    }

    /**
     * Pooling of small existing districts, present when the profile allows it ({@code district.pooling.allowed}
     * = 1) and states what "small" and "adjacent" mean.
     */
    public Optional<PoolingParameters> pooling() {
        Optional<Rule> allowed = findRule("district.pooling.allowed");
        if (allowed.isEmpty() || allowed.get().value() != 1) {
            return Optional.empty();
        }
        return Optional.of(new PoolingParameters(allowed.get(), getRule("district.pooling.smallMaxLandAreaM2"),
            getRule("district.pooling.adjacentMaxDistanceM")));
    }

    // ---- coverage -------------------------------------------------------------------------------------------

    /** Every {@code coverage.*} rule in typed form, in file order. */
    public List<CoverageRequirement> coverageRequirements() {
        return rules.values().stream().filter(r -> RuleCatalog.isCoverage(r.id())).map(CoverageRequirement::of)
            .toList();
    }

    // ---- beds, staff, institutions --------------------------------------------------------------------------

    /** Institutional beds per 1000 elderly ({@code beds.per1000Elderly}). */
    public OptionalDouble bedsPer1000Elderly() {
        return opt("beds.per1000Elderly");
    }

    /** Nursing-type beds as a share of all beds, 0–1 ({@code beds.nursingShare}). */
    public OptionalDouble nursingBedShare() {
        return opt("beds.nursingShare");
    }

    /** Care-staff ratios when the profile has all three. */
    public Optional<StaffingRatios> staffingRatios() {
        String first = "staff.residentsPerCarer.fullyDisabled";
        return allOf(first, "staff.residentsPerCarer.semiDisabled", "staff.residentsPerCarer.selfCare")
            .map(v -> new StaffingRatios(v[0], v[1], v[2], getRule(first).citation()));
    }

    /** When an institution must have a medical room or nursing station, if the profile says. */
    public Optional<MedicalRoomThresholds> medicalRoomThresholds() {
        String first = "medicalRoom.publicMinResidents";
        return allOf(first, "medicalRoom.privateMinBeds")
            .map(v -> new MedicalRoomThresholds((int) v[0], (int) v[1], getRule(first).citation()));
    }

    /** Rules on regional institutions (区域性养老服务中心 / 中心敬老院); each part empty when not set. */
    public RegionalInstitutionRules regionalInstitutionRules() {
        return new RegionalInstitutionRules(optInt("regional.perCounty.min"), optInt("regional.perCounty.max"),
            opt("regional.minBeds"), opt("regional.maxDistanceToMedicalM"), opt("regional.closure.minResidents"),
            opt("regional.closure.minOccupancyShare"));
    }

    /** The values of all {@code ruleIds}, in order, or empty when the profile lacks any of them. */
    private Optional<double[]> allOf(String... ruleIds) {
        double[] v = new double[ruleIds.length];
        for (int i = 0; i < ruleIds.length; i++) {
            OptionalDouble d = opt(ruleIds[i]);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            v[i] = d.getAsDouble();
        }
        return Optional.of(v);
    }

    private OptionalInt optInt(String ruleId) {
        OptionalDouble d = opt(ruleId);
        return d.isPresent() ? OptionalInt.of((int) d.getAsDouble()) : OptionalInt.empty();
    }

    /** The "9073" split (home / community / institution), when the profile states it. */
    public Optional<CareSplit> careSplit9073() {
        return allOf("care9073.homeShare", "care9073.communityShare", "care9073.institutionShare")
            .map(v -> new CareSplit(v[0], v[1], v[2]));
    }

    /**
     * What pooled provision for small existing districts means in this profile. Immutable.
     *
     * @param allowed            the rule allowing pooling (its citation is the pooling clause)
     * @param smallMaxLandArea   rule: an existing district with land area ≤ this many m² is "small"
     * @param adjacentMaxDistance rule: districts whose boundaries are ≤ this many metres apart are "adjacent"
     */
    public record PoolingParameters(Rule allowed, Rule smallMaxLandArea, Rule adjacentMaxDistance) {
        /** Land area in m² up to which an existing district counts as small. */
        public double smallMaxLandAreaM2() {
            return smallMaxLandArea.value();
        }

        /** Gap in metres up to which two districts count as adjacent. */
        public double adjacentMaxDistanceM() {
            return adjacentMaxDistance.value();
        }
    }

    /** Residents one care worker may look after, by care need (1:3 → 3). Immutable. */
    public record StaffingRatios(double fullyDisabledPerCarer, double semiDisabledPerCarer, double selfCarePerCarer,
            Citation citation) {}

    /**
     * A public institution with ≥ {@code publicMinResidents} residents, or a private one with ≥
     * {@code privateMinBeds} beds, must have a medical room or nursing station. Immutable.
     */
    public record MedicalRoomThresholds(int publicMinResidents, int privateMinBeds, Citation citation) {}

    /**
     * Regional-institution rules; each empty when the profile does not set it. Immutable.
     *
     * @param perCountyMin            fewest regional institutions kept per county
     * @param perCountyMax            most kept per county
     * @param minBeds                 minimum beds of each
     * @param maxDistanceToMedicalM   metres to a medical facility still counted as "adjacent" (an assumption)
     * @param closureMinResidents     homes with fewer residents are closed
     * @param closureMinOccupancyShare homes with lower occupancy (0–1) are merged or converted
     */
    public record RegionalInstitutionRules(OptionalInt perCountyMin, OptionalInt perCountyMax, OptionalDouble minBeds,
            OptionalDouble maxDistanceToMedicalM, OptionalDouble closureMinResidents,
            OptionalDouble closureMinOccupancyShare) {}

    /** Shares of elderly by care setting ("9073": 0.90 / 0.07 / 0.03). Immutable. */
    public record CareSplit(double homeShare, double communityShare, double institutionShare) {}
}

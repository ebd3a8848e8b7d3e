package org.eldercare.planner.zoning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.Rule;

/**
 * Checks residential districts against the elderly-service floor-area rule per 100 households (每百户配建面积) of a
 * {@link PolicyProfile}, and returns one {@link DistrictVerdict} per district.
 *
 * <p>The rule (POLICY-RULES.md §3; e.g. 瓮安 2023 §二(三)9, 吴忠 2023 §三(三)1):
 * <ul>
 *   <li>required m² = rate × households / 100, the rate being {@code district.floorArea.newPer100Households} for NEW
 *       and {@code district.floorArea.existingPer100Households} for EXISTING districts;</li>
 *   <li>TOTAL_AREA: the sum of the district's site floor areas ≥ required ("不少于" means ≥, so a district exactly
 *       at the requirement passes; sums are compared with a tolerance of {@value #TOLERANCE_M2} m² so that
 *       decimal areas such as 100.1 + 85 = 185.1 are not failed by binary rounding);</li>
 *   <li>SINGLE_SITE_MINIMUM (NEW districts, when the profile has {@code district.singleSite.minM2}): every site ≥
 *       the minimum;</li>
 *   <li>pooling (when the profile allows it, {@code district.pooling.allowed} = 1): an EXISTING district that fails
 *       TOTAL_AREA on its own and is small (land area ≤ {@code district.pooling.smallMaxLandAreaM2}) may use the
 *       spare floor area (provided − required) of the small existing districts adjacent to it (adjacency from the
 *       {@link DistrictNeighbourhood}), largest spare first, only as much as it needs. It is PASS_POOLED when the
 *       neighbours' spare covers its shortfall, else FAIL. Spare area given to one district is not available to the
 *       next (districts are served in input order), so no m² is counted twice. New districts never pool.</li>
 *   <li>NOT_APPLICABLE: a district with 0 households, or one whose status has no floor-area rule in the profile.</li>
 * </ul>
 *
 * <p>Inputs are validated in the constructor: district ids must be unique and every id in the neighbourhood must be
 * a district. Model records already reject negative households, negative or NaN areas and missing status; use
 * {@link #district} to build one from plain values with errors naming the district. Bad arguments throw
 * {@link IllegalArgumentException}; rule breaches are returned as verdicts. Immutable; {@link #compute()} may be
 * called any number of times.
 */
public final class DistrictCheck {
    /** Tolerance in m² when comparing floor areas (1 mm² is far below any surveyed area). */
    public static final double TOLERANCE_M2 = 1e-6;

    private final List<ResidentialDistrict> districts;
    private final PolicyProfile profile;
    private final DistrictNeighbourhood neighbourhood;

    /**
     * @param districts     districts to check (copied), unique ids
     * @param profile       the policy profile whose rules apply
     * @param neighbourhood adjacency and land areas for pooling; {@link DistrictNeighbourhood#none()} to disable it
     * @throws IllegalArgumentException for null arguments, duplicate ids or unknown ids in the neighbourhood
     */
    public DistrictCheck(List<ResidentialDistrict> districts, PolicyProfile profile,
            DistrictNeighbourhood neighbourhood) {
        if (districts == null) {
            throw new InvalidValueException("districts", null, "required list is missing");
        }
        if (profile == null) {
            throw new InvalidValueException("profile", null, "required policy profile is missing");
        }
        if (neighbourhood == null) {
            throw new InvalidValueException("neighbourhood", null, "required (use DistrictNeighbourhood.none())");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < districts.size(); i++) {
            ResidentialDistrict d = districts.get(i);
            if (d == null) {
                throw new IllegalArgumentException("districts[" + i + "]: district is missing (null)");
            }
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("district " + d.id() + ": id: duplicate id (districts[" + i + "])");
            }
        }
        neighbourhood.adjacent().forEach((a, bs) -> {
            for (String id : concat(a, bs)) {
                if (!ids.contains(id)) {
                    throw new IllegalArgumentException("district " + a + ": adjacent: unknown district id '" + id
                        + "'");
                }
            }
        });
        for (String id : neighbourhood.landAreasM2().keySet()) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("district " + id + ": landAreaM2 given for an unknown district");
            }
        }
        this.districts = List.copyOf(districts);
        this.profile = profile;
        this.neighbourhood = neighbourhood;
    }

    private static List<String> concat(String a, Set<String> bs) {
        List<String> all = new ArrayList<>(bs);
        all.add(a);
        return all;
    }

    /**
     * Checks {@code districts} against {@code profile}. When the profile allows pooling, adjacency and land areas
     * come from the districts' boundaries ({@link GeometryNeighbourhood#fromBoundaries}); districts without a
     * boundary are not pooled.
     */
    public static DistrictCheckResult check(List<ResidentialDistrict> districts, PolicyProfile profile) {
        DistrictNeighbourhood nb = profile.pooling()
            .map(p -> GeometryNeighbourhood.fromBoundaries(districts, p.adjacentMaxDistanceM()))
            .orElse(DistrictNeighbourhood.none());
        return new DistrictCheck(districts, profile, nb).compute();
    }

    /** Checks one district on its own (no pooling). */
    public static DistrictVerdict check(ResidentialDistrict district, PolicyProfile profile) {
        return new DistrictCheck(List.of(district), profile, DistrictNeighbourhood.none()).compute().verdicts()
            .get(0);
    }

    /**
     * A district from plain values, for checks without geometry.
     *
     * @param id          district id, non-blank
     * @param households  households, ≥ 0
     * @param status      NEW or EXISTING, required
     * @param siteAreasM2 floor area of each elderly-service site in m², each finite and ≥ 0; empty when none
     * @throws IllegalArgumentException naming the district and the field
     */
    public static ResidentialDistrict district(String id, int households, DistrictStatus status,
            List<Double> siteAreasM2) {
        try {
            return ResidentialDistrict.of(id, households, status, siteAreasM2);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("district " + id + ": " + e.getMessage(), e);
        }
    }

    /** Runs the check: one verdict per district, in input order. */
    public DistrictCheckResult compute() {
        Map<String, Own> own = new LinkedHashMap<>();
        for (ResidentialDistrict d : districts) {
            own.put(d.id(), checkAlone(d));
        }
        Map<String, PoolSummary> pools = new HashMap<>();
        Map<String, String> noPoolReason = new HashMap<>();
        Optional<PolicyProfile.PoolingParameters> pooling = profile.pooling();
        // surplus (provided − required) still unassigned, of districts that could give to a neighbour
        Map<String, Double> spare = new HashMap<>();
        pooling.ifPresent(pp -> own.values().stream().filter(o -> poolable(o, pp) && !o.failsTotal())
            .forEach(o -> spare.put(o.d.id(), o.providedM2 - o.requiredM2)));
        for (Own o : own.values()) {
            if (!o.failsTotal() || o.d.status() != DistrictStatus.EXISTING) {
                continue;
            }
            if (pooling.isEmpty()) {
                noPoolReason.put(o.d.id(), "profile " + profile.id() + " does not allow pooled provision");
                continue;
            }
            String why = smallness(o.d.id(), pooling.get());
            if (why != null) {
                noPoolReason.put(o.d.id(), why);
                continue;
            }
            PoolSummary ps = pool(o, own, spare);
            if (ps == null) {
                noPoolReason.put(o.d.id(), "no adjacent small existing district within "
                    + fmt(pooling.get().adjacentMaxDistanceM()) + " m with floor area to spare");
            } else {
                pools.put(o.d.id(), ps);
            }
        }
        List<DistrictVerdict> verdicts = new ArrayList<>();
        for (Own o : own.values()) {
            verdicts.add(verdict(o, o.failsTotal() ? pools.get(o.d.id()) : null, noPoolReason.get(o.d.id()),
                pooling.orElse(null)));
        }
        return new DistrictCheckResult(profile.id(), verdicts);
    }

    /** Null when the district is small enough to pool, else the reason it is not. */
    private String smallness(String id, PolicyProfile.PoolingParameters p) {
        Double land = neighbourhood.landAreasM2().get(id);
        if (land == null) {
            return "land area unknown, so it cannot be shown to be small (≤ " + fmt(p.smallMaxLandAreaM2())
                + " m²) for pooling";
        }
        if (land > p.smallMaxLandAreaM2()) {
            return "land area " + fmt(land) + " m² is above the " + fmt(p.smallMaxLandAreaM2())
                + " m² up to which a district counts as small for pooling";
        }
        return null;
    }

    private boolean poolable(Own o, PolicyProfile.PoolingParameters p) {
        return o.d.status() == DistrictStatus.EXISTING && o.rule.isPresent() && smallness(o.d.id(), p) == null;
    }

    /**
     * Pools a district that fails alone with its adjacent small existing districts that have floor area to spare,
     * largest spare first (ties by id), taking only as much as needed. Spare area handed to one district is not
     * available to the next (districts are served in input order), so no square metre is counted twice. When the
     * spare of all neighbours is not enough, nothing is taken and the summary shows the whole attempt. Null when
     * there is no neighbour with spare area.
     */
    private PoolSummary pool(Own o, Map<String, Own> own, Map<String, Double> spare) {
        List<String> donors = neighbourhood.adjacentTo(o.d.id()).stream()
            .filter(id -> spare.getOrDefault(id, 0.0) > TOLERANCE_M2)
            .sorted(java.util.Comparator.comparing((String id) -> -spare.get(id)).thenComparing(id -> id))
            .toList();
        if (donors.isEmpty()) {
            return null;
        }
        double need = o.requiredM2 - o.providedM2;
        List<String> used = new ArrayList<>();
        double available = 0;
        for (String id : donors) {
            used.add(id);
            available += spare.get(id);
            if (meets(available, need)) {
                break;
            }
        }
        boolean passed = meets(available, need);
        double req = o.requiredM2;
        double prov = o.providedM2;
        double left = need;
        for (String id : used) {
            Own d = own.get(id);
            double give = Math.min(spare.get(id), Math.max(0, left));
            req += d.requiredM2;
            // the donor's own provision minus what it already gave to districts served earlier
            prov += d.requiredM2 + spare.get(id);
            if (passed) {
                spare.put(id, spare.get(id) - give);
                left -= give;
            }
        }
        List<String> members = new ArrayList<>(used);
        members.add(o.d.id());
        members.sort(null);
        return new PoolSummary(members, req, prov, passed);
    }

    /** The district's own check. */
    private final class Own {
        final ResidentialDistrict d;
        final Optional<Rule> rule;
        final Optional<Rule> siteRule;
        final double requiredM2;
        final double providedM2;
        final List<FailedCondition> failed = new ArrayList<>();
        final List<Double> smallSites = new ArrayList<>();

        Own(ResidentialDistrict d) {
            this.d = d;
            this.rule = profile.floorAreaRule(d.status());
            this.siteRule = d.status() == DistrictStatus.NEW ? profile.findRule("district.singleSite.minM2")
                : Optional.empty();
            this.providedM2 = d.providedAreaM2();
            this.requiredM2 = rule.isPresent() && d.households() > 0 ? required(rule.get().value(), d.households())
                : 0;
        }

        boolean applicable() {
            return rule.isPresent() && d.households() > 0;
        }

        boolean failsTotal() {
            return failed.contains(FailedCondition.TOTAL_AREA);
        }
    }

    private Own checkAlone(ResidentialDistrict d) {
        Own o = new Own(d);
        if (!o.applicable()) {
            return o;
        }
        if (!meets(o.providedM2, o.requiredM2)) {
            o.failed.add(FailedCondition.TOTAL_AREA);
        }
        if (o.siteRule.isPresent()) {
            double min = o.siteRule.get().value();
            for (double a : d.elderlySiteAreasM2()) {
                if (!meets(a, min)) {
                    o.smallSites.add(a);
                }
            }
            if (!o.smallSites.isEmpty()) {
                o.failed.add(FailedCondition.SINGLE_SITE_MINIMUM);
            }
        }
        return o;
    }

    /**
     * rate × households / 100 in m². IMPLEMENTATION NOTE: computed as (rate × households) / 100 so that integral
     * rates give exact results whenever the true value is a multiple of 0.01 that doubles can hold
     * (20 × 1750 / 100 = 350 exactly); the comparison tolerance covers the rest.
     */
    static double required(double ratePer100, int households) {
        return ratePer100 * households / 100.0;
    }

    /** "不少于": provided ≥ required, within {@link #TOLERANCE_M2}. */
    static boolean meets(double provided, double required) {
        return provided >= required - TOLERANCE_M2;
    }

    private DistrictVerdict verdict(Own o, PoolSummary pool, String noPoolReason,
            PolicyProfile.PoolingParameters pooling) {
        ResidentialDistrict d = o.d;
        List<String> ids = List.of(d.id());
        if (o.rule.isEmpty()) {
            String key = d.status() == DistrictStatus.NEW ? "district.floorArea.newPer100Households"
                : "district.floorArea.existingPer100Households";
            return new DistrictVerdict(d.id(), d.status(), d.households(), VerdictStatus.NOT_APPLICABLE,
                "政策配置 " + profile.id() + " 未规定" + d.status().nameZh() + "居住区的每百户配建面积（" + key + "）",
                "profile " + profile.id() + " has no floor-area rule for " + d.status().name().toLowerCase()
                    + " districts (" + key + ")",
                0, o.providedM2, 0, List.of(), List.of(), Optional.empty(), List.of(), List.of());
        }
        Rule rule = o.rule.get();
        List<AppliedRule> applied = new ArrayList<>();
        applied.add(AppliedRule.of(rule));
        o.siteRule.ifPresent(r -> applied.add(AppliedRule.of(r)));
        String basisEn = fmt(rule.value()) + " m²/100 households × " + d.households() + " households, "
            + rule.citation();
        String basisZh = "每百户" + fmt(rule.value()) + "平方米×" + d.households() + "户，" + rule.citation();
        if (d.households() == 0) {
            Finding f = new Finding(rule.id(), o.providedM2, 0, "m2", rule.binding(), rule.citation(),
                FindingStatus.NOT_APPLICABLE, ids, "无住户，每百户配建要求为0", "no households, so nothing is required");
            return new DistrictVerdict(d.id(), d.status(), 0, VerdictStatus.NOT_APPLICABLE,
                "居住区无住户，每百户配建面积要求不适用", "district has no households: the per-100-household rule does not apply",
                0, o.providedM2, 0, List.of(), List.of(), Optional.empty(), applied, List.of(f));
        }
        List<Finding> findings = new ArrayList<>();
        boolean totalOk = !o.failsTotal();
        findings.add(new Finding(rule.id(), o.providedM2, o.requiredM2, "m2", rule.binding(), rule.citation(),
            totalOk ? FindingStatus.PASS : FindingStatus.FAIL, ids,
            "配建" + fmt(o.providedM2) + "平方米，" + (totalOk ? "不少于" : "少于") + "要求的" + fmt(o.requiredM2)
                + "平方米（" + basisZh + "）",
            "provides " + fmt(o.providedM2) + " m² " + (totalOk ? "≥" : "<") + " required " + fmt(o.requiredM2)
                + " m² (" + basisEn + ")"));
        if (o.siteRule.isPresent()) {
            Rule sr = o.siteRule.get();
            if (d.elderlySiteAreasM2().isEmpty()) {
                findings.add(new Finding(sr.id(), Double.NaN, sr.value(), "m2", sr.binding(), sr.citation(),
                    FindingStatus.NOT_APPLICABLE, ids, "无养老服务用房，单处面积无从检查",
                    "no site, so the single-site minimum has nothing to check"));
            } else {
                double smallest = d.elderlySiteAreasM2().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                boolean ok = o.smallSites.isEmpty();
                findings.add(new Finding(sr.id(), smallest, sr.value(), "m2", sr.binding(), sr.citation(),
                    ok ? FindingStatus.PASS : FindingStatus.FAIL, ids,
                    ok ? "每处用房均不少于" + fmt(sr.value()) + "平方米（最小" + fmt(smallest) + "平方米）"
                        : o.smallSites.size() + "处用房少于" + fmt(sr.value()) + "平方米（最小" + fmt(smallest) + "平方米）",
                    ok ? "every site has at least " + fmt(sr.value()) + " m² (smallest " + fmt(smallest) + " m²)"
                        : o.smallSites.size() + " site(s) below the single-site minimum of " + fmt(sr.value())
                            + " m² (smallest " + fmt(smallest) + " m², " + sr.citation() + ")"));
            }
        }
        double shortfall = Math.max(0, o.requiredM2 - o.providedM2);
        if (o.failed.isEmpty()) {
            return new DistrictVerdict(d.id(), d.status(), d.households(), VerdictStatus.PASS,
                "配建" + fmt(o.providedM2) + "平方米，不少于要求的" + fmt(o.requiredM2) + "平方米",
                "provides " + fmt(o.providedM2) + " m² ≥ required " + fmt(o.requiredM2) + " m² (" + basisEn + ")",
                o.requiredM2, o.providedM2, 0, List.of(), List.of(), Optional.empty(), applied, findings);
        }
        if (pool != null) {
            applied.add(AppliedRule.of(pooling.allowed()));
            applied.add(AppliedRule.of(pooling.smallMaxLandArea()));
            applied.add(AppliedRule.of(pooling.adjacentMaxDistance()));
            Rule pr = pooling.allowed();
            String members = String.join(", ", pool.memberIds());
            findings.add(new Finding(pr.id(), pool.providedM2(), pool.requiredM2(), "m2", pr.binding(),
                pr.citation(), pool.passed() ? FindingStatus.PASS : FindingStatus.FAIL, pool.memberIds(),
                "相邻小区（" + members + "）统筹配建" + fmt(pool.providedM2()) + "平方米，" + (pool.passed() ? "不少于" : "少于")
                    + "合计要求的" + fmt(pool.requiredM2()) + "平方米",
                "pooled group (" + members + ") provides " + fmt(pool.providedM2()) + " m² "
                    + (pool.passed() ? "≥" : "<") + " its total requirement of " + fmt(pool.requiredM2()) + " m²"));
            if (pool.passed()) {
                List<String> others = pool.memberIds().stream().filter(m -> !m.equals(d.id())).toList();
                return new DistrictVerdict(d.id(), d.status(), d.households(), VerdictStatus.PASS_POOLED,
                    "自身配建" + fmt(o.providedM2) + "平方米不足" + fmt(o.requiredM2) + "平方米，与相邻小区统筹配建后达标（"
                        + pr.citation() + "）",
                    "own " + fmt(o.providedM2) + " m² < required " + fmt(o.requiredM2) + " m², met jointly with "
                        + String.join(", ", others) + " (" + fmt(pool.providedM2()) + " m² ≥ "
                        + fmt(pool.requiredM2()) + " m², " + pr.citation() + ")",
                    o.requiredM2, o.providedM2, 0, o.failed, others, Optional.of(pool), applied, findings);
            }
        }
        StringBuilder en = new StringBuilder();
        StringBuilder zh = new StringBuilder();
        if (o.failsTotal()) {
            en.append("provides ").append(fmt(o.providedM2)).append(" m² < required ").append(fmt(o.requiredM2))
                .append(" m² (").append(basisEn).append("), short by ").append(fmt(shortfall)).append(" m²");
            zh.append("配建").append(fmt(o.providedM2)).append("平方米，少于要求的").append(fmt(o.requiredM2))
                .append("平方米，缺").append(fmt(shortfall)).append("平方米");
        }
        if (o.failed.contains(FailedCondition.SINGLE_SITE_MINIMUM)) {
            Rule sr = o.siteRule.orElseThrow();
            String areas = String.join(", ", o.smallSites.stream().map(DistrictCheck::fmt).toList());
            en.append(en.isEmpty() ? "" : "; ").append("site(s) of ").append(areas).append(" m² below the single-site")
                .append(" minimum of ").append(fmt(sr.value())).append(" m² (").append(sr.citation()).append(")");
            zh.append(zh.isEmpty() ? "" : "；").append("单处用房").append(areas).append("平方米，少于")
                .append(fmt(sr.value())).append("平方米（").append(sr.citation()).append("）");
        }
        if (pool != null) {
            en.append("; pooled group ").append(pool.memberIds()).append(" also short by ")
                .append(fmt(pool.shortfallM2())).append(" m²");
            zh.append("；与相邻小区统筹后仍缺").append(fmt(pool.shortfallM2())).append("平方米");
        } else if (noPoolReason != null) {
            en.append("; not pooled: ").append(noPoolReason);
        }
        return new DistrictVerdict(d.id(), d.status(), d.households(), VerdictStatus.FAIL, zh.toString(),
            en.toString(), o.requiredM2, o.providedM2, shortfall, o.failed, List.of(),
            Optional.ofNullable(pool), applied, findings);
    }

    /** An area for messages: up to 2 decimals, no trailing zeros. */
    static String fmt(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The profile applied. */
    public PolicyProfile profile() {
        return profile;
    }

    /** The districts checked, in input order. */
    public List<ResidentialDistrict> districts() {
        return districts;
    }

}

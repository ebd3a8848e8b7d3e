package org.eldercare.planner.coverage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Operator;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.SnapProblem;
import org.eldercare.planner.policy.CoverageRequirement;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.Rule;

/**
 * Coverage and gap analysis of one PlanningData against one policy profile: population coverage per demand point and
 * admin unit, administrative gaps, spatial gaps and capacity, each breach a {@link Finding} with its citation.
 *
 * <h2>What it computes</h2>
 * <ul>
 *   <li><b>Population coverage.</b> For each facility kind present, ONE multi-source walking search from all its
 *       facilities (bounded at the largest band) gives every demand point the minutes to its nearest facility of
 *       that kind; the nearest of the {@link CoverageOptions#serviceKinds()} decides the bands. A point is within
 *       band {@code b} when its minutes ≤ b (inclusive). Sums per community/village (by the point's
 *       {@code adminCode}), township/street and county/city (by {@code parentCode}): elderly, 80+ and disabled within
 *       each band, covered share, not covered. Demand points farther than the snap distance from any road reach
 *       nothing: they count as not covered and are reported per community as a NOT_APPLICABLE finding under
 *       {@code circle.serviceMinutes} (never dropped). Facilities that cannot be snapped serve nobody in the travel
 *       times (one finding each) but still count for administrative coverage and capacity.</li>
 *   <li><b>Administrative gaps.</b> For each {@code coverage.*} rule: the units at its levels (and urban/rural class;
 *       units of unknown class are not counted and are named in a NOT_APPLICABLE finding) that have no facility of
 *       its kinds in them or their descendants are FAIL findings and {@link AdminGap}s; the share of units with one
 *       is compared with the target in every ancestor (township/street, county, city) that holds counted units.
 *       Membership: a facility belongs to the unit of its {@code adminCode} when that code is a unit of the data
 *       (the registered address wins); otherwise to the deepest unit whose boundary covers its location.</li>
 *   <li><b>Spatial gaps.</b> Uncovered demand points (outside the service circle, including unsnapped ones, elderly
 *       &gt; 0) are clustered by single linkage at {@link CoverageOptions#gapLinkMeters()}; each cluster's polygon is
 *       the union of discs of {@link CoverageOptions#gapBufferMeters()} around its points (in the data's metric
 *       projection), minus the service circles of the service kinds (the {@code circle} package's dissolved
 *       areas, when {@link CoverageOptions#clipGapsByServiceAreas()}; a gap they would erase keeps its discs).
 *       Ranked by uncovered elderly (ties: first point id), each with the community/village and township/street
 *       codes it touches.</li>
 *   <li><b>Capacity</b> per county and city: institutional beds per 1000 elderly ({@code beds.per1000Elderly}),
 *       nursing-bed share ({@code beds.nursingShare}), the "9073" estimate and beds vs the institutional share
 *       ({@code care9073.institutionShare}); per institution: medical room ({@code medicalRoom.*}; public and
 *       publicly-built-privately-run institutions by residents, private ones by beds; a {@code private-institution}
 *       without operator counts as private, other institutions without operator are NOT_APPLICABLE) and staffing
 *       ({@code staff.residentsPerCarer.*}: FAIL when fewer carers than residents / self-care ratio, PASS when at
 *       least residents / fully-disabled ratio, else NOT_APPLICABLE because the residents' care needs are not in the
 *       data).</li>
 * </ul>
 * Rules the profile lacks are skipped, never defaulted.
 *
 * <h2>Inputs</h2>
 * A {@link CoverageNetwork} built for the same demand points and admin units (reused across what-ifs), a profile with
 * {@code circle.serviceMinutes}, and {@link CoverageOptions}. The walking speed (options, else the profile's
 * {@code walk.elderlySpeedMps}) must equal the network graph's speed. Bad inputs throw
 * {@link IllegalArgumentException} naming the field; data problems are findings.
 *
 * <p>Immutable; {@link #compute()} may be called from several threads.
 */
public final class CoverageAnalysis {
    private static final double EPS_MINUTES = 1e-9;

    private final PlanningData data;
    private final CoverageNetwork network;
    private final PolicyProfile profile;
    private final CoverageOptions options;
    private final double serviceMinutes;
    private final List<Double> bands;
    private final Rule circleRule;

    /**
     * @throws IllegalArgumentException when an input is missing, the network was built for other demand points or
     *                                  admin units, the profile lacks {@code circle.serviceMinutes}, or the walking
     *                                  speed differs from the network graph's
     */
    public CoverageAnalysis(PlanningData data, CoverageNetwork network, PolicyProfile profile, CoverageOptions options) {
        if (data == null || network == null || profile == null || options == null) {
            throw new IllegalArgumentException("data, network, profile and options are required");
        }
        if (!network.serves(data)) {
            throw new IllegalArgumentException("network was built for other demand points or admin units than data '"
                + data.name() + "'; build one with CoverageNetwork.build(data, …)");
        }
        this.circleRule = profile.findRule("circle.serviceMinutes").orElseThrow(() -> new IllegalArgumentException(
            "profile " + profile.id() + " has no rule circle.serviceMinutes; coverage needs it"));
        double speed = options.walkSpeedMps().isPresent() ? options.walkSpeedMps().getAsDouble()
            : profile.findRule("walk.elderlySpeedMps").map(Rule::value).orElseThrow(() -> new IllegalArgumentException(
                "profile " + profile.id() + " has no walk.elderlySpeedMps; set options.walkSpeedMps"));
        if (Math.abs(speed - network.walkSpeedMps()) > 1e-9) {
            throw new IllegalArgumentException("walkSpeedMps " + speed + " m/s (from "
                + (options.walkSpeedMps().isPresent() ? "options" : "profile " + profile.id())
                + ") differs from the network graph's " + network.walkSpeedMps()
                + " m/s; build the network with CoverageNetwork.build(data, " + speed + ", …)");
        }
        this.data = data;
        this.network = network;
        this.profile = profile;
        this.options = options;
        this.serviceMinutes = circleRule.value();
        this.bands = options.effectiveBands(profile.serviceCircleMinutesBands(), serviceMinutes);
    }

    /** Coverage of {@code data} against {@code profile} with default options, building the network on the way. */
    public static CoverageReport analyse(PlanningData data, PolicyProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("profile is required");
        }
        CoverageNetwork net = CoverageNetwork.build(data, profile.elderlyWalkSpeedMps(),
            CoverageNetwork.DEFAULT_MAX_SNAP_METERS);
        return new CoverageAnalysis(data, net, profile, CoverageOptions.defaults()).compute();
    }

    public PlanningData data() {
        return data;
    }

    public CoverageNetwork network() {
        return network;
    }

    /** The same analysis with {@code facility} added (its id must be new); reuses the network and its caches. */
    public CoverageAnalysis withFacilityAdded(Facility facility) {
        if (facility == null) {
            throw new IllegalArgumentException("facility is required");
        }
        if (data.findFacility(facility.id()).isPresent()) {
            throw new IllegalArgumentException("facility id '" + facility.id() + "' already exists");
        }
        List<Facility> fs = new ArrayList<>(data.facilities());
        fs.add(facility);
        return new CoverageAnalysis(data.withFacilities(fs), network, profile, options);
    }

    /** The same analysis without facility {@code id}; reuses the network and its caches. */
    public CoverageAnalysis withFacilityRemoved(String id) {
        if (data.findFacility(id).isEmpty()) {
            throw new IllegalArgumentException("facility id '" + id + "' is not in data '" + data.name() + "'");
        }
        return new CoverageAnalysis(data.withFacilities(data.facilities().stream().filter(f -> !f.id().equals(id))
            .toList()), network, profile, options);
    }

    // =================================================================================================== compute

    /** Runs the analysis. */
    public CoverageReport compute() {
        List<Finding> dataFindings = new ArrayList<>();
        Map<String, AdminUnit> byCode = new LinkedHashMap<>();
        data.adminUnits().forEach(u -> byCode.put(u.code(), u));

        // ---- facility snaps and membership
        Map<FacilityKind, List<Facility>> snappedByKind = new EnumMap<>(FacilityKind.class);
        Map<FacilityKind, List<Snap>> snapsByKind = new EnumMap<>(FacilityKind.class);
        Map<String, String> facilityUnit = new HashMap<>();
        List<String> facilitiesOff = new ArrayList<>();
        List<String> facilitiesOutside = new ArrayList<>();
        for (Facility f : data.facilities()) {
            Optional<Snap> s = network.facilitySnap(f);
            snappedByKind.computeIfAbsent(f.kind(), k -> new ArrayList<>());
            snapsByKind.computeIfAbsent(f.kind(), k -> new ArrayList<>());
            if (s.isPresent()) {
                snappedByKind.get(f.kind()).add(f);
                snapsByKind.get(f.kind()).add(s.get());
            } else {
                facilitiesOff.add(f.id());
                dataFindings.add(new Finding(circleRule.id(), Double.NaN, serviceMinutes, circleRule.unit(),
                    circleRule.binding(), circleRule.citation(), FindingStatus.NOT_APPLICABLE, List.of(f.id()),
                    "设施" + f.name() + "（" + f.id() + "）距道路网超过" + fmt(network.maxSnapMeters())
                        + "米，不参与步行时间计算，但仍计入行政覆盖和床位统计",
                    "facility " + f.id() + " (" + f.name() + ") is more than " + fmt(network.maxSnapMeters())
                        + " m from the road network: it serves no demand point in the travel times but still counts "
                        + "for administrative coverage and capacity"));
            }
            Optional<String> unit = f.adminCode().filter(byCode::containsKey)
                .or(() -> network.locate(f.location()).map(AdminUnit::code));
            if (unit.isPresent()) {
                facilityUnit.put(f.id(), unit.get());
            } else {
                facilitiesOutside.add(f.id());
                dataFindings.add(new Finding(circleRule.id(), Double.NaN, serviceMinutes, circleRule.unit(),
                    circleRule.binding(), circleRule.citation(), FindingStatus.NOT_APPLICABLE, List.of(f.id()),
                    "设施" + f.id() + "的行政区划代码" + f.adminCode().orElse("（无）") + "不在数据中且位置不在任何行政区内，不计入行政覆盖",
                    "facility " + f.id() + " has admin code " + f.adminCode().orElse("(none)")
                        + " that is not a unit of the data and lies in no unit's boundary: not counted for "
                        + "administrative coverage or capacity"));
            }
        }
        // ---- population coverage: one multi-source search per kind
        double budgetSeconds = bands.get(bands.size() - 1) * 60;
        Map<FacilityKind, CoverageNetwork.KindAccess> access = new EnumMap<>(FacilityKind.class);
        for (FacilityKind k : snappedByKind.keySet()) {
            access.put(k, network.kindAccess(k, snappedByKind.get(k), snapsByKind.get(k), budgetSeconds));
        }
        List<DemandPoint> points = data.demandPoints();
        List<DemandAccess> demand = new ArrayList<>(points.size());
        double[] nearestMinutes = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            DemandPoint p = points.get(i);
            Map<FacilityKind, Double> byKind = new EnumMap<>(FacilityKind.class);
            double best = Double.POSITIVE_INFINITY;
            Optional<String> bestId = Optional.empty();
            for (var e : access.entrySet()) {
                double m = e.getValue().seconds(i) / 60;
                byKind.put(e.getKey(), m);
                if (options.serviceKinds().contains(e.getKey()) && m < best) {
                    best = m;
                    bestId = e.getValue().facilityId(i);
                }
            }
            nearestMinutes[i] = best;
            demand.add(new DemandAccess(p.id(), p.adminCode(), network.demandSnap(i).isPresent(), byKind, best,
                bestId));
        }
        // ---- demand point -> unit
        String[] pointUnit = new String[points.size()];
        List<String> demandOutside = new ArrayList<>();
        double demandOutsideElderly = 0;
        Map<String, List<String>> unsnappedByUnit = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            DemandPoint p = points.get(i);
            String code = byCode.containsKey(p.adminCode()) ? p.adminCode()
                : network.locate(p.location()).map(AdminUnit::code).orElse(null);
            pointUnit[i] = code;
            if (code == null) {
                demandOutside.add(p.id());
                demandOutsideElderly += p.elderly();
                dataFindings.add(new Finding(circleRule.id(), Double.NaN, serviceMinutes, circleRule.unit(),
                    circleRule.binding(), circleRule.citation(), FindingStatus.NOT_APPLICABLE, List.of(p.id()),
                    "需求点" + p.id() + "的行政区划代码" + p.adminCode() + "不在数据中且位置不在任何行政区内，不计入任何单元汇总",
                    "demand point " + p.id() + " has admin code " + p.adminCode()
                        + " that is not a unit of the data and lies in no unit's boundary: in no unit's totals"));
            }
        }
        Map<String, Double> unsnappedElderly = new HashMap<>();
        for (SnapProblem sp : network.demandSnapReport().unsnapped()) {
            String code = pointUnit[sp.index()] == null ? points.get(sp.index()).adminCode() : pointUnit[sp.index()];
            unsnappedByUnit.computeIfAbsent(code, c -> new ArrayList<>()).add(sp.id());
            unsnappedElderly.merge(code, points.get(sp.index()).elderly(), Double::sum);
        }
        for (var e : unsnappedByUnit.entrySet()) {
            double elderly = unsnappedElderly.get(e.getKey());
            String name = Optional.ofNullable(byCode.get(e.getKey())).map(AdminUnit::name).orElse(e.getKey());
            List<String> ids = new ArrayList<>();
            ids.add(e.getKey());
            ids.addAll(e.getValue());
            dataFindings.add(new Finding(circleRule.id(), Double.NaN, serviceMinutes, circleRule.unit(),
                circleRule.binding(), circleRule.citation(), FindingStatus.NOT_APPLICABLE, ids,
                name + "有" + e.getValue().size() + "个需求点（老年人" + fmt(elderly) + "人）距道路网超过"
                    + fmt(network.maxSnapMeters()) + "米，计为未覆盖",
                name + ": " + e.getValue().size() + " demand point(s) with " + fmt(elderly)
                    + " elderly are more than " + fmt(network.maxSnapMeters())
                    + " m from the road network and count as not covered"));
        }

        // ---- units, ancestors, facility kinds present
        Map<String, List<String>> ancestors = new HashMap<>();
        for (AdminUnit u : data.adminUnits()) {
            ancestors.put(u.code(), chain(u.code(), byCode));
        }
        Map<String, Set<FacilityKind>> kindsIn = new HashMap<>();
        Map<String, List<Facility>> facilitiesIn = new HashMap<>();
        for (Facility f : data.facilities()) {
            String code = facilityUnit.get(f.id());
            if (code == null) {
                continue;
            }
            for (String a : ancestors.get(code)) {
                kindsIn.computeIfAbsent(a, c -> EnumSet.noneOf(FacilityKind.class)).add(f.kind());
                facilitiesIn.computeIfAbsent(a, c -> new ArrayList<>()).add(f);
            }
        }

        Map<String, Acc> acc = new LinkedHashMap<>();
        data.adminUnits().forEach(u -> acc.put(u.code(), new Acc(bands.size())));
        int nb = bands.size();
        double[] bandLimit = new double[nb];
        for (int b = 0; b < nb; b++) {
            bandLimit[b] = bands.get(b) + EPS_MINUTES;
        }
        List<FacilityKind> kinds = List.copyOf(access.keySet());
        List<CoverageNetwork.KindAccess> kindAccess = List.copyOf(access.values());
        for (int i = 0; i < points.size(); i++) {
            if (pointUnit[i] == null) {
                continue;
            }
            DemandPoint p = points.get(i);
            boolean snapped = network.demandSnap(i).isPresent();
            for (String a : ancestors.get(pointUnit[i])) {
                Acc x = acc.get(a);
                x.points++;
                x.elderly += p.elderly();
                x.age80 += p.age80plus();
                x.disabled += p.disabled();
                if (!snapped) {
                    x.unsnapped += p.elderly();
                }
                for (int b = 0; b < nb; b++) {
                    if (nearestMinutes[i] <= bandLimit[b]) {
                        x.bandElderly[b] += p.elderly();
                        x.bandAge80[b] += p.age80plus();
                        x.bandDisabled[b] += p.disabled();
                    }
                }
                for (int k = 0; k < kinds.size(); k++) {
                    double minutes = kindAccess.get(k).seconds(i) / 60;
                    double[][] kb = x.kindBands(kinds.get(k));
                    if (!(minutes <= bandLimit[nb - 1])) {
                        continue; // beyond every band (or unreached): nothing to add
                    }
                    for (int b = 0; b < nb; b++) {
                        if (minutes <= bandLimit[b]) {
                            kb[0][b] += p.elderly();
                            kb[1][b] += p.age80plus();
                            kb[2][b] += p.disabled();
                        }
                    }
                }
            }
        }
        for (Acc x : acc.values()) {
            access.keySet().forEach(x::kindBands);   // every kind of the data, also where none is near
        }
        // ---- administrative gaps
        List<Finding> adminFindings = new ArrayList<>();
        List<AdminGap> adminGaps = new ArrayList<>();
        Map<String, List<String>> lacking = new HashMap<>();
        for (CoverageRequirement req : profile.coverageRequirements()) {
            adminRequirement(req, byCode, ancestors, kindsIn, adminFindings, adminGaps, lacking);
        }

        // ---- capacity
        List<Finding> capacityFindings = new ArrayList<>();
        List<CapacityMeasure> capacity = new ArrayList<>();
        for (AdminUnit u : data.adminUnits()) {
            if (u.level() == AdminLevel.COUNTY || u.level() == AdminLevel.CITY) {
                capacity.add(capacity(u, acc.get(u.code()), facilitiesIn.getOrDefault(u.code(), List.of()),
                    capacityFindings));
            }
        }
        institutionChecks(capacityFindings);

        // ---- spatial gaps
        List<KindCircles> circles = new ArrayList<>();
        if (options.clipGapsByServiceAreas()) {
            for (var e : snappedByKind.entrySet()) {
                if (options.serviceKinds().contains(e.getKey()) && !e.getValue().isEmpty()) {
                    var area = network.kindCircles(e.getKey(), e.getValue(), serviceMinutes);
                    if (!area.isEmpty()) {
                        circles.add(area);
                    }
                }
            }
        }
        List<SpatialGap> gaps = new SpatialGapFinder(data, network, pointUnit, nearestMinutes, serviceMinutes, byCode,
            ancestors, options.gapLinkMeters(), options.gapBufferMeters(), circles).find();

        List<UnitCoverage> units = new ArrayList<>();
        for (AdminUnit u : data.adminUnits()) {
            Acc x = acc.get(u.code());
            List<BandCoverage> bc = new ArrayList<>();
            for (int b = 0; b < bands.size(); b++) {
                bc.add(new BandCoverage(bands.get(b), x.bandElderly[b], x.bandAge80[b], x.bandDisabled[b]));
            }
            Map<FacilityKind, List<BandCoverage>> byKind = new EnumMap<>(FacilityKind.class);
            x.byKind.forEach((k, kb) -> {
                List<BandCoverage> l = new ArrayList<>();
                for (int b = 0; b < bands.size(); b++) {
                    l.add(new BandCoverage(bands.get(b), kb[0][b], kb[1][b], kb[2][b]));
                }
                byKind.put(k, l);
            });
            units.add(new UnitCoverage(u.code(), u.name(), u.level(), u.parentCode(), x.points, x.elderly, x.age80,
                x.disabled, x.unsnapped, bc, serviceMinutes, byKind,
                kindsIn.getOrDefault(u.code(), Set.of()), lacking.getOrDefault(u.code(), List.of())));
        }
        List<Finding> findings = new ArrayList<>(dataFindings);
        findings.addAll(adminFindings);
        findings.addAll(capacityFindings);
        List<DataWarning> warnings = new ArrayList<>();
        String snapM = fmt(network.maxSnapMeters());
        if (!facilitiesOff.isEmpty()) {
            warnings.add(new DataWarning(DataWarning.FACILITY_OFF_NETWORK, "facilities", "geometry",
                facilitiesOff.size(), facilitiesOff, 0,
                facilitiesOff.size() + "个设施距道路网超过" + snapM + "米，不参与步行时间计算",
                facilitiesOff.size() + " facilities are more than " + snapM + " m from the road network and serve no "
                    + "demand point in the travel times"));
        }
        if (!facilitiesOutside.isEmpty()) {
            warnings.add(new DataWarning(DataWarning.FACILITY_OUTSIDE_UNITS, "facilities", "adminCode",
                facilitiesOutside.size(), facilitiesOutside, 0,
                facilitiesOutside.size() + "个设施的行政区划代码不在数据中且位置不在任何行政区内，不计入行政覆盖和床位",
                facilitiesOutside.size() + " facilities have no admin unit of the data (by code or location) and "
                    + "count for no unit's coverage or beds"));
        }
        List<SnapProblem> off = network.demandSnapReport().unsnapped();
        if (!off.isEmpty()) {
            double elderly = off.stream().mapToDouble(sp -> points.get(sp.index()).elderly()).sum();
            warnings.add(new DataWarning(DataWarning.DEMAND_OFF_NETWORK, "demand-points", "geometry", off.size(),
                off.stream().map(SnapProblem::id).toList(), elderly,
                off.size() + "个需求点（老年人" + fmt(elderly) + "人）距道路网超过" + snapM + "米，计为未覆盖",
                off.size() + " demand points (" + fmt(elderly) + " elderly) are more than " + snapM + " m from the "
                    + "road network and count as not covered"));
        }
        if (!demandOutside.isEmpty()) {
            warnings.add(new DataWarning(DataWarning.DEMAND_OUTSIDE_UNITS, "demand-points", "adminCode",
                demandOutside.size(), demandOutside, demandOutsideElderly,
                demandOutside.size() + "个需求点（老年人" + fmt(demandOutsideElderly) + "人）不在任何行政区内，不计入任何单元汇总",
                demandOutside.size() + " demand points (" + fmt(demandOutsideElderly) + " elderly) lie in no admin "
                    + "unit of the data and are in no unit's totals"));
        }
        return new CoverageReport(data.name(), profile.id(), network.walkSpeedMps(), serviceMinutes, bands, demand,
            units, adminGaps, gaps, capacity, findings, FindingTotals.of(findings), warnings);
    }

    /** Per-unit sums while aggregating. */
    private static final class Acc {
        int points;
        double elderly;
        double age80;
        double disabled;
        double unsnapped;
        final double[] bandElderly;
        final double[] bandAge80;
        final double[] bandDisabled;
        /** Per kind: elderly, 80+ and disabled within each band of the nearest facility of that kind. */
        final Map<FacilityKind, double[][]> byKind = new EnumMap<>(FacilityKind.class);

        Acc(int bands) {
            bandElderly = new double[bands];
            bandAge80 = new double[bands];
            bandDisabled = new double[bands];
        }

        double[][] kindBands(FacilityKind k) {
            return byKind.computeIfAbsent(k, kk -> new double[3][bandElderly.length]);
        }
    }

    /** The unit and its ancestors by parentCode, self first; stops at an unknown parent or a cycle. */
    static List<String> chain(String code, Map<String, AdminUnit> byCode) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String c = code;
        while (c != null && byCode.containsKey(c) && seen.add(c)) {
            out.add(c);
            c = byCode.get(c).parentCode().orElse(null);
        }
        return out;
    }

    // =================================================================================================== admin gaps

    private void adminRequirement(CoverageRequirement req, Map<String, AdminUnit> byCode,
            Map<String, List<String>> ancestors, Map<String, Set<FacilityKind>> kindsIn, List<Finding> out,
            List<AdminGap> gaps, Map<String, List<String>> lacking) {
        Rule rule = profile.getRule(req.ruleId());
        List<AdminUnit> counted = new ArrayList<>();
        List<String> unknownClass = new ArrayList<>();
        for (AdminUnit u : byCode.values()) {
            if (!req.adminLevels().contains(u.level())) {
                continue;
            }
            if (req.urbanRural().isPresent() && u.urbanRural().isEmpty()) {
                unknownClass.add(u.code());
            } else if (req.urbanRural().isEmpty() || req.urbanRural().equals(u.urbanRural())) {
                counted.add(u);
            }
        }
        String kindsEn = req.kinds().stream().map(FacilityKind::id).sorted().reduce((a, b) -> a + " or " + b)
            .orElse("");
        String kindsZh = req.kinds().stream().sorted().map(FacilityKind::nameZh).reduce((a, b) -> a + "或" + b)
            .orElse("");
        if (!unknownClass.isEmpty()) {
            out.add(Finding.of(rule, Double.NaN, req.targetShare(), FindingStatus.NOT_APPLICABLE, unknownClass,
                unknownClass.size() + "个单元缺少城乡分类，未计入" + rule.id(),
                unknownClass.size() + " unit(s) have no urban/rural class and are not counted for " + rule.id()
                    + " (" + req.urbanRural().get().name().toLowerCase(Locale.ROOT) + " units only)"));
        }
        Map<String, int[]> perAncestor = new LinkedHashMap<>();
        Map<String, List<String>> lackingPerAncestor = new HashMap<>();
        for (AdminUnit u : counted) {
            boolean has = kindsIn.getOrDefault(u.code(), Set.of()).stream().anyMatch(req.kinds()::contains);
            if (!has) {
                gaps.add(new AdminGap(u.code(), u.name(), u.level(), rule.id(), req.kinds()));
                lacking.computeIfAbsent(u.code(), c -> new ArrayList<>()).add(rule.id());
                out.add(new Finding(rule.id(), 0, 1, "facilities", rule.binding(), rule.citation(), FindingStatus.FAIL,
                    List.of(u.code()), u.name() + "没有" + kindsZh,
                    u.name() + " (" + u.level().name().toLowerCase(Locale.ROOT) + ") has no " + kindsEn));
            }
            List<String> chain = ancestors.get(u.code());
            for (int i = 1; i < chain.size(); i++) {
                int[] c = perAncestor.computeIfAbsent(chain.get(i), k -> new int[2]);
                c[0]++;
                if (has) {
                    c[1]++;
                } else {
                    lackingPerAncestor.computeIfAbsent(chain.get(i), k -> new ArrayList<>()).add(u.code());
                }
            }
        }
        for (var e : perAncestor.entrySet()) {
            AdminUnit a = byCode.get(e.getKey());
            int n = e.getValue()[0];
            int with = e.getValue()[1];
            double share = with / (double) n;
            boolean pass = share + 1e-12 >= req.targetShare();
            List<String> ids = new ArrayList<>();
            ids.add(a.code());
            ids.addAll(lackingPerAncestor.getOrDefault(a.code(), List.of()));
            out.add(Finding.of(rule, share, req.targetShare(), pass ? FindingStatus.PASS : FindingStatus.FAIL, ids,
                String.format(Locale.ROOT, "%s：%d个单元中%d个有%s，覆盖率%.1f%%，目标%.0f%%", a.name(), n, with, kindsZh,
                    share * 100, req.targetShare() * 100),
                String.format(Locale.ROOT, "%s: %d of %d unit(s) have %s, %.1f%% vs target %.0f%%", a.name(), with,
                    n, kindsEn, share * 100, req.targetShare() * 100)));
        }
    }

    // =================================================================================================== capacity

    private CapacityMeasure capacity(AdminUnit u, Acc acc, List<Facility> facilities, List<Finding> out) {
        boolean census = u.elderly60().isPresent();
        double elderly = census ? u.elderly60().getAsLong() : acc.elderly;
        int inst = 0;
        long bedSum = 0;
        long nursingSum = 0;
        for (Facility f : facilities) {
            if (f.kind().isInstitution()) {
                inst++;
                bedSum += f.beds();
                nursingSum += f.nursingBeds();
            }
        }
        final long beds = bedSum;
        final long nursing = nursingSum;
        double per1000 = elderly > 0 ? beds * 1000.0 / elderly : Double.NaN;
        double share = beds > 0 ? nursing / (double) beds : Double.NaN;
        String src = census ? "census" : "sum of demand points";
        String srcZh = census ? "统计数" : "需求点合计";
        profile.findRule("beds.per1000Elderly").ifPresent(r -> {
            if (elderly > 0) {
                boolean pass = per1000 + 1e-9 >= r.value();
                out.add(Finding.of(r, per1000, r.value(), pass ? FindingStatus.PASS : FindingStatus.FAIL,
                    List.of(u.code()), String.format(Locale.ROOT, "%s每千名老年人养老机构床位%.1f张（%d张/老年人%s%s），目标%s张",
                        u.name(), per1000, beds, srcZh, fmt(elderly), fmt(r.value())),
                    String.format(Locale.ROOT, "%s: %.1f institutional beds per 1000 elderly (%d beds / %s elderly, %s)"
                        + " vs target %s", u.name(), per1000, beds, fmt(elderly), src, fmt(r.value()))));
            } else {
                out.add(Finding.of(r, Double.NaN, r.value(), FindingStatus.NOT_APPLICABLE, List.of(u.code()),
                    u.name() + "没有老年人口数据", u.name() + ": no elderly count, beds per 1000 elderly undefined"));
            }
        });
        profile.findRule("beds.nursingShare").ifPresent(r -> {
            if (beds > 0) {
                boolean pass = share + 1e-12 >= r.value();
                out.add(Finding.of(r, share, r.value(), pass ? FindingStatus.PASS : FindingStatus.FAIL,
                    List.of(u.code()), String.format(Locale.ROOT, "%s护理型床位%d张，占床位总数%d张的%.1f%%，目标%.0f%%",
                        u.name(), nursing, beds, share * 100, r.value() * 100),
                    String.format(Locale.ROOT, "%s: %d nursing-type beds of %d beds = %.1f%% vs target %.0f%%",
                        u.name(), nursing, beds, share * 100, r.value() * 100)));
            } else {
                out.add(Finding.of(r, Double.NaN, r.value(), FindingStatus.NOT_APPLICABLE, List.of(u.code()),
                    u.name() + "没有养老机构床位", u.name() + ": no institutional beds, nursing share undefined"));
            }
        });
        double home = Double.NaN;
        double community = Double.NaN;
        double institution = Double.NaN;
        Optional<PolicyProfile.CareSplit> split = profile.careSplit9073();
        if (split.isPresent()) {
            home = elderly * split.get().homeShare();
            community = elderly * split.get().communityShare();
            institution = elderly * split.get().institutionShare();
            Rule r = profile.getRule("care9073.institutionShare");
            if (elderly > 0) {
                double bedShare = beds / elderly;
                boolean pass = bedShare + 1e-12 >= r.value();
                out.add(Finding.of(r, bedShare, r.value(), pass ? FindingStatus.PASS : FindingStatus.FAIL,
                    List.of(u.code()), String.format(Locale.ROOT,
                        "%s按9073估算：居家%.0f人、社区%.0f人、机构%.0f人；现有床位%d张，占老年人%.2f%%，目标%.0f%%",
                        u.name(), home, community, institution, beds, bedShare * 100, r.value() * 100),
                    String.format(Locale.ROOT,
                        "%s, 9073 estimate: %.0f at home, %.0f community, %.0f institutional; %d beds = %.2f%% of "
                            + "elderly vs %.0f%%", u.name(), home, community, institution, beds, bedShare * 100,
                        r.value() * 100)));
            }
        }
        return new CapacityMeasure(u.code(), u.name(), u.level(), elderly, census, inst, beds, nursing, per1000, share,
            home, community, institution);
    }

    private void institutionChecks(List<Finding> out) {
        Optional<PolicyProfile.MedicalRoomThresholds> med = profile.medicalRoomThresholds();
        Optional<PolicyProfile.StaffingRatios> staff = profile.staffingRatios();
        for (Facility f : data.facilities()) {
            if (!f.kind().isInstitution()) {
                continue;
            }
            med.ifPresent(t -> medicalRoom(f, t, out));
            staff.ifPresent(t -> staffing(f, t, out));
        }
    }

    private void medicalRoom(Facility f, PolicyProfile.MedicalRoomThresholds t, List<Finding> out) {
        Rule pubRule = profile.getRule("medicalRoom.publicMinResidents");
        Rule privRule = profile.getRule("medicalRoom.privateMinBeds");
        Optional<Operator> op = f.operator().or(() -> f.kind() == FacilityKind.PRIVATE_INSTITUTION
            ? Optional.of(Operator.PRIVATE) : Optional.empty());
        if (op.isEmpty()) {
            out.add(Finding.of(pubRule, Double.NaN, t.publicMinResidents(), FindingStatus.NOT_APPLICABLE,
                List.of(f.id()), f.name() + "运营主体不明，无法判断是否须设医务室",
                f.name() + " (" + f.id() + "): operator unknown, medical-room rule cannot be decided"));
            return;
        }
        if (op.get() == Operator.PRIVATE) {
            if (f.beds() >= t.privateMinBeds()) {
                out.add(Finding.of(privRule, f.hasMedicalRoom() ? 1 : 0, 1,
                    f.hasMedicalRoom() ? FindingStatus.PASS : FindingStatus.FAIL, List.of(f.id()),
                    f.name() + "为民办机构，床位" + f.beds() + "张（≥" + t.privateMinBeds() + "）"
                        + (f.hasMedicalRoom() ? "，已设医务室或护理站" : "，未设医务室或护理站"),
                    f.name() + " (" + f.id() + "): private, " + f.beds() + " beds (>= " + t.privateMinBeds() + "), "
                        + (f.hasMedicalRoom() ? "has" : "lacks") + " a medical room or nursing station"));
            }
            return;
        }
        if (f.residents().isEmpty()) {
            out.add(Finding.of(pubRule, Double.NaN, t.publicMinResidents(), FindingStatus.NOT_APPLICABLE,
                List.of(f.id()), f.name() + "为公办机构，入住人数不明",
                f.name() + " (" + f.id() + "): public, residents unknown, medical-room rule cannot be decided"));
            return;
        }
        int res = f.residents().getAsInt();
        if (res >= t.publicMinResidents()) {
            out.add(Finding.of(pubRule, f.hasMedicalRoom() ? 1 : 0, 1,
                f.hasMedicalRoom() ? FindingStatus.PASS : FindingStatus.FAIL, List.of(f.id()),
                f.name() + "为公办机构，入住" + res + "人（≥" + t.publicMinResidents() + "）"
                    + (f.hasMedicalRoom() ? "，已设医务室或护理站" : "，未设医务室或护理站"),
                f.name() + " (" + f.id() + "): public, " + res + " residents (>= " + t.publicMinResidents() + "), "
                    + (f.hasMedicalRoom() ? "has" : "lacks") + " a medical room or nursing station"));
        }
    }

    private void staffing(Facility f, PolicyProfile.StaffingRatios t, List<Finding> out) {
        if (f.careStaff().isEmpty() || f.residents().isEmpty()) {
            return;
        }
        int staff = f.careStaff().getAsInt();
        int res = f.residents().getAsInt();
        double minStaff = res / t.selfCarePerCarer();
        double maxStaff = res / t.fullyDisabledPerCarer();
        Rule self = profile.getRule("staff.residentsPerCarer.selfCare");
        Rule full = profile.getRule("staff.residentsPerCarer.fullyDisabled");
        if (staff + 1e-9 < minStaff) {
            out.add(new Finding(self.id(), staff, Math.ceil(minStaff - 1e-9), "carers", self.binding(),
                self.citation(), FindingStatus.FAIL, List.of(f.id()),
                String.format(Locale.ROOT, "%s护理员%d人，入住%d人，即使全部为自理老人也需%d人（1:%s）", f.name(), staff, res,
                    (int) Math.ceil(minStaff - 1e-9), fmt(t.selfCarePerCarer())),
                String.format(Locale.ROOT, "%s (%s): %d care staff for %d residents; even if all were self-care, "
                    + "1:%s needs %d", f.name(), f.id(), staff, res, fmt(t.selfCarePerCarer()),
                    (int) Math.ceil(minStaff - 1e-9))));
        } else if (staff + 1e-9 >= maxStaff) {
            out.add(new Finding(full.id(), staff, Math.ceil(maxStaff - 1e-9), "carers", full.binding(),
                full.citation(), FindingStatus.PASS, List.of(f.id()),
                String.format(Locale.ROOT, "%s护理员%d人，入住%d人，即使全部为失能老人也满足1:%s", f.name(), staff, res,
                    fmt(t.fullyDisabledPerCarer())),
                String.format(Locale.ROOT, "%s (%s): %d care staff for %d residents meets 1:%s even if all were "
                    + "fully disabled", f.name(), f.id(), staff, res, fmt(t.fullyDisabledPerCarer()))));
        } else {
            out.add(new Finding(self.id(), staff, Math.ceil(minStaff - 1e-9), "carers", self.binding(),
                self.citation(), FindingStatus.NOT_APPLICABLE, List.of(f.id()),
                String.format(Locale.ROOT, "%s护理员%d人，入住%d人，是否达标取决于失能程度构成（数据中没有）", f.name(), staff,
                    res),
                String.format(Locale.ROOT, "%s (%s): %d care staff for %d residents; whether that meets 1:%s/1:%s/1:%s"
                    + " depends on the residents' care needs, which the data lacks", f.name(), f.id(), staff, res,
                    fmt(t.fullyDisabledPerCarer()), fmt(t.semiDisabledPerCarer()), fmt(t.selfCarePerCarer()))));
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

package org.eldercare.planner.siting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.eldercare.planner.crs.Geodesy;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.SnapProblem;
import org.eldercare.planner.network.SnapReport;
import org.eldercare.planner.network.Snapper;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.Rule;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Regional elderly-care institutions (区域性养老服务中心 / 中心敬老院) for one county, sited over real layers: builds
 * the demand × candidate {@link CostMatrix} in travel minutes on a {@link RoadGraph} and fills the constraints from the
 * policy profile's regional-institution rules (POLICY-RULES §5), then solves one {@link SitingModel}.
 *
 * <p><b>Demand</b>: the county's {@link DemandPoint}s (admin code starting with the county's 6 digits), weighted by
 * elderly (60+). <b>Candidates</b>: the county's existing institutions (facility admin code, or the point inside the
 * county boundary when the code is missing) and/or extra candidate sites.
 *
 * <p><b>Costs</b>: one Dijkstra per demand point ({@link GraphSearch#costMatrix}) from its snapped position to the
 * snapped candidates, in graph seconds / 60 = minutes. Points farther than {@code maxSnapMeters} from the network are
 * reported in {@link RegionalSitingResult#unsnappedDemand()} / {@code unsnappedCandidates()}, never dropped. With
 * {@code fallbackSpeedMps} set, a pair the network does not connect gets the straight-line (ellipsoidal) time
 * {@code metres / (speed × detourFactor) / 60}, and the demand points served that way are listed; without it, such
 * pairs are unreachable and demand no eligible candidate reaches is listed as unserved (counted in the total elderly,
 * never covered).
 *
 * <p><b>Rules</b> (each only when the profile has it; each reported as a {@link RuleConstraint} with its citation):
 * <ul>
 *   <li>{@code regional.minBeds}: candidates with fewer beds are excluded;</li>
 *   <li>{@code regional.maxDistanceToMedicalM}: candidates farther (straight line, {@link Geodesy}) from every
 *       {@link MedicalFacility} are excluded; with no medical facility in the data every candidate is;</li>
 *   <li>{@code regional.closure.minResidents}, {@code regional.closure.minOccupancyShare}: homes the profile says to
 *       close or merge (known residents below the minimum, known occupancy below the share) are excluded;</li>
 *   <li>{@code regional.perCounty.min/max}: the number of chosen sites (a {@link GroupLimit} on the county; a given p
 *       must lie within it; without p, p = min(maximum, candidates passing the rules));</li>
 *   <li>{@code circle.serviceMinutes}: the service time when {@code minutes} is not given;</li>
 *   <li>{@code beds.per1000Elderly}: CPMEDIAN bed demand = elderly × value / 1000, capacity = beds.</li>
 * </ul>
 *
 * <p>Bad parameters (p outside the county limits, a county with no demand points, a missing rule a model needs) throw
 * {@link IllegalArgumentException}; data findings (no eligible candidate, infeasible limits) come back as an
 * {@link SolveStatus#INFEASIBLE} result with notes. Same inputs ⇒ same answer.
 *
 * <p>The matrix is built once in {@link #fromLayers}; nothing changes afterwards, so {@link #solve()} may be called
 * again (e.g. by a web handler) and from several threads.
 */
public final class RegionalSiting {
    static final String MIN_BEDS = "regional.minBeds";
    static final String MEDICAL = "regional.maxDistanceToMedicalM";
    static final String CLOSE_RESIDENTS = "regional.closure.minResidents";
    static final String CLOSE_OCCUPANCY = "regional.closure.minOccupancyShare";
    static final String COUNT_MIN = "regional.perCounty.min";
    static final String COUNT_MAX = "regional.perCounty.max";
    static final String MINUTES = "circle.serviceMinutes";
    static final String BEDS_PER_1000 = "beds.per1000Elderly";

    private final PlanningData data;
    private final RoadGraph graph;
    private final PolicyProfile profile;
    private final RegionalSitingParams params;

    private final List<DemandPoint> demand = new ArrayList<>();
    private final List<Facility> candidates = new ArrayList<>();
    private final List<Facility> eligible = new ArrayList<>();
    private final List<ExcludedCandidate> excluded = new ArrayList<>();
    private final List<RuleConstraint> filterRules = new ArrayList<>();
    private final List<String> nearestMedical = new ArrayList<>();
    private final List<Double> medicalMeters = new ArrayList<>();
    private final double minutes;
    private final OptionalInt p;
    private SnapReport demandSnaps;
    private SnapReport candidateSnaps;
    /** Demand-major minutes over the county demand × eligible candidates; fallback flags alongside. */
    private double[] cost;
    private boolean[] fallback;

    private RegionalSiting(PlanningData data, RoadGraph graph, PolicyProfile profile, RegionalSitingParams params) {
        if (data == null || graph == null || profile == null || params == null) {
            throw new IllegalArgumentException("data, graph, profile and params are required");
        }
        this.data = data;
        this.graph = graph;
        this.profile = profile;
        this.params = params;
        String prefix = params.countyCode().substring(0, 6);
        for (DemandPoint d : data.demandPoints()) {
            if (d.adminCode().startsWith(prefix)) {
                demand.add(d);
            }
        }
        if (demand.isEmpty()) {
            throw new InvalidValueException("countyCode", params.countyCode(),
                "no demand point has an admin code starting with " + prefix
                + " (" + data.demandPoints().size() + " demand points in " + data.name() + ")");
        }
        Optional<AdminUnit> county = data.findAdminUnit(params.countyCode());
        PreparedGeometry inside = county.map(u -> PreparedGeometryFactory.prepare(u.boundary())).orElse(null);
        if (params.existingInstitutions()) {
            for (Facility f : data.facilities()) {
                if (!f.kind().isInstitution()) {
                    continue;
                }
                boolean in = f.adminCode().map(c -> c.startsWith(prefix))
                    .orElse(inside != null && inside.covers(f.location()));
                if (in) {
                    candidates.add(f);
                }
            }
        }
        for (Facility f : params.extraCandidates()) {
            if (candidates.stream().anyMatch(c -> c.id().equals(f.id()))) {
                throw new InvalidValueException("extraCandidates", null, "id '" + f.id()
                    + "' is already an existing institution of the county");
            }
            candidates.add(f);
        }
        this.minutes = params.minutes().isPresent() ? params.minutes().getAsDouble()
            : profile.findRule(MINUTES).map(Rule::value).orElseThrow(() -> new IllegalArgumentException(
                "minutes: not given and profile " + profile.id() + " has no rule " + MINUTES));
        this.p = resolveP();
        filter();
        buildMatrix();
    }

    /**
     * Builds the cost matrix and applies the rules; {@link #solve()} then solves.
     *
     * @param data    the planning data (demand points, facilities, medical facilities, admin units)
     * @param graph   road graph (DRIVE or WALK profile; arc costs in seconds)
     * @param profile policy profile giving the regional-institution rules
     * @param params  model, county, p, minutes, snapping and fallback
     */
    public static RegionalSiting fromLayers(PlanningData data, RoadGraph graph, PolicyProfile profile,
            RegionalSitingParams params) {
        return new RegionalSiting(data, graph, profile, params);
    }

    /** Shortcut: {@code fromLayers(data, graph, profile, params).solve()}. */
    public static RegionalSitingResult propose(PlanningData data, RoadGraph graph, PolicyProfile profile,
            RegionalSitingParams params) {
        return fromLayers(data, graph, profile, params).solve();
    }

    private OptionalInt resolveP() {
        Optional<Rule> lo = profile.findRule(COUNT_MIN);
        Optional<Rule> hi = profile.findRule(COUNT_MAX);
        if (!params.model().needsP()) {
            return OptionalInt.empty();
        }
        int value;
        if (params.p().isPresent()) {
            value = params.p().getAsInt();
        } else if (hi.isPresent()) {
            return OptionalInt.empty(); // defaulted in solve(): min(max, eligible candidates)
        } else {
            throw new InvalidValueException("p", null, "model " + params.model().id() + " needs p and profile "
                + profile.id() + " has no rule " + COUNT_MAX + " to default it from");
        }
        if (lo.isPresent() && value < lo.get().value()) {
            throw new InvalidValueException("p", value, "must be >= " + COUNT_MIN + " = " + Rule.formatValue(lo.get()
                .value()) + " (" + lo.get().citation() + "), was " + value);
        }
        if (hi.isPresent() && value > hi.get().value()) {
            throw new InvalidValueException("p", value, "must be <= " + COUNT_MAX + " = " + Rule.formatValue(hi.get()
                .value()) + " (" + hi.get().citation() + "), was " + value);
        }
        return OptionalInt.of(value);
    }

    private void filter() {
        Optional<Rule> minBeds = profile.findRule(MIN_BEDS);
        Optional<Rule> medical = profile.findRule(MEDICAL);
        Optional<Rule> closeRes = profile.findRule(CLOSE_RESIDENTS);
        Optional<Rule> closeOcc = profile.findRule(CLOSE_OCCUPANCY);
        int[] hits = new int[4];
        for (Facility f : candidates) {
            MedicalFacility near = null;
            double nearM = Double.NaN;
            for (MedicalFacility mf : data.medicalFacilities()) {
                double d = Geodesy.distanceMeters(f.location().getX(), f.location().getY(), mf.location().getX(),
                    mf.location().getY());
                if (near == null || d < nearM) {
                    near = mf;
                    nearM = d;
                }
            }
            boolean ok = true;
            if (minBeds.isPresent() && f.beds() < minBeds.get().value()) {
                ok = false;
                hits[0]++;
                exclude(f, minBeds.get(), f.beds(), "beds " + f.beds() + " < " + Rule.formatValue(minBeds.get()
                    .value()));
            }
            if (medical.isPresent() && (near == null || nearM > medical.get().value())) {
                ok = false;
                hits[1]++;
                exclude(f, medical.get(), nearM, near == null ? "no medical facility in the data"
                    : String.format(Locale.ROOT, "nearest medical facility %s is %.0f m away > %s m", near.id(), nearM,
                        Rule.formatValue(medical.get().value())));
            }
            if (closeRes.isPresent() && f.residents().isPresent() && f.residents().getAsInt() < closeRes.get()
                    .value()) {
                ok = false;
                hits[2]++;
                exclude(f, closeRes.get(), f.residents().getAsInt(), "residents " + f.residents().getAsInt() + " < "
                    + Rule.formatValue(closeRes.get().value()) + ": to be closed");
            }
            OptionalDouble occ = f.occupancy();
            if (closeOcc.isPresent() && occ.isPresent() && occ.getAsDouble() < closeOcc.get().value()) {
                ok = false;
                hits[3]++;
                exclude(f, closeOcc.get(), occ.getAsDouble(), String.format(Locale.ROOT,
                    "occupancy %.0f %% < %.0f %%: to be merged or converted", occ.getAsDouble() * 100,
                    closeOcc.get().value() * 100));
            }
            if (ok) {
                eligible.add(f);
                nearestMedical.add(near == null ? null : near.id());
                medicalMeters.add(nearM);
            }
        }
        List<Optional<Rule>> rules = List.of(minBeds, medical, closeRes, closeOcc);
        for (int k = 0; k < 4; k++) {
            if (rules.get(k).isPresent()) {
                Rule r = rules.get(k).get();
                filterRules.add(constraint(r, hits[k] > 0, hits[k] + " of " + candidates.size()
                    + " candidates excluded (" + r.descriptionEn() + ")"));
            }
        }
    }

    private void exclude(Facility f, Rule r, double measured, String reason) {
        excluded.add(new ExcludedCandidate(f.id(), f.name(), r.id(), r.citation(), measured, r.value(), reason));
    }

    private static RuleConstraint constraint(Rule r, boolean binding, String explanation) {
        return new RuleConstraint(r.id(), r.citation(), r.value(), r.unit(), r.assumption(), binding, explanation);
    }

    private void buildMatrix() {
        Snapper snapper = new Snapper(graph, params.maxSnapMeters());
        demandSnaps = snapper.snapAll(demand.stream().map(DemandPoint::id).toList(),
            demand.stream().map(DemandPoint::location).toList());
        candidateSnaps = snapper.snapAll(candidates.stream().map(Facility::id).toList(),
            candidates.stream().map(Facility::location).toList());
        int n = demand.size();
        int m = eligible.size();
        cost = new double[n * m];
        fallback = new boolean[n * m];
        java.util.Arrays.fill(cost, Double.POSITIVE_INFINITY);
        List<Snap> targets = new ArrayList<>();
        int[] targetOf = new int[m];
        java.util.Arrays.fill(targetOf, -1);
        for (int j = 0; j < m; j++) {
            String id = eligible.get(j).id();
            for (SnapReport.Snapped s : candidateSnaps.snapped()) {
                if (s.id().equals(id)) {
                    targetOf[j] = targets.size();
                    targets.add(s.snap());
                }
            }
        }
        GraphSearch search = new GraphSearch(graph);
        for (SnapReport.Snapped s : demandSnaps.snapped()) {
            double[][] row = search.costMatrix(List.of(s.snap()), targets, Double.POSITIVE_INFINITY);
            for (int j = 0; j < m; j++) {
                if (targetOf[j] >= 0) {
                    cost[s.index() * m + j] = row[0][targetOf[j]] / 60.0;
                }
            }
        }
        if (params.fallbackSpeedMps().isPresent()) {
            double metresPerMinute = params.fallbackSpeedMps().getAsDouble() * params.detourFactor() * 60;
            for (int i = 0; i < n; i++) {
                Point a = demand.get(i).location();
                for (int j = 0; j < m; j++) {
                    if (cost[i * m + j] == Double.POSITIVE_INFINITY) {
                        Point b = eligible.get(j).location();
                        cost[i * m + j] = Geodesy.distanceMeters(a.getX(), a.getY(), b.getX(), b.getY())
                            / metresPerMinute;
                        fallback[i * m + j] = true;
                    }
                }
            }
        }
    }

    /** Solves the model on the matrix and assembles the explained proposal. */
    public RegionalSitingResult solve() {
        int n = demand.size();
        int m = eligible.size();
        List<String> notes = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<String> unserved = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (int j = 0; j < m && !any; j++) {
                any = cost[i * m + j] < Double.POSITIVE_INFINITY;
            }
            if (any) {
                rows.add(i);
            } else {
                unserved.add(demand.get(i).id());
            }
        }
        double totalElderly = demand.stream().mapToDouble(DemandPoint::elderly).sum();
        List<RuleConstraint> constraints = new ArrayList<>(filterRules);
        Optional<Rule> lo = profile.findRule(COUNT_MIN);
        Optional<Rule> hi = profile.findRule(COUNT_MAX);
        Optional<Rule> minutesRule = params.minutes().isPresent() ? Optional.empty() : profile.findRule(MINUTES);
        String mode = graph.profileName();
        if (m == 0 || rows.isEmpty()) {
            notes.add(m == 0 ? "no candidate passes the regional rules (" + candidates.size() + " candidates, "
                + excluded.size() + " exclusions)" : "no demand point reaches an eligible candidate on the "
                + mode + " network (enable the straight-line fallback?)");
            SitingResult none = new SitingResult(params.model().name(), SolveStatus.INFEASIBLE, List.of(), List.of(),
                0, 0, Double.NaN, Double.NaN, Double.NaN, "input check", 0, List.of(), notes);
            addCountRules(constraints, lo, hi, 0);
            minutesRule.ifPresent(r -> constraints.add(constraint(r, false, "service time "
                + Rule.formatValue(minutes) + " min used to report coverage")));
            return new RegionalSitingResult(params.countyCode(), profile.id(), params.model(), mode, minutes, none,
                List.of(), constraints, excluded, demandSnaps.unsnapped(), candidateSnaps.unsnapped(), List.of(),
                unserved, totalElderly, 0, notes);
        }
        List<String> ids = new ArrayList<>();
        double[] w = new double[rows.size()];
        double[] flat = new double[rows.size() * m];
        for (int r = 0; r < rows.size(); r++) {
            int i = rows.get(r);
            ids.add(demand.get(i).id());
            w[r] = demand.get(i).elderly();
            System.arraycopy(cost, i * m, flat, r * m, m);
        }
        List<CandidateSite> sites = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            Facility f = eligible.get(j);
            double md = medicalMeters.get(j);
            sites.add(new CandidateSite(f.id(), Optional.of(f.location()), params.countyCode(), f.beds(),
                Double.isNaN(md) ? OptionalDouble.empty() : OptionalDouble.of(md)));
        }
        CostMatrix mx = CostMatrix.ofFlat(ids, w, sites, flat);
        List<GroupLimit> limits = new ArrayList<>();
        if (lo.isPresent() || hi.isPresent()) {
            int min = lo.map(r -> (int) r.value()).orElse(0);
            int max = hi.map(r -> (int) r.value()).orElse(Integer.MAX_VALUE);
            limits.add(new GroupLimit(params.countyCode(), min, Math.max(min, max)));
        }
        SolveOptions opt = SolveOptions.defaults().withTimeLimitSeconds(params.timeLimitSeconds())
            .withGroupLimits(limits);
        int p = this.p.orElse(0);
        if (params.model().needsP() && this.p.isEmpty()) {
            int max = (int) hi.orElseThrow().value();
            p = Math.min(max, m);
            notes.add("p = " + p + ": the most sites " + COUNT_MAX + " (" + hi.get().citation() + ") allows"
                + (m < max ? ", limited by the " + m + " candidates that pass the rules" : ""));
        }
        SitingResult res;
        if (params.model().needsP() && (p > m || p < lo.map(r -> (int) r.value()).orElse(0))) {
            res = Results.none(params.model().name(), SolveStatus.INFEASIBLE, mx, "input check", System.nanoTime(),
                List.of(), List.of("p = " + p + " but " + m + " candidates pass the regional rules"
                    + lo.map(r -> " (" + COUNT_MIN + " = " + Rule.formatValue(r.value()) + ")").orElse("")));
        } else {
            res = switch (params.model()) {
                case LSCP -> LSCP.fromCostMatrix(mx, minutes).solve(opt);
                case LSCPB -> LSCPB.fromCostMatrix(mx, minutes).solve(opt);
                case MCLP -> MCLP.fromCostMatrix(mx, minutes, p).solve(opt);
                case PMEDIAN -> PMedian.fromCostMatrix(mx, p).solve(opt);
                case PCENTER -> PCenter.fromCostMatrix(mx, p).solve(opt);
                case CPMEDIAN -> capacitated(mx, constraints, p).solve(opt);
            };
        }
        notes.addAll(res.notes());
        int chosen = res.chosenSiteIds().size();
        addCountRules(constraints, lo, hi, res.status() == SolveStatus.INFEASIBLE ? -1 : chosen);
        boolean minutesBinding = params.model() == SitingModel.LSCP || params.model() == SitingModel.LSCPB
            || params.model() == SitingModel.MCLP;
        minutesRule.ifPresent(r -> constraints.add(constraint(r, minutesBinding, (minutesBinding
            ? "every served point must be / as much elderly as possible is within " : "coverage reported within ")
            + Rule.formatValue(minutes) + " min")));

        // coverage: within the minutes of ANY chosen site, independent of the model's assignment
        boolean[] open = new boolean[m];
        for (String id : res.chosenSiteIds()) {
            open[mx.candidateIndex("chosen", id)] = true;
        }
        double within = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < m; j++) {
                if (open[j] && mx.cost(r, j) <= minutes) {
                    within += w[r];
                    break;
                }
            }
        }
        List<String> fallbackIds = new ArrayList<>();
        int[] count = new int[m];
        double[] assigned = new double[m];
        double[] assignedWithin = new double[m];
        double[] maxMin = new double[m];
        for (int r = 0; r < rows.size(); r++) {
            Assignment a = res.assignments().get(r);
            if (a.siteId().isEmpty()) {
                continue;
            }
            int j = mx.candidateIndex("assignment", a.siteId().get());
            count[j]++;
            assigned[j] += a.weight();
            if (a.cost() <= minutes) {
                assignedWithin[j] += a.weight();
            }
            maxMin[j] = Math.max(maxMin[j], a.cost());
            if (fallback[rows.get(r) * m + j]) {
                fallbackIds.add(a.demandId());
            }
        }
        List<ProposedSite> proposed = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            if (open[j]) {
                Facility f = eligible.get(j);
                proposed.add(new ProposedSite(f.id(), f.name(), f.location(), f.beds(),
                    Optional.ofNullable(nearestMedical.get(j)), medicalMeters.get(j), count[j], assigned[j],
                    assignedWithin[j], maxMin[j]));
            }
        }
        if (!unserved.isEmpty()) {
            notes.add(unserved.size() + " demand points (" + Math.round(demand.stream().filter(d -> unserved
                .contains(d.id())).mapToDouble(DemandPoint::elderly).sum()) + " elderly) reach no eligible candidate on"
                + " the " + mode + " network" + (params.fallbackSpeedMps().isEmpty()
                    ? " and there is no straight-line fallback" : ""));
        }
        return new RegionalSitingResult(params.countyCode(), profile.id(), params.model(), mode, minutes, res,
            proposed, constraints, excluded, demandSnaps.unsnapped(), candidateSnaps.unsnapped(), fallbackIds,
            unserved, totalElderly, within, notes);
    }

    private CapacitatedPMedian capacitated(CostMatrix mx, List<RuleConstraint> constraints, int p) {
        Rule r = profile.findRule(BEDS_PER_1000).orElseThrow(() -> new IllegalArgumentException(
            "model: cpmedian needs the bed demand rule " + BEDS_PER_1000 + ", which profile " + profile.id()
                + " lacks"));
        double[] loads = new double[mx.demandCount()];
        double total = 0;
        for (int i = 0; i < loads.length; i++) {
            loads[i] = mx.weight(i) * r.value() / 1000;
            total += loads[i];
        }
        double[] caps = mx.candidates().stream().mapToDouble(CandidateSite::beds).toArray();
        constraints.add(constraint(r, true, String.format(Locale.ROOT,
            "bed demand %.0f beds (elderly × %s / 1000) must fit the chosen sites' beds", total,
            Rule.formatValue(r.value()))));
        return CapacitatedPMedian.fromCostMatrix(mx, p, loads, caps);
    }

    private void addCountRules(List<RuleConstraint> out, Optional<Rule> lo, Optional<Rule> hi, int chosen) {
        String what = chosen < 0 ? "no feasible proposal" : chosen + " sites chosen";
        lo.ifPresent(r -> out.add(constraint(r, chosen >= 0 && chosen == (int) r.value(), "at least "
            + Rule.formatValue(r.value()) + " per county: " + what)));
        hi.ifPresent(r -> out.add(constraint(r, chosen >= 0 && chosen == (int) r.value(), "at most "
            + Rule.formatValue(r.value()) + " per county: " + what)));
    }

    /** Demand points of the county. */
    public int demandCount() {
        return demand.size();
    }

    /** Candidates considered (before the rules). */
    public int candidateCount() {
        return candidates.size();
    }

    /** Candidates that pass the rules. */
    public int eligibleCount() {
        return eligible.size();
    }
}

package org.eldercare.planner.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eldercare.planner.circle.CircleMode;
import org.eldercare.planner.circle.ServiceAreaCalculator;
import org.eldercare.planner.circle.ServiceAreaParams;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.coverage.CoverageAnalysis;
import org.eldercare.planner.coverage.CoverageNetwork;
import org.eldercare.planner.coverage.CoverageOptions;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.TravelGraphs;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.scenario.Scenario;
import org.eldercare.planner.scenario.ScenarioBase;
import org.eldercare.planner.scenario.ScenarioResult;
import org.eldercare.planner.scenario.ScenarioRun;
import org.eldercare.planner.siting.RegionalSiting;
import org.eldercare.planner.siting.RegionalSitingParams;
import org.eldercare.planner.siting.RegionalSitingResult;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictVerdict;

/**
 * Everything worked out once for one loaded {@link PlanningData} under one {@link PolicyProfile}: the road graphs per
 * travel mode and speed ({@link TravelGraphs}), the walking {@link CoverageNetwork}, the baseline coverage reports
 * (per profile) and service circles, and the scenario base; {@link #apply(Scenario)} runs a scenario on it and returns
 * the scenario's result with its {@code ScenarioDiff}. CLI commands and the web server go through a session instead
 * of building graphs or analyses themselves.
 *
 * <p>Everything is built lazily on first use and then kept; thread-safe (each cached value is built at most once;
 * geo-core's networks, analyses and results are immutable or thread-safe themselves).
 */
public final class PlanningSession {
    private final PlanningData data;
    private final PolicyProfile profile;
    private final double maxSnapMeters;
    private final TravelGraphs graphs;
    private final Map<Double, CoverageNetwork> networks = new ConcurrentHashMap<>();
    private final Map<String, CoverageAnalysis> analyses = new ConcurrentHashMap<>();
    private final Map<String, CoverageReport> reports = new ConcurrentHashMap<>();
    private final Lazy<ScenarioBase> base;
    private final Lazy<ServiceAreaResult> circles;
    private final Lazy<ServiceAreaResult> circlesByKind;

    private PlanningSession(PlanningData data, PolicyProfile profile, double maxSnapMeters) {
        if (data == null) {
            throw new IllegalArgumentException("data: is required but missing");
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile: is required but missing");
        }
        if (!(maxSnapMeters > 0 && maxSnapMeters <= 100_000)) {
            throw new IllegalArgumentException("maxSnapMeters: must be in (0, 100000], was " + maxSnapMeters);
        }
        this.data = data;
        this.profile = profile;
        this.maxSnapMeters = maxSnapMeters;
        this.graphs = new TravelGraphs(data.roads());
        this.base = new Lazy<>(() -> ScenarioBase.of(data, profile, maxSnapMeters, graphs));
        this.circles = new Lazy<>(() -> circlesOf(data.facilities()));
        this.circlesByKind = new Lazy<>(() -> ServiceAreaCalculator.compute(walkGraph(), data.facilities(),
            circleParams(CircleMode.DISSOLVE)));
    }

    /** A session with the default snap distance ({@value CoverageNetwork#DEFAULT_MAX_SNAP_METERS} m). */
    public static PlanningSession of(PlanningData data, PolicyProfile profile) {
        return new PlanningSession(data, profile, CoverageNetwork.DEFAULT_MAX_SNAP_METERS);
    }

    /** A session whose networks snap points up to {@code maxSnapMeters} (0, 100000] m from the roads. */
    public static PlanningSession of(PlanningData data, PolicyProfile profile, double maxSnapMeters) {
        return new PlanningSession(data, profile, maxSnapMeters);
    }

    public PlanningData data() {
        return data;
    }

    /** The session's profile (the baseline's). */
    public PolicyProfile profile() {
        return profile;
    }

    public double maxSnapMeters() {
        return maxSnapMeters;
    }

    /** The road graphs of the data's roads, per mode and speed, built once each. */
    public TravelGraphs graphs() {
        return graphs;
    }

    /** Graph and fallback speed for {@code mode} (walk at the profile's elderly walking speed, or drive). */
    public TravelGraphs.Route route(String mode) {
        return graphs.route(mode, profile.elderlyWalkSpeedMps());
    }

    /** The walking coverage network at the profile's elderly speed (the scenario base's; builds the base). */
    public CoverageNetwork network() {
        return base().network();
    }

    /** The walking coverage network at {@code p}'s elderly speed, on the shared graph of that speed. */
    public CoverageNetwork network(PolicyProfile p) {
        if (p.elderlyWalkSpeedMps() == profile.elderlyWalkSpeedMps()) {
            return network();
        }
        return networkAt(p.elderlyWalkSpeedMps());
    }

    /**
     * The walking coverage network at {@code walkSpeedMps}, built once: the base's when the base is built and the
     * speed is the profile's, otherwise one on the shared graph of that speed (so a coverage run with other options
     * never computes the baseline it does not need).
     */
    public CoverageNetwork networkAt(double walkSpeedMps) {
        if (walkSpeedMps == profile.elderlyWalkSpeedMps() && base.isBuilt()) {
            return base().network();
        }
        return networks.computeIfAbsent(walkSpeedMps, s -> new CoverageNetwork(data, graphs.walk(s), maxSnapMeters));
    }

    /**
     * Coverage of the data under the session's profile with {@code options}: the baseline report for the default
     * options, otherwise a new analysis on the network of the options' walking speed (or the profile's).
     */
    public CoverageReport coverage(CoverageOptions options) {
        if (options.equals(CoverageOptions.defaults())) {
            return report();
        }
        double speed = options.walkSpeedMps().orElse(profile.elderlyWalkSpeedMps());
        return new CoverageAnalysis(data, networkAt(speed), profile, options).compute();
    }

    /** The scenario base (baseline report, district verdicts and metrics), built on first use. */
    public ScenarioBase base() {
        return base.get();
    }

    /** The baseline district verdicts (per-100-household floor areas) under the session's profile. */
    public DistrictCheckResult districts() {
        return base().districts();
    }

    /**
     * The verdict of one proposed district, checked under the session's profile together with the loaded districts
     * (so a small proposed district may pool with its neighbours as the profile allows).
     *
     * @throws IllegalArgumentException when {@code proposed}'s id is already a loaded district's
     */
    public DistrictVerdict checkProposedDistrict(ResidentialDistrict proposed) {
        List<ResidentialDistrict> all = new ArrayList<>(data.districts());
        all.add(proposed);
        return DistrictCheck.check(all, profile).getVerdict(proposed.id());
    }

    /** The baseline coverage analysis under {@code p} (default options), built on first use. */
    public CoverageAnalysis analysis(PolicyProfile p) {
        return analyses.computeIfAbsent(p.id(), id -> new CoverageAnalysis(data, network(p), p,
            CoverageOptions.defaults()));
    }

    /** The baseline coverage report under the session's profile. */
    public CoverageReport report() {
        return base().report();
    }

    /** The baseline coverage report under {@code p}, computed on first use (the session's profile: the base's). */
    public CoverageReport report(PolicyProfile p) {
        if (p.id().equals(profile.id()) && p.equals(profile)) {
            return report();
        }
        return reports.computeIfAbsent(p.id(), id -> analysis(p).compute());
    }

    /** Service-circle parameters of the profile: its bands, its elderly walking speed, {@code mode}. */
    public ServiceAreaParams circleParams(CircleMode mode) {
        return ServiceAreaParams.defaults(profile.elderlyWalkSpeedMps())
            .withBreaksMinutes(profile.serviceCircleMinutesBands()).withMode(mode).withMaxSnapMeters(maxSnapMeters);
    }

    /** Per-facility service circles of the data's facilities (the profile's bands), computed once. */
    public ServiceAreaResult circles() {
        return circles.get();
    }

    /** Service circles dissolved per facility kind, computed once. */
    public ServiceAreaResult circlesByKind() {
        return circlesByKind.get();
    }

    /** Per-facility circles of other facilities (hypothetical or moved ones) on the session's walking graph. */
    public ServiceAreaResult circlesOf(List<Facility> facilities) {
        return ServiceAreaCalculator.compute(walkGraph(), facilities, circleParams(CircleMode.PER_FACILITY));
    }

    /** The walking graph at the profile's elderly speed: the coverage network's, without building the baseline. */
    private RoadGraph walkGraph() {
        return graphs.walk(profile.elderlyWalkSpeedMps());
    }

    /** Circles of the data's facilities with other parameters, on the walking graph of the params' speed. */
    public ServiceAreaResult circles(ServiceAreaParams params) {
        return ServiceAreaCalculator.compute(graphs.walk(params.fallbackSpeedMps()), data.facilities(), params);
    }

    /**
     * Runs {@code scenario} on the session's base: its result holds base and scenario metrics and their
     * {@code ScenarioDiff} ({@link ScenarioResult#diff()}).
     *
     * @throws org.eldercare.planner.scenario.ScenarioException listing every change that does not fit the data
     */
    public ScenarioResult apply(Scenario scenario) {
        return ScenarioRun.run(base(), scenario);
    }

    /** As {@link #apply(Scenario)}, recording {@code scenarioSha256} (the scenario file's hash) in the provenance. */
    public ScenarioResult apply(Scenario scenario, String scenarioSha256) {
        return new ScenarioRun(base(), scenario, scenarioSha256).compute();
    }

    /**
     * A regional siting proposal on the graph of {@code mode} ({@link #route}); when {@code fallback}, points off
     * the network get straight-line times at the route's fallback speed.
     */
    public RegionalSitingResult propose(RegionalSitingParams params, String mode, boolean fallback) {
        TravelGraphs.Route r = route(mode);
        RegionalSitingParams chosen = fallback ? params.withFallbackSpeedMps(r.fallbackSpeedMps()) : params;
        return RegionalSiting.propose(data, r.graph(), profile, chosen);
    }

    /** A value built once on first use (double-checked, thread-safe). */
    private static final class Lazy<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        boolean isBuilt() {
            return value != null;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) {
                        value = make.get();
                    }
                    v = value;
                }
            }
            return v;
        }
    }
}

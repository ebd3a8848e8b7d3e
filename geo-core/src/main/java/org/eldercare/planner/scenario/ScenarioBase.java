package org.eldercare.planner.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eldercare.planner.coverage.CoverageAnalysis;
import org.eldercare.planner.coverage.CoverageNetwork;
import org.eldercare.planner.coverage.CoverageOptions;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.SpatialGap;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.TravelGraphs;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.zoning.DistrictCheckResult;

/**
 * The base of one or more scenarios: the base data and profile, the expensive things built once (the walking road
 * graph and {@link CoverageNetwork}, with its snaps and per-kind caches) and the baseline's results. Scenarios run on
 * it reuse the network when their demand and walking speed are the base's, and the road graph when only demand
 * changed; a different walking speed builds one graph per speed (kept here for later runs).
 *
 * <p>Immutable apart from that graph cache; thread-safe.
 */
public final class ScenarioBase {
    private final PlanningData data;
    private final PolicyProfile profile;
    private final double maxSnapMeters;
    private final CoverageNetwork network;
    private final CoverageReport report;
    private final DistrictCheckResult districts;
    private final ScenarioMetrics metrics;
    private final TravelGraphs graphs;
    private final Map<Double, CoverageNetwork> bySpeed = new ConcurrentHashMap<>();
    private volatile String dataSha256;
    private volatile String profileSha256;

    private ScenarioBase(PlanningData data, PolicyProfile profile, double maxSnapMeters, TravelGraphs graphs) {
        if (data == null || profile == null || graphs == null) {
            throw new IllegalArgumentException("data, profile and graphs are required");
        }
        this.data = data;
        this.profile = profile;
        this.maxSnapMeters = maxSnapMeters;
        this.graphs = graphs;
        this.network = new CoverageNetwork(data, graphs.walk(profile.elderlyWalkSpeedMps()), maxSnapMeters);
        bySpeed.put(network.walkSpeedMps(), network);
        this.report = new CoverageAnalysis(data, network, profile, CoverageOptions.defaults()).compute();
        this.districts = DistrictCheck.check(data.districts(), profile);
        this.metrics = MetricsBuilder.build("baseline", data, report, districts);
    }

    /**
     * Builds the network and computes the baseline of {@code data} against {@code profile} (default snap distance
     * {@value CoverageNetwork#DEFAULT_MAX_SNAP_METERS} m).
     *
     * @throws IllegalArgumentException when an argument is missing or the profile lacks the circle rules
     */
    public static ScenarioBase of(PlanningData data, PolicyProfile profile) {
        return of(data, profile, CoverageNetwork.DEFAULT_MAX_SNAP_METERS);
    }

    /** As {@link #of(PlanningData, PolicyProfile)} with a snap distance in (0, 100000] m. */
    public static ScenarioBase of(PlanningData data, PolicyProfile profile, double maxSnapMeters) {
        return new ScenarioBase(data, profile, maxSnapMeters, new TravelGraphs(data == null ? List.of()
            : data.roads()));
    }

    /**
     * As {@link #of(PlanningData, PolicyProfile, double)} on graphs of {@code data.roads()} already cached in
     * {@code graphs} (a {@code planning.PlanningSession} shares its graphs this way).
     */
    public static ScenarioBase of(PlanningData data, PolicyProfile profile, double maxSnapMeters,
            TravelGraphs graphs) {
        return new ScenarioBase(data, profile, maxSnapMeters, graphs);
    }

    public PlanningData data() {
        return data;
    }

    public PolicyProfile profile() {
        return profile;
    }

    public CoverageNetwork network() {
        return network;
    }

    /** The baseline coverage report. */
    public CoverageReport report() {
        return report;
    }

    /** The baseline district verdicts. */
    public DistrictCheckResult districts() {
        return districts;
    }

    /** The baseline metrics (label "baseline"). */
    public ScenarioMetrics metrics() {
        return metrics;
    }

    /**
     * Sites for up to {@code n} new community facilities in the baseline's largest spatial gaps, one per gap, in gap
     * rank order: in each gap the demand point with the most elderly (ties: first in the gap) among those snapped to
     * the road network; gaps whose points are all off the network are skipped (a facility there would serve nobody
     * in the travel times).
     *
     * @param n how many sites, ≥ 1
     * @throws IllegalArgumentException when n &lt; 1
     */
    public List<GapSite> listGapSites(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        Map<String, DemandPoint> byId = new HashMap<>();
        data.demandPoints().forEach(p -> byId.put(p.id(), p));
        List<GapSite> out = new ArrayList<>();
        for (SpatialGap g : report.spatialGaps()) {
            DemandPoint best = null;
            for (String id : g.demandPointIds()) {
                DemandPoint p = byId.get(id);
                if (report.getDemand(id).snapped() && (best == null || p.elderly() > best.elderly())) {
                    best = p;
                }
            }
            if (best != null) {
                out.add(new GapSite(g.rank(), g.elderly(), best.id(), best.location().getX(), best.location().getY(),
                    best.adminCode(), best.elderly()));
                if (out.size() == n) {
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The coverage network for a scenario's data at {@code walkSpeedMps}: the base network when neither demand nor
     * speed changed; otherwise a network on the (reused or per-speed) road graph with the scenario's demand points.
     */
    CoverageNetwork networkFor(PlanningData scenarioData, boolean demandChanged, double walkSpeedMps) {
        CoverageNetwork graphSource = bySpeed.computeIfAbsent(walkSpeedMps, s -> new CoverageNetwork(data,
            graphs.walk(s), maxSnapMeters));
        if (!demandChanged) {
            return graphSource;
        }
        return new CoverageNetwork(scenarioData, graphSource.graph(), maxSnapMeters);
    }

    /**
     * The road graph and fallback speed a siting section uses ({@link TravelGraphs#route}): {@code walk} at the base
     * profile's elderly walking speed (the base coverage network's graph), {@code drive} the car graph, each built once.
     */
    TravelGraphs.Route sitingRoute(String mode) {
        return graphs.route(mode, profile.elderlyWalkSpeedMps());
    }

    /** {@link ScenarioRun#dataSha256} of the base data, computed once (a run's provenance). */
    String dataSha256() {
        String h = dataSha256;
        if (h == null) {
            h = ScenarioRun.dataSha256(data);
            dataSha256 = h;
        }
        return h;
    }

    /** SHA-256 of the base profile's text form, computed once. */
    String profileSha256() {
        String h = profileSha256;
        if (h == null) {
            h = ScenarioRun.sha256(profile.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            profileSha256 = h;
        }
        return h;
    }

    /** The graphs this base was built on. */
    public TravelGraphs graphs() {
        return graphs;
    }
}

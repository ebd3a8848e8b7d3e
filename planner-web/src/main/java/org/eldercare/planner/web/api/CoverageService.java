package org.eldercare.planner.web.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import org.eldercare.planner.policy.PolicyProfile;

/**
 * The expensive, request-independent part of the coverage analyses of one loaded data set, built once and reused by
 * every request: the walking {@link CoverageNetwork} (road graph, demand-point snaps, unit index, per-kind search
 * cache) per walking speed, the baseline {@link CoverageAnalysis} and {@link CoverageReport} per policy profile, and
 * the baseline service circles (per facility and dissolved per kind) of the server's profile.
 * THREAD-SAFE: geo-core's network and analyses are, and the caches here are concurrent.
 */
public final class CoverageService {
    private final PlanningData data;
    private final PolicyProfile profile;
    private final Map<Double, CoverageNetwork> networks = new ConcurrentHashMap<>();
    private final Map<String, CoverageAnalysis> analyses = new ConcurrentHashMap<>();
    private final Map<String, CoverageReport> reports = new ConcurrentHashMap<>();
    private final ServiceAreaResult circles;
    private final ServiceAreaResult circlesByKind;

    /**
     * Builds the network at the profile's elderly walking speed, the baseline report and the circles.
     *
     * @param data    the loaded data
     * @param profile the server's policy profile (needs {@code circle.serviceMinutes} and {@code walk.elderlySpeedMps})
     */
    public CoverageService(PlanningData data, PolicyProfile profile) {
        this.data = data;
        this.profile = profile;
        CoverageNetwork net = network(profile);
        this.circles = ServiceAreaCalculator.compute(net.graph(), data.facilities(), circleParams(CircleMode.PER_FACILITY));
        this.circlesByKind = ServiceAreaCalculator.compute(net.graph(), data.facilities(),
            circleParams(CircleMode.DISSOLVE));
        report(profile);
    }

    public PlanningData data() {
        return data;
    }

    /** The server's profile. */
    public PolicyProfile profile() {
        return profile;
    }

    private ServiceAreaParams circleParams(CircleMode mode) {
        return ServiceAreaParams.defaults(profile.elderlyWalkSpeedMps())
            .withBreaksMinutes(profile.serviceCircleMinutesBands()).withMode(mode);
    }

    /** The walking network at {@code profile}'s elderly speed, built on first use. */
    public CoverageNetwork network(PolicyProfile p) {
        return networks.computeIfAbsent(p.elderlyWalkSpeedMps(),
            s -> CoverageNetwork.build(data, s, CoverageNetwork.DEFAULT_MAX_SNAP_METERS));
    }

    /** The baseline analysis under {@code p} (reusable for what-ifs), built on first use. */
    public CoverageAnalysis analysis(PolicyProfile p) {
        return analyses.computeIfAbsent(p.id(), id -> new CoverageAnalysis(data, network(p), p,
            CoverageOptions.defaults()));
    }

    /** The baseline report under {@code p}, computed on first use. */
    public CoverageReport report(PolicyProfile p) {
        return reports.computeIfAbsent(p.id(), id -> analysis(p).compute());
    }

    /** Per-facility service circles of the data's facilities under the server's profile. */
    public ServiceAreaResult circles() {
        return circles;
    }

    /** Service circles dissolved per facility kind. */
    public ServiceAreaResult circlesByKind() {
        return circlesByKind;
    }

    /** Per-facility circles of other facilities (hypothetical or moved ones) on the same network. */
    public ServiceAreaResult circlesOf(List<Facility> facilities) {
        return ServiceAreaCalculator.compute(network(profile).graph(), facilities,
            circleParams(CircleMode.PER_FACILITY));
    }
}

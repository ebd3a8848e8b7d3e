package org.eldercare.planner.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eldercare.planner.coverage.CoverageAnalysis;
import org.eldercare.planner.coverage.CoverageNetwork;
import org.eldercare.planner.coverage.CoverageOptions;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.siting.RegionalSiting;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.zoning.DistrictCheckResult;

/**
 * Runs a {@link Scenario} on a {@link ScenarioBase}: resolves every change (all problems reported together, nothing
 * applied when there is one), applies them to a copy of the base, runs the same analyses as the baseline (coverage per
 * unit, spatial gaps, findings, capacity, district verdicts and, when the scenario has a siting section, a regional
 * siting proposal on base and scenario) and returns both sets of metrics with their
 * {@link ScenarioDiff}.
 *
 * <p>Deterministic: the same base, profile and scenario give equal results (every list is in data or rank order, no
 * clocks, no randomness). Reuse: see {@link ScenarioBase}; a scenario that only adds, moves, closes or resizes
 * facilities reuses the base network and its per-kind nearest-facility searches for the kinds it does not touch.
 * Immutable; {@link #compute()} may be called from several threads.
 */
public final class ScenarioRun {
    /** Version of the metrics/diff output format. */
    public static final int FORMAT_VERSION = 1;

    private final ScenarioBase base;
    private final Scenario scenario;
    private final String scenarioSha256;

    /**
     * @param base           the base (built once, reusable)
     * @param scenario       the scenario
     * @param scenarioSha256 hash of the scenario file's bytes, or empty to hash the scenario's canonical JSON
     * @throws IllegalArgumentException when base or scenario is missing
     */
    public ScenarioRun(ScenarioBase base, Scenario scenario, String scenarioSha256) {
        if (base == null || scenario == null) {
            throw new IllegalArgumentException("base and scenario are required");
        }
        this.base = base;
        this.scenario = scenario;
        this.scenarioSha256 = scenarioSha256 == null || scenarioSha256.isEmpty()
            ? sha256(ScenarioWriter.toJsonText(scenario).getBytes(StandardCharsets.UTF_8)) : scenarioSha256;
    }

    /** {@code new ScenarioRun(base, scenario, "").compute()}. */
    public static ScenarioResult run(ScenarioBase base, Scenario scenario) {
        return new ScenarioRun(base, scenario, "").compute();
    }

    /**
     * Resolves, applies and analyses the scenario.
     *
     * @throws ScenarioException listing every change that does not fit the base, with its index and key
     */
    public ScenarioResult compute() {
        ResolvedScenario rs = ScenarioResolver.resolve(scenario, base.data(), base.profile());
        PlanningData data = rs.data();
        double speed = rs.profile().elderlyWalkSpeedMps();
        CoverageNetwork net = base.networkFor(data, rs.demandChanged(), speed);
        CoverageReport report = new CoverageAnalysis(data, net, rs.profile(), CoverageOptions.defaults()).compute();
        // a scenario that leaves districts and profile alone keeps the base's verdicts (the check is deterministic)
        DistrictCheckResult districts = data.districts().equals(base.data().districts())
            && rs.profile().equals(base.profile()) ? base.districts()
            : DistrictCheck.check(data.districts(), rs.profile());
        ScenarioMetrics after = MetricsBuilder.build(scenario.name(), data, report, districts);
        ScenarioDiff diff = ScenarioDiff.between(base.metrics(), after);
        Provenance p = new Provenance(scenarioSha256, base.dataSha256(), base.profileSha256(), plannerVersion(),
            FORMAT_VERSION);
        if (scenario.siting().isEmpty()) {
            return new ScenarioResult(rs, base.metrics(), after, diff, base.report(), report, p);
        }
        ScenarioSiting st = scenario.siting().get();
        // roads are never changed by a scenario: the base's graph for the mode serves both runs
        SitingMetrics sb = SitingMetrics.of(RegionalSiting.propose(base.data(), base.sitingRoute(st.mode()).graph(),
            base.profile(), st.params()));
        SitingMetrics sa = SitingMetrics.of(RegionalSiting.propose(data, base.sitingRoute(st.mode()).graph(), rs.profile(),
            st.params()));
        return new ScenarioResult(rs, base.metrics(), after, diff, base.report(), report, p, Optional.of(sb),
            Optional.of(sa));
    }

    /** SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * SHA-256 of the data's content: name, then each layer's records in their canonical text form (record
     * components, geometries as WKT), one per line, in stored order.
     */
    public static String dataSha256(PlanningData d) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("name=" + d.name() + "\n").getBytes(StandardCharsets.UTF_8));
            for (List<?> layer : List.of(d.adminUnits(), d.facilities(), d.medicalFacilities(), d.districts(),
                    d.demandPoints(), d.roads())) {
                md.update("--\n".getBytes(StandardCharsets.UTF_8));
                for (Object o : layer) {
                    md.update(o.toString().getBytes(StandardCharsets.UTF_8));
                    md.update((byte) '\n');
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The planner's version: jar manifest, else geo-core's Maven pom.properties, else "dev" (run from classes). */
    static String plannerVersion() {
        return PlannerVersion.VALUE;
    }

    /** {@link #plannerVersion()}, read once (the class is initialised on first use). */
    private static final class PlannerVersion {
        static final String VALUE = read();
    }

    private static String read() {
        String v = ScenarioRun.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (var in = ScenarioRun.class.getResourceAsStream(
                "/META-INF/maven/org.eldercare.planner/geo-core/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (java.io.IOException e) {
            return "dev";
        }
        return "dev";
    }
}

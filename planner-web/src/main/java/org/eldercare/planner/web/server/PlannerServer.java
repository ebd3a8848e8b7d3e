package org.eldercare.planner.web.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Set;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.coverage.UnitSummarizer;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.web.api.AccountEndpoints;
import org.eldercare.planner.web.api.BaseLayers;
import org.eldercare.planner.web.api.ConfigEndpoints;
import org.eldercare.planner.web.api.CoverageEndpoints;
import org.eldercare.planner.web.api.CoverageLayers;
import org.eldercare.planner.web.api.DistrictCheckEndpoints;
import org.eldercare.planner.web.api.DistrictVerdictLayer;
import org.eldercare.planner.web.api.Endpoints;
import org.eldercare.planner.web.api.GeoJsonOutput;
import org.eldercare.planner.web.api.MapLayer;
import org.eldercare.planner.web.api.LayerEndpoints;
import org.eldercare.planner.web.api.LayerRegistry;
import org.eldercare.planner.web.api.ScenarioStoreEndpoints;
import org.eldercare.planner.web.api.SitingEndpoints;
import org.eldercare.planner.web.api.TileEndpoints;
import org.eldercare.planner.web.api.UnitEndpoints;
import org.eldercare.planner.web.api.WhatIfEndpoints;
import org.eldercare.planner.web.auth.WebSecurity;
import org.eldercare.planner.web.ogc.OgcFeaturesEndpoints;
import org.locationtech.jts.geom.Envelope;

/**
 * Wires the web map for one loaded data set: JSON mapping, error mapping, static page and WebJars, and the endpoint
 * groups of {@code api} and {@code ogc}. Everything expensive (layer indexes, unit summaries, the walking network, baseline coverage
 * report and service circles, all in geo-core's {@link PlanningSession}) is built here once.
 *
 * <p>Usage: {@code PlannerServer.create(data, ServerSettings.offline()).start("127.0.0.1", 8080);}
 */
public final class PlannerServer {
    /** The analysis routes, run on the bounded {@link AnalysisPool} (503 with Retry-After when it is full). */
    public static final Set<String> ANALYSIS_PATHS = Set.of("/api/coverage", "/api/findings.csv", "/api/what-if",
        "/api/what-if/scenario", "/api/district-check", "/api/siting", "/api/scenarios/compare");

    private PlannerServer() {}

    /** The layers served: the base layers, then the analysis layers, one line each. */
    public static LayerRegistry layers(PlanningSession session) {
        PlanningData data = session.data();
        PolicyProfile profile = session.profile();
        CoverageReport report = session.report();
        return BaseLayers.register(new LayerRegistry(), data)
            .add(DistrictVerdictLayer.of(data.districts(), session.districts(),
                profile.id()))
            .add(CoverageLayers.circles(session.circles(), data))
            .add(CoverageLayers.circlesByKind(session.circlesByKind()))
            .add(CoverageLayers.units("coverage-communities", "覆盖率（社区/村）", "Coverage per community/village",
                report, data, AdminLevel::isCommunityTier))
            .add(CoverageLayers.units("coverage-townships", "覆盖率（乡镇/街道）", "Coverage per township/street",
                report, data, AdminLevel::isTownshipTier))
            .add(CoverageLayers.gaps(report, data))
            .add(CoverageLayers.findings(report, data));
    }

    /** A configured, not yet started server for {@code data}. */
    public static Javalin create(PlanningData data, ServerSettings settings) {
        return create(PlanningSession.of(data, settings.profile()), settings);
    }

    /** A configured, not yet started server for the session's data (the session's profile is the server's). */
    public static Javalin create(PlanningSession session, ServerSettings settings) {
        return create(session, settings, session.data().name());
    }

    /**
     * As {@link #create(PlanningSession, ServerSettings)}; {@code scenarioBase} is the workspace location written as
     * {@code base} into what-if scenarios saved from the page (so that {@code planner scenario run} finds the data).
     */
    public static Javalin create(PlanningSession session, ServerSettings settings, String scenarioBase) {
        return create(session, settings, scenarioBase, null, () -> { });
    }

    /**
     * As {@link #create(PlanningSession, ServerSettings, String)}, saving the page's scenarios in {@code scenarioStore}
     * (the served workspace: {@code /api/scenarios}); without a store those routes are absent (404).
     */
    public static Javalin create(PlanningSession session, ServerSettings settings, String scenarioBase,
            Workspace scenarioStore) {
        return create(session, settings, scenarioBase, scenarioStore, () -> { });
    }

    /**
     * As {@link #create(PlanningSession, ServerSettings, String)}; {@code beforeEachAnalysis} runs on the analysis
     * pool's thread before each bounded request (a test holds an analysis there with a latch).
     */
    static Javalin create(PlanningSession session, ServerSettings settings, String scenarioBase,
            Workspace scenarioStore, Runnable beforeEachAnalysis) {
        PlanningData data = session.data();
        AnalysisPool pool = new AnalysisPool(settings.limits(), ANALYSIS_PATHS, beforeEachAnalysis);
        ObjectMapper mapper = new ObjectMapper();
        GeoJsonOutput geojson = new GeoJsonOutput(mapper);
        LayerRegistry layers = layers(session);
        Envelope extent = new Envelope();
        for (MapLayer<?> l : layers.listLayers()) {
            extent.expandToInclude(l.extent());
        }
        WhatIfEndpoints whatIf = new WhatIfEndpoints(session, geojson, scenarioBase);
        List<Endpoints> endpoints = new java.util.ArrayList<>(List.of(
            new ConfigEndpoints(data, settings.basemap().map(Basemap::toJson), settings.profile(), extent),
            new LayerEndpoints(layers, geojson),
            new UnitEndpoints(UnitSummarizer.summarize(data), settings.profile()),
            new CoverageEndpoints(session),
            whatIf,
            new DistrictCheckEndpoints(session),
            new SitingEndpoints(session, geojson),
            new OgcFeaturesEndpoints(data.name(), layers, geojson)));
        if (scenarioStore != null) {
            endpoints.add(new ScenarioStoreEndpoints(session, whatIf, scenarioStore));
        }
        settings.basemap().flatMap(Basemap::localTiles).ifPresent(t -> endpoints.add(new TileEndpoints(t)));
        // who may call what (auth.AccessRules) and the audit log are decided here for every route, old and new
        WebSecurity security = new WebSecurity(settings.security(), java.time.Clock.systemUTC());
        endpoints.add(new AccountEndpoints(security));
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.router.handlerWrapper(pool);
            config.events.serverStopped(pool::shutdown);
            security.install(config);
            ErrorMapping.register(config.routes);
            endpoints.forEach(e -> e.registerEndpoints(config.routes));
        });
    }
}

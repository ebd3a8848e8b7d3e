package org.eldercare.planner.web.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.summary.UnitSummarizer;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.web.api.BaseLayers;
import org.eldercare.planner.web.api.ConfigEndpoints;
import org.eldercare.planner.web.api.DistrictVerdictLayer;
import org.eldercare.planner.web.api.Endpoints;
import org.eldercare.planner.web.api.GeoJsonOutput;
import org.eldercare.planner.web.api.Layer;
import org.eldercare.planner.web.api.LayerEndpoints;
import org.eldercare.planner.web.api.LayerRegistry;
import org.eldercare.planner.web.api.UnitEndpoints;
import org.eldercare.planner.web.ogc.OgcFeaturesEndpoints;
import org.locationtech.jts.geom.Envelope;

/**
 * Wires the web map for one loaded data set: JSON mapping, error mapping, static page and WebJars, and the endpoint
 * groups of {@code api} and {@code ogc}. Everything expensive (layer indexes, unit summaries) is built here once.
 *
 * <p>Usage: {@code PlannerServer.create(data, ServerSettings.offline()).start("127.0.0.1", 8080);}
 */
public final class PlannerServer {
    private PlannerServer() {}

    /** The layers served for {@code data}: the base layers, then the analysis layers, one line each. */
    public static LayerRegistry layers(PlanningData data, PolicyProfile profile) {
        return BaseLayers.register(new LayerRegistry(), data)
            .add(DistrictVerdictLayer.of(data.districts(), DistrictCheck.check(data.districts(), profile),
                profile.id()));
    }

    /** A configured, not yet started server for {@code data}. */
    public static Javalin create(PlanningData data, ServerSettings settings) {
        ObjectMapper mapper = new ObjectMapper();
        GeoJsonOutput geojson = new GeoJsonOutput(mapper);
        LayerRegistry layers = layers(data, settings.profile());
        Envelope extent = new Envelope();
        for (Layer<?> l : layers.listLayers()) {
            extent.expandToInclude(l.extent());
        }
        List<Endpoints> endpoints = List.of(
            new ConfigEndpoints(data, settings.basemap().map(Basemap::toJson), settings.profile(), extent),
            new LayerEndpoints(layers, geojson),
            new UnitEndpoints(UnitSummarizer.summarize(data), settings.profile()),
            new OgcFeaturesEndpoints(data.name(), layers, geojson));
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            ErrorMapping.register(config.routes);
            endpoints.forEach(e -> e.registerEndpoints(config.routes));
        });
    }
}

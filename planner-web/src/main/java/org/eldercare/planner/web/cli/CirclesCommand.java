package org.eldercare.planner.web.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.circle.CircleFeatures;
import org.eldercare.planner.circle.CircleMode;
import org.eldercare.planner.circle.ServiceAreaParams;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.SnapProblem;
import org.eldercare.planner.planning.NetworkFiles;
import org.eldercare.planner.policy.PolicyProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code circles}: the 15-minute elderly-service circle. Builds the walking network from {@code --network}
 * ({@code .osm}, {@code .osm.pbf}, or a line layer in GeoJSON / GeoPackage / CSV), snaps the facilities of
 * {@code --facilities} and writes one polygon per facility (or kind) and band to {@code --out} (GeoJSON, GeoPackage
 * or CSV by extension). Facilities too far from the network are listed on stderr and in the summary, never dropped
 * silently. {@code --no-network} draws approximate Euclidean circles instead.
 */
@Command(name = "circles", mixinStandardHelpOptions = true,
    description = "Service areas (15-minute elderly-service circles) of facilities along the walking network.")
public final class CirclesCommand extends PlannerCommand {
    @Mixin
    NetworkOption network;

    @Option(names = "--facilities", required = true, paramLabel = "FILE", description = "facilities layer (.geojson/.gpkg/.csv)")
    Path facilities;

    @Option(names = "--facilities-layer", paramLabel = "NAME", description = "layer of a multi-layer facilities file")
    String facilitiesLayer;

    @Option(names = "--minutes", split = ",", converter = OptionRanges.Positive.class, defaultValue = "5,10,15", paramLabel = "MIN",
        description = "band limits in minutes, increasing (default: ${DEFAULT-VALUE})")
    List<Double> minutes;

    @Mixin
    WalkSpeedOption walkSpeed;

    @Option(names = "--profile", defaultValue = "national", paramLabel = "ID|FILE",
        description = "policy profile supplying the default speed (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--mode", defaultValue = "per-facility", paramLabel = "MODE",
        description = "per-facility | dissolve (per kind) | split (each place to its nearest facility)")
    String mode;

    @Option(names = "--buffer-m", converter = OptionRanges.NonNegative.class, defaultValue = "50", paramLabel = "M",
        description = "half-width drawn around reached roads, metres (default: ${DEFAULT-VALUE})")
    double bufferMeters;

    @Mixin
    MaxSnapOption maxSnap;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output .geojson, .gpkg or .csv")
    Path out;

    @Override
    public Integer call() throws IOException {
        network.validate();
        LayerFiles.detect(out);
        double speed = walkSpeed.orProfile(() -> PolicyProfiles.resolve(profile));
        ServiceAreaParams params = new ServiceAreaParams(minutes, CircleMode.parse(mode), bufferMeters, maxSnap.meters,
            ServiceAreaParams.DEFAULT_DETOUR_FACTOR, speed);
        List<Facility> fs = LayerMapper.defaults().facilities(
            LayerFiles.readLayer(facilities, facilitiesLayer, ReadOptions.defaults()));
        PrintWriter err = err();
        long t0 = System.nanoTime();
        RoadGraph graph = network.walkGraph(speed);
        long t1 = System.nanoTime();
        ServiceAreaResult r = NetworkFiles.circles(graph, fs, params);
        for (SnapProblem p : r.unsnapped()) {
            err.println("warning: facility " + p.id() + " has no circle: " + p.message());
        }
        err.flush();
        Map<String, String> names = new HashMap<>();
        fs.forEach(f -> names.put(f.id(), f.name()));
        List<Feature> features = CircleFeatures.toFeatures(r, names::get);
        LayerFiles.write(out, "circles", features, Crs.WGS84);
        PrintWriter o = out();
        o.printf(Locale.ROOT, "%d facilities, %d snapped, %d without circle; %s; speed %.2f m/s; %d areas (%s) -> %s%n",
            fs.size(), fs.size() - r.unsnapped().size(), r.unsnapped().size(),
            graph == null ? "no network: approximate Euclidean circles" : graph.toString(), speed, r.areas().size(),
            r.mode().id(), out);
        o.printf(Locale.ROOT, "timing: network %.0f ms, searches %.1f ms, polygons %.0f ms%n", (t1 - t0) / 1e6,
            r.searchMillis(), r.polygonMillis());
        o.flush();
        return 0;
    }
}

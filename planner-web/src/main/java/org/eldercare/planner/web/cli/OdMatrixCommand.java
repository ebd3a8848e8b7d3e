package org.eldercare.planner.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eldercare.planner.planning.OdMatrixFiles;
import org.eldercare.planner.network.TravelProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code od-matrix --network ROADS --origins FILE --destinations FILE --out matrix.csv}: snapped origins ×
 * destinations → network travel minutes, written as the long CSV {@code solve-matrix} reads
 * ({@link OdMatrixFiles}). Points that snap nowhere make the command fail (exit 2, every one named with its distance
 * to the nearest road) unless {@code --keep-unsnapped}, which writes their pairs as {@code inf} (unreachable) and
 * names them on stderr and in the summary. Prints one JSON summary line.
 */
@Command(name = "od-matrix", mixinStandardHelpOptions = true,
    description = {"Network cost matrix: origins x destinations snapped to the roads, travel minutes along the"
        + " network (walk or drive), written as the long CSV solve-matrix reads (origin,destination,cost,...).",
        "Unsnapped points fail the command unless --keep-unsnapped (then their pairs are inf and they are listed)."})
public final class OdMatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--network", required = true, paramLabel = "ROADS",
        description = "road network: .osm, .osm.pbf, or road lines with highway tags (.geojson, .gpkg, .csv)")
    Path network;

    @Option(names = "--origins", required = true, paramLabel = "FILE", description = "origin points (demand), any layer file")
    Path origins;

    @Option(names = "--destinations", required = true, paramLabel = "FILE",
        description = "destination points (candidate sites), any layer file")
    Path destinations;

    @Option(names = "--mode", defaultValue = "walk", paramLabel = "walk|drive", description = "default ${DEFAULT-VALUE}")
    String mode;

    @Option(names = "--walk-speed", converter = OptionRanges.Positive.class, paramLabel = "MPS",
        description = "walking speed in m/s (default: the elderly mean, 0.76)")
    Double walkSpeed;

    @Option(names = "--max-snap-m", converter = OptionRanges.NonNegative.class, defaultValue = "300", paramLabel = "M",
        description = "farthest a point may lie from a road, metres (default ${DEFAULT-VALUE})")
    double maxSnap;

    @Option(names = "--max-minutes", converter = OptionRanges.Positive.class, paramLabel = "T", description = "search budget; farther pairs are written as inf")
    Double maxMinutes;

    @Option(names = "--weight-field", paramLabel = "FIELD",
        description = "origins' property written as the demand column (e.g. elderly)")
    String weightField;

    @Option(names = "--paths", description = "add a path column: external node ids passed, space-separated")
    boolean paths;

    @Option(names = "--keep-unsnapped", description = "write unsnapped points' pairs as inf instead of failing")
    boolean keepUnsnapped;

    @Option(names = "--out", required = true, paramLabel = "matrix.csv", description = "output CSV")
    Path out;

    @Override
    public Integer call() throws Exception {
        OdMatrixFiles.Options o;
        try {
            o = new OdMatrixFiles.Options(mode, walkSpeed == null ? TravelProfile.ELDERLY_MEAN_WALK_MPS : walkSpeed,
                maxSnap, maxMinutes == null ? Double.POSITIVE_INFINITY : maxMinutes, Optional.ofNullable(weightField),
                paths);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--" + ex.getMessage().replace("walkSpeedMps", "walk-speed")
                .replace("maxSnapMeters", "max-snap-m").replace("maxMinutes", "max-minutes"));
        }
        OdMatrixFiles.Result r = OdMatrixFiles.compute(network, origins, destinations, o);
        if (!r.unsnapped().isEmpty() && !keepUnsnapped) {
            throw new IllegalArgumentException(r.unsnapped().size() + " point(s) snap to no road within " + maxSnap
                + " m (use --keep-unsnapped to write them as unreachable): " + String.join("; ", r.unsnapped()));
        }
        r.writeCsv(out);
        PrintWriter err = spec.commandLine().getErr();
        for (String u : r.unsnapped()) {
            err.println("warning: " + u + " (its pairs are written as inf)");
        }
        err.flush();
        int reachable = 0;
        for (double[] row : r.minutes()) {
            for (double v : row) {
                reachable += Double.isFinite(v) ? 1 : 0;
            }
        }
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put("out", out.toString());
        s.put("mode", mode);
        s.put("origins", r.origins().size());
        s.put("destinations", r.destinations().size());
        s.put("pairs", r.origins().size() * r.destinations().size());
        s.put("reachablePairs", reachable);
        s.put("graphNodes", r.graphNodes());
        s.put("graphEdges", r.graphEdges());
        var un = s.putArray("unsnapped");
        r.unsnapped().forEach(un::add);
        PrintWriter w = spec.commandLine().getOut();
        w.println(new ObjectMapper().writeValueAsString(s));
        w.flush();
        return 0;
    }
}

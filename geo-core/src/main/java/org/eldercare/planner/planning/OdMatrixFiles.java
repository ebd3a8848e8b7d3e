package org.eldercare.planner.planning;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.PathTracer;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.SnapProblem;
import org.eldercare.planner.network.SnapReport;
import org.eldercare.planner.network.Snapper;
import org.eldercare.planner.network.TravelProfile;
import org.locationtech.jts.geom.Point;

/**
 * A point-to-point network cost matrix from files, for {@code od-matrix}: origins and destinations (point layers
 * any {@link LayerFiles} format reads; ids from the feature id / {@code id} column) snapped onto the road graph of a
 * network file ({@link NetworkFiles#graph}), one bounded search per origin ({@link GraphSearch#runFromSnaps}), costs
 * in minutes from snap point to snap point along the network (the off-network snap distance is not added; it is
 * reported per pair in metres). Written as the long CSV that {@code solve-matrix} / {@code siting.MatrixCsv} read:
 * {@code origin,destination,cost,origin_snap_m,destination_snap_m[,demand][,path]}; unreachable pairs (or beyond
 * the budget) have cost {@code inf}. With paths, {@code path} lists the graph nodes the route passes between the two
 * snapped points as external node ids (OSM node ids for OSM files, sequence numbers for line layers), separated by
 * spaces ({@link PathTracer}).
 *
 * <p>Points farther than the snap distance from every road are kept in {@link Result#unsnapped()} with their id
 * and distance to the nearest road, never dropped; their pairs are {@code inf}. Bad input (a feature without id, a
 * duplicate id, a non-point geometry, a non-numeric weight) throws {@link IllegalArgumentException} naming the
 * file, the feature and the field. Stateless.
 */
public final class OdMatrixFiles {
    private OdMatrixFiles() {}

    /**
     * What to compute.
     *
     * @param mode          {@code walk} or {@code drive}
     * @param walkSpeedMps  walking speed in m/s (walk mode)
     * @param maxSnapMeters farthest a point may lie from a road
     * @param maxMinutes    search budget in minutes (+∞ = none); pairs beyond it are {@code inf}
     * @param weightField   origins' property written as the {@code demand} column, when given
     * @param paths         whether to trace the paths
     */
    public record Options(String mode, double walkSpeedMps, double maxSnapMeters, double maxMinutes,
            Optional<String> weightField, boolean paths) {
        public Options {
            if (!"walk".equals(mode) && !"drive".equals(mode)) {
                throw new IllegalArgumentException("mode: must be walk or drive, was '" + mode + "'");
            }
            if (!(walkSpeedMps > 0) || Double.isInfinite(walkSpeedMps)) {
                throw new IllegalArgumentException("walkSpeedMps: must be finite > 0, was " + walkSpeedMps);
            }
            if (!(maxSnapMeters >= 0) || Double.isInfinite(maxSnapMeters)) {
                throw new IllegalArgumentException("maxSnapMeters: must be finite >= 0, was " + maxSnapMeters);
            }
            if (!(maxMinutes >= 0)) {
                throw new IllegalArgumentException("maxMinutes: must be >= 0 (or +Infinity), was " + maxMinutes);
            }
        }
    }

    /** One point of an origins or destinations layer. */
    public record Place(String id, Point point, double weight) {}

    /**
     * The matrix. Immutable by convention (arrays are not copied on access: read, do not modify).
     *
     * @param origins      origin points in file order
     * @param destinations destination points in file order
     * @param minutes      {@code minutes[i][j]}, +∞ when unreachable, unsnapped or beyond the budget
     * @param originSnapMeters / destinationSnapMeters distance from the point to the road it snapped to (NaN if none)
     * @param paths        {@code paths[i][j]} external node ids, null when not traced or unreachable
     * @param unsnapped    points that snapped nowhere: {@code origin <id>} or {@code destination <id>} with the reason
     */
    public record Result(List<Place> origins, List<Place> destinations, double[][] minutes, double[] originSnapMeters,
            double[] destinationSnapMeters, long[][][] paths, List<String> unsnapped, Options options,
            int graphNodes, int graphEdges) {
        public Result {
            origins = List.copyOf(origins);
            destinations = List.copyOf(destinations);
            unsnapped = List.copyOf(unsnapped);
        }

        /** Writes the long CSV described in the class comment (UTF-8, LF). */
        public void writeCsv(Path out) throws IOException {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("origin,destination,cost,origin_snap_m,destination_snap_m");
                w.write(options.weightField().isPresent() ? ",demand" : "");
                w.write(options.paths() ? ",path\n" : "\n");
                for (int i = 0; i < origins.size(); i++) {
                    for (int j = 0; j < destinations.size(); j++) {
                        w.write(csv(origins.get(i).id()) + "," + csv(destinations.get(j).id()) + ","
                            + num(minutes[i][j]) + "," + num(originSnapMeters[i]) + ","
                            + num(destinationSnapMeters[j]));
                        if (options.weightField().isPresent()) {
                            w.write("," + num(origins.get(i).weight()));
                        }
                        if (options.paths()) {
                            w.write(",");
                            long[] p = paths[i][j];
                            for (int k = 0; p != null && k < p.length; k++) {
                                w.write((k > 0 ? " " : "") + p[k]);
                            }
                        }
                        w.write("\n");
                    }
                }
            }
        }

        private static String csv(String s) {
            return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\""
                : s;
        }

        private static String num(double v) {
            if (Double.isNaN(v)) {
                return "";
            }
            if (Double.isInfinite(v)) {
                return "inf";
            }
            return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
    }

    /** Reads the three files and computes the matrix; see the class comment. */
    public static Result compute(Path network, Path originsFile, Path destinationsFile, Options options)
            throws IOException {
        List<Place> origins = places(originsFile, options.weightField());
        List<Place> destinations = places(destinationsFile, Optional.empty());
        TravelProfile profile = options.mode().equals("walk") ? TravelProfile.walk(options.walkSpeedMps())
            : TravelProfile.drive();
        RoadGraph g = NetworkFiles.graph(network, profile);
        if (g.edgeCount() == 0) {
            throw new IllegalArgumentException(network + ": no road usable for " + options.mode()
                + " (0 edges; roads need OSM-style highway tags)");
        }
        Snapper snapper = new Snapper(g, options.maxSnapMeters());
        List<String> unsnapped = new ArrayList<>();
        Snap[] os = snap(snapper, origins, "origin", unsnapped);
        Snap[] ds = snap(snapper, destinations, "destination", unsnapped);
        int n = origins.size();
        int m = destinations.size();
        double[][] minutes = new double[n][m];
        long[][][] paths = options.paths() ? new long[n][m][] : null;
        GraphSearch search = new GraphSearch(g);
        PathTracer tracer = options.paths() ? new PathTracer(search) : null;
        double budget = options.maxMinutes() * 60;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(minutes[i], Double.POSITIVE_INFINITY);
            if (os[i] == null) {
                continue;
            }
            search.runFromSnaps(List.of(os[i]), budget);
            for (int j = 0; j < m; j++) {
                if (ds[j] == null) {
                    continue;
                }
                double s = search.costTo(ds[j]);
                minutes[i][j] = s / 60;
                if (tracer != null && Double.isFinite(s)) {
                    int[] nodes = tracer.path(os[i], ds[j]);
                    long[] ext = new long[nodes.length];
                    for (int k = 0; k < nodes.length; k++) {
                        ext[k] = g.nodeExternalId(nodes[k]);
                    }
                    paths[i][j] = ext;
                }
            }
        }
        return new Result(origins, destinations, minutes, snapMeters(os), snapMeters(ds), paths, unsnapped, options,
            g.nodeCount(), g.edgeCount());
    }

    private static double[] snapMeters(Snap[] snaps) {
        double[] d = new double[snaps.length];
        for (int k = 0; k < snaps.length; k++) {
            d[k] = snaps[k] == null ? Double.NaN : snaps[k].distanceMeters();
        }
        return d;
    }

    private static Snap[] snap(Snapper snapper, List<Place> places, String role, List<String> unsnapped) {
        SnapReport r = snapper.snapAll(places.stream().map(Place::id).toList(),
            places.stream().map(Place::point).toList());
        Snap[] out = new Snap[places.size()];
        for (SnapReport.Snapped s : r.snapped()) {
            out[s.index()] = s.snap();
        }
        for (SnapProblem p : r.unsnapped()) {
            unsnapped.add(role + " " + p.id() + ": " + p.message());
        }
        return out;
    }

    /** The points of a layer file with their ids (and weights from {@code weightField}). */
    static List<Place> places(Path file, Optional<String> weightField) throws IOException {
        List<Feature> fs = LayerFiles.readLayer(file, null, ReadOptions.defaults()).features();
        List<Place> out = new ArrayList<>(fs.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 0; k < fs.size(); k++) {
            Feature f = fs.get(k);
            String id = f.id() == null || f.id().isBlank() ? str(f.properties().get("id")) : f.id().strip();
            String label = file + " feature #" + k + (id.isEmpty() ? "" : " '" + id + "'");
            if (id.isEmpty()) {
                throw new IllegalArgumentException(label + ", field id: is required (feature id or an id column)");
            }
            Integer first = seen.putIfAbsent(id, k);
            if (first != null) {
                throw new IllegalArgumentException(label + ", field id: duplicate id, first at feature #" + first);
            }
            if (!(f.geometry() instanceof Point pt) || pt.isEmpty()) {
                throw new IllegalArgumentException(label + ", field geometry: must be a point, was "
                    + (f.geometry() == null ? "none" : f.geometry().getGeometryType()));
            }
            double w = 1;
            if (weightField.isPresent()) {
                String v = str(f.properties().get(weightField.get()));
                try {
                    w = Double.parseDouble(v);
                } catch (NumberFormatException ex) {
                    w = Double.NaN;
                }
                if (!Double.isFinite(w) || w < 0) {
                    throw new IllegalArgumentException(label + ", field " + weightField.get()
                        + ": must be a number >= 0, was '" + v + "'");
                }
            }
            out.add(new Place(id, pt, w));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no features (expected points)");
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString().strip();
    }
}

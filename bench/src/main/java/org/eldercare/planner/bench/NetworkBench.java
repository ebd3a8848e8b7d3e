package org.eldercare.planner.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.eldercare.planner.circle.CircleMode;
import org.eldercare.planner.circle.ServiceAreaCalculator;
import org.eldercare.planner.circle.ServiceAreaParams;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.io.osm.OsmHandler;
import org.eldercare.planner.io.osm.OsmXmlReader;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.network.GraphBuilder;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.OsmGraphBuilder;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.TravelProfile;

/**
 * Network and service-circle benchmark (not a test). Measures, for the Guixi OSM extract and a generated grid of
 * ≥ 1 million edges: graph build time and memory, multi-source search throughput (edge relaxations per second, one
 * thread), bounded 15-minute reach, and service circles for a plausible facility set (search vs polygon time).
 *
 * <p>Usage: {@code java -cp ... org.eldercare.planner.bench.NetworkBench [shared-dir] [grid-side]} (defaults
 * {@code ../shared}, 710 → 710 × 710 nodes, 1 006 780 edges). Optionally writes the grid as a pgRouting edge CSV
 * with {@code -Dbench.gridCsv=FILE} for the pgr_drivingDistance comparison. {@code -Dbench.searchOnly=true} skips
 * the circles (polygon) part; {@code -Dbench.rounds=N} sets the number of timed
 * whole-graph searches (default 10); {@code -Dbench.skipShuffled=true} skips the second grid.
 *
 * <p>Search throughput is reported as wall time and as CPU time of this thread ({@code ThreadMXBean}): the machine is
 * shared. The grid is measured twice: nodes numbered row by row (neighbours close in memory) and numbered in a random
 * order (what a badly ordered input would give), to show what a cache-friendly node order is worth. To compare two
 * versions of geo-core, run this class alternately against both (scripts/bench/ab.sh).
 */
public final class NetworkBench {
    private NetworkBench() {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 710;
        Locale.setDefault(Locale.ROOT);
        System.out.println("# NetworkBench " + java.time.OffsetDateTime.now() + ", Java " + Runtime.version()
            + ", processors " + Runtime.getRuntime().availableProcessors() + ", max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        if (!Boolean.getBoolean("bench.gridOnly")) {
            guixi(shared.resolve("data/raw/osm/guixi_360681/guixi_center_2024-11.osm"));
        }
        grid(side);
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    // ------------------------------------------------------------------ Guixi
    static void guixi(Path osm) throws Exception {
        System.out.println("\n## Guixi centre OSM extract (" + osm.getFileName() + ")");
        TravelProfile walk = TravelProfile.walk(TravelProfile.ELDERLY_MEAN_WALK_MPS);
        RoadGraph g = null;
        for (int i = 0; i < 5; i++) { // warm-up
            g = OsmGraphBuilder.fromOsmXml(osm, walk);
        }
        long t0 = System.nanoTime();
        int reps = 10;
        for (int i = 0; i < reps; i++) {
            g = OsmGraphBuilder.fromOsmXml(osm, walk);
        }
        double buildMs = (System.nanoTime() - t0) / 1e6 / reps;
        System.out.printf("graph: %d nodes, %d edges, %d arcs, %.1f km; build (XML parse + graph) %.1f ms; "
            + "graph arrays %.2f MiB%n", g.nodeCount(), g.edgeCount(), g.arcCount(), g.totalLengthMeters() / 1000,
            buildMs, g.memoryBytes() / 1048576.0);
        throughput(g, 20, 200);

        // plausible facilities: one community service station per place=quarter (社区) node, and a comprehensive
        // centre at each townhall, as in the sample county
        List<Facility> fs = new ArrayList<>();
        OsmXmlReader.read(osm, new OsmHandler() {
            @Override
            public void node(long id, double lon, double lat, Map<String, String> tags) {
                if ("quarter".equals(tags.get("place"))) {
                    fs.add(Facility.of("q" + id, tags.getOrDefault("name", "quarter " + id), FacilityKind.SERVICE_STATION,
                        Geometries.point(lon, lat)));
                } else if ("townhall".equals(tags.get("amenity"))) {
                    fs.add(Facility.of("t" + id, tags.getOrDefault("name", "townhall " + id),
                        FacilityKind.COMPREHENSIVE_CENTRE, Geometries.point(lon, lat)));
                }
            }

            @Override
            public void way(long id, long[] nodeRefs, Map<String, String> tags) {}
        });
        circles(g, fs, "Guixi");
    }

    // ------------------------------------------------------------------ grid
    static void grid(int side) {
        System.out.println("\n## Generated grid " + side + " x " + side + " (120 m spacing, walking 0.76 m/s)");
        long before = usedHeap();
        long t0 = System.nanoTime();
        RoadGraph g = buildGrid(side);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        long after = usedHeap();
        System.out.printf("graph: %d nodes, %d edges, %d arcs; build %.0f ms; graph arrays %.1f MiB; heap growth "
            + "%.1f MiB%n", g.nodeCount(), g.edgeCount(), g.arcCount(), buildMs, g.memoryBytes() / 1048576.0,
            (after - before) / 1048576.0);
        throughput(g, 3, Integer.getInteger("bench.rounds", 10));
        if (!Boolean.getBoolean("bench.skipShuffled")) {
            System.out.println("\n## Same grid, nodes numbered in a random order (seed 5)");
            RoadGraph shuffled = buildGrid(side, new Random(5));
            throughput(shuffled, 2, Integer.getInteger("bench.rounds", 10) / 2);
        }
        String csv = System.getProperty("bench.gridCsv");
        if (csv != null) {
            writeCsv(g, Path.of(csv));
        }
        if (Boolean.getBoolean("bench.searchOnly")) {
            return;
        }
        Random rnd = new Random(42);
        List<Facility> fs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int v = rnd.nextInt(g.nodeCount());
            fs.add(Facility.of("g" + i, "g" + i, FacilityKind.DAY_CARE_CENTRE,
                Geometries.point(g.nodeLon(v) + 0.0001, g.nodeLat(v) + 0.0002)));
        }
        circles(g, fs, "grid, 200 facilities");
    }

    static RoadGraph buildGrid(int side) {
        return buildGrid(side, null);
    }

    /**
     * Grid of side × side nodes; cell (i, j) gets node index i × side + j (row-major: the neighbours of a node are at
     * ±1 and ±side), or a random permutation of that when {@code shuffle} is given. External ids and edge ids are the
     * same either way.
     */
    static RoadGraph buildGrid(int side, Random shuffle) {
        int n = side * side;
        int[] index = new int[n]; // cell -> node index
        int[] cellOf = new int[n]; // node index -> cell
        for (int c = 0; c < n; c++) {
            index[c] = c;
        }
        if (shuffle != null) {
            for (int c = n - 1; c > 0; c--) {
                int r = shuffle.nextInt(c + 1);
                int t = index[c];
                index[c] = index[r];
                index[r] = t;
            }
        }
        for (int c = 0; c < n; c++) {
            cellOf[index[c]] = c;
        }
        TravelProfile walk = TravelProfile.walk(TravelProfile.ELDERLY_MEAN_WALK_MPS);
        GraphBuilder b = new GraphBuilder(walk);
        double lat0 = 28.0;
        double lon0 = 117.0;
        // 120 m blocks: with the 50 m circle buffer a 100 m grid would make every offset line coincide with the next
        // block's, a degenerate worst case for polygon noding that real street networks do not have
        double dLat = 120 / 111_000.0;
        double dLon = 120 / (111_000.0 * Math.cos(Math.toRadians(lat0)));
        for (int k = 0; k < n; k++) {
            int i = cellOf[k] / side;
            int j = cellOf[k] % side;
            b.addNode(lon0 + i * dLon, lat0 + j * dLat, (long) i * side + j + 1);
        }
        double[] none = new double[0];
        long id = 1;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int v = index[i * side + j];
                if (i + 1 < side) {
                    int w = index[(i + 1) * side + j];
                    double len = org.eldercare.planner.crs.Geodesy.distanceMeters(b.nodeLon(v), b.nodeLat(v),
                        b.nodeLon(w), b.nodeLat(w));
                    b.addEdge(id++, v, w, len, len / walk.walkSpeedMps(), len / walk.walkSpeedMps(), none);
                }
                if (j + 1 < side) {
                    int w = index[i * side + j + 1];
                    double len = org.eldercare.planner.crs.Geodesy.distanceMeters(b.nodeLon(v), b.nodeLat(v),
                        b.nodeLon(w), b.nodeLat(w));
                    b.addEdge(id++, v, w, len, len / walk.walkSpeedMps(), len / walk.walkSpeedMps(), none);
                }
            }
        }
        return b.build();
    }

    static void writeCsv(RoadGraph g, Path file) {
        try (var w = java.nio.file.Files.newBufferedWriter(file)) {
            w.write("id,source,target,cost,reverse_cost\n");
            for (int e = 0; e < g.edgeCount(); e++) {
                w.write(g.edgeOriginalId(e) + "," + g.nodeExternalId(g.edgeFrom(e)) + "," + g.nodeExternalId(g.edgeTo(e))
                    + "," + g.arcCost(g.edgeForwardArc(e)) + "," + g.arcCost(g.edgeBackwardArc(e)) + "\n");
            }
            System.out.println("wrote " + file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ measurements
    static void throughput(RoadGraph g, int warm, int reps) {
        GraphSearch s = new GraphSearch(g);
        Random rnd = new Random(7);
        // multi-source, unbounded: 20 sources at random nodes, every node labelled with its nearest source
        List<Snap> sources = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int e = rnd.nextInt(g.edgeCount());
            sources.add(Snap.atNodeOf(g, e, true));
        }
        for (int i = 0; i < warm; i++) {
            s.runFromSnaps(sources, Double.POSITIVE_INFINITY);
        }
        long relax = 0;
        long t0 = System.nanoTime();
        long c0 = cpu();
        for (int i = 0; i < reps; i++) {
            s.runFromSnaps(sources, Double.POSITIVE_INFINITY);
            relax += s.lastRelaxations();
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        double cpuSec = (cpu() - c0) / 1e9;
        System.out.printf("multi-source (20 starts, whole graph): %.1f ms per search (wall), %.1f ms CPU, %d "
            + "relaxations each, %.1f M relaxations/s wall, %.1f M per CPU-second%n", sec * 1000 / reps,
            cpuSec * 1000 / reps, relax / reps, relax / sec / 1e6, relax / cpuSec / 1e6);
        // bounded single-source 15-minute reach from many starts (the circle search)
        int starts = 2000;
        for (int i = 0; i < 200; i++) {
            s.runFromSnaps(List.of(Snap.atNodeOf(g, rnd.nextInt(g.edgeCount()), true)), 900);
        }
        relax = 0;
        long reached = 0;
        t0 = System.nanoTime();
        c0 = cpu();
        for (int i = 0; i < starts; i++) {
            s.runFromSnaps(List.of(Snap.atNodeOf(g, rnd.nextInt(g.edgeCount()), true)), 900);
            relax += s.lastRelaxations();
            reached += s.reachedCount();
        }
        sec = (System.nanoTime() - t0) / 1e9;
        cpuSec = (cpu() - c0) / 1e9;
        System.out.printf("bounded 15-min single-source reach x %d: %.1f us per search (wall), %d nodes reached on "
            + "average, %.1f M relaxations/s wall, %.1f M per CPU-second%n", starts, sec * 1e6 / starts,
            reached / starts, relax / sec / 1e6, relax / cpuSec / 1e6);
    }

    /** CPU time of this thread in ns: the machine is shared, so wall time overstates our cost. */
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static void circles(RoadGraph g, List<Facility> fs, String label) {
        for (CircleMode mode : CircleMode.values()) {
            ServiceAreaParams p = ServiceAreaParams.defaults(TravelProfile.ELDERLY_MEAN_WALK_MPS).withMode(mode);
            ServiceAreaCalculator.compute(g, fs, p); // warm-up
            long t0 = System.nanoTime();
            long c0 = cpu();
            ServiceAreaResult r = ServiceAreaCalculator.compute(g, fs, p);
            double total = (System.nanoTime() - t0) / 1e6;
            double cpuMs = (cpu() - c0) / 1e6;
            System.out.printf("circles %s, %d facilities (%d unsnapped), 5/10/15 min, %s: %d areas in %.0f ms wall, "
                + "%.0f ms CPU (wall: search %.1f ms, polygons %.0f ms)%n", label, fs.size(), r.unsnapped().size(),
                mode.id(), r.areas().size(), total, cpuMs, r.searchMillis(), r.polygonMillis());
        }
    }
}

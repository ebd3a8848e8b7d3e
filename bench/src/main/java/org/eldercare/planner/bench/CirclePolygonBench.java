package org.eldercare.planner.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eldercare.planner.circle.CircleMode;
import org.eldercare.planner.circle.ServiceAreaCalculator;
import org.eldercare.planner.circle.ServiceAreaParams;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.network.OsmGraphBuilder;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.TravelProfile;

/**
 * Service-circle polygons against the search they come from (issue 18), not a test. For each network and point
 * count: per-facility circles, 5/10/15 min at 0.76 m/s, a first (cold) call, a warm-up of at least 10 calls and 2 s,
 * then {@code REPS} timed runs; prints the search
 * and polygon milliseconds the calculator reports (wall and CPU time of the computing thread), their ratios, and
 * wall and CPU time (this thread) of the whole computation; also the first call's times (JIT not warm, and the
 * graph's edge footprints computed on first use, see {@code circle.EdgeFootprints}).
 *
 * <p>Usage: {@code java -cp ... CirclePolygonBench [osm-file|none] [grid-side] [reps] [mode]} (defaults
 * {@code data/haidian/haidian_wudaokou_2017-06.osm}, 320, 3, {@code per-facility}; {@code none} skips the OSM file,
 * grid side 0 skips the grid; mode {@code per-facility}, {@code dissolve} or {@code split}). Points: seed 18, random graph nodes moved by
 * (+0.0001°, +0.0002°) so that each is snapped onto an edge, not onto a node. The grid is {@link NetworkBench}'s
 * generated street grid (120 m blocks): side 320 gives 102 400 nodes and 203 840 edges, the county-scale case.
 */
public final class CirclePolygonBench {
    private CirclePolygonBench() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int side = args.length > 1 ? Integer.parseInt(args[1]) : 320;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        CircleMode mode = args.length > 3 ? CircleMode.parse(args[3]) : CircleMode.PER_FACILITY;
        TravelProfile walk = TravelProfile.walk(TravelProfile.ELDERLY_MEAN_WALK_MPS);
        if (!(args.length > 0 && args[0].equals("none"))) {
            RoadGraph haidian = OsmGraphBuilder.fromOsmXml(osmArg(args), walk);
            System.out.printf("haidian: %d nodes, %d edges%n", haidian.nodeCount(), haidian.edgeCount());
            for (int n : new int[] {30, 300}) {
                run(haidian, points(haidian, n), "haidian " + n, reps, mode);
            }
        }
        if (side > 0) {
            RoadGraph grid = NetworkBench.buildGrid(side);
            System.out.printf("grid %d x %d: %d nodes, %d edges%n", side, side, grid.nodeCount(), grid.edgeCount());
            run(grid, points(grid, 300), "grid 300", reps, mode);
        }
    }

    /** The OSM file argument ({@code args[0]}), by default the Haidian extract. */
    static Path osmArg(String[] args) {
        return Path.of(args.length > 0 ? args[0] : "data/haidian/haidian_wudaokou_2017-06.osm");
    }

    static List<Facility> points(RoadGraph g, int n) {
        Random rnd = new Random(18);
        List<Facility> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int v = rnd.nextInt(g.nodeCount());
            fs.add(Facility.of("p" + i, "p" + i, FacilityKind.DAY_CARE_CENTRE,
                Geometries.point(g.nodeLon(v) + 0.0001, g.nodeLat(v) + 0.0002)));
        }
        return fs;
    }

    static void run(RoadGraph g, List<Facility> fs, String label, int reps, CircleMode mode) {
        ServiceAreaParams p = ServiceAreaParams.defaults(TravelProfile.ELDERLY_MEAN_WALK_MPS).withMode(mode);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long w0 = System.nanoTime();
        long cpu0 = mx.getCurrentThreadCpuTime();
        ServiceAreaResult first = ServiceAreaCalculator.compute(g, fs, p);
        System.out.printf("%s: first call (cold JIT, edge footprints computed): %.0f ms wall, %.0f ms CPU, polygons %.1f"
            + " ms CPU%n", label, (System.nanoTime() - w0) / 1e6, (mx.getCurrentThreadCpuTime() - cpu0) / 1e6,
            first.polygonCpuMillis());
        // warm-up until the JIT has compiled the hot paths: at least 10 more calls and 2 s (one call of 30 points
        // is a few milliseconds, far from steady state)
        long warm = System.nanoTime();
        for (int i = 0; i < 10 || System.nanoTime() - warm < 2_000_000_000L; i++) {
            ServiceAreaCalculator.compute(g, fs, p);
        }
        double[] wall = new double[reps];
        double[] cpu = new double[reps];
        double[] search = new double[reps];
        double[] poly = new double[reps];
        double[] searchCpu = new double[reps];
        double[] polyCpu = new double[reps];
        ServiceAreaResult r = null;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            r = ServiceAreaCalculator.compute(g, fs, p);
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            search[i] = r.searchMillis();
            poly[i] = r.polygonMillis();
            searchCpu[i] = r.searchCpuMillis();
            polyCpu[i] = r.polygonCpuMillis();
        }
        Arrays.sort(wall);
        Arrays.sort(search);
        Arrays.sort(poly);
        Arrays.sort(cpu);
        Arrays.sort(searchCpu);
        Arrays.sort(polyCpu);
        double s = search[reps / 2];
        double q = poly[reps / 2];
        System.out.printf("%s: %d areas (%d unsnapped); median of %d: search %.1f ms, polygons %.1f ms (%.2f x search), "
            + "whole compute %.0f ms wall (min %.0f, max %.0f), %.0f ms CPU (min %.0f)%n", label, r.areas().size(),
            r.unsnapped().size(), reps, s, q, q / s, wall[reps / 2], wall[0], wall[reps - 1], cpu[reps / 2], cpu[0]);
        System.out.printf("%s: CPU time of this thread, median of %d: search %.1f ms, polygons %.1f ms (%.2f x search)%n",
            label, reps, searchCpu[reps / 2], polyCpu[reps / 2], polyCpu[reps / 2] / searchCpu[reps / 2]);
    }
}

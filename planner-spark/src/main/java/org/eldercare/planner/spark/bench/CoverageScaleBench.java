package org.eldercare.planner.spark.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.eldercare.planner.coverage.CoverageOptions;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.spark.CountyJob;
import org.eldercare.planner.spark.CountyRef;
import org.eldercare.planner.spark.CoverageJob;
import org.eldercare.planner.spark.SparkSessions;
import org.eldercare.planner.spark.gen.CountyGenerator;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;

/**
 * Benchmark (run by hand, results in BENCHMARKS.md and docs/bench/spark.md; never part of the tests): the coverage
 * job on the first N of 200 generated counties, for each N of {@code --sizes}, alternating in one run the plain JVM
 * loop (read the county, open a {@link PlanningSession}, take its coverage report, make the rows — what a task
 * does, without Spark) with the Spark job under {@code local[1]} and {@code local[2]} (which also writes the
 * GeoParquet/CSV tables and the two aggregates). Also measures one county's peak heap.
 *
 * <pre>bash scripts/planner-spark.sh bench-coverage [DIR [1,10,50,200 [local[1],local[2]]]]</pre>
 * (run from the repository root; the counties are generated into DIR, default target/bench-counties, once).
 */
public final class CoverageScaleBench {
    private CoverageScaleBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-counties");
        List<Integer> sizes = new ArrayList<>();
        for (String s : (args.length > 1 ? args[1] : "1,10,50,200").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        String masters = args.length > 2 ? args[2] : "local[1],local[2]";
        int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (!Files.isRegularFile(dir.resolve(CountyGenerator.code(max - 1) + ".gpkg"))) {
            PlanningData base;
            try (Workspace w = Workspaces.open(System.getProperty("planner.base", "data/guixi/guixi.gpkg"))) {
                base = w.read();
            }
            long t0 = System.nanoTime();
            new CountyGenerator(base).writeAll(max, 20240101L, dir);
            System.out.printf(Locale.ROOT, "generated %d counties in %.1f s%n", max, (System.nanoTime() - t0) / 1e9);
        }
        List<CountyRef> all = CountyRef.listDirectory(dir);
        PolicyProfile profile = PolicyProfiles.get("national");
        System.out.printf(Locale.ROOT, "one county: heap pools' peak during read + coverage %.0f MB, retained by its "
            + "data + session + report after GC %.0f MB%n", peakHeapMb(all.get(0), profile),
            retainedMb(all.get(0), profile));
        // warm-up (JIT) on the plain path
        loop(all.subList(0, Math.min(5, all.size())), profile);
        System.out.println("N,mode,wall_s,per_county_ms,task_sum_s,session_start_s");
        for (int n : sizes) {
            List<CountyRef> cs = all.subList(0, n);
            double loop1 = loop(cs, profile);
            System.out.printf(Locale.ROOT, "%d,jvm-loop,%.2f,%.0f,%.2f,0%n", n, loop1, 1000 * loop1 / n, loop1);
            for (String master : masters.split(",")) {
                long s0 = System.nanoTime();
                SparkSession spark = SparkSessions.open(master, 2);
                double start = (System.nanoTime() - s0) / 1e9;
                long t0 = System.nanoTime();
                CountyJob.Result r = CoverageJob.run(spark, cs, "national", 300, Path.of("target/bench-out/" + n));
                double wall = (System.nanoTime() - t0) / 1e9;
                double tasks = r.counties().stream().mapToLong(o -> o.millis()).sum() / 1e3;
                spark.stop();
                System.out.printf(Locale.ROOT, "%d,spark-%s,%.2f,%.0f,%.2f,%.2f%n", n, master, wall, 1000 * wall / n,
                    tasks, start);
                if (r.failedCount() > 0) {
                    System.out.println(r.failureLine());
                }
            }
            System.out.flush();
        }
    }

    /** Wall seconds of the plain loop over {@code cs}. */
    static double loop(List<CountyRef> cs, PolicyProfile profile) {
        long t0 = System.nanoTime();
        long rows = 0;
        for (CountyRef c : cs) {
            rows += once(c, profile);
        }
        if (rows == 0) {
            throw new IllegalStateException("no rows");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long once(CountyRef c, PolicyProfile profile) {
        PlanningData d;
        try (Workspace w = Workspaces.open(c.location())) {
            d = w.read();
        }
        CoverageReport r = PlanningSession.of(d, profile, 300).coverage(CoverageOptions.defaults());
        return CoverageJob.rows(c, d, r).stream().mapToLong(List::size).sum();
    }

    /** Heap still used after a GC while one county's data, session and report are held, minus the baseline. */
    static double retainedMb(CountyRef c, PolicyProfile profile) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        PlanningData d;
        try (Workspace w = Workspaces.open(c.location())) {
            d = w.read();
        }
        PlanningSession session = PlanningSession.of(d, profile, 300);
        CoverageReport r = session.coverage(CoverageOptions.defaults());
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        if (r.units().isEmpty() || session.data() != d) {
            throw new IllegalStateException("empty report");
        }
        return (after - before) / 1e6;
    }

    /** Peak heap (sum of the heap pools' peaks after a GC and a reset) while one county is read and analysed. */
    static double peakHeapMb(CountyRef c, PolicyProfile profile) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        once(c, profile);
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
    }
}

package org.eldercare.planner.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.spark.gen.CountyGenerator;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code planner-spark <job>}: the province / national runs (docs/scale-out.md). Exit codes: 0 done, 1 some counties
 * failed (their results are missing, everything else is written, see {@code failures.csv}), 2 bad arguments.
 */
@Command(name = "planner-spark", mixinStandardHelpOptions = true,
    subcommands = {PlannerSparkCli.Generate.class, PlannerSparkCli.Coverage.class, PlannerSparkCli.AssignDemand.class,
        PlannerSparkCli.CheckDistricts.class},
    description = {"Runs geo-core's analyses for many counties on Apache Spark + Sedona (one task per county).",
        "Exit code: 0 done, 1 some counties failed (report in OUT/failures.csv), 2 bad arguments."})
public final class PlannerSparkCli implements Callable<Integer> {
    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new PlannerSparkCli()).setOut(out).setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl.execute(args);
    }

    /** Options every Spark job takes. */
    static class SparkOptions {
        @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL",
            description = "Spark master: local[*], local[N], spark://host:7077, yarn, k8s://https://… (default "
                + "${DEFAULT-VALUE}; under spark-submit give --master there and pass `--master submit` here).")
        String master;

        @Option(names = "--in", required = true, paramLabel = "DIR",
            description = "Directory of county workspaces, one <county code>.gpkg each (e.g. from `generate`).")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
        Path out;

        @Option(names = "--shuffle-partitions", defaultValue = "4", paramLabel = "N",
            description = "spark.sql.shuffle.partitions for the aggregations (default ${DEFAULT-VALUE}).")
        int shufflePartitions;

        SparkSession open() {
            return SparkSessions.open("submit".equals(master) ? null : master, shufflePartitions);
        }
    }

    static int report(CommandLine.Model.CommandSpec spec, CountyJob.Result r, long t0) {
        PrintWriter out = spec.commandLine().getOut();
        for (Path p : r.written()) {
            out.println("wrote " + p);
        }
        out.printf(Locale.ROOT, "%d counties in %.1f s%n", r.counties().size(), (System.nanoTime() - t0) / 1e9);
        out.flush();
        if (r.failedCount() > 0) {
            for (CountyOutcome o : r.counties()) {
                o.error().ifPresent(e -> spec.commandLine().getErr().println("failed: " + e));
            }
            spec.commandLine().getErr().println(r.failureLine());
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes N synthetic counties derived from a base county workspace (labelled synthetic, "
            + "codes 900001…): OUT/<code>.gpkg and OUT/counties.csv.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--base", defaultValue = "data/guixi/guixi.gpkg", paramLabel = "FILE.gpkg",
            description = "Base county workspace (default ${DEFAULT-VALUE}).")
        String base;

        @Option(names = "--counties", required = true, paramLabel = "N", description = "Number of counties, 1..200.")
        int counties;

        @Option(names = "--seed", defaultValue = "20240101", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PlanningData d;
            try (Workspace w = Workspaces.open(base)) {
                d = w.read();
            }
            List<CountyGenerator.County> cs = new CountyGenerator(d).writeAll(counties, seed, out);
            spec.commandLine().getOut().printf("wrote %d synthetic counties (%s … %s) to %s%n", cs.size(),
                cs.get(0).code(), cs.get(cs.size() - 1).code(), out);
            return 0;
        }
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Coverage (geo-core CoverageAnalysis through PlanningSession) for every county: coverage_units,"
            + " findings, county_summary, province_summary, rule_summary as GeoParquet + CSV.")
    static final class Coverage implements Callable<Integer> {
        @CommandLine.Mixin
        SparkOptions opts;

        @Option(names = "--profile", defaultValue = "national", paramLabel = "ID|FILE.yaml",
            description = "Policy profile (default ${DEFAULT-VALUE}); a file must be readable on every executor.")
        String profile;

        @Option(names = "--max-snap-m", defaultValue = "300", paramLabel = "METRES",
            description = "Largest snap distance to the road network, metres (default ${DEFAULT-VALUE}).")
        double maxSnapM;

        @Option(names = "--workspace", paramLabel = "FILE.gpkg|JDBC_URL",
            description = "Also write the counties that ran into one workspace (GeoPackage file or PostGIS URL) for "
                + "`planner serve --data FILE.gpkg` / `serve --db URL` (built on the driver: a province, not a "
                + "country).")
        String workspace;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<CountyRef> counties = CountyRef.listDirectory(opts.in);
            long t0 = System.nanoTime();
            SparkSession s = opts.open();
            try {
                CountyJob.Result r = CoverageJob.run(s, counties, profile, maxSnapM, opts.out);
                if (workspace != null) {
                    PlanningData d = ProvinceWorkspace.write(workspace, r);
                    spec.commandLine().getOut().printf("wrote %s: %s, %d admin units (serve it with planner serve "
                        + "%s %s)%n", workspace, d.name(), d.adminUnits().size(),
                        workspace.startsWith("jdbc:") ? "--db" : "--data", workspace);
                }
                return report(spec, r, t0);
            } finally {
                s.stop();
            }
        }
    }

    @Command(name = "check-districts", mixinStandardHelpOptions = true,
        description = "Floor-area check per 100 households (geo-core DistrictCheck) of every county's residential "
            + "districts, pooling within each county: district_verdicts as GeoParquet + CSV.")
    static final class CheckDistricts implements Callable<Integer> {
        @CommandLine.Mixin
        SparkOptions opts;

        @Option(names = "--profile", defaultValue = "national", paramLabel = "ID|FILE.yaml",
            description = "Policy profile (default ${DEFAULT-VALUE}).")
        String profile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<CountyRef> counties = CountyRef.listDirectory(opts.in);
            long t0 = System.nanoTime();
            SparkSession s = opts.open();
            try {
                return report(spec, DistrictsJob.run(s, counties, profile, opts.out), t0);
            } finally {
                s.stop();
            }
        }
    }

    @Command(name = "assign-demand", mixinStandardHelpOptions = true,
        description = "Sedona spatial join of demand points to every county's admin units (geo-core's rule: deepest "
            + "unit covering the point, first stored on a shared border), aggregated per unit: demand_by_unit, "
            + "unassigned_points.")
    static final class AssignDemand implements Callable<Integer> {
        @CommandLine.Mixin
        SparkOptions opts;

        @Option(names = "--points", paramLabel = "FILE",
            description = "Demand points: Parquet or CSV (header) with columns id, lon, lat, elderly.")
        String points;

        @Option(names = "--grid-deg", paramLabel = "DEG",
            description = "Instead of --points: generate grid-cell estimates with this spacing in degrees.")
        Double gridDeg;

        @Option(names = "--border-vertices", defaultValue = "3",
            description = "With --grid-deg: also this many boundary vertices per community (default ${DEFAULT-VALUE}).")
        int borderVertices;

        @Option(names = "--seed", defaultValue = "20240101", description = "With --grid-deg: seed.")
        long seed;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if ((points == null) == (gridDeg == null)) {
                throw new IllegalArgumentException("assign-demand: give exactly one of --points FILE or --grid-deg DEG");
            }
            List<CountyRef> counties = CountyRef.listDirectory(opts.in);
            long t0 = System.nanoTime();
            SparkSession s = opts.open();
            try {
                Dataset<Row> p;
                if (gridDeg != null) {
                    p = AssignDemandJob.gridPoints(s, counties, gridDeg, borderVertices, seed);
                    p.write().mode("overwrite").parquet(opts.out.resolve("demand_points.parquet").toString());
                    p = s.read().parquet(opts.out.resolve("demand_points.parquet").toString());
                } else if (points.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    p = s.read().option("header", "true").schema(AssignDemandJob.POINTS).csv(points);
                } else {
                    p = s.read().parquet(points);
                }
                AssignDemandJob.Totals t = AssignDemandJob.run(s, counties, p, opts.out);
                PrintWriter w = spec.commandLine().getOut();
                w.println(t.line());
                w.printf(Locale.ROOT, "wrote %s, %s (%.1f s)%n", opts.out.resolve("demand_by_unit.parquet"),
                    opts.out.resolve("unassigned_points.parquet"), (System.nanoTime() - t0) / 1e9);
                w.flush();
                if (!t.failed().isEmpty()) {
                    t.failed().forEach(o -> spec.commandLine().getErr().println("failed: " + o.failure()));
                    spec.commandLine().getErr().println(t.failureLine());
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                return 0;
            } finally {
                s.stop();
            }
        }
    }
}

package org.eldercare.planner.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs a {@link CountyTask} over many counties: one Spark partition, and so one task, per county (nothing of a
 * county is split across tasks, so each county's network is built once, in its task); each output table is written
 * as GeoParquet (Sedona, geometry from the rows' {@code wkb} column) and as CSV (without geometry, WKT instead),
 * and the counties that failed go into {@code failures.csv} with their error. A failed county never stops the
 * others.
 */
public final class CountyJob {
    private CountyJob() {}

    /** One output table: its name (files {@code <name>.parquet/} and {@code <name>.csv/}) and row schema. */
    public record Table(String name, StructType schema) {}

    /** The outcome of the whole job: per county its error (if any) and time, and what was written. */
    public record Result(List<CountyOutcome> counties, List<Path> written, Path failuresFile) {
        /** Number of failed counties. */
        public long failedCount() {
            return counties.stream().filter(CountyOutcome::failed).count();
        }

        /** The one-line summary of failures, e.g. {@code 1 of 10 counties failed; report: out/failures.csv}. */
        public String failureLine() {
            return failedCount() + " of " + counties.size() + " counties failed; report: " + failuresFile;
        }
    }

    /** Column name of the geometry (WKB) in the task rows; turned into the GeoParquet {@code geometry} column. */
    public static final String WKB = "wkb";

    /**
     * Runs {@code task} on every county and writes {@code tables} into {@code out}.
     *
     * @return the per-county outcomes (rows dropped: they are in the written tables) and the written paths
     */
    public static Result run(SparkSession spark, List<CountyRef> counties, CountyTask task, List<Table> tables,
            Path out) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = tables.size();
        JavaRDD<CountyOutcome> outcomes = jsc.parallelize(counties, counties.size()).map(c -> task.run(c, n))
            .persist(StorageLevel.MEMORY_AND_DISK());
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
            for (int i = 0; i < n; i++) {
                int k = i;
                Table t = tables.get(i);
                Dataset<Row> df = spark.createDataFrame(outcomes.flatMap(o -> o.tables().get(k).iterator()),
                    t.schema());
                written.addAll(write(df, out, t.name()));
            }
            List<CountyOutcome> light = outcomes.map(o -> new CountyOutcome(o.ref(), List.of(), o.failure(),
                o.millis())).collect();
            Path failures = writeFailures(out, light);
            StringBuilder times = new StringBuilder("county_code,millis,failed\n");
            for (CountyOutcome o : light) {
                times.append(String.format(Locale.ROOT, "%s,%d,%s%n", o.ref().code(), o.millis(), o.failed()));
            }
            Files.writeString(out.resolve("county_times.csv"), times, StandardCharsets.UTF_8);
            written.add(failures);
            return new Result(light, written, failures);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
        } finally {
            outcomes.unpersist(false);
        }
    }

    /** Writes {@code out/failures.csv} (county code, file, error) for the failed ones of {@code outcomes}. */
    public static Path writeFailures(Path out, List<CountyOutcome> outcomes) {
        Path failures = out.resolve("failures.csv");
        StringBuilder csv = new StringBuilder("county_code,file,error\n");
        for (CountyOutcome o : outcomes) {
            o.error().ifPresent(e -> csv.append(Csv.line(o.ref().code(), o.ref().location(), e)));
        }
        try {
            Files.createDirectories(out);
            Files.writeString(failures, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + failures + ": " + e.getMessage(), e);
        }
        return failures;
    }

    /**
     * Writes {@code df} as {@code <name>.parquet} (GeoParquet; its {@code wkb} column becomes the geometry column)
     * and {@code <name>.csv} (one part file, header, geometry as WKT), both replaced when present.
     */
    public static List<Path> write(Dataset<Row> df, Path out, String name) {
        boolean geo = List.of(df.columns()).contains(WKB);
        Path parquet = out.resolve(name + ".parquet");
        Path csv = out.resolve(name + ".csv");
        Dataset<Row> one = df.coalesce(1);   // one part file per table
        if (geo) {
            one.selectExpr("*", "ST_GeomFromWKB(" + WKB + ") AS geometry").drop(WKB).write().mode("overwrite")
                .format("geoparquet").save(parquet.toString());
            one.selectExpr("*", "ST_AsText(ST_GeomFromWKB(" + WKB + ")) AS wkt").drop(WKB).write()
                .mode("overwrite").option("header", "true").csv(csv.toString());
        } else {
            one.write().mode("overwrite").parquet(parquet.toString());
            one.write().mode("overwrite").option("header", "true").csv(csv.toString());
        }
        return List.of(parquet, csv);
    }
}

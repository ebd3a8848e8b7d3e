package org.eldercare.planner.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.store.StoredLayer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * {@code planner-spark assign-demand}: many demand points (building or grid-cell elderly estimates) assigned to the
 * admin units of every county with a Sedona spatial join ({@code ST_Intersects}, which Sedona plans as a spatially
 * partitioned range join with an index), then aggregated per unit.
 *
 * <p>The assignment rule is geo-core's ({@link org.eldercare.planner.model.AdminUnitIndex#locate}): a point belongs
 * to the deepest unit whose boundary covers it (boundary included; community/village before township before
 * county), and among units of the same depth to the first in input order — counties in {@code --in} order, units
 * in their workspace order. A point on the border of two communities therefore goes to the one stored first. A
 * point in no unit is never dropped: it is counted, and written to {@code unassigned_points}.
 *
 * <p>Tables written: {@code demand_by_unit} (county_code, code, level, points, elderly, geometry of the unit; units
 * without points are absent), {@code unassigned_points} (id, elderly, geometry) and, when the points were generated,
 * {@code demand_points} (the generated points, for reuse with {@code --points}).
 */
public final class AssignDemandJob {
    private AssignDemandJob() {}

    /**
     * Whether the units side is broadcast (Sedona's broadcast index join; {@code -Dplanner.assign.broadcast=true})
     * rather than spatially partitioned (the default: a national units table is too big to broadcast).
     */
    static final boolean BROADCAST = Boolean.parseBoolean(System.getProperty("planner.assign.broadcast", "false"));

    /** Schema of demand points: id, lon, lat (WGS84), elderly. */
    public static final StructType POINTS = Schemas.of(
        "id string", "lon double", "lat double", "elderly double");

    /** Schema of the units side: county, code, level, tier, global input order, boundary. */
    public static final StructType UNITS = Schemas.of(
        "county_code string", "code string", "level string", "tier int", "ord long", "wkb binary");

    /** Counts of one run. */
    public record Totals(long points, long assigned, long unassigned, long onSharedBorder, double elderly,
            double elderlyAssigned, double elderlyUnassigned, int counties, List<CountyOutcome> failed,
            Path failuresFile) {
        /** The one-line summary of failures, e.g. {@code 1 of 10 counties failed; report: out/failures.csv}. */
        public String failureLine() {
            return failed.size() + " of " + counties + " counties failed; report: " + failuresFile;
        }

        public String line() {
            return String.format(Locale.ROOT, "%d demand points (%.0f elderly): %d assigned (%.0f elderly), %d in no "
                + "unit (%.0f elderly, in unassigned_points), %d on a border of two or more units of the level they "
                + "went to (given to the first stored)", points, elderly, assigned, elderlyAssigned, unassigned,
                elderlyUnassigned, onSharedBorder);
        }
    }

    /** The units side: one row per admin unit of the counties that could be read, and those that could not. */
    public record Units(Dataset<Row> table, List<CountyOutcome> failed) {}

    /**
     * The admin units of every county as rows (read in the executors, one task per county). A county whose units
     * cannot be read is returned in {@link Units#failed} with geo-core's message, never silently left out.
     */
    public static Units units(SparkSession spark, List<CountyRef> counties) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<CountyRef> refs = List.copyOf(counties);
        JavaRDD<CountyOutcome> outcomes = jsc.parallelize(indices(counties.size()), counties.size()).map(i -> {
            CountyTask task = c -> List.of(unitRows(c, i));
            return task.run(refs.get(i), 1);
        }).persist(StorageLevel.MEMORY_AND_DISK());
        List<CountyOutcome> failed = outcomes.filter(CountyOutcome::failed)
            .map(o -> new CountyOutcome(o.ref(), List.of(), o.failure(), o.millis())).collect();
        Dataset<Row> table = spark.createDataFrame(outcomes.flatMap(o -> o.tables().get(0).iterator()), UNITS)
            .selectExpr("*", "ST_GeomFromWKB(wkb) AS geom").drop(CountyJob.WKB);
        return new Units(table, failed);
    }

    private static List<Row> unitRows(CountyRef c, int county) {
        WKBWriter w = new WKBWriter();
        List<AdminUnit> units = Inputs.readLayer(c, StoredLayer.ADMIN_UNITS);
        Inputs.requireNonEmpty(c, "admin_units", units);
        List<Row> out = new ArrayList<>();
        for (int k = 0; k < units.size(); k++) {
            AdminUnit u = units.get(k);
            out.add(RowFactory.create(c.code(), u.code(), u.level().name(), u.level().tier(),
                (long) county * 1_000_000L + k, w.write(u.boundary())));
        }
        return out;
    }

    private static List<Integer> indices(int n) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        return idx;
    }

    /**
     * Synthetic grid-cell elderly estimates over every county (generated in the executors, one task per county):
     * one point per cell of a {@code stepDeg} grid over the county's bounding box widened by 5 % (so some points
     * fall in no unit), plus the first {@code borderVertices} vertices of every community/village boundary (points
     * exactly on shared borders). Elderly per point: a whole number 0..40 drawn from {@code seed} and the county.
     */
    public static Dataset<Row> gridPoints(SparkSession spark, List<CountyRef> counties, double stepDeg,
            int borderVertices, long seed) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<CountyRef> refs = List.copyOf(counties);
        JavaRDD<Row> rows = jsc.parallelize(indices(counties.size()), counties.size()).flatMap(i -> {
            CountyRef c = refs.get(i);
            Random r = new Random(seed * 7919L + i);
            List<AdminUnit> units;
            try {
                units = Inputs.readLayer(c, StoredLayer.ADMIN_UNITS);
            } catch (RuntimeException e) {
                return java.util.Collections.emptyIterator();   // the units side reports this county as failed
            }
            Envelope e = new Envelope();
            units.forEach(u -> e.expandToInclude(u.boundary().getEnvelopeInternal()));
            e.expandBy(e.getWidth() * 0.05, e.getHeight() * 0.05);
            List<Row> out = new ArrayList<>();
            int nx = (int) Math.ceil(e.getWidth() / stepDeg);
            int ny = (int) Math.ceil(e.getHeight() / stepDeg);
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    out.add(RowFactory.create(c.code() + "-g" + x + "-" + y, e.getMinX() + (x + 0.5) * stepDeg,
                        e.getMinY() + (y + 0.5) * stepDeg, (double) r.nextInt(41)));
                }
            }
            for (AdminUnit u : units) {
                if (u.level().tier() == 3) {
                    Coordinate[] cs = u.boundary().getCoordinates();
                    for (int k = 0; k < Math.min(borderVertices, cs.length); k++) {
                        out.add(RowFactory.create(c.code() + "-b" + u.code() + "-" + k, cs[k].x, cs[k].y,
                            (double) r.nextInt(41)));
                    }
                }
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, POINTS);
    }

    /**
     * Assigns {@code points} (schema {@link #POINTS}) to the counties' units and writes the tables into {@code out}.
     *
     * <p>Deepest tier first: the points are joined with the community/village boundaries, the points left over with
     * the township/street boundaries, and so on up to the city. That is geo-core's rule (the deepest covering unit
     * wins) and it keeps the expensive tests small: a point is tested against a county outline (thousands of
     * vertices, and Sedona's join refines with unprepared geometries) only when no community covers it.
     */
    public static Totals run(SparkSession spark, List<CountyRef> counties, Dataset<Row> points, Path out) {
        Units side = units(spark, counties);
        Dataset<Row> units = side.table().cache();
        units.createOrReplaceTempView("planner_units");
        Dataset<Row> remaining = points.selectExpr("id", "elderly", "ST_Point(lon, lat) AS geom").cache();
        remaining.createOrReplaceTempView("planner_points");
        Dataset<Row> assigned = null;
        List<Dataset<Row>> cached = new ArrayList<>();
        for (int tier = 3; tier >= 0; tier--) {
            remaining.createOrReplaceTempView("planner_remaining");
            // every (point, unit of this tier) pair whose boundary covers the point: Sedona's spatial join; then
            // geo-core's tie rule, the first unit in input order; ties counted for the report
            Dataset<Row> level = spark.sql("SELECT " + (BROADCAST ? "/*+ BROADCAST(u) */ " : "")
                + "p.id, first(p.elderly) AS elderly, "
                + "min_by(struct(u.county_code, u.code, u.level), u.ord) AS unit, count(*) AS matches "
                + "FROM planner_remaining p JOIN (SELECT * FROM planner_units WHERE tier = " + tier + ") u "
                + "ON ST_Intersects(u.geom, p.geom) GROUP BY p.id").cache();
            cached.add(level);
            assigned = assigned == null ? level : assigned.unionAll(level);
            remaining = remaining.join(level.select("id"), remaining.col("id").equalTo(level.col("id")), "left_anti")
                .cache();
            cached.add(remaining);
        }
        assigned.createOrReplaceTempView("planner_assigned");
        Dataset<Row> byUnit = spark.sql("SELECT a.unit.county_code AS county_code, a.unit.code AS code, "
            + "a.unit.level AS level, count(*) AS points, sum(a.elderly) AS elderly, first(ST_AsBinary(u.geom)) AS wkb "
            + "FROM planner_assigned a JOIN planner_units u ON u.code = a.unit.code "
            + "GROUP BY a.unit.county_code, a.unit.code, a.unit.level ORDER BY county_code, code");
        CountyJob.write(byUnit, out, "demand_by_unit");
        CountyJob.write(remaining.selectExpr("id", "elderly", "ST_AsBinary(geom) AS wkb").orderBy("id"), out,
            "unassigned_points");
        Row all = spark.sql("SELECT count(*), coalesce(sum(elderly), 0) FROM planner_points").first();
        Row a = spark.sql("SELECT count(*), coalesce(sum(elderly), 0), count_if(matches > 1) FROM planner_assigned")
            .first();
        Row u = spark.read().format("geoparquet").load(out.resolve("unassigned_points.parquet").toString())
            .selectExpr("count(*)", "coalesce(sum(elderly), 0)").first();
        cached.forEach(Dataset::unpersist);
        units.unpersist();
        Path failures = CountyJob.writeFailures(out, side.failed());
        return new Totals(all.getLong(0), a.getLong(0), u.getLong(0), a.getLong(2), all.getDouble(1),
            a.getDouble(1), u.getDouble(1), counties.size(), side.failed(), failures);
    }
}

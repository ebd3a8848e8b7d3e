package org.eldercare.planner.spark.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.AdminUnitIndex;
import org.eldercare.planner.spark.AssignDemandJob;
import org.eldercare.planner.spark.CountyRef;
import org.eldercare.planner.spark.SparkSessions;
import org.eldercare.planner.store.StoredLayer;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Benchmark (by hand; docs/bench/spark.md): assign-demand on the first N generated counties with grid points of
 * {@code stepDeg} (0.003° gives about 30 000 points per county), Spark + Sedona under the given master versus
 * geo-core's {@link AdminUnitIndex} in a plain loop over the same points; checks the totals agree.
 *
 * <pre>bash scripts/planner-spark.sh bench-assign [DIR [N [STEP_DEG [MASTER]]]]</pre>
 */
public final class AssignDemandBench {
    private AssignDemandBench() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-counties");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        double step = args.length > 2 ? Double.parseDouble(args[2]) : 0.003;
        String master = args.length > 3 ? args[3] : "local[2]";
        List<CountyRef> cs = CountyRef.listDirectory(dir).subList(0, n);
        SparkSession spark = SparkSessions.open(master, 8);
        Path out = Path.of("target/bench-out/assign-" + n);
        AssignDemandJob.gridPoints(spark, cs, step, 3, 7L).write().mode("overwrite")
            .parquet(out.resolve("demand_points.parquet").toString());
        Dataset<Row> points = spark.read().parquet(out.resolve("demand_points.parquet").toString());
        long t0 = System.nanoTime();
        AssignDemandJob.Totals t = AssignDemandJob.run(spark, cs, points, out);
        double sparkS = (System.nanoTime() - t0) / 1e9;
        System.out.println(t.line());
        System.out.printf(Locale.ROOT, "spark %s: %.1f s for %d points (%.0f points/s)%n", master, sparkS, t.points(),
            t.points() / sparkS);
        List<Row> ps = points.collectAsList();
        spark.stop();

        long l0 = System.nanoTime();
        List<AdminUnit> units = new ArrayList<>();
        for (CountyRef c : cs) {
            try (Workspace w = Workspaces.open(c.location())) {
                units.addAll(w.readLayer(StoredLayer.ADMIN_UNITS));
            }
        }
        AdminUnitIndex index = new AdminUnitIndex(units);
        GeometryFactory gf = new GeometryFactory();
        long none = 0;
        for (Row p : ps) {
            if (index.locate(gf.createPoint(new Coordinate(p.getDouble(1), p.getDouble(2)))).isEmpty()) {
                none++;
            }
        }
        double loopS = (System.nanoTime() - l0) / 1e9;
        System.out.printf(Locale.ROOT, "geo-core AdminUnitIndex loop: %.1f s (%d in no unit; Spark said %d: %s)%n",
            loopS, none, t.unassigned(), none == t.unassigned() ? "equal" : "DIFFERENT");
    }
}

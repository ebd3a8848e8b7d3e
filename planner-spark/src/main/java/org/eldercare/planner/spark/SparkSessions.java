package org.eldercare.planner.spark;

import org.apache.sedona.spark.SedonaContext;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session of a job: the given master URL ({@code local[*]}, {@code spark://…}, {@code yarn},
 * {@code k8s://…}), Sedona's SQL functions and optimiser rules registered, no web UI unless asked for. On a cluster
 * started through {@code spark-submit} the master and the other settings come from spark-submit.
 *
 * <p>Spark's default Java serializer is kept (the session is built with SparkSession.builder(), not SedonaContext.builder(), which would switch to Kryo): Kryo 4 (Spark 3.5's) cannot serialize Java records, and what the jobs
 * ship between JVMs is small (county references out, rows back); the spatial join's geometries go through Sedona's
 * own SQL serde either way.
 */
public final class SparkSessions {
    private SparkSessions() {}

    /**
     * A Sedona-enabled session.
     *
     * @param master            Spark master URL, or null to take it from spark-submit's configuration
     * @param shufflePartitions {@code spark.sql.shuffle.partitions} (small for one machine; the number of
     *                          counties or cores is a good value)
     */
    public static SparkSession open(String master, int shufflePartitions) {
        SparkSession.Builder b = SparkSession.builder().appName("planner-spark")
            .config("spark.ui.enabled", System.getProperty("planner.spark.ui", "false"))
            .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
            .config("spark.sql.session.timeZone", "UTC");
        if (master != null) {
            b = b.master(master);
        }
        SparkSession s = SedonaContext.create(b.getOrCreate());
        s.sparkContext().setLogLevel("WARN");
        return s;
    }
}

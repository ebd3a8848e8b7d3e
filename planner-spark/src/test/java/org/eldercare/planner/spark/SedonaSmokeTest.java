package org.eldercare.planner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SedonaSmokeTest {
    @Test
    void sedonaFunctionsRun() {
        SparkSession s = SparkSessions.open("local[1]", 2);
        Row r = s.sql("SELECT ST_Area(ST_GeomFromWKT('POLYGON((0 0, 2 0, 2 3, 0 3, 0 0))')) AS a").first();
        assertEquals(6.0, r.getDouble(0), 0);
        s.sql("SELECT ST_GeomFromWKT('POINT(1 2)') AS geometry, 1 AS id").write().mode("overwrite")
            .format("geoparquet").save("target/smoke.parquet");
        assertEquals(1, s.read().format("geoparquet").load("target/smoke.parquet").count());
    }
}

package org.eldercare.planner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eldercare.planner.coverage.CoverageAnalysis;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.UnitCoverage;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.junit.jupiter.api.Test;

/**
 * Two broken counties among ten: 900004 has a facility with negative beds, 900007 lost its demand_points table.
 * The coverage job (through the CLI) writes the eight good counties, reports the two with county, file and field,
 * and exits 1 with "2 of 10 counties failed".
 */
class BadCountyTest {
    /** Runs statements on a GeoPackage with plain SQLite (its RTree triggers, which need GeoPackage SQL functions,
     * dropped first: the file stays readable, the spatial index is merely no longer kept up to date). */
    private static void sql(Path gpkg, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement()) {
            List<String> triggers = new java.util.ArrayList<>();
            try (var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            for (String t : triggers) {
                s.executeUpdate("DROP TRIGGER \"" + t + "\"");
            }
            for (String q : statements) {
                s.executeUpdate(q);
            }
        }
    }

    /** The distinct county codes of a written GeoParquet table. */
    private static Set<String> countiesIn(SparkSession spark, Path parquet) {
        Set<String> codes = new TreeSet<>();
        for (Row r : spark.read().format("geoparquet").load(parquet.toString()).select("county_code").distinct()
                .collectAsList()) {
            codes.add(r.getString(0));
        }
        return codes;
    }

    @Test
    void brokenCountiesAreReportedAndTheOthersWritten() throws Exception {
        Path dir = Path.of("target/test-counties/bad");
        Files.createDirectories(dir);
        for (CountyRef c : CountyRef.listDirectory(TenCounties.dir())) {
            Files.copy(Path.of(c.location()), dir.resolve(c.code() + ".gpkg"), StandardCopyOption.REPLACE_EXISTING);
        }
        sql(dir.resolve("900004.gpkg"), "UPDATE facilities SET beds = -3 WHERE id = 'c900004-fac-county-welfare'");
        sql(dir.resolve("900007.gpkg"), "DROP TABLE demand_points");
        Path out = Path.of("target/spark-test/bad");
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        int code = PlannerSparkCli.run(new PrintWriter(so, true), new PrintWriter(se, true), "coverage", "--master",
            "local[2]", "--in", dir.toString(), "--out", out.toString(), "--workspace",
            out.resolve("province.gpkg").toString());
        String err = se.toString();
        assertEquals(1, code, so + "\n" + err);
        assertTrue(err.contains("2 of 10 counties failed; report: " + out.resolve("failures.csv")), err);

        List<String> failures = Files.readAllLines(out.resolve("failures.csv"));
        assertEquals(3, failures.size(), String.join("\n", failures));
        String beds = failures.get(1);
        assertTrue(beds.startsWith("900004,") && beds.contains(dir.resolve("900004.gpkg").toAbsolutePath().toString())
            && beds.contains("facilities") && beds.contains("beds"), beds);
        String demand = failures.get(2);
        assertTrue(demand.startsWith("900007,") && demand.contains("demand_points"), demand);

        SparkSession spark = SparkSessions.open("local[1]", 1);
        try {
            assertEquals(Set.of("900001", "900002", "900003", "900005", "900006", "900008", "900009", "900010"),
                countiesIn(spark, out.resolve("coverage_units.parquet")));
            assertEquals(8 * 294, spark.read().format("geoparquet")
                .load(out.resolve("coverage_units.parquet").toString()).count());
            assertEquals(8, spark.read().format("geoparquet").load(out.resolve("county_summary.parquet").toString())
                .count());
            // the province workspace for the web map holds the eight counties, and geo-core's coverage of it (what
            // `serve --data province.gpkg` computes) gives every unit the job's numbers
            PlanningData province;
            try (Workspace w = Workspaces.open(out.resolve("province.gpkg").toString())) {
                province = w.read();
            }
            assertEquals(8 * 294, province.adminUnits().size());
            CoverageReport r = CoverageAnalysis.analyse(province, PolicyProfiles.get("national"));
            List<Row> units = spark.read().format("geoparquet").load(out.resolve("coverage_units.parquet").toString())
                .collectAsList();
            assertEquals(r.units().size(), units.size());
            for (Row u : units) {
                UnitCoverage c = r.getUnit(u.getAs("code"));
                assertEquals(c.elderlyCovered(), (double) u.getAs("elderly_covered"), c.code());
                assertEquals(c.elderly(), (double) u.getAs("elderly"), c.code());
            }
        } finally {
            spark.stop();
        }
    }

    @Test
    void assignDemandReportsACountyWithoutUnitsAndAssignsTheOthers() throws Exception {
        Path dir = Path.of("target/test-counties/bad-assign");
        Files.createDirectories(dir);
        for (CountyRef c : CountyRef.listDirectory(TenCounties.dir()).subList(0, 3)) {
            Files.copy(Path.of(c.location()), dir.resolve(c.code() + ".gpkg"), StandardCopyOption.REPLACE_EXISTING);
        }
        sql(dir.resolve("900002.gpkg"), "DROP TABLE admin_units");
        Path out = Path.of("target/spark-test/bad-assign");
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        int code = PlannerSparkCli.run(new PrintWriter(so, true), new PrintWriter(se, true), "assign-demand",
            "--master", "local[2]", "--in", dir.toString(), "--out", out.toString(), "--grid-deg", "0.05");
        assertEquals(1, code, so + "\n" + se);
        assertTrue(se.toString().contains("1 of 3 counties failed; report: " + out.resolve("failures.csv")),
            se.toString());
        List<String> failures = Files.readAllLines(out.resolve("failures.csv"));
        assertEquals(2, failures.size());
        assertTrue(failures.get(1).startsWith("900002,") && failures.get(1).contains("admin_units"), failures.get(1));
        SparkSession spark = SparkSessions.open("local[1]", 1);
        try {
            assertEquals(Set.of("900001", "900003"), countiesIn(spark, out.resolve("demand_by_unit.parquet")));
        } finally {
            spark.stop();
        }
    }
}

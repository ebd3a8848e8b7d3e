package org.eldercare.planner.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.eldercare.planner.coverage.CoverageOptions;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.UnitCoverage;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;
import org.eldercare.planner.policy.PolicyProfiles;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * {@code planner-spark coverage}: geo-core's coverage analysis for every county, one Spark task per county. Each task
 * opens the county's workspace, opens a {@link PlanningSession} (which builds the walking network once) and takes
 * its coverage report with default options — the same call {@code planner coverage} makes — then turns the report
 * into rows. Nothing of the analysis is re-implemented here.
 *
 * <p>Output tables: {@code coverage_units} (one row per admin unit), {@code findings} (every finding with rule id,
 * measured value, target, status and citation, in report order), {@code county_summary} (one row per county that
 * ran), and two small aggregates computed by Spark from them (a shuffle each): {@code province_summary} (per
 * 2-digit province code) and {@code rule_summary} (per rule and citation: counties and findings failing).
 */
public final class CoverageJob {
    private CoverageJob() {}

    public static final StructType UNITS = Schemas.of(
        "county_code string", "seq int", "code string", "name string", "level string", "parent_code string?",
        "demand_points int", "elderly double", "age80plus double", "disabled double", "service_minutes double",
        "elderly_covered double", "covered_share double", "elderly_not_covered double", "elderly_unsnapped double",
        "bands string", "kinds_present string", "lacking_rule_ids string", "wkb binary");

    public static final StructType FINDINGS = Schemas.of(
        "county_code string", "seq int", "rule_id string", "status string", "measured double", "target double",
        "unit string", "binding string", "document string", "clause string", "feature_ids string",
        "message_zh string", "message_en string", "wkb binary");

    public static final StructType SUMMARY = Schemas.of(
        "county_code string", "county_name string", "data_name string", "profile_id string", "admin_units int",
        "demand_points int", "elderly double", "elderly_covered double", "covered_share double", "findings int",
        "passed int", "failed int", "not_applicable int", "failed_rules string", "wkb binary");

    /** The three per-county tables, in the order the task returns them. */
    public static final List<CountyJob.Table> TABLES = List.of(new CountyJob.Table("coverage_units", UNITS),
        new CountyJob.Table("findings", FINDINGS), new CountyJob.Table("county_summary", SUMMARY));

    /** Runs the job and writes every table into {@code out}; see the class comment. */
    public static CountyJob.Result run(SparkSession spark, List<CountyRef> counties, String profile, double maxSnapM,
            Path out) {
        PolicyProfiles.resolve(profile);   // fail fast on the driver for an unknown profile
        CountyJob.Result r = CountyJob.run(spark, counties, c -> rows(c, profile, maxSnapM), TABLES, out);
        List<Path> written = new ArrayList<>(r.written());
        Dataset<Row> summary = spark.read().format("geoparquet").load(out.resolve("county_summary.parquet").toString());
        Dataset<Row> province = summary.groupBy(substring(col("county_code"), 1, 2).as("province_code"))
            .agg(count(lit(1)).as("counties"), sum("admin_units").as("admin_units"), sum("elderly").as("elderly"),
                sum("elderly_covered").as("elderly_covered"), sum("findings").as("findings"),
                sum("passed").as("passed"), sum("failed").as("failed"), sum("not_applicable").as("not_applicable"))
            .withColumn("covered_share", col("elderly_covered").divide(col("elderly")))
            .withColumn("counties_failed_to_run", lit(r.failedCount())).orderBy("province_code");
        written.addAll(CountyJob.write(province, out, "province_summary"));
        Dataset<Row> findings = spark.read().format("geoparquet").load(out.resolve("findings.parquet").toString());
        Dataset<Row> rules = findings.groupBy("rule_id", "document", "clause")
            .agg(count(lit(1)).as("findings"), sum(when(col("status").equalTo("FAIL"), 1).otherwise(0)).as("failed"),
                countDistinct(when(col("status").equalTo("FAIL"), col("county_code"))).as("counties_failing"),
                countDistinct("county_code").as("counties"))
            .orderBy(col("counties_failing").desc(), col("rule_id"));
        written.addAll(CountyJob.write(rules, out, "rule_summary"));
        return new CountyJob.Result(r.counties(), written, r.failuresFile());
    }

    /** The rows of one county: units, findings, summary (runs in an executor). */
    static List<List<Row>> rows(CountyRef c, String profileId, double maxSnapM) {
        PlanningData d = Inputs.read(c);
        // geo-core's store reads a missing table as an empty layer; for a county's coverage that is an error
        Inputs.requireNonEmpty(c, "admin_units", d.adminUnits());
        Inputs.requireNonEmpty(c, "demand_points", d.demandPoints());
        Inputs.requireNonEmpty(c, "facilities", d.facilities());
        CoverageReport r = PlanningSession.of(d, PolicyProfiles.resolve(profileId), maxSnapM)
            .coverage(CoverageOptions.defaults());
        return rows(c, d, r);
    }

    /** The rows of one county's report. */
    public static List<List<Row>> rows(CountyRef c, PlanningData d, CoverageReport r) {
        WKBWriter wkb = new WKBWriter();
        Map<String, AdminUnit> byCode = d.adminUnitsByCode();
        AdminUnit county = Inputs.top(c, d);
        List<Row> units = new ArrayList<>();
        int seq = 0;
        for (UnitCoverage u : r.units()) {
            String bands = u.bands().stream().map(b -> fmt(b.minutes()) + "=" + b.elderly())
                .collect(Collectors.joining(";"));
            units.add(RowFactory.create(c.code(), seq++, u.code(), u.name(), u.level().name(),
                u.parentCode().orElse(null), u.demandPoints(), u.elderly(), u.age80plus(), u.disabled(),
                u.serviceMinutes(), u.elderlyCovered(), u.coveredShare(), u.elderlyNotCovered(),
                u.elderlyUnsnapped(), bands, u.kindsPresent().stream().map(k -> k.id()).sorted()
                    .collect(Collectors.joining(";")), String.join(";", u.lackingRuleIds()),
                wkb.write(byCode.get(u.code()).boundary())));
        }
        Map<String, Geometry> features = featureGeometries(d);
        List<Row> findings = new ArrayList<>();
        seq = 0;
        Map<String, Integer> fails = new LinkedHashMap<>();
        Map<String, String> cite = new HashMap<>();
        for (Finding f : r.findings()) {
            Geometry g = f.featureIds().stream().map(features::get).filter(x -> x != null).findFirst()
                .orElse(county.boundary());
            findings.add(RowFactory.create(c.code(), seq++, f.ruleId(), f.status().name(), f.measured(), f.target(),
                f.unit(), f.binding().name(), f.citation().document(), f.citation().clause(),
                String.join(";", f.featureIds()), f.messageZh(), f.messageEn(), wkb.write(g)));
            if (f.status() == FindingStatus.FAIL) {
                fails.merge(f.ruleId(), 1, Integer::sum);
                cite.put(f.ruleId(), f.citation().document() + " " + f.citation().clause());
            }
        }
        UnitCoverage top = r.findUnit(county.code()).orElseThrow();
        String failed = fails.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue() + " [" + cite.get(e.getKey())
            + "]").collect(Collectors.joining("; "));
        Row summary = RowFactory.create(c.code(), county.name(), d.name(), r.profileId(), d.adminUnits().size(),
            d.demandPoints().size(), top.elderly(), top.elderlyCovered(), top.coveredShare(), r.totals().total(),
            r.totals().passed(), r.totals().failed(), r.totals().notApplicable(), failed, wkb.write(county.boundary()));
        return List.of(units, findings, List.of(summary));
    }

    /** Geometry of every feature a finding may name: admin units (boundary), facilities, demand points. */
    private static Map<String, Geometry> featureGeometries(PlanningData d) {
        Map<String, Geometry> m = new HashMap<>();
        d.demandPoints().forEach(p -> m.put(p.id(), p.location()));
        d.medicalFacilities().forEach(f -> m.put(f.id(), f.location()));
        d.facilities().forEach(f -> m.put(f.id(), f.location()));
        d.adminUnits().forEach(u -> m.put(u.code(), u.boundary()));
        return m;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}

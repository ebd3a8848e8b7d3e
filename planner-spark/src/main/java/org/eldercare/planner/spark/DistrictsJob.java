package org.eldercare.planner.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.store.StoredLayer;
import org.eldercare.planner.zoning.AppliedRule;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictVerdict;
import org.locationtech.jts.io.WKBWriter;

/**
 * {@code planner-spark check-districts}: geo-core's {@link DistrictCheck} (floor area per 100 households) for every
 * residential district of every county, one task per county, so pooling of small adjacent districts happens only
 * within a county (districts of two counties never pool). Writes {@code district_verdicts} (GeoParquet + CSV), one
 * row per district with verdict, required/provided/shortfall m², pooled-with ids, failed conditions, the applied
 * rules with value and clause, and the reasons.
 */
public final class DistrictsJob {
    private DistrictsJob() {}

    public static final StructType VERDICTS = Schemas.of(
        "county_code string", "seq int", "district_id string", "name string", "district_status string?",
        "households int", "status string", "required_m2 double", "provided_m2 double", "shortfall_m2 double",
        "pooled_with string", "failed_conditions string", "rules string", "finding_rule_ids string",
        "reason_zh string", "reason_en string", "wkb binary?");

    public static final List<CountyJob.Table> TABLES = List.of(new CountyJob.Table("district_verdicts", VERDICTS));

    /** Runs the job and writes {@code district_verdicts} into {@code out}. */
    public static CountyJob.Result run(SparkSession spark, List<CountyRef> counties, String profile, Path out) {
        PolicyProfiles.resolve(profile);
        return CountyJob.run(spark, counties, c -> rows(c, profile), TABLES, out);
    }

    /** The verdict rows of one county (runs in an executor): only the districts layer is read. */
    static List<List<Row>> rows(CountyRef c, String profileId) {
        List<ResidentialDistrict> districts = Inputs.readLayer(c, StoredLayer.DISTRICTS);
        DistrictCheckResult result = DistrictCheck.check(districts, PolicyProfiles.resolve(profileId));
        return List.of(rows(c, districts, result));
    }

    /** One row per verdict, in the result's order. */
    public static List<Row> rows(CountyRef c, List<ResidentialDistrict> districts, DistrictCheckResult result) {
        WKBWriter wkb = new WKBWriter();
        Map<String, ResidentialDistrict> byId = new HashMap<>();
        districts.forEach(d -> byId.put(d.id(), d));
        List<Row> rows = new ArrayList<>();
        int seq = 0;
        for (DistrictVerdict v : result.verdicts()) {
            ResidentialDistrict d = byId.get(v.districtId());
            String rules = v.rules().stream().map(DistrictsJob::rule).collect(Collectors.joining("; "));
            rows.add(RowFactory.create(c.code(), seq++, v.districtId(), d == null ? v.districtId() : d.name(),
                v.districtStatus() == null ? null : v.districtStatus().name(), v.households(), v.status().name(),
                v.requiredM2(), v.providedM2(), v.shortfallM2(), String.join(";", v.pooledWith()),
                v.failedConditions().stream().map(Enum::name).collect(Collectors.joining(";")), rules,
                v.findings().stream().map(Finding::ruleId).collect(Collectors.joining(";")), v.reasonZh(),
                v.reasonEn(), d == null ? null : d.boundary().map(wkb::write).orElse(null)));
        }
        return rows;
    }

    private static String rule(AppliedRule r) {
        return r.id() + "=" + CoverageJob.fmt(r.value()) + " " + r.unit() + " [" + r.citation().document() + " "
            + r.citation().clause() + "]";
    }
}

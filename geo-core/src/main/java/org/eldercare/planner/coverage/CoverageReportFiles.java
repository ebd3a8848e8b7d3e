package org.eldercare.planner.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Writes a {@link CoverageReport} as files: {@value #UNITS} (admin units with their measures), {@value #GAPS}
 * (spatial gaps), {@value #FINDINGS_CSV} and {@value #FINDINGS_JSON} (one row per finding with its citation) and
 * {@value #SUMMARY} (Chinese, then English). GeoJSON is RFC 7946 (WGS84 lon/lat, 7 decimals); NaN and infinite
 * numbers are written as {@code null}; CSV is RFC 4180 in UTF-8 without BOM. Stateless.
 */
public final class CoverageReportFiles {
    public static final String UNITS = "coverage_units.geojson";
    public static final String GAPS = "gaps.geojson";
    public static final String FINDINGS_CSV = "findings.csv";
    public static final String FINDINGS_JSON = "findings.json";
    public static final String SUMMARY = "summary.md";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CoverageReportFiles() {}

    /**
     * Writes the five files into {@code dir} (created if missing), replacing files of the same names.
     *
     * @param data the PlanningData the report was computed on (for unit boundaries and names)
     * @return the written paths, in the order above
     * @throws UncheckedIOException when a file cannot be written
     */
    public static List<Path> write(CoverageReport report, PlanningData data, Path dir) {
        if (report == null || data == null || dir == null) {
            throw new IllegalArgumentException("report, data and dir are required");
        }
        try {
            Files.createDirectories(dir);
            List<Path> out = List.of(dir.resolve(UNITS), dir.resolve(GAPS), dir.resolve(FINDINGS_CSV),
                dir.resolve(FINDINGS_JSON), dir.resolve(SUMMARY));
            JSON.writeValue(out.get(0).toFile(), unitsGeoJson(report, data));
            JSON.writeValue(out.get(1).toFile(), gapsGeoJson(report, data));
            Files.writeString(out.get(2), findingsCsv(report.findings()), StandardCharsets.UTF_8);
            JSON.writeValue(out.get(3).toFile(), findingsJson(report.findings()));
            Files.writeString(out.get(4), CoverageSummary.markdown(report, data), StandardCharsets.UTF_8);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write coverage report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Admin units as a GeoJSON FeatureCollection with their coverage measures as properties. */
    public static ObjectNode unitsGeoJson(CoverageReport report, PlanningData data) {
        Map<String, AdminUnit> byCode = data.adminUnitsByCode();
        ObjectNode fc = featureCollection();
        ArrayNode features = (ArrayNode) fc.get("features");
        for (UnitCoverage u : report.units()) {
            ObjectNode props = JSON.createObjectNode();
            props.put("code", u.code());
            props.put("name", u.name());
            props.put("level", u.level().name().toLowerCase(Locale.ROOT));
            props.put("parentCode", u.parentCode().orElse(null));
            props.put("demandPoints", u.demandPoints());
            num(props, "elderly", u.elderly());
            num(props, "age80plus", u.age80plus());
            num(props, "disabled", u.disabled());
            for (BandCoverage b : u.bands()) {
                String m = CoverageAnalysis.fmt(b.minutes());
                num(props, "elderlyWithin" + m + "min", b.elderly());
                num(props, "age80plusWithin" + m + "min", b.age80plus());
                num(props, "disabledWithin" + m + "min", b.disabled());
            }
            num(props, "coveredShare", u.coveredShare());
            num(props, "coveredShareAge80plus", u.coveredShareAge80plus());
            num(props, "coveredShareDisabled", u.coveredShareDisabled());
            num(props, "elderlyNotCovered", u.elderlyNotCovered());
            num(props, "elderlyUnsnapped", u.elderlyUnsnapped());
            ObjectNode byKind = props.putObject("elderlyWithinServiceByKind");
            u.elderlyWithinServiceByKind().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> num(byKind, e.getKey().id(), e.getValue()));
            ObjectNode bandsByKind = props.putObject("elderlyWithinBandsByKind");   // kind id → minutes → elderly
            u.bandsByKind().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                ObjectNode k = bandsByKind.putObject(e.getKey().id());
                e.getValue().forEach(b -> num(k, CoverageAnalysis.fmt(b.minutes()), b.elderly()));
            });
            ArrayNode kinds = props.putArray("kindsPresent");
            u.kindsPresent().stream().sorted().map(FacilityKind::id).forEach(kinds::add);
            ArrayNode lacking = props.putArray("lackingRuleIds");
            u.lackingRuleIds().forEach(lacking::add);
            features.add(feature(u.code(), byCode.get(u.code()).boundary(), props));
        }
        return fc;
    }

    /** Spatial gaps as a GeoJSON FeatureCollection, rank 1 first ({@link GapFeatures} schema). */
    public static ObjectNode gapsGeoJson(CoverageReport report, PlanningData data) {
        Map<String, AdminUnit> byCode = data.adminUnitsByCode();
        ObjectNode fc = featureCollection();
        ArrayNode features = (ArrayNode) fc.get("features");
        for (SpatialGap g : report.spatialGaps()) {
            ObjectNode props = JSON.valueToTree(GapFeatures.properties(g, report, byCode));
            features.add(feature(GapFeatures.featureId(g), g.polygon(), props));
        }
        return fc;
    }

    /** Findings as CSV with a header row. */
    public static String findingsCsv(List<Finding> findings) {
        StringBuilder sb = new StringBuilder(
            "ruleId,status,measured,target,unit,binding,document,clause,featureIds,messageZh,messageEn\n");
        for (Finding f : findings) {
            List<String> cells = List.of(f.ruleId(), f.status().name(), numText(f.measured()), numText(f.target()),
                f.unit(), f.binding().name(), f.citation().document(), f.citation().clause(),
                String.join(";", f.featureIds()), f.messageZh(), f.messageEn());
            List<String> quoted = new ArrayList<>();
            for (String c : cells) {
                quoted.add(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"")
                    + "\"" : c);
            }
            sb.append(String.join(",", quoted)).append('\n');
        }
        return sb.toString();
    }

    /** Findings as a JSON array, one object per finding with its citation. */
    public static ArrayNode findingsJson(List<Finding> findings) {
        ArrayNode arr = JSON.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = arr.addObject();
            o.put("ruleId", f.ruleId());
            o.put("status", f.status().name());
            num(o, "measured", f.measured());
            num(o, "target", f.target());
            o.put("unit", f.unit());
            o.put("binding", f.binding().name());
            o.putObject("citation").put("document", f.citation().document()).put("clause", f.citation().clause());
            ArrayNode ids = o.putArray("featureIds");
            f.featureIds().forEach(ids::add);
            o.put("messageZh", f.messageZh());
            o.put("messageEn", f.messageEn());
        }
        return arr;
    }

    /** FAIL findings per rule id, in first-seen order. */
    static Map<String, Integer> failsByRule(List<Finding> findings) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.status() == FindingStatus.FAIL) {
                m.merge(f.ruleId(), 1, Integer::sum);
            }
        }
        return m;
    }

    private static ObjectNode featureCollection() {
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.putArray("features");
        return fc;
    }

    private static ObjectNode feature(String id, Geometry g, ObjectNode props) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.put("id", id);
        GeoJsonWriter w = new GeoJsonWriter(7);
        w.setEncodeCRS(false);
        try {
            JsonNode geom = JSON.readTree(w.write(g));
            f.set("geometry", geom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        f.set("properties", props);
        return f;
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                o.put(key, (long) v);
            } else {
                o.put(key, v);
            }
        } else {
            o.putNull(key);
        }
    }

    private static String numText(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

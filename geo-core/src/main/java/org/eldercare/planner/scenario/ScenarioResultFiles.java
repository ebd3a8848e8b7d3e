package org.eldercare.planner.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import org.eldercare.planner.coverage.CoverageReportFiles;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.PlanningData;

/**
 * Writes a {@link ScenarioResult} as files: {@value #METRICS} (provenance, scenario, applied changes, baseline and
 * scenario metrics), {@value #DIFF}, {@value #SUMMARY} (Chinese, then English) and GeoJSON layers under
 * {@value #LAYERS}/: admin units with their coverage and spatial gaps for the baseline and the scenario, and the
 * scenario's facilities with a {@code change} property (added, moved, resized, closed, unchanged). Every file is
 * byte-stable for the same inputs (see {@link ScenarioJson}). Stateless.
 */
public final class ScenarioResultFiles {
    public static final String METRICS = "metrics.json";
    public static final String DIFF = "diff.json";
    public static final String SUMMARY = "summary.md";
    public static final String LAYERS = "layers";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioResultFiles() {}

    /**
     * Writes the files into {@code dir} (created if missing), replacing files of the same names.
     *
     * @param base the base data the scenario was applied to
     * @return the written paths: metrics, diff, summary, then the layers
     * @throws UncheckedIOException when a file cannot be written
     */
    public static List<Path> write(ScenarioResult r, PlanningData base, Path dir) {
        if (r == null || base == null || dir == null) {
            throw new IllegalArgumentException("result, base and dir are required");
        }
        PlanningData after = r.resolved().data();
        Map<String, JsonNode> layers = new LinkedHashMap<>();
        layers.put("baseline_units.geojson", CoverageReportFiles.unitsGeoJson(r.baselineReport(), base));
        layers.put("scenario_units.geojson", CoverageReportFiles.unitsGeoJson(r.scenarioReport(), after));
        layers.put("baseline_gaps.geojson", CoverageReportFiles.gapsGeoJson(r.baselineReport(), base));
        layers.put("scenario_gaps.geojson", CoverageReportFiles.gapsGeoJson(r.scenarioReport(), after));
        layers.put("scenario_facilities.geojson", facilitiesGeoJson(base, after));
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir.resolve(LAYERS));
            out.add(write(dir.resolve(METRICS), ScenarioJson.text(ScenarioJson.runJson(r))));
            var diffDoc = ScenarioJson.diffDocument(r.diff(), r.provenance());
            if (r.baselineSiting().isPresent() && r.scenarioSiting().isPresent()) {
                diffDoc.set("siting", ScenarioJson.sitingDiffJson(r.baselineSiting().get(), r.scenarioSiting().get()));
            }
            out.add(write(dir.resolve(DIFF), ScenarioJson.text(diffDoc)));
            out.add(write(dir.resolve(SUMMARY), ScenarioSummary.markdown(r)));
            for (var e : layers.entrySet()) {
                out.add(write(dir.resolve(LAYERS).resolve(e.getKey()), ScenarioJson.text(e.getValue())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scenario outputs to " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Path write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** What a scenario did to each facility: added, moved, resized, closed or unchanged. */
    public static Map<String, String> facilityChanges(PlanningData base, PlanningData after) {
        Map<String, Facility> b = new LinkedHashMap<>();
        base.facilities().forEach(f -> b.put(f.id(), f));
        Map<String, String> out = new LinkedHashMap<>();
        for (Facility f : after.facilities()) {
            Facility old = b.get(f.id());
            out.put(f.id(), old == null ? "added" : !old.location().equalsExact(f.location()) ? "moved"
                : old.beds() != f.beds() || old.nursingBeds() != f.nursingBeds() || !old.residents().equals(
                    f.residents()) ? "resized" : "unchanged");
        }
        for (Facility f : base.facilities()) {
            out.putIfAbsent(f.id(), "closed");
        }
        return out;
    }

    /** The scenario's facilities and the base's closed ones as GeoJSON points with {@code change}. */
    static ObjectNode facilitiesGeoJson(PlanningData base, PlanningData after) {
        Map<String, String> changes = facilityChanges(base, after);
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        List<Facility> all = new ArrayList<>(after.facilities());
        base.facilities().stream().filter(f -> "closed".equals(changes.get(f.id()))).forEach(all::add);
        for (Facility f : all) {
            ObjectNode feat = features.addObject();
            feat.put("type", "Feature");
            feat.put("id", f.id());
            ObjectNode g = feat.putObject("geometry");
            g.put("type", "Point");
            ArrayNode c = g.putArray("coordinates");
            c.add(Math.round(f.location().getX() * 1e7) / 1e7);
            c.add(Math.round(f.location().getY() * 1e7) / 1e7);
            ObjectNode p = feat.putObject("properties");
            p.put("name", f.name());
            p.put("kind", f.kind().id());
            p.put("kindZh", f.kind().nameZh());
            p.put("beds", f.beds());
            p.put("nursingBeds", f.nursingBeds());
            p.put("change", changes.get(f.id()));
        }
        return fc;
    }
}

package org.eldercare.planner.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.GeoJsonWriter;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.PlanningData;

/**
 * Exports a workspace: to a GeoPackage workspace file (layers, name and documents, exactly; what QGIS users
 * exchange), or to a directory with one GeoJSON file per non-empty layer ({@code admin-units.geojson},
 * {@code facilities.geojson}, … with the default mapping's property names, WGS84) plus {@value
 * WorkspaceImport#WORKSPACE_JSON} (name, layer counts, saved documents). {@link WorkspaceImport} reads both back.
 */
public final class WorkspaceExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WorkspaceExport() {}

    /**
     * What an export wrote. Immutable.
     *
     * @param target      file or directory written
     * @param layerCounts items per layer table, in layer order
     * @param documents   documents exported
     */
    public record Result(String target, Map<String, Integer> layerCounts, int documents) {
        public Result {
            layerCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layerCounts));
        }
    }

    /** Contents of {@value WorkspaceImport#WORKSPACE_JSON}. */
    record Description(String name, List<StoredDocument> documents) {}

    /** Copies layers, name and documents of {@code from} into the GeoPackage workspace {@code gpkg}, atomically. */
    public static Result toGeoPackage(Workspace from, Path gpkg) {
        PlanningData data = from.read();
        List<StoredDocument> docs = documents(from);
        GeoPackageWorkspace to = GeoPackageWorkspace.open(gpkg);
        to.update(w -> {
            w.writeAll(data);
            docs.forEach(w::saveDocument);
        });
        return new Result(to.location(), counts(data), docs.size());
    }

    /**
     * Writes one GeoJSON file per non-empty layer and {@value WorkspaceImport#WORKSPACE_JSON} into {@code dir}
     * (created when missing; files of the same names are replaced).
     */
    public static Result toDirectory(Workspace from, Path dir) throws IOException {
        PlanningData data = from.read();
        List<StoredDocument> docs = documents(from);
        Files.createDirectories(dir);
        LayerMapper m = LayerMapper.defaults();
        Map<String, List<Feature>> files = new LinkedHashMap<>();
        files.put("admin-units", m.adminUnitFeatures(data.adminUnits()));
        files.put("facilities", m.facilityFeatures(data.facilities()));
        files.put("medical-facilities", m.medicalFacilityFeatures(data.medicalFacilities()));
        files.put("districts", m.districtFeatures(data.districts()));
        files.put("demand-points", m.demandPointFeatures(data.demandPoints()));
        files.put("roads", m.roadFeatures(data.roads()));
        for (Map.Entry<String, List<Feature>> e : files.entrySet()) {
            if (!e.getValue().isEmpty()) {
                GeoJsonWriter.write(dir.resolve(e.getKey() + ".geojson"), e.getValue(), Crs.WGS84);
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("name", data.name());
        ObjectNode layers = root.putObject("layers");
        counts(data).forEach(layers::put);
        ArrayNode documents = root.putArray("documents");
        for (StoredDocument d : docs) {
            ObjectNode o = documents.addObject();
            o.put("kind", d.kind().id());
            o.put("name", d.name());
            o.put("savedAt", d.savedAt().toString());
            o.set("metadata", JSON.valueToTree(d.metadata()));
            o.set("document", JSON.readTree(d.json()));
        }
        Files.writeString(dir.resolve(WorkspaceImport.WORKSPACE_JSON), JSON.writeValueAsString(root) + "\n");
        return new Result(dir.toString(), counts(data), docs.size());
    }

    static Description readDescription(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ReadException(file.toString(), null, null, "not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.path("name").isTextual()) {
            throw new ReadException(file.toString(), null, "name", "expected a workspace description with a name");
        }
        List<StoredDocument> docs = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        int i = 0;
        for (JsonNode d : root.path("documents")) {
            try {
                Map<String, String> meta = new LinkedHashMap<>();
                d.path("metadata").fields().forEachRemaining(e -> meta.put(e.getKey(), e.getValue().asText()));
                docs.add(new StoredDocument(DocumentKind.parse(d.path("kind").asText()), d.path("name").asText(),
                    JSON.writeValueAsString(d.path("document")), Instant.parse(d.path("savedAt").asText()), meta));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                problems.add(new InputProblem(file.toString(), "documents[" + i + "]", null, e.getMessage()));
            }
            i++;
        }
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        return new Description(root.get("name").asText(), docs);
    }

    private static List<StoredDocument> documents(Workspace from) {
        List<StoredDocument> docs = new ArrayList<>();
        for (DocumentKind k : DocumentKind.values()) {
            docs.addAll(from.listDocuments(k));
        }
        return docs;
    }

    private static Map<String, Integer> counts(PlanningData data) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (StoredLayer<?> l : StoredLayer.all()) {
            out.put(l.table(), l.itemsOf(data).size());
        }
        return out;
    }
}

package org.eldercare.planner.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.ResidentialDistrict;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Stop-gap GeoJSON output (Jackson + JTS {@link GeoJsonWriter}, 7 decimals, camelCase properties, one feature per
 * record, {@code id} = code or id) used until the project's {@code io.GeoJsonWriter} is available.
 */
final class FallbackGeoJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FallbackGeoJson() {}

    static void writeAdminUnits(List<AdminUnit> units, Path file) throws IOException {
        ArrayNode fs = JSON.createArrayNode();
        for (AdminUnit u : units) {
            ObjectNode p = JSON.createObjectNode();
            p.put("code", u.code());
            p.put("name", u.name());
            p.put("level", u.level().name());
            u.parentCode().ifPresent(c -> p.put("parentCode", c));
            u.urbanRural().ifPresent(c -> p.put("urbanRural", c.name()));
            u.population().ifPresent(v -> p.put("population", v));
            u.elderly60().ifPresent(v -> p.put("elderly60", v));
            u.elderly65().ifPresent(v -> p.put("elderly65", v));
            u.elderly80().ifPresent(v -> p.put("elderly80", v));
            u.disabledElderly().ifPresent(v -> p.put("disabledElderly", v));
            u.households().ifPresent(v -> p.put("households", v));
            p.put("synthetic", u.synthetic());
            fs.add(feature(u.code(), u.boundary(), p));
        }
        write(fs, file);
    }

    static void writeFacilities(List<Facility> facilities, Path file) throws IOException {
        ArrayNode fs = JSON.createArrayNode();
        for (Facility f : facilities) {
            ObjectNode p = JSON.createObjectNode();
            p.put("id", f.id());
            p.put("name", f.name());
            p.put("kind", f.kind().id());
            p.put("beds", f.beds());
            p.put("nursingBeds", f.nursingBeds());
            f.floorAreaM2().ifPresent(v -> p.put("floorAreaM2", v));
            f.residents().ifPresent(v -> p.put("residents", v));
            f.operator().ifPresent(v -> p.put("operator", v.name()));
            p.put("hasMedicalRoom", f.hasMedicalRoom());
            f.openedYear().ifPresent(v -> p.put("openedYear", v));
            f.careStaff().ifPresent(v -> p.put("careStaff", v));
            f.adminCode().ifPresent(v -> p.put("adminCode", v));
            p.put("synthetic", f.synthetic());
            fs.add(feature(f.id(), f.location(), p));
        }
        write(fs, file);
    }

    static void writeMedical(List<MedicalFacility> medical, Path file) throws IOException {
        ArrayNode fs = JSON.createArrayNode();
        for (MedicalFacility m : medical) {
            ObjectNode p = JSON.createObjectNode();
            p.put("id", m.id());
            p.put("name", m.name());
            p.put("kind", m.kind().name());
            p.put("synthetic", m.synthetic());
            fs.add(feature(m.id(), m.location(), p));
        }
        write(fs, file);
    }

    static void writeDistricts(List<ResidentialDistrict> districts, Path file) throws IOException {
        ArrayNode fs = JSON.createArrayNode();
        for (ResidentialDistrict d : districts) {
            ObjectNode p = JSON.createObjectNode();
            p.put("id", d.id());
            p.put("name", d.name());
            p.put("households", d.households());
            p.put("status", d.status().name());
            d.completionYear().ifPresent(v -> p.put("completionYear", v));
            ArrayNode sites = p.putArray("elderlySiteAreasM2");
            d.elderlySiteAreasM2().forEach(sites::add);
            p.put("synthetic", d.synthetic());
            fs.add(feature(d.id(), d.boundary().orElseThrow(), p));
        }
        write(fs, file);
    }

    static void writeDemand(List<DemandPoint> points, Path file) throws IOException {
        ArrayNode fs = JSON.createArrayNode();
        for (DemandPoint d : points) {
            ObjectNode p = JSON.createObjectNode();
            p.put("id", d.id());
            p.put("elderly", d.elderly());
            p.put("age80plus", d.age80plus());
            p.put("disabled", d.disabled());
            p.put("tekun", d.tekun());
            p.put("adminCode", d.adminCode());
            p.put("synthetic", d.synthetic());
            fs.add(feature(d.id(), d.location(), p));
        }
        write(fs, file);
    }

    private static ObjectNode feature(String id, Geometry g, ObjectNode props) throws IOException {
        GeoJsonWriter w = new GeoJsonWriter(7);
        w.setEncodeCRS(false);
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.put("id", id);
        f.set("geometry", JSON.readTree(w.write(g)));
        f.set("properties", props);
        return f;
    }

    private static void write(ArrayNode features, Path file) throws IOException {
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.set("features", features);
        Files.writeString(file, JSON.writeValueAsString(fc) + "\n", StandardCharsets.UTF_8);
    }

    /** Parses a file written by this class (for comparisons). */
    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}

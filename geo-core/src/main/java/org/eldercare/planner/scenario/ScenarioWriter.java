package org.eldercare.planner.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.store.DocumentKind;
import org.eldercare.planner.store.StoredDocument;
import org.eldercare.planner.store.Workspace;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Writes scenarios in the file schema of {@link ScenarioFiles} (JSON, which is YAML too; keys in schema order, so
 * that {@link ScenarioFiles#parse} reads the text back to an equal scenario) and saves them in a {@link Workspace}.
 * Stateless.
 */
public final class ScenarioWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioWriter() {}

    /** The scenario in the file schema, as a JSON tree (keys in schema order). */
    public static ObjectNode toJson(Scenario s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", s.name());
        o.put("description", s.description());
        o.put("base", s.base());
        o.put("profile", s.profile());
        ArrayNode cs = o.putArray("changes");
        for (Change c : s.changes()) {
            ObjectNode n = cs.addObject();
            n.put("type", c.type());
            if (c instanceof Change.AddFacility a) {
                n.put("id", a.id()).put("name", a.name()).put("kind", a.kind().id()).put("lon", a.lon())
                    .put("lat", a.lat()).put("beds", a.beds()).put("nursingBeds", a.nursingBeds());
                a.adminCode().ifPresent(v -> n.put("adminCode", v));
            } else if (c instanceof Change.MoveFacility m) {
                n.put("id", m.id()).put("lon", m.lon()).put("lat", m.lat());
            } else if (c instanceof Change.CloseFacility x) {
                n.put("id", x.id());
            } else if (c instanceof Change.ResizeFacility r) {
                n.put("id", r.id());
                r.beds().ifPresent(v -> n.put("beds", v));
                r.nursingBeds().ifPresent(v -> n.put("nursingBeds", v));
                r.residents().ifPresent(v -> n.put("residents", v));
            } else if (c instanceof Change.AddDistrict d) {
                n.put("id", d.id());
                if (d.name() != null) {
                    n.put("name", d.name());
                }
                n.put("households", d.households()).put("status", d.status().name().toLowerCase(Locale.ROOT));
                ArrayNode a = n.putArray("elderlySiteAreasM2");
                d.elderlySiteAreasM2().forEach(a::add);
                d.boundary().ifPresent(g -> {
                    GeoJsonWriter w = new GeoJsonWriter(7);
                    w.setEncodeCRS(false);
                    try {
                        n.set("boundary", JSON.readTree(w.write(g)));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
            } else if (c instanceof Change.EditDistrict d) {
                n.put("id", d.id());
                d.households().ifPresent(v -> n.put("households", v));
                d.status().ifPresent(v -> n.put("status", v.name().toLowerCase(Locale.ROOT)));
                d.elderlySiteAreasM2().ifPresent(l -> {
                    ArrayNode a = n.putArray("elderlySiteAreasM2");
                    l.forEach(a::add);
                });
            } else if (c instanceof Change.ScaleElderly x) {
                n.put("factor", x.factor());
                x.unitCode().ifPresent(v -> n.put("unitCode", v));
            } else if (c instanceof Change.SetProfileValue p) {
                n.put("rule", p.ruleId()).put("value", p.value());
            }
    }
        s.siting().ifPresent(x -> {
            ObjectNode n = o.putObject("siting");
            n.put("county", x.countyCode()).put("model", x.model().id());
            x.p().ifPresent(v -> n.put("p", v));
            x.minutes().ifPresent(v -> n.put("minutes", v));
            n.put("mode", x.mode());
        });
        return o;
    }

    /** The scenario as JSON text in the file schema (indented; {@link ScenarioFiles#parse} reads it back to an equal scenario). */
    public static String toJsonText(Scenario s) {
        try {
            return JSON.writeValueAsString(toJson(s)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves (or replaces) the scenario in {@code ws} under its name, with its base and profile as metadata. */
    public static StoredDocument save(Workspace ws, Scenario s) {
        return ws.saveDocument(DocumentKind.SCENARIO, s.name(), toJsonText(s), Map.of("base", s.base(), "profile",
            s.profile(), "changes", Integer.toString(s.changes().size())));
    }

}

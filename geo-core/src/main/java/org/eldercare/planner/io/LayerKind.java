package org.eldercare.planner.io;

import java.util.List;
import java.util.Locale;

/** The model layers a file can be mapped to, with the model fields an {@link AttributeMapping} can name. */
public enum LayerKind {
    ADMIN_UNITS("admin-units", List.of("code", "name", "level", "parentCode", "urbanRural", "population",
        "elderly60", "elderly65", "elderly80", "disabledElderly", "households", "synthetic")),
    FACILITIES("facilities", List.of("id", "name", "kind", "beds", "nursingBeds", "floorAreaM2", "residents",
        "operator", "hasMedicalRoom", "openedYear", "careStaff", "adminCode", "synthetic")),
    MEDICAL_FACILITIES("medical-facilities", List.of("id", "name", "kind", "synthetic")),
    DISTRICTS("districts", List.of("id", "name", "households", "status", "completionYear", "elderlySiteAreasM2",
        "synthetic")),
    DEMAND_POINTS("demand-points", List.of("id", "elderly", "age80plus", "disabled", "tekun", "adminCode",
        "synthetic")),
    ROADS("roads", List.of("id", "highway"));

    private final String id;
    private final List<String> fields;

    LayerKind(String id, List<String> fields) {
        this.id = id;
        this.fields = fields;
    }

    /** Stable id used in mapping files and on the command line, e.g. {@code facilities}. */
    public String id() {
        return id;
    }

    /** Model fields (besides the geometry) that a mapping may name, in model order. */
    public List<String> fields() {
        return fields;
    }

    /** Parses an id ({@code admin-units}) or enum name; throws naming the accepted ids. */
    public static LayerKind parse(String text) {
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (LayerKind k : values()) {
                if (k.id.equals(t)) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("layer: unknown layer kind '" + text + "', expected one of: "
            + java.util.Arrays.stream(values()).map(LayerKind::id).toList());
    }
}

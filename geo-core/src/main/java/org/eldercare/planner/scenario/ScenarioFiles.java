package org.eldercare.planner.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.siting.SitingModel;
import org.eldercare.planner.store.DocumentKind;
import org.eldercare.planner.store.StoredDocument;
import org.eldercare.planner.store.Workspace;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads and validates scenario files (YAML or JSON, the same schema) and loads scenarios saved in a
 * {@link Workspace}; {@link ScenarioWriter} writes and saves them.
 *
 * <p>Schema: top-level keys {@code name} (required), {@code description}, {@code base} (required), {@code profile}
 * (required) and {@code changes} (required list). Each change is a mapping with {@code type} and that type's keys:
 * <pre>
 *  add-facility       id, name, kind, lon, lat [, beds, nursingBeds, adminCode]
 *  move-facility      id, lon, lat
 *  close-facility     id
 *  resize-facility    id and at least one of beds, nursingBeds, residents
 *  add-district       id, households, status [, name, elderlySiteAreasM2, boundary (GeoJSON geometry)]
 *  edit-district      id and at least one of households, status, elderlySiteAreasM2
 *  scale-elderly      factor [, unitCode]
 *  set-profile-value  rule, value
 * </pre>
 * An optional {@code siting} mapping ({@code county} required; {@code model} default {@code pmedian}, {@code p},
 * {@code minutes}, {@code mode} {@code drive}|{@code walk}, default {@code drive}) asks for a regional siting proposal
 * on the base and the scenario ({@link ScenarioSiting}); problems are named {@code siting.<key>}.
 * Validation collects every problem (unknown or missing keys, wrong types, values out of range) and throws one
 * {@link ScenarioException}; each problem names the key ({@code changes[3].lat}) and the change index. Whether the
 * changes fit a base (ids exist, codes known) is checked later by {@link ScenarioResolver}. Stateless.
 */
public final class ScenarioFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "base", "profile", "changes",
        "siting");
    private static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();
    private static final Map<String, List<String>> OPTIONAL = new LinkedHashMap<>();

    static {
        type("add-facility", List.of("id", "name", "kind", "lon", "lat"), List.of("beds", "nursingBeds", "adminCode"));
        type("move-facility", List.of("id", "lon", "lat"), List.of());
        type("close-facility", List.of("id"), List.of());
        type("resize-facility", List.of("id"), List.of("beds", "nursingBeds", "residents"));
        type("add-district", List.of("id", "households", "status"), List.of("name", "elderlySiteAreasM2", "boundary"));
        type("edit-district", List.of("id"), List.of("households", "status", "elderlySiteAreasM2"));
        type("scale-elderly", List.of("factor"), List.of("unitCode"));
        type("set-profile-value", List.of("rule", "value"), List.of());
    }

    private static void type(String t, List<String> required, List<String> optional) {
        REQUIRED.put(t, required);
        OPTIONAL.put(t, optional);
    }

    private ScenarioFiles() {}

    /**
     * Reads a scenario file ({@code .yaml}, {@code .yml} or {@code .json}).
     *
     * @throws ScenarioException    listing every schema problem
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Scenario read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses scenario text (YAML; JSON is YAML too). @throws ScenarioException listing every problem */
    public static Scenario parse(String source, byte[] bytes) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (IOException e) {
            throw new ScenarioException(source, List.of(new ScenarioProblem(-1, "(file)",
                "not valid YAML/JSON: " + e.getMessage().lines().findFirst().orElse(""))));
        }
        List<ScenarioProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source, List.of(new ScenarioProblem(-1, "(file)",
                "expected a mapping with keys name, base, profile, changes")));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!TOP_KEYS.contains(k)) {
                problems.add(new ScenarioProblem(-1, k, "unknown key, expected one of " + new TreeSet<>(TOP_KEYS)));
            }
        }
        String name = text(root, "name", -1, "name", true, problems);
        String description = text(root, "description", -1, "description", false, problems);
        String base = text(root, "base", -1, "base", true, problems);
        String profile = text(root, "profile", -1, "profile", true, problems);
        List<Change> changes = new ArrayList<>();
        JsonNode cs = root.get("changes");
        if (cs == null || !cs.isArray()) {
            problems.add(new ScenarioProblem(-1, "changes", cs == null ? "required list of changes is missing (use [] "
                + "for none)" : "expected a list of changes, was " + cs.getNodeType().name().toLowerCase(Locale.ROOT)));
        } else {
            for (int i = 0; i < cs.size(); i++) {
                Change c = change(cs.get(i), i, problems);
                if (c != null) {
                    changes.add(c);
                }
            }
        }
        Optional<ScenarioSiting> siting = root.has("siting") ? siting(root.get("siting"), problems) : Optional.empty();
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return new Scenario(name, description, base, profile, changes, siting);
    }

    private static final List<String> SITING_KEYS = List.of("county", "model", "p", "minutes", "mode");

    private static Optional<ScenarioSiting> siting(JsonNode n, List<ScenarioProblem> problems) {
        if (n == null || !n.isObject()) {
            problems.add(new ScenarioProblem(-1, "siting", "expected a mapping with keys " + SITING_KEYS + ", was '"
                + n + "'"));
            return Optional.empty();
        }
        int before = problems.size();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!SITING_KEYS.contains(k)) {
                problems.add(new ScenarioProblem(-1, "siting." + k, "unknown key, expected one of " + SITING_KEYS));
            }
        }
        String county = text(n, "county", -1, "siting.county", true, problems);
        SitingModel model = SitingModel.PMEDIAN;
        String m = text(n, "model", -1, "siting.model", false, problems);
        if (m != null) {
            try {
                model = SitingModel.parse(m);
            } catch (IllegalArgumentException e) {
                problems.add(new ScenarioProblem(-1, "siting.model", e.getMessage()));
            }
        }
        OptionalInt p = OptionalInt.empty();
        JsonNode pv = n.get("p");
        if (pv != null && !pv.isNull()) {
            if (!pv.isIntegralNumber() || !pv.canConvertToInt() || pv.asInt() < 1) {
                problems.add(new ScenarioProblem(-1, "siting.p", "expected a whole number >= 1, was '" + pv + "'"));
            } else {
                p = OptionalInt.of(pv.asInt());
            }
        }
        OptionalDouble minutes = OptionalDouble.empty();
        JsonNode mv = n.get("minutes");
        if (mv != null && !mv.isNull()) {
            if (!mv.isNumber() || !(mv.asDouble() > 0 && mv.asDouble() <= 600)) {
                problems.add(new ScenarioProblem(-1, "siting.minutes", "must be a number in (0, 600], was '" + mv
                    + "'"));
            } else {
                minutes = OptionalDouble.of(mv.asDouble());
            }
        }
        String mode = text(n, "mode", -1, "siting.mode", false, problems);
        if (mode == null) {
            mode = "drive";
        } else if (!ScenarioSiting.MODES.contains(mode)) {
            problems.add(new ScenarioProblem(-1, "siting.mode", "expected one of " + ScenarioSiting.MODES + ", was '"
                + mode + "'"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ScenarioSiting(county, model, p, minutes, mode));
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            String key = msg.startsWith("countyCode") ? "siting.county" : msg.startsWith("p:") ? "siting.p"
                : msg.startsWith("minutes") ? "siting.minutes" : "siting";
            problems.add(new ScenarioProblem(-1, key, msg));
            return Optional.empty();
        }
    }

    private static Change change(JsonNode n, int i, List<ScenarioProblem> problems) {
        if (!n.isObject()) {
            problems.add(ScenarioProblem.ofChange(i, "", "expected a mapping with a type, was '" + n + "'"));
            return null;
        }
        String type = text(n, "type", i, "type", true, problems);
        if (type == null) {
            return null;
        }
        if (!REQUIRED.containsKey(type)) {
            problems.add(ScenarioProblem.ofChange(i, "type", "unknown change type '" + type + "', expected one of "
                + String.join(", ", REQUIRED.keySet())));
            return null;
        }
        int before = problems.size();
        List<String> required = REQUIRED.get(type);
        List<String> optional = OPTIONAL.get(type);
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!k.equals("type") && !required.contains(k) && !optional.contains(k)) {
                List<String> allowed = new ArrayList<>(required);
                allowed.addAll(optional);
                problems.add(ScenarioProblem.ofChange(i, k, "unknown key for " + type + ", expected one of "
                    + allowed));
            }
        }
        boolean missing = false;
        for (String k : required) {
            if (!n.hasNonNull(k)) {
                problems.add(ScenarioProblem.ofChange(i, k, "required for " + type + " but missing"));
                missing = true;
            }
        }
        if (missing) {
            return null; // the value checks below would report the missing keys a second time
        }
        Change c;
        try {
            c = build(type, n, i, problems);
        } catch (IllegalArgumentException e) {
            // a record component left null by a value that already failed above
            if (problems.size() == before) {
                problems.add(ScenarioProblem.ofChange(i, "", e.getMessage()));
            }
            return null;
        }
        return problems.size() > before ? null : c;
    }

    private static Change build(String type, JsonNode n, int i, List<ScenarioProblem> problems) {
        return switch (type) {
            case "add-facility" -> {
                String id = text(n, "id", i, "id", true, problems);
                String name = text(n, "name", i, "name", true, problems);
                FacilityKind kind = null;
                String k = text(n, "kind", i, "kind", true, problems);
                if (k != null) {
                    try {
                        kind = FacilityKind.parse("kind", k);
                    } catch (IllegalArgumentException e) {
                        problems.add(ScenarioProblem.ofChange(i, "kind", e.getMessage()));
                    }
                }
                double lon = number(n, "lon", i, -180, 180, problems);
                double lat = number(n, "lat", i, -90, 90, problems);
                int beds = integer(n, "beds", i, problems).orElse(0);
                int nursing = integer(n, "nursingBeds", i, problems).orElse(0);
                if (nursing > beds) {
                    problems.add(ScenarioProblem.ofChange(i, "nursingBeds", "must be <= beds (" + beds + "), was "
                        + nursing));
                }
                Optional<String> code = Optional.ofNullable(text(n, "adminCode", i, "adminCode", false, problems));
                yield new Change.AddFacility(id, name, kind, lon, lat, beds, nursing, code);
            }
            case "move-facility" -> new Change.MoveFacility(text(n, "id", i, "id", true, problems),
                number(n, "lon", i, -180, 180, problems), number(n, "lat", i, -90, 90, problems));
            case "close-facility" -> new Change.CloseFacility(text(n, "id", i, "id", true, problems));
            case "resize-facility" -> {
                OptionalInt beds = integer(n, "beds", i, problems);
                OptionalInt nursing = integer(n, "nursingBeds", i, problems);
                OptionalInt residents = integer(n, "residents", i, problems);
                if (beds.isEmpty() && nursing.isEmpty() && residents.isEmpty()) {
                    problems.add(ScenarioProblem.ofChange(i, "", "resize-facility needs at least one of beds, "
                        + "nursingBeds, residents"));
                }
                yield new Change.ResizeFacility(text(n, "id", i, "id", true, problems), beds, nursing, residents);
            }
            case "add-district" -> {
                String id = text(n, "id", i, "id", true, problems);
                String name = text(n, "name", i, "name", false, problems);
                OptionalInt hh = integer(n, "households", i, problems);
                Optional<DistrictStatus> st = status(n, i, problems);
                List<Double> areas = areas(n, i, problems).orElse(List.of());
                Optional<Geometry> boundary = Optional.empty();
                if (n.hasNonNull("boundary")) {
                    try {
                        Geometry g = new GeoJsonReader().read(n.get("boundary").toString());
                        if (!(g.getGeometryType().equals("Polygon") || g.getGeometryType().equals("MultiPolygon"))) {
                            problems.add(ScenarioProblem.ofChange(i, "boundary", "expected a GeoJSON Polygon or "
                                + "MultiPolygon, was " + g.getGeometryType()));
                        } else {
                            boundary = Optional.of(g);
                        }
                    } catch (ParseException | RuntimeException e) {
                        problems.add(ScenarioProblem.ofChange(i, "boundary", "not a GeoJSON geometry: "
                            + e.getMessage()));
                    }
                }
                yield new Change.AddDistrict(id, name, hh.orElse(0), st.orElse(null), areas, boundary);
            }
            case "edit-district" -> {
                OptionalInt hh = integer(n, "households", i, problems);
                Optional<DistrictStatus> st = status(n, i, problems);
                Optional<List<Double>> areas = areas(n, i, problems);
                if (hh.isEmpty() && st.isEmpty() && areas.isEmpty() && !n.has("households") && !n.has("status")
                        && !n.has("elderlySiteAreasM2")) {
                    problems.add(ScenarioProblem.ofChange(i, "", "edit-district needs at least one of households, "
                        + "status, elderlySiteAreasM2"));
                }
                yield new Change.EditDistrict(text(n, "id", i, "id", true, problems), hh, st, areas);
            }
            case "scale-elderly" -> new Change.ScaleElderly(numberExclusiveMin(n, "factor", i, 0, 10, problems),
                Optional.ofNullable(text(n, "unitCode", i, "unitCode", false, problems)));
            case "set-profile-value" -> new Change.SetProfileValue(text(n, "rule", i, "rule", true, problems),
                number(n, "value", i, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, problems));
            default -> throw new IllegalStateException("type " + type);
        };
    }

    private static String text(JsonNode n, String field, int i, String key, boolean required,
            List<ScenarioProblem> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                problems.add(i < 0 ? new ScenarioProblem(-1, key, "required text is missing")
                    : ScenarioProblem.ofChange(i, key, "required text is missing"));
            }
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            problems.add(i < 0 ? new ScenarioProblem(-1, key, "expected text, was '" + v + "'")
                : ScenarioProblem.ofChange(i, key, "expected text, was '" + v + "'"));
            return null;
        }
        return v.asText().strip();
    }

    private static double number(JsonNode n, String field, int i, double min, double max,
            List<ScenarioProblem> problems) {
        return number(n, field, i, min, false, max, problems);
    }

    private static double numberExclusiveMin(JsonNode n, String field, int i, double min, double max,
            List<ScenarioProblem> problems) {
        return number(n, field, i, min, true, max, problems);
    }

    /** A number of change {@code i} in [min, max] (or (min, max] when {@code exclusiveMin}); NaN after a problem. */
    private static double number(JsonNode n, String field, int i, double min, boolean exclusiveMin, double max,
            List<ScenarioProblem> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            problems.add(ScenarioProblem.ofChange(i, field, "expected a number, was " + (v == null ? "missing"
                : "'" + v + "'")));
            return Double.NaN;
        }
        double d = v.asDouble();
        if (!((exclusiveMin ? d > min : d >= min) && d <= max)) {
            problems.add(ScenarioProblem.ofChange(i, field, "must be in " + (exclusiveMin ? "(" : "[") + fmt(min)
                + ", " + fmt(max) + "], was " + fmt(d)));
            return Double.NaN;
        }
        return d;
    }

    private static OptionalInt integer(JsonNode n, String field, int i, List<ScenarioProblem> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return OptionalInt.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            problems.add(ScenarioProblem.ofChange(i, field, "expected a whole number >= 0, was '" + v + "'"));
            return OptionalInt.empty();
        }
        return OptionalInt.of(v.asInt());
    }

    private static Optional<DistrictStatus> status(JsonNode n, int i, List<ScenarioProblem> problems) {
        JsonNode v = n.get("status");
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DistrictStatus.parse("status", v.asText()));
        } catch (IllegalArgumentException e) {
            problems.add(ScenarioProblem.ofChange(i, "status", e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<List<Double>> areas(JsonNode n, int i, List<ScenarioProblem> problems) {
        JsonNode v = n.get("elderlySiteAreasM2");
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            problems.add(ScenarioProblem.ofChange(i, "elderlySiteAreasM2", "expected a list of m² values, was '" + v
                + "'"));
            return Optional.empty();
        }
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < v.size(); k++) {
            JsonNode a = v.get(k);
            if (!a.isNumber() || !(a.asDouble() >= 0) || Double.isInfinite(a.asDouble())) {
                problems.add(ScenarioProblem.ofChange(i, "elderlySiteAreasM2[" + k + "]", "expected a finite m² "
                    + "value >= 0, was '" + a + "'"));
            } else {
                out.add(a.asDouble());
            }
        }
        return Optional.of(out);
    }

    static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * The scenario saved in {@code ws} under {@code name}.
     *
     * @throws IllegalArgumentException when there is none (naming the saved ones)
     * @throws ScenarioException        when the saved document no longer validates
     */
    public static Scenario load(Workspace ws, String name) {
        StoredDocument d = ws.findDocument(DocumentKind.SCENARIO, name).orElseThrow(() -> new IllegalArgumentException(
            "scenario: no scenario '" + name + "' in " + ws.location() + "; saved: " + ws.listDocuments(
                DocumentKind.SCENARIO).stream().map(StoredDocument::name).toList()));
        return parse(ws.location() + " scenario '" + name + "'", d.json().getBytes(
            java.nio.charset.StandardCharsets.UTF_8));
    }
}

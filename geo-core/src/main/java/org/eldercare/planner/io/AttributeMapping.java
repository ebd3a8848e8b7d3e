package org.eldercare.planner.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which source attribute names hold which model field, per {@link LayerKind}: e.g. a facility's {@code beds} may be
 * in a column {@code beds}, {@code 床位数} or {@code 床位}. For each field the names are tried in order and the first
 * present, non-blank one is used. A name starting with {@code =} is a constant: {@code "=street"} gives every feature
 * the value {@code street} (useful for {@code level} or {@code kind} when a file holds one kind only).
 *
 * <p>{@link #defaults()} knows the model's own (camelCase) names, snake_case variants and the usual Chinese column
 * names (户数, 床位数, 护理型床位数, 建筑面积, 区划代码, 60岁以上人口 …), and {@code elderlySitesM2} for a district's
 * {@code elderlySiteAreasM2} (the name the {@code check-districts} input format uses). A mapping file (YAML or JSON) overrides the
 * names of the fields it mentions and keeps the defaults for the rest:
 * <pre>
 * facilities:
 *   id: 编号
 *   beds: [床位数, 总床位]
 *   nursingBeds: 护理型床位数
 *   kind: "=day-care-centre"
 * districts:
 *   households: 户数
 * </pre>
 * Writers use the first name of each field, so a file read with a mapping is written back with its own column names.
 *
 * <p>THIS CLASS IS IMMUTABLE AND THREAD-SAFE.
 */
public final class AttributeMapping {
    static final String DEFAULTS_RESOURCE = "default-attribute-mapping.yaml";
    private static final AttributeMapping DEFAULTS = buildDefaults();

    private final Map<LayerKind, Map<String, List<String>>> names;

    private AttributeMapping(Map<LayerKind, Map<String, List<String>>> names) {
        Map<LayerKind, Map<String, List<String>>> copy = new EnumMap<>(LayerKind.class);
        for (var e : names.entrySet()) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            e.getValue().forEach((k, v) -> m.put(k, List.copyOf(v)));
            copy.put(e.getKey(), Collections.unmodifiableMap(m));
        }
        this.names = Collections.unmodifiableMap(copy);
    }

    /** The built-in mapping (model names, snake_case and common Chinese column names). */
    public static AttributeMapping defaults() {
        return DEFAULTS;
    }

    /**
     * The source names tried for {@code field} of {@code kind}, first to last.
     *
     * @throws IllegalArgumentException when the field is not a mapped field of that layer
     */
    public List<String> sourceNames(LayerKind kind, String field) {
        List<String> l = names.get(kind).get(field);
        if (l == null) {
            throw new IllegalArgumentException("field: '" + field + "' is not a field of layer " + kind.id()
                + "; fields: " + kind.fields());
        }
        return l;
    }

    /** The name a writer uses for {@code field}: the first source name that is not a constant, else the field. */
    public String outputName(LayerKind kind, String field) {
        for (String n : sourceNames(kind, field)) {
            if (!n.startsWith("=")) {
                return n;
            }
        }
        return field;
    }

    /** A copy in which {@code field} of {@code kind} is looked up under {@code sourceNames} (in that order) only. */
    public AttributeMapping with(LayerKind kind, String field, String... sourceNames) {
        sourceNames(kind, field);
        if (sourceNames.length == 0) {
            throw new IllegalArgumentException("sourceNames: give at least one name for " + kind.id() + "." + field);
        }
        Map<LayerKind, Map<String, List<String>>> m = new EnumMap<>(names);
        Map<String, List<String>> f = new LinkedHashMap<>(m.get(kind));
        f.put(field, List.of(sourceNames));
        m.put(kind, f);
        return new AttributeMapping(m);
    }

    /**
     * The defaults overridden by a mapping file ({@code .yaml}/{@code .yml} or {@code .json}), shaped as in the class
     * comment: layer id → field → a name or a list of names.
     *
     * @throws IllegalArgumentException naming the file and the offending key for unknown layers or fields, or values
     *                                  that are not a string or a list of strings
     * @throws IOException              when the file cannot be read or parsed
     */
    public static AttributeMapping load(Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper om = n.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode root = om.readTree(file.toFile());
        return fromTree(root, file.toString());
    }

    static AttributeMapping fromTree(JsonNode root, String source) {
        return fromTree(root, source, defaults());
    }

    private static AttributeMapping fromTree(JsonNode root, String source, AttributeMapping base) {
        AttributeMapping m = base;
        if (root == null || root.isNull() || root.isMissingNode()) {
            return m;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": a mapping file must be a map of layer → field → names");
        }
        Iterator<Map.Entry<String, JsonNode>> layers = root.fields();
        while (layers.hasNext()) {
            var le = layers.next();
            LayerKind kind;
            try {
                kind = LayerKind.parse(le.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
            if (!le.getValue().isObject()) {
                throw new IllegalArgumentException(source + ": " + le.getKey() + " must map field names to names");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = le.getValue().fields();
            while (fields.hasNext()) {
                var fe = fields.next();
                if (!kind.fields().contains(fe.getKey())) {
                    throw new IllegalArgumentException(source + ": " + le.getKey() + "." + fe.getKey()
                        + " is not a field of layer " + kind.id() + "; fields: " + kind.fields());
                }
                List<String> list = new ArrayList<>();
                JsonNode v = fe.getValue();
                if (v.isTextual()) {
                    list.add(v.asText());
                } else if (v.isArray() && !v.isEmpty()) {
                    for (JsonNode e : v) {
                        if (!e.isTextual()) {
                            throw new IllegalArgumentException(source + ": " + le.getKey() + "." + fe.getKey()
                                + " must be a name or a list of names, has " + e);
                        }
                        list.add(e.asText());
                    }
                } else {
                    throw new IllegalArgumentException(source + ": " + le.getKey() + "." + fe.getKey()
                        + " must be a name or a non-empty list of names, was " + v);
                }
                m = m.with(kind, fe.getKey(), list.toArray(String[]::new));
            }
        }
        return m;
    }

    private static AttributeMapping buildDefaults() {
        Map<LayerKind, Map<String, List<String>>> m = new EnumMap<>(LayerKind.class);
        for (LayerKind k : LayerKind.values()) {
            Map<String, List<String>> f = new LinkedHashMap<>();
            for (String field : k.fields()) {
                f.put(field, new ArrayList<>(List.of(field)));
                String snake = field.replaceAll("([a-z])([A-Z0-9])", "$1_$2").toLowerCase(Locale.ROOT);
                if (!snake.equals(field)) {
                    f.get(field).add(snake);
                }
            }
            m.put(k, f);
        }
        JsonNode aliases;
        try (InputStream in = AttributeMapping.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE + " next to "
                    + AttributeMapping.class.getName());
            }
            aliases = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
        }
        // The resource has the same shape as a user file, so the same parser checks it; the names of the fields it
        // lists are added after the model and snake_case names.
        AttributeMapping listed = fromTree(aliases, DEFAULTS_RESOURCE, new AttributeMapping(m));
        aliases.fields().forEachRemaining(layer -> {
            LayerKind kind = LayerKind.parse(layer.getKey());
            layer.getValue().fieldNames().forEachRemaining(
                field -> m.get(kind).get(field).addAll(listed.sourceNames(kind, field)));
        });
        return new AttributeMapping(m);
    }

    @Override
    public String toString() {
        return "AttributeMapping" + names;
    }
}

package org.eldercare.planner.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
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
        AttributeMapping m = defaults();
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
        add(m, LayerKind.ADMIN_UNITS, "code", "adcode", "区划代码", "统计用区划代码", "行政区划代码", "代码");
        add(m, LayerKind.ADMIN_UNITS, "name", "name_zh", "名称", "区划名称");
        add(m, LayerKind.ADMIN_UNITS, "level", "级别", "层级");
        add(m, LayerKind.ADMIN_UNITS, "parentCode", "parent_adcode", "上级代码", "上级区划代码");
        add(m, LayerKind.ADMIN_UNITS, "urbanRural", "城乡分类", "城乡分类代码");
        add(m, LayerKind.ADMIN_UNITS, "population", "POPU", "常住人口", "人口");
        add(m, LayerKind.ADMIN_UNITS, "elderly60", "60岁以上人口", "60岁及以上人口", "老年人口");
        add(m, LayerKind.ADMIN_UNITS, "elderly65", "65岁以上人口", "65岁及以上人口");
        add(m, LayerKind.ADMIN_UNITS, "elderly80", "80岁以上人口", "80岁及以上人口", "高龄老人");
        add(m, LayerKind.ADMIN_UNITS, "disabledElderly", "失能半失能老人", "失能老人");
        add(m, LayerKind.ADMIN_UNITS, "households", "户数", "总户数");
        add(m, LayerKind.FACILITIES, "id", "编号", "设施编号");
        add(m, LayerKind.FACILITIES, "name", "名称", "设施名称", "机构名称");
        add(m, LayerKind.FACILITIES, "kind", "类型", "设施类型", "机构类型");
        add(m, LayerKind.FACILITIES, "beds", "床位数", "床位", "总床位数");
        add(m, LayerKind.FACILITIES, "nursingBeds", "护理型床位数", "护理型床位", "护理床位数");
        add(m, LayerKind.FACILITIES, "floorAreaM2", "建筑面积", "建筑面积m2", "建筑面积(㎡)");
        add(m, LayerKind.FACILITIES, "residents", "在院人数", "入住人数", "在住老人数");
        add(m, LayerKind.FACILITIES, "operator", "运营方式", "性质", "运营主体");
        add(m, LayerKind.FACILITIES, "hasMedicalRoom", "医务室", "有无医务室");
        add(m, LayerKind.FACILITIES, "openedYear", "开业年份", "建成年份");
        add(m, LayerKind.FACILITIES, "careStaff", "护理员数", "护理人员数");
        add(m, LayerKind.FACILITIES, "adminCode", "社区代码", "所属社区代码", "区划代码");
        add(m, LayerKind.MEDICAL_FACILITIES, "id", "编号");
        add(m, LayerKind.MEDICAL_FACILITIES, "name", "名称", "机构名称");
        add(m, LayerKind.MEDICAL_FACILITIES, "kind", "类型", "机构类型");
        add(m, LayerKind.DISTRICTS, "id", "编号", "小区编号");
        add(m, LayerKind.DISTRICTS, "name", "名称", "小区名称");
        add(m, LayerKind.DISTRICTS, "households", "户数", "总户数");
        add(m, LayerKind.DISTRICTS, "status", "状态", "建设状态");
        add(m, LayerKind.DISTRICTS, "completionYear", "建成年份", "竣工年份");
        add(m, LayerKind.DISTRICTS, "elderlySiteAreasM2", "养老服务用房面积", "养老用房面积", "elderlySitesM2");
        add(m, LayerKind.DEMAND_POINTS, "elderly", "老年人口", "60岁以上人口");
        add(m, LayerKind.DEMAND_POINTS, "age80plus", "80岁以上人口", "高龄老人");
        add(m, LayerKind.DEMAND_POINTS, "disabled", "失能半失能老人", "失能老人");
        add(m, LayerKind.DEMAND_POINTS, "tekun", "特困老人", "特困");
        add(m, LayerKind.DEMAND_POINTS, "adminCode", "社区代码", "区划代码");
        add(m, LayerKind.ROADS, "id", "@id", "osm_id");
        return new AttributeMapping(m);
    }

    private static void add(Map<LayerKind, Map<String, List<String>>> m, LayerKind k, String field, String... more) {
        m.get(k).get(field).addAll(List.of(more));
    }

    @Override
    public String toString() {
        return "AttributeMapping" + names;
    }
}

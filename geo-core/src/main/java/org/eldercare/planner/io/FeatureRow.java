package org.eldercare.planner.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eldercare.planner.model.InvalidValueException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Point;

/**
 * One feature being mapped to a model record: looks up the model fields' attributes through the
 * {@link AttributeMapping} (recording which source name was used, for problems) and records every problem in the
 * layer's {@link Problems}. One per feature; not thread-safe.
 */
final class FeatureRow {
final AttributeMapping mapping;
    final LayerKind kind;
    final Feature feature;
    final int index;
    final Problems problems;
    final Map<String, String> used = new HashMap<>();
    private final int problemsAtStart;
    private String label;

    FeatureRow(AttributeMapping mapping, LayerKind kind, Feature feature, int index, Problems problems) {
        this.mapping = mapping;
        this.kind = kind;
        this.feature = feature;
        this.index = index;
        this.problems = problems;
        this.problemsAtStart = problems.size();
    }

    boolean ok() {
        return problems.size() == problemsAtStart;
    }

    /** Whether one of the field's source attributes exists with a non-null value (blank counts as present). */
    boolean present(String field) {
        for (String n : mapping.sourceNames(kind, field)) {
            if (n.startsWith("=") || property(n) != null) {
                return true;
            }
        }
        return field.equals("id") && !feature.id().isEmpty();
    }

    LayerMapper.ExtraAttributes extras(String idField) {
        FeatureRow row = this;
        return new LayerMapper.ExtraAttributes() {
            @Override
            public int index() {
                return index;
            }

            @Override
            public String id() {
                Object v = raw(idField);
                return v == null ? "" : FeatureValues.stringOf(v).strip();
            }

            @Override
            public String label() {
                return row.label();
            }

            @Override
            public Object value(String attribute) {
                Object v = property(attribute);
                return v == null || v instanceof String s && s.isBlank() ? null : v;
            }

            @Override
            public OptionalDouble amount(String attribute) {
                Object v = value(attribute);
                if (v == null) {
                    return OptionalDouble.empty();
                }
                Double d = FeatureValues.decimal(v);
                if (d == null || !Double.isFinite(d) || d < 0) {
                    problem(attribute, "must be a number >= 0, was '" + FeatureValues.stringOf(v) + "'");
                    return OptionalDouble.empty();
                }
                return OptionalDouble.of(d);
            }

            @Override
            public List<String> texts(String attribute) {
                Object v = value(attribute);
                if (v == null) {
                    return List.of();
                }
                List<?> items = v instanceof List<?> l ? l : List.of(FeatureValues.stringOf(v).split("[;,；，]"));
                List<String> out = new ArrayList<>();
                for (Object o : items) {
                    String s = o == null ? "" : FeatureValues.stringOf(o).replace("[", "").replace("]", "").replace("\"", "")
                        .strip();
                    if (!s.isEmpty()) {
                        out.add(s);
                    }
                }
                return out;
            }

            @Override
            public void problem(String attribute, String message) {
                problems.add(row.label(), actualKey(attribute), message);
            }
        };
    }

    String label() {
        if (label == null) {
            String id = feature.id();
            if (id.isEmpty()) {
                Object v = raw(kind == LayerKind.ADMIN_UNITS ? "code" : "id");
                id = v == null ? "" : FeatureValues.stringOf(v).strip();
            }
            label = Problems.label(index, id);
        }
        return label;
    }

    /** The source attribute name for a model field (the one found, else the mapping's output name). */
    String sourceField(String modelField) {
        if (modelField.equals("location") || modelField.equals("boundary") || modelField.equals("geometry")) {
            return "geometry";
        }
        String base = modelField.replaceAll("\\[\\d+]$", "");
        String found = used.get(base);
        if (found != null) {
            return found + modelField.substring(base.length());
        }
        return kind.fields().contains(base) ? mapping.outputName(kind, base) + modelField.substring(base.length())
            : modelField;
    }

    /** The raw value of a field (first present, non-blank source name), recording which name was used. */
    Object raw(String field) {
        for (String n : mapping.sourceNames(kind, field)) {
            if (n.startsWith("=")) {
                used.put(field, n);
                return n.substring(1);
            }
            Object v = property(n);
            if (v != null && !(v instanceof String s && s.isBlank())) {
                used.put(field, actualKey(n));
                return v;
            }
        }
        if (field.equals("id") && !feature.id().isEmpty()) {
            used.put(field, "id");
            return feature.id();
        }
        return null;
    }

    private Object property(String name) {
        Object v = feature.properties().get(name);
        if (v != null) {
            return v;
        }
        for (var e : feature.properties().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private String actualKey(String name) {
        if (feature.properties().containsKey(name)) {
            return name;
        }
        for (String k : feature.properties().keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return name;
    }

    /** Records a problem with model field {@code field} of this feature, under the source column it came from. */
    void problem(String field, String message) {
        problems.add(label(), mapping.outputName(kind, field), message);
    }

    void missing(String field) {
        problems.add(label(), mapping.outputName(kind, field), "required attribute is missing (looked for "
            + mapping.sourceNames(kind, field) + ")");
    }

    String text(String field, boolean required) {
        Object v = raw(field);
        if (v == null) {
            if (required) {
                missing(field);
            }
            return null;
        }
        return FeatureValues.stringOf(v).strip();
    }

    <E> E parse(String field, boolean required, java.util.function.BiFunction<String, String, E> parser) {
        String t = text(field, required);
        if (t == null) {
            return null;
        }
        try {
            return parser.apply(used.get(field), t);
        } catch (InvalidValueException e) {
            problems.add(label(), used.get(field), e.getMessage());
            return null;
        }
    }

    OptionalLong count(String field) {
        Long l = nonNegative(field, FeatureValues::wholeNumber, "a whole number");
        return l == null ? OptionalLong.empty() : OptionalLong.of(l);
    }

    OptionalInt intCount(String field) {
        OptionalLong l = count(field);
        if (l.isEmpty()) {
            return OptionalInt.empty();
        }
        if (l.getAsLong() > Integer.MAX_VALUE) {
            problems.add(label(), used.get(field), "must be at most " + Integer.MAX_VALUE + ", was " + l.getAsLong());
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) l.getAsLong());
    }

    OptionalDouble amount(String field) {
        Double d = nonNegative(field, v -> {
            Double x = FeatureValues.decimal(v);
            return x == null || !Double.isFinite(x) ? null : x;
        }, "a number");
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    /**
     * The value of {@code field} parsed by {@code parse} (null for "not of this type"), or null when absent, not
     * {@code expected} or negative; the last two are recorded as problems of this row.
     */
    private <N extends Number> N nonNegative(String field, Function<Object, N> parse, String expected) {
        Object v = raw(field);
        if (v == null) {
            return null;
        }
        N n = parse.apply(v);
        if (n == null) {
            problems.add(label(), used.get(field), "must be " + expected + ", was '" + FeatureValues.stringOf(v) + "'");
        } else if (n.doubleValue() < 0) {
            problems.add(label(), used.get(field), "must be >= 0, was " + n);
            return null;
        }
        return n;
    }

    List<Double> amounts(String field) {
        Object v = raw(field);
        if (v == null) {
            return List.of();
        }
        List<Object> items = new ArrayList<>();
        if (v instanceof List<?> l) {
            items.addAll(l);
        } else if (v instanceof Number) {
            items.add(v);
        } else {
            String text = FeatureValues.stringOf(v).strip();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String s : text.split("[;,、；，\\s]+")) {
                if (!s.isEmpty()) {
                    items.add(s);
                }
            }
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Double d = items.get(i) == null ? null : FeatureValues.decimal(items.get(i));
            if (d == null || !Double.isFinite(d) || d < 0) {
                problems.add(label(), used.get(field) + "[" + i + "]", "must be a number >= 0, was '"
                    + items.get(i) + "'");
            } else {
                out.add(d);
            }
        }
        return out;
    }

    boolean bool(String field) {
        Object v = raw(field);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = FeatureValues.stringOf(v).strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "true", "yes", "y", "1", "是", "有", "t":
                return true;
            case "false", "no", "n", "0", "否", "无", "f":
                return false;
            default:
                problems.add(label(), used.get(field), "must be true/false (or yes/no, 1/0, 是/否, 有/无), was '"
                    + FeatureValues.stringOf(v) + "'");
                return false;
        }
    }

    Point point() {
        Geometry g = feature.geometry();
        if (g == null) {
            problems.add(label(), "geometry", "a point location is required but the feature has no geometry");
            return null;
        }
        if (g instanceof Point p) {
            return p;
        }
        if (g.getNumGeometries() == 1 && g.getGeometryN(0) instanceof Point p) {
            return p;
        }
        problems.add(label(), "geometry", "must be a Point, was " + g.getGeometryType());
        return null;
    }

    LineString line() {
        Geometry g = feature.geometry();
        if (g instanceof LineString l) {
            return l;
        }
        if (g instanceof MultiLineString m && m.getNumGeometries() == 1) {
            return (LineString) m.getGeometryN(0);
        }
        problems.add(label(), "geometry", "must be a LineString, was "
            + (g == null ? "no geometry" : g.getGeometryType()));
        return null;
    }

    Geometry geometry() {
        Geometry g = feature.geometry();
        if (g == null) {
            problems.add(label(), "geometry", "a Polygon or MultiPolygon boundary is required but the feature has "
                + "no geometry");
        }
        return g;
    }

    Geometry optionalGeometry() {
        return feature.geometry();
    }
}

package org.eldercare.planner.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.Operator;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.model.UrbanRural;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Point;

/**
 * Turns a {@link FeatureLayer} into model records (AdminUnit, Facility, MedicalFacility, ResidentialDistrict,
 * DemandPoint, RoadSegment) through an {@link AttributeMapping}, and model records back into {@link Feature}s for the
 * writers (property names: the mapping's output names; enum values as lower-case ids such as
 * {@code day-care-centre}; empty optionals omitted; whole numbers as integers).
 *
 * <p>All problems of a layer are collected and thrown together as one {@link ReadException} naming the file, the
 * feature ({@code #index 'id'}) and the source attribute (the column name the mapping found, e.g. {@code 护理型床位数};
 * {@code geometry} for the geometry): unparsable numbers, negative counts, unknown enum values, missing required
 * attributes, invalid geometries, the model's cross-field rules (nursing beds ≤ beds, 80+ ≤ 60+ …) and duplicate
 * ids (also between a feature with problems and a later one). No records are returned from a layer with problems.
 * Source attributes the model has no field for are ignored (roads keep them all as tags); a caller that needs some of
 * them (e.g. zoning's {@code landAreaM2}) reads them in the same pass through {@link ExtraAttributes}, so that their
 * problems are reported with the others. A list field ({@code elderlySiteAreasM2}) may be a JSON array, a number, or
 * a string such as {@code "350;120"}, {@code "350, 120"} or {@code "[350, 120]"}; {@code []}, an empty string or an
 * absent attribute mean an empty list (unless the field is {@linkplain #requiring required}).
 *
 * <p>THIS CLASS IS IMMUTABLE AND THREAD-SAFE.
 */
public final class LayerMapper {
    private final AttributeMapping mapping;
    private final Map<LayerKind, Set<String>> required;

    public LayerMapper(AttributeMapping mapping) {
        this(mapping, Map.of());
    }

    private LayerMapper(AttributeMapping mapping, Map<LayerKind, Set<String>> required) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        Map<LayerKind, Set<String>> r = new EnumMap<>(LayerKind.class);
        required.forEach((k, v) -> r.put(k, Set.copyOf(v)));
        this.required = Map.copyOf(r);
    }

    /** A mapper with {@link AttributeMapping#defaults()}. */
    public static LayerMapper defaults() {
        return new LayerMapper(AttributeMapping.defaults());
    }

    public AttributeMapping mapping() {
        return mapping;
    }

    /**
     * A copy that also requires {@code fields} of {@code kind} to be present on every feature: one of the field's
     * source attributes must exist with a non-null value, else the feature gets a "required attribute is missing"
     * problem. An empty value still counts as present and is read as the field's empty value (for a list such as
     * {@code elderlySiteAreasM2}: {@code []} or an empty CSV cell mean "no site"), so "none" has to be said
     * explicitly rather than by leaving the column out.
     *
     * @throws IllegalArgumentException naming the field when it is not a field of {@code kind}
     */
    public LayerMapper requiring(LayerKind kind, String... fields) {
        Map<LayerKind, Set<String>> r = new EnumMap<>(LayerKind.class);
        r.putAll(required);
        Set<String> s = new LinkedHashSet<>(required.getOrDefault(kind, Set.of()));
        for (String f : fields) {
            mapping.sourceNames(kind, f);
            s.add(f);
        }
        r.put(kind, s);
        return new LayerMapper(mapping, r);
    }

    /**
     * One feature's source attributes beyond the model fields, offered to a caller of
     * {@link #districts(FeatureLayer, Consumer)} while the feature is mapped. Problems reported here are thrown with
     * the mapping's own, in the same {@link ReadException}, naming the same feature label. Valid only during the
     * callback; not thread-safe.
     */
    public interface ExtraAttributes {
        /** 0-based index of the feature in its layer. */
        int index();

        /** The feature's id as the mapping finds it (the {@code id} attribute, else the feature id); "" if none. */
        String id();

        /** The feature as named in problems, e.g. {@code #3 'rd-n1'}. */
        String label();

        /** The value of an attribute (name matched case-insensitively), null when absent or blank. */
        Object value(String attribute);

        /**
         * The attribute as a finite number ≥ 0 (number or numeric string), empty when absent or blank; a problem is
         * recorded (and empty returned) otherwise.
         */
        OptionalDouble amount(String attribute);

        /**
         * The attribute as a list of non-blank texts: a JSON array, or a string separated by {@code ;} or {@code ,}
         * (brackets and quotes ignored, e.g. {@code "[\"a\", \"b\"]"} or {@code "a;b"}); empty when absent.
         */
        List<String> texts(String attribute);

        /** Records a problem with {@code attribute} of this feature. */
        void problem(String attribute, String message);
    }

    // ---------------------------------------------------------------------------------------------- features → model

    public List<AdminUnit> adminUnits(FeatureLayer layer) {
        return map(layer, LayerKind.ADMIN_UNITS, "code", AdminUnit::code, null, r -> {
            String code = r.text("code", true);
            String name = r.text("name", true);
            AdminLevel level = r.parse("level", true, AdminLevel::parse);
            Optional<String> parent = Optional.ofNullable(r.text("parentCode", false));
            Optional<UrbanRural> ur = Optional.ofNullable(r.parse("urbanRural", false, UrbanRural::parse));
            Geometry boundary = r.geometry();
            OptionalLong pop = r.count("population");
            OptionalLong e60 = r.count("elderly60");
            OptionalLong e65 = r.count("elderly65");
            OptionalLong e80 = r.count("elderly80");
            OptionalLong dis = r.count("disabledElderly");
            OptionalLong hh = r.count("households");
            boolean syn = r.bool("synthetic");
            return r.ok() ? new AdminUnit(code, name, level, parent, ur, boundary, pop, e60, e65, e80, dis, hh, syn)
                : null;
        });
    }

    public List<Facility> facilities(FeatureLayer layer) {
        return map(layer, LayerKind.FACILITIES, "id", Facility::id, null, r -> {
            String id = r.text("id", true);
            String name = r.text("name", true);
            FacilityKind kind = r.parse("kind", true, FacilityKind::parse);
            Point location = r.point();
            OptionalInt beds = r.intCount("beds");
            OptionalInt nursing = r.intCount("nursingBeds");
            OptionalDouble area = r.amount("floorAreaM2");
            OptionalInt residents = r.intCount("residents");
            Optional<Operator> op = Optional.ofNullable(r.parse("operator", false, Operator::parse));
            boolean medical = r.bool("hasMedicalRoom");
            OptionalInt opened = r.intCount("openedYear");
            OptionalInt staff = r.intCount("careStaff");
            Optional<String> admin = Optional.ofNullable(r.text("adminCode", false));
            boolean syn = r.bool("synthetic");
            return r.ok() ? new Facility(id, name, kind, location, beds.orElse(0), nursing.orElse(0), area, residents,
                op, medical, opened, staff, admin, syn) : null;
        });
    }

    public List<MedicalFacility> medicalFacilities(FeatureLayer layer) {
        return map(layer, LayerKind.MEDICAL_FACILITIES, "id", MedicalFacility::id, null, r -> {
            String id = r.text("id", true);
            String name = r.text("name", true);
            MedicalKind kind = r.parse("kind", true, MedicalKind::parse);
            Point location = r.point();
            boolean syn = r.bool("synthetic");
            return r.ok() ? new MedicalFacility(id, name, kind, location, syn) : null;
        });
    }

    public List<ResidentialDistrict> districts(FeatureLayer layer) {
        return districts(layer, e -> { });
    }

    /**
     * Districts as {@link #districts(FeatureLayer)}, calling {@code extras} once for every feature (also those with
     * problems, in file order) so that the caller can read attributes the model has no field for from the same
     * features; problems it records are thrown together with the mapping's.
     *
     * @throws ReadException listing every problem of the layer, the mapping's and the caller's
     */
    public List<ResidentialDistrict> districts(FeatureLayer layer, Consumer<? super ExtraAttributes> extras) {
        Objects.requireNonNull(extras, "extras");
        return map(layer, LayerKind.DISTRICTS, "id", ResidentialDistrict::id, extras, r -> {
            String id = r.text("id", true);
            String name = r.text("name", false);
            Optional<Geometry> boundary = Optional.ofNullable(r.optionalGeometry());
            OptionalInt hh = r.intCount("households");
            if (hh.isEmpty() && r.raw("households") == null) {
                r.missing("households");
            }
            DistrictStatus status = r.parse("status", true, DistrictStatus::parse);
            OptionalInt year = r.intCount("completionYear");
            List<Double> sites = r.amounts("elderlySiteAreasM2");
            boolean syn = r.bool("synthetic");
            return r.ok() ? new ResidentialDistrict(id, name, boundary, hh.orElse(0), status, year, sites, syn) : null;
        });
    }

    public List<DemandPoint> demandPoints(FeatureLayer layer) {
        return map(layer, LayerKind.DEMAND_POINTS, "id", DemandPoint::id, null, r -> {
            String id = r.text("id", true);
            Point location = r.point();
            OptionalDouble elderly = r.amount("elderly");
            if (elderly.isEmpty() && r.raw("elderly") == null) {
                r.missing("elderly");
            }
            OptionalDouble a80 = r.amount("age80plus");
            OptionalDouble dis = r.amount("disabled");
            OptionalDouble tekun = r.amount("tekun");
            String admin = r.text("adminCode", true);
            boolean syn = r.bool("synthetic");
            return r.ok() ? new DemandPoint(id, location, elderly.orElse(0), a80.orElse(0), dis.orElse(0),
                tekun.orElse(0), admin, syn) : null;
        });
    }

    /** Roads: LineString (or one-part MultiLineString) features; every other non-null attribute becomes a tag. */
    public List<RoadSegment> roads(FeatureLayer layer) {
        return map(layer, LayerKind.ROADS, "id", RoadSegment::id, null, r -> {
            String id = r.text("id", true);
            LineString line = r.line();
            Map<String, String> tags = new LinkedHashMap<>();
            for (var e : r.feature.properties().entrySet()) {
                if (e.getValue() != null && !e.getKey().equals(r.used.get("id")) && !e.getKey().equals("@id")
                    && !e.getKey().equals("@type")) {
                    tags.put(e.getKey(), stringOf(e.getValue()));
                }
            }
            return r.ok() ? new RoadSegment(id, line, tags) : null;
        });
    }

    // ---------------------------------------------------------------------------------------------- model → features

    public List<Feature> adminUnitFeatures(List<AdminUnit> units) {
        LayerKind k = LayerKind.ADMIN_UNITS;
        List<Feature> out = new ArrayList<>(units.size());
        for (AdminUnit u : units) {
            Props p = new Props(k);
            p.put("code", u.code());
            p.put("name", u.name());
            p.put("level", enumId(u.level()));
            u.parentCode().ifPresent(v -> p.put("parentCode", v));
            u.urbanRural().ifPresent(v -> p.put("urbanRural", enumId(v)));
            p.put("population", u.population());
            p.put("elderly60", u.elderly60());
            p.put("elderly65", u.elderly65());
            p.put("elderly80", u.elderly80());
            p.put("disabledElderly", u.disabledElderly());
            p.put("households", u.households());
            p.put("synthetic", u.synthetic());
            out.add(new Feature(u.code(), u.boundary(), p.map));
        }
        return out;
    }

    public List<Feature> facilityFeatures(List<Facility> facilities) {
        LayerKind k = LayerKind.FACILITIES;
        List<Feature> out = new ArrayList<>(facilities.size());
        for (Facility f : facilities) {
            Props p = new Props(k);
            p.put("id", f.id());
            p.put("name", f.name());
            p.put("kind", f.kind().id());
            p.put("beds", (long) f.beds());
            p.put("nursingBeds", (long) f.nursingBeds());
            f.floorAreaM2().ifPresent(v -> p.put("floorAreaM2", number(v)));
            f.residents().ifPresent(v -> p.put("residents", (long) v));
            f.operator().ifPresent(v -> p.put("operator", enumId(v)));
            p.put("hasMedicalRoom", f.hasMedicalRoom());
            f.openedYear().ifPresent(v -> p.put("openedYear", (long) v));
            f.careStaff().ifPresent(v -> p.put("careStaff", (long) v));
            f.adminCode().ifPresent(v -> p.put("adminCode", v));
            p.put("synthetic", f.synthetic());
            out.add(new Feature(f.id(), f.location(), p.map));
        }
        return out;
    }

    public List<Feature> medicalFacilityFeatures(List<MedicalFacility> medical) {
        List<Feature> out = new ArrayList<>(medical.size());
        for (MedicalFacility m : medical) {
            Props p = new Props(LayerKind.MEDICAL_FACILITIES);
            p.put("id", m.id());
            p.put("name", m.name());
            p.put("kind", enumId(m.kind()));
            p.put("synthetic", m.synthetic());
            out.add(new Feature(m.id(), m.location(), p.map));
        }
        return out;
    }

    public List<Feature> districtFeatures(List<ResidentialDistrict> districts) {
        List<Feature> out = new ArrayList<>(districts.size());
        for (ResidentialDistrict d : districts) {
            Props p = new Props(LayerKind.DISTRICTS);
            p.put("id", d.id());
            p.put("name", d.name());
            p.put("households", (long) d.households());
            p.put("status", enumId(d.status()));
            d.completionYear().ifPresent(v -> p.put("completionYear", (long) v));
            p.put("elderlySiteAreasM2", d.elderlySiteAreasM2().stream().map(LayerMapper::number).toList());
            p.put("synthetic", d.synthetic());
            out.add(new Feature(d.id(), d.boundary().orElse(null), p.map));
        }
        return out;
    }

    public List<Feature> demandPointFeatures(List<DemandPoint> points) {
        List<Feature> out = new ArrayList<>(points.size());
        for (DemandPoint d : points) {
            Props p = new Props(LayerKind.DEMAND_POINTS);
            p.put("id", d.id());
            p.put("elderly", number(d.elderly()));
            p.put("age80plus", number(d.age80plus()));
            p.put("disabled", number(d.disabled()));
            p.put("tekun", number(d.tekun()));
            p.put("adminCode", d.adminCode());
            p.put("synthetic", d.synthetic());
            out.add(new Feature(d.id(), d.location(), p.map));
        }
        return out;
    }

    public List<Feature> roadFeatures(List<RoadSegment> roads) {
        List<Feature> out = new ArrayList<>(roads.size());
        for (RoadSegment r : roads) {
            Props p = new Props(LayerKind.ROADS);
            p.put("id", r.id());
            new java.util.TreeMap<>(r.tags()).forEach(p.map::put);
            out.add(new Feature(r.id(), r.geometry(), p.map));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- machinery

    private <T> List<T> map(FeatureLayer layer, LayerKind kind, String idField, Function<T, String> idOf,
            Consumer<? super ExtraAttributes> extras, Function<Row, T> build) {
        Problems problems = new Problems(layer.source());
        List<T> out = new ArrayList<>(layer.size());
        Map<String, Integer> seen = new HashMap<>();
        Set<String> requiredFields = required.getOrDefault(kind, Set.of());
        for (int i = 0; i < layer.size(); i++) {
            Feature f = layer.features().get(i);
            Row row = new Row(kind, f, i, problems);
            for (String field : requiredFields) {
                if (!row.present(field)) {
                    row.missing(field);
                }
            }
            T t = null;
            try {
                t = build.apply(row);
            } catch (InvalidValueException e) {
                problems.add(row.label(), row.sourceField(e.field()), e.getMessage());
            }
            if (extras != null) {
                extras.accept(row.extras(idField));
            }
            // ids of features with problems count too, so that a duplicate is reported in the same pass
            Object rawId = t != null ? idOf.apply(t) : row.raw(idField);
            String id = rawId == null ? "" : stringOf(rawId).strip();
            if (id.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                problems.add(row.label(), row.sourceField(idField), "duplicate id '" + id + "' (first at #" + first
                    + ") in layer " + kind.id());
            }
            if (t != null) {
                out.add(t);
            }
        }
        problems.throwIfAny();
        return List.copyOf(out);
    }

    /** One feature being mapped: looks up attributes through the mapping and records problems. */
    private final class Row {
        final LayerKind kind;
        final Feature feature;
        final int index;
        final Problems problems;
        final Map<String, String> used = new HashMap<>();
        private final int problemsAtStart;
        private String label;

        Row(LayerKind kind, Feature feature, int index, Problems problems) {
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

        ExtraAttributes extras(String idField) {
            Row row = this;
            return new ExtraAttributes() {
                @Override
                public int index() {
                    return index;
                }

                @Override
                public String id() {
                    Object v = raw(idField);
                    return v == null ? "" : stringOf(v).strip();
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
                    Double d = decimal(v);
                    if (d == null || !Double.isFinite(d) || d < 0) {
                        problem(attribute, "must be a number >= 0, was '" + stringOf(v) + "'");
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
                    List<?> items = v instanceof List<?> l ? l : List.of(stringOf(v).split("[;,；，]"));
                    List<String> out = new ArrayList<>();
                    for (Object o : items) {
                        String s = o == null ? "" : stringOf(o).replace("[", "").replace("]", "").replace("\"", "")
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
                    id = v == null ? "" : stringOf(v).strip();
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
            return stringOf(v).strip();
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
            Object v = raw(field);
            if (v == null) {
                return OptionalLong.empty();
            }
            Long l = wholeNumber(v);
            if (l == null) {
                problems.add(label(), used.get(field), "must be a whole number, was '" + stringOf(v) + "'");
                return OptionalLong.empty();
            }
            if (l < 0) {
                problems.add(label(), used.get(field), "must be >= 0, was " + l);
                return OptionalLong.empty();
            }
            return OptionalLong.of(l);
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
            Object v = raw(field);
            if (v == null) {
                return OptionalDouble.empty();
            }
            Double d = decimal(v);
            if (d == null || !Double.isFinite(d)) {
                problems.add(label(), used.get(field), "must be a number, was '" + stringOf(v) + "'");
                return OptionalDouble.empty();
            }
            if (d < 0) {
                problems.add(label(), used.get(field), "must be >= 0, was " + d);
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(d);
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
                String text = stringOf(v).strip();
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
                Double d = items.get(i) == null ? null : decimal(items.get(i));
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
            String s = stringOf(v).strip().toLowerCase(Locale.ROOT);
            switch (s) {
                case "true", "yes", "y", "1", "是", "有", "t":
                    return true;
                case "false", "no", "n", "0", "否", "无", "f":
                    return false;
                default:
                    problems.add(label(), used.get(field), "must be true/false (or yes/no, 1/0, 是/否, 有/无), was '"
                        + stringOf(v) + "'");
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

    /** Properties in mapping output names. */
    private final class Props {
        final LayerKind kind;
        final Map<String, Object> map = new LinkedHashMap<>();

        Props(LayerKind kind) {
            this.kind = kind;
        }

        void put(String field, Object value) {
            String name = kind.fields().contains(field) ? mapping.outputName(kind, field) : field;
            map.put(name, value);
        }

        void put(String field, OptionalLong value) {
            value.ifPresent(v -> put(field, (Object) v));
        }
    }

    static String stringOf(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof BigDecimal bd) {
            return bd.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static Long wholeNumber(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            return null;
        }
        Double d = decimal(v);
        if (d == null || !Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > 9.0e15) {
            return null;
        }
        return (long) (double) d;
    }

    private static Double decimal(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Whole doubles as Long (JSON {@code 850} rather than {@code 850.0}); others as Double. */
    static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 9.0e15 ? (Object) (long) v : (Object) v;
    }

    private static String enumId(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

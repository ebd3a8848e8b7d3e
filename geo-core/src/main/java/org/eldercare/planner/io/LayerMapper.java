package org.eldercare.planner.io;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.AdminUnitIndex;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;

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

    /**
     * Admin units. Besides each feature's own problems, a unit without a parent code below the top tier of the layer
     * (a township in a layer that also has its county) is a problem: nothing above it would count its people.
     */
    public List<AdminUnit> adminUnits(FeatureLayer layer) {
        List<AdminUnit> units = map(layer, LayerKind.ADMIN_UNITS, "code", AdminUnit::code, null, AdminUnitCodec::read);
        int top = units.stream().mapToInt(u -> u.level().tier()).min().orElse(0);
        Problems problems = new Problems(layer.source());
        List<String> unused = unmappedColumns(layer, LayerKind.ADMIN_UNITS);
        for (int i = 0; i < units.size(); i++) {
            AdminUnit u = units.get(i);
            if (u.parentCode().isEmpty() && u.level().tier() > top) {
                problems.add(Problems.label(i, u.code()), mapping.outputName(LayerKind.ADMIN_UNITS, "parentCode"),
                    "a " + u.level().name().toLowerCase(Locale.ROOT) + " without a parent code (looked for "
                        + mapping.sourceNames(LayerKind.ADMIN_UNITS, "parentCode") + ") in a layer with units above it: "
                        + "nothing above it would count its people" + (unused.isEmpty() ? ""
                            : "; columns not mapped to any field: " + unused));
            }
        }
        problems.throwIfAny();
        return units;
    }

    /**
     * The property names of {@code layer} that are none of the source names of {@code kind}'s fields (compared
     * ignoring case), in first-seen order: columns the mapping does not read, e.g. {@code parent} where
     * {@code parentCode} was meant.
     */
    public List<String> unmappedColumns(FeatureLayer layer, LayerKind kind) {
        Set<String> known = new HashSet<>();
        for (String field : kind.fields()) {
            mapping.sourceNames(kind, field).forEach(n -> known.add(n.toLowerCase(Locale.ROOT)));
        }
        Set<String> unused = new LinkedHashSet<>();
        for (Feature f : layer.features()) {
            for (String k : f.properties().keySet()) {
                if (!known.contains(k.toLowerCase(Locale.ROOT))) {
                    unused.add(k);
                }
            }
        }
        return List.copyOf(unused);
    }

    public List<Facility> facilities(FeatureLayer layer) {
        return map(layer, LayerKind.FACILITIES, "id", Facility::id, null, FacilityCodec::read);
    }

    public List<MedicalFacility> medicalFacilities(FeatureLayer layer) {
        return map(layer, LayerKind.MEDICAL_FACILITIES, "id", MedicalFacility::id, null, MedicalFacilityCodec::read);
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
        return map(layer, LayerKind.DISTRICTS, "id", ResidentialDistrict::id, extras, DistrictCodec::read);
    }

    /** Demand points; each needs an admin code ({@link #demandPoints(FeatureLayer, List)} locates those without). */
    public List<DemandPoint> demandPoints(FeatureLayer layer) {
        return map(layer, LayerKind.DEMAND_POINTS, "id", DemandPoint::id, null, r -> DemandPointCodec.read(r, null));
    }

    /**
     * Demand points whose admin code may be missing: such a point gets the code of the deepest of {@code units}
     * covering it ({@link AdminUnitIndex}); one outside every unit is a problem of the layer.
     */
    public List<DemandPoint> demandPoints(FeatureLayer layer, List<AdminUnit> units) {
        AdminUnitIndex index = new AdminUnitIndex(units);
        return map(layer, LayerKind.DEMAND_POINTS, "id", DemandPoint::id, null, r -> DemandPointCodec.read(r, index));
    }

    /** How many features of {@code layer} have no value for model field {@code field} of {@code kind}. */
    public int countWithout(FeatureLayer layer, LayerKind kind, String field) {
        Problems ignored = new Problems(layer.source());
        int n = 0;
        for (int i = 0; i < layer.size(); i++) {
            if (!new FeatureRow(mapping, kind, layer.features().get(i), i, ignored).present(field)) {
                n++;
            }
        }
        return n;
    }

    /** Roads: LineString (or one-part MultiLineString) features; every other non-null attribute becomes a tag. */
    public List<RoadSegment> roads(FeatureLayer layer) {
        return map(layer, LayerKind.ROADS, "id", RoadSegment::id, null, RoadCodec::read);
    }

    // ---------------------------------------------------------------------------------------------- model → features

    public List<Feature> adminUnitFeatures(List<AdminUnit> units) {
        return features(units, AdminUnitCodec::write);
    }

    public List<Feature> facilityFeatures(List<Facility> facilities) {
        return features(facilities, FacilityCodec::write);
    }

    public List<Feature> medicalFacilityFeatures(List<MedicalFacility> medical) {
        return features(medical, MedicalFacilityCodec::write);
    }

    public List<Feature> districtFeatures(List<ResidentialDistrict> districts) {
        return features(districts, DistrictCodec::write);
    }

    public List<Feature> demandPointFeatures(List<DemandPoint> points) {
        return features(points, DemandPointCodec::write);
    }

    public List<Feature> roadFeatures(List<RoadSegment> roads) {
        return features(roads, RoadCodec::write);
    }

    // ---------------------------------------------------------------------------------------------- machinery

    private <T> List<Feature> features(List<T> records, BiFunction<AttributeMapping, T, Feature> write) {
        List<Feature> out = new ArrayList<>(records.size());
        for (T t : records) {
            out.add(write.apply(mapping, t));
        }
        return out;
    }

    private <T> List<T> map(FeatureLayer layer, LayerKind kind, String idField, Function<T, String> idOf,
            Consumer<? super ExtraAttributes> extras, Function<FeatureRow, T> build) {
        Problems problems = new Problems(layer.source());
        List<T> out = new ArrayList<>(layer.size());
        Map<String, Integer> seen = new HashMap<>();
        Set<String> requiredFields = required.getOrDefault(kind, Set.of());
        for (int i = 0; i < layer.size(); i++) {
            Feature f = layer.features().get(i);
            FeatureRow row = new FeatureRow(mapping, kind, f, i, problems);
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
            String id = rawId == null ? "" : FeatureValues.stringOf(rawId).strip();
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
}

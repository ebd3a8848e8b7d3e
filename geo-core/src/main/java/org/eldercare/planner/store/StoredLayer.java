package org.eldercare.planner.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.gpkg.FieldType;
import org.eldercare.planner.io.gpkg.LayerSchema.Field;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.Operator;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.model.UrbanRural;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * One layer of a planning workspace: its table name, model type and the store's own column mapping (the same in
 * every store: see docs/stores.md). The six constants are the only instances. Immutable.
 *
 * @param <T> model record type of the layer
 */
public final class StoredLayer<T> {
    /** How the geometry column of a layer is declared. */
    enum GeometryKind { POINT, LINESTRING, AREAL }

    public static final StoredLayer<AdminUnit> ADMIN_UNITS = new StoredLayer<>("admin_units", AdminUnit.class,
        GeometryKind.AREAL, false, AdminUnit::code, List.of(
            text("code"), text("name"), text("level"), text("parent_code"), text("urban_rural"),
            integer("population"), integer("elderly_60"), integer("elderly_65"), integer("elderly_80"),
            integer("disabled_elderly"), integer("households"), bool("synthetic")),
        StoredLayer::encodeAdminUnit, StoredLayer::decodeAdminUnit, PlanningData::adminUnits);

    public static final StoredLayer<Facility> FACILITIES = new StoredLayer<>("facilities", Facility.class,
        GeometryKind.POINT, false, Facility::id, List.of(
            text("id"), text("name"), text("kind"), integer("beds"), integer("nursing_beds"), real("floor_area_m2"),
            integer("residents"), text("operator"), bool("has_medical_room"), integer("opened_year"),
            integer("care_staff"), text("admin_code"), bool("synthetic")),
        StoredLayer::encodeFacility, StoredLayer::decodeFacility, PlanningData::facilities);

    public static final StoredLayer<MedicalFacility> MEDICAL_FACILITIES = new StoredLayer<>("medical_facilities",
        MedicalFacility.class, GeometryKind.POINT, false, MedicalFacility::id, List.of(
            text("id"), text("name"), text("kind"), bool("synthetic")),
        StoredLayer::encodeMedical, StoredLayer::decodeMedical, PlanningData::medicalFacilities);

    public static final StoredLayer<ResidentialDistrict> DISTRICTS = new StoredLayer<>("residential_districts",
        ResidentialDistrict.class, GeometryKind.AREAL, true, ResidentialDistrict::id, List.of(
            text("id"), text("name"), integer("households"), text("status"), integer("completion_year"),
            json("elderly_site_areas_m2"), bool("synthetic")),
        StoredLayer::encodeDistrict, StoredLayer::decodeDistrict, PlanningData::districts);

    public static final StoredLayer<DemandPoint> DEMAND_POINTS = new StoredLayer<>("demand_points", DemandPoint.class,
        GeometryKind.POINT, false, DemandPoint::id, List.of(
            text("id"), real("elderly"), real("age_80_plus"), real("disabled"), real("tekun"), text("admin_code"),
            bool("synthetic")),
        StoredLayer::encodeDemand, StoredLayer::decodeDemand, PlanningData::demandPoints);

    public static final StoredLayer<RoadSegment> ROADS = new StoredLayer<>("roads", RoadSegment.class,
        GeometryKind.LINESTRING, false, RoadSegment::id, List.of(text("id"), json("tags")),
        StoredLayer::encodeRoad, StoredLayer::decodeRoad, PlanningData::roads);

    private static final List<StoredLayer<?>> ALL = List.of(ADMIN_UNITS, FACILITIES, MEDICAL_FACILITIES, DISTRICTS,
        DEMAND_POINTS, ROADS);

    private final String table;
    private final Class<T> type;
    private final GeometryKind geometryKind;
    private final boolean geometryOptional;
    private final Function<T, String> id;
    private final List<Field> fields;
    private final Function<T, Feature> encoder;
    private final Function<Feature, T> decoder;
    private final Function<PlanningData, List<T>> extractor;

    private StoredLayer(String table, Class<T> type, GeometryKind geometryKind, boolean geometryOptional,
            Function<T, String> id, List<Field> fields, Function<T, Feature> encoder, Function<Feature, T> decoder,
            Function<PlanningData, List<T>> extractor) {
        this.table = table;
        this.type = type;
        this.geometryKind = geometryKind;
        this.geometryOptional = geometryOptional;
        this.id = id;
        this.fields = List.copyOf(fields);
        this.encoder = encoder;
        this.decoder = decoder;
        this.extractor = extractor;
    }

    /** All six layers, in the order of {@link PlanningData}'s components. */
    public static List<StoredLayer<?>> all() {
        return ALL;
    }

    /**
     * The layer whose table name is {@code name} ({@code admin_units}, {@code facilities},
     * {@code medical_facilities}, {@code residential_districts}, {@code demand_points}, {@code roads}).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static StoredLayer<?> parse(String name) {
        for (StoredLayer<?> l : ALL) {
            if (l.table.equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("layer: unknown layer '" + name + "', expected one of: "
            + ALL.stream().map(StoredLayer::table).toList());
    }

    /** Table name, the same in every store. */
    public String table() {
        return table;
    }

    /** Model record type. */
    public Class<T> type() {
        return type;
    }

    /** Id of one item (code for admin units). */
    public String idOf(T item) {
        return id.apply(item);
    }

    /** This layer's items in {@code data}. */
    public List<T> itemsOf(PlanningData data) {
        return extractor.apply(data);
    }

    /** Name of the id column ({@code code} for admin units, else {@code id}). */
    String idColumn() {
        return fields.get(0).name();
    }

    GeometryKind geometryKind() {
        return geometryKind;
    }

    boolean geometryOptional() {
        return geometryOptional;
    }

    /** Attribute columns (id column first), without primary key and geometry. */
    List<Field> fields() {
        return fields;
    }

    /** The item as a feature: geometry plus one property per column (null for absent values). */
    Feature encode(T item) {
        return encoder.apply(item);
    }

    /**
     * The model record for a stored feature; the id comes from the id column or, when a reader moved it there,
     * from {@link Feature#id()}.
     */
    T decode(Feature f) {
        return decoder.apply(f);
    }

    @Override
    public String toString() {
        return table;
    }

    // ---- column helpers --------------------------------------------------------------------------------------

    private static Field text(String name) {
        return new Field(name, FieldType.TEXT);
    }

    private static Field integer(String name) {
        return new Field(name, FieldType.INTEGER);
    }

    private static Field real(String name) {
        return new Field(name, FieldType.REAL);
    }

    private static Field bool(String name) {
        return new Field(name, FieldType.BOOLEAN);
    }

    private static Field json(String name) {
        return new Field(name, FieldType.JSON);
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Long opt(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }

    private static Long opt(OptionalInt v) {
        return v.isPresent() ? (long) v.getAsInt() : null;
    }

    private static Double opt(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** Reading side: typed access to a stored feature's properties, failing with the column name. */
    private static final class Row {
        private final Feature f;

        Row(Feature f) {
            this.f = f;
        }

        Object raw(String column) {
            if (column.equals("id") && !f.properties().containsKey("id") && !f.id().isEmpty()) {
                return f.id();
            }
            return f.properties().get(column);
        }

        String text(String column) {
            Object v = raw(column);
            return v == null ? null : v.toString();
        }

        Optional<String> optText(String column) {
            return Optional.ofNullable(text(column));
        }

        OptionalLong optLong(String column) {
            Object v = raw(column);
            return v == null ? OptionalLong.empty() : OptionalLong.of(((Number) v).longValue());
        }

        OptionalInt optInt(String column) {
            Object v = raw(column);
            return v == null ? OptionalInt.empty() : OptionalInt.of(Math.toIntExact(((Number) v).longValue()));
        }

        int integer(String column) {
            Object v = raw(column);
            if (v == null) {
                throw new IllegalArgumentException(column + ": is required but missing");
            }
            return Math.toIntExact(((Number) v).longValue());
        }

        double real(String column) {
            Object v = raw(column);
            if (v == null) {
                throw new IllegalArgumentException(column + ": is required but missing");
            }
            return ((Number) v).doubleValue();
        }

        OptionalDouble optReal(String column) {
            Object v = raw(column);
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) v).doubleValue());
        }

        boolean bool(String column) {
            Object v = raw(column);
            return v != null && (Boolean) v;
        }

        Geometry geometry() {
            return f.geometry();
        }
    }

    // ---- codecs ------------------------------------------------------------------------------------------------

    private static Feature encodeAdminUnit(AdminUnit u) {
        return new Feature("", u.boundary(), props("code", u.code(), "name", u.name(), "level", u.level().name(),
            "parent_code", u.parentCode().orElse(null), "urban_rural", u.urbanRural().map(Enum::name).orElse(null),
            "population", opt(u.population()), "elderly_60", opt(u.elderly60()), "elderly_65", opt(u.elderly65()),
            "elderly_80", opt(u.elderly80()), "disabled_elderly", opt(u.disabledElderly()),
            "households", opt(u.households()), "synthetic", u.synthetic()));
    }

    private static AdminUnit decodeAdminUnit(Feature f) {
        Row r = new Row(f);
        return new AdminUnit(r.text("code"), r.text("name"), AdminLevel.parse("level", r.text("level")),
            r.optText("parent_code"), r.optText("urban_rural").map(t -> UrbanRural.parse("urban_rural", t)),
            r.geometry(), r.optLong("population"), r.optLong("elderly_60"), r.optLong("elderly_65"),
            r.optLong("elderly_80"), r.optLong("disabled_elderly"), r.optLong("households"), r.bool("synthetic"));
    }

    private static Feature encodeFacility(Facility x) {
        return new Feature("", x.location(), props("id", x.id(), "name", x.name(), "kind", x.kind().id(),
            "beds", (long) x.beds(), "nursing_beds", (long) x.nursingBeds(), "floor_area_m2", opt(x.floorAreaM2()),
            "residents", opt(x.residents()), "operator", x.operator().map(Enum::name).orElse(null),
            "has_medical_room", x.hasMedicalRoom(), "opened_year", opt(x.openedYear()),
            "care_staff", opt(x.careStaff()), "admin_code", x.adminCode().orElse(null),
            "synthetic", x.synthetic()));
    }

    private static Facility decodeFacility(Feature f) {
        Row r = new Row(f);
        return new Facility(r.text("id"), r.text("name"), FacilityKind.parse("kind", r.text("kind")),
            (Point) r.geometry(), r.integer("beds"), r.integer("nursing_beds"), r.optReal("floor_area_m2"),
            r.optInt("residents"), r.optText("operator").map(t -> Operator.parse("operator", t)),
            r.bool("has_medical_room"), r.optInt("opened_year"), r.optInt("care_staff"), r.optText("admin_code"),
            r.bool("synthetic"));
    }

    private static Feature encodeMedical(MedicalFacility m) {
        return new Feature("", m.location(), props("id", m.id(), "name", m.name(), "kind", m.kind().name(),
            "synthetic", m.synthetic()));
    }

    private static MedicalFacility decodeMedical(Feature f) {
        Row r = new Row(f);
        return new MedicalFacility(r.text("id"), r.text("name"), MedicalKind.parse("kind", r.text("kind")),
            (Point) r.geometry(), r.bool("synthetic"));
    }

    private static Feature encodeDistrict(ResidentialDistrict d) {
        return new Feature("", d.boundary().orElse(null), props("id", d.id(), "name", d.name(),
            "households", (long) d.households(), "status", d.status().name(),
            "completion_year", opt(d.completionYear()), "elderly_site_areas_m2", d.elderlySiteAreasM2(),
            "synthetic", d.synthetic()));
    }

    private static ResidentialDistrict decodeDistrict(Feature f) {
        Row r = new Row(f);
        Object areas = r.raw("elderly_site_areas_m2");
        List<Double> siteAreas = new ArrayList<>();
        if (areas instanceof List<?> list) {
            for (Object a : list) {
                siteAreas.add(a == null ? null : ((Number) a).doubleValue());
            }
        } else if (areas != null) {
            throw new IllegalArgumentException("elderly_site_areas_m2: must be a JSON list of numbers, was " + areas);
        }
        return new ResidentialDistrict(r.text("id"), r.text("name"), Optional.ofNullable(r.geometry()),
            r.integer("households"), DistrictStatus.parse("status", r.text("status")), r.optInt("completion_year"),
            siteAreas, r.bool("synthetic"));
    }

    private static Feature encodeDemand(DemandPoint d) {
        return new Feature("", d.location(), props("id", d.id(), "elderly", d.elderly(),
            "age_80_plus", d.age80plus(), "disabled", d.disabled(), "tekun", d.tekun(), "admin_code", d.adminCode(),
            "synthetic", d.synthetic()));
    }

    private static DemandPoint decodeDemand(Feature f) {
        Row r = new Row(f);
        return new DemandPoint(r.text("id"), (Point) r.geometry(), r.real("elderly"), r.real("age_80_plus"),
            r.real("disabled"), r.real("tekun"), r.text("admin_code"), r.bool("synthetic"));
    }

    private static Feature encodeRoad(RoadSegment s) {
        return new Feature("", s.geometry(), props("id", s.id(), "tags", s.tags()));
    }

    private static RoadSegment decodeRoad(Feature f) {
        Row r = new Row(f);
        Object tags = r.raw("tags");
        Map<String, String> map = new LinkedHashMap<>();
        if (tags instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (tags != null) {
            throw new IllegalArgumentException("tags: must be a JSON object of strings, was " + tags);
        }
        return new RoadSegment(r.text("id"), (LineString) r.geometry(), map);
    }
}

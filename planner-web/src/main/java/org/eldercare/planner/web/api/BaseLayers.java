package org.eldercare.planner.web.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;

/**
 * The layers every data set has: admin units at three tiers, elderly-service facilities, medical facilities,
 * residential districts and roads, with the properties the map's popups and legends show.
 */
public final class BaseLayers {
    private BaseLayers() {}

    /** Registers the base layers of {@code data} in {@code registry}, in layer-switcher order. */
    public static LayerRegistry register(LayerRegistry registry, PlanningData data) {
        return registry
            .add(admin("admin-county", "县（市、区）", "Counties", data, l -> l == AdminLevel.CITY || l == AdminLevel.COUNTY))
            .add(admin("admin-township", "乡镇（街道）", "Townships and streets", data, AdminLevel::isTownshipTier))
            .add(admin("admin-community", "社区（村）", "Communities and villages", data, AdminLevel::isCommunityTier))
            .add(MapLayer.of("facilities", "养老服务设施", "Elderly-service facilities", MapLayer.Group.FACILITIES, "Point",
                    data.facilities(), Facility::id, Facility::location, BaseLayers::facility)
                .withFilter("kind", Arrays.stream(FacilityKind.values()).map(FacilityKind::id).toList(),
                    f -> f.kind().id()))
            .add(MapLayer.of("medical-facilities", "医疗机构", "Medical facilities", MapLayer.Group.FACILITIES, "Point",
                    data.medicalFacilities(), MedicalFacility::id, MedicalFacility::location, BaseLayers::medical)
                .withFilter("kind", Arrays.stream(MedicalKind.values()).map(BaseLayers::id).toList(),
                    m -> id(m.kind())))
            .add(MapLayer.of("districts", "居住小区", "Residential districts", MapLayer.Group.BASE, "Polygon",
                    data.districts(), ResidentialDistrict::id, d -> d.boundary().orElse(null), BaseLayers::district)
                .withFilter("status", Arrays.stream(DistrictStatus.values()).map(BaseLayers::id).toList(),
                    d -> id(d.status())))
            .add(MapLayer.of("roads", "道路", "Roads", MapLayer.Group.BASE, "LineString",
                data.roads(), RoadSegment::id, RoadSegment::geometry, BaseLayers::road));
    }

    /** Kebab-case id of an enum constant: {@code TOWNSHIP_HEALTH_CENTRE} → {@code township-health-centre}. */
    public static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static MapLayer<AdminUnit> admin(String id, String zh, String en, PlanningData data,
            Predicate<AdminLevel> level) {
        List<AdminUnit> units = data.adminUnits().stream().filter(u -> level.test(u.level())).toList();
        return MapLayer.of(id, zh, en, MapLayer.Group.ADMIN, "Polygon", units, AdminUnit::code, AdminUnit::boundary,
            BaseLayers::admin);
    }

    /** How every answer about an admin unit starts: its {@code code}, {@code name} and kebab-case {@code level}. */
    static Map<String, Object> unitNames(String code, String name, AdminLevel level) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("name", name);
        p.put("level", id(level));
        return p;
    }

    static Map<String, Object> admin(AdminUnit u) {
        Map<String, Object> p = unitNames(u.code(), u.name(), u.level());
        p.put("levelZh", u.level().nameZh());
        p.put("parentCode", u.parentCode().orElse(null));
        p.put("urbanRural", u.urbanRural().map(BaseLayers::id).orElse(null));
        putPopulation(p, u);
        p.put("synthetic", u.synthetic());
        return p;
    }

    /** A unit's population figures, as the admin layers and {@code /api/units/{code}} show them (null when unknown). */
    static void putPopulation(Map<String, Object> p, AdminUnit u) {
        p.put("population", value(u.population()));
        p.put("elderly60", value(u.elderly60()));
        p.put("elderly65", value(u.elderly65()));
        p.put("elderly80", value(u.elderly80()));
        p.put("disabledElderly", value(u.disabledElderly()));
        p.put("households", value(u.households()));
    }

    static Map<String, Object> facility(Facility f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", f.id());
        p.put("name", f.name());
        p.put("kind", f.kind().id());
        p.put("kindZh", f.kind().nameZh());
        p.put("institution", f.kind().isInstitution());
        p.put("beds", f.beds());
        p.put("nursingBeds", f.nursingBeds());
        p.put("floorAreaM2", value(f.floorAreaM2()));
        p.put("residents", value(f.residents()));
        p.put("operator", f.operator().map(BaseLayers::id).orElse(null));
        p.put("operatorZh", f.operator().map(o -> o.nameZh()).orElse(null));
        p.put("hasMedicalRoom", f.hasMedicalRoom());
        p.put("openedYear", value(f.openedYear()));
        p.put("careStaff", value(f.careStaff()));
        p.put("adminCode", f.adminCode().orElse(null));
        p.put("synthetic", f.synthetic());
        return p;
    }

    static Map<String, Object> medical(MedicalFacility m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", m.id());
        p.put("name", m.name());
        p.put("kind", id(m.kind()));
        p.put("kindZh", m.kind().nameZh());
        p.put("synthetic", m.synthetic());
        return p;
    }

    static Map<String, Object> district(ResidentialDistrict d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.id());
        p.put("name", d.name());
        p.put("households", d.households());
        p.put("status", id(d.status()));
        p.put("statusZh", d.status().nameZh());
        p.put("completionYear", value(d.completionYear()));
        p.put("elderlySiteAreasM2", d.elderlySiteAreasM2());
        p.put("providedAreaM2", d.providedAreaM2());
        p.put("synthetic", d.synthetic());
        return p;
    }

    static Map<String, Object> road(RoadSegment r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put("highway", r.tags().get("highway"));
        p.put("name", r.tags().get("name"));
        p.put("ref", r.tags().get("ref"));
        return p;
    }

    static Long value(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }

    private static Integer value(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}

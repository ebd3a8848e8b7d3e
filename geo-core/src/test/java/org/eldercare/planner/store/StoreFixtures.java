package org.eldercare.planner.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.Operator;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.model.UrbanRural;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A small hand-made county with every layer and every property in both states (present / absent), used by the
 * store contract tests. Layout (lon/lat, the county spans 114.0–114.2 × 22.5–22.7):
 *
 * <pre>
 *  22.7 +-----------------------+-----------------------+
 *       | street 001 (Polygon)  | township 002 (Multi-  |
 *       |  F1 (114.05,22.65)    |  polygon: two squares)|
 *       |        D1 (114.04,22.64)  F2 (114.15,22.65)   |
 *  22.6 +-----------------------+                       |
 *       |  district d1 (polygon 114.01–114.03 × 22.51–22.53)
 *  22.5 +-----------------------+-----------------------+
 *     114.0                   114.1                   114.2
 *  road r1: (114.0,22.5) → (114.2,22.7) diagonal; road r2: (114.15,22.51) → (114.19,22.52)
 * </pre>
 */
final class StoreFixtures {
    private StoreFixtures() {}

    static Geometry wkt(String text) {
        try {
            return new WKTReader(Geometries.WGS84).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static AdminUnit county() {
        return new AdminUnit("360681000000", "贵溪市", AdminLevel.COUNTY, Optional.empty(), Optional.empty(),
            wkt("POLYGON ((114.0 22.5, 114.2 22.5, 114.2 22.7, 114.0 22.7, 114.0 22.5))"), OptionalLong.of(560_000),
            OptionalLong.of(98_000), OptionalLong.of(70_000), OptionalLong.of(12_000), OptionalLong.empty(),
            OptionalLong.of(180_000), false);
    }

    static AdminUnit street() {
        return new AdminUnit("360681001000", "雄石街道", AdminLevel.STREET, Optional.of("360681000000"),
            Optional.of(UrbanRural.URBAN),
            wkt("POLYGON ((114.0 22.6, 114.1 22.6, 114.1 22.7, 114.0 22.7, 114.0 22.6))"), OptionalLong.of(80_000),
            OptionalLong.of(15_000), OptionalLong.of(11_000), OptionalLong.of(2_000), OptionalLong.of(900),
            OptionalLong.of(30_000), true);
    }

    static AdminUnit township() {
        return new AdminUnit("360681102000", "罗河镇", AdminLevel.TOWNSHIP, Optional.of("360681000000"),
            Optional.of(UrbanRural.RURAL),
            wkt("MULTIPOLYGON (((114.1 22.6, 114.2 22.6, 114.2 22.7, 114.1 22.7, 114.1 22.6)),"
                + " ((114.1 22.5, 114.2 22.5, 114.2 22.55, 114.1 22.55, 114.1 22.5)))"),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), false);
    }

    static Facility f1() {
        return new Facility("F1", "雄石街道综合养老服务中心", FacilityKind.COMPREHENSIVE_CENTRE,
            Geometries.point(114.05, 22.65), 120, 80, OptionalDouble.of(3250.5), OptionalInt.of(95),
            Optional.of(Operator.PUBLIC_BUILT_PRIVATE_RUN), true, OptionalInt.of(2019), OptionalInt.of(14),
            Optional.of("360681001000"), false);
    }

    static Facility f2() {
        // every optional absent
        return Facility.of("F2", "罗河村幸福院", FacilityKind.RURAL_MUTUAL_AID, Geometries.point(114.15, 22.65));
    }

    static Facility f3() {
        return Facility.of("F3", "老年餐桌", FacilityKind.CANTEEN, Geometries.point(114.012345678901, 22.5123456789))
            .withSynthetic(true).withOperator(Operator.PRIVATE);
    }

    static MedicalFacility m1() {
        return new MedicalFacility("M1", "罗河镇卫生院", MedicalKind.TOWNSHIP_HEALTH_CENTRE,
            Geometries.point(114.16, 22.66), false);
    }

    static MedicalFacility m2() {
        return new MedicalFacility("M2", "贵溪市人民医院", MedicalKind.HOSPITAL, Geometries.point(114.02, 22.62), true);
    }

    static ResidentialDistrict d1() {
        return new ResidentialDistrict("d1", "滨江花园", Optional.of(wkt(
            "POLYGON ((114.01 22.51, 114.03 22.51, 114.03 22.53, 114.01 22.53, 114.01 22.51))")), 1200,
            DistrictStatus.NEW, OptionalInt.of(2023), List.of(180.0, 120.5), false);
    }

    static ResidentialDistrict d2() {
        // no boundary, no sites, no completion year
        return ResidentialDistrict.of("d2", 300, DistrictStatus.EXISTING, List.of());
    }

    static DemandPoint p1() {
        return new DemandPoint("D1", Geometries.point(114.04, 22.64), 812.4, 96.2, 40.0, 3.5, "360681001000", true);
    }

    static DemandPoint p2() {
        return new DemandPoint("D2", Geometries.point(114.18, 22.52), 0.0, 0.0, 0.0, 0.0, "360681102000", false);
    }

    static RoadSegment r1() {
        return new RoadSegment("r1", (LineString) wkt("LINESTRING (114.0 22.5, 114.1 22.6, 114.2 22.7)"),
            Map.of("highway", "primary", "name", "沿江路", "oneway", "yes", "maxspeed", "60"));
    }

    static RoadSegment r2() {
        return new RoadSegment("r2", (LineString) wkt("LINESTRING (114.15 22.51, 114.19 22.52)"), Map.of());
    }

    static PlanningData sample() {
        return new PlanningData("贵溪市 sample", List.of(county(), street(), township()), List.of(f1(), f2(), f3()),
            List.of(m1(), m2()), List.of(d1(), d2()), List.of(p1(), p2()), List.of(r1(), r2()));
    }
}

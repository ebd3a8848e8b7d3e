package org.eldercare.planner.scenario;

import java.util.List;
import java.util.Map;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.model.UrbanRural;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A one-street test town, in metres east (x) and north (y) of 117.0°E 28.0°N (the coverage package's conversion:
 * metres → degrees on the network's 6 371 008.8 m sphere; east-west lengths are exact to micrometres).
 *
 * <pre>
 *   county K (census elderly60 = 1000) ⊃ street S ⊃ communities W (x -100..1500) and E (x 1500..3100), both urban
 *
 *   y=0  (0)──F1────P1────────P2──────────┼──P3──────P4──────────F3──(3000)    one road, 3000 m
 *        x:   200   500       1000      1500 1600    2000        2800
 *   F1 day-care centre (W); F3 private institution (E), 100 beds, 30 nursing, medical room; no comprehensive
 *   centre.  Demand (elderly): P1 100, P2 50 (W); P3 80, P4 40 (E).
 *   District D1: existing, 1000 households, one site of 120 m², no boundary.
 * </pre>
 */
public final class LineTown {
    static final double M_PER_DEG = Math.PI * 6_371_008.8 / 180;
    public static final String K = "360681000000";
    public static final String S = "360681001000";
    public static final String W = "360681001001";
    public static final String E = "360681001002";

    private LineTown() {}

    public static double lon(double xm) {
        return 117.0 + xm / (M_PER_DEG * Math.cos(Math.toRadians(28.0)));
    }

    public static double lat(double ym) {
        return 28.0 + ym / M_PER_DEG;
    }

    static Point pt(double xm, double ym) {
        return Geometries.point(lon(xm), lat(ym));
    }

    static Geometry box(double x0, double y0, double x1, double y1) {
        Coordinate[] cs = {pt(x0, y0).getCoordinate(), pt(x1, y0).getCoordinate(), pt(x1, y1).getCoordinate(),
            pt(x0, y1).getCoordinate(), pt(x0, y0).getCoordinate()};
        return Geometries.WGS84.createPolygon(cs);
    }

    public static PlanningData data() {
        List<AdminUnit> units = List.of(
            AdminUnit.of(K, "线县", AdminLevel.COUNTY, null, box(-100, -300, 3100, 300))
                .withPopulation(5000, 1000, 800, 200),
            AdminUnit.of(S, "线街道", AdminLevel.STREET, K, box(-100, -300, 3100, 300)),
            AdminUnit.of(W, "西社区", AdminLevel.COMMUNITY, S, box(-100, -300, 1500, 300))
                .withUrbanRural(UrbanRural.URBAN),
            AdminUnit.of(E, "东社区", AdminLevel.COMMUNITY, S, box(1500, -300, 3100, 300))
                .withUrbanRural(UrbanRural.URBAN));
        List<Facility> facilities = List.of(
            Facility.of("F1", "西日间照料中心", FacilityKind.DAY_CARE_CENTRE, pt(200, 0)).withAdminCode(W),
            Facility.of("F3", "东民办养老院", FacilityKind.PRIVATE_INSTITUTION, pt(2800, 0)).withBeds(100, 30)
                .withMedicalRoom(true).withAdminCode(E));
        List<DemandPoint> demand = List.of(
            new DemandPoint("P1", pt(500, 0), 100, 20, 5, 0, W, false),
            new DemandPoint("P2", pt(1000, 0), 50, 10, 2, 0, W, false),
            new DemandPoint("P3", pt(1600, 0), 80, 8, 4, 0, E, false),
            new DemandPoint("P4", pt(2000, 0), 40, 4, 2, 0, E, false));
        RoadSegment road = new RoadSegment("main", Geometries.WGS84.createLineString(new Coordinate[] {
            pt(0, 0).getCoordinate(), pt(3000, 0).getCoordinate()}), Map.of("highway", "residential"));
        List<ResidentialDistrict> districts = List.of(ResidentialDistrict.of("D1", 1000, DistrictStatus.EXISTING,
            List.of(120.0)));
        return new PlanningData("line town", units, facilities, List.of(), districts, demand, List.of(road));
    }
}

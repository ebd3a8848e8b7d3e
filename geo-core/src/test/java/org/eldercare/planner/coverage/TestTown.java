package org.eldercare.planner.coverage;

import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Geodesy;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.Operator;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.model.UrbanRural;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The hand-built test town, in metres east (x) and north (y) of 117.0°E 28.0°N. Metres become degrees on the
 * 6 371 008.8 m sphere on which the network measures edges ({@code Geodesy.haversineMeters}): north-south edges measure
 * exactly, east-west ones within micrometres.
 *
 * <pre>
 *  y
 *  900 ┌──────────────────────────── E (社区, urban) box x 1000..2500, y -300..900 ─────┐
 *  800 │                                                  P6 (unsnapped, 800 m off road) │
 *  700 ├── W (社区, urban) box x -100..1000, y -300..700 ─┐                              │
 *  600 │              F2 comprehensive centre (no adminCode)│                              │
 *      │              │ side street x=400, y 0..600      │                              │
 *  250 │              P2                                 │                              │
 *    0 │ (0)──F1──P1──(400)──────────────────────────────┼──P3──P4──────P5──────F3──(2400)│
 *      │      200 300                                 1000  1200 1350  1800    2300       │
 * -300 └─────────────────────────────────────────────────┴───────────────────────────────┘
 *      T (乡镇) and its village V (村, rural): box x -100..2500, y -2300..-300, no roads, no facilities, no demand.
 *  Street S (街道) = W ∪ E; county K (县) = S ∪ T, census elderly60 = 4000.
 * </pre>
 *
 * Facilities: F1 day-care centre at (200, 0), adminCode W; F2 comprehensive centre at (400, 600), no adminCode (its
 * point lies in W's box); F3 private institution at (2300, 0), adminCode E, 160 beds (40 nursing), 100 residents, 8
 * care staff, no medical room.
 *
 * <p>Demand (elderly / 80+ / disabled): P1 (300, 0) W 100/20/5; P2 (400, 250) W 50/10/10; P3 (1200, 0) E 80/8/4;
 * P4 (1350, 0) E 40/4/2; P5 (1800, 0) E 60/12/3; P6 (1500, 800) E 30/6/1.
 */
final class TestTown {
    static final double LON0 = 117.0;
    static final double LAT0 = 28.0;
    /** Metres per degree of latitude on the network's sphere ({@code Geodesy.MEAN_RADIUS_M}). */
    static final double M_PER_DEG_LAT = Math.PI * Geodesy.MEAN_RADIUS_M / 180;
    /** Metres per degree of longitude at LAT0 on that sphere. */
    static final double M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos(Math.toRadians(LAT0));

    static final String K = "360681000000";
    static final String S = "360681001000";
    static final String W = "360681001001";
    static final String E = "360681001002";
    static final String T = "360681100000";
    static final String V = "360681100201";

    private TestTown() {}

    static Point pt(double xm, double ym) {
        return Geometries.point(LON0 + xm / M_PER_DEG_LON, LAT0 + ym / M_PER_DEG_LAT);
    }

    static Coordinate c(double xm, double ym) {
        return pt(xm, ym).getCoordinate();
    }

    static Geometry box(double x0, double y0, double x1, double y1) {
        return Geometries.WGS84.createPolygon(new Coordinate[] {c(x0, y0), c(x1, y0), c(x1, y1), c(x0, y1),
            c(x0, y0)});
    }

    static RoadSegment road(String id, double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = c(xy[2 * i], xy[2 * i + 1]);
        }
        return new RoadSegment(id, Geometries.WGS84.createLineString(cs), Map.of("highway", "residential"));
    }

    static Facility f1() {
        return Facility.of("F1", "西社区日间照料中心", FacilityKind.DAY_CARE_CENTRE, pt(200, 0)).withAdminCode(W);
    }

    static Facility f2() {
        return Facility.of("F2", "街道综合养老服务中心", FacilityKind.COMPREHENSIVE_CENTRE, pt(400, 600));
    }

    static Facility f3() {
        return Facility.of("F3", "东民办养老院", FacilityKind.PRIVATE_INSTITUTION, pt(2300, 0)).withBeds(160, 40)
            .withResidents(100).withCareStaff(8).withAdminCode(E);
    }

    static PlanningData data() {
        List<AdminUnit> units = List.of(
            AdminUnit.of(K, "测试县", AdminLevel.COUNTY, null, box(-100, -2300, 2500, 900))
                .withPopulation(20000, 4000, 3000, 600),
            AdminUnit.of(S, "测试街道", AdminLevel.STREET, K, box(-100, -300, 2500, 900)),
            AdminUnit.of(T, "测试镇", AdminLevel.TOWNSHIP, K, box(-100, -2300, 2500, -300)),
            AdminUnit.of(W, "西社区", AdminLevel.COMMUNITY, S, box(-100, -300, 1000, 700))
                .withUrbanRural(UrbanRural.URBAN),
            AdminUnit.of(E, "东社区", AdminLevel.COMMUNITY, S, box(1000, -300, 2500, 900))
                .withUrbanRural(UrbanRural.URBAN),
            AdminUnit.of(V, "南村", AdminLevel.VILLAGE, T, box(-100, -2300, 2500, -300))
                .withUrbanRural(UrbanRural.RURAL));
        List<DemandPoint> demand = List.of(
            new DemandPoint("P1", pt(300, 0), 100, 20, 5, 0, W, false),
            new DemandPoint("P2", pt(400, 250), 50, 10, 10, 0, W, false),
            new DemandPoint("P3", pt(1200, 0), 80, 8, 4, 0, E, false),
            new DemandPoint("P4", pt(1350, 0), 40, 4, 2, 0, E, false),
            new DemandPoint("P5", pt(1800, 0), 60, 12, 3, 0, E, false),
            new DemandPoint("P6", pt(1500, 800), 30, 6, 1, 0, E, false));
        List<RoadSegment> roads = List.of(road("main-west", 0, 0, 400, 0), road("main-east", 400, 0, 2400, 0),
            road("side", 400, 0, 400, 600));
        return new PlanningData("test town", units, List.of(f1(), f2(), f3()), List.of(), List.of(), demand, roads);
    }

    /** The town's facilities plus an operator on F3 (for profiles that ask). */
    static Facility f3WithOperator() {
        return f3().withOperator(Operator.PRIVATE);
    }
}

package org.eldercare.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.MedicalKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * A tiny hand-drawn county for the web tests; every expected number in the tests follows from this drawing.
 *
 * <pre>
 * lat 28.4 +---------------------------+---------------------------+
 *          | 甲镇 A 360681001           | 乙街道 B 360681002  +-----+  |
 *          |              f3 (day care) |   B1 乙一社区       | f4  |  |   f4 service station (117.30, 28.30)
 *          |                            |        d1 [] 阳光小区+-----+  |   d1 box 117.28..117.29 x 28.28..28.29
 *  28.2 ---r1 建设路 (primary) ----------+----------------f2-----------r1  f2 private institution (117.30, 28.20)
 *          |  +--------+                |                 |          |
 *          |  | A1 f1 m1|               |  m2 hospital    r2 (residential, lon 117.30)
 * lat 28.0 +---------------------------+---------------------------+
 *        117.0                        117.2                        117.4
 * A1 甲一村 360681001001: 117.02..117.10 x 28.05..28.15; f1 township nursing home + m1 health centre at (117.05, 28.10)
 * B1 乙一社区 360681002001: 117.25..117.35 x 28.25..28.35
 * f3 day-care centre (117.15, 28.30), adminCode 360681001002 (a village of A not in the data)
 * m2 hospital (117.25, 28.05); d2 老街小区 has no boundary
 * d1 阳光小区 NEW, 800 households, one 200 m² site; d3 老城小区 EXISTING, 1000 households, one 100 m² site,
 *    box 117.06..117.07 x 28.30..28.31 (inside A, far from d1)
 * elderly 60+: county 2200, A 1200, B 1000, A1 500, B1 300.  beds: f1 60 (30 nursing), f2 40 (10 nursing)
 *
 * Demand points, all on r2 in B1 (walking 1.0 m/s, the national profile; 0.001° of latitude = 111.2 m):
 *   p1 (117.300, 28.302) 100 elderly: 222 m = 3.7 min from f4       → within 5, 10 and 15 min
 *   p2 (117.300, 28.306)  50 elderly: 667 m = 11.1 min from f4      → within 15 min only
 *   p3 (117.300, 28.340)  40 elderly: 4448 m = 74 min from f4       → not covered (a spatial gap)
 * f1 and f3 lie kilometres from any road: they reach nobody (a finding each). r1 and r2 cross without a shared
 * vertex, so they are not connected.
 * </pre>
 */
public final class TestCounty {
    public static final ObjectMapper JSON = new ObjectMapper();

    private TestCounty() {}

    public static Geometry box(double minLon, double minLat, double maxLon, double maxLat) {
        return Geometries.WGS84.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
    }

    static LineString line(double lon1, double lat1, double lon2, double lat2) {
        return Geometries.WGS84.createLineString(new Coordinate[] {new Coordinate(lon1, lat1),
            new Coordinate(lon2, lat2)});
    }

    public static PlanningData data() {
        return PlanningData.empty("测试县")
            .withAdminUnits(List.of(
                AdminUnit.of("360681", "测试县", AdminLevel.COUNTY, null, box(117.0, 28.0, 117.4, 28.4))
                    .withPopulation(20_000, 2_200, 1_800, 300),
                AdminUnit.of("360681001", "甲镇", AdminLevel.TOWNSHIP, "360681", box(117.0, 28.0, 117.2, 28.4))
                    .withPopulation(12_000, 1_200, 1_000, 200),
                AdminUnit.of("360681002", "乙街道", AdminLevel.STREET, "360681", box(117.2, 28.0, 117.4, 28.4))
                    .withPopulation(8_000, 1_000, 800, 100),
                AdminUnit.of("360681001001", "甲一村", AdminLevel.VILLAGE, "360681001",
                    box(117.02, 28.05, 117.1, 28.15)).withPopulation(3_000, 500, 400, 60),
                AdminUnit.of("360681002001", "乙一社区", AdminLevel.COMMUNITY, "360681002",
                    box(117.25, 28.25, 117.35, 28.35)).withPopulation(2_000, 300, 250, 40)))
            .withFacilities(List.of(
                Facility.of("f1", "甲镇敬老院", FacilityKind.TOWNSHIP_NURSING_HOME, Geometries.point(117.05, 28.1))
                    .withBeds(60, 30).withAdminCode("360681001001"),
                Facility.of("f2", "乙养老院", FacilityKind.PRIVATE_INSTITUTION, Geometries.point(117.3, 28.2))
                    .withBeds(40, 10),
                Facility.of("f3", "甲二日间照料中心", FacilityKind.DAY_CARE_CENTRE, Geometries.point(117.15, 28.3))
                    .withAdminCode("360681001002"),
                Facility.of("f4", "乙一幸福驿站", FacilityKind.SERVICE_STATION, Geometries.point(117.3, 28.3))
                    .withAdminCode("360681002001")))
            .withMedicalFacilities(List.of(
                new MedicalFacility("m1", "甲镇卫生院", MedicalKind.TOWNSHIP_HEALTH_CENTRE,
                    Geometries.point(117.05, 28.1), false),
                new MedicalFacility("m2", "县人民医院", MedicalKind.HOSPITAL, Geometries.point(117.25, 28.05), false)))
            .withDistricts(List.of(
                new ResidentialDistrict("d1", "阳光小区", Optional.of(box(117.28, 28.28, 117.29, 28.29)), 800,
                    DistrictStatus.NEW, OptionalInt.of(2021), List.of(200.0), false),
                ResidentialDistrict.of("d2", 300, DistrictStatus.EXISTING, List.of()),
                new ResidentialDistrict("d3", "老城小区", Optional.of(box(117.06, 28.30, 117.07, 28.31)), 1000,
                    DistrictStatus.EXISTING, OptionalInt.empty(), List.of(100.0), false)))
            .withRoads(List.of(
                new RoadSegment("r1", line(117.0, 28.2, 117.4, 28.2), Map.of("highway", "primary", "name", "建设路")),
                new RoadSegment("r2", line(117.3, 28.0, 117.3, 28.4), Map.of("highway", "residential"))))
            .withDemandPoints(List.of(
                new DemandPoint("p1", Geometries.point(117.3, 28.302), 100, 20, 10, 0, "360681002001", false),
                new DemandPoint("p2", Geometries.point(117.3, 28.306), 50, 10, 5, 0, "360681002001", false),
                new DemandPoint("p3", Geometries.point(117.3, 28.34), 40, 8, 4, 0, "360681002001", false)));
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** GETs {@code path}, asserts 200 and the GeoJSON media type ({@code application/geo+json}); answers the body. */
    public static JsonNode geoJson(HttpClient client, String path) {
        var r = client.get(path);
        String body = r.body().string();
        assertEquals(200, r.code(), path + " → " + body);
        assertEquals("application/geo+json", r.headers().get("Content-Type").get(0).split(";")[0], path);
        return json(body);
    }

    /** Ids of the features of a FeatureCollection, in order. */
    public static List<String> ids(JsonNode collection) {
        List<String> out = new java.util.ArrayList<>();
        collection.get("features").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }
}

package org.eldercare.planner.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Synthesises residential districts (居住小区) as rectangles set back from real OSM residential streets of the town
 * centre, with designed household counts and elderly-service site areas so that each floor-area verdict occurs:
 * new districts that pass, fail the 20 m²/100 households ratio, or fail the 350 m² single-site minimum; existing
 * districts that pass or fail 15 m²/100 households; a group of three small adjacent existing districts that passes
 * only when pooled, and a pair that fails even when pooled. See {@link #SPECS} for every value and its intended
 * verdict. Streets are taken longest first; a rectangle that would come within 5 m of an earlier district is moved to
 * the other side of the street or to the next street; pooled groups keep {@value #POOL_SEPARATION_M} m from all
 * other districts.
 */
final class DistrictSynthesizer {
    /**
     * One designed district: group (districts of one group are placed side by side along one street, sharing edges),
     * status, households, site areas (m²), completion year, frontage and depth (m), and the verdict it is meant to
     * get under the national profile (documentation only; tests recompute it).
     */
    record Spec(String group, DistrictStatus status, int households, List<Double> sitesM2, int year,
            double frontageM, double depthM, String intended) {
        Spec {
            sitesM2 = List.copyOf(sitesM2);
        }
    }

    static final List<Spec> SPECS = List.of(
        // NEW: need ≥ 20 m² per 100 households in total and every site ≥ 350 m²
        new Spec("n1", DistrictStatus.NEW, 1500, List.of(400.0), 2021, 220, 160, "pass: 400 ≥ 300, site ≥ 350"),
        new Spec("n2", DistrictStatus.NEW, 1200, List.of(260.0), 2020, 200, 140, "fail: site 260 < 350 (ratio ok, 260 ≥ 240)"),
        new Spec("n3", DistrictStatus.NEW, 2000, List.of(380.0), 2022, 240, 180, "fail: 380 < 400"),
        new Spec("n4", DistrictStatus.NEW, 800, List.of(), 2023, 160, 120, "fail: no site, needs 160"),
        new Spec("n5", DistrictStatus.NEW, 2400, List.of(360.0, 200.0), 2019, 260, 180,
            "fail: site 200 < 350 (total 560 ≥ 480)"),
        new Spec("n6", DistrictStatus.NEW, 1800, List.of(500.0), 2024, 240, 160, "pass: 500 ≥ 360"),
        // EXISTING: need ≥ 15 m² per 100 households
        new Spec("e1", DistrictStatus.EXISTING, 1000, List.of(160.0), 2005, 180, 140, "pass: 160 ≥ 150"),
        new Spec("e2", DistrictStatus.EXISTING, 900, List.of(100.0), 1998, 170, 130, "fail: 100 < 135"),
        new Spec("e3", DistrictStatus.EXISTING, 600, List.of(), 1995, 160, 140, "fail: none, needs 90"),
        new Spec("e4", DistrictStatus.EXISTING, 1200, List.of(200.0), 2008, 200, 140, "pass: 200 ≥ 180"),
        // small adjacent existing districts pooled: 240+200+160 = 600 households need 90 m², the one site has 90
        new Spec("p", DistrictStatus.EXISTING, 240, List.of(90.0), 2001, 70, 60, "pass alone: 90 ≥ 36"),
        new Spec("p", DistrictStatus.EXISTING, 200, List.of(), 2001, 60, 60, "fail alone (needs 30); pass pooled"),
        new Spec("p", DistrictStatus.EXISTING, 160, List.of(), 2002, 50, 60, "fail alone (needs 24); pass pooled"),
        // a small pair that fails even pooled: 280+250 = 530 households need 79.5 m², only 30 provided
        new Spec("q", DistrictStatus.EXISTING, 280, List.of(30.0), 2000, 70, 60, "fail alone (needs 42)"),
        new Spec("q", DistrictStatus.EXISTING, 250, List.of(), 2000, 60, 60, "fail alone and pooled (30 < 79.5)"));

    /** Gap between the street centre line and the district's front edge, m. */
    static final double SETBACK_M = 12;
    private static final double CLEARANCE_M = 5;
    /**
     * Minimum gap between a pooled group and every other district, m: more than the 300 m an "adjacent" district
     * may be away in the profiles that allow pooling (瓮安 2023 assumption), so each group pools only with itself.
     * Singleton existing districts are all larger than 2 ha, the "small" limit of those profiles, so never pool.
     */
    static final double POOL_SEPARATION_M = 400;

    private final LocalFrame frame;

    DistrictSynthesizer(LocalFrame frame) {
        this.frame = frame;
    }

    List<ResidentialDistrict> build(List<RoadSegment> roads) {
        List<RoadSegment> streets = new ArrayList<>(roads.stream()
            .filter(r -> "residential".equals(r.tags().get("highway"))).toList());
        List<LineString> metric = new ArrayList<>();
        streets.sort(Comparator.comparingDouble((RoadSegment r) -> -metres(r.geometry()).getLength())
            .thenComparing(RoadSegment::id));
        for (RoadSegment r : streets) {
            metric.add(metres(r.geometry()));
        }
        List<List<Spec>> groups = new ArrayList<>();
        for (Spec s : SPECS) {
            if (groups.isEmpty() || !groups.get(groups.size() - 1).get(0).group().equals(s.group())) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(s);
        }
        List<Geometry> placedMetric = new ArrayList<>();
        List<Geometry> pooledMetric = new ArrayList<>();
        List<ResidentialDistrict> out = new ArrayList<>();
        int street = 0;
        for (List<Spec> group : groups) {
            List<Polygon> rects = null;
            RoadSegment used = null;
            for (; street < streets.size() && rects == null; street++) {
                for (int side : new int[] {1, -1}) {
                    List<Polygon> candidate = place(metric.get(street), group, side);
                    double gap = group.size() > 1 ? POOL_SEPARATION_M : CLEARANCE_M;
                    if (candidate != null && clear(candidate, placedMetric, gap)
                            && clear(candidate, pooledMetric, POOL_SEPARATION_M)) {
                        rects = candidate;
                        used = streets.get(street);
                        break;
                    }
                }
            }
            if (rects == null) {
                throw new IllegalStateException("not enough residential streets for district group "
                    + group.get(0).group());
            }
            String streetName = used.tags().getOrDefault("name", "");
            for (int i = 0; i < group.size(); i++) {
                Spec s = group.get(i);
                placedMetric.add(rects.get(i));
                if (group.size() > 1) {
                    pooledMetric.add(rects.get(i));
                }
                String id = "rd-" + s.group() + (group.size() > 1 ? "-" + (i + 1) : "");
                String name = (streetName.isEmpty() ? "贵溪" : streetName)
                    + (s.status() == DistrictStatus.NEW ? "新苑" : "小区") + s.group().toUpperCase(Locale.ROOT)
                    + (group.size() > 1 ? "-" + (i + 1) : "");
                Geometry boundary = AdminSynthesizer.clean(lonLat(rects.get(i)));
                out.add(new ResidentialDistrict(id, name, Optional.of(boundary), s.households(), s.status(),
                    OptionalInt.of(s.year()), s.sitesM2(), true));
            }
        }
        return out;
    }

    /** Rectangles of the group side by side, centred on the street's midpoint, or null if the street is too short. */
    private List<Polygon> place(LineString street, List<Spec> group, int side) {
        double total = group.stream().mapToDouble(Spec::frontageM).sum();
        double len = street.getLength();
        if (len < total + 20) {
            return null;
        }
        LengthIndexedLine lil = new LengthIndexedLine(street);
        double mid = len / 2;
        Coordinate a = lil.extractPoint(mid - 5);
        Coordinate b = lil.extractPoint(mid + 5);
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double norm = Math.hypot(dx, dy);
        if (norm == 0) {
            return null;
        }
        double ux = dx / norm;
        double uy = dy / norm;
        double nx = -uy * side;
        double ny = ux * side;
        Coordinate m = lil.extractPoint(mid);
        List<Polygon> rects = new ArrayList<>();
        double start = -total / 2;
        for (Spec s : group) {
            double s0 = start;
            double s1 = start + s.frontageM();
            Coordinate[] ring = {
                at(m, ux, uy, nx, ny, s0, SETBACK_M), at(m, ux, uy, nx, ny, s1, SETBACK_M),
                at(m, ux, uy, nx, ny, s1, SETBACK_M + s.depthM()), at(m, ux, uy, nx, ny, s0, SETBACK_M + s.depthM()),
                at(m, ux, uy, nx, ny, s0, SETBACK_M)};
            rects.add(Geometries.WGS84.createPolygon(ring));
            start = s1;
        }
        return rects;
    }

    private static Coordinate at(Coordinate m, double ux, double uy, double nx, double ny, double along, double across) {
        // neighbours compute a shared corner from the same (along, across) values, so shared edges are identical
        double x = m.x + ux * along + nx * across;
        double y = m.y + uy * along + ny * across;
        return new Coordinate(x, y);
    }

    private static boolean clear(List<Polygon> candidate, List<Geometry> placed, double minGapMetres) {
        for (Polygon c : candidate) {
            for (Geometry p : placed) {
                if (c.distance(p) < minGapMetres) {
                    return false;
                }
            }
        }
        return true;
    }

    private LineString metres(LineString lonLat) {
        Coordinate[] cs = lonLat.getCoordinates();
        Coordinate[] m = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            m[i] = frame.toMetres(cs[i]);
        }
        return Geometries.WGS84.createLineString(m);
    }

    private Geometry lonLat(Polygon metric) {
        Coordinate[] cs = metric.getExteriorRing().getCoordinates();
        Coordinate[] ll = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            Coordinate c = frame.toLonLat(cs[i]);
            ll[i] = new Coordinate(LocalFrame.round7(c.x), LocalFrame.round7(c.y));
        }
        return Geometries.WGS84.createPolygon(ll);
    }
}

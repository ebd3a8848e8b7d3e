package org.eldercare.planner.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Synthesises elderly demand points from the community/village counts: each unit's 60+ residents are split over
 * {@value #POINTS_PER_STREET_COMMUNITY} points in a street 居委会, {@value #POINTS_PER_TOWN_COMMUNITY} in a township
 * 居委会 and 1 in a village. Points sit 10–40 m off local OSM roads where the unit has them (the town centre), else
 * near the unit's seed. Counts are whole people split by the largest-remainder method, so the points of a unit sum to
 * its 60+ (and all points to the census 60+). Sub-groups: 80+ from the unit; disabled/semi-disabled
 * ({@value #DISABLED_SHARE} of 60+) and 特困 ({@value #TEKUN_SHARE} of 60+) are synthetic assumptions, allocated to
 * units in proportion to 60+ and then to points in proportion to their 60+, which keeps every sub-group ≤ 60+.
 */
record DemandSynthesizer(Placer placer, long seed) {
    static final int POINTS_PER_STREET_COMMUNITY = 6;
    static final int POINTS_PER_TOWN_COMMUNITY = 3;
    /** Assumed share of 60+ who are disabled or semi-disabled (失能/半失能); synthetic. */
    static final double DISABLED_SHARE = 0.10;
    /** Assumed share of 60+ in extreme hardship (特困); synthetic. */
    static final double TEKUN_SHARE = 0.015;

    /** Points in unit-code order, and the disabled count allocated to each community/village. */
    record Result(List<DemandPoint> points, Map<String, Long> disabledByUnit) {
        Result {
            points = List.copyOf(points);
            disabledByUnit = Map.copyOf(disabledByUnit);
        }
    }

    Result build(List<AdminUnit> units, Map<String, Point> seeds) {
        Map<String, AdminUnit> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        List<AdminUnit> comms = units.stream().filter(u -> u.level().isCommunityTier()).toList();
        long total60 = comms.stream().mapToLong(u -> u.elderly60().orElseThrow()).sum();
        double[] w60 = comms.stream().mapToDouble(u -> u.elderly60().orElseThrow()).toArray();
        long[] disabled = Allocation.largestRemainder(Math.round(total60 * DISABLED_SHARE), w60);
        long[] tekun = Allocation.largestRemainder(Math.round(total60 * TEKUN_SHARE), w60);
        Random rnd = new Random(seed ^ 0xDE3A9DL);
        List<DemandPoint> points = new ArrayList<>();
        Map<String, Long> disabledByUnit = new HashMap<>();
        for (int i = 0; i < comms.size(); i++) {
            AdminUnit u = comms.get(i);
            AdminUnit parent = byCode.get(u.parentCode().orElseThrow());
            boolean inStreet = parent.level() == AdminLevel.STREET;
            int k = u.level() == AdminLevel.VILLAGE ? 1
                : inStreet ? POINTS_PER_STREET_COMMUNITY : POINTS_PER_TOWN_COMMUNITY;
            List<Coordinate> vs = placer.verticesIn(u.boundary());
            double[] wp = new double[k];
            Point[] locs = new Point[k];
            for (int j = 0; j < k; j++) {
                wp[j] = 0.5 + rnd.nextDouble();
                locs[j] = u.level() == AdminLevel.VILLAGE
                    ? placer.nearSeed(rnd, u.boundary(), seeds.get(u.code()), 150)
                    : placer.nearRoad(rnd, u.boundary(), vs, seeds.get(u.code()), 500);
            }
            long[] e = Allocation.largestRemainder(u.elderly60().orElseThrow(), wp);
            double[] ew = new double[k];
            for (int j = 0; j < k; j++) {
                ew[j] = e[j];
            }
            long[] e80 = Allocation.largestRemainder(u.elderly80().orElseThrow(), ew);
            long[] dis = Allocation.largestRemainder(disabled[i], ew);
            long[] tk = Allocation.largestRemainder(tekun[i], ew);
            for (int j = 0; j < k; j++) {
                points.add(new DemandPoint("dp-" + u.code() + "-" + (j + 1), locs[j], e[j], e80[j], dis[j], tk[j],
                    u.code(), true));
            }
            disabledByUnit.put(u.code(), disabled[i]);
        }
        return new Result(points, disabledByUnit);
    }
}

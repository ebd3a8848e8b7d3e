package org.eldercare.planner.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.zoning.DistrictCheck;
import org.eldercare.planner.zoning.DistrictCheckResult;
import org.eldercare.planner.zoning.DistrictNeighbourhood;
import org.eldercare.planner.zoning.GeometryNeighbourhood;
import org.eldercare.planner.zoning.VerdictStatus;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Time of the district floor-area check for a county-sized input: N districts as 100 m × 150 m-ish rectangles on a
 * grid near 瓮安 (27.07°N, 107.47°E) with 20–50 m gaps, random households (50–3000), status (1/3 new) and 0–2 sites
 * (seed 42), checked under wengan-2023 (pooling on geometry within 300 m). Prints the time of the geometry
 * neighbourhood and of the check, per round. Usage: {@code ZoningBench [N=10000] [rounds=3]}.
 */
public final class ZoningBench {
    private ZoningBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<ResidentialDistrict> ds = districts(n, 42);
        PolicyProfile p = PolicyProfiles.get("wengan-2023");
        double adj = p.pooling().orElseThrow().adjacentMaxDistanceM();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            DistrictNeighbourhood nb = GeometryNeighbourhood.fromBoundaries(ds, adj);
            long t1 = System.nanoTime();
            DistrictCheckResult res = new DistrictCheck(ds, p, nb).compute();
            long t2 = System.nanoTime();
            System.out.printf("round %d: %d districts, neighbourhood %.0f ms, check %.0f ms; pass %d, pooled %d, "
                + "fail %d, n/a %d%n", r, n, (t1 - t0) / 1e6, (t2 - t1) / 1e6, res.count(VerdictStatus.PASS),
                res.count(VerdictStatus.PASS_POOLED), res.count(VerdictStatus.FAIL),
                res.count(VerdictStatus.NOT_APPLICABLE));
        }
    }

    static List<ResidentialDistrict> districts(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        GeometryFactory gf = new GeometryFactory();
        int cols = (int) Math.ceil(Math.sqrt(n));
        double w = 0.0010;   // ≈ 99 m of longitude at 27°N
        double h = 0.0012;   // ≈ 133 m of latitude
        List<ResidentialDistrict> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x = 107.40 + (i % cols) * (w + 0.0003);
            double y = 27.00 + (i / cols) * (h + 0.0003);
            var poly = gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + w, y),
                new Coordinate(x + w, y + h), new Coordinate(x, y + h), new Coordinate(x, y)});
            int hh = 50 + rnd.nextInt(2951);
            DistrictStatus s = rnd.nextInt(3) == 0 ? DistrictStatus.NEW : DistrictStatus.EXISTING;
            List<Double> sites = new ArrayList<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                sites.add((double) (50 + rnd.nextInt(500)));
            }
            out.add(new ResidentialDistrict("d" + i, "d" + i, Optional.of(poly), hh, s, OptionalInt.empty(), sites,
                true));
        }
        return out;
    }
}

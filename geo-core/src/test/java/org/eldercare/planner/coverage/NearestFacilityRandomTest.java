package org.eldercare.planner.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.GraphBuilder;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.NearestSources;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.Snapper;
import org.eldercare.planner.network.TravelProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Independent check of the one-search-per-kind shortcut: on a seeded random network (random node positions in a
 * 3 km square, each node joined to its 3 nearest, edge costs = length / 1 m/s × a random detour factor in [1, 3], a
 * fifth of the edges one-way), the multi-source search from all facilities gives every node and every demand point
 * the same time as the minimum over one single-source search per facility.
 */
class NearestFacilityRandomTest {
    static final int NODES = 400;

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 2024L, 987654321L})
    void multi_source_times_equal_the_minimum_over_single_source_searches(long seed) {
        Random rnd = new Random(seed);
        GraphBuilder gb = new GraphBuilder(TravelProfile.walk(1.0));
        double[] x = new double[NODES];
        double[] y = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            x[i] = rnd.nextDouble() * 3000;
            y[i] = rnd.nextDouble() * 3000;
            var p = TestTown.pt(x[i], y[i]);
            gb.addNode(p.getX(), p.getY(), i);
        }
        int[][] near = new int[NODES][];
        for (int i = 0; i < NODES; i++) {
            near[i] = nearest(x, y, i, 3);
        }
        for (int i = 0; i < NODES; i++) {
            for (int j : near[i]) {
                if (j < i && contains(near[j], i)) {
                    continue; // already joined from j
                }
                double len = Math.hypot(x[i] - x[j], y[i] - y[j]);
                double fwd = len * (1 + 2 * rnd.nextDouble());
                double bwd = rnd.nextDouble() < 0.2 ? -1 : len * (1 + 2 * rnd.nextDouble());
                gb.addEdge(gb.edgeCount(), i, j, len, fwd, bwd, new double[0]);
            }
        }
        RoadGraph g = gb.build();
        Snapper snapper = new Snapper(g, 500);

        // facilities: 6 day-care centres at random positions, snapped
        List<Facility> facilities = new ArrayList<>();
        List<Snap> snaps = new ArrayList<>();
        while (facilities.size() < 6) {
            var p = TestTown.pt(rnd.nextDouble() * 3000, rnd.nextDouble() * 3000);
            var s = snapper.snap(p.getX(), p.getY());
            if (s.isPresent()) {
                facilities.add(Facility.of("F" + facilities.size(), "站" + facilities.size(),
                    FacilityKind.DAY_CARE_CENTRE, p));
                snaps.add(s.get());
            }
        }
        double budget = 15 * 60;
        GraphSearch search = new GraphSearch(g);
        NearestSources multi = search.nearestSources(snaps, budget);
        double[] multiCost = new double[NODES];
        for (int v = 0; v < NODES; v++) {
            multiCost[v] = multi.cost(v);
        }
        double[] minSingle = new double[NODES];
        java.util.Arrays.fill(minSingle, Double.POSITIVE_INFINITY);
        for (Snap s : snaps) {
            search.runFromSnaps(List.of(s), budget);
            for (int v = 0; v < NODES; v++) {
                minSingle[v] = Math.min(minSingle[v], search.cost(v));
            }
        }
        int reached = 0;
        for (int v = 0; v < NODES; v++) {
            assertEquals(minSingle[v], multiCost[v], 1e-9, "node " + v + " seed " + seed);
            if (multiCost[v] < Double.POSITIVE_INFINITY) {
                reached++;
            }
        }
        assertTrue(reached > 20 && reached < NODES, "the budget should cut the search: reached " + reached);

        // through CoverageAnalysis: 150 demand points, minutes to the nearest day-care centre
        List<DemandPoint> demand = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            demand.add(new DemandPoint("D" + i, TestTown.pt(rnd.nextDouble() * 3000, rnd.nextDouble() * 3000), 10, 1,
                1, 0, "360681001001", false));
        }
        var county = AdminUnit.of("360681000000", "县", AdminLevel.COUNTY, null, TestTown.box(-600, -600, 3600, 3600));
        var comm = AdminUnit.of("360681001001", "社区", AdminLevel.COMMUNITY, "360681000000",
            TestTown.box(-600, -600, 3600, 3600));
        PlanningData data = new PlanningData("random " + seed, List.of(county, comm), facilities, List.of(), List.of(),
            demand, List.of());
        CoverageReport r = new CoverageAnalysis(data, new CoverageNetwork(data, g, 500),
            PolicyProfiles.get("national"), CoverageOptions.defaults()).compute();
        List<Snap> demandSnaps = demand.stream().map(d -> snapper.snap(d.location().getX(), d.location().getY())
            .orElse(null)).toList();
        for (int i = 0; i < demand.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            if (demandSnaps.get(i) != null) {
                for (Snap s : snaps) {
                    search.runFromSnaps(List.of(s), budget);
                    best = Math.min(best, search.costTo(demandSnaps.get(i)));
                }
            }
            assertEquals(best / 60, r.demand().get(i).minutesTo(FacilityKind.DAY_CARE_CENTRE), 1e-9,
                "demand " + i + " seed " + seed);
        }
    }

    private static int[] nearest(double[] x, double[] y, int i, int k) {
        Integer[] idx = new Integer[x.length];
        for (int j = 0; j < x.length; j++) {
            idx[j] = j;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(Math.hypot(x[a] - x[i], y[a] - y[i]),
            Math.hypot(x[b] - x[i], y[b] - y[i])));
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            out[j] = idx[j + 1];
        }
        return out;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}

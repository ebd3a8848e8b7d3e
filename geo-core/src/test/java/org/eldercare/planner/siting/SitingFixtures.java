package org.eldercare.planner.siting;

import java.util.ArrayList;
import java.util.List;

/** Cost matrices the siting tests build from points. */
final class SitingFixtures {
    private SitingFixtures() {}

    /**
     * Every point both demand (weight {@code w[i]}) and candidate, ids {@code prefix + i}, costs the Euclidean
     * distances floored to integers (as in OR-Library pmedcap).
     */
    static CostMatrix flooredEuclidean(double[] x, double[] y, double[] w, String prefix) {
        int n = x.length;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.floor(Math.hypot(x[i] - x[j], y[i] - y[j]));
            }
        }
        return CostMatrix.ofIds(ids, w, ids, d);
    }
}

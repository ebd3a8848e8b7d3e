package org.eldercare.planner.siting;

import java.util.ArrayList;
import java.util.List;

/**
 * What the models that choose exactly {@code p} sites on a {@link CostMatrix} share (p-median, capacitated p-median,
 * p-center, MCLP): the validated matrix and p, and the start of every solve (the eligible candidates under the
 * options, p checked against them, their notes). Each model adds its own formulation and solve.
 */
abstract class PSiteModel {
    final CostMatrix matrix;
    final int p;
    /** The matrix's demand points (rows) and candidates (columns). */
    final int n;
    final int m;

    /** @throws IllegalArgumentException naming the matrix or p when p is outside [1, candidates] */
    PSiteModel(CostMatrix matrix, int p) {
        Eligibility.checkMatrixAndP(matrix, p);
        this.matrix = matrix;
        this.p = p;
        this.n = matrix.demandCount();
        this.m = matrix.candidateCount();
    }

    /** The candidates usable under {@code options}, with p checked against them (throws naming p). */
    final Eligibility eligibility(SolveOptions options) {
        Eligibility e = new Eligibility(matrix, options);
        e.checkP(p);
        return e;
    }

    /**
     * The n × m demand-major weighted costs w_i · d_ij (+∞ unreachable) of the Lagrangian and heuristic stages. A
     * demand point of weight 0 costs 0 at every reachable site; at an unreachable one it costs 0 as well when
     * {@code zeroWeightAnywhere} (p-median: it need not be served) and w · ∞ = NaN otherwise (capacitated: every
     * customer is assigned, so the pair stays unusable).
     */
    final double[] weightedCosts(boolean zeroWeightAnywhere) {
        double[] wc = new double[n * m];
        for (int i = 0; i < n; i++) {
            double w = matrix.weight(i);
            for (int j = 0; j < m; j++) {
                double d = matrix.cost(i, j);
                wc[i * m + j] = w == 0 && (zeroWeightAnywhere || Double.isFinite(d)) ? 0 : w * d;
            }
        }
        return wc;
    }

    /** A new, modifiable list of the notes the eligibility check made, for the result. */
    static List<String> notes(Eligibility e) {
        return new ArrayList<>(e.notes);
    }
}

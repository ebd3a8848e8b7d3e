package org.eldercare.planner.siting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Travel costs from every demand point to every candidate site, with demand weights and candidate attributes: the
 * single input of every siting model. Costs are any non-negative unit the caller chooses (minutes, metres); all models
 * built on one matrix read them in that unit. {@link Double#POSITIVE_INFINITY} means "unreachable"; NaN and negative
 * values are refused.
 *
 * <p>Storage is one flat {@code double[]} in demand-major order ({@code cost(i, j) = costs[i * m + j]}), so a 900 ×
 * 900 matrix costs 6.5 MB. Immutable: every array passed in is copied.
 *
 * <p>Bad input (duplicate or blank ids, wrong lengths, a negative or NaN cost or weight) throws
 * {@link IllegalArgumentException} naming the field, the index and the value.
 */
public final class CostMatrix {
    private final List<String> demandIds;
    private final List<CandidateSite> candidates;
    private final double[] costs;
    private final double[] weights;
    private final Map<String, Integer> candidateIndex;

    private CostMatrix(List<String> demandIds, List<CandidateSite> candidates, double[] costs, double[] weights) {
        this.demandIds = List.copyOf(demandIds);
        this.candidates = List.copyOf(candidates);
        int n = demandIds.size();
        int m = candidates.size();
        if (n == 0) {
            throw new IllegalArgumentException("demandIds: at least one demand point is required, was 0");
        }
        if (m == 0) {
            throw new IllegalArgumentException("candidates: at least one candidate site is required, was 0");
        }
        uniqueIds("demandIds", this.demandIds);
        List<String> cids = new ArrayList<>(m);
        for (CandidateSite c : this.candidates) {
            cids.add(c.id());
        }
        uniqueIds("candidates", cids);
        if (costs.length != (long) n * m) {
            throw new IllegalArgumentException("costs: expected " + n + " x " + m + " = " + ((long) n * m)
                + " values, was " + costs.length);
        }
        if (weights.length != n) {
            throw new IllegalArgumentException("weights: expected " + n + " values (one per demand point), was "
                + weights.length);
        }
        this.costs = costs.clone();
        this.weights = weights.clone();
        for (int k = 0; k < this.costs.length; k++) {
            double c = this.costs[k];
            if (Double.isNaN(c) || c < 0 || c == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("costs[" + (k / m) + "][" + (k % m) + "] (demand "
                    + this.demandIds.get(k / m) + ", candidate " + cids.get(k % m)
                    + "): must be finite >= 0 or +Infinity (unreachable), was " + c);
            }
        }
        for (int i = 0; i < n; i++) {
            double w = this.weights[i];
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weights[" + i + "] (demand " + this.demandIds.get(i)
                    + "): must be finite >= 0, was " + w);
            }
        }
        candidateIndex = new HashMap<>();
        for (int j = 0; j < m; j++) {
            candidateIndex.put(cids.get(j), j);
        }
    }

    private static void uniqueIds(String field, List<String> ids) {
        var seen = new HashSet<String>();
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(field + "[" + k + "]: id is required but missing or blank");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException(field + "[" + k + "]: duplicate id '" + id + "'");
            }
        }
    }

    /**
     * A matrix from rows of costs ({@code costs[i][j]} = demand i to candidate j) and candidate records.
     *
     * @param demandIds  one id per demand point (unique)
     * @param weights    demand weight per point (e.g. elderly residents), finite ≥ 0
     * @param candidates candidate sites with their attributes (unique ids)
     * @param costs      n rows of m costs, finite ≥ 0 or +∞
     */
    public static CostMatrix of(List<String> demandIds, double[] weights, List<CandidateSite> candidates,
            double[][] costs) {
        int n = demandIds.size();
        int m = candidates.size();
        if (costs.length != n) {
            throw new IllegalArgumentException("costs: expected " + n + " rows (one per demand point), was "
                + costs.length);
        }
        double[] flat = new double[n * m];
        for (int i = 0; i < n; i++) {
            if (costs[i].length != m) {
                throw new IllegalArgumentException("costs[" + i + "]: expected " + m
                    + " values (one per candidate), was " + costs[i].length);
            }
            System.arraycopy(costs[i], 0, flat, i * m, m);
        }
        return new CostMatrix(demandIds, candidates, flat, weights);
    }

    /** A matrix from a flat demand-major array ({@code costs[i * m + j]}); the array is copied. */
    public static CostMatrix ofFlat(List<String> demandIds, double[] weights, List<CandidateSite> candidates,
            double[] costs) {
        return new CostMatrix(demandIds, candidates, costs, weights);
    }

    /** A matrix whose candidates carry only ids (no beds, group or medical distance). */
    public static CostMatrix ofIds(List<String> demandIds, double[] weights, List<String> candidateIds,
            double[][] costs) {
        List<CandidateSite> cs = new ArrayList<>();
        for (String id : candidateIds) {
            cs.add(CandidateSite.of(id));
        }
        return of(demandIds, weights, cs, costs);
    }

    /** Number of demand points (n). */
    public int demandCount() {
        return demandIds.size();
    }

    /** Number of candidate sites (m). */
    public int candidateCount() {
        return candidates.size();
    }

    /** Cost from demand {@code i} to candidate {@code j}, +∞ when unreachable. */
    public double cost(int i, int j) {
        return costs[i * candidates.size() + j];
    }

    /** Weight of demand point {@code i}. */
    public double weight(int i) {
        return weights[i];
    }

    /** Sum of all demand weights. */
    public double totalWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    public List<String> demandIds() {
        return demandIds;
    }

    public List<CandidateSite> candidates() {
        return candidates;
    }

    public String demandId(int i) {
        return demandIds.get(i);
    }

    public CandidateSite candidate(int j) {
        return candidates.get(j);
    }

    /** Index of the candidate with this id; {@link IllegalArgumentException} naming {@code field} when unknown. */
    int candidateIndex(String field, String id) {
        Integer j = candidateIndex.get(id);
        if (j == null) {
            throw new IllegalArgumentException(field + ": unknown candidate id '" + id + "' (the matrix has "
                + candidates.size() + " candidates)");
        }
        return j;
    }
}

package org.eldercare.planner.sample;

import java.util.Arrays;

/**
 * Splits an integer total into integer parts proportional to weights by the largest-remainder (Hamilton) method:
 * every part gets the floor of its quota and the units left over go to the largest fractional remainders (ties to
 * the lower index). The parts always sum to the total exactly, and a part never exceeds the ceiling of its quota.
 */
final class Allocation {
    private Allocation() {}

    /**
     * @param total   integer to split, ≥ 0
     * @param weights weights, each finite and ≥ 0, at least one &gt; 0 unless total is 0
     * @return parts, same length as weights, summing to total
     * @throws IllegalArgumentException naming the field and value when total or a weight is out of range
     */
    static long[] largestRemainder(long total, double[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, was " + total);
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i]) || weights[i] < 0) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, was " + weights[i]);
            }
            sum += weights[i];
        }
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights must not all be 0 when total is " + total);
        }
        double[] rem = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double quota = total * (weights[i] / sum);
            parts[i] = (long) Math.floor(quota);
            rem[i] = quota - parts[i];
            given += parts[i];
        }
        long left = total - given;
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> rem[a] != rem[b] ? Double.compare(rem[b], rem[a]) : Integer.compare(a, b));
        for (int k = 0; left > 0; k = (k + 1) % order.length) {
            if (weights[order[k]] > 0) {
                parts[order[k]]++;
                left--;
            }
        }
        return parts;
    }
}

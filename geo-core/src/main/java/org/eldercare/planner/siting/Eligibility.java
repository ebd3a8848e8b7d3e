package org.eldercare.planner.siting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which candidates may be chosen and which must be, after applying {@link SolveOptions} to a {@link CostMatrix}; the
 * part every model shares. Package-private.
 */
final class Eligibility {
    final CostMatrix matrix;
    final SolveOptions options;
    final boolean[] allowed;
    final boolean[] required;
    /** Per candidate: index into {@link #limits} of its group limit, or -1. */
    final int[] limitOf;
    final List<GroupLimit> limits;
    final List<String> notes = new ArrayList<>();
    final int allowedCount;
    final int requiredCount;
    /** Sites proven (e.g. by Lagrangian reduction) never to be in a better solution: left out of the MIP. */
    final boolean[] fixedClosed;
    /** Sites proven to be in every better solution: fixed open in the MIP. */
    final boolean[] fixedOpen;

    /**
     * The argument check of the models choosing {@code p} sites.
     *
     * @throws IllegalArgumentException naming {@code matrix} when it is null, or {@code p} when it is outside
     *                                  [1, candidates]
     */
    static void checkMatrixAndP(CostMatrix matrix, int p) {
        if (matrix == null) {
            throw new IllegalArgumentException("matrix: is required but missing");
        }
        if (p < 1 || p > matrix.candidateCount()) {
            throw new IllegalArgumentException("p: must be in [1, " + matrix.candidateCount()
                + "] (number of candidates), was " + p);
        }
    }

    /** Copies the Lagrangian reductions into {@link #fixedClosed} and {@link #fixedOpen}. */
    void fix(MedianHeuristic.Lagrange lr) {
        for (int j = 0; j < fixedClosed.length; j++) {
            fixedClosed[j] = lr.neverOpen()[j];
            fixedOpen[j] = lr.alwaysOpen()[j];
        }
    }

    Eligibility(CostMatrix matrix, SolveOptions options) {
        this.matrix = matrix;
        this.options = options;
        int m = matrix.candidateCount();
        allowed = new boolean[m];
        required = new boolean[m];
        fixedClosed = new boolean[m];
        fixedOpen = new boolean[m];
        for (String id : options.requiredSiteIds().stream().sorted().toList()) {
            required[matrix.candidateIndex("requiredSiteIds", id)] = true;
        }
        int a = 0;
        int r = 0;
        for (int j = 0; j < m; j++) {
            CandidateSite c = matrix.candidate(j);
            if (required[j]) {
                allowed[j] = true;
                a++;
                r++;
                continue;
            }
            String why = null;
            if (options.minBeds().isPresent() && c.beds() < options.minBeds().getAsInt()) {
                why = "beds " + c.beds() + " < minBeds " + options.minBeds().getAsInt();
            } else if (options.maxMedicalDistanceMeters().isPresent()) {
                double max = options.maxMedicalDistanceMeters().getAsDouble();
                if (c.medicalDistanceMeters().isEmpty()) {
                    why = "distance to medical facility unknown (maxMedicalDistanceMeters " + max + ")";
                } else if (c.medicalDistanceMeters().getAsDouble() > max) {
                    why = "distance to medical facility " + c.medicalDistanceMeters().getAsDouble()
                        + " m > maxMedicalDistanceMeters " + max;
                }
            }
            if (why == null) {
                allowed[j] = true;
                a++;
            } else {
                notes.add("candidate " + c.id() + " excluded: " + why);
            }
        }
        allowedCount = a;
        requiredCount = r;
        limits = options.groupLimits();
        Map<String, Integer> idx = new HashMap<>();
        for (int g = 0; g < limits.size(); g++) {
            idx.put(limits.get(g).groupId(), g);
        }
        limitOf = new int[m];
        int[] reqPerGroup = new int[limits.size()];
        int[] allowedPerGroup = new int[limits.size()];
        for (int j = 0; j < m; j++) {
            limitOf[j] = idx.getOrDefault(matrix.candidate(j).groupId(), -1);
            if (limitOf[j] >= 0 && allowed[j]) {
                allowedPerGroup[limitOf[j]]++;
                if (required[j]) {
                    reqPerGroup[limitOf[j]]++;
                }
            }
        }
        for (int g = 0; g < limits.size(); g++) {
            GroupLimit l = limits.get(g);
            if (reqPerGroup[g] > l.maxSites()) {
                notes.add("group " + l.groupId() + ": " + reqPerGroup[g] + " required sites exceed maxSites "
                    + l.maxSites());
            }
            if (allowedPerGroup[g] < l.minSites()) {
                notes.add("group " + l.groupId() + ": only " + allowedPerGroup[g]
                    + " eligible candidates for minSites " + l.minSites());
            }
        }
    }

    /** Eligible and not fixed closed: gets a MIP variable. */
    boolean usable(int j) {
        return allowed[j] && !fixedClosed[j];
    }

    int usableCount() {
        int k = 0;
        for (int j = 0; j < allowed.length; j++) {
            if (usable(j)) {
                k++;
            }
        }
        return k;
    }

    /** Checks 1 ≤ p ≤ eligible candidates and p ≥ required sites; the message names p and the numbers. */
    void checkP(int p) {
        if (p < requiredCount) {
            throw new IllegalArgumentException("p: must be >= the number of required sites (" + requiredCount
                + "), was " + p);
        }
        if (p > allowedCount) {
            throw new IllegalArgumentException("p: must be <= the number of eligible candidates (" + allowedCount
                + " of " + matrix.candidateCount() + " after filters), was " + p);
        }
    }

    /** Group limits that hold with equality for this set of open sites, as readable text. */
    List<String> bindingGroups(boolean[] open) {
        List<String> out = new ArrayList<>();
        int[] count = new int[limits.size()];
        for (int j = 0; j < open.length; j++) {
            if (open[j] && limitOf[j] >= 0) {
                count[limitOf[j]]++;
            }
        }
        for (int g = 0; g < limits.size(); g++) {
            GroupLimit l = limits.get(g);
            if (count[g] == l.maxSites()) {
                out.add("group " + l.groupId() + " at most " + l.maxSites() + " sites: " + count[g] + " chosen");
            } else if (count[g] == l.minSites()) {
                out.add("group " + l.groupId() + " at least " + l.minSites() + " sites: " + count[g] + " chosen");
            }
        }
        for (int j = 0; j < open.length; j++) {
            if (required[j]) {
                out.add("required site " + matrix.candidate(j).id() + " open");
            }
        }
        return out;
    }

    /** Whether the open set satisfies every group limit. */
    boolean groupsSatisfied(boolean[] open) {
        int[] count = new int[limits.size()];
        for (int j = 0; j < open.length; j++) {
            if (open[j] && limitOf[j] >= 0) {
                count[limitOf[j]]++;
            }
        }
        for (int g = 0; g < limits.size(); g++) {
            if (count[g] < limits.get(g).minSites() || count[g] > limits.get(g).maxSites()) {
                return false;
            }
        }
        return true;
    }

    List<String> chosenIds(boolean[] open) {
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < open.length; j++) {
            if (open[j]) {
                ids.add(matrix.candidate(j).id());
            }
        }
        return ids;
    }
}

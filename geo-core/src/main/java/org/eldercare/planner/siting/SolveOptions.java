package org.eldercare.planner.siting;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.eldercare.planner.model.InvalidValueException;

/**
 * How to solve a siting model and which policy constraints apply on top of the model's own. Immutable; start from
 * {@link #defaults()} and use the {@code with…} methods.
 *
 * <ul>
 *   <li>{@code requiredSiteIds}: existing institutions that stay open; they count towards p and are exempt from the
 *       candidate filters (they exist already).</li>
 *   <li>{@code minBeds}: candidates with fewer beds are not eligible (policy: ≥ 80 beds).</li>
 *   <li>{@code maxMedicalDistanceMeters}: candidates farther from the nearest medical facility, or with that
 *       distance unknown, are not eligible (policy: adjacent to medical facilities).</li>
 *   <li>{@code groupLimits}: at least / at most k chosen sites per group (policy: 1–3 per county).</li>
 * </ul>
 *
 * @param method                   exact, heuristic, or automatic choice by size
 * @param mipSolver                OR-Tools MPSolver id used by the exact method: "SCIP" (default), "CBC" or "CP_SAT"
 * @param timeLimitSeconds         wall-clock limit of one solve, &gt; 0
 * @param requiredSiteIds          candidate ids that must be chosen
 * @param minBeds                  minimum beds of an eligible candidate, when set (≥ 0)
 * @param maxMedicalDistanceMeters maximum distance to the nearest medical facility, when set (≥ 0)
 * @param groupLimits              per-group limits, at most one per group id
 */
public record SolveOptions(SolveMethod method, String mipSolver, double timeLimitSeconds, Set<String> requiredSiteIds,
        OptionalInt minBeds, OptionalDouble maxMedicalDistanceMeters, List<GroupLimit> groupLimits) {

    private static final Set<String> SOLVERS = Set.of("SCIP", "CBC", "CP_SAT");

    public SolveOptions {
        if (method == null) {
            throw new InvalidValueException("method", null, "is required but missing");
        }
        if (mipSolver == null || !SOLVERS.contains(mipSolver)) {
            throw new InvalidValueException("mipSolver", mipSolver, "must be one of " + SOLVERS + ", was " + mipSolver);
        }
        if (!(timeLimitSeconds > 0) || Double.isInfinite(timeLimitSeconds)) {
            throw new InvalidValueException("timeLimitSeconds", timeLimitSeconds,
                "must be finite > 0, was " + timeLimitSeconds);
        }
        requiredSiteIds = Set.copyOf(requiredSiteIds);
        if (minBeds == null || (minBeds.isPresent() && minBeds.getAsInt() < 0)) {
            throw new InvalidValueException("minBeds", minBeds, "must be >= 0 when set, was " + minBeds);
        }
        if (maxMedicalDistanceMeters == null || (maxMedicalDistanceMeters.isPresent()
                && !(maxMedicalDistanceMeters.getAsDouble() >= 0))) {
            throw new InvalidValueException("maxMedicalDistanceMeters", maxMedicalDistanceMeters,
                "must be >= 0 when set, was "
                + maxMedicalDistanceMeters);
        }
        groupLimits = List.copyOf(groupLimits);
        var seen = new java.util.HashSet<String>();
        for (GroupLimit g : groupLimits) {
            if (!seen.add(g.groupId())) {
                throw new InvalidValueException("groupLimits", null, "group '" + g.groupId() + "' is limited twice");
            }
        }
    }

    /** AUTO method, SCIP, 60 s, no required sites, no filters, no group limits. */
    public static SolveOptions defaults() {
        return new SolveOptions(SolveMethod.AUTO, "SCIP", 60, Set.of(), OptionalInt.empty(), OptionalDouble.empty(),
            List.of());
    }

    public SolveOptions withMethod(SolveMethod m) {
        return new SolveOptions(m, mipSolver, timeLimitSeconds, requiredSiteIds, minBeds, maxMedicalDistanceMeters,
            groupLimits);
    }

    public SolveOptions withMipSolver(String s) {
        return new SolveOptions(method, s, timeLimitSeconds, requiredSiteIds, minBeds, maxMedicalDistanceMeters,
            groupLimits);
    }

    public SolveOptions withTimeLimitSeconds(double t) {
        return new SolveOptions(method, mipSolver, t, requiredSiteIds, minBeds, maxMedicalDistanceMeters, groupLimits);
    }

    public SolveOptions withRequiredSiteIds(Set<String> ids) {
        return new SolveOptions(method, mipSolver, timeLimitSeconds, ids, minBeds, maxMedicalDistanceMeters,
            groupLimits);
    }

    public SolveOptions withMinBeds(int beds) {
        return new SolveOptions(method, mipSolver, timeLimitSeconds, requiredSiteIds, OptionalInt.of(beds),
            maxMedicalDistanceMeters, groupLimits);
    }

    public SolveOptions withMaxMedicalDistanceMeters(double meters) {
        return new SolveOptions(method, mipSolver, timeLimitSeconds, requiredSiteIds, minBeds,
            OptionalDouble.of(meters), groupLimits);
    }

    public SolveOptions withGroupLimits(List<GroupLimit> limits) {
        return new SolveOptions(method, mipSolver, timeLimitSeconds, requiredSiteIds, minBeds,
            maxMedicalDistanceMeters, limits);
    }
}

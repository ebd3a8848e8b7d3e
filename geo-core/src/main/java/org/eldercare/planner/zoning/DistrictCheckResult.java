package org.eldercare.planner.zoning;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eldercare.planner.policy.Finding;

/**
 * Verdicts of a {@link DistrictCheck}, one per district in input order. Immutable.
 *
 * @param profileId id of the policy profile applied
 * @param verdicts  one verdict per district, in input order
 */
public record DistrictCheckResult(String profileId, List<DistrictVerdict> verdicts) {
    public DistrictCheckResult {
        verdicts = List.copyOf(verdicts);
    }

    /** True when no verdict is FAIL (NOT_APPLICABLE counts as not failing). */
    public boolean allPass() {
        return verdicts.stream().noneMatch(v -> v.status() == VerdictStatus.FAIL);
    }

    /** Number of verdicts with this status. */
    public long count(VerdictStatus status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }

    /** The verdict of district {@code id}, or empty. */
    public Optional<DistrictVerdict> findVerdict(String id) {
        return verdicts.stream().filter(v -> v.districtId().equals(id)).findFirst();
    }

    /**
     * The verdict of district {@code id}.
     *
     * @throws NoSuchElementException naming the id when absent
     */
    public DistrictVerdict getVerdict(String id) {
        return findVerdict(id).orElseThrow(() -> new NoSuchElementException("no verdict for district " + id));
    }

    /** All findings of all verdicts, in order. */
    public List<Finding> listFindings() {
        return verdicts.stream().flatMap(v -> v.findings().stream()).toList();
    }
}

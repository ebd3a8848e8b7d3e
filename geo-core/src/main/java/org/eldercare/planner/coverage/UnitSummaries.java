package org.eldercare.planner.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.model.AdminUnit;

/**
 * The {@link UnitSummary} of every administrative unit of a data set, in data order, with look-ups by code.
 * THIS CLASS IS IMMUTABLE AND THREAD-SAFE.
 */
public final class UnitSummaries {
    private final List<UnitSummary> summaries;
    private final Map<String, UnitSummary> byCode;

    /** @param summaries one summary per unit with distinct codes, in data order */
    public UnitSummaries(List<UnitSummary> summaries) {
        this.summaries = List.copyOf(summaries);
        Map<String, UnitSummary> m = new LinkedHashMap<>();
        for (UnitSummary s : this.summaries) {
            if (m.put(s.unit().code(), s) != null) {
                throw new IllegalArgumentException("summaries.code: duplicate unit code '" + s.unit().code() + "'");
            }
        }
        this.byCode = Map.copyOf(m);
    }

    /** All summaries, in data order. */
    public List<UnitSummary> listUnits() {
        return summaries;
    }

    /**
     * The summary of the unit with this code (6, 9 or 12 digits, padded as {@link AdminUnit#normaliseCode} does).
     *
     * @throws IllegalArgumentException when the code is not 6, 9 or 12 digits
     */
    public Optional<UnitSummary> findUnit(String code) {
        return Optional.ofNullable(byCode.get(AdminUnit.normaliseCode("code", code)));
    }

    /** Summaries of the children of the unit with this code, in data order; empty when it has none or is unknown. */
    public List<UnitSummary> listChildren(String code) {
        return findUnit(code).map(u -> u.childCodes().stream().map(byCode::get).toList()).orElse(List.of());
    }
}

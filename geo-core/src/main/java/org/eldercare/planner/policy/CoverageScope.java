package org.eldercare.planner.policy;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.UrbanRural;

/**
 * What a coverage rule counts: the facility kinds that satisfy it, the admin levels whose units are counted, an
 * optional urban/rural filter and the target year. Immutable.
 *
 * @param kinds       facility kinds that satisfy the rule, non-empty (copied)
 * @param adminLevels admin levels whose units are counted, non-empty (copied)
 * @param urbanRural  only units of this class when present; all units when empty
 * @param year        year by whose end the share is due, when the document gives one
 */
public record CoverageScope(Set<FacilityKind> kinds, Set<AdminLevel> adminLevels, Optional<UrbanRural> urbanRural,
        OptionalInt year) {
    public CoverageScope {
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("scope.kinds must name at least one facility kind, was " + kinds);
        }
        if (adminLevels == null || adminLevels.isEmpty()) {
            throw new IllegalArgumentException("scope.adminLevels must name at least one admin level, was "
                + adminLevels);
        }
        kinds = Set.copyOf(kinds);
        adminLevels = Set.copyOf(adminLevels);
        urbanRural = urbanRural == null ? Optional.empty() : urbanRural;
        year = year == null ? OptionalInt.empty() : year;
        if (year.isPresent() && (year.getAsInt() < 1990 || year.getAsInt() > 2100)) {
            throw new IllegalArgumentException("scope.year must be in [1990, 2100], was " + year.getAsInt());
        }
    }
}

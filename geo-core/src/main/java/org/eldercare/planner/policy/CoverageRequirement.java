package org.eldercare.planner.policy;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.UrbanRural;

/**
 * A coverage target in typed form: "share {@code targetShare} of the units at {@code adminLevels} (optionally only
 * urban or rural ones) shall have a facility of one of {@code kinds} by the end of {@code year}". Built from a
 * {@code coverage.*} rule of a profile. Immutable.
 *
 * @param ruleId      the rule's id
 * @param kinds       facility kinds that satisfy it
 * @param adminLevels admin levels it applies to
 * @param urbanRural  urban/rural filter, empty for all units
 * @param targetShare required share of units, in [0, 1]
 * @param year        target year when given
 * @param citation    document and clause
 * @param binding     how binding the target is
 */
public record CoverageRequirement(String ruleId, Set<FacilityKind> kinds, Set<AdminLevel> adminLevels,
        Optional<UrbanRural> urbanRural, double targetShare, OptionalInt year, Citation citation, Binding binding) {
    public CoverageRequirement {
        kinds = Set.copyOf(kinds);
        adminLevels = Set.copyOf(adminLevels);
        if (!(targetShare >= 0 && targetShare <= 1)) {
            throw new IllegalArgumentException("targetShare of " + ruleId + " must be in [0, 1], was " + targetShare);
        }
    }

    static CoverageRequirement of(Rule rule) {
        CoverageScope s = rule.scope().orElseThrow(() -> new IllegalArgumentException(
            "rule " + rule.id() + " has no scope (kinds, adminLevels) and is not a coverage rule"));
        return new CoverageRequirement(rule.id(), s.kinds(), s.adminLevels(), s.urbanRural(), rule.value(), s.year(),
            rule.citation(), rule.binding());
    }
}

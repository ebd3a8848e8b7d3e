package org.eldercare.planner.coverage;

import java.util.Set;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.FacilityKind;

/**
 * A unit that a coverage rule applies to and that has no facility of the required kinds. Immutable.
 *
 * @param unitCode  the unit's code
 * @param unitName  the unit's name
 * @param level     its level
 * @param ruleId    the coverage rule
 * @param kinds     facility kinds any one of which would satisfy the rule (copied)
 */
public record AdminGap(String unitCode, String unitName, AdminLevel level, String ruleId, Set<FacilityKind> kinds) {
    public AdminGap {
        kinds = Set.copyOf(kinds);
    }
}

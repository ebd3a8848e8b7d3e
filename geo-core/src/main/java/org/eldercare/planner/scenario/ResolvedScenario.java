package org.eldercare.planner.scenario;

import java.util.List;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.PolicyProfile;

/**
 * A scenario whose changes were all validated against a base and applied to a copy of it. Immutable.
 *
 * @param scenario       the scenario
 * @param data           the base with every change applied (a new PlanningData; the base is untouched)
 * @param profile        the base profile with the scenario's rule overrides (the base profile is untouched)
 * @param demandChanged  true when demand points or admin units differ from the base (the coverage network's snaps
 *                       must be redone; the road graph is still reused)
 * @param descriptions   one line per change, in order, saying what it did (e.g. {@code close-facility fac-7
 *                       (石港敬老院, township-nursing-home, 40 beds)})
 */
public record ResolvedScenario(Scenario scenario, PlanningData data, PolicyProfile profile, boolean demandChanged,
        List<String> descriptions) {
    public ResolvedScenario {
        descriptions = List.copyOf(descriptions);
    }
}

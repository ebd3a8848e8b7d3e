package org.eldercare.planner.scenario;

import org.eldercare.planner.coverage.CoverageReport;

/**
 * Result of a {@link ScenarioRun}: the resolved scenario, the baseline and scenario metrics and reports, their diff
 * and the provenance of the inputs. Immutable.
 *
 * @param resolved        the scenario with its applied data and profile
 * @param baseline        metrics of the base
 * @param scenario        metrics of the scenario
 * @param diff            scenario against baseline
 * @param baselineReport  full coverage report of the base (for layers)
 * @param scenarioReport  full coverage report of the scenario
 * @param provenance      input hashes and versions
 * @param baselineSiting  regional siting proposal on the base, when the scenario has a siting section
 * @param scenarioSiting  regional siting proposal on the scenario, when the scenario has a siting section
 */
public record ScenarioResult(ResolvedScenario resolved, ScenarioMetrics baseline, ScenarioMetrics scenario,
        ScenarioDiff diff, CoverageReport baselineReport, CoverageReport scenarioReport, Provenance provenance,
        java.util.Optional<SitingMetrics> baselineSiting, java.util.Optional<SitingMetrics> scenarioSiting) {
    /** A result without siting. */
    public ScenarioResult(ResolvedScenario resolved, ScenarioMetrics baseline, ScenarioMetrics scenario,
            ScenarioDiff diff, CoverageReport baselineReport, CoverageReport scenarioReport, Provenance provenance) {
        this(resolved, baseline, scenario, diff, baselineReport, scenarioReport, provenance, java.util.Optional.empty(),
            java.util.Optional.empty());
    }
}

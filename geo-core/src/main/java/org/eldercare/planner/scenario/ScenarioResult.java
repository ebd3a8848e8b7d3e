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
 */
public record ScenarioResult(ResolvedScenario resolved, ScenarioMetrics baseline, ScenarioMetrics scenario,
        ScenarioDiff diff, CoverageReport baselineReport, CoverageReport scenarioReport, Provenance provenance) {}

/** What-if scenarios: a base PlanningData plus validated changes, re-run analyses and diffs. */
package org.eldercare.planner.scenario;

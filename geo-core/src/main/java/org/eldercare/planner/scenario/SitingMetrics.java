package org.eldercare.planner.scenario;

import java.util.List;
import org.eldercare.planner.siting.ExcludedCandidate;
import org.eldercare.planner.siting.ProposedSite;
import org.eldercare.planner.siting.RegionalSitingResult;

/**
 * Summary of one regional siting proposal (baseline or scenario) as saved in the metrics. Immutable.
 *
 * @param countyCode           12-digit county code
 * @param model                siting model id
 * @param travelMode           graph profile name ({@code drive}, {@code walk-0.76} …)
 * @param minutes              service travel time, minutes
 * @param status               solver status name (OPTIMAL, FEASIBLE, INFEASIBLE …)
 * @param objective            solver objective (model units; minutes × elderly for p-median)
 * @param sites                chosen site ids, in candidate order (copied)
 * @param totalElderly         elderly of the county's demand points
 * @param elderlyWithinMinutes elderly within {@code minutes} of a chosen site
 * @param excludedCandidates   distinct candidates a policy rule kept out (one failing several rules counts once)
 */
public record SitingMetrics(String countyCode, String model, String travelMode, double minutes, String status,
        double objective, List<String> sites, double totalElderly, double elderlyWithinMinutes,
        int excludedCandidates) {
    public SitingMetrics {
        sites = List.copyOf(sites);
    }

    static SitingMetrics of(RegionalSitingResult r) {
        return new SitingMetrics(r.countyCode(), r.model().id(), r.travelMode(), r.minutes(),
            r.siting().status().name(), r.siting().objective(), r.sites().stream().map(ProposedSite::siteId).toList(),
            r.totalElderly(), r.elderlyWithinMinutes(),
            (int) r.excluded().stream().map(ExcludedCandidate::siteId).distinct().count());
    }

    /** Share of the county's elderly within the minutes, 0–1 (1 when there are none). */
    public double coveredShare() {
        return totalElderly == 0 ? 1 : elderlyWithinMinutes / totalElderly;
    }
}

package org.eldercare.planner.siting;

import java.util.List;
import org.eldercare.planner.network.SnapProblem;

/**
 * A regional-institution proposal for one county: the solver's answer in minutes of travel, the sites with what they
 * serve, every policy rule applied (with citation and whether it was binding), every candidate a rule excluded, the
 * points the network could not place, and what coverage the proposal buys. Immutable.
 *
 * @param countyCode            12-digit county code
 * @param profileId             policy profile id
 * @param model                 siting model
 * @param travelMode            graph profile name (e.g. {@code drive}, {@code walk-0.76})
 * @param minutes               service travel time used for coverage, minutes
 * @param siting                the solver result on the minutes matrix (demand ids, site ids, status, gap …)
 * @param sites                 chosen sites, in candidate order
 * @param constraints           every regional rule the profile has, applied
 * @param excluded              candidates kept out by a rule
 * @param unsnappedDemand       demand points farther than the snap distance from the network (reported, never
 *                              dropped: with the fallback they get straight-line times, without it they are unserved)
 * @param unsnappedCandidates   candidate sites farther than the snap distance from the network
 * @param fallbackDemandIds     demand points whose time to their assigned site is a straight-line estimate
 * @param unservedDemandIds     demand points no eligible candidate can reach (counted in the total, never covered)
 * @param totalElderly          elderly of all demand points of the county
 * @param elderlyWithinMinutes  elderly within {@code minutes} of a chosen site
 * @param notes                 further findings, e.g. why no proposal exists
 */
public record RegionalSitingResult(String countyCode, String profileId, SitingModel model, String travelMode,
        double minutes, SitingResult siting, List<ProposedSite> sites, List<RuleConstraint> constraints,
        List<ExcludedCandidate> excluded, List<SnapProblem> unsnappedDemand, List<SnapProblem> unsnappedCandidates,
        List<String> fallbackDemandIds, List<String> unservedDemandIds, double totalElderly,
        double elderlyWithinMinutes, List<String> notes) {
    public RegionalSitingResult {
        sites = List.copyOf(sites);
        constraints = List.copyOf(constraints);
        excluded = List.copyOf(excluded);
        unsnappedDemand = List.copyOf(unsnappedDemand);
        unsnappedCandidates = List.copyOf(unsnappedCandidates);
        fallbackDemandIds = List.copyOf(fallbackDemandIds);
        unservedDemandIds = List.copyOf(unservedDemandIds);
        notes = List.copyOf(notes);
    }

    /** Share of the county's elderly within the service minutes of a chosen site, 0–1 (1 when there are none). */
    public double coveredShare() {
        return totalElderly == 0 ? 1 : elderlyWithinMinutes / totalElderly;
    }

    /** The applied rules that shaped the proposal. */
    public List<RuleConstraint> bindingConstraints() {
        return constraints.stream().filter(RuleConstraint::binding).toList();
    }
}

package org.eldercare.planner.circle;

import java.util.List;
import org.eldercare.planner.network.SnapProblem;

/**
 * Service areas for a set of facilities, plus the facilities that could not be placed on the network (reported, never
 * dropped silently; they have no area). Immutable.
 *
 * @param areas          areas in facility (or kind) order, then by increasing minutes
 * @param unsnapped      facilities farther than the snap distance from the network
 * @param mode           how the areas were combined
 * @param bufferMeters   half-width used around reached roads (0 for approximate circles)
 * @param approximate    true when drawn as Euclidean circles without a network
 * @param searchMillis   time spent in network searches, ms (diagnostics)
 * @param polygonMillis  time spent building polygons (from the reached pieces to the WGS84 output), ms (diagnostics)
 * @param searchCpuMillis  CPU time of the computing thread in the searches, ms (diagnostics: the steadier figure
 *                         on a loaded machine; NaN when the JVM cannot measure thread CPU time)
 * @param polygonCpuMillis CPU time of the computing thread building polygons, ms (diagnostics, as above)
 */
public record ServiceAreaResult(List<ServiceArea> areas, List<SnapProblem> unsnapped, CircleMode mode,
                                double bufferMeters, boolean approximate, double searchMillis, double polygonMillis,
                                double searchCpuMillis, double polygonCpuMillis) {
    public ServiceAreaResult {
        areas = List.copyOf(areas);
        unsnapped = List.copyOf(unsnapped);
    }

    /** Areas of one facility (or dissolved kind id), by increasing minutes. */
    public List<ServiceArea> listAreas(String id) {
        return areas.stream().filter(a -> a.id().equals(id)).toList();
    }
}

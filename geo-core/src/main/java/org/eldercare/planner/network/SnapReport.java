package org.eldercare.planner.network;

import java.util.List;

/**
 * Outcome of snapping a list of points: the snapped ones (with their input index) and the problems (too far from the
 * network). Every input point appears in exactly one of the two lists. Immutable.
 */
public record SnapReport(List<Snapped> snapped, List<SnapProblem> unsnapped) {
    public SnapReport {
        snapped = List.copyOf(snapped);
        unsnapped = List.copyOf(unsnapped);
    }

    /** A point placed on the network. */
    public record Snapped(String id, int index, Snap snap) {}
}

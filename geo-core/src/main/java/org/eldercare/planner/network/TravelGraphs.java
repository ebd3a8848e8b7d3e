package org.eldercare.planner.network;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eldercare.planner.model.RoadSegment;

/**
 * The one place that chooses and caches road graphs of one road layer: a graph per travel mode and (for walking) per
 * speed, each built once on first use ({@link RoadSegmentGraphBuilder}) and kept. {@link #route} turns a mode name and
 * the elderly walking speed into the graph AND the straight-line fallback speed for points off the network, so the
 * walking speed reaches both by one route.
 *
 * <p>Thread-safe: graphs are immutable and the cache is concurrent (a graph is built at most once per key).
 */
public final class TravelGraphs {
    /** Straight-line fallback speed for driving: 30 km/h, a county road with villages. */
    public static final double DRIVE_FALLBACK_MPS = 30 / 3.6;
    /** The mode names {@link #route} accepts. */
    public static final List<String> MODES = List.of("drive", "walk");

    private final List<RoadSegment> roads;
    private final Map<String, RoadGraph> graphs = new ConcurrentHashMap<>();

    /**
     * @param roads the road layer every graph is built from (kept, not copied: PlanningData lists are immutable)
     * @throws IllegalArgumentException when roads is missing
     */
    public TravelGraphs(List<RoadSegment> roads) {
        if (roads == null) {
            throw new IllegalArgumentException("roads: is required but missing");
        }
        this.roads = roads;
    }

    /**
     * A graph chosen for a travel mode and the fallback speed that goes with it.
     *
     * @param mode             {@code walk} or {@code drive}
     * @param graph            the road graph (costs in seconds)
     * @param fallbackSpeedMps straight-line speed for points off the network, m/s: the walking speed for walking,
     *                         {@value #DRIVE_FALLBACK_MPS} m/s for driving
     */
    public record Route(String mode, RoadGraph graph, double fallbackSpeedMps) {}

    /** The walking graph at {@code speedMps} (default steps factor and crossing penalty), built on first use. */
    public RoadGraph walk(double speedMps) {
        TravelProfile tp = TravelProfile.walk(speedMps);
        return graphs.computeIfAbsent("walk|" + speedMps, k -> RoadSegmentGraphBuilder.build(roads, tp));
    }

    /** The driving graph, built on first use. */
    public RoadGraph drive() {
        return graphs.computeIfAbsent("drive", k -> RoadSegmentGraphBuilder.build(roads, TravelProfile.drive()));
    }

    /**
     * The graph and fallback speed of {@code mode} ({@code walk} | {@code drive}, case-insensitive, blank = drive);
     * walking uses {@code walkSpeedMps} for both.
     *
     * @throws IllegalArgumentException naming {@code mode} when it is neither walk nor drive
     */
    public Route route(String mode, double walkSpeedMps) {
        String m = mode == null || mode.isBlank() ? "drive" : mode.strip().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "walk" -> new Route(m, walk(walkSpeedMps), walkSpeedMps);
            case "drive" -> new Route(m, drive(), DRIVE_FALLBACK_MPS);
            default -> throw new IllegalArgumentException("mode: must be walk or drive, was '" + mode + "'");
        };
    }

    /** How many graphs have been built so far (for tests of the cache). */
    public int builtCount() {
        return graphs.size();
    }
}

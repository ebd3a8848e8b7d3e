package org.eldercare.planner.network;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a mode of travel uses OSM-tagged roads: which ways are usable, in which directions, and how many seconds an
 * edge of a given length costs. Two modes:
 *
 * <ul>
 *   <li><b>WALK</b> (the 15-minute elderly-service circle). Usable: {@value #WALK_CLASSES_DOC}. Excluded:
 *       motorway / trunk (and their links) unless tagged {@code sidewalk=*} (not {@code no/none}) or
 *       {@code foot=yes/designated/permissive}; anything with {@code foot=no}; {@code access=no/private} without a
 *       foot permission. One-way tags are ignored (pedestrians walk both ways). Time = length / speed, times
 *       {@link #stepsFactor()} on {@code highway=steps} (older people climb stairs far slower than they walk), plus
 *       {@link #crossingPenaltySeconds()} for each {@code highway=crossing} / {@code crossing=*} node passed.</li>
 *   <li><b>DRIVE</b> (regional institutions). Speed per highway class ({@link #driveSpeedKmh(String)}), replaced by a
 *       numeric {@code maxspeed} (km/h, or {@code mph}); {@code oneway=yes/true/1} forward only, {@code -1/reverse}
 *       backward only, {@code junction=roundabout} and motorways one-way forward.</li>
 * </ul>
 *
 * <p>Ways tagged {@code area=yes} (pedestrian squares, campus roads drawn as areas): walking uses their outline
 * as a path when the way passes the same rules as any other (walkable class, no {@code foot=no}, no private access):
 * anyone may walk along the edge of a square they may walk on, so the outline is walkable for older people by the
 * profile's own rule. Crossing the interior is not modelled (that would need the area's polygon), so reach across a
 * square is underestimated, never overestimated. GraphHopper's foot profile routes the outline the same way (issue
 * 18). Driving skips {@code area=yes} ways (parking aisles drawn as areas are not streets).
 *
 * <p>Walking speed is a parameter in m/s (the policy profile supplies the default): presets
 * {@link #PLANNING_NORM_WALK_MPS} 1.0, {@link #ELDERLY_MEAN_WALK_MPS} 0.76 (measured mean, 65+),
 * {@link #FRAIL_WALK_MPS} 0.64. Immutable.
 */
public final class TravelProfile {
    /** Planning-norm walking speed, m/s. */
    public static final double PLANNING_NORM_WALK_MPS = 1.0;
    /** Measured mean walking speed of people aged 65+, m/s. */
    public static final double ELDERLY_MEAN_WALK_MPS = 0.76;
    /** Walking speed of frail elderly people, m/s. */
    public static final double FRAIL_WALK_MPS = 0.64;
    /** Default multiplier on walking time over steps. */
    public static final double DEFAULT_STEPS_FACTOR = 2.0;
    /** Default extra seconds for crossing a road at a tagged crossing. */
    public static final double DEFAULT_CROSSING_PENALTY_SECONDS = 10.0;

    static final String WALK_CLASSES_DOC = "footway, path, pedestrian, steps, living_street, residential, service, "
        + "unclassified, tertiary, secondary, primary (and links), track, cycleway, road, corridor, bridleway, "
        + "platform";

    private static final Set<String> WALKABLE = Set.of("footway", "path", "pedestrian", "steps", "living_street",
        "residential", "service", "unclassified", "tertiary", "tertiary_link", "secondary", "secondary_link",
        "primary", "primary_link", "track", "cycleway", "road", "corridor", "bridleway", "platform");
    private static final Set<String> WALK_IF_SIDEWALK = Set.of("motorway", "motorway_link", "trunk", "trunk_link");
    private static final Map<String, Double> DRIVE_KMH = Map.ofEntries(
        Map.entry("motorway", 100.0), Map.entry("motorway_link", 60.0), Map.entry("trunk", 80.0),
        Map.entry("trunk_link", 50.0), Map.entry("primary", 60.0), Map.entry("primary_link", 40.0),
        Map.entry("secondary", 50.0), Map.entry("secondary_link", 40.0), Map.entry("tertiary", 40.0),
        Map.entry("tertiary_link", 30.0), Map.entry("unclassified", 30.0), Map.entry("road", 30.0),
        Map.entry("residential", 25.0), Map.entry("service", 15.0), Map.entry("living_street", 10.0));

    /** Travel mode. */
    public enum Mode { WALK, DRIVE }

    private final Mode mode;
    private final double walkSpeedMps;
    private final double stepsFactor;
    private final double crossingPenaltySeconds;

    private TravelProfile(Mode mode, double walkSpeedMps, double stepsFactor, double crossingPenaltySeconds) {
        this.mode = mode;
        this.walkSpeedMps = walkSpeedMps;
        this.stepsFactor = stepsFactor;
        this.crossingPenaltySeconds = crossingPenaltySeconds;
    }

    /** Walking at {@code speedMps} with the default steps factor and crossing penalty. */
    public static TravelProfile walk(double speedMps) {
        return walk(speedMps, DEFAULT_STEPS_FACTOR, DEFAULT_CROSSING_PENALTY_SECONDS);
    }

    /**
     * Walking profile.
     *
     * @param speedMps               walking speed on the flat in m/s, in (0, 3]
     * @param stepsFactor            multiplier on time over steps, in [1, 10]
     * @param crossingPenaltySeconds extra seconds per tagged crossing node, in [0, 600]
     * @throws IllegalArgumentException naming the parameter when out of range
     */
    public static TravelProfile walk(double speedMps, double stepsFactor, double crossingPenaltySeconds) {
        if (!(speedMps > 0 && speedMps <= 3)) {
            throw new IllegalArgumentException("speedMps must be in (0, 3] m/s, was " + speedMps);
        }
        if (!(stepsFactor >= 1 && stepsFactor <= 10)) {
            throw new IllegalArgumentException("stepsFactor must be in [1, 10], was " + stepsFactor);
        }
        if (!(crossingPenaltySeconds >= 0 && crossingPenaltySeconds <= 600)) {
            throw new IllegalArgumentException("crossingPenaltySeconds must be in [0, 600] s, was "
                + crossingPenaltySeconds);
        }
        return new TravelProfile(Mode.WALK, speedMps, stepsFactor, crossingPenaltySeconds);
    }

    /** Driving with speeds per highway class and one-way restrictions. */
    public static TravelProfile drive() {
        return new TravelProfile(Mode.DRIVE, Double.NaN, 1, 0);
    }

    public Mode mode() {
        return mode;
    }

    /** Walking speed in m/s; NaN for DRIVE. */
    public double walkSpeedMps() {
        return walkSpeedMps;
    }

    public double stepsFactor() {
        return stepsFactor;
    }

    public double crossingPenaltySeconds() {
        return crossingPenaltySeconds;
    }

    /** E.g. {@code walk 0.76 m/s} or {@code drive}. */
    public String name() {
        return mode == Mode.WALK ? String.format(Locale.ROOT, "walk %.2f m/s", walkSpeedMps) : "drive";
    }

    /** Whether a way with these tags is part of the network for this profile. */
    public boolean accepts(Map<String, String> tags) {
        String hw = tags.get("highway");
        if (hw == null || (mode == Mode.DRIVE && "yes".equals(tags.get("area")))) {
            return false;
        }
        String access = tags.getOrDefault("access", "");
        if (mode == Mode.WALK) {
            String foot = tags.getOrDefault("foot", "");
            if (foot.equals("no")) {
                return false;
            }
            boolean footAllowed = foot.equals("yes") || foot.equals("designated") || foot.equals("permissive");
            if ((access.equals("no") || access.equals("private")) && !footAllowed) {
                return false;
            }
            if (WALKABLE.contains(hw)) {
                return true;
            }
            if (WALK_IF_SIDEWALK.contains(hw)) {
                return footAllowed || hasSidewalk(tags);
            }
            return false;
        }
        if (access.equals("no") || access.equals("private") || tags.getOrDefault("motor_vehicle", "").equals("no")) {
            return false;
        }
        return DRIVE_KMH.containsKey(hw);
    }

    private static boolean hasSidewalk(Map<String, String> tags) {
        for (String k : new String[] {"sidewalk", "sidewalk:both", "sidewalk:left", "sidewalk:right"}) {
            String v = tags.get(k);
            if (v != null && !v.equals("no") && !v.equals("none") && !v.equals("separate")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Seconds to travel {@code lengthMeters} along a way with these tags in its drawn direction, or -1 when that
     * direction is not allowed. Crossing penalties are not included (they belong to nodes; see
     * {@link #crossingPenaltySeconds()}).
     */
    public double forwardSeconds(Map<String, String> tags, double lengthMeters) {
        return seconds(tags, lengthMeters, true);
    }

    /** As {@link #forwardSeconds} against the drawn direction. */
    public double backwardSeconds(Map<String, String> tags, double lengthMeters) {
        return seconds(tags, lengthMeters, false);
    }

    private double seconds(Map<String, String> tags, double lengthMeters, boolean forward) {
        String hw = tags.getOrDefault("highway", "");
        if (mode == Mode.WALK) {
            double t = lengthMeters / walkSpeedMps;
            return hw.equals("steps") ? t * stepsFactor : t;
        }
        String oneway = tags.getOrDefault("oneway", "");
        boolean fwdOnly = oneway.equals("yes") || oneway.equals("true") || oneway.equals("1")
            || (oneway.isEmpty() && (tags.getOrDefault("junction", "").equals("roundabout") || hw.equals("motorway")));
        boolean bwdOnly = oneway.equals("-1") || oneway.equals("reverse");
        if ((forward && bwdOnly) || (!forward && fwdOnly)) {
            return -1;
        }
        double kmh = maxspeedKmh(tags.get("maxspeed"));
        if (Double.isNaN(kmh)) {
            kmh = driveSpeedKmh(hw);
        }
        return lengthMeters / (kmh / 3.6);
    }

    /** Default driving speed for a highway class in km/h (30 for classes not listed). */
    public static double driveSpeedKmh(String highway) {
        return DRIVE_KMH.getOrDefault(highway, 30.0);
    }

    /** Parses an OSM maxspeed ({@code 50}, {@code 30 mph}); NaN when absent or not numeric ({@code signals}). */
    static double maxspeedKmh(String maxspeed) {
        if (maxspeed == null) {
            return Double.NaN;
        }
        String s = maxspeed.strip().toLowerCase(Locale.ROOT);
        double factor = 1;
        if (s.endsWith("mph")) {
            factor = 1.609344;
            s = s.substring(0, s.length() - 3).strip();
        } else if (s.endsWith("km/h")) {
            s = s.substring(0, s.length() - 4).strip();
        }
        try {
            double v = Double.parseDouble(s) * factor;
            return v > 0 && v < 300 ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Whether a node with these tags is a road crossing that costs {@link #crossingPenaltySeconds()} to pass. */
    public boolean isCrossing(Map<String, String> nodeTags) {
        return mode == Mode.WALK && ("crossing".equals(nodeTags.get("highway")) || nodeTags.containsKey("crossing"));
    }

    /**
     * Whether walking may not pass through a node with these tags: {@code foot=no}, or {@code access=no/private}
     * without {@code foot=yes/designated/permissive} (e.g. a car-only gate, {@code barrier=entrance + foot=no}: issue
     * 18, the east gate of 圆明园 in the Haidian extract). The same rule as for ways; GraphHopper's foot profile blocks
     * such barrier nodes too. Always false for driving (node access for cars is not modelled).
     */
    public boolean blocksPassage(Map<String, String> nodeTags) {
        if (mode != Mode.WALK || nodeTags.isEmpty()) {
            return false;
        }
        String foot = nodeTags.getOrDefault("foot", "");
        if (foot.equals("no")) {
            return true;
        }
        boolean footAllowed = foot.equals("yes") || foot.equals("designated") || foot.equals("permissive");
        String access = nodeTags.getOrDefault("access", "");
        return (access.equals("no") || access.equals("private")) && !footAllowed;
    }

    @Override
    public String toString() {
        return name();
    }
}

package org.eldercare.planner.coverage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.InvalidValueException;

/**
 * Parameters of a {@link CoverageAnalysis} that are not in the policy profile. Immutable; validated on construction.
 *
 * @param walkSpeedMps     elderly walking speed in m/s, in (0, 3]; empty = the profile's {@code walk.elderlySpeedMps}.
 *                         The road graph must have been built at this speed ({@link CoverageNetwork#build})
 * @param bandsMinutes     travel-time bands in minutes, ascending, each in (0, 120]; empty list = the profile's bands
 *                         ({@code PolicyProfile.serviceCircleMinutesBands()}, 5/10/15 in every shipped profile). The
 *                         profile's service minutes are always added when missing
 * @param serviceKinds     facility kinds whose nearest one decides whether a demand point lies inside the 15-minute
 *                         service circle; non-empty (copied). Default: every kind
 * @param gapLinkMeters    spatial gaps: uncovered demand points closer than this many metres join one gap
 *                         (single-linkage), in (0, 10000]
 * @param gapBufferMeters  spatial gaps: radius in metres of the disc drawn around each uncovered demand point; the gap
 *                         polygon is the union of its points' discs, in (0, 5000]
 * @param clipGapsByServiceAreas spatial gaps: subtract the service circles (the {@code circle} package's dissolved
 *                         service-minute areas of every service kind) from the gap polygons, so a drawn gap never
 *                         overlaps a circle; a gap the circles would erase entirely keeps its discs. Default true
 */
public record CoverageOptions(OptionalDouble walkSpeedMps, List<Double> bandsMinutes, Set<FacilityKind> serviceKinds,
        double gapLinkMeters, double gapBufferMeters, boolean clipGapsByServiceAreas) {

    /** Default single-linkage distance of spatial gaps, metres. */
    public static final double DEFAULT_GAP_LINK_METERS = 300;
    /** Default disc radius around uncovered demand points, metres. */
    public static final double DEFAULT_GAP_BUFFER_METERS = 150;

    public CoverageOptions {
        if (walkSpeedMps == null) {
            throw new InvalidValueException("walkSpeedMps", null,
                "is required (use OptionalDouble.empty() for the profile's)");
        }
        if (walkSpeedMps.isPresent() && !(walkSpeedMps.getAsDouble() > 0 && walkSpeedMps.getAsDouble() <= 3)) {
            throw new InvalidValueException("walkSpeedMps", walkSpeedMps.getAsDouble(),
                "must be in (0, 3] m/s, was " + walkSpeedMps.getAsDouble());
        }
        if (bandsMinutes == null) {
            throw new InvalidValueException("bandsMinutes", null, "is required (empty list for the profile's bands)");
        }
        bandsMinutes = List.copyOf(bandsMinutes);
        double prev = 0;
        for (int i = 0; i < bandsMinutes.size(); i++) {
            double b = bandsMinutes.get(i);
            if (!(b > prev && b <= 120)) {
                throw new IllegalArgumentException("bandsMinutes[" + i + "] must be in (" + prev
                    + ", 120] (ascending, positive), was " + b);
            }
            prev = b;
        }
        if (serviceKinds == null || serviceKinds.isEmpty()) {
            throw new InvalidValueException("serviceKinds", serviceKinds,
                "must name at least one facility kind, was " + serviceKinds);
        }
        serviceKinds = Set.copyOf(serviceKinds);
        if (!(gapLinkMeters > 0 && gapLinkMeters <= 10_000)) {
            throw new InvalidValueException("gapLinkMeters", gapLinkMeters,
                "must be in (0, 10000] m, was " + gapLinkMeters);
        }
        if (!(gapBufferMeters > 0 && gapBufferMeters <= 5_000)) {
            throw new InvalidValueException("gapBufferMeters", gapBufferMeters,
                "must be in (0, 5000] m, was " + gapBufferMeters);
        }
    }

    /** Profile speed and bands, every facility kind, 300 m linkage, 150 m discs clipped by the service circles. */
    public static CoverageOptions defaults() {
        return new CoverageOptions(OptionalDouble.empty(), List.of(), EnumSet.allOf(FacilityKind.class),
            DEFAULT_GAP_LINK_METERS, DEFAULT_GAP_BUFFER_METERS, true);
    }

    /** The same options with clipping of gap polygons by the service circles on or off. */
    public CoverageOptions withClipGapsByServiceAreas(boolean clip) {
        return new CoverageOptions(walkSpeedMps, bandsMinutes, serviceKinds, gapLinkMeters, gapBufferMeters, clip);
    }

    /** The same options with another walking speed in m/s. */
    public CoverageOptions withWalkSpeedMps(double speedMps) {
        return new CoverageOptions(OptionalDouble.of(speedMps), bandsMinutes, serviceKinds, gapLinkMeters,
            gapBufferMeters, clipGapsByServiceAreas);
    }

    /** The same options with other bands (minutes, ascending). */
    public CoverageOptions withBandsMinutes(List<Double> bands) {
        return new CoverageOptions(walkSpeedMps, bands, serviceKinds, gapLinkMeters, gapBufferMeters,
            clipGapsByServiceAreas);
    }

    /** The same options with other service kinds. */
    public CoverageOptions withServiceKinds(Set<FacilityKind> kinds) {
        return new CoverageOptions(walkSpeedMps, bandsMinutes, kinds, gapLinkMeters, gapBufferMeters,
            clipGapsByServiceAreas);
    }

    /** The same options with other spatial-gap parameters (metres). */
    public CoverageOptions withGapMeters(double linkMeters, double bufferMeters) {
        return new CoverageOptions(walkSpeedMps, bandsMinutes, serviceKinds, linkMeters, bufferMeters,
            clipGapsByServiceAreas);
    }

    /** Bands to use: the given ones (or {@code profileBands} when none), plus {@code serviceMinutes}, ascending. */
    List<Double> effectiveBands(List<Double> profileBands, double serviceMinutes) {
        List<Double> b = new ArrayList<>(bandsMinutes.isEmpty() ? profileBands : bandsMinutes);
        if (!b.contains(serviceMinutes)) {
            b.add(serviceMinutes);
        }
        b.sort(Double::compare);
        return List.copyOf(b);
    }
}

package org.eldercare.planner.circle;

import java.util.ArrayList;
import java.util.List;
import org.eldercare.planner.model.InvalidValueException;

/**
 * Parameters of a service-area (15-minute circle) computation. Immutable; validated on construction.
 *
 * @param breaksMinutes   band limits in minutes, strictly increasing, each in (0, 240]; default 5, 10, 15
 * @param mode            how facilities combine
 * @param bufferMeters    half-width of the band drawn around reached road pieces, in [1, 500] m (default
 *                        {@value #DEFAULT_BUFFER_METERS}): how far from the reached road a door may lie and still count
 *                        as inside (measured from grid-cell centres, cells of a fifth of this); enclosed unreached
 *                        blocks wider than twice this stay holes. A planning assumption of this project, not a
 *                        policy figure (docs/network-and-circles.md)
 * @param maxSnapMeters   farthest a facility may lie from the network, in (0, 5000] m (default
 *                        {@value #DEFAULT_MAX_SNAP_METERS})
 * @param detourFactor    Euclidean fallback only: radius = speed × time × detourFactor, in (0, 1] (default
 *                        {@value #DEFAULT_DETOUR_FACTOR}, i.e. a network distance about 1.4× the straight line)
 * @param fallbackSpeedMps Euclidean fallback only (no network): walking speed in m/s, in (0, 3]; with a network the
 *                        graph's own profile speed applies
 */
public record ServiceAreaParams(List<Double> breaksMinutes, CircleMode mode, double bufferMeters, double maxSnapMeters,
                                double detourFactor, double fallbackSpeedMps) {
    public static final double DEFAULT_BUFFER_METERS = 50;
    public static final double DEFAULT_MAX_SNAP_METERS = 300;
    public static final double DEFAULT_DETOUR_FACTOR = 0.7;
    public static final List<Double> DEFAULT_BREAKS_MINUTES = List.of(5.0, 10.0, 15.0);

    public ServiceAreaParams {
        if (breaksMinutes == null || breaksMinutes.isEmpty()) {
            throw new InvalidValueException("breaksMinutes", breaksMinutes,
                "must hold at least one value, was " + breaksMinutes);
        }
        breaksMinutes = List.copyOf(new ArrayList<>(breaksMinutes));
        double prev = 0;
        for (double b : breaksMinutes) {
            if (!(b > prev && b <= 240)) {
                throw new InvalidValueException("breaksMinutes", breaksMinutes,
                    "must be strictly increasing values in (0, 240], was "
                    + breaksMinutes);
            }
            prev = b;
        }
        if (mode == null) {
            throw new InvalidValueException("mode", null, "is required (per-facility, dissolve or split)");
        }
        if (!(bufferMeters >= 1 && bufferMeters <= 500)) {
            throw new InvalidValueException("bufferMeters", bufferMeters, "must be in [1, 500] m, was " + bufferMeters);
        }
        if (!(maxSnapMeters > 0 && maxSnapMeters <= 5000)) {
            throw new InvalidValueException("maxSnapMeters", maxSnapMeters,
                "must be in (0, 5000] m, was " + maxSnapMeters);
        }
        if (!(detourFactor > 0 && detourFactor <= 1)) {
            throw new InvalidValueException("detourFactor", detourFactor, "must be in (0, 1], was " + detourFactor);
        }
        if (!(fallbackSpeedMps > 0 && fallbackSpeedMps <= 3)) {
            throw new InvalidValueException("fallbackSpeedMps", fallbackSpeedMps,
                "must be in (0, 3] m/s, was " + fallbackSpeedMps);
        }
    }

    /** Breaks 5/10/15 min, per facility, default buffer, snap and detour; fallback speed as given. */
    public static ServiceAreaParams defaults(double fallbackSpeedMps) {
        return new ServiceAreaParams(DEFAULT_BREAKS_MINUTES, CircleMode.PER_FACILITY, DEFAULT_BUFFER_METERS,
            DEFAULT_MAX_SNAP_METERS, DEFAULT_DETOUR_FACTOR, fallbackSpeedMps);
    }

    public ServiceAreaParams withBreaksMinutes(List<Double> breaks) {
        return new ServiceAreaParams(breaks, mode, bufferMeters, maxSnapMeters, detourFactor, fallbackSpeedMps);
    }

    public ServiceAreaParams withMode(CircleMode m) {
        return new ServiceAreaParams(breaksMinutes, m, bufferMeters, maxSnapMeters, detourFactor, fallbackSpeedMps);
    }

    public ServiceAreaParams withBufferMeters(double b) {
        return new ServiceAreaParams(breaksMinutes, mode, b, maxSnapMeters, detourFactor, fallbackSpeedMps);
    }

    public ServiceAreaParams withMaxSnapMeters(double s) {
        return new ServiceAreaParams(breaksMinutes, mode, bufferMeters, s, detourFactor, fallbackSpeedMps);
    }
}

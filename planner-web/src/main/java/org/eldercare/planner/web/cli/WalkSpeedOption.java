package org.eldercare.planner.web.cli;

import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.eldercare.planner.policy.PolicyProfile;
import picocli.CommandLine.Option;

/**
 * picocli mixin for {@code --walk-speed M_PER_S} (also {@code --speed-mps}): the elderly walking speed that overrides
 * the policy profile's {@code walk.elderlySpeedMps}.
 */
final class WalkSpeedOption {
    @Option(names = {"--walk-speed", "--speed-mps"}, converter = OptionRanges.Positive.class, paramLabel = "M_PER_S",
        description = "Elderly walking speed in m/s, (0, 3] (default: the profile's walk.elderlySpeedMps; presets 1.0 "
            + "planning norm, 0.76 mean 65+, 0.64 frail).")
    Double mps;

    /**
     * The speed given on the command line; empty when none was.
     *
     * @throws IllegalArgumentException naming {@code --walk-speed} when it is outside (0, 3]
     */
    OptionalDouble given() {
        if (mps == null) {
            return OptionalDouble.empty();
        }
        if (!(mps > 0 && mps <= 3)) {
            throw new IllegalArgumentException("--walk-speed must be in (0, 3] m/s, was " + mps);
        }
        return OptionalDouble.of(mps);
    }

    /** The speed given, else the elderly walking speed of the profile (resolved only then). */
    double orProfile(Supplier<PolicyProfile> profile) {
        OptionalDouble g = given();
        return g.isPresent() ? g.getAsDouble() : profile.get().elderlyWalkSpeedMps();
    }
}

package org.eldercare.planner.web.cli;

import picocli.CommandLine.Option;

/**
 * picocli mixin for {@code --max-snap-m METRES} (also {@code --max-snap}): the farthest a facility, demand point or
 * candidate may lie from the road network and still be snapped to it.
 */
final class MaxSnapOption {
    @Option(names = {"--max-snap-m", "--max-snap"}, converter = OptionRanges.NonNegative.class, paramLabel = "METRES", defaultValue = "300",
        description = "Farthest a facility or demand point may lie from the road network, metres "
            + "(default ${DEFAULT-VALUE}).")
    double meters;
}

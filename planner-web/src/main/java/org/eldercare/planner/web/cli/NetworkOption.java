package org.eldercare.planner.web.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.planning.NetworkFiles;
import picocli.CommandLine.Option;

/**
 * picocli mixin for the walking network of a command: {@code --network FILE [--network-layer NAME]}, or
 * {@code --no-network} for approximate Euclidean circles; exactly one of the two.
 */
final class NetworkOption {
    @Option(names = "--network", paramLabel = "FILE",
        description = "road network: .osm, .osm.pbf, or roads as .geojson/.gpkg/.csv lines with OSM-style tags")
    Path network;

    @Option(names = "--network-layer", paramLabel = "NAME", description = "layer of a multi-layer network file")
    String networkLayer;

    @Option(names = "--no-network", description = "no network: approximate Euclidean circles (radius = speed x time x detour)")
    boolean noNetwork;

    /**
     * Checks that exactly one of {@code --network} and {@code --no-network} was given.
     *
     * @throws IllegalArgumentException naming the options otherwise
     */
    void validate() {
        if (network == null && !noNetwork) {
            throw new IllegalArgumentException("--network is required (or --no-network for approximate circles)");
        }
        if (networkLayer != null && network == null) {
            throw new IllegalArgumentException("--network-layer names a layer of --network, which is missing");
        }
        if (network != null && noNetwork) {
            throw new IllegalArgumentException("--network and --no-network exclude each other");
        }
    }

    /** The walking graph of {@code --network} at {@code speedMps}, or null with {@code --no-network}. */
    RoadGraph walkGraph(double speedMps) throws IOException {
        return noNetwork ? null : NetworkFiles.walkGraph(network, networkLayer, speedMps);
    }
}

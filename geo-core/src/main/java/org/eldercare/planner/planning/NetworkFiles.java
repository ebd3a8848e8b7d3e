package org.eldercare.planner.planning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.circle.ServiceAreaCalculator;
import org.eldercare.planner.circle.ServiceAreaParams;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.io.osm.OsmPbfReader;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.network.OsmGraphBuilder;
import org.eldercare.planner.network.PgRoutingEdgeReader;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.TravelGraphs;
import org.eldercare.planner.network.TravelProfile;

/**
 * A road graph read straight from a network file, for commands that work on files rather than a loaded
 * {@code PlanningData}: OSM XML or PBF through {@link OsmGraphBuilder}, otherwise road lines with OSM-style tags
 * (.geojson/.gpkg/.csv) through {@link TravelGraphs}; a pgRouting edge table; and the service circles of facilities
 * read from files on such a graph. Stateless.
 */
public final class NetworkFiles {
    private NetworkFiles() {}

    /** The walking graph of {@code file} at {@code speedMps}. @throws IOException when the file cannot be read */
    public static RoadGraph walkGraph(Path file, double speedMps) throws IOException {
        return graph(file, null, TravelProfile.walk(speedMps));
    }

    /** The walking graph of layer {@code layer} of {@code file} (see {@link #graph(Path, String, TravelProfile)}). */
    public static RoadGraph walkGraph(Path file, String layer, double speedMps) throws IOException {
        return graph(file, layer, TravelProfile.walk(speedMps));
    }

    /** The graph of {@code file} for a travel profile (walking at its speed, or driving). */
    public static RoadGraph graph(Path file, TravelProfile profile) throws IOException {
        return graph(file, null, profile);
    }

    /**
     * The graph of layer {@code layer} of {@code file} (null: its only layer; for OSM files the ways, which can also
     * be named {@code roads}) for a travel profile.
     *
     * @throws IllegalArgumentException when the layer does not exist (naming the layers there are)
     * @throws IOException              when the file cannot be read
     */
    public static RoadGraph graph(Path file, String layer, TravelProfile profile) throws IOException {
        LayerFiles.Format format = LayerFiles.detect(file);
        boolean osm = format == LayerFiles.Format.OSM_XML || format == LayerFiles.Format.OSM_PBF;
        if (osm && layer != null && !layer.equals("roads")) {
            throw new IllegalArgumentException("layer: an OSM file's network is its ways (layer roads), not '"
                + layer + "'");
        }
        return switch (format) {
            case OSM_XML -> OsmGraphBuilder.fromOsmXml(file, profile);
            case OSM_PBF -> {
                OsmGraphBuilder b = new OsmGraphBuilder(profile);
                OsmPbfReader.read(file, b);
                yield b.graph();
            }
            default -> {
                TravelGraphs tg = new TravelGraphs(LayerMapper.defaults().roads(
                    LayerFiles.readLayer(file, layer, ReadOptions.defaults())));
                yield profile.mode() == TravelProfile.Mode.WALK ? tg.walk(profile.walkSpeedMps()) : tg.drive();
            }
        };
    }

    /** The graph of a pgRouting edge table (CSV: id, source, target, cost, reverse_cost). */
    public static RoadGraph pgRoutingGraph(Path edges, boolean undirected) throws IOException {
        return PgRoutingEdgeReader.read(edges, undirected);
    }

    /**
     * Service circles of {@code facilities} on {@code graph}, or approximate Euclidean circles when {@code graph} is
     * null ({@link ServiceAreaCalculator}).
     */
    public static ServiceAreaResult circles(RoadGraph graph, List<Facility> facilities, ServiceAreaParams params) {
        return ServiceAreaCalculator.compute(graph, facilities, params);
    }
}

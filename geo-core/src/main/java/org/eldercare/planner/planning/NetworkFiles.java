package org.eldercare.planner.planning;

import java.io.IOException;
import java.nio.file.Path;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.io.osm.OsmPbfReader;
import org.eldercare.planner.network.OsmGraphBuilder;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.TravelGraphs;
import org.eldercare.planner.network.TravelProfile;

/**
 * A road graph read straight from a network file, for commands that work on files rather than a loaded
 * {@code PlanningData}: OSM XML or PBF through {@link OsmGraphBuilder}, otherwise road lines with OSM-style tags
 * (.geojson/.gpkg/.csv) through {@link TravelGraphs}. Stateless.
 */
public final class NetworkFiles {
    private NetworkFiles() {}

    /** The walking graph of {@code file} at {@code speedMps}. @throws IOException when the file cannot be read */
    public static RoadGraph walkGraph(Path file, double speedMps) throws IOException {
        TravelProfile walk = TravelProfile.walk(speedMps);
        return switch (LayerFiles.detect(file)) {
            case OSM_XML -> OsmGraphBuilder.fromOsmXml(file, walk);
            case OSM_PBF -> {
                OsmGraphBuilder b = new OsmGraphBuilder(walk);
                OsmPbfReader.read(file, b);
                yield b.graph();
            }
            default -> new TravelGraphs(LayerMapper.defaults().roads(
                LayerFiles.readLayer(file, null, ReadOptions.defaults()))).walk(speedMps);
        };
    }
}

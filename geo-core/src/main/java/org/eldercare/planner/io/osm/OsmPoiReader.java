package org.eldercare.planner.io.osm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eldercare.planner.io.Feature;

/**
 * Reads the points of interest of an OSM file ({@code .osm} or {@code .osm.pbf}): nodes and closed ways tagged
 * {@code amenity}, {@code healthcare}, {@code social_facility}, {@code place} or {@code office=government}, as WGS84
 * {@link Feature}s (see {@link OsmFeatureCollector} for ids and properties). Map them to facilities with
 * {@code LayerMapper} and an attribute mapping.
 */
public final class OsmPoiReader {
    private OsmPoiReader() {}

    public static List<Feature> read(Path file) throws IOException {
        return collect(file).pois();
    }

    /** Streams the file (XML or PBF by extension) through a new {@link OsmFeatureCollector} and returns it. */
    public static OsmFeatureCollector collect(Path file) throws IOException {
        return collect(file, null);
    }

    /** As {@link #collect(Path)}, keeping only what lies in {@code clip} (null: everything). */
    public static OsmFeatureCollector collect(Path file, OsmClip clip) throws IOException {
        OsmFeatureCollector c = new OsmFeatureCollector(clip);
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".pbf")) {
            OsmPbfReader.read(file, c);
        } else {
            OsmXmlReader.read(file, c);
        }
        return c;
    }
}

package org.eldercare.planner.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eldercare.planner.crs.Crs;
import org.locationtech.jts.geom.Envelope;

/**
 * One layer as read from a file: its name, the CRS the file was in, and its features with geometries already in WGS84
 * lon/lat (SRID 4326), or null geometries for attribute-only rows. Immutable.
 *
 * @param source    where it was read from (file path), named in problems
 * @param name      layer name (file base name, GeoPackage table, or {@code roads}/{@code pois} for OSM)
 * @param sourceCrs the CRS the coordinates were read in (and converted from)
 * @param features  features in file order
 */
public record FeatureLayer(String source, String name, Crs sourceCrs, List<Feature> features) {
    public FeatureLayer {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceCrs, "sourceCrs");
        features = List.copyOf(features);
    }

    public int size() {
        return features.size();
    }

    /** Number of features per geometry type ({@code Point}, {@code MultiPolygon}, … or {@code none}), sorted by type. */
    public Map<String, Integer> geometryTypes() {
        Map<String, Integer> m = new TreeMap<>();
        for (Feature f : features) {
            m.merge(f.geometry() == null ? "none" : f.geometry().getGeometryType(), 1, Integer::sum);
        }
        return m;
    }

    /** WGS84 envelope of all geometries (null envelope when there are none). */
    public Envelope envelope() {
        Envelope e = new Envelope();
        for (Feature f : features) {
            if (f.geometry() != null) {
                e.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        }
        return e;
    }

    /** Property names in first-seen order over all features. */
    public List<String> propertyNames() {
        var seen = new java.util.LinkedHashSet<String>();
        for (Feature f : features) {
            seen.addAll(f.properties().keySet());
        }
        return new ArrayList<>(seen);
    }
}

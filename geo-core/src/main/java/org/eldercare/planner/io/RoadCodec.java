package org.eldercare.planner.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eldercare.planner.io.FeatureValues.Props;
import org.eldercare.planner.model.RoadSegment;
import org.locationtech.jts.geom.LineString;

/** The {@code roads} layer: one feature to a {@link RoadSegment} and back, through the {@link AttributeMapping}. */
final class RoadCodec {
    private RoadCodec() {}

    /** The record of one feature, or null when the feature has problems (recorded in the row). */
    static RoadSegment read(FeatureRow r) {
        String id = r.text("id", true);
        LineString line = r.line();
        Map<String, String> tags = new LinkedHashMap<>();
        for (var e : r.feature.properties().entrySet()) {
            if (e.getValue() != null && !e.getKey().equals(r.used.get("id")) && !e.getKey().equals("@id")
                && !e.getKey().equals("@type")) {
                tags.put(e.getKey(), FeatureValues.stringOf(e.getValue()));
            }
        }
        String highway = r.text("highway", false);   // the road class, also from a mapped column (fclass, …)
        if (highway != null) {
            tags.put("highway", highway);
        }
        return r.ok() ? new RoadSegment(id, line, tags) : null;
    }

    /** The feature of one record, properties under the mapping's output names. */
    static Feature write(AttributeMapping mapping, RoadSegment r) {
        Props p = new Props(mapping, LayerKind.ROADS);
        p.put("id", r.id());
        new java.util.TreeMap<>(r.tags()).forEach(p.map::put);
        return new Feature(r.id(), r.geometry(), p.map);
    }
}

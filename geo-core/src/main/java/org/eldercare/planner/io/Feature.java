package org.eldercare.planner.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A generic feature as read from a file: id (may be empty), geometry (may be null for attribute-only rows) and
 * properties in source order. Property values are String, Number, Boolean, List or Map (as in JSON). Immutable.
 */
public record Feature(String id, Geometry geometry, Map<String, Object> properties) {
    public Feature {
        id = id == null ? "" : id;
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(properties)));
    }
}

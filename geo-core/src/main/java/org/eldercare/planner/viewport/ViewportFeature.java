package org.eldercare.planner.viewport;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One item of a {@link ViewportIndex} answer: the item itself, its position in the indexed list, and the geometry to
 * draw (the original, or a simplified copy for the zoom level asked for). Immutable when the item is.
 *
 * @param item     the indexed item, unchanged
 * @param index    position of the item in the list the index was built from (0-based)
 * @param geometry geometry to draw, WGS84 lon/lat; never empty
 */
public record ViewportFeature<T>(T item, int index, Geometry geometry) {
    public ViewportFeature {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(geometry, "geometry");
    }
}

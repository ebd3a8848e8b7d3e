package org.eldercare.planner.display;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One item of a {@link DisplayIndex} answer: the item itself, its position in the indexed list, and the geometry to
 * draw (the original, or a simplified copy for the zoom level asked for). Immutable when the item is.
 *
 * @param item     the indexed item, unchanged
 * @param index    position of the item in the list the index was built from (0-based)
 * @param geometry geometry to draw, WGS84 lon/lat; never empty
 */
public record DisplayFeature<T>(T item, int index, Geometry geometry) {
    public DisplayFeature {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(geometry, "geometry");
    }
}

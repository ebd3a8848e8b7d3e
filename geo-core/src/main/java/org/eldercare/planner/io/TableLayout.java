package org.eldercare.planner.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.crs.CrsTransform;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;

/**
 * The columns of features written as a table (CSV, Excel), the same for both writers so that either file reads back
 * through {@link TableRows}: {@code id} (when features have ids and no {@code id} property), every property in
 * first-seen order, then the geometry: {@code lon,lat} when every geometry is a point (or {@code x,y} in a projected
 * target CRS), else one {@code wkt} column; none when no feature has a geometry. Immutable.
 */
final class TableLayout {
    private final List<String> header;
    private final List<String> props;
    private final boolean idColumn;
    private final boolean anyGeometry;
    private final boolean allPoints;
    private final CrsTransform toTarget;
    private final WKTWriter wkt = new WKTWriter();

    private TableLayout(List<String> header, List<String> props, boolean idColumn, boolean anyGeometry,
            boolean allPoints, CrsTransform toTarget) {
        this.header = List.copyOf(header);
        this.props = List.copyOf(props);
        this.idColumn = idColumn;
        this.anyGeometry = anyGeometry;
        this.allPoints = allPoints;
        this.toTarget = toTarget;
    }

    static TableLayout of(List<Feature> features, Crs target) {
        boolean anyGeometry = false;
        boolean allPoints = true;
        boolean anyId = false;
        LinkedHashSet<String> props = new LinkedHashSet<>();
        for (Feature f : features) {
            props.addAll(f.properties().keySet());
            anyId |= !f.id().isEmpty();
            if (f.geometry() != null) {
                anyGeometry = true;
                allPoints &= f.geometry() instanceof Point;
            }
        }
        boolean idColumn = anyId && !props.contains("id");
        List<String> header = new ArrayList<>();
        if (idColumn) {
            header.add("id");
        }
        header.addAll(props);
        if (anyGeometry) {
            if (allPoints) {
                header.add(target.isGeographic() ? "lon" : "x");
                header.add(target.isGeographic() ? "lat" : "y");
            } else {
                header.add("wkt");
            }
        }
        return new TableLayout(header, new ArrayList<>(props), idColumn, anyGeometry, allPoints,
            CrsTransform.of(Crs.WGS84, target));
    }

    List<String> header() {
        return header;
    }

    /** The values of one feature in header order: property values as they are, coordinates as Doubles, WKT text. */
    List<Object> row(Feature f) {
        List<Object> row = new ArrayList<>(header.size());
        if (idColumn) {
            row.add(f.id());
        }
        for (String p : props) {
            row.add(f.properties().get(p));
        }
        if (anyGeometry) {
            Geometry g = f.geometry() == null || toTarget.isIdentity() ? f.geometry() : toTarget.transform(f.geometry());
            if (allPoints) {
                row.add(g == null ? null : ((Point) g).getX());
                row.add(g == null ? null : ((Point) g).getY());
            } else {
                row.add(g == null ? null : wkt.write(g));
            }
        }
        return row;
    }
}

package org.eldercare.planner.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.crs.CrsTransform;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A table (header row, then rows of text cells) to a {@link FeatureLayer}: what {@link CsvReader} and
 * {@link XlsxReader} share. Geometry from point columns (detected {@code lon, lng, longitude, 经度} with
 * {@code lat, latitude, 纬度}, or named in {@link ReadOptions}) or one WKT column ({@code wkt, geometry, geom,
 * the_geom, shape}); a table without any is attributes only. Coordinates in {@link ReadOptions#crs()} (default WGS84)
 * are converted to WGS84. Cells stay text ({@link LayerMapper} parses them); a column {@code id} gives the feature id
 * and must be unique. Every problem is collected and thrown together as one {@link ReadException}; features are
 * labelled {@code #<0-based row index> (<where>)}, e.g. {@code (line 5)} or {@code (sheet 设施 row 5)}. Stateless.
 */
final class TableRows {
    private static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "经度");
    private static final List<String> LAT_NAMES = List.of("lat", "latitude", "纬度");
    private static final List<String> WKT_NAMES = List.of("wkt", "geometry", "geom", "the_geom", "shape");

    /** One row: where it is in the source (for messages), its cells, and whether reading it already failed. */
    record Row(String where, List<String> fields, boolean broken) {}

    private TableRows() {}

    /** The layer of {@code rows} (the first is the header); problems go to {@code problems}, thrown at the end. */
    static FeatureLayer toLayer(List<Row> rows, Problems problems, String source, String layerName,
            ReadOptions options) {
        Row header = rows.get(0);
        List<String> names = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < header.fields().size(); c++) {
            String n = header.fields().get(c).strip();
            if (c == 0 && n.startsWith("\uFEFF")) {
                n = n.substring(1);
            }
            if (n.isEmpty()) {
                problems.add(null, "header", "column " + (c + 1) + " has an empty name (" + header.where() + ")");
            } else if (index.putIfAbsent(n, c) != null) {
                problems.add(null, n, "duplicate column name '" + n + "' in the header (" + header.where() + ")");
            }
            names.add(n);
        }
        Crs crs = options.crs().orElse(Crs.WGS84);
        Integer lonCol = null;
        Integer latCol = null;
        Integer wktCol = null;
        if (options.lonColumn().isPresent()) {
            lonCol = required(index, options.lonColumn().get(), problems);
            latCol = required(index, options.latColumn().orElseThrow(), problems);
        } else if (options.wktColumn().isPresent()) {
            wktCol = required(index, options.wktColumn().get(), problems);
        } else {
            lonCol = detect(names, LON_NAMES);
            latCol = detect(names, LAT_NAMES);
            if (lonCol == null || latCol == null) {
                lonCol = null;
                latCol = null;
                wktCol = detect(names, WKT_NAMES);
            }
        }
        problems.throwIfAny();
        Integer idCol = detect(names, List.of("id"));
        String pointField = lonCol == null ? null : names.get(lonCol) + "/" + names.get(latCol);
        GeometryFactory sourceFactory = new GeometryFactory(new PrecisionModel(), crs.srid());
        WKTReader wkt = new WKTReader(sourceFactory);
        CrsTransform toWgs84 = CrsTransform.of(crs, Crs.WGS84);
        List<Feature> out = new ArrayList<>();
        Map<String, Integer> seenIds = new HashMap<>();
        int row = 0;
        for (int r = 1; r < rows.size(); r++) {
            Row rec = rows.get(r);
            if (rec.fields().size() == 1 && rec.fields().get(0).isEmpty() && names.size() > 1) {
                continue; // blank line
            }
            String id = idCol != null && idCol < rec.fields().size() ? rec.fields().get(idCol).strip() : "";
            String label = "#" + row + (id.isEmpty() ? "" : " '" + id + "'") + " (" + rec.where() + ")";
            row++;
            if (rec.broken()) {
                continue; // quoting problem already reported
            }
            if (rec.fields().size() != names.size()) {
                problems.add(label, "columns", "has " + rec.fields().size() + " fields but the header has " + names.size());
                continue;
            }
            if (!id.isEmpty()) {
                Integer first = seenIds.putIfAbsent(id, row - 1);
                if (first != null) {
                    problems.add(label, names.get(idCol), "duplicate id '" + id + "' (first at #" + first + ")");
                }
            }
            Geometry g = null;
            if (lonCol != null) {
                String xs = rec.fields().get(lonCol).strip();
                String ys = rec.fields().get(latCol).strip();
                if (!(xs.isEmpty() && ys.isEmpty())) {
                    Double x = number(xs, label, names.get(lonCol), problems);
                    Double y = number(ys, label, names.get(latCol), problems);
                    if (x == null || y == null) {
                        continue;
                    }
                    g = sourceFactory.createPoint(new Coordinate(x, y));
                }
            } else if (wktCol != null) {
                String w = rec.fields().get(wktCol).strip();
                if (!w.isEmpty()) {
                    try {
                        g = wkt.read(w);
                    } catch (ParseException | IllegalArgumentException e) {
                        problems.add(label, names.get(wktCol), "invalid WKT: " + e.getMessage());
                        continue;
                    }
                }
            }
            if (g != null) {
                int before = problems.size();
                String field = pointField != null ? pointField : names.get(wktCol);
                g = Coordinates.toWgs84(g, crs, toWgs84, options.chinaExtent(), problems, label, field);
                if (problems.size() > before) {
                    continue;
                }
            }
            Map<String, Object> props = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                if (!Integer.valueOf(c).equals(lonCol) && !Integer.valueOf(c).equals(latCol)
                    && !Integer.valueOf(c).equals(wktCol)) {
                    props.put(names.get(c), rec.fields().get(c));
                }
            }
            out.add(new Feature(id, g, props));
        }
        problems.throwIfAny();
        return new FeatureLayer(source, layerName, crs, out);
    }

    static Integer required(Map<String, Integer> index, String name, Problems problems) {
        Integer c = index.get(name);
        if (c == null) {
            problems.add(null, name, "missing required column '" + name + "'; header has " + index.keySet());
        }
        return c;
    }

    static Integer detect(List<String> names, List<String> candidates) {
        for (String cand : candidates) {
            for (int c = 0; c < names.size(); c++) {
                if (names.get(c).toLowerCase(Locale.ROOT).equals(cand)) {
                    return c;
                }
            }
        }
        return null;
    }

    static Double number(String s, String label, String field, Problems problems) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                problems.add(label, field, "must be a finite number, was '" + s + "'");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(label, field, s.isEmpty() ? "is empty while the other coordinate is given"
                : "must be a number, was '" + s + "'");
            return null;
        }
    }

}

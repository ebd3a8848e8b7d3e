package org.eldercare.planner.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Reads a CSV table (RFC 4180: comma-separated, header row, fields optionally in double quotes with {@code ""} for a
 * quote, line breaks allowed inside quotes, CRLF or LF) in UTF-8 with or without a byte-order mark into a
 * {@link FeatureLayer}.
 *
 * <p>Geometry: point columns (longitude/latitude, or easting/northing in a projected CRS) or one WKT column. Unless
 * named in {@link ReadOptions}, they are detected from the header: {@code lon, lng, longitude, 经度} with
 * {@code lat, latitude, 纬度}; else {@code wkt, geometry, geom, the_geom}. A table without any is read as attributes
 * only (null geometries), e.g. pgRouting's {@code edges.csv}. A row with both coordinates empty has a null geometry.
 * Coordinates are in {@link ReadOptions#crs()} (default WGS84) and converted to WGS84.
 *
 * <p>Values are kept as strings ({@link LayerMapper} parses them); geometry columns are not kept as properties. A column
 * named {@code id} (any case) gives the feature id and must be unique.
 *
 * <p>Errors: every problem is collected (bad quoting, wrong field count, unparsable or implausible coordinates,
 * missing named columns, duplicate header names, duplicate ids, invalid UTF-8, empty file) and thrown together as one
 * {@link ReadException}; features are labelled {@code #<0-based row index> (line <n>)}. Stateless; THREAD-SAFE.
 */
public final class CsvReader {
    private static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "经度");
    private static final List<String> LAT_NAMES = List.of("lat", "latitude", "纬度");
    private static final List<String> WKT_NAMES = List.of("wkt", "geometry", "geom", "the_geom", "shape");

    private CsvReader() {}

    public static FeatureLayer read(Path file) throws IOException {
        return read(file, ReadOptions.defaults());
    }

    public static FeatureLayer read(Path file, ReadOptions options) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), GeoJsonReader.layerName(file), options);
        }
    }

    /** Reads from a stream; {@code source} names the file in problems. */
    public static FeatureLayer read(InputStream in, String source, String layerName, ReadOptions options)
            throws IOException {
        Problems problems = new Problems(source);
        List<Record> records = parse(in, problems);
        if (records.isEmpty()) {
            problems.throwIfAny();
            throw new ReadException(source, null, "header", "empty file: expected a header row");
        }
        Record header = records.get(0);
        List<String> names = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < header.fields.size(); c++) {
            String n = header.fields.get(c).strip();
            if (c == 0 && n.startsWith("\uFEFF")) {
                n = n.substring(1);
            }
            if (n.isEmpty()) {
                problems.add(null, "header", "column " + (c + 1) + " has an empty name (line " + header.line + ")");
            } else if (index.putIfAbsent(n, c) != null) {
                problems.add(null, n, "duplicate column name '" + n + "' in the header (line " + header.line + ")");
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
        for (int r = 1; r < records.size(); r++) {
            Record rec = records.get(r);
            if (rec.fields.size() == 1 && rec.fields.get(0).isEmpty() && names.size() > 1) {
                continue; // blank line
            }
            String id = idCol != null && idCol < rec.fields.size() ? rec.fields.get(idCol).strip() : "";
            String label = "#" + row + (id.isEmpty() ? "" : " '" + id + "'") + " (line " + rec.line + ")";
            row++;
            if (rec.broken) {
                continue; // quoting problem already reported
            }
            if (rec.fields.size() != names.size()) {
                problems.add(label, "columns", "has " + rec.fields.size() + " fields but the header has " + names.size());
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
                String xs = rec.fields.get(lonCol).strip();
                String ys = rec.fields.get(latCol).strip();
                if (!(xs.isEmpty() && ys.isEmpty())) {
                    Double x = number(xs, label, names.get(lonCol), problems);
                    Double y = number(ys, label, names.get(latCol), problems);
                    if (x == null || y == null) {
                        continue;
                    }
                    g = sourceFactory.createPoint(new Coordinate(x, y));
                }
            } else if (wktCol != null) {
                String w = rec.fields.get(wktCol).strip();
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
                    props.put(names.get(c), rec.fields.get(c));
                }
            }
            out.add(new Feature(id, g, props));
        }
        problems.throwIfAny();
        return new FeatureLayer(source, layerName, crs, out);
    }

    /** The header names of a CSV file (BOM stripped), for inspection; empty list for an empty file. */
    public static List<String> header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Problems p = new Problems(file.toString());
            List<Record> rs = parse(in, p);
            if (rs.isEmpty()) {
                return List.of();
            }
            List<String> h = new ArrayList<>(rs.get(0).fields);
            if (!h.isEmpty() && h.get(0).startsWith("\uFEFF")) {
                h.set(0, h.get(0).substring(1));
            }
            return h;
        }
    }

    private static Integer required(Map<String, Integer> index, String name, Problems problems) {
        Integer c = index.get(name);
        if (c == null) {
            problems.add(null, name, "missing required column '" + name + "'; header has " + index.keySet());
        }
        return c;
    }

    private static Integer detect(List<String> names, List<String> candidates) {
        for (String cand : candidates) {
            for (int c = 0; c < names.size(); c++) {
                if (names.get(c).toLowerCase(Locale.ROOT).equals(cand)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static Double number(String s, String label, String field, Problems problems) {
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

    /** One CSV record with the line it starts on; {@code broken} after a quoting error. */
    private static final class Record {
        final int line;
        final List<String> fields = new ArrayList<>();
        boolean broken;

        Record(int line) {
            this.line = line;
        }
    }

    /** RFC 4180 state machine; quoting errors are reported (naming the column number) and mark the record broken. */
    private static List<Record> parse(InputStream in, Problems problems) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Record> records = new ArrayList<>();
        int line = 1;
        try (Reader r = new java.io.BufferedReader(new InputStreamReader(in, decoder))) {
            int ch = r.read();
            if (ch == '\uFEFF') {
                ch = r.read();
            }
            if (ch == -1) {
                return records;
            }
            Record rec = new Record(line);
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean afterQuote = false;
            int quoteLine = 0;
            while (true) {
                if (ch == -1) {
                    if (quoted) {
                        problems.add(rowLabel(records, rec.line), column(records, rec.fields.size()),
                            "unterminated quoted field opened on line " + quoteLine);
                        rec.broken = true;
                    }
                    rec.fields.add(field.toString());
                    if (!(rec.fields.size() == 1 && rec.fields.get(0).isEmpty())) {
                        records.add(rec);
                    }
                    break;
                }
                char c = (char) ch;
                if (quoted) {
                    if (c == '"') {
                        int next = r.read();
                        if (next == '"') {
                            field.append('"');
                            ch = r.read();
                            continue;
                        }
                        quoted = false;
                        afterQuote = true;
                        ch = next;
                        continue;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                    ch = r.read();
                    continue;
                }
                if (c == ',') {
                    rec.fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\r' || c == '\n') {
                    rec.fields.add(field.toString());
                    field.setLength(0);
                    records.add(rec);
                    line++;
                    rec = new Record(line);
                    afterQuote = false;
                    if (c == '\r') {
                        int next = r.read();
                        if (next != '\n') { // a lone CR ends the record too; next is the next record's first char
                            ch = next;
                            continue;
                        }
                    }
                } else if (c == '"') {
                    if (field.length() == 0 && !afterQuote) {
                        quoted = true;
                        quoteLine = line;
                    } else {
                        problems.add(rowLabel(records, line), column(records, rec.fields.size()),
                            "stray double quote inside an unquoted field (RFC 4180: quote the whole field and "
                                + "double inner quotes)");
                        rec.broken = true;
                        field.append(c);
                    }
                } else {
                    if (afterQuote) {
                        problems.add(rowLabel(records, line), column(records, rec.fields.size()),
                            "text after the closing quote of a quoted field");
                        rec.broken = true;
                        afterQuote = false;
                    }
                    field.append(c);
                }
                ch = r.read();
            }
        } catch (CharacterCodingException e) {
            throw new ReadException(problems.file(), null, "encoding",
                "not valid UTF-8 (near line " + line + "); save the file as UTF-8: " + e);
        }
        return records;
    }

    private static String rowLabel(List<Record> records, int line) {
        return records.isEmpty() ? "header (line " + line + ")" : "#" + (records.size() - 1) + " (line " + line + ")";
    }

    /** Header name of column {@code idx} once the header is known, else {@code column <n>}. */
    private static String column(List<Record> records, int idx) {
        if (!records.isEmpty() && idx < records.get(0).fields.size()) {
            String n = records.get(0).fields.get(idx).strip();
            return n.startsWith("\uFEFF") ? n.substring(1) : n;
        }
        return "column " + (idx + 1);
    }
}

package org.eldercare.planner.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;

/**
 * Writes features as an RFC 4180 CSV table in UTF-8 (optionally with a byte-order mark, which Excel needs to show
 * Chinese text), CRLF line ends. Columns: {@code id} (when features have ids and no {@code id} property), every
 * property in first-seen order, then the geometry: {@code lon,lat} when every geometry is a point (or {@code x,y} in a
 * projected target CRS), else one {@code wkt} column; none when no feature has a geometry. Fields are quoted when they
 * contain a comma, quote, line break or leading/trailing space. Lists and maps are written as JSON text. Numbers use
 * Java's shortest round-trip form. Stateless; THREAD-SAFE.
 */
public final class CsvWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private CsvWriter() {}

    public static void write(Path file, List<Feature> features) throws IOException {
        write(file, features, Crs.WGS84, false);
    }

    public static void write(Path file, List<Feature> features, Crs target, boolean bom) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, features, target, bom);
        }
    }

    /** Writes to a stream and does not close it. */
    public static void write(OutputStream os, List<Feature> features, Crs target, boolean bom) throws IOException {
        TableLayout table = TableLayout.of(features, target);
        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        if (bom) {
            w.write('\uFEFF');
        }
        writeRow(w, table.header());
        for (Feature f : features) {
            List<String> row = new ArrayList<>(table.header().size());
            for (Object v : table.row(f)) {
                row.add(text(v));
            }
            writeRow(w, row);
        }
        w.flush();
    }

    private static void writeRow(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** RFC 4180 quoting: only when needed. */
    static String quote(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
            || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))));
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static String text(Object v) throws IOException {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("property value " + d + " is not finite");
            }
            return d.toString();
        }
        if (v instanceof BigDecimal bd) {
            return bd.toPlainString();
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(sw)) {
                GeoJsonWriter.writeValue(g, v);
            }
            return sw.toString();
        }
        return v.toString();
    }
}

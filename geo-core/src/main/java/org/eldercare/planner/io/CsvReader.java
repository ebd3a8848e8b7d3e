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
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads a CSV table (RFC 4180: comma-separated, header row, fields optionally in double quotes with {@code ""} for a
 * quote, line breaks allowed inside quotes, CRLF or LF) in UTF-8 with or without a byte-order mark into a
 * {@link FeatureLayer}.
 *
 * <p>Geometry, cell values and ids as in {@link TableRows} (point columns detected from the header, or one WKT
 * column; values kept as text), shared with {@link XlsxReader}.
 *
 * <p>Errors: every problem is collected (bad quoting, wrong field count, unparsable or implausible coordinates,
 * missing named columns, duplicate header names, duplicate ids, invalid UTF-8, empty file) and thrown together as one
 * {@link ReadException}; features are labelled {@code #<0-based row index> (line <n>)}. Stateless; THREAD-SAFE.
 */
public final class CsvReader {
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
        List<TableRows.Row> rows = new ArrayList<>(records.size());
        for (Record r : records) {
            rows.add(new TableRows.Row("line " + r.line, r.fields, r.broken));
        }
        return TableRows.toLayer(rows, problems, source, layerName, options);
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

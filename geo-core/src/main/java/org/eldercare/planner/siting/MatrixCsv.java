package org.eldercare.planner.siting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a demand × site cost matrix from CSV into a {@link CostMatrix}, with the extras the models need (demand
 * weights, capacities, fixed-open sites). Origins are the demand points (rows), destinations the candidate sites
 * (columns), both in order of first appearance.
 *
 * <ul>
 *   <li>{@link Layout#LONG}: one row per pair, columns chosen by name (the layout of PySAL spopt's tutorials:
 *       {@code origin, destination, cost|distance, demand}). Unless named in {@link Options}, the origin column is
 *       the first of {@code origin, origin_id, from, source}, the destination column of
 *       {@code destination, destination_id, to, target, site}, the cost column of
 *       {@code cost, distance, time, minutes, agg_cost}. An optional weight column gives each origin's demand; it must
 *       be the same on every row of that origin.</li>
 *   <li>{@link Layout#WIDE}: the first column holds origin ids, every other header is a destination id, cells are
 *       costs; an empty cell is a missing pair. A weight column named in {@link Options} is read as weights, not as a
 *       destination.</li>
 * </ul>
 *
 * <p>Costs are numbers ≥ 0, or {@code inf} / {@code Infinity} for "unreachable". Pairs not in the file are
 * unreachable (+∞) unless a default cost is given; {@link Input#missingPairs()} and a note say how many there were.
 * Weights come from the weight column, or a separate CSV {@code id,weight} (header row, first column id, second
 * column value), else 1. Capacities come from a CSV {@code id,capacity} and must cover every site. Fixed-open sites
 * must be destination ids.
 *
 * <p>Errors: every problem is collected (up to 50) and thrown as one {@link IllegalArgumentException}, each naming
 * the file, line and column: non-numeric, negative or NaN costs or weights, duplicate pairs (with the line of the
 * first), wrong field counts, missing columns, ids in the weights / capacities / fixed lists that are not in the
 * matrix, and origins or sites those files leave out. Files are UTF-8 (BOM allowed), RFC 4180 quoting. Stateless.
 */
public final class MatrixCsv {
    private static final int MAX_PROBLEMS = 50;
    private static final List<String> ORIGIN_NAMES = List.of("origin", "origin_id", "from", "source");
    private static final List<String> DESTINATION_NAMES = List.of("destination", "destination_id", "to", "target",
        "site");
    private static final List<String> COST_NAMES = List.of("cost", "distance", "time", "minutes", "agg_cost");

    private MatrixCsv() {}

    /** Long (one row per pair) or wide (one row per origin, one column per destination). */
    public enum Layout {
        LONG, WIDE;

        /** {@code long} or {@code wide}, case-insensitive; {@link IllegalArgumentException} naming the value. */
        public static Layout parse(String text) {
            for (Layout l : values()) {
                if (l.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return l;
                }
            }
            throw new IllegalArgumentException("format: must be long or wide, was '" + text + "'");
        }
    }

    /**
     * How to read the matrix. Immutable; start from {@link #defaults()}.
     *
     * @param layout            long or wide
     * @param originColumn      long: origin id column (empty = detect)
     * @param destinationColumn long: destination id column (empty = detect)
     * @param costColumn        long: cost column (empty = detect)
     * @param weightColumn      demand weight column of the matrix file, when there is one
     * @param weightsFile       separate CSV id,weight, when weights come from there
     * @param capacitiesFile    CSV id,capacity of the sites, when the model needs capacities
     * @param fixedSites        destination ids that must be open
     * @param missingCost       cost of pairs not in the file; empty = unreachable (+∞)
     */
    public record Options(Layout layout, Optional<String> originColumn, Optional<String> destinationColumn,
            Optional<String> costColumn, Optional<String> weightColumn, Optional<Path> weightsFile,
            Optional<Path> capacitiesFile, List<String> fixedSites, OptionalDouble missingCost) {
        public Options {
            if (layout == null) {
                throw new IllegalArgumentException("layout: is required but missing");
            }
            fixedSites = List.copyOf(fixedSites);
            if (weightColumn.isPresent() && weightsFile.isPresent()) {
                throw new IllegalArgumentException("weights: give a weight column or a weights file, not both");
            }
            if (missingCost.isPresent() && !(missingCost.getAsDouble() >= 0)) {
                throw new IllegalArgumentException("missingCost: must be >= 0 (or +Infinity), was "
                    + missingCost.getAsDouble());
            }
        }

        public static Options defaults() {
            return new Options(Layout.LONG, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), OptionalDouble.empty());
        }

        public Options withLayout(Layout l) {
            return new Options(l, originColumn, destinationColumn, costColumn, weightColumn, weightsFile,
                capacitiesFile, fixedSites, missingCost);
        }

        /** Names of the long layout's columns; null keeps detection for that column. */
        public Options withColumns(String origin, String destination, String cost) {
            return new Options(layout, Optional.ofNullable(origin), Optional.ofNullable(destination),
                Optional.ofNullable(cost), weightColumn, weightsFile, capacitiesFile, fixedSites, missingCost);
        }

        public Options withWeightColumn(String column) {
            return new Options(layout, originColumn, destinationColumn, costColumn, Optional.of(column), weightsFile,
                capacitiesFile, fixedSites, missingCost);
        }

        public Options withWeightsFile(Path file) {
            return new Options(layout, originColumn, destinationColumn, costColumn, weightColumn, Optional.of(file),
                capacitiesFile, fixedSites, missingCost);
        }

        public Options withCapacitiesFile(Path file) {
            return new Options(layout, originColumn, destinationColumn, costColumn, weightColumn, weightsFile,
                Optional.of(file), fixedSites, missingCost);
        }

        public Options withFixedSites(List<String> ids) {
            return new Options(layout, originColumn, destinationColumn, costColumn, weightColumn, weightsFile,
                capacitiesFile, ids, missingCost);
        }

        public Options withMissingCost(double cost) {
            return new Options(layout, originColumn, destinationColumn, costColumn, weightColumn, weightsFile,
                capacitiesFile, fixedSites, OptionalDouble.of(cost));
        }
    }

    /**
     * What was read. Immutable.
     *
     * @param matrix       the cost matrix (origins × destinations, weights)
     * @param capacities   per site in matrix order, when a capacities file was given
     * @param fixedSites   site ids that must be open (for {@link SolveOptions#withRequiredSiteIds})
     * @param missingPairs pairs not given in the file (set to the default cost, or +∞)
     * @param notes        findings worth reporting (missing pairs and what they became)
     */
    public record Input(CostMatrix matrix, Optional<double[]> capacities, Set<String> fixedSites, int missingPairs,
            List<String> notes) {
        public Input {
            capacities = capacities.map(double[]::clone);
            fixedSites = Set.copyOf(fixedSites);
            notes = List.copyOf(notes);
        }

        /** A copy of the capacities. */
        @Override
        public Optional<double[]> capacities() {
            return capacities.map(double[]::clone);
        }
    }

    /** Reads {@code file} with {@code options}; see the class comment. */
    public static Input read(Path file, Options options) throws IOException {
        Problems pr = new Problems();
        List<Row> rows = Row.parse(file, pr);
        if (rows.isEmpty()) {
            pr.add(file, 1, null, "empty file: expected a header row");
            pr.throwIfAny();
        }
        Row header = rows.get(0);
        Map<String, Integer> origins = new LinkedHashMap<>();
        Map<String, Integer> sites = new LinkedHashMap<>();
        Map<Long, Double> cost = new LinkedHashMap<>();
        Map<Long, Integer> pairLine = new java.util.HashMap<>();
        Map<String, Double> colWeight = new LinkedHashMap<>();
        Map<String, Integer> weightLine = new java.util.HashMap<>();
        Map<String, Integer> originLine = new java.util.HashMap<>();
        Integer wCol = options.weightColumn().map(c -> column(file, header, c, "weight", pr)).orElse(null);
        if (options.layout() == Layout.LONG) {
            Integer oc = pick(file, header, options.originColumn(), ORIGIN_NAMES, "origin", pr);
            Integer dc = pick(file, header, options.destinationColumn(), DESTINATION_NAMES, "destination", pr);
            Integer cc = pick(file, header, options.costColumn(), COST_NAMES, "cost", pr);
            pr.throwIfAny();
            for (Row r : rows.subList(1, rows.size())) {
                if (!r.fieldCount(file, header, pr)) {
                    continue;
                }
                String o = r.id(file, header, oc, pr);
                String d = r.id(file, header, dc, pr);
                Double c = r.number(file, header, cc, true, pr);
                if (o == null || d == null) {
                    continue;
                }
                int i = origins.computeIfAbsent(o, k -> origins.size());
                int j = sites.computeIfAbsent(d, k -> sites.size());
                long key = ((long) i << 32) | j;
                Integer first = pairLine.putIfAbsent(key, r.line);
                if (first != null) {
                    pr.add(file, r.line, null, "duplicate pair (" + o + ", " + d + "), first at line " + first);
                } else if (c != null) {
                    cost.put(key, c);
                }
                if (wCol != null) {
                    weightCell(file, header, r, wCol, o, colWeight, weightLine, pr);
                }
            }
        } else {
            for (int c = 1; c < header.fields.size(); c++) {
                if (wCol != null && c == wCol) {
                    continue;
                }
                String d = header.fields.get(c).strip();
                if (d.isEmpty()) {
                    pr.add(file, header.line, c, "empty destination id in the header");
                } else if (sites.putIfAbsent(d, sites.size()) != null) {
                    pr.add(file, header.line, c, "duplicate destination id '" + d + "' in the header");
                }
            }
            pr.throwIfAny();
            for (Row r : rows.subList(1, rows.size())) {
                if (!r.fieldCount(file, header, pr)) {
                    continue;
                }
                String o = r.id(file, header, 0, pr);
                if (o == null) {
                    continue;
                }
                if (origins.containsKey(o)) {
                    pr.add(file, r.line, 0, "duplicate origin '" + o + "' (every pair of that row is a duplicate), "
                        + "first at line " + originLine.get(o));
                    continue;
                }
                int i = origins.size();
                origins.put(o, i);
                originLine.put(o, r.line);
                for (int c = 1; c < header.fields.size(); c++) {
                    if (wCol != null && c == wCol) {
                        continue;
                    }
                    Double v = r.number(file, header, c, false, pr);
                    if (v != null) {
                        cost.put(((long) i << 32) | sites.get(header.fields.get(c).strip()), v);
                    }
                }
                if (wCol != null) {
                    weightCell(file, header, r, wCol, o, colWeight, weightLine, pr);
                }
            }
        }
        pr.throwIfAny();
        if (origins.isEmpty() || sites.isEmpty()) {
            pr.add(file, header.line, null, "no pairs: the matrix needs at least one origin and one destination");
            pr.throwIfAny();
        }
        int n = origins.size();
        int m = sites.size();
        double fill = options.missingCost().orElse(Double.POSITIVE_INFINITY);
        double[] flat = new double[n * m];
        Arrays.fill(flat, fill);
        for (var en : cost.entrySet()) {
            long k = en.getKey();
            flat[(int) (k >>> 32) * m + (int) (k & 0xFFFFFFFFL)] = en.getValue();
        }
        int missing = n * m - cost.size();
        List<String> notes = new ArrayList<>();
        if (missing > 0) {
            notes.add(file + ": " + missing + " of " + (n * m) + " origin-destination pairs missing, set to "
                + (options.missingCost().isPresent() ? "the default cost " + fill : "+Infinity (unreachable)"));
        }
        double[] w = new double[n];
        Arrays.fill(w, 1);
        if (wCol != null) {
            for (var en : colWeight.entrySet()) {
                w[origins.get(en.getKey())] = en.getValue();
            }
        } else if (options.weightsFile().isPresent()) {
            w = idValues(options.weightsFile().get(), "weight", "origin", origins, pr);
        }
        Optional<double[]> caps = Optional.empty();
        if (options.capacitiesFile().isPresent()) {
            caps = Optional.of(idValues(options.capacitiesFile().get(), "capacity", "destination", sites, pr));
        }
        Set<String> fixed = new LinkedHashSet<>();
        for (String id : options.fixedSites()) {
            String t = id.strip();
            if (!sites.containsKey(t)) {
                pr.add(null, 0, null, "fixed site '" + t + "' is not a destination of " + file + " ("
                    + m + " destinations)");
            }
            fixed.add(t);
        }
        pr.throwIfAny();
        CostMatrix mx = CostMatrix.ofFlat(List.copyOf(origins.keySet()), w,
            sites.keySet().stream().map(CandidateSite::of).toList(), flat);
        return new Input(mx, caps, fixed, missing, notes);
    }

    private static void weightCell(Path file, Row header, Row r, int wCol, String origin, Map<String, Double> weights,
            Map<String, Integer> lines, Problems pr) {
        Double v = r.number(file, header, wCol, true, pr);
        if (v == null) {
            return;
        }
        if (Double.isInfinite(v)) {
            pr.add(file, r.line, wCol, "weight must be finite, was " + r.fields.get(wCol).strip());
            return;
        }
        Double before = weights.putIfAbsent(origin, v);
        if (before != null && before.doubleValue() != v) {
            pr.add(file, r.line, wCol, "origin '" + origin + "' has weight " + fmt(v) + " here but " + fmt(before)
                + " at line " + lines.get(origin));
        }
        lines.putIfAbsent(origin, r.line);
    }

    /** Values of an id,value CSV for every id of {@code ids}, in their order; problems for unknown or missing ids. */
    private static double[] idValues(Path file, String what, String kind, Map<String, Integer> ids, Problems pr)
            throws IOException {
        double[] out = new double[ids.size()];
        boolean[] seen = new boolean[ids.size()];
        Map<String, Integer> lineOf = new java.util.HashMap<>();
        List<Row> rows = Row.parse(file, pr);
        if (rows.isEmpty()) {
            pr.add(file, 1, null, "empty file: expected a header row 'id," + what + "'");
            return out;
        }
        Row header = rows.get(0);
        if (header.fields.size() < 2) {
            pr.add(file, header.line, null, "expected two columns 'id," + what + "', found " + header.fields.size());
            return out;
        }
        for (Row r : rows.subList(1, rows.size())) {
            if (!r.fieldCount(file, header, pr)) {
                continue;
            }
            String id = r.id(file, header, 0, pr);
            Double v = r.number(file, header, 1, true, pr);
            if (id == null || v == null) {
                continue;
            }
            Integer k = ids.get(id);
            Integer first = lineOf.putIfAbsent(id, r.line);
            if (first != null) {
                pr.add(file, r.line, 0, "duplicate id '" + id + "', first at line " + first);
            } else if (k == null) {
                pr.add(file, r.line, 0, "unknown id '" + id + "': not an " + kind + " of the matrix");
            } else if (Double.isInfinite(v)) {
                pr.add(file, r.line, 1, what + " must be finite, was " + r.fields.get(1).strip());
            } else {
                out[k] = v;
                seen[k] = true;
            }
        }
        List<String> absent = new ArrayList<>();
        for (var en : ids.entrySet()) {
            if (!seen[en.getValue()] && !lineOf.containsKey(en.getKey())) {
                absent.add(en.getKey());
            }
        }
        if (!absent.isEmpty()) {
            pr.add(file, 0, null, "no " + what + " for " + absent.size() + " " + kind + "(s): "
                + String.join(", ", absent.subList(0, Math.min(10, absent.size())))
                + (absent.size() > 10 ? ", …" : ""));
        }
        return out;
    }

    private static Integer pick(Path file, Row header, Optional<String> named, List<String> candidates, String role,
            Problems pr) {
        if (named.isPresent()) {
            return column(file, header, named.get(), role, pr);
        }
        for (String c : candidates) {
            for (int k = 0; k < header.fields.size(); k++) {
                if (header.fields.get(k).strip().equalsIgnoreCase(c)) {
                    return k;
                }
            }
        }
        pr.add(file, header.line, null, "no " + role + " column: expected one of " + candidates
            + " or a name given by option; header is " + header.fields);
        return null;
    }

    private static Integer column(Path file, Row header, String name, String role, Problems pr) {
        for (int k = 0; k < header.fields.size(); k++) {
            if (header.fields.get(k).strip().equals(name)) {
                return k;
            }
        }
        pr.add(file, header.line, null, role + " column '" + name + "' is not in the header " + header.fields);
        return null;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Collected problems, thrown together. */
    private static final class Problems {
        final List<String> list = new ArrayList<>();
        int count;

        void add(Path file, int line, Integer col, String message) {
            count++;
            if (list.size() < MAX_PROBLEMS) {
                StringBuilder sb = new StringBuilder();
                if (file != null) {
                    sb.append(file);
                    if (line > 0) {
                        sb.append(" line ").append(line);
                    }
                    if (col != null) {
                        sb.append(", column ").append(col + 1);
                    }
                    sb.append(": ");
                }
                list.add(sb.append(message).toString());
            }
        }

        void throwIfAny() {
            if (count > 0) {
                String more = count > list.size() ? "\n(and " + (count - list.size()) + " more)" : "";
                throw new IllegalArgumentException((count == 1 ? "" : count + " problems:\n")
                    + String.join("\n", list) + more);
            }
        }
    }

    /** One CSV record with its starting line. */
    private static final class Row {
        final int line;
        final List<String> fields;

        Row(int line, List<String> fields) {
            this.line = line;
            this.fields = fields;
        }

        /** RFC 4180 records; blank lines skipped; a BOM at the start dropped. */
        static List<Row> parse(Path file, Problems pr) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": not a readable file");
            }
            String s = Files.readString(file, StandardCharsets.UTF_8);
            if (s.startsWith("\uFEFF")) {
                s = s.substring(1);
            }
            List<Row> rows = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            int line = 1;
            int recLine = 1;
            boolean quoted = false;
            boolean any = false;
            for (int k = 0; k <= s.length(); k++) {
                char ch = k < s.length() ? s.charAt(k) : '\n';
                if (quoted) {
                    if (ch == '"' && k + 1 < s.length() && s.charAt(k + 1) == '"') {
                        cur.append('"');
                        k++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        if (k == s.length()) {
                            pr.add(file, recLine, null, "unterminated quoted field");
                            break;
                        }
                        cur.append(ch);
                    }
                    continue;
                }
                if (ch == '"') {
                    quoted = true;
                    any = true;
                } else if (ch == ',') {
                    fields.add(cur.toString());
                    cur.setLength(0);
                    any = true;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && k + 1 < s.length() && s.charAt(k + 1) == '\n') {
                        k++;
                    }
                    fields.add(cur.toString());
                    cur.setLength(0);
                    if (any || !fields.get(0).isBlank() || fields.size() > 1) {
                        rows.add(new Row(recLine, fields));
                    }
                    fields = new ArrayList<>();
                    any = false;
                    line++;
                    recLine = line;
                } else {
                    cur.append(ch);
                }
            }
            return rows;
        }

        boolean fieldCount(Path file, Row header, Problems pr) {
            if (fields.size() != header.fields.size()) {
                pr.add(file, line, null, "has " + fields.size() + " fields but the header has "
                    + header.fields.size());
                return false;
            }
            return true;
        }

        String id(Path file, Row header, int col, Problems pr) {
            String v = fields.get(col).strip();
            if (v.isEmpty()) {
                pr.add(file, line, col, "(" + header.fields.get(col).strip() + ") id is empty");
                return null;
            }
            return v;
        }

        /** A number ≥ 0 or +∞ ({@code inf}, {@code Infinity}); null for an empty cell unless {@code required}. */
        Double number(Path file, Row header, int col, boolean required, Problems pr) {
            String v = fields.get(col).strip();
            String name = "(" + header.fields.get(col).strip() + ") ";
            if (v.isEmpty()) {
                if (required) {
                    pr.add(file, line, col, name + "value is empty, expected a number >= 0");
                }
                return null;
            }
            String low = v.toLowerCase(Locale.ROOT);
            if (low.equals("inf") || low.equals("infinity") || low.equals("+inf") || low.equals("+infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException ex) {
                pr.add(file, line, col, name + "'" + v + "' is not a number");
                return null;
            }
            if (Double.isNaN(d) || d < 0 || Double.isInfinite(d)) {
                pr.add(file, line, col, name + "must be a number >= 0 (or inf for unreachable), was " + v);
                return null;
            }
            return d;
        }
    }
}

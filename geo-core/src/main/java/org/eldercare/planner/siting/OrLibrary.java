package org.eldercare.planner.siting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Readers for J.E. Beasley's OR-Library location instances (people.brunel.ac.uk/~mastjjb/jeb/info.html).
 *
 * <ul>
 *   <li>{@link #readPmed}: uncapacitated p-median ("pmed1"…"pmed40"): first line {@code n m p}, then m lines
 *       {@code i j cost} of undirected edges on nodes 1..n. If an edge appears more than once the LAST occurrence
 *       counts (OR-Library convention). Costs are all-pairs shortest paths (Floyd–Warshall, O(n³): 0.7 s at n = 900);
 *       every node is a demand point of weight 1 and a candidate.</li>
 *   <li>{@link #readPmedcap}: capacitated p-median (Osman &amp; Christofides 1994, "pmedcap1"): {@code problem best}
 *       / {@code n p Q} / n lines {@code id x y demand}; costs are Euclidean distances truncated to integers; every
 *       customer is a candidate with capacity Q; the objective is the unweighted sum of distances.</li>
 * </ul>
 *
 * <p>Malformed files throw {@link IllegalArgumentException} naming the file and the line.
 */
public final class OrLibrary {
    private OrLibrary() {}

    /** An uncapacitated p-median instance: shortest-path matrix (weights 1) and p. Immutable. */
    public record PmedInstance(String name, int p, CostMatrix matrix) {}

    /**
     * A capacitated p-median instance. Immutable.
     *
     * @param name       file name without extension
     * @param p          number of medians
     * @param capacity   capacity Q of every median
     * @param bestKnown  best known (optimal) objective from the file's first line
     * @param matrix     floored Euclidean distances, weights 1 (objective not demand-weighted)
     * @param demands    customer demands (loads against capacity), in node order
     */
    public record PmedcapInstance(String name, int p, double capacity, double bestKnown, CostMatrix matrix,
            List<Double> demands) {
        public PmedcapInstance {
            demands = List.copyOf(demands);
        }

        /** The capacitated p-median model of this instance. */
        public CapacitatedPMedian model() {
            double[] loads = demands.stream().mapToDouble(Double::doubleValue).toArray();
            double[] caps = new double[matrix.candidateCount()];
            Arrays.fill(caps, capacity);
            return CapacitatedPMedian.fromCostMatrix(matrix, p, loads, caps);
        }
    }

    private static String baseName(Path file) {
        String s = file.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    private static List<long[]> numbers(Path file) throws IOException {
        List<long[]> lines = new ArrayList<>();
        int no = 0;
        for (String line : Files.readAllLines(file)) {
            no++;
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            String[] parts = t.split("\\s+");
            long[] v = new long[parts.length + 1];
            v[0] = no;
            for (int k = 0; k < parts.length; k++) {
                try {
                    v[k + 1] = Long.parseLong(parts[k]);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(file + " line " + no + ": expected integers, found '"
                        + parts[k] + "'");
                }
            }
            lines.add(v);
        }
        return lines;
    }

    private static void need(Path file, long[] line, int count, String what) {
        if (line.length - 1 < count) {
            throw new IllegalArgumentException(file + " line " + line[0] + ": expected " + what + ", found "
                + (line.length - 1) + " numbers");
        }
    }

    /** Reads a pmed file; see the class comment. */
    public static PmedInstance readPmed(Path file) throws IOException {
        List<long[]> lines = numbers(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file, expected 'n m p'");
        }
        long[] head = lines.get(0);
        need(file, head, 3, "'n m p'");
        int n = (int) head[1];
        int edges = (int) head[2];
        int p = (int) head[3];
        if (n < 1 || p < 1 || p > n) {
            throw new IllegalArgumentException(file + " line " + head[0] + ": need n >= 1 and 1 <= p <= n, was n="
                + n + " p=" + p);
        }
        if (lines.size() - 1 < edges) {
            throw new IllegalArgumentException(file + ": header announces " + edges + " edges, found "
                + (lines.size() - 1));
        }
        double inf = Double.POSITIVE_INFINITY;
        double[] d = new double[n * n];
        Arrays.fill(d, inf);
        for (int k = 1; k <= edges; k++) {
            long[] l = lines.get(k);
            need(file, l, 3, "'i j cost'");
            int i = (int) l[1] - 1;
            int j = (int) l[2] - 1;
            if (i < 0 || i >= n || j < 0 || j >= n || l[3] < 0) {
                throw new IllegalArgumentException(file + " line " + l[0] + ": need 1 <= i, j <= " + n
                    + " and cost >= 0, was " + l[1] + " " + l[2] + " " + l[3]);
            }
            d[i * n + j] = l[3]; // the last occurrence of a duplicate edge wins
            d[j * n + i] = l[3];
        }
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 0;
        }
        floydWarshall(d, n);
        List<String> ids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            ids.add(Integer.toString(i));
        }
        double[] w = new double[n];
        Arrays.fill(w, 1);
        List<CandidateSite> cands = ids.stream().map(CandidateSite::of).toList();
        return new PmedInstance(baseName(file), p, CostMatrix.ofFlat(ids, w, cands, d));
    }

    /** All-pairs shortest paths in place on a flat n × n matrix (+∞ = no edge). */
    static void floydWarshall(double[] d, int n) {
        for (int k = 0; k < n; k++) {
            int rk = k * n;
            for (int i = 0; i < n; i++) {
                double dik = d[i * n + k];
                if (dik == Double.POSITIVE_INFINITY) {
                    continue;
                }
                int ri = i * n;
                for (int j = 0; j < n; j++) {
                    double v = dik + d[rk + j];
                    if (v < d[ri + j]) {
                        d[ri + j] = v;
                    }
                }
            }
        }
    }

    /** Reads a pmedcap file; see the class comment. */
    public static PmedcapInstance readPmedcap(Path file) throws IOException {
        List<long[]> lines = numbers(file);
        if (lines.size() < 2) {
            throw new IllegalArgumentException(file + ": expected 'problem best' and 'n p Q' lines");
        }
        need(file, lines.get(0), 2, "'problem best'");
        need(file, lines.get(1), 3, "'n p Q'");
        double best = lines.get(0)[2];
        int n = (int) lines.get(1)[1];
        int p = (int) lines.get(1)[2];
        double q = lines.get(1)[3];
        if (n < 1 || p < 1 || p > n || q <= 0) {
            throw new IllegalArgumentException(file + " line " + lines.get(1)[0]
                + ": need n >= 1, 1 <= p <= n and Q > 0, was n=" + n + " p=" + p + " Q=" + q);
        }
        if (lines.size() - 2 < n) {
            throw new IllegalArgumentException(file + ": expected " + n + " customer lines, found "
                + (lines.size() - 2));
        }
        double[] x = new double[n];
        double[] y = new double[n];
        List<Double> dem = new ArrayList<>(n);
        List<String> ids = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long[] l = lines.get(2 + k);
            need(file, l, 4, "'id x y demand'");
            ids.add(Long.toString(l[1]));
            x[k] = l[2];
            y[k] = l[3];
            dem.add((double) l[4]);
        }
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i * n + j] = Math.floor(Math.hypot(x[i] - x[j], y[i] - y[j]));
            }
        }
        double[] w = new double[n];
        Arrays.fill(w, 1);
        List<CandidateSite> cands = ids.stream().map(CandidateSite::of).toList();
        return new PmedcapInstance(baseName(file), p, q, best, CostMatrix.ofFlat(ids, w, cands, d), dem);
    }
}

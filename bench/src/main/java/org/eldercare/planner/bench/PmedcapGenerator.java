package org.eldercare.planner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generator of capacitated p-median instances in the style of Osman &amp; Christofides (1994), written in the
 * OR-Library pmedcap1 file format that {@code OrLibrary.readPmedcap} reads: {@code problem best} / {@code n p Q} /
 * n lines {@code id x y demand}. As in pmedcap1_01–10: integer coordinates uniform in 1..100, integer demands uniform
 * in 1..20, every customer a candidate median with the same capacity Q; costs are the floored Euclidean distances
 * the reader computes. The instance is redrawn from the same random stream until the tightness total demand /
 * (p · Q) lies in [{@value #MIN_TIGHTNESS}, {@value #MAX_TIGHTNESS}], the range of pmedcap1_01–10 (0.817 for 01 …
 * 0.957 for 10). The best value is unknown and written as {@code 0} on the first line.
 *
 * <p>The sizes and seeds of the 10 generated instances (the n = 100, p = 10 of OR-Library's pmedcap1_11–20, which
 * are not in ../shared) are in the resource {@code pmedcap-generated.tsv}. Usage:
 * {@code java -cp ... org.eldercare.planner.bench.PmedcapGenerator OUT_DIR} writes {@code gpmedcap1_11.txt} …
 * {@code gpmedcap1_20.txt} there (readable by {@code planner solve-orlib FILE --model cpmedian}).
 */
public final class PmedcapGenerator {
    private PmedcapGenerator() {}

    /** Tightness bounds (total demand / (p · Q)) of pmedcap1_01 and pmedcap1_10. */
    public static final double MIN_TIGHTNESS = 0.817;
    public static final double MAX_TIGHTNESS = 0.957;

    /** One generated instance: name, customers, medians, capacity of each median, seed. */
    public record Spec(String name, int n, int p, int capacity, long seed) {
        public Spec {
            if (n < 2) {
                throw new IllegalArgumentException("n: must be >= 2, was " + n);
            }
            if (p < 1 || p > n) {
                throw new IllegalArgumentException("p: must be in [1, n = " + n + "], was " + p);
            }
            // mean demand 10.5: the tightness range must be reachable, or the redraw loop would not end
            double mean = 10.5 * n / ((double) p * capacity);
            if (capacity < 20 || mean < MIN_TIGHTNESS / 1.5 || mean > MAX_TIGHTNESS * 1.5) {
                throw new IllegalArgumentException("capacity: " + capacity + " gives an expected tightness "
                    + mean + ", far from [" + MIN_TIGHTNESS + ", " + MAX_TIGHTNESS + "] (and must be >= 20)");
            }
        }
    }

    /** The specs of {@code pmedcap-generated.tsv}, in file order. */
    public static List<Spec> specs() throws IOException {
        List<Spec> out = new ArrayList<>();
        for (String[] t : SpecTable.rows("pmedcap-generated.tsv", 5, "name n p Q seed")) {
            out.add(new Spec(t[0], Integer.parseInt(t[1]), Integer.parseInt(t[2]), Integer.parseInt(t[3]),
                Long.parseLong(t[4])));
        }
        return out;
    }

    /** Total demand / (p · Q) for these demands under the spec's p and Q. */
    public static double tightness(Spec s, int[] demands) {
        long sum = 0;
        for (int d : demands) {
            sum += d;
        }
        return sum / ((double) s.p() * s.capacity());
    }

    /** The instance text in OR-Library pmedcap1 format (deterministic for a spec); {@code number} on line 1. */
    public static String generate(Spec s, int number) {
        Random rnd = new Random(s.seed());
        int n = s.n();
        int[] x = new int[n];
        int[] y = new int[n];
        int[] d = new int[n];
        do {
            for (int k = 0; k < n; k++) {
                x[k] = 1 + rnd.nextInt(100);
                y[k] = 1 + rnd.nextInt(100);
                d[k] = 1 + rnd.nextInt(20);
            }
        } while (tightness(s, d) < MIN_TIGHTNESS || tightness(s, d) > MAX_TIGHTNESS);
        StringBuilder sb = new StringBuilder();
        sb.append(' ').append(number).append(" 0\n");
        sb.append(' ').append(n).append(' ').append(s.p()).append(' ').append(s.capacity()).append('\n');
        for (int k = 0; k < n; k++) {
            sb.append(' ').append(k + 1).append(' ').append(x[k]).append(' ').append(y[k]).append(' ').append(d[k])
                .append('\n');
        }
        return sb.toString();
    }

    /** The problem number on line 1: the digits after the last '_' of the name (11 for gpmedcap1_11), else 0. */
    static int number(Spec s) {
        String t = s.name().substring(s.name().lastIndexOf('_') + 1);
        return t.chars().allMatch(Character::isDigit) && !t.isEmpty() ? Integer.parseInt(t) : 0;
    }

    /** Writes {@code NAME.txt} for every spec into {@code dir}; returns the paths in spec order. */
    public static List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Spec s : specs()) {
            Path f = dir.resolve(s.name() + ".txt");
            Files.writeString(f, generate(s, number(s)));
            out.add(f);
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PmedcapGenerator OUT_DIR");
            System.exit(2);
        }
        for (Path f : writeAll(Path.of(args[0]))) {
            System.out.println(f);
        }
    }
}

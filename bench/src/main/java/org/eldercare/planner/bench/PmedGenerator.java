package org.eldercare.planner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generator of OR-Library pmed instances by Beasley's construction (EJOR 21 (1985) 270–273), as the published files
 * pmed1–10 show it: n nodes, first the Hamiltonian cycle 1–2, 2–3, …, (n−1)–n, n–1 (n edges, so the graph is
 * connected), then m − n further edges between uniformly chosen ordered node pairs i ≠ j, repeats allowed (in the
 * OR-Library format the LAST occurrence of an edge counts, which {@code OrLibrary.readPmed} implements), m = n²/50
 * edge lines in all, each with an integer cost uniform in 1..100. Every node is demand (weight 1) and candidate;
 * distances are shortest paths, which {@code OrLibrary.readPmed} computes when the file is read. Output is the
 * OR-Library pmed format: {@code n m p}, then m lines {@code i j cost}.
 *
 * <p>Until 2026-12-04 this generator joined the nodes by a random recursive tree instead of the cycle and drew
 * distinct edges only; those graphs have a much smaller diameter than Beasley's and far larger LP gaps at small p
 * (docs/bench/siting.md), so they were not the pmed family.
 *
 * <p>The sizes and seeds of the 30 generated instances (the (n, p) of pmed11–40) are in the resource
 * {@code pmed-generated.tsv}. Usage: {@code java -cp ... org.eldercare.planner.bench.PmedGenerator OUT_DIR} writes
 * {@code gpmed11.txt} … {@code gpmed40.txt} there (readable by {@code planner solve-orlib FILE --model pmedian}).
 */
public final class PmedGenerator {
    private PmedGenerator() {}

    /** One generated instance: name, nodes, medians, seed. */
    public record Spec(String name, int n, int p, long seed) {
        public Spec {
            if (n < 2) {
                throw new IllegalArgumentException("n: must be >= 2, was " + n);
            }
            if (p < 1 || p > n) {
                throw new IllegalArgumentException("p: must be in [1, n = " + n + "], was " + p);
            }
        }

        /** Edge lines: n²/50 as in pmed1–40 (pmed1 100 → 200, pmed16 400 → 3 200), at least the n of the cycle. */
        public int edges() {
            return (int) Math.max(n, (long) n * n / 50);
        }
    }

    /** The 30 specs of {@code pmed-generated.tsv}, in file order. */
    public static List<Spec> specs() throws IOException {
        List<Spec> out = new ArrayList<>();
        for (String[] t : SpecTable.rows("pmed-generated.tsv", 4, "name n p seed")) {
            out.add(new Spec(t[0], Integer.parseInt(t[1]), Integer.parseInt(t[2]), Long.parseLong(t[3])));
        }
        return out;
    }

    /** The instance text in OR-Library pmed format (deterministic for a spec). */
    public static String generate(Spec s) {
        Random rnd = new Random(s.seed());
        int n = s.n();
        int m = s.edges();
        StringBuilder sb = new StringBuilder();
        sb.append(' ').append(n).append(' ').append(m).append(' ').append(s.p()).append('\n');
        for (int k = 1; k <= n; k++) {
            edge(sb, k, k == n ? 1 : k + 1, 1 + rnd.nextInt(100));
        }
        for (int count = n; count < m; count++) {
            int a = 1 + rnd.nextInt(n);
            int b = 1 + rnd.nextInt(n - 1);
            if (b >= a) {
                b++; // uniform over the nodes other than a
            }
            edge(sb, a, b, 1 + rnd.nextInt(100));
        }
        return sb.toString();
    }

    private static void edge(StringBuilder sb, int a, int b, int cost) {
        sb.append(' ').append(a).append(' ').append(b).append(' ').append(cost).append('\n');
    }

    /** Writes {@code NAME.txt} for every spec into {@code dir}; returns the paths in spec order. */
    public static List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Spec s : specs()) {
            Path f = dir.resolve(s.name() + ".txt");
            Files.writeString(f, generate(s));
            out.add(f);
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PmedGenerator OUT_DIR");
            System.exit(2);
        }
        for (Path f : writeAll(Path.of(args[0]))) {
            System.out.println(f);
        }
    }
}

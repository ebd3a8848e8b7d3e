package org.eldercare.planner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.eldercare.planner.siting.OrLibrary;
import org.eldercare.planner.siting.PMedian;
import org.eldercare.planner.siting.SitingResult;
import org.eldercare.planner.siting.SolveMethod;
import org.eldercare.planner.siting.SolveOptions;

/**
 * Large p-median benchmark: OR-Library pmed36–40 have n = 900 but are not in ../shared, so this generates an
 * instance of the same shape (n = 900 nodes, 16 200 undirected edges, integer costs uniform in 1..100, a random
 * spanning tree first so the graph is connected; fixed seed) in the pmed file format, reads it back through
 * {@link OrLibrary#readPmed}, and solves it with the heuristic and with the exact method under a time limit,
 * printing objective, bound and gap.
 *
 * <p>Usage: {@code java -cp ... org.eldercare.planner.bench.SitingLargeBench [P] [SECONDS] [SEED]}
 */
public final class SitingLargeBench {
    private SitingLargeBench() {}

    public static void main(String[] args) throws IOException {
        int p = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 36;
        int n = 900;
        int m = 16_200;
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        sb.append(' ').append(n).append(' ').append(m).append(' ').append(p).append('\n');
        for (int k = 2; k <= n; k++) {
            sb.append(' ').append(k).append(' ').append(1 + rnd.nextInt(k - 1)).append(' ')
                .append(1 + rnd.nextInt(100)).append('\n');
        }
        for (int e = n - 1; e < m; e++) {
            int a = 1 + rnd.nextInt(n);
            int b = 1 + rnd.nextInt(n);
            sb.append(' ').append(a).append(' ').append(b).append(' ').append(1 + rnd.nextInt(100)).append('\n');
        }
        Path f = Files.createTempFile("pmed900-", ".txt");
        Files.writeString(f, sb);
        long t0 = System.nanoTime();
        var inst = OrLibrary.readPmed(f);
        System.out.printf(Locale.ROOT, "generated n=%d m=%d p=%d seed=%d; read + Floyd-Warshall %.2f s%n", n, m, p,
            seed, (System.nanoTime() - t0) / 1e9);
        for (SolveMethod method : new SolveMethod[] {SolveMethod.HEURISTIC, SolveMethod.EXACT}) {
            SolveOptions opt = SolveOptions.defaults().withMethod(method).withTimeLimitSeconds(seconds);
            SitingResult r = PMedian.solve(inst.matrix(), inst.p(), opt);
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.4f%% | %s | %.1f | %s |%n", method, p,
                r.objective(), r.bestBound(), 100 * r.gap(), r.status(), r.seconds(), r.solver());
        }
        Files.delete(f);
    }
}

package org.eldercare.planner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eldercare.planner.siting.OrLibrary;
import org.eldercare.planner.siting.PMedian;
import org.eldercare.planner.siting.SitingResult;
import org.eldercare.planner.siting.SolveMethod;
import org.eldercare.planner.siting.SolveOptions;

/**
 * Siting benchmark: solves OR-Library pmed1–10 and pmedcap1 01–10 exactly and prints one Markdown table row per
 * instance (objective, published optimum, proven?, seconds including model building, excluding file reading).
 *
 * <p>Usage: {@code java -cp ... org.eldercare.planner.bench.SitingBench SHARED_DIR [SOLVER] [pmed|pmedcap|all]}
 * where SOLVER is SCIP (default), CBC or CP_SAT.
 */
public final class SitingBench {
    private SitingBench() {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        String solver = args.length > 1 ? args[1] : "SCIP";
        String which = args.length > 2 ? args[2] : "all";
        double limit = args.length > 3 ? Double.parseDouble(args[3]) : 300;
        SolveOptions opt = SolveOptions.defaults().withMethod(SolveMethod.EXACT).withMipSolver(solver)
            .withTimeLimitSeconds(limit);
        // warm-up: native library load and JIT, not counted
        PMedian.solve(OrLibrary.readPmed(shared.resolve("benchmarks/orlib-pmed/pmed1.txt")).matrix(), 5, opt);
        int from = Integer.getInteger("from", 1), to = Integer.getInteger("to", 10);
        double total = 0;
        if (!which.equals("pmedcap")) {
            var opts = new java.util.HashMap<String, Double>();
            for (String line : Files.readAllLines(shared.resolve("benchmarks/orlib-pmed/pmedopt-1-10.txt"))) {
                String[] t = line.trim().split("\\s+");
                if (t.length == 2 && t[0].startsWith("pmed")) {
                    opts.put(t[0], Double.parseDouble(t[1]));
                }
            }
            System.out.println("| instance | n | p | objective | published | proven optimal | seconds |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int k = from; k <= to; k++) {
                var inst = OrLibrary.readPmed(shared.resolve("benchmarks/orlib-pmed/pmed" + k + ".txt"));
                SitingResult r = PMedian.solve(inst.matrix(), inst.p(), opt);
                total += r.seconds();
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %s | %.2f |%n", inst.name(),
                    inst.matrix().demandCount(), inst.p(), r.objective(), opts.get(inst.name()), r.optimal(),
                    r.seconds());
            }
            System.out.printf(Locale.ROOT, "pmed total %.2f s (%s)%n", total, solver);
        }
        if (!which.equals("pmed")) {
            double t2 = 0;
            System.out.println("| instance | n | p | Q | objective | best known | proven optimal | seconds |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int k = 1; k <= 10; k++) {
                var inst = OrLibrary.readPmedcap(shared.resolve(
                    String.format(Locale.ROOT, "benchmarks/orlib-pmedcap/pmedcap1_%02d.txt", k)));
                SitingResult r = inst.model().solve(opt);
                t2 += r.seconds();
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.0f | %s | %.2f |%n", inst.name(),
                    inst.matrix().demandCount(), inst.p(), inst.capacity(), r.objective(), inst.bestKnown(),
                    r.optimal(), r.seconds());
            }
            System.out.printf(Locale.ROOT, "pmedcap total %.2f s (%s)%n", t2, solver);
        }
    }
}

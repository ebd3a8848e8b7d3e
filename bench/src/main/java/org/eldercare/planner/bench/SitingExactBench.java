package org.eldercare.planner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eldercare.planner.siting.OrLibrary;
import org.eldercare.planner.siting.PMedian;
import org.eldercare.planner.siting.SitingResult;
import org.eldercare.planner.siting.SolveMethod;
import org.eldercare.planner.siting.SolveOptions;

/**
 * Staged exact siting benchmark (issue #13): OR-Library pmed1–10 from ../shared, the 30 generated instances with the
 * (n, p) of pmed11–40 ({@link PmedGenerator}, written in pmed format and read back through {@link OrLibrary#readPmed}),
 * pmedcap1 01–10 and the 10 generated n = 100, p = 10 capacitated instances ({@link PmedcapGenerator}, stand-ins for
 * OR-Library's pmedcap1_11–20, written in pmedcap format and read back through {@link OrLibrary#readPmedcap}), each with the default (AUTO = staged) options and one time limit. Prints one Markdown row per
 * instance (objective, published optimum where there is one, bound, gap, proven, proof stage, seconds including
 * model building, excluding file reading and shortest paths) and the totals: overall, and over the instances with a
 * CBC figure in the issue (pmed6 65 s; the generated analogues of pmed12 62 s, pmed19 9 s, pmed24 14 s, pmed29
 * 22 s, pmed30 23 s — same size and family, not the same graphs).
 *
 * <p>Usage: {@code java -cp ... org.eldercare.planner.bench.SitingExactBench SHARED_DIR [SECONDS] [pmed|gen|cap|all]};
 * {@code -Donly=pmed6,gpmed21} runs only the named instances, {@code -Dmethod=HEURISTIC} another
 * {@link SolveMethod} (default AUTO).
 */
public final class SitingExactBench {
    private SitingExactBench() {}

    private static final Map<String, Double> CBC = Map.of("pmed6", 65.0, "gpmed12", 62.0, "gpmed19", 9.0,
        "gpmed24", 14.0, "gpmed29", 22.0, "gpmed30", 23.0);

    private static double total;
    private static double cbcOurs;
    private static int proven;
    private static int count;

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        double limit = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        String which = args.length > 2 ? args[2] : "all";
        SolveOptions opt = SolveOptions.defaults().withTimeLimitSeconds(limit)
            .withMethod(SolveMethod.valueOf(System.getProperty("method", "AUTO")));
        String only = System.getProperty("only", "");
        Set<String> names = only.isBlank() ? Set.of() : Set.of(only.split(","));
        Path pmedDir = shared.resolve("benchmarks/orlib-pmed");
        // warm-up: native library load and JIT, not counted
        PMedian.solve(OrLibrary.readPmed(pmedDir.resolve("pmed1.txt")).matrix(), 5, opt);
        Map<String, Double> published = new HashMap<>();
        for (String line : Files.readAllLines(pmedDir.resolve("pmedopt-1-10.txt"))) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 2 && t[0].startsWith("pmed")) {
                published.put(t[0], Double.parseDouble(t[1]));
            }
        }
        System.out.printf(Locale.ROOT, "time limit %.0f s per instance; load %s%n", limit, load());
        System.out.println("| instance | n | p | objective | published | bound | gap % | proven | stage | seconds | tree nodes |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        if (which.equals("all") || which.equals("pmed")) {
            for (int k = 1; k <= 10; k++) {
                if (!names.isEmpty() && !names.contains("pmed" + k)) {
                    continue;
                }
                var inst = OrLibrary.readPmed(pmedDir.resolve("pmed" + k + ".txt"));
                row(inst.name(), inst.matrix().demandCount(), inst.p(), published.get(inst.name()),
                    PMedian.solve(inst.matrix(), inst.p(), opt));
            }
        }
        if (which.equals("all") || which.equals("gen")) {
            Path dir = Files.createTempDirectory("gpmed-");
            for (PmedGenerator.Spec s : PmedGenerator.specs()) {
                if (!names.isEmpty() && !names.contains(s.name())) {
                    continue;
                }
                Path f = dir.resolve(s.name() + ".txt");
                Files.writeString(f, PmedGenerator.generate(s));
                var inst = OrLibrary.readPmed(f);
                Files.delete(f);
                row(s.name(), s.n(), s.p(), null, PMedian.solve(inst.matrix(), inst.p(), opt));
            }
            Files.delete(dir);
        }
        System.out.printf(Locale.ROOT, "p-median: %d of %d proven, total %.1f s; instances with a CBC figure: %.1f s "
            + "vs CBC %.0f s; load %s%n", proven, count, total, cbcOurs,
            CBC.values().stream().mapToDouble(Double::doubleValue).sum(), load());
        if (which.equals("all") || which.equals("cap")) {
            total = 0;
            proven = 0;
            count = 0;
            for (int k = 1; k <= 10; k++) {
                if (!names.isEmpty() && !names.contains(String.format(Locale.ROOT, "pmedcap1_%02d", k))) {
                    continue;
                }
                var inst = OrLibrary.readPmedcap(shared.resolve(
                    String.format(Locale.ROOT, "benchmarks/orlib-pmedcap/pmedcap1_%02d.txt", k)));
                row(inst.name(), inst.matrix().demandCount(), inst.p(), inst.bestKnown(), inst.model().solve(opt));
            }
            Path dir = Files.createTempDirectory("gpmedcap-");
            for (Path f : PmedcapGenerator.writeAll(dir)) {
                var inst = OrLibrary.readPmedcap(f);
                Files.delete(f);
                if (names.isEmpty() || names.contains(inst.name())) {
                    // generated: best value unknown (0 on the file's first line)
                    row(inst.name(), inst.matrix().demandCount(), inst.p(), null, inst.model().solve(opt));
                }
            }
            Files.delete(dir);
            System.out.printf(Locale.ROOT, "capacitated: %d of %d proven, total %.1f s; load %s%n", proven, count,
                total, load());
        }
    }

    private static void row(String name, int n, int p, Double published, SitingResult r) {
        total += r.seconds();
        count++;
        if (r.optimal()) {
            proven++;
        }
        if (CBC.containsKey(name)) {
            cbcOurs += r.seconds();
        }
        String nodes = r.notes().stream().filter(t -> t.startsWith("Lagrangian branch and bound: "))
            .map(t -> t.replaceAll("Lagrangian branch and bound: (\\d+) nodes.*", "$1")).findFirst().orElse("–");
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %s | %.1f | %.3f | %s | %s | %.2f | %s |%n", name, n,
            p, r.objective(), published == null ? "–" : String.format(Locale.ROOT, "%.0f", published), r.bestBound(),
            100 * r.gap(), r.optimal() ? "yes" : "no", r.proofStage(), r.seconds(), nodes);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}

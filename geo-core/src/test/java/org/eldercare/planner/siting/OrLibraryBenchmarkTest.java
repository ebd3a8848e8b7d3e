package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Published answers nobody on the project computed: Beasley's pmed1–10 optima (pmedopt-1-10.txt, parsed here) and
 * Osman &amp; Christofides' pmedcap1 best values (first line of each file). Each must be matched exactly AND proven.
 */
class OrLibraryBenchmarkTest {
    static Map<String, Double> optima = new HashMap<>();
    static final SolveOptions EXACT = SolveOptions.defaults().withMethod(SolveMethod.EXACT).withTimeLimitSeconds(120);

    @BeforeAll
    static void readOptima() throws IOException {
        for (String line : Files.readAllLines(SharedData.resolve("benchmarks/orlib-pmed/pmedopt-1-10.txt"))) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 2 && t[0].matches("pmed\\d+")) {
                optima.put(t[0], Double.parseDouble(t[1]));
            }
        }
        assertEquals(10, optima.size(), "pmedopt-1-10.txt should list 10 optima");
    }

    @ParameterizedTest(name = "pmed{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void pmed_optimum_is_matched_and_proven(int k) throws IOException {
        var inst = OrLibrary.readPmed(SharedData.resolve("benchmarks/orlib-pmed/pmed" + k + ".txt"));
        SitingResult r = PMedian.fromCostMatrix(inst.matrix(), inst.p()).solve(EXACT);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r.solver());
        assertEquals(optima.get("pmed" + k), r.objective(), 0.0);
        assertEquals(r.objective(), r.bestBound(), 0.0);
        assertEquals(0.0, r.gap(), 0.0);
        assertEquals(inst.p(), r.chosenSiteIds().size());
        // the reported objective is the sum of the reported assignments (each to its nearest chosen site)
        assertEquals(r.objective(), r.assignments().stream().mapToDouble(Assignment::cost).sum(), 0.0);
    }

    /**
     * pmedcap1: the best known values are proven optima (Osman &amp; Christofides), so a correct model can never report
     * a lower objective nor a higher bound; when the solver proves optimality within the limit the objective must
     * equal the published value. IMPLEMENTATION NOTE: the limit is 12 s per instance to keep the suite near three
     * minutes on the shared 2-core machine; docs/bench/siting.md records which instances are proven within it
     * (under the load seen while writing this, 07, 08 and 10 were not, and then end with status TIME_LIMIT).
     */
    @ParameterizedTest(name = "pmedcap1_{0}")
    @ValueSource(strings = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10"})
    void pmedcap_best_known_is_bracketed_and_matched_when_proven(String k) throws IOException {
        Path f = SharedData.resolve("benchmarks/orlib-pmedcap/pmedcap1_" + k + ".txt");
        var inst = OrLibrary.readPmedcap(f);
        SitingResult r = inst.model().solve(EXACT.withTimeLimitSeconds(12));
        assertTrue(r.status() == SolveStatus.OPTIMAL || r.status() == SolveStatus.TIME_LIMIT, r.status().name());
        assertTrue(r.objective() >= inst.bestKnown(), "objective " + r.objective() + " below the proven optimum");
        assertTrue(r.bestBound() <= inst.bestKnown() + 1e-6, "bound " + r.bestBound() + " above the proven optimum");
        assertEquals(Results.gapMin(r.objective(), r.bestBound()), r.gap(), 1e-9);
        if (r.optimal()) {
            assertEquals(inst.bestKnown(), r.objective(), 0.0);
        }
        assertEquals(inst.p(), r.chosenSiteIds().size());
        // every customer assigned once, no median over capacity Q
        Map<String, Double> load = new HashMap<>();
        for (int i = 0; i < r.assignments().size(); i++) {
            load.merge(r.assignments().get(i).siteId().orElseThrow(), inst.demands().get(i), Double::sum);
        }
        assertTrue(load.values().stream().allMatch(v -> v <= inst.capacity()), load.toString());
        assertTrue(r.chosenSiteIds().containsAll(load.keySet()));
    }
}

package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrLibraryTest {
    @TempDir
    Path dir;

    /*
     * 1 --10-- 2 --5-- 3, edge 1-3 given twice: first 4, then 30 (the last occurrence wins, so 1-3 costs 30 and the
     * shortest path 1→3 is 10 + 5 = 15, not 4).
     */
    @Test
    void last_duplicate_edge_wins_and_costs_are_shortest_paths() throws IOException {
        Path f = dir.resolve("tiny.txt");
        Files.writeString(f, " 3 4 1\n 1 2 10\n 1 3 4\n 2 3 5\n 3 1 30\n");
        var inst = OrLibrary.readPmed(f);
        assertEquals(1, inst.p());
        CostMatrix m = inst.matrix();
        assertEquals(15, m.cost(0, 2), 0.0);
        assertEquals(15, m.cost(2, 0), 0.0);
        assertEquals(10, m.cost(0, 1), 0.0);
        assertEquals(0, m.cost(1, 1), 0.0);
        // 1-median: node 2 gives 10 + 0 + 5 = 15; node 1: 0 + 10 + 15 = 25; node 3: 15 + 5 + 0 = 20
        assertChooses(PMedian.fromCostMatrix(m, 1).solve(SolveOptions.defaults()), "2", 15);
    }

    /* pmedcap: distances are floored Euclidean: (0,0)-(3,4) = 5, (0,0)-(1,1) = floor(1.414) = 1. */
    @Test
    void pmedcap_distances_are_floored_euclidean() throws IOException {
        Path f = dir.resolve("cap.txt");
        Files.writeString(f, " 1 6\n 3 1 10\n 1 0 0 2\n 2 3 4 3\n 3 1 1 4\n");
        var inst = OrLibrary.readPmedcap(f);
        assertEquals(5, inst.matrix().cost(0, 1), 0.0);
        assertEquals(1, inst.matrix().cost(0, 2), 0.0);
        assertEquals(6, inst.bestKnown(), 0.0);
        assertEquals(10, inst.capacity(), 0.0);
        // Q = 10 holds all 9 units; median 3 at (1,1): floor(1.414) + floor(hypot(2,3)=3.6) + 0 = 1 + 3 = 4
        assertChooses(inst.model().solve(SolveOptions.defaults()), "3", 4);
    }

    private static void assertChooses(SitingResult r, String site, double objective) {
        assertEquals(java.util.List.of(site), r.chosenSiteIds());
        assertEquals(objective, r.objective(), 0.0);
    }

    @Test
    void malformed_file_names_file_and_line() throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, " 3 1 1\n 1 x 10\n");
        var ex = assertThrows(IllegalArgumentException.class, () -> OrLibrary.readPmed(f));
        assertTrue(ex.getMessage().contains("bad.txt line 2"), ex.getMessage());
    }
}

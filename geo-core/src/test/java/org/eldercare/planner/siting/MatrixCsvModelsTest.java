package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model on one hand-worked 5 demand × 4 site matrix, read through {@link MatrixCsv} (spopt-style long CSV
 * {@code origin,destination,cost,demand}), and the reader's bad-input errors.
 *
 * <pre>
 *   cost   A  B  C  D     weight (demand column)
 *   d1     2  6  9  6     10
 *   d2     4  3  8  7     20
 *   d3     8  2  4  9     30
 *   d4     9  7  3  4     40
 *   d5     5  9  6  2     50         total 150
 *   capacities (cpmedian, loads = weights): A 80, B 60, C 90, D 70
 * </pre>
 *
 * Radius R = 4 (cost ≤ 4 covers): N(d1) = {A}, N(d2) = {A,B}, N(d3) = {B,C}, N(d4) = {C,D}, N(d5) = {D}; so site A
 * covers {d1,d2} (weight 30), B {d2,d3} (50), C {d3,d4} (70), D {d4,d5} (90).
 */
class MatrixCsvModelsTest {
    static final String[] D = {"d1", "d2", "d3", "d4", "d5"};
    static final String[] S = {"A", "B", "C", "D"};
    static final double[][] C = {{2, 6, 9, 6}, {4, 3, 8, 7}, {8, 2, 4, 9}, {9, 7, 3, 4}, {5, 9, 6, 2}};
    static final double[] W = {10, 20, 30, 40, 50};
    static final SolveOptions OPT = SolveOptions.defaults().withTimeLimitSeconds(30);

    @TempDir
    Path dir;

    Path longCsv() throws IOException {
        StringBuilder sb = new StringBuilder("origin,destination,cost,demand\n");
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                sb.append(D[i]).append(',').append(S[j]).append(',').append((int) C[i][j]).append(',')
                    .append((int) W[i]).append('\n');
            }
        }
        return write("matrix.csv", sb.toString());
    }

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    MatrixCsv.Input read() throws IOException {
        return MatrixCsv.read(longCsv(), MatrixCsv.Options.defaults().withWeightColumn("demand"));
    }

    @Test
    void long_csv_reads_the_matrix_and_weights_in_file_order() throws IOException {
        MatrixCsv.Input in = read();
        CostMatrix m = in.matrix();
        assertEquals(List.of(D), m.demandIds());
        assertEquals(List.of(S), m.candidates().stream().map(CandidateSite::id).toList());
        for (int i = 0; i < 5; i++) {
            assertEquals(W[i], m.weight(i));
            for (int j = 0; j < 4; j++) {
                assertEquals(C[i][j], m.cost(i, j));
            }
        }
        assertEquals(0, in.missingPairs());
    }

    @Test
    void wide_csv_gives_the_same_matrix_with_weights_from_a_file() throws IOException {
        StringBuilder sb = new StringBuilder("id,A,B,C,D\n");
        for (int i = 0; i < 5; i++) {
            sb.append(D[i]);
            for (int j = 0; j < 4; j++) {
                sb.append(',').append((int) C[i][j]);
            }
            sb.append('\n');
        }
        Path w = write("w.csv", "id,weight\nd1,10\nd2,20\nd3,30\nd4,40\nd5,50\n");
        MatrixCsv.Input in = MatrixCsv.read(write("wide.csv", sb.toString()),
            MatrixCsv.Options.defaults().withLayout(MatrixCsv.Layout.WIDE).withWeightsFile(w));
        assertEquals(2, in.matrix().cost(2, 1));
        assertEquals(40, in.matrix().weight(3));
        assertEquals(150, in.matrix().totalWeight());
    }

    /**
     * LSCP, R = 4: d1 is covered only by A and d5 only by D, so A and D are in every cover; they cover d1, d2, d4,
     * d5 and leave d3, which needs B or C. No 2-site cover exists (it would have to be {A, D}), so the minimum is 3
     * sites, reached by exactly {A, B, D} and {A, C, D} (a tie: which one the solver returns is not fixed).
     */
    @Test
    void lscp_needs_three_sites_A_and_D_and_one_of_B_C() throws IOException {
        SitingResult r = LSCP.fromCostMatrix(read().matrix(), 4).solve(OPT);
        assertTrue(r.optimal());
        assertEquals(3, r.objective());
        assertEquals(3, r.bestBound());
        assertTrue(r.chosenSiteIds().equals(List.of("A", "B", "D")) || r.chosenSiteIds().equals(List.of("A", "C", "D")),
            r.chosenSiteIds().toString());
        assertEquals(150, r.coveredDemand());
    }

    /**
     * LSCP-B, R = 4, p* = 3 (above). The two minimum covers differ in backup coverage (points within 4 of two open
     * sites): {A, B, D} covers d2 twice (A 4, B 3) and nothing else twice → 20; {A, C, D} covers d4 twice (C 3, D 4)
     * → 40. The optimum is {A, C, D} with backup-covered demand 40.
     */
    @Test
    void lscp_b_picks_the_minimum_cover_with_most_backup_coverage() throws IOException {
        MatrixCsv.Input in = read();
        SitingResult r = LSCPB.fromCostMatrix(in.matrix(), 4).solve(OPT);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals("LSCPB", r.model());
        assertEquals(List.of("A", "C", "D"), r.chosenSiteIds());
        assertEquals(40, r.objective(), 1e-9);
        assertEquals(40, r.bestBound(), 1e-9);
        assertEquals(0, r.gap());
        assertEquals(150, r.coveredDemand());
        assertEquals(2, LSCPB.coverCount(in.matrix(), r.chosenSiteIds(), 3, 4));
        assertTrue(r.bindingConstraints().get(0).contains("p* = 3"), r.bindingConstraints().toString());
    }

    /**
     * LSCP-B with B fixed open: stage 1 must then hold A, D (the only covers of d1, d5) and B, so p* = 3 and the only
     * cover is {A, B, D}, backup-covered d2 (A 4, B 3) = 20. At R = 1 nothing covers d1 (nearest A at 2): INFEASIBLE,
     * with d1 named.
     */
    @Test
    void lscp_b_keeps_fixed_sites_and_reports_uncoverable_points() throws IOException {
        MatrixCsv.Input in = MatrixCsv.read(longCsv(),
            MatrixCsv.Options.defaults().withWeightColumn("demand").withFixedSites(List.of("B")));
        SitingResult r = LSCPB.fromCostMatrix(in.matrix(), 4).solve(OPT.withRequiredSiteIds(in.fixedSites()));
        assertTrue(r.optimal());
        assertEquals(List.of("A", "B", "D"), r.chosenSiteIds());
        assertEquals(20, r.objective(), 1e-9);
        SitingResult none = LSCPB.fromCostMatrix(in.matrix(), 1).solve(OPT);
        assertEquals(SolveStatus.INFEASIBLE, none.status());
        assertTrue(none.chosenSiteIds().isEmpty());
        assertTrue(none.notes().stream().anyMatch(n -> n.equals("demand d1 has no eligible candidate within 1.0")),
            none.notes().toString());
    }

    /**
     * MCLP, R = 4, p = 2: covered weight of each pair = weight of the union of the two sites' sets:
     * AB {d1,d2,d3} 60, AC {d1..d4} 100, AD {d1,d2,d4,d5} 120, BC {d2,d3,d4} 90, BD {d2..d5} 140, CD {d3,d4,d5} 120.
     * Optimum BD, 140 of 150 (d1 uncovered).
     */
    @Test
    void mclp_p2_covers_140_with_B_and_D() throws IOException {
        SitingResult r = MCLP.fromCostMatrix(read().matrix(), 4, 2).solve(OPT);
        assertTrue(r.optimal());
        assertEquals(List.of("B", "D"), r.chosenSiteIds());
        assertEquals(140, r.objective(), 1e-9);
        assertFalse(r.assignments().get(0).covered());
    }

    /**
     * p-median, p = 2: Σ w_i min(c_iX, c_iY) per pair, terms d1..d5:
     * AB 20+60+60+280+250 = 670; AC 20+80+120+120+250 = 590; AD 20+80+240+160+100 = 600;
     * BC 60+60+60+120+300 = 600; BD 60+60+60+160+100 = 440; CD 60+140+120+120+100 = 540. Optimum BD, 440.
     * With A fixed open the best pair containing A is AC, 590.
     */
    @Test
    void pmedian_p2_is_B_D_at_440_and_A_C_at_590_with_A_fixed() throws IOException {
        SitingResult r = PMedian.solve(read().matrix(), 2, OPT);
        assertTrue(r.optimal());
        assertEquals(List.of("B", "D"), r.chosenSiteIds());
        assertEquals(440, r.objective(), 1e-9);
        MatrixCsv.Input fixed = MatrixCsv.read(longCsv(),
            MatrixCsv.Options.defaults().withWeightColumn("demand").withFixedSites(List.of("A")));
        SitingResult f = PMedian.solve(fixed.matrix(), 2, OPT.withRequiredSiteIds(fixed.fixedSites()));
        assertEquals(List.of("A", "C"), f.chosenSiteIds());
        assertEquals(590, f.objective(), 1e-9);
    }

    /**
     * p-center, p = 2 (unweighted): max_i min per pair: AB max(2,3,2,7,5) = 7; AC max(2,4,4,3,5) = 5;
     * AD max(2,4,8,4,2) = 8; BC max(6,3,2,3,6) = 6; BD max(6,3,2,4,2) = 6; CD max(6,7,4,3,2) = 7. Optimum AC, 5.
     */
    @Test
    void pcenter_p2_is_A_C_at_5() throws IOException {
        SitingResult r = PCenter.fromCostMatrix(read().matrix(), 2).solve(OPT);
        assertTrue(r.optimal());
        assertEquals(List.of("A", "C"), r.chosenSiteIds());
        assertEquals(5, r.objective(), 1e-9);
    }

    /**
     * Capacitated p-median, p = 2, loads = weights (total 150), capacities A 80, B 60, C 90, D 70.
     * AB (140) and BD (130) cannot hold 150. AC: nearest assignment (d1,d2,d5 → A load 80; d3,d4 → C load 70) fits,
     * 590. AD must split 80/70: A-sets of weight 80 are {d3,d5} 490+360 = 850, {d1,d2,d5} 350+430 = 780,
     * {d1,d3,d4} 620+240 = 860 → 780. BC must split 60/90: B {d1,d5} 910, {d2,d4} 850, {d1,d2,d3} 180+420 = 600.
     * CD (160): all to C costs 790; moving a point to D changes it by w(c_D − c_C): d1 −30, d2 −20, d3 +150,
     * d4 +40, d5 −200, with D's load in [60, 70]: {d1,d5} 560, {d2,d5} 570, {d1,d2,d4} 780, {d2,d4} 810, ... → 560
     * (C load 90, D load 60). Optimum CD, 560 — not the uncapacitated BD.
     */
    @Test
    void cpmedian_p2_is_C_D_at_560() throws IOException {
        Path caps = write("caps.csv", "id,capacity\nA,80\nB,60\nC,90\nD,70\n");
        MatrixCsv.Input in = MatrixCsv.read(longCsv(),
            MatrixCsv.Options.defaults().withWeightColumn("demand").withCapacitiesFile(caps));
        assertArrayEquals(new double[] {80, 60, 90, 70}, in.capacities().orElseThrow());
        SitingResult r = CapacitatedPMedian.fromCostMatrix(in.matrix(), 2, W, in.capacities().orElseThrow())
            .solve(OPT);
        assertTrue(r.optimal());
        assertEquals(List.of("C", "D"), r.chosenSiteIds());
        assertEquals(560, r.objective(), 1e-9);
        assertEquals("D", r.assignments().get(0).siteId().orElseThrow());
        assertEquals("C", r.assignments().get(1).siteId().orElseThrow());
    }

    @Test
    void missing_pairs_are_unreachable_or_the_default_and_counted() throws IOException {
        Path f = write("m.csv", "origin,destination,cost\no1,s1,3\no1,s2,5\no2,s1,4\n");
        MatrixCsv.Input in = MatrixCsv.read(f, MatrixCsv.Options.defaults());
        assertEquals(1, in.missingPairs());
        assertEquals(Double.POSITIVE_INFINITY, in.matrix().cost(1, 1));
        assertTrue(in.notes().get(0).contains("1 of 4 origin-destination pairs missing"), in.notes().toString());
        MatrixCsv.Input d = MatrixCsv.read(f, MatrixCsv.Options.defaults().withMissingCost(99));
        assertEquals(99, d.matrix().cost(1, 1));
        assertEquals(1, d.matrix().weight(0));
    }

    String error(Path f, MatrixCsv.Options o) {
        return assertThrows(IllegalArgumentException.class, () -> MatrixCsv.read(f, o)).getMessage();
    }

    @Test
    void non_numeric_and_negative_costs_name_file_line_and_column() throws IOException {
        Path f = write("bad.csv", "origin,destination,cost\no1,s1,3\no1,s2,abc\no2,s1,-1\n");
        String msg = error(f, MatrixCsv.Options.defaults());
        assertTrue(msg.contains(f + " line 3, column 3: (cost) 'abc' is not a number"), msg);
        assertTrue(msg.contains(f + " line 4, column 3: (cost) must be a number >= 0"), msg);
        assertTrue(msg.startsWith("2 problems"), msg);
    }

    @Test
    void duplicate_pair_names_both_lines() throws IOException {
        Path f = write("dup.csv", "origin,destination,cost\no1,s1,3\no2,s1,4\no1,s1,5\n");
        String msg = error(f, MatrixCsv.Options.defaults());
        assertTrue(msg.contains(f + " line 4: duplicate pair (o1, s1), first at line 2"), msg);
    }

    @Test
    void unknown_and_missing_ids_in_side_files_and_fixed_list_are_errors() throws IOException {
        Path f = write("m.csv", "origin,destination,cost\no1,s1,3\no2,s1,4\n");
        Path w = write("w.csv", "id,weight\no1,2\nzz,5\n");
        String msg = error(f, MatrixCsv.Options.defaults().withWeightsFile(w));
        assertTrue(msg.contains(w + " line 3, column 1: unknown id 'zz': not an origin of the matrix"), msg);
        assertTrue(msg.contains(w + ": no weight for 1 origin(s): o2"), msg);
        Path caps = write("c.csv", "id,capacity\ns1,x\n");
        String cm = error(f, MatrixCsv.Options.defaults().withCapacitiesFile(caps));
        assertTrue(cm.contains(caps + " line 2, column 2: (capacity) 'x' is not a number"), cm);
        String fm = error(f, MatrixCsv.Options.defaults().withFixedSites(List.of("s9")));
        assertTrue(fm.contains("fixed site 's9' is not a destination of " + f), fm);
    }

    @Test
    void inconsistent_weight_column_missing_column_and_field_count_are_errors() throws IOException {
        Path f = write("w.csv", "origin,destination,cost,demand\no1,s1,3,10\no1,s2,4,12\no2,s1,1\n");
        String msg = error(f, MatrixCsv.Options.defaults().withWeightColumn("demand"));
        assertTrue(msg.contains(f + " line 3, column 4: origin 'o1' has weight 12 here but 10 at line 2"), msg);
        assertTrue(msg.contains(f + " line 4: has 3 fields but the header has 4"), msg);
        String col = error(f, MatrixCsv.Options.defaults().withColumns(null, null, "minutes"));
        assertTrue(col.contains(f + " line 1: cost column 'minutes' is not in the header"), col);
    }

    @Test
    void wide_duplicate_origin_and_empty_cells() throws IOException {
        Path f = write("wide.csv", "o,s1,s2\no1,1,\no2,2,3\no1,4,5\n");
        String msg = error(f, MatrixCsv.Options.defaults().withLayout(MatrixCsv.Layout.WIDE));
        assertTrue(msg.contains(f + " line 4, column 1: duplicate origin 'o1'"), msg);
        Path withW = write("wide3.csv", "o,s1,w,s2\no1,1,7,2\no2,2,3,4\n");
        MatrixCsv.Input wi = MatrixCsv.read(withW,
            MatrixCsv.Options.defaults().withLayout(MatrixCsv.Layout.WIDE).withWeightColumn("w"));
        assertEquals(List.of("s1", "s2"), wi.matrix().candidates().stream().map(CandidateSite::id).toList());
        assertEquals(7, wi.matrix().weight(0));
        assertEquals(4, wi.matrix().cost(1, 1));
        Path ok = write("wide2.csv", "o,s1,s2\no1,1,\no2,2,inf\n");
        MatrixCsv.Input in = MatrixCsv.read(ok, MatrixCsv.Options.defaults().withLayout(MatrixCsv.Layout.WIDE));
        assertEquals(1, in.missingPairs());
        assertEquals(Double.POSITIVE_INFINITY, in.matrix().cost(0, 1));
        assertEquals(Double.POSITIVE_INFINITY, in.matrix().cost(1, 1));
        assertEquals(Set.of(), in.fixedSites());
    }
}

package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * solve-matrix and od-matrix through the command line. The matrix is the hand-worked 5 × 4 one of geo-core's
 * MatrixCsvModelsTest (weights 10..50): LSCP-B at radius 4 opens A, C, D with 40 backup-covered (d4 within 4 of C and
 * D); p-median p = 2 opens B, D at 440; with A fixed, A, C at 590.
 */
class SolveMatrixCommandTest {
    static final String MATRIX = "origin,destination,cost,demand\n"
        + "d1,A,2,10\nd1,B,6,10\nd1,C,9,10\nd1,D,6,10\n"
        + "d2,A,4,20\nd2,B,3,20\nd2,C,8,20\nd2,D,7,20\n"
        + "d3,A,8,30\nd3,B,2,30\nd3,C,4,30\nd3,D,9,30\n"
        + "d4,A,9,40\nd4,B,7,40\nd4,C,3,40\nd4,D,4,40\n"
        + "d5,A,5,50\nd5,B,9,50\nd5,C,6,50\nd5,D,2,50\n";

    @TempDir
    Path dir;

    Path matrix() throws Exception {
        Path f = dir.resolve("spopt.csv");
        Files.writeString(f, MATRIX);
        return f;
    }

    @Test
    void lscp_b_prints_objective_bound_gap_proof_sites_and_assignments() throws Exception {
        Path json = dir.resolve("out.json");
        CliRun r = CliRun.of("solve-matrix", matrix().toString(), "--model", "lscp-b", "--max-cost", "4",
            "--weight-col", "demand", "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().trim().lines().count(), r.out());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("spopt", j.get("instance").asText());
        assertEquals("lscp-b", j.get("model").asText());
        assertEquals(40, j.get("objective").asLong());
        assertEquals(40, j.get("bound").asLong());
        assertEquals(0, j.get("gap").asLong());
        assertTrue(j.get("optimal").asBoolean());
        assertEquals("FULL_MIP", j.get("proofStage").asText());
        assertEquals(List.of("A", "C", "D"), List.of(j.get("sites").get(0).asText(), j.get("sites").get(1).asText(),
            j.get("sites").get(2).asText()));
        assertEquals(3, j.get("sites").size());
        JsonNode d4 = j.get("assignments").get(3);
        assertEquals("d4", d4.get("demand").asText());
        assertEquals("C", d4.get("site").asText());
        assertEquals(3, d4.get("cost").asLong());
        assertEquals(2, d4.get("coverCount").asInt());
        assertEquals(j, new ObjectMapper().readTree(json.toFile()));
    }

    @Test
    void pmedian_csv_output_and_fixed_site() throws Exception {
        Path csv = dir.resolve("out.csv");
        CliRun r = CliRun.of("solve-matrix", matrix().toString(), "--model", "pmedian", "--p", "2", "--weight-col",
            "demand", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("role,model,status,objective,bound,gap,proofStage,site,demand,cost,weight,covered,coverCount",
            lines.get(0));
        assertTrue(lines.get(1).startsWith("summary,pmedian,OPTIMAL,440,440,0,"), lines.get(1));
        assertEquals("site,,,,,,,B,,,,,", lines.get(2));
        assertEquals("site,,,,,,,D,,,,,", lines.get(3));
        // d1 is 6 from both B and D: the tie goes to the first site in matrix order, B
        assertEquals("assignment,,,,,,,B,d1,6,10,true,", lines.get(4));
        assertEquals(4 + 5, lines.size());
        CliRun f = CliRun.of("solve-matrix", matrix().toString(), "--model", "pmedian", "--p", "2", "--weight-col",
            "demand", "--fixed", "A");
        JsonNode j = new ObjectMapper().readTree(f.out());
        assertEquals(590, j.get("objective").asLong());
        assertEquals("A", j.get("sites").get(0).asText());
        assertEquals("C", j.get("sites").get(1).asText());
    }

    @Test
    void option_errors_are_one_line_and_exit_2() throws Exception {
        CliRun r = CliRun.of("solve-matrix", matrix().toString(), "--model", "pmedian");
        assertEquals(2, r.code());
        assertEquals("error: --p: required for --model pmedian (the number of sites)", r.err().trim());
        CliRun cap = CliRun.of("solve-matrix", matrix().toString(), "--model", "cpmedian", "--p", "2");
        assertEquals(2, cap.code());
        assertEquals("error: --capacities: required for --model cpmedian (CSV id,capacity)", cap.err().trim());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "origin,destination,cost\no1,s1,x\n");
        CliRun b = CliRun.of("solve-matrix", bad.toString(), "--model", "lscp", "--max-cost", "5");
        assertEquals(2, b.code());
        assertEquals("error: " + bad + " line 2, column 3: (cost) 'x' is not a number", b.err().trim());
    }

    @Test
    void od_matrix_fails_on_an_unsnapped_origin_unless_kept() throws Exception {
        Path roads = dir.resolve("roads.geojson");
        Files.writeString(roads, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"r\","
            + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[116,40],[116,40.001]]},"
            + "\"properties\":{\"highway\":\"footway\"}}]}");
        Path pts = dir.resolve("pts.csv");
        Files.writeString(pts, "id,lon,lat\na,116,40\nfar,116.2,40.2\n");
        Path sites = dir.resolve("sites.csv");
        Files.writeString(sites, "id,lon,lat\ns,116,40.001\n");
        Path out = dir.resolve("m.csv");
        CliRun r = CliRun.of("od-matrix", "--network", roads.toString(), "--origins", pts.toString(),
            "--destinations", sites.toString(), "--walk-speed", "1", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: 1 point(s) snap to no road within 300.0 m"), r.err());
        assertTrue(r.err().contains("origin far: no road within 300 m"), r.err());
        CliRun k = CliRun.of("od-matrix", "--network", roads.toString(), "--origins", pts.toString(),
            "--destinations", sites.toString(), "--walk-speed", "1", "--keep-unsnapped", "--out", out.toString());
        assertEquals(0, k.code(), k.err());
        assertTrue(k.err().contains("warning: origin far"), k.err());
        List<String> lines = Files.readAllLines(out);
        // a → s along the one road: 0.001° of latitude = 111.195 m at 1 m/s = 1.8533 min
        assertEquals("a,s,1.8533,0,0", lines.get(1));
        assertEquals("far,s,inf,,0", lines.get(2));
    }
}

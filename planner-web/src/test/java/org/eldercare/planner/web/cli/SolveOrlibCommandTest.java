package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** solve-orlib prints one JSON line with the published optimum for pmed1 (Beasley: 5819), proven. */
class SolveOrlibCommandTest {
    static Path shared() {
        return Path.of(System.getProperty("planner.shared.dir", "../../shared"));
    }

    @Test
    void pmed1_prints_published_optimum_as_one_json_line() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = PlannerCli.commandLine().execute("solve-orlib",
                shared().resolve("benchmarks/orlib-pmed/pmed1.txt").toString(), "--time-limit", "60");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        String out = buf.toString(StandardCharsets.UTF_8).trim();
        assertEquals(1, out.lines().count(), out);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("pmed1", j.get("instance").asText());
        assertEquals("pmedian", j.get("model").asText());
        assertEquals(5819, j.get("objective").asLong());
        assertTrue(j.get("optimal").asBoolean());
        assertEquals(5819, j.get("bound").asLong());
        assertTrue(j.get("seconds").asDouble() >= 0);
    }

    @Test
    void unknown_model_is_bad_input_with_exit_2() {
        StringWriter err = new StringWriter();
        var cl = PlannerCli.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("solve-orlib", shared().resolve("benchmarks/orlib-pmed/pmed1.txt").toString(),
            "--model", "lscp");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--model: must be pmedian, pcenter or cpmedian, was lscp"), err.toString());
    }
}

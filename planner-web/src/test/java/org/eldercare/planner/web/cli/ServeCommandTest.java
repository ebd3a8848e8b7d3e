package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.eldercare.planner.web.TestCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    static String[] run(String... args) {
        CliRun r = CliRun.of(args);
        return new String[] {Integer.toString(r.code()), r.out(), r.err()};
    }

    @Test
    void serves_a_geopackage_workspace_and_prints_the_url(@TempDir Path tmp) throws Exception {
        Path gpkg = tmp.resolve("county.gpkg");
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            ws.write(TestCounty.data());
        }
        ServeCommand cmd = new ServeCommand();
        CommandLine cl = new CommandLine(cmd);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.parseArgs("--data", gpkg.toString(), "--port", "0", "--profile", "wengan-2023");
        Javalin app = cmd.start();
        try {
            String url = "http://127.0.0.1:" + app.port() + "/";
            assertTrue(out.toString().contains("planner map:          " + url), out.toString());
            assertTrue(out.toString().contains(url + "ogc"), out.toString());
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "api/config")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            var config = TestCounty.json(r.body());
            assertEquals("测试县", config.get("name").asText());
            assertTrue(out.toString().startsWith("测试县 (" + gpkg + "): 5 units, 4 facilities, 3 districts, 2 roads"),
                out.toString());
            assertEquals("wengan-2023", config.at("/profile/id").asText());
            assertTrue(config.get("basemap").isNull());
        } finally {
            app.stop();
        }
    }

    @Test
    void the_bundled_sample_workspace_loads_whole() {
        var data = ServeCommand.load(org.eldercare.planner.web.SampleCounty.gpkg().toString());
        assertTrue(data.name().startsWith("贵溪市"), data.name());
        // counts from data/README.md: 294 admin units, 88 facilities, 75 medical, 15 districts, 436 demand, 176 roads
        assertEquals(294, data.adminUnits().size());
        assertEquals(88, data.facilities().size());
        assertEquals(75, data.medicalFacilities().size());
        assertEquals(15, data.districts().size());
        assertEquals(436, data.demandPoints().size());
        assertEquals(176, data.roads().size());
    }

    @Test
    void bad_arguments_exit_2_naming_the_option() {
        String[] missing = run("serve", "--data", "/nonexistent/county.gpkg", "--port", "0");
        assertEquals("2", missing[0]);
        assertTrue(missing[2].contains("data: no such file"), missing[2]);
        String[] both = run("serve", "--data", "a.gpkg", "--db", "jdbc:postgresql://localhost/x", "--port", "0");
        assertEquals("2", both[0]);
        assertTrue(both[2].contains("either --data or --db"), both[2]);
        String[] basemap = run("serve", "--basemap", "amap", "--port", "0");
        assertEquals("2", basemap[0]);
        assertTrue(basemap[2].contains("basemap:"), basemap[2]);
        String[] profile = run("serve", "--profile", "atlantis", "--port", "0");
        assertEquals("2", profile[0]);
        assertTrue(profile[2].contains("profile"), profile[2]);
    }

    @Test
    void the_sample_is_found_from_any_directory_inside_the_repository(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("data/guixi"));
        Files.writeString(repo.resolve(ServeCommand.SAMPLE), "");
        Path deep = Files.createDirectories(repo.resolve("planner-web/target"));
        assertEquals(repo.resolve(ServeCommand.SAMPLE), ServeCommand.findSample(List.of(deep)).orElseThrow());
        assertTrue(ServeCommand.findSample(List.of(Files.createDirectories(tmp.resolve("elsewhere")))).isEmpty());
    }

    /** The bundled file is served through a working copy: made once, then kept (saved scenarios live there). */
    @Test
    void the_sample_is_served_from_a_working_copy_that_is_made_once_and_kept(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("data/guixi"));
        Path sample = repo.resolve(ServeCommand.SAMPLE);
        Files.writeString(sample, "bundled");
        Path copy = ServeCommand.workingCopy(sample);
        assertEquals(repo.resolve(ServeCommand.SAMPLE_COPY).toAbsolutePath(), copy);
        assertEquals("bundled", Files.readString(copy));
        Files.writeString(copy, "with saved scenarios");
        assertEquals(copy, ServeCommand.workingCopy(sample));
        assertEquals("with saved scenarios", Files.readString(copy), "an existing copy is never overwritten");
        assertEquals("bundled", Files.readString(sample));
    }
}

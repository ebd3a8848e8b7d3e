package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planner coverage} on the committed 贵溪市 sample (data/guixi) and on bad input. */
class CoverageCommandTest {
    static final Path GUIXI = Path.of("..", "data", "guixi");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void writes_the_five_files_for_the_sample_county(@TempDir Path dir) throws Exception {
        CliRun r = run("coverage", "--data", GUIXI.toString(), "--profile", "wendeng-2021", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        // data/README.md: 436 demand points adding up to the census 60+ total of 96 492
        assertTrue(r.out().contains("436 demand points"), r.out());
        assertTrue(r.out().contains("贵溪市: 96492 elderly"), r.out());
        for (String f : new String[] {"coverage_units.geojson", "gaps.geojson", "findings.csv", "findings.json",
            "summary.md"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        String csv = Files.readString(dir.resolve("findings.csv"));
        // Wendeng §2(五): three of the four streets have a comprehensive centre → 0.75 at the county
        assertTrue(csv.contains("coverage.street.comprehensiveCentre,FAIL,0.75,1,share,TARGET,文登 2021,§2(五),"
            + "360681000000"), csv.substring(0, Math.min(2000, csv.length())));
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("## Rules failed"));
        // the one gap schema of geo-core, the same property set as the web's /api/layers/gaps
        var gaps = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("gaps.geojson").toFile())
            .get("features");
        assertTrue(gaps.size() > 0);
        java.util.List<String> keys = new java.util.ArrayList<>();
        gaps.get(0).get("properties").fieldNames().forEachRemaining(keys::add);
        assertEquals(org.eldercare.planner.coverage.GapFeatures.PROPERTIES, keys);
        assertEquals("gap-1", gaps.get(0).get("id").asText());
    }

    @Test
    void reads_the_sample_geopackage_too(@TempDir Path dir) throws Exception {
        CliRun r = run("coverage", "--data", GUIXI.resolve("guixi.gpkg").toString(), "--profile", "wuzhong-2023",
            "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("贵溪市: 96492 elderly"), r.out());
        // Wuzhong states the 9073 split: 96 492 × 0.90 / 0.07 / 0.03 = 86 843 / 6 754 / 2 895
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("86,843 / 6,754 / 2,895"),
            Files.readString(dir.resolve("summary.md")));
    }

    @Test
    void service_kinds_decide_the_circle_and_every_kind_reports_its_bands(@TempDir Path dir) {
        CliRun all = run("coverage", "--data", GUIXI.toString(), "--profile", "wendeng-2021", "--out",
            dir.resolve("all").toString());
        CliRun dayCare = run("coverage", "--data", GUIXI.toString(), "--profile", "wendeng-2021", "--out",
            dir.resolve("dc").toString(), "--service-kinds", "日间照料中心");
        assertEquals(0, dayCare.code(), dayCare.err());
        assertTrue(dayCare.out().contains("service kinds day-care-centre"), dayCare.out());
        // covered with day-care centres alone = the county's day-care 15-minute band, and at most the all-kinds cover
        long coveredDc = number(dayCare.out(), "贵溪市: 96492 elderly, (\\d+) within 15 min");
        long bandDc = number(dayCare.out(), "day-care-centre 日间照料中心: \\d+ within 5 min, \\d+ within 10 min, "
            + "(\\d+) within 15 min");
        assertEquals(coveredDc, bandDc);
        assertTrue(coveredDc <= number(all.out(), "贵溪市: 96492 elderly, (\\d+) within 15 min"), all.out());
        CliRun bad = run("coverage", "--data", GUIXI.toString(), "--profile", "wendeng-2021", "--out",
            dir.toString(), "--service-kinds", "spa");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--service-kinds") && bad.err().contains("spa"), bad.err());
    }

    private static long number(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Long.parseLong(m.group(1));
    }

    @Test
    void bad_input_exits_2_with_the_option_named(@TempDir Path dir) {
        CliRun missing = run("coverage", "--data", dir.resolve("nope").toString(), "--profile", "wendeng-2021", "--out",
            dir.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--data"), missing.err());
        CliRun speed = run("coverage", "--data", GUIXI.toString(), "--profile", "wendeng-2021", "--out", dir.toString(),
            "--walk-speed", "7");
        assertEquals(2, speed.code());
        assertTrue(speed.err().contains("--walk-speed must be in (0, 3] m/s, was 7.0"), speed.err());
        CliRun profile = run("coverage", "--data", GUIXI.toString(), "--profile", "atlantis-2099", "--out",
            dir.toString());
        assertEquals(2, profile.code());
        assertTrue(profile.err().contains("atlantis-2099"), profile.err());
    }
}

package org.eldercare.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.policy.Rule;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.eldercare.planner.testing.JavaSnippets;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example compiles, runs on the sample county and prints the number it claims. */
class ReadmeSnippetsTest {
    @TempDir
    Path tmp;

    @Test
    void the_readme_coverage_example_prints_the_county_beds_per_1000_elderly() throws Exception {
        Path gpkg = SharedData.repoRoot().resolve("data/guixi/guixi.gpkg");
        String printed = JavaSnippets.run(SharedData.repoRoot().resolve("README.md"), "readme-coverage",
            Map.of("\"data/guixi/guixi.gpkg\"", "\"" + gpkg.toString().replace("\\", "/") + "\""), tmp);

        // Expected, worked out from the data without the coverage package: the beds of the county's institutions
        // (养老机构, FacilityKind.isInstitution) per 1000 residents aged 60+ of the county unit (sample: 1717 beds,
        // 96 492 elderly → 17.8 < 35: FAIL).
        PlanningData county;
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            county = ws.read();
        }
        long beds = county.facilities().stream().filter(f -> f.kind().isInstitution()).mapToLong(Facility::beds).sum();
        AdminUnit c = county.listAdminUnits(AdminLevel.COUNTY).get(0);
        double per1000 = beds * 1000.0 / c.elderly60().getAsLong();
        Rule rule = PolicyProfiles.get("changzhi-2019").getRule("beds.per1000Elderly");
        String expected = String.format(Locale.ROOT, "%s %.1f vs %.1f %s (%s)",
            per1000 >= rule.value() ? "PASS" : "FAIL", per1000, rule.value(), rule.unit(), rule.citation());
        assertEquals(expected, printed.replace(",", "."));
        assertEquals("FAIL 17.8 vs 35.0", printed.substring(0, "FAIL 17.8 vs 35.0".length()));
    }
}

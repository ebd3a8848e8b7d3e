package org.eldercare.planner.zoning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.eldercare.planner.testing.JavaSnippets;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example in README.md (between {@code <!-- snippet:zoning-embed -->} and
 * {@code <!-- /snippet -->}) compiles and prints what the document says. Expected output worked out by hand:
 * 瓮安, new district, 1750 households: required 20 × 1750 / 100 = 350 m²; sites 350 + 120 = 470 m² ≥ 350, but the
 * 120 m² site is below the 350 m² single-site minimum → FAIL [SINGLE_SITE_MINIMUM].
 */
class ZoningSnippetTest {
    static final String DOC = "README.md";
    static final String MARK = "zoning-embed";

    @TempDir
    Path tmp;

    @Test
    void the_documented_snippet_compiles_and_prints_the_documented_output() throws Exception {
        String printed = JavaSnippets.run(SharedData.repoRoot().resolve(DOC), MARK, Map.of(), tmp);
        assertEquals(String.join("\n",
                "FAIL [SINGLE_SITE_MINIMUM] required 350.0 m², provided 470.0",
                "  district.floorArea.newPer100Households = 20.0 m2/100households (瓮安 2023 §二(三)9)",
                "  district.singleSite.minM2 = 350.0 m2 (瓮安 2023 §二(三)9)",
                "site(s) of 120 m² below the single-site minimum of 350 m² (瓮安 2023 §二(三)9)"),
            printed);
    }
}

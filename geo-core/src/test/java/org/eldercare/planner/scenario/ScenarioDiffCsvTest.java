package org.eldercare.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eldercare.planner.model.AdminLevel;
import org.junit.jupiter.api.Test;

/** The CSV export of a diff, on a hand-made two-unit diff. */
class ScenarioDiffCsvTest {
    @Test
    void a_total_row_then_one_row_per_unit_with_the_json_numbers_blank_where_none_and_quoted_names() {
        // county: 1000 elderly, 400 → 550 covered, beds 100 → 120 (per 1000: 100 → 120);
        // a village without elderly (shares NaN → blank) whose name holds a comma and a quote
        ScenarioDiff d = new ScenarioDiff("甲", "乙", List.of(
            new ScenarioDiff.UnitDelta("360681000000", "贵溪市", AdminLevel.COUNTY, 1000, 1000, 400, 550, 0.4, 0.55,
                100, 120, 100, 120),
            new ScenarioDiff.UnitDelta("360681001001", "东村,\"新\"", AdminLevel.VILLAGE, 0, 0, 0, 0, Double.NaN,
                Double.NaN, 0, 0, Double.NaN, Double.NaN)),
            new ScenarioDiff.Total(1000, 1000, 400, 550, 100, 120, 3, 1, 5, 4), List.of(), List.of(), List.of());
        assertEquals("""
            scope,code,name,level,elderlyBefore,elderlyAfter,elderlyCoveredBefore,elderlyCoveredAfter,\
            deltaElderlyCovered,coveredShareBefore,coveredShareAfter,deltaCoveredShare,bedsBefore,bedsAfter,deltaBeds,\
            bedsPer1000Before,bedsPer1000After,spatialGapsBefore,spatialGapsAfter,findingsFailBefore,findingsFailAfter
            total,,,,1000,1000,400,550,150,0.4,0.55,0.15,100,120,20,,,3,1,5,4
            unit,360681000000,贵溪市,county,1000,1000,400,550,150,0.4,0.55,0.15,100,120,20,100,120,,,,
            unit,360681001001,"东村,\"\"新\"\"\",village,0,0,0,0,0,,,,0,0,0,,,,,,
            """, ScenarioDiffCsv.text(d));
    }
}

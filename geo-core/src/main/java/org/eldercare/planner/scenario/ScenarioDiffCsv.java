package org.eldercare.planner.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A {@link ScenarioDiff} as CSV (RFC 4180, UTF-8): the "export diff" of two saved scenarios. One row for the total,
 * then one per unit, with the same keys and the same numbers (rounded to {@value ScenarioJson#DECIMALS} decimals)
 * as {@link ScenarioJson#diffJson}'s {@code total} and {@code units}; the findings that appear or disappear and the
 * district changes are in the JSON only. Columns: {@code scope} ({@code total} or {@code unit}), {@code code},
 * {@code name}, {@code level}, then {@link #VALUE_COLUMNS}; a blank cell where the value does not apply (no
 * elderly: no share; per-1000 beds only per unit; gaps and failed findings only in total).
 */
public final class ScenarioDiffCsv {
    /** The value columns, in order (keys of {@link ScenarioJson#diffJson}). */
    public static final List<String> VALUE_COLUMNS = List.of("elderlyBefore", "elderlyAfter",
        "elderlyCoveredBefore", "elderlyCoveredAfter", "deltaElderlyCovered", "coveredShareBefore",
        "coveredShareAfter", "deltaCoveredShare", "bedsBefore", "bedsAfter", "deltaBeds", "bedsPer1000Before",
        "bedsPer1000After", "spatialGapsBefore", "spatialGapsAfter", "findingsFailBefore", "findingsFailAfter");

    private ScenarioDiffCsv() {}

    /** The diff as CSV text, header first, {@code \n} line ends. */
    public static String text(ScenarioDiff d) {
        JsonNode j = ScenarioJson.diffJson(d);
        StringBuilder sb = new StringBuilder("scope,code,name,level,").append(String.join(",", VALUE_COLUMNS))
            .append('\n');
        row(sb, "total", j.get("total"));
        for (Iterator<JsonNode> it = j.get("units").elements(); it.hasNext(); ) {
            row(sb, "unit", it.next());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String scope, JsonNode n) {
        List<String> cells = new ArrayList<>(List.of(scope, n.path("code").asText(""), n.path("name").asText(""),
            n.path("level").asText("")));
        for (String key : VALUE_COLUMNS) {
            JsonNode v = n.get(key);
            cells.add(v == null || v.isNull() ? "" : v.asText());
        }
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(i == 0 ? "" : ",").append(c.contains(",") || c.contains("\"") || c.contains("\n")
                ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        sb.append('\n');
    }
}

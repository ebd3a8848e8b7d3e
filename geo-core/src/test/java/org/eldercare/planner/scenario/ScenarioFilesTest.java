package org.eldercare.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {
    static final String GOOD = """
        name: three stations
        description: 三个日间照料站
        base: ../../data/guixi/guixi.gpkg
        profile: wengan-2023
        changes:
          - {type: add-facility, id: N1, name: 新站, kind: day-care-centre, lon: 117.2, lat: 28.28}
          - {type: move-facility, id: F1, lon: 117.21, lat: 28.29}
          - {type: close-facility, id: F2}
          - {type: resize-facility, id: F3, beds: 120, nursingBeds: 80}
          - {type: add-district, id: D9, households: 800, status: new, elderlySiteAreasM2: [400]}
          - {type: edit-district, id: D1, households: 900}
          - {type: scale-elderly, factor: 1.08}
          - {type: scale-elderly, factor: 1.1, unitCode: "360681100"}
          - {type: set-profile-value, rule: walk.elderlySpeedMps, value: 0.76}
        """;

    static Scenario parse(String yaml) {
        return ScenarioFiles.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void every_change_type_parses() {
        Scenario s = parse(GOOD);
        assertEquals("three stations", s.name());
        assertEquals("wengan-2023", s.profile());
        assertEquals(9, s.changes().size());
        assertEquals(new Change.AddFacility("N1", "新站", FacilityKind.DAY_CARE_CENTRE, 117.2, 28.28, 0, 0,
            Optional.empty()), s.changes().get(0));
        assertEquals(new Change.ResizeFacility("F3", OptionalInt.of(120), OptionalInt.of(80), OptionalInt.empty()),
            s.changes().get(3));
        assertEquals(new Change.AddDistrict("D9", null, 800, DistrictStatus.NEW, List.of(400.0), Optional.empty()),
            s.changes().get(4));
        assertEquals(new Change.ScaleElderly(1.1, Optional.of("360681100")), s.changes().get(7));
        assertEquals(new Change.SetProfileValue("walk.elderlySpeedMps", 0.76), s.changes().get(8));
    }

    @Test
    void canonical_json_reads_back_to_an_equal_scenario() {
        Scenario s = parse(GOOD);
        assertEquals(s, ScenarioFiles.parse("x.json", ScenarioWriter.toJsonText(s).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void two_invalid_entries_are_both_reported_with_their_index_and_key() {
        ScenarioException ex = assertThrows(ScenarioException.class, () -> parse("""
            name: bad
            base: x.gpkg
            profile: wengan-2023
            changes:
              - {type: close-facility, id: F1}
              - {type: add-facility, id: N1, name: 站, kind: day-care-centre, lon: 117.2}
              - {type: close-facility, id: F2}
              - {type: scale-elderly, factor: -2}
            """));
        assertEquals(List.of(1, 3), ex.scenarioProblems().stream().map(ScenarioProblem::changeIndex).toList());
        assertEquals(List.of("changes[1].lat", "changes[3].factor"), ex.scenarioProblems().stream()
            .map(ScenarioProblem::key).toList());
        // the same problems as data for a generic caller (web error mapping): change as feature, key as field
        assertEquals(List.of("changes[1]", "changes[3]"), ex.problems().stream().map(p -> p.feature()).toList());
        assertEquals(List.of("changes[1].lat", "changes[3].factor"), ex.problems().stream().map(p -> p.field())
            .toList());
        assertTrue(ex.getMessage().contains("changes[3].factor: must be in (0, 10], was -2"), ex.getMessage());
    }

    @Test
    void schema_problems_name_unknown_keys_types_and_top_level_keys() {
        ScenarioException ex = assertThrows(ScenarioException.class, () -> parse("""
            name: bad
            profile: wengan-2023
            colour: red
            changes:
              - {type: demolish, id: F1}
              - {type: move-facility, id: F1, lon: 117.2, lat: 95, floor: 3}
              - {type: edit-district, id: D1}
              - {type: add-facility, id: N1, name: x, kind: spaceport, lon: 1, lat: 2, beds: 5, nursingBeds: 9}
            """));
        assertEquals(List.of("colour", "base", "changes[0].type", "changes[1].floor", "changes[1].lat", "changes[2]",
            "changes[3].kind", "changes[3].nursingBeds"), ex.scenarioProblems().stream().map(ScenarioProblem::key).toList());
    }

    @Test
    void scenarios_save_to_and_load_from_a_workspace(@TempDir Path tmp) {
        Scenario s = parse(GOOD);
        try (Workspace ws = Workspaces.open(tmp.resolve("ws.gpkg").toString())) {
            ScenarioWriter.save(ws, s);
            assertEquals(s, ScenarioFiles.load(ws, "three stations"));
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> ScenarioFiles.load(ws, "other"));
            assertTrue(ex.getMessage().contains("[three stations]"), ex.getMessage());
        }
    }
}

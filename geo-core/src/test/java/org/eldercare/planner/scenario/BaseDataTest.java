package org.eldercare.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BaseData} reads a planning workspace and names the accepted forms otherwise. */
class BaseDataTest {
    @Test
    void a_planning_workspace_reads_through_the_store(@TempDir Path tmp) {
        PlanningData town = LineTown.data();
        Path gpkg = tmp.resolve("ws.gpkg");
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            ws.write(town);
        }
        assertEquals(town, BaseData.read(gpkg.toString()));
    }

    @Test
    void bad_locations_name_the_accepted_forms(@TempDir Path tmp) throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BaseData.read(tmp.resolve("x.gpkg").toString()))
            .getMessage().contains("no such GeoPackage workspace"));
        Path csv = Files.writeString(tmp.resolve("x.csv"), "a\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BaseData.read(csv.toString())).getMessage()
            .contains("expected a .gpkg workspace or jdbc:postgresql:// URL"));
    }
}

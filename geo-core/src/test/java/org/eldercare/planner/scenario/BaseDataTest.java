package org.eldercare.planner.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BaseData} reads a planning workspace and a plain layer GeoPackage to the same records. */
class BaseDataTest {
    @Test
    void a_plain_layer_geopackage_reads_through_the_layer_mapper(@TempDir Path tmp) throws Exception {
        PlanningData town = LineTown.data();
        LayerMapper m = LayerMapper.defaults();
        Path gpkg = tmp.resolve("line-town.gpkg");
        LayerFiles.write(gpkg, "admin_units", m.adminUnitFeatures(town.adminUnits()), Crs.WGS84);
        LayerFiles.write(gpkg, "facilities", m.facilityFeatures(town.facilities()), Crs.WGS84);
        LayerFiles.write(gpkg, "demand_points", m.demandPointFeatures(town.demandPoints()), Crs.WGS84);
        LayerFiles.write(gpkg, "roads", m.roadFeatures(town.roads()), Crs.WGS84);
        assertTrue(!BaseData.isWorkspace(gpkg));
        PlanningData back = BaseData.read(gpkg.toString());
        assertEquals("line-town", back.name());
        assertEquals(town.facilities(), back.facilities());
        assertEquals(town.demandPoints(), back.demandPoints());
        assertEquals(town.adminUnits().size(), back.adminUnits().size());
        assertEquals(town.roads().size(), back.roads().size());
        assertEquals(0, back.districts().size());
    }

    @Test
    void a_planning_workspace_reads_through_the_store(@TempDir Path tmp) {
        PlanningData town = LineTown.data();
        Path gpkg = tmp.resolve("ws.gpkg");
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            ws.write(town);
        }
        assertTrue(BaseData.isWorkspace(gpkg));
        assertEquals(town, BaseData.read(gpkg.toString()));
    }

    @Test
    void bad_locations_name_the_accepted_forms(@TempDir Path tmp) throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BaseData.read(tmp.resolve("x.gpkg").toString()))
            .getMessage().contains("no such GeoPackage"));
        Path csv = Files.writeString(tmp.resolve("x.csv"), "a\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BaseData.read(csv.toString())).getMessage()
            .contains("expected a .gpkg file or jdbc:postgresql:// URL"));
    }
}

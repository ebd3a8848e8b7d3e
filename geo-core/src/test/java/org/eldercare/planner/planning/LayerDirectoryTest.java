package org.eldercare.planner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.PlanningData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A county kept as files of mixed formats: the county as GeoJSON, facilities as CSV, roads as GeoJSON. */
class LayerDirectoryTest {
    @TempDir
    Path dir;

    private void county() throws Exception {
        Files.writeString(dir.resolve("county.geojson"), """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"360681","name":"测试县",
             "level":"county"},"geometry":{"type":"Polygon","coordinates":[[[117.0,28.0],[117.1,28.0],[117.1,28.1],
             [117.0,28.1],[117.0,28.0]]]}}]}
            """);
        Files.writeString(dir.resolve("facilities.csv"), "编号,名称,类型,经度,纬度\nF1,城关日间照料中心,日间照料中心,117.05,28.05\n");
        Files.writeString(dir.resolve("demand_points.geojson"), """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":"d1","properties":{"elderly":12},"geometry":{"type":"Point","coordinates":[117.02,28.02]}}]}
            """);
        Files.writeString(dir.resolve("roads.geojson"), """
            {"type":"FeatureCollection","features":[{"type":"Feature","id":"r1","properties":{"highway":"residential"},
             "geometry":{"type":"LineString","coordinates":[[117.0,28.05],[117.1,28.05]]}}]}
            """);
    }

    @Test
    void readsEachLayerInItsOwnFormatAndLocatesPointsWithoutCode() throws Exception {
        county();
        PlanningData d = LayerDirectory.read(dir, ReadOptions.china());
        assertEquals(1, d.adminUnits().size());
        assertEquals("城关日间照料中心", d.facilities().get(0).name());
        assertEquals(117.05, d.facilities().get(0).location().getX(), 0);
        DemandPoint p = d.demandPoints().get(0);
        assertEquals("360681000000", p.adminCode(), "no adminCode: the unit it lies in");
        assertEquals(12, p.elderly(), 0);
        assertEquals(1, d.roads().size());
    }

    @Test
    void twoFilesForOneLayerOrAMissingLayerAreNamed() throws Exception {
        county();
        Files.writeString(dir.resolve("facilities.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        InvalidValueException two = assertThrows(InvalidValueException.class,
            () -> LayerDirectory.read(dir, ReadOptions.china()));
        assertEquals("data", two.field());
        assertTrue(two.getMessage().contains("facilities.csv") && two.getMessage().contains("facilities.geojson"),
            two.getMessage());
        Files.delete(dir.resolve("facilities.geojson"));
        Files.delete(dir.resolve("demand_points.geojson"));
        InvalidValueException none = assertThrows(InvalidValueException.class,
            () -> LayerDirectory.read(dir, ReadOptions.china()));
        assertTrue(none.getMessage().contains("no demand_points layer"), none.getMessage());
    }
}

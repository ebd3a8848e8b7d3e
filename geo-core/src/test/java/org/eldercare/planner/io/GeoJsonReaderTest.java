package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;

class GeoJsonReaderTest {
    @Test
    void reads_osmium_pois_with_all_properties() throws IOException {
        // SOURCES.md §1: 34 features (30 Point, 4 MultiPolygon); the first is node 3004970420, 贵溪市, place=city
        Path p = SharedData.resolve("data/raw/osm/guixi_360681/guixi_center_2024-11_pois_landuse.geojson");
        FeatureLayer l = GeoJsonReader.read(p, ReadOptions.china());
        assertEquals(34, l.size());
        assertEquals(Map.of("Point", 30, "MultiPolygon", 4), l.geometryTypes());
        Feature first = l.features().get(0);
        assertEquals("node", first.properties().get("@type"));
        assertEquals(3004970420L, first.properties().get("@id"));
        assertEquals("贵溪市", first.properties().get("name"));
        assertEquals("118299", first.properties().get("population"));
        assertEquals(117.2401238, first.geometry().getCoordinate().x, 0.0);
        assertEquals(Crs.WGS84, l.sourceCrs());
    }

    /**
     * A raw DataV file read as GCJ-02 equals the published WGS84 conversion (SOURCES.md §2: same formula, 30
     * fixed-point steps, rounded to 7 decimals) to 1e-7 degrees at every vertex, and keeps its properties.
     */
    @Test
    void datav_read_as_gcj02_matches_the_wgs84_copy() throws IOException {
        Path dir = SharedData.resolve("data/raw/boundaries/datav_2021");
        FeatureLayer gcj = GeoJsonReader.read(dir.resolve("360600_full.json"), ReadOptions.china().withCrs(Crs.GCJ02));
        FeatureLayer wgs = GeoJsonReader.read(dir.resolve("360600_full.wgs84.geojson"), ReadOptions.china());
        assertEquals(Crs.GCJ02, gcj.sourceCrs());
        assertEquals(3, gcj.size());
        for (int i = 0; i < gcj.size(); i++) {
            assertTrue(gcj.features().get(i).geometry().equalsExact(wgs.features().get(i).geometry(), 1.0e-7));
            assertEquals(wgs.features().get(i).properties().get("adcode"), gcj.features().get(i).properties().get("adcode"));
        }
        // and maps to admin units through the default mapping (adcode → code) with a constant level
        AttributeMapping m = AttributeMapping.defaults().with(LayerKind.ADMIN_UNITS, "level", "=county");
        List<AdminUnit> units = new LayerMapper(m).adminUnits(gcj);
        assertEquals("360681000000", units.get(2).code());
        assertEquals("贵溪市", units.get(2).name());
    }

    @Test
    void every_shared_geojson_file_reads_in_the_chinese_profile() throws IOException {
        for (String f : List.of("boundaries/geoboundaries_chn_adm3/chn_adm3_selected_geoboundaries2017.geojson",
                "osm/beijing_haidian_110108/haidian_wudaokou_2017-06_roads.geojson",
                "osm/shanghai_huangpu_310101/huangpu_osmnx_roads_2026_roads.geojson")) {
            FeatureLayer l = GeoJsonReader.read(SharedData.resolve("data/raw/" + f), ReadOptions.china());
            assertTrue(l.size() > 0, f);
        }
    }
}

package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

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

    /**
     * DataV vs geoBoundaries for 贵溪市 (SOURCES.md §5: intersection-over-union of the WGS84-converted DataV outline
     * with the geoBoundaries outline is 0.978; area of the geoBoundaries outline 2493 km²). Converting GCJ-02 must
     * bring the outlines together; reading DataV as if it were WGS84 leaves them 300-600 m apart.
     */
    @Test
    void datav_converted_from_gcj02_overlaps_geoboundaries_as_published() throws IOException {
        Path gb = SharedData.resolve("data/raw/boundaries/geoboundaries_chn_adm3/guixi_360681_geoboundaries2017.geojson");
        Geometry guixi = GeoJsonReader.read(gb, ReadOptions.china()).features().get(0).geometry();
        Path datav = SharedData.resolve("data/raw/boundaries/datav_2021/360600_full.json");
        Geometry converted = adcode(GeoJsonReader.read(datav, ReadOptions.china().withCrs(Crs.GCJ02)), 360681);
        Geometry raw = adcode(GeoJsonReader.read(datav, ReadOptions.china()), 360681);
        MetricProjection gk = MetricProjection.forGeometry(guixi);
        assertEquals(4548, gk.epsg());
        assertEquals(2493.0, gk.areaM2(guixi) / 1e6, 2.0);
        double iouConverted = iou(gk, guixi, converted);
        double iouRaw = iou(gk, guixi, raw);
        assertEquals(0.978, iouConverted, 0.002);
        assertTrue(iouRaw < iouConverted - 0.005, "raw " + iouRaw + " converted " + iouConverted);
    }

    private static Geometry adcode(FeatureLayer l, long code) {
        return l.features().stream().filter(f -> Long.valueOf(code).equals(f.properties().get("adcode")))
            .findFirst().orElseThrow().geometry();
    }

    private static double iou(MetricProjection p, Geometry a, Geometry b) {
        Geometry ma = p.toMetric(a);
        Geometry mb = p.toMetric(b);
        return ma.intersection(mb).getArea() / ma.union(mb).getArea();
    }
}

package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java example of docs/io-and-crs.md, compiled and run on real files. */
class DocsExampleTest {
    @Test
    void the_documented_example_runs(@TempDir Path dir) throws Exception {
        Path datav = SharedData.resolve("data/raw/boundaries/datav_2021/360600_full.json");
        Path homesCsv = dir.resolve("homes.csv");
        Files.writeString(homesCsv, "机构代码,名称,核定床位,护理型床位数,经度,纬度\nJ-01,周坊敬老院,48,12,117.0712,28.1567\n",
            StandardCharsets.UTF_8);
        Path mappingYaml = dir.resolve("mapping.yaml");
        Files.writeString(mappingYaml, "facilities:\n  id: 机构代码\n  beds: [核定床位, 床位数]\n"
            + "  kind: \"=township-nursing-home\"\n", StandardCharsets.UTF_8);
        Path homesGpkg = dir.resolve("homes.gpkg");

        // --- as in the docs (paths replaced) ---
        ReadOptions opts = ReadOptions.china();
        FeatureLayer counties = LayerFiles.readLayer(datav, null, opts.withCrs(Crs.GCJ02));
        LayerMapper mapper = new LayerMapper(AttributeMapping.load(mappingYaml));
        List<Facility> homes = mapper.facilities(CsvReader.read(homesCsv, opts));
        MetricProjection gk = MetricProjection.forGeometry(counties.features().get(2).geometry());
        double km2 = gk.areaM2(counties.features().get(2).geometry()) / 1e6;
        LayerFiles.write(homesGpkg, "facilities", mapper.facilityFeatures(homes), Crs.epsg(4548));
        // ---

        assertEquals(4548, gk.epsg());               // 贵溪市 (feature 2) lies around 117.2E: CM 117E
        // DataV's simplified outline, within 3 % of geoBoundaries' 2493 km² (SOURCES.md §5, IoU 0.978)
        assertEquals(2493, km2, 75);
        FeatureLayer back = LayerFiles.readLayer(homesGpkg, "facilities", ReadOptions.china());
        assertEquals(Crs.epsg(4548), back.sourceCrs());
        assertEquals(homes, mapper.facilities(back).stream()
            .map(f -> f.withLocation(homes.get(0).location())).toList());
        assertEquals(117.0712, back.features().get(0).geometry().getCoordinate().x, 1e-9);
    }
}

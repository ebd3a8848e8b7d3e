package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.ResidentialDistrict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributeMappingTest {
    @TempDir
    Path dir;

    @Test
    void defaults_know_model_snake_case_and_chinese_names() {
        AttributeMapping m = AttributeMapping.defaults();
        assertEquals(List.of("households", "户数", "总户数"), m.sourceNames(LayerKind.DISTRICTS, "households"));
        assertEquals("nursingBeds", m.outputName(LayerKind.FACILITIES, "nursingBeds"));
        assertEquals(List.of("nursingBeds", "nursing_beds", "护理型床位数", "护理型床位", "护理床位数"),
            m.sourceNames(LayerKind.FACILITIES, "nursingBeds"));
        assertThrows(IllegalArgumentException.class, () -> m.sourceNames(LayerKind.ROADS, "beds"));
    }

    @Test
    void a_yaml_mapping_file_overrides_names_and_sets_constants() throws IOException {
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, """
            facilities:
              id: 机构代码
              beds: [核定床位, 床位数]
              kind: "=township-nursing-home"
            districts:
              households: 住户
            """, StandardCharsets.UTF_8);
        AttributeMapping m = AttributeMapping.load(mapping);
        Path csv = dir.resolve("homes.csv");
        Files.writeString(csv, "机构代码,名称,核定床位,护理型床位数,经度,纬度\nJ-01,周坊敬老院,48,12,117.0712,28.1567\n",
            StandardCharsets.UTF_8);
        Facility f = new LayerMapper(m).facilities(CsvReader.read(csv, ReadOptions.china())).get(0);
        assertEquals("J-01", f.id());
        assertEquals(FacilityKind.TOWNSHIP_NURSING_HOME, f.kind());
        assertEquals(48, f.beds());
        assertEquals(12, f.nursingBeds());

        // writing uses the first (declared) names, so the file comes back in its own vocabulary
        Feature out = new LayerMapper(m).facilityFeatures(List.of(f)).get(0);
        assertEquals("J-01", out.properties().get("机构代码"));
        assertEquals(48L, out.properties().get("核定床位"));
        assertEquals("township-nursing-home", out.properties().get("kind"));

        Path d = dir.resolve("d.csv");
        Files.writeString(d, "id,住户,status,养老服务用房面积\nX,640,existing,120;80.5\n", StandardCharsets.UTF_8);
        ResidentialDistrict rd = new LayerMapper(m).districts(CsvReader.read(d)).get(0);
        assertEquals(640, rd.households());
        assertEquals(List.of(120.0, 80.5), rd.elderlySiteAreasM2());
    }

    @Test
    void a_json_mapping_file_works_too() throws IOException {
        Path mapping = dir.resolve("mapping.json");
        Files.writeString(mapping, "{\"admin-units\": {\"level\": \"=village\", \"population\": \"常住人口数\"}}");
        AttributeMapping m = AttributeMapping.load(mapping);
        assertEquals(List.of("=village"), m.sourceNames(LayerKind.ADMIN_UNITS, "level"));
        assertEquals("level", m.outputName(LayerKind.ADMIN_UNITS, "level"));
        assertEquals("常住人口数", m.outputName(LayerKind.ADMIN_UNITS, "population"));
    }
}

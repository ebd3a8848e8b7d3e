package org.eldercare.planner.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.ResidentialDistrict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Districts through {@link LayerMapper}: the value forms the {@code check-districts} input uses (site areas as
 * {@code elderlySitesM2}, {@code "350;120"} strings, {@code []}), every problem at once, and extra attributes read in
 * the same pass.
 */
class LayerMapperDistrictsTest {
    @TempDir
    Path dir;

    private static FeatureLayer layer(String file, List<Map<String, Object>> rows) {
        return new FeatureLayer(file, "districts", Crs.WGS84, rows.stream().map(m -> new Feature("", null, m))
            .toList());
    }

    @Test
    void every_bad_feature_is_reported_naming_file_feature_and_field() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Map.of("id", "x1", "households", -3, "status", "new", "elderlySitesM2", List.of()));
        rows.add(Map.of("id", "x2", "households", 10, "elderlySitesM2", List.of()));
        rows.add(Map.of("id", "x3", "households", 10, "status", "new", "elderlySitesM2", List.of(100, "NaN")));
        rows.add(Map.of("id", "x4", "households", 10.5, "status", "old", "elderlySitesM2", List.of(-1)));
        rows.add(Map.of("id", "x1", "households", 1, "status", "new", "elderlySitesM2", List.of()));
        ReadException ex = assertThrows(ReadException.class,
            () -> LayerMapper.defaults().districts(layer("d.geojson", rows)));
        String m = ex.getMessage();
        assertTrue(m.contains("d.geojson: feature #0 'x1': field 'households': must be >= 0"), m);
        assertTrue(m.contains("d.geojson: feature #1 'x2': field 'status': required attribute is missing"), m);
        assertTrue(m.contains("d.geojson: feature #2 'x3': field 'elderlySitesM2[1]'"), m);
        assertTrue(m.contains("d.geojson: feature #3 'x4': field 'households': must be a whole number"), m);
        assertTrue(m.contains("d.geojson: feature #3 'x4': field 'status': status: unknown value 'old'"), m);
        assertTrue(m.contains("d.geojson: feature #3 'x4': field 'elderlySitesM2[0]'"), m);
        // the first x1 has a problem of its own; the second is still reported as its duplicate
        assertTrue(m.contains("d.geojson: feature #4 'x1': field 'id': duplicate id 'x1' (first at #0)"), m);
        assertEquals(7, ex.problems().size(), m);
    }

    @Test
    void site_areas_as_strings_lists_and_empty_values() throws IOException {
        // CSV cells: "350;120" -> 470 m², [350] -> 350, "[ ]"-less empty cell -> no site, [] -> no site
        Path csv = Files.writeString(dir.resolve("d.csv"), """
            id,households,status,elderlySitesM2
            a,1000,existing,"350;120"
            b,1000,new,[350]
            c,10,已建成,
            d,10,新建,[]
            e,10,new,"[200, 50.5]"
            """);
        List<ResidentialDistrict> ds = LayerMapper.defaults().requiring(LayerKind.DISTRICTS, "elderlySiteAreasM2")
            .districts(CsvReader.read(csv));
        assertEquals(List.of(350.0, 120.0), ds.get(0).elderlySiteAreasM2());
        assertEquals(List.of(350.0), ds.get(1).elderlySiteAreasM2());
        assertEquals(List.of(), ds.get(2).elderlySiteAreasM2());
        assertEquals(DistrictStatus.EXISTING, ds.get(2).status());
        assertEquals(List.of(), ds.get(3).elderlySiteAreasM2());
        assertEquals(List.of(200.0, 50.5), ds.get(4).elderlySiteAreasM2());
    }

    @Test
    void a_required_list_must_be_present_but_an_absent_optional_one_is_empty() {
        List<Map<String, Object>> rows = List.of(Map.of("id", "a", "households", 5, "status", "new"));
        assertEquals(List.of(), LayerMapper.defaults().districts(layer("d.geojson", rows)).get(0)
            .elderlySiteAreasM2());
        ReadException ex = assertThrows(ReadException.class, () -> LayerMapper.defaults()
            .requiring(LayerKind.DISTRICTS, "elderlySiteAreasM2").districts(layer("d.geojson", rows)));
        assertEquals(1, ex.problems().size(), ex.getMessage());
        assertEquals(new InputProblem("d.geojson", "#0 'a'", "elderlySiteAreasM2",
            "required attribute is missing (looked for [elderlySiteAreasM2, elderly_site_areas_m2, 养老服务用房面积, "
                + "养老用房面积, elderlySitesM2])"), ex.problems().get(0));
        assertThrows(IllegalArgumentException.class,
            () -> LayerMapper.defaults().requiring(LayerKind.DISTRICTS, "beds"));
    }

    @Test
    void extra_attributes_are_read_in_the_same_pass_and_their_problems_thrown_with_the_others() {
        List<Map<String, Object>> rows = List.of(
            Map.of("id", "a", "households", 5, "status", "new", "area", "12.5", "near", "[\"b\", \"c\"]"),
            Map.of("id", "b", "households", "x", "status", "new", "area", -2, "near", List.of("a")));
        List<String> seen = new ArrayList<>();
        ReadException ex = assertThrows(ReadException.class, () -> LayerMapper.defaults()
            .districts(layer("d.geojson", rows), e -> seen.add(e.index() + " " + e.id() + " " + e.label() + " "
                + e.amount("AREA") + " " + e.texts("near"))));
        assertEquals(List.of("0 a #0 'a' OptionalDouble[12.5] [b, c]", "1 b #1 'b' OptionalDouble.empty [a]"), seen);
        assertEquals(List.of(
            new InputProblem("d.geojson", "#1 'b'", "households", "must be a whole number, was 'x'"),
            new InputProblem("d.geojson", "#1 'b'", "area", "must be a number >= 0, was '-2'")),
            ex.problems());
    }
}

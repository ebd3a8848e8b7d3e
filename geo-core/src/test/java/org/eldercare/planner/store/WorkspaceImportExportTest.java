package org.eldercare.planner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.io.AttributeMapping;
import org.eldercare.planner.io.LayerKind;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.PlanningData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceImportExportTest {
    @TempDir
    Path dir;

    private GeoPackageWorkspace sampleWorkspace() {
        GeoPackageWorkspace ws = GeoPackageWorkspace.open(dir.resolve("sample.gpkg"));
        ws.write(StoreFixtures.sample());
        ws.saveDocument(DocumentKind.SCENARIO, "新增日照中心", "{\"changes\": [1, 2]}", Map.of("author", "规划科"));
        return ws;
    }

    @Test
    void export_to_a_directory_and_import_it_back_gives_the_same_workspace() throws Exception {
        GeoPackageWorkspace ws = sampleWorkspace();
        WorkspaceExport.Result out = WorkspaceExport.toDirectory(ws, dir.resolve("out"));
        assertEquals(Map.of("admin_units", 3, "facilities", 3, "medical_facilities", 2,
            "residential_districts", 2, "demand_points", 2, "roads", 2), out.layerCounts());
        assertTrue(Files.exists(dir.resolve("out/facilities.geojson")));
        assertTrue(Files.exists(dir.resolve("out/admin-units.geojson")));

        GeoPackageWorkspace back = GeoPackageWorkspace.open(dir.resolve("back.gpkg"));
        WorkspaceImport.Result in = WorkspaceImport.run(
            List.of(WorkspaceImport.Source.parse(dir.resolve("out").toString())), back);
        assertEquals(out.layerCounts(), in.layerCounts());
        assertEquals(StoreFixtures.sample(), back.read());
        StoredDocument doc = back.findDocument(DocumentKind.SCENARIO, "新增日照中心").orElseThrow();
        ObjectMapper m = new ObjectMapper();
        assertEquals(m.readTree("{\"changes\": [1, 2]}"), m.readTree(doc.json()));
        assertEquals(Map.of("author", "规划科"), doc.metadata());
    }

    @Test
    void export_to_a_geopackage_copies_layers_name_and_documents_exactly() {
        GeoPackageWorkspace ws = sampleWorkspace();
        WorkspaceExport.toGeoPackage(ws, dir.resolve("copy.gpkg"));
        GeoPackageWorkspace copy = GeoPackageWorkspace.open(dir.resolve("copy.gpkg"));
        assertEquals(ws.read(), copy.read());
        assertEquals(ws.listDocuments(DocumentKind.SCENARIO), copy.listDocuments(DocumentKind.SCENARIO));
    }

    @Test
    void a_workspace_geopackage_imports_whole_and_single_files_replace_only_their_layer() throws Exception {
        sampleWorkspace();
        GeoPackageWorkspace target = GeoPackageWorkspace.open(dir.resolve("t.gpkg"));
        WorkspaceImport.run(List.of(WorkspaceImport.Source.parse(dir.resolve("sample.gpkg").toString())), target);
        assertEquals(StoreFixtures.sample(), target.read());

        // a file whose name says nothing gets its layer from LAYER=; only facilities change
        WorkspaceExport.toDirectory(GeoPackageWorkspace.open(dir.resolve("sample.gpkg")), dir.resolve("x"));
        Path renamed = Files.move(dir.resolve("x/facilities.geojson"), dir.resolve("养老机构.geojson"));
        target.writeLayer(StoredLayer.FACILITIES, List.of());
        WorkspaceImport.Result r = WorkspaceImport.run(
            List.of(WorkspaceImport.Source.parse("facilities=" + renamed)), target);
        assertEquals(Map.of("facilities", 3), r.layerCounts());
        assertEquals(StoreFixtures.sample(), target.read());
    }

    @Test
    void a_file_of_unknown_layer_is_refused_naming_the_accepted_layers() throws Exception {
        Path f = Files.writeString(dir.resolve("points.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        GeoPackageWorkspace target = GeoPackageWorkspace.open(dir.resolve("t.gpkg"));
        var e = assertThrows(IllegalArgumentException.class,
            () -> WorkspaceImport.run(List.of(WorkspaceImport.Source.parse(f.toString())), target));
        assertTrue(e.getMessage().contains("cannot tell which layer") && e.getMessage().contains("facilities"),
            e.getMessage());
        assertFalse(target.exists());
    }

    @Test
    void problems_of_all_sources_are_reported_together_and_nothing_is_written() throws Exception {
        // two facilities files: one with negative beds, one with nursing beds > beds
        Path a = Files.writeString(dir.resolve("a.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{"
            + "\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[114.0,22.5]},"
            + "\"properties\":{\"id\":\"A\",\"name\":\"a\",\"kind\":\"canteen\",\"beds\":-1}}]}");
        Path b = Files.writeString(dir.resolve("b.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{"
            + "\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[114.0,22.5]},"
            + "\"properties\":{\"id\":\"B\",\"name\":\"b\",\"kind\":\"canteen\",\"beds\":1,\"nursingBeds\":2}}]}");
        GeoPackageWorkspace target = GeoPackageWorkspace.open(dir.resolve("t.gpkg"));
        var e = assertThrows(ReadException.class, () -> new WorkspaceImport(
            List.of(WorkspaceImport.Source.parse("facilities=" + a), WorkspaceImport.Source.parse("facilities=" + b)),
            AttributeMapping.defaults(), ReadOptions.defaults(), Optional.of("x")).into(target));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(a.toString(), e.problems().get(0).file());
        assertEquals(b.toString(), e.problems().get(1).file());
        assertFalse(target.exists());
    }

    @Test
    void sources_parse_layer_path_and_table() {
        var s = WorkspaceImport.Source.parse("districts=plan.gpkg#小区");
        assertEquals(Optional.of(LayerKind.DISTRICTS), s.layer());
        assertEquals(Path.of("plan.gpkg"), s.path());
        assertEquals(Optional.of("小区"), s.table());
        assertEquals(Optional.empty(), WorkspaceImport.Source.parse("./a=b/roads.osm.pbf").layer());
        var e = assertThrows(IllegalArgumentException.class, () -> WorkspaceImport.Source.parse("hospitals=x.csv"));
        assertTrue(e.getMessage().startsWith("--from: unknown layer 'hospitals'"), e.getMessage());
        assertEquals(Optional.of(LayerKind.DISTRICTS), WorkspaceImport.kindOf("residential_districts"));
        assertEquals(Optional.of(LayerKind.ADMIN_UNITS), WorkspaceImport.kindOf("admin_units"));
    }

    @Test
    void an_imported_name_wins_over_the_workspace_name_only_when_given() {
        sampleWorkspace();
        GeoPackageWorkspace target = GeoPackageWorkspace.open(dir.resolve("t.gpkg"));
        new WorkspaceImport(List.of(WorkspaceImport.Source.parse(dir.resolve("sample.gpkg").toString())),
            AttributeMapping.defaults(), ReadOptions.defaults(), Optional.of("贵溪 2026")).into(target);
        PlanningData back = target.read();
        assertEquals("贵溪 2026", back.name());
    }
}

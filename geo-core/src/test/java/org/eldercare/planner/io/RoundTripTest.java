package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.eldercare.planner.crs.Crs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GeoJSON → model → GeoPackage → model → GeoJSON for every layer kind: geometries within 1e-9 degrees and every
 * property (all model fields, in the model's own names) unchanged. Coordinates carry 11–14 decimals so that any
 * rounding on the way would show.
 */
class RoundTripTest {
    @TempDir
    Path dir;

    static final String FACILITIES = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","id":"F1","geometry":{"type":"Point","coordinates":[117.21329876543,28.28857123456]},
          "properties":{"id":"F1","name":"贵溪市社会福利中心","kind":"county-welfare-centre","beds":300,"nursingBeds":180,
           "floorAreaM2":12500.5,"residents":212,"operator":"public","hasMedicalRoom":true,"openedYear":2015,
           "careStaff":41,"adminCode":"360681001001","synthetic":true}},
         {"type":"Feature","id":"F2","geometry":{"type":"Point","coordinates":[117.2401238,28.2947694]},
          "properties":{"id":"F2","name":"雄石幸福驿站","kind":"service-station","beds":0,"nursingBeds":0,
           "hasMedicalRoom":false,"synthetic":false}}]}
        """;
    static final String ADMIN = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","id":"360681001000","geometry":{"type":"Polygon","coordinates":[[[117.2,28.28],
          [117.2312345678901,28.28],[117.2312345678901,28.3098765432109],[117.2,28.3098765432109],[117.2,28.28]],
          [[117.21,28.29],[117.211,28.29],[117.211,28.291],[117.21,28.29]]]},
          "properties":{"code":"360681001000","name":"雄石街道","level":"street","parentCode":"360681000000",
           "urbanRural":"urban","population":81234,"elderly60":15321,"elderly65":10456,"elderly80":2345,
           "disabledElderly":812,"households":27654,"synthetic":false}}]}
        """;
    static final String DISTRICTS = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","id":"D1","geometry":{"type":"MultiPolygon","coordinates":[[[[117.22,28.30],
          [117.2234567890123,28.30],[117.2234567890123,28.3023456789012],[117.22,28.30]]]]},
          "properties":{"id":"D1","name":"东苑小区","households":1860,"status":"new","completionYear":2024,
           "elderlySiteAreasM2":[420.5,180],"synthetic":true}},
         {"type":"Feature","id":"D2","geometry":null,
          "properties":{"id":"D2","name":"老城片区","households":950,"status":"existing","elderlySiteAreasM2":[],
           "synthetic":false}}]}
        """;
    static final String DEMAND = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","id":"P1","geometry":{"type":"Point","coordinates":[117.19876543210987,28.31234567890123]},
          "properties":{"id":"P1","elderly":412.64,"age80plus":61,"disabled":33.5,"tekun":4,
           "adminCode":"360681001002","synthetic":true}}]}
        """;
    static final String MEDICAL = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","id":"M1","geometry":{"type":"Point","coordinates":[117.2188,28.2911]},
          "properties":{"id":"M1","name":"贵溪市人民医院","kind":"hospital","synthetic":false}}]}
        """;
    static final String ROADS = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","id":"313248139","geometry":{"type":"LineString","coordinates":[[117.2301,28.2901],
          [117.23123456789,28.29198765432],[117.2330001,28.2930002]]},
          "properties":{"id":"313248139","highway":"secondary","lanes":"2","name":"冶金大道","oneway":"yes"}}]}
        """;

    enum Kind { FACILITIES, ADMIN_UNITS, DISTRICTS, DEMAND_POINTS, MEDICAL_FACILITIES, ROADS }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void geojson_model_geopackage_model_geojson_preserves_geometry_and_properties(Kind kind) throws IOException {
        LayerMapper m = LayerMapper.defaults();
        switch (kind) {
            case FACILITIES -> check(FACILITIES, m::facilities, m::facilityFeatures);
            case ADMIN_UNITS -> check(ADMIN, m::adminUnits, m::adminUnitFeatures);
            case DISTRICTS -> check(DISTRICTS, m::districts, m::districtFeatures);
            case DEMAND_POINTS -> check(DEMAND, m::demandPoints, m::demandPointFeatures);
            case MEDICAL_FACILITIES -> check(MEDICAL, m::medicalFacilities, m::medicalFacilityFeatures);
            case ROADS -> check(ROADS, m::roads, m::roadFeatures);
        }
    }

    private <T> void check(String json, Function<FeatureLayer, List<T>> toModel,
            Function<List<T>, List<Feature>> toFeatures) throws IOException {
        Path in = dir.resolve("in.geojson");
        Files.writeString(in, json, StandardCharsets.UTF_8);
        FeatureLayer original = GeoJsonReader.read(in, ReadOptions.china());
        List<T> model1 = toModel.apply(original);

        Path gpkg = dir.resolve("layers.gpkg");
        LayerFiles.write(gpkg, "layer", toFeatures.apply(model1), Crs.WGS84);
        FeatureLayer fromGpkg = LayerFiles.readLayer(gpkg, "layer", ReadOptions.china());
        List<T> model2 = toModel.apply(fromGpkg);
        assertEquals(model1.size(), model2.size());

        Path out = dir.resolve("out.geojson");
        GeoJsonWriter.write(out, toFeatures.apply(model2));
        FeatureLayer back = GeoJsonReader.read(out, ReadOptions.china());

        assertEquals(original.size(), back.size());
        for (int i = 0; i < original.size(); i++) {
            Feature a = original.features().get(i);
            Feature b = back.features().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.properties(), b.properties(), "feature " + a.id());
            if (a.geometry() == null) {
                assertEquals(null, b.geometry());
            } else {
                assertEquals(a.geometry().getGeometryType(), b.geometry().getGeometryType());
                assertTrue(a.geometry().equalsExact(b.geometry(), 1e-9), a.geometry() + " vs " + b.geometry());
            }
        }
    }

    /** Writing in another CRS and reading it back returns the WGS84 coordinates to 1e-9 degrees. */
    @ParameterizedTest
    @EnumSource(value = Target.class)
    void writes_in_a_chosen_crs_and_reads_back(Target target) throws IOException {
        Path in = dir.resolve("in.geojson");
        Files.writeString(in, FACILITIES, StandardCharsets.UTF_8);
        FeatureLayer original = GeoJsonReader.read(in);
        Path out = dir.resolve("out" + target.ext);
        LayerFiles.write(out, "facilities", original.features(), target.crs);
        ReadOptions opts = target.ext.equals(".csv") ? ReadOptions.defaults().withCrs(target.crs)
            .withLonLatColumns(target.crs.isGeographic() ? "lon" : "x", target.crs.isGeographic() ? "lat" : "y")
            : ReadOptions.defaults();
        FeatureLayer back = LayerFiles.readLayer(out, target.ext.equals(".gpkg") ? "facilities" : null, opts);
        assertEquals(target.crs, back.sourceCrs());
        for (int i = 0; i < original.size(); i++) {
            assertTrue(original.features().get(i).geometry().equalsExact(back.features().get(i).geometry(), 1e-9));
        }
    }

    enum Target {
        GEOJSON_4547(".geojson", Crs.epsg(4547)), GEOJSON_GCJ(".geojson", Crs.GCJ02), CSV_4548(".csv", Crs.epsg(4548)),
        CSV_GCJ(".csv", Crs.GCJ02), GPKG_4548(".gpkg", Crs.epsg(4548)), GPKG_32650(".gpkg", Crs.epsg(32650));

        final String ext;
        final Crs crs;

        Target(String ext, Crs crs) {
            this.ext = ext;
            this.crs = crs;
        }
    }

}

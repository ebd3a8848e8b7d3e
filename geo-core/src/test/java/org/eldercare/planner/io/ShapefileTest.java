package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/**
 * Shapefiles as a bureau has them: CGCS2000 3-degree Gauss-Krüger (EPSG:4547, central meridian 114°E), DBF in GBK
 * with Chinese field names. The fixture is made here by GDAL's ogr2ogr from a WGS84 GeoJSON; the expected values are
 * the GeoJSON's own (and, for the projection, the Gauss-Krüger false easting: a point on the central meridian has
 * x = 500 000 m exactly).
 */
class ShapefileTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String SOURCE = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","geometry":{"type":"Point","coordinates":[114.0,30.0]},
          "properties":{"编号":"F1","名称":"城关镇敬老院","类型":"乡镇敬老院","床位数":120,"护理床位数":40}},
         {"type":"Feature","geometry":{"type":"Point","coordinates":[114.01,30.005]},
          "properties":{"编号":"F2","名称":"东门日间照料中心","类型":"日间照料中心","床位数":0,"护理床位数":0}}]}
        """;

    @TempDir
    Path dir;
    Path shp;

    @BeforeEach
    void makeFixture() throws Exception {
        Path geojson = dir.resolve("source.geojson");
        Files.writeString(geojson, SOURCE, StandardCharsets.UTF_8);
        shp = dir.resolve("养老设施.shp");
        Process p = new ProcessBuilder("ogr2ogr", "-f", "ESRI Shapefile", shp.toString(), geojson.toString(),
            "-t_srs", "EPSG:4547", "-lco", "ENCODING=CP936").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "ogr2ogr (gdal-bin, installed by scripts/setup-test-deps.sh): " + out);
    }

    @Test
    void theFixtureIsReallyGaussKrugerAndGbk() throws IOException {
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(shp)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(500_000.0, header.getDouble(36), 0.01, "x min of the .shp: F1 lies on the central meridian");
        byte[] dbf = Files.readAllBytes(sibling(".dbf"));
        assertTrue(indexOf(dbf, "城关镇敬老院".getBytes(GBK)) >= 0, "the DBF holds the GBK bytes of the name");
        assertTrue(indexOf(dbf, "床位数".getBytes(GBK)) >= 0, "and a GBK field name");
    }

    @Test
    void readsCoordinatesBackToWgs84AndChineseFieldsThroughTheDefaultMapping() throws IOException {
        FeatureLayer layer = LayerFiles.readLayer(shp, null, ReadOptions.china());
        assertEquals("养老设施", layer.name());
        assertEquals(Crs.epsg(4547), layer.sourceCrs(), "the .prj's CRS, identified by GDAL, converted by this program");
        List<Facility> fs = new LayerMapper(AttributeMapping.defaults()).facilities(layer);
        assertEquals(2, fs.size());
        Facility f1 = fs.get(0);
        assertEquals("F1", f1.id());
        assertEquals("城关镇敬老院", f1.name());
        assertEquals(FacilityKind.TOWNSHIP_NURSING_HOME, f1.kind());
        assertEquals(120, f1.beds());
        assertEquals(40, f1.nursingBeds());
        assertLonLat(114.0, 30.0, f1.location());
        assertLonLat(114.01, 30.005, fs.get(1).location());
        assertEquals(FacilityKind.DAY_CARE_CENTRE, fs.get(1).kind());
    }

    @Test
    void withoutCpgOrCodePageByteAGbkDbfIsRefusedUntilTheEncodingIsGiven() throws IOException {
        Files.delete(sibling(".cpg"));
        byte[] dbf = Files.readAllBytes(sibling(".dbf"));
        dbf[29] = 0;                                  // no language-driver byte either
        Files.write(sibling(".dbf"), dbf);
        ReadException e = assertThrows(ReadException.class, () -> LayerFiles.read(shp, ReadOptions.china()));
        assertEquals("encoding", e.problems().get(0).field());
        assertEquals(shp.toString(), e.problems().get(0).file());
        assertTrue(e.getMessage().contains("--encoding"), e.getMessage());
        FeatureLayer layer = LayerFiles.readLayer(shp, null, ReadOptions.china().withEncoding("GBK"));
        assertEquals("城关镇敬老院", layer.features().get(0).properties().get("名称"));
    }

    @Test
    void withoutPrjTheCrsMustBeGiven() throws IOException {
        Files.delete(sibling(".prj"));
        ReadException e = assertThrows(ReadException.class, () -> LayerFiles.read(shp, ReadOptions.china()));
        assertEquals("prj", e.problems().get(0).field());
        assertTrue(e.getMessage().contains("--crs"), e.getMessage());
        FeatureLayer layer = LayerFiles.readLayer(shp, null, ReadOptions.china().withCrs(Crs.epsg(4547)));
        assertLonLat(114.0, 30.0, (Point) layer.features().get(0).geometry());
    }

    @Test
    void aCrsThisProgramHasNoTransformForIsConvertedByGdal() throws Exception {
        Path xian80 = dir.resolve("xian80.shp");     // Xian 1980 / 3-degree Gauss-Kruger CM 114E
        Process p = new ProcessBuilder("ogr2ogr", "-f", "ESRI Shapefile", xian80.toString(), shp.toString(),
            "-t_srs", "EPSG:2383").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        FeatureLayer layer = LayerFiles.readLayer(xian80, null, ReadOptions.china());
        assertEquals(Crs.WGS84, layer.sourceCrs());
        assertLonLat(114.0, 30.0, (Point) layer.features().get(0).geometry());
    }

    @Test
    void aMissingDbfIsNamed() throws IOException {
        Files.delete(sibling(".dbf"));
        ReadException e = assertThrows(ReadException.class, () -> LayerFiles.read(shp, ReadOptions.china()));
        assertEquals("dbf", e.problems().get(0).field());
        assertTrue(e.getMessage().contains("养老设施.dbf"), e.getMessage());
    }

    @Test
    void withoutOgr2ogrTheErrorNamesTheToolAndThePackage() {
        String before = System.getProperty(Shapefiles.OGR2OGR_PROPERTY);
        System.setProperty(Shapefiles.OGR2OGR_PROPERTY, dir.resolve("no-such-ogr2ogr").toString());
        try {
            ReadException e = assertThrows(ReadException.class, () -> LayerFiles.read(shp, ReadOptions.china()));
            assertTrue(e.getMessage().contains("ogr2ogr") && e.getMessage().contains("gdal-bin"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(Shapefiles.OGR2OGR_PROPERTY);
            } else {
                System.setProperty(Shapefiles.OGR2OGR_PROPERTY, before);
            }
        }
    }

    @Test
    void writesAShapefileInTheTargetCrsWithAUtf8Dbf() throws IOException {
        FeatureLayer in = LayerFiles.readLayer(shp, null, ReadOptions.china());
        Path out = dir.resolve("out/设施.shp");
        Files.createDirectories(out.getParent());
        LayerFiles.write(out, "设施", in.features(), Crs.epsg(4547));
        assertEquals("UTF-8", Files.readString(out.resolveSibling("设施.cpg")).strip());
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(500_000.0, header.getDouble(36), 0.01);
        FeatureLayer back = LayerFiles.readLayer(out, null, ReadOptions.china());
        assertLonLat(114.0, 30.0, (Point) back.features().get(0).geometry());
        Map<String, Object> props = back.features().get(1).properties();
        assertEquals("东门日间照料中心", props.get("名称"));
        assertEquals(List.of("F1", "F2"), back.features().stream().map(f -> (String) f.properties().get("编号"))
            .toList());
    }

    private Path sibling(String ext) {
        return dir.resolve("养老设施" + ext);
    }

    private static void assertLonLat(double lon, double lat, Point p) {
        assertArrayEquals(new double[] {lon, lat}, new double[] {p.getX(), p.getY()}, 1e-7);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

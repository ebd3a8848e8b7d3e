package org.eldercare.planner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.CsvReader;
import org.eldercare.planner.io.CsvWriter;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.GeoJsonReader;
import org.eldercare.planner.io.GeoJsonWriter;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.io.osm.OsmFeatureCollector;
import org.eldercare.planner.io.osm.OsmPoiReader;
import org.eldercare.planner.model.Geometries;

/**
 * Read/write throughput of the io package on the shared OSM extracts and a synthetic 100 000-facility table.
 * Run: {@code java -cp ... org.eldercare.planner.bench.IoBench ../shared} (see docs/bench/io.md).
 */
public final class IoBench {
    private IoBench() {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path osm = shared.resolve("data/raw/osm/beijing_haidian_110108/haidian_wudaokou_2017-06.osm");
        Path roads = shared.resolve("data/raw/osm/beijing_haidian_110108/haidian_wudaokou_2017-06_roads.geojson");
        Path tmp = Files.createTempDirectory("iobench");
        List<Feature> facilities = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", "F" + i);
            p.put("name", "养老服务站" + i);
            p.put("kind", "service-station");
            p.put("beds", (long) r.nextInt(100));
            p.put("nursingBeds", 0L);
            facilities.add(new Feature("F" + i, Geometries.point(116 + r.nextDouble(), 39.5 + r.nextDouble()), p));
        }
        Path csv = tmp.resolve("fac.csv");
        Path json = tmp.resolve("fac.geojson");
        for (int round = 0; round < 3; round++) {
            System.out.printf("round %d%n", round);
            long t0 = System.nanoTime();
            OsmFeatureCollector c = OsmPoiReader.collect(osm);
            report("OSM XML 2.37 MB -> roads+pois (" + c.roads().size() + "+" + c.pois().size() + ")", t0);
            t0 = System.nanoTime();
            FeatureLayer l = GeoJsonReader.read(roads, ReadOptions.china());
            report("GeoJSON roads 194 kB (" + l.size() + " features)", t0);
            t0 = System.nanoTime();
            GeoJsonWriter.write(json, facilities, Crs.WGS84);
            report("GeoJSON write 100k points (" + Files.size(json) / 1024 + " kB)", t0);
            t0 = System.nanoTime();
            FeatureLayer fj = GeoJsonReader.read(json, ReadOptions.china());
            report("GeoJSON read 100k points", t0);
            t0 = System.nanoTime();
            CsvWriter.write(csv, facilities, Crs.WGS84, false);
            report("CSV write 100k points (" + Files.size(csv) / 1024 + " kB)", t0);
            t0 = System.nanoTime();
            FeatureLayer fc = CsvReader.read(csv, ReadOptions.china());
            report("CSV read 100k points", t0);
            t0 = System.nanoTime();
            int n = LayerMapper.defaults().facilities(fc).size() + LayerMapper.defaults().facilities(fj).size();
            report("LayerMapper 2 x 100k facilities (" + n + ")", t0);
        }
    }

    private static void report(String what, long t0) {
        System.out.printf("  %-55s %8.1f ms%n", what, (System.nanoTime() - t0) / 1e6);
    }
}

package org.eldercare.planner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.store.DocumentKind;
import org.eldercare.planner.store.GeoPackageWorkspace;
import org.eldercare.planner.store.StoredLayer;
import org.eldercare.planner.store.PostgisWorkspace;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.WorkspaceImport;
import org.locationtech.jts.geom.Envelope;

/**
 * Store timings: importing the sample county, whole writes, a small edit (saving one document), full reads and bbox
 * queries, on the GeoPackage workspace (copy-on-write) and on PostGIS; plus the same on the county with 200 000 extra
 * demand points, to show how the GeoPackage copy cost grows with the file. Prints milliseconds (median of the runs).
 * Run: see docs/bench/stores.md. Args: [jdbc url of an empty PostGIS database or schema [--pg-only]] (PostGIS part skipped
 * without it; credentials from PGUSER/PGPASSWORD or PLANNER_DB_CONFIG).
 */
public final class StoreBench {
    private StoreBench() {}

    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("storebench");
        Path data = Path.of("data", "guixi");
        GeoPackageWorkspace gpkg = GeoPackageWorkspace.open(tmp.resolve("guixi.gpkg"));
        long t0 = System.nanoTime();
        WorkspaceImport.run(List.of(
            WorkspaceImport.Source.parse("admin-units=" + data.resolve("county.geojson")),
            WorkspaceImport.Source.parse("admin-units=" + data.resolve("townships.geojson")),
            WorkspaceImport.Source.parse("admin-units=" + data.resolve("communities.geojson")),
            WorkspaceImport.Source.parse(data.resolve("facilities.geojson").toString()),
            WorkspaceImport.Source.parse(data.resolve("medical_facilities.geojson").toString()),
            WorkspaceImport.Source.parse(data.resolve("residential_districts.geojson").toString()),
            WorkspaceImport.Source.parse(data.resolve("demand_points.geojson").toString()),
            WorkspaceImport.Source.parse(data.resolve("guixi_center_2024-11.osm").toString())), gpkg);
        System.out.printf("import sample county from GeoJSON+OSM into GeoPackage: %.0f ms (first run, cold JVM)%n",
            ms(t0));
        PlanningData county = gpkg.read();
        System.out.printf("county: %d admin units, %d facilities, %d medical, %d districts, %d demand points, %d roads;"
            + " file %.1f MB%n", county.adminUnits().size(), county.facilities().size(),
            county.medicalFacilities().size(), county.districts().size(), county.demandPoints().size(),
            county.roads().size(), Files.size(tmp.resolve("guixi.gpkg")) / 1e6);
        boolean pgOnly = args.length > 1 && args[1].equals("--pg-only");
        PlanningData big = county.withDemandPoints(grow(county.demandPoints(), 200_000));
        if (!pgOnly) {
            run("GeoPackage", gpkg, county, () -> Files.size(tmp.resolve("guixi.gpkg")));
            GeoPackageWorkspace bigGpkg = GeoPackageWorkspace.open(tmp.resolve("big.gpkg"));
            run("GeoPackage +200k demand points", bigGpkg, big, () -> Files.size(tmp.resolve("big.gpkg")));
        }
        if (args.length > 0) {
            PostgisWorkspace pg = PostgisWorkspace.connect(args[0]);
            run("PostGIS", pg, county, () -> -1L);
            run("PostGIS +200k demand points", pg, big, () -> -1L);
        }
    }

    interface Size {
        long bytes() throws Exception;
    }

    static void run(String label, Workspace ws, PlanningData data, Size size) throws Exception {
        List<Double> write = new ArrayList<>();
        List<Double> save = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        List<Double> query = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            ws.write(data);
            write.add(ms(t));
        }
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            ws.saveDocument(DocumentKind.RESULT, "bench-" + i, "{\"i\": " + i + "}", Map.of());
            save.add(ms(t));
        }
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            ws.read();
            read.add(ms(t));
        }
        // a 0.02° box (about 2 km) around the county seat
        Envelope box = new Envelope(117.20, 117.22, 28.28, 28.30);
        int hits = 0;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            hits = ws.queryLayer(StoredLayer.DEMAND_POINTS, box).size();
            query.add(ms(t));
        }
        long bytes = size.bytes();
        System.out.printf("%-30s write all %7.0f ms | save 1 document %6.0f ms | read all %6.0f ms | bbox query "
            + "(%d hits) %5.1f ms%s%n", label, median(write), median(save), median(read), hits, median(query),
            bytes < 0 ? "" : String.format(" | file %.1f MB", bytes / 1e6));
    }

    /** The points plus {@code n} more, copies of random existing ones moved by up to ±0.01°, seed 7. */
    static List<DemandPoint> grow(List<DemandPoint> points, int n) {
        Random r = new Random(7);
        List<DemandPoint> out = new ArrayList<>(points);
        for (int i = 0; i < n; i++) {
            DemandPoint p = points.get(r.nextInt(points.size()));
            out.add(new DemandPoint("bench-" + i, Geometries.point(p.location().getX() + (r.nextDouble() - 0.5) / 50,
                p.location().getY() + (r.nextDouble() - 0.5) / 50), p.elderly(), p.age80plus(), p.disabled(),
                p.tekun(), p.adminCode(), true));
        }
        return out;
    }

    static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        return s.get(s.size() / 2);
    }
}

package org.eldercare.planner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.coverage.CoverageOptions;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.io.AttributeMapping;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.WorkspaceImport;
import org.eldercare.planner.store.Workspaces;

/**
 * A county's whole road network from a regional extract, as a bureau loads it (issue 16): a synthetic regional PBF
 * ({@link SyntheticRegionPbf}, 70 km square grid at 100 m, 978 600 street segments) is imported with
 * {@code --clip-to-county 2000} against a 32 km square county, then 300 facilities and 100 000 demand points are
 * placed at random (fixed seed) in the county, and the walking network, the circles of every facility and the coverage
 * report are computed through {@link PlanningSession}, as {@code planner coverage} does. Reports wall times and the
 * peak heap of each phase (sampled every 20 ms). Usage: {@code CountyNetworkBench [n=700] [countyKm=32]}.
 */
public final class CountyNetworkBench {
    private static final double LON0 = 117.2;
    private static final double LAT0 = 28.3;

    private CountyNetworkBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 700;
        double countyKm = args.length > 1 ? Double.parseDouble(args[1]) : 32;
        Path dir = Files.createTempDirectory("county-network-bench");
        Path pbf = dir.resolve("region.osm.pbf");
        long t0 = System.nanoTime();
        SyntheticRegionPbf.write(pbf, n, 100, LON0, LAT0);
        System.out.printf("region PBF: %d x %d grid, %d segments, %.1f MB, written in %.0f ms%n", n, n,
            2L * n * (n - 1), Files.size(pbf) / 1e6, ms(t0));
        double dLon = countyKm * 500 / (111_320 * Math.cos(Math.toRadians(LAT0)));
        double dLat = countyKm * 500 / 110_574;
        Path admin = dir.resolve("admin-units.geojson");
        Files.writeString(admin, String.format(java.util.Locale.ROOT, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"360681","name":"基准县",
             "level":"county","elderly60":100000},"geometry":{"type":"Polygon","coordinates":[[[%f,%f],[%f,%f],
             [%f,%f],[%f,%f],[%f,%f]]]}}]}
            """, LON0 - dLon, LAT0 - dLat, LON0 + dLon, LAT0 - dLat, LON0 + dLon, LAT0 + dLat, LON0 - dLon, LAT0 + dLat,
            LON0 - dLon, LAT0 - dLat));
        Path gpkg = dir.resolve("county.gpkg");
        Peak peak = new Peak();
        long t1 = System.nanoTime();
        WorkspaceImport.Result imported;
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            imported = new WorkspaceImport(List.of(WorkspaceImport.Source.parse(admin.toString()),
                WorkspaceImport.Source.parse("roads=" + pbf)), AttributeMapping.defaults(), ReadOptions.defaults(),
                Optional.empty()).clippedToCounty(2000).into(ws);
        }
        System.out.printf("import --clip-to-county 2000: %.0f ms, peak heap %.0f MB; %s; %s%n", ms(t1),
            peak.takeMb(), imported.layerCounts(), imported.notes());
        PlanningData data;
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            data = ws.read();
        }
        Random rnd = new Random(16);
        FacilityKind[] kinds = {FacilityKind.DAY_CARE_CENTRE, FacilityKind.SERVICE_STATION, FacilityKind.CANTEEN};
        List<Facility> facilities = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            facilities.add(Facility.of("f" + i, "设施" + i, kinds[i % 3], Geometries.point(
                LON0 + (2 * rnd.nextDouble() - 1) * dLon, LAT0 + (2 * rnd.nextDouble() - 1) * dLat)));
        }
        List<DemandPoint> demand = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            demand.add(new DemandPoint("d" + i, Geometries.point(LON0 + (2 * rnd.nextDouble() - 1) * dLon,
                LAT0 + (2 * rnd.nextDouble() - 1) * dLat), 1 + rnd.nextInt(20), 0, 0, 0, "360681", false));
        }
        data = data.withFacilities(facilities).withDemandPoints(demand);
        for (int round = 0; round < 2; round++) {
            peak.takeMb();
            long t2 = System.nanoTime();
            PlanningSession session = PlanningSession.of(data, PolicyProfiles.get("national"));
            RoadGraph g = session.networkAt(session.profile().elderlyWalkSpeedMps()).graph();
            long t3 = System.nanoTime();
            ServiceAreaResult circles = session.circlesOf(facilities);
            long t4 = System.nanoTime();
            CoverageReport report = session.coverage(CoverageOptions.defaults().withClipGapsByServiceAreas(false));
            long t5 = System.nanoTime();
            System.out.printf("round %d: walking graph %d nodes / %d edges + 100 000 demand snaps %.0f ms | circles of "
                + "300 facilities %.0f ms (%d areas) | coverage of 100 000 demand points %.0f ms (%.0f of %.0f elderly "
                + "within 15 min, %d spatial gaps) | peak heap %.0f MB%n", round, g.nodeCount(), g.edgeCount(), ms(t2, t3),
                ms(t3, t4), circles.areas().size(), ms(t4, t5), report.getUnit("360681000000").elderlyCovered(),
                report.getUnit("360681000000").elderly(), report.spatialGaps().size(), peak.takeMb());
        }
        peak.stop();
    }

    private static double ms(long from) {
        return (System.nanoTime() - from) / 1e6;
    }

    private static double ms(long a, long b) {
        return (b - a) / 1e6;
    }

    /** Peak heap in use, sampled every 20 ms by a daemon thread. */
    private static final class Peak {
        private final AtomicLong max = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        Peak() {
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            sampler = new Thread(() -> {
                while (running) {
                    max.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        /** The peak since the last call, MB; resets. */
        double takeMb() {
            System.gc();
            return max.getAndSet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()) / 1e6;
        }

        void stop() {
            running = false;
        }
    }
}

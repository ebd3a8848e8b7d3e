package org.eldercare.planner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eldercare.planner.coverage.CoverageAnalysis;
import org.eldercare.planner.coverage.CoverageNetwork;
import org.eldercare.planner.coverage.CoverageOptions;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.CoverageReportFiles;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;

/**
 * Time of the coverage report on the 贵溪市 sample county (data/guixi/guixi.gpkg, a store workspace), per round: reading it,
 * building the network (walking graph from the roads, snapping 436 demand points), the first compute (cold caches),
 * a repeated compute, a what-if adding one service station on an uncovered demand point and one removing a
 * facility (both on the same network), and writing the five report files. "End to end" = network + first compute +
 * files. Usage: {@code CoverageBench [gpkg=data/guixi/guixi.gpkg] [profile=wengan-2023] [rounds=6] [clip|noclip]} (noclip: gap
 * polygons not clipped by the service circles).
 */
public final class CoverageBench {
    private CoverageBench() {}

    public static void main(String[] args) throws Exception {
        Path gpkg = Path.of(args.length > 0 ? args[0] : "data/guixi/guixi.gpkg");
        PolicyProfile profile = PolicyProfiles.get(args.length > 1 ? args[1] : "wengan-2023");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        boolean clip = args.length <= 3 || !args[3].equals("noclip");
        Path out = Files.createTempDirectory("coverage-bench");
        CoverageOptions options = CoverageOptions.defaults().withClipGapsByServiceAreas(clip);
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            PlanningData data = read(gpkg);
            long t1 = System.nanoTime();
            // the path `planner coverage` takes: a session, its walking network, the report
            PlanningSession session = PlanningSession.of(data, profile);
            CoverageNetwork net = session.network();
            long t2 = System.nanoTime();
            CoverageReport rep = session.coverage(options);
            long t3 = System.nanoTime();
            CoverageAnalysis a = new CoverageAnalysis(data, net, profile, options);
            a.compute();
            long t4 = System.nanoTime();
            // the new station goes to the uncovered demand point with most elderly (off-network ones included)
            DemandPoint target = data.demandPoints().stream().filter(p -> !(rep.demand().get(
                data.demandPoints().indexOf(p)).nearestMinutes() <= rep.serviceMinutes()))
                .max(java.util.Comparator.comparingDouble(DemandPoint::elderly)).orElseThrow();
            CoverageReport added = a.withFacilityAdded(Facility.of("bench-new", "新建服务站", FacilityKind.SERVICE_STATION,
                target.location())).compute();
            long t5 = System.nanoTime();
            a.withFacilityRemoved(data.facilities().get(data.facilities().size() / 2).id()).compute();
            long t6 = System.nanoTime();
            CoverageReportFiles.write(rep, data, out);
            long t7 = System.nanoTime();
            System.out.printf("round %d: read %.0f ms | network %.0f ms, first compute %.0f ms, files %.0f ms => end to "
                + "end %.0f ms | repeat %.0f ms, what-if add %.0f ms, what-if remove %.0f ms | %d findings, %d gaps, "
                + "covered %.0f -> %.0f%n", r, ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t6, t7),
                ms(t1, t3) + ms(t6, t7), ms(t3, t4), ms(t4, t5), ms(t5, t6), rep.findings().size(),
                rep.spatialGaps().size(), rep.getUnit("360681000000").elderlyCovered(),
                added.getUnit("360681000000").elderlyCovered());
        }
    }

    private static double ms(long a, long b) {
        return (b - a) / 1e6;
    }

    /** The sample workspace (a store GeoPackage). */
    static PlanningData read(Path gpkg) throws Exception {
        try (Workspace w = Workspaces.open(gpkg.toString())) {
            return w.read();
        }
    }
}

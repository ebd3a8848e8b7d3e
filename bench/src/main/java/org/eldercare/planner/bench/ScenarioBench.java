package org.eldercare.planner.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.scenario.BaseData;
import org.eldercare.planner.scenario.Change;
import org.eldercare.planner.scenario.GapSite;
import org.eldercare.planner.scenario.Scenario;
import org.eldercare.planner.scenario.ScenarioBase;

/**
 * Time of scenario runs (through {@code planning.PlanningSession}, as the CLI and web run them) on the sample county (data/guixi/guixi.gpkg, wengan-2023): building the base (walking graph,
 * snaps, baseline), then per round a facility-only scenario (three day-care centres in the largest reachable gaps:
 * reuses the base network), a population scenario (× 1.08: reuses the graph, re-snaps demand) and a walking-speed
 * scenario (0.76 m/s: a graph at that speed, cached after the first round). Usage:
 * {@code ScenarioBench [gpkg=data/guixi/guixi.gpkg] [rounds=3]}.
 */
public final class ScenarioBench {
    private ScenarioBench() {}

    public static void main(String[] args) {
        String gpkg = args.length > 0 ? args[0] : "data/guixi/guixi.gpkg";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long t0 = System.nanoTime();
        PlanningData data = BaseData.read(Path.of(gpkg).toString());
        long t1 = System.nanoTime();
        PlanningSession session = PlanningSession.of(data, PolicyProfiles.get("wengan-2023"));
        ScenarioBase base = session.base();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "read %.0f ms, base (graph + baseline) %.0f ms; %d demand points, %d roads%n",
            (t1 - t0) / 1e6, (t2 - t1) / 1e6, data.demandPoints().size(), data.roads().size());
        List<GapSite> sites = base.listGapSites(3);
        List<Change> stations = sites.stream().map(s -> (Change) new Change.AddFacility("bench-" + s.gapRank(),
            "bench", FacilityKind.DAY_CARE_CENTRE, s.lon(), s.lat(), 0, 0, Optional.of(s.adminCode()))).toList();
        List<Scenario> scenarios = List.of(
            new Scenario("stations", "", gpkg, "wengan-2023", stations),
            new Scenario("projection", "", gpkg, "wengan-2023", List.of(new Change.ScaleElderly(1.08,
                Optional.empty()))),
            new Scenario("speed", "", gpkg, "wengan-2023", List.of(new Change.SetProfileValue("walk.elderlySpeedMps",
                0.76))));
        for (int r = 0; r < rounds; r++) {
            StringBuilder sb = new StringBuilder("round " + r + ":");
            for (Scenario s : scenarios) {
                long a = System.nanoTime();
                double covered = session.apply(s).diff().total().coveredAfter();
                sb.append(String.format(Locale.ROOT, " %s %.0f ms (covered %.0f);", s.name(), (System.nanoTime() - a)
                    / 1e6, covered));
            }
            System.out.println(sb);
        }
    }
}

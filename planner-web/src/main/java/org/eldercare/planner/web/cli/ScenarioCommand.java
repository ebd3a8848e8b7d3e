package org.eldercare.planner.web.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.scenario.BaseData;
import org.eldercare.planner.scenario.Scenario;
import org.eldercare.planner.scenario.ScenarioDiff;
import org.eldercare.planner.scenario.ScenarioFiles;
import org.eldercare.planner.scenario.ScenarioJson;
import org.eldercare.planner.scenario.ScenarioMetrics;
import org.eldercare.planner.scenario.ScenarioResult;
import org.eldercare.planner.scenario.ScenarioResultFiles;
import org.eldercare.planner.scenario.ScenarioRun;
import org.eldercare.planner.scenario.ScenarioWriter;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.eldercare.planner.web.report.ScenarioCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scenario run FILE --out DIR}: runs a what-if scenario file against its base workspace and writes metrics,
 * diff, layers, a bilingual summary and PNG charts. {@code scenario diff A.json B.json}: compares two saved runs.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
    description = "What-if scenarios (情景分析): run a scenario file, or diff two saved runs.",
    subcommands = {ScenarioCommand.Run.class, ScenarioCommand.Diff.class})
public final class ScenarioCommand extends ParentCommand {
    /** {@code scenario run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario (YAML/JSON) against its base workspace; write metrics.json, diff.json, "
            + "summary.md, layers/*.geojson and charts/*.png into --out.")
    public static final class Run extends PlannerCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "scenario file (.yaml, .yml or .json)")
        Path file;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created)")
        Path out;

        @Option(names = "--save", description = "also save the scenario in its base workspace (under its name)")
        boolean save;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("FILE: no such scenario file " + file);
            }
            PrintStream err = System.err;
            Progress progress = new Progress("scenario");
            int steps = 5;
            byte[] bytes = Files.readAllBytes(file);
            Scenario scenario = ScenarioFiles.parse(file.getFileName().toString(), bytes);
            Path dir = file.toAbsolutePath().getParent();
            String base = resolve(dir, scenario.base());
            PolicyProfile profile = PolicyProfiles.BUILT_IN_IDS.contains(scenario.profile())
                ? PolicyProfiles.get(scenario.profile()) : PolicyProfiles.load(Path.of(resolve(dir, scenario.profile())));
            err.println("scenario '" + scenario.name() + "': " + scenario.changes().size() + " changes, base " + base
                + ", profile " + profile.id());
            PlanningData data = BaseData.read(base);
            if (save) {
                try (Workspace ws = Workspaces.open(base)) {
                    ScenarioWriter.save(ws, scenario);
                }
            }
            progress.update(1, steps);
            PlanningSession session = PlanningSession.of(data, profile);
            session.base();
            progress.update(2, steps);
            ScenarioResult r = session.apply(scenario, ScenarioRun.sha256(bytes));
            progress.update(3, steps);
            List<Path> files = ScenarioResultFiles.write(r, data, out);
            progress.update(4, steps);
            List<Path> charts = ScenarioCharts.write(r.diff(), out.resolve("charts"));
            progress.update(5, steps);
            PrintWriter o = out();
            ScenarioDiff.Total t = r.diff().total();
            o.printf(Locale.ROOT, "%s: covered elderly %.0f -> %.0f (%+.0f), covered share %.1f%% -> %.1f%%, beds %d -> "
                + "%d, findings +%d -%d%n", scenario.name(), t.coveredBefore(), t.coveredAfter(), t.deltaCovered(),
                t.shareBefore() * 100, t.shareAfter() * 100, t.bedsBefore(), t.bedsAfter(),
                r.diff().appeared().size(), r.diff().disappeared().size());
            o.println("wrote " + (files.size() + charts.size()) + " files to " + out);
            o.flush();
            return 0;
        }

        private static String resolve(Path dir, String s) {
            if (s.startsWith("jdbc:") || Path.of(s).isAbsolute()) {
                return s;
            }
            return dir.resolve(s).normalize().toString();
        }
    }

    /** {@code scenario diff}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two saved runs (metrics.json of `scenario run`): B against A, as JSON on stdout.")
    public static final class Diff extends PlannerCommand {
        @Parameters(index = "0", paramLabel = "A.json", description = "the first run's metrics.json")
        Path a;

        @Parameters(index = "1", paramLabel = "B.json", description = "the second run's metrics.json")
        Path b;

        @Override
        public Integer call() {
            for (Path p : List.of(a, b)) {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("no such file " + p);
                }
            }
            ScenarioMetrics ma = ScenarioJson.readMetrics(a);
            ScenarioMetrics mb = ScenarioJson.readMetrics(b);
            ScenarioDiff d = ScenarioDiff.between(ma, mb);
            PrintWriter o = out();
            o.print(ScenarioJson.text(ScenarioJson.diffDocument(d, null)));
            o.flush();
            ScenarioDiff.Total t = d.total();
            System.err.printf(Locale.ROOT, "%s -> %s: covered elderly %+.0f, beds %+d, findings +%d -%d, %d district "
                + "changes%n", d.before(), d.after(), t.deltaCovered(), t.bedsAfter() - t.bedsBefore(),
                d.appeared().size(), d.disappeared().size(), d.districts().size());
            return 0;
        }
    }
}

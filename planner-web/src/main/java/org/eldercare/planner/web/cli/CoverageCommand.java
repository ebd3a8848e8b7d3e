package org.eldercare.planner.web.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.eldercare.planner.coverage.CoverageAnalysis;
import org.eldercare.planner.coverage.CoverageOptions;
import org.eldercare.planner.coverage.CoverageReport;
import org.eldercare.planner.coverage.CoverageReportFiles;
import org.eldercare.planner.coverage.UnitCoverage;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.PolicyProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code planner coverage --data WORKSPACE --profile ID --out DIR}: population coverage, administrative and spatial
 * gaps and capacity of one county against a policy profile ({@link CoverageAnalysis}); writes
 * {@code coverage_units.geojson}, {@code gaps.geojson}, {@code findings.csv}, {@code findings.json} and
 * {@code summary.md} ({@link CoverageReportFiles}) and prints the totals. Exit 0 when written, 2 on bad input.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = {"Coverage and gap analysis (覆盖与缺口分析): elderly within 5/10/15 minutes' walk of each facility "
        + "kind per community, township and county; units lacking required facilities; uncovered places; beds, "
        + "nursing share, medical rooms, staffing and 9073, each finding with its policy citation.",
        "WORKSPACE: a GeoPackage or PostGIS workspace (store.Workspaces, e.g. data/guixi/guixi.gpkg), or a directory of layer files named like data/guixi (county, townships, communities, facilities, "
        + "demand_points as .geojson; optional medical_facilities, residential_districts; roads from roads.geojson "
        + "or the one *.osm / *.osm.pbf file).",
        "Exit code: 0 written, 2 bad input."})
public final class CoverageCommand extends PlannerCommand {
    @CommandLine.Mixin
    SessionOptions session;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;

    @CommandLine.Mixin
    WalkSpeedOption walkSpeed;

    @Option(names = "--gap-link-m", converter = OptionRanges.NonNegative.class, paramLabel = "METRES", defaultValue = "300",
        description = "Uncovered demand points closer than this join one spatial gap, metres (default ${DEFAULT-VALUE}).")
    double gapLinkMeters;

    @Option(names = "--gap-buffer-m", converter = OptionRanges.NonNegative.class, paramLabel = "METRES", defaultValue = "150",
        description = "Disc radius drawn around each uncovered demand point, metres (default ${DEFAULT-VALUE}).")
    double gapBufferMeters;

    @Option(names = "--service-kinds", paramLabel = "KIND,...", split = ",",
        description = "Facility kinds whose nearest one decides the service circle, e.g. day-care-centre,"
            + "service-station (ids or Chinese names; default every kind). Per-kind bands are reported for every kind.")
    List<String> serviceKinds;

    @Override
    public Integer call() throws Exception {
        OptionalDouble speed = walkSpeed.given();
        PolicyProfile p = session.profile();
        CoverageOptions options = CoverageOptions.defaults().withGapMeters(gapLinkMeters, gapBufferMeters);
        if (speed.isPresent()) {
            options = options.withWalkSpeedMps(speed.getAsDouble());
        }
        if (serviceKinds != null) {
            Set<FacilityKind> kinds = EnumSet.noneOf(FacilityKind.class);
            for (String k : serviceKinds) {
                kinds.add(FacilityKind.parse("--service-kinds", k));
            }
            options = options.withServiceKinds(kinds);
        }
        long t0 = System.nanoTime();
        PlanningData d = session.read();
        long t1 = System.nanoTime();
        CoverageReport r = session.open(d, p).coverage(options);
        long t2 = System.nanoTime();
        List<Path> files = CoverageReportFiles.write(r, d, out);
        PrintWriter w = out();
        w.printf(Locale.ROOT, "%s: %d admin units, %d facilities, %d demand points, %d road segments (read in %.0f ms)%n",
            d.name(), d.adminUnits().size(), d.facilities().size(), d.demandPoints().size(), d.roads().size(),
            (t1 - t0) / 1e6);
        w.printf(Locale.ROOT, "profile %s, walk %.2f m/s, bands %s min, service kinds %s (analysis %.0f ms)%n",
            r.profileId(), r.walkSpeedMps(), r.bandsMinutes(), serviceKinds == null ? "all"
                : String.join(",", options.serviceKinds().stream().sorted().map(FacilityKind::id).toList()),
            (t2 - t1) / 1e6);
        for (UnitCoverage u : r.units()) {
            if (u.level() == AdminLevel.COUNTY || u.level() == AdminLevel.CITY) {
                w.printf(Locale.ROOT, "%s: %.0f elderly, %.0f within %s min (%.1f%%), %.0f not covered (%.0f off the "
                    + "road network)%n", u.name(), u.elderly(), u.elderlyCovered(), fmt(r.serviceMinutes()),
                    100 * u.coveredShare(), u.elderlyNotCovered(), u.elderlyUnsnapped());
                u.bandsByKind().forEach((kind, bands) -> w.printf(Locale.ROOT, "  %s %s: %s%n", kind.id(),
                    kind.nameZh(), String.join(", ", bands.stream().map(b -> String.format(Locale.ROOT,
                        "%.0f within %s min", b.elderly(), fmt(b.minutes()))).toList())));
            }
        }
        w.printf(Locale.ROOT, "%d admin gaps, %d spatial gaps; findings: %d (%d pass, %d fail, %d not applicable)%n",
            r.adminGaps().size(), r.spatialGaps().size(), r.totals().total(), r.totals().passed(),
            r.totals().failed(), r.totals().notApplicable());
        for (var warning : r.warnings()) {
            err().println("warning: " + warning.layer() + "." + warning.field() + ": " + warning.messageEn() + ": "
                + String.join(", ", warning.ids().subList(0, Math.min(10, warning.count())))
                + (warning.count() > 10 ? ", … (all in findings.csv)" : ""));
        }
        err().flush();
        for (Path f : files) {
            w.println("wrote " + f);
        }
        w.flush();
        return 0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

package org.eldercare.planner.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.TravelGraphs;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.siting.RegionalSiting;
import org.eldercare.planner.siting.RegionalSitingFeatures;
import org.eldercare.planner.siting.RegionalSitingParams;
import org.eldercare.planner.siting.RegionalSitingResult;
import org.eldercare.planner.siting.SitingModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code planner site --data WORKSPACE --profile ID --county CODE --model M [--p N] [--minutes T] [--mode walk|drive]
 * --out proposals.geojson}: regional elderly-care institutions for one county with {@link RegionalSiting} on the
 * workspace's roads; writes sites, assignment lines, excluded candidates, unserved / unsnapped demand and a summary
 * feature, and prints the summary as one JSON line.
 */
@Command(name = "site", mixinStandardHelpOptions = true,
    description = {"Propose regional elderly-care institutions (区域性养老服务中心) for a county: LSCP, MCLP, p-median,"
        + " p-center or capacitated p-median on the road network, with the profile's regional rules (1–3 per county,"
        + " beds, distance to medical facilities, closure thresholds), each with its citation.",
        "Writes GeoJSON features with role = summary | site | assignment | excluded | unserved | unsnapped."})
public final class SiteCommand extends PlannerCommand {
    @CommandLine.Mixin
    SessionOptions sessionOptions;

    @Option(names = "--county", required = true, paramLabel = "CODE", description = "County code, 6 or 12 digits.")
    String county;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
        description = "lscp | lscp-b | mclp | pmedian | pcenter | cpmedian")
    String model;

    @Option(names = "--p", converter = OptionRanges.PositiveInt.class, paramLabel = "N",
        description = "Number of sites (default: the profile's regional.perCounty.max, at most the eligible candidates).")
    Integer p;

    @Option(names = "--minutes", converter = OptionRanges.Positive.class, paramLabel = "T",
        description = "Service travel time in minutes (default: the profile's circle.serviceMinutes).")
    Double minutes;

    @Option(names = "--mode", defaultValue = "drive", paramLabel = "MODE",
        description = "walk | drive (default ${DEFAULT-VALUE}); walking uses the profile's elderly walking speed.")
    String mode;

    @Option(names = "--no-fallback",
        description = "Do not estimate straight-line times for points off the road network (they stay unserved).")
    boolean noFallback;

    @Option(names = "--time-limit", converter = OptionRanges.Positive.class, defaultValue = "60", paramLabel = "SECONDS",
        description = "Solver time limit (default ${DEFAULT-VALUE} s).")
    double timeLimit;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output .geojson (or .csv).")
    Path out;

    @Override
    public Integer call() throws Exception {
        SitingModel m = SitingModel.parse(model);
        PolicyProfile prof = sessionOptions.profile();
        if (!TravelGraphs.MODES.contains(mode.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("--mode: must be walk or drive, was '" + mode + "'");
        }
        PlanningData pd = sessionOptions.read();
        PlanningSession session = sessionOptions.open(pd, prof);
        RegionalSitingParams params = RegionalSitingParams.of(m, county).withMaxSnapMeters(sessionOptions.maxSnapMeters())
            .withTimeLimitSeconds(timeLimit);
        if (p != null) {
            params = params.withP(p);
        }
        if (minutes != null) {
            params = params.withMinutes(minutes);
        }
        RegionalSitingResult r = session.propose(params, mode, !noFallback);
        List<Feature> features = RegionalSitingFeatures.toFeatures(r, pd);
        LayerFiles.write(out, "proposals", features, Crs.WGS84);
        PrintWriter o = out();
        o.println(new ObjectMapper().writeValueAsString(RegionalSitingFeatures.summary(r)));
        o.flush();
        return 0;
    }
}

package org.eldercare.planner.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.eldercare.planner.siting.Assignment;
import org.eldercare.planner.siting.CapacitatedPMedian;
import org.eldercare.planner.siting.CostMatrix;
import org.eldercare.planner.siting.LSCP;
import org.eldercare.planner.siting.LSCPB;
import org.eldercare.planner.siting.MCLP;
import org.eldercare.planner.siting.MatrixCsv;
import org.eldercare.planner.siting.PCenter;
import org.eldercare.planner.siting.PMedian;
import org.eldercare.planner.siting.SitingResult;
import org.eldercare.planner.siting.SolveOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code solve-matrix MATRIX.csv --model lscp|lscp-b|mclp|pmedian|pcenter|cpmedian ...}: solves a siting model on a
 * demand × site cost-matrix CSV read by {@link MatrixCsv} and prints one JSON line in the shape of
 * {@code solve-orlib} ({@code instance, model, objective, optimal, bound, gap, seconds, status, solver, proofStage,
 * sites}) plus {@code coveredDemand, totalDemand, missingPairs, notes, binding} and one {@code assignments} entry per
 * demand point ({@code demand, site, cost, weight, covered}, and {@code coverCount} for the radius models).
 * {@code --out FILE.json} writes the same object to a file, {@code --out FILE.csv} a table with one summary row, one
 * row per chosen site and one per assignment (column {@code role}). Exit 0 when solved (whatever the status), 2 on
 * bad input (one line naming the option, or the file, line and column).
 */
@Command(name = "solve-matrix", mixinStandardHelpOptions = true,
    description = {"Solve LSCP, LSCP-B (backup coverage), MCLP, p-median, p-center or capacitated p-median on a"
        + " cost-matrix CSV (long: origin,destination,cost[,weight]; wide: origin id, one column per site).",
        "Prints one JSON line: objective, bound, gap, proof, chosen sites and assignments."})
public final class SolveMatrixCommand implements Callable<Integer> {
    private static final List<String> MODELS = List.of("lscp", "lscp-b", "mclp", "pmedian", "pcenter", "cpmedian");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MATRIX.csv", description = "cost matrix CSV (origins = demand, destinations = candidate sites)")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
        description = "lscp | lscp-b | mclp | pmedian | pcenter | cpmedian")
    String model;

    @Option(names = "--p", converter = OptionRanges.PositiveInt.class, paramLabel = "N", description = "number of sites (mclp, pmedian, pcenter, cpmedian)")
    Integer p;

    @Option(names = "--max-cost", converter = OptionRanges.NonNegative.class, paramLabel = "X",
        description = "service radius in the matrix's cost unit (lscp, lscp-b, mclp; optional for the others: "
            + "then only 'covered' in the output uses it)")
    Double maxCost;

    @Option(names = "--format", defaultValue = "long", paramLabel = "long|wide",
        description = "matrix layout (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--origin-col", paramLabel = "NAME", description = "long: origin id column (default: origin, origin_id, from, source)")
    String originCol;

    @Option(names = "--destination-col", paramLabel = "NAME",
        description = "long: destination id column (default: destination, destination_id, to, target, site)")
    String destinationCol;

    @Option(names = "--cost-col", paramLabel = "NAME", description = "long: cost column (default: cost, distance, time, minutes, agg_cost)")
    String costCol;

    @Option(names = "--weight-col", paramLabel = "NAME", description = "demand weight column of the matrix file")
    String weightCol;

    @Option(names = "--weights", paramLabel = "FILE", description = "demand weights CSV id,weight (default: weight 1)")
    Path weights;

    @Option(names = "--capacities", paramLabel = "FILE", description = "site capacities CSV id,capacity (cpmedian)")
    Path capacities;

    @Option(names = "--fixed", split = ",", paramLabel = "ID", description = "sites that must be open, comma-separated")
    List<String> fixed = new ArrayList<>();

    @Option(names = "--missing-cost", converter = OptionRanges.NonNegative.class, paramLabel = "X",
        description = "cost of pairs not in the file (default: unreachable)")
    Double missingCost;

    @Option(names = "--time-limit", converter = OptionRanges.Positive.class, paramLabel = "SECONDS", defaultValue = "60",
        description = "wall-clock limit in seconds (default ${DEFAULT-VALUE})")
    double timeLimitSeconds;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the result: .json or .csv")
    Path out;

    @Override
    public Integer call() throws IOException {
        String m = model.strip().toLowerCase(Locale.ROOT);
        if (!MODELS.contains(m)) {
            throw new IllegalArgumentException("--model: must be one of " + MODELS + ", was " + model);
        }
        boolean radiusModel = m.equals("lscp") || m.equals("lscp-b") || m.equals("mclp");
        if (radiusModel && maxCost == null) {
            throw new IllegalArgumentException("--max-cost: required for --model " + m + " (the service radius)");
        }
        if (maxCost != null && (!(maxCost >= 0) || maxCost.isInfinite())) {
            throw new IllegalArgumentException("--max-cost: must be a finite number >= 0, was " + maxCost);
        }
        if (!m.startsWith("lscp") && p == null) {
            throw new IllegalArgumentException("--p: required for --model " + m + " (the number of sites)");
        }
        if (m.startsWith("lscp") && p != null) {
            throw new IllegalArgumentException("--p: not used by --model " + m + " (it finds the fewest sites)");
        }
        if (m.equals("cpmedian") && capacities == null) {
            throw new IllegalArgumentException("--capacities: required for --model cpmedian (CSV id,capacity)");
        }
        if (weightCol != null && weights != null) {
            throw new IllegalArgumentException("--weight-col and --weights: give one of them, not both");
        }
        if (out != null && !(name(out).endsWith(".json") || name(out).endsWith(".csv"))) {
            throw new IllegalArgumentException("--out: must end in .json or .csv, was " + out);
        }
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("--time-limit: must be > 0, was " + timeLimitSeconds);
        }
        MatrixCsv.Layout layout;
        try {
            layout = MatrixCsv.Layout.parse(format);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--" + ex.getMessage());
        }
        MatrixCsv.Options o = MatrixCsv.Options.defaults().withLayout(layout)
            .withColumns(originCol, destinationCol, costCol).withFixedSites(fixed);
        if (weightCol != null) {
            o = o.withWeightColumn(weightCol);
        }
        if (weights != null) {
            o = o.withWeightsFile(weights);
        }
        if (capacities != null) {
            o = o.withCapacitiesFile(capacities);
        }
        if (missingCost != null) {
            o = o.withMissingCost(missingCost);
        }
        MatrixCsv.Input in = MatrixCsv.read(file, o);
        CostMatrix mx = in.matrix();
        SolveOptions options = SolveOptions.defaults().withTimeLimitSeconds(timeLimitSeconds)
            .withRequiredSiteIds(in.fixedSites());
        double radius = maxCost == null ? Double.POSITIVE_INFINITY : maxCost;
        SitingResult r = switch (m) {
            case "lscp" -> LSCP.fromCostMatrix(mx, radius).solve(options);
            case "lscp-b" -> LSCPB.fromCostMatrix(mx, radius).solve(options);
            case "mclp" -> MCLP.fromCostMatrix(mx, radius, p).solve(options);
            case "pmedian" -> PMedian.solve(mx, p, options);
            case "pcenter" -> PCenter.fromCostMatrix(mx, p).solve(options);
            default -> {
                double[] loads = new double[mx.demandCount()];
                for (int i = 0; i < loads.length; i++) {
                    loads[i] = mx.weight(i);
                }
                yield CapacitatedPMedian.fromCostMatrix(mx, p, loads, in.capacities().orElseThrow()).solve(options);
            }
        };
        ObjectNode json = json(m, in, r, maxCost);
        ObjectMapper mapper = new ObjectMapper();
        PrintWriter w = spec.commandLine().getOut();
        w.println(mapper.writeValueAsString(json));
        w.flush();
        if (out != null) {
            if (name(out).endsWith(".json")) {
                mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), json);
            } else {
                Files.writeString(out, csv(m, r, mx, maxCost), StandardCharsets.UTF_8);
            }
        }
        return 0;
    }

    private static String name(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    private ObjectNode json(String m, MatrixCsv.Input in, SitingResult r, Double radius) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        String stem = file.getFileName().toString();
        SolveOrlibCommand.summary(o, stem.contains(".") ? stem.substring(0, stem.lastIndexOf('.')) : stem, m, r);
        SolveOrlibCommand.number(o, "coveredDemand", r.coveredDemand());
        SolveOrlibCommand.number(o, "totalDemand", r.totalDemand());
        o.put("missingPairs", in.missingPairs());
        var binding = o.putArray("binding");
        r.bindingConstraints().forEach(binding::add);
        var notes = o.putArray("notes");
        in.notes().forEach(notes::add);
        r.notes().forEach(notes::add);
        var as = o.putArray("assignments");
        CostMatrix mx = in.matrix();
        for (int i = 0; i < r.assignments().size(); i++) {
            Assignment a = r.assignments().get(i);
            ObjectNode e = as.addObject();
            e.put("demand", a.demandId());
            if (a.siteId().isPresent()) {
                e.put("site", a.siteId().get());
            } else {
                e.putNull("site");
            }
            SolveOrlibCommand.number(e, "cost", a.cost());
            SolveOrlibCommand.number(e, "weight", a.weight());
            e.put("covered", a.covered());
            if (radius != null) {
                e.put("coverCount", LSCPB.coverCount(mx, r.chosenSiteIds(), i, radius));
            }
        }
        return o;
    }

    /** role,model,status,objective,bound,gap,proofStage,site,demand,cost,weight,covered,coverCount */
    private static String csv(String m, SitingResult r, CostMatrix mx, Double radius) {
        StringBuilder sb = new StringBuilder(
            "role,model,status,objective,bound,gap,proofStage,site,demand,cost,weight,covered,coverCount\n");
        sb.append("summary,").append(m).append(',').append(r.status()).append(',').append(fmt(r.objective()))
            .append(',').append(fmt(r.bestBound())).append(',').append(fmt(r.gap())).append(',')
            .append(r.proofStage()).append(",,,,,,\n");
        for (String s : r.chosenSiteIds()) {
            sb.append("site,,,,,,,").append(quote(s)).append(",,,,,\n");
        }
        for (int i = 0; i < r.assignments().size(); i++) {
            Assignment a = r.assignments().get(i);
            sb.append("assignment,,,,,,,").append(quote(a.siteId().orElse(""))).append(',')
                .append(quote(a.demandId())).append(',').append(fmt(a.cost())).append(',').append(fmt(a.weight()))
                .append(',').append(a.covered()).append(',')
                .append(radius == null ? "" : Integer.toString(LSCPB.coverCount(mx, r.chosenSiteIds(), i, radius)))
                .append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return "inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

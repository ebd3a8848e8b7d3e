package org.eldercare.planner.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.eldercare.planner.siting.CostMatrix;
import org.eldercare.planner.siting.OrLibrary;
import org.eldercare.planner.siting.PCenter;
import org.eldercare.planner.siting.PMedian;
import org.eldercare.planner.siting.SitingResult;
import org.eldercare.planner.siting.SolveOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code solve-orlib FILE [--model pmedian|pcenter|cpmedian] [--time-limit SECONDS]}: solves an OR-Library pmed or
 * pmedcap file and prints one JSON line {@code {"instance","model","objective","optimal","bound","gap","seconds",
 * "status","solver","proofStage","sites"}} (proofStage: which solve stage closed the gap, NONE when not proven).
 * The format is recognised from the first line (3 numbers: pmed, 2 numbers: pmedcap); the default model is pmedian
 * for pmed and cpmedian for pmedcap files. Exit 0 when solved (optimal or not), 2 on bad input.
 */
@Command(name = "solve-orlib", mixinStandardHelpOptions = true,
    description = "Solve an OR-Library p-median (pmed) or capacitated p-median (pmedcap) instance; prints one JSON line.")
public final class SolveOrlibCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "OR-Library instance file (pmedN.txt or pmedcap1_NN.txt)")
    Path file;

    @Option(names = "--model", paramLabel = "MODEL", description = "pmedian, pcenter or cpmedian (default: by file format)")
    String model;

    @Option(names = "--time-limit", converter = OptionRanges.Positive.class, paramLabel = "SECONDS", defaultValue = "300",
        description = "wall-clock limit in seconds (default ${DEFAULT-VALUE})")
    double timeLimitSeconds;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("FILE: not a readable file: " + file);
        }
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).limit(1).toList();
        boolean cap = !lines.isEmpty() && lines.get(0).trim().split("\\s+").length == 2;
        String m = model == null ? (cap ? "cpmedian" : "pmedian") : model;
        SolveOptions options = SolveOptions.defaults().withTimeLimitSeconds(timeLimitSeconds);
        String name;
        SitingResult r;
        switch (m) {
            case "pmedian", "pcenter" -> {
                CostMatrix matrix;
                int p;
                if (cap) {
                    var inst = OrLibrary.readPmedcap(file);
                    matrix = inst.matrix();
                    p = inst.p();
                } else {
                    var inst = OrLibrary.readPmed(file);
                    matrix = inst.matrix();
                    p = inst.p();
                }
                name = stripExt(file);
                r = m.equals("pmedian") ? PMedian.solve(matrix, p, options)
                    : PCenter.fromCostMatrix(matrix, p).solve(options);
            }
            case "cpmedian" -> {
                if (!cap) {
                    throw new IllegalArgumentException("--model cpmedian: needs a pmedcap file (demands and capacity), "
                        + file + " is a pmed file");
                }
                var inst = OrLibrary.readPmedcap(file);
                name = inst.name();
                r = inst.model().solve(options);
            }
            default -> throw new IllegalArgumentException("--model: must be pmedian, pcenter or cpmedian, was " + m);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        summary(out, name, m, r);
        System.out.println(json.writeValueAsString(out));
        return 0;
    }

    /** The solve summary fields: instance, model, objective, optimal, bound, gap, seconds, status, solver, proofStage,
     * sites (shared with solve-matrix). */
    static void summary(ObjectNode out, String instance, String model, SitingResult r) {
        out.put("instance", instance);
        out.put("model", model);
        number(out, "objective", r.objective());
        out.put("optimal", r.optimal());
        number(out, "bound", r.bestBound());
        number(out, "gap", r.gap());
        out.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        out.put("status", r.status().name());
        out.put("solver", r.solver());
        out.put("proofStage", r.proofStage().name());
        var sites = out.putArray("sites");
        r.chosenSiteIds().forEach(sites::add);
    }

    /** A finite number as an integer when integral, else a double; NaN and infinities as null. */
    static void number(ObjectNode out, String field, double v) {
        if (Double.isFinite(v)) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                out.put(field, (long) v);
            } else {
                out.put(field, v);
            }
        } else {
            out.putNull(field);
        }
    }

    private static String stripExt(Path p) {
        String s = p.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}

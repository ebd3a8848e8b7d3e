package org.eldercare.planner.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.model.InputProblem;

/**
 * Reads a pgRouting-style edge table as CSV: header with at least {@code id,source,target,cost} and optionally
 * {@code reverse_cost}, {@code x1,y1,x2,y2}; a negative (or absent) cost means that direction does not exist, as in
 * {@code pgr_dijkstra} and {@code pgr_drivingDistance}. Nodes keep the vertex ids as external ids; edge costs are
 * taken as given (any unit). With {@code undirected} each existing direction is usable both ways (pgRouting's
 * {@code directed => false}): the cheaper of the existing costs applies in both directions. Node coordinates come
 * from x1,y1 / x2,y2 when present (else 0,0). Edge "length" is the larger existing cost (the file has no metres).
 * All problems of the file are reported at once in a {@link ReadException}.
 */
public final class PgRoutingEdgeReader {
    private PgRoutingEdgeReader() {}

    public static RoadGraph read(Path csv, boolean undirected) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(r, csv.toString(), undirected);
        }
    }

    public static RoadGraph read(BufferedReader r, String source, boolean undirected) throws IOException {
        String header = r.readLine();
        if (header == null) {
            throw new ReadException(source, null, null, "empty file: expected a header id,source,target,cost[,reverse_cost]");
        }
        List<String> cols = Arrays.stream(header.split(",", -1)).map(String::strip).toList();
        int cId = cols.indexOf("id");
        int cS = cols.indexOf("source");
        int cT = cols.indexOf("target");
        int cC = cols.indexOf("cost");
        int cR = cols.indexOf("reverse_cost");
        int cX1 = cols.indexOf("x1");
        int cY1 = cols.indexOf("y1");
        int cX2 = cols.indexOf("x2");
        int cY2 = cols.indexOf("y2");
        List<InputProblem> problems = new ArrayList<>();
        for (String need : List.of("id", "source", "target", "cost")) {
            if (!cols.contains(need)) {
                problems.add(new InputProblem(source, null, need, "missing column; header was: " + header));
            }
        }
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        GraphBuilder gb = new GraphBuilder(undirected ? "csv undirected" : "csv directed");
        LongIntMap nodes = new LongIntMap(1024);
        String line;
        int row = 1;
        List<long[]> pending = new ArrayList<>();
        List<double[]> pendingVals = new ArrayList<>();
        while ((line = r.readLine()) != null) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            String feature = "row " + row;
            try {
                long id = Long.parseLong(f[cId].strip());
                long s = Long.parseLong(f[cS].strip());
                long t = Long.parseLong(f[cT].strip());
                double c = Double.parseDouble(f[cC].strip());
                double rc = cR >= 0 && !f[cR].isBlank() ? Double.parseDouble(f[cR].strip()) : -1;
                if (!Double.isFinite(c) || !Double.isFinite(rc)) {
                    problems.add(new InputProblem(source, feature, "cost", "costs must be finite"));
                    continue;
                }
                double x1 = cX1 >= 0 ? Double.parseDouble(f[cX1].strip()) : 0;
                double y1 = cY1 >= 0 ? Double.parseDouble(f[cY1].strip()) : 0;
                double x2 = cX2 >= 0 ? Double.parseDouble(f[cX2].strip()) : 0;
                double y2 = cY2 >= 0 ? Double.parseDouble(f[cY2].strip()) : 0;
                pending.add(new long[] {id, s, t});
                pendingVals.add(new double[] {c, rc, x1, y1, x2, y2});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                problems.add(new InputProblem(source, feature, null,
                    "expected numbers in id,source,target,cost,reverse_cost: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        for (int i = 0; i < pending.size(); i++) {
            long[] ids = pending.get(i);
            double[] v = pendingVals.get(i);
            int s = node(gb, nodes, ids[1], v[2], v[3]);
            int t = node(gb, nodes, ids[2], v[4], v[5]);
            double c = v[0];
            double rc = v[1];
            if (undirected) {
                double both = c >= 0 && rc >= 0 ? Math.min(c, rc) : Math.max(c, rc);
                c = both;
                rc = both;
            }
            gb.addEdge(ids[0], s, t, Math.max(Math.max(c, rc), 0), c, rc, new double[0]);
        }
        return gb.build();
    }

    private static int node(GraphBuilder gb, LongIntMap nodes, long id, double x, double y) {
        int n = nodes.get(id);
        if (n == LongIntMap.MISSING) {
            n = gb.addNode(x, y, id);
            nodes.put(id, n);
        }
        return n;
    }
}

package org.eldercare.planner.network;

import org.eldercare.planner.crs.Geodesy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.eldercare.planner.io.osm.OsmHandler;
import org.eldercare.planner.io.osm.OsmXmlReader;

/**
 * Builds a {@link RoadGraph} from a stream of OSM elements (any reader that drives an {@link OsmHandler}: OSM XML
 * now, PBF through the same handler). Ways accepted by the {@link TravelProfile} are split into edges at every node
 * shared with another accepted way (or visited twice by one way) and at their ends; intermediate nodes become edge
 * geometry. Ways tagged {@code area=yes} that the profile accepts (walking: their outline) are used only when they
 * share a node with another accepted way ({@link #isolatedAreaWays()}). Nodes the profile may not pass
 * ({@link TravelProfile#blocksPassage}, e.g. a gate with {@code foot=no}) split their ways without connecting the
 * pieces ({@link #blockedNodeCopies()}). Edge length = sum of great-circle segment lengths ({@link Geodesy#haversineMeters}, mean-radius sphere; within 0.1–0.3 % of the ellipsoid in China, well below the spread of walking speeds). A walking crossing penalty is charged once per
 * crossing node, on the edge that starts at it or passes through it.
 *
 * <p>Memory: node coordinates of the whole file are kept in primitive arrays keyed by an open-addressing map (about
 * 40 bytes per node), accepted ways as flat id arrays. Way node references missing from the file are counted
 * ({@link #missingNodeRefs()}); the way is split around the gap rather than joined across it. Use once: feed the
 * stream, then call {@link #graph()}.
 */
public final class OsmGraphBuilder implements OsmHandler {
    private final TravelProfile profile;
    private final LongIntMap nodeIndex = new LongIntMap(1 << 16);
    private double[] lon = new double[1 << 16];
    private double[] lat = new double[1 << 16];
    private int nodes;
    private final LongIntMap crossing = new LongIntMap(64);
    private final LongIntMap blocked = new LongIntMap(16);

    private final LongIntMap useCount = new LongIntMap(1 << 16);
    private long[] wayIds = new long[1024];
    private double[] wayFwdPerMeter = new double[1024];
    private double[] wayBwdPerMeter = new double[1024];
    private int[] wayRefStart = new int[1025];
    private boolean[] wayIsArea = new boolean[1024];
    private long[] refs = new long[1 << 14];
    private int ways;
    private int refCount;
    private long missingRefs;
    private int isolatedAreaWays;
    private int blockedCopies;
    private RoadGraph graph;

    public OsmGraphBuilder(TravelProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("profile is required");
        }
        this.profile = profile;
    }

    /** Reads an OSM XML file and builds the graph for {@code profile}. */
    public static RoadGraph fromOsmXml(Path osmFile, TravelProfile profile) throws IOException {
        OsmGraphBuilder b = new OsmGraphBuilder(profile);
        OsmXmlReader.read(osmFile, b);
        return b.graph();
    }

    @Override
    public void node(long id, double lon, double lat, Map<String, String> tags) {
        if (nodes == this.lon.length) {
            this.lon = Arrays.copyOf(this.lon, nodes * 2);
            this.lat = Arrays.copyOf(this.lat, nodes * 2);
        }
        this.lon[nodes] = lon;
        this.lat[nodes] = lat;
        nodeIndex.put(id, nodes++);
        if (!tags.isEmpty() && profile.isCrossing(tags)) {
            crossing.put(id, 1);
        }
        if (!tags.isEmpty() && profile.blocksPassage(tags)) {
            blocked.put(id, 1);
        }
    }

    @Override
    public void way(long id, long[] nodeRefs, Map<String, String> tags) {
        if (nodeRefs.length < 2 || !profile.accepts(tags)) {
            return;
        }
        double fwd = profile.forwardSeconds(tags, 1.0);
        double bwd = profile.backwardSeconds(tags, 1.0);
        if (fwd < 0 && bwd < 0) {
            return;
        }
        if (ways == wayIds.length) {
            wayIds = Arrays.copyOf(wayIds, ways * 2);
            wayFwdPerMeter = Arrays.copyOf(wayFwdPerMeter, ways * 2);
            wayBwdPerMeter = Arrays.copyOf(wayBwdPerMeter, ways * 2);
            wayRefStart = Arrays.copyOf(wayRefStart, ways * 2 + 1);
            wayIsArea = Arrays.copyOf(wayIsArea, ways * 2);
        }
        if (refCount + nodeRefs.length > refs.length) {
            refs = Arrays.copyOf(refs, Math.max(refs.length * 2, refCount + nodeRefs.length));
        }
        for (int i = 0; i < nodeRefs.length; i++) {
            long r = nodeRefs[i];
            refs[refCount++] = r;
            // ends count twice so they always become graph nodes
            useCount.increment(r, (i == 0 || i == nodeRefs.length - 1) ? 2 : 1);
        }
        wayIds[ways] = id;
        wayFwdPerMeter[ways] = fwd;
        wayBwdPerMeter[ways] = bwd;
        wayIsArea[ways] = "yes".equals(tags.get("area"));
        wayRefStart[++ways] = refCount;
    }

    @Override
    public void end() {
        GraphBuilder gb = new GraphBuilder(profile);
        LongIntMap graphNode = new LongIntMap(1 << 12);
        double[] inter = new double[64];
        for (int w = 0; w < ways; w++) {
            int s = wayRefStart[w];
            int e = wayRefStart[w + 1];
            if (wayIsArea[w] && !sharesNode(s, e)) {
                isolatedAreaWays++;
                continue;
            }
            int pieceStart = -1;
            boolean startBlocked = false;
            double len = 0;
            int crossings = 0;
            int nInter = 0;
            double pLon = 0;
            double pLat = 0;
            for (int i = s; i < e; i++) {
                long ref = refs[i];
                int ni = nodeIndex.get(ref);
                if (ni == LongIntMap.MISSING) {
                    missingRefs++;
                    pieceStart = -1; // gap: the next present node starts a new piece
                    continue;
                }
                double x = lon[ni];
                double y = lat[ni];
                boolean isBlocked = blocked.size() > 0 && blocked.get(ref) != LongIntMap.MISSING;
                boolean isNode = i == s || i == e - 1 || useCount.get(ref) >= 2 || pieceStart < 0 || isBlocked
                    || (i + 1 < e && nodeIndex.get(refs[i + 1]) == LongIntMap.MISSING);
                if (pieceStart >= 0) {
                    len += Geodesy.haversineMeters(pLon, pLat, x, y);
                }
                if (pieceStart >= 0 && isNode) {
                    // a node walking may not pass: every piece ends at its own copy of it, so no route goes through
                    int from = startBlocked ? blockedCopy(gb, refs[pieceStart]) : graphNode(gb, graphNode, refs[pieceStart]);
                    int to = isBlocked ? blockedCopy(gb, ref) : graphNode(gb, graphNode, ref);
                    double pen = crossings * profile.crossingPenaltySeconds();
                    double f = wayFwdPerMeter[w] >= 0 ? wayFwdPerMeter[w] * len + pen : -1;
                    double b = wayBwdPerMeter[w] >= 0 ? wayBwdPerMeter[w] * len + pen : -1;
                    gb.addEdge(wayIds[w], from, to, len, f, b, inter, 0, nInter);
                }
                if (isNode) {
                    pieceStart = i;
                    startBlocked = isBlocked;
                    len = 0;
                    nInter = 0;
                    crossings = 0;
                } else {
                    if (2 * nInter + 2 > inter.length) {
                        inter = Arrays.copyOf(inter, inter.length * 2);
                    }
                    inter[2 * nInter] = x;
                    inter[2 * nInter + 1] = y;
                    nInter++;
                }
                if (crossing.size() > 0 && crossing.get(ref) != LongIntMap.MISSING) {
                    crossings++;
                }
                pLon = x;
                pLat = y;
            }
        }
        graph = gb.build();
        refs = null;
        wayIds = null;
    }

    /**
     * Whether the way with refs {@code [s, e)} shares a node with another accepted way: some node's use count exceeds
     * what this way alone contributes (ends 2, other visits 1).
     */
    private boolean sharesNode(int s, int e) {
        LongIntMap own = new LongIntMap(16);
        for (int i = s; i < e; i++) {
            own.increment(refs[i], (i == s || i == e - 1) ? 2 : 1);
        }
        for (int i = s; i < e; i++) {
            if (useCount.get(refs[i]) > own.get(refs[i])) {
                return true;
            }
        }
        return false;
    }

    /** A fresh graph node at a blocked node's position (one per piece touching it). */
    private int blockedCopy(GraphBuilder gb, long ref) {
        int ni = nodeIndex.get(ref);
        blockedCopies++;
        return gb.addNode(lon[ni], lat[ni], ref);
    }

    private int graphNode(GraphBuilder gb, LongIntMap graphNode, long ref) {
        int g = graphNode.get(ref);
        if (g == LongIntMap.MISSING) {
            int ni = nodeIndex.get(ref);
            g = gb.addNode(lon[ni], lat[ni], ref);
            graphNode.put(ref, g);
        }
        return g;
    }

    /** The built graph; available after the stream ended. */
    public RoadGraph graph() {
        if (graph == null) {
            throw new IllegalStateException("the OSM stream has not ended yet");
        }
        return graph;
    }

    /**
     * Accepted {@code area=yes} ways left out because they share no node with any other accepted way: an isolated
     * outline adds no route between places, only a ring a facility could be snapped onto and stay trapped in.
     */
    public int isolatedAreaWays() {
        return isolatedAreaWays;
    }

    /**
     * Graph nodes made for way pieces ending at a node the profile may not pass ({@link TravelProfile#blocksPassage}):
     * each such piece ends at its own copy of the node, so the road stays in the graph but no route passes through.
     */
    public int blockedNodeCopies() {
        return blockedCopies;
    }

    /** Way node references not present in the file (the way was split around them). */
    public long missingNodeRefs() {
        return missingRefs;
    }
}

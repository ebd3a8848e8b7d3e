package org.eldercare.planner.network;

import java.util.Arrays;
import java.util.Optional;

/**
 * A routable road graph for one travel profile, held in primitive arrays (compressed sparse row adjacency), so that a
 * province with millions of edges fits in a few hundred megabytes and searches touch contiguous memory.
 *
 * <p>Vocabulary:
 * <ul>
 *   <li><b>node</b> {@code 0..nodeCount-1}: a junction or dead end, with WGS84 lon/lat and an external id (the OSM
 *       node id, the pgRouting vertex id, or a sequence number for line layers).</li>
 *   <li><b>edge</b> {@code 0..edgeCount-1}: a piece of road between two nodes, with its original id (OSM way id,
 *       pgRouting edge id, or the index of the input line), its length in metres along the geometry and its
 *       intermediate vertices (one flat coordinate array with offsets, no object per edge).</li>
 *   <li><b>arc</b> {@code 0..arcCount-1}: one usable direction of an edge, with its travel cost in seconds for the
 *       profile the graph was built for (for a pgRouting CSV: the file's cost unit). An edge has 0, 1 or 2 arcs.
 *       Arcs are grouped by tail node: the arcs leaving node {@code u} are {@code firstArc(u) .. firstArc(u+1)-1}.</li>
 * </ul>
 *
 * <p>Build one with {@link GraphBuilder}, {@link OsmGraphBuilder}, {@link RoadSegmentGraphBuilder} or
 * {@link PgRoutingEdgeReader}. THIS CLASS IS IMMUTABLE AND THREAD-SAFE: arrays are never exposed, accessors copy
 * single values; the searches keep their own work arrays ({@link GraphSearch}).
 */
public final class RoadGraph {
    private final String profileName;
    private final TravelProfile profile;
    private final double[] nodeLon;
    private final double[] nodeLat;
    private final long[] nodeExternalId;

    private final long[] edgeOriginalId;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final double[] edgeLengthMeters;
    /** Arc index of the edge's from→to direction, or -1. */
    private final int[] edgeForwardArc;
    /** Arc index of the edge's to→from direction, or -1. */
    private final int[] edgeBackwardArc;
    /** Intermediate vertices of edge e: coordinates {@code geomCoords[2*geomOffset[e] .. 2*geomOffset[e+1]-1]}. */
    private final int[] geomOffset;
    private final double[] geomCoords;

    private final int[] firstArc;
    private final int[] arcHead;
    private final double[] arcCost;
    /** Edge of the arc times two, plus 1 when the arc runs to→from. */
    private final int[] arcEdgeDir;

    RoadGraph(String profileName, TravelProfile profile, double[] nodeLon, double[] nodeLat, long[] nodeExternalId, long[] edgeOriginalId,
              int[] edgeFrom, int[] edgeTo, double[] edgeLengthMeters, int[] geomOffset, double[] geomCoords,
              int[] firstArc, int[] arcHead, double[] arcCost, int[] arcEdgeDir) {
        this.profileName = profileName;
        this.profile = profile;
        this.nodeLon = nodeLon;
        this.nodeLat = nodeLat;
        this.nodeExternalId = nodeExternalId;
        this.edgeOriginalId = edgeOriginalId;
        this.edgeFrom = edgeFrom;
        this.edgeTo = edgeTo;
        this.edgeLengthMeters = edgeLengthMeters;
        this.geomOffset = geomOffset;
        this.geomCoords = geomCoords;
        this.firstArc = firstArc;
        this.arcHead = arcHead;
        this.arcCost = arcCost;
        this.arcEdgeDir = arcEdgeDir;
        this.edgeForwardArc = new int[edgeFrom.length];
        this.edgeBackwardArc = new int[edgeFrom.length];
        Arrays.fill(edgeForwardArc, -1);
        Arrays.fill(edgeBackwardArc, -1);
        for (int a = 0; a < arcHead.length; a++) {
            int e = arcEdgeDir[a] >>> 1;
            if ((arcEdgeDir[a] & 1) == 0) {
                edgeForwardArc[e] = a;
            } else {
                edgeBackwardArc[e] = a;
            }
        }
    }

    /** Name of the travel profile the arc costs were computed for, e.g. {@code walk 0.76 m/s} or {@code csv}. */
    public String profileName() {
        return profileName;
    }

    /** The travel profile the arc costs (seconds) were computed with; empty for graphs read from cost tables. */
    public Optional<TravelProfile> profile() {
        return Optional.ofNullable(profile);
    }

    public int nodeCount() {
        return nodeLon.length;
    }

    public int edgeCount() {
        return edgeFrom.length;
    }

    public int arcCount() {
        return arcHead.length;
    }

    public double nodeLon(int node) {
        return nodeLon[node];
    }

    public double nodeLat(int node) {
        return nodeLat[node];
    }

    /** The node's id in the source data (OSM node id, pgRouting vertex id, or sequence number for line layers). */
    public long nodeExternalId(int node) {
        return nodeExternalId[node];
    }

    /** The node index with this external id, or -1. Linear scan: for look-ups of a few ids (CLI, tests). */
    public int findNode(long externalId) {
        for (int i = 0; i < nodeExternalId.length; i++) {
            if (nodeExternalId[i] == externalId) {
                return i;
            }
        }
        return -1;
    }

    /** Original id of the edge in the source data (OSM way id, pgRouting edge id, index of the input line). */
    public long edgeOriginalId(int edge) {
        return edgeOriginalId[edge];
    }

    public int edgeFrom(int edge) {
        return edgeFrom[edge];
    }

    public int edgeTo(int edge) {
        return edgeTo[edge];
    }

    /** Length of the edge along its geometry in metres (for a pgRouting CSV: the larger of its two costs). */
    public double edgeLengthMeters(int edge) {
        return edgeLengthMeters[edge];
    }

    /** Arc running from→to along the edge, or -1 when that direction is not usable (one-way street). */
    public int edgeForwardArc(int edge) {
        return edgeForwardArc[edge];
    }

    /** Arc running to→from along the edge, or -1 when that direction is not usable. */
    public int edgeBackwardArc(int edge) {
        return edgeBackwardArc[edge];
    }

    /** Number of vertices of the edge's polyline including both end nodes (≥ 2). */
    public int edgeVertexCount(int edge) {
        return geomOffset[edge + 1] - geomOffset[edge] + 2;
    }

    /** Longitude of vertex {@code i} (0 = from node, {@code edgeVertexCount-1} = to node) of the edge's polyline. */
    public double edgeVertexLon(int edge, int i) {
        return edgeVertex(edge, i, nodeLon, 0);
    }

    /** Latitude of vertex {@code i} of the edge's polyline, see {@link #edgeVertexLon}. */
    public double edgeVertexLat(int edge, int i) {
        return edgeVertex(edge, i, nodeLat, 1);
    }

    /** One coordinate (axis 0 = lon, 1 = lat, with the node array of that axis) of an edge's vertex. */
    private double edgeVertex(int edge, int i, double[] nodeCoord, int axis) {
        if (i == 0) {
            return nodeCoord[edgeFrom[edge]];
        }
        int n = geomOffset[edge + 1] - geomOffset[edge];
        if (i == n + 1) {
            return nodeCoord[edgeTo[edge]];
        }
        return geomCoords[2 * (geomOffset[edge] + i - 1) + axis];
    }

    /** First arc leaving {@code node}; the arcs leaving it are {@code firstArc(node) .. firstArc(node + 1) - 1}. */
    public int firstArc(int node) {
        return firstArc[node];
    }

    public int arcHead(int arc) {
        return arcHead[arc];
    }

    /** Travel cost of the arc in seconds (pgRouting CSV: the file's cost unit); always finite and ≥ 0. */
    public double arcCost(int arc) {
        return arcCost[arc];
    }

    public int arcEdge(int arc) {
        return arcEdgeDir[arc] >>> 1;
    }

    /** True when the arc runs along its edge in the from→to direction. */
    public boolean arcIsForward(int arc) {
        return (arcEdgeDir[arc] & 1) == 0;
    }

    /** Sum of all edge lengths in metres. */
    public double totalLengthMeters() {
        double s = 0;
        for (double l : edgeLengthMeters) {
            s += l;
        }
        return s;
    }

    /** Approximate heap memory held by the arrays of this graph, in bytes (for benchmarks). */
    public long memoryBytes() {
        long n = nodeLon.length;
        long m = edgeFrom.length;
        long a = arcHead.length;
        return n * (8 + 8 + 8) + (n + 1) * 4 + m * (8 + 4 + 4 + 8 + 4 + 4 + 4) + 4 + geomCoords.length * 8L
            + a * (4 + 8 + 4);
    }

    // package-private raw access for the searches (hot loops avoid the accessor bounds of other packages)
    int[] firstArcArray() {
        return firstArc;
    }

    int[] arcHeadArray() {
        return arcHead;
    }

    double[] arcCostArray() {
        return arcCost;
    }

    @Override
    public String toString() {
        return "RoadGraph[" + profileName + ", " + nodeCount() + " nodes, " + edgeCount() + " edges, " + arcCount()
            + " arcs]";
    }
}

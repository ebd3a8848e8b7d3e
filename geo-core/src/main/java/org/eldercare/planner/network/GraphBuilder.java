package org.eldercare.planner.network;

import java.util.Arrays;

/**
 * Accumulates nodes and edges in growable primitive arrays and builds an immutable {@link RoadGraph} (CSR adjacency
 * sorted by tail node, counting sort: O(nodes + arcs)). The format-specific builders ({@link OsmGraphBuilder},
 * {@link RoadSegmentGraphBuilder}, {@link PgRoutingEdgeReader}) feed this; benchmarks and tests can use it directly.
 * Not thread-safe; use once.
 */
public final class GraphBuilder {
    private final String profileName;
    private final TravelProfile profile;
    private int nodeCount;
    private double[] lon = new double[1024];
    private double[] lat = new double[1024];
    private long[] extId = new long[1024];

    private int edgeCount;
    private long[] edgeOrig = new long[1024];
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private double[] length = new double[1024];
    private double[] costFwd = new double[1024];
    private double[] costBwd = new double[1024];
    private int[] geomOffset = new int[1025];
    private int geomCount;
    private double[] geom = new double[2048];
    private int arcCount;
    private boolean built;

    /** @param profileName name recorded in the graph, e.g. the {@link TravelProfile#name()} */
    public GraphBuilder(String profileName) {
        if (profileName == null || profileName.isBlank()) {
            throw new IllegalArgumentException("profileName is required, was '" + profileName + "'");
        }
        this.profileName = profileName;
        this.profile = null;
    }

    /** A builder whose arc costs are seconds computed with {@code profile} (recorded in the graph). */
    public GraphBuilder(TravelProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("profile is required");
        }
        this.profileName = profile.name();
        this.profile = profile;
    }

    /**
     * Adds a node and returns its index.
     *
     * @param lon        WGS84 longitude in [-180, 180] (pgRouting CSVs may use any planar x)
     * @param lat        WGS84 latitude
     * @param externalId id in the source data
     */
    public int addNode(double lon, double lat, long externalId) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new IllegalArgumentException("node " + externalId + ": coordinates must be finite, were (" + lon
                + ", " + lat + ")");
        }
        if (nodeCount == this.lon.length) {
            int n = nodeCount * 2;
            this.lon = Arrays.copyOf(this.lon, n);
            this.lat = Arrays.copyOf(this.lat, n);
            this.extId = Arrays.copyOf(this.extId, n);
        }
        this.lon[nodeCount] = lon;
        this.lat[nodeCount] = lat;
        this.extId[nodeCount] = externalId;
        return nodeCount++;
    }

    public int nodeCount() {
        return nodeCount;
    }

    /** Longitude of an added node. */
    public double nodeLon(int node) {
        return lon[checkedNode(node)];
    }

    /** Latitude of an added node. */
    public double nodeLat(int node) {
        return lat[checkedNode(node)];
    }

    private int checkedNode(int node) {
        if (node < 0 || node >= nodeCount) {
            throw new IllegalArgumentException("node out of range [0," + nodeCount + "): " + node);
        }
        return node;
    }

    /**
     * Adds an edge between two existing nodes and returns its index.
     *
     * @param originalId         id of the source feature (way id, edge id, line index)
     * @param fromNode           index of the start node
     * @param toNode             index of the end node
     * @param lengthMeters       length along the geometry, finite and ≥ 0
     * @param forwardCost        cost from→to (seconds or CSV units); negative or NaN = that direction is absent
     * @param backwardCost       cost to→from; negative or NaN = absent
     * @param intermediateLonLat intermediate vertices as lon,lat pairs (may be empty, not null); array not kept
     * @throws IllegalArgumentException on unknown nodes, a bad length, an infinite cost or an odd coordinate count
     */
    public int addEdge(long originalId, int fromNode, int toNode, double lengthMeters, double forwardCost,
                       double backwardCost, double[] intermediateLonLat) {
        return addEdge(originalId, fromNode, toNode, lengthMeters, forwardCost, backwardCost, intermediateLonLat, 0,
            intermediateLonLat.length / 2);
    }

    /** As {@link #addEdge(long, int, int, double, double, double, double[])} with vertices {@code [start, start+count)} of a lon,lat array. */
    public int addEdge(long originalId, int fromNode, int toNode, double lengthMeters, double forwardCost,
                       double backwardCost, double[] lonLat, int startVertex, int vertexCount) {
        if (built) {
            throw new IllegalStateException("graph already built");
        }
        if (fromNode < 0 || fromNode >= nodeCount || toNode < 0 || toNode >= nodeCount) {
            throw new IllegalArgumentException("edge " + originalId + ": node index out of range [0," + nodeCount
                + "): from=" + fromNode + ", to=" + toNode);
        }
        if (!(lengthMeters >= 0) || Double.isInfinite(lengthMeters)) {
            throw new IllegalArgumentException("edge " + originalId + ": lengthMeters must be finite and >= 0, was "
                + lengthMeters);
        }
        if (forwardCost == Double.POSITIVE_INFINITY || backwardCost == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("edge " + originalId + ": costs must be finite (negative = absent), were "
                + forwardCost + ", " + backwardCost);
        }
        if ((lonLat.length & 1) != 0) {
            throw new IllegalArgumentException("edge " + originalId + ": intermediate coordinates must be lon,lat pairs");
        }
        if (edgeCount == from.length) {
            int n = edgeCount * 2;
            edgeOrig = Arrays.copyOf(edgeOrig, n);
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            length = Arrays.copyOf(length, n);
            costFwd = Arrays.copyOf(costFwd, n);
            costBwd = Arrays.copyOf(costBwd, n);
            geomOffset = Arrays.copyOf(geomOffset, n + 1);
        }
        if (2 * (geomCount + vertexCount) > geom.length) {
            geom = Arrays.copyOf(geom, Math.max(geom.length * 2, 2 * (geomCount + vertexCount)));
        }
        System.arraycopy(lonLat, 2 * startVertex, geom, 2 * geomCount, 2 * vertexCount);
        geomCount += vertexCount;
        edgeOrig[edgeCount] = originalId;
        from[edgeCount] = fromNode;
        to[edgeCount] = toNode;
        length[edgeCount] = lengthMeters;
        double f = forwardCost >= 0 ? forwardCost : -1;
        double b = backwardCost >= 0 ? backwardCost : -1;
        costFwd[edgeCount] = f;
        costBwd[edgeCount] = b;
        arcCount += (f >= 0 ? 1 : 0) + (b >= 0 ? 1 : 0);
        geomOffset[edgeCount + 1] = geomCount;
        return edgeCount++;
    }

    public int edgeCount() {
        return edgeCount;
    }

    /** Builds the immutable graph. The builder cannot be used afterwards. */
    public RoadGraph build() {
        if (built) {
            throw new IllegalStateException("graph already built");
        }
        built = true;
        int n = nodeCount;
        int m = edgeCount;
        int[] firstArc = new int[n + 1];
        for (int e = 0; e < m; e++) {
            if (costFwd[e] >= 0) {
                firstArc[from[e] + 1]++;
            }
            if (costBwd[e] >= 0) {
                firstArc[to[e] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            firstArc[i + 1] += firstArc[i];
        }
        int[] fill = Arrays.copyOf(firstArc, n);
        int[] head = new int[arcCount];
        double[] cost = new double[arcCount];
        int[] edgeDir = new int[arcCount];
        for (int e = 0; e < m; e++) {
            if (costFwd[e] >= 0) {
                int a = fill[from[e]]++;
                head[a] = to[e];
                cost[a] = costFwd[e];
                edgeDir[a] = e << 1;
            }
            if (costBwd[e] >= 0) {
                int a = fill[to[e]]++;
                head[a] = from[e];
                cost[a] = costBwd[e];
                edgeDir[a] = (e << 1) | 1;
            }
        }
        RoadGraph g = new RoadGraph(profileName, profile, Arrays.copyOf(lon, n), Arrays.copyOf(lat, n), Arrays.copyOf(extId, n),
            Arrays.copyOf(edgeOrig, m), Arrays.copyOf(from, m), Arrays.copyOf(to, m), Arrays.copyOf(length, m),
            Arrays.copyOf(geomOffset, m + 1), Arrays.copyOf(geom, 2 * geomCount), firstArc, head, cost, edgeDir);
        lon = lat = length = costFwd = costBwd = geom = null;
        extId = edgeOrig = null;
        from = to = geomOffset = null;
        return g;
    }
}

package org.eldercare.planner.network;

import org.eldercare.planner.crs.Geodesy;
import org.eldercare.planner.crs.MetricProjection;

/**
 * Small hand-drawn networks for tests, laid out in metres near Guixi on the mean-radius sphere the graph measures on,
 * so that edge lengths equal the drawn metres (a 100 m edge along a parallel is 1 mm shorter on the great circle).
 */
public final class HandDrawnGraphs {
    /** Origin of the drawings (metres, EPSG:4548 CM 117°E), near Guixi. */
    public static final double X0 = 520_000;
    public static final double Y0 = 3_130_000;
    public static final MetricProjection GK = MetricProjection.forLongitude(117.2);

    private HandDrawnGraphs() {}

    /** Metres per degree of latitude on the sphere the graph measures lengths on (Geodesy.haversineMeters). */
    static final double M_PER_DEG = Math.PI * Geodesy.MEAN_RADIUS_M / 180;
    static final double LON0;
    static final double LAT0;

    static {
        double[] o = new double[2];
        GK.toWgs84(X0, Y0, o);
        LON0 = o[0];
        LAT0 = o[1];
    }

    /**
     * WGS84 lon/lat of the drawn point (x, y) metres from the origin, laid out on the graph's sphere so that edge
     * lengths equal the drawn metres; in the Gauss-Krüger frame (ellipsoid) the drawing is 0.2–0.3 % off.
     */
    public static double[] lonLat(double x, double y) {
        return new double[] {LON0 + x / (M_PER_DEG * Math.cos(Math.toRadians(LAT0))), LAT0 + y / M_PER_DEG};
    }

    /** Adds a node at drawn metres (x, y). */
    public static int node(GraphBuilder b, double x, double y, long id) {
        double[] ll = lonLat(x, y);
        return b.addNode(ll[0], ll[1], id);
    }

    /**
     * Adds a straight edge between two nodes with walking cost length / speed; {@code oneWay} keeps only from→to.
     */
    public static int edge(GraphBuilder b, RoadGraphDraft d, int from, int to, double speedMps, boolean oneWay) {
        double len = Geodesy.haversineMeters(d.lon(from), d.lat(from), d.lon(to), d.lat(to));
        return b.addEdge(from, from, to, len, len / speedMps, oneWay ? -1 : len / speedMps, new double[0]);
    }

    /** Remembers node coordinates while drawing (the builder does not expose them). */
    public static final class RoadGraphDraft {
        private final double[] lon = new double[1000];
        private final double[] lat = new double[1000];
        private final GraphBuilder b;

        public RoadGraphDraft(GraphBuilder b) {
            this.b = b;
        }

        public int node(double x, double y) {
            int i = HandDrawnGraphs.node(b, x, y, b.nodeCount());
            double[] ll = lonLat(x, y);
            lon[i] = ll[0];
            lat[i] = ll[1];
            return i;
        }

        public int edge(int from, int to, double speedMps, boolean oneWay) {
            return HandDrawnGraphs.edge(b, this, from, to, speedMps, oneWay);
        }

        double lon(int i) {
            return lon[i];
        }

        double lat(int i) {
            return lat[i];
        }
    }

    /**
     * The ring with a one-way spur, walking at 1 m/s (1 s per metre):
     * <pre>
     *   D(0,400) ------------ C(400,400)
     *      |                      |
     *      |      (hole:          |
     *      |    300 m x 300 m     |
     *      |    inside 50 m       |
     *      |      buffers)        |
     *   A(0,0) -------------- B(400,0) <======= E(800,0)     (spur one-way E → B only)
     * </pre>
     * Nodes 0=A, 1=B, 2=C, 3=D, 4=E; edges 0=AB, 1=BC, 2=CD, 3=DA, 4=EB (one-way, from E to B).
     */
    public static RoadGraph ring() {
        GraphBuilder b = new GraphBuilder(TravelProfile.walk(1.0));
        RoadGraphDraft d = new RoadGraphDraft(b);
        int a = d.node(0, 0);
        int bb = d.node(400, 0);
        int c = d.node(400, 400);
        int dd = d.node(0, 400);
        int e = d.node(800, 0);
        d.edge(a, bb, 1.0, false);
        d.edge(bb, c, 1.0, false);
        d.edge(c, dd, 1.0, false);
        d.edge(dd, a, 1.0, false);
        d.edge(e, bb, 1.0, true);
        return b.build();
    }
}

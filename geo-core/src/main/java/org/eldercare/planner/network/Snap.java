package org.eldercare.planner.network;

/**
 * A point placed on the nearest edge of a {@link RoadGraph}. Immutable.
 *
 * @param edge                  edge index in the graph
 * @param fraction              position along the edge as a share of its length, in [0, 1] (0 = from node)
 * @param lon                   WGS84 longitude of the projected position on the edge
 * @param lat                   WGS84 latitude of the projected position
 * @param distanceMeters        distance from the original point to the projected position, metres
 * @param offsetFromStartMeters metres along the edge from its from node to the projected position
 * @param offsetToEndMeters     metres along the edge from the projected position to its to node
 */
public record Snap(int edge, double fraction, double lon, double lat, double distanceMeters,
                   double offsetFromStartMeters, double offsetToEndMeters) {
    public Snap {
        if (edge < 0) {
            throw new IllegalArgumentException("edge must be >= 0, was " + edge);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], was " + fraction);
        }
        if (!(distanceMeters >= 0)) {
            throw new IllegalArgumentException("distanceMeters must be >= 0, was " + distanceMeters);
        }
    }

    /** A snap exactly at a graph node, as the from end of one of its edges (for searches from vertices). */
    public static Snap atNodeOf(RoadGraph g, int edge, boolean atFrom) {
        int n = atFrom ? g.edgeFrom(edge) : g.edgeTo(edge);
        double len = g.edgeLengthMeters(edge);
        return new Snap(edge, atFrom ? 0 : 1, g.nodeLon(n), g.nodeLat(n), 0, atFrom ? 0 : len, atFrom ? len : 0);
    }
}

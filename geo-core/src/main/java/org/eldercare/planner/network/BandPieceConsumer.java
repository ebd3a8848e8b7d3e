package org.eldercare.planner.network;

/**
 * Receives reached pieces of edges band by band ({@link GraphSearch#forEachReachedPiece(double[], BandPieceConsumer)}):
 * fractions {@code [fromFraction, toFraction]} of the edge's length (0 = from node), reached within budget number
 * {@code band}.
 */
@FunctionalInterface
public interface BandPieceConsumer {
    void accept(int edge, double fromFraction, double toFraction, int sourceIndex, int band);
}

package org.eldercare.planner.network;

/** Receives reached pieces of edges: fractions {@code [fromFraction, toFraction]} of the edge's length, 0 = from node. */
@FunctionalInterface
public interface PieceConsumer {
    void accept(int edge, double fromFraction, double toFraction, int sourceIndex);
}

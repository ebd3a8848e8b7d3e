package org.eldercare.planner.network;

/**
 * A point that could not be placed on the network within the maximum snap distance. Immutable.
 *
 * @param id                 the point's id
 * @param index              its position in the input list
 * @param lon                WGS84 longitude of the point
 * @param lat                WGS84 latitude of the point
 * @param nearestEdgeMeters  distance to the nearest edge found within 20× the snap distance, else +Infinity
 * @param message            human-readable explanation
 */
public record SnapProblem(String id, int index, double lon, double lat, double nearestEdgeMeters, String message) {}

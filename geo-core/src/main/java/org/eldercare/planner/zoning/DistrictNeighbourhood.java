package org.eldercare.planner.zoning;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What pooling needs to know beyond households and site areas: which districts are adjacent and how large (land
 * area) each one is. Given explicitly for plain values ({@link #of}), or derived from district boundaries
 * ({@link GeometryNeighbourhood#fromBoundaries}). Adjacency is symmetric: declaring a–b also makes b–a. Immutable.
 *
 * @param adjacent    for each district id, the ids of its adjacent districts (symmetric, no self-loops)
 * @param landAreasM2 land area (占地面积) of each district in m², for those where it is known
 */
public record DistrictNeighbourhood(Map<String, Set<String>> adjacent, Map<String, Double> landAreasM2) {

    /**
     * @throws IllegalArgumentException naming the district and field for a blank id, a self-adjacency or a land area
     *                                  that is negative, NaN or infinite
     */
    public DistrictNeighbourhood {
        Map<String, Set<String>> sym = new TreeMap<>();
        adjacent.forEach((a, bs) -> {
            for (String b : bs) {
                if (a == null || a.isBlank() || b == null || b.isBlank()) {
                    throw new IllegalArgumentException("adjacent: district ids must be non-blank, was '" + a
                        + "' – '" + b + "'");
                }
                if (a.equals(b)) {
                    throw new IllegalArgumentException("district " + a + ": adjacent: a district cannot be adjacent"
                        + " to itself");
                }
                sym.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
                sym.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
            }
        });
        Map<String, Set<String>> frozen = new TreeMap<>();
        sym.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
        adjacent = Collections.unmodifiableMap(frozen);
        landAreasM2.forEach((id, a) -> {
            if (a == null || !Double.isFinite(a) || a < 0) {
                throw new IllegalArgumentException("district " + id + ": landAreaM2 must be a finite number >= 0,"
                    + " was " + a);
            }
        });
        landAreasM2 = Collections.unmodifiableMap(new TreeMap<>(landAreasM2));
    }

    /** No adjacency and no land areas: nothing can be pooled. */
    public static DistrictNeighbourhood none() {
        return new DistrictNeighbourhood(Map.of(), Map.of());
    }

    /** Explicit adjacency (each id to its neighbours; made symmetric) and land areas in m². */
    public static DistrictNeighbourhood of(Map<String, Set<String>> adjacent, Map<String, Double> landAreasM2) {
        return new DistrictNeighbourhood(adjacent, landAreasM2);
    }

    /** Adjacent ids of {@code id}, empty when none. */
    public Set<String> adjacentTo(String id) {
        return adjacent.getOrDefault(id, Set.of());
    }
}

package org.eldercare.planner.zoning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.model.ResidentialDistrict;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Derives a {@link DistrictNeighbourhood} from district boundaries: two districts are adjacent when their polygons
 * are at most {@code adjacentMaxDistanceM} metres apart (0 = touching or overlapping), and each district's land
 * area (占地面积) is its polygon area in m². Distances and areas are measured in one metric projection chosen for
 * the envelope of all boundaries ({@link MetricProjection#forGeometry}), so the districts of one county share a
 * Gauss-Krüger zone. Districts without a boundary get neither adjacency nor land area.
 *
 * <p>IMPLEMENTATION NOTE: candidate pairs come from an STR-tree query with each envelope expanded by the distance,
 * so a county with thousands of districts needs about n·log n exact distance computations, not n².
 */
public final class GeometryNeighbourhood {
    private GeometryNeighbourhood() {}

    /**
     * @param districts            districts, some with boundaries (WGS84 lon/lat)
     * @param adjacentMaxDistanceM largest gap in metres counted as adjacent, finite and ≥ 0
     * @throws IllegalArgumentException when {@code adjacentMaxDistanceM} is negative, NaN or infinite
     */
    public static DistrictNeighbourhood fromBoundaries(List<ResidentialDistrict> districts,
            double adjacentMaxDistanceM) {
        if (!Double.isFinite(adjacentMaxDistanceM) || adjacentMaxDistanceM < 0) {
            throw new IllegalArgumentException("adjacentMaxDistanceM must be a finite number >= 0, was "
                + adjacentMaxDistanceM);
        }
        List<ResidentialDistrict> withBoundary = districts.stream().filter(d -> d.boundary().isPresent()).toList();
        if (withBoundary.isEmpty()) {
            return DistrictNeighbourhood.none();
        }
        Envelope all = new Envelope();
        withBoundary.forEach(d -> all.expandToInclude(d.boundary().get().getEnvelopeInternal()));
        MetricProjection proj = MetricProjection.forGeometry(new GeometryFactory().toGeometry(all));
        List<Geometry> metric = new ArrayList<>();
        STRtree tree = new STRtree();
        Map<String, Double> land = new LinkedHashMap<>();
        for (int i = 0; i < withBoundary.size(); i++) {
            Geometry m = proj.toMetric(withBoundary.get(i).boundary().get());
            metric.add(m);
            tree.insert(m.getEnvelopeInternal(), i);
            land.put(withBoundary.get(i).id(), m.getArea());
        }
        Map<String, Set<String>> adjacent = new LinkedHashMap<>();
        for (int i = 0; i < metric.size(); i++) {
            Envelope e = new Envelope(metric.get(i).getEnvelopeInternal());
            e.expandBy(adjacentMaxDistanceM);
            for (Object o : tree.query(e)) {
                int j = (Integer) o;
                if (j > i && metric.get(i).isWithinDistance(metric.get(j), adjacentMaxDistanceM)) {
                    adjacent.computeIfAbsent(withBoundary.get(i).id(), k -> new TreeSet<>())
                        .add(withBoundary.get(j).id());
                }
            }
        }
        return DistrictNeighbourhood.of(adjacent, land);
    }
}

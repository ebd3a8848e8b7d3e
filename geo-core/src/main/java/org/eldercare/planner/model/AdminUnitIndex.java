package org.eldercare.planner.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which admin unit a location lies in: the one point-in-polygon rule of the project (coverage sums, scenario bed
 * counts, demand points imported without an admin code). A point belongs to the deepest unit whose boundary covers it
 * (community/village before township/street before county before city, {@link AdminLevel#tier()}); among units of
 * the same tier, the first in input order. Boundaries are indexed (STR-tree) and prepared, so a look-up costs a few
 * candidate tests whatever the number of units. Immutable after construction; THREAD-SAFE for queries.
 */
public final class AdminUnitIndex {
    private record Entry(AdminUnit unit, int tier, PreparedGeometry geom, int order) {}

    private final STRtree tree = new STRtree();

    public AdminUnitIndex(List<AdminUnit> units) {
        PreparedGeometryFactory pf = new PreparedGeometryFactory();
        for (int i = 0; i < units.size(); i++) {
            AdminUnit u = units.get(i);
            tree.insert(u.boundary().getEnvelopeInternal(), new Entry(u, u.level().tier(), pf.create(u.boundary()), i));
        }
        tree.build();
    }

    /** The deepest unit whose boundary covers {@code p}, or empty when it lies outside every unit. */
    public Optional<AdminUnit> locate(Point p) {
        return candidates(p).stream().filter(e -> e.geom().covers(p))
            .max(Comparator.comparingInt(Entry::tier).thenComparing(e -> -e.order())).map(Entry::unit);
    }

    /** Units of tier {@code minTier} or deeper whose boundary intersects {@code g}, in input order. */
    public List<AdminUnit> intersecting(Geometry g, int minTier) {
        return candidates(g).stream().filter(e -> e.tier() >= minTier && e.geom().intersects(g))
            .sorted(Comparator.comparingInt(Entry::order)).map(Entry::unit).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Entry> candidates(Geometry g) {
        return tree.query(g.getEnvelopeInternal());
    }
}

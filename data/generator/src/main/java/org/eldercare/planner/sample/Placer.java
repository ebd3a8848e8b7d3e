package org.eldercare.planner.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.eldercare.planner.model.RoadSegment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Places synthetic points: next to OSM road vertices where a unit has roads (so that walking-network analyses reach
 * them), else at random inside the unit near its seed. All randomness comes from the {@link Random} passed in.
 */
final class Placer {
    /** Highway values along which people live; demand and community facilities are placed next to these. */
    static final Set<String> LOCAL_ROADS = Set.of("residential", "living_street", "tertiary",
        "unclassified", "service", "secondary", "pedestrian");

    private final LocalFrame frame;
    private final List<Coordinate> roadVertices;

    Placer(LocalFrame frame, List<RoadSegment> roads) {
        this.frame = frame;
        TreeSet<Coordinate> vs = new TreeSet<>();
        for (RoadSegment r : roads) {
            if (LOCAL_ROADS.contains(r.tags().getOrDefault("highway", ""))) {
                for (Coordinate c : r.geometry().getCoordinates()) {
                    vs.add(new Coordinate(c.x, c.y));
                }
            }
        }
        this.roadVertices = List.copyOf(vs);
    }

    /** Local-road vertices inside {@code area}, in lon/lat order. */
    List<Coordinate> verticesIn(Geometry area) {
        PreparedGeometry prep = PreparedGeometryFactory.prepare(area);
        Envelope e = area.getEnvelopeInternal();
        List<Coordinate> out = new ArrayList<>();
        for (Coordinate c : roadVertices) {
            if (e.contains(c) && prep.contains(area.getFactory().createPoint(c))) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A point 10–40 m from a random road vertex of {@code vertices}, inside {@code area}; falls back to
     * {@link #nearSeed} when the unit has no road vertex.
     */
    Point nearRoad(Random rnd, Geometry area, List<Coordinate> vertices, Point seed, double seedRadiusMetres) {
        if (vertices.isEmpty()) {
            return nearSeed(rnd, area, seed, seedRadiusMetres);
        }
        PreparedGeometry prep = PreparedGeometryFactory.prepare(area);
        for (int tries = 0; tries < 50; tries++) {
            Coordinate v = vertices.get(rnd.nextInt(vertices.size()));
            double angle = rnd.nextDouble() * 2 * Math.PI;
            double dist = 10 + 30 * rnd.nextDouble();
            Point p = frame.offset(LocalFrame.point(v.x, v.y), dist * Math.cos(angle), dist * Math.sin(angle));
            if (prep.contains(p)) {
                return p;
            }
        }
        Coordinate v = vertices.get(0);
        return LocalFrame.point(v.x, v.y);
    }

    /** A random point inside {@code area} within {@code radiusMetres} of {@code seed} (widening if needed). */
    Point nearSeed(Random rnd, Geometry area, Point seed, double radiusMetres) {
        PreparedGeometry prep = PreparedGeometryFactory.prepare(area);
        double r = radiusMetres;
        for (int round = 0; round < 6; round++, r *= 2) {
            for (int tries = 0; tries < 40; tries++) {
                double angle = rnd.nextDouble() * 2 * Math.PI;
                double dist = r * Math.sqrt(rnd.nextDouble());
                Point p = frame.offset(seed, dist * Math.cos(angle), dist * Math.sin(angle));
                if (prep.contains(p)) {
                    return p;
                }
            }
        }
        Point c = area.getInteriorPoint();
        return LocalFrame.point(c.getX(), c.getY());
    }

    /** A point inside {@code area} at least {@code minMetres} from every point of {@code avoid} (best of 400 tries). */
    Point farFrom(Random rnd, Geometry area, List<Point> avoid, double minMetres) {
        PreparedGeometry prep = PreparedGeometryFactory.prepare(area);
        Envelope e = area.getEnvelopeInternal();
        Point best = null;
        double bestD = -1;
        for (int tries = 0; tries < 400; tries++) {
            Point p = LocalFrame.point(e.getMinX() + rnd.nextDouble() * e.getWidth(),
                e.getMinY() + rnd.nextDouble() * e.getHeight());
            if (!prep.contains(p)) {
                continue;
            }
            double d = Double.MAX_VALUE;
            for (Point a : avoid) {
                d = Math.min(d, frame.distanceMetres(p, a));
            }
            if (d >= minMetres) {
                return p;
            }
            if (d > bestD) {
                bestD = d;
                best = p;
            }
        }
        return best != null ? best : LocalFrame.point(area.getInteriorPoint().getX(), area.getInteriorPoint().getY());
    }
}

package org.eldercare.planner.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.UrbanRural;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Builds the admin hierarchy of the sample: the real county outline, and synthetic township/street and
 * community/village polygons for the real NBS units, with census totals allocated down to every unit.
 *
 * <p>Polygons: for townships a multiplicatively weighted Voronoi diagram of seed points (a point belongs to the seed
 * with the smallest distance ÷ weight; weights: 街道 {@value #STREET_WEIGHT}, 镇/乡 1, farms and the industrial park
 * {@value #FARM_WEIGHT}) clipped to the county outline; for communities a plain Voronoi diagram clipped to their
 * township. Both are computed in a locally isotropic frame, so that cells follow ground distance; coordinates are
 * rounded to 7 decimals with a validity-preserving reducer. Township seeds are, in order of preference, the OSM
 * {@code place} node of a street, the GeoNames seat, a fixed seed for 江北街道 north-east of the 信江 opposite the
 * centre, or (天禄, 雷溪, the farms and the industrial park) the point of a seeded random sample of the county farthest
 * from all seeds chosen so far. Community seeds: OSM {@code place=quarter} nodes whose name matches, the township seat
 * for a township's first 居委会, random points in the OSM town-centre box for other street 居委会, random points
 * elsewhere in the township for villages (each at least a minimum spacing from the others where possible).
 *
 * <p>Counts: urban residents (census urban share) go to 居委会/社区 units, the rest to villages, by seeded random
 * weights (street communities 2.5× a township 居委会). 60+ are allocated in proportion to residents × 0.85 (urban) or
 * × 1.1 (rural), 65+ and 80+ in proportion to 60+, households in proportion to residents, every split by the
 * largest-remainder method so that the units sum to the census totals exactly. Townships carry the sums of their
 * communities, the county the census totals.
 */
record AdminSynthesizer(RawInputs in, LocalFrame frame, long seed, Envelope centreBox) {
    /** Synthetic seed of 江北街道: north-east bank of the 信江 across from the centre, near 炼厂/化肥厂 社区. */
    static final double[] JIANGBEI_SEED = {117.2380, 28.3120};
    static final double STREET_COMMUNITY_WEIGHT = 2.5;
    /** Voronoi weight of a 街道 relative to a 镇/乡 (1.0): a street reaches half as far as a town at equal pull. */
    static final double STREET_WEIGHT = 0.5;
    /** Voronoi weight of a farm, forest farm or the industrial park (smaller units than a town). */
    static final double FARM_WEIGHT = 0.7;
    /** Vertices of the polygon that approximates each Apollonius circle of the weighted Voronoi diagram. */
    static final int CIRCLE_SEGMENTS = 256;
    static final double URBAN_ELDERLY_FACTOR = 0.85;
    static final double RURAL_ELDERLY_FACTOR = 1.10;

    /** The result: units in order county, townships (by code), communities (by code); seed point of every unit. */
    record Result(List<AdminUnit> units, Map<String, Point> seeds, Map<String, String> seedSources) {
        Result {
            units = List.copyOf(units);
            seeds = Map.copyOf(seeds);
            seedSources = Map.copyOf(seedSources);
        }
    }

    Result build() {
        Map<String, Point> seeds = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        Polygon county = in.outline();
        String countyCode = AdminUnit.normaliseCode("code", in.countyCode());

        // 1. township seeds
        Random rnd = new Random(seed ^ 0x7A11L);
        List<Point> candidates = new ArrayList<>();
        PreparedGeometry preparedCounty = PreparedGeometryFactory.prepare(county);
        Envelope env = county.getEnvelopeInternal();
        while (candidates.size() < 4000) {
            Point p = LocalFrame.point(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                env.getMinY() + rnd.nextDouble() * env.getHeight());
            if (preparedCounty.contains(p)) {
                candidates.add(p);
            }
        }
        List<RawInputs.NbsUnit> pending = new ArrayList<>();
        for (RawInputs.NbsUnit t : in.townships()) {
            String shortName = t.name();
            Point osm = in.osmPlaces().get(shortName);
            if (t.name().endsWith("街道") && osm != null) {
                seeds.put(t.code(), osm);
                sources.put(t.code(), "OSM place node");
            } else if (in.geonamesSeats().containsKey(t.code())) {
                seeds.put(t.code(), in.geonamesSeats().get(t.code()));
                sources.put(t.code(), "GeoNames seat");
            } else if (t.name().equals("江北街道")) {
                seeds.put(t.code(), LocalFrame.point(JIANGBEI_SEED[0], JIANGBEI_SEED[1]));
                sources.put(t.code(), "synthetic (north bank of 信江)");
            } else {
                pending.add(t);
            }
        }
        for (RawInputs.NbsUnit t : pending) {
            Point best = null;
            double bestD = -1;
            for (Point c : candidates) {
                double d = Double.MAX_VALUE;
                for (Point s : seeds.values()) {
                    d = Math.min(d, frame.distanceMetres(c, s));
                }
                if (d > bestD) {
                    bestD = d;
                    best = c;
                }
            }
            seeds.put(t.code(), best);
            sources.put(t.code(), "synthetic (farthest point from other seeds)");
        }

        // 2. township polygons: multiplicatively weighted Voronoi, so that the city streets stay compact
        List<String> townCodes = in.townships().stream().map(RawInputs.NbsUnit::code).toList();
        Map<String, Double> weights = new HashMap<>();
        for (RawInputs.NbsUnit t : in.townships()) {
            weights.put(t.code(), t.name().endsWith("街道") ? STREET_WEIGHT
                : t.name().endsWith("镇") || t.name().endsWith("乡") ? 1.0 : FARM_WEIGHT);
        }
        Map<String, Geometry> townPolys = weightedVoronoi(townCodes, seeds, weights, county);

        // 3. community seeds and polygons per township
        Map<String, List<RawInputs.NbsUnit>> byTown = new LinkedHashMap<>();
        for (RawInputs.NbsUnit t : in.townships()) {
            byTown.put(t.code(), new ArrayList<>());
        }
        for (RawInputs.NbsUnit c : in.communities()) {
            List<RawInputs.NbsUnit> list = byTown.get(c.parentCode());
            if (list == null) {
                throw new IllegalArgumentException(RawInputs.VILLAGES + ": unit " + c.code() + " " + c.name()
                    + " has unknown streetCode " + c.parentCode());
            }
            list.add(c);
        }
        Map<String, Geometry> commPolys = new HashMap<>();
        Random crnd = new Random(seed ^ 0xC0111L);
        for (RawInputs.NbsUnit t : in.townships()) {
            Geometry townPoly = townPolys.get(t.code());
            PreparedGeometry prepTown = PreparedGeometryFactory.prepare(townPoly);
            List<Point> placed = new ArrayList<>();
            boolean seatUsed = false;
            boolean street = t.name().endsWith("街道");
            Geometry centreArea = townPoly.intersection(Geometries.WGS84.toGeometry(centreBox));
            boolean useCentre = street && centreArea.getArea() > 0.01 * townPoly.getArea();
            for (RawInputs.NbsUnit c : byTown.get(t.code())) {
                Point osm = in.osmPlaces().get(shortCommunityName(c.name()) + "社区");
                Point p;
                String src;
                if (osm != null && prepTown.contains(osm) && farEnough(osm, placed, 50)) {
                    p = osm;
                    src = "OSM place=quarter node";
                } else if (!street && isCommunity(c.name()) && !seatUsed) {
                    p = seeds.get(t.code());
                    seatUsed = true;
                    src = "township seat";
                } else if (isCommunity(c.name()) && useCentre) {
                    p = sample(crnd, centreArea, placed, 250);
                    src = "synthetic (random in town centre)";
                } else {
                    p = sample(crnd, townPoly, placed, street ? 400 : 900);
                    src = "synthetic (random in township)";
                }
                placed.add(p);
                seeds.put(c.code(), p);
                sources.put(c.code(), src);
            }
            List<String> codes = byTown.get(t.code()).stream().map(RawInputs.NbsUnit::code).toList();
            commPolys.putAll(voronoi(codes, seeds, townPoly));
        }

        // 4. counts
        List<RawInputs.NbsUnit> comms = in.communities();
        int n = comms.size();
        boolean[] urban = new boolean[n];
        double[] w = new double[n];
        Random prnd = new Random(seed ^ 0x909L);
        for (int i = 0; i < n; i++) {
            RawInputs.NbsUnit c = comms.get(i);
            urban[i] = isCommunity(c.name());
            boolean inStreet = townName(c.parentCode()).endsWith("街道");
            double base = urban[i] ? (inStreet ? STREET_COMMUNITY_WEIGHT : 1.0) : 1.0;
            w[i] = base * (urban[i] ? 0.7 + 0.6 * prnd.nextDouble() : 0.6 + 0.8 * prnd.nextDouble());
        }
        CensusTotals census = in.census();
        long[] urbanPop = Allocation.largestRemainder(census.urbanResidents(), masked(w, urban, true));
        long[] ruralPop = Allocation.largestRemainder(census.population() - census.urbanResidents(),
            masked(w, urban, false));
        long[] pop = new long[n];
        double[] ew = new double[n];
        double[] pw = new double[n];
        for (int i = 0; i < n; i++) {
            pop[i] = urbanPop[i] + ruralPop[i];
            pw[i] = pop[i];
            ew[i] = pop[i] * (urban[i] ? URBAN_ELDERLY_FACTOR : RURAL_ELDERLY_FACTOR);
        }
        long[] e60 = Allocation.largestRemainder(census.elderly60(), ew);
        double[] e60w = toDouble(e60);
        long[] e65 = Allocation.largestRemainder(census.elderly65(), e60w);
        long[] e80 = Allocation.largestRemainder(census.elderly80(), e60w);
        long[] hh = Allocation.largestRemainder(census.households(), pw);

        // 5. records
        List<AdminUnit> units = new ArrayList<>();
        units.add(AdminUnit.of(countyCode, census.name(), AdminLevel.COUNTY, null, county)
            .withPopulation(census.population(), census.elderly60(), census.elderly65(), census.elderly80())
            .withHouseholds(census.households()));
        Map<String, long[]> townSums = new HashMap<>();
        List<AdminUnit> communityUnits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawInputs.NbsUnit c = comms.get(i);
            AdminUnit u = AdminUnit.of(c.code(), c.name(), urban[i] ? AdminLevel.COMMUNITY : AdminLevel.VILLAGE,
                    c.parentCode(), commPolys.get(c.code()))
                .withUrbanRural(urban[i] ? UrbanRural.URBAN : UrbanRural.RURAL)
                .withPopulation(pop[i], e60[i], e65[i], e80[i]).withHouseholds(hh[i]).withSynthetic(true);
            communityUnits.add(u);
            long[] s = townSums.computeIfAbsent(c.parentCode(), k -> new long[5]);
            s[0] += pop[i];
            s[1] += e60[i];
            s[2] += e65[i];
            s[3] += e80[i];
            s[4] += hh[i];
        }
        for (RawInputs.NbsUnit t : in.townships()) {
            long[] s = townSums.getOrDefault(t.code(), new long[5]);
            boolean street = t.name().endsWith("街道");
            units.add(AdminUnit.of(t.code(), t.name(), street ? AdminLevel.STREET : AdminLevel.TOWNSHIP, countyCode,
                    townPolys.get(t.code()))
                .withUrbanRural(street ? UrbanRural.URBAN : UrbanRural.RURAL)
                .withPopulation(s[0], s[1], s[2], s[3]).withHouseholds(s[4]).withSynthetic(true));
        }
        units.addAll(communityUnits);
        Map<String, Point> normSeeds = new LinkedHashMap<>();
        Map<String, String> normSources = new LinkedHashMap<>();
        seeds.forEach((k, v) -> normSeeds.put(AdminUnit.normaliseCode("code", k), v));
        sources.forEach((k, v) -> normSources.put(AdminUnit.normaliseCode("code", k), v));
        return new Result(units, normSeeds, normSources);
    }

    private String townName(String code) {
        return in.townships().stream().filter(t -> t.code().equals(code)).findFirst()
            .map(RawInputs.NbsUnit::name).orElse("");
    }

    /** 居委会/社区 (urban community) rather than 村委会 or a farm's virtual living area. */
    static boolean isCommunity(String name) {
        return name.endsWith("居民委员会") || name.endsWith("居委会") || name.endsWith("社区");
    }

    /** 花园居民委员会 → 花园; 象山村民委员会 → 象山村. */
    static String shortCommunityName(String name) {
        return name.replaceAll("(居民委员会|居委会|村民委员会|社区)$", "");
    }

    private static double[] masked(double[] w, boolean[] flag, boolean want) {
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            r[i] = flag[i] == want ? w[i] : 0;
        }
        return r;
    }

    private static double[] toDouble(long[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i];
        }
        return r;
    }

    private boolean farEnough(Point p, List<Point> others, double minMetres) {
        for (Point o : others) {
            if (frame.distanceMetres(p, o) < minMetres) {
                return false;
            }
        }
        return true;
    }

    /** A random point inside {@code area}, at least {@code minMetres} from {@code others} if found in 200 tries. */
    private Point sample(Random rnd, Geometry area, List<Point> others, double minMetres) {
        PreparedGeometry prep = PreparedGeometryFactory.prepare(area);
        Envelope e = area.getEnvelopeInternal();
        Point fallback = null;
        for (int tries = 0; tries < 5000; tries++) {
            Point p = LocalFrame.point(e.getMinX() + rnd.nextDouble() * e.getWidth(),
                e.getMinY() + rnd.nextDouble() * e.getHeight());
            if (!prep.contains(p)) {
                continue;
            }
            if (fallback == null) {
                fallback = p;
            }
            if (farEnough(p, others, minMetres) || tries > 200) {
                return p;
            }
        }
        if (fallback == null) {
            Point c = area.getInteriorPoint();
            return LocalFrame.point(c.getX(), c.getY());
        }
        return fallback;
    }

    /**
     * Voronoi cells of the seeds of {@code codes}, clipped to {@code clip}, as valid polygons with 7-decimal
     * coordinates. Computed with longitudes scaled by cos(lat) so that cell edges bisect ground distances.
     */
    Map<String, Geometry> voronoi(List<String> codes, Map<String, Point> seeds, Geometry clip) {
        Map<String, Geometry> out = new LinkedHashMap<>();
        if (codes.size() == 1) {
            out.put(codes.get(0), clean(clip));
            return out;
        }
        double k = frame.lonScale();
        AffineTransformation fwd = AffineTransformation.scaleInstance(k, 1.0);
        AffineTransformation back = AffineTransformation.scaleInstance(1.0 / k, 1.0);
        Map<Coordinate, String> bySite = new HashMap<>();
        List<Coordinate> sites = new ArrayList<>();
        for (String c : codes) {
            Point p = seeds.get(c);
            Coordinate s = new Coordinate(p.getX() * k, p.getY());
            if (bySite.put(s, c) != null) {
                throw new IllegalStateException("two seeds at the same point: " + c + " and another unit");
            }
            sites.add(s);
        }
        Geometry clipScaled = fwd.transform(clip);
        Envelope env = new Envelope(clipScaled.getEnvelopeInternal());
        env.expandBy(Math.max(env.getWidth(), env.getHeight()));
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(sites);
        vb.setClipEnvelope(env);
        GeometryCollection cells = (GeometryCollection) vb.getDiagram(Geometries.WGS84);
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            String code = bySite.get((Coordinate) cell.getUserData());
            Geometry clipped = back.transform(cell).intersection(clip);
            out.put(code, clean(clipped));
        }
        Map<String, Geometry> ordered = new LinkedHashMap<>();
        for (String c : codes) {
            Geometry g = out.get(c);
            if (g == null || g.isEmpty()) {
                throw new IllegalStateException("no Voronoi cell for unit " + c);
            }
            ordered.put(c, g);
        }
        return ordered;
    }

    /**
     * Multiplicatively weighted Voronoi cells of the seeds of {@code codes}, clipped to {@code clip}. The region where
     * seed i beats seed j (d_i/w_i &lt; d_j/w_j) is a half-plane when the weights are equal and otherwise the inside
     * (smaller weight) or outside (larger weight) of an Apollonius circle; each cell is the intersection of its
     * pairwise regions. Each pair's circle is approximated once by a {@value #CIRCLE_SEGMENTS}-gon and the other
     * side is its exact complement, so neighbouring cells share edges. Cells can be multi-part (MultiPolygon).
     * Reference: Okabe, Boots, Sugihara &amp; Chiu, Spatial Tessellations (2000), §3.1.1.
     */
    Map<String, Geometry> weightedVoronoi(List<String> codes, Map<String, Point> seeds, Map<String, Double> weights,
            Geometry clip) {
        double k = frame.lonScale();
        AffineTransformation fwd = AffineTransformation.scaleInstance(k, 1.0);
        AffineTransformation back = AffineTransformation.scaleInstance(1.0 / k, 1.0);
        Geometry clipScaled = fwd.transform(clip);
        Envelope env = new Envelope(clipScaled.getEnvelopeInternal());
        env.expandBy(0.5 * Math.max(env.getWidth(), env.getHeight()));
        Geometry box = Geometries.WGS84.toGeometry(env);
        int n = codes.size();
        Coordinate[] s = new Coordinate[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            Point p = seeds.get(codes.get(i));
            s[i] = new Coordinate(p.getX() * k, p.getY());
            w[i] = weights.get(codes.get(i));
        }
        Geometry[] cells = new Geometry[n];
        for (int i = 0; i < n; i++) {
            cells[i] = box;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Geometry regionI;
                if (w[i] == w[j]) {
                    regionI = halfPlane(box, env, s[i], s[j]);
                } else {
                    boolean iSmaller = w[i] < w[j];
                    Coordinate a = iSmaller ? s[i] : s[j];
                    Coordinate b = iSmaller ? s[j] : s[i];
                    double ratio = iSmaller ? w[i] / w[j] : w[j] / w[i];
                    // d(x,a) = ratio · d(x,b): circle centre (a − ratio²·b)/(1 − ratio²), radius ratio·|ab|/(1 − ratio²)
                    double q = 1 - ratio * ratio;
                    Coordinate c = new Coordinate((a.x - ratio * ratio * b.x) / q, (a.y - ratio * ratio * b.y) / q);
                    double r = ratio * a.distance(b) / q;
                    Geometry disc = circle(c, r).intersection(box);
                    regionI = iSmaller ? disc : box.difference(disc);
                }
                Geometry regionJ = box.difference(regionI);
                cells[i] = cells[i].intersection(regionI);
                cells[j] = cells[j].intersection(regionJ);
            }
        }
        Map<String, Geometry> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Geometry g = back.transform(cells[i]).intersection(clip);
            if (g.isEmpty() || g.getArea() == 0) {
                throw new IllegalStateException("empty weighted Voronoi cell for unit " + codes.get(i));
            }
            out.put(codes.get(i), clean(g));
        }
        return out;
    }

    /** The part of {@code box} on a's side of the perpendicular bisector of ab. */
    private static Geometry halfPlane(Geometry box, Envelope env, Coordinate a, Coordinate b) {
        double mx = (a.x + b.x) / 2;
        double my = (a.y + b.y) / 2;
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double len = Math.hypot(dx, dy);
        double big = 4 * Math.max(env.getWidth(), env.getHeight());
        double ux = dx / len;
        double uy = dy / len;
        // a rectangle from the bisector away from b, 2·big wide and big deep
        Coordinate[] ring = {
            new Coordinate(mx - uy * big, my + ux * big),
            new Coordinate(mx + uy * big, my - ux * big),
            new Coordinate(mx + uy * big - ux * big, my - ux * big - uy * big),
            new Coordinate(mx - uy * big - ux * big, my + ux * big - uy * big),
            new Coordinate(mx - uy * big, my + ux * big)};
        return Geometries.WGS84.createPolygon(ring).intersection(box);
    }

    private static Geometry circle(Coordinate c, double r) {
        Coordinate[] ring = new Coordinate[CIRCLE_SEGMENTS + 1];
        for (int i = 0; i < CIRCLE_SEGMENTS; i++) {
            double t = 2 * Math.PI * i / CIRCLE_SEGMENTS;
            ring[i] = new Coordinate(c.x + r * Math.cos(t), c.y + r * Math.sin(t));
        }
        ring[CIRCLE_SEGMENTS] = ring[0];
        return Geometries.WGS84.createPolygon(ring);
    }

    /** Rounds to 7 decimals keeping validity, drops non-areal parts, returns a WGS84 Polygon or MultiPolygon. */
    static Geometry clean(Geometry g) {
        Geometry r = GeometryPrecisionReducer.reduce(g, new PrecisionModel(1e7));
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < r.getNumGeometries(); i++) {
            Geometry part = r.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty()) {
                polys.add((Polygon) Geometries.WGS84.createGeometry(p));
            }
        }
        Geometry out = polys.size() == 1 ? polys.get(0)
            : Geometries.WGS84.createMultiPolygon(polys.toArray(Polygon[]::new));
        out.setSRID(Geometries.WGS84_SRID);
        return out;
    }
}

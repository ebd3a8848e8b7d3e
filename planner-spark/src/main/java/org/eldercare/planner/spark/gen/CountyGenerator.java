package org.eldercare.planner.spark.gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.MedicalFacility;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.store.GeoPackageWorkspace;
import org.eldercare.planner.store.Workspace;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Makes a synthetic province: N counties (2..200, or 1 for benchmarks) derived from one base county (the 贵溪市 sample,
 * {@code data/guixi/guixi.gpkg}), one GeoPackage workspace per county ({@code <code>.gpkg}) plus
 * {@code counties.csv} listing them.
 *
 * <p>County {@code i} (0-based) is, deterministically for the seed and independently of N:
 * <ul>
 *   <li><b>placed</b> on tile (column {@code i % 15}, row {@code i / 15}) of a grid whose spacing is 1.05 × the
 *       diagonal of the base county's bounding box, so that the counties never overlap whatever their rotation;
 *   <li><b>perturbed</b> by one affine map about the base county's centre: scale in [0.96, 1.00], rotation in
 *       ±0.03 rad, then the tile shift. Every layer (boundaries, roads, districts, points) goes through the same map,
 *       so shared borders stay shared and the tiling of townships and communities is kept exactly. Facilities,
 *       medical facilities and demand points then move by up to ±{@value #JITTER_DEG}° (about 20 m) each, a move
 *       being kept only when the point stays in the same admin unit;
 *   <li><b>rescaled</b>: every count of every community/village (population, 60+, 65+, 80+, disabled, households) is
 *       {@code round(count × f)} with one county factor {@code f} in [0.6, 1.4]; townships and the county are the
 *       sums of their children; each unit's 60+ is split over its demand points by the largest-remainder method in
 *       proportion to their base 60+ (so demand points add up to the units' 60+ exactly), 80+/disabled/特困 of a
 *       point are {@code floor(base × new60 / base60)}; facility beds and residents are scaled by a per-facility
 *       factor in [0.85, 1.15], districts' households by one in [0.9, 1.1];
 *   <li><b>recoded</b>: county code {@code 900001 + i} (6 digits) (province 90 does not exist, so
 *       no code collides with a real one); township and community codes keep their last 6 digits behind the new
 *       county code; every feature id gets the prefix {@code c<code>-};
 *   <li><b>labelled</b>: county name {@code 合成县-NNN}, data set name {@code 合成县-NNN (code, synthetic: …)}, every
 *       admin unit, facility, medical facility, district and demand point {@code synthetic = true}.
 * </ul>
 */
public final class CountyGenerator {
    /** Largest jitter of a point, degrees (≈ 20 m). */
    public static final double JITTER_DEG = 0.0002;
    /** Counties per row of the tile grid. */
    public static final int COLUMNS = 15;
    /** The first county's code; county i gets {@code FIRST_CODE + i}. */
    public static final int FIRST_CODE = 900_001;

    private final PlanningData base;
    private final AdminUnit baseCounty;
    private final Coordinate centre;
    private final double spacing;

    /** A generator deriving counties from {@code base}, which must hold exactly one COUNTY unit. */
    public CountyGenerator(PlanningData base) {
        List<AdminUnit> counties = base.listAdminUnits(AdminLevel.COUNTY);
        if (counties.size() != 1) {
            throw new IllegalArgumentException("base data '" + base.name() + "' must have exactly one COUNTY unit, has "
                + counties.size());
        }
        this.base = base;
        this.baseCounty = counties.get(0);
        Envelope e = baseCounty.boundary().getEnvelopeInternal();
        this.centre = e.centre();
        this.spacing = 1.05 * Math.hypot(e.getWidth(), e.getHeight());
    }

    /** What one generated county is: code, name, file and the parameters drawn for it. */
    public record County(int index, String code, String name, Path file, double factor, double scale,
            double rotation, double dx, double dy) {}

    /** The 6-digit code of county {@code i}. */
    public static String code(int i) {
        return Integer.toString(FIRST_CODE + i);
    }

    /**
     * Writes counties 0..n-1 into {@code dir} (created if missing) as {@code <code>.gpkg} and {@code counties.csv}.
     *
     * @throws IllegalArgumentException when n is outside 1..200
     */
    public List<County> writeAll(int n, long seed, Path dir) {
        if (n < 1 || n > 200) {
            throw new IllegalArgumentException("counties: must be in 1..200, was " + n);
        }
        List<County> out = new ArrayList<>();
        StringBuilder csv = new StringBuilder("code,name,file,factor,scale,rotation,dx,dy\n");
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < n; i++) {
                County c = params(i, seed, dir);
                PlanningData d = county(c, seed);
                Files.deleteIfExists(c.file());
                try (Workspace w = GeoPackageWorkspace.open(c.file())) {
                    w.write(d);
                }
                out.add(c);
                csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f%n", c.code(), c.name(),
                    c.file().getFileName(), c.factor(), c.scale(), c.rotation(), c.dx(), c.dy()));
            }
            Files.writeString(dir.resolve("counties.csv"), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write counties to " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The drawn parameters of county {@code i} (its file in {@code dir}). */
    public County params(int i, long seed, Path dir) {
        Random r = random(seed, i, 0);
        double factor = 0.6 + 0.8 * r.nextDouble();
        double scale = 0.96 + 0.04 * r.nextDouble();
        double rotation = (r.nextDouble() * 2 - 1) * 0.03;
        double dx = (i % COLUMNS) * spacing;
        double dy = (i / COLUMNS) * spacing;
        String code = code(i);
        return new County(i, code, String.format(Locale.ROOT, "合成县-%03d", i + 1), dir.resolve(code + ".gpkg"),
            factor, scale, rotation, dx, dy);
    }

    /** County {@code c} as PlanningData (not written). */
    public PlanningData county(County c, long seed) {
        AffineTransformation t = new AffineTransformation()
            .translate(-centre.x, -centre.y).scale(c.scale(), c.scale()).rotate(c.rotation())
            .translate(centre.x + c.dx(), centre.y + c.dy());
        String prefix = "c" + c.code() + "-";
        Map<String, String> codes = new HashMap<>();
        for (AdminUnit u : base.adminUnits()) {
            codes.put(u.code(), recode(c.code(), u.code()));
        }
        List<AdminUnit> units = units(c, t, codes);
        Map<String, AdminUnit> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        Random jitter = random(seed, c.index(), 1);
        Random values = random(seed, c.index(), 2);

        List<Facility> facilities = new ArrayList<>();
        for (Facility f : base.facilities()) {
            Optional<String> admin = f.adminCode().map(codes::get);
            Point p = jittered(t, f.location(), admin.map(byCode::get).orElse(null), jitter);
            double u = 0.85 + 0.3 * values.nextDouble();
            int beds = (int) Math.round(f.beds() * u);
            int nursing = Math.min(beds, (int) Math.round(f.nursingBeds() * u));
            OptionalInt residents = f.residents().isPresent()
                ? OptionalInt.of((int) Math.round(f.residents().getAsInt() * u)) : OptionalInt.empty();
            facilities.add(new Facility(prefix + f.id(), f.name(), f.kind(), p, beds, nursing, f.floorAreaM2(),
                residents, f.operator(), f.hasMedicalRoom(), f.openedYear(), f.careStaff(), admin, true));
        }
        List<MedicalFacility> medical = new ArrayList<>();
        for (MedicalFacility m : base.medicalFacilities()) {
            medical.add(new MedicalFacility(prefix + m.id(), m.name(), m.kind(),
                jittered(t, m.location(), null, jitter), true));
        }
        List<ResidentialDistrict> districts = new ArrayList<>();
        for (ResidentialDistrict d : base.districts()) {
            int households = (int) Math.round(d.households() * (0.9 + 0.2 * values.nextDouble()));
            districts.add(new ResidentialDistrict(prefix + d.id(), d.name(), d.boundary().map(t::transform),
                households, d.status(), d.completionYear(), d.elderlySiteAreasM2(), true));
        }
        List<RoadSegment> roads = new ArrayList<>();
        for (RoadSegment s : base.roads()) {
            roads.add(new RoadSegment(prefix + s.id(), (LineString) t.transform(s.geometry()), s.tags()));
        }
        List<DemandPoint> demand = demand(prefix, t, codes, byCode, jitter);
        String name = c.name() + " (" + c.code() + ", synthetic: derived from " + base.name() + ", factor "
            + String.format(Locale.ROOT, "%.3f", c.factor()) + ")";
        return new PlanningData(name, units, facilities, medical, districts, demand, roads);
    }

    /** Leaves scaled by the factor, parents the sums of their children, all boundaries mapped. */
    private List<AdminUnit> units(County c, AffineTransformation t, Map<String, String> codes) {
        Map<String, List<AdminUnit>> children = new HashMap<>();
        for (AdminUnit u : base.adminUnits()) {
            u.parentCode().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(u));
        }
        Map<String, long[]> counts = new HashMap<>();
        for (AdminUnit u : base.adminUnits()) {
            countsOf(u, children, c.factor(), counts);
        }
        List<AdminUnit> out = new ArrayList<>();
        for (AdminUnit u : base.adminUnits()) {
            long[] n = counts.get(u.code());
            String name = u.level() == AdminLevel.COUNTY ? c.name() : u.name();
            out.add(new AdminUnit(codes.get(u.code()), name, u.level(), u.parentCode().map(codes::get),
                u.urbanRural(), t.transform(u.boundary()), opt(n[0], u.population()), opt(n[1], u.elderly60()),
                opt(n[2], u.elderly65()), opt(n[3], u.elderly80()), opt(n[4], u.disabledElderly()),
                opt(n[5], u.households()), true));
        }
        return out;
    }

    private static long[] countsOf(AdminUnit u, Map<String, List<AdminUnit>> children, double f,
            Map<String, long[]> memo) {
        long[] known = memo.get(u.code());
        if (known != null) {
            return known;
        }
        long[] n = new long[6];
        List<AdminUnit> kids = children.getOrDefault(u.code(), List.of());
        if (kids.isEmpty()) {
            LongUnaryOperator s = v -> Math.round(v * f);
            OptionalLong[] fields = fields(u);
            for (int k = 0; k < 6; k++) {
                n[k] = s.applyAsLong(fields[k].orElse(0));
            }
        } else {
            for (AdminUnit kid : kids) {
                long[] m = countsOf(kid, children, f, memo);
                for (int k = 0; k < 6; k++) {
                    n[k] += m[k];
                }
            }
        }
        memo.put(u.code(), n);
        return n;
    }

    private static OptionalLong[] fields(AdminUnit u) {
        return new OptionalLong[] {u.population(), u.elderly60(), u.elderly65(), u.elderly80(), u.disabledElderly(),
            u.households()};
    }

    private static OptionalLong opt(long v, OptionalLong was) {
        return was.isPresent() ? OptionalLong.of(v) : OptionalLong.empty();
    }

    /** Each unit's new 60+ split over its demand points by largest remainder, ∝ their base 60+. */
    private List<DemandPoint> demand(String prefix, AffineTransformation t, Map<String, String> codes,
            Map<String, AdminUnit> byCode, Random jitter) {
        Map<String, List<DemandPoint>> perUnit = new HashMap<>();
        for (DemandPoint p : base.demandPoints()) {
            perUnit.computeIfAbsent(p.adminCode(), k -> new ArrayList<>()).add(p);
        }
        Map<String, Double> newElderly = new HashMap<>();
        perUnit.forEach((code, points) -> {
            AdminUnit unit = byCode.get(codes.get(code));
            long total = unit == null ? Math.round(points.stream().mapToDouble(DemandPoint::elderly).sum())
                : unit.elderly60().orElse(0);
            long[] split = largestRemainder(total, points.stream().mapToDouble(DemandPoint::elderly).toArray());
            for (int i = 0; i < points.size(); i++) {
                newElderly.put(points.get(i).id(), (double) split[i]);
            }
        });
        List<DemandPoint> out = new ArrayList<>();
        for (DemandPoint p : base.demandPoints()) {
            double e = newElderly.get(p.id());
            double r = p.elderly() > 0 ? e / p.elderly() : 0;
            String admin = codes.getOrDefault(p.adminCode(), p.adminCode());
            out.add(new DemandPoint(prefix + p.id(), jittered(t, p.location(), byCode.get(admin), jitter), e,
                Math.floor(p.age80plus() * r), Math.floor(p.disabled() * r), Math.floor(p.tekun() * r), admin, true));
        }
        return out;
    }

    /** {@code total} split ∝ {@code weights} into integers summing to it (equal split when all weights are 0). */
    static long[] largestRemainder(long total, double[] weights) {
        int n = weights.length;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long[] out = new long[n];
        double[] rem = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            double share = sum > 0 ? total * weights[i] / sum : (double) total / n;
            out[i] = (long) Math.floor(share);
            rem[i] = share - out[i];
            given += out[i];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> rem[a] != rem[b] ? Double.compare(rem[b], rem[a]) : a - b);
        for (int k = 0; given < total; k++, given++) {
            out[order[k % n]]++;
        }
        return out;
    }

    private static Point jittered(AffineTransformation t, Point p, AdminUnit within, Random r) {
        Point moved = (Point) t.transform(p);
        double dx = (r.nextDouble() * 2 - 1) * JITTER_DEG;
        double dy = (r.nextDouble() * 2 - 1) * JITTER_DEG;
        Point j = moved.getFactory().createPoint(new Coordinate(moved.getX() + dx, moved.getY() + dy));
        if (within != null && !within.boundary().covers(j)) {
            return moved;
        }
        return j;
    }

    /** {@code code} (12 digits) with its first six digits replaced by the county's. */
    static String recode(String countyCode, String code) {
        return countyCode + code.substring(6);
    }

    private static Random random(long seed, int county, int stream) {
        return new Random(seed * 1_000_003L + county * 31L + stream);
    }

    /** The base county unit. */
    public AdminUnit baseCounty() {
        return baseCounty;
    }

    /** The base data. */
    public PlanningData base() {
        return base;
    }

}

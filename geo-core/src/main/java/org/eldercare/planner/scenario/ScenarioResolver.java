package org.eldercare.planner.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.Rule;

/**
 * Resolves a {@link Scenario} against a base: validates EVERY change first and reports all problems together, each
 * with its change index and key; only when there are none are the changes applied, in order, to a copy of the base.
 * The base {@link PlanningData} and {@link PolicyProfile} are immutable and never modified.
 *
 * <p>IMPLEMENTATION NOTE (after conveyal/r5's {@code Scenario.applyToTransportNetwork}): each change is checked
 * against the state left by the changes before it (so {@code add-facility X} then {@code move-facility X} is fine,
 * and {@code close-facility X} twice is an error on the second). A change that fails is skipped in that simulated
 * state, so later changes are still checked and every problem is found in one pass.
 *
 * <p>What is checked: facility ids exist (move, close, resize) or are new (add); coordinates are WGS84; nursing beds ≤
 * beds after a resize; district ids exist (edit) or are new (add); households and areas are valid model values;
 * {@code scale-elderly} unit codes are units of the base and the scaled census counts still fit the model
 * (elderly ≤ population); {@code set-profile-value} rule ids are rules of the profile and values lie in the rule
 * catalog's range. Stateless.
 */
public final class ScenarioResolver {
    private ScenarioResolver() {}

    /**
     * @throws ScenarioException listing every problem with its change index and key
     * @throws IllegalArgumentException when an argument is null
     */
    public static ResolvedScenario resolve(Scenario scenario, PlanningData base, PolicyProfile profile) {
        if (scenario == null || base == null || profile == null) {
            throw new IllegalArgumentException("scenario, base and profile are required");
        }
        List<ScenarioProblem> problems = new ArrayList<>();
        Map<String, Facility> facilities = new LinkedHashMap<>();
        base.facilities().forEach(f -> facilities.put(f.id(), f));
        Map<String, ResidentialDistrict> districts = new LinkedHashMap<>();
        base.districts().forEach(d -> districts.put(d.id(), d));
        Map<String, AdminUnit> units = new LinkedHashMap<>();
        base.adminUnits().forEach(u -> units.put(u.code(), u));
        List<DemandPoint> demand = new ArrayList<>(base.demandPoints());
        PolicyProfile prof = profile;
        boolean demandChanged = false;
        List<String> descriptions = new ArrayList<>();

        List<Change> changes = scenario.changes();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            try {
                if (c instanceof Change.AddFacility a) {
                    if (facilities.containsKey(a.id())) {
                        throw new Problem("id", "facility id '" + a.id() + "' already exists"
                            + (base.findFacility(a.id()).isPresent() ? " in the base" : " (added by an earlier change)"));
                    }
                    org.locationtech.jts.geom.Point at = point(a.lon(), a.lat());
                    Facility f = model("", () -> {
                        Facility x = Facility.of(a.id(), a.name(), a.kind(), at).withBeds(a.beds(), a.nursingBeds());
                        return a.adminCode().isPresent() ? x.withAdminCode(a.adminCode().get()) : x;
                    });
                    facilities.put(f.id(), f);
                    descriptions.add(c.type() + " " + a.id() + " (" + a.name() + ", " + a.kind().id() + ", "
                        + a.beds() + " beds) at " + a.lon() + "," + a.lat());
                } else if (c instanceof Change.MoveFacility m) {
                    Facility f = facility(facilities, m.id(), base);
                    Facility moved = new Facility(f.id(), f.name(), f.kind(), point(m.lon(), m.lat()), f.beds(),
                        f.nursingBeds(), f.floorAreaM2(), f.residents(), f.operator(), f.hasMedicalRoom(),
                        f.openedYear(), f.careStaff(), Optional.empty(), f.synthetic());
                    facilities.put(f.id(), moved);
                    descriptions.add(c.type() + " " + m.id() + " (" + f.name() + ") to " + m.lon() + "," + m.lat());
                } else if (c instanceof Change.CloseFacility x) {
                    Facility f = facility(facilities, x.id(), base);
                    facilities.remove(x.id());
                    descriptions.add(c.type() + " " + x.id() + " (" + f.name() + ", " + f.kind().id() + ", "
                        + f.beds() + " beds)");
                } else if (c instanceof Change.ResizeFacility r) {
                    Facility f = facility(facilities, r.id(), base);
                    int beds = r.beds().orElse(f.beds());
                    int nursing = r.nursingBeds().orElse(f.nursingBeds());
                    if (nursing > beds) {
                        throw new Problem(r.nursingBeds().isPresent() ? "nursingBeds" : "beds", "nursing beds ("
                            + nursing + ") would exceed beds (" + beds + ") of facility " + f.id());
                    }
                    Facility g = model(r.beds().isPresent() ? "beds" : "residents", () -> r.residents().isPresent()
                        ? f.withBeds(beds, nursing).withResidents(r.residents().getAsInt()) : f.withBeds(beds, nursing));
                    facilities.put(f.id(), g);
                    descriptions.add(c.type() + " " + r.id() + " (" + f.name() + ") beds " + f.beds() + " -> " + beds
                        + ", nursing " + f.nursingBeds() + " -> " + nursing
                        + (r.residents().isPresent() ? ", residents " + r.residents().getAsInt() : ""));
                } else if (c instanceof Change.AddDistrict d) {
                    if (districts.containsKey(d.id())) {
                        throw new Problem("id", "district id '" + d.id() + "' already exists");
                    }
                    ResidentialDistrict rd = model("", () -> new ResidentialDistrict(d.id(), d.name(), d.boundary(),
                        d.households(), d.status(), OptionalInt.empty(), d.elderlySiteAreasM2(), false));
                    districts.put(rd.id(), rd);
                    descriptions.add(c.type() + " " + d.id() + " (" + d.households() + " households, "
                        + d.status().name().toLowerCase(java.util.Locale.ROOT) + ", sites "
                        + d.elderlySiteAreasM2() + " m²)");
                } else if (c instanceof Change.EditDistrict d) {
                    ResidentialDistrict old = districts.get(d.id());
                    if (old == null) {
                        throw new Problem("id", "no district '" + d.id() + "' (districts: " + districts.size()
                            + (base.districts().stream().anyMatch(x -> x.id().equals(d.id()))
                                ? "; it was removed by an earlier change)" : ")"));
                    }
                    ResidentialDistrict rd = model("", () -> new ResidentialDistrict(old.id(), old.name(),
                        old.boundary(), d.households().orElse(old.households()), d.status().orElse(old.status()),
                        old.completionYear(), d.elderlySiteAreasM2().orElse(old.elderlySiteAreasM2()),
                        old.synthetic()));
                    districts.put(rd.id(), rd);
                    descriptions.add(c.type() + " " + d.id() + ": households " + old.households() + " -> "
                        + rd.households() + ", status " + old.status() + " -> " + rd.status() + ", sites "
                        + old.elderlySiteAreasM2() + " -> " + rd.elderlySiteAreasM2() + " m²");
                } else if (c instanceof Change.ScaleElderly s) {
                    if (!(s.factor() > 0 && s.factor() <= 10)) {
                        throw new Problem("factor", "must be in (0, 10], was " + s.factor());
                    }
                    Set<String> scope = scope(s.unitCode(), units);
                    List<DemandPoint> scaled = new ArrayList<>(demand.size());
                    double before = 0;
                    double after = 0;
                    for (DemandPoint p : demand) {
                        boolean in = scope == null || scope.contains(p.adminCode());
                        DemandPoint q = in ? p.scaled(s.factor()) : p;
                        before += p.elderly();
                        after += q.elderly();
                        scaled.add(q);
                    }
                    Map<String, AdminUnit> newUnits = scaleUnits(units, scope, s);
                    demand = scaled;
                    units.clear();
                    units.putAll(newUnits);
                    demandChanged = true;
                    descriptions.add(c.type() + " ×" + s.factor() + " " + s.unitCode().map(u -> "in " + u)
                        .orElse("everywhere") + ": elderly at demand points " + Math.round(before) + " -> "
                        + Math.round(after));
                } else if (c instanceof Change.SetProfileValue v) {
                    Rule old = prof.findRule(v.ruleId()).orElseThrow(() -> new Problem("rule",
                        "profile has no rule '" + v.ruleId() + "'"));
                    try {
                        prof = prof.withRuleValue(v.ruleId(), v.value());
                    } catch (IllegalArgumentException e) {
                        throw new Problem("value", e.getMessage());
                    }
                    descriptions.add(c.type() + " " + v.ruleId() + " " + Rule.formatValue(old.value()) + " -> "
                        + Rule.formatValue(v.value()) + " " + old.unit());
                }
            } catch (Problem p) {
                problems.add(ScenarioProblem.ofChange(i, p.field, p.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException("scenario '" + scenario.name() + "'", problems);
        }
        PlanningData data = new PlanningData(base.name(), new ArrayList<>(units.values()),
            new ArrayList<>(facilities.values()), base.medicalFacilities(), new ArrayList<>(districts.values()), demand,
            base.roads());
        return new ResolvedScenario(scenario, data, prof, demandChanged, descriptions);
    }

    /** A resolve failure of one change: the field and the message. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        Problem(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private static org.locationtech.jts.geom.Point point(double lon, double lat) {
        if (!(lon >= -180 && lon <= 180)) {
            throw new Problem("lon", "must be in [-180, 180] degrees, was " + lon);
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new Problem("lat", "must be in [-90, 90] degrees, was " + lat);
        }
        return Geometries.point(lon, lat);
    }

    private static Facility facility(Map<String, Facility> facilities, String id, PlanningData base) {
        Facility f = facilities.get(id);
        if (f == null) {
            throw new Problem("id", "no facility '" + id + "'" + (base.findFacility(id).isPresent()
                ? " (it was closed by an earlier change)" : " in the base (" + base.facilities().size()
                    + " facilities)"));
        }
        return f;
    }

    private static <T> T model(String field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new Problem(field, e.getMessage());
        }
    }

    /** Codes of the unit and its descendants, or null for "everywhere". */
    private static Set<String> scope(Optional<String> unitCode, Map<String, AdminUnit> units) {
        if (unitCode.isEmpty()) {
            return null;
        }
        String code;
        try {
            code = AdminUnit.normaliseCode("unitCode", unitCode.get());
        } catch (IllegalArgumentException e) {
            throw new Problem("unitCode", e.getMessage());
        }
        if (!units.containsKey(code)) {
            throw new Problem("unitCode", "no admin unit '" + code + "' in the base (" + units.size() + " units)");
        }
        Map<String, List<String>> children = new HashMap<>();
        units.values().forEach(u -> u.parentCode().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>())
            .add(u.code())));
        Set<String> out = new TreeSet<>();
        List<String> todo = new ArrayList<>(List.of(code));
        while (!todo.isEmpty()) {
            String c = todo.remove(todo.size() - 1);
            if (out.add(c)) {
                todo.addAll(children.getOrDefault(c, List.of()));
            }
        }
        return out;
    }

    /**
     * Census counts scaled in the scope; ancestors of the scope's top unit grow by the same number of people (so a
     * county's elderly60 stays the sum its townships imply).
     */
    private static Map<String, AdminUnit> scaleUnits(Map<String, AdminUnit> units, Set<String> scope,
            Change.ScaleElderly s) {
        Map<String, AdminUnit> out = new LinkedHashMap<>();
        double f = s.factor();
        Map<String, long[]> ancestorDelta = new HashMap<>();
        if (scope != null) {
            AdminUnit top = units.get(AdminUnit.normaliseCode("unitCode", s.unitCode().get()));
            long[] delta = {
                scaledDelta(top.elderly60(), f), scaledDelta(top.elderly65(), f), scaledDelta(top.elderly80(), f),
                scaledDelta(top.disabledElderly(), f)};
            Optional<String> p = top.parentCode();
            while (p.isPresent() && units.containsKey(p.get())) {
                ancestorDelta.put(p.get(), delta);
                p = units.get(p.get()).parentCode();
            }
        }
        for (AdminUnit u : units.values()) {
            AdminUnit v = u;
            if (scope == null || scope.contains(u.code())) {
                v = withElderly(u, scale(u.elderly60(), f), scale(u.elderly65(), f), scale(u.elderly80(), f),
                    scale(u.disabledElderly(), f));
            } else if (ancestorDelta.containsKey(u.code())) {
                long[] d = ancestorDelta.get(u.code());
                v = withElderly(u, add(u.elderly60(), d[0]), add(u.elderly65(), d[1]), add(u.elderly80(), d[2]),
                    add(u.disabledElderly(), d[3]));
            }
            out.put(v.code(), v);
        }
        return out;
    }

    private static long scaledDelta(OptionalLong v, double f) {
        return v.isPresent() ? Math.round(v.getAsLong() * f) - v.getAsLong() : 0;
    }

    private static OptionalLong scale(OptionalLong v, double f) {
        return v.isPresent() ? OptionalLong.of(Math.round(v.getAsLong() * f)) : v;
    }

    private static OptionalLong add(OptionalLong v, long d) {
        return v.isPresent() ? OptionalLong.of(Math.max(0, v.getAsLong() + d)) : v;
    }

    private static AdminUnit withElderly(AdminUnit u, OptionalLong e60, OptionalLong e65, OptionalLong e80,
            OptionalLong disabled) {
        try {
            return new AdminUnit(u.code(), u.name(), u.level(), u.parentCode(), u.urbanRural(), u.boundary(),
                u.population(), e60, e65, e80, disabled, u.households(), u.synthetic());
        } catch (IllegalArgumentException e) {
            throw new Problem("factor", "unit " + u.code() + " (" + u.name() + "): " + e.getMessage());
        }
    }
}

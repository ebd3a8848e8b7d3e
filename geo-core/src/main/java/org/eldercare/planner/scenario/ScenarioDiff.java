package org.eldercare.planner.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.eldercare.planner.coverage.CoverageDelta.Covered;
import org.eldercare.planner.model.AdminLevel;

/**
 * The difference between two {@link ScenarioMetrics} ("before", usually the baseline, and "after"): per admin unit
 * and in total, the findings that appear or disappear, and the districts whose verdict changes. Immutable.
 *
 * @param before      label of the first run
 * @param after       label of the second run
 * @param units       one entry per unit in either run (before's order, then units only in after) (copied)
 * @param total       the totals over the top units
 * @param appeared    findings in after but not in before (by {@link FindingRef#key()}), after's order (copied)
 * @param disappeared findings in before but not in after, before's order (copied)
 * @param districts   districts whose verdict differs, or that exist in one run only (copied)
 */
public record ScenarioDiff(String before, String after, List<UnitDelta> units, Total total, List<FindingRef> appeared,
        List<FindingRef> disappeared, List<DistrictChange> districts) {
    public ScenarioDiff {
        units = List.copyOf(units);
        appeared = List.copyOf(appeared);
        disappeared = List.copyOf(disappeared);
        districts = List.copyOf(districts);
    }

    /**
     * A unit before and after. NaN shares or ratios (no elderly) compare equal to NaN. The coverage part is a
     * {@link Covered} ({@link #covered()}); the shares are the ones the runs stored (equal to
     * {@link Covered#share} of a run's own elderly and covered elderly, but saved metrics round each number, so a
     * share recomputed from read-back values could differ in the last decimal). Immutable.
     *
     * @param code  unit code
     * @param name  unit name
     * @param level admin level
     * @param elderlyBefore / elderlyAfter elderly at the unit's demand points
     * @param coveredBefore / coveredAfter elderly within the service circle
     * @param shareBefore / shareAfter covered share (NaN without elderly)
     * @param bedsBefore / bedsAfter institutional beds in the unit
     * @param bedsPer1000Before / bedsPer1000After beds per 1000 elderly
     */
    public record UnitDelta(String code, String name, AdminLevel level, double elderlyBefore, double elderlyAfter,
            double coveredBefore, double coveredAfter, double shareBefore, double shareAfter, long bedsBefore,
            long bedsAfter, double bedsPer1000Before, double bedsPer1000After) {
        /** The service-circle coverage before and after. */
        public Covered covered() {
            return new Covered(elderlyBefore, elderlyAfter, coveredBefore, coveredAfter);
        }

        /** Change of covered elderly. */
        public double deltaCovered() {
            return covered().deltaCovered();
        }

        /** Change of covered share (percentage points / 100); NaN when either is NaN. */
        public double deltaShare() {
            return shareAfter - shareBefore;
        }

        /** True when nothing changed. */
        public boolean isZero() {
            return covered().isZero() && same(shareBefore, shareAfter)
                && bedsBefore == bedsAfter && same(bedsPer1000Before, bedsPer1000After);
        }
    }

    /**
     * Totals before and after; the coverage part is a {@link Covered} ({@link #covered()}). Immutable.
     *
     * @param elderlyBefore / elderlyAfter  elderly at all demand points
     * @param coveredBefore / coveredAfter  of them within the service circle
     * @param bedsBefore / bedsAfter        institutional beds
     * @param gapsBefore / gapsAfter        number of spatial gaps
     * @param failedBefore / failedAfter    FAIL findings
     */
    public record Total(double elderlyBefore, double elderlyAfter, double coveredBefore, double coveredAfter,
            long bedsBefore, long bedsAfter, int gapsBefore, int gapsAfter, long failedBefore, long failedAfter) {
        /** The service-circle coverage before and after. */
        public Covered covered() {
            return new Covered(elderlyBefore, elderlyAfter, coveredBefore, coveredAfter);
        }

        /** Covered share before; NaN without elderly. */
        public double shareBefore() {
            return covered().shareBefore();
        }

        /** Covered share after; NaN without elderly. */
        public double shareAfter() {
            return covered().shareAfter();
        }

        /** Change of covered elderly. */
        public double deltaCovered() {
            return covered().deltaCovered();
        }

        /** True when nothing changed. */
        public boolean isZero() {
            return covered().isZero() && bedsBefore == bedsAfter
                && gapsBefore == gapsAfter && failedBefore == failedAfter;
        }
    }

    /**
     * A district whose verdict changed. {@code before}/{@code after} is {@code "-"} when the district is absent in
     * that run. Immutable.
     */
    public record DistrictChange(String id, String before, String after, double shortfallBeforeM2,
            double shortfallAfterM2) {}

    /** The diff of {@code after} against {@code before}. */
    public static ScenarioDiff between(ScenarioMetrics before, ScenarioMetrics after) {
        if (before == null || after == null) {
            throw new IllegalArgumentException("before and after metrics are required");
        }
        List<UnitDelta> units = new ArrayList<>();
        for (Matched<UnitMetrics> m : outerJoin(before.units(), after.units(), UnitMetrics::code)) {
            String c = m.key();
            UnitMetrics x = m.before();
            UnitMetrics y = m.after();
            UnitMetrics any = x != null ? x : y;
            units.add(new UnitDelta(c, any.name(), any.level(), x == null ? 0 : x.elderly(),
                y == null ? 0 : y.elderly(), x == null ? 0 : x.elderlyCovered(), y == null ? 0 : y.elderlyCovered(),
                x == null ? Double.NaN : x.coveredShare(), y == null ? Double.NaN : y.coveredShare(),
                x == null ? 0 : x.beds(), y == null ? 0 : y.beds(), x == null ? Double.NaN : x.bedsPer1000Elderly(),
                y == null ? Double.NaN : y.bedsPer1000Elderly()));
        }
        Total total = new Total(before.totalElderly(), after.totalElderly(), before.totalElderlyCovered(),
            after.totalElderlyCovered(), before.totalBeds(), after.totalBeds(), before.gaps().size(),
            after.gaps().size(), before.countFindings("FAIL"), after.countFindings("FAIL"));
        Set<String> keysBefore = new LinkedHashSet<>();
        before.findings().forEach(f -> keysBefore.add(f.key()));
        Set<String> keysAfter = new LinkedHashSet<>();
        after.findings().forEach(f -> keysAfter.add(f.key()));
        List<FindingRef> appeared = after.findings().stream().filter(f -> !keysBefore.contains(f.key())).toList();
        List<FindingRef> disappeared = before.findings().stream().filter(f -> !keysAfter.contains(f.key())).toList();
        List<DistrictChange> dc = new ArrayList<>();
        for (Matched<DistrictMetrics> m : outerJoin(before.districts(), after.districts(), DistrictMetrics::id)) {
            String id = m.key();
            DistrictMetrics x = m.before();
            DistrictMetrics y = m.after();
            String sx = x == null ? "-" : x.status();
            String sy = y == null ? "-" : y.status();
            if (!Objects.equals(sx, sy) || (x != null && y != null && x.shortfallM2() != y.shortfallM2())) {
                dc.add(new DistrictChange(id, sx, sy, x == null ? 0 : x.shortfallM2(), y == null ? 0
                    : y.shortfallM2()));
            }
        }
        return new ScenarioDiff(before.label(), after.label(), units, total, appeared, disappeared, dc);
    }

    /** An item of the before and/or the after list with the same key; the side without it is null. */
    private record Matched<T>(String key, T before, T after) {}

    /** Every key of {@code before} then every new key of {@code after}, in list order, with both sides. */
    private static <T> List<Matched<T>> outerJoin(List<T> before, List<T> after, Function<T, String> key) {
        Map<String, T> a = new LinkedHashMap<>();
        before.forEach(t -> a.put(key.apply(t), t));
        Map<String, T> b = new LinkedHashMap<>();
        after.forEach(t -> b.put(key.apply(t), t));
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().map(k -> new Matched<>(k, a.get(k), b.get(k))).toList();
    }

    /** True when no unit, total, finding or district changed. */
    public boolean isZero() {
        return units.stream().allMatch(UnitDelta::isZero) && total.isZero() && appeared.isEmpty()
            && disappeared.isEmpty() && districts.isEmpty();
    }

    /** The delta of unit {@code code}. @throws IllegalArgumentException when absent */
    public UnitDelta getUnit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow(
            () -> new IllegalArgumentException("unit code '" + code + "' is not in the diff"));
    }

    static boolean same(double x, double y) {
        return Double.isNaN(x) ? Double.isNaN(y) : x == y;
    }
}

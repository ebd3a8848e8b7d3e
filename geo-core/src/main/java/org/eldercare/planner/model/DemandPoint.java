package org.eldercare.planner.model;

import org.locationtech.jts.geom.Point;

/**
 * A place where elderly people live, with their counts by group. Counts are doubles so that projections (×1.08 for
 * 2025) stay exact; all are ≥ 0 and the sub-groups never exceed {@code elderly}. Immutable.
 *
 * @param id        stable id
 * @param location  WGS84 lon/lat point
 * @param elderly   residents aged 60+
 * @param age80plus residents aged 80+ (高龄)
 * @param disabled  disabled and semi-disabled elderly (失能/半失能)
 * @param tekun     elderly in extreme hardship (特困)
 * @param adminCode 12-digit code of the community/village it belongs to
 * @param synthetic true when synthesised
 */
public record DemandPoint(String id, Point location, double elderly, double age80plus, double disabled, double tekun,
        String adminCode, boolean synthetic) {
    public DemandPoint {
        id = Checks.requiredText("id", id);
        Checks.lonLatPoint("location", location);
        Checks.nonNegative("elderly", elderly);
        Checks.nonNegative("age80plus", age80plus);
        Checks.nonNegative("disabled", disabled);
        Checks.nonNegative("tekun", tekun);
        for (var sub : new double[][] {{age80plus}, {disabled}, {tekun}}) {
            if (sub[0] > elderly + 1e-9) {
                String f = sub[0] == age80plus ? "age80plus" : sub[0] == disabled ? "disabled" : "tekun";
                throw new InvalidValueException(f, sub[0], "must be <= elderly (" + elderly + "), was " + sub[0]);
            }
        }
        adminCode = AdminUnit.normaliseCode("adminCode", adminCode);
    }

    /** The same point with every count multiplied by {@code factor} (≥ 0), e.g. a population projection. */
    public DemandPoint scaled(double factor) {
        Checks.nonNegative("factor", factor);
        return new DemandPoint(id, location, elderly * factor, age80plus * factor, disabled * factor, tekun * factor,
            adminCode, synthetic);
    }
}

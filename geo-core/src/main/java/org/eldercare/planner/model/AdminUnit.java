package org.eldercare.planner.model;

import java.util.Optional;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;

/**
 * An administrative unit (county, township/street, community/village) with its boundary and population counts.
 * Immutable; validated on construction.
 *
 * @param code            statistical division code (统计用区划代码): 12 digits (county codes are padded with zeros)
 * @param name            Chinese name, e.g. 雄石街道
 * @param level           level in the hierarchy
 * @param parentCode      12-digit code of the parent unit, empty for the top unit of a data set
 * @param urbanRural      urban/rural class, empty when unknown
 * @param boundary        Polygon or MultiPolygon in WGS84 lon/lat
 * @param population      resident population, when known (never negative)
 * @param elderly60       residents aged 60+, when known
 * @param elderly65       residents aged 65+, when known
 * @param elderly80       residents aged 80+, when known
 * @param disabledElderly disabled and semi-disabled elderly (失能/半失能), when known
 * @param households      households, when known
 * @param synthetic       true when this unit (or its boundary) was synthesised rather than surveyed
 */
public record AdminUnit(
        String code,
        String name,
        AdminLevel level,
        Optional<String> parentCode,
        Optional<UrbanRural> urbanRural,
        Geometry boundary,
        OptionalLong population,
        OptionalLong elderly60,
        OptionalLong elderly65,
        OptionalLong elderly80,
        OptionalLong disabledElderly,
        OptionalLong households,
        boolean synthetic) {

    public AdminUnit {
        code = normaliseCode("code", code);
        name = Checks.requiredText("name", name);
        Checks.required("level", level);
        parentCode = Checks.required("parentCode", parentCode).map(c -> normaliseCode("parentCode", c));
        Checks.required("urbanRural", urbanRural);
        Checks.areal("boundary", boundary);
        Checks.nonNegative("population", population);
        Checks.nonNegative("elderly60", elderly60);
        Checks.nonNegative("elderly65", elderly65);
        Checks.nonNegative("elderly80", elderly80);
        Checks.nonNegative("disabledElderly", disabledElderly);
        Checks.nonNegative("households", households);
        if (elderly60.isPresent() && population.isPresent() && elderly60.getAsLong() > population.getAsLong()) {
            throw new InvalidValueException("elderly60", elderly60.getAsLong(),
                "must be <= population (" + population.getAsLong() + "), was " + elderly60.getAsLong());
        }
        if (elderly80.isPresent() && elderly60.isPresent() && elderly80.getAsLong() > elderly60.getAsLong()) {
            throw new InvalidValueException("elderly80", elderly80.getAsLong(),
                "must be <= elderly60 (" + elderly60.getAsLong() + "), was " + elderly80.getAsLong());
        }
    }

    /** A unit with no counts yet; add them with the {@code with…} methods. */
    public static AdminUnit of(String code, String name, AdminLevel level, String parentCode, Geometry boundary) {
        return new AdminUnit(code, name, level, Optional.ofNullable(parentCode), Optional.empty(), boundary,
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), false);
    }

    public AdminUnit withPopulation(long population, long elderly60, long elderly65, long elderly80) {
        return new AdminUnit(code, name, level, parentCode, urbanRural, boundary, OptionalLong.of(population),
            OptionalLong.of(elderly60), OptionalLong.of(elderly65), OptionalLong.of(elderly80), disabledElderly,
            households, synthetic);
    }

    public AdminUnit withDisabledElderly(long disabled) {
        return new AdminUnit(code, name, level, parentCode, urbanRural, boundary, population, elderly60, elderly65,
            elderly80, OptionalLong.of(disabled), households, synthetic);
    }

    public AdminUnit withHouseholds(long households) {
        return new AdminUnit(code, name, level, parentCode, urbanRural, boundary, population, elderly60, elderly65,
            elderly80, disabledElderly, OptionalLong.of(households), synthetic);
    }

    public AdminUnit withUrbanRural(UrbanRural urbanRural) {
        return new AdminUnit(code, name, level, parentCode, Optional.of(urbanRural), boundary, population, elderly60,
            elderly65, elderly80, disabledElderly, households, synthetic);
    }

    public AdminUnit withSynthetic(boolean synthetic) {
        return new AdminUnit(code, name, level, parentCode, urbanRural, boundary, population, elderly60, elderly65,
            elderly80, disabledElderly, households, synthetic);
    }

    public AdminUnit withBoundary(Geometry boundary) {
        return new AdminUnit(code, name, level, parentCode, urbanRural, boundary, population, elderly60, elderly65,
            elderly80, disabledElderly, households, synthetic);
    }

    /**
     * Pads a 6- or 9-digit NBS code to the 12-digit form (360681 → 360681000000); rejects anything that is not
     * 6, 9 or 12 digits.
     */
    public static String normaliseCode(String field, String code) {
        String c = Checks.requiredText(field, code);
        if (!c.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw new InvalidValueException(field, code,
                "must be a statistical division code of 6, 9 or 12 digits, was '" + code + "'");
        }
        return (c + "000000").substring(0, 12);
    }
}

package org.eldercare.planner.scenario;

import java.util.Optional;
import org.eldercare.planner.model.AdminLevel;

/**
 * The scenario metrics of one admin unit. Immutable.
 *
 * @param code               12-digit unit code
 * @param name               unit name
 * @param level              admin level
 * @param parentCode         parent's code, empty for a top unit
 * @param elderly            residents aged 60+ at the unit's demand points
 * @param elderlyCovered     of them, within the service circle (minutes of {@code circle.serviceMinutes})
 * @param coveredShare       elderlyCovered / elderly in [0, 1]; NaN when the unit has no elderly
 * @param institutions       institutions (kinds with beds) located in the unit or its descendants
 * @param beds               their beds
 * @param nursingBeds        their nursing-type beds
 * @param bedsPer1000Elderly beds × 1000 / elderly, the elderly being the unit's census {@code elderly60} when known,
 *                           else {@code elderly}; NaN when that is 0
 */
public record UnitMetrics(String code, String name, AdminLevel level, Optional<String> parentCode, double elderly,
        double elderlyCovered, double coveredShare, int institutions, long beds, long nursingBeds,
        double bedsPer1000Elderly) {}

package org.eldercare.planner.coverage;

import org.eldercare.planner.model.AdminLevel;

/**
 * Institutional capacity of a county (or city) against its elderly population. Immutable.
 *
 * @param unitCode              county or city code
 * @param unitName              its name
 * @param level                 COUNTY or CITY
 * @param elderly               residents aged 60+: the unit's census count ({@code AdminUnit.elderly60}) when known,
 *                              else the sum of its demand points
 * @param elderlyFromCensus     true when {@code elderly} is the unit's own count
 * @param institutions          institutions (kinds with beds) located in the unit
 * @param beds                  their beds
 * @param nursingBeds           their nursing-type beds
 * @param bedsPer1000Elderly    beds × 1000 / elderly; NaN when elderly is 0
 * @param nursingShare          nursing beds / beds, in [0, 1]; NaN when there are no beds
 * @param homeCareElderly       "9073" estimate: elderly cared for at home; NaN when the profile has no split
 * @param communityCareElderly  "9073" estimate: elderly cared for by community services; NaN without a split
 * @param institutionCareElderly "9073" estimate: elderly needing institutional care; NaN without a split
 */
public record CapacityMeasure(String unitCode, String unitName, AdminLevel level, double elderly,
        boolean elderlyFromCensus, int institutions, long beds, long nursingBeds, double bedsPer1000Elderly,
        double nursingShare, double homeCareElderly, double communityCareElderly, double institutionCareElderly) {}

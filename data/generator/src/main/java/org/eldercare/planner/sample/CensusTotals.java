package org.eldercare.planner.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * County totals derived from the 2020 census tables (NBS, by county): residents, residents aged 60+, 65+ and 80+,
 * family households and the urban share. Immutable.
 *
 * <p>Derivation (shares are exact decimals from the tables, products rounded half-up to whole people):
 * <ul>
 *   <li>60+ = POPU × (AGES_60-64 + AGES_65P)</li>
 *   <li>65+ = POPU × AGES_65P</li>
 *   <li>80+ = POPU × (AGES_80-84 + AGES_85P)</li>
 *   <li>households = POPU × HHLD_R / HHLD_S (people living in family households ÷ mean family-household size)</li>
 *   <li>urban residents = POPU × POPU_URB</li>
 * </ul>
 *
 * @param code          6-digit county code
 * @param name          county name
 * @param population    residents (POPU)
 * @param elderly60     residents aged 60+
 * @param elderly65     residents aged 65+
 * @param elderly80     residents aged 80+
 * @param households    family households
 * @param urbanResidents residents living in urban areas
 */
record CensusTotals(String code, String name, long population, long elderly60, long elderly65, long elderly80,
        long households, long urbanResidents) {

    CensusTotals {
        if (population <= 0 || elderly60 < elderly65 || elderly65 < elderly80 || elderly80 < 0
            || elderly60 > population || households <= 0 || urbanResidents < 0 || urbanResidents > population) {
            throw new IllegalArgumentException("inconsistent census totals for " + code + ": population "
                + population + ", 60+ " + elderly60 + ", 65+ " + elderly65 + ", 80+ " + elderly80 + ", households "
                + households + ", urban " + urbanResidents);
        }
    }

    /** Derives the totals from the table values (shares as decimal strings, e.g. {@code "0.1246"}). */
    static CensusTotals fromTables(String code, String name, long population, String share60to64, String share65plus,
            String share80to84, String share85plus, String householdPopulationRatio, String meanHouseholdSize,
            String urbanShare) {
        BigDecimal pop = BigDecimal.valueOf(population);
        long e60 = round(pop.multiply(new BigDecimal(share60to64).add(new BigDecimal(share65plus))));
        long e65 = round(pop.multiply(new BigDecimal(share65plus)));
        long e80 = round(pop.multiply(new BigDecimal(share80to84).add(new BigDecimal(share85plus))));
        long hh = pop.multiply(new BigDecimal(householdPopulationRatio))
            .divide(new BigDecimal(meanHouseholdSize), 0, RoundingMode.HALF_UP).longValueExact();
        long urban = round(pop.multiply(new BigDecimal(urbanShare)));
        return new CensusTotals(code, name, population, e60, e65, e80, hh, urban);
    }

    private static long round(BigDecimal v) {
        return v.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}

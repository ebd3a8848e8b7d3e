package org.eldercare.planner.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.spark.gen.CountyGenerator;
import org.junit.jupiter.api.Test;

class CountyGeneratorTest {
    private final PlanningData base = TenCounties.base();

    private List<PlanningData> ten() {
        List<PlanningData> out = new ArrayList<>();
        for (CountyGenerator.County c : TenCounties.counties()) {
            out.add(TenCounties.read(new CountyRef(c.code(), c.file().toString())));
        }
        return out;
    }

    @Test
    void tenWorkspacesWithTheBaseCountsAndUniqueCodes() throws Exception {
        List<PlanningData> ten = ten();
        assertEquals(10, ten.size());
        assertTrue(Files.isRegularFile(TenCounties.dir().resolve("counties.csv")));
        Set<String> codes = new HashSet<>();
        Set<String> facilityIds = new HashSet<>();
        for (int i = 0; i < ten.size(); i++) {
            PlanningData d = ten.get(i);
            assertEquals(294, d.adminUnits().size());
            assertEquals(88, d.facilities().size());
            assertEquals(75, d.medicalFacilities().size());
            assertEquals(15, d.districts().size());
            assertEquals(436, d.demandPoints().size());
            assertEquals(176, d.roads().size());
            String county = Integer.toString(900_001 + i);
            AdminUnit top = d.listAdminUnits(AdminLevel.COUNTY).get(0);
            assertEquals(county + "000000", top.code());
            assertEquals(String.format("合成县-%03d", i + 1), top.name());
            assertTrue(d.name().contains("synthetic"), d.name());
            for (AdminUnit u : d.adminUnits()) {
                assertTrue(u.code().startsWith(county), u.code());
                assertTrue(codes.add(u.code()), "duplicate code " + u.code());
                assertTrue(u.synthetic());
            }
            d.facilities().forEach(f -> {
                assertTrue(facilityIds.add(f.id()));
                assertTrue(f.synthetic());
                assertTrue(f.adminCode().map(c -> c.startsWith(county)).orElse(true));
            });
            d.demandPoints().forEach(p -> assertTrue(p.adminCode().startsWith(county) && p.synthetic()));
        }
        assertEquals(10 * 294, codes.size());
    }

    @Test
    void countyBoundariesAreDisjoint() {
        List<PlanningData> ten = ten();
        for (int i = 0; i < ten.size(); i++) {
            for (int j = i + 1; j < ten.size(); j++) {
                assertFalse(ten.get(i).listAdminUnits(AdminLevel.COUNTY).get(0).boundary()
                    .intersects(ten.get(j).listAdminUnits(AdminLevel.COUNTY).get(0).boundary()), i + " / " + j);
            }
        }
    }

    @Test
    void censusCountsAreScaledByTheCountyFactor() {
        Map<String, AdminUnit> baseByCode = base.adminUnitsByCode();
        List<PlanningData> ten = ten();
        for (int i = 0; i < ten.size(); i++) {
            double f = TenCounties.counties().get(i).factor();
            assertTrue(f >= 0.6 && f <= 1.4, "factor " + f);
            PlanningData d = ten.get(i);
            long leaves60 = 0;
            long leaves = 0;
            for (AdminUnit u : d.adminUnits()) {
                AdminUnit b = baseByCode.get("360681" + u.code().substring(6));
                if (u.level() == AdminLevel.COMMUNITY || u.level() == AdminLevel.VILLAGE) {
                    // every leaf count is round(base × f)
                    assertEquals(Math.round(b.elderly60().getAsLong() * f), u.elderly60().getAsLong(), u.code());
                    assertEquals(Math.round(b.population().getAsLong() * f), u.population().getAsLong(), u.code());
                    leaves60 += u.elderly60().getAsLong();
                    leaves++;
                }
            }
            AdminUnit top = d.listAdminUnits(AdminLevel.COUNTY).get(0);
            // the county is the sum of its leaves, and within half a person per leaf of f × the base's 96 492
            assertEquals(leaves60, top.elderly60().getAsLong());
            assertTrue(Math.abs(top.elderly60().getAsLong() - f * 96_492) <= leaves / 2.0,
                top.elderly60() + " vs " + f * 96_492);
            // demand points add up to their unit's 60+, unit by unit
            Map<String, Double> perUnit = new HashMap<>();
            for (DemandPoint p : d.demandPoints()) {
                perUnit.merge(p.adminCode(), p.elderly(), Double::sum);
            }
            Map<String, AdminUnit> byCode = d.adminUnitsByCode();
            perUnit.forEach((code, sum) -> assertEquals((double) byCode.get(code).elderly60().getAsLong(), sum, code));
            assertEquals((double) top.elderly60().getAsLong(),
                d.demandPoints().stream().mapToDouble(DemandPoint::elderly).sum());
        }
    }

    @Test
    void deterministicBySeedAndIndependentOfTheNumberOfCounties(@org.junit.jupiter.api.io.TempDir Path tmp) {
        CountyGenerator g = new CountyGenerator(base);
        CountyGenerator.County c3 = g.params(3, TenCounties.SEED, tmp);
        assertEquals(TenCounties.counties().get(3).factor(), c3.factor());
        PlanningData again = g.county(c3, TenCounties.SEED);
        PlanningData written = TenCounties.read(new CountyRef(c3.code(), TenCounties.counties().get(3).file().toString()));
        assertEquals(written, again);
        PlanningData otherSeed = g.county(g.params(3, TenCounties.SEED + 1, tmp), TenCounties.SEED + 1);
        assertFalse(otherSeed.demandPoints().equals(again.demandPoints()));
        assertThrows(IllegalArgumentException.class, () -> g.writeAll(201, 1, tmp));
    }
}

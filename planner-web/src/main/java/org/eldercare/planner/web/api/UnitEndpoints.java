package org.eldercare.planner.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.coverage.UnitSummaries;
import org.eldercare.planner.coverage.UnitSummary;

/**
 * {@code GET /api/units?level=county|township|community}: the admin units (code, name, level, parent), no geometry.
 * {@code GET /api/units/{code}}: the unit's summary from the loaded data (population, elderly, facilities by kind,
 * beds, beds per 1000 elderly, nursing-bed share, medical facilities) with a short summary of each child unit, and the
 * targets of the profile in force ({@code ?profile=ID}, default the server's) for the two bed ratios with their
 * clauses, the profile's name and, for a clause taken from another profile's document, that profile
 * ({@link ProfileTargets#target}).
 *
 * @param summaries the unit summaries of the loaded data
 * @param profile   the profile whose bed targets ({@code beds.per1000Elderly}, {@code beds.nursingShare}) are shown
 *                  next to the values, with their clauses
 */
public record UnitEndpoints(UnitSummaries summaries, PolicyProfile profile) implements Endpoints {
    private static final List<String> TIERS = List.of("county", "township", "community");
    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.get("/api/units", this::list);
        routes.get("/api/units/{code}", this::one);
    }

    private void list(Context ctx) {
        Set<String> tiers = QueryParams.oneOf("level", ctx.queryParam("level"), TIERS);
        List<Map<String, Object>> out = new ArrayList<>();
        for (UnitSummary s : summaries.listUnits()) {
            if (tiers.isEmpty() || tiers.contains(tier(s.unit().level()))) {
                Map<String, Object> m = BaseLayers.unitNames(s.unit().code(), s.unit().name(), s.unit().level());
                m.put("tier", tier(s.unit().level()));
                m.put("parentCode", s.unit().parentCode().orElse(null));
                out.add(m);
            }
        }
        ctx.json(Map.of("units", out));
    }

    private void one(Context ctx) {
        String code = ctx.pathParam("code");
        String normalised;
        try {
            normalised = AdminUnit.normaliseCode("code", code);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("code", code,
                "must be a statistical division code of 6, 9 or 12 digits, was '" + code + "'");
        }
        UnitSummary s = summaries.findUnit(normalised).orElseThrow(() -> new NotFoundException("code", code,
            "no admin unit with code " + normalised + " in the loaded data", List.of()));
        Map<String, Object> m = summary(s);
        List<Map<String, Object>> children = new ArrayList<>();
        for (UnitSummary c : summaries.listChildren(normalised)) {
            Map<String, Object> cm = BaseLayers.unitNames(c.unit().code(), c.unit().name(), c.unit().level());
            cm.put("elderly60", BaseLayers.value(c.unit().elderly60()));
            cm.put("facilityCount", c.facilityCount());
            cm.put("beds", c.beds());
            cm.put("bedsPer1000Elderly", BaseLayers.value(c.bedsPer1000Elderly()));
            children.add(cm);
        }
        m.put("children", children);
        PolicyProfile inForce = ProfileTargets.resolve(profile, ctx.queryParam("profile"));
        Map<String, Object> targets = new LinkedHashMap<>();
        for (String ruleId : List.of("beds.per1000Elderly", "beds.nursingShare")) {
            inForce.findRule(ruleId).ifPresent(r -> targets.put(
                ruleId.equals("beds.per1000Elderly") ? "bedsPer1000Elderly" : "nursingBedShare",
                ProfileTargets.target(inForce, r)));
        }
        m.put("profile", inForce.id());
        m.put("targets", targets);
        ctx.json(m);
    }

    static String tier(AdminLevel level) {
        if (level.isTownshipTier()) {
            return "township";
        }
        return level.isCommunityTier() ? "community" : "county";
    }

    private static Map<String, Object> summary(UnitSummary s) {
        Map<String, Object> m = BaseLayers.unitNames(s.unit().code(), s.unit().name(), s.unit().level());
        m.put("levelZh", s.unit().level().nameZh());
        m.put("tier", tier(s.unit().level()));
        m.put("parentCode", s.unit().parentCode().orElse(null));
        BaseLayers.putPopulation(m, s.unit());
        List<Map<String, Object>> byKind = new ArrayList<>();
        s.facilitiesByKind().forEach((k, n) -> byKind.add(Map.of("kind", k.id(), "kindZh", k.nameZh(), "count", n)));
        m.put("facilities", Map.of("total", s.facilityCount(), "byKind", byKind));
        m.put("beds", s.beds());
        m.put("nursingBeds", s.nursingBeds());
        m.put("bedsPer1000Elderly", BaseLayers.value(s.bedsPer1000Elderly()));
        m.put("nursingBedShare", BaseLayers.value(s.nursingBedShare()));
        List<Map<String, Object>> medical = new ArrayList<>();
        s.medicalByKind().forEach((k, n) -> medical.add(Map.of("kind", BaseLayers.id(k), "kindZh", k.nameZh(),
            "count", n)));
        m.put("medical", Map.of("total", s.medicalCount(), "byKind", medical));
        return m;
    }
}

package org.eldercare.planner.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code GET /api/config}: what the page needs to start: the data set's name, the basemap (or none), the extent to
 * show first, the top admin unit to select and the policy profile in use.
 */
public final class ConfigEndpoints implements Endpoints {
    private final Map<String, Object> config;

    /**
     * @param data    the loaded data
     * @param basemap the basemap settings as JSON-ready values, or empty for no basemap
     * @param profile the policy profile in use
     * @param extent  the extent of everything drawn (null envelope when nothing is)
     */
    public ConfigEndpoints(PlanningData data, Optional<Map<String, Object>> basemap, PolicyProfile profile,
            Envelope extent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", data.name());
        m.put("basemap", basemap.orElse(null));
        m.put("profile", Map.of("id", profile.id(), "nameZh", profile.nameZh(), "nameEn", profile.nameEn()));
        List<Map<String, Object>> profiles = new ArrayList<>();
        profiles.add(Map.of("id", profile.id(), "nameZh", profile.nameZh(), "nameEn", profile.nameEn()));
        for (String id : PolicyProfiles.BUILT_IN_IDS) {
            if (!id.equals(profile.id())) {
                PolicyProfile p = PolicyProfiles.get(id);
                profiles.add(Map.of("id", p.id(), "nameZh", p.nameZh(), "nameEn", p.nameEn()));
            }
        }
        m.put("profiles", profiles);
        m.put("bbox", LayerEndpoints.bbox(extent));
        m.put("topUnit", data.adminUnits().stream().filter(u -> u.parentCode().isEmpty()
                || data.findAdminUnit(u.parentCode().get()).isEmpty())
            .findFirst().map(AdminUnit::code).orElse(null));
        this.config = java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.get("/api/config", this::get);
    }

    private void get(Context ctx) {
        ctx.json(config);
    }
}

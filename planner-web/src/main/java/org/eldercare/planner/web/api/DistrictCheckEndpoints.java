package org.eldercare.planner.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalInt;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.zoning.DistrictVerdict;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * {@code POST /api/district-check}: the floor-area verdict (每百户配建面积) of a proposed or existing residential
 * district, checked by geo-core's {@code zoning.DistrictCheck} together with the loaded districts, so that a small
 * existing district drawn next to loaded ones may pool with them where the profile allows. Body:
 * <pre>{"geometry": {"type": "Polygon", "coordinates": [...]}, "households": 1200, "status": "new",
 *  "siteAreasM2": [200, 150], "name": "规划小区"}</pre>
 * {@code geometry} (WGS84 lon/lat GeoJSON Polygon or MultiPolygon) is optional: without it the district is checked on
 * its own. The answer is the verdict with the rules and their clauses, and its findings.
 */
public final class DistrictCheckEndpoints implements Endpoints {
    /** Id given to the checked district. */
    public static final String DISTRICT_ID = "proposed-district";
    private static final List<String> STATUSES = List.of("new", "existing");
    /** The body's fields; any other is a 400 naming it. */
    private static final Set<String> FIELDS = Set.of("geometry", "households", "status", "siteAreasM2", "name");
    private final PlanningSession session;

    public DistrictCheckEndpoints(PlanningSession session) {
        this.session = session;
    }

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.post("/api/district-check", this::check);
    }

    /** The district the body describes. */
    ResidentialDistrict parse(JsonNode body) {
        int households = RequestBodies.integer(body, "households", "households", 0, 1_000_000);
        String status = RequestBodies.text(body, "status", "status");
        if (!STATUSES.contains(status)) {
            throw new BadParameterException("status", status, "must be one of: new, existing", STATUSES);
        }
        List<Double> sites = RequestBodies.numbers(body, "siteAreasM2", "siteAreasM2", 0, 1_000_000, 100);
        String name = RequestBodies.optionalText(body, "name", "name");
        Optional<Geometry> boundary = Optional.empty();
        JsonNode g = body.get("geometry");
        if (g != null && !g.isNull()) {
            boundary = Optional.of(geometry(g));
        }
        try {
            return new ResidentialDistrict(DISTRICT_ID, name == null || name.isBlank() ? "拟建小区" : name, boundary,
                households, status.equals("new") ? DistrictStatus.NEW : DistrictStatus.EXISTING, OptionalInt.empty(),
                sites, false);
        } catch (InvalidValueException e) {
            String field = e.field().equals("boundary") ? "geometry" : e.field();
            throw new BadParameterException(field, null, e.getMessage());
        }
    }

    private static Geometry geometry(JsonNode g) {
        if (!g.isObject() || !g.has("type")) {
            throw new BadParameterException("geometry", RequestBodies.abbreviate(g.toString()),
                "must be a GeoJSON Polygon or MultiPolygon object");
        }
        String type = g.get("type").asText();
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            throw new BadParameterException("geometry", type, "must be a GeoJSON Polygon or MultiPolygon, was "
                + type, List.of("Polygon", "MultiPolygon"));
        }
        Geometry geom;
        try {
            geom = new GeoJsonReader(Geometries.WGS84).read(g.toString());
        } catch (ParseException | RuntimeException e) {
            throw new BadParameterException("geometry", RequestBodies.abbreviate(g.toString()),
                "is not a valid GeoJSON " + type + ": " + e.getMessage());
        }
        var env = geom.getEnvelopeInternal();
        if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
            throw new BadParameterException("geometry", RequestBodies.abbreviate(g.toString()),
                "coordinates must be WGS84 lon/lat (lon in [-180, 180], lat in [-90, 90])");
        }
        geom.setSRID(Geometries.WGS84_SRID);
        return geom;
    }

    private void check(Context ctx) {
        ResidentialDistrict d = parse(RequestBodies.object(ctx, FIELDS));
        DistrictVerdict v = session.checkProposedDistrict(d);
        Map<String, Object> m = new LinkedHashMap<>(v.toMap());
        m.put("name", d.name());
        m.put("verdict", BaseLayers.id(v.status()));
        m.put("profile", session.profile().id());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : v.findings()) {
            findings.add(CoverageLayers.finding(f));
        }
        m.put("findings", findings);
        ctx.json(m);
    }
}

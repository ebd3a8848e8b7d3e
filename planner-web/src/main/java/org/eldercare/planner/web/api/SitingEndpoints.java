package org.eldercare.planner.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.network.TravelGraphs;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.siting.RegionalSitingFeatures;
import org.eldercare.planner.siting.RegionalSitingParams;
import org.eldercare.planner.siting.RegionalSitingResult;
import org.eldercare.planner.siting.SitingModel;

/**
 * {@code POST /api/siting} with {@code {"county": "360681", "model": "pmedian", "p": 2, "mode": "drive"}} (or the same
 * as query parameters of {@code GET /api/siting}): regional institutions for one county by geo-core's
 * {@code siting.RegionalSiting} (through the {@code PlanningSession}) over the loaded layers, under the server's profile (its regional rules, with their
 * clauses). The answer is the summary ({@code RegionalSitingFeatures.summary}) and a FeatureCollection of the proposed
 * sites, the assignment lines (demand point → site), excluded candidates, unserved and off-network demand points.
 * The road graph per travel mode is the session's (built once); answers are kept per parameter set (at most {@value #MAX_KEPT}); the
 * solver stops after {@value #TIME_LIMIT_SECONDS} s with its best proposal and the gap it proved.
 */
public final class SitingEndpoints implements Endpoints {
    static final int MAX_KEPT = 64;
    /** Solver time limit per request, seconds: a planner waits for the answer (the CLI's {@code site} allows more). */
    public static final double TIME_LIMIT_SECONDS = 30;
    private static final List<String> MODES = TravelGraphs.MODES;
    private final PlanningSession session;
    /** The parameters (query or body fields); any other is a 400 naming it. */
    private static final Set<String> FIELDS = Set.of("county", "model", "p", "mode");
    private final GeoJsonOutput geojson;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Map<String, Object>> answers = new ConcurrentHashMap<>();

    public SitingEndpoints(PlanningSession session, GeoJsonOutput geojson) {
        this.session = session;
        this.geojson = geojson;
    }

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.get("/api/siting", ctx -> {
            RequestBodies.refuseUnknown("query parameter", ctx.queryParamMap().keySet(), FIELDS);
            answer(ctx, ctx.queryParam("county"), ctx.queryParam("model"), ctx.queryParam("p"),
                ctx.queryParam("mode"));
        });
        routes.post("/api/siting", ctx -> {
            JsonNode b = RequestBodies.object(ctx, FIELDS);
            JsonNode p = b.get("p");
            answer(ctx, RequestBodies.optionalText(b, "county", "county"), RequestBodies.optionalText(b, "model",
                "model"), p == null || p.isNull() ? null : p.asText(), RequestBodies.optionalText(b, "mode", "mode"));
        });
    }

    private void answer(Context ctx, String county, String modelText, String pText, String modeText) {
        if (county == null || county.isBlank()) {
            throw new BadParameterException("county", county, "a county code (6 or 12 digits) is required");
        }
        String code;
        try {
            code = AdminUnit.normaliseCode("county", county);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("county", county, "must be a county code of 6 or 12 digits");
        }
        List<String> models = Arrays.stream(SitingModel.values()).map(SitingModel::id).toList();
        if (modelText == null || !models.contains(modelText.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new BadParameterException("model", modelText, "must be one of: " + String.join(", ", models), models);
        }
        SitingModel model = SitingModel.parse(modelText);
        String mode = modeText == null || modeText.isBlank() ? "drive" : modeText.strip();
        if (!MODES.contains(mode)) {
            throw new BadParameterException("mode", modeText, "must be drive or walk", MODES);
        }
        RegionalSitingParams params = RegionalSitingParams.of(model, code).withTimeLimitSeconds(TIME_LIMIT_SECONDS);
        if (pText != null && !pText.isBlank()) {
            params = params.withP(QueryParams.integer("p", pText, 1, 100));
        }
        String key = code + "|" + model.id() + "|" + pText + "|" + mode;
        RegionalSitingParams chosen = params;
        Map<String, Object> m = answers.get(key);
        if (m == null) {
            RegionalSitingResult r;
            try {
                r = session.propose(chosen, mode, mode.equals("drive"));
            } catch (InvalidValueException e) {
                throw asBadParameter(e);
            }
            m = describe(r);
            if (answers.size() >= MAX_KEPT) {
                answers.clear();
            }
            answers.put(key, m);
        }
        ctx.json(m);
    }

    /**
     * geo-core's parameter names are the request's, except the county's ({@code countyCode} there, {@code county}
     * here); read from the exception's data, never from its message. Other input errors go to the error mapping.
     */
    static BadParameterException asBadParameter(InvalidValueException e) {
        String parameter = "countyCode".equals(e.field()) ? "county" : e.field();
        return new BadParameterException(parameter, e.value() == null ? null : String.valueOf(e.value()),
            e.problems().get(0).message());
    }

    private Map<String, Object> describe(RegionalSitingResult r) {
        List<byte[]> parts = new ArrayList<>();
        for (Feature f : RegionalSitingFeatures.toFeatures(r, session.data())) {
            if (f.geometry() != null) {
                parts.add(geojson.feature(f, Map.of()));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", RegionalSitingFeatures.summary(r));
        try {
            m.put("features", mapper.readTree(geojson.featureCollectionOfEncoded(parts, Map.of())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}

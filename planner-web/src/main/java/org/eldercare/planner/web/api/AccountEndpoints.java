package org.eldercare.planner.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.planner.web.auth.AuditEntry;
import org.eldercare.planner.web.auth.AuditLog;
import org.eldercare.planner.web.auth.PasswordHashes;
import org.eldercare.planner.web.auth.WebSecurity;

/**
 * Accounts over HTTP: {@code POST /api/login} ({@code {"name", "password"}}), {@code POST /api/logout},
 * {@code GET /api/me}, {@code POST /api/password} ({@code {"current", "new"}}), and the audit log for admins, {@code GET /api/audit?offset=0&limit=50} (newest first). Who may
 * call what is {@code auth.AccessRules}'; this class only reads the requests and answers.
 */
public final class AccountEndpoints implements Endpoints {
    /** Largest page of {@code /api/audit}. */
    public static final int MAX_LIMIT = 500;
    private final WebSecurity security;

    public AccountEndpoints(WebSecurity security) {
        this.security = security;
    }

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.post("/api/login", this::login);
        routes.post("/api/logout", this::logout);
        routes.get("/api/me", ctx -> ctx.json(security.me(ctx)));
        routes.post("/api/password", this::password);
        routes.get("/api/audit", this::audit);
    }

    private void login(Context ctx) {
        JsonNode body = RequestBodies.object(ctx, Set.of("name", "password"));
        String name = RequestBodies.text(body, "name", "name");
        ctx.json(security.login(ctx, name, password(body, "password")));
    }

    private void password(Context ctx) {
        JsonNode body = RequestBodies.object(ctx, Set.of("current", "new"));
        security.changePassword(ctx, password(body, "current"), password(body, "new"));
        ctx.json(security.me(ctx));
    }

    /** A password field: a non-empty string of at most 128 characters; its value is never echoed. */
    private static char[] password(JsonNode body, String field) {
        JsonNode p = body.get(field);
        if (p == null || !p.isTextual() || p.asText().isEmpty()) {
            throw new BadParameterException(field, null, "a non-empty string is required");
        }
        if (p.asText().length() > PasswordHashes.MAX_LENGTH) {
            throw new BadParameterException(field, null, "at most " + PasswordHashes.MAX_LENGTH + " characters");
        }
        return p.asText().toCharArray();
    }

    private void logout(Context ctx) {
        security.logout(ctx);
        ctx.json(security.me(ctx));
    }

    private void audit(Context ctx) {
        RequestBodies.refuseUnknown("query parameter", ctx.queryParamMap().keySet(), Set.of("offset", "limit"));
        int offset = QueryParams.integer("offset", ctx.queryParam("offset") == null ? "0" : ctx.queryParam("offset"),
            0, Integer.MAX_VALUE);
        int limit = QueryParams.integer("limit", ctx.queryParam("limit") == null ? "50" : ctx.queryParam("limit"),
            1, MAX_LIMIT);
        AuditLog.Page page = security.settings().audit().page(offset, limit);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", page.total());
        m.put("offset", page.offset());
        m.put("limit", page.limit());
        List<Map<String, Object>> entries = page.entries().stream().map(AuditEntry::toJson).toList();
        m.put("entries", entries);
        ctx.json(m);
    }
}

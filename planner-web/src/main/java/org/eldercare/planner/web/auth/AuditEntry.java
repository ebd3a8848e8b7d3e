package org.eldercare.planner.web.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit log: when, who (the signed-in user, the name tried at a login, or null for anonymous), with
 * which role, the request (method and path), its outcome (HTTP status), a short what (the scenario name, "login
 * failed", ...; never a password) and the client address. Immutable.
 */
public record AuditEntry(Instant time, String user, String role, String method, String path, int status,
        String what, String client) {
    /** Longest {@code what} kept. */
    public static final int MAX_WHAT = 200;

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        what = what == null ? null : clean(what);
    }

    /** The entry as the JSON object written (and answered by {@code GET /api/audit}); time in ISO-8601 UTC. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time.toString());
        m.put("user", user);
        m.put("role", role);
        m.put("method", method);
        m.put("path", path);
        m.put("status", status);
        m.put("what", what);
        m.put("client", client);
        return m;
    }

    private static String clean(String s) {
        String c = s.replaceAll("\\p{Cntrl}", " ").strip();
        return c.length() > MAX_WHAT ? c.substring(0, MAX_WHAT) + "…" : c;
    }
}

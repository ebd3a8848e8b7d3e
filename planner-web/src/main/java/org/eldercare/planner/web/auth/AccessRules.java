package org.eldercare.planner.web.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of who may do what: each rule is a set of HTTP methods and a path pattern ({@code /api/audit}
 * exact, {@code /api/scenarios/**} the path and everything under it) with the access it needs and whether the
 * request is a write that goes to the audit log. The first rule that matches decides; a state-changing method on a
 * path no rule names needs a planner and is audited (so a new write endpoint is protected before anyone lists it).
 *
 * <p>Analysis POSTs (what-if, coverage, district check, siting and the what-if's scenario file download) change
 * nothing on the server: they are reads, open to whoever may read, but still need the CSRF token when sent with a
 * session (see {@link WebSecurity}).
 */
public final class AccessRules {
    /** What a request needs. */
    public enum Access {
        /** Anyone, any mode: the page itself, login, {@code /api/me}. */
        PUBLIC,
        /** Whoever may read: anyone on an open or read-only server, a signed-in user when anonymous is none. */
        READ,
        VIEWER, PLANNER, ADMIN;

        /** The role this access needs, empty for {@link #PUBLIC} and {@link #READ}. */
        public Optional<Role> role() {
            return switch (this) {
                case PUBLIC, READ -> Optional.empty();
                case VIEWER -> Optional.of(Role.VIEWER);
                case PLANNER -> Optional.of(Role.PLANNER);
                case ADMIN -> Optional.of(Role.ADMIN);
            };
        }
    }

    /**
     * One row: {@code methods} (upper case; {@link #SAFE} or {@link #UNSAFE} for the two halves), {@code pattern}
     * and the access needed; {@code audited} requests are written to the audit log whatever their outcome.
     */
    public record Rule(Set<String> methods, String pattern, Access access, boolean audited) {
        boolean matches(String method, String path) {
            if (!methods.contains(method.toUpperCase(Locale.ROOT))) {
                return false;
            }
            if (pattern.endsWith("/**")) {
                String prefix = pattern.substring(0, pattern.length() - 3);
                return path.equals(prefix) || path.startsWith(prefix + "/") || prefix.isEmpty();
            }
            return path.equals(pattern);
        }
    }

    /** Methods that change nothing. */
    public static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Methods that may change state: need the CSRF token with a session, and an Origin of this server. */
    public static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ANY = union(SAFE, UNSAFE);
    private static final Set<String> POST = Set.of("POST");

    /** The server's table, in the order it is applied; docs/security.md shows it. */
    public static final List<Rule> TABLE = List.of(
        new Rule(POST, "/api/login", Access.PUBLIC, true),
        new Rule(POST, "/api/logout", Access.PUBLIC, true),
        new Rule(SAFE, "/api/me", Access.PUBLIC, false),
        new Rule(POST, "/api/password", Access.VIEWER, true),
        new Rule(SAFE, "/api/audit", Access.ADMIN, false),
        new Rule(ANY, "/api/admin/**", Access.ADMIN, true),
        new Rule(SAFE, "/api/scenarios/**", Access.READ, false),
        new Rule(UNSAFE, "/api/scenarios/**", Access.PLANNER, true),
        new Rule(POST, "/api/what-if", Access.READ, false),
        new Rule(POST, "/api/what-if/scenario", Access.READ, false),
        new Rule(POST, "/api/coverage", Access.READ, false),
        new Rule(POST, "/api/district-check", Access.READ, false),
        new Rule(POST, "/api/siting", Access.READ, false),
        new Rule(SAFE, "/api/**", Access.READ, false),
        new Rule(SAFE, "/ogc/**", Access.READ, false),
        new Rule(SAFE, "/tiles/**", Access.READ, false),
        new Rule(SAFE, "/**", Access.PUBLIC, false),
        new Rule(UNSAFE, "/**", Access.PLANNER, true));

    private AccessRules() {}

    /** The first rule of {@link #TABLE} matching; every method of {@link #ANY} on any path has one. */
    public static Rule match(String method, String path) {
        for (Rule r : TABLE) {
            if (r.matches(method, path)) {
                return r;
            }
        }
        // TRACE, CONNECT, unknown methods: treated as writes
        return TABLE.get(TABLE.size() - 1);
    }

    /** The outcome of {@link #decide}. */
    public enum Decision { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    /** Whether {@code user} (empty: anonymous) may make a request needing {@code access} on a server in {@code mode}. */
    public static Decision decide(Access access, Optional<Role> user, AnonymousAccess mode) {
        if (access == Access.PUBLIC || mode == AnonymousAccess.OPEN) {
            return Decision.ALLOW;
        }
        if (user.isEmpty()) {
            return access == Access.READ && mode == AnonymousAccess.READ_ONLY
                ? Decision.ALLOW : Decision.UNAUTHENTICATED;
        }
        return access.role().map(r -> user.get().includes(r)).orElse(true) ? Decision.ALLOW : Decision.FORBIDDEN;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}

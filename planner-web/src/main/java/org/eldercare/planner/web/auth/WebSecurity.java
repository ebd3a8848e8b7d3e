package org.eldercare.planner.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;

/**
 * The server's one gate: a Javalin before-handler that, for every request, finds the signed-in user from the servlet
 * session, checks a state-changing request's Origin (or Referer) and CSRF token, and applies {@link AccessRules}
 * (401 when signing in would help, 403 when the role is too low or the CSRF check fails); and an after-handler that
 * writes every audited request (writes, logins, logouts; whatever their outcome) to the {@link AuditLog}. Endpoints
 * need do nothing to be protected; they may name what they changed with {@link #describe}.
 *
 * <p>Sessions are Jetty's ({@code HttpSession}): cookie {@code planner_session}, HttpOnly, SameSite=Strict, Secure
 * over TLS or with {@link SecuritySettings#secureCookies()}, ended after the idle timeout; the id changes at login.
 * The CSRF token is a random 256-bit synchronizer token kept in the session, given by {@code POST /api/login} and
 * {@code GET /api/me}, sent back in {@value #CSRF_HEADER}.
 */
public final class WebSecurity {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String SESSION_COOKIE = "planner_session";
    static final String USER = "planner.user";
    static final String CSRF = "planner.csrf";
    private static final String RULE = "planner.rule";
    private static final String WHO = "planner.audit.who";
    private static final String WHAT = "planner.audit.what";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.Set<String> NO_STORE = java.util.Set.of("/api/login", "/api/logout", "/api/me",
        "/api/audit");

    private final SecuritySettings settings;
    private final LoginThrottle throttle;
    private final Clock clock;

    public WebSecurity(SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock);
    }

    public SecuritySettings settings() {
        return settings;
    }

    /** Configures the session cookie and installs the before- and after-handlers on {@code config}. */
    public void install(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(h -> {
            SessionHandler s = h.getSessionHandler() == null ? new SessionHandler() : h.getSessionHandler();
            s.setSessionCookie(SESSION_COOKIE);
            s.setHttpOnly(true);
            s.setSameSite(HttpCookie.SameSite.STRICT);
            s.setSecureRequestOnly(true);
            s.setSecureCookies(settings.secureCookies());
            s.setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
            // the session id travels in the cookie only, never in a URL (;jsessionid=)
            s.setUsingUriParameters(false);
            h.setSessionHandler(s);
        });
        config.routes.before(this::before);
        config.routes.after(this::after);
    }

    /** The signed-in user of the request, if any (a removed account counts as signed out). */
    public Optional<UserAccount> user(Context ctx) {
        HttpSession s = ctx.req().getSession(false);
        if (s == null || settings.users().isEmpty()) {
            return Optional.empty();
        }
        Object name = s.getAttribute(USER);
        return name == null ? Optional.empty() : settings.users().get().find(name.toString());
    }

    /**
     * Request attribute holding the signed-in user's name once the gate let the request through (absent for anonymous
     * and single-user requests): what an endpoint records as the author of a write, e.g. a saved scenario's savedBy.
     */
    public static final String SIGNED_IN_USER = "signedInUser";

    /** Names what the current request changes, for its audit entry (a scenario's name, say); never a secret. */
    public static void describe(Context ctx, String what) {
        ctx.attribute(WHAT, what);
    }

    void before(Context ctx) {
        headers(ctx);
        String method = ctx.method().name();
        AccessRules.Rule rule = AccessRules.match(method, ctx.path());
        ctx.attribute(RULE, rule);
        Optional<UserAccount> user = user(ctx);
        user.ifPresent(u -> ctx.attribute(SIGNED_IN_USER, u.name()));
        if (AccessRules.UNSAFE.contains(method)) {
            checkOrigin(ctx);
            if (user.isPresent() && !ctx.path().equals("/api/login")) {
                checkCsrfToken(ctx);
            }
        }
        switch (AccessRules.decide(rule.access(), user.map(UserAccount::role), settings.anonymous())) {
            case ALLOW -> { }
            case UNAUTHENTICATED -> throw new HttpResponseException(401, settings.users().isEmpty()
                ? "not signed in: this server has no accounts (serve --users FILE), so " + method + " "
                    + ctx.path() + " is not allowed"
                : "not signed in: " + method + " " + ctx.path() + " needs a signed-in "
                    + rule.access().role().map(Role::id).orElse("user") + " (POST /api/login)",
                Map.of("required", rule.access().name().toLowerCase(Locale.ROOT)));
            case FORBIDDEN -> throw new HttpResponseException(403, "forbidden: " + method + " " + ctx.path()
                + " needs the role " + rule.access().role().map(Role::id).orElseThrow() + "; "
                + user.orElseThrow().name() + " is a " + user.orElseThrow().role().id(),
                Map.of("required", rule.access().role().map(Role::id).orElseThrow(),
                    "role", user.orElseThrow().role().id()));
        }
    }

    /**
     * Security headers on every answer: no MIME sniffing, no framing by other sites (clickjacking), the Referer only
     * to this server; the account answers (which hold the CSRF token) are never cached.
     */
    private static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "frame-ancestors 'none'");
        ctx.header("Referrer-Policy", "same-origin");
        if (NO_STORE.contains(ctx.path())) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String source = origin != null ? origin : ctx.header("Referer");
        if (source == null) {
            return; // not a browser (curl, QGIS): the CSRF token still applies to a session
        }
        String host = ctx.header("Host");
        if (host == null || !sameAuthority(source, host)) {
            throw new HttpResponseException(403, "csrf: " + (origin != null ? "Origin" : "Referer") + " '" + source
                + "' is not this server (" + host + ")", Map.of("reason", "origin"));
        }
    }

    static boolean sameAuthority(String source, String host) {
        try {
            URI u = URI.create(source);
            if (u.getHost() == null) {
                return false;
            }
            int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            URI h = URI.create(u.getScheme() + "://" + host);
            int hostPort = h.getPort() >= 0 ? h.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            return u.getHost().equalsIgnoreCase(h.getHost()) && port == hostPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void checkCsrfToken(Context ctx) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null || sent.isBlank()) {
            throw new HttpResponseException(403, "csrf: the " + CSRF_HEADER + " header is missing; a request that "
                + "may change state with a session sends the token of GET /api/me", Map.of("reason", "csrf-missing"));
        }
        Object expected = ctx.req().getSession(false).getAttribute(CSRF);
        if (expected == null || !MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpResponseException(403, "csrf: the " + CSRF_HEADER + " header is not this session's token",
                Map.of("reason", "csrf-mismatch"));
        }
    }

    void after(Context ctx) {
        AccessRules.Rule rule = ctx.attribute(RULE);
        if (rule == null || !rule.audited()) {
            return;
        }
        Optional<UserAccount> user = user(ctx);
        String named = ctx.attribute(WHO);
        String who = named != null ? named : user.map(UserAccount::name).orElse(null);
        String role = user.map(u -> u.role().id()).orElse(settings.anonymous() == AnonymousAccess.OPEN ? "local" : null);
        String described = ctx.attribute(WHAT);
        String what;
        try {
            what = described != null ? described : what(ctx);
        } catch (RuntimeException e) {
            what = null; // a body that could not be read (too large, cut off): the entry is still written
        }
        settings.audit().append(new AuditEntry(clock.instant(), who, role, ctx.method().name(), ctx.path(),
            ctx.statusCode(), what, ctx.ip()));
    }

    /** A short what for a write no endpoint described: the name in the path under the resource, or the body's name. */
    private static String what(Context ctx) {
        String[] parts = ctx.path().split("/");
        if (parts.length > 3) {
            return java.net.URLDecoder.decode(String.join("/", java.util.Arrays.copyOfRange(parts, 3, parts.length)),
                StandardCharsets.UTF_8);
        }
        String body = ctx.body();
        if (body.length() > 0 && body.length() < 1 << 16 && body.strip().startsWith("{")) {
            try {
                JsonNode n = AuditLog.JSON.readTree(body);
                if (n.path("name").isTextual()) {
                    return n.get("name").asText();
                }
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Signs in: checks the throttle (429 with Retry-After while locked), then name and password (401, the same for
     * an unknown name and a wrong password); on success starts a new session (the old one, if any, ends: the id
     * changes) with a new CSRF token. Answers what {@link #me} answers.
     */
    public Map<String, Object> login(Context ctx, String name, char[] password) {
        ctx.attribute(WHO, name);
        String client = ctx.ip();
        Optional<Duration> wait = throttle.retryAfter(name, client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            describe(ctx, "login refused: locked after repeated failures");
            ctx.header("Retry-After", Long.toString(seconds));
            throw new HttpResponseException(429, "too many failed logins: try again in " + seconds + " s",
                Map.of("retryAfterSeconds", Long.toString(seconds)));
        }
        Optional<UserAccount> account = settings.users().flatMap(u -> u.authenticate(name, password));
        java.util.Arrays.fill(password, '\0');
        if (account.isEmpty()) {
            throttle.failed(name, client);
            describe(ctx, "login failed");
            throw new HttpResponseException(401, "login failed: unknown name or wrong password", Map.of());
        }
        throttle.succeeded(name);
        HttpSession old = ctx.req().getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession s = ctx.req().getSession(true);
        s.setAttribute(USER, account.get().name());
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        s.setAttribute(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
        describe(ctx, "login");
        return me(ctx);
    }

    /**
     * Changes the signed-in user's password: {@code current} must be the password in force (checked as a login is,
     * with the same back-off; a wrong one is 403), {@code next} long enough ({@link PasswordHashes#checkStrength});
     * the new hash is written where the account is kept. The session stays.
     */
    public void changePassword(Context ctx, char[] current, char[] next) {
        UserAccount user = user(ctx).orElseThrow(() -> new HttpResponseException(401,
            "not signed in: POST /api/password needs a signed-in user", Map.of()));
        String client = ctx.ip();
        Optional<Duration> wait = throttle.retryAfter(user.name(), client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            describe(ctx, "password change refused: locked after repeated failures");
            throw new HttpResponseException(429, "too many failed attempts: try again in " + seconds + " s",
                Map.of("retryAfterSeconds", Long.toString(seconds)));
        }
        if (!PasswordHashes.verify(current, user.passwordHash())) {
            throttle.failed(user.name(), client);
            describe(ctx, "password change failed: wrong current password");
            throw new HttpResponseException(403, "current: not the password in force", Map.of("parameter", "current"));
        }
        String weak = PasswordHashes.checkStrength(next);
        if (weak != null) {
            describe(ctx, "password change refused: too weak");
            throw new HttpResponseException(400, "new: " + weak, Map.of("parameter", "new"));
        }
        settings.users().orElseThrow().changePassword(user.name(), next);
        java.util.Arrays.fill(current, '\0');
        java.util.Arrays.fill(next, '\0');
        describe(ctx, "password changed");
    }

    /** Signs out: the session ends. */
    public void logout(Context ctx) {
        Optional<UserAccount> user = user(ctx);
        user.ifPresent(u -> ctx.attribute(WHO, u.name()));
        HttpSession s = ctx.req().getSession(false);
        if (s != null) {
            s.invalidate();
        }
        describe(ctx, user.isPresent() ? "logout" : "logout without a session");
    }

    /**
     * {@code GET /api/me}: the signed-in user ({@code name}, {@code role}) or null, the session's {@code csrfToken},
     * what anonymous visitors may do ({@code anonymous}: open, read-only, none) and whether the server has accounts.
     */
    public Map<String, Object> me(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<UserAccount> user = user(ctx);
        m.put("user", user.map(u -> Map.of("name", u.name(), "role", u.role().id())).orElse(null));
        m.put("csrfToken", user.isPresent() ? ctx.req().getSession(false).getAttribute(CSRF) : null);
        m.put("anonymous", settings.anonymous().id());
        m.put("accounts", settings.users().isPresent());
        m.put("idleTimeoutMinutes", settings.idleTimeout().toMinutes());
        return m;
    }
}

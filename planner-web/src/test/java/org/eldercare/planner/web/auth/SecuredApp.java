package org.eldercare.planner.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.web.api.AccountEndpoints;
import org.eldercare.planner.web.server.ErrorMapping;

/**
 * A server with the real security wiring ({@link WebSecurity}, {@link AccountEndpoints}, {@link ErrorMapping}) and
 * placeholder routes standing in for the scenario store: {@code PUT/POST/DELETE /api/scenarios/{name}} answer
 * {@code {"saved": name}}, {@code GET /api/scenarios} and {@code GET /api/layers} answer {@code []}. Plus a small
 * HTTP client that sends cookies, CSRF token and Origin explicitly.
 */
final class SecuredApp {
    static final String VIEWER_PW = "viewer password 1";
    static final String PLANNER_PW = "planner password 2";
    static final String ADMIN_PW = "admin password 333";
    static final UserDirectory USERS = new UserDirectory(List.of(
        new UserAccount("wei", Role.VIEWER, PasswordHashes.hash(VIEWER_PW.toCharArray())),
        new UserAccount("li", Role.PLANNER, PasswordHashes.hash(PLANNER_PW.toCharArray())),
        new UserAccount("zhang", Role.ADMIN, PasswordHashes.hash(ADMIN_PW.toCharArray()))));
    static final ObjectMapper JSON = new ObjectMapper();

    private SecuredApp() {}

    static Javalin create(SecuritySettings settings) {
        WebSecurity security = new WebSecurity(settings, Clock.systemUTC());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            security.install(config);
            ErrorMapping.register(config.routes);
            new AccountEndpoints(security).registerEndpoints(config.routes);
            config.routes.get("/api/layers", ctx -> ctx.json(List.of()));
            config.routes.get("/api/scenarios", ctx -> ctx.json(List.of()));
            // what Jetty keeps for the session: its idle timeout
            config.routes.get("/api/test/idle", ctx -> ctx.json(Map.of("seconds",
                ctx.req().getSession(false) == null ? -1 : ctx.req().getSession(false).getMaxInactiveInterval())));
            for (String m : new String[] {"PUT", "POST", "DELETE"}) {
                io.javalin.http.Handler saved = ctx -> ctx.json(Map.of("saved", ctx.pathParam("name")));
                switch (m) {
                    case "PUT" -> config.routes.put("/api/scenarios/{name}", saved);
                    case "POST" -> config.routes.post("/api/scenarios/{name}", saved);
                    default -> config.routes.delete("/api/scenarios/{name}", saved);
                }
            }
        });
    }

    /** One answer: status, headers and body text. */
    record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The session cookie's value from Set-Cookie, or null. */
        String sessionCookie() {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith(WebSecurity.SESSION_COOKIE + "="))
                .map(c -> c.substring(c.indexOf('=') + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElse(null);
        }
    }

    /** A signed-in session: its cookie and CSRF token. */
    record Session(String cookie, String csrf) {}

    static final class Client {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String origin;

        Client(String origin) {
            this.origin = origin;
        }

        /** {@code headers}: name, value pairs. */
        Answer send(String method, String path, String body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                b.headers(headers);
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(r.statusCode(), r.headers(), r.body());
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        Answer login(String name, String password, String... headers) {
            return send("POST", "/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}", headers);
        }

        /** Signs in and answers the session; fails the test when the login does not succeed. */
        Session session(String name, String password) {
            Answer a = login(name, password);
            if (a.status() != 200) {
                throw new AssertionError("login of " + name + ": " + a.status() + " " + a.body());
            }
            return new Session(a.sessionCookie(), a.json().get("csrfToken").asText());
        }

        /** A request with the session's cookie and CSRF token. */
        Answer as(Session s, String method, String path, String body) {
            return send(method, path, body, "Cookie", WebSecurity.SESSION_COOKIE + "=" + s.cookie(),
                WebSecurity.CSRF_HEADER, s.csrf());
        }
    }
}

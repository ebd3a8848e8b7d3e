package org.eldercare.planner.web;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.web.auth.AnonymousAccess;
import org.eldercare.planner.web.auth.AuditEntry;
import org.eldercare.planner.web.auth.AuditLog;
import org.eldercare.planner.web.auth.PasswordHashes;
import org.eldercare.planner.web.auth.Role;
import org.eldercare.planner.web.auth.SecuritySettings;
import org.eldercare.planner.web.auth.UserAccount;
import org.eldercare.planner.web.auth.UserDirectory;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;

/**
 * What accounts cost, run by hand (not a unit test), on the hand-drawn test county so that the data's own work is
 * small: (1) {@code POST /api/login} sequentially, right password, wrong password and unknown name (each one PBKDF2,
 * 210 000 iterations: the three should take the same time); (2) {@code GET /api/layers/facilities} on an open server
 * and on one with accounts (anonymous read-only), in alternating blocks: the before/after handlers' overhead;
 * (3) one audit entry appended and forced to disk in a JSON-lines file.
 *
 * <p>Usage: {@code AuthBench [logins=12] [reads=2000]}
 */
public final class AuthBench {
    static final String PW = "bench password 12";

    private AuthBench() {}

    public static void main(String[] args) throws Exception {
        int logins = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        UserDirectory users = new UserDirectory(List.of(new UserAccount("li", Role.PLANNER,
            PasswordHashes.hash(PW.toCharArray()))));
        PlanningSession session = PlanningSession.of(TestCounty.data(), ServerSettings.offline().profile());
        ServerSettings open = ServerSettings.offline();
        ServerSettings secured = open.withSecurity(SecuritySettings.withUsers(users, AnonymousAccess.READ_ONLY));
        Javalin a = PlannerServer.create(session, open).start("127.0.0.1", 0);
        Javalin b = PlannerServer.create(session, secured).start("127.0.0.1", 0);
        HttpClient http = HttpClient.newHttpClient();
        try {
            String sb = "http://127.0.0.1:" + b.port();
            for (int i = 0; i < 3; i++) {
                send(http, sb, "POST", "/api/login", "{\"name\":\"li\",\"password\":\"" + PW + "\"}");
            }
            List<Double> ok = new ArrayList<>();
            List<Double> wrong = new ArrayList<>();
            List<Double> unknown = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                ok.add(send(http, sb, "POST", "/api/login", "{\"name\":\"li\",\"password\":\"" + PW + "\"}"));
                // failures of different names, so that the back-off never locks one
                unknown.add(send(http, sb, "POST", "/api/login", "{\"name\":\"nobody" + i + "\",\"password\":\"x\"}"));
                if (i < 4) {
                    wrong.add(send(http, sb, "POST", "/api/login", "{\"name\":\"li\",\"password\":\"wrong\"}"));
                    ok.add(send(http, sb, "POST", "/api/login", "{\"name\":\"li\",\"password\":\"" + PW + "\"}"));
                }
            }
            report("login, right password", ok);
            report("login, wrong password", wrong);
            report("login, unknown name", unknown);

            String sa = "http://127.0.0.1:" + a.port();
            List<Double> plain = new ArrayList<>();
            List<Double> guarded = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                send(http, sa, "GET", "/api/layers/facilities", null);
                send(http, sb, "GET", "/api/layers/facilities", null);
            }
            for (int block = 0; block < 10; block++) {
                for (int i = 0; i < reads / 10; i++) {
                    plain.add(send(http, sa, "GET", "/api/layers/facilities", null));
                }
                for (int i = 0; i < reads / 10; i++) {
                    guarded.add(send(http, sb, "GET", "/api/layers/facilities", null));
                }
            }
            report("GET facilities, open server", plain);
            report("GET facilities, with accounts", guarded);
        } finally {
            a.stop();
            b.stop();
        }
        Path file = Files.createTempFile("audit-bench", ".jsonl");
        AuditLog log = AuditLog.jsonLines(file);
        List<Double> appends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long t = System.nanoTime();
            log.append(new AuditEntry(Instant.now(), "li", "planner", "PUT", "/api/scenarios/s" + i, 200, "s" + i,
                "127.0.0.1"));
            appends.add((System.nanoTime() - t) / 1e6);
        }
        report("audit append + fsync", appends);
        Files.delete(file);
    }

    static double send(HttpClient http, String base, String method, String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        long t = System.nanoTime();
        HttpResponse<byte[]> answer = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t) / 1e6;
        if (answer.statusCode() >= 500 || answer.statusCode() == 429) {
            throw new IllegalStateException(method + " " + path + ": " + answer.statusCode());
        }
        return ms;
    }

    static void report(String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "%-32s n=%4d  p50 %8.2f ms  p95 %8.2f ms  max %8.2f ms%n", what, s.size(),
            s.get(s.size() / 2), s.get((int) Math.ceil(s.size() * 0.95) - 1), s.get(s.size() - 1));
    }
}

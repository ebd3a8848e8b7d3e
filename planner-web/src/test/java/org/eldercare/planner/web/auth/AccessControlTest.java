package org.eldercare.planner.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Instant;
import java.util.List;
import org.eldercare.planner.web.auth.SecuredApp.Answer;
import org.eldercare.planner.web.auth.SecuredApp.Client;
import org.eldercare.planner.web.auth.SecuredApp.Session;
import org.junit.jupiter.api.Test;

/**
 * Every role boundary over HTTP, against the real before/after handlers and placeholder scenario routes
 * ({@link SecuredApp}): anonymous write 401, viewer save 403, planner save 200 with exactly one audit entry, CSRF-less
 * and foreign-origin writes 403, a bad session 401, the audit log admin-only, and anonymous none.
 */
class AccessControlTest {
    static final String COOKIE = WebSecurity.SESSION_COOKIE + "=";

    static void with(SecuritySettings settings, java.util.function.BiConsumer<Client, String> test) {
        Javalin app = SecuredApp.create(settings);
        JavalinTest.test(app, (server, client) -> test.accept(new Client(client.getOrigin()), client.getOrigin()));
    }

    static SecuritySettings readOnly(AuditLog audit) {
        return SecuritySettings.withUsers(SecuredApp.USERS, AnonymousAccess.READ_ONLY).withAudit(audit);
    }

    @Test
    void an_anonymous_write_is_401_and_an_anonymous_read_is_allowed_on_a_read_only_server() {
        AuditLog audit = AuditLog.inMemory();
        with(readOnly(audit), (c, origin) -> {
            Answer put = c.send("PUT", "/api/scenarios/plan-a", "{}");
            assertEquals(401, put.status(), put.body());
            assertTrue(put.json().get("error").asText().startsWith("not signed in: PUT /api/scenarios/plan-a needs a "
                + "signed-in planner"), put.body());
            assertEquals(401, c.send("DELETE", "/api/scenarios/plan-a", null).status());
            // a state-changing route nobody listed is a planner's write too
            assertEquals(401, c.send("POST", "/api/something-new", "{}").status());
            assertEquals(200, c.send("GET", "/api/scenarios", null).status());
            assertEquals(200, c.send("GET", "/api/layers", null).status());
            // the refused writes are audited: who (nobody), what (the name), outcome
            List<AuditEntry> e = audit.entries();
            assertEquals(3, e.size(), e.toString());
            assertEquals(null, e.get(0).user());
            assertEquals("plan-a", e.get(0).what());
            assertEquals(401, e.get(0).status());
        });
    }

    @Test
    void a_viewers_save_is_403_and_a_planners_save_with_the_token_is_200_with_exactly_one_audit_entry() {
        AuditLog audit = AuditLog.inMemory();
        with(readOnly(audit), (c, origin) -> {
            Session viewer = c.session("wei", SecuredApp.VIEWER_PW);
            Answer refused = c.as(viewer, "PUT", "/api/scenarios/plan-a", "{}");
            assertEquals(403, refused.status(), refused.body());
            assertEquals("forbidden: PUT /api/scenarios/plan-a needs the role planner; wei is a viewer",
                refused.json().get("error").asText());
            assertEquals("planner", refused.json().at("/details/required").asText());
            assertEquals(200, c.as(viewer, "GET", "/api/scenarios", null).status());

            Session planner = c.session("li", SecuredApp.PLANNER_PW);
            int before = audit.entries().size();
            Instant t0 = Instant.now();
            Answer saved = c.as(planner, "PUT", "/api/scenarios/%E6%96%B0%E5%BB%BA%E7%A7%B0", "{}");
            Instant t1 = Instant.now();
            assertEquals(200, saved.status(), saved.body());
            List<AuditEntry> entries = audit.entries();
            assertEquals(before + 1, entries.size(), "exactly one entry for one write: " + entries);
            AuditEntry e = entries.get(entries.size() - 1);
            assertEquals("li", e.user());
            assertEquals("planner", e.role());
            assertEquals("PUT", e.method());
            assertEquals("/api/scenarios/%E6%96%B0%E5%BB%BA%E7%A7%B0", e.path());
            assertEquals("新建称", e.what());
            assertEquals(200, e.status());
            assertTrue(!e.time().isBefore(t0.minusMillis(1)) && !e.time().isAfter(t1), e.time() + " not in the call");
            // reads are not audited
            c.as(planner, "GET", "/api/scenarios", null);
            assertEquals(before + 1, audit.entries().size());
            // the body's name is the what when the path has none
            assertEquals(200, c.as(planner, "POST", "/api/scenarios/x", "{\"name\":\"x\"}").status());
        });
    }

    @Test
    void a_write_without_the_csrf_token_or_from_another_origin_is_403_naming_the_reason() {
        with(readOnly(AuditLog.inMemory()), (c, origin) -> {
            Session planner = c.session("li", SecuredApp.PLANNER_PW);
            Answer missing = c.send("PUT", "/api/scenarios/a", "{}", "Cookie", COOKIE + planner.cookie());
            assertEquals(403, missing.status(), missing.body());
            assertEquals("csrf-missing", missing.json().at("/details/reason").asText());
            assertTrue(missing.json().get("error").asText().contains("X-CSRF-Token"), missing.body());
            Answer wrong = c.send("PUT", "/api/scenarios/a", "{}", "Cookie", COOKIE + planner.cookie(),
                WebSecurity.CSRF_HEADER, "x" + planner.csrf());
            assertEquals(403, wrong.status());
            assertEquals("csrf-mismatch", wrong.json().at("/details/reason").asText());
            Answer foreign = c.send("PUT", "/api/scenarios/a", "{}", "Cookie", COOKIE + planner.cookie(),
                WebSecurity.CSRF_HEADER, planner.csrf(), "Origin", "http://evil.example");
            assertEquals(403, foreign.status());
            assertEquals("origin", foreign.json().at("/details/reason").asText());
            Answer foreignReferer = c.send("DELETE", "/api/scenarios/a", null, "Cookie", COOKIE + planner.cookie(),
                WebSecurity.CSRF_HEADER, planner.csrf(), "Referer", "http://evil.example/page");
            assertEquals(403, foreignReferer.status());
            // the same request from the page's own origin passes
            Answer own = c.send("PUT", "/api/scenarios/a", "{}", "Cookie", COOKIE + planner.cookie(),
                WebSecurity.CSRF_HEADER, planner.csrf(), "Origin", origin);
            assertEquals(200, own.status(), own.body());
            // a login from another origin is refused too (login CSRF)
            assertEquals(403, c.login("li", SecuredApp.PLANNER_PW, "Origin", "http://evil.example").status());
        });
    }

    @Test
    void a_bad_or_ended_session_is_401_for_a_write() {
        with(readOnly(AuditLog.inMemory()), (c, origin) -> {
            Answer bogus = c.send("PUT", "/api/scenarios/a", "{}", "Cookie", COOKIE + "node0bogus",
                WebSecurity.CSRF_HEADER, "whatever");
            assertEquals(401, bogus.status(), bogus.body());
            Session planner = c.session("li", SecuredApp.PLANNER_PW);
            Answer out = c.as(planner, "POST", "/api/logout", null);
            assertEquals(200, out.status(), out.body());
            assertTrue(out.json().get("user").isNull());
            assertEquals(401, c.as(planner, "PUT", "/api/scenarios/a", "{}").status());
        });
    }

    @Test
    void the_audit_log_is_for_admins_only_and_paged_newest_first() {
        AuditLog audit = AuditLog.inMemory();
        with(readOnly(audit), (c, origin) -> {
            assertEquals(401, c.send("GET", "/api/audit", null).status());
            Session planner = c.session("li", SecuredApp.PLANNER_PW);
            Answer refused = c.as(planner, "GET", "/api/audit", null);
            assertEquals(403, refused.status());
            assertEquals("forbidden: GET /api/audit needs the role admin; li is a planner",
                refused.json().get("error").asText());
            c.as(planner, "PUT", "/api/scenarios/one", "{}");
            c.as(planner, "PUT", "/api/scenarios/two", "{}");
            Session admin = c.session("zhang", SecuredApp.ADMIN_PW);
            // logins of li and zhang, two saves: four entries
            JsonNode page = c.as(admin, "GET", "/api/audit?limit=2", null).json();
            assertEquals(4, page.get("total").asInt(), page.toString());
            assertEquals(2, page.get("entries").size());
            assertEquals("login", page.at("/entries/0/what").asText());
            assertEquals("zhang", page.at("/entries/0/user").asText());
            assertEquals("two", page.at("/entries/1/what").asText());
            JsonNode next = c.as(admin, "GET", "/api/audit?offset=2&limit=2", null).json();
            assertEquals("one", next.at("/entries/0/what").asText());
            assertEquals("li", next.at("/entries/1/user").asText());
            assertEquals(400, c.as(admin, "GET", "/api/audit?limit=0", null).status());
            assertEquals(400, c.as(admin, "GET", "/api/audit?page=2", null).status());
        });
    }

    @Test
    void with_anonymous_none_every_api_read_needs_a_session() {
        with(SecuritySettings.withUsers(SecuredApp.USERS, AnonymousAccess.NONE), (c, origin) -> {
            assertEquals(401, c.send("GET", "/api/layers", null).status());
            assertEquals(401, c.send("GET", "/api/scenarios", null).status());
            Answer me = c.send("GET", "/api/me", null);
            assertEquals(200, me.status());
            assertEquals("none", me.json().get("anonymous").asText());
            assertTrue(me.json().get("user").isNull());
            Session viewer = c.session("wei", SecuredApp.VIEWER_PW);
            assertEquals(200, c.as(viewer, "GET", "/api/layers", null).status());
            JsonNode who = c.as(viewer, "GET", "/api/me", null).json();
            assertEquals("wei", who.at("/user/name").asText());
            assertEquals("viewer", who.at("/user/role").asText());
            assertEquals(viewer.csrf(), who.get("csrfToken").asText());
        });
    }

    @Test
    void without_accounts_a_single_user_server_allows_everything_but_foreign_origins() {
        with(SecuritySettings.open(), (c, origin) -> {
            assertEquals(200, c.send("PUT", "/api/scenarios/a", "{}").status());
            assertEquals(200, c.send("GET", "/api/audit", null).status());
            assertEquals(403, c.send("PUT", "/api/scenarios/a", "{}", "Origin", "http://evil.example").status());
            assertEquals("open", c.send("GET", "/api/me", null).json().get("anonymous").asText());
        });
    }

    @Test
    void read_only_without_accounts_refuses_every_write_with_401() {
        with(new SecuritySettings(java.util.Optional.empty(), AnonymousAccess.READ_ONLY, false,
                SecuritySettings.DEFAULT_IDLE, AuditLog.inMemory()), (c, origin) -> {
            Answer put = c.send("PUT", "/api/scenarios/a", "{}");
            assertEquals(401, put.status());
            assertTrue(put.json().get("error").asText().contains("this server has no accounts"), put.body());
            assertEquals(200, c.send("GET", "/api/layers", null).status());
            assertEquals(401, c.login("li", SecuredApp.PLANNER_PW).status());
        });
    }

    @Test
    void the_session_cookie_is_httponly_samesite_strict_and_secure_when_asked() {
        with(readOnly(AuditLog.inMemory()), (c, origin) -> {
            String cookie = c.login("li", SecuredApp.PLANNER_PW).headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.startsWith(WebSecurity.SESSION_COOKIE + "="), cookie);
            assertTrue(cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Strict"), cookie);
            assertTrue(!cookie.contains("Secure"), "plain HTTP without --secure-cookies: " + cookie);
        });
        with(new SecuritySettings(java.util.Optional.of(SecuredApp.USERS), AnonymousAccess.READ_ONLY, true,
                SecuritySettings.DEFAULT_IDLE, AuditLog.inMemory()), (c, origin) -> {
            String cookie = c.login("li", SecuredApp.PLANNER_PW).headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("Secure"), cookie);
        });
    }

    @Test
    void login_rotates_the_session_id_and_the_old_session_ends() {
        with(readOnly(AuditLog.inMemory()), (c, origin) -> {
            Session first = c.session("wei", SecuredApp.VIEWER_PW);
            Answer again = c.login("li", SecuredApp.PLANNER_PW, "Cookie", COOKIE + first.cookie());
            assertEquals(200, again.status());
            String second = again.sessionCookie();
            assertNotNull(second);
            assertNotEquals(first.cookie(), second);
            assertNotEquals(first.csrf(), again.json().get("csrfToken").asText());
            assertTrue(c.send("GET", "/api/me", null, "Cookie", COOKIE + first.cookie()).json().get("user").isNull());
            assertEquals("li", c.send("GET", "/api/me", null, "Cookie", COOKIE + second).json().at("/user/name")
                .asText());
        });
    }

    @Test
    void a_failed_login_answers_the_same_for_an_unknown_name_and_a_wrong_password_and_both_are_audited() {
        AuditLog audit = AuditLog.inMemory();
        with(readOnly(audit), (c, origin) -> {
            Answer unknown = c.login("nobody", SecuredApp.PLANNER_PW);
            Answer wrong = c.login("li", "not the password");
            assertEquals(401, unknown.status());
            assertEquals(unknown.status(), wrong.status());
            assertEquals(unknown.body(), wrong.body());
            assertEquals("login failed: unknown name or wrong password", wrong.json().get("error").asText());
            assertEquals(null, wrong.sessionCookie());
            c.session("li", SecuredApp.PLANNER_PW);
            List<AuditEntry> e = audit.entries();
            assertEquals(List.of("nobody", "li", "li"), e.stream().map(AuditEntry::user).toList());
            assertEquals(List.of("login failed", "login failed", "login"), e.stream().map(AuditEntry::what).toList());
            assertEquals(List.of(401, 401, 200), e.stream().map(AuditEntry::status).toList());
            assertTrue(e.stream().noneMatch(x -> x.toString().contains("password")), e.toString());
            // the password field is never echoed, even when it is not a string
            Answer bad = c.send("POST", "/api/login", "{\"name\":\"li\",\"password\":12345678901}");
            assertEquals(400, bad.status());
            assertTrue(!bad.body().contains("12345678901"), bad.body());
        });
    }

    @Test
    void repeated_failed_logins_lock_the_name_with_429_and_retry_after_even_for_the_right_password() {
        with(readOnly(AuditLog.inMemory()), (c, origin) -> {
            for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
                assertEquals(401, c.login("li", "wrong " + i).status());
            }
            assertEquals(401, c.login("li", "wrong again").status());
            Answer locked = c.login("li", SecuredApp.PLANNER_PW);
            assertEquals(429, locked.status(), locked.body());
            assertEquals("30", locked.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(null, locked.sessionCookie());
            // an unknown name locks the same way: nothing tells which names exist
            for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
                c.login("nobody", "wrong " + i);
            }
            assertEquals(429, c.login("nobody", "x").status());
            // another account is not locked by them
            assertEquals(200, c.login("wei", SecuredApp.VIEWER_PW).status());
        });
    }

    @Test
    void answers_carry_security_headers_and_the_account_answers_are_not_cached() {
        with(readOnly(AuditLog.inMemory()), (c, origin) -> {
            Answer layers = c.send("GET", "/api/layers", null);
            assertEquals("nosniff", layers.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("DENY", layers.headers().firstValue("X-Frame-Options").orElseThrow());
            assertEquals("frame-ancestors 'none'", layers.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertEquals("same-origin", layers.headers().firstValue("Referrer-Policy").orElseThrow());
            assertTrue(layers.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS");
            assertEquals("no-store", c.send("GET", "/api/me", null).headers().firstValue("Cache-Control").orElseThrow());
            assertEquals("no-store", c.login("li", SecuredApp.PLANNER_PW).headers().firstValue("Cache-Control")
                .orElseThrow());
        });
    }

    @Test
    void the_session_id_is_taken_from_the_cookie_only_never_from_the_url() {
        with(readOnly(AuditLog.inMemory()), (c, origin) -> {
            Session planner = c.session("li", SecuredApp.PLANNER_PW);
            String jsessionInUrl = "/api/me;" + WebSecurity.SESSION_COOKIE + "=" + planner.cookie();
            Answer me = c.send("GET", jsessionInUrl, null);
            assertTrue(me.status() != 200 || me.json().get("user").isNull(), me.status() + " " + me.body());
            Answer put = c.send("PUT", "/api/scenarios/a;" + WebSecurity.SESSION_COOKIE + "=" + planner.cookie(),
                "{}", WebSecurity.CSRF_HEADER, planner.csrf());
            assertTrue(put.status() == 401 || put.status() == 400 || put.status() == 404, put.status() + " " + put.body());
        });
    }

    @Test
    void a_password_longer_than_128_characters_is_refused_before_hashing_never_truncated() {
        with(readOnly(AuditLog.inMemory()), (c, origin) -> {
            Answer a = c.login("li", SecuredApp.PLANNER_PW + "x".repeat(200));
            assertEquals(400, a.status(), a.body());
            assertEquals("password: at most 128 characters", a.json().get("error").asText());
            // the right password with one more character is a wrong password: nothing is cut off
            assertEquals(401, c.login("li", SecuredApp.PLANNER_PW + "!").status());
        });
    }

    @Test
    void the_session_ends_after_the_configured_idle_time() {
        with(new SecuritySettings(java.util.Optional.of(SecuredApp.USERS), AnonymousAccess.READ_ONLY, false,
                java.time.Duration.ofMinutes(7), AuditLog.inMemory()), (c, origin) -> {
            Session s = c.session("wei", SecuredApp.VIEWER_PW);
            assertEquals(420, c.as(s, "GET", "/api/test/idle", null).json().get("seconds").asInt());
            assertEquals(7, c.as(s, "GET", "/api/me", null).json().get("idleTimeoutMinutes").asInt());
        });
    }

    @Test
    void a_signed_in_user_changes_the_password_with_the_current_one_and_the_store_gets_the_new_hash() {
        List<UserAccount> stored = new java.util.ArrayList<>();
        UserDirectory users = UserDirectory.of(java.util.Map.of(stored::add, List.of(
            new UserAccount("wei", Role.VIEWER, PasswordHashes.hash(SecuredApp.VIEWER_PW.toCharArray())))));
        AuditLog audit = AuditLog.inMemory();
        with(SecuritySettings.withUsers(users, AnonymousAccess.READ_ONLY).withAudit(audit), (c, origin) -> {
            assertEquals(401, c.send("POST", "/api/password", "{\"current\":\"a\",\"new\":\"b\"}").status());
            Session s = c.session("wei", SecuredApp.VIEWER_PW);
            Answer wrong = c.as(s, "POST", "/api/password", "{\"current\":\"not it at all\",\"new\":\"brand new password\"}");
            assertEquals(403, wrong.status(), wrong.body());
            assertEquals("current: not the password in force", wrong.json().get("error").asText());
            Answer weak = c.as(s, "POST", "/api/password", "{\"current\":\"" + SecuredApp.VIEWER_PW
                + "\",\"new\":\"short\"}");
            assertEquals(400, weak.status(), weak.body());
            assertEquals("new: a password needs at least 12 characters, was 5", weak.json().get("error").asText());
            Answer noToken = c.send("POST", "/api/password", "{}", "Cookie", COOKIE + s.cookie());
            assertEquals(403, noToken.status());
            assertEquals(List.of(), stored);

            Answer ok = c.as(s, "POST", "/api/password", "{\"current\":\"" + SecuredApp.VIEWER_PW
                + "\",\"new\":\"brand new password\"}");
            assertEquals(200, ok.status(), ok.body());
            assertEquals(1, stored.size());
            assertTrue(PasswordHashes.verify("brand new password".toCharArray(), stored.get(0).passwordHash()));
            assertEquals(Role.VIEWER, stored.get(0).role());
            assertEquals(401, c.login("wei", SecuredApp.VIEWER_PW).status());
            assertEquals(200, c.login("wei", "brand new password").status());
            List<AuditEntry> changes = audit.entries().stream().filter(e -> e.path().equals("/api/password")).toList();
            // the anonymous try, the wrong current password, the weak one, the one without the CSRF token, the change
            assertEquals(java.util.Arrays.asList(null, "password change failed: wrong current password",
                "password change refused: too weak", null, "password changed"),
                changes.stream().map(AuditEntry::what).toList());
            assertEquals(List.of(401, 403, 400, 403, 200), changes.stream().map(AuditEntry::status).toList());
            assertTrue(audit.entries().stream().noneMatch(e -> String.valueOf(e.what()).contains("brand new")));
        });
    }
}

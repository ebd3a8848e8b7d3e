package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.eldercare.planner.web.TestCounty;
import org.eldercare.planner.web.auth.PasswordHashes;
import org.eldercare.planner.web.auth.Role;
import org.eldercare.planner.web.auth.UserAccount;
import org.eldercare.planner.web.auth.UserFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The modes {@code serve} chooses: on 0.0.0.0 without {@code --users} the server is read-only to everyone (a write is
 * 401, layers and analyses answer); with {@code --users} anonymous visitors get nothing by default; the audit log
 * goes beside the workspace; bad security options exit 2 with one line.
 */
class ServeSecurityTest {
    @TempDir
    static Path tmp;
    static Path gpkg;

    @BeforeAll
    static void workspace() throws Exception {
        gpkg = tmp.resolve("county.gpkg");
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            ws.write(TestCounty.data());
        }
    }

    record Started(Javalin app, String out) {}

    static Started start(String... args) {
        ServeCommand cmd = new ServeCommand();
        CommandLine cl = new CommandLine(cmd);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.parseArgs(args);
        Javalin app = cmd.start();
        return new Started(app, out.toString());
    }

    static int status(Javalin app, String method, String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void on_every_address_without_users_the_server_is_read_only_and_audits_the_refused_write() throws Exception {
        Started s = start("--data", gpkg.toString(), "--port", "0", "--host", "0.0.0.0");
        try {
            assertTrue(s.out().contains("accounts:             none; anonymous visitors: read-only; audit log: "
                + tmp.resolve("county.audit.jsonl")), s.out());
            assertEquals(401, status(s.app(), "PUT", "/api/scenarios/plan-a", "{}"));
            assertEquals(200, status(s.app(), "GET", "/api/layers", null));
            assertEquals(200, status(s.app(), "POST", "/api/what-if", "{\"changes\":[]}"));
            String log = Files.readString(tmp.resolve("county.audit.jsonl"));
            assertTrue(log.contains("\"method\":\"PUT\",\"path\":\"/api/scenarios/plan-a\",\"status\":401,"
                + "\"what\":\"plan-a\""), log);
        } finally {
            s.app().stop();
        }
    }

    @Test
    void on_localhost_without_users_the_single_user_server_is_open() throws Exception {
        Started s = start("--data", gpkg.toString(), "--port", "0", "--audit-log", tmp.resolve("local.jsonl").toString());
        try {
            assertTrue(s.out().contains("anonymous visitors: open"), s.out());
            // not refused: the write reaches the saved-scenario endpoint, which wants the revision read (428)
            assertEquals(428, status(s.app(), "PUT", "/api/scenarios/plan-a", "{}"));
        } finally {
            s.app().stop();
        }
    }

    @Test
    void with_users_anonymous_visitors_get_nothing_by_default_or_read_only_when_asked() throws Exception {
        Path users = tmp.resolve("users.properties");
        UserFile.put(users, new UserAccount("wang", Role.PLANNER, PasswordHashes.hash("long enough password".toCharArray())));
        Started none = start("--data", gpkg.toString(), "--port", "0", "--users", users.toString());
        try {
            assertTrue(none.out().contains("accounts:             1 from " + users + "; anonymous visitors: none"),
                none.out());
            assertEquals(401, status(none.app(), "GET", "/api/layers", null));
            assertEquals(200, status(none.app(), "GET", "/api/me", null));
            assertEquals(200, status(none.app(), "GET", "/", null));
        } finally {
            none.app().stop();
        }
        Started ro = start("--data", gpkg.toString(), "--port", "0", "--users", users.toString(),
            "--anonymous", "read-only");
        try {
            assertEquals(200, status(ro.app(), "GET", "/api/layers", null));
            assertEquals(401, status(ro.app(), "DELETE", "/api/scenarios/plan-a", null));
        } finally {
            ro.app().stop();
        }
    }

    @Test
    void bad_security_options_exit_2_with_one_line() {
        CliRun none = CliRun.of("serve", "--data", gpkg.toString(), "--port", "0", "--anonymous", "none");
        assertEquals(2, none.code());
        assertEquals("error: anonymous: none needs --users FILE, else nobody could use the server", none.err().strip());
        CliRun mode = CliRun.of("serve", "--data", gpkg.toString(), "--port", "0", "--anonymous", "all");
        assertEquals(2, mode.code());
        assertEquals("error: anonymous: expected read-only or none, was 'all'", mode.err().strip());
        CliRun missing = CliRun.of("serve", "--data", gpkg.toString(), "--port", "0", "--users", "/nonexistent/u");
        assertEquals(2, missing.code());
        assertEquals("error: users: no such file '/nonexistent/u'", missing.err().strip());
        CliRun idle = CliRun.of("serve", "--port", "0", "--session-idle-minutes", "0");
        assertEquals(2, idle.code());
        assertTrue(idle.err().startsWith("error: Invalid value for option '--session-idle-minutes'"), idle.err());
    }

    @Test
    void a_changed_password_is_written_back_to_the_users_file() throws Exception {
        Path users = tmp.resolve("change.properties");
        UserFile.put(users, new UserAccount("wang", Role.PLANNER, PasswordHashes.hash("long enough password".toCharArray())));
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs("--data", gpkg.toString(), "--users", users.toString(), "--audit-log",
            tmp.resolve("change.jsonl").toString());
        var directory = cmd.security(gpkg.toString()).users().orElseThrow();
        directory.changePassword("wang", "a different password".toCharArray());
        var reread = UserFile.read(users);
        assertTrue(reread.authenticate("wang", "a different password".toCharArray()).isPresent());
        assertTrue(reread.authenticate("wang", "long enough password".toCharArray()).isEmpty());
        assertEquals(Role.PLANNER, reread.find("wang").orElseThrow().role());
    }
}

package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.eldercare.planner.store.PgCredentials;
import org.eldercare.planner.web.auth.AnonymousAccess;
import org.eldercare.planner.web.auth.AuditEntry;
import org.eldercare.planner.web.auth.PasswordHashes;
import org.eldercare.planner.web.auth.PostgisAccounts;
import org.eldercare.planner.web.auth.Role;
import org.eldercare.planner.web.auth.SecuritySettings;
import org.eldercare.planner.web.auth.UserAccount;
import org.eldercare.planner.web.auth.UserFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Accounts and the audit log in the PostGIS store (migration V3, in a schema of its own on the tests' shared server,
 * dropped afterwards): {@code users add --db}, {@code serve --db} reading them, audit entries in
 * {@code planner_audit} as well as the file, the table refusing updates and deletes, and a name in both the file and
 * the store refused.
 */
class UsersPostgisTest {
    static final String PG_URL = ServePostgisTest.PG_URL;
    static final String PW = "planner password 2";
    static String schema;
    static String url;
    static Properties credentials = new Properties();

    @BeforeAll
    static void createSchema() {
        if (System.getenv("PLANNER_DB_CONFIG") == null && System.getenv("PGPASSWORD") == null) {
            System.setProperty("planner.db.config", "/tmp/planner-postgis/db.properties");
        }
        PgCredentials c = PgCredentials.resolve();
        c.user().ifPresent(u -> credentials.setProperty("user", u));
        c.password().ifPresent(pw -> credentials.setProperty("password", pw));
        schema = "auth_" + Long.toHexString(System.nanoTime());
        try (Connection con = DriverManager.getConnection(PG_URL, credentials); Statement st = con.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException ex) {
            fail("PostGIS is not reachable at " + PG_URL + ": " + ex.getMessage() + ". Start it with "
                + "`scripts/postgis.sh start` or run `scripts/test.sh`.", ex);
        }
        url = PG_URL + "?currentSchema=" + schema + ",public";
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection con = DriverManager.getConnection(PG_URL, credentials); Statement st = con.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    static ServeCommand serve(String... args) {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test
    void accounts_added_to_the_store_sign_in_and_audit_entries_go_to_the_table_and_the_file(@TempDir Path tmp)
            throws Exception {
        CliRun added = UsersCommandTest.withStdin(PW + "\n", "users", "add", "li", "--role", "planner", "--db", url);
        assertEquals(0, added.code(), added.err());
        assertEquals("added li (planner) in planner_users of " + url, added.out().strip());
        CliRun replaced = UsersCommandTest.withStdin(PW + "\n", "users", "add", "li", "--role", "admin", "--db", url);
        assertEquals("replaced li (admin) in planner_users of " + url, replaced.out().strip());
        List<UserAccount> users = PostgisAccounts.open(url).users();
        assertEquals(1, users.size());
        assertEquals(Role.ADMIN, users.get(0).role());
        assertTrue(PasswordHashes.verify(PW.toCharArray(), users.get(0).passwordHash()));

        Path file = tmp.resolve("audit.jsonl");
        SecuritySettings s = serve("--db", url, "--audit-log", file.toString()).security(url);
        assertEquals(AnonymousAccess.NONE, s.anonymous());
        assertTrue(s.users().orElseThrow().authenticate("li", PW.toCharArray()).isPresent());
        assertTrue(s.audit().location().startsWith("planner_audit in "), s.audit().location());
        Instant t = Instant.parse("2026-12-04T05:00:00Z");
        s.audit().append(new AuditEntry(t, "li", "admin", "PUT", "/api/scenarios/a", 200, "a", "10.0.0.7"));
        List<AuditEntry> rows = PostgisAccounts.open(url).audit().entries();
        assertEquals(List.of(new AuditEntry(t, "li", "admin", "PUT", "/api/scenarios/a", 200, "a", "10.0.0.7")), rows);
        assertEquals(1, Files.readAllLines(file).size());
        // a password changed on the server goes back to planner_users
        s.users().orElseThrow().changePassword("li", "another password 3".toCharArray());
        assertTrue(PasswordHashes.verify("another password 3".toCharArray(),
            PostgisAccounts.open(url).users().get(0).passwordHash()));

        try (Connection con = DriverManager.getConnection(url, credentials); Statement st = con.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> st.execute("UPDATE planner_audit SET what = 'x'"));
            assertTrue(update.getMessage().contains("planner_audit is append-only: UPDATE refused"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> st.execute("DELETE FROM planner_audit"));
            assertTrue(delete.getMessage().contains("append-only: DELETE refused"), delete.getMessage());
        }

        Path usersFile = tmp.resolve("users.properties");
        UserFile.put(usersFile, new UserAccount("li", Role.VIEWER, PasswordHashes.hash(PW.toCharArray())));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () ->
            serve("--db", url, "--users", usersFile.toString(), "--audit-log", file.toString()).security(url));
        assertEquals("users: 'li' is both in " + usersFile + " and in the database's planner_users; keep one",
            both.getMessage());
    }

    @Test
    void users_add_needs_exactly_one_of_file_and_db() {
        CliRun neither = UsersCommandTest.withStdin(PW + "\n", "users", "add", "li", "--role", "planner");
        assertEquals(2, neither.code());
        assertEquals("error: file: give either --file FILE or --db JDBC_URL", neither.err().strip());
    }
}

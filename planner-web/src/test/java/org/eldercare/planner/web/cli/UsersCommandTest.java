package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eldercare.planner.web.auth.PasswordHashes;
import org.eldercare.planner.web.auth.Role;
import org.eldercare.planner.web.auth.UserAccount;
import org.eldercare.planner.web.auth.UserFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planner users hash|add}: the password comes from stdin (no console under the test), never from argv. */
class UsersCommandTest {
    static CliRun withStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void hash_prints_a_pbkdf2_hash_of_the_stdin_password() {
        CliRun r = withStdin("养老规划 password\n", "users", "hash");
        assertEquals(0, r.code(), r.err());
        String hash = r.out().strip();
        assertTrue(hash.startsWith("pbkdf2-sha256$210000$"), hash);
        assertTrue(PasswordHashes.verify("养老规划 password".toCharArray(), hash));
    }

    @Test
    void add_writes_the_account_and_replaces_it_by_name(@TempDir Path dir) {
        Path f = dir.resolve("users.properties");
        CliRun r = withStdin("first password 1\n", "users", "add", "wang", "--role", "planner", "--file", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("added wang (planner) in " + f, r.out().strip());
        CliRun again = withStdin("second password 2\n", "users", "add", "wang", "--role", "ADMIN", "--file",
            f.toString());
        assertEquals("replaced wang (admin) in " + f, again.out().strip());
        UserAccount a = UserFile.read(f).find("wang").orElseThrow();
        assertEquals(Role.ADMIN, a.role());
        assertTrue(PasswordHashes.verify("second password 2".toCharArray(), a.passwordHash()));
    }

    @Test
    void a_short_password_a_bad_role_or_no_password_exit_2_with_one_line(@TempDir Path dir) {
        Path f = dir.resolve("users.properties");
        CliRun shortPw = withStdin("short\n", "users", "add", "wang", "--role", "viewer", "--file", f.toString());
        assertEquals(2, shortPw.code());
        assertEquals("error: password: a password needs at least 12 characters, was 5", shortPw.err().strip());
        assertTrue(Files.notExists(f));
        CliRun role = withStdin("long enough password\n", "users", "add", "wang", "--role", "boss", "--file",
            f.toString());
        assertEquals(2, role.code());
        assertEquals("error: role: unknown role 'boss', expected one of: viewer, planner, admin", role.err().strip());
        CliRun none = withStdin("", "users", "hash");
        assertEquals(2, none.code());
        assertEquals("error: password: expected on standard input (one line), got nothing", none.err().strip());
        // there is no option to pass the password itself
        CliRun argv = withStdin("", "users", "hash", "--password", "long enough password");
        assertEquals(2, argv.code());
        assertTrue(argv.err().startsWith("error: Unknown options: '--password'"), argv.err());
    }
}

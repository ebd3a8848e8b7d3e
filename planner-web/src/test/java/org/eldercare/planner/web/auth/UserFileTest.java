package org.eldercare.planner.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file: read back what was written, and every bad line refused naming file, line, user and field. */
class UserFileTest {
    static final String HASH = PasswordHashes.hash("long enough password".toCharArray());

    @Test
    void put_then_read_gives_the_accounts_and_replaces_by_name(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("users.properties");
        assertFalse(UserFile.put(f, new UserAccount("wang", Role.PLANNER, HASH)));
        assertFalse(UserFile.put(f, new UserAccount("王芳", Role.VIEWER, HASH)));
        assertTrue(UserFile.put(f, new UserAccount("wang", Role.ADMIN, HASH)));
        List<UserAccount> a = UserFile.read(f).accounts();
        assertEquals(List.of("王芳", "wang"), a.stream().map(UserAccount::name).toList());
        assertEquals(Role.ADMIN, a.get(1).role());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertTrue(UserFile.read(f).authenticate("wang", "long enough password".toCharArray()).isPresent());
        assertTrue(UserFile.read(f).authenticate("wang", "long enough passwort".toCharArray()).isEmpty());
        assertTrue(UserFile.read(f).authenticate("li", "long enough password".toCharArray()).isEmpty());
    }

    @Test
    void bad_lines_are_refused_naming_file_line_user_and_field(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("users.properties");
        assertEquals("users: " + f + " line 2 (user 'wang'), role: unknown role 'boss', expected one of: viewer, "
            + "planner, admin", refused(f, "# staff\nwang = boss " + HASH + "\n"));
        assertEquals("users: " + f + " line 1 (user 'wang'), password hash: expected pbkdf2-sha256$ITERATIONS$SALT$HASH"
            + " (made by `planner users hash`)", refused(f, "wang = planner secret\n"));
        assertEquals("users: " + f + " line 1 (user 'wang'): expected NAME = ROLE HASH, got 1 value(s) after '='",
            refused(f, "wang = planner\n"));
        assertEquals("users: " + f + " line 1: expected NAME = ROLE HASH", refused(f, "wang planner\n"));
        assertEquals("users: " + f + " line 3 (user 'wang'), name: the user is already defined above",
            refused(f, "wang = viewer " + HASH + "\n\nwang = admin " + HASH + "\n"));
        assertTrue(refused(f, "wa ng = viewer " + HASH + "\n").contains("(user 'wa ng'), name: 1-64 letters"));
        assertEquals("users: no such file '" + dir.resolve("none") + "'",
            assertThrows(IllegalArgumentException.class, () -> UserFile.read(dir.resolve("none"))).getMessage());
    }

    static String refused(Path f, String text) throws Exception {
        Files.writeString(f, text);
        return assertThrows(IllegalArgumentException.class, () -> UserFile.read(f)).getMessage();
    }
}

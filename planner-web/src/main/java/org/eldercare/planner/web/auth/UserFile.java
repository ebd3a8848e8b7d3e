package org.eldercare.planner.web.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users file of {@code planner serve --users FILE}: one account a line, {@code NAME = ROLE HASH}, e.g.
 * {@code wang = planner pbkdf2-sha256$210000$…$…}; blank lines and lines starting with {@code #} are skipped. A bad
 * line is refused with the file, line, user and field named; nothing is dropped silently. Written by
 * {@code planner users add} (atomically, owner-only permissions where the file system has them).
 */
public final class UserFile {
    private UserFile() {}

    /**
     * The accounts of {@code file}, in file order.
     *
     * @throws IllegalArgumentException naming the file, line, user and field of the first bad line (or a duplicate)
     */
    public static UserDirectory read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("users: no such file '" + file + "'");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("users: cannot read '" + file + "': " + e.getMessage(), e);
        }
        Map<String, UserAccount> accounts = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = "users: " + file + " line " + (i + 1);
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(at + ": expected NAME = ROLE HASH");
            }
            String name = line.substring(0, eq).strip();
            String[] value = line.substring(eq + 1).strip().split("\\s+");
            at += " (user '" + name + "')";
            if (value.length != 2) {
                throw new IllegalArgumentException(at + ": expected NAME = ROLE HASH, got " + value.length
                    + " value(s) after '='");
            }
            UserAccount a;
            try {
                a = new UserAccount(name, Role.of(value[0]), value[1]);
            } catch (IllegalArgumentException e) {
                String field = e.getMessage().startsWith("unknown role") ? "role: " : "";
                throw new IllegalArgumentException(at + ", " + field + e.getMessage(), e);
            }
            if (accounts.putIfAbsent(name, a) != null) {
                throw new IllegalArgumentException(at + ", name: the user is already defined above");
            }
        }
        return new UserDirectory(List.copyOf(accounts.values()));
    }

    /**
     * Adds {@code account} to {@code file} (created when missing) or replaces the line of the same name; the file
     * is rewritten through a temporary file and an atomic move. Answers whether an account was replaced.
     */
    public static boolean put(Path file, UserAccount account) {
        List<UserAccount> all = new ArrayList<>(Files.exists(file) ? read(file).accounts() : List.of());
        boolean replaced = all.removeIf(a -> a.name().equals(account.name()));
        all.add(account);
        StringBuilder text = new StringBuilder("# planner users: NAME = ROLE HASH (planner users add NAME --role R --file F)\n");
        for (UserAccount a : all) {
            text.append(a.name()).append(" = ").append(a.role().id()).append(' ').append(a.passwordHash()).append('\n');
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".users", ".tmp");
            try {
                setOwnerOnly(tmp);
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("file: cannot write '" + file + "': " + e.getMessage(), e);
        }
        return replaced;
    }

    private static void setOwnerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions apply
        }
    }
}

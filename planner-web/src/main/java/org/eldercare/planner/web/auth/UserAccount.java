package org.eldercare.planner.web.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One account of a shared server: its name, role and password hash ({@link PasswordHashes}). Immutable.
 *
 * @param name         1–64 letters, digits, {@code . _ @ -}
 * @param role         what the account may do
 * @param passwordHash {@code pbkdf2-sha256$…}
 */
public record UserAccount(String name, Role role, String passwordHash) {
    /** Allowed account names. */
    public static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    public UserAccount {
        Objects.requireNonNull(role, "role");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: 1-64 letters, digits, '.', '_', '@' or '-' expected, was '"
                + name + "'");
        }
        String why = PasswordHashes.checkFormat(passwordHash);
        if (why != null) {
            throw new IllegalArgumentException("password hash: " + why);
        }
    }

    @Override
    public String toString() {
        return "UserAccount[" + name + ", " + role.id() + "]";
    }
}

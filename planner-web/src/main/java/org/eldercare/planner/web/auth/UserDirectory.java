package org.eldercare.planner.web.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts a server knows (from {@link UserFile}); checks a name and password in the time of one hash whether
 * or not the name exists. Immutable.
 */
public final class UserDirectory {
    private final Map<String, UserAccount> byName = new LinkedHashMap<>();

    public UserDirectory(List<UserAccount> accounts) {
        for (UserAccount a : accounts) {
            if (byName.putIfAbsent(a.name(), a) != null) {
                throw new IllegalArgumentException("name: user '" + a.name() + "' is defined twice");
            }
        }
    }

    public List<UserAccount> accounts() {
        return List.copyOf(byName.values());
    }

    public Optional<UserAccount> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /**
     * The account when {@code password} is its password; empty for an unknown name or a wrong password alike, after
     * the same PBKDF2 work in both cases.
     */
    public Optional<UserAccount> authenticate(String name, char[] password) {
        Optional<UserAccount> a = find(name);
        if (a.isEmpty()) {
            PasswordHashes.verifyNobody(password);
            return Optional.empty();
        }
        return PasswordHashes.verify(password, a.get().passwordHash()) ? a : Optional.empty();
    }
}

package org.eldercare.planner.web.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The accounts a server knows (from {@link UserFile} and, with {@code --db}, {@link PostgisAccounts}); checks a name
 * and password in the time of one hash whether or not the name exists. An account's password can be changed
 * ({@link #changePassword}): the new hash is written back where the account came from, then used. Thread-safe.
 */
public final class UserDirectory {
    /** Where an account is kept: writes it back after a password change. */
    public interface Store extends Consumer<UserAccount> {}

    private static final Store NOWHERE = a -> {
        throw new IllegalStateException("the account '" + a.name() + "' has no store to write it to");
    };

    private final Map<String, UserAccount> byName = new LinkedHashMap<>();
    private final Map<String, Store> stores = new LinkedHashMap<>();

    /** Accounts kept nowhere (tests, embedded servers): their passwords cannot be changed. */
    public UserDirectory(List<UserAccount> accounts) {
        add(accounts, NOWHERE);
    }

    private UserDirectory() {}

    /** Accounts from several stores, each list with the store it came from; a name may appear once. */
    public static UserDirectory of(Map<Store, List<UserAccount>> sources) {
        UserDirectory d = new UserDirectory();
        sources.forEach((store, accounts) -> d.add(accounts, store));
        return d;
    }

    private void add(List<UserAccount> accounts, Store store) {
        for (UserAccount a : accounts) {
            if (byName.putIfAbsent(a.name(), a) != null) {
                throw new IllegalArgumentException("name: user '" + a.name() + "' is defined twice");
            }
            stores.put(a.name(), store);
        }
    }

    public synchronized List<UserAccount> accounts() {
        return List.copyOf(byName.values());
    }

    public synchronized Optional<UserAccount> find(String name) {
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

    /**
     * Gives {@code name} the password {@code newPassword} (already checked for strength): the new hash is written to
     * the account's store first, then used for sign-ins.
     */
    public void changePassword(String name, char[] newPassword) {
        UserAccount old = find(name).orElseThrow(() -> new IllegalArgumentException("name: no user '" + name + "'"));
        UserAccount changed = new UserAccount(old.name(), old.role(), PasswordHashes.hash(newPassword));
        synchronized (this) {
            stores.get(name).accept(changed);
            byName.put(name, changed);
        }
    }
}

package org.eldercare.planner.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * User name and password for a PostGIS workspace, taken from the environment or a config file, never from the
 * command line. {@link #toString()} never shows the password. Immutable.
 *
 * <p>{@link #resolve()} looks, in order, at:
 * <ol>
 *   <li>the environment variables {@code PGUSER} and {@code PGPASSWORD};</li>
 *   <li>the properties file named by the environment variable {@code PLANNER_DB_CONFIG}, else by the system
 *       property {@code planner.db.config}, else {@code ~/.config/eldercare-planner/db.properties} when it exists,
 *       with keys {@code user} and {@code password} (keep it mode 600);</li>
 *   <li>nothing: the PostgreSQL driver then uses {@code ~/.pgpass} (or {@code PGPASSFILE}) for the password.</li>
 * </ol>
 *
 * @param user     user name, empty to let the driver decide
 * @param password password, empty to let the driver look in ~/.pgpass
 */
public record PgCredentials(Optional<String> user, Optional<String> password) {
    public PgCredentials {
        if (user == null || password == null) {
            throw new IllegalArgumentException("user, password: required (may be empty Optionals)");
        }
    }

    /** Credentials from the process environment and the default config file. */
    public static PgCredentials resolve() {
        String property = System.getProperty("planner.db.config");
        Path config = property != null && !property.isBlank() ? Path.of(property)
            : Path.of(System.getProperty("user.home"), ".config", "eldercare-planner", "db.properties");
        return resolve(System.getenv(), config);
    }

    /**
     * Credentials from the given environment, else the config file it names ({@code PLANNER_DB_CONFIG}) or
     * {@code defaultConfig}.
     *
     * @throws IllegalArgumentException when a named config file is missing or unreadable
     */
    static PgCredentials resolve(Map<String, String> env, Path defaultConfig) {
        Optional<String> user = nonBlank(env.get("PGUSER"));
        Optional<String> password = nonBlank(env.get("PGPASSWORD"));
        String named = env.get("PLANNER_DB_CONFIG");
        Path config = named != null && !named.isBlank() ? Path.of(named) : defaultConfig;
        if ((user.isEmpty() || password.isEmpty()) && config != null
                && (Files.isRegularFile(config) || named != null && !named.isBlank())) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("PLANNER_DB_CONFIG: cannot read database config file " + config
                    + ": " + e.getMessage());
            }
            if (user.isEmpty()) {
                user = nonBlank(p.getProperty("user"));
            }
            if (password.isEmpty()) {
                password = nonBlank(p.getProperty("password"));
            }
        }
        return new PgCredentials(user, password);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** Driver properties carrying these credentials. */
    Properties toProperties() {
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        return p;
    }

    @Override
    public String toString() {
        return "PgCredentials[user=" + user.orElse("<driver default>") + ", password="
            + (password.isPresent() ? "<set>" : "<none>") + "]";
    }
}

package org.eldercare.planner.store;

import java.nio.file.Path;
import java.util.Locale;

/** Opens a {@link Workspace} from what a user types: a {@code .gpkg} path or a PostgreSQL JDBC URL. */
public final class Workspaces {
    private Workspaces() {}

    /**
     * {@code jdbc:postgresql://host:port/db} → {@link PostgisWorkspace} (credentials from {@link PgCredentials}),
     * a path ending in {@code .gpkg} → {@link GeoPackageWorkspace} (created by its first write).
     *
     * @throws IllegalArgumentException for anything else, naming the accepted forms
     */
    public static Workspace open(String pathOrJdbcUrl) {
        if (pathOrJdbcUrl == null || pathOrJdbcUrl.isBlank()) {
            throw new IllegalArgumentException("workspace: required: a .gpkg file or jdbc:postgresql://host:port/db");
        }
        String s = pathOrJdbcUrl.strip();
        if (s.startsWith("jdbc:")) {
            return PostgisWorkspace.connect(s);
        }
        if (s.toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
            return GeoPackageWorkspace.open(Path.of(s));
        }
        throw new IllegalArgumentException("workspace: expected a .gpkg file or jdbc:postgresql://host:port/db, was '"
            + PostgisWorkspace.redact(s) + "'");
    }
}

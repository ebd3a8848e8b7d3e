package org.eldercare.planner.web.server;

import java.util.Optional;

/**
 * How the server presents the data: the basemap, if any. Immutable.
 *
 * @param basemap the tile basemap; empty draws our own admin boundaries and roads on a plain background (offline use)
 */
public record ServerSettings(Optional<Basemap> basemap) {
    public ServerSettings {
        java.util.Objects.requireNonNull(basemap, "basemap");
    }

    /** No basemap: works without network access. */
    public static ServerSettings offline() {
        return new ServerSettings(Optional.empty());
    }
}

package org.eldercare.planner.web.server;

import java.util.Objects;
import java.util.Optional;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;

/**
 * How the server presents the data: the basemap, if any, and the policy profile whose rules the analysis layers and
 * KPI targets use. Immutable.
 *
 * @param basemap the tile basemap; empty draws our own admin boundaries and roads on a plain background (offline use)
 * @param profile the policy profile (targets and their citations)
 */
public record ServerSettings(Optional<Basemap> basemap, PolicyProfile profile) {
    /** Id of the profile used when none is chosen: the national baseline. */
    public static final String DEFAULT_PROFILE = "national";

    public ServerSettings {
        Objects.requireNonNull(basemap, "basemap");
        Objects.requireNonNull(profile, "profile");
    }

    /** No basemap (works without network access), national profile. */
    public static ServerSettings offline() {
        return new ServerSettings(Optional.empty(), PolicyProfiles.get(DEFAULT_PROFILE));
    }
}

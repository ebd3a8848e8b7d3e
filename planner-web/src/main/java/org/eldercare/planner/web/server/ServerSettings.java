package org.eldercare.planner.web.server;

import java.util.Objects;
import java.util.Optional;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.web.auth.SecuritySettings;

/**
 * How the server presents the data: the basemap, if any, the policy profile whose rules the analysis layers and
 * KPI targets use, how much analysis work it takes on at once, and who may do what (accounts, sessions, audit log).
 * Immutable.
 *
 * @param basemap the tile basemap; empty draws our own admin boundaries and roads on a plain background (offline use)
 * @param profile the policy profile (targets and their citations)
 * @param limits  the bounded pool of the analysis endpoints (threads, queue, Retry-After of the 503 when full)
 * @param security accounts, anonymous access, session cookie and audit log ({@link SecuritySettings#open()}: a
 *                 single-user server without accounts)
 */
public record ServerSettings(Optional<Basemap> basemap, PolicyProfile profile, AnalysisLimits limits,
        SecuritySettings security) {
    /** Id of the profile used when none is chosen: the national baseline. */
    public static final String DEFAULT_PROFILE = "national";

    public ServerSettings {
        Objects.requireNonNull(basemap, "basemap");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(security, "security");
    }

    /** Without accounts ({@link SecuritySettings#open()}). */
    public ServerSettings(Optional<Basemap> basemap, PolicyProfile profile, AnalysisLimits limits) {
        this(basemap, profile, limits, SecuritySettings.open());
    }

    /** With the default {@link AnalysisLimits#defaults() analysis limits}. */
    public ServerSettings(Optional<Basemap> basemap, PolicyProfile profile) {
        this(basemap, profile, AnalysisLimits.defaults());
    }

    /** These settings with other analysis limits. */
    public ServerSettings withLimits(AnalysisLimits other) {
        return new ServerSettings(basemap, profile, other, security);
    }

    /** These settings with other security settings. */
    public ServerSettings withSecurity(SecuritySettings other) {
        return new ServerSettings(basemap, profile, limits, other);
    }

    /** No basemap (works without network access), national profile. */
    public static ServerSettings offline() {
        return new ServerSettings(Optional.empty(), PolicyProfiles.get(DEFAULT_PROFILE));
    }
}

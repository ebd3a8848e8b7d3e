package org.eldercare.planner.web.auth;

import java.util.Locale;

/** What a visitor who has not signed in may do. */
public enum AnonymousAccess {
    /** No accounts (a single-user server on this machine): everything, as before accounts existed. */
    OPEN,
    /** Read layers, units, OGC items and run analyses; every write needs a signed-in planner (401 otherwise). */
    READ_ONLY,
    /** Nothing but the page and the login: every API request needs a signed-in user. */
    NONE;

    /** The id used by {@code --anonymous} and {@code /api/me}: {@code open}, {@code read-only}, {@code none}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

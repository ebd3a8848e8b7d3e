package org.eldercare.planner.web.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The roles of a shared server, ordered: a viewer reads, a planner also saves scenarios, an admin also reads the audit log. */
public enum Role {
    VIEWER, PLANNER, ADMIN;

    /** Whether this role includes {@code other} (admin ⊇ planner ⊇ viewer). */
    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The lower-case id used in files, options and JSON ({@code viewer}, {@code planner}, {@code admin}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role named {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed ids
     */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "', expected one of: "
            + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
    }
}

package org.eldercare.planner.siting;

/** The argument checks of the small siting records, with one message shape: field, rule, value, owner. */
final class Require {
    private Require() {}

    /** @throws IllegalArgumentException "FIELD: is required but missing or blank" */
    static void nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required but missing or blank");
        }
    }

    /** @throws IllegalArgumentException "FIELD: must be RULE, was VALUE (OWNER)" unless {@code ok} */
    static void that(boolean ok, String field, String rule, Object value, String owner) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": must be " + rule + ", was " + value + " (" + owner + ")");
        }
    }
}

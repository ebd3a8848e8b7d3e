package org.eldercare.planner.store;

import java.util.Locale;

/** Kinds of named JSON document a workspace keeps next to its layers. */
public enum DocumentKind {
    /** A saved analysis result (coverage report, siting result, …). */
    RESULT,
    /** A saved what-if scenario (a base plus its changes). */
    SCENARIO;

    /** Lower-case id used in the stores' {@code kind} column and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code result} / {@code scenario} (any case); throws naming the accepted values. */
    public static DocumentKind parse(String text) {
        for (DocumentKind k : values()) {
            if (k.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind: unknown document kind '" + text + "', expected one of: result, "
            + "scenario");
    }
}

package org.eldercare.planner.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eldercare.planner.model.Labelled;

/** How strongly a document states a rule, in the documents' own vocabulary. */
public enum Binding implements Labelled {
    /** 约束性 / 严格落实 / 不少于 / 不得少于: a check fails when the value is not met. */
    MANDATORY,
    /** A target the document sets for a year (到2022年底…达到): measured against, but planning-level. */
    TARGET,
    /** 预期性: an indicative (expected) target. */
    EXPECTED,
    /** Something a document permits (可 / 鼓励), e.g. pooled provision for small existing districts. */
    ALLOWED;

    /**
     * Parses the enum name (case-insensitive) or its Chinese term.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Binding parse(String text) {
        if (text != null) {
            String t = text.strip();
            for (Binding b : values()) {
                if (b.name().equalsIgnoreCase(t) || b.nameZh().equals(t)) {
                    return b;
                }
            }
        }
        throw new IllegalArgumentException("binding '" + text + "' is not one of "
            + Arrays.stream(values()).map(b -> b.name() + " (" + b.nameZh() + ")").collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.eldercare.planner.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Lenient enum parsing (case-insensitive, '-' or '_', or the constant's Chinese name from {@link Labels}) with an error
 * that lists the accepted values.
 */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, text, "is required but missing");
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        E byName = Labels.byZh(type, text);
        if (byName != null) {
            return byName;
        }
        String allowed = Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw new InvalidValueException(field, text, "unknown value '" + text + "', expected one of: " + allowed);
    }
}

package org.eldercare.planner.circle;

import java.util.Locale;

/** How service areas of several facilities are combined (like ArcGIS service-area overlap / merge / split). */
public enum CircleMode {
    /** One area per facility and band; areas of different facilities may overlap. */
    PER_FACILITY,
    /** One area per facility kind and band: the union of that kind's reach. */
    DISSOLVE,
    /** One area per facility and band, each place given to its nearest facility of the same kind; no overlaps. */
    SPLIT;

    /** Parses {@code per-facility}, {@code dissolve}, {@code split} (any case, {@code _} or {@code -}). */
    public static CircleMode parse(String text) {
        if (text != null) {
            String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (CircleMode m : values()) {
                if (m.name().equals(t)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("mode must be one of per-facility, dissolve, split; was '" + text + "'");
    }

    /** Lower-case id with dashes, e.g. {@code per-facility}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package org.eldercare.planner.siting;

import java.util.Arrays;
import java.util.Locale;

/** The siting models a regional proposal can use ({@link RegionalSiting}), with their command-line names. */
public enum SitingModel {
    /** Fewest sites covering all reachable demand within the service minutes ({@link LSCP}). */
    LSCP("lscp", false),
    /**
     * As few sites as LSCP needs, placed so that the most elderly are within the service minutes of at least two of
     * them (backup coverage, {@link LSCPB}).
     */
    LSCPB("lscp-b", false),
    /** p sites maximising the elderly within the service minutes ({@link MCLP}). */
    MCLP("mclp", true),
    /** p sites minimising elderly-weighted travel minutes ({@link PMedian}). */
    PMEDIAN("pmedian", true),
    /** p sites minimising the longest travel minutes ({@link PCenter}). */
    PCENTER("pcenter", true),
    /** p sites with bed capacities, each demand point to one site ({@link CapacitatedPMedian}). */
    CPMEDIAN("cpmedian", true);

    private final String id;
    private final boolean needsP;

    SitingModel(String id, boolean needsP) {
        this.id = id;
        this.needsP = needsP;
    }

    /** Command-line name, e.g. {@code pmedian}. */
    public String id() {
        return id;
    }

    /** Whether the model chooses a given number p of sites. */
    public boolean needsP() {
        return needsP;
    }

    /**
     * Parses a command-line name or enum name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static SitingModel parse(String text) {
        for (SitingModel m : values()) {
            if (m.id.equalsIgnoreCase(text == null ? "" : text.strip()) || m.name().equalsIgnoreCase(
                    text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("model: must be one of " + Arrays.stream(values()).map(SitingModel::id)
            .toList() + ", was '" + text + "'");
    }

    @Override
    public String toString() {
        return id.toUpperCase(Locale.ROOT);
    }
}

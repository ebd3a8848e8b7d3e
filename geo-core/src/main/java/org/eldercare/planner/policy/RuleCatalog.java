package org.eldercare.planner.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule ids the software knows, each with its unit and allowed range, listed in {@code rule-catalog.tsv} next to
 * this class. A profile file may only use these ids
 * (plus any id under {@code coverage.}, which must carry a scope and the unit {@code share}); loading rejects
 * unknown ids, other units and values out of range. Immutable.
 *
 * <p>Units: {@code share} is a fraction in [0, 1] (90% = 0.9); {@code m2/100households} is building floor area per
 * 100 households; {@code residents/carer} is the residents one care worker may look after (1:3 → 3).
 */
public final class RuleCatalog {
    /** Prefix of coverage rules; any id below it is accepted with unit {@code share} and a required scope. */
    public static final String COVERAGE_PREFIX = "coverage.";

    /** Expected unit and allowed closed range of a known rule id. Immutable. */
    public record Entry(String id, String unit, double min, double max, String descriptionEn) {}

    static final String RESOURCE = "rule-catalog.tsv";
    private static final Map<String, Entry> ENTRIES = load();

    /** Reads {@value #RESOURCE} next to this class; a malformed line is a build defect and fails loudly. */
    private static Map<String, Entry> load() {
        Map<String, Entry> m = new LinkedHashMap<>();
        try (InputStream in = RuleCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + RuleCatalog.class);
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                try {
                    if (f.length != 5) {
                        throw new IllegalArgumentException("expected 5 tab-separated fields, found " + f.length);
                    }
                    Entry e = new Entry(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4]);
                    if (m.put(e.id(), e) != null) {
                        throw new IllegalArgumentException("duplicate id " + e.id());
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Collections.unmodifiableMap(m);
    }

    private RuleCatalog() {}

    /** All known ids in catalog order (coverage rules are open-ended and not listed). */
    public static Map<String, Entry> entries() {
        return ENTRIES;
    }

    /**
     * The entry for {@code id}: a listed id, or for any {@code coverage.*} id an entry with unit {@code share} and
     * range [0, 1]; empty for unknown ids.
     */
    public static Optional<Entry> find(String id) {
        Entry e = ENTRIES.get(id);
        if (e != null) {
            return Optional.of(e);
        }
        if (id != null && id.startsWith(COVERAGE_PREFIX) && id.length() > COVERAGE_PREFIX.length()) {
            return Optional.of(new Entry(id, "share", 0, 1, "coverage target"));
        }
        return Optional.empty();
    }

    /** True for {@code coverage.*} ids, which need a scope. */
    public static boolean isCoverage(String id) {
        return id.startsWith(COVERAGE_PREFIX);
    }
}

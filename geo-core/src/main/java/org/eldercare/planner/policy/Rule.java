package org.eldercare.planner.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One numeric planning rule with its source: e.g. {@code district.floorArea.newPer100Households} = 20
 * m²/100 households, 瓮安 2023 §二(三)9, mandatory. Immutable.
 *
 * @param id            stable id from the {@link RuleCatalog}
 * @param value         the number, in {@code unit}; finite
 * @param unit          unit as given by the catalog, e.g. {@code m2/100households}, {@code share} (0–1)
 * @param citation      document and clause the value comes from
 * @param binding       how binding the document states it
 * @param descriptionZh one-line Chinese description
 * @param descriptionEn one-line English description
 * @param note          free note (measured values behind an assumption, the exact wording, ...); may be empty
 * @param assumption    true when the documents do not give the value and the profile supplies a default (the note
 *                      says why); the citation then names the clause that needs the value
 * @param scope         for coverage rules: what is counted; empty otherwise
 */
public record Rule(String id, double value, String unit, Citation citation, Binding binding, String descriptionZh,
        String descriptionEn, String note, boolean assumption, Optional<CoverageScope> scope) {
    public Rule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("rule id is required but was '" + id + "'");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of rule " + id + " must be finite, was " + value);
        }
        Objects.requireNonNull(unit, "unit of rule " + id);
        Objects.requireNonNull(citation, "citation of rule " + id);
        Objects.requireNonNull(binding, "binding of rule " + id);
        descriptionZh = descriptionZh == null ? "" : descriptionZh.strip();
        descriptionEn = descriptionEn == null ? "" : descriptionEn.strip();
        note = note == null ? "" : note.strip();
        scope = scope == null ? Optional.empty() : scope;
    }

    /** Value, unit and source on one line, e.g. {@code 20 m2/100households (瓮安 2023 §二(三)9, mandatory)}. */
    public String summary() {
        return formatValue(value) + " " + unit + " (" + citation + ", " + binding + (assumption ? ", assumption" : "")
            + ")";
    }

    /** A number without a trailing {@code .0}: 20, 0.76, 1000. */
    public static String formatValue(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}

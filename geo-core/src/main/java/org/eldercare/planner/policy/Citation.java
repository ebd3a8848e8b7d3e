package org.eldercare.planner.policy;

/**
 * Where a rule comes from: a document short name and the clause inside it, e.g. {@code 瓮安 2023} and
 * {@code §二(三)9}. Immutable.
 *
 * @param document short name of the document (jurisdiction + year), non-blank
 * @param clause   clause, table or box inside the document, non-blank
 */
public record Citation(String document, String clause) {
    public Citation {
        if (document == null || document.isBlank()) {
            throw new IllegalArgumentException("citation.document is required but was '" + document + "'");
        }
        if (clause == null || clause.isBlank()) {
            throw new IllegalArgumentException("citation.clause is required but was '" + clause + "' (document "
                + document + ")");
        }
        document = document.strip();
        clause = clause.strip();
    }

    /** {@code 瓮安 2023 §二(三)9}. */
    @Override
    public String toString() {
        return document + " " + clause;
    }
}

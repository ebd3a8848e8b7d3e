package org.eldercare.planner.store;

/**
 * A saved document with its revision: 1 when first saved, one more with each save of the same kind and name. The
 * revision is what a caller passes back to {@link Workspace#saveRevision} or {@link Workspace#deleteRevision} to
 * change exactly the version it read (optimistic concurrency). Immutable.
 *
 * @param document the document (kind, name, JSON, saved at, metadata)
 * @param revision its revision, ≥ 1
 */
public record RevisedDocument(StoredDocument document, long revision) {
    /** Metadata key of who saved the revision ({@link #savedBy()}). */
    public static final String SAVED_BY = "savedBy";

    public RevisedDocument {
        if (document == null) {
            throw new IllegalArgumentException("document: is required but missing");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revision: must be ≥ 1, was " + revision);
        }
    }

    /** The document's name. */
    public String name() {
        return document.name();
    }

    /** Who saved this revision (metadata {@value #SAVED_BY}), {@code ""} when not recorded. */
    public String savedBy() {
        return document.metadata().getOrDefault(SAVED_BY, "");
    }
}

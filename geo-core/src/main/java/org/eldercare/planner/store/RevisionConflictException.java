package org.eldercare.planner.store;

import java.util.OptionalLong;

/**
 * A revised save or delete ({@link Workspace#saveRevision}, {@link Workspace#deleteRevision}) refused because the
 * stored document is not the revision the caller expected: nothing was written. {@link #reason()} says which case.
 */
public final class RevisionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the change was refused. */
    public enum Reason {
        /** A new document was to be saved (expected revision 0) but one of that kind and name exists. */
        EXISTS,
        /** A revision was expected but there is no document of that kind and name (deleted meanwhile). */
        MISSING,
        /** The stored revision is another than the one expected (someone saved in between). */
        STALE
    }

    private final DocumentKind kind;
    private final String name;
    private final long expected;
    private final OptionalLong actual;

    /**
     * @param expected the revision the caller passed (0: the document was to be new)
     * @param actual   the stored revision, empty when there is no such document
     */
    public RevisionConflictException(DocumentKind kind, String name, long expected, OptionalLong actual) {
        super(message(kind, name, expected, actual));
        this.kind = kind;
        this.name = name;
        this.expected = expected;
        this.actual = actual;
    }

    private static String message(DocumentKind kind, String name, long expected, OptionalLong actual) {
        String what = kind.id() + " '" + name + "'";
        if (actual.isEmpty()) {
            return what + ": no such " + kind.id() + " (expected revision " + expected + "); nothing was written";
        }
        if (expected == 0) {
            return what + " already exists (revision " + actual.getAsLong() + "); reopen it and save with its "
                + "revision to replace it, or choose another name";
        }
        return what + " is at revision " + actual.getAsLong() + ", not " + expected + " (it was saved again "
            + "meanwhile); reopen it to see the changes; nothing was written";
    }

    public Reason reason() {
        if (actual.isEmpty()) {
            return Reason.MISSING;
        }
        return expected == 0 ? Reason.EXISTS : Reason.STALE;
    }

    public DocumentKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** The revision the caller expected (0: none, the document was to be new). */
    public long expected() {
        return expected;
    }

    /** The stored revision, empty when there is no such document. */
    public OptionalLong actual() {
        return actual;
    }
}

package org.eldercare.planner.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eldercare.planner.model.PlanningData;
import org.locationtech.jts.geom.Envelope;

/**
 * A planning workspace: the layers of one county or city ({@link PlanningData}) plus saved analysis results and
 * scenarios, persisted in a store. Implementations: {@link GeoPackageWorkspace} (one .gpkg file, the embedded
 * default) and {@link PostgisWorkspace} (a shared PostgreSQL/PostGIS database). Open one with
 * {@link Workspaces#open(String)}.
 *
 * <p>Contract, the same for every store (tested by one suite against both):
 * <ul>
 *   <li>Layers round-trip exactly: what {@link #write} stores, {@link #read} returns as equal model records, in
 *       the same order.</li>
 *   <li>Every change ({@link #update}, and the shortcuts built on it) is atomic: if it fails part-way, the
 *       workspace is exactly as before, and readers never see half of it.</li>
 *   <li>Readers are not blocked by a writer: while a change is in progress they see the state before it.</li>
 *   <li>{@link #read} is a consistent snapshot of all layers.</li>
 * </ul>
 * Implementations are thread-safe. Bad arguments throw {@link IllegalArgumentException}; unreadable stored data
 * throws {@link org.eldercare.planner.io.ReadException} naming layer, row and column; store failures (I/O, database)
 * throw {@link IllegalStateException} with the cause.
 */
public interface Workspace extends AutoCloseable {

    /** Where the workspace lives: a file path, or a JDBC URL without credentials. */
    String location();

    /** Whether anything has been written to this workspace yet. */
    boolean exists();

    /** All layers as one consistent snapshot; the name is the one last written, else derived from the location. */
    PlanningData read();

    /** One layer, in stored order. */
    <T> List<T> readLayer(StoredLayer<T> layer);

    /**
     * The items of one layer whose geometry intersects the box (WGS84 lon/lat; boundary included), found through
     * the store's spatial index, in stored order. Districts without a boundary never match.
     *
     * @throws IllegalArgumentException when the box is null or empty
     */
    <T> List<T> queryLayer(StoredLayer<T> layer, Envelope lonLatBox);

    /**
     * Applies the changes made through the given writer atomically: all of them or, if {@code changes} throws or
     * the store fails, none (the exception is rethrown).
     */
    void update(Consumer<WorkspaceWriter> changes);

    /** Replaces the name and every layer with those of {@code data}, atomically. */
    default void write(PlanningData data) {
        update(w -> w.writeAll(data));
    }

    /** Replaces one layer, atomically; other layers are kept. */
    default <T> void writeLayer(StoredLayer<T> layer, List<T> items) {
        update(w -> w.writeLayer(layer, items));
    }

    /** Saves (or replaces) a named document. */
    default void saveDocument(StoredDocument document) {
        update(w -> w.saveDocument(document));
    }

    /** Saves (or replaces) a named document saved now, with metadata. */
    default StoredDocument saveDocument(DocumentKind kind, String name, String json, Map<String, String> metadata) {
        StoredDocument d = StoredDocument.of(kind, name, json, metadata);
        saveDocument(d);
        return d;
    }

    /** The document of that kind and name, if saved. */
    Optional<StoredDocument> findDocument(DocumentKind kind, String name);

    /** All documents of a kind, by name. */
    List<StoredDocument> listDocuments(DocumentKind kind);

    /** Deletes a document; returns whether it existed. */
    default boolean deleteDocument(DocumentKind kind, String name) {
        boolean[] existed = new boolean[1];
        update(w -> existed[0] = w.deleteDocument(kind, name));
        return existed[0];
    }

    /** The document of that kind and name with its revision, if saved. */
    Optional<RevisedDocument> findRevision(DocumentKind kind, String name);

    /** All documents of a kind with their revisions, by name. */
    List<RevisedDocument> listRevisions(DocumentKind kind);

    /**
     * Saves the document as a new revision in one database transaction, with optimistic concurrency: with
     * {@code expectedRevision} 0 the document must be new (its kind and name not saved yet), otherwise the stored
     * document must still be at {@code expectedRevision} (the revision the caller read). The check and the write are
     * one transaction decided by the database (a unique key on kind and name, a conditional update), so of two
     * concurrent saves of the same new name, or of the same revision, exactly one succeeds — also across processes
     * and servers. A crash part-way leaves the previous revision.
     *
     * @return the saved document with its revision ({@code expectedRevision + 1})
     * @throws RevisionConflictException when the stored revision is not the expected one (nothing is written)
     * @throws IllegalArgumentException  when {@code expectedRevision} is negative
     */
    RevisedDocument saveRevision(StoredDocument document, long expectedRevision);

    /**
     * Deletes the document if it is still at {@code expectedRevision}, in one transaction.
     *
     * @throws RevisionConflictException when there is no such document or it is at another revision
     */
    void deleteRevision(DocumentKind kind, String name, long expectedRevision);

    /** Releases connections; the workspace cannot be used afterwards. */
    @Override
    void close();
}

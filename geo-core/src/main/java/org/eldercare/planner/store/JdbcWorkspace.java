package org.eldercare.planner.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.eldercare.planner.model.PlanningData;
import org.locationtech.jts.geom.Envelope;

/**
 * What the JDBC workspaces (GeoPackage over SQLite, PostGIS over PostgreSQL) share: every read runs in one read-only
 * transaction (a consistent snapshot) that is rolled back at the end, and the whole-workspace, per-layer, bbox and
 * document reads are the same over it. A subclass says how to open the snapshot, how one layer's rows are selected
 * (its spatial index) and where its metadata and documents live.
 */
abstract class JdbcWorkspace implements Workspace {

    /** A connection inside one read transaction (auto-commit off), checked for the schema it needs. */
    abstract Connection openSnapshot() throws SQLException;

    /** The workspace's name when its metadata does not hold one (the file or database name). */
    abstract String defaultName();

    /** A {@code planner_meta} value, empty when it (or the table) is absent. */
    abstract Optional<String> findMeta(Connection c, String key) throws SQLException;

    /** The rows of one layer, all of them or those intersecting {@code box} (lon/lat) when it is not null. */
    abstract <T> List<T> readLayer(Connection c, StoredLayer<T> layer, Envelope box) throws SQLException;

    /** The documents of a kind with their revisions, or the one named {@code name} when it is not null. */
    abstract List<RevisedDocument> documents(Connection c, DocumentKind kind, String name) throws SQLException;

    /**
     * Runs {@code work} in one read-write database transaction that the store's own locking serialises against
     * other writers (also those of other processes): committed when it returns, rolled back when it throws. Calls
     * {@link #beforeRevisionCommit} just before the commit.
     */
    abstract <R> R inTransaction(WorkspaceSql.SqlWork<R> work);

    /**
     * Test hook: runs inside every {@link #inTransaction} transaction, after its statements and before the commit
     * (the fault test pauses a child JVM there and kills it). Does nothing by default.
     */
    static volatile Runnable beforeRevisionCommit = () -> { };

    /** Whether there is anything to read documents from (a GeoPackage file that does not exist yet has none). */
    boolean mayHoldDocuments() {
        return true;
    }

    final <R> R withRead(WorkspaceSql.SqlWork<R> work) {
        try (Connection c = openSnapshot()) {
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw WorkspaceSql.failure(location(), "read", e);
        }
    }

    @Override
    public PlanningData read() {
        return withRead(c -> WorkspaceSql.planningData(c, findMeta(c, "name").orElseGet(this::defaultName),
            this::readLayer));
    }

    @Override
    public <T> List<T> readLayer(StoredLayer<T> layer) {
        return withRead(c -> readLayer(c, layer, null));
    }

    @Override
    public <T> List<T> queryLayer(StoredLayer<T> layer, Envelope lonLatBox) {
        Envelope box = WorkspaceSql.checkBox(lonLatBox);
        return withRead(c -> readLayer(c, layer, box));
    }

    @Override
    public Optional<StoredDocument> findDocument(DocumentKind kind, String name) {
        StoredDocument.checkName(name);
        if (!mayHoldDocuments()) {
            return Optional.empty();
        }
        return findRevision(kind, name).map(RevisedDocument::document);
    }

    @Override
    public List<StoredDocument> listDocuments(DocumentKind kind) {
        if (!mayHoldDocuments()) {
            return List.of();
        }
        return listRevisions(kind).stream().map(RevisedDocument::document).toList();
    }

    @Override
    public Optional<RevisedDocument> findRevision(DocumentKind kind, String name) {
        StoredDocument.checkName(name);
        if (!mayHoldDocuments()) {
            return Optional.empty();
        }
        return withRead(c -> WorkspaceSql.first(documents(c, kind, name)));
    }

    @Override
    public List<RevisedDocument> listRevisions(DocumentKind kind) {
        if (!mayHoldDocuments()) {
            return List.of();
        }
        return withRead(c -> documents(c, kind, null));
    }

    @Override
    public RevisedDocument saveRevision(StoredDocument document, long expectedRevision) {
        if (document == null) {
            throw new IllegalArgumentException("document: is required but missing");
        }
        return inTransaction(c -> WorkspaceSql.saveRevision(c, dialect(), document, expectedRevision));
    }

    @Override
    public void deleteRevision(DocumentKind kind, String name, long expectedRevision) {
        StoredDocument.checkName(name);
        inTransaction(c -> {
            WorkspaceSql.deleteRevision(c, kind, name, expectedRevision);
            return null;
        });
    }

    /** The store's SQL dialect. */
    abstract WorkspaceSql.Dialect dialect();
}

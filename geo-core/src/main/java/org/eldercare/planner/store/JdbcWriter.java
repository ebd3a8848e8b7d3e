package org.eldercare.planner.store;

import java.sql.Connection;

/**
 * The part of a {@link WorkspaceWriter} the JDBC workspaces share: the workspace name and saved documents, written
 * with {@link WorkspaceSql} on the connection of the running update (so they commit or roll back with it). Each store
 * adds {@link #writeLayer} its own way. An {@link java.sql.SQLException} becomes an {@link IllegalStateException}
 * naming the workspace. Lives only as long as one {@code update}; not thread-safe.
 */
abstract class JdbcWriter implements WorkspaceWriter {
    /** The update's connection, inside its transaction. */
    protected final Connection c;
    private final WorkspaceSql.Dialect dialect;
    private final String location;

    JdbcWriter(Connection c, WorkspaceSql.Dialect dialect, String location) {
        this.c = c;
        this.dialect = dialect;
        this.location = location;
    }

    /** Runs {@code call}, turning an {@link java.sql.SQLException} into a write failure naming the workspace. */
    final <R> R write(WorkspaceSql.SqlCall<R> call) {
        return WorkspaceSql.write(location, call);
    }

    @Override
    public final void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank, was '" + name + "'");
        }
        write(() -> {
            WorkspaceSql.putMeta(c, dialect, "name", name.strip());
            return null;
        });
    }

    @Override
    public final void saveDocument(StoredDocument d) {
        write(() -> {
            WorkspaceSql.saveDocument(c, dialect, d);
            return null;
        });
    }

    @Override
    public final boolean deleteDocument(DocumentKind kind, String name) {
        StoredDocument.checkName(name);
        return write(() -> WorkspaceSql.deleteDocument(c, kind, name));
    }
}

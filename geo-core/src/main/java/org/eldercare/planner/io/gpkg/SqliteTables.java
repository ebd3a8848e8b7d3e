package org.eldercare.planner.io.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Catalogue look-ups on a SQLite (GeoPackage) connection, shared by the GeoPackage reader and the workspace. */
public final class SqliteTables {
    private SqliteTables() {}

    /** Whether a table or view of that exact name exists. */
    public static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

package org.eldercare.planner.io.gpkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;

/**
 * All-or-nothing edits of a GeoPackage file: copy (SQLite online backup) → edit the copy → atomic rename over the
 * original. Edits of the same file in this JVM are serialised; a change by another process between copy and rename
 * is detected (file size and modification time) and fails the edit.
 */
final class CopyOnWrite {
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private CopyOnWrite() {}

    /** Identity of a file's committed state. */
    private record Stamp(long size, long modifiedNanos) {}

    static <T> T apply(Path file, Function<GeoPackage, T> edit) {
        Path target = file.toAbsolutePath().normalize();
        String name = target.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
            throw new IllegalArgumentException("file: a GeoPackage file name must end with .gpkg, was " + file);
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("file: the directory of " + file + " does not exist");
        }
        ReentrantLock lock = LOCKS.computeIfAbsent(target, k -> new ReentrantLock());
        lock.lock();
        try {
            return applyLocked(target, dir, name, edit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write GeoPackage " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static <T> T applyLocked(Path target, Path dir, String name, Function<GeoPackage, T> edit)
            throws IOException {
        Path tmp = dir.resolve("." + name + "." + Long.toHexString(System.nanoTime()) + ".tmp.gpkg");
        boolean existed = Files.exists(target);
        try {
            Stamp before = null;
            if (existed) {
                before = stamp(target);
                backup(target, tmp);
                if (!before.equals(stamp(target))) {
                    throw new IllegalStateException("GeoPackage " + target
                        + " changed while it was being copied for writing; try again");
                }
            } else {
                GeoPackageManager.create(tmp.toFile(), false);
            }
            T result;
            GeoPackage gpkg = Gpkg.open(tmp, true);
            try {
                Gpkg.configurePrivateCopy(gpkg);
                result = edit.apply(gpkg);
            } finally {
                gpkg.close();
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (existed ? !before.equals(stamp(target)) : Files.exists(target)) {
                throw new IllegalStateException("GeoPackage " + target
                    + " was changed by another process during this write; nothing was written, try again");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(dir.resolve(tmp.getFileName() + "-journal"));
        }
    }

    /** Copies a consistent snapshot of {@code source} to {@code copy} with SQLite's online backup. */
    private static void backup(Path source, Path copy) throws IOException {
        if (copy.toString().contains("\"")) {
            throw new IllegalArgumentException("file: paths containing '\"' are not supported: " + copy);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + Gpkg.BUSY_TIMEOUT_MS);
            st.executeUpdate("backup to \"" + copy + "\"");
        } catch (SQLException e) {
            throw new IOException("cannot copy " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Size and modification time (ns). IMPLEMENTATION NOTE: the file is deliberately not opened here: closing any
     * descriptor of an SQLite file drops every POSIX lock this process holds on it, including those of readers.
     */
    private static Stamp stamp(Path file) throws IOException {
        var attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        return new Stamp(attrs.size(), attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
    }
}

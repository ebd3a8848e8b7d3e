package org.eldercare.planner.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One county's input: its code (the workspace file's name without {@code .gpkg}, e.g. {@code 900001}) and where
 * its workspace lives (a GeoPackage path every executor can read: a local path in local mode, a shared file system
 * path on a cluster). Serializable: this is what Spark ships to the tasks.
 */
public record CountyRef(String code, String location) implements Serializable {
    /**
     * The county workspaces in {@code dir}: every {@code *.gpkg} file, sorted by name.
     *
     * @throws IllegalArgumentException naming the directory when it does not exist or holds no {@code .gpkg}
     */
    public static List<CountyRef> listDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--in: " + dir + " is not a directory of county workspaces (*.gpkg)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<CountyRef> refs = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".gpkg")).sorted()
                .map(f -> new CountyRef(stem(f), f.toAbsolutePath().toString())).toList();
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("--in: " + dir + " holds no county workspace (*.gpkg)");
            }
            return refs;
        } catch (IOException e) {
            throw new UncheckedIOException("--in: cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - ".gpkg".length());
    }
}

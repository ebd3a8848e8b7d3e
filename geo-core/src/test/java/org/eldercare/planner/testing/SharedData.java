package org.eldercare.planner.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates ../shared (policy documents, raw data, peer benchmarks) for tests: the {@code planner.shared.dir} system
 * property set by Surefire, else {@code ../shared} above the repository root. Fails loudly if absent: tests that need
 * it must not pass silently without it.
 */
public final class SharedData {
    private SharedData() {}

    public static Path dir() {
        String prop = System.getProperty("planner.shared.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && p != null; i++, p = p.getParent()) {
            if (Files.isDirectory(p.resolve("../shared/benchmarks"))) {
                return p.resolve("../shared").normalize();
            }
        }
        throw new IllegalStateException("../shared not found (set -Dplanner.shared.dir); tests need its data");
    }

    public static Path resolve(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing shared file: " + p);
        }
        return p;
    }

    /** The repository root (the directory with the root pom.xml and data/). */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && p != null; i++, p = p.getParent()) {
            if (Files.isDirectory(p.resolve("geo-core")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
    }
}

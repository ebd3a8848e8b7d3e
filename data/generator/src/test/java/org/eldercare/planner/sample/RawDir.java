package org.eldercare.planner.sample;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates shared/data/raw and the repository root for the generator's tests (Surefire sets planner.shared.dir). */
final class RawDir {
    private RawDir() {}

    static Path raw() {
        String prop = System.getProperty("planner.shared.dir");
        Path shared = prop != null ? Path.of(prop) : repoRoot().resolve("../shared");
        Path raw = shared.resolve("data/raw").toAbsolutePath().normalize();
        if (!Files.isDirectory(raw)) {
            throw new IllegalStateException("shared/data/raw not found at " + raw + " (set -Dplanner.shared.dir)");
        }
        return raw;
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && p != null; i++, p = p.getParent()) {
            if (Files.isDirectory(p.resolve("geo-core")) && Files.isDirectory(p.resolve("data"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
    }
}

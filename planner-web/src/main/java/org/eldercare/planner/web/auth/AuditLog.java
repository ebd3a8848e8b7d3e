package org.eldercare.planner.web.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where audit entries go: an append-only JSON-lines file ({@link #jsonLines}, {@code serve --audit-log FILE}), one
 * object a line, written and forced to disk before the request's answer is complete; or memory ({@link #inMemory},
 * for embedded servers and tests). Thread-safe.
 */
public abstract class AuditLog {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Appends one entry. */
    public abstract void append(AuditEntry entry);

    /** All entries, oldest first. */
    public abstract List<AuditEntry> entries();

    /** Where the entries go, for the server's start line and {@code /api/me}. */
    public abstract String location();

    /** A page of the entries, newest first: {@code limit} entries from {@code offset}. */
    public final Page page(int offset, int limit) {
        List<AuditEntry> all = new ArrayList<>(entries());
        Collections.reverse(all);
        int from = Math.min(offset, all.size());
        return new Page(all.size(), offset, limit, List.copyOf(all.subList(from, Math.min(all.size(), from + limit))));
    }

    /** One page of {@link #page}. */
    public record Page(int total, int offset, int limit, List<AuditEntry> entries) {}

    /** Entries kept in memory. */
    public static AuditLog inMemory() {
        return new AuditLog() {
            private final List<AuditEntry> list = new ArrayList<>();

            @Override
            public synchronized void append(AuditEntry entry) {
                list.add(entry);
            }

            @Override
            public synchronized List<AuditEntry> entries() {
                return List.copyOf(list);
            }

            @Override
            public String location() {
                return "memory";
            }
        };
    }

    /**
     * Entries appended to {@code file} (created with its directory when missing), one JSON object a line; entries
     * already in the file are kept and read back by {@link #entries}.
     *
     * @throws IllegalArgumentException naming the option when the file cannot be opened for appending
     */
    public static AuditLog jsonLines(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                c.force(false);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("audit-log: cannot append to '" + file + "': " + e.getMessage(), e);
        }
        return new AuditLog() {
            @Override
            public synchronized void append(AuditEntry entry) {
                try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    c.write(ByteBuffer.wrap((JSON.writeValueAsString(entry.toJson()) + "\n").getBytes(StandardCharsets.UTF_8)));
                    c.force(false);
                } catch (IOException e) {
                    throw new IllegalStateException("audit log " + file + ": cannot append: " + e.getMessage(), e);
                }
            }

            @Override
            public synchronized List<AuditEntry> entries() {
                List<AuditEntry> out = new ArrayList<>();
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).isBlank()) {
                            out.add(parse(lines.get(i), file, i + 1));
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("audit log " + file + ": cannot read: " + e.getMessage(), e);
                }
                return out;
            }

            @Override
            public String location() {
                return file.toString();
            }
        };
    }

    /**
     * Every entry appended to {@code primary} and then {@code copy} (the JSON-lines file and, with {@code --db}, the
     * store's table); read back from {@code primary}.
     */
    public static AuditLog both(AuditLog primary, AuditLog copy) {
        return new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                primary.append(entry);
                copy.append(entry);
            }

            @Override
            public List<AuditEntry> entries() {
                return primary.entries();
            }

            @Override
            public String location() {
                return primary.location() + " and " + copy.location();
            }
        };
    }

    private static AuditEntry parse(String line, Path file, int number) {
        try {
            JsonNode n = JSON.readTree(line);
            return new AuditEntry(Instant.parse(n.path("time").asText()), text(n, "user"), text(n, "role"),
                n.path("method").asText(), n.path("path").asText(), n.path("status").asInt(), text(n, "what"),
                text(n, "client"));
        } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("audit log " + file + " line " + number + ": not an entry: "
                + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

package org.eldercare.planner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named JSON document saved in a workspace: an analysis result or a scenario, with free-form string metadata
 * (e.g. {@code profile}, {@code author}, {@code description}). Immutable.
 *
 * @param kind     what it is
 * @param name     name, unique per kind within a workspace: 1–200 characters, not blank
 * @param json     the document as JSON text (must parse as JSON; kept verbatim)
 * @param savedAt  when it was saved (millisecond precision)
 * @param metadata string metadata; keys non-blank
 */
public record StoredDocument(DocumentKind kind, String name, String json, Instant savedAt,
        Map<String, String> metadata) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public StoredDocument {
        if (kind == null) {
            throw new IllegalArgumentException("kind: is required but missing");
        }
        name = checkName(name);
        if (json == null) {
            throw new IllegalArgumentException("json: is required but missing");
        }
        try {
            JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("json: document '" + name + "' is not valid JSON: "
                + e.getOriginalMessage());
        }
        if (savedAt == null) {
            throw new IllegalArgumentException("savedAt: is required but missing");
        }
        savedAt = Instant.ofEpochMilli(savedAt.toEpochMilli());
        if (metadata == null) {
            throw new IllegalArgumentException("metadata: is required (may be empty) but missing");
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new IllegalArgumentException("metadata: keys must be non-blank and values non-null, was "
                    + e.getKey() + "=" + e.getValue());
            }
        }
        metadata = Map.copyOf(new TreeMap<>(metadata));
    }

    /** A document saved now. */
    public static StoredDocument of(DocumentKind kind, String name, String json, Map<String, String> metadata) {
        return new StoredDocument(kind, name, json, Instant.now(), metadata);
    }

    static String checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name: must be 1–200 characters and not blank, was '" + name + "'");
        }
        return name;
    }

    /** Metadata as JSON text (how both stores keep it). */
    String metadataJson() {
        try {
            return JSON.writeValueAsString(new TreeMap<>(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parseMetadata(String json) {
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata: stored metadata is not a JSON object of strings: "
                + e.getOriginalMessage());
        }
    }
}

package org.eldercare.planner.store;

import org.eldercare.planner.model.PlanningData;

/**
 * The changes of one atomic {@link Workspace#update}: replace layers, set the name, save or delete documents.
 * Valid only inside the update call that handed it out. Not thread-safe.
 */
public interface WorkspaceWriter {
    /** Sets the workspace name (the {@link PlanningData#name()} that {@link Workspace#read()} returns). */
    void setName(String name);

    /**
     * Replaces every row of one layer with {@code items}, in order. The items are read once, while being written.
     *
     * @throws IllegalArgumentException on a duplicate id (naming it) or a null item
     */
    <T> void writeLayer(StoredLayer<T> layer, Iterable<? extends T> items);

    /** Sets the name and replaces all six layers. */
    default void writeAll(PlanningData data) {
        setName(data.name());
        for (StoredLayer<?> layer : StoredLayer.all()) {
            writeAllOf(layer, data);
        }
    }

    private <T> void writeAllOf(StoredLayer<T> layer, PlanningData data) {
        writeLayer(layer, layer.itemsOf(data));
    }

    /** Saves (or replaces) a document. */
    void saveDocument(StoredDocument document);

    /** Deletes a document; returns whether it existed. */
    boolean deleteDocument(DocumentKind kind, String name);
}

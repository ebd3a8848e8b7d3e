package org.eldercare.planner.model;

/**
 * An enum whose constants have a Chinese name in {@link Labels} (the documents' vocabulary, shown first on the map).
 * Implemented by enums only.
 */
public interface Labelled {
    /** Chinese name, e.g. 乡镇 for {@link AdminLevel#TOWNSHIP}. */
    default String nameZh() {
        return Labels.zh((Enum<?>) this);
    }
}

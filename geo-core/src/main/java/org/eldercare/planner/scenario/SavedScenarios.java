package org.eldercare.planner.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.store.DocumentKind;
import org.eldercare.planner.store.RevisedDocument;
import org.eldercare.planner.store.RevisionConflictException;
import org.eldercare.planner.store.StoredDocument;
import org.eldercare.planner.store.Workspace;

/**
 * Named scenarios saved in a workspace with revisions: what the web page's "save scenario" writes. Each save stores
 * the scenario file ({@link ScenarioWriter#toJsonText}, the format {@code planner scenario run} reads) together with
 * its metadata (base, profile, number of changes, who saved it; the store adds the time and the revision) in one
 * transaction of the store ({@link Workspace#saveRevision}): a new name must be new, a replace must name the revision
 * it read, and of two concurrent saves exactly one wins (the other gets a {@link RevisionConflictException}).
 */
public final class SavedScenarios {
    /** Metadata keys (also those of {@link ScenarioWriter#save}). */
    static final String BASE = "base";
    static final String PROFILE = "profile";
    static final String CHANGES = "changes";
    /** Who saved, when no one is named. */
    public static final String LOCAL = "local";

    private SavedScenarios() {}

    /**
     * Saves {@code s} under its name.
     *
     * @param savedBy          who saves (blank: {@value #LOCAL})
     * @param expectedRevision 0 for a new name, else the revision the caller read
     * @throws RevisionConflictException when the name exists (expected 0) or is at another revision
     */
    public static SavedScenario save(Workspace ws, Scenario s, String savedBy, long expectedRevision) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(BASE, s.base());
        meta.put(PROFILE, s.profile());
        meta.put(CHANGES, Integer.toString(s.changes().size()));
        meta.put(RevisedDocument.SAVED_BY, savedBy == null || savedBy.isBlank() ? LOCAL : savedBy.strip());
        RevisedDocument d = ws.saveRevision(StoredDocument.of(DocumentKind.SCENARIO, s.name(),
            ScenarioWriter.toJsonText(s), meta), expectedRevision);
        return SavedScenario.of(d);
    }

    /** The scenario saved under {@code name}, if any. */
    public static Optional<SavedScenario> find(Workspace ws, String name) {
        return ws.findRevision(DocumentKind.SCENARIO, name).map(SavedScenario::of);
    }

    /** Every saved scenario, by name. */
    public static List<SavedScenario> list(Workspace ws) {
        return ws.listRevisions(DocumentKind.SCENARIO).stream().map(SavedScenario::of).toList();
    }

    /**
     * Deletes the scenario if it is still at {@code expectedRevision}.
     *
     * @throws RevisionConflictException when there is none or it is at another revision
     */
    public static void delete(Workspace ws, String name, long expectedRevision) {
        ws.deleteRevision(DocumentKind.SCENARIO, name, expectedRevision);
    }
}

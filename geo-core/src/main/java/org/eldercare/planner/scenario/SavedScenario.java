package org.eldercare.planner.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eldercare.planner.store.RevisedDocument;

/**
 * A scenario saved in a workspace ({@link SavedScenarios}): the scenario file (the JSON that {@code planner scenario
 * run} runs) with its revision and who saved it when. Immutable.
 *
 * @param name     the name it is saved under (the scenario's name)
 * @param revision 1 when first saved, +1 per save; what a replace or delete must name
 * @param savedAt  when this revision was saved
 * @param savedBy  who saved it ({@code local} without accounts)
 * @param base     the scenario's base workspace
 * @param profile  the scenario's policy profile
 * @param changes  number of changes
 * @param json     the scenario file as saved (JSON text)
 */
public record SavedScenario(String name, long revision, Instant savedAt, String savedBy, String base, String profile,
        int changes, String json) {

    static SavedScenario of(RevisedDocument d) {
        var m = d.document().metadata();
        int changes;
        try {
            changes = Integer.parseInt(m.getOrDefault(SavedScenarios.CHANGES, "0"));
        } catch (NumberFormatException e) {
            changes = 0;
        }
        return new SavedScenario(d.name(), d.revision(), d.document().savedAt(), d.savedBy(),
            m.getOrDefault(SavedScenarios.BASE, ""), m.getOrDefault(SavedScenarios.PROFILE, ""), changes,
            d.document().json());
    }

    /**
     * The scenario, read through the scenario file schema ({@link ScenarioFiles#parse}).
     *
     * @param source where it came from, for messages (e.g. the workspace location)
     * @throws ScenarioException when the saved file no longer validates
     */
    public Scenario scenario(String source) {
        return ScenarioFiles.parse(source + " scenario '" + name + "' (revision " + revision + ")",
            json.getBytes(StandardCharsets.UTF_8));
    }
}

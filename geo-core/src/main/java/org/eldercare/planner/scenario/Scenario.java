package org.eldercare.planner.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A what-if scenario: a base workspace, a policy profile and an ordered list of {@link Change}s. It says nothing about
 * whether the changes fit the base: {@link ScenarioResolver} decides that, reporting every problem at once. Read one
 * with {@link ScenarioFiles#read}. Immutable.
 *
 * @param name        short name, non-blank (also the name it is saved under in a workspace)
 * @param description free text, may be empty
 * @param base        the base workspace as written in the file: a {@code .gpkg} path (relative to the scenario file)
 *                    or a {@code jdbc:postgresql://} URL
 * @param profile     a shipped profile id ({@code wengan-2023}) or a profile YAML path (relative to the file)
 * @param changes     the changes, applied in order (copied)
 * @param siting      optional regional siting proposal to run on the base and the scenario
 */
public record Scenario(String name, String description, String base, String profile, List<Change> changes,
        Optional<ScenarioSiting> siting) {
    /** A scenario without a siting section. */
    public Scenario(String name, String description, String base, String profile, List<Change> changes) {
        this(name, description, base, profile, changes, Optional.empty());
    }

    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: required non-blank text, was '" + name + "'");
        }
        description = description == null ? "" : description.strip();
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("base: required workspace (.gpkg path or jdbc:postgresql:// URL)");
        }
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("profile: required profile id or YAML path");
        }
        changes = List.copyOf(changes);
        siting = siting == null ? Optional.empty() : siting;
    }

    /** The same scenario with other changes (e.g. a notebook's parameter sweep). */
    public Scenario withChanges(String name, List<Change> changes) {
        return new Scenario(name, description, base, profile, changes, siting);
    }
}

package org.eldercare.planner.scenario;

/**
 * What a scenario run was computed from: SHA-256 hashes (lower-case hex) of its inputs and the versions, so a saved
 * output can be traced and a rerun checked. Immutable.
 *
 * @param scenarioSha256  the scenario file's bytes (or its canonical JSON when it did not come from a file)
 * @param workspaceSha256 the base data's content: every layer's records in their canonical text form, in stored order
 *                        (the same for a GeoPackage and a PostGIS copy of the same data)
 * @param profileSha256   the base profile's canonical text (id, rules with values, units, citations)
 * @param plannerVersion  version of the planner library
 * @param formatVersion   version of the output format ({@value ScenarioRun#FORMAT_VERSION})
 */
public record Provenance(String scenarioSha256, String workspaceSha256, String profileSha256, String plannerVersion,
        int formatVersion) {}

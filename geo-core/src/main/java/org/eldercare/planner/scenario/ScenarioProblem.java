package org.eldercare.planner.scenario;

/**
 * One problem of a scenario: in its file (schema) or when its changes are resolved against a base. Immutable.
 *
 * @param changeIndex index of the change in the scenario's list (0-based), or -1 for the scenario's own keys
 * @param key         the key concerned, e.g. {@code changes[2].lon} or {@code profile}
 * @param message     what is wrong and what is allowed
 */
public record ScenarioProblem(int changeIndex, String key, String message) {
    public ScenarioProblem {
        if (changeIndex < -1) {
            throw new IllegalArgumentException("changeIndex must be >= -1, was " + changeIndex);
        }
        if (key == null || message == null) {
            throw new IllegalArgumentException("key and message are required");
        }
    }

    /** A problem of change {@code index}'s {@code field}: key {@code changes[index].field}. */
    static ScenarioProblem ofChange(int index, String field, String message) {
        return new ScenarioProblem(index, "changes[" + index + "]" + (field.isEmpty() ? "" : "." + field), message);
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}

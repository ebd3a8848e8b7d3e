package org.eldercare.planner.model;

/**
 * A value rejected on construction of a model record: carries the field name and the offending value so that a
 * reader can report file, feature and field together.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final transient Object value;

    public InvalidValueException(String field, Object value, String message) {
        super(field + ": " + message);
        this.field = field;
        this.value = value;
    }

    /** The model field that was rejected, e.g. {@code households} or {@code nursingBeds}. */
    public String field() {
        return field;
    }

    /** The rejected value (may be null when the value was missing). */
    public Object value() {
        return value;
    }
}

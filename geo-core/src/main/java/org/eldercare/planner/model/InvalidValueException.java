package org.eldercare.planner.model;

/**
 * One value rejected on construction of a model record or an analysis's parameters: carries the field name and the
 * offending value as data, so that a reader can report file, feature and field together and the web can name the
 * request parameter without reading the message.
 */
public final class InvalidValueException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String field, Object value, String message) {
        super(InputProblem.ofField(field, value, message));
    }

    /** The model field or parameter that was rejected, e.g. {@code households} or {@code p}. */
    public String field() {
        return problems().get(0).field();
    }

    /** The rejected value (may be null when the value was missing). */
    public Object value() {
        return problems().get(0).value();
    }
}

package org.eldercare.planner.model;

/**
 * One problem of an input, as data: where it is ({@code file}, {@code feature}), which {@code field} (or key, or
 * parameter) and which {@code value} was rejected, and what is wrong and what is allowed ({@code message}). Every
 * geo-core input error ({@link InvalidInputException} and its subtypes) is a list of these, so that a command line,
 * a web error mapping or a notebook can show the parts without parsing a message.
 *
 * @param file    the file or source read (a path, a layer name, {@code scenario 'x'}, a request), or null when the
 *                problem is of an argument and not of a file
 * @param feature the feature (index, id or line), or null for the whole file
 * @param field   the field, key or parameter name, or null when the problem is not of one field
 * @param value   the rejected value, or null when it was missing or is not known
 * @param message what is wrong and what is allowed; never null
 */
public record InputProblem(String file, String feature, String field, Object value, String message) {
    public InputProblem {
        if (message == null) {
            throw new IllegalArgumentException("an input problem needs a message");
        }
    }

    /** A problem of a file's feature and field whose value is not recorded. */
    public InputProblem(String file, String feature, String field, String message) {
        this(file, feature, field, null, message);
    }

    /** A problem of one argument (no file): field, value, message. */
    public static InputProblem ofField(String field, Object value, String message) {
        return new InputProblem(null, null, field, value, message);
    }

    /**
     * {@code file: feature F: field 'x': message} for a feature's field, {@code file: key: message} for a key of a
     * file as a whole (a profile or scenario key), {@code field: message} for an argument; null parts are left out.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (feature != null) {
            sb.append("feature ").append(feature).append(": ");
        }
        if (field != null) {
            sb.append(feature == null ? field : "field '" + field + "'").append(": ");
        }
        return sb.append(message).toString();
    }
}
